//! The checks, run by the runtime of this tree (native, built with `try-runtime`) on a state:
//! the same code the runtime's `TryRuntime` API runs.

use crate::snapshot::Snapshot;
use frame_support::weights::Weight;
use frame_try_runtime::{TryStateSelect, UpgradeCheckSelect};
use pactum_runtime::{Block, Executive, VERSION};
use sp_core::{storage::well_known_keys, H256};
use sp_io::TestExternalities;
use std::panic::{self, AssertUnwindSafe};

/// The state as the runtime sees it, hashed with the runtime's state version. (`:code` goes in
/// as the code: test externalities would otherwise replace it with an empty one.)
fn externalities(snapshot: Snapshot) -> TestExternalities {
	let mut storage = snapshot.into_storage();
	let code = storage.top.remove(well_known_keys::CODE).unwrap_or_default();
	TestExternalities::new_with_code_and_state(&code, storage, VERSION.state_version())
}

/// What `snapshot`'s pairs hash to, as the runtime computes a state root.
pub fn state_root(snapshot: Snapshot) -> H256 {
	let mut ext = externalities(snapshot);
	let version = VERSION.state_version();
	H256::from_slice(&ext.execute_with(|| sp_io::storage::root(version)))
}

/// Runs this tree's runtime upgrade on `snapshot`: every migration with its pre- and post-upgrade
/// checks, then the whole state decoded with this runtime's types, then every pallet's
/// `try_state`. Returns the upgrade's weight.
pub fn on_runtime_upgrade(snapshot: Snapshot) -> Result<Weight, String> {
	let mut ext = externalities(snapshot);
	caught(|| ext.execute_with(|| Executive::try_runtime_upgrade(UpgradeCheckSelect::All)))?
		.map_err(|e| format!("the upgrade checks failed: {e:?}"))
}

/// Executes `block` on `parent`, the state after its parent block, with every signature checked,
/// then runs every pallet's `try_state`, decodes the whole state and compares the state root with
/// the block's. Returns the block's weight.
pub fn execute_block(parent: Snapshot, block: Block) -> Result<Weight, String> {
	let mut ext = externalities(parent);
	caught(|| {
		ext.execute_with(|| {
			Executive::try_execute_block(block.into(), true, true, TryStateSelect::All)
		})
	})?
	.map_err(|e| format!("the block failed: {e:?}"))
}

/// Runs `f`, turning the runtime's assertions (a wrong parent hash or state root) into errors.
fn caught<R>(f: impl FnOnce() -> R) -> Result<R, String> {
	panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
		let reason = payload
			.downcast_ref::<&str>()
			.map(|s| s.to_string())
			.or_else(|| payload.downcast_ref::<String>().cloned())
			.unwrap_or_else(|| "no message".into());
		format!("the runtime panicked: {reason}")
	})
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Encode;
	use pactum_runtime::{
		genesis_config_presets::{get_preset, json_merge},
		AccountId, RuntimeGenesisConfig,
	};
	use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET};
	use sp_runtime::BuildStorage;

	/// The `development` preset's genesis, built as the node builds it.
	fn development() -> sp_core::storage::Storage {
		let preset = get_preset(&PresetId::from(DEV_RUNTIME_PRESET)).unwrap();
		let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
		json_merge(&mut config, serde_json::from_slice(&preset).unwrap());
		let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
		config.build_storage().unwrap()
	}

	fn snapshot(storage: sp_core::storage::Storage) -> Snapshot {
		Snapshot::from_storage(H256::zero(), 0, H256::zero(), storage)
	}

	#[test]
	fn the_development_genesis_passes_the_upgrade_checks() {
		assert!(on_runtime_upgrade(snapshot(development())).is_ok());
	}

	#[test]
	fn a_broken_invariant_fails_the_upgrade_checks() {
		let mut storage = development();
		let validators = pallet_validator_set::Validators::<pactum_runtime::Runtime>::hashed_key();
		let alice = AccountId::from(sp_keyring::Sr25519Keyring::Alice);
		storage.top.insert(validators.to_vec(), vec![alice.clone(), alice].encode());
		let error = on_runtime_upgrade(snapshot(storage.clone())).unwrap_err();
		assert!(error.contains("try_state"), "{error}");
		// The check that failed (the runtime logs each failing pallet's reason):
		let reason = externalities(snapshot(storage))
			.execute_with(pallet_validator_set::Pallet::<pactum_runtime::Runtime>::do_try_state);
		assert_eq!(reason, Err("a validator is listed twice".into()));
	}

	#[test]
	fn a_value_that_does_not_decode_fails_the_upgrade_checks() {
		let mut storage = development();
		let validators = pallet_validator_set::Validators::<pactum_runtime::Runtime>::hashed_key();
		storage.top.insert(validators.to_vec(), vec![0xff; 3]);
		let error = on_runtime_upgrade(snapshot(storage)).unwrap_err();
		assert!(error.contains("decode"), "{error}");
	}
}
