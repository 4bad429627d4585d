use super::*;
use crate::{
	Bans, Error, Event, HoldReason, KeyScheme, OperatorKeys, OrgCodes, ParticipantRegistry,
	Moving, Participants, RecoveredTo, Recoveries, RoleHolders,
};
use frame_support::{assert_noop, traits::fungible::InspectHold, weights::Weight};

const CAROL: AccountId = 13;

fn held(who: AccountId) -> u64 {
	Balances::balance_on_hold(&HoldReason::Registration.into(), &who)
}

/// ALICE registered and verified, with a role, an org code, a key and a reference.
fn rich_alice() {
	let alice = register(ALICE);
	assert_ok!(Registry::verify_kyc(signed(KYC), ALICE, 2, hash(1), 1_000));
	assert_ok!(Registry::grant_role(signed(ROOT_ADMIN), ALICE, Issuer::ROLE));
	assert_ok!(Registry::assign_org_code(signed(ROOT_ADMIN), ALICE, b"ACME".to_vec()));
	assert_ok!(Registry::set_operator_key(alice, KeyScheme::X25519, vec![5; 32]));
	assert_ok!(<Registry as ParticipantRegistry<_>>::add_reference(&ALICE));
}

#[test]
fn recovery_moves_the_participant_after_the_delay() {
	test(|| {
		rich_alice();
		let before = Participants::<Test>::get(ALICE).unwrap();
		assert_ok!(Registry::propose_recovery(signed(KYC), ALICE, BOB));
		System::assert_last_event(
			Event::RecoveryProposed { lost: ALICE, new: BOB, proposer: KYC }.into(),
		);
		assert_eq!(Registry::participant_view(&ALICE).unwrap().recovering_to, Some(BOB));
		assert_ok!(Registry::approve_recovery(signed(SECURITY), ALICE));
		System::assert_last_event(
			Event::RecoveryApproved {
				lost: ALICE,
				new: BOB,
				approver: SECURITY,
				executable_at: 11,
			}
			.into(),
		);
		run_to_block(10);
		assert_noop!(
			Registry::finish_recovery(signed(CAROL), ALICE),
			Error::<Test>::RecoveryDelayNotOver
		);
		run_to_block(11);
		let post = Registry::finish_recovery(signed(CAROL), ALICE).unwrap();
		// The hook's actual weight (1_000) replaces its maximum (5_000).
		let own = Registry::finish_recovery_weight();
		assert_eq!(post.actual_weight, Some(own.saturating_add(Weight::from_parts(1_000, 0))));
		System::assert_has_event(Event::Recovered { lost: ALICE, new: BOB }.into());
		System::assert_last_event(
			Event::StateMoved { lost: ALICE, new: BOB, complete: true }.into(),
		);
		assert_eq!(RecoveredTo::<Test>::get(ALICE), Some(BOB));
		assert_eq!(Moving::<Test>::get(BOB), None);

		assert_eq!(Participants::<Test>::get(ALICE), None);
		assert_eq!(Participants::<Test>::get(BOB), Some(before));
		assert_eq!((held(ALICE), held(BOB)), (0, DEPOSIT));
		assert_eq!(Balances::free_balance(BOB), 1_000);
		let code: crate::OrgCodeOf<Test> = b"ACME".to_vec().try_into().unwrap();
		assert_eq!(OrgCodes::<Test>::get(code), Some(BOB));
		assert_eq!(OperatorKeys::<Test>::get(ALICE), None);
		assert!(OperatorKeys::<Test>::get(BOB).is_some());
		assert!(Registry::has_role(&BOB, Issuer::ROLE));
		assert_eq!(RoleHolders::<Test>::get(Issuer::ROLE), 1);
		assert_eq!(Registry::standing(&BOB).unwrap().kyc_level, 2);
		assert_eq!(Recoveries::<Test>::get(ALICE), None);
		assert_eq!(RECOVERED.with(|r| r.borrow().clone()), vec![(ALICE, BOB)]);
	});
}

#[test]
fn a_security_admin_may_propose_and_a_kyc_admin_approve() {
	test(|| {
		register(ALICE);
		assert_ok!(Registry::propose_recovery(signed(SECURITY), ALICE, BOB));
		assert_noop!(
			Registry::approve_recovery(signed(SECURITY), ALICE),
			Error::<Test>::InvalidApprover
		);
		assert_ok!(Registry::approve_recovery(signed(KYC2), ALICE));
		run_to_block(11);
		assert_ok!(Registry::finish_recovery(signed(BOB), ALICE));
		assert!(Participants::<Test>::contains_key(BOB));
	});
}

