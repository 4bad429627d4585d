//! Storage deposits: what a record costs (per item and per byte), held from whoever creates it
//! and released when the record goes.

use crate::{pallet::*, BalanceOf};
use frame_support::{
	defensive,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use pactum_primitives::{ParticipantRegistry, MAX_RECOVERY_HOPS};
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

	/// Releases what [`Self::hold`] held from `who`: from `who` first, then along the accounts
	/// recoveries moved it to, since a recovery moves the holds in a step of its own that may
	/// come blocks after the registry names the new account.
	pub(crate) fn release(who: &T::AccountId, amount: BalanceOf<T>) {
		let reason = HoldReason::Records.into();
		let mut left = amount;
		let mut holder = who.clone();
		for _ in 0..=MAX_RECOVERY_HOPS {
			if left.is_zero() {
				return;
			}
			let released = T::Currency::release(&reason, &holder, left, Precision::BestEffort)
				.unwrap_or_else(|_| Zero::zero());
			left = left.saturating_sub(released);
			match T::Registry::recovered_to(&holder) {
				Some(next) => holder = next,
				None => break,
			}
		}
		// The hold was taken for exactly this record: it is there.
		if !left.is_zero() {
			defensive!("a record's deposit was not held");
		}
	}
}
