//! Licence terms, purchases, metered access, resale, clearing and credits.

use crate::{mock::*, Credits, Error, Event, HoldReason, Licences, Offers, PaymentAsset, Right};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::Permill;

fn held(who: AccountId, reason: HoldReason) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::Content(reason), &who)
}

fn buy(who: AccountId, content: u32) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Content::buy_licence(signed(who), content, 0, None)
}

#[test]
fn a_distributor_publishes_and_withdraws_terms() {
	test(|| {
		let content = market();
		assert_eq!(Offers::<Test>::get(content, 0).map(|o| o.terms), Some(terms()));
		assert_eq!(held(DISTRIBUTOR, HoldReason::Terms), TERMS_DEPOSIT);
		assert_ok!(Content::publish_terms(signed(DISTRIBUTOR), content, terms()));
		assert!(events().contains(&Event::TermsPublished {
			content,
			terms_id: 1,
			publisher: DISTRIBUTOR,
			terms: terms()
		}));
		assert_ok!(Content::withdraw_terms(signed(DISTRIBUTOR), content, 0));
		assert!(Offers::<Test>::get(content, 0).is_none());
		assert_eq!(held(DISTRIBUTOR, HoldReason::Terms), TERMS_DEPOSIT);
		assert!(events().contains(&Event::TermsWithdrawn { content, terms_id: 0 }));
		// Withdrawn terms sell nothing.
		assert_noop!(buy(BUYER, content), Error::<Test>::UnknownTerms);
	});
}

#[test]
fn publish_terms_refusals() {
	test(|| {
		let content = market();
		let publish = |who, t| Content::publish_terms(signed(who), content, t);
		assert_noop!(publish(BUYER, terms()), Error::<Test>::NotRightHolder);
		assert_noop!(publish(OUTSIDER, terms()), Error::<Test>::NotParticipant);
		assert_noop!(
			Content::publish_terms(signed(DISTRIBUTOR), content + 1, terms()),
			Error::<Test>::UnknownContent
		);
		for bad in [
			crate::LicenceTerms { max_accesses: Some(0), ..terms() },
			crate::LicenceTerms { duration: Some(0), ..terms() },
			crate::LicenceTerms { credit_price: Some(0), ..terms() },
		] {
			assert_noop!(publish(DISTRIBUTOR, bad), Error::<Test>::InvalidTerms);
		}
		let in_tokens = crate::LicenceTerms { asset: PaymentAsset::Token(ASSET), ..terms() };
		assert_noop!(publish(DISTRIBUTOR, in_tokens), Error::<Test>::UnknownAsset);
		// MAX_TERMS is 2: market() published one.
		assert_ok!(publish(DISTRIBUTOR, terms()));
		assert_noop!(publish(DISTRIBUTOR, terms()), Error::<Test>::TooManyTerms);
		assert_noop!(
			Content::withdraw_terms(signed(CREATOR), content, 0),
			Error::<Test>::NotPublisher
		);
		assert_noop!(
			Content::withdraw_terms(signed(DISTRIBUTOR), content, 9),
			Error::<Test>::UnknownTerms
		);
	});
}

#[test]
fn a_buyer_pays_the_split_and_gets_a_metered_licence() {
	test(|| {
		let content = market();
		let before = [CREATOR, COAUTHOR, DISTRIBUTOR, PROMOTER, BUYER].map(free);
		assert_ok!(buy(BUYER, content));
		// First sale of 1,000: creators 600 (75 / 25), owner 100 (the creator), distributors
		// 200, promoters 100 (the promotion right's holder).
		let after = [CREATOR, COAUTHOR, DISTRIBUTOR, PROMOTER, BUYER].map(free);
		assert_eq!(after[0] - before[0], 550);
		assert_eq!(after[1] - before[1], 150);
		assert_eq!(after[2] - before[2], 200);
		assert_eq!(after[3] - before[3], 100);
		assert_eq!(before[4] - after[4], 1_000 + LICENCE_DEPOSIT);
		assert_eq!(held(BUYER, HoldReason::Licence), LICENCE_DEPOSIT);
		let view = Content::licence_view(&BUYER, content).expect("licensed");
		assert!(view.valid);
		assert_eq!((view.accesses_left, view.expires_at), (Some(3), Some(101)));
		assert!(events().contains(&Event::LicencePurchased {
			content,
			terms_id: 0,
			buyer: BUYER,
			price: 1_000,
			asset: PaymentAsset::Native,
			referral: None,
			max_accesses: Some(3),
			expires_at: Some(101),
		}));
		// Metered to exhaustion by the authorised gateway.
		for left in [2, 1, 0] {
			assert_ok!(Content::record_access(signed(GATEWAY), content, BUYER));
			assert_eq!(
				Content::licence_view(&BUYER, content).and_then(|v| v.accesses_left),
				Some(left)
			);
		}
		assert!(events().contains(&Event::AccessRecorded {
			content,
			holder: BUYER,
			gateway: GATEWAY,
			accesses: 3,
			accesses_left: Some(0)
		}));
		assert_noop!(
			Content::record_access(signed(GATEWAY), content, BUYER),
			Error::<Test>::NoAccessesLeft
		);
		assert_eq!(Content::licence_view(&BUYER, content).map(|v| v.valid), Some(false));
		// A spent licence does not stop a new purchase, which replaces it.
		assert_ok!(buy(BUYER, content));
		assert_eq!(held(BUYER, HoldReason::Licence), LICENCE_DEPOSIT);
		assert_eq!(Content::licence_view(&BUYER, content).and_then(|v| v.accesses_left), Some(3));
	});
}

