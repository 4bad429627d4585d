//! The council's path to root on a production chain (no sudo): a two-thirds motion schedules a
//! call through `Enactment`, which the scheduler dispatches as root after the genesis delay; a
//! blocking minority cancels it.

use super::{account, ext_from_preset};
use crate::{
	configs::{CouncilCollective, PRODUCTION_ENACTMENT_DELAY},
	genesis_config_presets::PRODUCTION_PRESET,
	AccountId, Council, Enactment, Runtime, RuntimeCall, RuntimeOrigin, Scheduler, System,
};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, traits::OnInitialize, weights::Weight};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie};
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	DispatchError,
};

fn members(n: u32) -> RuntimeOrigin {
	pallet_collective::RawOrigin::<AccountId, CouncilCollective>::Members(n, 4).into()
}

fn authorize_upgrade() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash: H256::repeat_byte(7) })
}

/// Moves to block `n` and runs the scheduler there.
fn run_scheduler_at(n: u32) {
	System::set_block_number(n);
	Scheduler::on_initialize(n);
}

#[test]
fn the_production_preset_delays_enactments_by_a_day() {
	ext_from_preset(PRODUCTION_PRESET).execute_with(|| {
		assert_eq!(pallet_enactment::Delay::<Runtime>::get(), PRODUCTION_ENACTMENT_DELAY);
	});
}

#[test]
fn a_council_motion_upgrades_a_production_chain_after_the_delay() {
	ext_from_preset(PRODUCTION_PRESET).execute_with(|| {
		// Three of the four placeholder members: Alice proposes, and she, Bob and Charlie vote for
		// it (proposing is no vote).
		let proposal = RuntimeCall::Enactment(pallet_enactment::Call::schedule {
			call: Box::new(authorize_upgrade()),
		});
		let length = proposal.encoded_size() as u32;
		let motion = BlakeTwo256::hash_of(&proposal);
		assert_ok!(Council::propose(
			RuntimeOrigin::signed(account(Alice)),
			3,
			Box::new(proposal),
			length
		));
		for who in [Alice, Bob, Charlie] {
			assert_ok!(Council::vote(RuntimeOrigin::signed(account(who)), motion, 0, true));
		}
		assert_ok!(Council::close(
			RuntimeOrigin::signed(account(Alice)),
			motion,
			0,
			Weight::from_parts(10_000_000_000, 1_000_000),
			length
		));
		let at = 1 + PRODUCTION_ENACTMENT_DELAY;
		let call_hash = BlakeTwo256::hash_of(&authorize_upgrade());
		System::assert_has_event(
			pallet_enactment::Event::<Runtime>::Scheduled { call_hash, at }.into(),
		);

		run_scheduler_at(at - 1);
		assert!(System::authorized_upgrade().is_none());
		run_scheduler_at(at);
		assert_eq!(
			System::authorized_upgrade().map(|a| *a.code_hash()),
			Some(H256::repeat_byte(7))
		);
		System::assert_has_event(
			pallet_enactment::Event::<Runtime>::Enacted { call_hash, result: Ok(()) }.into(),
		);
	});
}

#[test]
fn half_the_council_cannot_schedule_and_anyone_alone_cannot_cancel() {
	ext_from_preset(PRODUCTION_PRESET).execute_with(|| {
		assert_noop!(
			Enactment::schedule(members(2), Box::new(authorize_upgrade())),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Enactment::schedule(
				RuntimeOrigin::signed(account(Alice)),
				Box::new(authorize_upgrade())
			),
			DispatchError::BadOrigin
		);
		assert_ok!(Enactment::schedule(members(3), Box::new(authorize_upgrade())));
		let call_hash = BlakeTwo256::hash_of(&authorize_upgrade());
		assert_noop!(Enactment::cancel(members(1), call_hash), DispatchError::BadOrigin);
		// Two of four is more than a third: a blocking minority.
		assert_ok!(Enactment::cancel(members(2), call_hash));
		run_scheduler_at(1 + PRODUCTION_ENACTMENT_DELAY);
		assert!(System::authorized_upgrade().is_none());
	});
}
