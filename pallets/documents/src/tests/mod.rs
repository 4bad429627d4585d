//! Tests of every call's success and refusals, relayed signatures in each key scheme, bulk
//! signing, amendment history, access grants, certificates and the client views. Each test runs
//! through `mock::test`, which checks the invariants at the end.

mod access;
mod amend;
mod bulk;
mod certificates;
mod create;
mod lifecycle;
mod records;
mod relayed;
mod sign;
mod views;

use crate::{mock::*, ContentHash, DocumentId, HashAlgorithm};
use frame_support::assert_ok;
use sp_core::H256;

pub(super) fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// A SHA-256 content hash made of the byte `n`.
pub(super) fn text(n: u8) -> ContentHash {
	ContentHash { algorithm: HashAlgorithm::Sha2_256, digest: [n; 32] }
}

pub(super) fn reason(n: u8) -> H256 {
	H256::repeat_byte(n)
}

pub(super) const URI: &[u8] = b"enc:ipfs://bafy-contract";

/// Alice creates a document with the text `text(1)` between `parties`, of whom `signers` sign,
/// valid until `valid_until`.
pub(super) fn create_doc(
	parties: Vec<AccountId>,
	signers: Vec<AccountId>,
	valid_until: Option<u64>,
) -> DocumentId {
	let id = crate::NextDocumentId::<Test>::get();
	assert_ok!(Documents::create(
		signed(alice()),
		None,
		text(1),
		URI.to_vec(),
		parties,
		signers,
		valid_until
	));
	id
}

/// Alice creates a document with the text `text(n)` between `parties`, all of them signers.
pub(super) fn create_between(n: u8, parties: Vec<AccountId>) -> DocumentId {
	let id = crate::NextDocumentId::<Test>::get();
	assert_ok!(Documents::create(
		signed(alice()),
		None,
		text(n),
		URI.to_vec(),
		parties.clone(),
		parties,
		None
	));
	id
}

/// A document between Alice and Bob, both required, signed by both: active at version 0.
pub(super) fn active_document() -> DocumentId {
	let id = create_between(1, vec![alice(), bob()]);
	assert_ok!(Documents::sign(signed(alice()), id, 0, text(1)));
	assert_ok!(Documents::sign(signed(bob()), id, 0, text(1)));
	id
}

pub(super) fn held(who: &AccountId) -> u64 {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&crate::HoldReason::Records.into(), who)
}