#[test]
fn buy_licence_refusals() {
	test(|| {
		let content = market();
		assert_noop!(buy(OUTSIDER, content), Error::<Test>::NotParticipant);
		assert_noop!(buy(BUYER, content + 1), Error::<Test>::UnknownContent);
		assert_noop!(
			Content::buy_licence(signed(BUYER), content, 5, None),
			Error::<Test>::UnknownTerms
		);
		assert_ok!(buy(BUYER, content));
		assert_noop!(buy(BUYER, content), Error::<Test>::AlreadyLicensed);
		// The publisher gave its distribution right away: its terms no longer sell.
		assert_ok!(Content::transfer_right(
			signed(DISTRIBUTOR),
			content,
			Right::Distribution,
			CREATOR,
			Permill::one()
		));
		assert_noop!(buy(BUYER2, content), Error::<Test>::PublisherNotDistributor);
	});
}

#[test]
fn record_access_refusals_and_expiry() {
	test(|| {
		let content = market();
		assert_noop!(
			Content::record_access(signed(GATEWAY), content, BUYER),
			Error::<Test>::NoLicence
		);
		assert_ok!(buy(BUYER, content));
		assert_noop!(
			Content::record_access(signed(BUYER2), content, BUYER),
			Error::<Test>::UnauthorisedGateway
		);
		assert_ok!(Content::record_access(signed(GATEWAY), content, BUYER));
		// Valid up to block 100; from block 101 on it has expired.
		System::set_block_number(100);
		assert_ok!(Content::record_access(signed(GATEWAY), content, BUYER));
		System::set_block_number(101);
		assert_noop!(
			Content::record_access(signed(GATEWAY), content, BUYER),
			Error::<Test>::LicenceExpired
		);
		assert_ok!(Content::revoke_gateway(signed(CREATOR), content, GATEWAY));
		assert_noop!(
			Content::record_access(signed(GATEWAY), content, BUYER),
			Error::<Test>::UnauthorisedGateway
		);
	});
}

#[test]
fn spent_or_expired_licences_are_cleared_by_anyone() {
	test(|| {
		let content = market();
		assert_ok!(buy(BUYER, content));
		assert_noop!(
			Content::clear_licence(signed(OUTSIDER), content, BUYER),
			Error::<Test>::LicenceStillValid
		);
		System::set_block_number(101);
		let before = free(BUYER);
		assert_ok!(Content::clear_licence(signed(OUTSIDER), content, BUYER));
		assert_eq!(free(BUYER), before + LICENCE_DEPOSIT);
		assert!(Licences::<Test>::get(content, BUYER).is_none());
		assert!(events().contains(&Event::LicenceCleared { content, holder: BUYER }));
		assert_noop!(
			Content::clear_licence(signed(OUTSIDER), content, BUYER),
			Error::<Test>::NoLicence
		);
	});
}