#[test]
fn a_ban_follows_the_recovered_participant() {
	test(|| {
		register(ALICE);
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 9, None));
		assert_ok!(Registry::propose_recovery(signed(KYC), ALICE, BOB));
		assert_ok!(Registry::approve_recovery(signed(SECURITY), ALICE));
		run_to_block(11);
		assert_ok!(Registry::finish_recovery(signed(CAROL), ALICE));
		assert!(Registry::is_banned(&BOB));
		assert!(!Registry::is_banned(&ALICE));
		assert_eq!(Bans::<Test>::get(BOB).unwrap().reason, 9);
	});
}

#[test]
fn the_lost_account_or_an_admin_can_cancel() {
	test(|| {
		let alice = register(ALICE);
		assert_ok!(Registry::propose_recovery(signed(KYC), ALICE, BOB));
		assert_ok!(Registry::approve_recovery(signed(SECURITY), ALICE));
		// The key was not lost after all.
		assert_ok!(Registry::cancel_recovery(alice, ALICE));
		System::assert_last_event(Event::RecoveryCancelled { lost: ALICE, by: ALICE }.into());
		run_to_block(11);
		assert_noop!(Registry::finish_recovery(signed(CAROL), ALICE), Error::<Test>::NoRecovery);
		assert!(Participants::<Test>::contains_key(ALICE));
		assert!(RECOVERED.with(|r| r.borrow().is_empty()));

		assert_ok!(Registry::propose_recovery(signed(KYC), ALICE, BOB));
		assert_ok!(Registry::cancel_recovery(signed(SECURITY), ALICE));
		System::assert_last_event(Event::RecoveryCancelled { lost: ALICE, by: SECURITY }.into());
	});
}

#[test]
fn propose_recovery_refusals() {
	test(|| {
		register(ALICE);
		assert_noop!(
			Registry::propose_recovery(signed(ROOT_ADMIN), ALICE, BOB),
			Error::<Test>::MissingRole
		);
		assert_noop!(
			Registry::propose_recovery(signed(KYC), CAROL, BOB),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			Registry::propose_recovery(signed(KYC), ALICE, ALICE),
			Error::<Test>::SameAccount
		);
		assert_noop!(
			Registry::propose_recovery(signed(KYC), ALICE, KYC2),
			Error::<Test>::NewAccountInUse
		);
		assert_ok!(Registry::propose_recovery(signed(KYC), ALICE, BOB));
		assert_noop!(
			Registry::propose_recovery(signed(SECURITY), ALICE, CAROL),
			Error::<Test>::RecoveryPending
		);
		assert_ok!(Registry::ban(signed(SECURITY), KYC2, 1, None));
		assert_noop!(
			Registry::propose_recovery(signed(KYC2), ROOT_ADMIN, CAROL),
			Error::<Test>::Banned
		);
	});
}

#[test]
fn approve_recovery_refusals() {
	test(|| {
		register(ALICE);
		assert_noop!(
			Registry::approve_recovery(signed(SECURITY), ALICE),
			Error::<Test>::NoRecovery
		);
		assert_ok!(Registry::propose_recovery(signed(KYC), ALICE, BOB));
		// The proposer, a holder of the same role, and an account without the other role.
		for who in [KYC, KYC2, ROOT_ADMIN] {
			assert_noop!(
				Registry::approve_recovery(signed(who), ALICE),
				Error::<Test>::InvalidApprover
			);
		}
		assert_ok!(Registry::approve_recovery(signed(SECURITY), ALICE));
		assert_noop!(
			Registry::approve_recovery(signed(SECURITY), ALICE),
			Error::<Test>::RecoveryAlreadyApproved
		);
	});
}

#[test]
fn a_banned_admin_cannot_approve() {
	test(|| {
		register(ALICE);
		assert_ok!(Registry::propose_recovery(signed(SECURITY), ALICE, BOB));
		assert_ok!(Registry::ban(signed(SECURITY), KYC, 1, None));
		assert_noop!(Registry::approve_recovery(signed(KYC), ALICE), Error::<Test>::Banned);
	});
}

