use super::*;
use crate::{DocumentStatus, VersionKind, VersionStatus};

#[test]
fn document_view_has_every_version_and_signature() {
	test(|| {
		let id = active_document();
		assert_ok!(Documents::propose_amendment(
			signed(alice()),
			id,
			text(2),
			b"enc:v2".to_vec(),
			reason(1)
		));
		let bobs = key("Bob").sign_document(id, 1, &text(2));
		assert_ok!(Documents::sign_relayed(signed(operator()), id, 1, text(2), bob(), bobs));
		let view = Documents::document_view(id).unwrap();
		assert_eq!(view.id, id);
		assert_eq!(view.status, DocumentStatus::Active);
		assert_eq!((view.active_version, view.open_version), (Some(0), Some(1)));
		assert_eq!(view.parties, vec![alice(), bob()]);
		assert_eq!(view.versions.len(), 2);
		assert_eq!(view.versions[0].kind, VersionKind::Original);
		assert_eq!(view.versions[0].signatures.len(), 2);
		assert_eq!(view.versions[1].index, 1);
		assert_eq!(view.versions[1].uri, b"enc:v2".to_vec());
		assert_eq!(view.versions[1].status, VersionStatus::Open);
		let relayed = &view.versions[1].signatures[0];
		assert_eq!(relayed.signer, bob());
		assert_eq!(relayed.relayed.as_ref().map(|r| r.by.clone()), Some(operator()));
		assert_eq!(Documents::document_view(99), None);
	});
}

#[test]
fn party_documents_come_in_pages() {
	test(|| {
		let ids: Vec<_> = (1..=5).map(|n| create_between(n, vec![alice(), bob()])).collect();
		assert_ok!(Documents::sign(signed(bob()), ids[0], 0, text(1)));
		let mut seen = Vec::new();
		let mut after = None;
		loop {
			let page = Documents::party_documents(&bob(), after, 2);
			if page.is_empty() {
				break;
			}
			assert!(page.len() <= 2);
			after = page.last().map(|d| d.id);
			seen.extend(page);
		}
		let mut listed: Vec<_> = seen.iter().map(|d| d.id).collect();
		listed.sort();
		assert_eq!(listed, ids);
		for doc in &seen {
			// Bob signed the first one; the others wait for him.
			assert_eq!(doc.awaiting_signature, doc.id != ids[0]);
			assert_eq!(doc.status, DocumentStatus::Pending);
		}
		assert!(Documents::party_documents(&charlie(), None, 10).is_empty());
	});
}

#[test]
fn verify_finds_every_version_carrying_a_hash() {
	test(|| {
		let a = active_document();
		// Another contract whose amendment has the same text as the first.
		let b = active_document();
		assert_ok!(Documents::propose_amendment(
			signed(alice()),
			b,
			text(1),
			URI.to_vec(),
			reason(1)
		));
		let result = Documents::verify([1; 32]);
		let mut found: Vec<_> = result.documents.iter().map(|m| (m.document, m.version)).collect();
		found.sort();
		assert_eq!(found, vec![(a, 0), (b, 0), (b, 1)]);
		let original = result.documents.iter().find(|m| (m.document, m.version) == (a, 0)).unwrap();
		assert_eq!(original.document_status, DocumentStatus::Active);
		assert_eq!(original.version_status, VersionStatus::Accepted { at: 1 });
		let signers: Vec<_> = original.signed_by.iter().map(|(who, _)| who.clone()).collect();
		assert_eq!(signers, vec![alice(), bob()]);
		assert_eq!(result.certificate, None);
		let unknown = Documents::verify([0xAB; 32]);
		assert!(unknown.documents.is_empty() && unknown.certificate.is_none());
	});
}