#[test]
fn a_transferable_licence_is_resold_with_royalties() {
	test(|| {
		let content = market();
		assert_ok!(buy(BUYER, content));
		assert_ok!(Content::record_access(signed(GATEWAY), content, BUYER));
		assert_ok!(Content::offer_licence(signed(BUYER), content, Some(500)));
		assert!(events().contains(&Event::LicenceOffered {
			content,
			holder: BUYER,
			ask: Some(500)
		}));
		let payees = [CREATOR, COAUTHOR, DISTRIBUTOR, PROMOTER, BUYER, BUYER2];
		let before = payees.map(free);
		assert_ok!(Content::buy_resale(signed(BUYER2), content, BUYER, 500));
		let after = payees.map(free);
		// Royalty 20 % of 500 = 100, split by the later table: creators 50 (75 / 25: 37 and 12,
		// the remainder 1 to the first creator), owner 30 (the creator), distributors 10,
		// promoters 10. The seller keeps 400 and gets its deposit back.
		assert_eq!(after[0] - before[0], 38 + 30);
		assert_eq!(after[1] - before[1], 12);
		assert_eq!(after[2] - before[2], 10);
		assert_eq!(after[3] - before[3], 10);
		assert_eq!(after[4] - before[4], 400 + LICENCE_DEPOSIT);
		assert_eq!(before[5] - after[5], 500 + LICENCE_DEPOSIT);
		assert!(events().contains(&Event::LicenceResold {
			content,
			from: BUYER,
			to: BUYER2,
			price: 500,
			royalty: 100
		}));
		// The licence moved as it was: one access used, same expiry, no longer offered.
		assert!(Licences::<Test>::get(content, BUYER).is_none());
		let view = Content::licence_view(&BUYER2, content).expect("moved");
		assert_eq!((view.accesses_left, view.expires_at, view.ask), (Some(2), Some(101), None));
		assert_eq!(held(BUYER2, HoldReason::Licence), LICENCE_DEPOSIT);
	});
}

#[test]
fn resale_refusals() {
	test(|| {
		let content = market();
		assert_noop!(
			Content::offer_licence(signed(BUYER), content, Some(500)),
			Error::<Test>::NoLicence
		);
		assert_ok!(buy(BUYER, content));
		assert_noop!(
			Content::offer_licence(signed(BUYER), content, Some(0)),
			Error::<Test>::ZeroAmount
		);
		let resale = |who, max| Content::buy_resale(signed(who), content, BUYER, max);
		assert_noop!(resale(BUYER2, 500), Error::<Test>::NotForSale);
		assert_ok!(Content::offer_licence(signed(BUYER), content, Some(500)));
		assert_noop!(resale(BUYER, 500), Error::<Test>::SameAccount);
		assert_noop!(resale(OUTSIDER, 500), Error::<Test>::NotParticipant);
		assert_noop!(resale(BUYER2, 499), Error::<Test>::PriceAboveLimit);
		assert_noop!(
			Content::buy_resale(signed(BUYER2), content, CREATOR, 500),
			Error::<Test>::NoLicence
		);
		assert_ok!(buy(BUYER2, content));
		assert_noop!(resale(BUYER2, 500), Error::<Test>::AlreadyLicensed);
		System::set_block_number(101);
		assert_noop!(resale(PROMOTER, 500), Error::<Test>::LicenceExpired);
		assert_noop!(
			Content::offer_licence(signed(BUYER), content, Some(400)),
			Error::<Test>::LicenceExpired
		);
		// An offer can always be withdrawn.
		assert_ok!(Content::offer_licence(signed(BUYER), content, None));
	});
}

#[test]
fn a_licence_on_non_transferable_terms_cannot_be_offered() {
	test(|| {
		let content = market();
		let fixed = crate::LicenceTerms { transferable: false, ..terms() };
		assert_ok!(Content::publish_terms(signed(DISTRIBUTOR), content, fixed));
		assert_ok!(Content::buy_licence(signed(BUYER), content, 1, None));
		assert_noop!(
			Content::offer_licence(signed(BUYER), content, Some(500)),
			Error::<Test>::NotTransferable
		);
	});
}

#[test]
fn credits_earned_through_a_referral_buy_a_licence() {
	test(|| {
		let content = market();
		let code = code(b"SPRING");
		assert_ok!(Content::register_referral(signed(PROMOTER), content, code.clone()));
		assert_ok!(Content::buy_licence(signed(BUYER), content, 0, Some(code)));
		// 5 % of 1,000, on this content.
		assert_eq!(Credits::<Test>::get((BUYER, content, PaymentAsset::Native)), 50);
		assert!(events().contains(&Event::CreditsAwarded {
			who: BUYER,
			content,
			asset: PaymentAsset::Native,
			amount: 50,
			balance: 50
		}));
		let by_credits = crate::LicenceTerms { credit_price: Some(40), ..terms() };
		assert_ok!(Content::publish_terms(signed(DISTRIBUTOR), content, by_credits));
		assert_noop!(
			Content::buy_licence_with_credits(signed(BUYER), content, 1),
			Error::<Test>::AlreadyLicensed
		);
		System::set_block_number(101);
		let before = [DISTRIBUTOR, CREATOR].map(free);
		assert_ok!(Content::buy_licence_with_credits(signed(BUYER), content, 1));
		// Credits are spent, nothing is paid out.
		assert_eq!([DISTRIBUTOR, CREATOR].map(free), before);
		assert_eq!(Credits::<Test>::get((BUYER, content, PaymentAsset::Native)), 10);
		assert!(Content::licence_view(&BUYER, content).is_some_and(|v| v.valid));
		assert!(events().contains(&Event::LicencePurchasedWithCredits {
			content,
			terms_id: 1,
			buyer: BUYER,
			credits: 40,
			asset: PaymentAsset::Native,
			max_accesses: Some(3),
			expires_at: Some(201),
		}));
	});
}

