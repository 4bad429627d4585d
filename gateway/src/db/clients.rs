//! `clients` and `client_versions`: the clients operators registered, and every version of their
//! sealed data (the schema is in migrations/sqlite/0007_clients.sql).

use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Executor, Row as _};

/// A registered client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRow {
	/// SS58.
	pub account: String,
	/// SS58: the operator account that registered it.
	pub registrar: String,
	/// `gateway` or `self`.
	pub custody: String,
	pub version: i64,
	pub created_at: i64,
	pub updated_at: i64,
}

/// One version of a client's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRow {
	pub account: String,
	pub version: i64,
	pub data_sealed: Vec<u8>,
	pub data_hash: String,
	pub submission_id: String,
	pub changed_by: String,
	pub created_at: i64,
}

macro_rules! client_columns {
	() => {
		"account, registrar, custody, version, created_at, updated_at"
	};
}

macro_rules! version_columns {
	() => {
		"account, version, data_sealed, data_hash, submission_id, changed_by, created_at"
	};
}

impl ClientRow {
	fn from_row(row: &AnyRow) -> Result<ClientRow, sqlx::Error> {
		Ok(ClientRow {
			account: row.try_get("account")?,
			registrar: row.try_get("registrar")?,
			custody: row.try_get("custody")?,
			version: row.try_get("version")?,
			created_at: row.try_get("created_at")?,
			updated_at: row.try_get("updated_at")?,
		})
	}
}

impl VersionRow {
	fn from_row(row: &AnyRow) -> Result<VersionRow, sqlx::Error> {
		Ok(VersionRow {
			account: row.try_get("account")?,
			version: row.try_get("version")?,
			data_sealed: row.try_get("data_sealed")?,
			data_hash: row.try_get("data_hash")?,
			submission_id: row.try_get("submission_id")?,
			changed_by: row.try_get("changed_by")?,
			created_at: row.try_get("created_at")?,
		})
	}
}

/// Inserts a new client; `false` if the account is a client already.
pub async fn insert(conn: &mut AnyConnection, client: &ClientRow) -> Result<bool, sqlx::Error> {
	let done = sqlx::query(
		"INSERT INTO clients (account, registrar, custody, version, created_at, updated_at) \
		 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account) DO NOTHING",
	)
	.bind(client.account.as_str())
	.bind(client.registrar.as_str())
	.bind(client.custody.as_str())
	.bind(client.version)
	.bind(client.created_at)
	.bind(client.updated_at)
	.execute(conn)
	.await?;
	Ok(done.rows_affected() == 1)
}

/// Removes a client and its versions (one whose registration failed, registered again); `false`
/// if there is none.
pub async fn remove(conn: &mut AnyConnection, account: &str) -> Result<bool, sqlx::Error> {
	sqlx::query("DELETE FROM client_versions WHERE account = $1")
		.bind(account)
		.execute(&mut *conn)
		.await?;
	let done = sqlx::query("DELETE FROM clients WHERE account = $1")
		.bind(account)
		.execute(&mut *conn)
		.await?;
	Ok(done.rows_affected() == 1)
}

/// Makes `version` the current one of `account` if `previous` still is; `false` if another
/// change came first.
pub async fn advance(
	conn: &mut AnyConnection,
	account: &str,
	previous: i64,
	version: i64,
	now: i64,
) -> Result<bool, sqlx::Error> {
	let done = sqlx::query(
		"UPDATE clients SET version = $1, updated_at = $2 WHERE account = $3 AND version = $4",
	)
	.bind(version)
	.bind(now)
	.bind(account)
	.bind(previous)
	.execute(conn)
	.await?;
	Ok(done.rows_affected() == 1)
}

