//! How payments are split: the rounding rule, referral codes, tips, the owner's part after a
//! transfer, and prices in a regulated tokens asset.

use crate::{
	mock::*,
	split::{split, Payees},
	Error, Event, PaymentAsset, Referrals, Right, RoleShares,
};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Permill;

fn pct(p: u32) -> Permill {
	Permill::from_percent(p)
}

#[test]
fn legs_add_up_exactly_and_rounding_goes_to_the_first_creator() {
	let creators = [(1u64, pct(75)), (2, pct(25))];
	let distributors = [(3u64, Permill::from_parts(333_333)), (4, Permill::from_parts(666_667))];
	let promoters = [(5u64, Permill::one())];
	let payees = Payees {
		creators: &creators,
		owner: &6,
		distributors: &distributors,
		promoters: &promoters,
	};
	let table = royalties().first_sale;
	for amount in [0u64, 1, 7, 999, 1_001, 123_457, u64::MAX / 3] {
		let legs = split(amount, &table, &payees);
		assert_eq!(legs.iter().map(|(_, v)| *v as u128).sum::<u128>(), amount as u128, "{amount}");
	}
	// 1,001: creators 600 (450 + 150), owner 100, distributors 200 (66 + 133), promoters 100;
	// 1,001 - 999 = 2 left over, to creator 1.
	let legs = split(1_001u64, &table, &payees);
	assert_eq!(legs, vec![(1, 452), (2, 150), (6, 100), (3, 66), (4, 133), (5, 100)]);
	// An account in several roles gets one merged leg.
	let payees =
		Payees { creators: &creators, owner: &1, distributors: &promoters, promoters: &promoters };
	assert_eq!(split(1_000u64, &table, &payees), vec![(1, 550), (2, 150), (5, 300)]);
}

#[test]
fn a_referral_pays_the_promoters_part_to_its_promoter() {
	test(|| {
		let content = market();
		// Split the promotion right 50 / 50 between the promoter and buyer 2.
		assert_ok!(Content::transfer_right(
			signed(PROMOTER),
			content,
			Right::Promotion,
			BUYER2,
			pct(50)
		));
		let before = [PROMOTER, BUYER2].map(free);
		assert_ok!(Content::buy_licence(signed(BUYER), content, 0, None));
		// Without a code the promotion right's holders share the 100.
		assert_eq!([PROMOTER, BUYER2].map(free), [before[0] + 50, before[1] + 50]);
		let code = code(b"PROMO");
		assert_ok!(Content::register_referral(signed(PROMOTER), content, code.clone()));
		let before = [PROMOTER, BUYER2].map(free);
		assert_ok!(Content::buy_licence(signed(GATEWAY), content, 0, Some(code.clone())));
		// With the code the promoter gets all of it.
		assert_eq!([PROMOTER, BUYER2].map(free), [before[0] + 100, before[1]]);
		assert!(events().iter().any(|e| matches!(
			e,
			Event::LicencePurchased { buyer: GATEWAY, referral: Some(c), .. } if *c == code
		)));
	});
}

