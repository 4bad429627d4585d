use super::*;
use crate::{Error, Event, KeyScheme, OperatorKey, OperatorKeys, OrgCodes, ParticipantRegistry};
use frame_support::assert_noop;

fn code(s: &[u8]) -> crate::OrgCodeOf<Test> {
	s.to_vec().try_into().unwrap()
}

#[test]
fn org_codes_are_assigned_unique_and_released() {
	test(|| {
		register(ALICE);
		assert_ok!(Registry::assign_org_code(signed(ROOT_ADMIN), ALICE, b"KZ-TEL.1".to_vec()));
		assert_eq!(OrgCodes::<Test>::get(code(b"KZ-TEL.1")), Some(ALICE));
		assert_eq!(Registry::org_code(&ALICE), Some(b"KZ-TEL.1".to_vec()));
		System::assert_last_event(
			Event::OrgCodeAssigned { who: ALICE, code: code(b"KZ-TEL.1"), by: Some(ROOT_ADMIN) }
				.into(),
		);
		assert_ok!(Registry::release_org_code(RuntimeOrigin::root(), ALICE));
		assert_eq!(OrgCodes::<Test>::get(code(b"KZ-TEL.1")), None);
		assert_eq!(Registry::org_code(&ALICE), None);
		System::assert_last_event(
			Event::OrgCodeReleased { who: ALICE, code: code(b"KZ-TEL.1"), by: None }.into(),
		);
		// A released code can be given to someone else.
		register(BOB);
		assert_ok!(Registry::assign_org_code(signed(ROOT_ADMIN), BOB, b"KZ-TEL.1".to_vec()));
	});
}

#[test]
fn assign_org_code_refusals() {
	test(|| {
		register(ALICE);
		register(BOB);
		assert_noop!(
			Registry::assign_org_code(signed(KYC), ALICE, b"ACME".to_vec()),
			Error::<Test>::MissingRole
		);
		assert_noop!(
			Registry::assign_org_code(signed(ROOT_ADMIN), ALICE, vec![]),
			Error::<Test>::InvalidOrgCode
		);
		assert_noop!(
			Registry::assign_org_code(signed(ROOT_ADMIN), ALICE, b"AC ME".to_vec()),
			Error::<Test>::InvalidOrgCode
		);
		assert_noop!(
			Registry::assign_org_code(signed(ROOT_ADMIN), ALICE, b"ACME-1234".to_vec()),
			Error::<Test>::OrgCodeTooLong
		);
		assert_noop!(
			Registry::assign_org_code(signed(ROOT_ADMIN), 99, b"ACME".to_vec()),
			Error::<Test>::NotParticipant
		);
		assert_ok!(Registry::assign_org_code(signed(ROOT_ADMIN), ALICE, b"ACME".to_vec()));
		assert_noop!(
			Registry::assign_org_code(signed(ROOT_ADMIN), BOB, b"ACME".to_vec()),
			Error::<Test>::OrgCodeTaken
		);
		assert_noop!(
			Registry::assign_org_code(signed(ROOT_ADMIN), ALICE, b"ACME2".to_vec()),
			Error::<Test>::AlreadyHasOrgCode
		);
	});
}

#[test]
fn release_org_code_refusals() {
	test(|| {
		register(ALICE);
		assert_noop!(Registry::release_org_code(signed(ALICE), ALICE), Error::<Test>::MissingRole);
		assert_noop!(
			Registry::release_org_code(signed(ROOT_ADMIN), BOB),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			Registry::release_org_code(signed(ROOT_ADMIN), ALICE),
			Error::<Test>::NoOrgCode
		);
	});
}

#[test]
fn operator_keys_are_published_replaced_and_removed() {
	test(|| {
		let alice = register(ALICE);
		assert_ok!(Registry::set_operator_key(alice.clone(), KeyScheme::X25519, vec![1; 32]));
		let key = OperatorKey { scheme: KeyScheme::X25519, key: vec![1; 32].try_into().unwrap() };
		assert_eq!(OperatorKeys::<Test>::get(ALICE), Some(key.clone()));
		System::assert_last_event(Event::OperatorKeySet { who: ALICE, key }.into());
		for (scheme, len) in [(KeyScheme::Secp256k1, 33), (KeyScheme::P256, 65)] {
			assert_ok!(Registry::set_operator_key(alice.clone(), scheme, vec![2; len]));
			assert_eq!(OperatorKeys::<Test>::get(ALICE).unwrap().scheme, scheme);
		}
		assert_ok!(Registry::remove_operator_key(alice.clone()));
		assert_eq!(OperatorKeys::<Test>::get(ALICE), None);
		System::assert_last_event(Event::OperatorKeyRemoved { who: ALICE }.into());
	});
}

#[test]
fn operator_key_refusals() {
	test(|| {
		assert_noop!(
			Registry::set_operator_key(signed(ALICE), KeyScheme::X25519, vec![1; 32]),
			Error::<Test>::NotParticipant
		);
		let alice = register(ALICE);
		for (scheme, len) in
			[(KeyScheme::X25519, 33), (KeyScheme::Secp256k1, 32), (KeyScheme::P256, 66)]
		{
			assert_noop!(
				Registry::set_operator_key(alice.clone(), scheme, vec![1; len]),
				Error::<Test>::InvalidKeyLength
			);
		}
		assert_noop!(Registry::remove_operator_key(alice.clone()), Error::<Test>::NoOperatorKey);
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		assert_noop!(
			Registry::set_operator_key(alice, KeyScheme::X25519, vec![1; 32]),
			Error::<Test>::Banned
		);
	});
}
