use super::*;
use crate::{Deposits, Error, Event};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

const REF: [u8; 32] = [0xD1; 32];

#[test]
fn a_confirmed_deposit_mints_once_per_reference() {
	test(|| {
		assert_ok!(Tokens::confirm_deposit(signed(TRADE), ASSET, CHARLIE, 700, REF));
		assert_eq!(
			last_event(),
			Event::DepositConfirmed {
				asset: ASSET,
				to: CHARLIE,
				amount: 700,
				reference: REF,
				by: TRADE
			}
		);
		assert_eq!(balance(CHARLIE), 700);
		assert_eq!(Tokens::issued(ASSET), 2 * START + 700);
		let record = Deposits::<Test>::get(REF).unwrap();
		assert_eq!(
			(record.asset, record.to, record.amount, record.confirmed_by),
			(ASSET, CHARLIE, 700, TRADE)
		);
		assert_noop!(
			Tokens::confirm_deposit(signed(TRADE), ASSET, ALICE, 700, REF),
			Error::<Test>::DuplicateDepositReference
		);
	});
}

#[test]
fn confirm_deposit_refusals() {
	test(|| {
		assert_noop!(
			Tokens::confirm_deposit(signed(ISSUANCE), ASSET, CHARLIE, 1, REF),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Tokens::confirm_deposit(signed(TRADE), 99, CHARLIE, 1, REF),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			Tokens::confirm_deposit(signed(TRADE), ASSET, CHARLIE, 0, REF),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Tokens::confirm_deposit(signed(TRADE), ASSET, DAVE, 1, REF),
			Error::<Test>::RecipientKindNotAllowed
		);
		assert_noop!(
			Tokens::confirm_deposit(signed(TRADE), ASSET, CHARLIE, SUPPLY, REF),
			Error::<Test>::OverAuthorisedSupply
		);
	});
}
