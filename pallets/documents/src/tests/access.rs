use super::*;
use crate::{AccessGrant, AccessGrants, Error, Event};
use frame_support::assert_noop;

#[test]
fn a_party_grants_and_revokes_access() {
	test(|| {
		let id = create_between(1, vec![alice(), bob()]);
		let viewer = outsider();
		assert!(Documents::can_access(id, &alice()));
		assert!(!Documents::can_access(id, &viewer));
		let before = held(&bob());
		assert_ok!(Documents::grant_access(signed(bob()), id, viewer.clone(), Some(30)));
		System::assert_last_event(
			Event::AccessGranted {
				document: id,
				viewer: viewer.clone(),
				by: bob(),
				expires_at: Some(30),
			}
			.into(),
		);
		let grant = AccessGrants::<Test>::get(id, &viewer).unwrap();
		assert_eq!(
			grant,
			AccessGrant {
				granted_by: bob(),
				granted_at: 1,
				expires_at: Some(30),
				deposit: grant.deposit
			}
		);
		assert_eq!(held(&bob()), before + grant.deposit);
		assert!(Documents::can_access(id, &viewer));
		run_to_block(30);
		assert!(!Documents::can_access(id, &viewer), "expired at its block");
		// Any party revokes; the deposit goes back to the granter.
		assert_ok!(Documents::revoke_access(signed(alice()), id, viewer.clone()));
		System::assert_last_event(
			Event::AccessRevoked { document: id, viewer: viewer.clone(), by: alice() }.into(),
		);
		assert_eq!(held(&bob()), before);
		assert!(!AccessGrants::<Test>::contains_key(id, &viewer));
	});
}

#[test]
fn access_without_expiry_lasts_until_revoked() {
	test(|| {
		let id = create_between(1, vec![alice(), bob()]);
		assert_ok!(Documents::grant_access(signed(alice()), id, charlie(), None));
		run_to_block(1_000_000);
		assert!(Documents::can_access(id, &charlie()));
	});
}

#[test]
fn access_refusals() {
	test(|| {
		let id = create_between(1, vec![alice(), bob()]);
		assert_noop!(
			Documents::grant_access(signed(alice()), 9, charlie(), None),
			Error::<Test>::UnknownDocument
		);
		assert_noop!(
			Documents::grant_access(signed(charlie()), id, dave(), None),
			Error::<Test>::NotParty
		);
		assert_noop!(
			Documents::grant_access(signed(alice()), id, bob(), None),
			Error::<Test>::ViewerIsParty
		);
		assert_noop!(
			Documents::grant_access(signed(outsider()), id, dave(), None),
			Error::<Test>::NotParticipant
		);
		run_to_block(5);
		assert_noop!(
			Documents::grant_access(signed(alice()), id, charlie(), Some(5)),
			Error::<Test>::ExpiryInPast
		);
		assert_ok!(Documents::grant_access(signed(alice()), id, charlie(), None));
		assert_noop!(
			Documents::grant_access(signed(bob()), id, charlie(), None),
			Error::<Test>::AlreadyGranted
		);
		assert_noop!(
			Documents::revoke_access(signed(alice()), id, dave()),
			Error::<Test>::NoAccessGrant
		);
		assert_noop!(
			Documents::revoke_access(signed(charlie()), id, charlie()),
			Error::<Test>::NotParty
		);
		assert_noop!(
			Documents::revoke_access(signed(alice()), 9, charlie()),
			Error::<Test>::UnknownDocument
		);
		let poor_doc = crate::NextDocumentId::<Test>::get();
		assert_ok!(Documents::create(
			signed(alice()),
			None,
			text(2),
			URI.to_vec(),
			vec![alice(), poor()],
			vec![alice()],
			None
		));
		assert_noop!(
			Documents::grant_access(signed(poor()), poor_doc, charlie(), None),
			Error::<Test>::InsufficientBalance
		);
	});
}
