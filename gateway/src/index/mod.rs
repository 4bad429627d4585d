//! The chain index: a follower of finalized blocks, by number from its cursor (from
//! `index_from_block` on first start, or the finalized head then), that stores every extrinsic by hash with its outcome (for
//! lookups by transaction hash) and the events the API reports with the accounts that may see
//! them (the event stream and webhooks). A block's rows and the cursor are written in one database
//! transaction, so a block is indexed wholly or not at all, and indexing it again changes nothing.
//!
//! - [`events`]: which events are reported, and their JSON

pub mod events;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::time::Duration;

use pactum_chain_api::pactum::runtime_types::sp_runtime::DispatchError;
use pactum_chain_api::{pactum, PactumClient, PactumConfig};
use serde_json::Value;
use subxt::events::Phase;
use subxt::ext::codec::Decode;
use subxt::rpcs::{rpc_params, RpcClient};
use subxt::utils::{AccountId32, MultiAddress};
use subxt::OnlineClientAtBlock;

use crate::chain::subxt_chain::SubxtChain;
use crate::chain::{hex_of, Chain as _};
use crate::db::chain_index::{self, EventRow, ExtrinsicRow};
use crate::db::cursors::{self, Follower};
use crate::db::Db;
use crate::pipeline::PipelineError;
use crate::shutdown::CancelSignal;

/// Blocks indexed per round at most (each is one database transaction).
const BLOCKS_PER_ROUND: i64 = 256;

/// What the indexer needs.
#[derive(Clone)]
pub struct Indexer {
	pub db: Db,
	pub chain: Arc<SubxtChain>,
	/// The first block to index when the index is empty; `None`: the finalized head then.
	pub from_block: Option<u64>,
	/// The newest event `seq` indexed: the event stream and the webhook dispatcher wait on it.
	pub tip: Arc<tokio::sync::watch::Sender<i64>>,
}

/// Rounds every second until `stop`.
pub async fn run(indexer: Indexer, mut stop: CancelSignal) {
	loop {
		if let (Some(client), Some(rpc)) = (indexer.chain.client(), indexer.chain.rpc()) {
			if let Err(error) = round(&indexer, &client, &rpc).await {
				tracing::warn!(%error, "index round failed; retrying");
			}
		}
		tokio::select! {
			_ = tokio::time::sleep(Duration::from_secs(1)) => {}
			_ = stop.cancelled() => return,
		}
	}
}

async fn round(
	indexer: &Indexer,
	client: &PactumClient,
	rpc: &RpcClient,
) -> Result<(), PipelineError> {
	let pool = &indexer.db.pool;
	let head = client.at_current_block().await.map_err(PipelineError::node)?;
	let finalized = head.block_number() as i64;
	let first = match cursors::get(pool, Follower::Index).await? {
		Some((number, _)) => number + 1,
		None => indexer.from_block.map_or(finalized, |from| from as i64),
	};
	for number in first..=finalized.min(first + BLOCKS_PER_ROUND - 1) {
		let at = client.at_block(number as u64).await.map_err(PipelineError::node)?;
		let block = read_block(&at, rpc).await?;
		let mut db_tx = pool.begin().await?;
		for row in &block.extrinsics {
			chain_index::insert_extrinsic(&mut db_tx, row).await?;
		}
		for (row, audience) in &block.events {
			chain_index::insert_event(&mut db_tx, row, audience).await?;
		}
		cursors::set(&mut *db_tx, Follower::Index, number, &block.hash).await?;
		db_tx.commit().await?;
		if let Some((last, _)) = block.events.last() {
			indexer.tip.send_replace(last.seq);
		}
	}
	Ok(())
}

type AtBlock = OnlineClientAtBlock<PactumConfig>;

/// A block's rows.
struct IndexedBlock {
	hash: String,
	extrinsics: Vec<ExtrinsicRow>,
	events: Vec<(EventRow, Vec<String>)>,
}

async fn read_block(at: &AtBlock, rpc: &RpcClient) -> Result<IndexedBlock, PipelineError> {
	let number = at.block_number() as i64;
	let hash = hex_of(at.block_hash());
	let mut extrinsics = Vec::new();
	for extrinsic in at.extrinsics().fetch().await.map_err(PipelineError::node)?.iter() {
		let extrinsic = extrinsic.map_err(PipelineError::node)?;
		let signer = extrinsic.address_bytes().and_then(|mut bytes| {
			match MultiAddress::<AccountId32, ()>::decode(&mut bytes) {
				Ok(MultiAddress::Id(account)) => Some(account.to_string()),
				_ => None,
			}
		});
		extrinsics.push(ExtrinsicRow {
			block_number: number,
			extrinsic_index: extrinsic.index() as i64,
			block_hash: hash.clone(),
			tx_hash: extrinsic.hash().as_ref().to_vec(),
			pallet: extrinsic.pallet_name().to_string(),
			call: extrinsic.call_name().to_string(),
			signer,
			error: None,
		});
	}
	// When the block was made: the timestamp inherent's value.
	let block_time = at
		.storage()
		.try_fetch(pactum::storage().timestamp().now(), ())
		.await
		.map_err(PipelineError::node)?
		.map(|value| value.decode())
		.transpose()
		.map_err(PipelineError::node)?
		.and_then(|ms| i64::try_from(ms).ok());
	let mut events = Vec::new();
	let mut parties = Parties { rpc, at: &hash, parent: None, known: HashMap::new() };
	for (index, event) in at.events().fetch().await.map_err(PipelineError::node)?.iter().enumerate()
	{
		let event = event.map_err(PipelineError::node)?;
		let extrinsic_index = match event.phase() {
			Phase::ApplyExtrinsic(i) => Some(i64::from(i)),
			_ => None,
		};
		if let Some(failed) = event.decode_fields_as::<pactum::system::events::ExtrinsicFailed>() {
			let failed = failed.map_err(PipelineError::node)?;
			if let Some(row) =
				extrinsics.iter_mut().find(|r| Some(r.extrinsic_index) == extrinsic_index)
			{
				row.error = Some(error_name(at, &failed.dispatch_error));
			}
			continue;
		}
		// An event this client cannot decode (a runtime's older shape) is skipped, not retried
		// for ever: the index must go on.
		let reported = match events::decode(&event) {
			Ok(Some(reported)) => reported,
			Ok(None) => continue,
			Err(error) => {
				tracing::warn!(block = number, index, %error, "event not decoded; skipped");
				continue;
			}
		};
		let mut audience: BTreeSet<String> = reported.named.iter().cloned().collect();
		if let Some(document) = reported.document {
			audience.extend(parties.of_document(document).await?);
		}
		if let Some(certificate) = reported.certificate {
			audience.extend(parties.of_certificate(certificate).await?);
		}
		if let Some(attestation) = reported.attestation {
			audience.extend(parties.of_attestation(attestation).await?);
		}
		let row = EventRow {
			seq: chain_index::seq_of(number, index as i64),
			block_number: number,
			block_hash: hash.clone(),
			extrinsic_index,
			event_type: reported.event_type.to_string(),
			data_json: reported.data.to_string(),
			block_time,
		};
		events.push((row, audience.into_iter().collect()));
	}
	Ok(IndexedBlock { hash, extrinsics, events })
}

