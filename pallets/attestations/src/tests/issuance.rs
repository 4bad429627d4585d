use super::*;
use crate::{
	AttestationStatus, Attestations as Records, ByIssuer, BySchema, BySubject, Error, Event,
	RevocationReason,
};
use frame_support::{assert_noop, assert_ok};

#[test]
fn an_attester_issues_about_a_holder_who_accepts() {
	test(|| {
		let schema = setup();
		run_to_block(4);
		assert_ok!(Attestations::issue(
			signed(ISP),
			Subject::Account(ALICE),
			schema,
			claims(1),
			Some(50)
		));
		assert_eq!(
			last_event(),
			Event::Issued {
				attestation: 0,
				schema,
				issuer: ISP,
				subject: Subject::Account(ALICE),
				claim_hash: claims(1),
				expires_at: Some(50),
				pending: true,
			}
		);
		let record = Records::<Test>::get(0).unwrap();
		assert_eq!(record.status, AttestationStatus::Pending);
		assert_eq!((record.lineage, record.version, record.previous), (0, 1, None));
		assert_eq!((record.issued_at, record.expires_at), (4, Some(50)));
		assert!(BySubject::<Test>::contains_key(Subject::Account(ALICE), 0));
		assert!(ByIssuer::<Test>::contains_key(ISP, 0));
		assert!(BySchema::<Test>::contains_key(schema, 0));
		assert!(!Attestations::in_force(&record));

		assert_ok!(Attestations::accept(signed(ALICE), 0));
		assert_eq!(last_event(), Event::Accepted { attestation: 0 });
		assert!(Attestations::in_force(&Records::<Test>::get(0).unwrap()));
		run_to_block(50);
		assert!(!Attestations::in_force(&Records::<Test>::get(0).unwrap()));
	});
}

#[test]
fn issuing_about_a_holder_is_refused_unless_every_party_qualifies() {
	test(|| {
		let schema = setup();
		let issue = |who, holder| {
			Attestations::issue(signed(who), Subject::Account(holder), schema, claims(1), None)
		};
		assert_noop!(issue(CAROL, ALICE), Error::<Test>::NotAttester);
		assert_noop!(issue(OUTSIDER, ALICE), Error::<Test>::NotParticipant);
		assert_noop!(issue(ISP, ISP), Error::<Test>::SelfAttestation);
		assert_noop!(issue(ISP, OUTSIDER), Error::<Test>::HolderNotParticipant);
		// The holder has no DID, or one without a key-agreement key.
		assert_noop!(issue(ISP, OEM), Error::<Test>::NoDid);
		assert_ok!(Attestations::create_did(signed(OEM), vec![signing_key(5)], vec![]));
		assert_noop!(issue(ISP, OEM), Error::<Test>::NoKeyAgreementKey);
		// The issuer's DID has no assertion key: an authentication-only key replaces its
		// signing key.
		assert_ok!(Attestations::add_did_key(
			signed(ISP),
			ISP,
			crate::PublicKey::Ed25519([33; 32]),
			crate::KeyPurposes(crate::KeyPurposes::AUTHENTICATION)
		));
		assert_ok!(Attestations::remove_did_key(signed(ISP), ISP, 0));
		assert_noop!(issue(ISP, ALICE), Error::<Test>::NoAssertionKey);
		assert_noop!(
			Attestations::issue(signed(PARTNER), Subject::Account(ALICE), 99, claims(1), None),
			Error::<Test>::UnknownSchema
		);
		assert_noop!(
			Attestations::issue(
				signed(PARTNER),
				Subject::Account(ALICE),
				schema,
				claims(1),
				Some(1)
			),
			Error::<Test>::ExpiryInPast
		);
	});
}

