//! When the registry recovers a lost account to a new one, the lost account's balances, open
//! withdrawals, limit usage, payments held for it and fee and limit rules of its own move to the
//! new account.

use crate::{
	pallet::{Assets, Event},
	AccountRules, AccountWithdrawals, Config, Pallet, Sent, Tokens, Usage, WeightInfo,
	WithdrawalId, Withdrawals,
};
use frame_support::{
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::Preservation,
		Get,
	},
	weights::{Weight, WeightMeter},
	BoundedVec,
};
use pactum_primitives::{OnParticipantRecovered, RecoveryProgress};
use sp_runtime::traits::{Saturating, Zero};

/// Everything moves in one step, started only when the meter allows its worst case (every
/// asset, every withdrawal) and charged at the actual counts.
impl<T: Config> OnParticipantRecovered<T::AccountId> for Pallet<T> {
	fn on_recovered(
		lost: &T::AccountId,
		new: &T::AccountId,
		meter: &mut WeightMeter,
	) -> RecoveryProgress {
		if !meter.can_consume(Self::max_step()) {
			return RecoveryProgress::Incomplete;
		}
		let mut assets = 0u32;
		for asset in Tokens::<T>::iter_keys() {
			assets = assets.saturating_add(1);
			Self::move_usage(asset, lost, new);
			Self::move_held(asset, lost, new);
			Self::move_own_rules(asset, lost, new);
			let amount = <Assets<T> as Inspect<_>>::balance(asset, lost);
			if amount.is_zero() {
				continue;
			}
			// The registry decided who owns the account: the holder policy does not apply.
			match <Assets<T> as Mutate<_>>::transfer(
				asset,
				lost,
				new,
				amount,
				Preservation::Expendable,
			) {
				Ok(_) => Self::deposit_event(Event::Recovered {
					asset,
					lost: lost.clone(),
					new: new.clone(),
					amount,
				}),
				Err(_) => Self::deposit_event(Event::RecoveryFailed {
					asset,
					lost: lost.clone(),
					new: new.clone(),
				}),
			}
		}
		let withdrawals = Self::move_withdrawals(lost, new);
		// At most `max_step`, which the meter allowed.
		meter.consume(<T as Config>::WeightInfo::on_recovered(assets, withdrawals));
		RecoveryProgress::Done
	}

	fn max_step() -> Weight {
		<T as Config>::WeightInfo::on_recovered(
			T::MaxAssets::get(),
			T::MaxPendingWithdrawals::get(),
		)
	}
}

impl<T: Config> Pallet<T> {
	/// `lost`'s open withdrawals become `new`'s, as many as `new`'s index has room for (a new
	/// account can have requests of its own if it was a participant before); the others stay
	/// with `lost`. Returns how many there were.
	fn move_withdrawals(lost: &T::AccountId, new: &T::AccountId) -> u32 {
		let ids = AccountWithdrawals::<T>::take(lost);
		let count = ids.len() as u32;
		let mut staying = BoundedVec::<WithdrawalId, T::MaxPendingWithdrawals>::new();
		AccountWithdrawals::<T>::mutate(new, |moved| {
			for id in ids {
				if moved.try_push(id).is_ok() {
					Withdrawals::<T>::mutate(id, |w| {
						if let Some(w) = w {
							w.who = new.clone();
						}
					});
				} else {
					// Cannot fail: `staying` has the bound `ids` had.
					let _ = staying.try_push(id);
				}
			}
		});
		if !staying.is_empty() {
			AccountWithdrawals::<T>::insert(lost, staying);
		}
		count
	}

	/// `lost`'s own fee and limit rules for `asset` become `new`'s: the participant keeps its
	/// terms. A `new` with rules of its own keeps those, and `lost`'s are dropped.
	fn move_own_rules(asset: crate::AssetId, lost: &T::AccountId, new: &T::AccountId) {
		let Some(own) = AccountRules::<T>::take(asset, lost) else { return };
		if AccountRules::<T>::contains_key(asset, new) {
			// Cannot fail: the asset counted `lost`'s rules.
			let _ = Self::mutate_rules(asset, |rules| {
				rules.accounts = rules.accounts.saturating_sub(1);
				Ok(())
			});
		} else {
			AccountRules::<T>::insert(asset, new, own);
		}
	}

	/// What `lost` sent counts as sent by `new`, so a recovery does not reset the limits.
	fn move_usage(asset: crate::AssetId, lost: &T::AccountId, new: &T::AccountId) {
		let Some(moved) = Sent::<T>::take(asset, lost) else { return };
		Sent::<T>::mutate(asset, new, |usage| {
			let merged = match usage.take() {
				None => moved,
				Some(own) => {
					let (day, day_total) =
						latest((own.day, own.day_total), (moved.day, moved.day_total));
					let (month, month_total) =
						latest((own.month, own.month_total), (moved.month, moved.month_total));
					Usage { day, day_total, month, month_total }
				}
			};
			*usage = Some(merged);
		});
	}
}

/// The total of the later period, or the sum if both are the same period.
fn latest<B: Saturating>(a: (u32, B), b: (u32, B)) -> (u32, B) {
	match a.0.cmp(&b.0) {
		core::cmp::Ordering::Equal => (a.0, a.1.saturating_add(b.1)),
		core::cmp::Ordering::Greater => a,
		core::cmp::Ordering::Less => b,
	}
}
