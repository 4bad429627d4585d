//! Whole cases: clean majorities, minorities, non-revealers, ties, reward policies.

use crate::{
	mock::*, Burned, Cases, Error, Event, HoldReason, Minted, PendingBurn, Phase, RewardPolicy,
	Verdict,
};
use frame_support::{assert_noop, assert_ok};

/// Signals an auditor per vote, opens a case, commits `votes` (auditor(1).. in order) and reveals
/// those marked `true`; returns the case and the auditors' free balances before signalling.
fn vote(votes: &[(Verdict, bool)]) -> (crate::CaseId, Vec<u64>) {
	vote_after(votes, || ())
}

/// As [`vote`], running `meanwhile` once the case is open (in the epoch before its draw).
fn vote_after(votes: &[(Verdict, bool)], meanwhile: impl FnOnce()) -> (crate::CaseId, Vec<u64>) {
	let before = (1..=votes.len() as u64).map(|n| free(auditor(n))).collect();
	signal(votes.len() as u64);
	let case = open_case();
	meanwhile();
	to_commit(case);
	for (n, (verdict, _)) in votes.iter().enumerate() {
		assert_ok!(commit(auditor(n as u64 + 1), case, *verdict));
	}
	to_reveal(case);
	for (n, (verdict, revealed)) in votes.iter().enumerate() {
		if *revealed {
			assert_ok!(reveal(auditor(n as u64 + 1), case, *verdict));
		}
	}
	(case, before)
}

fn gain(n: u64, before: &[u64]) -> i64 {
	free(auditor(n)) as i64 - before[n as usize - 1] as i64
}

#[test]
fn a_clean_majority_upholds_the_claim_and_shares_the_fee() {
	test(|| {
		let requester_before = free(REQUESTER);
		let (case, before) =
			vote(&[(Verdict::Upheld, true), (Verdict::Upheld, true), (Verdict::Upheld, true)]);
		to_settle(case);
		System::assert_has_event(
			Event::Decided { case, round: 0, verdict: Verdict::Upheld, upheld: 3, rejected: 0 }
				.into(),
		);
		assert_eq!(
			Cases::<Test>::get(case).unwrap().phase,
			Phase::Decided { verdict: Verdict::Upheld, epoch: 2 }
		);
		// Nothing is paid until the objection window (epochs 2 and 3) closes.
		run_to(4 * EPOCH - 1);
		assert_eq!(held(HoldReason::CaseStake, REQUESTER), 100);
		run_to(4 * EPOCH);
		System::assert_has_event(Event::Closed { case, verdict: Some(Verdict::Upheld) }.into());
		assert!(Cases::<Test>::get(case).is_none());
		// The requester paid the validation fee (10 % of its stake of 100).
		assert_eq!(free(REQUESTER), requester_before - 10);
		let gains: Vec<_> = (1..=3).map(|n| gain(n, &before)).collect();
		assert_eq!(gains.iter().sum::<i64>(), 10);
		assert!(gains.iter().all(|g| *g == 3 || *g == 4));
		for n in 1..=3 {
			assert_eq!(held(HoldReason::PanelDeposit, auditor(n)), 0);
			assert_eq!(crate::Auditors::<Test>::get(auditor(n)).map(|a| a.open_seats), None);
		}
	});
}

#[test]
fn the_minority_loses_its_deposit_to_the_majority() {
	test(|| {
		let (case, before) =
			vote(&[(Verdict::Rejected, true), (Verdict::Rejected, true), (Verdict::Upheld, true)]);
		let requester_before = free(REQUESTER);
		to_settle(case);
		run_to(4 * EPOCH);
		System::assert_has_event(Event::Closed { case, verdict: Some(Verdict::Rejected) }.into());
		// The rejected requester forfeits its whole stake of 100 to the two in the majority,
		// who also share the minority's deposit of 10.
		assert_eq!(free(REQUESTER), requester_before);
		assert_eq!(held(HoldReason::CaseStake, REQUESTER), 0);
		assert_eq!(gain(1, &before) + gain(2, &before), 110);
		assert_eq!(gain(1, &before), 55);
		assert_eq!(gain(3, &before), -10);
	});
}

#[test]
fn a_non_revealer_is_slashed_and_burned_at_the_next_epoch_boundary() {
	test(|| {
		let issuance = Balances::total_issuance();
		let (case, before) =
			vote(&[(Verdict::Upheld, true), (Verdict::Upheld, true), (Verdict::Upheld, false)]);
		to_settle(case);
		let slacker = auditor(3);
		// Its deposit (10) and 10 % of its stake (10) are held for burning.
		System::assert_has_event(Event::Slashed { case, auditor: slacker, amount: 20 }.into());
		assert_eq!(held(HoldReason::Slashed, slacker), 20);
		assert_eq!(PendingBurn::<Test>::get(slacker), Some(20));
		assert_eq!(crate::Auditors::<Test>::get(slacker).unwrap().stake, 90);
		assert_eq!(Balances::total_issuance(), issuance);
		run_to(3 * EPOCH);
		System::assert_has_event(Event::Burned { who: slacker, amount: 20 }.into());
		assert_eq!(held(HoldReason::Slashed, slacker), 0);
		assert_eq!(Balances::total_issuance(), issuance - 20);
		assert_eq!(Burned::<Test>::get(), 20);
		// Its stake (90 left) was released at the same boundary.
		assert_eq!(gain(3, &before), -20);
		// The two who revealed (a quorum of two seats of three) decide.
		run_to(4 * EPOCH);
		System::assert_has_event(Event::Closed { case, verdict: Some(Verdict::Upheld) }.into());
	});
}

