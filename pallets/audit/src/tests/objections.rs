//! Objections to a first-round decision and the larger second panel.

use crate::{mock::*, Agenda, Cases, Deadline, Error, Event, HoldReason, Phase, Verdict};
use frame_support::traits::fungible::Inspect;
use frame_support::{assert_noop, assert_ok};

/// A case the first panel (auditors 1-3) upheld 3-0 at block 30 (epoch 1), with auditors 4-8
/// signalled for epoch 2. Returns the case.
fn decided() -> crate::CaseId {
	signal(3);
	let case = open_case();
	to_commit(case);
	for n in 1..=3 {
		assert_ok!(commit(auditor(n), case, Verdict::Upheld));
	}
	for n in 4..=8 {
		assert_ok!(Audit::signal(signed(auditor(n)), AUDITOR_STAKE, 5, key(auditor(n))));
	}
	to_reveal(case);
	for n in 1..=3 {
		assert_ok!(reveal(auditor(n), case, Verdict::Upheld));
	}
	to_settle(case);
	assert!(matches!(Cases::<Test>::get(case).unwrap().phase, Phase::Decided { .. }));
	case
}

/// The objection panel (auditors 4-8) votes `verdict` 5-0.
fn second_round(case: crate::CaseId, verdict: Verdict) {
	assert_eq!(voting(case).0, 1);
	to_commit(case);
	for n in 1..=3 {
		assert_noop!(commit(auditor(n), case, verdict), Error::<Test>::NotSignalled);
	}
	for n in 4..=8 {
		assert_ok!(commit(auditor(n), case, verdict));
	}
	to_reveal(case);
	for n in 4..=8 {
		assert_ok!(reveal(auditor(n), case, verdict));
	}
	to_settle(case);
}

#[test]
fn an_upheld_objection_refunds_and_rewards_the_objector() {
	test(|| {
		let case = decided();
		let balances = |range: core::ops::RangeInclusive<u64>| -> Vec<u64> {
			range.map(|n| Balances::total_balance(&auditor(n))).collect()
		};
		let first_before = balances(1..=3);
		let second_before = balances(4..=8);
		let provider_before = free(PROVIDER);
		assert_ok!(Audit::object(signed(PROVIDER), case, 100));
		assert_eq!(held(HoldReason::Objection, PROVIDER), 100);
		System::assert_last_event(
			Event::Objected { case, objector: PROVIDER, stake: 100, epoch: 2 }.into(),
		);
		second_round(case, Verdict::Rejected);
		System::assert_has_event(Event::Closed { case, verdict: Some(Verdict::Rejected) }.into());
		// Refunded, plus half of each contradicted deposit (3 x 5).
		assert_eq!(free(PROVIDER), provider_before + 15);
		assert_eq!(held(HoldReason::Objection, PROVIDER), 0);
		// The first panel lost its deposits.
		let first_after = balances(1..=3);
		for (before, after) in first_before.iter().zip(&first_after) {
			assert_eq!(*before - *after, DEPOSIT);
		}
		// The second majority shares the other halves (15) and the forfeited case stake (100).
		let second_after = balances(4..=8);
		let gains: u64 = second_after.iter().zip(&second_before).map(|(a, b)| a - b).sum();
		assert_eq!(gains, 115);
	});
}

#[test]
fn a_rejected_objection_pays_the_first_panel() {
	test(|| {
		let case = decided();
		let first_before: Vec<_> = (1..=3).map(|n| Balances::total_balance(&auditor(n))).collect();
		let provider_before = free(PROVIDER);
		assert_ok!(Audit::object(signed(PROVIDER), case, 120));
		second_round(case, Verdict::Upheld);
		System::assert_has_event(Event::Closed { case, verdict: Some(Verdict::Upheld) }.into());
		assert_eq!(free(PROVIDER), provider_before - 120);
		// 120 shared by the three who made the decision; they keep their deposits.
		let gains: u64 = (1..=3)
			.map(|n| Balances::total_balance(&auditor(n)))
			.zip(&first_before)
			.map(|(a, b)| a - b)
			.sum();
		assert_eq!(gains, 120);
		assert!((1..=3).all(|n| held(HoldReason::PanelDeposit, auditor(n)) == 0));
		assert_eq!(held(HoldReason::CaseStake, REQUESTER), 0);
	});
}

#[test]
fn object_refusals() {
	test(|| {
		signal(3);
		let case = open_case();
		assert_noop!(Audit::object(signed(PROVIDER), case, 100), Error::<Test>::NotDecided);
		assert_noop!(Audit::object(signed(PROVIDER), case + 1, 100), Error::<Test>::UnknownCase);
		to_commit(case);
		for n in 1..=3 {
			assert_ok!(commit(auditor(n), case, Verdict::Upheld));
		}
		to_reveal(case);
		for n in 1..=3 {
			assert_ok!(reveal(auditor(n), case, Verdict::Upheld));
		}
		// Fill the block the objection window closes at, so finalization moves one block on.
		let closes = 3 * EPOCH;
		for n in 0..4 {
			Agenda::<Test>::mutate(closes, |tasks| {
				tasks.try_push(Deadline::Burn(900 + n)).unwrap()
			});
		}
		to_settle(case);
		assert_noop!(Audit::object(signed(PLAIN), case, 100), Error::<Test>::NotParty);
		assert_noop!(
			Audit::object(signed(PROVIDER), case, 99),
			Error::<Test>::ObjectionStakeTooLow
		);
		run_to(closes);
		assert_noop!(Audit::object(signed(PROVIDER), case, 100), Error::<Test>::ObjectionClosed);
		run_to(closes + 1);
		System::assert_has_event(Event::Closed { case, verdict: Some(Verdict::Upheld) }.into());
	});
}
