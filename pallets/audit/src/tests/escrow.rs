//! Service-fee escrow: released on time, delayed by a dispute, clawed back by a verdict.

use crate::{mock::*, Cases, Error, Escrows, Event, HoldReason, Phase, Verdict};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

#[test]
fn a_fee_pays_part_at_once_and_releases_the_rest_on_time() {
	test(|| {
		let provider_before = free(PROVIDER);
		assert_ok!(Audit::pay_service_fee(signed(REQUESTER), PROVIDER, 1_000));
		System::assert_last_event(
			Event::EscrowOpened {
				escrow: 0,
				recipient: REQUESTER,
				provider: PROVIDER,
				paid: 300,
				held: 700,
				release_at: 1 + ESCROW_PERIOD,
			}
			.into(),
		);
		assert_eq!(free(PROVIDER), provider_before + 300);
		assert_eq!(held(HoldReason::Escrow, REQUESTER), 700);
		run_to(ESCROW_PERIOD);
		assert_eq!(held(HoldReason::Escrow, REQUESTER), 700);
		run_to(1 + ESCROW_PERIOD);
		assert_eq!(free(PROVIDER), provider_before + 1_000);
		assert_eq!(held(HoldReason::Escrow, REQUESTER), 0);
		assert!(Escrows::<Test>::get(0).is_none());
		System::assert_last_event(
			Event::EscrowReleased { escrow: 0, provider: PROVIDER, amount: 700 }.into(),
		);
	});
}

#[test]
fn pay_service_fee_refusals() {
	test(|| {
		assert_noop!(
			Audit::pay_service_fee(signed(OUTSIDER), PROVIDER, 100),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			Audit::pay_service_fee(signed(REQUESTER), REQUESTER, 100),
			Error::<Test>::SameParty
		);
		assert_noop!(
			Audit::pay_service_fee(signed(REQUESTER), OUTSIDER, 100),
			Error::<Test>::CounterpartyNotParticipant
		);
		assert_noop!(
			Audit::pay_service_fee(signed(REQUESTER), PROVIDER, 0),
			Error::<Test>::FeeTooLow
		);
		assert_noop!(
			Audit::pay_service_fee(signed(REQUESTER), PROVIDER, MIN_FEE - 1),
			Error::<Test>::FeeTooLow
		);
		assert!(Audit::pay_service_fee(signed(REQUESTER), PROVIDER, 10 * FUNDS).is_err());
		assert!(Escrows::<Test>::get(0).is_none());
	});
}

/// The recipient pays 1,000 and claims (case about escrow 0) that the service failed; auditors
/// 1-3 vote `verdict`. Returns the case.
fn disputed(verdict: Verdict) -> crate::CaseId {
	assert_ok!(Audit::pay_service_fee(signed(REQUESTER), PROVIDER, 1_000));
	signal(3);
	let case = crate::NextCase::<Test>::get();
	assert_ok!(Audit::open_case(signed(REQUESTER), PROVIDER, H256([9; 32]), 1_000, Some(0)));
	assert_eq!(Escrows::<Test>::get(0).unwrap().disputes, 1);
	all_vote(case, 3, verdict);
	case
}

#[test]
fn a_verdict_against_the_provider_claws_the_held_part_back() {
	test(|| {
		let requester_before = free(REQUESTER);
		let case = disputed(Verdict::Upheld);
		// The release block (51) passes while the case is open: nothing is released.
		run_to(4 * EPOCH - 1);
		assert_eq!(held(HoldReason::Escrow, REQUESTER), 700);
		run_to(4 * EPOCH);
		System::assert_has_event(Event::Closed { case, verdict: Some(Verdict::Upheld) }.into());
		System::assert_has_event(
			Event::EscrowClawedBack { escrow: 0, recipient: REQUESTER, amount: 700 }.into(),
		);
		assert_eq!(held(HoldReason::Escrow, REQUESTER), 0);
		// Paid 300 at once and the validation fee (10); the 700 came back.
		assert_eq!(free(REQUESTER), requester_before - 300 - 10);
	});
}

#[test]
fn a_verdict_for_the_provider_releases_the_held_part() {
	test(|| {
		let provider_before = free(PROVIDER);
		let case = disputed(Verdict::Rejected);
		run_to(4 * EPOCH);
		System::assert_has_event(Event::Closed { case, verdict: Some(Verdict::Rejected) }.into());
		System::assert_has_event(
			Event::EscrowReleased { escrow: 0, provider: PROVIDER, amount: 700 }.into(),
		);
		assert_eq!(free(PROVIDER), provider_before + 1_000);
	});
}

#[test]
fn an_escrow_under_dispute_is_released_when_the_dispute_ends() {
	test(|| {
		let provider_before = free(PROVIDER);
		// A long-running service: the escrow is paid later, released at block 90.
		run_to(40);
		assert_ok!(Audit::pay_service_fee(signed(REQUESTER), PROVIDER, 1_000));
		assert_ok!(Audit::open_case(signed(PROVIDER), REQUESTER, H256([9; 32]), 700, Some(0)));
		assert_eq!(Escrows::<Test>::get(0).unwrap().release_at, 40 + ESCROW_PERIOD);
		// No auditor signals: the case ends undecided after its second re-run (block 110),
		// after the release block; the escrow is paid out then.
		run_to(40 + ESCROW_PERIOD);
		assert_eq!(held(HoldReason::Escrow, REQUESTER), 700);
		run_to(5 * EPOCH + COMMIT + REVEAL);
		assert!(Escrows::<Test>::get(0).is_none());
		assert_eq!(free(PROVIDER), provider_before + 1_000);
	});
}