#[test]
fn an_issuer_who_cannot_pay_the_deposit_is_refused() {
	test(|| {
		let schema = setup();
		MockRegistry::admit(&POOR, 1, &[crate::roles::Attester::ROLE]);
		assert_noop!(
			Attestations::issue(signed(POOR), Subject::Account(ALICE), schema, claims(1), None),
			Error::<Test>::NoDid
		);
		let did = crate::Pallet::<Test>::deposit_for(
			1,
			<crate::DidOf<Test> as codec::MaxEncodedLen>::max_encoded_len(),
		);
		let balance = did + Attestations::attestation_deposit() / 2;
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), POOR, balance));
		give_did(POOR);
		assert_noop!(
			Attestations::issue(signed(POOR), Subject::Account(ALICE), schema, claims(1), None),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn accepting_and_declining_are_the_holders_and_only_while_pending() {
	test(|| {
		let schema = setup();
		assert_ok!(Attestations::issue(
			signed(ISP),
			Subject::Account(ALICE),
			schema,
			claims(1),
			Some(9)
		));
		assert_noop!(Attestations::accept(signed(BOB), 0), Error::<Test>::NotHolder);
		assert_noop!(Attestations::decline(signed(BOB), 0), Error::<Test>::NotHolder);
		assert_noop!(Attestations::accept(signed(ALICE), 9), Error::<Test>::UnknownAttestation);
		run_to_block(9);
		assert_noop!(Attestations::accept(signed(ALICE), 0), Error::<Test>::ExpiryInPast);
		run_to_block(2);
		assert_ok!(Attestations::accept(signed(ALICE), 0));
		assert_noop!(Attestations::accept(signed(ALICE), 0), Error::<Test>::NotPending);
		assert_noop!(Attestations::decline(signed(ALICE), 0), Error::<Test>::NotPending);
	});
}

#[test]
fn a_declined_attestation_is_removed_and_its_deposit_released() {
	test(|| {
		let schema = setup();
		let before = held(ISP);
		assert_ok!(Attestations::issue(
			signed(ISP),
			Subject::Account(ALICE),
			schema,
			claims(1),
			None
		));
		assert_eq!(held(ISP), before + Attestations::attestation_deposit());
		assert_ok!(Attestations::decline(signed(ALICE), 0));
		assert_eq!(last_event(), Event::Declined { attestation: 0 });
		assert!(Records::<Test>::get(0).is_none());
		assert!(!BySubject::<Test>::contains_key(Subject::Account(ALICE), 0));
		assert_eq!(held(ISP), before);
	});
}

#[test]
fn an_amendment_is_the_next_version_of_the_lineage_and_supersedes_the_old() {
	test(|| {
		let schema = setup();
		let first = attest(ALICE, schema, None);
		run_to_block(3);
		assert_ok!(Attestations::amend(signed(ISP), first, claims(2), Some(40)));
		// The holder has not agreed to the new claims yet: the old ones stay in force.
		let new = Records::<Test>::get(1).unwrap();
		assert_eq!(new.status, AttestationStatus::Pending);
		assert_eq!((new.lineage, new.version, new.previous), (first, 2, Some(first)));
		assert_eq!((new.claim_hash, new.expires_at), (claims(2), Some(40)));
		assert!(Attestations::in_force(&Records::<Test>::get(first).unwrap()));
		run_to_block(4);
		assert_ok!(Attestations::accept(signed(ALICE), 1));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Attestations(Event::Amended { previous: first, attestation: 1 })));
		let old = Records::<Test>::get(first).unwrap();
		assert_eq!(old.status, AttestationStatus::Superseded { at: 4, by: 1 });
		assert_eq!(Records::<Test>::get(1).unwrap().status, AttestationStatus::Active);
		// A second amendment continues the lineage.
		assert_ok!(Attestations::amend(signed(ISP), 1, claims(3), None));
		let third = Records::<Test>::get(2).unwrap();
		assert_eq!((third.lineage, third.version, third.previous), (first, 3, Some(1)));
		// Declined, it goes, and the version it amends stays in force.
		assert_ok!(Attestations::decline(signed(ALICE), 2));
		assert!(Attestations::in_force(&Records::<Test>::get(1).unwrap()));
	});
}

#[test]
fn amending_is_refused_to_others_and_for_attestations_not_in_force() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, Some(10));
		assert_noop!(
			Attestations::amend(signed(PARTNER), id, claims(2), None),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			Attestations::amend(signed(ISP), 9, claims(2), None),
			Error::<Test>::UnknownAttestation
		);
		assert_noop!(
			Attestations::amend(signed(ISP), id, claims(2), Some(1)),
			Error::<Test>::ExpiryInPast
		);
		MockRegistry::revoke(&ISP, crate::roles::Attester::ROLE);
		assert_noop!(
			Attestations::amend(signed(ISP), id, claims(2), None),
			Error::<Test>::NotAttester
		);
		MockRegistry::admit(&ISP, 2, &[crate::roles::Attester::ROLE]);
		run_to_block(10);
		assert_noop!(
			Attestations::amend(signed(ISP), id, claims(2), None),
			Error::<Test>::NotActive
		);
		assert_ok!(Attestations::issue(
			signed(ISP),
			Subject::Account(BOB),
			schema,
			claims(1),
			None
		));
		assert_noop!(
			Attestations::amend(signed(ISP), 1, claims(2), None),
			Error::<Test>::NotActive
		);
	});
}

#[test]
fn renewal_sets_a_later_expiry_even_after_the_attestation_lapsed() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, Some(10));
		run_to_block(12);
		assert!(!Attestations::in_force(&Records::<Test>::get(id).unwrap()));
		assert_ok!(Attestations::renew(signed(ISP), id, Some(30)));
		assert_eq!(last_event(), Event::Renewed { attestation: id, expires_at: Some(30) });
		let record = Records::<Test>::get(id).unwrap();
		assert_eq!((record.expires_at, record.renewals, record.lineage), (Some(30), 1, id));
		assert!(Attestations::in_force(&record));
		assert_ok!(Attestations::renew(signed(ISP), id, None));
		assert_eq!(Records::<Test>::get(id).unwrap().renewals, 2);
	});
}

