use super::*;
use crate::{AccountKind, Error, KeyScheme, ParticipantRegistry, Participants, RoleSet, Standing};
use frame_support::{assert_noop, traits::EnsureOrigin};
use pactum_primitives::EnsureRole;

#[test]
fn standing_reports_kind_level_roles_and_ban() {
	test(|| {
		assert_eq!(Registry::standing(&ALICE), None);
		register(ALICE);
		assert_eq!(
			Registry::standing(&ALICE),
			Some(Standing {
				kind: AccountKind::Unverified,
				kyc_level: 0,
				roles: RoleSet::default(),
				banned: false
			})
		);
		assert_ok!(Registry::verify_kyc(signed(KYC), ALICE, 3, hash(1), 100));
		assert_ok!(Registry::grant_role(signed(ROOT_ADMIN), ALICE, Auditor::ROLE));
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		let standing = Registry::standing(&ALICE).unwrap();
		assert_eq!(
			(standing.kind, standing.kyc_level, standing.banned),
			(AccountKind::Verified, 3, true)
		);
		assert!(standing.roles.contains(Auditor::ROLE));
		// A banned holder does not count as holding the role.
		assert!(!Registry::has_role(&ALICE, Auditor::ROLE));
	});
}

#[test]
fn references_block_leaving_until_released() {
	test(|| {
		assert_noop!(
			<Registry as ParticipantRegistry<_>>::add_reference(&ALICE),
			Error::<Test>::NotParticipant
		);
		register(ALICE);
		assert_ok!(<Registry as ParticipantRegistry<_>>::add_reference(&ALICE));
		assert_ok!(<Registry as ParticipantRegistry<_>>::add_reference(&ALICE));
		assert_eq!(Participants::<Test>::get(ALICE).unwrap().references, 2);
		<Registry as ParticipantRegistry<_>>::remove_reference(&ALICE);
		<Registry as ParticipantRegistry<_>>::remove_reference(&ALICE);
		// Releasing more than was taken stays at zero.
		<Registry as ParticipantRegistry<_>>::remove_reference(&ALICE);
		assert_eq!(Participants::<Test>::get(ALICE).unwrap().references, 0);
		assert_ok!(Registry::leave(signed(ALICE)));
	});
}

#[test]
fn ensure_role_passes_only_unbanned_holders() {
	test(|| {
		type KycOrigin = EnsureRole<Registry, KycAdmin, AccountId>;
		assert_eq!(KycOrigin::try_origin(signed(KYC)).ok(), Some(KYC));
		assert!(KycOrigin::try_origin(signed(SECURITY)).is_err());
		assert!(KycOrigin::try_origin(signed(ALICE)).is_err());
		assert!(KycOrigin::try_origin(RuntimeOrigin::root()).is_err());
		assert_ok!(Registry::ban(signed(SECURITY), KYC, 1, None));
		assert!(KycOrigin::try_origin(signed(KYC)).is_err());
	});
}

#[test]
fn participant_view_decodes_every_record() {
	test(|| {
		let alice = register(ALICE);
		assert_ok!(Registry::verify_kyc(signed(KYC), ALICE, 2, hash(1), 100));
		assert_ok!(Registry::set_corporate(signed(KYC), ALICE, hash(2)));
		assert_ok!(Registry::grant_role(signed(ROOT_ADMIN), ALICE, Issuer::ROLE));
		assert_ok!(Registry::grant_role(signed(ROOT_ADMIN), ALICE, TradeAdmin::ROLE));
		assert_ok!(Registry::assign_org_code(signed(ROOT_ADMIN), ALICE, b"ACME".to_vec()));
		assert_ok!(Registry::set_operator_key(alice, KeyScheme::P256, vec![3; 33]));
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 5, Some(50)));
		assert_ok!(Registry::propose_recovery(signed(KYC), ALICE, BOB));
		let view = Registry::participant_view(&ALICE).unwrap();
		assert_eq!(view.kind, AccountKind::Corporate);
		assert_eq!(view.kyc_level, 2);
		assert_eq!(view.company, Some(hash(2)));
		assert_eq!(view.roles, vec!["TradeAdmin", "Issuer"]);
		assert_eq!(view.org_code.as_deref(), Some("ACME"));
		assert_eq!(view.operator_key.unwrap().key.into_inner(), vec![3; 33]);
		assert_eq!((view.deposit, view.references, view.registered_at), (DEPOSIT, 0, 1));
		assert_eq!(view.ban.map(|b| (b.reason, b.until)), Some((5, Some(50))));
		assert_eq!(view.recovering_to, Some(BOB));
		assert_eq!(Registry::roles_of(&ALICE), vec!["TradeAdmin", "Issuer"]);
		assert_eq!(Registry::participant_view(&BOB), None);
		assert!(Registry::roles_of(&BOB).is_empty());
	});
}

#[test]
fn try_state_catches_a_deposit_that_is_not_held() {
	test(|| {
		register(ALICE);
		Participants::<Test>::mutate(ALICE, |p| p.as_mut().unwrap().deposit = 1);
		assert!(Registry::do_try_state().is_err());
		Participants::<Test>::mutate(ALICE, |p| p.as_mut().unwrap().deposit = DEPOSIT);
	});
}

#[test]
fn try_state_catches_a_wrong_role_count() {
	test(|| {
		crate::RoleHolders::<Test>::insert(Auditor::ROLE, 3);
		assert!(Registry::do_try_state().is_err());
		crate::RoleHolders::<Test>::remove(Auditor::ROLE);
	});
}
