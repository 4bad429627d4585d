//! Reads a live chain's whole state at one block over the node's JSON-RPC (WebSocket, jsonrpsee):
//! keys page by page, values in batches, then every default child trie the top trie names.

use crate::snapshot::{Pairs, Snapshot};
use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use pactum_runtime::{Block, Header};
use serde::de::DeserializeOwned;
use sp_core::{
	storage::{
		well_known_keys::DEFAULT_CHILD_STORAGE_KEY_PREFIX, StorageChangeSet, StorageData,
		StorageKey,
	},
	Bytes, H256,
};
use sp_runtime::generic::SignedBlock;
use std::{future::Future, time::Duration};

/// Keys asked for per request: the node answers at most 1,000.
const KEYS_PER_PAGE: u32 = 1_000;
/// Values asked for per request (`:code` alone is about a megabyte).
const VALUES_PER_REQUEST: usize = 250;
/// The largest answer taken: a batch of values with the runtime's code in it fits easily.
const MAX_RESPONSE: u32 = 64 * 1024 * 1024;

/// A connection to a node.
pub struct Node {
	client: WsClient,
}

impl Node {
	/// Connects to the node at `uri` (`ws://127.0.0.1:9944`).
	pub async fn connect(uri: &str) -> Result<Self, String> {
		let client = WsClientBuilder::default()
			.max_response_size(MAX_RESPONSE)
			.request_timeout(Duration::from_secs(120))
			.build(uri)
			.await
			.map_err(|e| format!("cannot connect to {uri}: {e}"))?;
		Ok(Self { client })
	}

	async fn call<R: DeserializeOwned>(
		&self,
		method: &'static str,
		params: jsonrpsee::core::params::ArrayParams,
	) -> Result<R, String> {
		self.client.request(method, params).await.map_err(|e| format!("{method} failed: {e}"))
	}

	/// `at`, or the last finalized block.
	async fn block_hash(&self, at: Option<H256>) -> Result<H256, String> {
		match at {
			Some(hash) => Ok(hash),
			None => self.call("chain_getFinalizedHead", rpc_params![]).await,
		}
	}

	/// Block `at`, or the last finalized block.
	pub async fn block(&self, at: Option<H256>) -> Result<Block, String> {
		let hash = self.block_hash(at).await?;
		let signed: Option<SignedBlock<Block>> =
			self.call("chain_getBlock", rpc_params![hash]).await?;
		Ok(signed.ok_or_else(|| format!("the node does not know block {hash:?}"))?.block)
	}

	/// The whole state after block `at`, or after the last finalized block.
	pub async fn snapshot(&self, at: Option<H256>) -> Result<Snapshot, String> {
		let block_hash = self.block_hash(at).await?;
		let header: Option<Header> = self.call("chain_getHeader", rpc_params![block_hash]).await?;
		let header =
			header.ok_or_else(|| format!("the node does not know block {block_hash:?}"))?;

		let top = self.top_pairs(block_hash).await?;
		let mut children = Vec::new();
		for (key, _) in
			top.iter().filter(|(key, _)| key.starts_with(DEFAULT_CHILD_STORAGE_KEY_PREFIX))
		{
			let child_key = key[DEFAULT_CHILD_STORAGE_KEY_PREFIX.len()..].to_vec();
			children.push((child_key, self.child_pairs(key, block_hash).await?));
		}
		Ok(Snapshot {
			block_hash,
			block_number: header.number,
			state_root: header.state_root,
			top,
			children,
		})
	}

	async fn top_pairs(&self, at: H256) -> Result<Pairs, String> {
		let keys = all_keys(|start| {
			self.call("state_getKeysPaged", rpc_params![Bytes(Vec::new()), KEYS_PER_PAGE, start, at])
		})
		.await?;
		let mut pairs = Vec::with_capacity(keys.len());
		for batch in keys.chunks(VALUES_PER_REQUEST) {
			let sets: Vec<StorageChangeSet<H256>> =
				self.call("state_queryStorageAt", rpc_params![batch, at]).await?;
			let set = sets.into_iter().next().ok_or("state_queryStorageAt answered nothing")?;
			for (key, value) in set.changes {
				// A key listed a moment ago is there: the state of one block does not change.
				let value = value.ok_or_else(|| format!("key 0x{} has no value", hex(&key.0)))?;
				pairs.push((key.0, value.0));
			}
		}
		check_complete(&keys, &pairs)?;
		Ok(pairs)
	}

	async fn child_pairs(&self, prefixed_key: &[u8], at: H256) -> Result<Pairs, String> {
		let trie = Bytes(prefixed_key.to_vec());
		let keys = all_keys(|start| {
			let params = rpc_params![&trie, Bytes(Vec::new()), KEYS_PER_PAGE, start, at];
			self.call("childstate_getKeysPaged", params)
		})
		.await?;
		let mut pairs = Vec::with_capacity(keys.len());
		for batch in keys.chunks(VALUES_PER_REQUEST) {
			let values: Vec<Option<StorageData>> =
				self.call("childstate_getStorageEntries", rpc_params![&trie, batch, at]).await?;
			for (key, value) in batch.iter().zip(values) {
				let value =
					value.ok_or_else(|| format!("child key 0x{} has no value", hex(&key.0)))?;
				pairs.push((key.0.clone(), value.0));
			}
		}
		check_complete(&keys, &pairs)?;
		Ok(pairs)
	}
}

/// Every key of a trie: `page(start)` asks for the page of keys after `start`.
async fn all_keys<F, Page>(mut page: F) -> Result<Vec<StorageKey>, String>
where
	F: FnMut(Option<StorageKey>) -> Page,
	Page: Future<Output = Result<Vec<StorageKey>, String>>,
{
	let mut keys: Vec<StorageKey> = Vec::new();
	loop {
		let next = page(keys.last().cloned()).await?;
		let last_page = next.len() < KEYS_PER_PAGE as usize;
		keys.extend(next);
		if last_page {
			return Ok(keys);
		}
	}
}

/// Every key listed came back with its value, in order.
fn check_complete(keys: &[StorageKey], pairs: &Pairs) -> Result<(), String> {
	let same = keys.len() == pairs.len() && keys.iter().zip(pairs).all(|(k, (key, _))| &k.0 == key);
	same.then_some(()).ok_or_else(|| {
		format!("the node listed {} keys but returned {} values for them", keys.len(), pairs.len())
	})
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}
