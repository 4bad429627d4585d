use super::*;
use crate::{Error, Event, FeeScope, HolderPolicy};
use frame_support::assert_noop;
use pactum_primitives::ParticipantRegistry;
use sp_runtime::FixedU128;

#[test]
fn a_transfer_moves_the_amount_and_charges_the_fee() {
	test(|| {
		set_fee(FeeScope::Asset, 5, 1, 0, None);
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, BOB, 1_000));
		// 5 flat + 1 % of 1 000.
		assert_eq!(
			last_event(),
			Event::Transferred { asset: ASSET, from: ALICE, to: BOB, amount: 1_000, fee: 15 }
		);
		assert_eq!(balance(ALICE), START - 1_015);
		assert_eq!(balance(BOB), START + 1_000);
		assert_eq!(balance(COLLECTOR), 15);
	});
}

#[test]
fn a_transfer_between_holders_is_charged_less() {
	test(|| {
		set_fee(FeeScope::Asset, 5, 0, 0, None);
		// Charlie and the collector hold nothing yet: the transfer's full benchmarked weight;
		// Charlie is a person, so without the weight of a contract's standing.
		let opening = Tokens::transfer(signed(ALICE), ASSET, CHARLIE, 100).unwrap();
		assert_eq!(opening.actual_weight, Some(<() as crate::WeightInfo>::transfer()));
		let between_holders = Tokens::transfer(signed(ALICE), ASSET, CHARLIE, 100).unwrap();
		assert_eq!(
			between_holders.actual_weight,
			Some(<() as crate::WeightInfo>::transfer_to_holders())
		);
	});
}

#[test]
fn a_transfer_is_weighed_for_a_recipient_that_may_be_a_contract() {
	use frame_support::dispatch::GetDispatchInfo;
	let call = crate::Call::<Test>::transfer { asset: ASSET, to: CHARLIE, amount: 1 };
	let standing = <Test as crate::Config>::Registry::standing_weight();
	assert!(standing.ref_time() > 0);
	assert_eq!(
		call.get_dispatch_info().call_weight,
		<() as crate::WeightInfo>::transfer().saturating_add(standing)
	);
}

#[test]
fn a_holder_may_send_everything() {
	test(|| {
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, CHARLIE, START));
		assert_eq!((balance(ALICE), balance(CHARLIE)), (0, START));
	});
}

#[test]
fn the_collector_pays_no_fee_to_itself() {
	test(|| {
		set_fee(FeeScope::Asset, 5, 0, 0, None);
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, COLLECTOR, 100));
		assert_ok!(Tokens::transfer(signed(COLLECTOR), ASSET, BOB, 100));
		assert_eq!(balance(COLLECTOR), 5);
		// ... and its transfer reports no fee.
		assert_eq!(
			super::last_event(),
			crate::Event::Transferred { asset: ASSET, from: COLLECTOR, to: BOB, amount: 100, fee: 0 }
		);
	});
}

#[test]
fn transfer_refusals_of_the_asset_and_amount() {
	test(|| {
		assert_noop!(Tokens::transfer(signed(ALICE), 99, BOB, 1), Error::<Test>::UnknownAsset);
		assert_noop!(Tokens::transfer(signed(ALICE), ASSET, BOB, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Tokens::transfer(signed(ALICE), ASSET, ALICE, 1), Error::<Test>::SelfTransfer);
		assert_noop!(
			Tokens::transfer(signed(ALICE), ASSET, BOB, START + 1),
			Error::<Test>::InsufficientBalance
		);
		// The fee counts: Alice cannot send all of it and pay a fee on top.
		set_fee(FeeScope::Asset, 1, 0, 0, None);
		assert_noop!(
			Tokens::transfer(signed(ALICE), ASSET, BOB, START),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn transfer_refusals_of_the_sender() {
	test(|| {
		assert_noop!(
			Tokens::transfer(signed(OUTSIDER), ASSET, BOB, 1),
			Error::<Test>::SenderNotParticipant
		);
		assert_noop!(
			Tokens::transfer(signed(DAVE), ASSET, BOB, 1),
			Error::<Test>::SenderKindNotAllowed
		);
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, CHARLIE, 100));
		let level_two = HolderPolicy { min_kyc_level: 2, ..policy() };
		assert_ok!(Tokens::set_policy(signed(ISSUANCE), ASSET, level_two, COLLECTOR));
		assert_noop!(
			Tokens::transfer(signed(CHARLIE), ASSET, BOB, 1),
			Error::<Test>::SenderKycTooLow
		);
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		assert_noop!(Tokens::transfer(signed(ALICE), ASSET, BOB, 1), Error::<Test>::SenderBanned);
	});
}

#[test]
fn transfer_refusals_of_the_recipient() {
	test(|| {
		assert_noop!(
			Tokens::transfer(signed(ALICE), ASSET, OUTSIDER, 1),
			Error::<Test>::RecipientNotParticipant
		);
		assert_noop!(
			Tokens::transfer(signed(ALICE), ASSET, DAVE, 1),
			Error::<Test>::RecipientKindNotAllowed
		);
		let level_two = HolderPolicy { min_kyc_level: 2, ..policy() };
		assert_ok!(Tokens::set_policy(signed(ISSUANCE), ASSET, level_two, COLLECTOR));
		assert_noop!(
			Tokens::transfer(signed(ALICE), ASSET, CHARLIE, 1),
			Error::<Test>::RecipientKycTooLow
		);
		assert_ok!(Registry::ban(signed(SECURITY), BOB, 1, None));
		assert_noop!(
			Tokens::transfer(signed(ALICE), ASSET, BOB, 1),
			Error::<Test>::RecipientBanned
		);
	});
}

#[test]
fn a_payment_below_the_minimum_balance_cannot_open_an_account() {
	bare(|| {
		assert_ok!(Tokens::create_asset(
			signed(ISSUANCE),
			ASSET,
			100,
			policy(),
			COLLECTOR,
			FixedU128::from_u32(1)
		));
		assert_ok!(Tokens::set_authorised_supply(signed(ISSUANCE), ASSET, SUPPLY));
		assert_ok!(Tokens::add_collateral(signed(ISSUANCE), ASSET, SUPPLY, [0; 32]));
		assert_ok!(Tokens::issue(signed(ISSUANCE), ASSET, ALICE, 1_000));
		assert_noop!(Tokens::transfer(signed(ALICE), ASSET, BOB, 99), Error::<Test>::BelowMinimum);
		// Nor can a fee open the collector's account.
		set_fee(FeeScope::Asset, 10, 0, 0, None);
		assert_noop!(Tokens::transfer(signed(ALICE), ASSET, BOB, 100), Error::<Test>::BelowMinimum);
	});
}