/// Who a document, certificate or attestation concerns, as the chain says at the block, asked
/// once per block.
struct Parties<'a> {
	rpc: &'a RpcClient,
	at: &'a str,
	/// The hash of the block's parent, once asked for.
	parent: Option<String>,
	known: HashMap<String, Vec<String>>,
}

impl Parties<'_> {
	async fn ask(
		&mut self,
		key: String,
		method: &str,
		params: subxt::rpcs::client::RpcParams,
		pick: fn(&Value) -> Vec<String>,
	) -> Result<Vec<String>, PipelineError> {
		if let Some(known) = self.known.get(&key) {
			return Ok(known.clone());
		}
		let answer: Value = self.rpc.request(method, params).await.map_err(PipelineError::node)?;
		let accounts = pick(&answer);
		self.known.insert(key, accounts.clone());
		Ok(accounts)
	}

	/// The document's parties (none when it no longer exists).
	async fn of_document(&mut self, document: u64) -> Result<Vec<String>, PipelineError> {
		let params = rpc_params![document, self.at];
		self.ask(format!("d{document}"), "documents_get", params, |view| strings(&view["parties"]))
			.await
	}

	/// The certificate's issuer and holder.
	async fn of_certificate(&mut self, hash: [u8; 32]) -> Result<Vec<String>, PipelineError> {
		let hash = hex_of(hash);
		let params = rpc_params![&hash, self.at];
		self.ask(format!("c{hash}"), "documents_verify", params, |found| {
			let certificate = &found["certificate"];
			strings(&Value::Array(vec![
				certificate["issuer"].clone(),
				certificate["holder"].clone(),
			]))
		})
		.await
	}

	/// The attestation's issuer, and its holder when it is about an account. One the block
	/// removed (declined, or removed by its issuer) is asked for as at the block before.
	async fn of_attestation(&mut self, id: u64) -> Result<Vec<String>, PipelineError> {
		let params = rpc_params![id, self.at];
		let accounts =
			self.ask(format!("a{id}"), "attestations_get", params, attestation_parties).await?;
		if !accounts.is_empty() {
			return Ok(accounts);
		}
		let Some(parent) = self.parent().await? else {
			return Ok(accounts);
		};
		let params = rpc_params![id, &parent];
		self.ask(format!("a{id}<"), "attestations_get", params, attestation_parties).await
	}

	/// The hash of the block's parent (`chain_getHeader`), asked once.
	async fn parent(&mut self) -> Result<Option<String>, PipelineError> {
		if self.parent.is_none() {
			let header: Value = self
				.rpc
				.request("chain_getHeader", rpc_params![self.at])
				.await
				.map_err(PipelineError::node)?;
			self.parent = header["parentHash"].as_str().map(str::to_string);
		}
		Ok(self.parent.clone())
	}
}

/// The issuer and the account subject of an attestation's view (none when there is none).
fn attestation_parties(view: &Value) -> Vec<String> {
	strings(&Value::Array(vec![view["issuer"].clone(), view["subject"]["account"].clone()]))
}

fn strings(value: &Value) -> Vec<String> {
	value
		.as_array()
		.map(|items| items.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
		.unwrap_or_default()
}

/// `Pallet.Error` for a module error (from the metadata of the block), the variant otherwise.
pub fn error_name(at: &AtBlock, error: &DispatchError) -> String {
	match error {
		DispatchError::Module(module) => at
			.metadata_ref()
			.pallet_by_error_index(module.index)
			.and_then(|pallet| {
				pallet.error_variant_by_index(module.error[0]).map(|variant| {
					match variant.name.as_str() {
						// Which item of a bulk signature was refused, and the refusal's index.
						"BulkItemFailed" => format!(
							"{}.BulkItemFailed (item {}, reason {})",
							pallet.name(),
							u16::from_le_bytes([module.error[1], module.error[2]]),
							module.error[3]
						),
						name => format!("{}.{}", pallet.name(), name),
					}
				})
			})
			.unwrap_or_else(|| format!("Module({}, {:?})", module.index, module.error)),
		other => format!("{other:?}"),
	}
}
