use super::*;
use crate::{Error, Event, ParticipantRegistry, Participants, Role, RoleCatalog, RoleHolders};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn a_super_admin_grants_and_revokes_roles() {
	test(|| {
		register(ALICE);
		assert_ok!(Registry::grant_role(signed(ROOT_ADMIN), ALICE, Issuer::ROLE));
		assert!(Registry::has_role(&ALICE, Issuer::ROLE));
		assert_eq!(RoleHolders::<Test>::get(Issuer::ROLE), 1);
		System::assert_last_event(
			Event::RoleGranted { who: ALICE, role: Issuer::ROLE, by: Some(ROOT_ADMIN) }.into(),
		);
		assert_ok!(Registry::revoke_role(signed(ROOT_ADMIN), ALICE, Issuer::ROLE));
		assert!(!Registry::has_role(&ALICE, Issuer::ROLE));
		assert_eq!(RoleHolders::<Test>::get(Issuer::ROLE), 0);
		System::assert_last_event(
			Event::RoleRevoked { who: ALICE, role: Issuer::ROLE, by: Some(ROOT_ADMIN) }.into(),
		);
	});
}

#[test]
fn governance_grants_and_revokes_roles() {
	test(|| {
		register(ALICE);
		assert_ok!(Registry::grant_role(RuntimeOrigin::root(), ALICE, SuperAdmin::ROLE));
		System::assert_last_event(
			Event::RoleGranted { who: ALICE, role: SuperAdmin::ROLE, by: None }.into(),
		);
		assert_eq!(RoleHolders::<Test>::get(SuperAdmin::ROLE), 2);
		assert_ok!(Registry::revoke_role(RuntimeOrigin::root(), ALICE, SuperAdmin::ROLE));
		System::assert_last_event(
			Event::RoleRevoked { who: ALICE, role: SuperAdmin::ROLE, by: None }.into(),
		);
	});
}

#[test]
fn every_role_of_the_catalog_can_be_held_at_once() {
	test(|| {
		register(ALICE);
		let catalog = <Test as crate::Config>::Roles::roles();
		for info in &catalog {
			assert_ok!(Registry::grant_role(RuntimeOrigin::root(), ALICE, info.role));
		}
		// Names come from the catalog, in number order.
		let names = [
			"SuperAdmin",
			"KycAdmin",
			"TradeAdmin",
			"SecurityAdmin",
			"Issuer",
			"Auditor",
			"ClientRegistrar",
		];
		assert_eq!(Registry::roles_of(&ALICE), names);
		let mask = catalog.iter().fold(0u32, |m, info| m | (1 << info.role.0));
		assert_eq!(Participants::<Test>::get(ALICE).unwrap().roles.0, mask);
	});
}

#[test]
fn a_role_outside_the_catalog_is_refused() {
	test(|| {
		register(ALICE);
		// 3 is a number no pallet of this runtime declares; 40 does not fit a role set.
		for number in [3, 31, 40, 255] {
			assert_noop!(
				Registry::grant_role(signed(ROOT_ADMIN), ALICE, Role(number)),
				Error::<Test>::UnknownRole
			);
			assert_noop!(
				Registry::grant_role(RuntimeOrigin::root(), ALICE, Role(number)),
				Error::<Test>::UnknownRole
			);
		}
	});
}

#[test]
fn the_role_catalog_passes_the_integrity_test() {
	use frame_support::traits::Hooks;
	new_test_ext().execute_with(|| <Registry as Hooks<u64>>::integrity_test());
}

#[test]
#[should_panic(expected = "role number 7 declared twice")]
fn a_catalog_with_a_number_twice_fails_the_integrity_test() {
	pactum_primitives::declare_roles! {
		/// Collides with `Issuer`.
		Clash = 7,
	}
	let catalog = <(crate::roles::All, crate::mock::other_roles::All, All) as RoleCatalog>::roles();
	crate::Pallet::<Test>::check_role_catalog(&catalog);
}

#[test]
fn grant_role_refusals() {
	test(|| {
		register(ALICE);
		assert_noop!(
			Registry::grant_role(signed(KYC), ALICE, Issuer::ROLE),
			Error::<Test>::MissingRole
		);
		assert_noop!(
			Registry::grant_role(signed(ROOT_ADMIN), BOB, Issuer::ROLE),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			Registry::grant_role(signed(ROOT_ADMIN), KYC, KycAdmin::ROLE),
			Error::<Test>::RoleAlreadyHeld
		);
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		assert_noop!(
			Registry::grant_role(signed(ROOT_ADMIN), ALICE, Issuer::ROLE),
			Error::<Test>::Banned
		);
		assert_noop!(
			Registry::grant_role(RuntimeOrigin::none(), KYC, Issuer::ROLE),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn revoke_role_refusals() {
	test(|| {
		register(ALICE);
		assert_noop!(
			Registry::revoke_role(signed(ALICE), KYC, KycAdmin::ROLE),
			Error::<Test>::MissingRole
		);
		assert_noop!(
			Registry::revoke_role(signed(ROOT_ADMIN), BOB, Issuer::ROLE),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			Registry::revoke_role(signed(ROOT_ADMIN), ALICE, Issuer::ROLE),
			Error::<Test>::RoleNotHeld
		);
	});
}

#[test]
fn the_last_super_admin_cannot_remove_itself() {
	test(|| {
		assert_noop!(
			Registry::revoke_role(signed(ROOT_ADMIN), ROOT_ADMIN, SuperAdmin::ROLE),
			Error::<Test>::LastSuperAdmin
		);
		// With a second super admin it can.
		register(ALICE);
		assert_ok!(Registry::grant_role(signed(ROOT_ADMIN), ALICE, SuperAdmin::ROLE));
		assert_ok!(Registry::revoke_role(signed(ROOT_ADMIN), ROOT_ADMIN, SuperAdmin::ROLE));
		// Now ALICE is the last one.
		assert_noop!(
			Registry::revoke_role(signed(ALICE), ALICE, SuperAdmin::ROLE),
			Error::<Test>::LastSuperAdmin
		);
		// Governance can always remove it (and grant it again).
		assert_ok!(Registry::revoke_role(RuntimeOrigin::root(), ALICE, SuperAdmin::ROLE));
		assert_eq!(RoleHolders::<Test>::get(SuperAdmin::ROLE), 0);
	});
}

#[test]
fn a_banned_role_holder_loses_its_powers_until_unbanned() {
	test(|| {
		assert_ok!(Registry::ban(signed(SECURITY), ROOT_ADMIN, 1, Some(20)));
		assert!(!Registry::has_role(&ROOT_ADMIN, SuperAdmin::ROLE));
		register(ALICE);
		assert_noop!(
			Registry::grant_role(signed(ROOT_ADMIN), ALICE, Issuer::ROLE),
			Error::<Test>::Banned
		);
		// The roles are kept: they come back when the ban expires.
		assert_eq!(Registry::roles_of(&ROOT_ADMIN), vec!["SuperAdmin"]);
		run_to_block(20);
		assert_ok!(Registry::grant_role(signed(ROOT_ADMIN), ALICE, Issuer::ROLE));
	});
}

#[test]
#[should_panic(expected = "role name Issuer declared twice")]
fn a_catalog_with_a_name_twice_fails_the_integrity_test() {
	mod elsewhere {
		pactum_primitives::declare_roles! {
			/// Another pallet's role of the same name as the documents pallet's.
			Issuer = 20,
		}
	}
	let catalog =
		<(crate::roles::All, crate::mock::other_roles::All, elsewhere::All) as RoleCatalog>::roles();
	crate::Pallet::<Test>::check_role_catalog(&catalog);
}
