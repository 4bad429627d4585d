//! Signalling, bonding and unbonding.

use crate::{mock::*, DrawKeys, Error, Event, HoldReason, SignalCount, Signals};
use frame_support::{assert_noop, assert_ok};

/// Finding 7: a signal made in epoch 0 is for epoch 2, frozen a whole epoch before epoch 2's
/// seed exists (it used to be for epoch 1, still open in the block the seed comes from).
#[test]
fn signal_bonds_the_stake_for_the_epoch_after_next() {
	test(|| {
		let who = auditor(1);
		assert_ok!(Audit::signal(signed(who), 150, 2, key(who)));
		assert_eq!(held(HoldReason::AuditorStake, who), 150);
		assert_eq!(Signals::<Test>::get(1, who), None);
		assert_eq!(Signals::<Test>::get(2, who).map(|s| s.capacity), Some(2));
		assert_eq!(SignalCount::<Test>::get(2), 1);
		System::assert_last_event(
			Event::Signalled { auditor: who, epoch: 2, stake: 150, capacity: 2 }.into(),
		);
		// Signalling again tops the stake up and changes the capacity, counted once.
		assert_ok!(Audit::signal(signed(who), 200, 3, key(who)));
		assert_eq!(held(HoldReason::AuditorStake, who), 200);
		assert_eq!(Signals::<Test>::get(2, who).map(|s| s.capacity), Some(3));
		assert_eq!(SignalCount::<Test>::get(2), 1);
		// In the last block of epoch 1, when epoch 2's seed is about to be known, a signal is
		// for epoch 3.
		run_to(2 * EPOCH - 1);
		let late = auditor(2);
		assert_ok!(Audit::signal(signed(late), 100, 1, key(late)));
		assert_eq!(Signals::<Test>::get(2, late), None);
		assert_eq!(SignalCount::<Test>::get(2), 1);
		assert!(Signals::<Test>::get(3, late).is_some());
	});
}

/// Finding 7: one key, one auditor (it used to give k accounts k seats with one key).
#[test]
fn no_two_auditors_draw_with_one_key() {
	test(|| {
		let (first, second) = (auditor(1), auditor(2));
		assert_ok!(Audit::signal(signed(first), 100, 1, key(first)));
		assert_noop!(
			Audit::signal(signed(second), 100, 1, key(first)),
			Error::<Test>::KeyTaken
		);
		assert_eq!(DrawKeys::<Test>::get(key(first)), Some(first));
		// Once the first auditor's stake is released, its key is free again.
		run_to(3 * EPOCH);
		assert!(crate::Auditors::<Test>::get(first).is_none());
		assert_eq!(DrawKeys::<Test>::get(key(first)), None);
		assert_ok!(Audit::signal(signed(second), 100, 1, key(first)));
		assert_eq!(DrawKeys::<Test>::get(key(first)), Some(second));
	});
}

#[test]
fn signal_refusals() {
	test(|| {
		let who = auditor(1);
		assert_noop!(Audit::signal(signed(PLAIN), 100, 1, key(PLAIN)), Error::<Test>::NotAuditor);
		assert_noop!(
			Audit::signal(signed(OUTSIDER), 100, 1, key(OUTSIDER)),
			Error::<Test>::NotAuditor
		);
		assert_noop!(
			Audit::signal(signed(UNVERIFIED_AUDITOR), 100, 1, key(UNVERIFIED_AUDITOR)),
			Error::<Test>::NotVerified
		);
		assert_noop!(Audit::signal(signed(who), 100, 0, key(who)), Error::<Test>::ZeroCapacity);
		assert_noop!(Audit::signal(signed(who), 99, 1, key(who)), Error::<Test>::StakeTooLow);
		assert_ok!(Audit::signal(signed(who), 150, 1, key(who)));
		assert_noop!(Audit::signal(signed(who), 120, 1, key(who)), Error::<Test>::StakeLocked);
		MockRegistry::ban(&who);
		assert_noop!(Audit::signal(signed(who), 150, 1, key(who)), Error::<Test>::NotAuditor);
	});
}

