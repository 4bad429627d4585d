//! The state every case starts from: the `development` preset, built as the node builds a chain
//! spec from it (the default genesis config with the preset merged over it), with the audit
//! calendar shortened.

use codec::Encode;
use pactum_runtime::{
	configs::{AuditCommitPeriod, AuditEpochLength, AuditEscrowPeriod, AuditRevealPeriod},
	genesis_config_presets::{get_preset, json_merge},
	BlockNumber, RuntimeGenesisConfig,
};
use sp_core::storage::Storage;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET};
use sp_runtime::BuildStorage;

/// The fuzzed chain's audit calendar, in blocks: epochs of 20 (commits in the first 4, reveals
/// in the next 4) and escrows of 30, instead of 4 hours, 1 hour, 1 hour and 7 days. A case of a
/// few dozen blocks then crosses epochs: panels are drawn, rounds tallied, decisions made final,
/// escrows released. The runtime keeps these in storage for exactly this (`configs/audit.rs`;
/// the end-to-end tests shorten them the same way), and counts epochs from block 0, so setting
/// them at genesis is sound.
const AUDIT_CALENDAR: [(fn() -> [u8; 16], BlockNumber); 4] = [
	(AuditEpochLength::key, 20),
	(AuditCommitPeriod::key, 4),
	(AuditRevealPeriod::key, 4),
	(AuditEscrowPeriod::key, 30),
];

/// The genesis storage of the `development` preset with the shortened audit calendar.
pub fn development() -> Result<Storage, String> {
	let preset = get_preset(&PresetId::from(DEV_RUNTIME_PRESET))
		.ok_or("the runtime has no development preset")?;
	let patch: serde_json::Value =
		serde_json::from_slice(&preset).map_err(|e| format!("the preset is not JSON: {e}"))?;
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default())
		.map_err(|e| format!("the default genesis config does not serialize: {e}"))?;
	json_merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config)
		.map_err(|e| format!("the development preset does not deserialize: {e}"))?;
	let mut storage = config.build_storage()?;
	for (key, blocks) in AUDIT_CALENDAR {
		storage.top.insert(key().to_vec(), blocks.encode());
	}
	Ok(storage)
}
