//! The pallet's helpers, its answers to other pallets and clients, and its invariants.

use crate::*;
use alloc::{string::String, vec::Vec};
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult},
	traits::EnsureOrigin,
};
use frame_system::{ensure_signed, pallet_prelude::*};
use pactum_primitives::RoleCatalog;

impl<T: Config> Pallet<T> {
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

	/// The KYC level of `p` in force at block `now`: 0 once expired.
	pub(crate) fn kyc_level_at(p: &ParticipantOf<T>, now: &BlockNumberFor<T>) -> u8 {
		p.kyc.as_ref().filter(|kyc| now < &kyc.expires_at).map_or(0, |kyc| kyc.level)
	}

	/// Whether a ban on `who` is in force now.
	pub fn banned(who: &T::AccountId) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		Bans::<T>::get(who).is_some_and(|ban| ban.active_at(&now))
	}

	/// Whether `who` is a registered, unbanned participant holding `role`.
	pub fn holds_role(who: &T::AccountId, role: Role) -> bool {
		Participants::<T>::get(who).is_some_and(|p| p.roles.contains(role)) && !Self::banned(who)
	}

	/// The error for a caller that may not do what it asked: `Banned` if it is, else `MissingRole`.
	pub(crate) fn missing_role_error(who: &T::AccountId) -> DispatchError {
		if Self::banned(who) {
			Error::<T>::Banned.into()
		} else {
			Error::<T>::MissingRole.into()
		}
	}

	/// A signed origin whose account holds `role`; yields the account.
	pub(crate) fn ensure_role(
		origin: OriginFor<T>,
		role: Role,
	) -> Result<T::AccountId, DispatchError> {
		let who = ensure_signed(origin)?;
		ensure!(Self::holds_role(&who, role), Self::missing_role_error(&who));
		Ok(who)
	}

	/// `AdminOrigin` (yields `None`) or a signed `SuperAdmin` (yields its account).
	pub(crate) fn ensure_admin(
		origin: OriginFor<T>,
	) -> Result<Option<T::AccountId>, DispatchError> {
		match T::AdminOrigin::try_origin(origin) {
			Ok(_) => Ok(None),
			Err(origin) => Self::ensure_role(origin, roles::SuperAdmin::ROLE).map(Some),
		}
	}

	/// The names of the roles `who` holds (whether or not a ban suspends them); a number the
	/// catalog does not name shows as `Role<number>`.
	pub fn roles_of(who: &T::AccountId) -> Vec<String> {
		Participants::<T>::get(who).map(|p| Self::role_names(p.roles)).unwrap_or_default()
	}

	fn role_names(set: RoleSet) -> Vec<String> {
		set.iter()
			.map(|role| match T::Roles::name_of(role) {
				Some(name) => name.into(),
				None => alloc::format!("Role{}", role.0),
			})
			.collect()
	}

	/// Everything the registry records about `who`, as of the current block.
	pub fn participant_view(who: &T::AccountId) -> Option<ParticipantViewOf<T>> {
		let p = Participants::<T>::get(who)?;
		let now = frame_system::Pallet::<T>::block_number();
		Some(ParticipantView {
			kind: p.kind,
			kyc_level: Self::kyc_level_at(&p, &now),
			roles: Self::role_names(p.roles),
			org_code: p.org_code.map(|code| String::from_utf8_lossy(&code).into_owned()),
			operator_key: OperatorKeys::<T>::get(who),
			ban: Bans::<T>::get(who).filter(|ban| ban.active_at(&now)),
			recovering_to: Recoveries::<T>::get(who).map(|r| r.new),
			kyc: p.kyc,
			company: p.company,
			deposit: p.deposit,
			references: p.references,
			registered_at: p.registered_at,
		})
	}

	/// Panics unless `catalog` has each role number once, every number fits a [`RoleSet`], and
	/// the registry's own roles are in it (the integrity test of [`Config::Roles`]).
	pub fn check_role_catalog(catalog: &[pactum_primitives::RoleInfo]) {
		for (i, info) in catalog.iter().enumerate() {
			assert!(info.role.0 < pactum_primitives::MAX_ROLES, "role {} too high", info.name);
			assert!(
				catalog.iter().skip(i + 1).all(|other| other.role != info.role),
				"role number {} declared twice",
				info.role.0
			);
		}
		for own in <roles::All as RoleCatalog>::roles() {
			assert!(catalog.contains(&own), "Config::Roles lacks the registry's {}", own.name);
		}
	}

	/// The registry's invariants: deposits held equal deposits recorded, and every index agrees
	/// with the records. Run by `try-runtime` and by the tests.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		let mut count = 0u32;
		let mut holders = [0u32; pactum_primitives::MAX_ROLES as usize];
		for (who, p) in Participants::<T>::iter() {
			count = count.saturating_add(1);
			let held = T::Currency::balance_on_hold(&HoldReason::Registration.into(), &who);
			ensure!(held == p.deposit, "registration hold differs from the recorded deposit");
			for role in p.roles.iter() {
				if let Some(n) = holders.get_mut(usize::from(role.0)) {
					*n = n.saturating_add(1);
				}
			}
			if let Some(code) = &p.org_code {
				ensure!(
					OrgCodes::<T>::get(code).as_ref() == Some(&who),
					"participant's org code is not indexed to it"
				);
			}
		}
		ensure!(count == ParticipantCount::<T>::get(), "ParticipantCount is wrong");
		for (number, counted) in (0..pactum_primitives::MAX_ROLES).zip(holders) {
			ensure!(counted == RoleHolders::<T>::get(Role(number)), "RoleHolders is wrong");
		}
		for (code, who) in OrgCodes::<T>::iter() {
			ensure!(
				Participants::<T>::get(&who).and_then(|p| p.org_code) == Some(code),
				"org code indexed to a participant that does not have it"
			);
		}
		for who in OperatorKeys::<T>::iter_keys() {
			ensure!(Participants::<T>::contains_key(&who), "operator key of a non-participant");
		}
		for lost in Recoveries::<T>::iter_keys() {
			ensure!(Participants::<T>::contains_key(&lost), "recovery of a non-participant");
		}
		Ok(())
	}
}

impl<T: Config> ParticipantRegistry<T::AccountId> for Pallet<T> {
	fn standing(who: &T::AccountId) -> Option<Standing> {
		let p = Participants::<T>::get(who)?;
		let now = frame_system::Pallet::<T>::block_number();
		Some(Standing {
			kind: p.kind,
			kyc_level: Self::kyc_level_at(&p, &now),
			roles: p.roles,
			banned: Self::banned(who),
		})
	}

	fn is_banned(who: &T::AccountId) -> bool {
		Self::banned(who)
	}

	fn has_role(who: &T::AccountId, role: Role) -> bool {
		Self::holds_role(who, role)
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
