use super::*;
use crate::{
	DocumentStatus, Documents as DocumentsMap, Error, Event, SignatureRecord, VersionStatus,
	Versions,
};
use frame_support::assert_noop;

#[test]
fn the_last_required_signature_activates_the_document() {
	test(|| {
		let id = create_doc(vec![alice(), bob(), charlie()], vec![alice(), bob()], None);
		assert_ok!(Documents::sign(signed(alice()), id, 0, text(1)));
		System::assert_last_event(
			Event::Signed { document: id, version: 0, signer: alice(), relayed_by: None }.into(),
		);
		assert_eq!(DocumentsMap::<Test>::get(id).unwrap().status, DocumentStatus::Pending);

		run_to_block(5);
		assert_ok!(Documents::sign(signed(bob()), id, 0, text(1)));
		System::assert_has_event(
			Event::Signed { document: id, version: 0, signer: bob(), relayed_by: None }.into(),
		);
		System::assert_last_event(Event::Activated { document: id, version: 0 }.into());
		let doc = DocumentsMap::<Test>::get(id).unwrap();
		assert_eq!(doc.status, DocumentStatus::Active);
		assert_eq!((doc.open_version, doc.active_version), (None, Some(0)));
		let version = Versions::<Test>::get(id, 0).unwrap();
		assert_eq!(version.status, VersionStatus::Accepted { at: 5 });
		assert_eq!(
			version.signatures.to_vec(),
			vec![
				SignatureRecord { signer: alice(), at: 1, relayed: None },
				SignatureRecord { signer: bob(), at: 5, relayed: None },
			]
		);
	});
}

#[test]
fn sign_refusals() {
	test(|| {
		let id = create_between(1, vec![alice(), bob()]);
		assert_noop!(
			Documents::sign(signed(alice()), 9, 0, text(1)),
			Error::<Test>::UnknownDocument
		);
		assert_noop!(Documents::sign(signed(alice()), id, 1, text(1)), Error::<Test>::WrongVersion);
		assert_noop!(Documents::sign(signed(alice()), id, 0, text(2)), Error::<Test>::HashMismatch);
		// Same digest, other algorithm: another text.
		let mut other_algorithm = text(1);
		other_algorithm.algorithm = crate::HashAlgorithm::Keccak256;
		assert_noop!(
			Documents::sign(signed(alice()), id, 0, other_algorithm),
			Error::<Test>::HashMismatch
		);
		assert_noop!(Documents::sign(signed(charlie()), id, 0, text(1)), Error::<Test>::NotSigner);
		assert_noop!(
			Documents::sign(signed(outsider()), id, 0, text(1)),
			Error::<Test>::NotParticipant
		);
		assert_ok!(Documents::sign(signed(alice()), id, 0, text(1)));
		assert_noop!(
			Documents::sign(signed(alice()), id, 0, text(1)),
			Error::<Test>::AlreadySigned
		);
		MockRegistry::ban(&bob());
		assert_noop!(Documents::sign(signed(bob()), id, 0, text(1)), Error::<Test>::Banned);
		MockRegistry::unban(&bob());
		assert_ok!(Documents::sign(signed(bob()), id, 0, text(1)));
		// Accepted: nothing waits for signatures any more.
		assert_noop!(Documents::sign(signed(bob()), id, 0, text(1)), Error::<Test>::NothingToSign);
	});
}

#[test]
fn an_expired_document_cannot_be_signed() {
	test(|| {
		let id = create_doc(vec![alice(), bob()], vec![alice(), bob()], Some(20));
		assert_ok!(Documents::sign(signed(alice()), id, 0, text(1)));
		run_to_block(20);
		assert_noop!(Documents::sign(signed(bob()), id, 0, text(1)), Error::<Test>::Expired);
		assert_eq!(Documents::document_view(id).unwrap().status, DocumentStatus::Expired);
	});
}

#[test]
fn a_terminated_document_cannot_be_signed() {
	test(|| {
		let id = active_document();
		assert_ok!(Documents::propose_termination(signed(alice()), id, reason(1)));
		assert_ok!(Documents::sign(signed(alice()), id, 1, text(1)));
		assert_ok!(Documents::sign(signed(bob()), id, 1, text(1)));
		assert_noop!(Documents::sign(signed(bob()), id, 1, text(1)), Error::<Test>::Terminated);
	});
}
