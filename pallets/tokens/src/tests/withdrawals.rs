use super::*;
use crate::{AccountWithdrawals, Error, Event, FeeScope, LimitScope, Sent, Withdrawals};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

const PAYOUT: [u8; 32] = [0xB0; 32];

fn request(amount: u64) -> sp_runtime::DispatchResult {
	Tokens::request_withdrawal(signed(ALICE), ASSET, amount, PAYOUT)
}

#[test]
fn a_requested_withdrawal_waits_in_escrow_and_a_confirmation_burns_it() {
	test(|| {
		set_fee(FeeScope::Asset, 10, 0, 0, None);
		assert_ok!(request(1_000));
		assert_eq!(
			last_event(),
			Event::WithdrawalRequested {
				id: 0,
				asset: ASSET,
				who: ALICE,
				amount: 1_000,
				fee: 10,
				payout: PAYOUT
			}
		);
		assert_eq!(balance(ALICE), START - 1_010);
		assert_eq!(balance(Tokens::account()), FLOOR + 1_010);
		assert_eq!(AccountWithdrawals::<Test>::get(ALICE).into_inner(), vec![0]);
		assert_eq!(Tokens::asset_view(ASSET).unwrap().details.pending_withdrawals, 1_010);

		assert_ok!(Tokens::confirm_withdrawal(signed(TRADE), 0));
		assert_eq!(last_event(), Event::WithdrawalConfirmed { id: 0, by: TRADE });
		assert_eq!(balance(Tokens::account()), FLOOR);
		assert_eq!(balance(COLLECTOR), 10);
		assert_eq!(Tokens::issued(ASSET), 2 * START - 1_000);
		assert!(Withdrawals::<Test>::get(0).is_none());
		assert!(AccountWithdrawals::<Test>::get(ALICE).is_empty());
	});
}

#[test]
fn a_rejected_withdrawal_gives_back_the_funds_and_the_limit() {
	test(|| {
		set_fee(FeeScope::Asset, 10, 0, 0, None);
		set_limits(LimitScope::Asset, None, Some(1_000), None);
		assert_ok!(request(1_000));
		assert_noop!(request(1), Error::<Test>::OverDailyLimit);
		assert_ok!(Tokens::reject_withdrawal(signed(TRADE), 0, [9; 32]));
		assert_eq!(last_event(), Event::WithdrawalRejected { id: 0, by: TRADE, reason: [9; 32] });
		assert_eq!(balance(ALICE), START);
		assert_eq!(balance(COLLECTOR), 0);
		assert_eq!(Sent::<Test>::get(ASSET, ALICE).unwrap().day_total, 0);
		assert_ok!(request(1_000));
	});
}

#[test]
fn a_rejection_on_a_later_day_leaves_that_days_total_alone() {
	test(|| {
		set_limits(LimitScope::Asset, None, Some(1_000), Some(5_000));
		assert_ok!(request(600));
		Timestamp::set_timestamp(NOON + DAY);
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, BOB, 400));
		assert_ok!(Tokens::reject_withdrawal(signed(TRADE), 0, [9; 32]));
		let used = Sent::<Test>::get(ASSET, ALICE).unwrap();
		// Today's 400 stay; the month no longer counts the 600.
		assert_eq!((used.day_total, used.month_total), (400, 400));
	});
}

#[test]
fn request_withdrawal_refusals() {
	test(|| {
		assert_noop!(
			Tokens::request_withdrawal(signed(OUTSIDER), ASSET, 1, PAYOUT),
			Error::<Test>::SenderNotParticipant
		);
		assert_noop!(
			Tokens::request_withdrawal(signed(ALICE), 99, 1, PAYOUT),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(request(0), Error::<Test>::ZeroAmount);
		assert_noop!(request(START + 1), Error::<Test>::InsufficientBalance);
		set_limits(LimitScope::Asset, Some(100), None, None);
		assert_noop!(request(101), Error::<Test>::OverPaymentLimit);
		for _ in 0..MAX_PENDING {
			assert_ok!(request(1));
		}
		assert_noop!(request(1), Error::<Test>::TooManyWithdrawals);
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		assert_noop!(request(1), Error::<Test>::SenderBanned);
	});
}

#[test]
fn confirm_and_reject_refusals() {
	test(|| {
		assert_ok!(request(10));
		assert_noop!(Tokens::confirm_withdrawal(signed(ALICE), 0), DispatchError::BadOrigin);
		assert_noop!(
			Tokens::reject_withdrawal(signed(ALICE), 0, [0; 32]),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Tokens::confirm_withdrawal(signed(TRADE), 1),
			Error::<Test>::UnknownWithdrawal
		);
		assert_noop!(
			Tokens::reject_withdrawal(signed(TRADE), 1, [0; 32]),
			Error::<Test>::UnknownWithdrawal
		);
		assert_ok!(Tokens::confirm_withdrawal(signed(TRADE), 0));
		assert_noop!(
			Tokens::reject_withdrawal(signed(TRADE), 0, [0; 32]),
			Error::<Test>::UnknownWithdrawal
		);
	});
}
