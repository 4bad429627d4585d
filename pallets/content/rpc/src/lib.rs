//! JSON-RPC of the content pallet, for players, gateways and storefronts:
//!
//! - `content_licence(account, content, at?)`: whether the account's licence is valid now,
//!   accesses left (`null`: unlimited), expiry block (`null`: none), and its resale ask;
//!   `null` if the account holds no licence of the content;
//! - `content_rights(content, at?)`: owner, creators, royalty table and every right's holders
//!   with their shares. With `at`, who held which right at that block.
//!
//! Shares are parts per million (`1000000` = 100 %); amounts are decimal strings; accounts are
//! SS58.

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
pub use pallet_content_runtime_api::ContentApi as ContentRuntimeApi;
use pallet_content_runtime_api::{
	ContentId, LicenceView, Right, RightsView, RoleShares as RuntimeRoleShares,
};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::bytes::to_hex;
use sp_runtime::{traits::Block as BlockT, Permill};
use std::{fmt::Display, marker::PhantomData, sync::Arc};

/// What `content_licence` returns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Licence<BlockNumber> {
	/// Whether a gateway may record an access now.
	pub valid: bool,
	pub accesses_left: Option<u32>,
	/// The first block at which the licence is no longer valid.
	pub expires_at: Option<BlockNumber>,
	pub terms: u32,
	pub transferable: bool,
	/// The resale price its holder asks, if offered.
	pub ask: Option<String>,
}

impl<Balance: Display, BlockNumber> From<LicenceView<Balance, BlockNumber>>
	for Licence<BlockNumber>
{
	fn from(v: LicenceView<Balance, BlockNumber>) -> Self {
		Licence {
			valid: v.valid,
			accesses_left: v.accesses_left,
			expires_at: v.expires_at,
			terms: v.terms,
			transferable: v.transferable,
			ask: v.ask.map(|a| a.to_string()),
		}
	}
}

/// An account and its share, in parts per million.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Share<AccountId> {
	pub account: AccountId,
	pub per_million: u32,
}

/// A royalty table's parts, in parts per million.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleShares {
	pub creators: u32,
	pub owner: u32,
	pub distributors: u32,
	pub promoters: u32,
}

impl From<RuntimeRoleShares> for RoleShares {
	fn from(s: RuntimeRoleShares) -> Self {
		RoleShares {
			creators: s.creators.deconstruct(),
			owner: s.owner.deconstruct(),
			distributors: s.distributors.deconstruct(),
			promoters: s.promoters.deconstruct(),
		}
	}
}

/// One right and its holders.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RightHolders<AccountId> {
	/// `Distribution`, `Promotion`, `Derivative` or `Other(n)`.
	pub right: String,
	pub holders: Vec<Share<AccountId>>,
}

/// What `content_rights` returns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rights<AccountId> {
	/// `0x`-prefixed hex.
	pub content_hash: String,
	pub owner: AccountId,
	pub creators: Vec<Share<AccountId>>,
	pub first_sale: RoleShares,
	pub later: RoleShares,
	/// The royalty part of a resale price, in parts per million.
	pub resale_royalty: u32,
	pub rights: Vec<RightHolders<AccountId>>,
}

fn shares<AccountId>(list: Vec<(AccountId, Permill)>) -> Vec<Share<AccountId>> {
	list.into_iter()
		.map(|(account, share)| Share { account, per_million: share.deconstruct() })
		.collect()
}

fn right_name(right: Right) -> String {
	match right {
		Right::Other(n) => format!("Other({n})"),
		named => format!("{named:?}"),
	}
}

impl<AccountId> From<RightsView<AccountId>> for Rights<AccountId> {
	fn from(v: RightsView<AccountId>) -> Self {
		Rights {
			content_hash: to_hex(&v.content_hash, false),
			owner: v.owner,
			creators: shares(v.creators),
			first_sale: v.royalties.first_sale.into(),
			later: v.royalties.later.into(),
			resale_royalty: v.royalties.resale.deconstruct(),
			rights: v
				.rights
				.into_iter()
				.map(|(right, holders)| RightHolders {
					right: right_name(right),
					holders: shares(holders),
				})
				.collect(),
		}
	}
}

#[rpc(client, server)]
pub trait ContentApi<BlockHash, AccountId, BlockNumber> {
	/// `account`'s licence of `content` at block `at` (default: best).
	#[method(name = "content_licence")]
	fn licence(
		&self,
		account: AccountId,
		content: ContentId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<Licence<BlockNumber>>>;

	/// The content's owner, creators, royalties and rights holders at block `at`.
	#[method(name = "content_rights")]
	fn rights(
		&self,
		content: ContentId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<Rights<AccountId>>>;
}

/// The content RPC, backed by the runtime API of the client's best (or given) block.
pub struct Content<C, Block, Balance> {
	client: Arc<C>,
	_marker: PhantomData<(Block, Balance)>,
}

impl<C, Block, Balance> Content<C, Block, Balance> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(1, "content runtime API call failed", Some(error.to_string()))
}

impl<C, Block, AccountId, Balance, BlockNumber>
	ContentApiServer<<Block as BlockT>::Hash, AccountId, BlockNumber> for Content<C, Block, Balance>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ContentRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Clone + Send + Sync + 'static,
	Balance: Codec + Display + Send + Sync + 'static,
	BlockNumber: Codec + Serialize + Send + Sync + 'static,
{
	fn licence(
		&self,
		account: AccountId,
		content: ContentId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<Licence<BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let view =
			self.client.runtime_api().licence(at, account, content).map_err(runtime_error)?;
		Ok(view.map(Into::into))
	}

	fn rights(
		&self,
		content: ContentId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<Rights<AccountId>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let view = self.client.runtime_api().rights(at, content).map_err(runtime_error)?;
		Ok(view.map(Into::into))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn rights_read_as_names() {
		assert_eq!(right_name(Right::Distribution), "Distribution");
		assert_eq!(right_name(Right::Other(7)), "Other(7)");
	}
}
