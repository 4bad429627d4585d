use super::*;
use crate::{
	AccountKind, Error, Event, HoldReason, OperatorKeys, ParticipantCount, ParticipantRegistry,
	Participants,
};
use frame_support::{assert_noop, traits::fungible::InspectHold};
use sp_runtime::DispatchError;

fn held(who: AccountId) -> u64 {
	Balances::balance_on_hold(&HoldReason::Registration.into(), &who)
}

#[test]
fn genesis_participants_are_verified_admins_without_deposit() {
	test(|| {
		assert_eq!(ParticipantCount::<Test>::get(), 4);
		let p = Participants::<Test>::get(ROOT_ADMIN).unwrap();
		assert_eq!(p.kind, AccountKind::Verified);
		assert_eq!(p.deposit, 0);
		assert!(p.roles.contains(SuperAdmin::ROLE));
		assert_eq!(held(ROOT_ADMIN), 0);
	});
}

#[test]
fn register_holds_the_deposit() {
	test(|| {
		register(ALICE);
		let p = Participants::<Test>::get(ALICE).unwrap();
		assert_eq!(p.kind, AccountKind::Unverified);
		assert_eq!((p.deposit, p.references, p.registered_at), (DEPOSIT, 0, 1));
		assert!(p.roles.is_empty() && p.kyc.is_none());
		assert_eq!(held(ALICE), DEPOSIT);
		assert_eq!(Balances::free_balance(ALICE), 1_000 - DEPOSIT);
		assert_eq!(ParticipantCount::<Test>::get(), 5);
		System::assert_last_event(Event::Registered { who: ALICE, deposit: DEPOSIT }.into());
	});
}

#[test]
fn register_refusals() {
	test(|| {
		register(ALICE);
		assert_noop!(Registry::register(signed(ALICE)), Error::<Test>::AlreadyRegistered);
		assert_noop!(Registry::register(signed(POOR)), Error::<Test>::InsufficientBalance);
		assert_noop!(Registry::register(RuntimeOrigin::root()), DispatchError::BadOrigin);
		assert_ok!(Registry::ban(signed(SECURITY), BOB, 7, None));
		assert_noop!(Registry::register(signed(BOB)), Error::<Test>::Banned);
	});
}

#[test]
fn leave_returns_the_deposit_and_removes_the_key() {
	test(|| {
		let alice = register(ALICE);
		assert_ok!(Registry::set_operator_key(
			alice.clone(),
			crate::KeyScheme::X25519,
			vec![7; 32]
		));
		assert_ok!(Registry::leave(alice));
		assert!(Participants::<Test>::get(ALICE).is_none());
		assert!(OperatorKeys::<Test>::get(ALICE).is_none());
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), 1_000);
		assert_eq!(ParticipantCount::<Test>::get(), 4);
		System::assert_last_event(Event::Left { who: ALICE, deposit: DEPOSIT }.into());
	});
}

#[test]
fn leave_refusals() {
	test(|| {
		assert_noop!(Registry::leave(signed(ALICE)), Error::<Test>::NotParticipant);
		// Roles.
		assert_noop!(Registry::leave(signed(KYC)), Error::<Test>::HoldsRoles);
		// Organisation code.
		let alice = register(ALICE);
		assert_ok!(Registry::assign_org_code(RuntimeOrigin::root(), ALICE, b"ACME".to_vec()));
		assert_noop!(Registry::leave(alice.clone()), Error::<Test>::HoldsOrgCode);
		assert_ok!(Registry::release_org_code(RuntimeOrigin::root(), ALICE));
		// References from other pallets.
		assert_ok!(<Registry as ParticipantRegistry<_>>::add_reference(&ALICE));
		assert_noop!(Registry::leave(alice.clone()), Error::<Test>::StillReferenced);
		<Registry as ParticipantRegistry<_>>::remove_reference(&ALICE);
		// A pending recovery.
		assert_ok!(Registry::propose_recovery(signed(KYC), ALICE, BOB));
		assert_noop!(Registry::leave(alice.clone()), Error::<Test>::RecoveryPending);
		assert_ok!(Registry::cancel_recovery(alice.clone(), ALICE));
		// A ban.
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		assert_noop!(Registry::leave(alice.clone()), Error::<Test>::Banned);
		assert_ok!(Registry::unban(signed(SECURITY), ALICE));
		assert_ok!(Registry::leave(alice));
	});
}

#[test]
fn a_genesis_participant_without_deposit_can_leave() {
	test(|| {
		assert_ok!(Registry::revoke_role(RuntimeOrigin::root(), KYC2, KycAdmin::ROLE));
		assert_ok!(Registry::leave(signed(KYC2)));
		assert!(Participants::<Test>::get(KYC2).is_none());
		assert_eq!(Balances::free_balance(KYC2), 1_000);
		System::assert_last_event(Event::Left { who: KYC2, deposit: 0 }.into());
	});
}
