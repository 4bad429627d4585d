//! The escrow is never reaped, so one payout cannot take other holders' escrowed tokens with
//! it; and no payment leaves the payer a balance below the asset's minimum (which pallet-assets
//! would sweep into the payment).

use super::*;
use crate::{Error, FeeRule, FeeScope};
use frame_support::assert_noop;
use sp_runtime::{FixedU128, Permill};

/// An asset whose minimum balance is large next to the payments below.
const SMALL: crate::AssetId = 8;
const MIN: u64 = 100;

fn create_small() {
	assert_ok!(Tokens::create_asset(
		signed(ISSUANCE),
		SMALL,
		MIN,
		policy(),
		COLLECTOR,
		FixedU128::from_u32(1)
	));
	assert_ok!(Tokens::set_authorised_supply(signed(ISSUANCE), SMALL, SUPPLY));
	assert_ok!(Tokens::add_collateral(signed(ISSUANCE), SMALL, SUPPLY, [0xC1; 32]));
	assert_ok!(Tokens::issue(signed(ISSUANCE), SMALL, ALICE, 1_000));
	assert_ok!(Tokens::issue(signed(ISSUANCE), SMALL, BOB, 1_000));
	assert_ok!(Tokens::issue(signed(ISSUANCE), SMALL, COLLECTOR, 1_000));
}

fn small(who: AccountId) -> u64 {
	pallet_assets::Pallet::<Test>::balance(SMALL, who)
}

fn set_small_fee(flat: u64) {
	let rule = FeeRule { flat, percent: Permill::zero(), min: 0, max: None };
	assert_ok!(Tokens::set_fee(signed(FEES), SMALL, FeeScope::Asset, Some(rule)));
}

#[test]
fn the_escrow_holds_the_minimum_balance_which_is_not_issued_supply() {
	test(|| {
		create_small();
		assert_eq!(small(Tokens::account()), MIN);
		assert_eq!(Tokens::issued(SMALL), 3_000);
	});
}

#[test]
fn confirming_one_small_withdrawal_leaves_another_ones_escrow_whole() {
	test(|| {
		create_small();
		assert_ok!(Tokens::request_withdrawal(signed(ALICE), SMALL, 100, [1; 32]));
		assert_ok!(Tokens::request_withdrawal(signed(BOB), SMALL, 50, [2; 32]));
		// Burning Alice's 100 must not take the escrow below its minimum and Bob's 50 with it.
		assert_ok!(Tokens::confirm_withdrawal(signed(TRADE), 0));
		assert_eq!(small(Tokens::account()), MIN + 50);
		assert_eq!(Tokens::issued(SMALL), 2_900);
		assert_ok!(Tokens::reject_withdrawal(signed(TRADE), 1, [9; 32]));
		assert_eq!(small(BOB), 1_000);
		assert_eq!(small(Tokens::account()), MIN);
	});
}

#[test]
fn a_payment_that_would_leave_dust_is_refused() {
	test(|| {
		create_small();
		// 950 of 1,000 would leave 50, below the minimum of 100.
		assert_noop!(
			Tokens::transfer(signed(ALICE), SMALL, BOB, 950),
			Error::<Test>::WouldLeaveDust
		);
		assert_noop!(
			Tokens::request_withdrawal(signed(ALICE), SMALL, 950, [1; 32]),
			Error::<Test>::WouldLeaveDust
		);
		assert_ok!(Tokens::transfer(signed(ALICE), SMALL, BOB, 900));
		assert_ok!(Tokens::transfer(signed(ALICE), SMALL, BOB, 100));
		assert_eq!((small(ALICE), small(BOB)), (0, 2_000));
	});
}

#[test]
fn emptying_an_account_pays_the_fee_and_the_amount_exactly() {
	test(|| {
		create_small();
		set_small_fee(10);
		// 990 + a fee of 10 is the whole balance: neither part may sweep the other.
		assert_ok!(Tokens::transfer(signed(ALICE), SMALL, BOB, 990));
		assert_eq!((small(ALICE), small(BOB), small(COLLECTOR)), (0, 1_990, 1_010));
	});
}

#[test]
fn emptying_an_account_in_two_parts_below_the_minimum_is_refused() {
	test(|| {
		create_small();
		set_small_fee(40);
		assert_ok!(Tokens::transfer(signed(ALICE), SMALL, BOB, 860)); // Alice keeps 100
		// 60 + a fee of 40: whichever part goes first, the other would be dust in between.
		assert_noop!(
			Tokens::transfer(signed(ALICE), SMALL, BOB, 60),
			Error::<Test>::WouldLeaveDust
		);
	});
}
