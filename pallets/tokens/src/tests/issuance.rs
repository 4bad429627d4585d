use super::*;
use crate::{Collateral, Error, Event, Tokens as TokensStorage};
use frame_support::assert_noop;
use sp_runtime::{DispatchError, FixedU128};

fn details() -> crate::AssetDetails<AccountId, u64> {
	TokensStorage::<Test>::get(ASSET).unwrap()
}

#[test]
fn issuance_stays_within_authorised_and_collateralised_supply() {
	test(|| {
		assert_eq!(Tokens::issued(ASSET), 2 * START);
		let headroom = SUPPLY - 2 * START;
		assert_eq!(Tokens::asset_view(ASSET).unwrap().issuable, headroom);
		assert_noop!(
			Tokens::issue(signed(ISSUANCE), ASSET, CHARLIE, headroom + 1),
			Error::<Test>::OverAuthorisedSupply
		);
		// Authorising more is not enough: the collateral must cover it too.
		assert_ok!(Tokens::set_authorised_supply(signed(ISSUANCE), ASSET, 2 * SUPPLY));
		assert_noop!(
			Tokens::issue(signed(ISSUANCE), ASSET, CHARLIE, headroom + 1),
			Error::<Test>::Undercollateralised
		);
		assert_ok!(Tokens::issue(signed(ISSUANCE), ASSET, CHARLIE, headroom));
		assert_eq!(
			last_event(),
			Event::Issued { asset: ASSET, to: CHARLIE, amount: headroom, by: ISSUANCE }
		);
		assert_eq!(balance(CHARLIE), headroom);
		assert_eq!(Tokens::issued(ASSET), SUPPLY);
		assert_eq!(Tokens::asset_view(ASSET).unwrap().issuable, 0);
	});
}

#[test]
fn issue_refusals() {
	test(|| {
		assert_noop!(Tokens::issue(signed(TRADE), ASSET, ALICE, 1), DispatchError::BadOrigin);
		assert_noop!(Tokens::issue(signed(ISSUANCE), 99, ALICE, 1), Error::<Test>::UnknownAsset);
		assert_noop!(Tokens::issue(signed(ISSUANCE), ASSET, ALICE, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Tokens::issue(signed(ISSUANCE), ASSET, OUTSIDER, 1),
			Error::<Test>::RecipientNotParticipant
		);
		assert_noop!(
			Tokens::issue(signed(ISSUANCE), ASSET, DAVE, 1),
			Error::<Test>::RecipientKindNotAllowed
		);
		assert_ok!(Registry::ban(signed(SECURITY), BOB, 1, None));
		assert_noop!(
			Tokens::issue(signed(ISSUANCE), ASSET, BOB, 1),
			Error::<Test>::RecipientBanned
		);
		assert_ok!(Tokens::set_policy(
			signed(ISSUANCE),
			ASSET,
			crate::HolderPolicy { min_kyc_level: 2, ..policy() },
			COLLECTOR
		));
		assert_noop!(
			Tokens::issue(signed(ISSUANCE), ASSET, CHARLIE, 1),
			Error::<Test>::RecipientKycTooLow
		);
	});
}

#[test]
fn the_authorised_supply_never_goes_below_the_issued() {
	test(|| {
		assert_ok!(Tokens::set_authorised_supply(signed(ISSUANCE), ASSET, 2 * START));
		assert_eq!(
			last_event(),
			Event::AuthorisedSupplySet { asset: ASSET, authorised: 2 * START, by: ISSUANCE }
		);
		assert_eq!(details().authorised, 2 * START);
		assert_noop!(
			Tokens::set_authorised_supply(signed(ISSUANCE), ASSET, 2 * START - 1),
			Error::<Test>::BelowIssued
		);
		assert_noop!(
			Tokens::set_authorised_supply(signed(ALICE), ASSET, SUPPLY),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Tokens::set_authorised_supply(signed(ISSUANCE), 99, SUPPLY),
			Error::<Test>::UnknownAsset
		);
	});
}

#[test]
fn collateral_is_recorded_with_its_evidence_and_released_while_covered() {
	test(|| {
		assert_ok!(Tokens::add_collateral(signed(ISSUANCE), ASSET, 500, [7; 32]));
		assert_eq!(
			last_event(),
			Event::CollateralAdded {
				asset: ASSET,
				id: 1,
				amount: 500,
				evidence: [7; 32],
				total: SUPPLY + 500
			}
		);
		let record = Collateral::<Test>::get(ASSET, 1).unwrap();
		assert_eq!((record.amount, record.evidence, record.added_by), (500, [7; 32], ISSUANCE));
		assert_ok!(Tokens::release_collateral(signed(ISSUANCE), ASSET, 1));
		assert_eq!(
			last_event(),
			Event::CollateralReleased { asset: ASSET, id: 1, amount: 500, total: SUPPLY }
		);
		assert!(Collateral::<Test>::get(ASSET, 1).is_none());
		// The first record backs the 20 000 issued: releasing it would leave them uncovered.
		assert_noop!(
			Tokens::release_collateral(signed(ISSUANCE), ASSET, 0),
			Error::<Test>::Undercollateralised
		);
	});
}

#[test]
fn collateral_refusals() {
	test(|| {
		assert_noop!(
			Tokens::add_collateral(signed(ALICE), ASSET, 1, [0; 32]),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Tokens::add_collateral(signed(ISSUANCE), 99, 1, [0; 32]),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			Tokens::add_collateral(signed(ISSUANCE), ASSET, 0, [0; 32]),
			Error::<Test>::ZeroAmount
		);
		for _ in 1..MAX_COLLATERAL {
			assert_ok!(Tokens::add_collateral(signed(ISSUANCE), ASSET, 1, [0; 32]));
		}
		assert_noop!(
			Tokens::add_collateral(signed(ISSUANCE), ASSET, 1, [0; 32]),
			Error::<Test>::TooManyCollateralRecords
		);
		assert_noop!(
			Tokens::release_collateral(signed(ISSUANCE), ASSET, 9),
			Error::<Test>::UnknownCollateral
		);
		assert_noop!(Tokens::release_collateral(signed(ALICE), ASSET, 0), DispatchError::BadOrigin);
	});
}

#[test]
fn the_collateral_ratio_scales_what_may_be_issued() {
	test(|| {
		// Half a unit of supply per unit of collateral still covers the 20 000 issued.
		let half = FixedU128::from_rational(1, 2);
		assert_ok!(Tokens::set_collateral_ratio(signed(ISSUANCE), ASSET, half));
		assert_eq!(last_event(), Event::CollateralRatioSet { asset: ASSET, ratio: half });
		assert_eq!(Tokens::asset_view(ASSET).unwrap().issuable, SUPPLY / 2 - 2 * START);
		assert_noop!(
			Tokens::set_collateral_ratio(signed(ISSUANCE), ASSET, FixedU128::from_rational(1, 100)),
			Error::<Test>::Undercollateralised
		);
		assert_noop!(
			Tokens::set_collateral_ratio(signed(ALICE), ASSET, half),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Tokens::set_collateral_ratio(signed(ISSUANCE), 99, half),
			Error::<Test>::UnknownAsset
		);
	});
}
