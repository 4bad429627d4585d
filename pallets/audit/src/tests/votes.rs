//! Seats and commitments (sortition tickets), and reveals.

use crate::{mock::*, sortition, Cases, Error, Event, HoldReason, Ticket, Verdict};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

#[test]
fn a_qualified_auditor_takes_a_seat_by_committing() {
	test(|| {
		signal(3);
		let case = open_case();
		to_commit(case);
		let who = auditor(1);
		assert_ok!(commit(who, case, Verdict::Upheld));
		assert_eq!(held(HoldReason::PanelDeposit, who), DEPOSIT);
		assert_eq!(panel(case), vec![who]);
		assert_eq!(crate::Auditors::<Test>::get(who).unwrap().open_seats, 1);
		assert_eq!(crate::Signals::<Test>::get(2, who).unwrap().seats, 1);
		System::assert_last_event(Event::Committed { case, round: 0, auditor: who }.into());
	});
}

#[test]
fn commit_refusals() {
	test(|| {
		signal(3);
		let case = open_case();
		let who = auditor(1);
		let zero = Ticket { pre_output: [0; 32], proof: [0; 64] };
		// Before the draw epoch.
		assert_noop!(
			Audit::commit(signed(who), case, zero.clone(), H256::zero()),
			Error::<Test>::NotCommitPhase
		);
		to_commit(case);
		assert_noop!(
			Audit::commit(signed(who), case + 1, zero.clone(), H256::zero()),
			Error::<Test>::UnknownCase
		);
		assert_noop!(commit(PLAIN, case, Verdict::Upheld), Error::<Test>::NotAuditor);
		// Signalled for no epoch.
		assert_noop!(commit(auditor(4), case, Verdict::Upheld), Error::<Test>::NotSignalled);
		// A forged ticket: another key's proof, or garbage.
		let (forged, _) = ticket(auditor(2), case);
		assert_noop!(
			Audit::commit(signed(who), case, forged, commitment(who, case, Verdict::Upheld)),
			Error::<Test>::InvalidTicket
		);
		assert_noop!(
			Audit::commit(signed(who), case, zero, H256::zero()),
			Error::<Test>::InvalidTicket
		);
		// Finding 7: its own key's proof of another account's draw (the VRF input names the
		// account, so one key cannot draw for several accounts).
		let (round, epoch, attempt) = voting(case);
		let seed = crate::EpochSeed::<Test>::get(epoch).unwrap();
		let (others, _) = sortition::sign(&pair(who), &seed, case, round, attempt, &auditor(2));
		assert_noop!(
			Audit::commit(signed(who), case, others, commitment(who, case, Verdict::Upheld)),
			Error::<Test>::InvalidTicket
		);
		assert_ok!(commit(who, case, Verdict::Upheld));
		assert_noop!(commit(who, case, Verdict::Rejected), Error::<Test>::AlreadyCommitted);
		// After the commit window.
		to_reveal(case);
		assert_noop!(commit(auditor(2), case, Verdict::Upheld), Error::<Test>::NotCommitPhase);
	});
}

#[test]
fn a_ticket_for_another_case_is_refused() {
	test(|| {
		signal(3);
		let first = open_case();
		let second = open_case();
		to_commit(first);
		let who = auditor(1);
		let (ticket, _) = ticket(who, first);
		assert_noop!(
			Audit::commit(signed(who), second, ticket, commitment(who, second, Verdict::Upheld)),
			Error::<Test>::InvalidTicket
		);
	});
}

#[test]
fn parties_and_their_organisations_are_excluded() {
	test(|| {
		signal(3);
		let case = open_case();
		let own = case + 1;
		assert_ok!(Audit::open_case(signed(auditor(3)), PROVIDER, H256([3; 32]), 100, None));
		to_commit(case);
		assert_noop!(commit(auditor(3), own, Verdict::Upheld), Error::<Test>::Excluded);
		let who = auditor(1);
		let code = |who: AccountId, code: &[u8]| MockRegistry::set_org_code(&who, code);
		code(PROVIDER, b"ACME");
		code(who, b"ACME.aud");
		code(auditor(2), b"ACMEX");
		// The parties themselves never sit.
		assert_noop!(commit(REQUESTER, case, Verdict::Upheld), Error::<Test>::NotAuditor);
		assert_noop!(commit(who, case, Verdict::Upheld), Error::<Test>::Excluded);
		assert_ok!(commit(auditor(2), case, Verdict::Upheld));
	});
}

#[test]
fn capacity_limits_seats_per_epoch() {
	test(|| {
		let who = auditor(1);
		assert_ok!(Audit::signal(signed(who), AUDITOR_STAKE, 1, key(who)));
		run_to(EPOCH);
		let first = open_case();
		let second = open_case();
		to_commit(first);
		assert_ok!(commit(who, first, Verdict::Upheld));
		assert_noop!(commit(who, second, Verdict::Upheld), Error::<Test>::CapacityReached);
	});
}

