//! Rights: the rights a content has, held in shares summing to 100 %; the owner adds rights, a
//! holder transfers all or part of its share. Each holder is indexed (`HeldRights`) and holds a
//! registry reference while it holds a share of any right of the content.

use crate::{pallet::*, ContentId, Right};
use frame_support::pallet_prelude::*;
use pactum_primitives::ParticipantRegistry;
use sp_runtime::{traits::Saturating, Permill};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_right(
		who: T::AccountId,
		content: ContentId,
		right: Right,
	) -> DispatchResult {
		Self::ensure_owner(content, &who)?;
		T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
		Contents::<T>::try_mutate(content, |record| -> DispatchResult {
			let record = record.as_mut().ok_or(Error::<T>::UnknownContent)?;
			ensure!(!record.rights.contains(&right), Error::<T>::RightExists);
			record.rights.try_push(right).map_err(|_| Error::<T>::TooManyRights)?;
			Ok(())
		})?;
		let holder = BoundedVec::truncate_from(alloc::vec![(who.clone(), Permill::one())]);
		Rights::<T>::insert(content, right, holder);
		Self::rights_gained(&who, content, 1)?;
		Self::deposit_event(Event::RightAdded { content, right, holder: who });
		Ok(())
	}

	pub(crate) fn do_transfer_right(
		who: T::AccountId,
		content: ContentId,
		right: Right,
		to: T::AccountId,
		share: Permill,
	) -> DispatchResult {
		ensure!(!share.is_zero(), Error::<T>::ZeroShare);
		ensure!(who != to, Error::<T>::SameAccount);
		let record = Contents::<T>::get(content).ok_or(Error::<T>::UnknownContent)?;
		ensure!(record.rights.contains(&right), Error::<T>::UnknownRight);
		T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
		T::Registry::ensure_active(&to).map_err(Error::<T>::from)?;
		Rights::<T>::try_mutate(content, right, |holders| -> DispatchResult {
			let at = holders
				.iter()
				.position(|(holder, _)| holder == &who)
				.ok_or(Error::<T>::NotRightHolder)?;
			let have = holders.get(at).map(|(_, s)| *s).unwrap_or_default();
			ensure!(have >= share, Error::<T>::InsufficientShare);
			let left = have.saturating_sub(share);
			if left.is_zero() {
				holders.remove(at);
				Self::right_lost(&who, content);
			} else if let Some((_, s)) = holders.get_mut(at) {
				*s = left;
			}
			match holders.iter_mut().find(|(holder, _)| holder == &to) {
				Some((_, s)) => *s = s.saturating_add(share),
				None => {
					holders.try_push((to.clone(), share)).map_err(|_| Error::<T>::TooManyHolders)?;
					Self::rights_gained(&to, content, 1)?;
				}
			}
			Ok(())
		})?;
		Self::deposit_event(Event::RightTransferred { content, right, from: who, to, share });
		Ok(())
	}

	/// `who` came to hold a share of `rights` more rights of `content`: indexed, with a registry
	/// reference for its first.
	pub(crate) fn rights_gained(who: &T::AccountId, content: ContentId, rights: u32) -> DispatchResult {
		let held = HeldRights::<T>::get(who, content);
		if held == 0 {
			T::Registry::add_reference(who)?;
		}
		HeldRights::<T>::insert(who, content, held.saturating_add(rights));
		Ok(())
	}

	/// `who` no longer holds a share of one right of `content`; its last releases the reference.
	pub(crate) fn right_lost(who: &T::AccountId, content: ContentId) {
		let held = HeldRights::<T>::get(who, content).saturating_sub(1);
		if held == 0 {
			HeldRights::<T>::remove(who, content);
			T::Registry::remove_reference(who);
		} else {
			HeldRights::<T>::insert(who, content, held);
		}
	}

	/// `who`'s share of `right` over the content (zero if none).
	pub fn share_of(content: ContentId, right: Right, who: &T::AccountId) -> Permill {
		Rights::<T>::get(content, right)
			.iter()
			.find(|(holder, _)| holder == who)
			.map_or(Permill::zero(), |(_, share)| *share)
	}
}