#[test]
fn cancel_recovery_refusals() {
	test(|| {
		register(ALICE);
		assert_noop!(Registry::cancel_recovery(signed(KYC), ALICE), Error::<Test>::NoRecovery);
		assert_ok!(Registry::propose_recovery(signed(KYC), ALICE, BOB));
		assert_noop!(Registry::cancel_recovery(signed(BOB), ALICE), Error::<Test>::MissingRole);
		assert_noop!(
			Registry::cancel_recovery(signed(ROOT_ADMIN), ALICE),
			Error::<Test>::MissingRole
		);
	});
}

#[test]
fn finish_recovery_refusals() {
	test(|| {
		register(ALICE);
		assert_noop!(Registry::finish_recovery(signed(CAROL), ALICE), Error::<Test>::NoRecovery);
		assert_ok!(Registry::propose_recovery(signed(KYC), ALICE, BOB));
		assert_noop!(
			Registry::finish_recovery(signed(CAROL), ALICE),
			Error::<Test>::RecoveryNotApproved
		);
		assert_ok!(Registry::approve_recovery(signed(SECURITY), ALICE));
		assert_noop!(
			Registry::finish_recovery(signed(CAROL), ALICE),
			Error::<Test>::RecoveryDelayNotOver
		);
		// The new account registered on its own in the meantime.
		register(BOB);
		run_to_block(11);
		assert_noop!(
			Registry::finish_recovery(signed(CAROL), ALICE),
			Error::<Test>::NewAccountInUse
		);
	});
}

#[test]
fn recovery_to_an_account_without_funds_waits_until_it_is_funded() {
	test(|| {
		const FRESH: AccountId = 99;
		register(ALICE);
		assert_ok!(Registry::propose_recovery(signed(KYC), ALICE, FRESH));
		assert_ok!(Registry::approve_recovery(signed(SECURITY), ALICE));
		run_to_block(11);
		assert_noop!(
			Registry::finish_recovery(signed(CAROL), ALICE),
			Error::<Test>::NewAccountNotFunded
		);
		assert_ok!(Balances::transfer_allow_death(signed(BOB), FRESH, 1));
		assert_ok!(Registry::finish_recovery(signed(CAROL), ALICE));
		assert_eq!(held(FRESH), DEPOSIT);
		assert!(Participants::<Test>::contains_key(FRESH));
	});
}

/// Proposes, approves and waits out the recovery of `lost` to `new`.
fn approved(lost: AccountId, new: AccountId) {
	assert_ok!(Registry::propose_recovery(signed(KYC), lost, new));
	assert_ok!(Registry::approve_recovery(signed(SECURITY), lost));
	run_to_block(System::block_number() + 10);
}

#[test]
fn state_larger_than_one_call_moves_over_several() {
	test(|| {
		register(ALICE);
		approved(ALICE, BOB);
		// Seven steps of 1_000; each call allows three.
		STEPS_LEFT.set(7);
		let own = Registry::finish_recovery_weight();
		let post = Registry::finish_recovery(signed(CAROL), ALICE).unwrap();
		assert_eq!(post.actual_weight, Some(own.saturating_add(STEP.saturating_mul(3))));
		System::assert_last_event(
			Event::StateMoved { lost: ALICE, new: BOB, complete: false }.into(),
		);
		assert_eq!(Moving::<Test>::get(BOB), Some(ALICE));
		// BOB is the participant already; it cannot be recovered again before its state arrived.
		assert!(Participants::<Test>::contains_key(BOB));
		assert_noop!(
			Registry::propose_recovery(signed(KYC), BOB, CAROL),
			Error::<Test>::StillMoving
		);

		let own = <() as crate::WeightInfo>::continue_recovery();
		let post = Registry::continue_recovery(signed(CAROL), ALICE).unwrap();
		assert_eq!(post.actual_weight, Some(own.saturating_add(STEP.saturating_mul(3))));
		assert_eq!(STEPS_LEFT.get(), 1);
		let post = Registry::continue_recovery(signed(CAROL), ALICE).unwrap();
		assert_eq!(post.actual_weight, Some(own.saturating_add(STEP)));
		System::assert_last_event(
			Event::StateMoved { lost: ALICE, new: BOB, complete: true }.into(),
		);
		assert_eq!(Moving::<Test>::get(BOB), None);
		assert_eq!(RECOVERED.with(|r| r.borrow().clone()), vec![(ALICE, BOB)]);
		assert_noop!(
			Registry::continue_recovery(signed(CAROL), ALICE),
			Error::<Test>::NothingToMove
		);
		assert_ok!(Registry::propose_recovery(signed(KYC), BOB, CAROL));
	});
}

