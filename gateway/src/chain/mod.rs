//! The node, behind the [`Chain`] trait: the subxt client in production ([`subxt_chain`]), a fake
//! in tests, so that the HTTP layer and the authorisation server are tested without a node.

pub mod reads;
pub mod subxt_chain;

use serde::Serialize;

/// What the gateway knows about the node, refreshed by a background probe.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ChainStatus {
	/// The node answered the last probe.
	pub reachable: bool,
	/// Genesis hash (0x-hex), once connected.
	pub genesis_hash: Option<String>,
	/// The generated client (`pactum-chain-api`) matches the node's runtime metadata.
	pub codegen_valid: bool,
	/// The runtime's `spec_version` at the finalized head.
	pub spec_version: Option<u32>,
	/// Number of the finalized head.
	pub finalized_number: Option<u64>,
	/// Hash (0x-hex) of the finalized head.
	pub finalized_hash: Option<String>,
	/// Why the gateway is not ready, if it is not.
	pub error: Option<String>,
}

impl ChainStatus {
	/// Ready to sign and submit: reachable, a genesis hash, matching code, a finalized head.
	pub fn is_ready(&self) -> bool {
		self.reachable
			&& self.genesis_hash.is_some()
			&& self.codegen_valid
			&& self.finalized_hash.is_some()
	}
}

/// The chain as the API handlers use it.
pub trait Chain: Send + Sync + 'static {
	/// The latest probe's result (cheap: no request to the node).
	fn status(&self) -> ChainStatus;

	/// A JSON-RPC client of the node while it is ready (reads); `None` otherwise.
	fn rpc(&self) -> Option<subxt::rpcs::RpcClient> {
		None
	}

	/// The typed client while the node is ready (storage reads); `None` otherwise.
	fn client(&self) -> Option<pactum_chain_api::PactumClient> {
		None
	}
}

/// A chain whose status is fixed: for tests and for commands that need no node.
#[derive(Debug, Clone, Default)]
pub struct StaticChain(pub ChainStatus);

impl Chain for StaticChain {
	fn status(&self) -> ChainStatus {
		self.0.clone()
	}
}

/// `0x`-hex of bytes (hashes, SCALE payloads), as the node's JSON-RPC writes them.
pub fn hex_of(bytes: impl AsRef<[u8]>) -> String {
	format!("0x{}", hex::encode(bytes.as_ref()))
}
