use super::*;
use crate::{Error, Event, Relay, SignatureRecord, Versions};
use frame_support::assert_noop;
use sp_runtime::MultiSignature;

fn relay(
	id: DocumentId,
	signer: AccountId,
	signature: MultiSignature,
) -> frame_support::dispatch::DispatchResult {
	Documents::sign_relayed(signed(operator()), id, 0, text(1), signer, signature)
}

#[test]
fn an_operator_relays_signatures_of_every_key_scheme() {
	test(|| {
		// Alice and Bob are sr25519 keys, Charlie ed25519, Dave ECDSA.
		let id = create_between(1, vec![alice(), bob(), charlie(), dave()]);
		let operator_before = Balances::free_balance(operator());
		for name in ["Bob", "Charlie", "Dave"] {
			let key = key(name);
			let signature = key.sign_document(id, 0, &text(1));
			assert_ok!(relay(id, key.account(), signature.clone()));
			System::assert_last_event(
				Event::Signed {
					document: id,
					version: 0,
					signer: key.account(),
					relayed_by: Some(operator()),
				}
				.into(),
			);
			let record = Versions::<Test>::get(id, 0).unwrap().signatures.last().cloned().unwrap();
			assert_eq!(
				record,
				SignatureRecord {
					signer: key.account(),
					at: 1,
					relayed: Some(Relay { by: operator(), signature }),
				}
			);
		}
		// The parties paid nothing and hold nothing; the operator paid no deposit either.
		assert_eq!(Balances::free_balance(operator()), operator_before);
		assert_eq!(held(&bob()), 0);
		let alice_signature = key("Alice").sign_document(id, 0, &text(1));
		assert_ok!(relay(id, alice(), alice_signature));
		System::assert_last_event(Event::Activated { document: id, version: 0 }.into());
	});
}

#[test]
fn a_wallet_wrapped_signature_is_accepted() {
	test(|| {
		let id = create_between(1, vec![alice(), bob()]);
		let payload = Documents::signing_payload(id, 0, &text(1));
		let wrapped = [b"<Bytes>".as_slice(), &payload, b"</Bytes>"].concat();
		assert_ok!(relay(id, bob(), key("Bob").sign(&wrapped)));
	});
}

#[test]
fn forged_replayed_and_foreign_signatures_are_refused() {
	test(|| {
		let id = create_between(1, vec![alice(), bob()]);
		let other = create_between(2, vec![alice(), bob()]);
		// Bob's signature presented as Alice's.
		let bobs = key("Bob").sign_document(id, 0, &text(1));
		assert_noop!(relay(id, alice(), bobs.clone()), Error::<Test>::BadSignature);
		// Bob's signature of another document.
		assert_noop!(
			relay(id, bob(), key("Bob").sign_document(other, 0, &text(1))),
			Error::<Test>::BadSignature
		);
		// Bob's signature of another text or version.
		assert_noop!(
			relay(id, bob(), key("Bob").sign_document(id, 0, &text(3))),
			Error::<Test>::BadSignature
		);
		assert_noop!(
			relay(id, bob(), key("Bob").sign_document(id, 1, &text(1))),
			Error::<Test>::BadSignature
		);
		// A signature made for a chain with another genesis hash.
		let foreign = {
			let genesis = sp_core::H256::repeat_byte(0xEE);
			let payload = (crate::signing::SIGNING_DOMAIN, genesis, id, 0u32, text(1));
			key("Bob").sign(&codec::Encode::encode(&payload))
		};
		assert_noop!(relay(id, bob(), foreign), Error::<Test>::BadSignature);
		// The raw payload without the domain tag.
		let untagged = key("Bob").sign(&codec::Encode::encode(&(
			frame_system::Pallet::<Test>::block_hash(0),
			id,
			0u32,
			text(1),
		)));
		assert_noop!(relay(id, bob(), untagged), Error::<Test>::BadSignature);

		// The genuine signature lands once; replaying it is refused.
		assert_ok!(relay(id, bob(), bobs.clone()));
		assert_noop!(
			relay(id, bob(), key("Bob").sign_document(id, 0, &text(1))),
			Error::<Test>::AlreadySigned
		);
		assert_noop!(
			Documents::sign_relayed(signed(alice()), id, 0, text(1), bob(), bobs),
			Error::<Test>::AlreadySigned
		);
	});
}

#[test]
fn an_outsider_cannot_relay_and_a_relayed_signer_must_be_a_participant() {
	test(|| {
		let id = create_between(1, vec![alice(), bob()]);
		let signature = key("Bob").sign_document(id, 0, &text(1));
		assert_noop!(
			Documents::sign_relayed(signed(outsider()), id, 0, text(1), bob(), signature),
			Error::<Test>::NotParticipant
		);
		let outsider_sig = key("Outsider").sign_document(id, 0, &text(1));
		assert_noop!(relay(id, outsider(), outsider_sig), Error::<Test>::NotParticipant);
		// A relayed signature of a party that is not a required signer.
		let id = create_doc(vec![alice(), bob()], vec![alice()], None);
		let bobs = key("Bob").sign_document(id, 0, &text(1));
		assert_noop!(relay(id, bob(), bobs), Error::<Test>::NotSigner);
	});
}
