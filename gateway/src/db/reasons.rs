//! `reason_texts`: the words of proposals' reasons, whose hashes are on chain (the schema is in
//! migrations/sqlite/0011_reason_texts.sql).

use sqlx::{Any, Executor, Row as _};

/// Keeps `text` as the reason with `reason_hash` (`0x`, lower-case hex) for `document`; a text
/// kept already stays (it has the same hash, so the same words).
pub async fn insert<'e>(
	ex: impl Executor<'e, Database = Any>,
	document: i64,
	reason_hash: &str,
	text: &str,
	now: i64,
) -> Result<(), sqlx::Error> {
	sqlx::query(
		"INSERT INTO reason_texts (document, reason_hash, text, created_at) VALUES ($1, $2, $3, $4) \
		 ON CONFLICT (document, reason_hash) DO NOTHING",
	)
	.bind(document)
	.bind(reason_hash)
	.bind(text)
	.bind(now)
	.execute(ex)
	.await?;
	Ok(())
}

/// The reasons' words kept for `document`: `(reason_hash, text)`.
pub async fn of_document<'e>(
	ex: impl Executor<'e, Database = Any>,
	document: i64,
) -> Result<Vec<(String, String)>, sqlx::Error> {
	let rows = sqlx::query("SELECT reason_hash, text FROM reason_texts WHERE document = $1")
		.bind(document)
		.fetch_all(ex)
		.await?;
	rows.iter().map(|row| Ok((row.try_get("reason_hash")?, row.try_get("text")?))).collect()
}
