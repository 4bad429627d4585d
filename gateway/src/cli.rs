//! The command line:
//!
//! ```text
//! pactum-gateway [--config FILE] serve
//! pactum-gateway [--config FILE] migrate
//! pactum-gateway [--config FILE] admin api-client create --name NAME --scopes "documents:read …" [--refresh-tokens] [--act-as ACCOUNT]
//! pactum-gateway [--config FILE] admin api-client create --name NAME --scopes "…" --redirect-uri URI…   (a public portal client)
//! pactum-gateway [--config FILE] admin api-client list
//! pactum-gateway [--config FILE] admin api-client retire CLIENT_ID
//! pactum-gateway [--config FILE] admin jwt-key rotate | list | retire-old
//! pactum-gateway [--config FILE] admin signer add --label LABEL (--secret-file FILE | --generate)
//! pactum-gateway [--config FILE] admin signer list
//! pactum-gateway [--config FILE] admin user create --username NAME --account SS58 --password-file FILE|-
//! pactum-gateway [--config FILE] admin user list | disable USERNAME
//! pactum-gateway admin master-key generate --out FILE
//! ```
//!
//! Admin commands print JSON on stdout (a created client's secret only there, once).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::config::Config;
use crate::pipeline::keys;
use crate::{admin, seal, serve, telemetry};

#[derive(Debug, Parser)]
#[command(name = "pactum-gateway", version, about = "Pactum's REST gateway with OAuth 2.0")]
pub struct Cli {
	/// TOML configuration file (every field can also be set as PACTUM_GATEWAY_<FIELD>).
	#[arg(long, env = "PACTUM_GATEWAY_CONFIG", global = true)]
	pub config: Option<PathBuf>,
	#[command(subcommand)]
	pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
	/// Serve the API until Ctrl-C or SIGTERM.
	Serve,
	/// Apply pending database migrations and exit.
	Migrate,
	/// Administration.
	#[command(subcommand)]
	Admin(AdminCommand),
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
	/// OAuth API clients.
	#[command(subcommand)]
	ApiClient(ApiClientCommand),
	/// Access-token signing keys.
	#[command(subcommand)]
	JwtKey(JwtKeyCommand),
	/// The master key that seals secrets at rest.
	#[command(subcommand)]
	MasterKey(MasterKeyCommand),
	/// The chain accounts the gateway signs for.
	#[command(subcommand)]
	Signer(SignerCommand),
	/// People who sign in to the portal.
	#[command(subcommand)]
	User(UserCommand),
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
	/// Create a person; prints them.
	Create {
		#[arg(long)]
		username: String,
		/// The chain account (SS58) whose documents and events they see.
		#[arg(long)]
		account: String,
		/// File holding the password (at least 12 characters); `-` reads standard input.
		#[arg(long)]
		password_file: PathBuf,
		/// The most their tokens carry, whatever the portal client allows. The default is a
		/// client's; give the operator's staff the write scopes their work needs.
		#[arg(long, default_value = admin::PERSON_SCOPES)]
		scopes: String,
	},
	/// Set what a person's tokens carry from their next access token on; prints them.
	SetScopes {
		username: String,
		/// Space-separated scopes.
		#[arg(long)]
		scopes: String,
	},
	/// List people.
	List,
	/// Disable a person (no more sign-ins; their refresh tokens are revoked).
	Disable { username: String },
}

#[derive(Debug, Subcommand)]
pub enum SignerCommand {
	/// Add a signer (its secret is sealed with the master key); prints its account.
	Add {
		#[arg(long)]
		label: String,
		/// File holding the secret URI (a mnemonic, a 0x seed, or //Alice on a development
		/// chain); `-` reads standard input. Never on the command line, where `ps` shows it.
		#[arg(long, conflicts_with = "generate", required_unless_present = "generate")]
		secret_file: Option<PathBuf>,
		/// Generate a new random key instead (then fund and register the printed account).
		#[arg(long)]
		generate: bool,
	},
	/// List signers.
	List,
}

