//! Refusals the feature files leave out: deactivated DIDs, banned callers, unknown ids, expired
//! requests, deposits that cannot be paid, and what a recovery's pending step must not break.

use super::*;
use crate::{DenialReason, DidOf, Error, RevocationReason};
use codec::MaxEncodedLen;
use frame_support::{assert_noop, assert_ok, weights::WeightMeter};
use pactum_primitives::{OnParticipantRecovered, RecoveryProgress};

/// Enough for a DID and `more`.
fn fund_poor(more: u64) {
	let did = crate::Pallet::<Test>::deposit_for(1, DidOf::<Test>::max_encoded_len());
	assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), POOR, did + more));
}

#[test]
fn did_and_issue_refusals() {
	test(|| {
		let schema = setup();
		assert_noop!(
			Attestations::deactivate_did(signed(BOB), ALICE),
			Error::<Test>::NotController
		);
		let issue = |holder| {
			Attestations::issue(signed(ISP), Subject::Account(holder), schema, claims(1), None)
		};
		assert_ok!(Attestations::deactivate_did(signed(BOB), BOB));
		assert_noop!(issue(BOB), Error::<Test>::DidDeactivated);
		MockRegistry::ban(&ISP);
		assert_noop!(issue(ALICE), Error::<Test>::Banned);
		MockRegistry::unban(&ISP);
		assert_ok!(Attestations::deactivate_did(signed(ISP), ISP));
		assert_noop!(issue(ALICE), Error::<Test>::DidDeactivated);
	});
}

#[test]
fn unknown_attestations_and_holders() {
	test(|| {
		let schema = setup();
		assert_noop!(Attestations::renew(signed(ISP), 9, None), Error::<Test>::UnknownAttestation);
		assert_noop!(
			Attestations::revoke(signed(ISP), 9, RevocationReason::Fraud),
			Error::<Test>::UnknownAttestation
		);
		assert_noop!(Attestations::remove(signed(ISP), 9), Error::<Test>::UnknownAttestation);
		assert_noop!(
			Attestations::present(signed(ALICE), 9, ISP, [0; 32]),
			Error::<Test>::UnknownAttestation
		);
		let id = attest(ALICE, schema, None);
		MockRegistry::ban(&ALICE);
		assert_noop!(Attestations::present(signed(ALICE), id, ISP, [0; 32]), Error::<Test>::Banned);
		MockRegistry::unban(&ALICE);
		// A device's attestation has no holder to present it.
		assert_ok!(Attestations::register_device(signed(OEM), [3; 32], b"lock".to_vec()));
		let devices = device_schema();
		assert_ok!(Attestations::issue(
			signed(CAROL),
			Subject::Device([3; 32]),
			devices,
			claims(1),
			None
		));
		let device = crate::NextAttestationId::<Test>::get() - 1;
		assert_noop!(
			Attestations::present(signed(OEM), device, ISP, [0; 32]),
			Error::<Test>::NotHolder
		);
	});
}

#[test]
fn a_banned_holder_does_not_accept() {
	test(|| {
		let schema = setup();
		assert_ok!(Attestations::issue(
			signed(ISP),
			Subject::Account(ALICE),
			schema,
			claims(1),
			None
		));
		MockRegistry::ban(&ALICE);
		assert_noop!(Attestations::accept(signed(ALICE), 0), Error::<Test>::Banned);
		// Declining stays open to it, as every way out does.
		assert_ok!(Attestations::decline(signed(ALICE), 0));
	});
}

#[test]
fn request_refusals() {
	test(|| {
		let schema = setup();
		// A holder whose DID cannot receive claims.
		assert_ok!(Attestations::create_did(signed(OEM), vec![signing_key(5)], vec![]));
		assert_noop!(
			Attestations::request(signed(OEM), ISP, schema, claims(1), vec![], vec![], 10),
			Error::<Test>::NoKeyAgreementKey
		);
		MockRegistry::admit(&POOR, 1, &[]);
		fund_poor(2);
		give_did(POOR);
		assert_noop!(
			Attestations::request(signed(POOR), ISP, schema, claims(1), vec![], vec![], 10),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Attestations::withdraw_request(signed(ALICE), 9),
			Error::<Test>::UnknownRequest
		);
	});
}

