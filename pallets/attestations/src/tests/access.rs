use super::*;
use crate::{AccessOf, AccessState, Accesses, Attestations as Records, Error, Event};
use codec::MaxEncodedLen;
use frame_support::{assert_noop, assert_ok};

fn access_deposit() -> u64 {
	crate::Pallet::<Test>::deposit_for(1, AccessOf::<Test>::max_encoded_len())
}

#[test]
fn a_verifier_asks_the_holder_grants_and_the_grant_times_out() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, None);
		let (alice, partner) = (held(ALICE), held(PARTNER));
		run_to_block(2);
		assert_ok!(Attestations::request_access(signed(PARTNER), id, 10));
		assert_eq!(
			last_event(),
			Event::AccessRequested { attestation: id, verifier: PARTNER, until: 12 }
		);
		assert_eq!(held(PARTNER), partner + access_deposit());
		assert!(!Attestations::has_access(id, &PARTNER));

		assert_ok!(Attestations::grant_access(signed(ALICE), id, PARTNER, 20));
		assert_eq!(
			last_event(),
			Event::AccessGranted { attestation: id, verifier: PARTNER, until: 22 }
		);
		let access = Accesses::<Test>::get(id, PARTNER).unwrap();
		assert_eq!(
			(access.state, access.until, access.depositor),
			(AccessState::Granted, 22, PARTNER)
		);
		// The request's deposit stays the verifier's; the holder pays nothing.
		assert_eq!(held(ALICE), alice);
		assert!(Attestations::has_access(id, &PARTNER));
		assert_eq!(Records::<Test>::get(id).unwrap().access_grants, 1);
		assert_eq!(Records::<Test>::get(id).unwrap().access_requests, 0);

		run_to_block(22);
		assert!(!Attestations::has_access(id, &PARTNER));
		assert_ok!(Attestations::close_access(signed(OUTSIDER), id, PARTNER));
		assert_eq!(
			last_event(),
			Event::AccessEnded { attestation: id, verifier: PARTNER, expired: true }
		);
		assert_eq!(held(PARTNER), partner);
		assert_eq!(Records::<Test>::get(id).unwrap().access_grants, 0);
	});
}

#[test]
fn the_holder_grants_unasked_and_retracts() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, None);
		let alice = held(ALICE);
		assert_ok!(Attestations::grant_access(signed(ALICE), id, CAROL, 5));
		assert_eq!(held(ALICE), alice + access_deposit());
		assert!(Attestations::has_access(id, &CAROL));
		assert_noop!(
			Attestations::grant_access(signed(ALICE), id, CAROL, 5),
			Error::<Test>::AccessExists
		);
		assert_noop!(
			Attestations::retract_access(signed(BOB), id, CAROL),
			Error::<Test>::NotHolder
		);
		assert_ok!(Attestations::retract_access(signed(ALICE), id, CAROL));
		assert_eq!(
			last_event(),
			Event::AccessEnded { attestation: id, verifier: CAROL, expired: false }
		);
		assert!(!Attestations::has_access(id, &CAROL));
		assert_eq!(held(ALICE), alice);
		assert_noop!(
			Attestations::retract_access(signed(ALICE), id, CAROL),
			Error::<Test>::NoAccess
		);
	});
}

#[test]
fn a_verifier_withdraws_its_request() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, None);
		let carol = held(CAROL);
		assert_ok!(Attestations::request_access(signed(CAROL), id, 5));
		assert_noop!(
			Attestations::request_access(signed(CAROL), id, 5),
			Error::<Test>::AccessExists
		);
		assert_noop!(
			Attestations::retract_access(signed(BOB), id, CAROL),
			Error::<Test>::NotHolder
		);
		assert_ok!(Attestations::retract_access(signed(CAROL), id, CAROL));
		assert_eq!(held(CAROL), carol);
		assert_noop!(
			Attestations::retract_access(signed(CAROL), id, CAROL),
			Error::<Test>::NoAccess
		);
	});
}