#[test]
fn an_output_above_the_threshold_is_not_drawn() {
	test(|| {
		// 16 auditors for a target of 6 qualifiers: each qualifies with probability 6/16.
		signal(16);
		let case = open_case();
		to_commit(case);
		let threshold = Audit::draw_threshold(2, 0);
		assert!(threshold < u128::MAX);
		let (loser, winner): (Vec<_>, Vec<_>) = (1..=16)
			.map(auditor)
			.partition(|who| !sortition::qualifies(&ticket(*who, case).1, threshold));
		assert!(!loser.is_empty() && !winner.is_empty(), "both kinds among 16 draws");
		assert_noop!(commit(loser[0], case, Verdict::Upheld), Error::<Test>::NotDrawn);
		assert_ok!(commit(winner[0], case, Verdict::Upheld));
	});
}

#[test]
fn a_full_panel_keeps_the_lowest_outputs() {
	test(|| {
		signal(6);
		let case = open_case();
		to_commit(case);
		let mut by_output: Vec<_> =
			(1..=6).map(|n| (ticket(auditor(n), case).1, auditor(n))).collect();
		by_output.sort();
		let lowest: Vec<_> = by_output.iter().take(3).map(|(_, who)| *who).collect();
		// The three highest first, then a lower one evicts the highest seat.
		for (_, who) in by_output.iter().rev().take(3) {
			assert_ok!(commit(*who, case, Verdict::Upheld));
		}
		let highest = by_output[5].1;
		assert_ok!(commit(lowest[2], case, Verdict::Upheld));
		assert!(audit_events().contains(&Event::Unseated { case, auditor: highest }));
		assert_eq!(held(HoldReason::PanelDeposit, highest), 0);
		assert_eq!(crate::Signals::<Test>::get(2, highest).unwrap().seats, 0);
		assert_eq!(crate::Auditors::<Test>::get(highest).unwrap().open_seats, 0);
		assert_ok!(commit(lowest[1], case, Verdict::Upheld));
		assert_ok!(commit(lowest[0], case, Verdict::Upheld));
		assert_eq!(panel(case), lowest);
		// An evicted auditor cannot come back above the panel's highest output.
		assert_noop!(commit(highest, case, Verdict::Upheld), Error::<Test>::PanelFull);
	});
}

#[test]
fn reveal_checks_the_commitment() {
	test(|| {
		signal(3);
		let case = open_case();
		to_commit(case);
		let who = auditor(1);
		assert_ok!(commit(who, case, Verdict::Rejected));
		assert_noop!(reveal(who, case, Verdict::Rejected), Error::<Test>::NotRevealPhase);
		to_reveal(case);
		assert_noop!(reveal(who, case + 1, Verdict::Rejected), Error::<Test>::UnknownCase);
		assert_noop!(reveal(auditor(2), case, Verdict::Rejected), Error::<Test>::NotSeated);
		// The other vote, or the right vote with another salt, does not match.
		assert_noop!(reveal(who, case, Verdict::Upheld), Error::<Test>::CommitmentMismatch);
		assert_noop!(
			Audit::reveal(signed(who), case, Verdict::Rejected, [0; 32]),
			Error::<Test>::CommitmentMismatch
		);
		assert_ok!(reveal(who, case, Verdict::Rejected));
		System::assert_last_event(
			Event::Revealed { case, auditor: who, vote: Verdict::Rejected }.into(),
		);
		assert_noop!(reveal(who, case, Verdict::Rejected), Error::<Test>::AlreadyRevealed);
		assert_eq!(Cases::<Test>::get(case).unwrap().panel[0].vote, Some(Verdict::Rejected));
		to_settle(case);
		assert!(Cases::<Test>::get(case).is_some());
	});
}

#[test]
fn the_highest_seat_of_an_even_panel_cannot_reveal() {
	test(|| {
		signal(3);
		let case = open_case();
		to_commit(case);
		let mut two: Vec<_> = (1..=2).map(|n| (ticket(auditor(n), case).1, auditor(n))).collect();
		two.sort();
		for (_, who) in &two {
			assert_ok!(commit(*who, case, Verdict::Upheld));
		}
		to_reveal(case);
		assert_noop!(reveal(two[1].1, case, Verdict::Upheld), Error::<Test>::NotSeated);
		assert_ok!(reveal(two[0].1, case, Verdict::Upheld));
		to_settle(case);
		// The cut seat got its deposit back, unslashed.
		assert!(audit_events().contains(&Event::Unseated { case, auditor: two[1].1 }));
		assert_eq!(held(HoldReason::PanelDeposit, two[1].1), 0);
		assert_eq!(held(HoldReason::Slashed, two[1].1), 0);
	});
}