#[test]
fn preconditions_refusals() {
	test(|| {
		let schema = setup();
		let held = attest(ALICE, schema, None);
		let devices = device_schema();
		let ask = || {
			let id = crate::NextRequestId::<Test>::get();
			assert_ok!(Attestations::request(
				signed(ALICE),
				ISP,
				schema,
				claims(2),
				vec![],
				vec![],
				10
			));
			id
		};
		let request = ask();
		assert_noop!(
			Attestations::demand_preconditions(signed(ISP), request, vec![schema, schema]),
			Error::<Test>::DuplicatePrecondition
		);
		assert_noop!(
			Attestations::demand_preconditions(signed(ISP), request, vec![devices]),
			Error::<Test>::WrongSubjectKind
		);
		assert_ok!(Attestations::demand_preconditions(signed(ISP), request, vec![schema]));
		assert_noop!(
			Attestations::demand_preconditions(signed(ISP), request, vec![schema]),
			Error::<Test>::WrongRequestState
		);
		assert_noop!(
			Attestations::supply_preconditions(signed(ALICE), request, vec![77]),
			Error::<Test>::BadPrecondition
		);
		assert_noop!(
			Attestations::supply_preconditions(signed(ALICE), request, vec![held; 3]),
			Error::<Test>::TooManyPreconditions
		);
		run_to_block(11);
		assert_noop!(
			Attestations::supply_preconditions(signed(ALICE), request, vec![held]),
			Error::<Test>::RequestExpired
		);
		let second = ask();
		run_to_block(30);
		assert_noop!(
			Attestations::demand_preconditions(signed(ISP), second, vec![schema]),
			Error::<Test>::RequestExpired
		);
	});
}

#[test]
fn offer_refusals() {
	test(|| {
		let schema = setup();
		let held = attest(ALICE, schema, None);
		let request = crate::NextRequestId::<Test>::get();
		assert_ok!(Attestations::request(
			signed(ALICE),
			ISP,
			schema,
			claims(2),
			vec![held],
			vec![],
			10
		));
		let offer = || Attestations::offer(signed(ISP), request, claims(3), None);
		// What was presented was revoked since.
		assert_ok!(Attestations::revoke(signed(ISP), held, RevocationReason::Fraud));
		assert_noop!(offer(), Error::<Test>::BadPrecondition);
	});
}

#[test]
fn offer_refusals_for_keys_funds_schemas_and_expiry() {
	test(|| {
		let schema = setup();
		let ask = || {
			let id = crate::NextRequestId::<Test>::get();
			assert_ok!(Attestations::request(
				signed(ALICE),
				ISP,
				schema,
				claims(2),
				vec![],
				vec![],
				10
			));
			id
		};
		let request = ask();
		let offer = |request| Attestations::offer(signed(ISP), request, claims(3), Some(50));
		// The holder dropped its key-agreement key.
		assert_ok!(Attestations::remove_did_key(signed(ALICE), ALICE, 1));
		assert_noop!(offer(request), Error::<Test>::NoKeyAgreementKey);
		let (public, purposes) = encryption_key(150);
		assert_ok!(Attestations::add_did_key(signed(ALICE), ALICE, public, purposes));
		// The issuer's DID no longer asserts.
		assert_ok!(Attestations::add_did_key(
			signed(ISP),
			ISP,
			crate::PublicKey::Ed25519([60; 32]),
			crate::KeyPurposes(crate::KeyPurposes::AUTHENTICATION)
		));
		assert_ok!(Attestations::remove_did_key(signed(ISP), ISP, 0));
		assert_noop!(offer(request), Error::<Test>::NoAssertionKey);
		let (public, purposes) = signing_key(61);
		assert_ok!(Attestations::add_did_key(signed(ISP), ISP, public, purposes));
		// It cannot pay the attestation's deposit.
		let free = Balances::free_balance(ISP);
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), ISP, 2));
		assert_noop!(offer(request), Error::<Test>::InsufficientBalance);
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), ISP, free));
		// The request expired.
		run_to_block(11);
		assert_noop!(offer(request), Error::<Test>::RequestExpired);
		// The schema was retired.
		let later = ask();
		assert_ok!(Attestations::deprecate_schema(signed(ISP), schema));
		assert_noop!(offer(later), Error::<Test>::SchemaRetired);
	});
}

#[test]
fn an_offer_that_expired_is_not_accepted() {
	test(|| {
		let schema = setup();
		let request = crate::NextRequestId::<Test>::get();
		assert_ok!(Attestations::request(
			signed(ALICE),
			ISP,
			schema,
			claims(2),
			vec![],
			vec![],
			20
		));
		assert_ok!(Attestations::offer(signed(ISP), request, claims(3), Some(5)));
		run_to_block(5);
		assert_noop!(
			Attestations::accept_offer(signed(ALICE), request),
			Error::<Test>::ExpiryInPast
		);
	});
}

