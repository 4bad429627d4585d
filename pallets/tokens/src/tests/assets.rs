use super::*;
use crate::{Error, Event, HolderPolicy, TokenCount, Tokens as TokensStorage};
use frame_support::{assert_noop, traits::fungibles::metadata::Inspect as _};
use sp_runtime::{DispatchError, FixedU128};

fn create(asset: u32, min_balance: u64, collector: AccountId) -> sp_runtime::DispatchResult {
	Tokens::create_asset(
		signed(ISSUANCE),
		asset,
		min_balance,
		policy(),
		collector,
		FixedU128::from_u32(1),
	)
}

#[test]
fn an_issuance_admin_creates_an_asset_owned_by_the_pallet() {
	bare(|| {
		assert_ok!(create(ASSET, 5, COLLECTOR));
		assert_eq!(
			last_event(),
			Event::AssetCreated {
				asset: ASSET,
				by: ISSUANCE,
				min_balance: 5,
				policy: policy(),
				fee_collector: COLLECTOR,
				collateral_ratio: FixedU128::from_u32(1),
			}
		);
		let details = TokensStorage::<Test>::get(ASSET).unwrap();
		assert_eq!(
			(details.authorised, details.collateral, details.fee_collector),
			(0, 0, COLLECTOR)
		);
		assert_eq!(TokenCount::<Test>::get(), 1);
		let ledger = pallet_assets::Asset::<Test>::get(ASSET).unwrap();
		assert_eq!(
			(ledger.owner, ledger.freezer, ledger.min_balance),
			(Tokens::account(), Tokens::account(), 5)
		);
		assert!(ledger.is_sufficient);
	});
}

#[test]
fn create_asset_refusals() {
	bare(|| {
		assert_noop!(
			Tokens::create_asset(
				signed(ALICE),
				ASSET,
				1,
				policy(),
				COLLECTOR,
				FixedU128::from_u32(1)
			),
			DispatchError::BadOrigin
		);
		assert_noop!(create(ASSET, 0, COLLECTOR), Error::<Test>::ZeroAmount);
		assert_noop!(create(ASSET, 1, OUTSIDER), Error::<Test>::CollectorNotParticipant);
		assert_ok!(create(ASSET, 1, COLLECTOR));
		assert_noop!(create(ASSET, 1, COLLECTOR), Error::<Test>::AssetExists);
		for asset in 1..MAX_ASSETS {
			assert_ok!(create(ASSET + asset, 1, COLLECTOR));
		}
		assert_noop!(create(100, 1, COLLECTOR), Error::<Test>::TooManyAssets);
	});
}

#[test]
fn the_policy_decides_who_may_hold() {
	test(|| {
		let corporate_only =
			HolderPolicy {
				unverified: false,
				verified: false,
				corporate: true,
				min_kyc_level: 2,
				contract: true,
			};
		assert_ok!(Tokens::set_policy(signed(ISSUANCE), ASSET, corporate_only, CORP));
		assert_eq!(
			last_event(),
			Event::PolicySet { asset: ASSET, policy: corporate_only, fee_collector: CORP }
		);
		// Alice keeps her balance but can no longer send it.
		assert_noop!(
			Tokens::transfer(signed(ALICE), ASSET, CORP, 10),
			Error::<Test>::SenderKindNotAllowed
		);
		assert_ok!(Tokens::issue(signed(ISSUANCE), ASSET, CORP, 100));
		assert_noop!(
			Tokens::transfer(signed(CORP), ASSET, BOB, 10),
			Error::<Test>::RecipientKindNotAllowed
		);
	});
}

#[test]
fn set_policy_refusals() {
	test(|| {
		assert_noop!(
			Tokens::set_policy(signed(FEES), ASSET, policy(), COLLECTOR),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Tokens::set_policy(signed(ISSUANCE), 99, policy(), COLLECTOR),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			Tokens::set_policy(signed(ISSUANCE), ASSET, policy(), OUTSIDER),
			Error::<Test>::CollectorNotParticipant
		);
	});
}

#[test]
fn metadata_lives_in_pallet_assets() {
	test(|| {
		assert_ok!(Tokens::set_metadata(
			signed(ISSUANCE),
			ASSET,
			b"Tenge".to_vec(),
			b"KZT".to_vec(),
			2
		));
		assert_eq!(pallet_assets::Pallet::<Test>::name(ASSET), b"Tenge".to_vec());
		assert_eq!(pallet_assets::Pallet::<Test>::symbol(ASSET), b"KZT".to_vec());
		assert_eq!(pallet_assets::Pallet::<Test>::decimals(ASSET), 2);
		assert_noop!(
			Tokens::set_metadata(signed(ALICE), ASSET, b"X".to_vec(), b"X".to_vec(), 2),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Tokens::set_metadata(signed(ISSUANCE), 99, b"X".to_vec(), b"X".to_vec(), 2),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			Tokens::set_metadata(signed(ISSUANCE), ASSET, vec![b'x'; 17], b"X".to_vec(), 2),
			pallet_assets::Error::<Test>::BadMetadata
		);
	});
}

#[test]
fn a_security_admin_freezes_an_account_or_the_asset() {
	test(|| {
		assert_ok!(Tokens::set_frozen(signed(SECURITY), ASSET, Some(ALICE), true));
		assert_eq!(last_event(), Event::FrozenSet { asset: ASSET, who: Some(ALICE), frozen: true });
		assert_noop!(Tokens::transfer(signed(ALICE), ASSET, BOB, 10), Error::<Test>::Frozen);
		// A frozen account still receives.
		assert_ok!(Tokens::transfer(signed(BOB), ASSET, ALICE, 10));
		assert_ok!(Tokens::set_frozen(signed(SECURITY), ASSET, Some(ALICE), false));
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, BOB, 10));

		assert_ok!(Tokens::set_frozen(signed(SECURITY), ASSET, None, true));
		assert_noop!(Tokens::transfer(signed(BOB), ASSET, ALICE, 10), Error::<Test>::Frozen);
		assert_ok!(Tokens::set_frozen(signed(SECURITY), ASSET, None, false));
		assert_ok!(Tokens::transfer(signed(BOB), ASSET, ALICE, 10));
	});
}

#[test]
fn set_frozen_refusals() {
	test(|| {
		assert_noop!(
			Tokens::set_frozen(signed(ISSUANCE), ASSET, None, true),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Tokens::set_frozen(signed(SECURITY), 99, None, true),
			Error::<Test>::UnknownAsset
		);
		assert_noop!(
			Tokens::set_frozen(signed(SECURITY), ASSET, Some(OUTSIDER), true),
			pallet_assets::Error::<Test>::NoAccount
		);
	});
}
