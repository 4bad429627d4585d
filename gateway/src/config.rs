//! Configuration: defaults, then a TOML file (`--config` or `PACTUM_GATEWAY_CONFIG`), then
//! `PACTUM_GATEWAY_<FIELD>` environment variables (upper-case field names), which win.
//!
//! Secrets are given by file path (`master_key_file`) or by `PACTUM_GATEWAY_MASTER_KEY`; they are
//! never logged (`Debug` redacts them).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// What can go wrong while loading the configuration.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
	#[error("cannot read the configuration file {path}: {source}")]
	Read { path: PathBuf, source: std::io::Error },
	#[error("invalid configuration file {path}: {source}")]
	Parse { path: PathBuf, source: Box<toml::de::Error> },
	#[error("invalid value for {name}: {reason}")]
	Env { name: String, reason: String },
	#[error("invalid configuration: {0}")]
	Invalid(String),
}

/// How logs are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
	/// Human-readable lines.
	Text,
	/// One JSON object per line.
	Json,
}

/// The gateway's configuration. Every field has a default suited to a development machine.
/// An operator's OpenID Connect provider whose access tokens the gateway accepts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExternalIssuer {
	/// The `iss` its tokens carry, exactly.
	pub issuer: String,
	/// Where it publishes its signing keys (a JWK Set, e.g. its `jwks_uri`).
	pub jwks_url: String,
	/// The `aud` its tokens carry for this gateway.
	pub audience: String,
	/// The API client (`admin api-client create`) its tokens act as: that client's chain account
	/// and at most its scopes.
	pub client_id: String,
}

#[derive(Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
	/// Address the HTTP server listens on.
	pub listen: SocketAddr,
	/// The gateway's public base URL: the OAuth issuer (`iss`) and the base of metadata URLs;
	/// default `http://<listen>`.
	pub public_url: Option<String>,
	/// Directory for the SQLite database and (later) stored files.
	pub data_dir: PathBuf,
	/// `sqlite://…` or `postgres://…`; default `sqlite://<data_dir>/gateway.db?mode=rwc`.
	pub database_url: Option<String>,
	/// Maximum connections in the database pool.
	pub database_max_connections: u32,
	/// WebSocket URL of the Pactum node.
	pub node_url: String,
	/// How often the node is probed for `/readyz`, in seconds.
	pub chain_probe_interval_secs: u64,
	/// The first finalized block the chain index reads (lookups by transaction hash and the event
	/// stream cover blocks from here on), when the index is empty; none: the finalized head at
	/// first start. An earlier block needs a node that keeps the state of old blocks (archive).
	pub index_from_block: Option<u64>,
	/// File holding the master key (64 hex characters) that seals secrets at rest.
	pub master_key_file: Option<PathBuf>,
	/// The master key itself (64 hex characters); prefer `master_key_file`.
	pub master_key: Option<String>,
	/// Earlier master keys, still able to open what they sealed (key rotation).
	pub old_master_key_files: Vec<PathBuf>,
	/// Audience (`aud`) of the access tokens this gateway issues and accepts.
	pub audience: String,
	/// Lifetime of access tokens, in seconds.
	pub access_token_ttl_secs: u64,
	/// Lifetime of refresh tokens, in seconds.
	pub refresh_token_ttl_secs: u64,
	/// Whole-request timeout, in seconds.
	pub request_timeout_secs: u64,
	/// Largest accepted request body, in bytes (file uploads excepted).
	pub body_limit_bytes: usize,
	/// Largest document file `POST /v1/files` accepts, in bytes.
	pub file_limit_bytes: u64,
	/// How long an upload may take, in seconds.
	pub upload_timeout_secs: u64,
	/// How many bytes of files one account may have uploaded; an upload is refused once its files
	/// take that much (checked when an upload starts: each upload then in progress may end past
	/// it by at most `file_limit_bytes`).
	pub upload_quota_bytes: u64,
	/// Let webhooks call loopback and private addresses (tests, a closed network); refused by
	/// default, so an API client cannot make the gateway reach its own network.
	pub webhook_allow_private_networks: bool,
	/// Origins allowed by CORS (none by default: server-to-server use needs none).
	pub cors_origins: Vec<String>,
	/// The client portal's build (`portal/dist`), served under `/portal/`; none: no portal.
	pub portal_dir: Option<PathBuf>,
	/// The portal's public OAuth client (`admin api-client create --redirect-uri
	/// <public_url>/portal/callback`), which the portal signs people in with.
	pub portal_client_id: Option<String>,
	/// A person's session in the portal ends after this long without activity, in seconds.
	pub portal_session_idle_secs: u64,
	/// Where the portal links a transaction: an http(s) URL with `{block_hash}`, `{block_number}`
	/// and `{index}` (the extrinsic's place in its block) filled in, e.g. polkadot.js apps'
	/// `https://polkadot.js.org/apps/?rpc=wss%3A%2F%2Frpc.example#/explorer/query/{block_hash}` or
	/// a Subscan-style `https://explorer.example/extrinsic/{block_number}-{index}`; none: no links.
	pub portal_explorer_url: Option<String>,
	/// The gateway signs with a custodial client's key only for a person who signed in at most
	/// this long ago, in seconds (older: 401 `insufficient_user_authentication`, RFC 9470).
	pub custodial_signing_max_age_secs: u64,
	/// Operators' own OpenID Connect providers whose access tokens are accepted
	/// (`[[external_issuers]]` in the file; `PACTUM_GATEWAY_EXTERNAL_ISSUERS` as a JSON array).
	pub external_issuers: Vec<ExternalIssuer>,
	/// How many event streams (`/v1/events/stream`) one caller (an API client, or a person signed
	/// in) keeps open at once.
	pub max_streams_per_client: usize,
	/// How long in-flight requests may take to finish after a shutdown signal, in seconds.
	pub shutdown_grace_secs: u64,
	/// Log format.
	pub log_format: LogFormat,
}

