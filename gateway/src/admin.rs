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
use crate::db::{refresh_tokens, revoked_jti};
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
	let secret = random_token()?;
	let grant_types =
		if new.refresh_tokens { "client_credentials refresh_token" } else { "client_credentials" };
	let client = ApiClient {
		id: uuid::Uuid::now_v7().to_string(),
		name: name.to_string(),
		secret_sha256: sha256(secret.as_bytes()),
		scopes: scopes.to_string(),
		grant_types: grant_types.to_string(),
		act_as_account: new.act_as_account.clone(),
		kind: "backend".into(),
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
