//! Registry references (a live document binds its parties), closing expired documents, and the
//! recovery hook that moves a participant's place, certificates and deposits to its new account.

use super::*;
use crate::{
	AccessGrants, Certificates, DocumentStatus, Error, Event, HolderCertificates, PartyDocuments,
};
use frame_support::{assert_noop, weights::WeightMeter};
use pactum_primitives::{OnParticipantRecovered, RecoveryProgress};

fn references(who: &AccountId) -> u32 {
	MockRegistry::references(who)
}

/// The registry's part of a recovery of `lost` to `new` (a fresh, funded account), then the
/// documents hook with room for everything.
fn recover(lost: &AccountId, new: &AccountId) -> RecoveryProgress {
	MockRegistry::recover(lost, new);
	let mut meter = WeightMeter::new();
	<Documents as OnParticipantRecovered<_>>::on_recovered(lost, new, &mut meter)
}

fn new_account() -> AccountId {
	key("New").account()
}

fn fund(who: &AccountId) {
	assert_ok!(Balances::transfer_allow_death(signed(outsider()), who.clone(), 1_000));
}

#[test]
fn a_live_document_holds_a_reference_on_each_party() {
	test(|| {
		let id = create_doc(vec![alice(), bob(), charlie()], vec![alice(), bob()], None);
		assert_eq!([references(&alice()), references(&bob()), references(&charlie())], [1, 1, 1]);
		let second = create_between(2, vec![alice(), bob()]);
		assert_eq!((references(&alice()), references(&charlie())), (2, 1));
		// Activation keeps them; the accepted termination releases them.
		assert_ok!(Documents::sign(signed(alice()), id, 0, text(1)));
		assert_ok!(Documents::sign(signed(bob()), id, 0, text(1)));
		assert_eq!(references(&charlie()), 1);
		assert_ok!(Documents::propose_termination(signed(charlie()), id, reason(1)));
		assert_ok!(Documents::sign(signed(alice()), id, 1, text(1)));
		assert_eq!(references(&charlie()), 1);
		assert_ok!(Documents::sign(signed(bob()), id, 1, text(1)));
		assert_eq!(crate::Documents::<Test>::get(id).unwrap().status, DocumentStatus::Terminated);
		assert_eq!([references(&alice()), references(&bob()), references(&charlie())], [1, 1, 0]);
		assert!(crate::Documents::<Test>::contains_key(second));
	});
}

#[test]
fn a_refused_create_takes_no_reference() {
	test(|| {
		MockRegistry::ban(&charlie());
		assert_noop!(
			Documents::create(
				signed(alice()),
				None,
				text(1),
				URI.to_vec(),
				vec![alice(), bob(), charlie()],
				vec![alice()],
				None
			),
			Error::<Test>::PartyNotParticipant
		);
		assert_eq!(references(&alice()), 0);
	});
}

#[test]
fn an_expired_document_is_closed_by_anyone_and_frees_its_parties() {
	test(|| {
		let id = create_doc(vec![alice(), bob()], vec![alice(), bob()], Some(10));
		assert_noop!(Documents::close_expired(signed(outsider()), id), Error::<Test>::NotExpired);
		run_to_block(10);
		assert_ok!(Documents::close_expired(signed(outsider()), id));
		System::assert_last_event(Event::Closed { document: id }.into());
		assert_eq!(crate::Documents::<Test>::get(id).unwrap().status, DocumentStatus::Expired);
		assert_eq!((references(&alice()), references(&bob())), (0, 0));
		assert_noop!(
			Documents::sign(signed(alice()), id, 0, text(1)),
			Error::<Test>::Expired
		);
	});
}

#[test]
fn close_expired_refusals() {
	test(|| {
		assert_noop!(
			Documents::close_expired(signed(outsider()), 7),
			Error::<Test>::UnknownDocument
		);
		// No validity end: it never expires.
		let forever = create_doc(vec![alice(), bob()], vec![alice()], None);
		run_to_block(1_000);
		assert_noop!(
			Documents::close_expired(signed(outsider()), forever),
			Error::<Test>::NotExpired
		);
		let id = create_doc(vec![alice(), bob()], vec![alice()], Some(1_010));
		run_to_block(1_010);
		assert_ok!(Documents::close_expired(signed(outsider()), id));
		assert_noop!(
			Documents::close_expired(signed(outsider()), id),
			Error::<Test>::AlreadyClosed
		);
		// A terminated document released its parties already.
		let ended = active_document();
		assert_ok!(Documents::propose_termination(signed(alice()), ended, reason(1)));
		assert_ok!(Documents::sign(signed(alice()), ended, 1, text(1)));
		assert_ok!(Documents::sign(signed(bob()), ended, 1, text(1)));
		assert_noop!(
			Documents::close_expired(signed(outsider()), ended),
			Error::<Test>::AlreadyClosed
		);
	});
}

