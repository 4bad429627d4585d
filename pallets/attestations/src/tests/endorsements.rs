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

		assert_ok!(Attestations::withdraw_endorsement(signed(CAROL), id));
		assert_eq!(last_event(), Event::EndorsementWithdrawn { attestation: id, endorser: CAROL });
		assert_eq!(held(CAROL), before);
		assert_eq!(Records::<Test>::get(id).unwrap().endorsements, 0);
		assert_noop!(
			Attestations::withdraw_endorsement(signed(CAROL), id),
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
		assert_ok!(Attestations::withdraw_endorsement(signed(BOB), id));
		assert_noop!(Attestations::endorse(signed(PARTNER), id), Error::<Test>::NotActive);
	});
}
