//! When the registry recovers a participant from a lost account to a new one: its auditor record
//! (stake, VRF key, open seats), its signals, what waits to be burned, and everything this
//! pallet holds from it (stakes, deposits, escrows, slashes) move to the new account in one step.
//!
//! Cases, seats and escrows keep naming the accounts as they acted (a case's requester, a
//! seat's auditor, whose vote commitment was made with that account): there may be more of
//! them than fit in a block, and no index finds them. Instead, every payout, release, slash and
//! burn goes to [`Pallet::holder`] of the account on record, and every check of who the caller
//! is accepts the account a recovery moved the recorded one to ([`Pallet::is_recorded`]): the
//! new account reveals the lost account's votes, objects to its cases and is paid for them.

use crate::{pallet::*, EpochIndex, WeightInfo};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{InspectHold, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
		Defensive,
	},
	weights::WeightMeter,
};
use pactum_primitives::{OnParticipantRecovered, ParticipantRegistry, RecoveryProgress};
use sp_runtime::traits::{Saturating, Zero};

/// Everything this pallet holds from accounts.
pub(crate) const HOLD_REASONS: [HoldReason; 6] = [
	HoldReason::AuditorStake,
	HoldReason::PanelDeposit,
	HoldReason::CaseStake,
	HoldReason::Objection,
	HoldReason::Escrow,
	HoldReason::Slashed,
];

impl<T: Config> OnParticipantRecovered<T::AccountId> for Pallet<T> {
	fn on_recovered(
		lost: &T::AccountId,
		new: &T::AccountId,
		meter: &mut WeightMeter,
	) -> RecoveryProgress {
		if !Self::has_state(lost) {
			return RecoveryProgress::Done;
		}
		if meter.try_consume(T::WeightInfo::recover_auditor()).is_err() {
			return RecoveryProgress::Incomplete;
		}
		Self::move_state(lost, new);
		RecoveryProgress::Done
	}

	fn max_step() -> Weight {
		T::WeightInfo::recover_auditor()
	}
}

impl<T: Config> Pallet<T> {
	/// The account that holds `who`'s funds and state now: `who`, or the account recoveries
	/// moved it to.
	pub fn holder(who: &T::AccountId) -> T::AccountId {
		T::Registry::current_account(who)
	}

	/// Whether `who` acts for the account `recorded` names: it is that account, or where
	/// recoveries moved it. A lost account acts for nothing any more.
	pub(crate) fn is_recorded(recorded: &T::AccountId, who: &T::AccountId) -> bool {
		Self::holder(recorded) == *who
	}

	/// Whether this pallet keeps anything for `who`.
	fn has_state(who: &T::AccountId) -> bool {
		Auditors::<T>::contains_key(who) ||
			PendingBurn::<T>::contains_key(who) ||
			HOLD_REASONS
				.iter()
				.any(|reason| !T::Currency::balance_on_hold(&(*reason).into(), who).is_zero())
	}

	/// Moves `lost`'s auditor record, its signals, what waits to be burned and every hold to
	/// `new`.
	pub(crate) fn move_state(lost: &T::AccountId, new: &T::AccountId) {
		for reason in HOLD_REASONS {
			let held = T::Currency::balance_on_hold(&reason.into(), lost);
			if held.is_zero() {
				continue;
			}
			// The registry only recovers to an existing (funded) account.
			let _ = T::Currency::transfer_on_hold(
				&reason.into(),
				lost,
				new,
				held,
				Precision::BestEffort,
				Restriction::OnHold,
				Fortitude::Force,
			)
			.defensive();
		}
		if let Some(moved) = Auditors::<T>::take(lost) {
			Self::free_draw_key(lost, moved.vrf_key);
			Auditors::<T>::mutate(new, |auditor| match auditor {
				// `new` bonded on its own before this step ran: one record (with its key), one
				// reference.
				Some(auditor) => {
					auditor.stake.saturating_accrue(moved.stake);
					auditor.open_seats.saturating_accrue(moved.open_seats);
					auditor.last_epoch = auditor.last_epoch.max(moved.last_epoch);
					auditor.keep_bonded |= moved.keep_bonded;
					T::Registry::remove_reference(new);
				},
				None => {
					DrawKeys::<T>::insert(moved.vrf_key, new);
					*auditor = Some(moved);
				},
			});
		}
		// Signals exist for the epoch before (until its `Unbond` task ran), this one and the next
		// two.
		let current = Self::current_epoch();
		for epoch in current.saturating_sub(1)..=current.saturating_add(2) {
			Self::move_signal(epoch, lost, new);
		}
		if let Some(amount) = PendingBurn::<T>::take(lost) {
			PendingBurn::<T>::mutate(new, |pending| {
				*pending = Some(pending.unwrap_or_default().saturating_add(amount))
			});
		}
		Self::deposit_event(Event::AuditorRecovered { lost: lost.clone(), new: new.clone() });
	}

	fn move_signal(epoch: EpochIndex, lost: &T::AccountId, new: &T::AccountId) {
		let Some(moved) = Signals::<T>::take(epoch, lost) else { return };
		Signals::<T>::mutate(epoch, new, |signal| match signal {
			// `new` signalled for the epoch too: one signal, its capacity, both their seats.
			Some(signal) => {
				signal.seats.saturating_accrue(moved.seats);
				SignalCount::<T>::mutate(epoch, |count| count.saturating_dec());
			},
			None => *signal = Some(moved),
		});
	}
}
