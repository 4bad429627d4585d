//! Bans: a security admin bans an account (registered or not) until a block or until unbanned,
//! and lifts the ban; whether a ban is in force now.

use crate::{pallet::*, Ban};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_ban(
		by: T::AccountId,
		who: T::AccountId,
		reason: u32,
		until: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		ensure!(by != who, Error::<T>::CannotBanSelf);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(until.map_or(true, |until| until > now), Error::<T>::ExpiryInPast);
		ensure!(!Self::banned(&who), Error::<T>::AlreadyBanned);
		Bans::<T>::insert(&who, Ban { reason, until, by: by.clone(), since: now });
		Self::deposit_event(Event::Banned { who, reason, until, by });
		Ok(())
	}

	pub(crate) fn do_unban(by: T::AccountId, who: T::AccountId) -> DispatchResult {
		ensure!(Bans::<T>::take(&who).is_some(), Error::<T>::NotBanned);
		Self::deposit_event(Event::Unbanned { who, by });
		Ok(())
	}

	/// Whether a ban on `who` is in force now.
	pub fn banned(who: &T::AccountId) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		Bans::<T>::get(who).is_some_and(|ban| ban.active_at(&now))
	}
}
