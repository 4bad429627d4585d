//! How the fee and limit rules are kept: an asset's in one item, each account's own in another
//! that the asset's counts; limit rules for at most `MAX_KYC_LEVEL_RULES` KYC levels; and the
//! migration from one item per scope.

use super::*;
use crate::{
	kind_slot, migrations::v2, AccountRules, Error, FeeRule, FeeScope, LimitRule, LimitScope,
	OwnRules, Rules, MAX_KYC_LEVEL_RULES,
};
use frame_support::{
	assert_noop,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};
use pactum_primitives::AccountKind;
use sp_runtime::Permill;

fn fee(flat: u64) -> FeeRule<u64> {
	FeeRule { flat, percent: Permill::zero(), min: 0, max: None }
}

fn limit(per_payment: u64) -> LimitRule<u64> {
	LimitRule { per_payment: Some(per_payment), per_day: None, per_month: None }
}

fn accounts_with_own_rules() -> u32 {
	Rules::<Test>::get(ASSET).expect("the asset's rules").accounts
}

#[test]
fn an_assets_rules_are_one_item_that_counts_the_accounts_with_their_own() {
	test(|| {
		assert_eq!(Rules::<Test>::get(ASSET), None);
		set_fee(FeeScope::Asset, 5, 0, 0, None);
		set_fee(FeeScope::Kind(AccountKind::Corporate), 3, 0, 0, None);
		set_limits(LimitScope::KycLevel(2), Some(50), None, None);
		set_fee(FeeScope::Account(CORP), 1, 0, 0, None);
		set_limits(LimitScope::Account(CORP), Some(40), None, None);
		set_limits(LimitScope::Account(ALICE), Some(30), None, None);
		let rules = Rules::<Test>::get(ASSET).expect("the asset's rules");
		assert_eq!(rules.fee, Some(fee(5)));
		assert_eq!(rules.fee_by_kind[kind_slot(AccountKind::Corporate)], Some(fee(3)));
		assert_eq!(rules.limits_by_kyc_level.to_vec(), vec![(2, limit(50))]);
		assert_eq!(rules.accounts, 2);
		assert_eq!(
			AccountRules::<Test>::get(ASSET, CORP),
			Some(OwnRules { fee: Some(fee(1)), limits: Some(limit(40)) })
		);
		// Corp keeps a limit rule of its own without its fee rule: still counted once.
		assert_ok!(Tokens::set_fee(signed(FEES), ASSET, FeeScope::Account(CORP), None));
		assert_eq!(accounts_with_own_rules(), 2);
		assert_ok!(Tokens::set_limits(signed(LIMITS), ASSET, LimitScope::Account(CORP), None));
		assert_eq!(AccountRules::<Test>::get(ASSET, CORP), None);
		assert_eq!(accounts_with_own_rules(), 1);
		// Once no rule is left, neither is the item.
		assert_ok!(Tokens::set_limits(signed(LIMITS), ASSET, LimitScope::Account(ALICE), None));
		assert_ok!(Tokens::set_fee(signed(FEES), ASSET, FeeScope::Asset, None));
		let corporate = FeeScope::Kind(AccountKind::Corporate);
		assert_ok!(Tokens::set_fee(signed(FEES), ASSET, corporate, None));
		assert_ok!(Tokens::set_limits(signed(LIMITS), ASSET, LimitScope::KycLevel(2), None));
		assert_eq!(Rules::<Test>::get(ASSET), None);
	});
}

#[test]
fn a_scope_without_a_rule_has_none_to_remove() {
	test(|| {
		set_fee(FeeScope::Account(CORP), 1, 0, 0, None);
		assert_noop!(
			Tokens::set_limits(signed(LIMITS), ASSET, LimitScope::Account(CORP), None),
			Error::<Test>::NoSuchRule
		);
		assert_noop!(
			Tokens::set_fee(signed(FEES), ASSET, FeeScope::Account(ALICE), None),
			Error::<Test>::NoSuchRule
		);
		let verified = LimitScope::Kind(AccountKind::Verified);
		assert_noop!(
			Tokens::set_limits(signed(LIMITS), ASSET, verified, None),
			Error::<Test>::NoSuchRule
		);
	});
}

