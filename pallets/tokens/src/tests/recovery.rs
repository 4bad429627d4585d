use super::*;
use crate::{
	AccountRules, AccountWithdrawals, Event, FeeScope, LimitScope, Rules, Sent, Withdrawals,
};
use frame_support::assert_noop;

fn recover(lost: AccountId, new: AccountId) {
	assert_ok!(Registry::propose_recovery(signed(KYC), lost, new));
	assert_ok!(Registry::approve_recovery(signed(SECURITY), lost));
	System::set_block_number(20);
	assert_ok!(Registry::finish_recovery(signed(NEW), lost));
}

#[test]
fn a_recovery_moves_balances_withdrawals_and_usage() {
	test(|| {
		set_limits(LimitScope::Asset, None, Some(1_000), None);
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, BOB, 300));
		assert_ok!(Tokens::request_withdrawal(signed(ALICE), ASSET, 200, [1; 32]));
		recover(ALICE, NEW);
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Tokens(Event::Recovered {
				asset: ASSET,
				lost: ALICE,
				new: NEW,
				amount: START - 500
			})));
		assert_eq!((balance(ALICE), balance(NEW)), (0, START - 500));
		assert_eq!(Withdrawals::<Test>::get(0).unwrap().who, NEW);
		assert_eq!(AccountWithdrawals::<Test>::get(NEW).into_inner(), vec![0]);
		assert!(AccountWithdrawals::<Test>::get(ALICE).is_empty());
		assert!(Sent::<Test>::get(ASSET, ALICE).is_none());
		// The day's 500 still count for the new account.
		assert_noop!(
			Tokens::transfer(signed(NEW), ASSET, BOB, 501),
			crate::Error::<Test>::OverDailyLimit
		);
		assert_ok!(Tokens::transfer(signed(NEW), ASSET, BOB, 500));
		// A rejected withdrawal pays the new account.
		assert_ok!(Tokens::reject_withdrawal(signed(TRADE), 0, [0; 32]));
		assert_eq!(balance(NEW), START - 1_000 + 200);
	});
}

#[test]
fn a_frozen_balance_stays_and_the_failure_is_reported() {
	test(|| {
		assert_ok!(Tokens::set_frozen(signed(SECURITY), ASSET, Some(ALICE), true));
		recover(ALICE, NEW);
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Tokens(Event::RecoveryFailed {
				asset: ASSET,
				lost: ALICE,
				new: NEW
			})));
		assert_eq!(balance(ALICE), START);
	});
}

#[test]
fn withdrawals_move_as_far_as_the_new_account_has_room() {
	test(|| {
		// NEW was a participant once and still has a request open.
		assert_ok!(Registry::register(signed(NEW)));
		assert_ok!(Registry::verify_kyc(signed(KYC), NEW, 1, [2; 32].into(), 1_000));
		assert_ok!(Tokens::issue(signed(ISSUANCE), ASSET, NEW, 100));
		assert_ok!(Tokens::request_withdrawal(signed(NEW), ASSET, 50, [1; 32]));
		assert_ok!(Registry::revoke_verification(signed(KYC), NEW));
		assert_ok!(Registry::leave(signed(NEW)));
		assert_ok!(Tokens::request_withdrawal(signed(ALICE), ASSET, 10, [1; 32]));
		assert_ok!(Tokens::request_withdrawal(signed(ALICE), ASSET, 20, [1; 32]));
		recover(ALICE, NEW);
		// NEW had room for one of Alice's two (MAX_PENDING = 2); the other stays hers.
		assert_eq!(AccountWithdrawals::<Test>::get(NEW).into_inner(), vec![0, 1]);
		assert_eq!(AccountWithdrawals::<Test>::get(ALICE).into_inner(), vec![2]);
		assert_eq!(Withdrawals::<Test>::get(1).unwrap().who, NEW);
		assert_eq!(Withdrawals::<Test>::get(2).unwrap().who, ALICE);
	});
}

#[test]
fn a_recovery_moves_the_accounts_own_rules() {
	test(|| {
		set_limits(LimitScope::Account(ALICE), Some(50), None, None);
		set_fee(FeeScope::Account(ALICE), 3, 0, 0, None);
		recover(ALICE, NEW);
		assert_eq!(AccountRules::<Test>::get(ASSET, ALICE), None);
		let own = AccountRules::<Test>::get(ASSET, NEW).expect("the moved rules");
		assert_eq!(own.limits.and_then(|rule| rule.per_payment), Some(50));
		assert_eq!(own.fee.map(|rule| rule.flat), Some(3));
		assert_eq!(Rules::<Test>::get(ASSET).map(|rules| rules.accounts), Some(1));
		assert_noop!(
			Tokens::transfer(signed(NEW), ASSET, BOB, 51),
			crate::Error::<Test>::OverPaymentLimit
		);
	});
}

#[test]
fn a_new_account_with_rules_of_its_own_keeps_them() {
	test(|| {
		set_limits(LimitScope::Account(ALICE), Some(50), None, None);
		set_limits(LimitScope::Account(NEW), Some(70), None, None);
		recover(ALICE, NEW);
		assert_eq!(AccountRules::<Test>::get(ASSET, ALICE), None);
		let own = AccountRules::<Test>::get(ASSET, NEW).expect("its own rules");
		assert_eq!(own.limits.and_then(|rule| rule.per_payment), Some(70));
		assert_eq!(Rules::<Test>::get(ASSET).map(|rules| rules.accounts), Some(1));
	});
}
