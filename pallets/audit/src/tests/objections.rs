//! Objections to a first-round decision and the larger second panel.

use crate::{mock::*, Cases, Deadline, Error, Event, HoldReason, Phase, Verdict};
use frame_support::traits::fungible::Inspect;
use frame_support::{assert_noop, assert_ok};

/// A case the first panel (auditors 1-3) upheld 3-0 at block 50 (epoch 2), with auditors 4-8
/// signalled for epoch 3. Returns the case.
fn decided() -> crate::CaseId {
	signal(3);
	let case = open_case();
	for n in 4..=8 {
		assert_ok!(Audit::signal(signed(auditor(n)), AUDITOR_STAKE, 5, key(auditor(n))));
	}
	all_vote(case, 3, Verdict::Upheld);
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
			Event::Objected { case, objector: PROVIDER, stake: 100, epoch: 3 }.into(),
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
		all_vote(case, 3, Verdict::Upheld);
		// Crowd the court's queue at the block the objection window closes at: finalization
		// runs one block later, never earlier.
		let closes = 4 * EPOCH;
		for n in 0..4 {
			assert_ok!(Audit::schedule(closes, Deadline::Settle(900 + n)));
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

/// With a quorum, an objection panel that never forms would void the decision: the objection
/// lapses instead, its stake goes back and the first verdict stands, paid out as if final.
#[test]
fn an_objection_no_panel_decides_lapses_and_the_first_verdict_stands() {
	test(|| {
		let case = decided();
		let requester_before = free(REQUESTER);
		let provider_before = free(PROVIDER);
		assert_ok!(Audit::object(signed(PROVIDER), case, 100));
		// Nobody sits on the objection panel: attempts in epochs 3, 4 and 5 miss the quorum.
		run_to(5 * EPOCH + COMMIT + REVEAL);
		System::assert_has_event(Event::ObjectionLapsed { case, objector: PROVIDER }.into());
		System::assert_has_event(Event::Closed { case, verdict: Some(Verdict::Upheld) }.into());
		assert!(Cases::<Test>::get(case).is_none());
		assert_eq!(free(PROVIDER), provider_before);
		assert_eq!(held(HoldReason::Objection, PROVIDER), 0);
		// The upheld requester got its stake back less the validation fee (10 % of 100).
		assert_eq!(free(REQUESTER), requester_before + 100 - 10);
		assert!((1..=3).all(|n| held(HoldReason::PanelDeposit, auditor(n)) == 0));
	});
}
