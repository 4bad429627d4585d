//! The documents pallet in the composed runtime: a relayed signature made with a development
//! key over the runtime's own payload activates a contract, and deposits are what the chain
//! charges.

use super::{account, ext_from_preset};
use crate::{Documents, RuntimeOrigin, UNIT};
use frame_support::assert_ok;
use pallet_documents::{ContentHash, DocumentStatus, HashAlgorithm};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie};

#[test]
fn a_relayed_development_key_signature_activates_a_contract() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		let hash = ContentHash { algorithm: HashAlgorithm::Sha3_256, digest: [7; 32] };
		assert_ok!(Documents::create(
			RuntimeOrigin::signed(account(Alice)),
			None,
			hash,
			b"enc:contract".to_vec(),
			vec![account(Alice), account(Bob)],
			vec![account(Alice), account(Bob)],
			None,
		));
		assert_ok!(Documents::sign(RuntimeOrigin::signed(account(Alice)), 0, 0, hash));
		let signature = Bob.sign(&Documents::signing_payload(0, 0, &hash));
		assert_ok!(Documents::sign_relayed(
			RuntimeOrigin::signed(account(Charlie)),
			0,
			0,
			hash,
			account(Bob),
			signature.into(),
		));
		let view = Documents::document_view(0).expect("stored");
		assert_eq!(view.status, DocumentStatus::Active);
		// A document with the largest records costs well under a unit of deposit.
		assert!(view.deposit > 0 && view.deposit < UNIT, "deposit {}", view.deposit);
		assert_ok!(Documents::do_try_state());
	});
}