#[test]
fn renewal_is_refused_for_an_earlier_expiry_others_and_ended_attestations() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, Some(20));
		assert_noop!(Attestations::renew(signed(ISP), id, Some(20)), Error::<Test>::ExpiryNotLater);
		assert_noop!(Attestations::renew(signed(ISP), id, Some(1)), Error::<Test>::ExpiryInPast);
		assert_noop!(Attestations::renew(signed(PARTNER), id, Some(30)), Error::<Test>::NotIssuer);
		assert_ok!(Attestations::renew(signed(ISP), id, None));
		// From no expiry, any expiry is earlier.
		assert_noop!(Attestations::renew(signed(ISP), id, Some(90)), Error::<Test>::ExpiryNotLater);
		assert_ok!(Attestations::revoke(signed(ISP), id, RevocationReason::Unspecified));
		assert_noop!(Attestations::renew(signed(ISP), id, None), Error::<Test>::NotActive);
	});
}

#[test]
fn the_issuer_revokes_with_a_reason() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, None);
		run_to_block(6);
		assert_noop!(
			Attestations::revoke(signed(PARTNER), id, RevocationReason::Fraud),
			Error::<Test>::NotIssuer
		);
		assert_ok!(Attestations::revoke(signed(ISP), id, RevocationReason::Fraud));
		assert_eq!(
			last_event(),
			Event::Revoked { attestation: id, by: ISP, reason: RevocationReason::Fraud }
		);
		assert_eq!(
			Records::<Test>::get(id).unwrap().status,
			AttestationStatus::Revoked { at: 6, by: ISP, reason: RevocationReason::Fraud }
		);
		assert_noop!(
			Attestations::revoke(signed(ISP), id, RevocationReason::Fraud),
			Error::<Test>::NotActive
		);
		// A pending one can be withdrawn by revoking it.
		assert_ok!(Attestations::issue(
			signed(ISP),
			Subject::Account(BOB),
			schema,
			claims(1),
			None
		));
		assert_ok!(Attestations::revoke(signed(ISP), 1, RevocationReason::PrivilegeWithdrawn));
		assert_noop!(Attestations::accept(signed(BOB), 1), Error::<Test>::NotPending);
	});
}

#[test]
fn the_issuer_removes_what_is_no_longer_in_force_with_its_endorsements() {
	test(|| {
		let schema = setup();
		let before = held(ISP);
		let id = attest(ALICE, schema, Some(10));
		assert_ok!(Attestations::endorse(signed(CAROL), id));
		assert_noop!(Attestations::remove(signed(ISP), id), Error::<Test>::StillInForce);
		assert_noop!(Attestations::remove(signed(PARTNER), id), Error::<Test>::NotIssuer);
		run_to_block(10);
		assert_ok!(Attestations::remove(signed(ISP), id));
		assert_eq!(last_event(), Event::Removed { attestation: id });
		assert!(Records::<Test>::get(id).is_none());
		assert!(crate::Endorsements::<Test>::get(id, CAROL).is_none());
		assert_eq!(held(ISP), before);
		assert_eq!(held(CAROL), held_for_did());
		// Revoked and superseded ones go too; a pending one does not.
		let revoked = attest(ALICE, schema, None);
		assert_ok!(Attestations::revoke(signed(ISP), revoked, RevocationReason::Unspecified));
		assert_ok!(Attestations::remove(signed(ISP), revoked));
		let old = attest(ALICE, schema, None);
		assert_ok!(Attestations::amend(signed(ISP), old, claims(2), None));
		assert_noop!(Attestations::remove(signed(ISP), old), Error::<Test>::StillInForce);
		assert_ok!(Attestations::accept(signed(ALICE), old + 1));
		assert_ok!(Attestations::remove(signed(ISP), old));
		assert_ok!(Attestations::issue(
			signed(ISP),
			Subject::Account(BOB),
			schema,
			claims(1),
			None
		));
		let pending = crate::NextAttestationId::<Test>::get() - 1;
		assert_noop!(Attestations::remove(signed(ISP), pending), Error::<Test>::StillInForce);
	});
}

/// What a DID holds (Carol's, given by `setup`).
fn held_for_did() -> u64 {
	crate::Pallet::<Test>::deposit_for(
		1,
		<crate::DidOf<Test> as codec::MaxEncodedLen>::max_encoded_len(),
	)
}

