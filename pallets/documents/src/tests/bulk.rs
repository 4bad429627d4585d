use super::*;
use crate::{
	DocumentStatus, Documents as DocumentsMap, Error, RelayedSignature, SignItem, SignRefusal,
	Versions,
};
use frame_support::dispatch::Pays;
use sp_io::storage::root as storage_root;
use sp_runtime::MultiSignature;
use sp_runtime::StateVersion;

type Item = SignItem<AccountId, MultiSignature>;

fn own(document: DocumentId, n: u8) -> Item {
	SignItem { document, version: 0, hash: text(n), relayed: None }
}

fn relayed(document: DocumentId, n: u8, name: &str) -> Item {
	let key = key(name);
	SignItem {
		document,
		version: 0,
		hash: text(n),
		relayed: Some(RelayedSignature {
			signer: key.account(),
			signature: key.sign_document(document, 0, &text(n)),
		}),
	}
}

/// `sign_many` by `caller` fails with `expected` and changes nothing.
fn assert_refused(caller: AccountId, items: Vec<Item>, expected: Error<Test>) {
	let before = storage_root(StateVersion::V1);
	let error = Documents::sign_many(signed(caller), items).unwrap_err();
	assert_eq!(error.error, expected.into());
	assert_eq!(storage_root(StateVersion::V1), before, "the refused call changed storage");
}

#[test]
fn signs_the_maximum_of_own_and_relayed_signatures_in_one_call() {
	test(|| {
		let docs: Vec<_> =
			(1..=MAX_BULK as u8).map(|n| create_between(n, vec![alice(), bob()])).collect();
		// Bob signed the last two already: Alice's bulk signature activates them, the first two
		// wait for Bob.
		for &id in &docs[2..] {
			assert_ok!(Documents::sign(signed(bob()), id, 0, text(id as u8 + 1)));
		}
		let items = vec![own(docs[0], 1), own(docs[1], 2), own(docs[2], 3), own(docs[3], 4)];
		assert_eq!(items.len() as u32, MAX_BULK);
		let info = Documents::sign_many(signed(alice()), items).unwrap();
		assert_eq!(info.actual_weight, Some(Documents::sign_many_weight(4, 0)));
		assert_eq!(info.pays_fee, Pays::Yes);
		for &id in &docs[..2] {
			assert_eq!(DocumentsMap::<Test>::get(id).unwrap().status, DocumentStatus::Pending);
		}
		for &id in &docs[2..] {
			assert_eq!(DocumentsMap::<Test>::get(id).unwrap().status, DocumentStatus::Active);
		}
		// An operator relays Bob's signatures of the first two and signs nothing itself.
		let items = vec![relayed(docs[0], 1, "Bob"), relayed(docs[1], 2, "Bob")];
		let info = Documents::sign_many(signed(operator()), items).unwrap();
		assert_eq!(info.actual_weight, Some(Documents::sign_many_weight(0, 2)));
		for &id in &docs {
			assert_eq!(DocumentsMap::<Test>::get(id).unwrap().status, DocumentStatus::Active);
		}
	});
}

#[test]
fn mixed_bulk_of_own_and_relayed_items() {
	test(|| {
		let a = create_between(1, vec![alice(), bob()]);
		let b = create_between(2, vec![alice(), charlie()]);
		let items = vec![own(a, 1), relayed(a, 1, "Bob"), own(b, 2), relayed(b, 2, "Charlie")];
		let info = Documents::sign_many(signed(alice()), items).unwrap();
		assert_eq!(info.actual_weight, Some(Documents::sign_many_weight(2, 2)));
		assert_eq!(DocumentsMap::<Test>::get(a).unwrap().status, DocumentStatus::Active);
		assert_eq!(DocumentsMap::<Test>::get(b).unwrap().status, DocumentStatus::Active);
		let relays: Vec<_> = Versions::<Test>::get(b, 0)
			.unwrap()
			.signatures
			.iter()
			.map(|s| s.relayed.as_ref().map(|r| r.by.clone()))
			.collect();
		assert_eq!(relays, vec![None, Some(alice())]);
	});
}

#[test]
fn all_or_nothing_naming_the_failing_item() {
	test(|| {
		let a = create_between(1, vec![alice(), bob()]);
		let b = create_between(2, vec![alice(), bob()]);
		let mut forged = relayed(b, 2, "Bob");
		if let Some(r) = forged.relayed.as_mut() {
			r.signature = key("Bob").sign(b"something else");
		}
		let items = vec![own(a, 1), relayed(a, 1, "Bob"), forged];
		let error = Documents::sign_many(signed(alice()), items.clone()).unwrap_err();
		assert_eq!(
			error.error,
			Error::<Test>::BulkItemFailed { index: 2, reason: SignRefusal::BadSignature }.into()
		);
		// Charged for the three items it checked, not for the whole call's declared weight.
		assert_eq!(error.post_info.actual_weight, Some(Documents::sign_many_weight(1, 2)));
		// Nothing changed: the first two signatures were rolled back.
		assert_refused(
			alice(),
			items,
			Error::<Test>::BulkItemFailed { index: 2, reason: SignRefusal::BadSignature },
		);
		assert!(Versions::<Test>::get(a, 0).unwrap().signatures.is_empty());

		assert_refused(
			alice(),
			vec![own(a, 1), own(a, 1)],
			Error::<Test>::BulkItemFailed { index: 1, reason: SignRefusal::AlreadySigned },
		);
		assert_refused(
			alice(),
			vec![own(a, 9)],
			Error::<Test>::BulkItemFailed { index: 0, reason: SignRefusal::HashMismatch },
		);
		assert_refused(
			alice(),
			vec![own(77, 1)],
			Error::<Test>::BulkItemFailed { index: 0, reason: SignRefusal::UnknownDocument },
		);
	});
}

#[test]
fn bulk_refusals() {
	test(|| {
		let a = create_between(1, vec![alice(), bob()]);
		assert_refused(alice(), vec![], Error::<Test>::EmptyBulk);
		assert_refused(
			alice(),
			vec![own(a, 1); MAX_BULK as usize + 1],
			Error::<Test>::TooManyItems,
		);
		assert_refused(outsider(), vec![own(a, 1)], Error::<Test>::NotParticipant);
	});
}
