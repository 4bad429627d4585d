//! Access to a holder's attestation: a verifier asks (`request_access`), the holder grants it for
//! a time (answering a request, or unasked); the holder or the verifier ends it
//! (`retract_access`); past their end anyone clears requests and grants. While a grant is in
//! force the holder's service endpoint hands the verifier the claims, encrypted to the
//! verifier's key-agreement key (`RetrieveAttestation` off chain, checked against
//! [`Pallet::has_access`]). Requests and grants are bounded apart (`MaxAccesses` each), so
//! requests a holder did not want cannot crowd out its grants.

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
		ensure!(!Self::acts_for(&verifier, holder), Error::<T>::SelfAccess);
		ensure!(Self::in_force(&attestation), Error::<T>::NotActive);
		ensure!(!Accesses::<T>::contains_key(id, &verifier), Error::<T>::AccessExists);
		Self::ensure_receives(&verifier)?;
		let until = Self::access_end(lifetime)?;
		Self::count(&mut attestation.access_requests, 1)?;
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
		ensure!(!Self::acts_for(&holder, &verifier), Error::<T>::SelfAccess);
		ensure!(Self::in_force(&attestation), Error::<T>::NotActive);
		Self::ensure_receives(&verifier)?;
		let until = Self::access_end(lifetime)?;
		Self::count(&mut attestation.access_grants, 1)?;
		let access = match Accesses::<T>::get(id, &verifier) {
			Some(requested) => {
				ensure!(requested.state == AccessState::Requested, Error::<T>::AccessExists);
				attestation.access_requests = attestation.access_requests.saturating_sub(1);
				Access { state: AccessState::Granted, until, ..requested }
			},
			None => {
				let deposit = Self::deposit_for(1, AccessOf::<T>::max_encoded_len());
				Self::hold(&holder, deposit)?;
				Access { state: AccessState::Granted, until, depositor: holder, deposit }
			},
		};
		Attestations::<T>::insert(id, attestation);
		Accesses::<T>::insert(id, &verifier, access);
		Self::deposit_event(Event::AccessGranted { attestation: id, verifier, until });
		Ok(())
	}

	/// The holder or the verifier ends `verifier`'s request or grant.
	pub(crate) fn do_retract_access(
		by: T::AccountId,
		id: AttestationId,
		verifier: T::AccountId,
	) -> DispatchResult {
		if !Self::acts_for(&by, &verifier) {
			Self::held_by(&by, id).map_err(|_| Error::<T>::NotHolder)?;
		}
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

	/// Removes every access request and grant of `id` (at most `MaxAccesses` of each),
	/// releasing their deposits.
	pub(crate) fn remove_accesses(id: AttestationId) {
		for (_, access) in Accesses::<T>::drain_prefix(id) {
			Self::release(&access.depositor, access.deposit);
		}
	}

	fn end_access(id: AttestationId, verifier: T::AccountId, expired: bool) -> DispatchResult {
		let access = Accesses::<T>::take(id, &verifier).ok_or(Error::<T>::NoAccess)?;
		Attestations::<T>::mutate(id, |attestation| {
			if let Some(attestation) = attestation {
				let counter = match access.state {
					AccessState::Requested => &mut attestation.access_requests,
					AccessState::Granted => &mut attestation.access_grants,
				};
				*counter = counter.saturating_sub(1);
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

	/// Adds `n` to an access counter, within `MaxAccesses`.
	fn count(counter: &mut u32, n: u32) -> Result<(), Error<T>> {
		let next = counter.saturating_add(n);
		ensure!(next <= T::MaxAccesses::get(), Error::<T>::TooManyAccesses);
		*counter = next;
		Ok(())
	}
}
