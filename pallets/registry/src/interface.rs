//! The registry as other pallets see it: its implementation of
//! [`pactum_primitives::ParticipantRegistry`] (standing, bans, roles, organisation codes and
//! references).

use crate::{pallet::*, AccountKind, Role, Standing, WeightInfo};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::DispatchResult, weights::Weight};
use pactum_primitives::ParticipantRegistry;

impl<T: Config> ParticipantRegistry<T::AccountId> for Pallet<T> {
	/// A contract stands as its registrar does (KYC level, ban) and is no participant once it
	/// runs other code than it was registered with.
	fn standing(who: &T::AccountId) -> Option<Standing> {
		let p = Participants::<T>::get(who)?;
		let now = frame_system::Pallet::<T>::block_number();
		if p.kind == AccountKind::Contract {
			let registrar = Self::current_account(&Self::contract_in_force(who)?.registrar);
			let by = Participants::<T>::get(&registrar)?;
			return Some(Standing {
				kind: p.kind,
				kyc_level: Self::kyc_level_at(&by, &now),
				roles: p.roles,
				banned: Self::banned(who) || Self::banned(&registrar),
			});
		}
		Some(Standing {
			kind: p.kind,
			kyc_level: Self::kyc_level_at(&p, &now),
			roles: p.roles,
			banned: Self::banned(who),
		})
	}

	fn standing_weight() -> Weight {
		T::WeightInfo::contract_standing()
	}

	fn is_banned(who: &T::AccountId) -> bool {
		Self::banned(who)
	}

	fn has_role(who: &T::AccountId, role: Role) -> bool {
		Self::standing(who).is_some_and(|s| !s.banned && s.roles.contains(role))
	}

	fn org_code(who: &T::AccountId) -> Option<Vec<u8>> {
		Participants::<T>::get(who)?.org_code.map(|code| code.into_inner())
	}

	fn add_reference(who: &T::AccountId) -> DispatchResult {
		Participants::<T>::try_mutate(who, |p| {
			let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
			p.references = p.references.checked_add(1).ok_or(Error::<T>::TooManyReferences)?;
			Ok(())
		})
	}

	fn remove_reference(who: &T::AccountId) {
		Participants::<T>::mutate(who, |p| {
			if let Some(p) = p {
				p.references = p.references.saturating_sub(1);
			}
		});
	}

	fn recovered_to(who: &T::AccountId) -> Option<T::AccountId> {
		RecoveredTo::<T>::get(who)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmarks(who: &T::AccountId, kyc_level: u8, roles: &[Role]) {
		Self::admit(who, kyc_level, roles);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_org_code_for_benchmarks(who: &T::AccountId, code: Vec<u8>) {
		let Ok(code) = OrgCodeOf::<T>::try_from(code) else { return };
		Participants::<T>::mutate(who, |p| {
			if let Some(p) = p {
				if let Some(old) = p.org_code.replace(code.clone()) {
					OrgCodes::<T>::remove(old);
				}
				OrgCodes::<T>::insert(&code, who);
			}
		});
	}
}
