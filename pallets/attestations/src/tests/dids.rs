use super::*;
use crate::{DidOf, Dids, Error, Event, KeyPurposes, PublicKey};
use codec::MaxEncodedLen;
use frame_support::{assert_noop, assert_ok};

fn did_deposit() -> u64 {
	crate::Pallet::<Test>::deposit_for(1, DidOf::<Test>::max_encoded_len())
}

fn service(id: &[u8]) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
	(id.to_vec(), b"Messaging".to_vec(), b"https://isp.example/inbox".to_vec())
}

#[test]
fn a_participant_creates_its_did_with_keys_and_services_and_holds_the_deposit() {
	test(|| {
		assert_ok!(Attestations::create_did(
			signed(ALICE),
			vec![signing_key(1), encryption_key(2)],
			vec![service(b"inbox")],
		));
		let did = Dids::<Test>::get(ALICE).unwrap();
		assert_eq!(did.controller, ALICE);
		assert_eq!(did.keys.iter().map(|k| k.id).collect::<Vec<_>>(), vec![0, 1]);
		assert_eq!(did.keys[1].public, PublicKey::X25519([2; 32]));
		assert_eq!(did.services[0].endpoint.to_vec(), b"https://isp.example/inbox".to_vec());
		assert_eq!(did.next_key, 2);
		assert_eq!(held(ALICE), did_deposit());
		assert_eq!(
			last_event(),
			Event::DidCreated { did: ALICE, controller: ALICE, deposit: did_deposit() }
		);
	});
}