#[test]
fn continue_recovery_refusals() {
	test(|| {
		register(ALICE);
		// Never recovered.
		assert_noop!(
			Registry::continue_recovery(signed(CAROL), ALICE),
			Error::<Test>::NothingToMove
		);
		approved(ALICE, BOB);
		assert_ok!(Registry::finish_recovery(signed(CAROL), ALICE));
		// Everything moved in the first call.
		assert_noop!(
			Registry::continue_recovery(signed(CAROL), ALICE),
			Error::<Test>::NothingToMove
		);
	});
}

#[test]
fn a_lost_account_cannot_come_back() {
	test(|| {
		register(ALICE);
		approved(ALICE, BOB);
		assert_ok!(Registry::finish_recovery(signed(CAROL), ALICE));
		// Whoever holds the lost key cannot register it again, nor receive a participant.
		assert_noop!(Registry::register(signed(ALICE)), Error::<Test>::AccountRecovered);
		assert_ok!(Balances::transfer_allow_death(signed(KYC), CAROL, 500));
		register(CAROL);
		assert_noop!(
			Registry::propose_recovery(signed(KYC), CAROL, ALICE),
			Error::<Test>::AccountRecovered
		);
		// Other pallets find the participant's records through the chain of recoveries.
		assert_eq!(Registry::recovered_to(&ALICE), Some(BOB));
		approved(BOB, 99);
		assert_ok!(Balances::transfer_allow_death(signed(CAROL), 99, 10));
		assert_ok!(Registry::finish_recovery(signed(CAROL), BOB));
		assert_eq!(Registry::current_account(&ALICE), 99);
		assert_eq!(Registry::current_account(&CAROL), CAROL);
	});
}

#[test]
fn a_participant_without_deposit_needs_a_funded_new_account_too() {
	test(|| {
		const FRESH: AccountId = 98;
		// KYC2 was admitted at genesis, without deposit; the other pallets' deposits still need
		// an existing account to be held on.
		assert_ok!(Registry::propose_recovery(signed(SECURITY), KYC2, FRESH));
		assert_ok!(Registry::approve_recovery(signed(KYC), KYC2));
		run_to_block(11);
		assert_noop!(
			Registry::finish_recovery(signed(CAROL), KYC2),
			Error::<Test>::NewAccountNotFunded
		);
	});
}

#[test]
fn a_participant_is_recovered_at_most_as_often_as_records_follow() {
	test(|| {
		let hops = pactum_primitives::MAX_RECOVERY_HOPS;
		register(ALICE);
		let mut current = ALICE;
		for n in 0..hops {
			let next = 200 + AccountId::from(n);
			assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), next, 10));
			approved(current, next);
			assert_ok!(Registry::finish_recovery(signed(CAROL), current));
			assert_eq!(crate::RecoveryDepth::<Test>::get(next), Some(n + 1));
			assert_eq!(crate::RecoveryDepth::<Test>::get(current), None);
			current = next;
		}
		assert_eq!(Registry::current_account(&ALICE), current, "every hop is followed");
		assert_noop!(
			Registry::propose_recovery(signed(KYC), current, 300),
			Error::<Test>::TooManyRecoveries
		);
		// The account stays the end of the chain when its participant leaves: no other
		// participant is recovered to it, and one registering there again goes on counting.
		assert_ok!(Registry::leave(signed(current)));
		assert_eq!(crate::RecoveryDepth::<Test>::get(current), Some(hops));
		register(BOB);
		assert_noop!(
			Registry::propose_recovery(signed(KYC), BOB, current),
			Error::<Test>::NewAccountInUse
		);
		register(current);
		assert_noop!(
			Registry::propose_recovery(signed(KYC), current, 300),
			Error::<Test>::TooManyRecoveries
		);
	});
}

#[test]
fn finish_recovery_refuses_a_recovery_beyond_the_depth_records_follow() {
	test(|| {
		register(ALICE);
		approved(ALICE, BOB);
		crate::RecoveryDepth::<Test>::insert(ALICE, pactum_primitives::MAX_RECOVERY_HOPS);
		assert_noop!(
			Registry::finish_recovery(signed(CAROL), ALICE),
			Error::<Test>::TooManyRecoveries
		);
		// Nor to an account a participant was recovered to before (and that left since).
		crate::RecoveryDepth::<Test>::insert(ALICE, 1);
		crate::RecoveryDepth::<Test>::insert(BOB, 1);
		assert_noop!(
			Registry::finish_recovery(signed(CAROL), ALICE),
			Error::<Test>::NewAccountInUse
		);
	});
}
