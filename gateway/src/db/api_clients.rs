//! `api_clients`: the OAuth clients (backends) allowed to obtain tokens.

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row as _};

/// A stored API client.
#[derive(Debug, Clone)]
pub struct ApiClient {
	pub id: String,
	pub name: String,
	pub secret_sha256: Vec<u8>,
	/// Space-separated scopes: the most a token of this client may carry.
	pub scopes: String,
	/// Space-separated grant types it may use.
	pub grant_types: String,
	pub act_as_account: Option<String>,
	pub kind: String,
	/// Space-separated redirect URIs (portal clients).
	pub redirect_uris: String,
	pub created_at: i64,
	pub retired_at: Option<i64>,
}

impl ApiClient {
	/// A public client (the portal): identified by its id alone, PKCE required.
	pub fn is_public(&self) -> bool {
		self.kind == "portal"
	}

	/// Whether `uri` is one of its redirect URIs (exact comparison).
	pub fn allows_redirect(&self, uri: &str) -> bool {
		self.redirect_uris.split_ascii_whitespace().any(|r| r == uri)
	}

	/// Whether the client may use `grant_type`.
	pub fn allows_grant(&self, grant_type: &str) -> bool {
		self.grant_types.split_ascii_whitespace().any(|g| g == grant_type)
	}

	fn from_row(row: &AnyRow) -> Result<ApiClient, sqlx::Error> {
		Ok(ApiClient {
			id: row.try_get("id")?,
			name: row.try_get("name")?,
			secret_sha256: row.try_get("secret_sha256")?,
			scopes: row.try_get("scopes")?,
			grant_types: row.try_get("grant_types")?,
			act_as_account: row.try_get("act_as_account")?,
			kind: row.try_get("kind")?,
			redirect_uris: row.try_get("redirect_uris")?,
			created_at: row.try_get("created_at")?,
			retired_at: row.try_get("retired_at")?,
		})
	}
}

/// Inserts a new client.
pub async fn insert<'e>(
	ex: impl Executor<'e, Database = Any>,
	client: &ApiClient,
) -> Result<(), sqlx::Error> {
	sqlx::query(
        "INSERT INTO api_clients (id, name, secret_sha256, scopes, grant_types, act_as_account, kind, created_at, retired_at, redirect_uris) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(client.id.as_str())
    .bind(client.name.as_str())
    .bind(client.secret_sha256.as_slice())
    .bind(client.scopes.as_str())
    .bind(client.grant_types.as_str())
    .bind(client.act_as_account.as_deref())
    .bind(client.kind.as_str())
    .bind(client.created_at)
    .bind(client.retired_at)
    .bind(client.redirect_uris.as_str())
    .execute(ex)
    .await?;
	Ok(())
}

/// The client `id`, retired or not.
pub async fn find<'e>(
	ex: impl Executor<'e, Database = Any>,
	id: &str,
) -> Result<Option<ApiClient>, sqlx::Error> {
	let row = sqlx::query(
        "SELECT id, name, secret_sha256, scopes, grant_types, act_as_account, kind, created_at, retired_at, redirect_uris \
         FROM api_clients WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(ex)
    .await?;
	row.as_ref().map(ApiClient::from_row).transpose()
}

/// Every client, oldest first.
pub async fn list<'e>(
	ex: impl Executor<'e, Database = Any>,
) -> Result<Vec<ApiClient>, sqlx::Error> {
	let rows = sqlx::query(
        "SELECT id, name, secret_sha256, scopes, grant_types, act_as_account, kind, created_at, retired_at, redirect_uris \
         FROM api_clients ORDER BY created_at, id",
    )
    .fetch_all(ex)
    .await?;
	rows.iter().map(ApiClient::from_row).collect()
}

/// Retires the client (it can no longer authenticate). Whether it was active.
pub async fn retire<'e>(
	ex: impl Executor<'e, Database = Any>,
	id: &str,
	now: i64,
) -> Result<bool, sqlx::Error> {
	let done =
		sqlx::query("UPDATE api_clients SET retired_at = $1 WHERE id = $2 AND retired_at IS NULL")
			.bind(now)
			.bind(id)
			.execute(ex)
			.await?;
	Ok(done.rows_affected() == 1)
}
