use super::*;
use crate::{Attestations as Records, ByIssuer, BySubject, Event, RevocationReason};
use frame_support::{
	assert_noop, assert_ok,
	weights::{Weight, WeightMeter},
};
use pactum_primitives::{OnParticipantRecovered, RecoveryProgress};

/// Alice's and the ISP's new accounts.
const NEW_ALICE: AccountId = 20;
const NEW_ISP: AccountId = 30;

fn recover(lost: AccountId, new: AccountId) {
	assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), new, FUNDS));
	MockRegistry::recover(&lost, &new);
	let mut meter = WeightMeter::new();
	assert_eq!(Attestations::on_recovered(&lost, &new, &mut meter), RecoveryProgress::Done);
}

#[test]
fn a_recovered_holder_holds_its_attestations_and_acts_for_its_records() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, None);
		assert_ok!(Attestations::request(
			signed(ALICE),
			PARTNER,
			schema,
			claims(5),
			vec![id],
			vec![],
			20
		));
		assert_ok!(Attestations::endorse(signed(ALICE), attest(BOB, schema, None)));
		let held_before = held(ALICE);
		recover(ALICE, NEW_ALICE);
		assert_eq!((held(ALICE), held(NEW_ALICE)), (0, held_before));
		let record = Records::<Test>::get(id).unwrap();
		assert_eq!(record.subject, Subject::Account(NEW_ALICE));
		assert!(BySubject::<Test>::contains_key(Subject::Account(NEW_ALICE), id));
		assert!(!BySubject::<Test>::contains_key(Subject::Account(ALICE), id));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Attestations(Event::Recovered {
				attestation: id,
				lost: ALICE,
				new: NEW_ALICE
			})));
		// The new account presents the attestation, controls the lost account's DID and
		// withdraws the lost account's request; the deposits come back to it.
		assert_ok!(Attestations::present(signed(NEW_ALICE), id, PARTNER, [1; 32]));
		let (public, purposes) = signing_key(77);
		assert_ok!(Attestations::add_did_key(signed(NEW_ALICE), ALICE, public, purposes));
		assert_ok!(Attestations::withdraw_request(signed(NEW_ALICE), 0));
		assert_noop!(
			Attestations::add_did_key(signed(ALICE), ALICE, public, purposes),
			crate::Error::<Test>::NotParticipant
		);
	});
}

#[test]
fn a_recovered_issuer_manages_what_it_issued_and_its_schemas() {
	test(|| {
		let schema = setup();
		let id = attest(ALICE, schema, None);
		recover(ISP, NEW_ISP);
		let record = Records::<Test>::get(id).unwrap();
		assert_eq!(record.issuer, NEW_ISP);
		assert!(ByIssuer::<Test>::contains_key(NEW_ISP, id));
		assert!(!ByIssuer::<Test>::contains_key(ISP, id));
		assert_ok!(Attestations::revoke(signed(NEW_ISP), id, RevocationReason::Unspecified));
		assert_ok!(Attestations::remove(signed(NEW_ISP), id));
		assert_ok!(Attestations::deprecate_schema(signed(NEW_ISP), schema));
	});
}

#[test]
fn a_recovery_moves_in_metered_steps() {
	test(|| {
		let schema = setup();
		let ids: Vec<_> = (0..3).map(|_| attest(ALICE, schema, None)).collect();
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), NEW_ALICE, FUNDS));
		MockRegistry::recover(&ALICE, &NEW_ALICE);
		let step = Weight::from_parts(RECOVERY_STEP, 0);
		assert_eq!(<Attestations as OnParticipantRecovered<AccountId>>::max_step(), step);
		// The deposits and one attestation.
		let mut meter = WeightMeter::with_limit(step * 2);
		assert_eq!(
			Attestations::on_recovered(&ALICE, &NEW_ALICE, &mut meter),
			RecoveryProgress::Incomplete
		);
		assert_eq!(meter.consumed(), step * 2);
		assert_eq!(held(ALICE), 0);
		let moved = ids.iter().filter(|id| {
			Records::<Test>::get(**id).unwrap().subject == Subject::Account(NEW_ALICE)
		});
		assert_eq!(moved.count(), 1);
		let mut meter = WeightMeter::with_limit(step * 2);
		assert_eq!(
			Attestations::on_recovered(&ALICE, &NEW_ALICE, &mut meter),
			RecoveryProgress::Done
		);
		assert_eq!(meter.consumed(), step * 2);
		assert_eq!(BySubject::<Test>::iter_prefix(Subject::Account(NEW_ALICE)).count(), 3);
		// Nothing left: a further call does nothing.
		let mut meter = WeightMeter::with_limit(Weight::zero());
		assert_eq!(
			Attestations::on_recovered(&ALICE, &NEW_ALICE, &mut meter),
			RecoveryProgress::Done
		);
	});
}
