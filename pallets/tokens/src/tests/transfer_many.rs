use super::*;
use crate::{Error, Event, FeeScope, LimitScope, Sent};
use frame_support::{assert_noop, dispatch::GetDispatchInfo, BoundedVec};
use pactum_primitives::ParticipantRegistry;

type Legs = BoundedVec<(AccountId, u64), frame_support::traits::ConstU32<MAX_LEGS>>;

fn legs(legs: &[(AccountId, u64)]) -> Legs {
	legs.to_vec().try_into().expect("within MAX_LEGS")
}

fn pay(from: AccountId, to: &[(AccountId, u64)]) -> sp_runtime::DispatchResult {
	Tokens::transfer_many(signed(from), ASSET, legs(to)).map(|_| ()).map_err(|e| e.error)
}

/// The tokens pallet's events since the last reset.
fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Tokens(event) => Some(event),
			_ => None,
		})
		.collect()
}

#[test]
fn every_leg_is_paid_with_its_fee_in_order() {
	test(|| {
		set_fee(FeeScope::Asset, 5, 1, 0, None);
		System::reset_events();
		assert_ok!(pay(ALICE, &[(BOB, 1_000), (CHARLIE, 500), (BOB, 200)]));
		let leg =
			|to, amount, fee| Event::Transferred { asset: ASSET, from: ALICE, to, amount, fee };
		assert_eq!(events(), vec![leg(BOB, 1_000, 15), leg(CHARLIE, 500, 10), leg(BOB, 200, 7)]);
		assert_eq!(balance(ALICE), START - 1_700 - 32);
		assert_eq!((balance(BOB), balance(CHARLIE), balance(COLLECTOR)), (START + 1_200, 500, 32));
		assert_eq!(Sent::<Test>::get(ASSET, ALICE).unwrap().day_total, 1_700);
	});
}

#[test]
fn the_limits_count_the_legs_before() {
	test(|| {
		set_limits(LimitScope::Asset, Some(250), Some(300), None);
		// The second leg would take the day to 400.
		assert_noop!(pay(ALICE, &[(BOB, 200), (CHARLIE, 200)]), Error::<Test>::OverDailyLimit);
		assert_noop!(pay(ALICE, &[(BOB, 100), (CHARLIE, 251)]), Error::<Test>::OverPaymentLimit);
		assert_ok!(pay(ALICE, &[(BOB, 200), (CHARLIE, 100)]));
		assert_noop!(pay(ALICE, &[(BOB, 1)]), Error::<Test>::OverDailyLimit);
		assert_noop!(Tokens::transfer(signed(ALICE), ASSET, BOB, 1), Error::<Test>::OverDailyLimit);
	});
}

#[test]
fn a_refused_leg_leaves_every_leg_unpaid() {
	test(|| {
		set_fee(FeeScope::Asset, 1, 0, 0, None);
		// Each refusal comes after a leg that alone would pass.
		assert_noop!(
			pay(ALICE, &[(BOB, 100), (OUTSIDER, 1)]),
			Error::<Test>::RecipientNotParticipant
		);
		assert_noop!(pay(ALICE, &[(BOB, 100), (DAVE, 1)]), Error::<Test>::RecipientKindNotAllowed);
		assert_noop!(pay(ALICE, &[(BOB, 100), (ALICE, 1)]), Error::<Test>::SelfTransfer);
		assert_noop!(pay(ALICE, &[(BOB, 100), (CHARLIE, 0)]), Error::<Test>::ZeroAmount);
		// Funds: what the legs before left, each leg's fee counted (99 left, 100 asked).
		assert_noop!(
			pay(ALICE, &[(BOB, START - 100), (CHARLIE, 99)]),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Registry::ban(signed(SECURITY), CHARLIE, 1, None));
		assert_noop!(pay(ALICE, &[(BOB, 100), (CHARLIE, 1)]), Error::<Test>::RecipientBanned);
	});
}

