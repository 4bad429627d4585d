use super::*;
use crate::{CertificateStatus, Certificates, Error, Event, HolderCertificates};
use frame_support::assert_noop;

const CERT: [u8; 32] = [0xC0; 32];

fn issue(expires_at: Option<u64>) {
	assert_ok!(Documents::issue_certificate(
		signed(issuer()),
		alice(),
		CERT,
		b"telecom-licence".to_vec(),
		expires_at
	));
}

#[test]
fn an_issuer_issues_anyone_verifies_the_issuer_revokes() {
	test(|| {
		issue(Some(50));
		System::assert_last_event(
			Event::CertificateIssued {
				hash: CERT,
				issuer: issuer(),
				org_code: b"KZ-TEL".to_vec().try_into().unwrap(),
				holder: alice(),
				cert_type: b"telecom-licence".to_vec().try_into().unwrap(),
				expires_at: Some(50),
			}
			.into(),
		);
		let cert = Certificates::<Test>::get(CERT).unwrap();
		assert_eq!(held(&issuer()), cert.deposit);
		assert!(HolderCertificates::<Test>::contains_key(alice(), CERT));
		let view = Documents::verify(CERT).certificate.unwrap();
		assert_eq!(view.status, CertificateStatus::Valid);
		assert_eq!(
			(view.org_code.as_str(), view.cert_type.as_str()),
			("KZ-TEL", "telecom-licence")
		);
		assert_eq!(view.holder, alice());
		assert_eq!(Documents::holder_certificates(&alice(), None, 10), vec![view]);

		run_to_block(7);
		assert_ok!(Documents::revoke_certificate(signed(issuer()), CERT, reason(3)));
		System::assert_last_event(
			Event::CertificateRevoked { hash: CERT, by: issuer(), reason: reason(3) }.into(),
		);
		let view = Documents::certificate_view(CERT).unwrap();
		assert_eq!(view.status, CertificateStatus::Revoked);
		let revoked = view.revoked.unwrap();
		assert_eq!((revoked.by, revoked.at, revoked.reason), (issuer(), 7, reason(3)));
	});
}

#[test]
fn a_certificate_expires_at_its_block() {
	test(|| {
		issue(Some(50));
		run_to_block(49);
		assert_eq!(Documents::certificate_view(CERT).unwrap().status, CertificateStatus::Valid);
		run_to_block(50);
		assert_eq!(Documents::certificate_view(CERT).unwrap().status, CertificateStatus::Expired);
	});
}

#[test]
fn the_account_holding_the_organisation_code_revokes() {
	test(|| {
		issue(None);
		let colleague = bob();
		MockRegistry::admit(&colleague, 1, &[crate::roles::Issuer::ROLE]);
		// Without the organisation's code, the role is not enough.
		assert_noop!(
			Documents::revoke_certificate(signed(colleague.clone()), CERT, reason(1)),
			Error::<Test>::NotCertificateIssuer
		);
		MockRegistry::clear_org_code(&issuer());
		MockRegistry::set_org_code(&colleague, b"KZ-TEL");
		assert_ok!(Documents::revoke_certificate(signed(colleague), CERT, reason(1)));
	});
}

#[test]
fn issue_refusals() {
	test(|| {
		let issue_by = |who: AccountId| {
			Documents::issue_certificate(signed(who), alice(), CERT, b"licence".to_vec(), None)
		};
		assert_noop!(issue_by(outsider()), Error::<Test>::NotParticipant);
		assert_noop!(issue_by(bob()), Error::<Test>::NotIssuer);
		MockRegistry::admit(&bob(), 1, &[crate::roles::Issuer::ROLE]);
		assert_noop!(issue_by(bob()), Error::<Test>::NoOrgCode);
		assert_noop!(
			Documents::issue_certificate(
				signed(issuer()),
				outsider(),
				CERT,
				b"licence".to_vec(),
				None
			),
			Error::<Test>::HolderNotParticipant
		);
		assert_noop!(
			Documents::issue_certificate(signed(issuer()), alice(), CERT, vec![b'x'; 17], None),
			Error::<Test>::CertTypeTooLong
		);
		for not_text in [vec![0xff, b'a'], b"line\nbreak".to_vec(), vec![0]] {
			assert_noop!(
				Documents::issue_certificate(signed(issuer()), alice(), CERT, not_text, None),
				Error::<Test>::InvalidCertType
			);
		}
		run_to_block(3);
		assert_noop!(
			Documents::issue_certificate(
				signed(issuer()),
				alice(),
				CERT,
				b"licence".to_vec(),
				Some(3)
			),
			Error::<Test>::ExpiryInPast
		);
		assert_ok!(issue_by(issuer()));
		assert_noop!(issue_by(issuer()), Error::<Test>::CertificateExists);
		assert_noop!(issue_by(other_issuer()), Error::<Test>::CertificateExists);
		MockRegistry::ban(&issuer());
		assert_noop!(
			Documents::issue_certificate(
				signed(issuer()),
				alice(),
				[1; 32],
				b"licence".to_vec(),
				None
			),
			Error::<Test>::Banned
		);
	});
}

#[test]
fn revoke_refusals() {
	test(|| {
		assert_noop!(
			Documents::revoke_certificate(signed(issuer()), CERT, reason(1)),
			Error::<Test>::UnknownCertificate
		);
		issue(None);
		assert_noop!(
			Documents::revoke_certificate(signed(other_issuer()), CERT, reason(1)),
			Error::<Test>::NotCertificateIssuer
		);
		assert_noop!(
			Documents::revoke_certificate(signed(alice()), CERT, reason(1)),
			Error::<Test>::NotCertificateIssuer
		);
		assert_ok!(Documents::revoke_certificate(signed(issuer()), CERT, reason(1)));
		assert_noop!(
			Documents::revoke_certificate(signed(issuer()), CERT, reason(2)),
			Error::<Test>::AlreadyRevoked
		);
	});
}

#[test]
fn a_holder_lists_its_certificates_in_pages() {
	test(|| {
		let hashes: Vec<[u8; 32]> = (1..=5u8).map(|n| [n; 32]).collect();
		for hash in &hashes {
			assert_ok!(Documents::issue_certificate(
				signed(issuer()),
				alice(),
				*hash,
				b"diploma".to_vec(),
				None
			));
		}
		assert_ok!(Documents::revoke_certificate(signed(issuer()), hashes[0], reason(1)));
		let mut seen = Vec::new();
		let mut after = None;
		loop {
			let page = Documents::holder_certificates(&alice(), after, 2);
			if page.is_empty() {
				break;
			}
			assert!(page.len() <= 2);
			after = page.last().map(|c| c.hash);
			seen.extend(page);
		}
		let mut listed: Vec<_> = seen.iter().map(|c| c.hash).collect();
		listed.sort();
		assert_eq!(listed, hashes);
		for cert in &seen {
			assert_eq!(cert.holder, alice());
			let expected = if cert.hash == hashes[0] {
				CertificateStatus::Revoked
			} else {
				CertificateStatus::Valid
			};
			assert_eq!(cert.status, expected);
		}
		assert!(Documents::holder_certificates(&bob(), None, 10).is_empty());
	});
}
