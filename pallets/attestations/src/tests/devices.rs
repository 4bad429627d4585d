use super::*;
use crate::{DeviceOf, Devices, Error, Event};
use codec::MaxEncodedLen;
use frame_support::{assert_noop, assert_ok};

const LOCK: [u8; 32] = [0xd0; 32];

#[test]
fn a_company_registers_a_device_and_holds_the_deposit() {
	test(|| {
		assert_ok!(Attestations::register_device(signed(OEM), LOCK, b"door-lock/v2".to_vec()));
		let device = Devices::<Test>::get(LOCK).unwrap();
		assert_eq!((device.controller, device.registered_at), (OEM, 1));
		assert_eq!(device.model.to_vec(), b"door-lock/v2".to_vec());
		let deposit = crate::Pallet::<Test>::deposit_for(1, DeviceOf::<Test>::max_encoded_len());
		assert_eq!(held(OEM), deposit);
		assert_eq!(
			last_event(),
			Event::DeviceRegistered {
				device: LOCK,
				controller: OEM,
				model: b"door-lock/v2".to_vec().try_into().unwrap(),
			}
		);
	});
}

#[test]
fn registering_a_device_is_refused_to_people_outsiders_and_twice() {
	test(|| {
		let register = |who| Attestations::register_device(signed(who), LOCK, b"lock".to_vec());
		assert_noop!(register(ALICE), Error::<Test>::NotCorporate);
		assert_noop!(register(OUTSIDER), Error::<Test>::NotParticipant);
		assert_noop!(
			Attestations::register_device(signed(OEM), LOCK, vec![]),
			Error::<Test>::BadName
		);
		assert_ok!(register(OEM));
		assert_noop!(register(ISP), Error::<Test>::DeviceExists);
	});
}

#[test]
fn any_participant_with_an_assertion_key_attests_a_registered_device_at_once() {
	test(|| {
		let schema = device_schema();
		give_did(CAROL);
		assert_noop!(
			Attestations::issue(signed(CAROL), Subject::Device(LOCK), schema, claims(1), None),
			Error::<Test>::UnknownDevice
		);
		assert_ok!(Attestations::register_device(signed(OEM), LOCK, b"lock".to_vec()));
		// The OEM has no DID yet.
		assert_noop!(
			Attestations::issue(signed(OEM), Subject::Device(LOCK), schema, claims(1), None),
			Error::<Test>::NoDid
		);
		// Carol holds no role: device attestations need none.
		assert_ok!(Attestations::issue(
			signed(CAROL),
			Subject::Device(LOCK),
			schema,
			claims(1),
			None
		));
		let attestation = crate::Attestations::<Test>::get(0).unwrap();
		assert_eq!(attestation.status, crate::AttestationStatus::Active);
		assert!(crate::BySubject::<Test>::contains_key(Subject::Device(LOCK), 0));
		// A device schema is not for people, nor a person's schema for devices.
		let people = account_schema();
		assert_noop!(
			Attestations::issue(signed(CAROL), Subject::Device(LOCK), people, claims(1), None),
			Error::<Test>::WrongSubjectKind
		);
		give_did(ALICE);
		give_did(ISP);
		assert_noop!(
			Attestations::issue(signed(ISP), Subject::Account(ALICE), schema, claims(1), None),
			Error::<Test>::WrongSubjectKind
		);
	});
}