#[test]
fn creating_a_did_is_refused_to_outsiders_the_banned_and_those_who_cannot_pay() {
	test(|| {
		assert_noop!(
			Attestations::create_did(signed(OUTSIDER), vec![signing_key(1)], vec![]),
			Error::<Test>::NotParticipant
		);
		MockRegistry::ban(&BOB);
		assert_noop!(
			Attestations::create_did(signed(BOB), vec![signing_key(1)], vec![]),
			Error::<Test>::Banned
		);
		assert_noop!(
			Attestations::create_did(signed(POOR), vec![signing_key(1)], vec![]),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn a_did_is_created_once_and_never_again_after_deactivation() {
	test(|| {
		give_did(ALICE);
		assert_noop!(
			Attestations::create_did(signed(ALICE), vec![signing_key(9)], vec![]),
			Error::<Test>::DidExists
		);
		assert_ok!(Attestations::deactivate_did(signed(ALICE), ALICE));
		assert_noop!(
			Attestations::create_did(signed(ALICE), vec![signing_key(9)], vec![]),
			Error::<Test>::DidExists
		);
	});
}

#[test]
fn a_did_needs_an_authentication_key_and_keys_that_fit_their_purposes() {
	test(|| {
		let create = |keys| Attestations::create_did(signed(ALICE), keys, vec![]);
		assert_noop!(create(vec![encryption_key(1)]), Error::<Test>::NoAuthenticationKey);
		assert_noop!(create(vec![]), Error::<Test>::NoAuthenticationKey);
		let assertion_only = (PublicKey::Ed25519([1; 32]), KeyPurposes(KeyPurposes::ASSERTION));
		assert_noop!(create(vec![assertion_only]), Error::<Test>::NoAuthenticationKey);
		// An encryption key does not sign; a signing key does not agree keys.
		let x25519_signs = (PublicKey::X25519([1; 32]), KeyPurposes(KeyPurposes::AUTHENTICATION));
		assert_noop!(create(vec![x25519_signs]), Error::<Test>::InvalidKeyPurposes);
		let sr_agrees = (
			PublicKey::Sr25519([1; 32]),
			KeyPurposes(KeyPurposes::AUTHENTICATION | KeyPurposes::KEY_AGREEMENT),
		);
		assert_noop!(create(vec![sr_agrees]), Error::<Test>::InvalidKeyPurposes);
		let none = (PublicKey::Sr25519([1; 32]), KeyPurposes(0));
		assert_noop!(create(vec![none]), Error::<Test>::InvalidKeyPurposes);
		let unknown = (PublicKey::Ecdsa([1; 33]), KeyPurposes(KeyPurposes::AUTHENTICATION | 8));
		assert_noop!(create(vec![unknown]), Error::<Test>::InvalidKeyPurposes);
		assert_noop!(create(vec![signing_key(1), signing_key(1)]), Error::<Test>::DuplicateKey);
		let four = vec![signing_key(1), signing_key(2), signing_key(3), signing_key(4)];
		assert_noop!(create(four), Error::<Test>::TooManyKeys);
	});
}

#[test]
fn a_did_refuses_bad_services() {
	test(|| {
		let create =
			|services| Attestations::create_did(signed(ALICE), vec![signing_key(1)], services);
		assert_noop!(
			create(vec![service(b"a"), service(b"b"), service(b"c")]),
			Error::<Test>::TooManyServices
		);
		assert_noop!(create(vec![service(b"a"), service(b"a")]), Error::<Test>::DuplicateService);
		assert_noop!(create(vec![service(b"")]), Error::<Test>::BadName);
		assert_noop!(create(vec![service(b"a-name-past-16-bytes")]), Error::<Test>::BadName);
		assert_noop!(create(vec![service(b"in\nbox")]), Error::<Test>::InvalidText);
		let long_url = (b"a".to_vec(), b"T".to_vec(), [b'u'; 33].to_vec());
		assert_noop!(create(vec![long_url]), Error::<Test>::BadUrl);
		let no_url = (b"a".to_vec(), b"T".to_vec(), vec![]);
		assert_noop!(create(vec![no_url]), Error::<Test>::BadUrl);
	});
}

#[test]
fn the_controller_adds_removes_and_rotates_keys() {
	test(|| {
		give_did(ALICE);
		run_to_block(5);
		let ed = (PublicKey::Ed25519([7; 32]), KeyPurposes(KeyPurposes::ASSERTION));
		assert_ok!(Attestations::add_did_key(signed(ALICE), ALICE, ed.0, ed.1));
		assert_eq!(last_event(), Event::DidKeyAdded { did: ALICE, key: 2 });
		let did = Dids::<Test>::get(ALICE).unwrap();
		assert_eq!((did.keys[2].id, did.keys[2].added_at, did.updated_at), (2, 5, 5));

		assert_ok!(Attestations::rotate_did_key(
			signed(ALICE),
			ALICE,
			2,
			PublicKey::Sr25519([8; 32])
		));
		assert_eq!(last_event(), Event::DidKeyRotated { did: ALICE, old: 2, new: 3 });
		let did = Dids::<Test>::get(ALICE).unwrap();
		let rotated = did.keys.iter().find(|k| k.id == 3).unwrap();
		assert_eq!(rotated.public, PublicKey::Sr25519([8; 32]));
		assert_eq!(rotated.purposes, KeyPurposes(KeyPurposes::ASSERTION));
		assert!(did.keys.iter().all(|k| k.id != 2));

		assert_ok!(Attestations::remove_did_key(signed(ALICE), ALICE, 3));
		assert_eq!(last_event(), Event::DidKeyRemoved { did: ALICE, key: 3 });
		assert_eq!(Dids::<Test>::get(ALICE).unwrap().keys.len(), 2);
	});
}

#[test]
fn key_changes_are_refused_when_they_break_the_document() {
	test(|| {
		give_did(ALICE);
		// Keys 0 (signing, authenticates) and 1 (encryption).
		assert_noop!(
			Attestations::remove_did_key(signed(ALICE), ALICE, 0),
			Error::<Test>::NoAuthenticationKey
		);
		assert_noop!(
			Attestations::remove_did_key(signed(ALICE), ALICE, 7),
			Error::<Test>::UnknownKey
		);
		assert_noop!(
			Attestations::rotate_did_key(signed(ALICE), ALICE, 7, PublicKey::Sr25519([9; 32])),
			Error::<Test>::UnknownKey
		);
		// Rotating to a key the document has.
		assert_noop!(
			Attestations::rotate_did_key(signed(ALICE), ALICE, 1, PublicKey::X25519([101; 32])),
			Error::<Test>::DuplicateKey
		);
		// Rotating an encryption key to a signing key breaks its purpose.
		assert_noop!(
			Attestations::rotate_did_key(signed(ALICE), ALICE, 1, PublicKey::Sr25519([9; 32])),
			Error::<Test>::InvalidKeyPurposes
		);
		let (public, purposes) = signing_key(1);
		assert_noop!(
			Attestations::add_did_key(signed(ALICE), ALICE, public, purposes),
			Error::<Test>::DuplicateKey
		);
		let (public, purposes) = signing_key(2);
		assert_ok!(Attestations::add_did_key(signed(ALICE), ALICE, public, purposes));
		let (public, purposes) = signing_key(3);
		assert_noop!(
			Attestations::add_did_key(signed(ALICE), ALICE, public, purposes),
			Error::<Test>::TooManyKeys
		);
		assert_noop!(
			Attestations::add_did_key(signed(ALICE), ALICE, public, KeyPurposes(4)),
			Error::<Test>::InvalidKeyPurposes
		);
	});
}

#[test]
fn only_the_controller_changes_an_active_did() {
	test(|| {
		give_did(ALICE);
		let (public, purposes) = signing_key(9);
		assert_noop!(
			Attestations::add_did_key(signed(BOB), ALICE, public, purposes),
			Error::<Test>::NotController
		);
		assert_noop!(
			Attestations::add_did_key(signed(BOB), BOB, public, purposes),
			Error::<Test>::NoDid
		);
		assert_noop!(
			Attestations::add_did_key(signed(OUTSIDER), ALICE, public, purposes),
			Error::<Test>::NotParticipant
		);
		assert_ok!(Attestations::deactivate_did(signed(ALICE), ALICE));
		assert_noop!(
			Attestations::add_did_key(signed(ALICE), ALICE, public, purposes),
			Error::<Test>::DidDeactivated
		);
		assert_noop!(
			Attestations::deactivate_did(signed(ALICE), ALICE),
			Error::<Test>::DidDeactivated
		);
	});
}

#[test]
fn the_controller_adds_and_removes_services() {
	test(|| {
		give_did(ALICE);
		assert_ok!(Attestations::add_did_service(signed(ALICE), ALICE, service(b"inbox")));
		assert_eq!(
			last_event(),
			Event::DidServiceAdded { did: ALICE, service: b"inbox".to_vec().try_into().unwrap() }
		);
		assert_noop!(
			Attestations::add_did_service(signed(ALICE), ALICE, service(b"inbox")),
			Error::<Test>::DuplicateService
		);
		assert_ok!(Attestations::add_did_service(signed(ALICE), ALICE, service(b"other")));
		assert_noop!(
			Attestations::add_did_service(signed(ALICE), ALICE, service(b"third")),
			Error::<Test>::TooManyServices
		);
		assert_ok!(Attestations::remove_did_service(signed(ALICE), ALICE, b"inbox".to_vec()));
		assert_eq!(
			last_event(),
			Event::DidServiceRemoved { did: ALICE, service: b"inbox".to_vec().try_into().unwrap() }
		);
		assert_noop!(
			Attestations::remove_did_service(signed(ALICE), ALICE, b"inbox".to_vec()),
			Error::<Test>::UnknownService
		);
		assert_eq!(Dids::<Test>::get(ALICE).unwrap().services.len(), 1);
	});
}

#[test]
fn control_passes_to_another_participant() {
	test(|| {
		give_did(ALICE);
		assert_noop!(
			Attestations::set_did_controller(signed(ALICE), ALICE, OUTSIDER),
			Error::<Test>::ControllerNotParticipant
		);
		MockRegistry::ban(&BOB);
		assert_noop!(
			Attestations::set_did_controller(signed(ALICE), ALICE, BOB),
			Error::<Test>::ControllerNotParticipant
		);
		assert_ok!(Attestations::set_did_controller(signed(ALICE), ALICE, OEM));
		assert_eq!(last_event(), Event::DidControllerChanged { did: ALICE, controller: OEM });
		let (public, purposes) = signing_key(9);
		assert_noop!(
			Attestations::add_did_key(signed(CAROL), ALICE, public, purposes),
			Error::<Test>::NotController
		);
		assert_ok!(Attestations::add_did_key(signed(OEM), ALICE, public, purposes));
		// The DID's own account keeps control beside its controller, and takes it back.
		assert_ok!(Attestations::remove_did_key(signed(ALICE), ALICE, 2));
		assert_ok!(Attestations::set_did_controller(signed(ALICE), ALICE, CAROL));
		assert_noop!(
			Attestations::remove_did_key(signed(OEM), ALICE, 1),
			Error::<Test>::NotController
		);
		// The deposit stays with the DID's account, and goes back to it.
		assert_ok!(Attestations::deactivate_did(signed(CAROL), ALICE));
		assert_eq!(held(ALICE), 0);
	});
}

#[test]
fn deactivation_clears_keys_and_services_and_releases_the_deposit() {
	test(|| {
		assert_ok!(Attestations::create_did(
			signed(ALICE),
			vec![signing_key(1)],
			vec![service(b"inbox")],
		));
		run_to_block(3);
		assert_ok!(Attestations::deactivate_did(signed(ALICE), ALICE));
		assert_eq!(last_event(), Event::DidDeactivated { did: ALICE });
		let did = Dids::<Test>::get(ALICE).unwrap();
		assert!(did.keys.is_empty() && did.services.is_empty());
		assert_eq!((did.deactivated_at, did.deposit), (Some(3), 0));
		assert_eq!(held(ALICE), 0);
		assert_noop!(
			Attestations::deactivate_did(signed(BOB), ALICE),
			Error::<Test>::DidDeactivated
		);
	});
}
