use super::*;
use crate::{
	ByHash, DocumentStatus, Documents as DocumentsMap, Error, Event, VersionKind, VersionStatus,
	Versions,
};
use frame_support::assert_noop;

#[test]
fn an_amendment_is_signed_again_and_history_stays() {
	test(|| {
		let id = active_document();
		run_to_block(3);
		assert_ok!(Documents::propose_amendment(
			signed(bob()),
			id,
			text(2),
			b"enc:v2".to_vec(),
			reason(7)
		));
		System::assert_last_event(
			Event::AmendmentProposed {
				document: id,
				version: 1,
				proposer: bob(),
				hash: text(2),
				reason: reason(7),
			}
			.into(),
		);
		let doc = DocumentsMap::<Test>::get(id).unwrap();
		// The original stays in force until the amendment is signed.
		assert_eq!(
			(doc.status, doc.active_version, doc.open_version),
			(DocumentStatus::Active, Some(0), Some(1))
		);
		assert!(held(&bob()) > 0, "the proposer pays the new version's deposit");
		// Signing the old text or the wrong hash is refused.
		assert_noop!(Documents::sign(signed(alice()), id, 0, text(1)), Error::<Test>::WrongVersion);
		assert_noop!(Documents::sign(signed(alice()), id, 1, text(1)), Error::<Test>::HashMismatch);
		assert_ok!(Documents::sign(signed(alice()), id, 1, text(2)));
		assert_ok!(Documents::sign(signed(bob()), id, 1, text(2)));
		System::assert_last_event(Event::Activated { document: id, version: 1 }.into());
		let doc = DocumentsMap::<Test>::get(id).unwrap();
		assert_eq!((doc.active_version, doc.open_version, doc.versions), (Some(1), None, 2));

		let original = Versions::<Test>::get(id, 0).unwrap();
		assert_eq!(original.hash, text(1));
		assert_eq!(original.status, VersionStatus::Accepted { at: 1 });
		assert_eq!(original.signatures.len(), 2);
		let amendment = Versions::<Test>::get(id, 1).unwrap();
		assert_eq!(amendment.kind, VersionKind::Amendment);
		assert_eq!(amendment.reason, Some(reason(7)));
		assert_eq!(amendment.uri.to_vec(), b"enc:v2".to_vec());
		assert_eq!((amendment.proposed_by, amendment.proposed_at), (bob(), 3));
		assert_eq!(amendment.status, VersionStatus::Accepted { at: 3 });
		assert!(ByHash::<Test>::contains_key([1; 32], (id, 0)));
		assert!(ByHash::<Test>::contains_key([2; 32], (id, 1)));
	});
}

#[test]
fn a_new_proposal_supersedes_one_waiting_for_signatures() {
	test(|| {
		let id = active_document();
		assert_ok!(Documents::propose_amendment(
			signed(alice()),
			id,
			text(2),
			URI.to_vec(),
			reason(1)
		));
		assert_ok!(Documents::sign(signed(alice()), id, 1, text(2)));
		run_to_block(4);
		assert_ok!(Documents::propose_amendment(
			signed(bob()),
			id,
			text(3),
			URI.to_vec(),
			reason(2)
		));
		System::assert_has_event(Event::Superseded { document: id, version: 1 }.into());
		assert_eq!(
			Versions::<Test>::get(id, 1).unwrap().status,
			VersionStatus::Superseded { at: 4 }
		);
		assert_noop!(Documents::sign(signed(bob()), id, 1, text(2)), Error::<Test>::WrongVersion);
		assert_ok!(Documents::sign(signed(alice()), id, 2, text(3)));
		assert_ok!(Documents::sign(signed(bob()), id, 2, text(3)));
		assert_eq!(DocumentsMap::<Test>::get(id).unwrap().active_version, Some(2));
	});
}

#[test]
fn termination_by_mutual_signature() {
	test(|| {
		let id = active_document();
		assert_ok!(Documents::propose_termination(signed(alice()), id, reason(5)));
		System::assert_last_event(
			Event::TerminationProposed {
				document: id,
				version: 1,
				proposer: alice(),
				reason: reason(5),
			}
			.into(),
		);
		let termination = Versions::<Test>::get(id, 1).unwrap();
		assert_eq!(termination.kind, VersionKind::Termination);
		// It names the text in force.
		assert_eq!(termination.hash, text(1));
		assert_ok!(Documents::sign(signed(alice()), id, 1, text(1)));
		assert_eq!(DocumentsMap::<Test>::get(id).unwrap().status, DocumentStatus::Active);
		assert_ok!(Documents::sign(signed(bob()), id, 1, text(1)));
		System::assert_last_event(Event::Terminated { document: id, version: 1 }.into());
		assert_eq!(DocumentsMap::<Test>::get(id).unwrap().status, DocumentStatus::Terminated);
		assert_noop!(
			Documents::propose_amendment(signed(alice()), id, text(2), URI.to_vec(), reason(1)),
			Error::<Test>::Terminated
		);
		assert_noop!(
			Documents::propose_termination(signed(alice()), id, reason(1)),
			Error::<Test>::Terminated
		);
	});
}

#[test]
fn amendment_refusals() {
	test(|| {
		let amend = |who: AccountId, id: DocumentId| {
			Documents::propose_amendment(signed(who), id, text(9), URI.to_vec(), reason(1))
		};
		assert_noop!(amend(alice(), 5), Error::<Test>::UnknownDocument);
		let pending = create_between(1, vec![alice(), bob()]);
		assert_noop!(amend(alice(), pending), Error::<Test>::NotActive);
		assert_noop!(
			Documents::propose_termination(signed(alice()), pending, reason(1)),
			Error::<Test>::NotActive
		);
		let id = active_document();
		assert_noop!(amend(charlie(), id), Error::<Test>::NotParty);
		assert_noop!(amend(outsider(), id), Error::<Test>::NotParticipant);
		assert_noop!(
			Documents::propose_amendment(signed(alice()), id, text(9), vec![0; 65], reason(1)),
			Error::<Test>::UriTooLong
		);
		// MaxVersions is 4: the original, two amendments, and the last version kept for a
		// termination, so one party cannot use every version up and block the contract's end.
		assert_ok!(amend(alice(), id));
		assert_ok!(amend(alice(), id));
		assert_noop!(amend(alice(), id), Error::<Test>::TooManyVersions);
		assert_ok!(Documents::propose_termination(signed(bob()), id, reason(2)));
		assert_noop!(
			Documents::propose_termination(signed(alice()), id, reason(3)),
			Error::<Test>::TooManyVersions
		);
		MockRegistry::ban(&bob());
		assert_noop!(amend(bob(), id), Error::<Test>::Banned);
	});
}

#[test]
fn an_expired_document_cannot_be_amended() {
	test(|| {
		let id = create_doc(vec![alice()], vec![alice()], Some(9));
		assert_ok!(Documents::sign(signed(alice()), id, 0, text(1)));
		run_to_block(9);
		assert_noop!(
			Documents::propose_amendment(signed(alice()), id, text(2), URI.to_vec(), reason(1)),
			Error::<Test>::Expired
		);
	});
}
