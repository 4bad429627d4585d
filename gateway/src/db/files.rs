//! `files` and `file_access_log`: stored document files and who asked for them (the schema is in
//! migrations/sqlite/0005_files.sql).

use sqlx::{Any, Executor, Row as _};

/// A stored file's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
	pub sha256: Vec<u8>,
	pub size: i64,
	pub media_type: String,
	pub created_at: i64,
}

/// Records a stored file (the first upload's media type stays) and that `account` (through the
/// API client `client_id`) uploaded it, in one transaction.
pub async fn insert(
	pool: &sqlx::AnyPool,
	file: &FileRow,
	account: &str,
	client_id: &str,
) -> Result<(), sqlx::Error> {
	let mut tx = pool.begin().await?;
	sqlx::query(
		"INSERT INTO files (sha256, size, media_type, created_at) VALUES ($1, $2, $3, $4) \
		 ON CONFLICT (sha256) DO NOTHING",
	)
	.bind(file.sha256.as_slice())
	.bind(file.size)
	.bind(&file.media_type)
	.bind(file.created_at)
	.execute(&mut *tx)
	.await?;
	sqlx::query(
		"INSERT INTO file_uploaders (sha256, account, uploaded_by, created_at) \
		 VALUES ($1, $2, $3, $4) ON CONFLICT (sha256, account) DO NOTHING",
	)
	.bind(file.sha256.as_slice())
	.bind(account)
	.bind(client_id)
	.bind(file.created_at)
	.execute(&mut *tx)
	.await?;
	tx.commit().await
}

/// The accounts that uploaded the file.
pub async fn uploaders<'e>(
	ex: impl Executor<'e, Database = Any>,
	sha256: &[u8],
) -> Result<Vec<String>, sqlx::Error> {
	let rows = sqlx::query("SELECT account FROM file_uploaders WHERE sha256 = $1")
		.bind(sha256)
		.fetch_all(ex)
		.await?;
	rows.iter().map(|r| r.try_get("account")).collect()
}

/// How many bytes the files `account` uploaded take (each file counted once per account).
pub async fn uploaded_bytes<'e>(
	ex: impl Executor<'e, Database = Any>,
	account: &str,
) -> Result<i64, sqlx::Error> {
	let row = sqlx::query(
		"SELECT CAST(COALESCE(SUM(f.size), 0) AS BIGINT) AS used FROM file_uploaders u \
		 JOIN files f ON f.sha256 = u.sha256 WHERE u.account = $1",
	)
	.bind(account)
	.fetch_one(ex)
	.await?;
	row.try_get("used")
}

/// The record of the file with this SHA-256.
pub async fn find<'e>(
	ex: impl Executor<'e, Database = Any>,
	sha256: &[u8],
) -> Result<Option<FileRow>, sqlx::Error> {
	let row =
		sqlx::query("SELECT sha256, size, media_type, created_at FROM files WHERE sha256 = $1")
			.bind(sha256)
			.fetch_optional(ex)
			.await?;
	row.map(|r| {
		Ok(FileRow {
			sha256: r.try_get("sha256")?,
			size: r.try_get("size")?,
			media_type: r.try_get("media_type")?,
			created_at: r.try_get("created_at")?,
		})
	})
	.transpose()
}

/// One request to download a document's file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Access {
	pub id: String,
	pub document_id: i64,
	pub version: Option<i64>,
	/// The API client that asked.
	pub api_client_id: String,
	/// The account it acts for (SS58).
	pub account: String,
	/// `served`, `denied` or `missing`.
	pub outcome: String,
	/// Unix ms.
	pub at: i64,
}

/// Logs a download request.
pub async fn log_access<'e>(
	ex: impl Executor<'e, Database = Any>,
	access: &Access,
) -> Result<(), sqlx::Error> {
	sqlx::query(
		"INSERT INTO file_access_log (id, document_id, version, api_client_id, account, outcome, \
		 at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
	)
	.bind(&access.id)
	.bind(access.document_id)
	.bind(access.version)
	.bind(&access.api_client_id)
	.bind(&access.account)
	.bind(&access.outcome)
	.bind(access.at)
	.execute(ex)
	.await?;
	Ok(())
}

/// Up to `limit` download requests for `document`, after the entry `after`, oldest first.
pub async fn access_log<'e>(
	ex: impl Executor<'e, Database = Any>,
	document: i64,
	after: &str,
	limit: i64,
) -> Result<Vec<Access>, sqlx::Error> {
	let rows = sqlx::query(
		"SELECT id, document_id, version, api_client_id, account, outcome, at \
		 FROM file_access_log WHERE document_id = $1 AND id > $2 ORDER BY id LIMIT $3",
	)
	.bind(document)
	.bind(after)
	.bind(limit)
	.fetch_all(ex)
	.await?;
	rows.into_iter()
		.map(|r| {
			Ok(Access {
				id: r.try_get("id")?,
				document_id: r.try_get("document_id")?,
				version: r.try_get("version")?,
				api_client_id: r.try_get("api_client_id")?,
				account: r.try_get("account")?,
				outcome: r.try_get("outcome")?,
				at: r.try_get("at")?,
			})
		})
		.collect()
}