#[test]
fn the_holder_presents_an_attestation_in_force() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, Some(10));
		assert_ok!(Attestations::present(signed(ALICE), id, PARTNER, [7; 32]));
		assert_eq!(
			last_event(),
			Event::Presented {
				attestation: id,
				holder: ALICE,
				verifier: PARTNER,
				challenge: [7; 32]
			}
		);
		assert_noop!(
			Attestations::present(signed(BOB), id, PARTNER, [7; 32]),
			Error::<Test>::NotHolder
		);
		run_to_block(10);
		assert_noop!(
			Attestations::present(signed(ALICE), id, PARTNER, [7; 32]),
			Error::<Test>::NotActive
		);
	});
}

#[test]
fn a_devices_amendment_supersedes_at_once() {
	test(|| {
		give_did(CAROL);
		assert_ok!(Attestations::register_device(signed(OEM), [4; 32], b"lock".to_vec()));
		let schema = device_schema();
		let device = Subject::Device([4; 32]);
		assert_ok!(Attestations::issue(signed(CAROL), device, schema, claims(1), None));
		assert_ok!(Attestations::amend(signed(CAROL), 0, claims(2), None));
		assert_eq!(last_event(), Event::Amended { previous: 0, attestation: 1 });
		assert!(matches!(
			Records::<Test>::get(0).unwrap().status,
			AttestationStatus::Superseded { by: 1, .. }
		));
		assert_eq!(Records::<Test>::get(1).unwrap().status, AttestationStatus::Active);
	});
}

#[test]
fn an_amendment_is_accepted_only_while_what_it_amends_is_active() {
	test(|| {
		let schema = setup();
		let first = attest(ALICE, schema, None);
		assert_ok!(Attestations::amend(signed(ISP), first, claims(2), None));
		assert_ok!(Attestations::amend(signed(ISP), first, claims(3), None));
		assert_ok!(Attestations::accept(signed(ALICE), 2));
		assert_noop!(Attestations::accept(signed(ALICE), 1), Error::<Test>::AmendedNotActive);
		// Amendments are made on schemas still in use.
		assert_ok!(Attestations::deprecate_schema(signed(ISP), schema));
		assert_noop!(
			Attestations::amend(signed(ISP), 2, claims(4), None),
			Error::<Test>::SchemaRetired
		);
	});
}

#[test]
fn accepting_checks_the_issuer_and_the_schema_again() {
	test(|| {
		let schema = setup();
		let issue = |holder| {
			assert_ok!(Attestations::issue(
				signed(ISP),
				Subject::Account(holder),
				schema,
				claims(1),
				None
			));
			crate::NextAttestationId::<Test>::get() - 1
		};
		let first = issue(ALICE);
		MockRegistry::ban(&ISP);
		assert_noop!(Attestations::accept(signed(ALICE), first), Error::<Test>::NotAttester);
		MockRegistry::unban(&ISP);
		MockRegistry::revoke(&ISP, crate::roles::Attester::ROLE);
		assert_noop!(Attestations::accept(signed(ALICE), first), Error::<Test>::NotAttester);
		MockRegistry::admit(&ISP, 2, &[crate::roles::Attester::ROLE]);
		assert_ok!(Attestations::deprecate_schema(signed(ISP), schema));
		assert_noop!(Attestations::accept(signed(ALICE), first), Error::<Test>::SchemaRetired);
	});
}

#[test]
fn the_holder_renounces_an_attestation_in_force() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, None);
		assert_noop!(Attestations::renounce(signed(BOB), id), Error::<Test>::NotHolder);
		assert_noop!(Attestations::renounce(signed(ALICE), 9), Error::<Test>::UnknownAttestation);
		run_to_block(3);
		assert_ok!(Attestations::renounce(signed(ALICE), id));
		assert_eq!(
			last_event(),
			Event::Revoked { attestation: id, by: ALICE, reason: RevocationReason::HolderRequest }
		);
		assert_eq!(
			Records::<Test>::get(id).unwrap().status,
			AttestationStatus::Revoked {
				at: 3,
				by: ALICE,
				reason: RevocationReason::HolderRequest
			}
		);
		assert_noop!(Attestations::renounce(signed(ALICE), id), Error::<Test>::NotActive);
		// The issuer removes it as any revoked one.
		assert_ok!(Attestations::remove(signed(ISP), id));
	});
}

#[test]
fn renewal_needs_an_issuer_still_allowed_to_attest() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, Some(10));
		MockRegistry::revoke(&ISP, crate::roles::Attester::ROLE);
		assert_noop!(Attestations::renew(signed(ISP), id, Some(20)), Error::<Test>::NotAttester);
		MockRegistry::admit(&ISP, 2, &[crate::roles::Attester::ROLE]);
		assert_ok!(Attestations::deactivate_did(signed(ISP), ISP));
		assert_noop!(Attestations::renew(signed(ISP), id, Some(20)), Error::<Test>::DidDeactivated);
	});
}
