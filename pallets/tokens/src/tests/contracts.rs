//! Contracts registered as participants hold and send an asset where its policy admits
//! contracts, at their registrar's KYC level; and the migration that gave policies that flag.

use super::*;
use crate::{migrations::v1, Error, HolderPolicy, Tokens as TokensStorage};
use frame_support::{
	assert_noop,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};
use pactum_primitives::{
	mock::MockContracts, ContractParticipants, ParticipantRegistry, RegulatedLedger,
	RegulatedTransfer, TransferQuote,
};

fn admit_contracts(min_kyc_level: u8) {
	assert_ok!(Tokens::set_policy(
		signed(ISSUANCE),
		ASSET,
		HolderPolicy { contract: true, min_kyc_level, ..policy() },
		COLLECTOR
	));
}

#[test]
fn a_contract_holds_and_sends_only_where_the_policy_admits_contracts() {
	test(|| {
		assert_ok!(Registry::register_contract(&VAULT, &ALICE, VAULT_CODE));
		assert_noop!(
			Tokens::transfer(signed(ALICE), ASSET, VAULT, 100),
			Error::<Test>::RecipientKindNotAllowed
		);
		admit_contracts(1);
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, VAULT, 100));
		// The contract sends under every rule, as any sender.
		assert_ok!(<Tokens as RegulatedTransfer<AccountId>>::transfer(ASSET, &VAULT, &BOB, 40));
		assert_eq!((balance(VAULT), balance(BOB)), (60, START + 40));
	});
}

#[test]
fn a_payment_to_a_contract_is_weighed_for_the_contracts_standing() {
	use crate::WeightInfo;
	let standing = <Test as crate::Config>::Registry::standing_weight();
	test(|| {
		admit_contracts(1);
		assert_ok!(Registry::register_contract(&VAULT, &ALICE, VAULT_CODE));
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, VAULT, 100));
		let to_contract = Tokens::transfer(signed(ALICE), ASSET, VAULT, 100).unwrap();
		assert_eq!(
			to_contract.actual_weight,
			Some(<() as WeightInfo>::transfer_to_holders().saturating_add(standing))
		);
		// One leg of two to the contract: one contract's standing.
		let batch = Tokens::transfer_many(
			signed(ALICE),
			ASSET,
			vec![(VAULT, 1), (BOB, 1)].try_into().unwrap(),
		)
		.unwrap();
		assert_eq!(
			batch.actual_weight,
			Some(<() as WeightInfo>::transfer_many_to_holders(2).saturating_add(standing))
		);
	});
}

#[test]
fn a_contract_has_its_registrars_kyc_level() {
	test(|| {
		admit_contracts(2);
		// Charlie is verified at level 1 only.
		assert_ok!(Registry::register_contract(&VAULT, &CHARLIE, VAULT_CODE));
		assert_noop!(
			Tokens::transfer(signed(ALICE), ASSET, VAULT, 100),
			Error::<Test>::RecipientKycTooLow
		);
		assert_ok!(Registry::leave_contract(&VAULT));
		assert_ok!(Registry::register_contract(&VAULT, &ALICE, VAULT_CODE));
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, VAULT, 100));
	});
}

#[test]
fn a_contract_running_other_code_is_no_holder() {
	test(|| {
		admit_contracts(1);
		assert_ok!(Registry::register_contract(&VAULT, &ALICE, VAULT_CODE));
		assert_ok!(Tokens::transfer(signed(ALICE), ASSET, VAULT, 100));
		MockContracts::deploy(&VAULT, sp_core::H256::repeat_byte(0x01));
		assert_noop!(
			Tokens::transfer(signed(ALICE), ASSET, VAULT, 100),
			Error::<Test>::RecipientNotParticipant
		);
		assert_noop!(
			<Tokens as RegulatedTransfer<AccountId>>::transfer(ASSET, &VAULT, &BOB, 40),
			Error::<Test>::SenderNotParticipant
		);
	});
}

#[test]
fn the_ledger_reads_balances_and_quotes_what_the_transfer_would_do() {
	test(|| {
		set_fee(crate::FeeScope::Asset, 5, 0, 0, None);
		assert_eq!(<Tokens as RegulatedLedger<AccountId>>::balance(ASSET, &ALICE), START);
		assert_eq!(<Tokens as RegulatedLedger<AccountId>>::balance(99, &ALICE), 0);
		assert_eq!(
			Tokens::quote(ASSET, &ALICE, &BOB, 100),
			TransferQuote { fee: 5, refusal: None, daily_remaining: None, monthly_remaining: None }
		);
		// A refusal the assessment finds, and one that stops it.
		assert_eq!(
			Tokens::quote(ASSET, &ALICE, &BOB, START).refusal,
			Some(Error::<Test>::InsufficientBalance.into())
		);
		assert_eq!(
			Tokens::quote(ASSET, &ALICE, &OUTSIDER, 100),
			TransferQuote {
				fee: 0,
				refusal: Some(Error::<Test>::RecipientNotParticipant.into()),
				daily_remaining: None,
				monthly_remaining: None
			}
		);
	});
}

#[test]
fn migration_to_v1_keeps_every_asset_and_admits_no_contract() {
	test(|| {
		let now = TokensStorage::<Test>::get(ASSET).unwrap();
		let old = v1::AssetDetailsV0 {
			policy: v1::PolicyV0 {
				unverified: now.policy.unverified,
				verified: now.policy.verified,
				corporate: now.policy.corporate,
				min_kyc_level: now.policy.min_kyc_level,
			},
			fee_collector: now.fee_collector,
			authorised: now.authorised,
			collateral: now.collateral,
			collateral_ratio: now.collateral_ratio,
			collateral_records: now.collateral_records,
			next_collateral: now.next_collateral,
			pending_withdrawals: now.pending_withdrawals,
		};
		frame_support::storage::unhashed::put(&TokensStorage::<Test>::hashed_key_for(ASSET), &old);
		StorageVersion::new(0).put::<Tokens>();

		v1::MigrateToV1::<Test>::on_runtime_upgrade();
		let migrated = TokensStorage::<Test>::get(ASSET).expect("decodes as version 1");
		assert_eq!(migrated, crate::AssetDetails {
			policy: HolderPolicy { contract: false, ..now.policy },
			..now
		});
		assert_eq!(Tokens::on_chain_storage_version(), 1);
		// Run again, it changes nothing.
		v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(TokensStorage::<Test>::get(ASSET), Some(migrated));
	});
}
