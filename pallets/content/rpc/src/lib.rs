//! JSON-RPC of the content pallet, for players, gateways and storefronts:
//!
//! - `content_licence(account, content, at?)`: whether the account's licence is valid now,
//!   accesses left (`null`: unlimited), expiry block (`null`: none), and its resale ask;
//!   `null` if the account holds no licence of the content;
//! - `content_rights(content, at?)`: owner, creators, royalty table and every right's holders
//!   with their shares. With `at`, who held which right at that block.
//!
//! Both return the pallet's views ([`LicenceView`], [`RightsView`]) as they derive serde: keys
//! in camelCase, shares as parts per million (`1000000` = 100 %), an account with its share as
//! an `[account, parts per million]` pair, amounts as decimal strings, the content hash `0x`
//! hex, accounts SS58, rights by variant name (`"Distribution"`, `{"Other":7}`).

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
pub use pallet_content_runtime_api::ContentApi as ContentRuntimeApi;
pub use pallet_content_runtime_api::{
	ContentId, LicenceView, Right, RightsView, RoleShares, Royalties,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;
use std::{fmt::Display, marker::PhantomData, str::FromStr, sync::Arc};

#[rpc(client, server)]
pub trait ContentApi<BlockHash, AccountId, Balance, BlockNumber>
where
	Balance: Display + FromStr,
{
	/// `account`'s licence of `content` at block `at` (default: best).
	#[method(name = "content_licence")]
	fn licence(
		&self,
		account: AccountId,
		content: ContentId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<LicenceView<Balance, BlockNumber>>>;

	/// The content's owner, creators, royalties and rights holders at block `at`.
	#[method(name = "content_rights")]
	fn rights(
		&self,
		content: ContentId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<RightsView<AccountId>>>;
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
	ContentApiServer<<Block as BlockT>::Hash, AccountId, Balance, BlockNumber>
	for Content<C, Block, Balance>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ContentRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Display + FromStr + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
{
	fn licence(
		&self,
		account: AccountId,
		content: ContentId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<LicenceView<Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().licence(at, account, content).map_err(runtime_error)
	}

	fn rights(
		&self,
		content: ContentId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<RightsView<AccountId>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().rights(at, content).map_err(runtime_error)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;
	use sp_runtime::Permill;

	#[test]
	fn rights_read_as_their_view() {
		let share = |percent| Permill::from_percent(percent);
		let view = RightsView::<u64> {
			content_hash: [0xab; 32],
			owner: 1,
			creators: vec![(1, share(70)), (2, share(30))],
			royalties: Royalties {
				first_sale: RoleShares {
					creators: share(50),
					owner: share(10),
					distributors: share(20),
					promoters: share(20),
				},
				later: RoleShares {
					creators: share(50),
					owner: share(20),
					distributors: share(20),
					promoters: share(10),
				},
				resale: share(10),
			},
			rights: vec![
				(Right::Distribution, vec![(1, share(100))]),
				(Right::Other(7), vec![(2, share(100))]),
			],
		};
		let value = serde_json::to_value(&view).unwrap();
		assert_eq!(
			value,
			json!({
				"contentHash": format!("0x{}", "ab".repeat(32)),
				"owner": 1,
				"creators": [[1, 700_000], [2, 300_000]],
				"royalties": {
					"firstSale": {
						"creators": 500_000,
						"owner": 100_000,
						"distributors": 200_000,
						"promoters": 200_000,
					},
					"later": {
						"creators": 500_000,
						"owner": 200_000,
						"distributors": 200_000,
						"promoters": 100_000,
					},
					"resale": 100_000,
				},
				"rights": [["Distribution", [[1, 1_000_000]]], [{ "Other": 7 }, [[2, 1_000_000]]]],
			})
		);
		assert_eq!(serde_json::from_value::<RightsView<u64>>(value).unwrap(), view);
	}

	#[test]
	fn a_licence_reads_as_its_view() {
		let view = LicenceView::<u128, u32> {
			valid: true,
			accesses_left: Some(2),
			expires_at: None,
			terms: 0,
			transferable: true,
			ask: Some(u128::MAX),
		};
		let value = serde_json::to_value(&view).unwrap();
		assert_eq!(
			value,
			json!({
				"valid": true,
				"accessesLeft": 2,
				"expiresAt": null,
				"terms": 0,
				"transferable": true,
				"ask": "340282366920938463463374607431768211455",
			})
		);
		assert_eq!(serde_json::from_value::<LicenceView<u128, u32>>(value).unwrap(), view);
	}
}
