use super::*;
use crate::{Error, Event, FeeRule, FeeScope, Rules};
use frame_support::assert_noop;
use pactum_primitives::AccountKind;
use sp_runtime::{DispatchError, Permill};

fn fee_of(flat: u64, percent: u32, min: u64, max: Option<u64>, amount: u64) -> u64 {
	Tokens::fee_of(&FeeRule { flat, percent: Permill::from_percent(percent), min, max }, amount)
}

/// The fee `from` pays to send 1 000 to Bob.
fn fee_paid(from: AccountId) -> u64 {
	let before = balance(COLLECTOR);
	assert_ok!(Tokens::transfer(signed(from), ASSET, BOB, 1_000));
	balance(COLLECTOR) - before
}

#[test]
fn a_fee_is_flat_plus_percent_within_min_and_max() {
	test(|| {
		assert_eq!(fee_of(10, 0, 0, None, 1_000), 10);
		assert_eq!(fee_of(0, 2, 0, None, 1_000), 20);
		assert_eq!(fee_of(10, 2, 0, None, 1_000), 30);
		// A percentage is rounded up.
		assert_eq!(fee_of(0, 1, 0, None, 150), 2);
		assert_eq!(fee_of(0, 1, 25, None, 1_000), 25);
		assert_eq!(fee_of(0, 10, 0, Some(50), 1_000), 50);
		assert_eq!(fee_of(0, 0, 0, None, 1_000), 0);
	});
}

#[test]
fn the_most_specific_fee_rule_wins() {
	test(|| {
		assert_ok!(Tokens::issue(signed(ISSUANCE), ASSET, CORP, START));
		assert_ok!(Tokens::issue(signed(ISSUANCE), ASSET, CHARLIE, START));
		// No rule: no fee.
		assert_eq!(fee_paid(CHARLIE), 0);
		set_fee(FeeScope::Asset, 7, 0, 0, None);
		assert_eq!(fee_paid(CHARLIE), 7);
		assert_eq!(fee_paid(CORP), 7);
		// A kind's rule beats the asset's.
		set_fee(FeeScope::Kind(AccountKind::Corporate), 3, 0, 0, None);
		assert_eq!(fee_paid(CORP), 3);
		assert_eq!(fee_paid(CHARLIE), 7);
		// An account's rule beats its kind's.
		set_fee(FeeScope::Account(CORP), 1, 0, 0, None);
		assert_eq!(fee_paid(CORP), 1);
		// Removing it falls back to the kind's.
		assert_ok!(Tokens::set_fee(signed(FEES), ASSET, FeeScope::Account(CORP), None));
		assert_eq!(
			last_event(),
			Event::FeeRuleSet { asset: ASSET, scope: FeeScope::Account(CORP), rule: None }
		);
		assert_eq!(fee_paid(CORP), 3);
	});
}

#[test]
fn set_fee_refusals() {
	test(|| {
		let rule = FeeRule { flat: 1, percent: Permill::zero(), min: 0, max: None };
		assert_noop!(
			Tokens::set_fee(signed(LIMITS), ASSET, FeeScope::Asset, Some(rule)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Tokens::set_fee(signed(FEES), 99, FeeScope::Asset, Some(rule)),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			Tokens::set_fee(
				signed(FEES),
				ASSET,
				FeeScope::Asset,
				Some(FeeRule { min: 10, max: Some(9), ..rule })
			),
			Error::<Test>::InvalidFeeRule
		);
		assert_noop!(
			Tokens::set_fee(signed(FEES), ASSET, FeeScope::Asset, None),
			Error::<Test>::NoSuchRule
		);
		assert_ok!(Tokens::set_fee(signed(FEES), ASSET, FeeScope::Asset, Some(rule)));
		assert_eq!(
			last_event(),
			Event::FeeRuleSet { asset: ASSET, scope: FeeScope::Asset, rule: Some(rule) }
		);
		assert_eq!(Rules::<Test>::get(ASSET).and_then(|rules| rules.fee), Some(rule));
	});
}