#[test]
fn referral_refusals() {
	test(|| {
		let content = market();
		let other = {
			assert_ok!(Content::register(
				signed(BUYER2),
				[2; 32],
				uri(),
				creators(&[(BUYER2, 100)]),
				royalties()
			));
			content + 1
		};
		let code = code(b"PROMO");
		assert_noop!(
			Content::register_referral(signed(BUYER), content, code.clone()),
			Error::<Test>::NotPromoter
		);
		assert_noop!(
			Content::register_referral(signed(PROMOTER), content + 2, code.clone()),
			Error::<Test>::UnknownContent
		);
		assert_noop!(
			Content::register_referral(signed(OUTSIDER), content, code.clone()),
			Error::<Test>::NotParticipant
		);
		assert_ok!(Content::register_referral(signed(PROMOTER), content, code.clone()));
		assert_eq!(Referrals::<Test>::get(&code).map(|r| r.promoter), Some(PROMOTER));
		assert!(events().contains(&Event::ReferralRegistered {
			code: code.clone(),
			content,
			promoter: PROMOTER
		}));
		assert_noop!(
			Content::register_referral(signed(BUYER2), other, code.clone()),
			Error::<Test>::ReferralExists
		);
		let buy = |who, c: &[u8]| {
			Content::buy_licence(signed(who), content, 0, Some(crate::mock::code(c)))
		};
		assert_noop!(buy(BUYER, b"NOPE"), Error::<Test>::UnknownReferral);
		assert_noop!(buy(PROMOTER, b"PROMO"), Error::<Test>::OwnReferral);
		assert_ok!(Content::register_referral(signed(BUYER2), other, crate::mock::code(b"OTHER")));
		assert_noop!(buy(BUYER, b"OTHER"), Error::<Test>::ReferralForOtherContent);
		// The promoter gave its promotion right away: its code no longer pays it.
		assert_ok!(Content::transfer_right(
			signed(PROMOTER),
			content,
			Right::Promotion,
			CREATOR,
			Permill::one()
		));
		assert_noop!(buy(BUYER, b"PROMO"), Error::<Test>::NotPromoter);
		assert_noop!(
			Content::remove_referral(signed(BUYER), code.clone()),
			Error::<Test>::NotPromoter
		);
		let before = free(PROMOTER);
		assert_ok!(Content::remove_referral(signed(PROMOTER), code.clone()));
		assert_eq!(free(PROMOTER), before + REFERRAL_DEPOSIT);
		assert!(events().contains(&Event::ReferralRemoved { code: code.clone() }));
		assert_noop!(
			Content::remove_referral(signed(PROMOTER), code),
			Error::<Test>::UnknownReferral
		);
	});
}

#[test]
fn tips_are_split_by_the_later_table_and_the_owner_part_follows_the_nft() {
	test(|| {
		let content = market();
		assert_ok!(Content::transfer_ownership(signed(CREATOR), content, BUYER2));
		let payees = [CREATOR, COAUTHOR, BUYER2, DISTRIBUTOR, PROMOTER];
		let before = payees.map(free);
		assert_ok!(Content::tip(signed(BUYER), content, PaymentAsset::Native, 1_000));
		let gained: Vec<u64> = payees.map(free).iter().zip(before).map(|(a, b)| a - b).collect();
		// Later table: creators 500 (375 / 125), owner 300 (now buyer 2), 100, 100.
		assert_eq!(gained, vec![375, 125, 300, 100, 100]);
		assert!(events().contains(&Event::Tipped {
			content,
			from: BUYER,
			asset: PaymentAsset::Native,
			amount: 1_000
		}));
		assert!(events().contains(&Event::PaymentSplit {
			content,
			payer: BUYER,
			asset: PaymentAsset::Native,
			amount: 1_000,
			legs: vec![
				(CREATOR, 375),
				(COAUTHOR, 125),
				(BUYER2, 300),
				(DISTRIBUTOR, 100),
				(PROMOTER, 100)
			],
		}));
	});
}