#[test]
fn recovery_moves_places_certificates_and_deposits() {
	test(|| {
		let new = new_account();
		fund(&new);
		// Alice signed the text in force and an amendment still waiting for Bob.
		let id = active_document();
		assert_ok!(Documents::propose_amendment(
			signed(alice()),
			id,
			text(2),
			URI.to_vec(),
			reason(1)
		));
		assert_ok!(Documents::sign(signed(alice()), id, 1, text(2)));
		assert_ok!(Documents::grant_access(signed(alice()), id, dave(), None));
		assert_ok!(Documents::issue_certificate(
			signed(issuer()),
			alice(),
			[9; 32],
			b"diploma".to_vec(),
			None
		));
		let alice_held = held(&alice());
		assert!(alice_held > 0);

		assert_eq!(recover(&alice(), &new), RecoveryProgress::Done);
		System::assert_has_event(
			Event::PartyRecovered { document: id, lost: alice(), new: new.clone() }.into(),
		);
		let doc = crate::Documents::<Test>::get(id).unwrap();
		assert_eq!(doc.parties.to_vec(), vec![new.clone(), bob()]);
		assert_eq!(doc.signers.to_vec(), vec![new.clone(), bob()]);
		assert_eq!(doc.creator, alice(), "who created it stays on record");
		assert!(PartyDocuments::<Test>::contains_key(&new, id));
		assert!(!PartyDocuments::<Test>::contains_key(alice(), id));
		assert_eq!(references(&new), 1);
		assert_eq!((held(&alice()), held(&new)), (0, alice_held));
		assert_eq!(Certificates::<Test>::get([9; 32]).unwrap().holder, new);
		assert!(HolderCertificates::<Test>::contains_key(&new, [9; 32]));
		assert!(!HolderCertificates::<Test>::contains_key(alice(), [9; 32]));

		// The lost key's signature of the open amendment no longer counts; the new one signs.
		assert_ok!(Documents::sign(signed(bob()), id, 1, text(2)));
		assert_eq!(crate::Documents::<Test>::get(id).unwrap().active_version, Some(0));
		assert_ok!(Documents::sign(signed(new.clone()), id, 1, text(2)));
		assert_eq!(crate::Documents::<Test>::get(id).unwrap().active_version, Some(1));
		// The lost key can neither act nor read; the new account can.
		assert_noop!(
			Documents::propose_termination(signed(alice()), id, reason(2)),
			Error::<Test>::NotParticipant
		);
		assert!(!Documents::can_access(id, &alice()));
		assert!(Documents::can_access(id, &new));
		// Alice's grant's deposit comes back to where it is held now.
		let before = held(&new);
		assert_ok!(Documents::revoke_access(signed(new.clone()), id, dave()));
		assert!(held(&new) < before);
		assert!(!AccessGrants::<Test>::contains_key(id, dave()));
	});
}

#[test]
fn recovery_moves_one_metered_step_at_a_time() {
	test(|| {
		let new = new_account();
		fund(&new);
		for n in 1..=3 {
			create_between(n, vec![alice(), bob()]);
		}
		assert_ok!(Documents::issue_certificate(
			signed(issuer()),
			alice(),
			[9; 32],
			b"diploma".to_vec(),
			None
		));
		MockRegistry::recover(&alice(), &new);
		// Deposits, three documents and a certificate: five steps. A call with room for the
		// largest step takes at least one, and never more than its meter allows.
		let left = || {
			PartyDocuments::<Test>::iter_prefix(alice()).count() +
				HolderCertificates::<Test>::iter_prefix(alice()).count() +
				usize::from(held(&alice()) > 0)
		};
		let step = <Documents as OnParticipantRecovered<_>>::max_step();
		let mut calls = 0;
		loop {
			calls += 1;
			let before = left();
			let mut meter = WeightMeter::with_limit(step);
			let progress =
				<Documents as OnParticipantRecovered<_>>::on_recovered(&alice(), &new, &mut meter);
			assert!(left() < before, "call {calls} moved nothing");
			assert!(meter.consumed().all_lte(step));
			if progress == RecoveryProgress::Done {
				break;
			}
		}
		assert!(calls > 1 && calls <= 5, "{calls} calls");
		assert_eq!(left(), 0);
		assert_eq!(PartyDocuments::<Test>::iter_prefix(&new).count(), 3);
		assert_eq!(PartyDocuments::<Test>::iter_prefix(alice()).count(), 0);
		assert_eq!(Certificates::<Test>::get([9; 32]).unwrap().holder, new);
		// A meter too small for any step moves nothing.
		let mut empty = WeightMeter::with_limit(frame_support::weights::Weight::zero());
		assert_eq!(
			<Documents as OnParticipantRecovered<_>>::on_recovered(&bob(), &dave(), &mut empty),
			RecoveryProgress::Incomplete
		);
		assert_eq!(PartyDocuments::<Test>::iter_prefix(bob()).count(), 3);
	});
}

#[test]
fn the_largest_step_is_the_largest_benchmarked_one() {
	let weights = [
		<() as crate::WeightInfo>::recover_deposits(),
		<() as crate::WeightInfo>::recover_document(),
		<() as crate::WeightInfo>::recover_certificate(),
	];
	let step = <Documents as OnParticipantRecovered<_>>::max_step();
	assert!(weights.iter().all(|w| step.all_gte(*w)));
	assert!(weights.iter().any(|w| w.ref_time() == step.ref_time()));
}

#[test]
fn a_document_ending_before_its_lost_party_moved_releases_the_new_account() {
	test(|| {
		let new = new_account();
		fund(&new);
		let id = active_document();
		assert_ok!(Documents::propose_termination(signed(alice()), id, reason(1)));
		assert_ok!(Documents::sign(signed(alice()), id, 1, text(1)));
		// Alice is recovered; the documents hook has not run yet when Bob ends the contract.
		MockRegistry::recover(&alice(), &new);
		assert_eq!(references(&new), 1);
		assert_ok!(Documents::sign(signed(bob()), id, 1, text(1)));
		assert_eq!((references(&new), references(&bob())), (0, 0));
		assert_eq!(recover(&alice(), &new), RecoveryProgress::Done);
		assert_eq!(references(&new), 0);
	});
}