impl Default for Config {
	fn default() -> Self {
		Config {
			listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
			public_url: None,
			data_dir: PathBuf::from("gateway-data"),
			database_url: None,
			database_max_connections: 8,
			node_url: "ws://127.0.0.1:9944".into(),
			chain_probe_interval_secs: 5,
			index_from_block: None,
			master_key_file: None,
			master_key: None,
			old_master_key_files: Vec::new(),
			audience: "pactum-gateway".into(),
			access_token_ttl_secs: 600,
			refresh_token_ttl_secs: 30 * 24 * 3600,
			request_timeout_secs: 30,
			body_limit_bytes: 1 << 20,
			file_limit_bytes: 50 << 20,
			upload_timeout_secs: 600,
			upload_quota_bytes: 10 << 30,
			webhook_allow_private_networks: false,
			cors_origins: Vec::new(),
			portal_dir: None,
			portal_client_id: None,
			portal_session_idle_secs: 15 * 60,
			portal_explorer_url: None,
			custodial_signing_max_age_secs: 5 * 60,
			external_issuers: Vec::new(),
			max_streams_per_client: 8,
			shutdown_grace_secs: 10,
			log_format: LogFormat::Text,
		}
	}
}

impl std::fmt::Debug for Config {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.debug_struct("Config")
			.field("listen", &self.listen)
			.field("public_url", &self.public_url)
			.field("data_dir", &self.data_dir)
			.field("database_url", &self.database_url.as_deref().map(redact_url))
			.field("database_max_connections", &self.database_max_connections)
			.field("node_url", &self.node_url)
			.field("chain_probe_interval_secs", &self.chain_probe_interval_secs)
			.field("index_from_block", &self.index_from_block)
			.field("master_key_file", &self.master_key_file)
			.field("master_key", &self.master_key.as_ref().map(|_| "<redacted>"))
			.field("old_master_key_files", &self.old_master_key_files)
			.field("audience", &self.audience)
			.field("access_token_ttl_secs", &self.access_token_ttl_secs)
			.field("refresh_token_ttl_secs", &self.refresh_token_ttl_secs)
			.field("request_timeout_secs", &self.request_timeout_secs)
			.field("body_limit_bytes", &self.body_limit_bytes)
			.field("file_limit_bytes", &self.file_limit_bytes)
			.field("upload_timeout_secs", &self.upload_timeout_secs)
			.field("upload_quota_bytes", &self.upload_quota_bytes)
			.field("webhook_allow_private_networks", &self.webhook_allow_private_networks)
			.field("cors_origins", &self.cors_origins)
			.field("portal_dir", &self.portal_dir)
			.field("portal_client_id", &self.portal_client_id)
			.field("portal_session_idle_secs", &self.portal_session_idle_secs)
			.field("portal_explorer_url", &self.portal_explorer_url)
			.field("custodial_signing_max_age_secs", &self.custodial_signing_max_age_secs)
			.field("external_issuers", &self.external_issuers)
			.field("max_streams_per_client", &self.max_streams_per_client)
			.field("shutdown_grace_secs", &self.shutdown_grace_secs)
			.field("log_format", &self.log_format)
			.finish()
	}
}

/// A database URL with any password replaced, for logs.
pub fn redact_url(url: &str) -> String {
	match (url.find("://"), url.rfind('@')) {
		(Some(scheme_end), Some(at)) if at >= scheme_end + 3 => {
			let userinfo = &url[scheme_end + 3..at];
			let user = userinfo.split(':').next().unwrap_or("");
			format!("{}://{}:<redacted>{}", &url[..scheme_end], user, &url[at..])
		}
		_ => url.to_string(),
	}
}

