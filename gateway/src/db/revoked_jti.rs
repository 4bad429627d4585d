//! `revoked_jti`: access tokens revoked before their expiry (RFC 7009), mirrored in memory by
//! [`crate::auth::revocation::RevokedTokens`].

use sqlx::{Any, Executor, Row as _};

/// Records `jti` as revoked until `expires_at` (ms). Idempotent.
pub async fn insert<'e>(
	ex: impl Executor<'e, Database = Any>,
	jti: &str,
	expires_at: i64,
) -> Result<(), sqlx::Error> {
	sqlx::query(
		"INSERT INTO revoked_jti (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING",
	)
	.bind(jti)
	.bind(expires_at)
	.execute(ex)
	.await?;
	Ok(())
}

/// Every revocation still in force at `now` (ms).
pub async fn live<'e>(
	ex: impl Executor<'e, Database = Any>,
	now: i64,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
	let rows = sqlx::query("SELECT jti, expires_at FROM revoked_jti WHERE expires_at > $1")
		.bind(now)
		.fetch_all(ex)
		.await?;
	rows.iter()
		.map(|row| -> Result<(String, i64), sqlx::Error> {
			Ok((row.try_get("jti")?, row.try_get("expires_at")?))
		})
		.collect()
}

/// Drops revocations of tokens that have expired anyway.
pub async fn purge<'e>(
	ex: impl Executor<'e, Database = Any>,
	now: i64,
) -> Result<u64, sqlx::Error> {
	let done =
		sqlx::query("DELETE FROM revoked_jti WHERE expires_at <= $1").bind(now).execute(ex).await?;
	Ok(done.rows_affected())
}
