use super::*;
use crate::{
	ByHash, DocumentStatus, Documents as DocumentsMap, Error, Event, PartyDocuments, Supplements,
	VersionKind, VersionStatus, Versions,
};
use frame_support::assert_noop;

#[test]
fn create_records_the_document_its_original_version_and_indexes() {
	test(|| {
		assert_ok!(Documents::create(
			signed(alice()),
			None,
			text(1),
			URI.to_vec(),
			vec![alice(), bob(), charlie()],
			vec![alice(), bob()],
			Some(100),
		));
		let doc = DocumentsMap::<Test>::get(0).unwrap();
		assert_eq!(doc.creator, alice());
		assert_eq!(doc.parties.to_vec(), vec![alice(), bob(), charlie()]);
		assert_eq!(doc.signers.to_vec(), vec![alice(), bob()]);
		assert_eq!(doc.status, DocumentStatus::Pending);
		assert_eq!((doc.versions, doc.open_version, doc.active_version), (1, Some(0), None));
		assert_eq!((doc.valid_until, doc.created_at), (Some(100), 1));
		let version = Versions::<Test>::get(0, 0).unwrap();
		assert_eq!(version.kind, VersionKind::Original);
		assert_eq!(version.hash, text(1));
		assert_eq!(version.uri.to_vec(), URI.to_vec());
		assert_eq!(version.status, VersionStatus::Open);
		assert!(version.signatures.is_empty());
		for party in [alice(), bob(), charlie()] {
			assert!(PartyDocuments::<Test>::contains_key(party, 0));
		}
		assert!(ByHash::<Test>::contains_key([1; 32], (0, 0)));
		assert!(doc.deposit > 0);
		assert_eq!(held(&alice()), doc.deposit);
		assert_eq!(held(&bob()), 0);
		System::assert_last_event(
			Event::Created {
				document: 0,
				creator: alice(),
				parent: None,
				hash: text(1),
				deposit: doc.deposit,
			}
			.into(),
		);
		assert_eq!(crate::NextDocumentId::<Test>::get(), 1);
	});
}

#[test]
fn supplements_reference_their_parent() {
	test(|| {
		let parent = active_document();
		assert_ok!(Documents::create(
			signed(bob()),
			Some(parent),
			text(2),
			URI.to_vec(),
			vec![bob(), alice()],
			vec![bob()],
			None,
		));
		let supplement = parent + 1;
		assert_eq!(DocumentsMap::<Test>::get(supplement).unwrap().parent, Some(parent));
		assert_eq!(DocumentsMap::<Test>::get(parent).unwrap().supplements, 1);
		assert!(Supplements::<Test>::contains_key(parent, supplement));
		assert_eq!(Documents::document_view(parent).unwrap().supplements, vec![supplement]);
		// A supplement goes through the same signing.
		assert_ok!(Documents::sign(signed(bob()), supplement, 0, text(2)));
		assert_eq!(DocumentsMap::<Test>::get(supplement).unwrap().status, DocumentStatus::Active);
	});
}

#[test]
fn create_refusals() {
	test(|| {
		let create = |who: AccountId, parties: Vec<AccountId>, signers: Vec<AccountId>| {
			Documents::create(signed(who), None, text(1), URI.to_vec(), parties, signers, None)
		};
		assert_noop!(
			create(outsider(), vec![outsider()], vec![outsider()]),
			Error::<Test>::NotParticipant
		);
		assert_noop!(create(alice(), vec![bob()], vec![bob()]), Error::<Test>::NotParty);
		assert_noop!(
			create(alice(), vec![alice(), bob(), charlie(), dave(), operator()], vec![alice()]),
			Error::<Test>::TooManyParties
		);
		assert_noop!(
			create(alice(), vec![alice(), bob(), alice()], vec![alice()]),
			Error::<Test>::DuplicateParty
		);
		assert_noop!(
			create(alice(), vec![alice(), bob()], vec![bob(), bob()]),
			Error::<Test>::DuplicateParty
		);
		assert_noop!(create(alice(), vec![alice(), bob()], vec![]), Error::<Test>::NoSigners);
		assert_noop!(
			create(alice(), vec![alice(), bob()], vec![charlie()]),
			Error::<Test>::SignerNotParty
		);
		assert_noop!(
			create(alice(), vec![alice(), outsider()], vec![alice()]),
			Error::<Test>::PartyNotParticipant
		);
		assert_noop!(
			Documents::create(
				signed(alice()),
				None,
				text(1),
				vec![0; 65],
				vec![alice()],
				vec![alice()],
				None
			),
			Error::<Test>::UriTooLong
		);
		run_to_block(10);
		assert_noop!(
			Documents::create(
				signed(alice()),
				None,
				text(1),
				URI.to_vec(),
				vec![alice()],
				vec![alice()],
				Some(10)
			),
			Error::<Test>::ExpiryInPast
		);
		assert_noop!(
			create(poor(), vec![poor()], vec![poor()]),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn banned_participants_neither_create_nor_are_named() {
	test(|| {
		MockRegistry::ban(&bob());
		assert_noop!(
			Documents::create(
				signed(bob()),
				None,
				text(1),
				URI.to_vec(),
				vec![bob()],
				vec![bob()],
				None
			),
			Error::<Test>::Banned
		);
		assert_noop!(
			Documents::create(
				signed(alice()),
				None,
				text(1),
				URI.to_vec(),
				vec![alice(), bob()],
				vec![alice()],
				None
			),
			Error::<Test>::PartyNotParticipant
		);
	});
}

#[test]
fn supplement_refusals() {
	test(|| {
		let supplement = |who: AccountId, parent: DocumentId| {
			Documents::create(
				signed(who.clone()),
				Some(parent),
				text(3),
				URI.to_vec(),
				vec![who.clone()],
				vec![who],
				None,
			)
		};
		assert_noop!(supplement(alice(), 7), Error::<Test>::UnknownParent);
		let parent = active_document();
		assert_noop!(supplement(charlie(), parent), Error::<Test>::NotParty);
		assert_ok!(supplement(alice(), parent));
		assert_ok!(supplement(alice(), parent));
		assert_noop!(supplement(alice(), parent), Error::<Test>::TooManySupplements);

		let terminated = active_document();
		assert_ok!(Documents::propose_termination(signed(alice()), terminated, reason(9)));
		assert_ok!(Documents::sign(signed(alice()), terminated, 1, text(1)));
		assert_ok!(Documents::sign(signed(bob()), terminated, 1, text(1)));
		assert_noop!(supplement(alice(), terminated), Error::<Test>::ParentTerminated);
	});
}

#[test]
fn create_is_weighed_for_parties_that_may_be_contracts() {
	use frame_support::dispatch::GetDispatchInfo;
	use pactum_primitives::ParticipantRegistry;
	let parties = vec![alice(), bob(), charlie()];
	let call = crate::Call::<Test>::create {
		parent: None,
		hash: text(1),
		uri: URI.to_vec(),
		parties: parties.clone(),
		signers: vec![alice()],
		valid_until: None,
	};
	let standing = <MockRegistry as ParticipantRegistry<AccountId>>::standing_weight();
	assert!(standing.ref_time() > 0);
	assert_eq!(
		call.get_dispatch_info().call_weight,
		<() as crate::WeightInfo>::create(3).saturating_add(standing.saturating_mul(3))
	);
}
