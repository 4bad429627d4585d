use super::*;
use crate::{Ban, Bans, Error, Event, ParticipantRegistry};
use frame_support::assert_noop;

#[test]
fn ban_and_unban() {
	test(|| {
		register(ALICE);
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 42, None));
		assert_eq!(
			Bans::<Test>::get(ALICE),
			Some(Ban { reason: 42, until: None, by: SECURITY, since: 1 })
		);
		assert!(Registry::is_banned(&ALICE));
		assert!(Registry::standing(&ALICE).unwrap().banned);
		System::assert_last_event(
			Event::Banned { who: ALICE, reason: 42, until: None, by: SECURITY }.into(),
		);
		assert_ok!(Registry::unban(signed(SECURITY), ALICE));
		assert!(!Registry::is_banned(&ALICE));
		assert_eq!(Bans::<Test>::get(ALICE), None);
		System::assert_last_event(Event::Unbanned { who: ALICE, by: SECURITY }.into());
	});
}

#[test]
fn unregistered_accounts_can_be_banned() {
	test(|| {
		assert_ok!(Registry::ban(signed(SECURITY), BOB, 1, None));
		assert!(Registry::is_banned(&BOB));
		assert_eq!(Registry::standing(&BOB), None);
	});
}

#[test]
fn a_ban_expires_at_its_until_block() {
	test(|| {
		register(ALICE);
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 3, Some(30)));
		run_to_block(29);
		assert!(Registry::is_banned(&ALICE));
		assert!(Registry::participant_view(&ALICE).unwrap().ban.is_some());
		run_to_block(30);
		assert!(!Registry::is_banned(&ALICE));
		assert!(!Registry::standing(&ALICE).unwrap().banned);
		assert!(Registry::participant_view(&ALICE).unwrap().ban.is_none());
		// An expired ban can be replaced by a new one...
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 4, Some(40)));
		assert_eq!(Bans::<Test>::get(ALICE).unwrap().reason, 4);
		// ...and an expired record can be cleared with unban.
		run_to_block(41);
		assert_ok!(Registry::unban(signed(SECURITY), ALICE));
		assert_eq!(Bans::<Test>::get(ALICE), None);
	});
}

#[test]
fn ban_refusals() {
	test(|| {
		assert_noop!(Registry::ban(signed(KYC), ALICE, 1, None), Error::<Test>::MissingRole);
		assert_noop!(
			Registry::ban(signed(SECURITY), SECURITY, 1, None),
			Error::<Test>::CannotBanSelf
		);
		assert_noop!(
			Registry::ban(signed(SECURITY), ALICE, 1, Some(1)),
			Error::<Test>::ExpiryInPast
		);
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		assert_noop!(Registry::ban(signed(SECURITY), ALICE, 2, None), Error::<Test>::AlreadyBanned);
	});
}

#[test]
fn unban_refusals() {
	test(|| {
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		assert_noop!(Registry::unban(signed(KYC), ALICE), Error::<Test>::MissingRole);
		assert_noop!(Registry::unban(signed(SECURITY), BOB), Error::<Test>::NotBanned);
	});
}
