//! Withdrawals: a holder's request moves the amount and its fee to escrow; a trade admin
//! confirms it (the amount is burned, the fee paid) or rejects it (both go back, and the amount
//! stops counting towards the limits).

use crate::{pallet::*, rules::Payee, AssetId, Digest, Withdrawal, WithdrawalId};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungibles::Mutate,
		tokens::{Fortitude, Precision, Preservation},
	},
};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_request_withdrawal(
		who: T::AccountId,
		asset: AssetId,
		amount: BalanceOf<T>,
		payout: Digest,
	) -> DispatchResult {
		let assessment = Self::assess(asset, &who, Payee::Escrow, amount)?;
		if let Some(refusal) = assessment.refusal {
			return Err(refusal.into());
		}
		let fee = assessment.fee;
		let held = amount.checked_add(&fee).ok_or(Error::<T>::Overflow)?;
		let id = NextWithdrawal::<T>::get();
		AccountWithdrawals::<T>::try_mutate(&who, |ids| ids.try_push(id))
			.map_err(|_| Error::<T>::TooManyWithdrawals)?;
		NextWithdrawal::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Tokens::<T>::try_mutate(asset, |details| {
			let details = details.as_mut().ok_or(Error::<T>::UnknownAsset)?;
			details.pending_withdrawals =
				details.pending_withdrawals.checked_add(&held).ok_or(Error::<T>::Overflow)?;
			Ok::<_, Error<T>>(())
		})?;
		Sent::<T>::insert(asset, &who, assessment.usage);
		<Assets<T> as Mutate<_>>::transfer(
			asset,
			&who,
			&Self::account(),
			held,
			Preservation::Expendable,
		)?;
		let usage = assessment.usage;
		Withdrawals::<T>::insert(
			id,
			Withdrawal {
				asset,
				who: who.clone(),
				amount,
				fee,
				payout,
				requested_at: frame_system::Pallet::<T>::block_number(),
				day: usage.day,
				month: usage.month,
			},
		);
		Self::deposit_event(Event::WithdrawalRequested { id, asset, who, amount, fee, payout });
		Ok(())
	}

	pub(crate) fn do_confirm_withdrawal(by: T::AccountId, id: WithdrawalId) -> DispatchResult {
		let (w, collector) = Self::close_withdrawal(id)?;
		let escrow = Self::account();
		// The escrow keeps its floor (`Preserve`): the other requests' amounts stay whole.
		<Assets<T> as Mutate<_>>::burn_from(
			w.asset,
			&escrow,
			w.amount,
			Preservation::Preserve,
			Precision::Exact,
			Fortitude::Force,
		)?;
		if !w.fee.is_zero() {
			<Assets<T> as Mutate<_>>::transfer(
				w.asset,
				&escrow,
				&collector,
				w.fee,
				Preservation::Preserve,
			)?;
		}
		Self::deposit_event(Event::WithdrawalConfirmed { id, by });
		Ok(())
	}

	pub(crate) fn do_reject_withdrawal(
		by: T::AccountId,
		id: WithdrawalId,
		reason: Digest,
	) -> DispatchResult {
		let (w, _) = Self::close_withdrawal(id)?;
		let held = w.amount.saturating_add(w.fee);
		<Assets<T> as Mutate<_>>::transfer(
			w.asset,
			&Self::account(),
			&w.who,
			held,
			Preservation::Preserve,
		)?;
		Self::give_back_usage(&w);
		Self::deposit_event(Event::WithdrawalRejected { id, by, reason });
		Ok(())
	}

	/// Remove withdrawal `id` from the books; returns it and the asset's fee collector.
	pub(crate) fn close_withdrawal(
		id: WithdrawalId,
	) -> Result<(WithdrawalOf<T>, T::AccountId), Error<T>> {
		let w = Withdrawals::<T>::take(id).ok_or(Error::<T>::UnknownWithdrawal)?;
		AccountWithdrawals::<T>::mutate(&w.who, |ids| ids.retain(|other| *other != id));
		let collector = Tokens::<T>::try_mutate(w.asset, |details| {
			let details = details.as_mut().ok_or(Error::<T>::UnknownAsset)?;
			details.pending_withdrawals =
				details.pending_withdrawals.saturating_sub(w.amount.saturating_add(w.fee));
			Ok::<_, Error<T>>(details.fee_collector.clone())
		})?;
		Ok((w, collector))
	}

	/// A rejected withdrawal's amount stops counting towards the day's and month's totals it
	/// was counted in, if they are still the current ones.
	pub(crate) fn give_back_usage(w: &WithdrawalOf<T>) {
		Sent::<T>::mutate(w.asset, &w.who, |usage| {
			if let Some(usage) = usage {
				if usage.day == w.day {
					usage.day_total = usage.day_total.saturating_sub(w.amount);
				}
				if usage.month == w.month {
					usage.month_total = usage.month_total.saturating_sub(w.amount);
				}
			}
		});
	}
}