#[test]
fn too_many_auditors_for_an_epoch() {
	test(|| {
		MaxAuditors::set(&2);
		for n in 1..=2 {
			assert_ok!(Audit::signal(signed(auditor(n)), AUDITOR_STAKE, 1, key(auditor(n))));
		}
		let third = auditor(3);
		assert_noop!(
			Audit::signal(signed(third), AUDITOR_STAKE, 1, key(third)),
			Error::<Test>::TooManyAuditors
		);
	});
}

#[test]
fn the_draw_key_is_fixed_while_signalled_for_this_or_the_next_epoch() {
	test(|| {
		let who = auditor(1);
		assert_ok!(Audit::signal(signed(who), 100, 1, key(who)));
		// Epoch 2 is not the next one yet: the key may still change, and the old one is freed.
		assert_ok!(Audit::signal(signed(who), 100, 1, [9; 32]));
		assert_eq!(DrawKeys::<Test>::get(key(who)), None);
		assert_eq!(DrawKeys::<Test>::get([9; 32]), Some(who));
		// In epoch 1 it is signalled for the next epoch, in epoch 2 for the current one.
		for epoch in [1, 2] {
			run_to(epoch * EPOCH);
			assert_noop!(Audit::signal(signed(who), 100, 1, key(who)), Error::<Test>::KeyInUse);
		}
		// The same key signals for epoch 4.
		assert_ok!(Audit::signal(signed(who), 100, 1, [9; 32]));
	});
}

#[test]
fn the_stake_unbonds_itself_after_the_last_signalled_epoch() {
	test(|| {
		let who = auditor(1);
		assert_ok!(Audit::signal(signed(who), 100, 1, key(who)));
		run_to(2 * EPOCH);
		assert_noop!(Audit::unbond(signed(who)), Error::<Test>::StillSignalled);
		run_to(3 * EPOCH - 1);
		assert_eq!(held(HoldReason::AuditorStake, who), 100);
		run_to(3 * EPOCH);
		assert_eq!(held(HoldReason::AuditorStake, who), 0);
		assert!(crate::Auditors::<Test>::get(who).is_none());
		assert!(Signals::<Test>::get(2, who).is_none());
		System::assert_last_event(Event::Unbonded { auditor: who, stake: 100 }.into());
	});
}

#[test]
fn keep_bonded_until_unbond() {
	test(|| {
		let who = auditor(1);
		assert_noop!(Audit::set_keep_bonded(signed(who), true), Error::<Test>::NotBonded);
		assert_noop!(Audit::unbond(signed(who)), Error::<Test>::NotBonded);
		assert_ok!(Audit::signal(signed(who), 100, 1, key(who)));
		assert_ok!(Audit::set_keep_bonded(signed(who), true));
		run_to(3 * EPOCH);
		assert_eq!(held(HoldReason::AuditorStake, who), 100);
		assert_ok!(Audit::unbond(signed(who)));
		assert_eq!(held(HoldReason::AuditorStake, who), 0);
		System::assert_last_event(Event::Unbonded { auditor: who, stake: 100 }.into());
	});
}

#[test]
fn clearing_keep_bonded_after_the_epochs_releases_at_once() {
	test(|| {
		let who = auditor(1);
		assert_ok!(Audit::signal(signed(who), 100, 1, key(who)));
		assert_ok!(Audit::set_keep_bonded(signed(who), true));
		run_to(3 * EPOCH);
		assert_ok!(Audit::set_keep_bonded(signed(who), false));
		assert_eq!(held(HoldReason::AuditorStake, who), 0);
	});
}

#[test]
fn an_open_seat_keeps_the_stake_bonded() {
	test(|| {
		signal(3);
		let case = open_case();
		to_commit(case);
		let who = auditor(1);
		for n in 1..=3 {
			assert_ok!(commit(auditor(n), case, crate::Verdict::Upheld));
		}
		to_reveal(case);
		for n in 1..=3 {
			assert_ok!(reveal(auditor(n), case, crate::Verdict::Upheld));
		}
		assert_ok!(Audit::set_keep_bonded(signed(who), true));
		run_to(3 * EPOCH);
		// The case was decided in epoch 2; until its objection window closes the seat is open.
		assert_noop!(Audit::unbond(signed(who)), Error::<Test>::OpenSeats);
		run_to(4 * EPOCH);
		assert_ok!(Audit::unbond(signed(who)));
	});
}