/// Finding 9: a case about an escrow used to claw back any escrow for the minimum case stake,
/// whatever value at risk its opener named; it now puts at least the held amount at risk.
#[test]
fn a_case_about_an_escrow_puts_at_least_its_held_part_at_risk() {
	test(|| {
		assert_ok!(Audit::pay_service_fee(signed(REQUESTER), PROVIDER, 10_000));
		assert_noop!(
			Audit::open_case(signed(REQUESTER), PROVIDER, H256([9; 32]), 6_999, Some(0)),
			Error::<Test>::ValueBelowEscrow
		);
		assert_ok!(Audit::open_case(signed(REQUESTER), PROVIDER, H256([9; 32]), 7_000, Some(0)));
		// 10 % of the value at risk, above the minimum stake.
		assert_eq!(held(HoldReason::CaseStake, REQUESTER), 700);
	});
}

/// Finding 3: 64 service fees of 1 planck used to fill the 16 blocks a deadline could go to, so
/// that a decision was finalized at once (its objection window skipped). Now a fee has a
/// minimum, escrows wait in a queue of their own, and no deadline moves earlier: the case is
/// final exactly when its objection window closes, the escrows are released over the blocks
/// after their due block, none before it.
#[test]
fn a_flood_of_escrows_neither_skips_nor_delays_the_objection_window() {
	test(|| {
		signal(3);
		let case = open_case();
		// Released at block 80, where the case's objection window closes.
		run_to(4 * EPOCH - ESCROW_PERIOD);
		let flood = 65u32;
		for _ in 0..flood {
			assert_ok!(Audit::pay_service_fee(signed(REQUESTER), PROVIDER, MIN_FEE));
		}
		all_vote(case, 3, Verdict::Upheld);
		to_settle(case);
		assert_eq!(
			Cases::<Test>::get(case).map(|c| c.phase),
			Some(Phase::Decided { verdict: Verdict::Upheld, epoch: 2 })
		);
		run_to(4 * EPOCH - 1);
		assert!(Cases::<Test>::get(case).is_some(), "the objection window is still open");
		assert_eq!(Escrows::<Test>::iter().count(), flood as usize);
		run_to(4 * EPOCH);
		System::assert_has_event(Event::Closed { case, verdict: Some(Verdict::Upheld) }.into());
		// Four escrows a block (`MaxTasksPerBlock`), from their due block on.
		assert_eq!(Escrows::<Test>::iter().count(), flood as usize - 4);
		run_to(4 * EPOCH + u64::from(flood) / 4);
		assert_eq!(Escrows::<Test>::iter().count(), 0);
		assert_eq!(held(HoldReason::Escrow, REQUESTER), 0);
	});
}

/// An escrow whose hold period is over is the provider's: its release may wait behind a
/// crowded escrow queue, but no case can be opened about it meanwhile (else the recipient could
/// hold it back case after case).
#[test]
fn an_escrow_past_its_hold_period_cannot_be_disputed() {
	test(|| {
		let due = 1 + ESCROW_PERIOD;
		for n in 0..4 {
			assert_ok!(Audit::schedule(due, crate::Deadline::Release(900 + n)));
		}
		assert_ok!(Audit::pay_service_fee(signed(REQUESTER), PROVIDER, 1_000));
		run_to(due);
		assert!(Escrows::<Test>::get(0).is_some(), "its release waits one block");
		assert_noop!(
			Audit::open_case(signed(REQUESTER), PROVIDER, H256([9; 32]), 1_000, Some(0)),
			Error::<Test>::EscrowMatured
		);
		run_to(due + 1);
		assert!(Escrows::<Test>::get(0).is_none());
	});
}

#[test]
fn a_provider_that_cannot_receive_is_paid_once_it_can() {
	test(|| {
		assert_ok!(Audit::pay_service_fee(signed(REQUESTER), PROVIDER, 1_000));
		// Governance set the provider's balance at the type's limit: it cannot take 700 more.
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), PROVIDER, u64::MAX));
		run_to(1 + ESCROW_PERIOD);
		let retry_at = 1 + 2 * ESCROW_PERIOD;
		System::assert_last_event(
			Event::EscrowReleaseDeferred {
				escrow: 0,
				provider: PROVIDER,
				error: sp_runtime::TokenError::CannotCreate.into(),
				retry_at: Some(retry_at),
			}
			.into(),
		);
		// Nothing is lost: still held for the provider, the escrow kept.
		assert_eq!(held(HoldReason::Escrow, REQUESTER), 700);
		assert!(Escrows::<Test>::get(0).is_some());
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), PROVIDER, 1_000));
		run_to(retry_at);
		assert_eq!(free(PROVIDER), 1_700);
		assert_eq!(held(HoldReason::Escrow, REQUESTER), 0);
		assert!(Escrows::<Test>::get(0).is_none());
		System::assert_last_event(
			Event::EscrowReleased { escrow: 0, provider: PROVIDER, amount: 700 }.into(),
		);
	});
}
