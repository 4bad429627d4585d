//! Held payments: a payment another pallet makes (through [`RegulatedTransfer::transfer_held`])
//! to an account that cannot receive it now — banned, or no longer a participant — is not refused:
//! the sender's rules and fee apply as to any payment, the amount waits in the escrow
//! (`HeldFor`), and the account claims it once the asset's policy admits it again.

use crate::{pallet::*, rules::Payee, AssetId};
use frame_support::{
	pallet_prelude::*,
	traits::{fungibles::Mutate, tokens::Preservation},
};
use sp_runtime::traits::{CheckedAdd, Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// `from` pays `amount` of `asset` into escrow for `to`, under the sender's rules and fee.
	pub(crate) fn do_transfer_held(
		asset: AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let assessment = Self::assess(asset, from, Payee::Escrow, amount)?;
		if let Some(refusal) = assessment.refusal {
			return Err(refusal.into());
		}
		let fee = assessment.fee;
		let collector = assessment.details.fee_collector;
		HeldFor::<T>::try_mutate(asset, to, |held| {
			*held = held.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Ok::<_, Error<T>>(())
		})?;
		Sent::<T>::insert(asset, from, assessment.usage);
		// The rules charge the collector no fee on its own payments.
		Self::pay_with_fee(
			asset,
			from,
			&Self::account(),
			amount,
			(!fee.is_zero()).then_some((&collector, fee)),
		)?;
		Self::deposit_event(Event::PaymentHeld {
			asset,
			from: from.clone(),
			to: to.clone(),
			amount,
			fee,
		});
		Ok(())
	}

	pub(crate) fn do_claim_held(who: T::AccountId, asset: AssetId) -> DispatchResult {
		let details = Tokens::<T>::get(asset).ok_or(Error::<T>::UnknownAsset)?;
		let amount = HeldFor::<T>::get(asset, &who);
		ensure!(!amount.is_zero(), Error::<T>::NothingHeld);
		Self::ensure_may_receive(&details, &who)?;
		if let Some(refusal) = Self::can_receive(asset, &who, amount) {
			return Err(refusal.into());
		}
		HeldFor::<T>::remove(asset, &who);
		// The escrow keeps its floor: other held payments and withdrawals stay.
		<Assets<T> as Mutate<_>>::transfer(
			asset,
			&Self::account(),
			&who,
			amount,
			Preservation::Preserve,
		)?;
		Self::deposit_event(Event::HeldClaimed { asset, who, amount });
		Ok(())
	}

	/// What is held for `lost` becomes `new`'s.
	pub(crate) fn move_held(asset: AssetId, lost: &T::AccountId, new: &T::AccountId) {
		let amount = HeldFor::<T>::take(asset, lost);
		if !amount.is_zero() {
			HeldFor::<T>::mutate(asset, new, |held| *held = held.saturating_add(amount));
		}
	}
}
