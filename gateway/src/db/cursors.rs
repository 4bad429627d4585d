//! `chain_cursor`: how far a follower of finalized blocks has got, one row per follower.

use sqlx::{Any, Executor, Row as _};

/// A follower of finalized blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follower {
	/// The submission pipeline's tracker.
	Tracker,
	/// The chain index (extrinsics by hash, the event log).
	Index,
}

impl Follower {
	fn name(self) -> &'static str {
		match self {
			Follower::Tracker => "finalized",
			Follower::Index => "index",
		}
	}
}

/// The finalized block `follower` has scanned up to (number, `0x` hash), if any.
pub async fn get<'e>(
	ex: impl Executor<'e, Database = Any>,
	follower: Follower,
) -> Result<Option<(i64, String)>, sqlx::Error> {
	let row = sqlx::query("SELECT block_number, block_hash FROM chain_cursor WHERE name = $1")
		.bind(follower.name())
		.fetch_optional(ex)
		.await?;
	row.map(|r| Ok((r.try_get("block_number")?, r.try_get("block_hash")?))).transpose()
}

/// Records that `follower` scanned every finalized block up to `number` (hash `hash`).
pub async fn set<'e>(
	ex: impl Executor<'e, Database = Any>,
	follower: Follower,
	number: i64,
	hash: &str,
) -> Result<(), sqlx::Error> {
	sqlx::query(
		"INSERT INTO chain_cursor (name, block_number, block_hash) VALUES ($1, $2, $3) \
		 ON CONFLICT (name) DO UPDATE SET block_number = excluded.block_number, \
		 block_hash = excluded.block_hash",
	)
	.bind(follower.name())
	.bind(number)
	.bind(hash)
	.execute(ex)
	.await?;
	Ok(())
}
