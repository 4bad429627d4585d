//! JSON-RPC of the tokens pallet, for backends pricing a payment before they submit it:
//!
//! - `tokens_quoteTransfer(asset, from, to, amount, at?)`: the fee, whether the transfer would
//!   pass and if not the rule (pallet error) that refuses it, and the sender's remaining daily
//!   and monthly headroom — computed by the same code as the transfer;
//! - `tokens_asset(asset, at?)`: the asset's policy, fee collector and supply (authorised,
//!   issued, collateral, what may still be issued, pending withdrawals).
//!
//! Amounts are decimal strings (they exceed JavaScript's safe integers); an amount parameter is
//! a number or a `0x` hex string. Accounts are SS58, enums their variant names.

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
pub use pallet_tokens_runtime_api::TokensApi as TokensRuntimeApi;
use pallet_tokens_runtime_api::{AssetId, AssetView, HolderPolicy, TransferQuote};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_rpc::number::NumberOrHex;
use sp_runtime::{traits::Block as BlockT, FixedPointNumber, FixedU128};
use std::{fmt::Display, marker::PhantomData, sync::Arc};

/// What `tokens_quoteTransfer` returns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
	pub fee: String,
	/// `Account`, `Kind` or `Asset`; `null`: no fee rule applies.
	pub fee_scope: Option<String>,
	/// `Account`, `Kind`, `KycLevel` or `Asset`; `null`: no limits apply.
	pub limit_scope: Option<String>,
	pub passes: bool,
	/// The `tokens` error the transfer would fail with, e.g. `OverDailyLimit`.
	pub refusal: Option<String>,
	/// What the sender may still send today and this month (`null`: no limit).
	pub daily_remaining: Option<String>,
	pub monthly_remaining: Option<String>,
}

impl<Balance: Display> From<TransferQuote<Balance>> for Quote {
	fn from(q: TransferQuote<Balance>) -> Self {
		Quote {
			fee: q.fee.to_string(),
			fee_scope: q.fee_scope.map(|s| format!("{s:?}")),
			limit_scope: q.limit_scope.map(|s| format!("{s:?}")),
			passes: q.refusal.is_none(),
			refusal: q.refusal.map(|name| String::from_utf8_lossy(&name).into_owned()),
			daily_remaining: q.daily_remaining.map(|b| b.to_string()),
			monthly_remaining: q.monthly_remaining.map(|b| b.to_string()),
		}
	}
}

/// What `tokens_asset` returns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Asset<AccountId> {
	pub policy: Policy,
	pub fee_collector: AccountId,
	pub authorised: String,
	pub issued: String,
	pub issuable: String,
	pub collateral: String,
	/// Supply allowed per unit of collateral, as a decimal (`"1"`, `"0.5"`).
	pub collateral_ratio: String,
	pub pending_withdrawals: String,
}

/// Who may hold the asset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
	pub unverified: bool,
	pub verified: bool,
	pub corporate: bool,
	pub min_kyc_level: u8,
}

impl From<HolderPolicy> for Policy {
	fn from(p: HolderPolicy) -> Self {
		Policy {
			unverified: p.unverified,
			verified: p.verified,
			corporate: p.corporate,
			min_kyc_level: p.min_kyc_level,
		}
	}
}

impl<AccountId, Balance: Display> From<AssetView<AccountId, Balance>> for Asset<AccountId> {
	fn from(view: AssetView<AccountId, Balance>) -> Self {
		let d = view.details;
		Asset {
			policy: d.policy.into(),
			fee_collector: d.fee_collector,
			authorised: d.authorised.to_string(),
			issued: view.issued.to_string(),
			issuable: view.issuable.to_string(),
			collateral: d.collateral.to_string(),
			collateral_ratio: decimal(d.collateral_ratio),
			pending_withdrawals: d.pending_withdrawals.to_string(),
		}
	}
}

/// `ratio` as a plain decimal: `"1"`, `"0.5"`, `"1.25"`.
fn decimal(ratio: FixedU128) -> String {
	let inner = ratio.into_inner();
	let unit = FixedU128::DIV;
	let (whole, fraction) = (inner / unit, inner % unit);
	if fraction == 0 {
		return whole.to_string();
	}
	let digits = format!("{fraction:018}");
	format!("{whole}.{}", digits.trim_end_matches('0'))
}

#[rpc(client, server)]
pub trait TokensApi<BlockHash, AccountId> {
	/// What a transfer would cost and whether it would pass at block `at` (default: best).
	#[method(name = "tokens_quoteTransfer")]
	fn quote_transfer(
		&self,
		asset: AssetId,
		from: AccountId,
		to: AccountId,
		amount: NumberOrHex,
		at: Option<BlockHash>,
	) -> RpcResult<Quote>;

	/// The asset's policy and supply at block `at` (`null` if the tokens pallet does not
	/// govern it).
	#[method(name = "tokens_asset")]
	fn asset(&self, asset: AssetId, at: Option<BlockHash>) -> RpcResult<Option<Asset<AccountId>>>;
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

impl<C, Block, AccountId, Balance> TokensApiServer<<Block as BlockT>::Hash, AccountId>
	for Tokens<C, Block, Balance>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: TokensRuntimeApi<Block, AccountId, Balance>,
	AccountId: Codec + Clone + Send + Sync + 'static,
	Balance: Codec + Display + TryFrom<u128> + Send + Sync + 'static,
{
	fn quote_transfer(
		&self,
		asset: AssetId,
		from: AccountId,
		to: AccountId,
		amount: NumberOrHex,
		at: Option<Block::Hash>,
	) -> RpcResult<Quote> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let amount = amount
			.into_u256()
			.try_into()
			.ok()
			.and_then(|amount: u128| Balance::try_from(amount).ok())
			.ok_or_else(|| ErrorObjectOwned::owned(2, "amount out of range", Option::<()>::None))?;
		let quote = self
			.client
			.runtime_api()
			.quote_transfer(at, asset, from, to, amount)
			.map_err(runtime_error)?;
		Ok(quote.into())
	}

	fn asset(
		&self,
		asset: AssetId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<Asset<AccountId>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let view = self.client.runtime_api().asset(at, asset).map_err(runtime_error)?;
		Ok(view.map(Into::into))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn ratios_read_as_decimals() {
		assert_eq!(decimal(FixedU128::from_u32(1)), "1");
		assert_eq!(decimal(FixedU128::from_rational(1, 2)), "0.5");
		assert_eq!(decimal(FixedU128::from_rational(5, 4)), "1.25");
		assert_eq!(decimal(FixedU128::from_inner(1)), "0.000000000000000001");
	}
}