#[test]
fn transfer_many_refusals_of_the_batch() {
	test(|| {
		assert_noop!(pay(ALICE, &[]), Error::<Test>::NoLegs);
		assert_noop!(
			Tokens::transfer_many(signed(ALICE), 99, legs(&[(BOB, 1)])),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(pay(OUTSIDER, &[(BOB, 1)]), Error::<Test>::SenderNotParticipant);
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		assert_noop!(pay(ALICE, &[(BOB, 1)]), Error::<Test>::SenderBanned);
	});
}

#[test]
fn a_batch_is_bounded() {
	use codec::{Decode, Encode};
	// A call (index 17) with one leg more than `MaxTransferLegs` does not decode.
	let call = |n: usize| (17u8, ASSET, vec![(BOB, 1u64); n]).encode();
	assert!(crate::Call::<Test>::decode(&mut &call(MAX_LEGS as usize + 1)[..]).is_err());
	assert!(crate::Call::<Test>::decode(&mut &call(MAX_LEGS as usize)[..]).is_ok());
}

#[test]
fn a_batch_is_charged_per_leg_and_less_for_legs_between_holders() {
	use crate::WeightInfo;
	let standing = <Test as crate::Config>::Registry::standing_weight();
	let call =
		crate::Call::<Test>::transfer_many { asset: ASSET, legs: legs(&[(BOB, 1), (CHARLIE, 1)]) };
	assert_eq!(
		call.get_dispatch_info().call_weight,
		<() as WeightInfo>::transfer_many(2).saturating_add(standing.saturating_mul(2))
	);
	let opening = <() as WeightInfo>::transfer_many(1)
		.saturating_sub(<() as WeightInfo>::transfer_many_to_holders(1));
	assert!(opening.ref_time() > 0);
	test(|| {
		set_fee(FeeScope::Asset, 1, 0, 0, None);
		// The collector's account opens with this transfer.
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, BOB, 1));
		// Charlie's opens with the second leg: one leg charged for opening it.
		let one_opens =
			Tokens::transfer_many(signed(ALICE), ASSET, legs(&[(BOB, 1), (CHARLIE, 1)]));
		// Bob and Charlie are people: no leg is weighed for a contract's standing.
		assert_eq!(
			one_opens.unwrap().actual_weight,
			Some(<() as WeightInfo>::transfer_many_to_holders(2).saturating_add(opening))
		);
		let between = Tokens::transfer_many(signed(ALICE), ASSET, legs(&[(BOB, 1), (CHARLIE, 1)]));
		assert_eq!(
			between.unwrap().actual_weight,
			Some(<() as WeightInfo>::transfer_many_to_holders(2))
		);
	});
}

#[test]
fn more_refusals_of_a_leg() {
	test(|| {
		assert_noop!(
			Tokens::transfer_many(RuntimeOrigin::none(), ASSET, legs(&[(BOB, 1)])),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(pay(DAVE, &[(BOB, 1)]), Error::<Test>::SenderKindNotAllowed);
		let level_two = crate::HolderPolicy { min_kyc_level: 2, ..policy() };
		assert_ok!(Tokens::set_policy(signed(ISSUANCE), ASSET, level_two, COLLECTOR));
		assert_noop!(pay(ALICE, &[(BOB, 1), (CHARLIE, 1)]), Error::<Test>::RecipientKycTooLow);
		assert_ok!(Tokens::set_policy(signed(ISSUANCE), ASSET, policy(), COLLECTOR));
		set_limits(LimitScope::Asset, None, None, Some(150));
		assert_noop!(pay(ALICE, &[(BOB, 100), (CHARLIE, 51)]), Error::<Test>::OverMonthlyLimit);
		// A frozen sender (a frozen account still receives).
		assert_ok!(Tokens::set_frozen(signed(SECURITY), ASSET, Some(ALICE), true));
		assert_noop!(pay(ALICE, &[(CHARLIE, 1), (BOB, 1)]), Error::<Test>::Frozen);
	});
}

#[test]
fn the_collector_is_paid_as_a_recipient_and_pays_no_fee_as_a_sender() {
	test(|| {
		set_fee(FeeScope::Asset, 5, 0, 0, None);
		assert_ok!(pay(ALICE, &[(COLLECTOR, 100), (BOB, 100)]));
		assert_eq!(balance(COLLECTOR), 110);
		System::reset_events();
		// The collector may send all it holds: it pays itself no fee.
		assert_ok!(pay(COLLECTOR, &[(BOB, 60), (CHARLIE, 50)]));
		let leg =
			|to, amount| Event::Transferred { asset: ASSET, from: COLLECTOR, to, amount, fee: 0 };
		assert_eq!(events(), vec![leg(BOB, 60), leg(CHARLIE, 50)]);
		assert_eq!(balance(COLLECTOR), 0);
	});
}

#[test]
fn a_leg_may_empty_the_sender_and_then_nothing_is_left_for_the_next() {
	test(|| {
		assert_noop!(pay(ALICE, &[(BOB, START), (CHARLIE, 1)]), Error::<Test>::InsufficientBalance);
		assert_ok!(pay(ALICE, &[(BOB, START - 1), (CHARLIE, 1)]));
		assert_eq!((balance(ALICE), balance(CHARLIE)), (0, 1));
	});
}
