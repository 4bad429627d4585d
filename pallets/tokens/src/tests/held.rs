//! Held payments: another pallet's payment to an account that cannot receive now waits in
//! escrow under the sender's rules, and the account claims it once it may receive again.

use super::*;
use crate::{Error, Event, HeldFor};
use frame_support::assert_noop;
use pactum_primitives::RegulatedTransfer;

fn held(who: AccountId) -> u64 {
	HeldFor::<Test>::get(ASSET, who)
}

fn ban(who: AccountId) {
	assert_ok!(Registry::ban(signed(SECURITY), who, 1, None));
}

#[test]
fn a_payment_to_a_banned_account_waits_for_it_and_is_claimed_after_the_ban() {
	test(|| {
		set_fee(crate::FeeScope::Asset, 5, 0, 0, None);
		ban(BOB);
		assert_ok!(<Tokens as RegulatedTransfer<_>>::transfer_held(ASSET, &ALICE, &BOB, 300));
		assert_eq!(
			last_event(),
			Event::PaymentHeld { asset: ASSET, from: ALICE, to: BOB, amount: 300, fee: 5 }
		);
		// The sender paid the amount and its fee as for any transfer.
		assert_eq!((balance(ALICE), balance(BOB), held(BOB)), (START - 305, START, 300));
		assert_eq!(balance(COLLECTOR), 5);
		// Banned, Bob cannot take it yet.
		assert_noop!(Tokens::claim_held(signed(BOB), ASSET), Error::<Test>::RecipientBanned);
		assert_ok!(Registry::unban(signed(SECURITY), BOB));
		assert_ok!(Tokens::claim_held(signed(BOB), ASSET));
		assert_eq!(last_event(), Event::HeldClaimed { asset: ASSET, who: BOB, amount: 300 });
		assert_eq!((balance(BOB), held(BOB)), (START + 300, 0));
	});
}

#[test]
fn claim_held_refusals() {
	test(|| {
		assert_noop!(Tokens::claim_held(signed(BOB), ASSET), Error::<Test>::NothingHeld);
		assert_noop!(Tokens::claim_held(signed(BOB), ASSET + 1), Error::<Test>::UnknownAsset);
		// Held for an account outside the asset's policy (registered, not verified).
		assert_ok!(<Tokens as RegulatedTransfer<_>>::transfer_held(ASSET, &ALICE, &DAVE, 10));
		assert_noop!(Tokens::claim_held(signed(DAVE), ASSET), Error::<Test>::RecipientKindNotAllowed);
		// Held for an account that is no participant.
		assert_ok!(<Tokens as RegulatedTransfer<_>>::transfer_held(ASSET, &ALICE, &OUTSIDER, 10));
		assert_noop!(
			Tokens::claim_held(signed(OUTSIDER), ASSET),
			Error::<Test>::RecipientNotParticipant
		);
	});
}

#[test]
fn the_senders_rules_apply_to_a_held_payment() {
	test(|| {
		set_limits(crate::LimitScope::Asset, Some(100), None, None);
		assert_noop!(
			<Tokens as RegulatedTransfer<_>>::transfer_held(ASSET, &ALICE, &OUTSIDER, 101),
			Error::<Test>::OverPaymentLimit
		);
		ban(ALICE);
		assert_noop!(
			<Tokens as RegulatedTransfer<_>>::transfer_held(ASSET, &ALICE, &OUTSIDER, 10),
			Error::<Test>::SenderBanned
		);
	});
}

#[test]
fn a_recovery_moves_what_is_held() {
	test(|| {
		ban(BOB);
		assert_ok!(<Tokens as RegulatedTransfer<_>>::transfer_held(ASSET, &ALICE, &BOB, 300));
		assert_ok!(Registry::unban(signed(SECURITY), BOB));
		assert_ok!(Registry::propose_recovery(signed(KYC), BOB, NEW));
		assert_ok!(Registry::approve_recovery(signed(SECURITY), BOB));
		System::set_block_number(20);
		assert_ok!(Registry::finish_recovery(signed(ALICE), BOB));
		assert_eq!((held(BOB), held(NEW)), (0, 300));
		assert_ok!(Tokens::claim_held(signed(NEW), ASSET));
		assert_eq!(balance(NEW), START + 300);
	});
}
