//! Scheduling, enactment as root, cancellation and the delay, with every refusal.

use crate::{mock::*, Delay, Error, Event, Pending};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, traits::QueryPreimage, weights::Weight};
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	BuildStorage, DispatchError,
};

/// A call only root may make: it changes the delay.
fn set_delay(delay: u64) -> RuntimeCall {
	RuntimeCall::Enactment(crate::Call::set_delay { delay })
}

/// A root-only call larger than an inline call (it is stored as a preimage).
fn set_storage(len: usize) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::set_storage {
		items: vec![(b"pactum:test".to_vec(), vec![7u8; len])],
	})
}

fn hash(call: &RuntimeCall) -> sp_core::H256 {
	BlakeTwo256::hash_of(call)
}

fn schedule(call: RuntimeCall) -> sp_runtime::DispatchResult {
	Enactment::schedule(RuntimeOrigin::signed(1), Box::new(call))
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

/// The `enact` call the scheduler holds for `call`.
fn enact_args(call: &RuntimeCall) -> (sp_core::H256, u32, Weight) {
	use frame_support::dispatch::GetDispatchInfo;
	(hash(call), call.encoded_size() as u32, call.get_dispatch_info().call_weight)
}

#[test]
fn genesis_sets_the_delay() {
	test(|| assert_eq!(Delay::<Test>::get(), DELAY));
}

#[test]
fn a_scheduled_call_is_enacted_as_root_after_the_delay() {
	test(|| {
		let call = set_delay(9);
		assert_ok!(schedule(call.clone()));
		let at = 1 + DELAY;
		assert_eq!(last_event(), Event::Scheduled { call_hash: hash(&call), at }.into());
		assert_eq!(Pending::<Test>::get(hash(&call)).map(|e| e.at), Some(at));

		run_to(at - 1);
		assert_eq!(Delay::<Test>::get(), DELAY, "nothing happens before the block");

		run_to(at);
		assert_eq!(Delay::<Test>::get(), 9);
		System::assert_has_event(Event::Enacted { call_hash: hash(&call), result: Ok(()) }.into());
		assert_eq!(Pending::<Test>::count(), 0);
	});
}

#[test]
fn a_large_call_is_kept_as_a_preimage_until_enacted() {
	test(|| {
		let call = set_storage(1_000);
		assert_ok!(schedule(call.clone()));
		assert!(Preimage::len(&hash(&call)).is_some(), "the preimage is stored");

		run_to(1 + DELAY);
		assert_eq!(sp_io::storage::get(b"pactum:test").map(|v| v.len()), Some(1_000));
		System::assert_has_event(Event::Enacted { call_hash: hash(&call), result: Ok(()) }.into());
		assert_eq!(Preimage::len(&hash(&call)), None, "the preimage is released");
	});
}

#[test]
fn a_failing_call_is_reported_and_forgotten() {
	test(|| {
		let call = set_delay(1); // below MinimumDelay
		assert_ok!(schedule(call.clone()));
		run_to(1 + DELAY);
		System::assert_has_event(
			Event::Enacted {
				call_hash: hash(&call),
				result: Err(Error::<Test>::DelayTooShort.into()),
			}
			.into(),
		);
		assert_eq!(Pending::<Test>::count(), 0);
		assert_eq!(Delay::<Test>::get(), DELAY);
	});
}

#[test]
fn schedule_refusals() {
	test(|| {
		assert_noop!(
			Enactment::schedule(RuntimeOrigin::signed(2), Box::new(set_delay(9))),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Enactment::schedule(RuntimeOrigin::signed(3), Box::new(set_delay(9))),
			DispatchError::BadOrigin
		);

		assert_ok!(schedule(set_delay(9)));
		assert_noop!(schedule(set_delay(9)), Error::<Test>::AlreadyScheduled);

		assert_ok!(schedule(set_delay(10)));
		System::set_block_number(2); // another enactment block: the agenda of block 6 is full
		assert_ok!(schedule(set_delay(11)));
		assert_noop!(schedule(set_delay(12)), Error::<Test>::TooManyPending);
	});
}

#[test]
fn schedule_refuses_when_the_agenda_of_the_block_is_full() {
	test(|| {
		assert_ok!(schedule(set_delay(9)));
		assert_ok!(schedule(set_delay(10)));
		// MaxScheduledPerBlock is 2: a third enactment for the same block has no room.
		let call = set_storage(1_000);
		assert_noop!(schedule(call.clone()), Error::<Test>::SchedulerRefused);
		assert_eq!(Preimage::len(&hash(&call)), None, "no preimage is left behind");
	});
}

#[test]
fn schedule_refuses_a_call_larger_than_a_preimage() {
	test(|| {
		let call = set_storage(pallet_preimage::MAX_SIZE as usize);
		assert_noop!(schedule(call), Error::<Test>::CallTooLarge);
	});
}

#[test]
fn a_minority_cancels_a_scheduled_call() {
	test(|| {
		let call = set_storage(1_000);
		assert_ok!(schedule(call.clone()));
		assert_ok!(Enactment::cancel(RuntimeOrigin::signed(3), hash(&call)));
		assert_eq!(last_event(), Event::Cancelled { call_hash: hash(&call) }.into());
		assert_eq!(Preimage::len(&hash(&call)), None, "the preimage is released");

		run_to(1 + DELAY + 1);
		assert_eq!(sp_io::storage::get(b"pactum:test"), None, "a cancelled call is not enacted");
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Enactment(Event::Enacted { .. })
		)));
	});
}

