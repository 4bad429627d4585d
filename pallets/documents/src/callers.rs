//! The check every call makes of its caller: a signed origin whose account is a registered,
//! unbanned participant.

use crate::pallet::*;
use frame_support::pallet_prelude::DispatchError;
use frame_system::pallet_prelude::{ensure_signed, OriginFor};
use pactum_primitives::ParticipantRegistry;

impl<T: Config> Pallet<T> {
	/// A signed origin whose account is a registered, unbanned participant; yields the account.
	pub(crate) fn ensure_participant(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		let who = ensure_signed(origin)?;
		T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
		Ok(who)
	}
}