#[derive(Debug, Subcommand)]
pub enum ApiClientCommand {
	/// Create a client; prints its id and secret (shown once).
	Create {
		#[arg(long)]
		name: String,
		/// Space-separated scopes, e.g. "documents:read documents:write".
		#[arg(long)]
		scopes: String,
		/// Also issue refresh tokens with client credentials.
		#[arg(long)]
		refresh_tokens: bool,
		/// The signer (label or SS58 account, see `admin signer`) the client's writes are signed by.
		#[arg(long, conflicts_with = "redirect_uri")]
		act_as: Option<String>,
		/// A redirect URI of a public portal client (repeatable): the client signs people in with
		/// the authorization-code grant and PKCE, and has no secret.
		#[arg(long, conflicts_with = "refresh_tokens")]
		redirect_uri: Vec<String>,
	},
	/// List clients.
	List,
	/// Retire a client and revoke its refresh tokens.
	Retire { client_id: String },
}

#[derive(Debug, Subcommand)]
pub enum JwtKeyCommand {
	/// Make a new active key; the previous one keeps verifying until retired.
	Rotate,
	/// List keys.
	List,
	/// Retire published keys older than the access-token lifetime.
	RetireOld,
}

#[derive(Debug, Subcommand)]
pub enum MasterKeyCommand {
	/// Write a new random master key (64 hex characters) to a new file, mode 0600.
	Generate {
		#[arg(long)]
		out: PathBuf,
	},
}

/// The binary's entry point.
pub fn main() -> ExitCode {
	let cli = Cli::parse();
	// Generating a master key needs neither the configuration nor a runtime.
	if let Command::Admin(AdminCommand::MasterKey(MasterKeyCommand::Generate { out })) =
		&cli.command
	{
		return report(write_master_key(out));
	}
	let config = match Config::load(cli.config.as_deref()) {
		Ok(config) => config,
		Err(error) => {
			eprintln!("pactum-gateway: {error}");
			return ExitCode::from(2);
		}
	};
	telemetry::init(config.log_format);
	let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
		Ok(runtime) => runtime,
		Err(error) => {
			eprintln!("pactum-gateway: cannot start the async runtime: {error}");
			return ExitCode::FAILURE;
		}
	};
	report(runtime.block_on(run(cli.command, config)))
}

fn report(result: Result<(), String>) -> ExitCode {
	match result {
		Ok(()) => ExitCode::SUCCESS,
		Err(error) => {
			eprintln!("pactum-gateway: {error}");
			ExitCode::FAILURE
		}
	}
}

async fn run(command: Command, config: Config) -> Result<(), String> {
	match command {
		Command::Serve => serve::serve(config).await.map_err(|e| e.to_string()),
		Command::Migrate => {
			serve::open_db(&config).await.map_err(|e| e.to_string())?;
			tracing::info!("migrations applied");
			Ok(())
		}
		Command::Admin(command) => run_admin(command, config).await,
	}
}

