//! What a contract reads of documents and certificates through the chain extension.

use super::*;
use pactum_primitives::{
	CertificateState, CertificateSummary, DocumentRecords, DocumentState, DocumentSummary,
};

const CERT: [u8; 32] = [0xC1; 32];

#[test]
fn a_pending_document_shows_its_open_version_not_yet_fully_signed() {
	test(|| {
		let id = create_between(1, vec![alice(), bob()]);
		assert_ok!(Documents::sign(signed(alice()), id, 0, text(1)));
		assert_eq!(
			Documents::document(id),
			Some(DocumentSummary {
				state: DocumentState::Pending,
				version: 0,
				hash: [1; 32],
				fully_signed: false
			})
		);
		assert!(Documents::signed(id, 0, &alice()));
		assert!(!Documents::signed(id, 0, &bob()));
		assert!(!Documents::signed(id, 1, &alice()), "no such version");
	});
}

#[test]
fn an_active_document_shows_the_version_in_force_fully_signed() {
	test(|| {
		let id = active_document();
		let summary = Documents::document(id).unwrap();
		assert_eq!((summary.state, summary.version, summary.fully_signed), (DocumentState::Active, 0, true));
		assert!(Documents::signed(id, 0, &bob()));
	});
}

#[test]
fn an_open_amendment_does_not_hide_the_version_in_force() {
	test(|| {
		let id = active_document();
		assert_ok!(Documents::propose_amendment(
			signed(bob()),
			id,
			text(2),
			b"enc:v2".to_vec(),
			reason(7)
		));
		let summary = Documents::document(id).unwrap();
		assert_eq!(
			(summary.state, summary.version, summary.hash, summary.fully_signed),
			(DocumentState::Active, 0, [1; 32], true)
		);
	});
}

#[test]
fn a_document_past_its_validity_reads_as_expired() {
	test(|| {
		let id = create_doc(vec![alice(), bob()], vec![alice()], Some(10));
		assert_ok!(Documents::sign(signed(alice()), id, 0, text(1)));
		assert_eq!(Documents::document(id).unwrap().state, DocumentState::Active);
		run_to_block(10);
		assert_eq!(Documents::document(id).unwrap().state, DocumentState::Expired);
	});
}

#[test]
fn no_document_no_summary() {
	test(|| assert_eq!(Documents::document(99), None));
}

#[test]
fn a_certificate_reads_with_its_state_now() {
	test(|| {
		assert_eq!(Documents::certificate(&CERT), None);
		assert_ok!(Documents::issue_certificate(
			signed(issuer()),
			alice(),
			CERT,
			b"licence".to_vec(),
			Some(20)
		));
		assert_eq!(
			Documents::certificate(&CERT),
			Some(CertificateSummary {
				state: CertificateState::Valid,
				issuer: issuer(),
				holder: alice(),
				issued_at: 1,
				expires_at: Some(20)
			})
		);
		run_to_block(20);
		assert_eq!(Documents::certificate(&CERT).unwrap().state, CertificateState::Expired);
		assert_ok!(Documents::revoke_certificate(signed(issuer()), CERT, reason(3)));
		assert_eq!(Documents::certificate(&CERT).unwrap().state, CertificateState::Revoked);
	});
}
