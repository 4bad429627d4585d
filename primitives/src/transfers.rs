//! Payments in regulated tokens that other pallets make (licence prices and royalties, for
//! example), under the same holder policy, limits and fees as a holder's own transfer.

use frame_support::{pallet_prelude::DispatchResult, weights::Weight};

/// An asset's id: pallet-assets' id in Pactum's runtime.
pub type AssetId = u32;

/// A transfer of a regulated asset, with every rule of the tokens pallet applied.
pub trait RegulatedTransfer<AccountId> {
	type Balance;
	/// Whether `asset` exists.
	fn asset_exists(asset: AssetId) -> bool;
	/// Move `amount` of `asset` from `from` to `to`; the sender also pays the transfer's fee.
	fn transfer(
		asset: AssetId,
		from: &AccountId,
		to: &AccountId,
		amount: Self::Balance,
	) -> DispatchResult;
	/// Pay `amount` of `asset` from `from` for `to`, who cannot receive it now (banned, or no
	/// longer a participant): the sender's rules and fee apply as to [`Self::transfer`], and the
	/// amount is held for `to` until it claims it (once the asset's policy admits it again).
	fn transfer_held(
		asset: AssetId,
		from: &AccountId,
		to: &AccountId,
		amount: Self::Balance,
	) -> DispatchResult;
	/// The most one [`Self::transfer`] or [`Self::transfer_held`] weighs.
	fn transfer_weight() -> Weight;
}
