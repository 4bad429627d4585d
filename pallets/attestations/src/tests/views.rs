use super::*;
use crate::{KindTally, RevocationReason, StatusNow, MAX_PAGE};
use frame_support::assert_ok;
use pactum_primitives::AccountKind;

#[test]
fn a_view_shows_the_status_now_with_expiry() {
	test(|| {
		let schema = setup();
		assert_ok!(Attestations::issue(
			signed(ISP),
			Subject::Account(ALICE),
			schema,
			claims(1),
			Some(10)
		));
		assert_eq!(Attestations::attestation_view(0).unwrap().status, StatusNow::Pending);
		assert_ok!(Attestations::accept(signed(ALICE), 0));
		let view = Attestations::attestation_view(0).unwrap();
		assert_eq!((view.id, view.status, view.issuer), (0, StatusNow::Active, ISP));
		run_to_block(10);
		assert_eq!(Attestations::attestation_view(0).unwrap().status, StatusNow::Expired);
		assert_ok!(Attestations::revoke(signed(ISP), 0, RevocationReason::Fraud));
		assert_eq!(
			Attestations::attestation_view(0).unwrap().status,
			StatusNow::Revoked { at: 10, by: ISP, reason: RevocationReason::Fraud }
		);
		assert!(Attestations::attestation_view(9).is_none());
	});
}

#[test]
fn lookups_page_through_a_subject_an_issuer_and_a_schema() {
	test(|| {
		let schema = setup();
		let ids: Vec<_> = (0..5).map(|_| attest(ALICE, schema, None)).collect();
		attest(BOB, schema, None);
		let alice = Subject::Account(ALICE);
		let first = Attestations::attestations_about(&alice, None, 2);
		assert_eq!(first.len(), 2);
		let second = Attestations::attestations_about(&alice, Some(first[1].id), 2);
		let third = Attestations::attestations_about(&alice, Some(second[1].id), 2);
		assert_eq!((second.len(), third.len()), (2, 1));
		let mut seen: Vec<_> = first.iter().chain(&second).chain(&third).map(|v| v.id).collect();
		seen.sort();
		assert_eq!(seen, ids);
		assert!(Attestations::attestations_about(&alice, Some(third[0].id), 2).is_empty());
		assert_eq!(Attestations::attestations_by(&ISP, None, 10).len(), 6);
		assert_eq!(Attestations::attestations_of(schema, None, 10).len(), 6);
		assert!(Attestations::attestations_by(&PARTNER, None, 10).is_empty());
		// Pages are at most MAX_PAGE long.
		assert_eq!(Attestations::attestations_by(&ISP, None, MAX_PAGE + 1).len(), 6);
	});
}

#[test]
fn a_did_is_read_with_its_services_as_text_deactivated_or_not() {
	test(|| {
		assert_ok!(Attestations::create_did(
			signed(ALICE),
			vec![signing_key(1), encryption_key(2)],
			vec![(b"inbox".to_vec(), b"Messaging".to_vec(), b"https://a.example".to_vec())],
		));
		let view = Attestations::did_view(ALICE).unwrap();
		assert_eq!((view.account, view.controller, view.keys.len()), (ALICE, ALICE, 2));
		assert_eq!(view.services[0].endpoint, "https://a.example");
		assert_eq!(view.services[0].kind, "Messaging");
		assert!(Attestations::did_view(BOB).is_none());
		assert_ok!(Attestations::deactivate_did(signed(ALICE), ALICE));
		let view = Attestations::did_view(ALICE).unwrap();
		assert_eq!((view.deactivated_at, view.keys.len()), (Some(1), 0));
	});
}

#[test]
fn a_schema_is_read_with_its_attributes_and_versions() {
	test(|| {
		let v1 = setup();
		assert_ok!(Attestations::new_schema_version(
			signed(ISP),
			v1,
			vec![(b"since".to_vec(), crate::AttributeType::Date, false)],
		));
		let old = Attestations::schema_view(v1).unwrap();
		assert_eq!(
			(old.name.as_str(), old.version, old.superseded_by),
			("isp-account", 1, Some(1))
		);
		assert_eq!(old.attributes[0].name, "customer-id");
		let new = Attestations::schema_view(1).unwrap();
		assert_eq!((new.version, new.previous, new.owner), (2, Some(v1), ISP));
		assert_eq!(new.attributes[0].kind, crate::AttributeType::Date);
		assert!(Attestations::schema_view(9).is_none());
	});
}

#[test]
fn a_trust_summary_tallies_a_devices_attestations_by_schema_and_attester_kind() {
	test(|| {
		const LOCK: [u8; 32] = [0xd0; 32];
		for who in [ISP, CAROL, OEM] {
			give_did(who);
		}
		assert_ok!(Attestations::register_device(signed(OEM), LOCK, b"lock".to_vec()));
		let boot = device_schema();
		let malicious = schema_of(PARTNER, b"malicious", SubjectKind::Device);
		let device = Subject::Device(LOCK);
		// Verified boot from the ISP (corporate) twice, the first revoked; from Carol once.
		assert_ok!(Attestations::issue(signed(ISP), device.clone(), boot, claims(1), None));
		assert_ok!(Attestations::revoke(signed(ISP), 0, RevocationReason::KeyCompromise));
		assert_ok!(Attestations::issue(signed(ISP), device.clone(), boot, claims(2), None));
		assert_ok!(Attestations::issue(signed(CAROL), device.clone(), boot, claims(3), Some(5)));
		// A malicious-activity report from the OEM.
		assert_ok!(Attestations::issue(signed(OEM), device.clone(), malicious, claims(4), None));
		let summary = Attestations::trust_summary(LOCK).unwrap();
		assert_eq!((summary.controller, summary.truncated), (OEM, false));
		assert_eq!(summary.by_schema.len(), 2);
		let boot_tally = &summary.by_schema[0];
		assert_eq!((boot_tally.schema, boot_tally.in_force, boot_tally.revoked), (boot, 2, 1));
		assert_eq!(boot_tally.latest.id, 2);
		let report = &summary.by_schema[1];
		assert_eq!((report.schema, report.in_force, report.latest.issuer), (malicious, 1, OEM));
		let mut kinds = summary.by_attester_kind.clone();
		kinds.sort_by_key(|t| t.in_force);
		assert_eq!(
			kinds,
			vec![
				KindTally { kind: Some(AccountKind::Verified), in_force: 1 },
				KindTally { kind: Some(AccountKind::Corporate), in_force: 2 },
			]
		);
		// Carol's lapses; a removed attester counts as none.
		run_to_block(5);
		MockRegistry::remove(&OEM);
		let summary = Attestations::trust_summary(LOCK).unwrap();
		assert_eq!(summary.by_schema[0].in_force, 1);
		assert!(summary.by_attester_kind.contains(&KindTally { kind: None, in_force: 1 }));
		assert!(Attestations::trust_summary([9; 32]).is_none());
	});
}
