//! Following finality. Each round walks the finalized blocks by number from the cursor to the
//! finalized head (so no block is skipped, after an outage or a restart either), hashes their
//! extrinsics, matches the live attempts, reads the outcome from the events, and declares the
//! attempts that can no longer be included dead; each block's results and the cursor are written
//! in one database transaction.

use std::collections::HashMap;
use std::time::Duration;

use pactum_chain_api::pactum;
use pactum_chain_api::{PactumClient, PactumConfig};
use subxt::events::Phase;
use subxt::OnlineClientAtBlock;

use super::calls::{Call, DecodedEvent};
use super::{hex_of, Pipeline, PipelineError};
use crate::clock::now_ms;
use crate::db::cursors::{self, Follower};
use crate::db::submissions::{self, Outcome, Status, SubmissionRow};
use crate::index::error_name;
use crate::shutdown::CancelSignal;

/// Blocks scanned per round at most (each is one database transaction).
const BLOCKS_PER_ROUND: i64 = 256;

/// Rounds every second until `stop`.
pub async fn run(pipeline: Pipeline, mut stop: CancelSignal) {
	loop {
		if let Some(client) = pipeline.chain.client() {
			if let Err(error) = round(&pipeline, &client).await {
				tracing::warn!(%error, "tracker round failed; retrying");
			}
		}
		tokio::select! {
			_ = tokio::time::sleep(Duration::from_secs(1)) => {}
			_ = stop.cancelled() => return,
		}
	}
}

type AtBlock = OnlineClientAtBlock<PactumConfig>;

async fn round(pipeline: &Pipeline, client: &PactumClient) -> Result<(), PipelineError> {
	let pool = &pipeline.db.pool;
	let head = client.at_current_block().await.map_err(PipelineError::node)?;
	let finalized = head.block_number() as i64;
	let Some((scanned, _)) = cursors::get(pool, Follower::Tracker).await? else {
		// First start: nothing was broadcast before now, so scanning starts after this head.
		cursors::set(pool, Follower::Tracker, finalized, &hex_of(head.block_hash())).await?;
		pipeline.wake.notify_one();
		return Ok(());
	};
	let mut live: HashMap<Vec<u8>, SubmissionRow> =
		submissions::with_status(pool, Status::Broadcast)
			.await?
			.into_iter()
			.filter_map(|row| row.tx_hash.clone().map(|hash| (hash, row)))
			.collect();
	for number in (scanned + 1)..=finalized.min(scanned + BLOCKS_PER_ROUND) {
		let at = client.at_block(number as u64).await.map_err(PipelineError::node)?;
		let finished = if live.is_empty() { Vec::new() } else { included(&at, &mut live).await? };
		// Attempts no later block can include: their era is over, or this block runs a newer
		// runtime than they were signed for.
		let spec = i64::from(at.spec_version());
		let dead: Vec<SubmissionRow> = {
			let hashes: Vec<Vec<u8>> = live
				.iter()
				.filter(|(_, row)| {
					let era_end = row.era_birth.unwrap_or(0) + row.era_period.unwrap_or(0);
					number >= era_end || row.spec_version.is_some_and(|v| v < spec)
				})
				.map(|(hash, _)| hash.clone())
				.collect();
			hashes.iter().filter_map(|hash| live.remove(hash)).collect()
		};
		let block_hash = hex_of(at.block_hash());
		let mut db_tx = pool.begin().await?;
		for (row, outcome) in &finished {
			let outcome = Outcome {
				status: outcome.status,
				block: Some((number, block_hash.as_str(), outcome.index)),
				error: outcome.error.as_deref(),
				result_json: outcome.result.as_deref(),
			};
			submissions::finish(&mut *db_tx, &row.id, &outcome, now_ms()).await?;
		}
		for row in &dead {
			submissions::attempt_dead(&mut *db_tx, &row.id, now_ms()).await?;
		}
		cursors::set(&mut *db_tx, Follower::Tracker, number, &block_hash).await?;
		db_tx.commit().await?;
		pipeline.tracked.send_replace(Some((number as u64, block_hash.clone())));
		for (row, outcome) in &finished {
			tracing::info!(submission = %row.id, block = number, status = outcome.status.as_str(), error = ?outcome.error, "submission finished");
		}
		if !dead.is_empty() {
			tracing::info!(
				count = dead.len(),
				block = number,
				"attempts expired unincluded; signing again"
			);
			pipeline.wake.notify_one();
		}
	}
	Ok(())
}