#[test]
fn cancel_refusals() {
	test(|| {
		let call = set_delay(9);
		assert_ok!(schedule(call.clone()));
		assert_noop!(
			Enactment::cancel(RuntimeOrigin::signed(2), hash(&call)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Enactment::cancel(RuntimeOrigin::signed(3), hash(&set_delay(10))),
			Error::<Test>::NotScheduled
		);
	});
}

#[test]
fn enact_refusals() {
	test(|| {
		let call = set_storage(1_000);
		assert_ok!(schedule(call.clone()));
		let (call_hash, len, weight) = enact_args(&call);
		assert_noop!(
			Enactment::enact(RuntimeOrigin::signed(1), call_hash, len, weight),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Enactment::enact(RuntimeOrigin::root(), hash(&set_delay(9)), len, weight),
			Error::<Test>::NotScheduled
		);
		assert_noop!(
			Enactment::enact(RuntimeOrigin::root(), call_hash, len - 1, weight),
			Error::<Test>::WeightBelowCall
		);
		assert_noop!(
			Enactment::enact(
				RuntimeOrigin::root(),
				call_hash,
				len,
				weight.saturating_sub(Weight::from_parts(1, 0))
			),
			Error::<Test>::WeightBelowCall
		);
	});
}

/// Schedules a call stored as a preimage, which the preimage pallet's manager then releases
/// before the enactment block.
fn scheduled_then_released() -> RuntimeCall {
	let call = set_storage(1_000);
	assert_ok!(schedule(call.clone()));
	assert_ok!(Preimage::unrequest_preimage(RuntimeOrigin::root(), hash(&call)));
	assert_eq!(Preimage::len(&hash(&call)), None);
	call
}

#[test]
fn a_call_whose_preimage_was_released_is_reported_and_dropped() {
	test(|| {
		let call = scheduled_then_released();
		run_to(1 + DELAY);
		System::assert_has_event(
			Event::Enacted {
				call_hash: hash(&call),
				result: Err(Error::<Test>::CallUnavailable.into()),
			}
			.into(),
		);
		assert_eq!(Pending::<Test>::count(), 0, "its place is free again");
		assert_eq!(sp_io::storage::get(b"pactum:test"), None, "the call did not run");
	});
}

#[test]
fn a_call_whose_preimage_was_released_can_still_be_cancelled() {
	test(|| {
		let call = scheduled_then_released();
		assert_ok!(Enactment::cancel(RuntimeOrigin::signed(3), hash(&call)));
		assert_eq!(last_event(), Event::Cancelled { call_hash: hash(&call) }.into());
		assert_eq!(Pending::<Test>::count(), 0);
		assert!(!Preimage::is_requested(&hash(&call)));

		run_to(1 + DELAY);
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Enactment(Event::Enacted { .. })
		)));
	});
}

#[test]
fn set_delay_by_root_only_and_not_below_the_minimum() {
	test(|| {
		assert_ok!(Enactment::set_delay(RuntimeOrigin::root(), 2));
		assert_eq!(last_event(), Event::DelaySet { delay: 2 }.into());
		assert_eq!(Delay::<Test>::get(), 2);
		assert_noop!(Enactment::set_delay(RuntimeOrigin::root(), 1), Error::<Test>::DelayTooShort);
		assert_noop!(
			Enactment::set_delay(RuntimeOrigin::signed(1), 20),
			DispatchError::BadOrigin
		);
	});
}

#[test]
#[should_panic(expected = "enactment delay below MinimumDelay")]
fn genesis_refuses_a_delay_below_the_minimum() {
	let _ = RuntimeGenesisConfig {
		enactment: crate::GenesisConfig { delay: 1 },
		..Default::default()
	}
	.build_storage();
}

#[test]
fn the_new_delay_applies_to_calls_scheduled_after_it() {
	test(|| {
		assert_ok!(Enactment::set_delay(RuntimeOrigin::root(), 20));
		let call = set_delay(9);
		assert_ok!(schedule(call.clone()));
		assert_eq!(Pending::<Test>::get(hash(&call)).map(|e| e.at), Some(21));
	});
}
