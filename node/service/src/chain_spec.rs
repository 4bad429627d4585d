//! Chain specifications. Genesis content lives in the runtime's presets; this file only names
//! them and sets the chain properties wallets read.

use pactum_runtime::{
	genesis_config_presets::PRODUCTION_PRESET, SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL,
	WASM_BINARY,
};
use sc_service::ChainType;

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

/// The production template: no sudo, the council governs. Replace the consortium before launch.
pub fn production_template() -> Result<ChainSpec, String> {
	spec("Pactum", "pactum", ChainType::Live, PRODUCTION_PRESET)
}
