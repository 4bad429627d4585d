//! Attestations in the composed runtime: the attester role granted in the registry, a certificate
//! of `Documents` presented with a request, and a recovery moving the attestation it led to with
//! its deposits.

use super::{account, ext_from_preset};
use crate::{
	configs::RecoveryDelay, Attestations, Balances, Documents, Registry, Runtime, RuntimeOrigin,
	System,
};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use pallet_attestations::{
	roles::Attester, AttributeType, Error, KeyPurposes, PublicKey, StatusNow, Subject, SubjectKind,
};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};

fn signed(k: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(k))
}

/// A DID with a signing key (authentication and assertion) and an encryption key.
fn give_did(k: Sr25519Keyring, seed: u8) {
	let signing = KeyPurposes(KeyPurposes::AUTHENTICATION | KeyPurposes::ASSERTION);
	let agreement = KeyPurposes(KeyPurposes::KEY_AGREEMENT);
	assert_ok!(Attestations::create_did(
		signed(k),
		vec![(PublicKey::Sr25519([seed; 32]), signing), (PublicKey::X25519([seed; 32]), agreement)],
		vec![],
	));
}

fn records_held(k: Sr25519Keyring) -> crate::Balance {
	Balances::balance_on_hold(&pallet_attestations::HoldReason::Records.into(), &account(k))
}

#[test]
fn an_attester_issues_on_a_request_presenting_a_certificate_and_recovery_moves_it() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		// Dave is the ISP. Only an attester registers schemas; the registry's admin makes him one.
		let attributes = vec![(b"customer-id".to_vec(), AttributeType::Text, true)];
		let schema = || {
			Attestations::register_schema(
				signed(Dave),
				b"isp-account".to_vec(),
				SubjectKind::Account,
				attributes.clone(),
			)
		};
		assert_noop!(schema(), Error::<Runtime>::NotAttester);
		assert_ok!(Registry::grant_role(signed(Alice), account(Dave), Attester::ROLE));
		assert_ok!(schema());

		// Eve holds an identity certificate Charlie (a documents issuer) gave her.
		assert_ok!(Registry::register(signed(Eve)));
		assert_ok!(Registry::assign_org_code(signed(Alice), account(Charlie), b"IDP".to_vec()));
		let certificate = [7; 32];
		assert_ok!(Documents::issue_certificate(
			signed(Charlie),
			account(Eve),
			certificate,
			b"identity-proof".to_vec(),
			None,
		));
		give_did(Dave, 1);
		give_did(Eve, 2);

		// A certificate she does not hold is refused; hers is presented.
		let request = |certificate| {
			Attestations::request(
				signed(Eve),
				account(Dave),
				0,
				[5; 32],
				vec![],
				vec![certificate],
				100,
			)
		};
		assert_noop!(request([8; 32]), Error::<Runtime>::BadCertificate);
		assert_ok!(request(certificate));
		assert_ok!(Attestations::offer(signed(Dave), 0, [6; 32], None));
		assert_ok!(Attestations::accept_offer(signed(Eve), 0));
		let issued = Attestations::attestation_view(0).expect("issued");
		assert_eq!(issued.subject, Subject::Account(account(Eve)));
		assert_eq!(issued.status, StatusNow::Active);
		let held = records_held(Eve);
		assert!(held > 0, "Eve's DID holds a deposit");

		// Eve lost her key: the registry moves her to Ferdie, and her attestation and deposits
		// follow.
		assert_ok!(Registry::propose_recovery(signed(Alice), account(Eve), account(Ferdie)));
		assert_ok!(Registry::approve_recovery(signed(Bob), account(Eve)));
		System::set_block_number(1 + RecoveryDelay::get());
		assert_ok!(Registry::finish_recovery(signed(Charlie), account(Eve)));
		let moved = Attestations::attestation_view(0).expect("kept");
		assert_eq!(moved.subject, Subject::Account(account(Ferdie)));
		assert_eq!(records_held(Ferdie), held);
		assert_eq!(records_held(Eve), 0);
		assert_eq!(
			Attestations::attestations_about(&Subject::Account(account(Ferdie)), None, 10).len(),
			1
		);
		assert_ok!(Attestations::do_try_state());
		assert_ok!(Registry::do_try_state());
	});
}
