//! The registry's references on bonded auditors, and recoveries: the auditor record, signals and
//! holds move to the new account, and the cases, seats and escrows naming the lost account act
//! for the new one and pay it.

use crate::{mock::*, Auditors, Error, Event, HoldReason, Signals, Verdict};
use frame_support::{
	assert_noop, assert_ok,
	weights::{Weight, WeightMeter},
};
use pactum_primitives::{mock::MockRegistry, OnParticipantRecovered, RecoveryProgress};

/// A fresh account a recovery moves participants to.
const NEW: AccountId = 60;

/// The registry's part of recovering `lost` to `NEW` (funded), then the audit hook with room
/// for everything.
fn recover(lost: AccountId) {
	assert_ok!(Balances::transfer_allow_death(signed(OUTSIDER), NEW, 1_000));
	MockRegistry::recover(&lost, &NEW);
	let mut meter = WeightMeter::new();
	assert_eq!(Audit::on_recovered(&lost, &NEW, &mut meter), RecoveryProgress::Done);
	assert_eq!(meter.consumed(), <() as crate::WeightInfo>::recover_auditor());
}

#[test]
fn a_bonded_auditor_cannot_leave_until_its_stake_is_released() {
	test(|| {
		signal(1);
		assert_eq!(MockRegistry::references(&auditor(1)), 1);
		// Signalling again for a later epoch takes no second reference.
		run_to(EPOCH);
		signal(1);
		assert_eq!(MockRegistry::references(&auditor(1)), 1);
		// Both epochs (2 and 3) over, nothing holds the stake: released with the reference.
		run_to(4 * EPOCH);
		assert!(Auditors::<Test>::get(auditor(1)).is_none());
		assert_eq!(MockRegistry::references(&auditor(1)), 0);
	});
}

#[test]
fn a_recovered_auditor_reveals_and_is_paid_at_its_new_account() {
	test(|| {
		signal(3);
		let case = open_case();
		to_commit(case);
		for n in 1..=3 {
			assert_ok!(commit(auditor(n), case, Verdict::Upheld));
		}
		let lost = auditor(1);
		let stake = held(HoldReason::AuditorStake, lost);
		recover(lost);
		System::assert_last_event(Event::AuditorRecovered { lost, new: NEW }.into());
		assert!(Auditors::<Test>::get(lost).is_none());
		assert_eq!(Auditors::<Test>::get(NEW).map(|a| a.open_seats), Some(1));
		assert!(Signals::<Test>::get(2, NEW).is_some());
		assert_eq!(crate::DrawKeys::<Test>::get(key(lost)), Some(NEW));
		assert_eq!(held(HoldReason::AuditorStake, NEW), stake);
		assert_eq!(held(HoldReason::PanelDeposit, NEW), DEPOSIT);
		assert_eq!(held(HoldReason::PanelDeposit, lost), 0);
		assert_eq!(MockRegistry::references(&NEW), 1);

		to_reveal(case);
		// The lost key acts for nothing; the new account reveals the vote committed before.
		assert_noop!(reveal(lost, case, Verdict::Upheld), Error::<Test>::NotSeated);
		assert_ok!(Audit::reveal(signed(NEW), case, Verdict::Upheld, salt(lost)));
		for n in 2..=3 {
			assert_ok!(reveal(auditor(n), case, Verdict::Upheld));
		}
		let before = free(NEW);
		to_settle(case);
		run_to(4 * EPOCH);
		System::assert_has_event(Event::Closed { case, verdict: Some(Verdict::Upheld) }.into());
		// Its share of the validation fee, its deposit and (the seat closed, the epochs over)
		// its stake came back to the new account.
		assert!(free(NEW) >= before + 3 + DEPOSIT + stake);
		assert_eq!(held(HoldReason::PanelDeposit, NEW), 0);
		assert_eq!(held(HoldReason::AuditorStake, NEW), 0);
		assert!(Auditors::<Test>::get(NEW).is_none());
		assert_eq!(MockRegistry::references(&NEW), 0);
	});
}

#[test]
fn a_recovered_party_objects_and_its_escrow_is_paid_from_the_new_account() {
	test(|| {
		assert_ok!(Audit::pay_service_fee(signed(REQUESTER), PROVIDER, 1_000));
		signal(3);
		let case = open_case();
		all_vote(case, 3, Verdict::Rejected);
		to_settle(case);
		recover(REQUESTER);
		assert_eq!(held(HoldReason::CaseStake, NEW), 100);
		assert_eq!(held(HoldReason::Escrow, NEW), 700);
		assert_eq!(held(HoldReason::Escrow, REQUESTER), 0);
		// Only the new account speaks for the requester.
		assert_noop!(Audit::object(signed(REQUESTER), case, 100), Error::<Test>::NotParty);
		assert_ok!(Audit::object(signed(NEW), case, 100));
		assert_eq!(held(HoldReason::Objection, NEW), 100);
		// The escrow matured long ago and no case about it is open: the provider is paid from
		// where the recipient's hold is now.
		let provider_before = free(PROVIDER);
		run_to(1 + ESCROW_PERIOD);
		assert_eq!(free(PROVIDER), provider_before + 700);
		assert_eq!(held(HoldReason::Escrow, NEW), 0);
	});
}

#[test]
fn the_hook_is_metered() {
	test(|| {
		signal(1);
		// Nothing kept for an account: done at no cost.
		let mut meter = WeightMeter::with_limit(Weight::zero());
		assert_eq!(Audit::on_recovered(&PLAIN, &NEW, &mut meter), RecoveryProgress::Done);
		// No room for the step: nothing moves.
		assert_eq!(
			Audit::on_recovered(&auditor(1), &NEW, &mut meter),
			RecoveryProgress::Incomplete
		);
		assert!(Auditors::<Test>::get(auditor(1)).is_some());
		assert_eq!(<Audit as OnParticipantRecovered<_>>::max_step(), <() as crate::WeightInfo>::recover_auditor());
	});
}

#[test]
fn a_new_account_that_bonded_before_the_move_keeps_one_record() {
	test(|| {
		let lost = auditor(1);
		assert_ok!(Audit::signal(signed(lost), AUDITOR_STAKE, 5, key(lost)));
		assert_ok!(Balances::transfer_allow_death(signed(OUTSIDER), NEW, 10_000));
		MockRegistry::recover(&lost, &NEW);
		// The new account signals for the same epoch before the audit hook ran.
		assert_ok!(Audit::signal(signed(NEW), AUDITOR_STAKE, 3, key(NEW)));
		assert_eq!(crate::SignalCount::<Test>::get(2), 2);
		let mut meter = WeightMeter::new();
		assert_eq!(Audit::on_recovered(&lost, &NEW, &mut meter), RecoveryProgress::Done);
		let auditor = Auditors::<Test>::get(NEW).expect("one record");
		assert_eq!(auditor.stake, 2 * AUDITOR_STAKE);
		assert_eq!(auditor.vrf_key, key(NEW));
		assert_eq!(held(HoldReason::AuditorStake, NEW), 2 * AUDITOR_STAKE);
		assert_eq!(Signals::<Test>::get(2, NEW).map(|s| s.capacity), Some(3));
		assert_eq!(crate::SignalCount::<Test>::get(2), 1);
		// One record, one key: the lost account's key is free again.
		assert_eq!(crate::DrawKeys::<Test>::get(key(NEW)), Some(NEW));
		assert_eq!(crate::DrawKeys::<Test>::get(key(lost)), None);
		assert_eq!(MockRegistry::references(&NEW), 1);
	});
}
