use super::*;
use crate::{Error, Event, LimitRule, LimitScope, Sent};
use frame_support::assert_noop;
use pactum_primitives::AccountKind;
use sp_runtime::DispatchError;

fn send(from: AccountId, amount: u64) -> sp_runtime::DispatchResult {
	Tokens::transfer(signed(from), ASSET, BOB, amount).map(|_| ()).map_err(|e| e.error)
}

#[test]
fn a_payment_above_the_per_payment_limit_is_refused() {
	test(|| {
		set_limits(LimitScope::Asset, Some(100), None, None);
		assert_noop!(send(ALICE, 101), Error::<Test>::OverPaymentLimit);
		assert_ok!(send(ALICE, 100));
	});
}

#[test]
fn the_daily_limit_counts_the_day_and_resets_the_next() {
	test(|| {
		set_limits(LimitScope::Asset, None, Some(300), None);
		assert_ok!(send(ALICE, 200));
		assert_ok!(send(ALICE, 100));
		assert_noop!(send(ALICE, 1), Error::<Test>::OverDailyLimit);
		let used = Sent::<Test>::get(ASSET, ALICE).unwrap();
		assert_eq!(used.day_total, 300);
		// Other senders have their own totals.
		assert_ok!(Tokens::transfer(signed(BOB), ASSET, ALICE, 300));
		Timestamp::set_timestamp(NOON + DAY / 2);
		assert_ok!(send(ALICE, 300));
	});
}

#[test]
fn the_monthly_limit_counts_the_calendar_month() {
	test(|| {
		// 2026-11-25 noon: six days are left in November.
		set_limits(LimitScope::Asset, None, None, Some(500));
		assert_ok!(send(ALICE, 400));
		Timestamp::set_timestamp(NOON + 5 * DAY);
		assert_ok!(send(ALICE, 100));
		assert_noop!(send(ALICE, 1), Error::<Test>::OverMonthlyLimit);
		// December 1st.
		Timestamp::set_timestamp(NOON + 6 * DAY);
		assert_ok!(send(ALICE, 500));
	});
}

#[test]
fn the_most_specific_limit_rule_wins() {
	test(|| {
		assert_ok!(Tokens::issue(signed(ISSUANCE), ASSET, CORP, START));
		assert_ok!(Tokens::issue(signed(ISSUANCE), ASSET, CHARLIE, START));
		set_limits(LimitScope::Asset, Some(10), None, None);
		assert_noop!(send(CHARLIE, 11), Error::<Test>::OverPaymentLimit);
		// Charlie is at KYC level 1.
		set_limits(LimitScope::KycLevel(1), Some(20), None, None);
		assert_ok!(send(CHARLIE, 20));
		assert_noop!(send(CHARLIE, 21), Error::<Test>::OverPaymentLimit);
		// The asset's rule still applies at level 2.
		assert_noop!(send(ALICE, 11), Error::<Test>::OverPaymentLimit);
		// A kind's rule beats a level's.
		set_limits(LimitScope::Kind(AccountKind::Verified), Some(30), None, None);
		assert_ok!(send(CHARLIE, 30));
		assert_ok!(send(ALICE, 30));
		assert_noop!(send(CHARLIE, 31), Error::<Test>::OverPaymentLimit);
		// Corporate accounts are of another kind, at level 2: the asset's rule.
		assert_noop!(send(CORP, 11), Error::<Test>::OverPaymentLimit);
		// An account's rule beats everything.
		set_limits(LimitScope::Account(CHARLIE), Some(40), None, None);
		assert_ok!(send(CHARLIE, 40));
		assert_noop!(send(CHARLIE, 41), Error::<Test>::OverPaymentLimit);
		assert_noop!(send(ALICE, 31), Error::<Test>::OverPaymentLimit);
	});
}

#[test]
fn a_rule_without_a_limit_lets_the_payment_through() {
	test(|| {
		set_limits(LimitScope::Asset, Some(10), None, None);
		set_limits(LimitScope::Account(ALICE), None, None, None);
		assert_ok!(send(ALICE, START));
	});
}

#[test]
fn set_limits_refusals() {
	test(|| {
		let rule = LimitRule { per_payment: Some(1), per_day: None, per_month: None };
		assert_noop!(
			Tokens::set_limits(signed(FEES), ASSET, LimitScope::Asset, Some(rule)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Tokens::set_limits(signed(LIMITS), 99, LimitScope::Asset, Some(rule)),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			Tokens::set_limits(signed(LIMITS), ASSET, LimitScope::KycLevel(2), None),
			Error::<Test>::NoSuchRule
		);
		assert_ok!(Tokens::set_limits(signed(LIMITS), ASSET, LimitScope::KycLevel(2), Some(rule)));
		assert_eq!(
			last_event(),
			Event::LimitRuleSet { asset: ASSET, scope: LimitScope::KycLevel(2), rule: Some(rule) }
		);
		assert_ok!(Tokens::set_limits(signed(LIMITS), ASSET, LimitScope::KycLevel(2), None));
		assert_ok!(send(ALICE, 2));
	});
}