/// An extrinsic's outcome as read from its events.
struct Finished {
	status: Status,
	index: i64,
	error: Option<String>,
	result: Option<String>,
}

/// The live attempts included in `at`, removed from `live`, with their outcomes.
async fn included(
	at: &AtBlock,
	live: &mut HashMap<Vec<u8>, SubmissionRow>,
) -> Result<Vec<(SubmissionRow, Finished)>, PipelineError> {
	let extrinsics = at.extrinsics().fetch().await.map_err(PipelineError::node)?;
	let mut matched = Vec::new();
	for extrinsic in extrinsics.iter() {
		let extrinsic = extrinsic.map_err(PipelineError::node)?;
		if let Some(row) = live.remove(extrinsic.hash().as_ref()) {
			matched.push((row, extrinsic.index()));
		}
	}
	if matched.is_empty() {
		return Ok(Vec::new());
	}
	// The block's events, read once for every matched extrinsic.
	let events = at.events().fetch().await.map_err(PipelineError::node)?;
	let mut out = Vec::new();
	for (row, index) in matched {
		let phase = u32::try_from(index).ok().map(Phase::ApplyExtrinsic);
		let events =
			events.iter().filter(|e| e.as_ref().map_or(true, |e| Some(e.phase()) == phase));
		let mut decoded = Vec::new();
		let mut error = None;
		let mut success = false;
		for event in events {
			let event = event.map_err(PipelineError::node)?;
			let (document, version) = document_of(&event);
			let withdrawal = event
				.decode_fields_as::<pactum::tokens::events::WithdrawalRequested>()
				.and_then(Result::ok)
				.map(|e| e.id);
			let item = DecodedEvent {
				pallet: event.pallet_name().to_string(),
				name: event.event_name().to_string(),
				document,
				version,
				withdrawal,
			};
			if event.decode_fields_as::<pactum::system::events::ExtrinsicSuccess>().is_some() {
				success = true;
			}
			if let Some(failed) =
				event.decode_fields_as::<pactum::system::events::ExtrinsicFailed>()
			{
				let failed = failed.map_err(PipelineError::node)?;
				error = Some(error_name(at, &failed.dispatch_error));
			}
			decoded.push(item);
		}
		let call: Option<Call> = serde_json::from_str(&row.request_json).ok();
		let result = if success {
			call.map(|c| {
				let mut result = c.result(&decoded);
				if let Some(object) = result.as_object_mut() {
					object.insert(
						"events".into(),
						serde_json::to_value(&decoded).unwrap_or_default(),
					);
				}
				result.to_string()
			})
		} else {
			None
		};
		let status = if success { Status::Finalized } else { Status::Failed };
		let error =
			if success { None } else { Some(error.unwrap_or_else(|| "no outcome event".into())) };
		out.push((row, Finished { status, index: index as i64, error, result }));
	}
	Ok(out)
}

/// The document (and version) a `Documents` event is about.
fn document_of(event: &subxt::events::Event<'_, PactumConfig>) -> (Option<u64>, Option<u32>) {
	use pactum::documents::events::{
		Activated, AmendmentProposed, Created, Signed, Terminated, TerminationProposed,
	};
	if event.pallet_name() != "Documents" {
		return (None, None);
	}
	if let Some(Ok(e)) = event.decode_fields_as::<Created>() {
		return (Some(e.document), None);
	}
	if let Some(Ok(e)) = event.decode_fields_as::<Signed>() {
		return (Some(e.document), Some(e.version));
	}
	if let Some(Ok(e)) = event.decode_fields_as::<Activated>() {
		return (Some(e.document), Some(e.version));
	}
	if let Some(Ok(e)) = event.decode_fields_as::<Terminated>() {
		return (Some(e.document), Some(e.version));
	}
	if let Some(Ok(e)) = event.decode_fields_as::<AmendmentProposed>() {
		return (Some(e.document), Some(e.version));
	}
	if let Some(Ok(e)) = event.decode_fields_as::<TerminationProposed>() {
		return (Some(e.document), Some(e.version));
	}
	(None, None)
}