#[test]
fn access_refusals() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, Some(10));
		assert_noop!(
			Attestations::grant_access(signed(BOB), id, CAROL, 5),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			Attestations::grant_access(signed(ALICE), 9, CAROL, 5),
			Error::<Test>::UnknownAttestation
		);
		assert_noop!(Attestations::close_access(signed(BOB), id, CAROL), Error::<Test>::NoAccess);
		MockRegistry::admit(&POOR, 1, &[]);
		fund_poor(2);
		give_did(POOR);
		assert_noop!(
			Attestations::request_access(signed(POOR), id, 5),
			Error::<Test>::InsufficientBalance
		);
		run_to_block(10);
		assert_noop!(Attestations::request_access(signed(CAROL), id, 5), Error::<Test>::NotActive);
	});
}

#[test]
fn a_holder_who_cannot_pay_does_not_grant_unasked() {
	test(|| {
		setup();
		MockRegistry::admit(&POOR, 1, &[]);
		fund_poor(Attestations::attestation_deposit() * 10);
		give_did(POOR);
		let id = attest(POOR, 0, None);
		let free = Balances::free_balance(POOR);
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), POOR, free.min(2)));
		assert_noop!(
			Attestations::grant_access(signed(POOR), id, CAROL, 5),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn schema_and_device_refusals() {
	test(|| {
		let schema = setup();
		MockRegistry::revoke(&ISP, crate::roles::Attester::ROLE);
		let attributes = vec![(b"a".to_vec(), crate::AttributeType::Text, true)];
		assert_noop!(
			Attestations::new_schema_version(signed(ISP), schema, attributes.clone()),
			Error::<Test>::NotAttester
		);
		MockRegistry::admit(&ISP, 2, &[crate::roles::Attester::ROLE]);
		let free = Balances::free_balance(ISP);
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), ISP, 2));
		assert_noop!(
			Attestations::new_schema_version(signed(ISP), schema, attributes),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), ISP, free));
		assert_noop!(
			Attestations::register_device(signed(OEM), [1; 32], b"lock\t".to_vec()),
			Error::<Test>::InvalidText
		);
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), OEM, 2));
		assert_noop!(
			Attestations::register_device(signed(OEM), [1; 32], b"lock".to_vec()),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn the_ways_out_stay_open_to_the_banned() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, None);
		assert_ok!(Attestations::endorse(signed(CAROL), id));
		assert_ok!(Attestations::request_access(signed(BOB), id, 5));
		let request = crate::NextRequestId::<Test>::get();
		assert_ok!(Attestations::request(
			signed(ALICE),
			PARTNER,
			schema,
			claims(2),
			vec![],
			vec![],
			10
		));
		for who in [ALICE, BOB, CAROL] {
			MockRegistry::ban(&who);
		}
		assert_ok!(Attestations::remove_endorsement(signed(CAROL), id, CAROL));
		assert_ok!(Attestations::retract_access(signed(BOB), id, BOB));
		assert_ok!(Attestations::withdraw_request(signed(ALICE), request));
		assert_noop!(
			Attestations::deny(signed(PARTNER), request, DenialReason::NotServed),
			Error::<Test>::UnknownRequest
		);
	});
}

#[test]
fn a_release_before_the_recovery_step_takes_the_deposit_from_the_lost_account() {
	test(|| {
		let schema = setup();
		let request = crate::NextRequestId::<Test>::get();
		assert_ok!(Attestations::request(
			signed(ALICE),
			ISP,
			schema,
			claims(2),
			vec![],
			vec![],
			10
		));
		const NEW: AccountId = 40;
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), NEW, FUNDS));
		// The registry names the new account; this pallet's step has not run yet.
		MockRegistry::recover(&ALICE, &NEW);
		let before = held(ALICE);
		let deposit =
			crate::Pallet::<Test>::deposit_for(1, crate::RequestOf::<Test>::max_encoded_len());
		run_to_block(11);
		assert_ok!(Attestations::close_expired_request(signed(OUTSIDER), request));
		assert_eq!((held(ALICE), held(NEW)), (before - deposit, 0));
		let mut meter = WeightMeter::new();
		assert_eq!(Attestations::on_recovered(&ALICE, &NEW, &mut meter), RecoveryProgress::Done);
		assert_eq!((held(ALICE), held(NEW)), (0, before - deposit));
	});
}
