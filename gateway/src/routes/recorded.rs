//! What an indexed block or transaction recorded: the lookups of certificates and attestations by
//! block number (`?block=`) and by transaction hash (`?transaction=`) read the chain index here,
//! each for the events of its own type prefix (`certificate.`, `attestation.`).

use serde_json::{json, Value};

use crate::app::AppState;
use crate::db::chain_index::{self, EventRow, ExtrinsicRow};
use crate::db::cursors::{self, Follower};
use crate::error::ApiError;
use crate::pipeline::calls::digest;

/// The events of type `prefix…` of the indexed block `number`, and the block as the API shows
/// it (`{block_number, block_hash}`); 404 when the block is not indexed yet.
pub async fn block_events(
	app: &AppState,
	number: i64,
	prefix: &str,
) -> Result<(Value, Vec<EventRow>), ApiError> {
	let (indexed, _) =
		cursors::get(&app.db.pool, Follower::Index).await?.unwrap_or((-1, String::new()));
	if number < 0 || number > indexed {
		return Err(ApiError::NotFound);
	}
	let rows = chain_index::events_in_block(&app.db.pool, number, None, prefix).await?;
	let block_hash = match rows.first() {
		Some(row) => Some(row.block_hash.clone()),
		None => chain_index::block_hash(&app.db.pool, number).await?,
	};
	Ok((json!({ "block_number": number, "block_hash": block_hash }), rows))
}

/// The events of type `prefix…` of the indexed transaction `hash` (`0x` hex), and the
/// transaction as the API shows it; 404 when no indexed transaction has this hash, or it recorded
/// no such event (none of the asking endpoint's business).
pub async fn transaction_events(
	app: &AppState,
	hash: &str,
	prefix: &str,
) -> Result<(Value, Vec<EventRow>), ApiError> {
	let tx_hash = digest(hash).map_err(|e| ApiError::BadRequest(format!("transaction: {e}")))?;
	let found = chain_index::extrinsics_by_hash(&app.db.pool, &tx_hash).await?;
	let extrinsic = found.into_iter().last().ok_or(ApiError::NotFound)?;
	let rows = chain_index::events_in_block(
		&app.db.pool,
		extrinsic.block_number,
		Some(extrinsic.extrinsic_index),
		prefix,
	)
	.await?;
	if rows.is_empty() {
		return Err(ApiError::NotFound);
	}
	Ok((transaction(&extrinsic), rows))
}

/// An indexed extrinsic as the API shows it.
pub fn transaction(row: &ExtrinsicRow) -> Value {
	json!({
		"tx_hash": crate::chain::hex_of(&row.tx_hash),
		"block_number": row.block_number,
		"block_hash": row.block_hash,
		"extrinsic_index": row.extrinsic_index,
		"call": format!("{}.{}", row.pallet, row.call),
		"signer": row.signer,
		"success": row.error.is_none(),
		"error": row.error,
	})
}
