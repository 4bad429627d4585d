//! Role grants: who holds a role, the origin checks built on roles (a role holder; governance or
//! a super admin), granting and revoking roles, and the check of the chain's role catalog.

use crate::{pallet::*, roles, Role};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::{ensure_signed, OriginFor};
use pactum_primitives::RoleCatalog;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_grant_role(
		by: Option<T::AccountId>,
		who: T::AccountId,
		role: Role,
	) -> DispatchResult {
		ensure!(T::Roles::knows(role), Error::<T>::UnknownRole);
		ensure!(!Self::banned(&who), Error::<T>::Banned);
		Participants::<T>::try_mutate(&who, |p| -> DispatchResult {
			let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
			ensure!(!p.roles.contains(role), Error::<T>::RoleAlreadyHeld);
			ensure!(p.roles.insert(role), Error::<T>::UnknownRole);
			Ok(())
		})?;
		RoleHolders::<T>::mutate(role, |n| *n = n.saturating_add(1));
		Self::deposit_event(Event::RoleGranted { who, role, by });
		Ok(())
	}

	pub(crate) fn do_revoke_role(
		by: Option<T::AccountId>,
		who: T::AccountId,
		role: Role,
	) -> DispatchResult {
		Participants::<T>::try_mutate(&who, |p| -> DispatchResult {
			let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
			ensure!(p.roles.contains(role), Error::<T>::RoleNotHeld);
			ensure!(
				!(role == roles::SuperAdmin::ROLE
					&& by.is_some() && RoleHolders::<T>::get(roles::SuperAdmin::ROLE) <= 1),
				Error::<T>::LastSuperAdmin
			);
			p.roles.remove(role);
			Ok(())
		})?;
		RoleHolders::<T>::mutate(role, |n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::RoleRevoked { who, role, by });
		Ok(())
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

	/// Panics unless `catalog` has each role number and name once, every number fits a
	/// [`RoleSet`](crate::RoleSet), and the registry's own roles are in it (the integrity test of
	/// [`Config::Roles`]).
	pub fn check_role_catalog(catalog: &[pactum_primitives::RoleInfo]) {
		for (i, info) in catalog.iter().enumerate() {
			assert!(info.role.0 < pactum_primitives::MAX_ROLES, "role {} too high", info.name);
			assert!(
				catalog.iter().skip(i + 1).all(|other| other.role != info.role),
				"role number {} declared twice",
				info.role.0
			);
			assert!(
				catalog.iter().skip(i + 1).all(|other| other.name != info.name),
				"role name {} declared twice",
				info.name
			);
		}
		for own in <roles::All as RoleCatalog>::roles() {
			assert!(catalog.contains(&own), "Config::Roles lacks the registry's {}", own.name);
		}
	}
}
