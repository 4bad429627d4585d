use super::*;
use crate::{Error, Event, ParticipantRegistry, Participants, Role, RoleHolders};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn a_super_admin_grants_and_revokes_roles() {
	test(|| {
		register(ALICE);
		assert_ok!(Registry::grant_role(signed(ROOT_ADMIN), ALICE, Role::Issuer));
		assert!(Registry::has_role(&ALICE, Role::Issuer));
		assert_eq!(RoleHolders::<Test>::get(Role::Issuer), 1);
		System::assert_last_event(
			Event::RoleGranted { who: ALICE, role: Role::Issuer, by: Some(ROOT_ADMIN) }.into(),
		);
		assert_ok!(Registry::revoke_role(signed(ROOT_ADMIN), ALICE, Role::Issuer));
		assert!(!Registry::has_role(&ALICE, Role::Issuer));
		assert_eq!(RoleHolders::<Test>::get(Role::Issuer), 0);
		System::assert_last_event(
			Event::RoleRevoked { who: ALICE, role: Role::Issuer, by: Some(ROOT_ADMIN) }.into(),
		);
	});
}

#[test]
fn governance_grants_and_revokes_roles() {
	test(|| {
		register(ALICE);
		assert_ok!(Registry::grant_role(RuntimeOrigin::root(), ALICE, Role::SuperAdmin));
		System::assert_last_event(
			Event::RoleGranted { who: ALICE, role: Role::SuperAdmin, by: None }.into(),
		);
		assert_eq!(RoleHolders::<Test>::get(Role::SuperAdmin), 2);
		assert_ok!(Registry::revoke_role(RuntimeOrigin::root(), ALICE, Role::SuperAdmin));
		System::assert_last_event(
			Event::RoleRevoked { who: ALICE, role: Role::SuperAdmin, by: None }.into(),
		);
	});
}

#[test]
fn every_role_can_be_held_at_once() {
	test(|| {
		register(ALICE);
		for role in Role::ALL {
			assert_ok!(Registry::grant_role(RuntimeOrigin::root(), ALICE, role));
		}
		assert_eq!(Registry::roles_of(&ALICE), Role::ALL.to_vec());
		assert_eq!(Participants::<Test>::get(ALICE).unwrap().roles.0, (1 << Role::ALL.len()) - 1);
	});
}

#[test]
fn grant_role_refusals() {
	test(|| {
		register(ALICE);
		assert_noop!(
			Registry::grant_role(signed(KYC), ALICE, Role::Issuer),
			Error::<Test>::MissingRole
		);
		assert_noop!(
			Registry::grant_role(signed(ROOT_ADMIN), BOB, Role::Issuer),
			Error::<Test>::NotRegistered
		);
		assert_noop!(
			Registry::grant_role(signed(ROOT_ADMIN), KYC, Role::KycAdmin),
			Error::<Test>::RoleAlreadyHeld
		);
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		assert_noop!(
			Registry::grant_role(signed(ROOT_ADMIN), ALICE, Role::Issuer),
			Error::<Test>::Banned
		);
		assert_noop!(
			Registry::grant_role(RuntimeOrigin::none(), KYC, Role::Issuer),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn revoke_role_refusals() {
	test(|| {
		register(ALICE);
		assert_noop!(
			Registry::revoke_role(signed(ALICE), KYC, Role::KycAdmin),
			Error::<Test>::MissingRole
		);
		assert_noop!(
			Registry::revoke_role(signed(ROOT_ADMIN), BOB, Role::Issuer),
			Error::<Test>::NotRegistered
		);
		assert_noop!(
			Registry::revoke_role(signed(ROOT_ADMIN), ALICE, Role::Issuer),
			Error::<Test>::RoleNotHeld
		);
	});
}

#[test]
fn the_last_super_admin_cannot_remove_itself() {
	test(|| {
		assert_noop!(
			Registry::revoke_role(signed(ROOT_ADMIN), ROOT_ADMIN, Role::SuperAdmin),
			Error::<Test>::LastSuperAdmin
		);
		// With a second super admin it can.
		register(ALICE);
		assert_ok!(Registry::grant_role(signed(ROOT_ADMIN), ALICE, Role::SuperAdmin));
		assert_ok!(Registry::revoke_role(signed(ROOT_ADMIN), ROOT_ADMIN, Role::SuperAdmin));
		// Now ALICE is the last one.
		assert_noop!(
			Registry::revoke_role(signed(ALICE), ALICE, Role::SuperAdmin),
			Error::<Test>::LastSuperAdmin
		);
		// Governance can always remove it (and grant it again).
		assert_ok!(Registry::revoke_role(RuntimeOrigin::root(), ALICE, Role::SuperAdmin));
		assert_eq!(RoleHolders::<Test>::get(Role::SuperAdmin), 0);
	});
}

#[test]
fn a_banned_role_holder_loses_its_powers_until_unbanned() {
	test(|| {
		assert_ok!(Registry::ban(signed(SECURITY), ROOT_ADMIN, 1, Some(20)));
		assert!(!Registry::has_role(&ROOT_ADMIN, Role::SuperAdmin));
		register(ALICE);
		assert_noop!(
			Registry::grant_role(signed(ROOT_ADMIN), ALICE, Role::Issuer),
			Error::<Test>::Banned
		);
		// The roles are kept: they come back when the ban expires.
		assert_eq!(Registry::roles_of(&ROOT_ADMIN), vec![Role::SuperAdmin]);
		run_to_block(20);
		assert_ok!(Registry::grant_role(signed(ROOT_ADMIN), ALICE, Role::Issuer));
	});
}
