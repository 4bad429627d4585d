//! Participants: registering (holding the registration deposit) and leaving, admitting without
//! deposit (genesis and benchmarks), and the encryption keys participants publish.

use crate::{pallet::*, AccountKind, KeyScheme, Kyc, OperatorKey, Participant, Role, RoleSet};
use pactum_primitives::{ParticipantRegistry, RoleCatalog};
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register(who: T::AccountId) -> DispatchResult {
		ensure!(!Participants::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
		ensure!(!Self::banned(&who), Error::<T>::Banned);
		ensure!(!RecoveredTo::<T>::contains_key(&who), Error::<T>::AccountRecovered);
		let deposit = T::RegistrationDeposit::get();
		T::Currency::hold(&HoldReason::Registration.into(), &who, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Participants::<T>::insert(&who, Self::new_participant(deposit));
		ParticipantCount::<T>::mutate(|n| *n = n.saturating_add(1));
		Self::deposit_event(Event::Registered { who, deposit });
		Ok(())
	}

	pub(crate) fn do_leave(who: T::AccountId) -> DispatchResult {
		let participant = Participants::<T>::get(&who).ok_or(Error::<T>::NotParticipant)?;
		ensure!(!Self::banned(&who), Error::<T>::Banned);
		ensure!(participant.roles.is_empty(), Error::<T>::HoldsRoles);
		ensure!(participant.org_code.is_none(), Error::<T>::HoldsOrgCode);
		ensure!(participant.references == 0, Error::<T>::StillReferenced);
		ensure!(!Recoveries::<T>::contains_key(&who), Error::<T>::RecoveryPending);
		T::Currency::release(
			&HoldReason::Registration.into(),
			&who,
			participant.deposit,
			Precision::BestEffort,
		)?;
		Self::release_client(&who)?;
		if let Some(record) = ContractRecords::<T>::take(&who) {
			Self::remove_reference(&Self::current_account(&record.registrar));
		}
		Participants::<T>::remove(&who);
		OperatorKeys::<T>::remove(&who);
		ParticipantCount::<T>::mutate(|n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::Left { who, deposit: participant.deposit });
		Ok(())
	}

	pub(crate) fn do_set_operator_key(
		who: T::AccountId,
		scheme: KeyScheme,
		key: Vec<u8>,
	) -> DispatchResult {
		ensure!(Participants::<T>::contains_key(&who), Error::<T>::NotParticipant);
		ensure!(!Self::banned(&who), Error::<T>::Banned);
		ensure!(scheme.accepts_len(key.len()), Error::<T>::InvalidKeyLength);
		let key =
			OperatorKey { scheme, key: key.try_into().map_err(|_| Error::<T>::InvalidKeyLength)? };
		OperatorKeys::<T>::insert(&who, &key);
		Self::deposit_event(Event::OperatorKeySet { who, key });
		Ok(())
	}

	pub(crate) fn do_remove_operator_key(who: T::AccountId) -> DispatchResult {
		ensure!(OperatorKeys::<T>::take(&who).is_some(), Error::<T>::NoOperatorKey);
		Self::deposit_event(Event::OperatorKeyRemoved { who });
		Ok(())
	}

	pub(crate) fn new_participant(deposit: BalanceOf<T>) -> ParticipantOf<T> {
		Participant {
			kind: AccountKind::Unverified,
			kyc: None,
			company: None,
			roles: RoleSet::default(),
			org_code: None,
			deposit,
			references: 0,
			registered_at: frame_system::Pallet::<T>::block_number(),
		}
	}

	/// Makes `who` a participant without deposit (or updates it): verified at `kyc_level` without
	/// expiry (0: left as it is) and holding `roles`. For genesis and benchmarks: no checks.
	pub(crate) fn admit(who: &T::AccountId, kyc_level: u8, roles: &[Role]) {
		use sp_runtime::traits::{Bounded, Zero};
		let mut p = Participants::<T>::get(who).unwrap_or_else(|| {
			ParticipantCount::<T>::mutate(|n| *n = n.saturating_add(1));
			Self::new_participant(Zero::zero())
		});
		if kyc_level > 0 {
			p.kind = AccountKind::Verified;
			p.kyc = Some(Kyc {
				level: kyc_level,
				evidence: Default::default(),
				expires_at: Bounded::max_value(),
				verified_at: Zero::zero(),
			});
		}
		for role in roles {
			if !p.roles.contains(*role) && p.roles.insert(*role) {
				RoleHolders::<T>::mutate(role, |n| *n = n.saturating_add(1));
			}
		}
		Participants::<T>::insert(who, p);
	}

	/// The genesis participants `(account, KYC level, roles)`, admitted without deposit. Panics
	/// on an account listed twice, a level above `MaxKycLevel` or a role not in `Config::Roles`.
	pub(crate) fn build_genesis(participants: &[(T::AccountId, u8, Vec<Role>)]) {
		for (who, level, roles) in participants {
			assert!(!Participants::<T>::contains_key(who), "registry genesis lists {who:?} twice");
			assert!(*level <= T::MaxKycLevel::get(), "registry genesis: KYC level too high");
			for role in roles {
				assert!(T::Roles::knows(*role), "registry genesis: unknown role {role:?}");
			}
			Self::admit(who, *level, roles);
		}
	}
}