#[test]
fn buy_with_credits_refusals() {
	test(|| {
		let content = market();
		let no_credits = crate::LicenceTerms { credit_price: None, ..terms() };
		assert_ok!(Content::publish_terms(signed(DISTRIBUTOR), content, no_credits));
		assert_noop!(
			Content::buy_licence_with_credits(signed(BUYER), content, 1),
			Error::<Test>::CreditsNotAccepted
		);
		assert_noop!(
			Content::buy_licence_with_credits(signed(BUYER), content, 0),
			Error::<Test>::InsufficientCredits
		);
		assert_noop!(
			Content::buy_licence_with_credits(signed(OUTSIDER), content, 0),
			Error::<Test>::NotParticipant
		);
	});
}

/// Finding 6: an owner holding every right of its content buys through its own referral code
/// from a second account. The whole price comes back to it and the credits stay; they must not
/// buy a licence of someone else's content.
#[test]
fn self_dealt_credits_do_not_buy_another_content() {
	test(|| {
		// The victim: content 0, whose distributor's terms accept 500 credits.
		let victim = market();
		// The self-dealer: the co-author registers content 1 as its only creator, and so holds
		// the NFT and every right; it sells licences at 10,000 and promotes them itself.
		const SELF_DEALER: AccountId = COAUTHOR;
		const SECOND_ACCOUNT: AccountId = BUYER2;
		let own = crate::NextContent::<Test>::get();
		assert_ok!(Content::register(
			signed(SELF_DEALER),
			[0x5E; 32],
			uri(),
			creators(&[(SELF_DEALER, 100)]),
			royalties()
		));
		let dear = crate::LicenceTerms { price: 10_000, credit_price: None, ..terms() };
		assert_ok!(Content::publish_terms(signed(SELF_DEALER), own, dear));
		assert_ok!(Content::register_referral(signed(SELF_DEALER), own, code(b"SELF")));
		// Its second account buys through its own code: the whole price comes back to it.
		let before = free(SELF_DEALER) + free(SECOND_ACCOUNT);
		assert_ok!(Content::buy_licence(signed(SECOND_ACCOUNT), own, 0, Some(code(b"SELF"))));
		assert_eq!(free(SELF_DEALER) + free(SECOND_ACCOUNT), before - LICENCE_DEPOSIT);
		// And the credits stay: 5 % of 10,000.
		assert!(events()
			.iter()
			.any(|e| matches!(e, Event::CreditsAwarded { who: SECOND_ACCOUNT, amount: 500, .. })));
		// They do not buy a licence of another content.
		assert_noop!(
			Content::buy_licence_with_credits(signed(SECOND_ACCOUNT), victim, 0),
			Error::<Test>::InsufficientCredits
		);
		assert!(Content::licence_view(&SECOND_ACCOUNT, victim).is_none());
		// They are kept on the content they were earned on, and buy only its licences: a
		// discount the self-dealer could have given itself anyway.
		assert_eq!(Credits::<Test>::get((SECOND_ACCOUNT, victim, PaymentAsset::Native)), 0);
		assert_eq!(Credits::<Test>::get((SECOND_ACCOUNT, own, PaymentAsset::Native)), 500);
		assert_ok!(Content::publish_terms(signed(SELF_DEALER), own, terms()));
		System::set_block_number(101);
		assert_ok!(Content::buy_licence_with_credits(signed(SECOND_ACCOUNT), own, 1));
		assert!(!Credits::<Test>::contains_key((SECOND_ACCOUNT, own, PaymentAsset::Native)));
		assert!(Content::licence_view(&SECOND_ACCOUNT, own).is_some_and(|l| l.valid));
	});
}
