//! The runtime API behind the tokens JSON-RPC (`tokens_quoteTransfer`, `tokens_asset`).
#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;
pub use pallet_tokens::{AssetDetails, AssetId, AssetView, HolderPolicy, RuleScope, TransferQuote};

sp_api::decl_runtime_apis! {
	/// Reads of regulated assets, as of the block they are called at.
	pub trait TokensApi<AccountId, Balance>
	where
		AccountId: Codec,
		Balance: Codec,
	{
		/// What a transfer of `amount` of `asset` from `from` to `to` would cost now, whether it
		/// would pass (and if not, the error it would fail with), and the sender's remaining
		/// daily and monthly headroom. The transfer itself takes the same code path.
		fn quote_transfer(asset: AssetId, from: AccountId, to: AccountId, amount: Balance) -> TransferQuote<Balance>;
		/// The asset's rules and supply: authorised, issued, collateral, what may still be
		/// issued; `None` if the tokens pallet does not govern it.
		fn asset(asset: AssetId) -> Option<AssetView<AccountId, Balance>>;
	}
}