#[test]
fn tip_refusals() {
	test(|| {
		let content = market();
		let tip = |who, c, asset, amount| Content::tip(signed(who), c, asset, amount);
		assert_noop!(tip(BUYER, content, PaymentAsset::Native, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			tip(OUTSIDER, content, PaymentAsset::Native, 10),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			tip(BUYER, content, PaymentAsset::Token(ASSET), 10),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			tip(BUYER, content + 1, PaymentAsset::Native, 10),
			Error::<Test>::UnknownContent
		);
		// More than the tipper has (it must stay alive).
		assert_noop!(
			tip(BUYER, content, PaymentAsset::Native, FUNDS),
			sp_runtime::TokenError::NotExpendable
		);
	});
}

#[test]
fn a_token_price_pays_every_leg_as_a_regulated_transfer() {
	test(|| {
		token_asset();
		let content = market();
		let in_tokens = crate::LicenceTerms { asset: PaymentAsset::Token(ASSET), ..terms() };
		assert_ok!(Content::publish_terms(signed(DISTRIBUTOR), content, in_tokens));
		assert_ok!(Content::buy_licence(signed(BUYER), content, 1, None));
		// Legs as in native currency; each pays the asset's 1 % fee to its collector.
		assert_eq!([CREATOR, COAUTHOR, DISTRIBUTOR, PROMOTER].map(tokens), [550, 150, 200, 100]);
		assert_eq!(tokens(COLLECTOR), 6 + 2 + 2 + 1);
		assert_eq!(tokens(BUYER), 100_000 - 1_000 - 11);
		assert_eq!(Content::licence_view(&BUYER, content).map(|v| v.valid), Some(true));
	});
}

#[test]
fn a_recovered_creator_is_paid_at_its_new_account() {
	test(|| {
		const NEW: AccountId = 77;
		token_asset();
		let content = market();
		let in_tokens = crate::LicenceTerms { asset: PaymentAsset::Token(ASSET), ..terms() };
		assert_ok!(Content::publish_terms(signed(DISTRIBUTOR), content, in_tokens));
		// The co-author's key was lost: the registry moved it to `NEW`, which is paid in its
		// place (the lost account is no participant and could not receive the asset).
		MockRegistry::recover(&COAUTHOR, &NEW);
		assert_ok!(Content::buy_licence(signed(BUYER), content, 1, None));
		assert_eq!([tokens(COAUTHOR), tokens(NEW)], [0, 150]);
		assert!(events().iter().any(|e| matches!(
			e,
			Event::PaymentSplit { legs, .. } if legs.contains(&(NEW, 150))
		)));
	});
}

#[test]
fn a_leg_to_a_banned_payee_is_held_for_it() {
	test(|| {
		token_asset();
		let content = market();
		let in_tokens = crate::LicenceTerms { asset: PaymentAsset::Token(ASSET), ..terms() };
		assert_ok!(Content::publish_terms(signed(DISTRIBUTOR), content, in_tokens));
		// A banned promoter cannot receive the asset; the sale goes through and its leg waits
		// for it in the ledger (this change used to refuse the whole purchase).
		MockRegistry::ban(&PROMOTER);
		assert_ok!(Content::buy_licence(signed(BUYER), content, 1, None));
		assert_eq!([CREATOR, COAUTHOR, DISTRIBUTOR, PROMOTER].map(tokens), [550, 150, 200, 0]);
		assert_eq!(MockLedger::<u64>::held_for(ASSET, &PROMOTER), 100);
		// The buyer paid the whole price and every leg's fee, the held one's too.
		assert_eq!(tokens(BUYER), 100_000 - 1_000 - 11);
		assert_eq!(Content::licence_view(&BUYER, content).map(|v| v.valid), Some(true));
	});
}

#[test]
fn a_token_payment_is_refused_by_the_assets_rules() {
	test(|| {
		token_asset();
		let content = market();
		let in_tokens = crate::LicenceTerms { asset: PaymentAsset::Token(ASSET), ..terms() };
		assert_ok!(Content::publish_terms(signed(DISTRIBUTOR), content, in_tokens));
		// Buyer 2 holds none of the asset: the sender's side of the rules refuses.
		assert_noop!(
			Content::buy_licence(signed(BUYER2), content, 1, None),
			sp_runtime::DispatchError::Other("InsufficientBalance")
		);
		assert_eq!(tokens(CREATOR), 0);
	});
}

#[test]
fn royalty_tables_must_be_whole() {
	let whole = royalties().first_sale;
	assert!(whole.is_whole());
	assert!(!RoleShares { creators: pct(61), ..whole }.is_whole());
}