#[test]
fn access_is_refused_for_bad_lifetimes_the_holder_itself_devices_and_past_the_bound() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, Some(30));
		assert_noop!(
			Attestations::request_access(signed(CAROL), id, 0),
			Error::<Test>::BadLifetime
		);
		assert_noop!(
			Attestations::request_access(signed(CAROL), id, 51),
			Error::<Test>::BadLifetime
		);
		assert_noop!(Attestations::request_access(signed(ALICE), id, 5), Error::<Test>::SelfAccess);
		assert_noop!(
			Attestations::grant_access(signed(ALICE), id, ALICE, 5),
			Error::<Test>::SelfAccess
		);
		assert_noop!(
			Attestations::grant_access(signed(ALICE), id, CAROL, 51),
			Error::<Test>::BadLifetime
		);
		assert_noop!(
			Attestations::request_access(signed(CAROL), 9, 5),
			Error::<Test>::UnknownAttestation
		);
		assert_noop!(
			Attestations::request_access(signed(OUTSIDER), id, 5),
			Error::<Test>::NotParticipant
		);
		// A verifier needs a DID with a key-agreement key: the claims are encrypted to it.
		assert_noop!(Attestations::request_access(signed(OEM), id, 5), Error::<Test>::NoDid);
		assert_noop!(Attestations::grant_access(signed(ALICE), id, OEM, 5), Error::<Test>::NoDid);
		assert_ok!(Attestations::request_access(signed(CAROL), id, 5));
		assert_ok!(Attestations::request_access(signed(BOB), id, 5));
		assert_noop!(
			Attestations::request_access(signed(PARTNER), id, 5),
			Error::<Test>::TooManyAccesses
		);
		// Requests do not crowd out grants: each is bounded on its own.
		assert_ok!(Attestations::grant_access(signed(ALICE), id, PARTNER, 5));
		assert_ok!(Attestations::grant_access(signed(ALICE), id, ISP, 5));
		assert_noop!(
			Attestations::grant_access(signed(ALICE), id, CAROL, 5),
			Error::<Test>::TooManyAccesses
		);
		assert_ok!(Attestations::retract_access(signed(ALICE), id, ISP));
		assert_noop!(
			Attestations::close_access(signed(OUTSIDER), id, CAROL),
			Error::<Test>::AccessNotEnded
		);
		// A device's attestations have no holder to grant access.
		assert_ok!(Attestations::register_device(signed(OEM), [1; 32], b"lock".to_vec()));
		let devices = device_schema();
		assert_ok!(Attestations::issue(
			signed(CAROL),
			Subject::Device([1; 32]),
			devices,
			claims(1),
			None
		));
		let device_attestation = crate::NextAttestationId::<Test>::get() - 1;
		assert_noop!(
			Attestations::request_access(signed(BOB), device_attestation, 5),
			Error::<Test>::WrongSubjectKind
		);
		// Not once the attestation lapsed, and a grant ends with it.
		assert_ok!(Attestations::grant_access(signed(ALICE), id, CAROL, 50));
		assert!(Attestations::has_access(id, &CAROL));
		run_to_block(30);
		assert!(!Attestations::has_access(id, &CAROL));
		assert_noop!(
			Attestations::grant_access(signed(ALICE), id, BOB, 5),
			Error::<Test>::NotActive
		);
	});
}

#[test]
fn removing_an_attestation_ends_its_accesses() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, None);
		let (alice, carol) = (held(ALICE), held(CAROL));
		assert_ok!(Attestations::request_access(signed(CAROL), id, 5));
		assert_ok!(Attestations::grant_access(signed(ALICE), id, BOB, 5));
		assert_ok!(Attestations::revoke(signed(ISP), id, crate::RevocationReason::Unspecified));
		assert!(!Attestations::has_access(id, &BOB));
		assert_ok!(Attestations::remove(signed(ISP), id));
		assert_eq!(Accesses::<Test>::iter_prefix(id).count(), 0);
		assert_eq!((held(ALICE), held(CAROL)), (alice, carol));
	});
}