/// Inserts a version of a client's data.
pub async fn insert_version(
	conn: &mut AnyConnection,
	version: &VersionRow,
) -> Result<(), sqlx::Error> {
	sqlx::query(concat!(
		"INSERT INTO client_versions (",
		version_columns!(),
		") VALUES ($1, $2, $3, $4, $5, $6, $7)"
	))
	.bind(version.account.as_str())
	.bind(version.version)
	.bind(version.data_sealed.as_slice())
	.bind(version.data_hash.as_str())
	.bind(version.submission_id.as_str())
	.bind(version.changed_by.as_str())
	.bind(version.created_at)
	.execute(conn)
	.await?;
	Ok(())
}

/// The client `account`.
pub async fn find<'e>(
	ex: impl Executor<'e, Database = Any>,
	account: &str,
) -> Result<Option<ClientRow>, sqlx::Error> {
	let row =
		sqlx::query(concat!("SELECT ", client_columns!(), " FROM clients WHERE account = $1"))
			.bind(account)
			.fetch_optional(ex)
			.await?;
	row.as_ref().map(ClientRow::from_row).transpose()
}

/// The clients `registrar` registered, by account, after `after`.
pub async fn of_registrar<'e>(
	ex: impl Executor<'e, Database = Any>,
	registrar: &str,
	after: &str,
	limit: i64,
) -> Result<Vec<ClientRow>, sqlx::Error> {
	let rows = sqlx::query(concat!(
		"SELECT ",
		client_columns!(),
		" FROM clients WHERE registrar = $1 AND account > $2 ORDER BY account LIMIT $3"
	))
	.bind(registrar)
	.bind(after)
	.bind(limit)
	.fetch_all(ex)
	.await?;
	rows.iter().map(ClientRow::from_row).collect()
}

/// The status of the submission that recorded version `version` of `account`'s data.
pub async fn version_status(
	conn: &mut AnyConnection,
	account: &str,
	version: i64,
) -> Result<Option<super::submissions::Status>, sqlx::Error> {
	let row = sqlx::query(
		"SELECT s.status FROM client_versions v JOIN submissions s ON s.id = v.submission_id \
		 WHERE v.account = $1 AND v.version = $2",
	)
	.bind(account)
	.bind(version)
	.fetch_optional(conn)
	.await?;
	row.map(|r| super::submissions::Status::parse(r.try_get::<&str, _>("status")?)).transpose()
}

/// Version `version` of `account`'s data.
pub async fn version<'e>(
	ex: impl Executor<'e, Database = Any>,
	account: &str,
	version: i64,
) -> Result<Option<VersionRow>, sqlx::Error> {
	let row = sqlx::query(concat!(
		"SELECT ",
		version_columns!(),
		" FROM client_versions WHERE account = $1 AND version = $2"
	))
	.bind(account)
	.bind(version)
	.fetch_optional(ex)
	.await?;
	row.as_ref().map(VersionRow::from_row).transpose()
}

/// The version a submission recorded, if it recorded one.
pub async fn version_of_submission<'e>(
	ex: impl Executor<'e, Database = Any>,
	submission_id: &str,
) -> Result<Option<VersionRow>, sqlx::Error> {
	let row = sqlx::query(concat!(
		"SELECT ",
		version_columns!(),
		" FROM client_versions WHERE submission_id = $1"
	))
	.bind(submission_id)
	.fetch_optional(ex)
	.await?;
	row.as_ref().map(VersionRow::from_row).transpose()
}

/// A page of `account`'s versions after `after`, oldest first.
pub async fn versions<'e>(
	ex: impl Executor<'e, Database = Any>,
	account: &str,
	after: i64,
	limit: i64,
) -> Result<Vec<VersionRow>, sqlx::Error> {
	let rows = sqlx::query(concat!(
		"SELECT ",
		version_columns!(),
		" FROM client_versions WHERE account = $1 AND version > $2 ORDER BY version LIMIT $3"
	))
	.bind(account)
	.bind(after)
	.bind(limit)
	.fetch_all(ex)
	.await?;
	rows.iter().map(VersionRow::from_row).collect()
}
