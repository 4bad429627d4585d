//! `indexed_extrinsics`, `chain_events` and `chain_event_audience`: what the indexer writes from
//! each finalized block (the schema is in migrations/sqlite/0003_chain_index.sql).

use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Executor, Row as _};

/// An extrinsic of a finalized block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtrinsicRow {
	pub block_number: i64,
	pub extrinsic_index: i64,
	pub block_hash: String,
	pub tx_hash: Vec<u8>,
	pub pallet: String,
	pub call: String,
	/// SS58; `None` for an unsigned extrinsic.
	pub signer: Option<String>,
	/// `None` when it succeeded, else the dispatch error (`Pallet.Error`).
	pub error: Option<String>,
}

/// An event the API reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
	/// Block number × 2^20 + the event's index in the block.
	pub seq: i64,
	pub block_number: i64,
	pub block_hash: String,
	pub extrinsic_index: Option<i64>,
	/// e.g. `document.signed`
	pub event_type: String,
	pub data_json: String,
	/// The block's timestamp (ms since 1970), when known.
	pub block_time: Option<i64>,
}

/// The `seq` of the event at `index` of block `number`.
pub fn seq_of(number: i64, index: i64) -> i64 {
	(number << 20) | (index & 0xF_FFFF)
}

/// Stores an extrinsic (again: a block indexed twice leaves the same rows).
pub async fn insert_extrinsic(
	conn: &mut AnyConnection,
	row: &ExtrinsicRow,
) -> Result<(), sqlx::Error> {
	sqlx::query(
		"INSERT INTO indexed_extrinsics (block_number, extrinsic_index, block_hash, tx_hash, \
		 pallet, call, signer, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
		 ON CONFLICT (block_number, extrinsic_index) DO NOTHING",
	)
	.bind(row.block_number)
	.bind(row.extrinsic_index)
	.bind(&row.block_hash)
	.bind(&row.tx_hash)
	.bind(&row.pallet)
	.bind(&row.call)
	.bind(&row.signer)
	.bind(&row.error)
	.execute(conn)
	.await?;
	Ok(())
}

/// Stores an event and who may see it.
pub async fn insert_event(
	conn: &mut AnyConnection,
	row: &EventRow,
	audience: &[String],
) -> Result<(), sqlx::Error> {
	sqlx::query(
		"INSERT INTO chain_events (seq, block_number, block_hash, extrinsic_index, event_type, \
		 data_json, block_time) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (seq) DO NOTHING",
	)
	.bind(row.seq)
	.bind(row.block_number)
	.bind(&row.block_hash)
	.bind(row.extrinsic_index)
	.bind(&row.event_type)
	.bind(&row.data_json)
	.bind(row.block_time)
	.execute(&mut *conn)
	.await?;
	for account in audience {
		sqlx::query(
			"INSERT INTO chain_event_audience (account, seq) VALUES ($1, $2) \
			 ON CONFLICT (account, seq) DO NOTHING",
		)
		.bind(account)
		.bind(row.seq)
		.execute(&mut *conn)
		.await?;
	}
	Ok(())
}

fn extrinsic(row: AnyRow) -> Result<ExtrinsicRow, sqlx::Error> {
	Ok(ExtrinsicRow {
		block_number: row.try_get("block_number")?,
		extrinsic_index: row.try_get("extrinsic_index")?,
		block_hash: row.try_get("block_hash")?,
		tx_hash: row.try_get("tx_hash")?,
		pallet: row.try_get("pallet")?,
		call: row.try_get("call")?,
		signer: row.try_get("signer")?,
		error: row.try_get("error")?,
	})
}

fn event(row: AnyRow) -> Result<EventRow, sqlx::Error> {
	Ok(EventRow {
		seq: row.try_get("seq")?,
		block_number: row.try_get("block_number")?,
		block_hash: row.try_get("block_hash")?,
		extrinsic_index: row.try_get("extrinsic_index")?,
		event_type: row.try_get("event_type")?,
		data_json: row.try_get("data_json")?,
		block_time: row.try_get("block_time")?,
	})
}

