//! The audit pallet in the composed runtime: the dev chain's auditor, the calendar parameters
//! and the hook's worst block.

use super::{account, ext_from_preset};
use crate::{configs::RuntimeBlockWeights, Audit, Balances, Runtime, RuntimeOrigin, System, UNIT};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, Get},
};
use pallet_audit::{weights::WeightInfo, Error, HoldReason};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Dave};

type Weights = <Runtime as pallet_audit::Config>::WeightInfo;

#[test]
fn the_dev_auditor_signals_and_others_cannot() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		let stake = 1_000 * UNIT;
		assert_noop!(
			Audit::signal(RuntimeOrigin::signed(account(Alice)), stake, 1, [1; 32]),
			Error::<Runtime>::NotAuditor
		);
		assert_ok!(Audit::signal(RuntimeOrigin::signed(account(Dave)), stake, 1, [1; 32]));
		let reason = crate::RuntimeHoldReason::Audit(HoldReason::AuditorStake);
		assert_eq!(Balances::balance_on_hold(&reason, &account(Dave)), stake);
	});
}

#[test]
fn a_service_fee_pays_half_and_holds_half() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		let before = Balances::free_balance(account(Bob));
		assert_ok!(Audit::pay_service_fee(
			RuntimeOrigin::signed(account(Alice)),
			account(Bob),
			10 * UNIT
		));
		assert_eq!(Balances::free_balance(account(Bob)), before + 5 * UNIT);
		let reason = crate::RuntimeHoldReason::Audit(HoldReason::Escrow);
		assert_eq!(Balances::balance_on_hold(&reason, &account(Alice)), 5 * UNIT);
	});
}

#[test]
fn the_calendar_is_a_storage_parameter() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(Audit::epoch_start(1), 4 * crate::HOURS);
		crate::configs::AuditEpochLength::set(&12);
		crate::configs::AuditCommitPeriod::set(&4);
		crate::configs::AuditRevealPeriod::set(&4);
		assert_eq!(Audit::epoch_start(2), 24);
		assert_eq!(Audit::epoch_of(System::block_number() + 12), 1);
	});
}

/// Finding 9: a stored calendar the pallet cannot run on (windows that do not fit in an epoch,
/// or of zero blocks, an epoch too short, no escrow period) used to be taken as it was; now only
/// the bad part is replaced, and a bad window never changes the epoch length.
#[test]
fn an_invalid_stored_calendar_is_not_used() {
	use crate::configs::{AuditCommitPeriod, AuditEpochLength, AuditEscrowPeriod, AuditRevealPeriod};
	use pallet_audit::Config;
	type Epoch = <Runtime as Config>::EpochLength;
	type Commit = <Runtime as Config>::CommitPeriod;
	type Reveal = <Runtime as Config>::RevealPeriod;
	type Escrow = <Runtime as Config>::EscrowPeriod;
	let calendar = || (Epoch::get(), Commit::get(), Reveal::get());
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		let defaults = (Epoch::get(), Escrow::get());
		// The default windows (an hour each) do not fit an epoch of 12: a quarter of it each.
		AuditEpochLength::set(&12);
		assert_eq!(calendar(), (12, 3, 3));
		// Windows of 4 + 4 blocks in an epoch of 12: used as stored.
		AuditCommitPeriod::set(&4);
		AuditRevealPeriod::set(&4);
		assert_eq!(calendar(), (12, 4, 4));
		// Windows that fill the whole epoch, or a window of zero blocks: the epoch stays.
		AuditRevealPeriod::set(&8);
		assert_eq!(calendar(), (12, 3, 3));
		AuditRevealPeriod::set(&0);
		assert_eq!(calendar(), (12, 3, 3));
		// An epoch too short for two windows: the default epoch, a quarter of it each.
		AuditEpochLength::set(&2);
		assert_eq!(calendar(), (defaults.0, defaults.0 / 4, defaults.0 / 4));
		AuditEscrowPeriod::set(&0);
		assert_eq!(Escrow::get(), defaults.1);
		AuditEscrowPeriod::set(&5);
		assert_eq!(Escrow::get(), 5);
	});
}

#[test]
fn the_hooks_worst_block_fits_in_a_quarter_of_a_block() {
	let panel = <Runtime as pallet_audit::Config>::AppealPanelSize::get();
	let first = <Runtime as pallet_audit::Config>::PanelSize::get();
	let tasks: u32 = <Runtime as pallet_audit::Config>::MaxTasksPerBlock::get();
	let tasks = u64::from(tasks);
	// Each queue runs up to `MaxTasksPerBlock` of its own tasks a block.
	let court = Weights::settle(panel).max(Weights::settle_slash(panel)).max(Weights::finalize(first));
	let auditors = Weights::unbond_task().max(Weights::burn_task());
	let escrows = Weights::release_task();
	let worst = [court, auditors, escrows].into_iter().fold(
		Weights::on_initialize_epoch().saturating_add(Weights::on_initialize_idle()),
		|total, task| {
			total.saturating_add(task.saturating_mul(tasks)).saturating_add(Audit::queue_walk_weight())
		},
	);
	let quarter = RuntimeBlockWeights::get().max_block / 4;
	assert!(worst.all_lt(quarter), "{worst:?} of {quarter:?}");
	assert!(Weights::settle(panel).ref_time() > 0, "weights come from the benchmarks");
}
