use super::*;
use crate::{AccountKind, Error, Event, Kyc, ParticipantRegistry, Participants};
use frame_support::assert_noop;

#[test]
fn verify_records_the_kyc_and_makes_the_participant_verified() {
	test(|| {
		register(ALICE);
		assert_ok!(Registry::verify_kyc(signed(KYC), ALICE, 2, hash(1), 100));
		let p = Participants::<Test>::get(ALICE).unwrap();
		assert_eq!(p.kind, AccountKind::Verified);
		assert_eq!(
			p.kyc,
			Some(Kyc { level: 2, evidence: hash(1), expires_at: 100, verified_at: 1 })
		);
		System::assert_last_event(
			Event::Verified { who: ALICE, level: 2, evidence: hash(1), expires_at: 100, by: KYC }
				.into(),
		);
		// A new verification replaces the old one.
		assert_ok!(Registry::verify_kyc(signed(KYC2), ALICE, 3, hash(2), 200));
		assert_eq!(Participants::<Test>::get(ALICE).unwrap().kyc.unwrap().level, 3);
	});
}

#[test]
fn verify_refusals() {
	test(|| {
		register(ALICE);
		assert_noop!(
			Registry::verify_kyc(signed(ALICE), ALICE, 1, hash(1), 100),
			Error::<Test>::MissingRole
		);
		assert_noop!(
			Registry::verify_kyc(signed(SECURITY), ALICE, 1, hash(1), 100),
			Error::<Test>::MissingRole
		);
		assert_noop!(
			Registry::verify_kyc(signed(KYC), BOB, 1, hash(1), 100),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			Registry::verify_kyc(signed(KYC), ALICE, 0, hash(1), 100),
			Error::<Test>::InvalidKycLevel
		);
		assert_noop!(
			Registry::verify_kyc(signed(KYC), ALICE, 4, hash(1), 100),
			Error::<Test>::InvalidKycLevel
		);
		assert_noop!(
			Registry::verify_kyc(signed(KYC), ALICE, 1, hash(1), 1),
			Error::<Test>::ExpiryInPast
		);
		// A banned KYC admin has no power.
		assert_ok!(Registry::ban(signed(SECURITY), KYC, 1, None));
		assert_noop!(
			Registry::verify_kyc(signed(KYC), ALICE, 1, hash(1), 100),
			Error::<Test>::Banned
		);
	});
}

#[test]
fn kyc_expires_lazily_at_its_expiry_block() {
	test(|| {
		register(ALICE);
		assert_ok!(Registry::verify_kyc(signed(KYC), ALICE, 2, hash(1), 50));
		run_to_block(49);
		assert_eq!(Registry::standing(&ALICE).unwrap().kyc_level, 2);
		assert_eq!(Registry::participant_view(&ALICE).unwrap().kyc_level, 2);
		run_to_block(50);
		let standing = Registry::standing(&ALICE).unwrap();
		assert_eq!(standing.kyc_level, 0);
		assert_eq!(Registry::participant_view(&ALICE).unwrap().kyc_level, 0);
		// The record stays; only its effect ends.
		assert_eq!(standing.kind, AccountKind::Verified);
		assert_eq!(Participants::<Test>::get(ALICE).unwrap().kyc.unwrap().level, 2);
		// An expired verification no longer allows marking the participant corporate.
		assert_noop!(
			Registry::set_corporate(signed(KYC), ALICE, hash(9)),
			Error::<Test>::NotVerified
		);
		// Re-verification restores it.
		assert_ok!(Registry::verify_kyc(signed(KYC), ALICE, 1, hash(2), 100));
		assert_eq!(Registry::standing(&ALICE).unwrap().kyc_level, 1);
	});
}

#[test]
fn revoke_verification_makes_the_participant_unverified() {
	test(|| {
		register(ALICE);
		assert_ok!(Registry::verify_kyc(signed(KYC), ALICE, 2, hash(1), 100));
		assert_ok!(Registry::set_corporate(signed(KYC), ALICE, hash(5)));
		assert_ok!(Registry::revoke_verification(signed(KYC2), ALICE));
		let p = Participants::<Test>::get(ALICE).unwrap();
		assert_eq!((p.kind, p.kyc, p.company), (AccountKind::Unverified, None, None));
		System::assert_last_event(Event::VerificationRevoked { who: ALICE, by: KYC2 }.into());
	});
}

#[test]
fn revoke_verification_refusals() {
	test(|| {
		register(ALICE);
		assert_noop!(
			Registry::revoke_verification(signed(SECURITY), ALICE),
			Error::<Test>::MissingRole
		);
		assert_noop!(Registry::revoke_verification(signed(KYC), BOB), Error::<Test>::NotParticipant);
		assert_noop!(Registry::revoke_verification(signed(KYC), ALICE), Error::<Test>::NotVerified);
	});
}

#[test]
fn set_corporate_records_the_company() {
	test(|| {
		register(ALICE);
		assert_ok!(Registry::verify_kyc(signed(KYC), ALICE, 2, hash(1), 100));
		assert_ok!(Registry::set_corporate(signed(KYC), ALICE, hash(5)));
		let p = Participants::<Test>::get(ALICE).unwrap();
		assert_eq!((p.kind, p.company), (AccountKind::Corporate, Some(hash(5))));
		System::assert_last_event(
			Event::MarkedCorporate { who: ALICE, company: hash(5), by: KYC }.into(),
		);
		// Re-verifying a corporate participant keeps it corporate.
		assert_ok!(Registry::verify_kyc(signed(KYC), ALICE, 3, hash(2), 200));
		assert_eq!(Participants::<Test>::get(ALICE).unwrap().kind, AccountKind::Corporate);
	});
}

#[test]
fn set_corporate_refusals() {
	test(|| {
		register(ALICE);
		assert_noop!(
			Registry::set_corporate(signed(ALICE), ALICE, hash(5)),
			Error::<Test>::MissingRole
		);
		assert_noop!(
			Registry::set_corporate(signed(KYC), BOB, hash(5)),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			Registry::set_corporate(signed(KYC), ALICE, hash(5)),
			Error::<Test>::NotVerified
		);
	});
}
