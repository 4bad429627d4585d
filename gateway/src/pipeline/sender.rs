//! Signing and broadcasting. Each round takes the `accepted` submissions, oldest first, and for
//! each signer in turn gives them consecutive nonces: a dead attempt's nonce again while the
//! finalized chain has not used it (so no gap stays behind it), otherwise the signer's next nonce
//! (never below the account's nonce at the node's best block: a transaction sent outside the
//! gateway may be there, not yet final). An attempt is
//! signed at the finalized block with a mortal era, checked by the node's transaction validation
//! (a refusal other than "a nonce ahead of the chain" fails the submission with the reason and
//! uses no nonce), stored with its nonce in one database transaction, and only then broadcast
//! (without waiting for the node's answer: nonces are already fixed, and the tracker decides).
//! A submission signed again that fails before it is broadcast gives up its dead attempt's nonce:
//! a nonce filler (`system.remark` with that nonce) takes its place, so no gap stays behind.

use std::time::Duration;

use pactum_chain_api::PactumConfig;
use subxt::config::polkadot::PolkadotExtrinsicParamsBuilder;
use subxt::rpcs::rpc_params;
use subxt::transactions::{TransactionInvalid, ValidationResult};

use super::calls::{Call, NonceFiller};
use super::{hex_of, pause, Pipeline, PipelineError, ERA_PERIOD};
use crate::chain::Chain;
use crate::clock::now_ms;
use crate::db::cursors::{self, Follower};
use crate::db::signers;
use crate::db::submissions::{self, Attempt, Outcome, Status, SubmissionRow};
use crate::shutdown::CancelSignal;

/// Rounds until `stop`: on a wake-up, or every two seconds.
pub async fn run(pipeline: Pipeline, mut stop: CancelSignal) {
	// Live attempts from before a restart (of the gateway, or of the node, whose pool was lost)
	// are broadcast again, byte for byte; the tracker decides what became of them.
	let mut rebroadcast_done = false;
	loop {
		if let Some(client) = pipeline.chain.client() {
			if !rebroadcast_done {
				match rebroadcast(&pipeline, &client).await {
					Ok(()) => rebroadcast_done = true,
					Err(error) => tracing::warn!(%error, "cannot rebroadcast live attempts"),
				}
			}
			if let Err(error) = round(&pipeline, &client).await {
				tracing::warn!(%error, "sender round failed; retrying");
			}
		} else {
			// The node went away (or was never there): its pool may be empty when it is back.
			rebroadcast_done = false;
		}
		if !pause(&pipeline.wake, Duration::from_secs(2), &mut stop).await {
			return;
		}
	}
}

async fn rebroadcast(
	pipeline: &Pipeline,
	client: &pactum_chain_api::PactumClient,
) -> Result<(), PipelineError> {
	let live = submissions::with_status(&pipeline.db.pool, Status::Broadcast).await?;
	if live.is_empty() {
		return Ok(());
	}
	let at = client.at_current_block().await.map_err(PipelineError::node)?;
	for row in &live {
		let Some(bytes) = &row.tx_bytes else { continue };
		// "Already imported", "stale" and "future" are all fine here.
		if let Err(error) = at.tx().from_bytes(bytes.clone()).submit().await {
			tracing::debug!(submission = %row.id, %error, "rebroadcast refused");
		}
	}
	tracing::info!(count = live.len(), "live attempts broadcast again");
	Ok(())
}

