//! `users` and `auth_codes`: people who sign in at `/oauth/authorize`, and the codes their
//! sign-ins produce (the rules are in migrations/sqlite/0006_people.sql).

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row as _};

/// A person.
#[derive(Debug, Clone)]
pub struct User {
	pub id: String,
	pub username: String,
	pub password_hash: String,
	pub chain_account: String,
	pub created_at: i64,
	pub disabled_at: Option<i64>,
	/// The most their tokens carry (space-separated); `None`: a client's (see
	/// [`crate::auth::scopes::person_scopes`]).
	pub scopes: Option<String>,
}

impl User {
	fn from_row(row: &AnyRow) -> Result<User, sqlx::Error> {
		Ok(User {
			id: row.try_get("id")?,
			username: row.try_get("username")?,
			password_hash: row.try_get("password_hash")?,
			chain_account: row.try_get("chain_account")?,
			created_at: row.try_get("created_at")?,
			disabled_at: row.try_get("disabled_at")?,
			scopes: row.try_get("scopes")?,
		})
	}
}

macro_rules! user_columns {
	() => {
		"id, username, password_hash, chain_account, created_at, disabled_at, scopes"
	};
}

pub async fn insert<'e>(
	ex: impl Executor<'e, Database = Any>,
	user: &User,
) -> Result<(), sqlx::Error> {
	sqlx::query(concat!(
		"INSERT INTO users (",
		user_columns!(),
		") VALUES ($1, $2, $3, $4, $5, $6, $7)"
	))
	.bind(&user.id)
	.bind(&user.username)
	.bind(&user.password_hash)
	.bind(&user.chain_account)
	.bind(user.created_at)
	.bind(user.disabled_at)
	.bind(user.scopes.as_deref())
	.execute(ex)
	.await?;
	Ok(())
}

pub async fn by_username<'e>(
	ex: impl Executor<'e, Database = Any>,
	username: &str,
) -> Result<Option<User>, sqlx::Error> {
	let row = sqlx::query(concat!("SELECT ", user_columns!(), " FROM users WHERE username = $1"))
		.bind(username)
		.fetch_optional(ex)
		.await?;
	row.as_ref().map(User::from_row).transpose()
}

pub async fn by_id<'e>(
	ex: impl Executor<'e, Database = Any>,
	id: &str,
) -> Result<Option<User>, sqlx::Error> {
	let row = sqlx::query(concat!("SELECT ", user_columns!(), " FROM users WHERE id = $1"))
		.bind(id)
		.fetch_optional(ex)
		.await?;
	row.as_ref().map(User::from_row).transpose()
}

/// Every person, oldest first.
pub async fn list<'e>(ex: impl Executor<'e, Database = Any>) -> Result<Vec<User>, sqlx::Error> {
	let rows =
		sqlx::query(concat!("SELECT ", user_columns!(), " FROM users ORDER BY created_at, id"))
			.fetch_all(ex)
			.await?;
	rows.iter().map(User::from_row).collect()
}

/// Disables the person (no more sign-ins). Whether they were enabled.
pub async fn disable<'e>(
	ex: impl Executor<'e, Database = Any>,
	username: &str,
	now: i64,
) -> Result<bool, sqlx::Error> {
	let done = sqlx::query(
		"UPDATE users SET disabled_at = $1 WHERE username = $2 AND disabled_at IS NULL",
	)
	.bind(now)
	.bind(username)
	.execute(ex)
	.await?;
	Ok(done.rows_affected() == 1)
}

/// Sets a person's scopes; `false` if there is no such person.
pub async fn set_scopes<'e>(
	ex: impl Executor<'e, Database = Any>,
	username: &str,
	scopes: &str,
) -> Result<bool, sqlx::Error> {
	let done = sqlx::query("UPDATE users SET scopes = $1 WHERE username = $2")
		.bind(scopes)
		.bind(username)
		.execute(ex)
		.await?;
	Ok(done.rows_affected() == 1)
}

/// An authorization code as stored.
#[derive(Debug, Clone)]
pub struct AuthCode {
	pub code_sha256: Vec<u8>,
	pub client_id: String,
	pub user_id: String,
	pub redirect_uri: String,
	pub scope: String,
	pub code_challenge: String,
	pub expires_at: i64,
	pub used_at: Option<i64>,
	pub family_id: Option<String>,
}

pub async fn insert_code<'e>(
	ex: impl Executor<'e, Database = Any>,
	code: &AuthCode,
) -> Result<(), sqlx::Error> {
	sqlx::query(
		"INSERT INTO auth_codes (code_sha256, client_id, user_id, redirect_uri, scope, \
		 code_challenge, expires_at, used_at, family_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
	)
	.bind(code.code_sha256.as_slice())
	.bind(&code.client_id)
	.bind(&code.user_id)
	.bind(&code.redirect_uri)
	.bind(&code.scope)
	.bind(&code.code_challenge)
	.bind(code.expires_at)
	.bind(code.used_at)
	.bind(&code.family_id)
	.execute(ex)
	.await?;
	Ok(())
}

pub async fn find_code<'e>(
	ex: impl Executor<'e, Database = Any>,
	code_sha256: &[u8],
) -> Result<Option<AuthCode>, sqlx::Error> {
	let row = sqlx::query(
		"SELECT code_sha256, client_id, user_id, redirect_uri, scope, code_challenge, expires_at, \
		 used_at, family_id FROM auth_codes WHERE code_sha256 = $1",
	)
	.bind(code_sha256)
	.fetch_optional(ex)
	.await?;
	row.map(|r| {
		Ok(AuthCode {
			code_sha256: r.try_get("code_sha256")?,
			client_id: r.try_get("client_id")?,
			user_id: r.try_get("user_id")?,
			redirect_uri: r.try_get("redirect_uri")?,
			scope: r.try_get("scope")?,
			code_challenge: r.try_get("code_challenge")?,
			expires_at: r.try_get("expires_at")?,
			used_at: r.try_get("used_at")?,
			family_id: r.try_get("family_id")?,
		})
	})
	.transpose()
}

/// Marks the code used, once: false when it already was (a replay).
pub async fn use_code<'e>(
	ex: impl Executor<'e, Database = Any>,
	code_sha256: &[u8],
	now: i64,
) -> Result<bool, sqlx::Error> {
	let done = sqlx::query(
		"UPDATE auth_codes SET used_at = $1 WHERE code_sha256 = $2 AND used_at IS NULL",
	)
	.bind(now)
	.bind(code_sha256)
	.execute(ex)
	.await?;
	Ok(done.rows_affected() == 1)
}

/// Records the refresh family the code's exchange started.
pub async fn set_code_family<'e>(
	ex: impl Executor<'e, Database = Any>,
	code_sha256: &[u8],
	family_id: &str,
) -> Result<(), sqlx::Error> {
	sqlx::query("UPDATE auth_codes SET family_id = $1 WHERE code_sha256 = $2")
		.bind(family_id)
		.bind(code_sha256)
		.execute(ex)
		.await?;
	Ok(())
}
