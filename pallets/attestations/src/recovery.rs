//! When the registry recovers a participant from a lost account to a new one: the attestations
//! about the lost account are about the new one, those it issued are the new one's to amend,
//! renew, revoke and remove, and the deposits held from the lost account are held from the new
//! one. Everything else names who acted (a DID's controller, a schema's owner, a device's
//! controller, a request's parties, an endorser) and is answered through the registry's
//! recoveries (`Pallet::acts_for`): the new account acts for the lost one. The lost account's
//! DID stays its own identifier, controlled by the new account, which rotates its keys or
//! deactivates it.
//!
//! A participant can hold or have issued more attestations than fit in a block: the deposits
//! and each attestation are one metered step, and the registry calls again until all moved.

use crate::{pallet::*, AttestationId, BalanceOf, Subject, WeightInfo};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{InspectHold, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
		Defensive,
	},
	weights::WeightMeter,
};
use pactum_primitives::{OnParticipantRecovered, RecoveryProgress};
use sp_runtime::traits::Zero;

impl<T: Config> OnParticipantRecovered<T::AccountId> for Pallet<T> {
	fn on_recovered(
		lost: &T::AccountId,
		new: &T::AccountId,
		meter: &mut WeightMeter,
	) -> RecoveryProgress {
		let reason = HoldReason::Records.into();
		let held = T::Currency::balance_on_hold(&reason, lost);
		if !held.is_zero() {
			if meter.try_consume(T::WeightInfo::recover_deposits()).is_err() {
				return RecoveryProgress::Incomplete;
			}
			Self::move_deposits(lost, new, held);
		}
		let about_lost = Subject::Account(lost.clone());
		while let Some(id) = BySubject::<T>::iter_key_prefix(&about_lost).next() {
			if meter.try_consume(T::WeightInfo::recover_attestation()).is_err() {
				return RecoveryProgress::Incomplete;
			}
			Self::move_attestation(id, lost, new);
		}
		while let Some(id) = ByIssuer::<T>::iter_key_prefix(lost).next() {
			if meter.try_consume(T::WeightInfo::recover_attestation()).is_err() {
				return RecoveryProgress::Incomplete;
			}
			Self::move_attestation(id, lost, new);
		}
		RecoveryProgress::Done
	}

	fn max_step() -> Weight {
		T::WeightInfo::recover_deposits().max(T::WeightInfo::recover_attestation())
	}
}

impl<T: Config> Pallet<T> {
	/// Everything held from `lost` for its records (`held`) is held from `new`.
	pub(crate) fn move_deposits(lost: &T::AccountId, new: &T::AccountId, held: BalanceOf<T>) {
		// The registry only recovers to an existing (funded) account: this cannot fail.
		let _ = T::Currency::transfer_on_hold(
			&HoldReason::Records.into(),
			lost,
			new,
			held,
			Precision::BestEffort,
			Restriction::OnHold,
			Fortitude::Force,
		)
		.defensive();
	}

	/// `new` takes `lost`'s place in attestation `id`: as its subject, its issuer, or both.
	pub(crate) fn move_attestation(id: AttestationId, lost: &T::AccountId, new: &T::AccountId) {
		let about_lost = Subject::Account(lost.clone());
		BySubject::<T>::remove(&about_lost, id);
		ByIssuer::<T>::remove(lost, id);
		let Some(mut attestation) = Attestations::<T>::get(id) else { return };
		if attestation.subject == about_lost {
			attestation.subject = Subject::Account(new.clone());
			BySubject::<T>::insert(&attestation.subject, id, ());
		}
		if &attestation.issuer == lost {
			attestation.issuer = new.clone();
			ByIssuer::<T>::insert(new, id, ());
		}
		Attestations::<T>::insert(id, attestation);
		Self::deposit_event(Event::Recovered {
			attestation: id,
			lost: lost.clone(),
			new: new.clone(),
		});
	}
}