async fn round(
	pipeline: &Pipeline,
	client: &pactum_chain_api::PactumClient,
) -> Result<(), PipelineError> {
	let pool = &pipeline.db.pool;
	// The tracker must have a starting point before anything is broadcast.
	if cursors::get(pool, Follower::Tracker).await?.is_none() {
		return Ok(());
	}
	let accepted = submissions::with_status(pool, Status::Accepted).await?;
	if accepted.is_empty() {
		return Ok(());
	}
	let at = client.at_current_block().await.map_err(PipelineError::node)?;
	for (signer, queue) in by_signer(accepted) {
		let keypair = match pipeline.keys.get(&signer).await {
			Ok(keypair) => keypair,
			Err(error) => {
				for row in &queue {
					fail(pipeline, row, &format!("the signer's key cannot be used: {error}"))
						.await?;
				}
				continue;
			}
		};
		let account = keypair.public_key().to_account_id();
		let chain_nonce =
			at.tx().account_nonce(&account).await.map_err(PipelineError::node)? as i64;
		// A transaction the account sent outside the gateway may sit in a block not yet final:
		// a new nonce below the best block's would be refused as outdated at broadcast and wait
		// for its era to end. (Only the finalized nonce decides whether a dead attempt's nonce is
		// still unused: a best block may yet be dropped.)
		let floor = best_block_nonce(pipeline, client, &account).await.unwrap_or(chain_nonce);
		// The signer's next nonce, read once: within the round only this loop advances it.
		let mut next = signers::find(pool, &signer)
			.await?
			.and_then(|s| s.next_nonce)
			.unwrap_or(floor)
			.max(floor)
			.max(chain_nonce);
		for row in queue {
			let call: Call = match serde_json::from_str(&row.request_json) {
				Ok(call) => call,
				Err(error) => {
					let reason = format!("stored request unreadable: {error}");
					fail_and_fill(pipeline, &row, &reason, chain_nonce).await?;
					continue;
				}
			};
			let tx = at.tx();
			let call_data = match call.encode(&tx) {
				Ok(bytes) => bytes,
				Err(error) => {
					fail_and_fill(pipeline, &row, &error, chain_nonce).await?;
					continue;
				}
			};
			let payload = tx.from_call_data_bytes(&call_data).map_err(PipelineError::node)?;
			let nonce = match row.nonce {
				Some(previous) if previous >= chain_nonce => previous,
				_ => next,
			};
			// Signed offline (the nonce and the era's block are given, so nothing is asked of
			// the node); one round trip for the validation, none awaited for the broadcast.
			let params = PolkadotExtrinsicParamsBuilder::<PactumConfig>::new()
				.nonce(nonce as u64)
				.mortal_from_unchecked(ERA_PERIOD, at.block_number(), at.block_hash())
				.build();
			let signed = tx
				.create_signable_offline(&payload, params)
				.and_then(|mut signable| signable.sign(&keypair))
				.map_err(PipelineError::node)?;
			match signed.validate().await.map_err(PipelineError::node)? {
				ValidationResult::Valid(_)
				| ValidationResult::Invalid(TransactionInvalid::Future) => {}
				ValidationResult::Invalid(TransactionInvalid::Stale) => {
					// The nonce was used behind the gateway's back: ask the chain next round.
					tracing::warn!(%signer, nonce, "nonce already used on chain; resynchronising");
					signers::set_next_nonce(pool, &signer, None).await?;
					break;
				}
				ValidationResult::Invalid(invalid) => {
					let reason = format!("the node refused the transaction: {}", refusal(&invalid));
					fail_and_fill(pipeline, &row, &reason, chain_nonce).await?;
					continue;
				}
				ValidationResult::Unknown(unknown) => {
					tracing::warn!(%signer, ?unknown, "the node cannot validate now; next round");
					break;
				}
			}
			let attempt = Attempt {
				nonce,
				era_birth: at.block_number() as i64,
				era_period: ERA_PERIOD as i64,
				spec_version: i64::from(at.spec_version()),
				tx_hash: signed.hash().as_ref().to_vec(),
				tx_bytes: signed.encoded().to_vec(),
			};
			let mut db_tx = pool.begin().await?;
			if !submissions::record_attempt(&mut *db_tx, &row.id, &attempt, now_ms()).await? {
				continue;
			}
			signers::set_next_nonce(&mut *db_tx, &signer, Some(next.max(nonce + 1))).await?;
			db_tx.commit().await?;
			next = next.max(nonce + 1);
			tracing::info!(submission = %row.id, nonce, tx_hash = %hex_of(&attempt.tx_hash), "broadcasting");
			let id = row.id.clone();
			tokio::spawn(async move {
				if let Err(error) = signed.submit().await {
					// Stored, so the tracker will find it or declare it dead; nothing is lost.
					tracing::warn!(submission = %id, %error, "broadcast refused");
				}
			});
		}
	}
	Ok(())
}

/// The account's nonce at the node's best block, or `None` when the node does not tell it.
async fn best_block_nonce(
	pipeline: &Pipeline,
	client: &pactum_chain_api::PactumClient,
	account: &subxt::utils::AccountId32,
) -> Option<i64> {
	let rpc = pipeline.chain.rpc()?;
	let best: Result<Option<subxt::utils::H256>, _> =
		rpc.request("chain_getBlockHash", rpc_params![]).await;
	let nonce = match best {
		Ok(Some(hash)) => match client.at_block(hash).await {
			Ok(at) => at.tx().account_nonce(account).await.map_err(|e| e.to_string()),
			Err(error) => Err(error.to_string()),
		},
		Ok(None) => Err("the node has no best block".into()),
		Err(error) => Err(error.to_string()),
	};
	match nonce {
		Ok(nonce) => i64::try_from(nonce).ok(),
		Err(error) => {
			tracing::warn!(%error, "the best block's nonce is unknown; the finalized one is used");
			None
		}
	}
}