#[test]
fn a_tie_reruns_with_a_fresh_panel_that_excludes_the_first() {
	test(|| {
		let votes = [(Verdict::Upheld, true), (Verdict::Rejected, true), (Verdict::Upheld, false)];
		let (case, _) = vote_after(&votes, || {
			// Three fresh auditors signal for epoch 3 (the first three stay signalled for 2 only).
			for n in [4, 5, 6, 1] {
				assert_ok!(Audit::signal(signed(auditor(n)), AUDITOR_STAKE, 5, key(auditor(n))));
			}
		});
		to_settle(case);
		System::assert_has_event(Event::Rerun { case, round: 0, attempt: 1, epoch: 3 }.into());
		assert_eq!(voting(case), (0, 3, 1));
		// The case stake rolls over; the revealers got their deposits back.
		assert_eq!(held(HoldReason::CaseStake, REQUESTER), 100);
		assert_eq!(held(HoldReason::PanelDeposit, auditor(1)), 0);
		to_commit(case);
		assert_noop!(commit(auditor(1), case, Verdict::Upheld), Error::<Test>::Excluded);
		for n in 4..=6 {
			assert_ok!(commit(auditor(n), case, Verdict::Rejected));
		}
		to_reveal(case);
		for n in 4..=6 {
			assert_ok!(reveal(auditor(n), case, Verdict::Rejected));
		}
		to_settle(case);
		System::assert_has_event(
			Event::Decided { case, round: 0, verdict: Verdict::Rejected, upheld: 0, rejected: 3 }
				.into(),
		);
	});
}

#[test]
fn a_case_nobody_decides_closes_after_the_reruns_with_stakes_returned() {
	test(|| {
		let requester_before = free(REQUESTER);
		let case = open_case();
		// No auditor at all: attempts in epochs 1, 2 and 3 tie at zero votes.
		run_to(EPOCH + COMMIT + REVEAL);
		assert_eq!(voting(case), (0, 2, 1));
		run_to(2 * EPOCH + COMMIT + REVEAL);
		assert_eq!(voting(case), (0, 3, 2));
		run_to(3 * EPOCH + COMMIT + REVEAL);
		System::assert_has_event(Event::Closed { case, verdict: None }.into());
		assert!(Cases::<Test>::get(case).is_none());
		assert_eq!(free(REQUESTER), requester_before);
		assert_eq!(held(HoldReason::CaseStake, REQUESTER), 0);
	});
}

#[test]
fn minted_rewards_grow_issuance_by_exactly_what_is_recorded() {
	test(|| {
		Rewards::set(&RewardPolicy::Minted { per_seat: 7 });
		let issuance = Balances::total_issuance();
		let requester_before = free(REQUESTER);
		let (case, before) =
			vote(&[(Verdict::Upheld, true), (Verdict::Upheld, true), (Verdict::Upheld, true)]);
		to_settle(case);
		run_to(4 * EPOCH);
		// The upheld requester pays no fee; each auditor of the majority gets 7 minted.
		assert_eq!(free(REQUESTER), requester_before);
		for n in 1..=3 {
			assert_eq!(gain(n, &before), 7);
		}
		assert_eq!(Minted::<Test>::get(), 21);
		assert_eq!(
			Balances::total_issuance(),
			issuance + Minted::<Test>::get() - Burned::<Test>::get()
		);
	});
}

/// Finding 8: one revealed vote of a panel of three used to decide the case; a round now needs
/// half its panel size (two of three) revealed, else it re-runs.
#[test]
fn a_round_short_of_its_quorum_reruns() {
	test(|| {
		let (case, _) =
			vote(&[(Verdict::Upheld, true), (Verdict::Upheld, false), (Verdict::Upheld, false)]);
		to_settle(case);
		System::assert_has_event(
			Event::QuorumMissed { case, round: 0, revealed: 1, quorum: 2 }.into(),
		);
		System::assert_has_event(Event::Rerun { case, round: 0, attempt: 1, epoch: 3 }.into());
		assert!(!audit_events().iter().any(|e| matches!(e, Event::Decided { .. })));
		assert_eq!(voting(case), (0, 3, 1));
		// The revealer's deposit is back; the two who did not reveal were slashed.
		assert_eq!(held(HoldReason::PanelDeposit, auditor(1)), 0);
		assert_eq!(PendingBurn::<Test>::get(auditor(2)), Some(20));
	});
}

/// A settle task that runs before its block (the calendar changed after it was scheduled) is
/// not lost: it goes back to the block the case's record names.
#[test]
fn a_settle_task_run_early_goes_back_to_its_block() {
	test(|| {
		let (case, _) =
			vote(&[(Verdict::Upheld, true), (Verdict::Upheld, true), (Verdict::Upheld, true)]);
		let (_, epoch, _) = voting(case);
		let at = Audit::epoch_start(epoch) + COMMIT + REVEAL;
		crate::Agenda::<Test>::remove((crate::TaskKind::Court, at, 0));
		crate::AgendaPages::<Test>::remove(crate::TaskKind::Court, at);
		Audit::settle(case);
		assert_eq!(voting(case), (0, epoch, 0));
		assert_eq!(
			crate::Agenda::<Test>::get((crate::TaskKind::Court, at, 0)).into_inner(),
			vec![crate::Deadline::Settle(case)]
		);
		to_settle(case);
		System::assert_has_event(
			Event::Decided { case, round: 0, verdict: Verdict::Upheld, upheld: 3, rejected: 0 }
				.into(),
		);
	});
}
