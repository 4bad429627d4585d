use crate::{mock::*, Error, Event, SetChanged, Validators};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn set() -> Vec<AccountId> {
	Validators::<Test>::get().into_inner()
}

#[test]
fn genesis_validators_are_the_first_session() {
	new_test_ext().execute_with(|| {
		assert_eq!(set(), vec![1, 2]);
		assert_eq!(Session::validators(), vec![1, 2]);
		assert!(!SetChanged::<Test>::get());
	});
}

#[test]
fn empty_genesis_set_leaves_the_first_session_to_session_keys() {
	new_test_ext_with(vec![]).execute_with(|| {
		assert!(set().is_empty());
		// `pallet-session` falls back to the accounts of its own genesis keys.
		assert_eq!(Session::validators(), vec![1, 2, 3, 4]);
		// From the first change on, this pallet's set is the one used.
		pallet_session::NextKeys::<Test>::insert(5, sp_runtime::testing::UintAuthorityId(5));
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 5));
		run_to_block(10);
		assert_eq!(Session::validators(), vec![5]);
	});
}

#[test]
fn add_validator_works_and_takes_effect_two_sessions_later() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));
		assert_eq!(set(), vec![1, 2, 3]);
		System::assert_last_event(Event::ValidatorAdded { who: 3 }.into());

		// Session 1 starts at block 5 with the set queued at genesis.
		run_to_block(5);
		assert_eq!(Session::current_index(), 1);
		assert_eq!(Session::validators(), vec![1, 2]);
		// Session 2 starts at block 10 with the set planned at the end of session 0.
		run_to_block(10);
		assert_eq!(Session::validators(), vec![1, 2, 3]);
		assert!(!SetChanged::<Test>::get());
	});
}

#[test]
fn add_validator_requires_manager_origin() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(1), 3),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn add_validator_refuses_account_without_session_keys() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 5),
			Error::<Test>::NoSessionKeys
		);
	});
}

#[test]
fn add_validator_refuses_existing_validator() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::AlreadyValidator
		);
	});
}

#[test]
fn add_validator_refuses_beyond_max() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		// Give account 5 keys so the only reason left is the bound.
		pallet_session::NextKeys::<Test>::insert(5, sp_runtime::testing::UintAuthorityId(5));
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 5),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn remove_validator_works_and_takes_effect_two_sessions_later() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		assert_eq!(set(), vec![2]);
		System::assert_last_event(Event::ValidatorRemoved { who: 1 }.into());
		run_to_block(5);
		assert_eq!(Session::validators(), vec![1, 2]);
		run_to_block(10);
		assert_eq!(Session::validators(), vec![2]);
	});
}

#[test]
fn remove_validator_requires_manager_origin() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 1),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn remove_validator_refuses_non_validator() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 3),
			Error::<Test>::NotValidator
		);
	});
}

#[test]
fn remove_validator_refuses_below_min() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::TooFewValidators
		);
	});
}

fn rotations_changed() -> Vec<bool> {
	ROTATIONS_CHANGED.with(|r| r.borrow().clone())
}

#[test]
fn unchanged_set_is_not_handed_to_session_again() {
	new_test_ext().execute_with(|| {
		run_to_block(20);
		assert_eq!(Session::validators(), vec![1, 2]);
		// Four rotations (blocks 5, 10, 15, 20), none of which changed the authorities.
		assert_eq!(rotations_changed(), vec![false; 4]);
	});
}

#[test]
fn a_change_is_signalled_once() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));
		run_to_block(20);
		// Planned at block 5 (end of session 0), active from block 10 (session 2).
		assert_eq!(rotations_changed(), vec![false, true, false, false]);
	});
}

#[test]
fn try_state_holds_through_changes_and_finds_a_duplicate() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::do_try_state());
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		run_to_block(10);
		assert_ok!(ValidatorSet::do_try_state());

		Validators::<Test>::put(frame_support::BoundedVec::truncate_from(vec![2, 3, 2]));
		assert_eq!(ValidatorSet::do_try_state(), Err("a validator is listed twice".into()));
	});
	// A set the pallet does not manage yet is empty, and valid.
	new_test_ext_with(vec![]).execute_with(|| {
		assert_ok!(ValidatorSet::do_try_state());
	});
}
