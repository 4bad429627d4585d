//! What the runtime API hands out: a transfer's quote and an asset's view.

use crate::{pallet::*, rules::Payee, AssetId, AssetView, TransferQuote};
use alloc::string::String;
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// The quote a client sees: the assessment of a transfer, or the error that stops it.
	pub fn quote_transfer(
		asset: crate::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> TransferQuote<BalanceOf<T>> {
		let name = |error: Error<T>| -> String { <&'static str>::from(error).into() };
		match Self::assess(asset, from, Payee::Account(to), amount) {
			Ok(a) => TransferQuote {
				fee: a.fee,
				fee_scope: a.fee_scope,
				limit_scope: a.limit_scope,
				refusal: a.refusal.map(name),
				daily_remaining: a.daily_remaining,
				monthly_remaining: a.monthly_remaining,
			},
			Err(error) => TransferQuote {
				fee: Zero::zero(),
				fee_scope: None,
				limit_scope: None,
				refusal: Some(name(error)),
				daily_remaining: None,
				monthly_remaining: None,
			},
		}
	}

	/// `asset` with its issued supply and what may still be issued.
	pub fn asset_view(asset: AssetId) -> Option<AssetView<T::AccountId, BalanceOf<T>>> {
		let details = Tokens::<T>::get(asset)?;
		let issued = Self::issued(asset);
		let issuable = Self::issuable(&details, issued);
		Some(AssetView { details, issued, issuable })
	}
}
