//! JSON-RPC of the participant registry, for backends and explorers:
//!
//! - `registry_participant(account, at?)`: everything recorded about a participant, decoded
//!   (`null` if the account is not registered);
//! - `registry_roles(account, at?)`: the names of the roles it holds.
//!
//! `registry_participant` returns the pallet's [`ParticipantView`] as it derives serde: keys in
//! camelCase, hashes and keys `0x` hex, the deposit a decimal string (it exceeds JSON's safe
//! integers), block numbers numbers, accounts SS58, enums their variant names.

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
pub use pallet_registry_runtime_api::RegistryApi as RegistryRuntimeApi;
pub use pallet_registry_runtime_api::{
	AccountKind, Ban, KeyScheme, Kyc, OperatorKey, ParticipantView,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;
use std::{fmt::Display, marker::PhantomData, str::FromStr, sync::Arc};

#[rpc(client, server)]
pub trait RegistryApi<BlockHash, AccountId, Hash, Balance, BlockNumber>
where
	Balance: Display + FromStr,
{
	/// Everything recorded about `who` at block `at` (default: best); `null` if unregistered.
	#[method(name = "registry_participant")]
	fn participant(
		&self,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ParticipantView<AccountId, Hash, Balance, BlockNumber>>>;

	/// The names of the roles `who` holds at block `at` (default: best).
	#[method(name = "registry_roles")]
	fn roles(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<Vec<String>>;
}

/// The registry RPC, backed by the runtime API of the client's best (or given) block.
pub struct Registry<C, Block, Hash, Balance, BlockNumber> {
	client: Arc<C>,
	_marker: PhantomData<(Block, Hash, Balance, BlockNumber)>,
}

impl<C, Block, Hash, Balance, BlockNumber> Registry<C, Block, Hash, Balance, BlockNumber> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(1, "registry runtime API call failed", Some(error.to_string()))
}

impl<C, Block, AccountId, Hash, Balance, BlockNumber>
	RegistryApiServer<<Block as BlockT>::Hash, AccountId, Hash, Balance, BlockNumber>
	for Registry<C, Block, Hash, Balance, BlockNumber>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RegistryRuntimeApi<Block, AccountId, Hash, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Hash: Codec + Send + Sync + 'static,
	Balance: Codec + Display + FromStr + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
{
	fn participant(
		&self,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ParticipantView<AccountId, Hash, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().participant(at, who).map_err(runtime_error)
	}

	fn roles(&self, who: AccountId, at: Option<Block::Hash>) -> RpcResult<Vec<String>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().roles(at, who).map_err(runtime_error)
	}
}