async fn run_admin(command: AdminCommand, config: Config) -> Result<(), String> {
	let db = serve::open_db(&config).await.map_err(|e| e.to_string())?;
	match command {
		AdminCommand::ApiClient(ApiClientCommand::Create {
			name,
			scopes,
			refresh_tokens,
			act_as,
			redirect_uri,
		}) => {
			let act_as_account = match act_as {
				Some(name) => Some(
					keys::resolve_signer(&db, &name)
						.await
						.map_err(|e| e.to_string())?
						.ok_or_else(|| format!("no signer {name:?} (admin signer add)"))?,
				),
				None => None,
			};
			let new = admin::NewApiClient {
				name,
				scopes,
				refresh_tokens,
				act_as_account,
				redirect_uris: redirect_uri,
			};
			print_json(&admin::create_api_client(&db, &new).await.map_err(|e| e.to_string())?)
		}
		AdminCommand::ApiClient(ApiClientCommand::List) => {
			print_json(&admin::list_api_clients(&db).await.map_err(|e| e.to_string())?)
		}
		AdminCommand::ApiClient(ApiClientCommand::Retire { client_id }) => {
			let revoked = admin::retire_api_client(&db, &client_id, config.access_token_ttl_secs)
				.await
				.map_err(|e| e.to_string())?;
			print_json(
				&serde_json::json!({ "retired": client_id, "refresh_tokens_revoked": revoked }),
			)
		}
		AdminCommand::JwtKey(JwtKeyCommand::Rotate) => {
			let sealer = serve::load_sealer(&config).map_err(|e| e.to_string())?;
			let kid = admin::rotate_jwt_key(&db, &sealer).await.map_err(|e| e.to_string())?;
			print_json(&serde_json::json!({ "active": kid }))
		}
		AdminCommand::JwtKey(JwtKeyCommand::List) => {
			print_json(&admin::list_jwt_keys(&db).await.map_err(|e| e.to_string())?)
		}
		AdminCommand::JwtKey(JwtKeyCommand::RetireOld) => {
			let retired = admin::retire_old_jwt_keys(&db, config.access_token_ttl_secs)
				.await
				.map_err(|e| e.to_string())?;
			print_json(&serde_json::json!({ "retired": retired }))
		}
		AdminCommand::MasterKey(MasterKeyCommand::Generate { out }) => write_master_key(&out),
		AdminCommand::Signer(SignerCommand::Add { label, secret_file, generate: _ }) => {
			let sealer = serve::load_sealer(&config).map_err(|e| e.to_string())?;
			let secret = match secret_file {
				Some(path) => Some(read_secret(&path)?),
				None => None,
			};
			let added = keys::add_signer(&db, &sealer, &label, secret.as_ref().map(|s| s.as_str()))
				.await
				.map_err(|e| e.to_string())?;
			print_json(&added)
		}
		AdminCommand::User(UserCommand::Create { username, account, password_file, scopes }) => {
			let password = read_secret(&password_file)?;
			let new = admin::NewUser { username, password, chain_account: account, scopes };
			print_json(&admin::create_user(&db, &new).await.map_err(|e| e.to_string())?)
		}
		AdminCommand::User(UserCommand::List) => {
			print_json(&admin::list_users(&db).await.map_err(|e| e.to_string())?)
		}
		AdminCommand::User(UserCommand::SetScopes { username, scopes }) => print_json(
			&admin::set_user_scopes(&db, &username, &scopes).await.map_err(|e| e.to_string())?,
		),
		AdminCommand::User(UserCommand::Disable { username }) => {
			let revoked = admin::disable_user(&db, &username).await.map_err(|e| e.to_string())?;
			print_json(
				&serde_json::json!({ "disabled": username, "refresh_tokens_revoked": revoked }),
			)
		}
		AdminCommand::Signer(SignerCommand::List) => {
			print_json(&keys::list_signers(&db).await.map_err(|e| e.to_string())?)
		}
	}
}

/// A secret from a file, or from standard input for `-`.
fn read_secret(path: &Path) -> Result<zeroize::Zeroizing<String>, String> {
	use std::io::Read as _;
	let mut text = zeroize::Zeroizing::new(String::new());
	if path == Path::new("-") {
		std::io::stdin()
			.read_to_string(&mut text)
			.map_err(|e| format!("cannot read stdin: {e}"))?;
	} else {
		*text = std::fs::read_to_string(path)
			.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
	}
	Ok(zeroize::Zeroizing::new(text.trim().to_string()))
}

fn print_json<T: Serialize>(value: &T) -> Result<(), String> {
	let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
	println!("{text}");
	Ok(())
}

/// Writes a new key to a file that must not exist yet, readable by its owner only.
fn write_master_key(path: &Path) -> Result<(), String> {
	use std::io::Write as _;
	let key = seal::generate_hex_key().map_err(|e| e.to_string())?;
	let mut options = std::fs::OpenOptions::new();
	options.write(true).create_new(true);
	#[cfg(unix)]
	{
		use std::os::unix::fs::OpenOptionsExt as _;
		options.mode(0o600);
	}
	let mut file =
		options.open(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
	file.write_all(key.as_bytes())
		.and_then(|()| file.write_all(b"\n"))
		.and_then(|()| file.sync_all())
		.map_err(|e| format!("cannot write {}: {e}", path.display()))?;
	eprintln!("pactum-gateway: wrote a new master key to {}", path.display());
	Ok(())
}
