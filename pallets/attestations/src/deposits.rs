//! Storage deposits: what a record costs (per item and per byte), held from whoever creates it
//! and released when the record goes.

use crate::{pallet::*, BalanceOf};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use pactum_primitives::ParticipantRegistry;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// The deposit for `items` storage items of `bytes` bytes in all.
	pub(crate) fn deposit_for(items: u32, bytes: usize) -> BalanceOf<T> {
		let bytes = u32::try_from(bytes).unwrap_or(u32::MAX);
		T::DepositPerItem::get()
			.saturating_mul(items.into())
			.saturating_add(T::DepositPerByte::get().saturating_mul(bytes.into()))
	}

	/// Holds `amount` from `who` (nothing for zero); `InsufficientBalance` if it cannot.
	pub(crate) fn hold(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&HoldReason::Records.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

	/// Releases what [`Self::hold`] held from `who`, or from the account a recovery moved it to
	/// (with the holds).
	pub(crate) fn release(who: &T::AccountId, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		let holder = T::Registry::current_account(who);
		// Best effort: the hold was taken for exactly this record, so it is there.
		let _ = T::Currency::release(
			&HoldReason::Records.into(),
			&holder,
			amount,
			Precision::BestEffort,
		);
	}
}
