//! Endorsements: a third party (neither issuer nor holder) co-signs an attestation in force,
//! with its DID's assertion key, and may withdraw; each holds a deposit from its endorser.

use crate::*;
use codec::MaxEncodedLen;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_endorse(endorser: T::AccountId, id: AttestationId) -> DispatchResult {
		let mut attestation = Attestations::<T>::get(id).ok_or(Error::<T>::UnknownAttestation)?;
		ensure!(Self::in_force(&attestation), Error::<T>::NotActive);
		let own = Self::acts_for(&endorser, &attestation.issuer)
			|| attestation.subject.holder().is_some_and(|h| Self::acts_for(&endorser, h));
		ensure!(!own, Error::<T>::OwnAttestation);
		ensure!(!Endorsements::<T>::contains_key(id, &endorser), Error::<T>::AlreadyEndorsed);
		ensure!(
			attestation.endorsements < T::MaxEndorsements::get(),
			Error::<T>::TooManyEndorsements
		);
		Self::ensure_asserts(&endorser)?;
		let deposit = Self::deposit_for(1, EndorsementOf::<T>::max_encoded_len());
		Self::hold(&endorser, deposit)?;
		attestation.endorsements = attestation.endorsements.saturating_add(1);
		Attestations::<T>::insert(id, attestation);
		let at = frame_system::Pallet::<T>::block_number();
		Endorsements::<T>::insert(id, &endorser, Endorsement { at, deposit });
		Self::deposit_event(Event::Endorsed { attestation: id, endorser });
		Ok(())
	}

	pub(crate) fn do_withdraw_endorsement(
		endorser: T::AccountId,
		id: AttestationId,
	) -> DispatchResult {
		let endorsement = Endorsements::<T>::take(id, &endorser).ok_or(Error::<T>::NotEndorsed)?;
		Attestations::<T>::mutate(id, |attestation| {
			if let Some(attestation) = attestation {
				attestation.endorsements = attestation.endorsements.saturating_sub(1);
			}
		});
		Self::release(&endorser, endorsement.deposit);
		Self::deposit_event(Event::EndorsementWithdrawn { attestation: id, endorser });
		Ok(())
	}

	/// Removes every endorsement of `id` (at most `MaxEndorsements`), releasing their deposits.
	pub(crate) fn remove_endorsements(id: AttestationId) {
		for (endorser, endorsement) in Endorsements::<T>::drain_prefix(id) {
			Self::release(&endorser, endorsement.deposit);
		}
	}
}
