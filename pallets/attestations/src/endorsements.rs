//! Endorsements: a third party (neither issuer nor holder) co-signs an attestation in force,
//! with its DID's assertion key; each holds a deposit from its endorser. The endorser, the
//! holder or the issuer removes an endorsement (so endorsements the holder did not want cannot
//! fill the `MaxEndorsements` places for good).

use crate::*;
use codec::MaxEncodedLen;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_endorse(endorser: T::AccountId, id: AttestationId) -> DispatchResult {
		let mut attestation = Attestations::<T>::get(id).ok_or(Error::<T>::UnknownAttestation)?;
		ensure!(Self::in_force(&attestation), Error::<T>::NotActive);
		ensure!(!Self::party_to(&endorser, &attestation), Error::<T>::OwnAttestation);
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

	/// `by` — the endorser, the holder or the issuer — removes `endorser`'s endorsement.
	pub(crate) fn do_remove_endorsement(
		by: T::AccountId,
		id: AttestationId,
		endorser: T::AccountId,
	) -> DispatchResult {
		let endorsement = Endorsements::<T>::get(id, &endorser).ok_or(Error::<T>::NotEndorsed)?;
		let mut attestation = Attestations::<T>::get(id).ok_or(Error::<T>::UnknownAttestation)?;
		let allowed = Self::acts_for(&by, &endorser) || Self::party_to(&by, &attestation);
		ensure!(allowed, Error::<T>::NotEndorser);
		Endorsements::<T>::remove(id, &endorser);
		attestation.endorsements = attestation.endorsements.saturating_sub(1);
		Attestations::<T>::insert(id, attestation);
		Self::release(&endorser, endorsement.deposit);
		Self::deposit_event(Event::EndorsementRemoved { attestation: id, endorser, by });
		Ok(())
	}

	/// Removes every endorsement of `id` (at most `MaxEndorsements`), releasing their deposits.
	pub(crate) fn remove_endorsements(id: AttestationId) {
		for (endorser, endorsement) in Endorsements::<T>::drain_prefix(id) {
			Self::release(&endorser, endorsement.deposit);
		}
	}

	/// Whether `who` acts for the issuer or the holder of `attestation`.
	fn party_to(who: &T::AccountId, attestation: &AttestationOf<T>) -> bool {
		Self::acts_for(who, &attestation.issuer)
			|| attestation.subject.holder().is_some_and(|holder| Self::acts_for(who, holder))
	}
}
