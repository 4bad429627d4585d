//! JSON-RPC of the tokens pallet, for backends pricing a payment before they submit it:
//!
//! - `tokens_quoteTransfer(asset, from, to, amount, at?)`: the fee, the scopes of the fee and
//!   limit rules applied, the refusal (the name of the pallet error the transfer would fail
//!   with; `null`: it would pass) and the sender's remaining daily and monthly headroom —
//!   computed by the same code as the transfer;
//! - `tokens_asset(asset, at?)`: the asset's details (policy, fee collector, authorised supply,
//!   collateral and its ratio, pending withdrawals), what is issued and what may still be.
//!
//! Both return the pallet's views ([`TransferQuote`], [`AssetView`]) as they derive serde:
//! keys in camelCase, amounts as decimal strings (they exceed JavaScript's safe integers),
//! accounts SS58, enums their variant names. An amount parameter is a number or a `0x` hex
//! string.

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
pub use pallet_tokens_runtime_api::TokensApi as TokensRuntimeApi;
pub use pallet_tokens_runtime_api::{
	AssetDetails, AssetId, AssetView, HolderPolicy, RuleScope, TransferQuote,
};
use serde::{de::DeserializeOwned, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_rpc::number::NumberOrHex;
use sp_runtime::traits::Block as BlockT;
use std::{fmt::Display, marker::PhantomData, str::FromStr, sync::Arc};

#[rpc(client, server)]
pub trait TokensApi<BlockHash, AccountId, Balance>
where
	Balance: Display + FromStr,
{
	/// What a transfer would cost and whether it would pass at block `at` (default: best).
	#[method(name = "tokens_quoteTransfer")]
	fn quote_transfer(
		&self,
		asset: AssetId,
		from: AccountId,
		to: AccountId,
		amount: NumberOrHex,
		at: Option<BlockHash>,
	) -> RpcResult<TransferQuote<Balance>>;

	/// The asset's details and supply at block `at` (`null` if the tokens pallet does not
	/// govern it).
	#[method(name = "tokens_asset")]
	fn asset(
		&self,
		asset: AssetId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<AssetView<AccountId, Balance>>>;
}

/// The tokens RPC, backed by the runtime API of the client's best (or given) block.
pub struct Tokens<C, Block, Balance> {
	client: Arc<C>,
	_marker: PhantomData<(Block, Balance)>,
}

impl<C, Block, Balance> Tokens<C, Block, Balance> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(1, "tokens runtime API call failed", Some(error.to_string()))
}

impl<C, Block, AccountId, Balance> TokensApiServer<<Block as BlockT>::Hash, AccountId, Balance>
	for Tokens<C, Block, Balance>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: TokensRuntimeApi<Block, AccountId, Balance>,
	AccountId: Codec + Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
	Balance: Codec + Clone + Display + FromStr + TryFrom<u128> + Send + Sync + 'static,
{
	fn quote_transfer(
		&self,
		asset: AssetId,
		from: AccountId,
		to: AccountId,
		amount: NumberOrHex,
		at: Option<Block::Hash>,
	) -> RpcResult<TransferQuote<Balance>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let amount = amount
			.into_u256()
			.try_into()
			.ok()
			.and_then(|amount: u128| Balance::try_from(amount).ok())
			.ok_or_else(|| ErrorObjectOwned::owned(2, "amount out of range", Option::<()>::None))?;
		self.client.runtime_api().quote_transfer(at, asset, from, to, amount).map_err(runtime_error)
	}

	fn asset(
		&self,
		asset: AssetId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<AssetView<AccountId, Balance>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().asset(at, asset).map_err(runtime_error)
	}
}
