//! Chain specifications. Genesis content lives in the runtime's presets; this file only names
//! them and sets the chain properties wallets read.

use pactum_runtime::{
	genesis_config_presets::PRODUCTION_PRESET, SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL,
	WASM_BINARY,
};
use sc_service::{ChainSpec as _, ChainType};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// A chain spec of the Pactum runtime.
pub type ChainSpec = sc_service::GenericChainSpec;

fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn spec(name: &str, id: &str, chain_type: ChainType, preset: &str) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY.ok_or_else(|| "the runtime Wasm was not built".to_string())?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_protocol_id("pactum")
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// One validator (Alice), instant start.
pub fn development() -> Result<ChainSpec, String> {
	spec(
		"Pactum Development",
		"pactum_dev",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)
}

/// Four validators (Alice, Bob, Charlie, Dave) on one machine.
pub fn local_testnet() -> Result<ChainSpec, String> {
	spec(
		"Pactum Local Testnet",
		"pactum_local",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// The slot duration of the test chains `dev-fast` and `local-fast`, in milliseconds.
pub const TEST_SLOT_DURATION: u64 = 2_000;

/// The development chain with [`TEST_SLOT_DURATION`] slots, for tests that wait on blocks.
pub fn development_fast() -> Result<ChainSpec, String> {
	let spec = spec(
		"Pactum Development (2 s slots)",
		"pactum_dev_fast",
		ChainType::Development,
		sp_genesis_builder::DEV_RUNTIME_PRESET,
	)?;
	with_slot_duration(spec, TEST_SLOT_DURATION)
}

/// The local testnet with [`TEST_SLOT_DURATION`] slots.
pub fn local_testnet_fast() -> Result<ChainSpec, String> {
	let spec = spec(
		"Pactum Local Testnet (2 s slots)",
		"pactum_local_fast",
		ChainType::Local,
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET,
	)?;
	with_slot_duration(spec, TEST_SLOT_DURATION)
}

/// `spec` with its genesis built, and the runtime's `MinimumPeriod` (half a slot) stored in it,
/// so that the chain runs `slot_ms`-millisecond slots from its first block. Every duration the
/// runtime counts in blocks stays as many blocks and so passes `6000 / slot_ms` times faster:
/// for test chains only.
fn with_slot_duration(mut spec: ChainSpec, slot_ms: u64) -> Result<ChainSpec, String> {
	let mut storage = spec.as_storage_builder().build_storage()?;
	// A `u64` in SCALE: its eight little-endian bytes.
	let minimum_period = (slot_ms / 2).to_le_bytes().to_vec();
	storage.top.insert(pactum_runtime::configs::MinimumPeriod::key().to_vec(), minimum_period);
	spec.set_storage(storage);
	Ok(spec)
}

/// The production template: no sudo, the council governs. Replace the consortium before launch.
pub fn production_template() -> Result<ChainSpec, String> {
	spec("Pactum", "pactum", ChainType::Live, PRODUCTION_PRESET)
}

/// Refuses a production (`Live`) chain spec whose genesis holds a well-known development key
/// (Alice, Bob, ... — their secret keys are public): as an account, a validator's session key, a
/// council member or anywhere else in the genesis storage. The production template's placeholder
/// consortium is such a spec: it must be replaced before a chain starts from it
/// (`chain-spec/README.md`).
pub fn refuse_development_keys(spec: &ChainSpec) -> Result<(), String> {
	if spec.chain_type() != ChainType::Live {
		return Ok(());
	}
	let storage = spec.as_storage_builder().build_storage()?;
	let known: Vec<(String, Vec<u8>)> = Sr25519Keyring::iter()
		.map(|k| (format!("{k:?} (sr25519)"), k.public().0.to_vec()))
		.chain(
			Ed25519Keyring::iter()
				.map(|k| (format!("{k:?} (ed25519)"), k.public().0.to_vec())),
		)
		.collect();
	let code = sp_core::storage::well_known_keys::CODE;
	for (key, value) in storage.top.iter().filter(|(key, _)| key.as_slice() != code) {
		if let Some((name, _)) =
			known.iter().find(|(_, public)| contains(key, public) || contains(value, public))
		{
			return Err(format!(
				"the production chain spec `{}` holds the well-known development key {name} in \
				 its genesis (storage key 0x{}): replace the placeholder consortium with your own \
				 keys first, as chain-spec/README.md describes",
				spec.id(),
				sp_core::hexdisplay::HexDisplay::from(key),
			));
		}
	}
	Ok(())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
	haystack.windows(needle.len()).any(|window| window == needle)
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::{crypto::Ss58Codec, ed25519, sr25519, Pair};

	/// The production preset's genesis with every well-known key replaced by a generated one.
	fn production_with_own_keys() -> ChainSpec {
		let preset = pactum_runtime::genesis_config_presets::get_preset(&PRODUCTION_PRESET.into())
			.expect("the production preset exists");
		let mut json = String::from_utf8(preset).expect("the preset is JSON text");
		for (i, k) in Sr25519Keyring::iter().enumerate() {
			let own = sr25519::Pair::from_seed(&[i as u8 + 1; 32]).public();
			json = json.replace(&k.public().to_ss58check(), &own.to_ss58check());
		}
		for (i, k) in Ed25519Keyring::iter().enumerate() {
			let own = ed25519::Pair::from_seed(&[i as u8 + 101; 32]).public();
			json = json.replace(&k.public().to_ss58check(), &own.to_ss58check());
		}
		let patch = serde_json::from_str(&json).expect("still JSON");
		ChainSpec::builder(WASM_BINARY.expect("the runtime Wasm is built"), None)
			.with_name("Pactum")
			.with_id("pactum")
			.with_chain_type(ChainType::Live)
			.with_genesis_config_patch(patch)
			.build()
	}

	#[test]
	fn the_production_template_is_refused_while_it_holds_development_keys() {
		let error = refuse_development_keys(&production_template().expect("builds"))
			.expect_err("the template's placeholders are development keys");
		assert!(error.contains("well-known development key Alice"), "{error}");
	}

	#[test]
	fn a_production_spec_with_its_own_keys_is_accepted() {
		assert_eq!(refuse_development_keys(&production_with_own_keys()), Ok(()));
	}

	#[test]
	fn development_chains_may_use_development_keys() {
		assert_eq!(refuse_development_keys(&development().expect("builds")), Ok(()));
		assert_eq!(refuse_development_keys(&local_testnet().expect("builds")), Ok(()));
	}

	// Building a genesis from a preset compiles the runtime's Wasm (about 12 s of CPU here), so each
	// spec gets a test of its own, run in parallel; that no preset sets the key is the runtime's
	// test `slots_last_six_seconds_unless_the_genesis_sets_them`, which builds them natively.
	fn assert_two_second_slots(spec: Result<ChainSpec, String>) {
		let storage = spec.expect("builds").as_storage_builder().build_storage().expect("genesis");
		let key = pactum_runtime::configs::MinimumPeriod::key().to_vec();
		assert_eq!(storage.top.get(&key), Some(&1_000u64.to_le_bytes().to_vec()));
	}

	#[test]
	fn dev_fast_stores_a_two_second_slot() {
		assert_two_second_slots(development_fast());
	}

	#[test]
	fn local_fast_stores_a_two_second_slot() {
		assert_two_second_slots(local_testnet_fast());
	}
}
