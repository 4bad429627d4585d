//! pallet-contracts as the runtime configures it (its integrity test, which checks the limits
//! against the runtime's memory, runs with construct_runtime's `runtime_integrity_tests`).

use super::{account, ext_from_preset};
use crate::{genesis_config_presets::PRODUCTION_PRESET, Runtime, RuntimeCall, RuntimeOrigin};
use frame_support::{
	assert_noop,
	traits::{Contains, Get},
};
use pallet_contracts::Determinism;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::Dispatchable;

fn upload(determinism: Determinism) -> RuntimeCall {
	// An empty module: the pallet refuses it, if the call gets that far.
	RuntimeCall::Contracts(pallet_contracts::Call::upload_code {
		code: b"\0asm\x01\0\0\0".to_vec(),
		storage_deposit_limit: None,
		determinism,
	})
}

#[test]
fn relaxed_code_uploads_are_filtered() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = RuntimeOrigin::signed(account(Sr25519Keyring::Alice));
		assert_noop!(
			upload(Determinism::Relaxed).dispatch(alice.clone()),
			frame_system::Error::<Runtime>::CallFiltered
		);
		// A deterministic upload passes the filter (and is then judged by the pallet).
		assert!(<Runtime as frame_system::Config>::BaseCallFilter::contains(&upload(
			Determinism::Enforced
		)));
		assert_noop!(
			upload(Determinism::Enforced).dispatch(alice),
			pallet_contracts::Error::<Runtime>::CodeRejected
		);
	});
}

#[test]
fn contracts_dispatch_no_runtime_calls() {
	let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
	assert!(!<Runtime as pallet_contracts::Config>::CallFilter::contains(&call));
}

#[test]
fn unstable_interface_is_open_on_development_chains_only() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		assert!(<Runtime as pallet_contracts::Config>::UnsafeUnstableInterface::get());
	});
	ext_from_preset(PRODUCTION_PRESET).execute_with(|| {
		assert!(!<Runtime as pallet_contracts::Config>::UnsafeUnstableInterface::get());
	});
}
