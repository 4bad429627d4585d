//! Access to a holder's attestation: a verifier asks (`request_access`), the holder grants it for
//! a time (answering a request, or unasked) and may retract it; requests and grants end at their
//! timeout, after which anyone may clear them. While a grant is in force the holder's service
//! endpoint hands the verifier the claims (`RetrieveAttestation` off chain, checked against
//! [`Pallet::has_access`]).

use crate::*;
use codec::MaxEncodedLen;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_request_access(
		verifier: T::AccountId,
		id: AttestationId,
		lifetime: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut attestation = Attestations::<T>::get(id).ok_or(Error::<T>::UnknownAttestation)?;
		let holder = attestation.subject.holder().ok_or(Error::<T>::WrongSubjectKind)?;
		ensure!(holder != &verifier, Error::<T>::SelfAccess);
		ensure!(Self::in_force(&attestation), Error::<T>::NotActive);
		ensure!(!Accesses::<T>::contains_key(id, &verifier), Error::<T>::AccessExists);
		let until = Self::access_end(lifetime)?;
		Self::count_access(&mut attestation)?;
		let deposit = Self::deposit_for(1, AccessOf::<T>::max_encoded_len());
		Self::hold(&verifier, deposit)?;
		Attestations::<T>::insert(id, attestation);
		let access =
			Access { state: AccessState::Requested, until, depositor: verifier.clone(), deposit };
		Accesses::<T>::insert(id, &verifier, access);
		Self::deposit_event(Event::AccessRequested { attestation: id, verifier, until });
		Ok(())
	}

	/// Grants `verifier` access for `lifetime` blocks: answers its request (the request's
	/// deposit stays the verifier's), or, unasked, a new grant whose deposit the holder pays.
	pub(crate) fn do_grant_access(
		holder: T::AccountId,
		id: AttestationId,
		verifier: T::AccountId,
		lifetime: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut attestation = Self::held_by(&holder, id)?;
		ensure!(holder != verifier, Error::<T>::SelfAccess);
		ensure!(Self::in_force(&attestation), Error::<T>::NotActive);
		let until = Self::access_end(lifetime)?;
		let access = match Accesses::<T>::get(id, &verifier) {
			Some(requested) => {
				ensure!(requested.state == AccessState::Requested, Error::<T>::AccessExists);
				Access { state: AccessState::Granted, until, ..requested }
			},
			None => {
				Self::count_access(&mut attestation)?;
				let deposit = Self::deposit_for(1, AccessOf::<T>::max_encoded_len());
				Self::hold(&holder, deposit)?;
				Attestations::<T>::insert(id, attestation);
				Access { state: AccessState::Granted, until, depositor: holder, deposit }
			},
		};
		Accesses::<T>::insert(id, &verifier, access);
		Self::deposit_event(Event::AccessGranted { attestation: id, verifier, until });
		Ok(())
	}

	/// The holder ends `verifier`'s request or grant.
	pub(crate) fn do_retract_access(
		holder: T::AccountId,
		id: AttestationId,
		verifier: T::AccountId,
	) -> DispatchResult {
		Self::held_by(&holder, id)?;
		Self::end_access(id, verifier, false)
	}

	/// The verifier ends its own request or grant.
	pub(crate) fn do_withdraw_access(verifier: T::AccountId, id: AttestationId) -> DispatchResult {
		Self::end_access(id, verifier, false)
	}

	/// Anyone clears a request or grant past its end.
	pub(crate) fn do_close_access(id: AttestationId, verifier: T::AccountId) -> DispatchResult {
		let access = Accesses::<T>::get(id, &verifier).ok_or(Error::<T>::NoAccess)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(access.until <= now, Error::<T>::AccessNotEnded);
		Self::end_access(id, verifier, true)
	}

	/// Whether `verifier` may retrieve the claims of `attestation` now: a grant not past its
	/// end, on an attestation in force.
	pub fn has_access(id: AttestationId, verifier: &T::AccountId) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		let granted = Accesses::<T>::get(id, verifier)
			.is_some_and(|a| a.state == AccessState::Granted && a.until > now);
		granted && Attestations::<T>::get(id).is_some_and(|a| Self::in_force(&a))
	}

	/// Removes every access request and grant of `id` (at most `MaxAccesses`), releasing their
	/// deposits.
	pub(crate) fn remove_accesses(id: AttestationId) {
		for (_, access) in Accesses::<T>::drain_prefix(id) {
			Self::release(&access.depositor, access.deposit);
		}
	}

	fn end_access(id: AttestationId, verifier: T::AccountId, expired: bool) -> DispatchResult {
		let access = Accesses::<T>::take(id, &verifier).ok_or(Error::<T>::NoAccess)?;
		Attestations::<T>::mutate(id, |attestation| {
			if let Some(attestation) = attestation {
				attestation.accesses = attestation.accesses.saturating_sub(1);
			}
		});
		Self::release(&access.depositor, access.deposit);
		Self::deposit_event(Event::AccessEnded { attestation: id, verifier, expired });
		Ok(())
	}

	/// The block a request or grant of `lifetime` blocks ends at.
	fn access_end(lifetime: BlockNumberFor<T>) -> Result<BlockNumberFor<T>, Error<T>> {
		ensure!(
			!lifetime.is_zero() && lifetime <= T::MaxAccessLifetime::get(),
			Error::<T>::BadLifetime
		);
		Ok(frame_system::Pallet::<T>::block_number().saturating_add(lifetime))
	}

	fn count_access(attestation: &mut AttestationOf<T>) -> Result<(), Error<T>> {
		ensure!(attestation.accesses < T::MaxAccesses::get(), Error::<T>::TooManyAccesses);
		attestation.accesses = attestation.accesses.saturating_add(1);
		Ok(())
	}
}
