//! Registry references (a content binds its creators, owner and right holders) and recoveries:
//! what the lost account holds moves to the new one, and records naming it act for the new one.

use crate::{mock::*, Credits, Error, HeldLicences, HeldRights, HoldReason, PaymentAsset, Right};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::InspectHold,
	weights::{Weight, WeightMeter},
};
use pactum_primitives::{OnParticipantRecovered, RecoveryProgress};
use sp_runtime::Permill;

/// The account recoveries move participants to.
const NEW: AccountId = 70;

fn references(who: AccountId) -> u32 {
	MockRegistry::references(&who)
}

fn held(reason: HoldReason, who: AccountId) -> u64 {
	Balances::balance_on_hold(&reason.into(), &who)
}

/// The registry's part of recovering `lost` to `NEW` (funded), then the content hook with room
/// for everything.
fn recover(lost: AccountId) {
	assert_ok!(Balances::transfer_allow_death(signed(OUTSIDER), NEW, 1_000));
	MockRegistry::recover(&lost, &NEW);
	let mut meter = WeightMeter::new();
	assert_eq!(Content::on_recovered(&lost, &NEW, &mut meter), RecoveryProgress::Done);
}

#[test]
fn a_content_binds_its_creators_owner_and_right_holders() {
	test(|| {
		let content = register();
		// The creator: creator, owner and holder of every standard right; the co-author: creator.
		assert_eq!((references(CREATOR), references(COAUTHOR)), (3, 1));
		assert_eq!(HeldRights::<Test>::get(CREATOR, content), 3);
		// A share of a right binds its new holder; giving the last share away frees the giver.
		let half = Permill::from_percent(50);
		assert_ok!(Content::transfer_right(signed(CREATOR), content, Right::Promotion, PROMOTER, half));
		assert_eq!(references(PROMOTER), 1);
		assert_ok!(Content::transfer_right(signed(PROMOTER), content, Right::Promotion, BUYER, half));
		assert_eq!((references(PROMOTER), references(BUYER)), (0, 1));
		assert_eq!(HeldRights::<Test>::get(PROMOTER, content), 0);
		assert_ok!(Content::add_right(signed(CREATOR), content, Right::Other(9)));
		assert_eq!(HeldRights::<Test>::get(CREATOR, content), 4);
		assert_eq!(references(CREATOR), 3);
		// Ownership moves its reference with the NFT.
		assert_ok!(Content::transfer_ownership(signed(CREATOR), content, BUYER2));
		assert_eq!((references(CREATOR), references(BUYER2)), (2, 1));
	});
}

#[test]
fn a_refused_registration_takes_no_reference() {
	test(|| {
		MockRegistry::ban(&COAUTHOR);
		assert_noop!(
			Content::register(
				signed(CREATOR),
				HASH,
				uri(),
				creators(&[(CREATOR, 75), (COAUTHOR, 25)]),
				royalties()
			),
			Error::<Test>::Banned
		);
		assert_eq!(references(CREATOR), 0);
	});
}

#[test]
fn recovery_moves_ownership_rights_licences_credits_and_deposits() {
	test(|| {
		let content = market();
		assert_ok!(Content::buy_licence(signed(BUYER), content, 0, None));
		let code = code(b"PROMO");
		assert_ok!(Content::register_referral(signed(PROMOTER), content, code.clone()));
		assert_ok!(Content::buy_licence(signed(BUYER2), content, 0, Some(code.clone())));
		let credits = Credits::<Test>::get((BUYER2, content, PaymentAsset::Native));
		assert!(credits > 0);

		// The creator (owner, creator) loses its key.
		recover(CREATOR);
		assert_eq!(Content::owner_of(content), Some(NEW));
		assert_eq!(held(HoldReason::Content, NEW), CONTENT_DEPOSIT);
		assert_eq!(held(HoldReason::Content, CREATOR), 0);
		// It had given both rights away but kept derivative works.
		assert_eq!(Content::share_of(content, Right::Derivative, &NEW), Permill::one());
		assert_eq!(HeldRights::<Test>::get(NEW, content), 1);
		assert!(!HeldRights::<Test>::contains_key(CREATOR, content));
		// The new owner acts; the lost key does not.
		assert_noop!(
			Content::authorise_gateway(signed(CREATOR), content, BUYER),
			Error::<Test>::NotOwner
		);
		assert_ok!(Content::authorise_gateway(signed(NEW), content, BUYER));

		// The promoter loses its key: its code still pays it, at the new account.
		recover_again(PROMOTER, 71);
		assert_eq!(Content::share_of(content, Right::Promotion, &71), Permill::one());
		assert_noop!(Content::remove_referral(signed(PROMOTER), code.clone()), Error::<Test>::NotPromoter);
		let before = free(71);
		assert_ok!(Content::buy_licence(signed(GATEWAY), content, 0, Some(code.clone())));
		assert_eq!(free(71), before + 100);
		assert_ok!(Content::remove_referral(signed(71), code));
		assert_eq!(held(HoldReason::Referral, 71), 0);

		// The buyer with credits and a licence loses its key.
		recover_again(BUYER2, 72);
		assert_eq!(Credits::<Test>::get((72, content, PaymentAsset::Native)), credits);
		assert!(!Credits::<Test>::contains_key((BUYER2, content, PaymentAsset::Native)));
		assert!(Content::licence_view(&72, content).is_some_and(|l| l.valid));
		assert!(HeldLicences::<Test>::contains_key(72, content));
		assert_eq!(held(HoldReason::Licence, 72), LICENCE_DEPOSIT);
		// The gateway meters the licence under the new account.
		assert_ok!(Content::record_access(signed(GATEWAY), content, 72));
	});
}

/// Like `recover`, to another new account.
fn recover_again(lost: AccountId, new: AccountId) {
	assert_ok!(Balances::transfer_allow_death(signed(OUTSIDER), new, 1_000));
	MockRegistry::recover(&lost, &new);
	let mut meter = WeightMeter::new();
	assert_eq!(Content::on_recovered(&lost, &new, &mut meter), RecoveryProgress::Done);
}

#[test]
fn recovery_is_metered_step_by_step() {
	test(|| {
		let content = register();
		assert_ok!(Balances::transfer_allow_death(signed(OUTSIDER), NEW, 1_000));
		MockRegistry::recover(&CREATOR, &NEW);
		// Nothing fits: nothing moves.
		let mut empty = WeightMeter::with_limit(Weight::zero());
		assert_eq!(
			Content::on_recovered(&CREATOR, &NEW, &mut empty),
			RecoveryProgress::Incomplete
		);
		assert_eq!(Content::owner_of(content), Some(CREATOR));
		// Deposits, the NFT, the rights: three steps, at least one per call.
		let step = <Content as OnParticipantRecovered<_>>::max_step();
		let mut calls = 0;
		loop {
			calls += 1;
			let mut meter = WeightMeter::with_limit(step);
			if Content::on_recovered(&CREATOR, &NEW, &mut meter) == RecoveryProgress::Done {
				break;
			}
			assert!(calls < 3, "more calls than steps");
		}
		assert!(calls > 1);
		assert_eq!(Content::owner_of(content), Some(NEW));
		assert_eq!(HeldRights::<Test>::get(NEW, content), 3);
	});
}
