//! Organisation codes: assigning a unique code of an issuing body to a participant, and taking it
//! back.

use crate::pallet::*;
use alloc::vec::Vec;
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_assign_org_code(
		by: Option<T::AccountId>,
		who: T::AccountId,
		code: Vec<u8>,
	) -> DispatchResult {
		ensure!(
			!code.is_empty()
				&& code.iter().all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(c)),
			Error::<T>::InvalidOrgCode
		);
		let code: OrgCodeOf<T> = code.try_into().map_err(|_| Error::<T>::OrgCodeTooLong)?;
		ensure!(!OrgCodes::<T>::contains_key(&code), Error::<T>::OrgCodeTaken);
		Participants::<T>::try_mutate(&who, |p| -> DispatchResult {
			let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
			ensure!(p.org_code.is_none(), Error::<T>::AlreadyHasOrgCode);
			p.org_code = Some(code.clone());
			Ok(())
		})?;
		OrgCodes::<T>::insert(&code, &who);
		Self::deposit_event(Event::OrgCodeAssigned { who, code, by });
		Ok(())
	}

	pub(crate) fn do_release_org_code(
		by: Option<T::AccountId>,
		who: T::AccountId,
	) -> DispatchResult {
		let code = Participants::<T>::try_mutate(&who, |p| {
			let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
			p.org_code.take().ok_or(Error::<T>::NoOrgCode)
		})?;
		OrgCodes::<T>::remove(&code);
		Self::deposit_event(Event::OrgCodeReleased { who, code, by });
		Ok(())
	}
}
