//! The checks calls make of their caller and of the DIDs they act through.

use crate::{pallet::*, KeyPurposes};
use frame_support::{ensure, pallet_prelude::DispatchError};
use frame_system::pallet_prelude::{ensure_signed, OriginFor};
use pactum_primitives::{ParticipantRegistry, Standing};

impl<T: Config> Pallet<T> {
	/// A signed origin whose account is a registered, unbanned participant; yields the account
	/// and its standing.
	pub(crate) fn ensure_participant(
		origin: OriginFor<T>,
	) -> Result<(T::AccountId, Standing), DispatchError> {
		let who = ensure_signed(origin)?;
		let standing = T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
		Ok((who, standing))
	}

	/// Whether `caller` acts for the account `recorded` names: that account, or the one the
	/// registry recovered it to. Records name who acted; a recovery moves only the indexes
	/// (attestations by subject and issuer) and the deposits.
	pub(crate) fn acts_for(caller: &T::AccountId, recorded: &T::AccountId) -> bool {
		&T::Registry::current_account(recorded) == caller
	}

	/// A participant holding the `Attester` role.
	pub(crate) fn ensure_attester(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		let (who, standing) = Self::ensure_participant(origin)?;
		ensure!(standing.roles.contains(crate::roles::Attester::ROLE), Error::<T>::NotAttester);
		Ok(who)
	}

	/// `who`'s DID is active and has a key for `purpose`; else the error of what is missing
	/// (`missing` for the key).
	pub(crate) fn ensure_did_key(
		who: &T::AccountId,
		purpose: u8,
		missing: Error<T>,
	) -> Result<(), Error<T>> {
		let did = Dids::<T>::get(who).ok_or(Error::<T>::NoDid)?;
		ensure!(did.deactivated_at.is_none(), Error::<T>::DidDeactivated);
		ensure!(did.keys.iter().any(|key| key.purposes.contains(purpose)), missing);
		Ok(())
	}

	/// `who` may make statements: its DID has an assertion key.
	pub(crate) fn ensure_asserts(who: &T::AccountId) -> Result<(), Error<T>> {
		Self::ensure_did_key(who, KeyPurposes::ASSERTION, Error::<T>::NoAssertionKey)
	}

	/// `who` may hold attestations: its DID has a key-agreement key to receive claims.
	pub(crate) fn ensure_receives(who: &T::AccountId) -> Result<(), Error<T>> {
		Self::ensure_did_key(who, KeyPurposes::KEY_AGREEMENT, Error::<T>::NoKeyAgreementKey)
	}
}