/// The prefix of every environment variable the gateway reads.
pub const ENV_PREFIX: &str = "PACTUM_GATEWAY_";

impl Config {
	/// Defaults, then the file (if any), then the process environment.
	pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
		let mut config = match file {
			Some(path) => Config::from_file(path)?,
			None => Config::default(),
		};
		config.apply_env(|name| std::env::var(name).ok())?;
		config.validate()?;
		Ok(config)
	}

	/// Reads a TOML file over the defaults.
	pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
		let text = std::fs::read_to_string(path)
			.map_err(|source| ConfigError::Read { path: path.to_path_buf(), source })?;
		toml::from_str(&text).map_err(|source| ConfigError::Parse {
			path: path.to_path_buf(),
			source: Box::new(source),
		})
	}

	/// Applies `PACTUM_GATEWAY_*` variables as returned by `lookup` (a closure, for tests).
	pub fn apply_env(
		&mut self,
		lookup: impl Fn(&str) -> Option<String>,
	) -> Result<(), ConfigError> {
		fn parsed<T: std::str::FromStr>(name: &str, value: String) -> Result<T, ConfigError>
		where
			T::Err: std::fmt::Display,
		{
			value.trim().parse().map_err(|e: T::Err| ConfigError::Env {
				name: name.to_string(),
				reason: e.to_string(),
			})
		}
		fn list(value: String) -> Vec<String> {
			value.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
		}
		let var = |field: &str| {
			let name = format!("{ENV_PREFIX}{}", field.to_ascii_uppercase());
			lookup(&name).map(|value| (name, value))
		};
		if let Some((n, v)) = var("listen") {
			self.listen = parsed(&n, v)?;
		}
		if let Some((_, v)) = var("public_url") {
			self.public_url = Some(v);
		}
		if let Some((_, v)) = var("data_dir") {
			self.data_dir = PathBuf::from(v);
		}
		if let Some((_, v)) = var("database_url") {
			self.database_url = Some(v);
		}
		if let Some((n, v)) = var("upload_quota_bytes") {
			self.upload_quota_bytes = parsed(&n, v)?;
		}
		if let Some((n, v)) = var("max_streams_per_client") {
			self.max_streams_per_client = parsed(&n, v)?;
		}
		if let Some((n, v)) = var("database_max_connections") {
			self.database_max_connections = parsed(&n, v)?;
		}
		if let Some((_, v)) = var("node_url") {
			self.node_url = v;
		}
		if let Some((n, v)) = var("chain_probe_interval_secs") {
			self.chain_probe_interval_secs = parsed(&n, v)?;
		}
		if let Some((n, v)) = var("index_from_block") {
			self.index_from_block = Some(parsed(&n, v)?);
		}
		if let Some((_, v)) = var("master_key_file") {
			self.master_key_file = Some(PathBuf::from(v));
		}
		if let Some((_, v)) = var("master_key") {
			self.master_key = Some(v);
		}
		if let Some((_, v)) = var("old_master_key_files") {
			self.old_master_key_files = list(v).into_iter().map(PathBuf::from).collect();
		}
		if let Some((_, v)) = var("audience") {
			self.audience = v;
		}
		if let Some((n, v)) = var("access_token_ttl_secs") {
			self.access_token_ttl_secs = parsed(&n, v)?;
		}
		if let Some((n, v)) = var("refresh_token_ttl_secs") {
			self.refresh_token_ttl_secs = parsed(&n, v)?;
		}
		if let Some((n, v)) = var("request_timeout_secs") {
			self.request_timeout_secs = parsed(&n, v)?;
		}
		if let Some((n, v)) = var("body_limit_bytes") {
			self.body_limit_bytes = parsed(&n, v)?;
		}
		if let Some((n, v)) = var("file_limit_bytes") {
			self.file_limit_bytes = parsed(&n, v)?;
		}
		if let Some((n, v)) = var("upload_timeout_secs") {
			self.upload_timeout_secs = parsed(&n, v)?;
		}
		if let Some((n, v)) = var("webhook_allow_private_networks") {
			self.webhook_allow_private_networks = parsed(&n, v)?;
		}
		if let Some((_, v)) = var("cors_origins") {
			self.cors_origins = list(v);
		}
		if let Some((_, v)) = var("portal_dir") {
			self.portal_dir = Some(PathBuf::from(v));
		}
		if let Some((_, v)) = var("portal_client_id") {
			self.portal_client_id = Some(v);
		}
		if let Some((n, v)) = var("portal_session_idle_secs") {
			self.portal_session_idle_secs = parsed(&n, v)?;
		}
		if let Some((_, v)) = var("portal_explorer_url") {
			self.portal_explorer_url = Some(v);
		}
		if let Some((n, v)) = var("custodial_signing_max_age_secs") {
			self.custodial_signing_max_age_secs = parsed(&n, v)?;
		}
		if let Some((n, v)) = var("external_issuers") {
			self.external_issuers = serde_json::from_str(&v)
				.map_err(|e| ConfigError::Env { name: n, reason: e.to_string() })?;
		}
		if let Some((n, v)) = var("shutdown_grace_secs") {
			self.shutdown_grace_secs = parsed(&n, v)?;
		}
		if let Some((n, v)) = var("log_format") {
			self.log_format = match v.trim() {
				"text" => LogFormat::Text,
				"json" => LogFormat::Json,
				other => {
					return Err(ConfigError::Env {
						name: n,
						reason: format!("{other:?} is not text or json"),
					})
				}
			};
		}
		Ok(())
	}

	/// Checks what serde cannot.
	pub fn validate(&self) -> Result<(), ConfigError> {
		let public_url = self.public_url();
		if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
			return Err(ConfigError::Invalid("public_url must be an http(s) URL".into()));
		}
		if public_url.ends_with('/') {
			return Err(ConfigError::Invalid("public_url must not end with '/'".into()));
		}
		if self.access_token_ttl_secs == 0 || self.access_token_ttl_secs > 24 * 3600 {
			return Err(ConfigError::Invalid(
				"access_token_ttl_secs must be within 1..=86400".into(),
			));
		}
		if self.refresh_token_ttl_secs < self.access_token_ttl_secs {
			return Err(ConfigError::Invalid(
				"refresh_token_ttl_secs must not be shorter than access_token_ttl_secs".into(),
			));
		}
		if self.request_timeout_secs == 0 || self.chain_probe_interval_secs == 0 {
			return Err(ConfigError::Invalid("timeouts and intervals must be positive".into()));
		}
		if self.database_max_connections == 0 || self.max_streams_per_client == 0 {
			return Err(ConfigError::Invalid(
				"database_max_connections and max_streams_per_client must be positive".into(),
			));
		}
		for external in &self.external_issuers {
			let url = url::Url::parse(&external.jwks_url).map_err(|e| {
				ConfigError::Invalid(format!("external issuer {}: jwks_url: {e}", external.issuer))
			})?;
			// Keys fetched in the clear could be swapped on the way: https, but for this machine.
			let loopback = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
			if !(url.scheme() == "https" || (url.scheme() == "http" && loopback)) {
				return Err(ConfigError::Invalid(format!(
					"external issuer {}: jwks_url must be https (http only on loopback)",
					external.issuer
				)));
			}
			if external.issuer.is_empty() || external.issuer == self.issuer() {
				return Err(ConfigError::Invalid(
					"an external issuer must be named, and not be this gateway".into(),
				));
			}
			if external.audience.is_empty() || external.client_id.is_empty() {
				return Err(ConfigError::Invalid(format!(
					"external issuer {}: audience and client_id are required",
					external.issuer
				)));
			}
		}
		if self.custodial_signing_max_age_secs == 0 {
			return Err(ConfigError::Invalid(
				"custodial_signing_max_age_secs must be at least 1".into(),
			));
		}
		if self.portal_session_idle_secs == 0 {
			return Err(ConfigError::Invalid("portal_session_idle_secs must be at least 1".into()));
		}
		if let Some(template) = &self.portal_explorer_url {
			let placeholders = ["{block_hash}", "{block_number}", "{index}"];
			let filled = placeholders.iter().fold(template.clone(), |url, p| url.replace(p, "0"));
			let http =
				url::Url::parse(&filled).is_ok_and(|url| matches!(url.scheme(), "http" | "https"));
			if !http || !placeholders[..2].iter().any(|p| template.contains(p)) {
				return Err(ConfigError::Invalid(
					"portal_explorer_url must be an http(s) URL with {block_hash} or {block_number} \
					 in it"
						.into(),
				));
			}
		}
		if let Some(dir) = &self.portal_dir {
			if !dir.join("index.html").is_file() {
				return Err(ConfigError::Invalid(format!(
					"portal_dir {} holds no index.html: build the portal first (cd portal && npm run build)",
					dir.display()
				)));
			}
		}
		Ok(())
	}

	/// The database URL: the configured one, or the SQLite file in `data_dir`.
	pub fn database_url(&self) -> String {
		match &self.database_url {
			Some(url) => url.clone(),
			None => format!("sqlite://{}/gateway.db?mode=rwc", self.data_dir.display()),
		}
	}

	/// The public base URL: the configured one, or `http://<listen>`.
	pub fn public_url(&self) -> String {
		match &self.public_url {
			Some(url) => url.clone(),
			None => format!("http://{}", self.listen),
		}
	}

	/// The OAuth issuer identifier (RFC 8414 §2): the public URL.
	pub fn issuer(&self) -> String {
		self.public_url()
	}
}
