//! Access grants: a party lets a viewer fetch a document's off-chain file until an optional
//! expiry, and withdraws the grant (its deposit goes back to the party that granted it). Whether
//! an account may fetch a file now is answered in `views.rs` ([`Pallet::can_access`]).

use crate::{pallet::*, AccessGrant, DocumentId};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use frame_system::pallet_prelude::BlockNumberFor;
use pactum_primitives::ParticipantRegistry;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_grant_access(
		by: T::AccountId,
		document: DocumentId,
		viewer: T::AccountId,
		expires_at: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		let doc = Documents::<T>::get(document).ok_or(Error::<T>::UnknownDocument)?;
		ensure!(doc.parties.contains(&by), Error::<T>::NotParty);
		ensure!(!doc.parties.contains(&viewer), Error::<T>::ViewerIsParty);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(expires_at.map_or(true, |end| end > now), Error::<T>::ExpiryInPast);
		ensure!(!AccessGrants::<T>::contains_key(document, &viewer), Error::<T>::AlreadyGranted);
		let deposit = Self::deposit_for(1, AccessGrantOf::<T>::max_encoded_len());
		Self::hold(&by, deposit)?;
		AccessGrants::<T>::insert(
			document,
			&viewer,
			AccessGrant { granted_by: by.clone(), granted_at: now, expires_at, deposit },
		);
		Self::deposit_event(Event::AccessGranted { document, viewer, by, expires_at });
		Ok(())
	}

	pub(crate) fn do_revoke_access(
		by: T::AccountId,
		document: DocumentId,
		viewer: T::AccountId,
	) -> DispatchResult {
		let doc = Documents::<T>::get(document).ok_or(Error::<T>::UnknownDocument)?;
		ensure!(doc.parties.contains(&by), Error::<T>::NotParty);
		let grant = AccessGrants::<T>::take(document, &viewer).ok_or(Error::<T>::NoAccessGrant)?;
		// The deposit is held where a recovery of the granting party moved it.
		T::Currency::release(
			&HoldReason::Records.into(),
			&T::Registry::current_account(&grant.granted_by),
			grant.deposit,
			Precision::BestEffort,
		)?;
		Self::deposit_event(Event::AccessRevoked { document, viewer, by });
		Ok(())
	}
}
