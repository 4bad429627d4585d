use super::*;
use crate::{Attestations as Records, EndorsementOf, Endorsements, Error, Event};
use codec::MaxEncodedLen;
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_third_party_endorses_and_withdraws() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, None);
		let before = held(CAROL);
		run_to_block(3);
		assert_ok!(Attestations::endorse(signed(CAROL), id));
		assert_eq!(last_event(), Event::Endorsed { attestation: id, endorser: CAROL });
		let deposit =
			crate::Pallet::<Test>::deposit_for(1, EndorsementOf::<Test>::max_encoded_len());
		assert_eq!(Endorsements::<Test>::get(id, CAROL).unwrap().at, 3);
		assert_eq!(held(CAROL), before + deposit);
		assert_eq!(Records::<Test>::get(id).unwrap().endorsements, 1);

		assert_ok!(Attestations::remove_endorsement(signed(CAROL), id, CAROL));
		assert_eq!(
			last_event(),
			Event::EndorsementRemoved { attestation: id, endorser: CAROL, by: CAROL }
		);
		assert_eq!(held(CAROL), before);
		assert_eq!(Records::<Test>::get(id).unwrap().endorsements, 0);
		assert_noop!(
			Attestations::remove_endorsement(signed(CAROL), id, CAROL),
			Error::<Test>::NotEndorsed
		);
	});
}

#[test]
fn endorsing_is_refused_to_the_parties_twice_past_the_bound_and_when_not_in_force() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, Some(10));
		assert_noop!(Attestations::endorse(signed(ISP), id), Error::<Test>::OwnAttestation);
		assert_noop!(Attestations::endorse(signed(ALICE), id), Error::<Test>::OwnAttestation);
		assert_noop!(Attestations::endorse(signed(OEM), id), Error::<Test>::NoDid);
		assert_noop!(Attestations::endorse(signed(CAROL), 9), Error::<Test>::UnknownAttestation);
		assert_ok!(Attestations::endorse(signed(CAROL), id));
		assert_noop!(Attestations::endorse(signed(CAROL), id), Error::<Test>::AlreadyEndorsed);
		assert_ok!(Attestations::endorse(signed(BOB), id));
		assert_noop!(
			Attestations::endorse(signed(PARTNER), id),
			Error::<Test>::TooManyEndorsements
		);
		run_to_block(10);
		assert_ok!(Attestations::remove_endorsement(signed(BOB), id, BOB));
		assert_noop!(Attestations::endorse(signed(PARTNER), id), Error::<Test>::NotActive);
	});
}

#[test]
fn the_holder_or_the_issuer_removes_an_endorsement_others_do_not() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, None);
		assert_ok!(Attestations::endorse(signed(CAROL), id));
		assert_ok!(Attestations::endorse(signed(BOB), id));
		assert_noop!(
			Attestations::remove_endorsement(signed(PARTNER), id, CAROL),
			Error::<Test>::NotEndorser
		);
		assert_noop!(
			Attestations::remove_endorsement(signed(BOB), id, CAROL),
			Error::<Test>::NotEndorser
		);
		assert_ok!(Attestations::remove_endorsement(signed(ALICE), id, CAROL));
		assert_eq!(
			last_event(),
			Event::EndorsementRemoved { attestation: id, endorser: CAROL, by: ALICE }
		);
		assert_ok!(Attestations::remove_endorsement(signed(ISP), id, BOB));
		assert_eq!(Records::<Test>::get(id).unwrap().endorsements, 0);
	});
}

#[test]
fn endorsing_needs_a_participant_with_a_live_did_and_the_deposit() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, None);
		assert_noop!(Attestations::endorse(signed(OUTSIDER), id), Error::<Test>::NotParticipant);
		MockRegistry::admit(&POOR, 1, &[]);
		let did = crate::Pallet::<Test>::deposit_for(
			1,
			<crate::DidOf<Test> as MaxEncodedLen>::max_encoded_len(),
		);
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), POOR, did + 2));
		give_did(POOR);
		assert_noop!(Attestations::endorse(signed(POOR), id), Error::<Test>::InsufficientBalance);
		// An encryption key alone makes no statements.
		assert_ok!(Attestations::create_did(
			signed(OEM),
			vec![
				(
					crate::PublicKey::Ed25519([50; 32]),
					crate::KeyPurposes(crate::KeyPurposes::AUTHENTICATION)
				),
				encryption_key(51)
			],
			vec![],
		));
		assert_noop!(Attestations::endorse(signed(OEM), id), Error::<Test>::NoAssertionKey);
		assert_ok!(Attestations::deactivate_did(signed(CAROL), CAROL));
		assert_noop!(Attestations::endorse(signed(CAROL), id), Error::<Test>::DidDeactivated);
	});
}
