//! `refresh_tokens`: refresh tokens by sha256, grouped in families (one family per original
//! grant). Rotation and reuse detection are in [`crate::auth::refresh`].

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row as _};

/// A stored refresh token.
#[derive(Debug, Clone)]
pub struct RefreshToken {
	pub token_sha256: Vec<u8>,
	pub family_id: String,
	pub client_id: String,
	pub subject: String,
	pub scope: String,
	pub issued_at: i64,
	pub expires_at: i64,
	pub rotated_at: Option<i64>,
	pub revoked_at: Option<i64>,
}

impl RefreshToken {
	fn from_row(row: &AnyRow) -> Result<RefreshToken, sqlx::Error> {
		Ok(RefreshToken {
			token_sha256: row.try_get("token_sha256")?,
			family_id: row.try_get("family_id")?,
			client_id: row.try_get("client_id")?,
			subject: row.try_get("subject")?,
			scope: row.try_get("scope")?,
			issued_at: row.try_get("issued_at")?,
			expires_at: row.try_get("expires_at")?,
			rotated_at: row.try_get("rotated_at")?,
			revoked_at: row.try_get("revoked_at")?,
		})
	}
}

/// Inserts a new token.
pub async fn insert<'e>(
	ex: impl Executor<'e, Database = Any>,
	token: &RefreshToken,
) -> Result<(), sqlx::Error> {
	sqlx::query(
        "INSERT INTO refresh_tokens \
         (token_sha256, family_id, client_id, subject, scope, issued_at, expires_at, rotated_at, revoked_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(token.token_sha256.as_slice())
    .bind(token.family_id.as_str())
    .bind(token.client_id.as_str())
    .bind(token.subject.as_str())
    .bind(token.scope.as_str())
    .bind(token.issued_at)
    .bind(token.expires_at)
    .bind(token.rotated_at)
    .bind(token.revoked_at)
    .execute(ex)
    .await?;
	Ok(())
}

/// The token with this digest.
pub async fn find<'e>(
	ex: impl Executor<'e, Database = Any>,
	sha256: &[u8],
) -> Result<Option<RefreshToken>, sqlx::Error> {
	let row = sqlx::query(
        "SELECT token_sha256, family_id, client_id, subject, scope, issued_at, expires_at, rotated_at, revoked_at \
         FROM refresh_tokens WHERE token_sha256 = $1",
    )
    .bind(sha256)
    .fetch_optional(ex)
    .await?;
	row.as_ref().map(RefreshToken::from_row).transpose()
}

/// Marks the token rotated, only if it is still current (not rotated, not revoked). `false` means
/// another request rotated or revoked it first: the caller treats that as reuse.
pub async fn mark_rotated<'e>(
	ex: impl Executor<'e, Database = Any>,
	sha256: &[u8],
	now: i64,
) -> Result<bool, sqlx::Error> {
	let done = sqlx::query(
		"UPDATE refresh_tokens SET rotated_at = $1 \
         WHERE token_sha256 = $2 AND rotated_at IS NULL AND revoked_at IS NULL",
	)
	.bind(now)
	.bind(sha256)
	.execute(ex)
	.await?;
	Ok(done.rows_affected() == 1)
}

/// Revokes every token of the family. How many were still unrevoked.
pub async fn revoke_family<'e>(
	ex: impl Executor<'e, Database = Any>,
	family_id: &str,
	now: i64,
) -> Result<u64, sqlx::Error> {
	let done = sqlx::query(
		"UPDATE refresh_tokens SET revoked_at = $1 WHERE family_id = $2 AND revoked_at IS NULL",
	)
	.bind(now)
	.bind(family_id)
	.execute(ex)
	.await?;
	Ok(done.rows_affected())
}

/// Revokes every token of a client (when it is retired).
pub async fn revoke_client<'e>(
	ex: impl Executor<'e, Database = Any>,
	client_id: &str,
	now: i64,
) -> Result<u64, sqlx::Error> {
	let done = sqlx::query(
		"UPDATE refresh_tokens SET revoked_at = $1 WHERE client_id = $2 AND revoked_at IS NULL",
	)
	.bind(now)
	.bind(client_id)
	.execute(ex)
	.await?;
	Ok(done.rows_affected())
}

/// Revokes every token issued for `subject` (a person who is disabled).
pub async fn revoke_subject<'e>(
	ex: impl Executor<'e, Database = Any>,
	subject: &str,
	now: i64,
) -> Result<u64, sqlx::Error> {
	let done = sqlx::query(
		"UPDATE refresh_tokens SET revoked_at = $1 WHERE subject = $2 AND revoked_at IS NULL",
	)
	.bind(now)
	.bind(subject)
	.execute(ex)
	.await?;
	Ok(done.rows_affected())
}

/// Whether any token of the family was revoked (then the whole family is).
/// When the family's first token was issued (ms), if it has any.
pub async fn family_started<'e>(
	ex: impl Executor<'e, Database = Any>,
	family_id: &str,
) -> Result<Option<i64>, sqlx::Error> {
	let row =
		sqlx::query("SELECT MIN(issued_at) AS started FROM refresh_tokens WHERE family_id = $1")
			.bind(family_id)
			.fetch_one(ex)
			.await?;
	row.try_get::<Option<i64>, _>("started")
}

pub async fn family_revoked<'e>(
	ex: impl Executor<'e, Database = Any>,
	family_id: &str,
) -> Result<bool, sqlx::Error> {
	let row = sqlx::query(
		"SELECT 1 AS one FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NOT NULL LIMIT 1",
	)
	.bind(family_id)
	.fetch_optional(ex)
	.await?;
	Ok(row.is_some())
}
