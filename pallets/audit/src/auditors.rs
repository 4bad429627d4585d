//! Auditors: signalling, bonding (a registry reference while bonded), unbonding, seats, slashes
//! and burns. Seats and tasks name the account that took them: each acts on its
//! [`Pallet::holder`] (see `recovery.rs`).

use crate::{pallet::*, Auditor, CaseId, Deadline, EpochIndex, Signal};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision},
		Defensive,
	},
};
use crate::roles::Auditor as AuditorRole;
use pactum_primitives::{AccountKind, ParticipantRegistry};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_signal(
		who: T::AccountId,
		stake: BalanceOf<T>,
		capacity: u32,
		vrf_key: [u8; 32],
	) -> DispatchResult {
		ensure!(T::Registry::has_role(&who, AuditorRole::ROLE), Error::<T>::NotAuditor);
		let standing = T::Registry::standing(&who).ok_or(Error::<T>::NotAuditor)?;
		ensure!(standing.kind != AccountKind::Unverified, Error::<T>::NotVerified);
		ensure!(capacity > 0, Error::<T>::ZeroCapacity);
		ensure!(stake >= T::MinAuditorStake::get(), Error::<T>::StakeTooLow);
		let current = Self::current_epoch();
		// The epoch after next: its signals are frozen a whole epoch before its seed exists.
		let epoch = current.checked_add(2).ok_or(Error::<T>::Overflow)?;
		let first_signal = !Signals::<T>::contains_key(epoch, &who);
		if first_signal {
			ensure!(
				SignalCount::<T>::get(epoch) < T::MaxAuditorsPerEpoch::get(),
				Error::<T>::TooManyAuditors
			);
		}
		if let Some(owner) = DrawKeys::<T>::get(vrf_key) {
			ensure!(owner == who, Error::<T>::KeyTaken);
		}
		let mut auditor = match Auditors::<T>::get(&who) {
			Some(auditor) => {
				ensure!(stake >= auditor.stake, Error::<T>::StakeLocked);
				let drawing = [current, current.saturating_add(1)]
					.into_iter()
					.any(|epoch| Signals::<T>::contains_key(epoch, &who));
				ensure!(auditor.vrf_key == vrf_key || !drawing, Error::<T>::KeyInUse);
				auditor
			}
			None => {
				// A bonded auditor cannot leave the registry until its stake is released.
				T::Registry::add_reference(&who)?;
				Auditor {
				stake: Zero::zero(),
				vrf_key,
				last_epoch: epoch,
				open_seats: 0,
				keep_bonded: false,
				}
			},
		};
		if first_signal {
			Self::schedule(
				Self::epoch_start(epoch.saturating_add(1)),
				Deadline::Unbond(who.clone(), epoch),
			)?;
		}
		let top_up = stake.saturating_sub(auditor.stake);
		T::Currency::hold(&HoldReason::AuditorStake.into(), &who, top_up)?;
		if auditor.vrf_key != vrf_key {
			Self::free_draw_key(&who, auditor.vrf_key);
		}
		DrawKeys::<T>::insert(vrf_key, &who);
		auditor.stake = stake;
		auditor.vrf_key = vrf_key;
		auditor.last_epoch = epoch;
		if first_signal {
			SignalCount::<T>::mutate(epoch, |count| count.saturating_inc());
		}
		Signals::<T>::mutate(epoch, &who, |signal| match signal {
			Some(signal) => signal.capacity = capacity,
			None => *signal = Some(Signal { capacity, seats: 0 }),
		});
		Auditors::<T>::insert(&who, auditor);
		Self::deposit_event(Event::Signalled { auditor: who, epoch, stake, capacity });
		Ok(())
	}

	pub(crate) fn do_set_keep_bonded(who: T::AccountId, keep: bool) -> DispatchResult {
		let mut auditor = Auditors::<T>::get(&who).ok_or(Error::<T>::NotBonded)?;
		auditor.keep_bonded = keep;
		Self::deposit_event(Event::KeepBondedSet { auditor: who.clone(), keep });
		Self::store_or_release(who, auditor);
		Ok(())
	}

	pub(crate) fn do_unbond(who: T::AccountId) -> DispatchResult {
		let auditor = Auditors::<T>::get(&who).ok_or(Error::<T>::NotBonded)?;
		ensure!(auditor.last_epoch < Self::current_epoch(), Error::<T>::StillSignalled);
		ensure!(auditor.open_seats == 0, Error::<T>::OpenSeats);
		Self::release_stake(who, auditor);
		Ok(())
	}

	/// Whether nothing keeps the auditor's stake bonded any more.
	fn releasable(auditor: &Auditor<T>) -> bool {
		!auditor.keep_bonded
			&& auditor.open_seats == 0
			&& auditor.last_epoch < Self::current_epoch()
	}

	/// Stores the auditor's record, or releases its stake when nothing keeps it bonded.
	fn store_or_release(who: T::AccountId, auditor: Auditor<T>) {
		if Self::releasable(&auditor) {
			Self::release_stake(who, auditor);
		} else {
			Auditors::<T>::insert(&who, auditor);
		}
	}

	fn release_stake(who: T::AccountId, auditor: Auditor<T>) {
		let released = Self::release_held(HoldReason::AuditorStake, &who, auditor.stake);
		Auditors::<T>::remove(&who);
		Self::free_draw_key(&who, auditor.vrf_key);
		T::Registry::remove_reference(&who);
		Self::deposit_event(Event::Unbonded { auditor: who, stake: released });
	}

	/// `key` is no longer `who`'s draw key: another auditor may take it.
	pub(crate) fn free_draw_key(who: &T::AccountId, key: [u8; 32]) {
		if DrawKeys::<T>::get(key).as_ref() == Some(who) {
			DrawKeys::<T>::remove(key);
		}
	}

	/// Hook task: `epoch`, signalled for by `who` (or the account it was recovered from), is
	/// over.
	pub(crate) fn epoch_over(who: &T::AccountId, epoch: EpochIndex) {
		let who = &Self::holder(who);
		Signals::<T>::remove(epoch, who);
		if let Some(auditor) = Auditors::<T>::get(who) {
			if Self::releasable(&auditor) {
				Self::release_stake(who.clone(), auditor);
			}
		}
	}

	/// A seat of `who` was taken.
	pub(crate) fn seat_taken(who: &T::AccountId, epoch: EpochIndex) {
		Auditors::<T>::mutate(who, |auditor| {
			if let Some(auditor) = auditor {
				auditor.open_seats.saturating_inc();
			}
		});
		Signals::<T>::mutate(epoch, who, |signal| {
			if let Some(signal) = signal {
				signal.seats.saturating_inc();
			}
		});
	}

	/// A seat of `who` was given up before the draw epoch ended (evicted or cut): it frees the
	/// capacity it used.
	pub(crate) fn seat_given_up(who: &T::AccountId, epoch: EpochIndex) {
		let who = &Self::holder(who);
		Signals::<T>::mutate(epoch, who, |signal| {
			if let Some(signal) = signal {
				signal.seats.saturating_dec();
			}
		});
		Self::seat_closed(who);
	}

	/// A seat of `who` is settled; its stake may be released.
	pub(crate) fn seat_closed(who: &T::AccountId) {
		let who = &Self::holder(who);
		if let Some(mut auditor) = Auditors::<T>::get(who) {
			auditor.open_seats.saturating_dec();
			Self::store_or_release(who.clone(), auditor);
		}
	}

	/// Slashes a seated auditor that did not reveal: its seat deposit and `NoRevealSlash` of its
	/// stake move to the `Slashed` hold, burned at the next epoch boundary.
	pub(crate) fn slash(case: CaseId, who: &T::AccountId, deposit: BalanceOf<T>) {
		let who = &Self::holder(who);
		let mut amount = Self::release_held(HoldReason::PanelDeposit, who, deposit);
		if let Some(mut auditor) = Auditors::<T>::get(who) {
			let cut = T::NoRevealSlash::get() * auditor.stake;
			let cut = Self::release_held(HoldReason::AuditorStake, who, cut);
			auditor.stake.saturating_reduce(cut);
			Auditors::<T>::insert(who, auditor);
			amount.saturating_accrue(cut);
		}
		if T::Currency::hold(&HoldReason::Slashed.into(), who, amount).defensive().is_err() {
			Self::seat_closed(who);
			return;
		}
		let first = !PendingBurn::<T>::contains_key(who);
		PendingBurn::<T>::mutate(who, |pending| {
			*pending = Some(pending.unwrap_or_default().saturating_add(amount))
		});
		if first {
			let boundary = Self::epoch_start(Self::current_epoch().saturating_add(1));
			if Self::schedule(boundary, Deadline::Burn(who.clone())).is_err() {
				Self::burn(who);
			}
		}
		Self::deposit_event(Event::Slashed { case, auditor: who.clone(), amount });
		Self::seat_closed(who);
	}

	/// Hook task: burns what was slashed from `who`.
	pub(crate) fn burn(who: &T::AccountId) {
		let who = &Self::holder(who);
		let Some(amount) = PendingBurn::<T>::take(who) else { return };
		let burned = T::Currency::burn_held(
			&HoldReason::Slashed.into(),
			who,
			amount,
			Precision::BestEffort,
			Fortitude::Force,
		)
		.defensive_unwrap_or_default();
		Burned::<T>::mutate(|total| total.saturating_accrue(burned));
		Self::deposit_event(Event::Burned { who: who.clone(), amount: burned });
	}
}