/// Groups the submissions by signer, each group and the groups in arrival order.
fn by_signer(rows: Vec<SubmissionRow>) -> Vec<(String, Vec<SubmissionRow>)> {
	let mut groups: Vec<(String, Vec<SubmissionRow>)> = Vec::new();
	for row in rows {
		match groups.iter_mut().find(|(signer, _)| *signer == row.signer) {
			Some((_, queue)) => queue.push(row),
			None => groups.push((row.signer.clone(), vec![row])),
		}
	}
	groups
}

async fn fail(pipeline: &Pipeline, row: &SubmissionRow, reason: &str) -> Result<(), PipelineError> {
	tracing::info!(submission = %row.id, reason, "submission failed before signing");
	let outcome =
		Outcome { status: Status::Failed, block: None, error: Some(reason), result_json: None };
	submissions::finish(&pipeline.db.pool, &row.id, &outcome, now_ms()).await?;
	Ok(())
}

/// [`fail`], and when the submission held a nonce the chain has not used (its dead attempt's,
/// which later transactions of the signer may follow), a nonce filler for it: a remark signed
/// with that nonce, so the signer's later transactions are not stuck behind the gap.
async fn fail_and_fill(
	pipeline: &Pipeline,
	row: &SubmissionRow,
	reason: &str,
	chain_nonce: i64,
) -> Result<(), PipelineError> {
	fail(pipeline, row, reason).await?;
	let Some(held) = filler_nonce(row, chain_nonce) else { return Ok(()) };
	let filler = Call::NonceFiller(NonceFiller { fills_for: row.id.clone() });
	let request = serde_json::to_string(&filler).map_err(PipelineError::node)?;
	let mut conn = pipeline.db.pool.acquire().await?;
	submissions::insert_filler(&mut conn, row, held, &request, now_ms()).await?;
	tracing::warn!(submission = %row.id, nonce = held, "its nonce is filled by a remark");
	pipeline.wake.notify_one();
	Ok(())
}

/// The nonce a failing submission leaves unused behind later ones: the one its dead attempt held,
/// if the chain has not used it. A filler that fails leaves its gap (its signer cannot pay, or is
/// refused, for anything).
fn filler_nonce(row: &SubmissionRow, chain_nonce: i64) -> Option<i64> {
	if row.kind == "nonce.filler" {
		tracing::error!(submission = %row.id, "a nonce filler failed: the signer's nonce stays open");
		return None;
	}
	row.nonce.filter(|held| *held >= chain_nonce)
}

fn refusal(invalid: &TransactionInvalid) -> &'static str {
	match invalid {
		TransactionInvalid::Payment => "the signer cannot pay the fee (Payment)",
		TransactionInvalid::Call => "the call is invalid (Call)",
		TransactionInvalid::BadProof => "bad signature (BadProof)",
		TransactionInvalid::ExhaustsResources => "too heavy for a block (ExhaustsResources)",
		TransactionInvalid::BadSigner => "the signer is not allowed (BadSigner)",
		TransactionInvalid::AncientBirthBlock => "the era is too old (AncientBirthBlock)",
		TransactionInvalid::Custom(_) => "refused by the runtime (Custom)",
		_ => "refused by the runtime",
	}
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;

	fn row(kind: &str, nonce: Option<i64>) -> SubmissionRow {
		SubmissionRow {
			id: "s".into(),
			api_client_id: "c".into(),
			idempotency_key: "k".into(),
			fingerprint: Vec::new(),
			signer: "a".into(),
			kind: kind.into(),
			request_json: String::new(),
			status: Status::Accepted,
			attempts: 1,
			nonce,
			era_birth: None,
			era_period: None,
			spec_version: None,
			tx_hash: None,
			tx_bytes: None,
			block_number: None,
			block_hash: None,
			extrinsic_index: None,
			error: None,
			result_json: None,
			created_at: 0,
			updated_at: 0,
		}
	}

	#[test]
	fn only_a_nonce_the_chain_has_not_used_is_filled() {
		// Never signed: it held no nonce.
		assert_eq!(filler_nonce(&row("documents.create", None), 5), None);
		// Its dead attempt's nonce, still unused by the chain: filled.
		assert_eq!(filler_nonce(&row("documents.create", Some(5)), 5), Some(5));
		assert_eq!(filler_nonce(&row("documents.create", Some(7)), 5), Some(7));
		// The chain used it (another transaction took it): nothing to fill.
		assert_eq!(filler_nonce(&row("documents.create", Some(4)), 5), None);
		// A filler that fails is not filled again.
		assert_eq!(filler_nonce(&row("nonce.filler", Some(5)), 5), None);
	}
}
