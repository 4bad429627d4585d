//! `jwt_keys`: the access-token signing keys, private halves sealed.

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row as _};

/// A key's life: `active` signs (exactly one), `published` only verifies and stays in the JWKS,
/// `retired` is kept for the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyState {
	Active,
	Published,
	Retired,
}

impl KeyState {
	pub fn as_str(self) -> &'static str {
		match self {
			KeyState::Active => "active",
			KeyState::Published => "published",
			KeyState::Retired => "retired",
		}
	}

	fn parse(text: &str) -> Result<KeyState, sqlx::Error> {
		match text {
			"active" => Ok(KeyState::Active),
			"published" => Ok(KeyState::Published),
			"retired" => Ok(KeyState::Retired),
			other => Err(sqlx::Error::Decode(format!("unknown jwt key state {other:?}").into())),
		}
	}
}

/// A stored key.
#[derive(Debug, Clone)]
pub struct JwtKeyRow {
	pub kid: String,
	pub alg: String,
	pub private_sealed: Vec<u8>,
	pub public_jwk: String,
	pub state: KeyState,
	pub created_at: i64,
	pub state_changed_at: i64,
}

impl JwtKeyRow {
	fn from_row(row: &AnyRow) -> Result<JwtKeyRow, sqlx::Error> {
		let state: String = row.try_get("state")?;
		Ok(JwtKeyRow {
			kid: row.try_get("kid")?,
			alg: row.try_get("alg")?,
			private_sealed: row.try_get("private_sealed")?,
			public_jwk: row.try_get("public_jwk")?,
			state: KeyState::parse(&state)?,
			created_at: row.try_get("created_at")?,
			state_changed_at: row.try_get("state_changed_at")?,
		})
	}
}

/// Inserts a key.
pub async fn insert<'e>(
	ex: impl Executor<'e, Database = Any>,
	key: &JwtKeyRow,
) -> Result<(), sqlx::Error> {
	sqlx::query(
        "INSERT INTO jwt_keys (kid, alg, private_sealed, public_jwk, state, created_at, state_changed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(key.kid.as_str())
    .bind(key.alg.as_str())
    .bind(key.private_sealed.as_slice())
    .bind(key.public_jwk.as_str())
    .bind(key.state.as_str())
    .bind(key.created_at)
    .bind(key.state_changed_at)
    .execute(ex)
    .await?;
	Ok(())
}

/// Active and published keys, newest first.
pub async fn usable<'e>(
	ex: impl Executor<'e, Database = Any>,
) -> Result<Vec<JwtKeyRow>, sqlx::Error> {
	let rows = sqlx::query(
		"SELECT kid, alg, private_sealed, public_jwk, state, created_at, state_changed_at \
         FROM jwt_keys WHERE state IN ('active', 'published') ORDER BY created_at DESC, kid",
	)
	.fetch_all(ex)
	.await?;
	rows.iter().map(JwtKeyRow::from_row).collect()
}

/// Every key, newest first.
pub async fn all<'e>(ex: impl Executor<'e, Database = Any>) -> Result<Vec<JwtKeyRow>, sqlx::Error> {
	let rows = sqlx::query(
		"SELECT kid, alg, private_sealed, public_jwk, state, created_at, state_changed_at \
         FROM jwt_keys ORDER BY created_at DESC, kid",
	)
	.fetch_all(ex)
	.await?;
	rows.iter().map(JwtKeyRow::from_row).collect()
}

/// Demotes the active key (if any) to published.
pub async fn demote_active<'e>(
	ex: impl Executor<'e, Database = Any>,
	now: i64,
) -> Result<u64, sqlx::Error> {
	let done = sqlx::query(
		"UPDATE jwt_keys SET state = 'published', state_changed_at = $1 WHERE state = 'active'",
	)
	.bind(now)
	.execute(ex)
	.await?;
	Ok(done.rows_affected())
}

/// Retires published keys demoted before `before` (ms): no token they signed is still valid.
pub async fn retire_published_before<'e>(
	ex: impl Executor<'e, Database = Any>,
	before: i64,
	now: i64,
) -> Result<u64, sqlx::Error> {
	let done = sqlx::query(
		"UPDATE jwt_keys SET state = 'retired', state_changed_at = $1 \
         WHERE state = 'published' AND state_changed_at < $2",
	)
	.bind(now)
	.bind(before)
	.execute(ex)
	.await?;
	Ok(done.rows_affected())
}