#[test]
fn an_asset_has_limit_rules_for_at_most_max_kyc_level_rules_levels() {
	test(|| {
		// Set from the highest level down: the rules stay sorted by level.
		for level in (0..MAX_KYC_LEVEL_RULES as u8).rev() {
			set_limits(LimitScope::KycLevel(level), Some(100 + level as u64), None, None);
		}
		let rules = Rules::<Test>::get(ASSET).expect("the asset's rules");
		let levels: Vec<u8> = rules.limits_by_kyc_level.iter().map(|(level, _)| *level).collect();
		assert_eq!(levels, (0..MAX_KYC_LEVEL_RULES as u8).collect::<Vec<_>>());
		let next = LimitScope::KycLevel(MAX_KYC_LEVEL_RULES as u8);
		assert_noop!(
			Tokens::set_limits(signed(LIMITS), ASSET, next.clone(), Some(limit(1))),
			Error::<Test>::TooManyKycLevelRules
		);
		// A level with a rule may change it, and a place set free may be taken.
		set_limits(LimitScope::KycLevel(0), Some(7), None, None);
		assert_ok!(Tokens::set_limits(signed(LIMITS), ASSET, LimitScope::KycLevel(0), None));
		assert_ok!(Tokens::set_limits(signed(LIMITS), ASSET, next, Some(limit(1))));
	});
}

#[test]
fn migration_to_v2_moves_every_rule_to_its_asset_or_account() {
	test(|| {
		let fees = [
			(FeeScope::Asset, fee(5)),
			(FeeScope::Kind(AccountKind::Corporate), fee(3)),
			(FeeScope::Account(CORP), fee(1)),
		];
		let limits = [
			(LimitScope::Asset, limit(90)),
			(LimitScope::KycLevel(1), limit(50)),
			(LimitScope::Kind(AccountKind::Verified), limit(60)),
			(LimitScope::Account(CORP), limit(40)),
			(LimitScope::Account(ALICE), limit(30)),
		];
		for (scope, rule) in &fees {
			v2::Fees::<Test>::insert(ASSET, scope, rule);
		}
		for (scope, rule) in &limits {
			v2::Limits::<Test>::insert(ASSET, scope, rule);
		}
		StorageVersion::new(1).put::<Tokens>();

		v2::MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Tokens::on_chain_storage_version(), 2);
		assert_eq!(v2::Fees::<Test>::iter().count(), 0);
		assert_eq!(v2::Limits::<Test>::iter().count(), 0);
		assert_eq!(Tokens::rule_count(), 8);
		let rules = Rules::<Test>::get(ASSET).expect("the asset's rules");
		assert_eq!(rules.fee, Some(fee(5)));
		assert_eq!(rules.fee_by_kind[kind_slot(AccountKind::Corporate)], Some(fee(3)));
		assert_eq!(rules.limits, Some(limit(90)));
		assert_eq!(rules.limits_by_kind[kind_slot(AccountKind::Verified)], Some(limit(60)));
		assert_eq!(rules.limits_by_kyc_level.to_vec(), vec![(1, limit(50))]);
		assert_eq!(rules.accounts, 2);
		assert_eq!(
			AccountRules::<Test>::get(ASSET, CORP),
			Some(OwnRules { fee: Some(fee(1)), limits: Some(limit(40)) })
		);
		assert_eq!(
			AccountRules::<Test>::get(ASSET, ALICE),
			Some(OwnRules { fee: None, limits: Some(limit(30)) })
		);
		// Payments see the rules they saw: Corp's own fee, Alice's own limit.
		assert_eq!(Tokens::quote_transfer(ASSET, &CORP, &BOB, 100).fee, 1);
		let alice = Tokens::quote_transfer(ASSET, &ALICE, &BOB, 31);
		assert_eq!(alice.refusal.as_deref(), Some("OverPaymentLimit"));
		// Run again, it changes nothing.
		v2::MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Rules::<Test>::get(ASSET), Some(rules));
	});
}
