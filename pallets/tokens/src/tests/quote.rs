use super::*;
use crate::{FeeScope, LimitScope, RuleScope, TransferQuote};
use pactum_primitives::AccountKind;

fn refusal(quote: &TransferQuote<u64>) -> Option<&str> {
	quote.refusal.as_deref()
}

#[test]
fn a_quote_gives_fee_headroom_and_scopes() {
	test(|| {
		set_fee(FeeScope::Kind(AccountKind::Verified), 5, 1, 0, None);
		set_limits(LimitScope::KycLevel(2), None, Some(1_000), Some(3_000));
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, BOB, 400));
		let quote = Tokens::quote_transfer(ASSET, &ALICE, &BOB, 100);
		assert_eq!(
			quote,
			TransferQuote {
				fee: 6,
				fee_scope: Some(RuleScope::Kind),
				limit_scope: Some(RuleScope::KycLevel),
				refusal: None,
				daily_remaining: Some(600),
				monthly_remaining: Some(2_600),
			}
		);
		// The quoted fee is the one the transfer charges.
		let before = balance(ALICE);
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, BOB, 100));
		assert_eq!(before - balance(ALICE), 100 + quote.fee);
	});
}

#[test]
fn a_quote_names_the_rule_that_would_refuse() {
	test(|| {
		set_limits(LimitScope::Asset, Some(500), Some(800), None);
		let over_day = Tokens::quote_transfer(ASSET, &ALICE, &BOB, 500);
		assert_eq!(refusal(&over_day), None);
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, BOB, 500));
		let quote = Tokens::quote_transfer(ASSET, &ALICE, &BOB, 301);
		assert_eq!(refusal(&quote), Some("OverDailyLimit"));
		assert_eq!((quote.daily_remaining, quote.limit_scope), (Some(300), Some(RuleScope::Asset)));
		// The transfer fails with the same error.
		assert_eq!(
			Tokens::transfer(signed(ALICE), ASSET, BOB, 301),
			Err(crate::Error::<Test>::OverDailyLimit.into())
		);
		assert_eq!(
			refusal(&Tokens::quote_transfer(ASSET, &ALICE, &BOB, 501)),
			Some("OverPaymentLimit")
		);
		assert_eq!(
			refusal(&Tokens::quote_transfer(ASSET, &ALICE, &OUTSIDER, 1)),
			Some("RecipientNotParticipant")
		);
		assert_eq!(refusal(&Tokens::quote_transfer(99, &ALICE, &BOB, 1)), Some("UnknownAsset"));
		assert_eq!(
			refusal(&Tokens::quote_transfer(ASSET, &CHARLIE, &BOB, 1)),
			Some("InsufficientBalance")
		);
	});
}
