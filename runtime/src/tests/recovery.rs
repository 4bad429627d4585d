//! A recovery through the composed runtime: the registry moves the participant, and every
//! pallet's hook (tokens, documents, audit) moves what it keeps for it, within the budget.

use super::{account, ext_from_preset};
use crate::{
	configs::RecoveryDelay, Documents, Registry, RuntimeEvent, RuntimeOrigin, System, UNIT,
};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use pactum_primitives::ParticipantRegistry;
use pallet_documents::{ContentHash, HashAlgorithm};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Eve, Ferdie};

fn signed(k: sp_keyring::Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(k))
}

#[test]
fn a_recovered_participant_keeps_its_documents_and_deposits() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_ok!(Registry::register(signed(Eve)));
		let hash = ContentHash { algorithm: HashAlgorithm::Blake2_256, digest: [3; 32] };
		assert_ok!(Documents::create(
			signed(Eve),
			None,
			hash,
			b"enc:contract".to_vec(),
			vec![account(Eve), account(Charlie)],
			vec![account(Eve), account(Charlie)],
			None,
		));
		assert_ok!(Documents::sign(signed(Eve), 0, 0, hash));
		let records = pallet_documents::HoldReason::Records.into();
		let held = crate::Balances::balance_on_hold(&records, &account(Eve));
		assert!(held > 0);
		// The document binds Eve: she cannot leave.
		assert_noop!(
			Registry::leave(signed(Eve)),
			pallet_registry::Error::<crate::Runtime>::StillReferenced
		);

		// Eve lost her key: a KYC admin and a security admin move her to Ferdie.
		assert_ok!(Registry::propose_recovery(signed(Alice), account(Eve), account(Ferdie)));
		assert_ok!(Registry::approve_recovery(signed(Bob), account(Eve)));
		System::set_block_number(1 + RecoveryDelay::get());
		assert_ok!(Registry::finish_recovery(signed(Charlie), account(Eve)));
		System::assert_last_event(RuntimeEvent::Registry(pallet_registry::Event::StateMoved {
			lost: account(Eve),
			new: account(Ferdie),
			complete: true,
		}));

		let doc = Documents::document_view(0).expect("stored");
		assert_eq!(doc.parties, vec![account(Ferdie), account(Charlie)]);
		assert_eq!(crate::Balances::balance_on_hold(&records, &account(Ferdie)), held);
		assert_eq!(crate::Balances::balance_on_hold(&records, &account(Eve)), 0);
		// Ferdie signs in Eve's place; Eve's key acts for nothing and cannot come back.
		assert_ok!(Documents::sign(signed(Charlie), 0, 0, hash));
		assert_eq!(Documents::document_view(0).expect("stored").active_version, None);
		assert_ok!(Documents::sign(signed(Ferdie), 0, 0, hash));
		assert_eq!(Documents::document_view(0).expect("stored").active_version, Some(0));
		assert_noop!(
			Registry::register(signed(Eve)),
			pallet_registry::Error::<crate::Runtime>::AccountRecovered
		);
		assert_eq!(Registry::current_account(&account(Eve)), account(Ferdie));
		assert!(crate::Balances::free_balance(account(Ferdie)) > UNIT);
		assert_ok!(Registry::do_try_state());
		assert_ok!(Documents::do_try_state());
	});
}
