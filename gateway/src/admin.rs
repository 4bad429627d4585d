//! The administration commands' logic (`pactum-gateway admin …`), as library functions so that
//! tests and the CLI share them: API clients (create, list, retire) and signing keys (rotate,
//! list, retire old ones).

use serde::Serialize;

use crate::auth::keys;
use crate::auth::revocation::client_key;
use crate::auth::scopes::{ScopeSet, UnknownScope};
use crate::auth::LEEWAY_SECS;
use crate::clock::{now_ms, secs_to_ms};
use crate::db::api_clients::{self, ApiClient};
use crate::db::jwt_keys;
use crate::db::Db;
use crate::db::{refresh_tokens, revoked_jti, users};
use crate::digests::{random_token, sha256, RandomError};
use crate::seal::Sealer;

/// Errors of the admin commands.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
	#[error(transparent)]
	Scope(#[from] UnknownScope),
	#[error("at least one scope is required")]
	NoScope,
	#[error("the name must be 1 to 100 characters")]
	BadName,
	#[error("no active API client {0}")]
	NoSuchClient(String),
	#[error("database: {0}")]
	Db(#[from] sqlx::Error),
	#[error(transparent)]
	Keys(#[from] keys::KeyError),
	#[error(transparent)]
	Random(#[from] RandomError),
	#[error("{0:?} is not a redirect URI: https (http only on loopback), no fragment")]
	BadRedirect(String),
	#[error(transparent)]
	Password(#[from] crate::auth::passwords::PasswordError),
	#[error("{0:?} is not an SS58 address")]
	BadAccount(String),
	#[error("a username is 1 to 100 characters of letters, digits and . _ @ -")]
	BadUsername,
	#[error("no person {0:?}")]
	NoUser(String),
	#[error("scopes: {0}")]
	BadScopes(String),
}

/// A person to create.
#[derive(Debug, Clone)]
pub struct NewUser {
	pub username: String,
	pub password: zeroize::Zeroizing<String>,
	/// The chain account (SS58) whose documents and events they see.
	pub chain_account: String,
	/// The most their tokens carry, whatever the portal client allows (space-separated scopes).
	pub scopes: String,
}

pub use crate::auth::scopes::PERSON_SCOPES;

/// A person as listed (no password hash).
#[derive(Debug, Serialize)]
pub struct ListedUser {
	pub id: String,
	pub username: String,
	pub chain_account: String,
	pub created_at: i64,
	pub disabled_at: Option<i64>,
	/// `None`: a client's (a person created before scopes were per person).
	pub scopes: Option<String>,
}

/// Creates a person who signs in at `/oauth/authorize`.
pub async fn create_user(db: &Db, new: &NewUser) -> Result<ListedUser, AdminError> {
	let username = new.username.trim();
	let valid = |c: char| c.is_alphanumeric() || ".-_@".contains(c);
	if username.is_empty() || username.chars().count() > 100 || !username.chars().all(valid) {
		return Err(AdminError::BadUsername);
	}
	<subxt::utils::AccountId32 as std::str::FromStr>::from_str(&new.chain_account)
		.map_err(|_| AdminError::BadAccount(new.chain_account.clone()))?;
	let scopes = person_scopes_of(&new.scopes)?;
	let user = users::User {
		id: uuid::Uuid::now_v7().to_string(),
		username: username.to_string(),
		password_hash: crate::auth::passwords::hash(&new.password)?,
		chain_account: new.chain_account.clone(),
		created_at: now_ms(),
		disabled_at: None,
		scopes: Some(scopes.to_string()),
	};
	users::insert(&db.pool, &user).await?;
	tracing::info!(user = %user.id, username = %user.username, "person created");
	Ok(listed_user(user))
}

fn listed_user(user: users::User) -> ListedUser {
	ListedUser {
		id: user.id,
		username: user.username,
		chain_account: user.chain_account,
		created_at: user.created_at,
		disabled_at: user.disabled_at,
		scopes: user.scopes,
	}
}

/// Every person.
pub async fn list_users(db: &Db) -> Result<Vec<ListedUser>, AdminError> {
	Ok(users::list(&db.pool).await?.into_iter().map(listed_user).collect())
}

/// A person's scopes as given: known scopes, at least one.
fn person_scopes_of(text: &str) -> Result<ScopeSet, AdminError> {
	let scopes = ScopeSet::parse_strict(text).map_err(|e| AdminError::BadScopes(e.to_string()))?;
	if scopes.is_empty() {
		return Err(AdminError::BadScopes("no scope".into()));
	}
	Ok(scopes)
}

/// Sets what a person's tokens carry from their next access token on (a refresh re-reads it).
pub async fn set_user_scopes(
	db: &Db,
	username: &str,
	scopes: &str,
) -> Result<ListedUser, AdminError> {
	let scopes = person_scopes_of(scopes)?;
	if !users::set_scopes(&db.pool, username, &scopes.to_string()).await? {
		return Err(AdminError::NoUser(username.to_string()));
	}
	let user = users::by_username(&db.pool, username)
		.await?
		.ok_or_else(|| AdminError::NoUser(username.to_string()))?;
	tracing::info!(user = %user.id, %scopes, "person's scopes set");
	Ok(listed_user(user))
}

/// Disables a person: no more sign-ins, and their refresh tokens are revoked.
pub async fn disable_user(db: &Db, username: &str) -> Result<u64, AdminError> {
	let user = users::by_username(&db.pool, username)
		.await?
		.ok_or_else(|| AdminError::NoUser(username.to_string()))?;
	let now = now_ms();
	users::disable(&db.pool, username, now).await?;
	let subject = format!("{}{}", crate::pipeline::intake::USER_SUBJECT, user.id);
	Ok(refresh_tokens::revoke_subject(&db.pool, &subject, now).await?)
}

/// What to create.
#[derive(Debug, Clone)]
pub struct NewApiClient {
	pub name: String,
	/// Space-separated scopes.
	pub scopes: String,
	/// Also issue refresh tokens with client credentials.
	pub refresh_tokens: bool,
	/// The chain account (a signer's) the client acts for: what it reads, who signs its writes.
	pub act_as_account: Option<String>,
	/// Redirect URIs: when given, the client is a public portal client (authorization code with
	/// PKCE, refresh tokens; no secret, no client credentials).
	pub redirect_uris: Vec<String>,
}

/// A created client: the secret is shown this once.
#[derive(Debug, Serialize)]
pub struct CreatedApiClient {
	pub client_id: String,
	pub client_secret: String,
	pub scopes: String,
	pub grant_types: String,
}

/// Creates an API client with a fresh 256-bit secret.
pub async fn create_api_client(
	db: &Db,
	new: &NewApiClient,
) -> Result<CreatedApiClient, AdminError> {
	let name = new.name.trim();
	if name.is_empty() || name.chars().count() > 100 {
		return Err(AdminError::BadName);
	}
	let scopes = ScopeSet::parse_strict(&new.scopes)?;
	if scopes.is_empty() {
		return Err(AdminError::NoScope);
	}
	let portal = !new.redirect_uris.is_empty();
	for uri in &new.redirect_uris {
		let url = reqwest::Url::parse(uri).map_err(|_| AdminError::BadRedirect(uri.clone()))?;
		let loopback = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
		if url.fragment().is_some()
			|| !(url.scheme() == "https" || (url.scheme() == "http" && loopback))
		{
			return Err(AdminError::BadRedirect(uri.clone()));
		}
	}
	let secret = random_token()?;
	let grant_types = match (portal, new.refresh_tokens) {
		(true, _) => "authorization_code refresh_token",
		(false, true) => "client_credentials refresh_token",
		(false, false) => "client_credentials",
	};
	let client = ApiClient {
		id: uuid::Uuid::now_v7().to_string(),
		name: name.to_string(),
		secret_sha256: sha256(secret.as_bytes()),
		scopes: scopes.to_string(),
		grant_types: grant_types.to_string(),
		act_as_account: if portal { None } else { new.act_as_account.clone() },
		kind: if portal { "portal" } else { "backend" }.into(),
		redirect_uris: new.redirect_uris.join(" "),
		created_at: now_ms(),
		retired_at: None,
	};
	api_clients::insert(&db.pool, &client).await?;
	tracing::info!(client_id = %client.id, name = %client.name, "API client created");
	Ok(CreatedApiClient {
		client_id: client.id,
		client_secret: secret,
		scopes: client.scopes,
		grant_types: client.grant_types,
	})
}

/// A client as listed (no secret digest).
#[derive(Debug, Serialize)]
pub struct ListedApiClient {
	pub client_id: String,
	pub name: String,
	pub scopes: String,
	pub grant_types: String,
	pub act_as_account: Option<String>,
	/// `backend` or `portal`.
	pub kind: String,
	pub redirect_uris: Vec<String>,
	pub created_at: i64,
	pub retired_at: Option<i64>,
}

/// Every client.
pub async fn list_api_clients(db: &Db) -> Result<Vec<ListedApiClient>, AdminError> {
	Ok(api_clients::list(&db.pool)
		.await?
		.into_iter()
		.map(|c| ListedApiClient {
			client_id: c.id,
			name: c.name,
			scopes: c.scopes,
			grant_types: c.grant_types,
			act_as_account: c.act_as_account,
			redirect_uris: c.redirect_uris.split_ascii_whitespace().map(str::to_string).collect(),
			kind: c.kind,
			created_at: c.created_at,
			retired_at: c.retired_at,
		})
		.collect())
}

/// Retires a client, revokes its refresh tokens and denies its access tokens (a running gateway
/// picks the denial up within ten seconds) until the longest one, `access_ttl_secs` plus the
/// verification leeway, has expired.
pub async fn retire_api_client(db: &Db, id: &str, access_ttl_secs: u64) -> Result<u64, AdminError> {
	let now = now_ms();
	let mut tx = db.pool.begin().await?;
	if !api_clients::retire(&mut *tx, id, now).await? {
		return Err(AdminError::NoSuchClient(id.to_string()));
	}
	let revoked = refresh_tokens::revoke_client(&mut *tx, id, now).await?;
	let until = now.saturating_add(secs_to_ms(access_ttl_secs.saturating_add(LEEWAY_SECS)));
	revoked_jti::insert(&mut *tx, &client_key(id), until).await?;
	tx.commit().await?;
	tracing::info!(client_id = %id, revoked, "API client retired");
	Ok(revoked)
}

/// Adds a new active signing key; the previous one stays published.
pub async fn rotate_jwt_key(db: &Db, sealer: &Sealer) -> Result<String, AdminError> {
	Ok(keys::rotate(db, sealer, now_ms()).await?)
}

/// A key as listed.
#[derive(Debug, Serialize)]
pub struct ListedKey {
	pub kid: String,
	pub alg: String,
	pub state: &'static str,
	pub created_at: i64,
	pub state_changed_at: i64,
}

/// Every key, newest first.
pub async fn list_jwt_keys(db: &Db) -> Result<Vec<ListedKey>, AdminError> {
	Ok(jwt_keys::all(&db.pool)
		.await?
		.into_iter()
		.map(|k| ListedKey {
			kid: k.kid,
			alg: k.alg,
			state: k.state.as_str(),
			created_at: k.created_at,
			state_changed_at: k.state_changed_at,
		})
		.collect())
}

/// Retires published keys demoted longer ago than the access-token lifetime plus a minute:
/// no token they signed can still be valid.
pub async fn retire_old_jwt_keys(db: &Db, access_ttl_secs: u64) -> Result<u64, AdminError> {
	let now = now_ms();
	// A running gateway may sign with a demoted key until its next reload (a minute), and its
	// tokens verify for the lifetime plus the leeway; a minute more of margin.
	let margin = 60 + LEEWAY_SECS + 60;
	let before = now.saturating_sub(secs_to_ms(access_ttl_secs.saturating_add(margin)));
	Ok(jwt_keys::retire_published_before(&db.pool, before, now).await?)
}