macro_rules! extrinsic_columns {
	() => {
		"block_number, extrinsic_index, block_hash, tx_hash, pallet, call, signer, error"
	};
}

macro_rules! event_columns {
	() => {
		"e.seq, e.block_number, e.block_hash, e.extrinsic_index, e.event_type, e.data_json, \
		 e.block_time"
	};
}

/// The finalized extrinsics with hash `tx_hash` (one, but for a repeated unsigned extrinsic).
pub async fn extrinsics_by_hash<'e>(
	ex: impl Executor<'e, Database = Any>,
	tx_hash: &[u8],
) -> Result<Vec<ExtrinsicRow>, sqlx::Error> {
	sqlx::query(concat!(
		"SELECT ",
		extrinsic_columns!(),
		" FROM indexed_extrinsics WHERE tx_hash = $1 ORDER BY block_number"
	))
	.bind(tx_hash)
	.fetch_all(ex)
	.await?
	.into_iter()
	.map(extrinsic)
	.collect()
}

/// The hash of the indexed block `number`, from its extrinsics (every block has one, the
/// timestamp inherent); `None` when the block is not indexed.
pub async fn block_hash<'e>(
	ex: impl Executor<'e, Database = Any>,
	number: i64,
) -> Result<Option<String>, sqlx::Error> {
	let row = sqlx::query(
		"SELECT block_hash FROM indexed_extrinsics WHERE block_number = $1 \
		 ORDER BY extrinsic_index LIMIT 1",
	)
	.bind(number)
	.fetch_optional(ex)
	.await?;
	row.map(|r| r.try_get("block_hash")).transpose()
}

/// The events of type `prefix…` in block `number`, or only of its extrinsic `index`.
pub async fn events_in_block<'e>(
	ex: impl Executor<'e, Database = Any>,
	number: i64,
	index: Option<i64>,
	prefix: &str,
) -> Result<Vec<EventRow>, sqlx::Error> {
	const IN_BLOCK: &str = concat!(
		"SELECT ",
		event_columns!(),
		" FROM chain_events e WHERE e.block_number = $1 AND e.event_type LIKE $2 ORDER BY e.seq"
	);
	const IN_EXTRINSIC: &str = concat!(
		"SELECT ",
		event_columns!(),
		" FROM chain_events e WHERE e.block_number = $1 AND e.event_type LIKE $2 \
		 AND e.extrinsic_index = $3 ORDER BY e.seq"
	);
	let query = match index {
		Some(index) => {
			sqlx::query(IN_EXTRINSIC).bind(number).bind(format!("{prefix}%")).bind(index)
		}
		None => sqlx::query(IN_BLOCK).bind(number).bind(format!("{prefix}%")),
	};
	query.fetch_all(ex).await?.into_iter().map(event).collect()
}

/// Up to `limit` events `account` may see, after `after`, in order.
pub async fn events_for<'e>(
	ex: impl Executor<'e, Database = Any>,
	account: &str,
	after: i64,
	limit: i64,
) -> Result<Vec<EventRow>, sqlx::Error> {
	sqlx::query(concat!(
		"SELECT ",
		event_columns!(),
		" FROM chain_event_audience a JOIN chain_events e ON e.seq = a.seq \
		 WHERE a.account = $1 AND a.seq > $2 ORDER BY a.seq LIMIT $3"
	))
	.bind(account)
	.bind(after)
	.bind(limit)
	.fetch_all(ex)
	.await?
	.into_iter()
	.map(event)
	.collect()
}

/// The newest event `seq` stored (0 when none).
pub async fn latest_seq<'e>(ex: impl Executor<'e, Database = Any>) -> Result<i64, sqlx::Error> {
	let row = sqlx::query("SELECT MAX(seq) AS seq FROM chain_events").fetch_one(ex).await?;
	Ok(row.try_get::<Option<i64>, _>("seq")?.unwrap_or(0))
}
