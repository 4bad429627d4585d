//! Genesis presets: `development` (one validator, instant start), `local_testnet` (four
//! validators on one machine) and `production` (a template without sudo whose admin is the
//! consortium council). The node's chain specs only name these presets.

use crate::{
	configs::PRODUCTION_ENACTMENT_DELAY, AccountId, BabeConfig, BalancesConfig,
	CouncilMembershipConfig, EnactmentConfig, NodeAuthorizationConfig,
	RegistryConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig,
	ValidatorSetConfig, BABE_GENESIS_EPOCH_CONFIG, UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use pactum_primitives::Role;
use pallet_audit::roles::Auditor;
use pallet_documents::roles::Issuer;
use pallet_registry::roles::{ClientRegistrar, KycAdmin, SecurityAdmin, SuperAdmin};
use pallet_tokens::roles::{FeesAdmin, IssuanceAdmin, LimitsAdmin, TradeAdmin};
use serde_json::Value;
use sp_consensus_babe::AuthorityId as BabeId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::OpaquePeerId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// The name of the production template preset.
pub const PRODUCTION_PRESET: &str = "production";

/// Every endowed account starts with this much.
const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// The libp2p peer ids of nodes started with `--node-key` 0x00…01 to 0x00…04, as
/// `scripts/local-net.sh` starts Alice, Bob, Charlie and Dave (`pactum-node key
/// inspect-node-key` prints them in base58).
const LOCAL_PEER_IDS: [[u8; 38]; 4] = [
	[
		0, 36, 8, 1, 18, 32, 76, 181, 171, 246, 173, 121, 251, 245, 171, 188, 202, 252, 194, 105,
		216, 92, 210, 101, 30, 212, 184, 133, 181, 134, 159, 36, 26, 237, 240, 165, 186, 41,
	],
	[
		0, 36, 8, 1, 18, 32, 116, 34, 185, 136, 117, 152, 6, 142, 50, 196, 68, 138, 148, 154, 219,
		41, 13, 15, 78, 53, 185, 224, 27, 14, 229, 241, 161, 230, 0, 254, 38, 116,
	],
	[
		0, 36, 8, 1, 18, 32, 243, 129, 98, 110, 65, 231, 2, 126, 164, 49, 191, 227, 0, 158, 148,
		189, 210, 90, 116, 107, 238, 196, 104, 148, 141, 108, 60, 124, 93, 201, 165, 75,
	],
	[
		0, 36, 8, 1, 18, 32, 253, 80, 184, 227, 177, 68, 234, 36, 79, 191, 119, 55, 245, 80, 188,
		141, 208, 194, 101, 11, 188, 26, 173, 168, 51, 202, 23, 255, 141, 191, 50, 155,
	],
];

/// A validator: its account, its session keys and its node's network identity. With
/// `pallet-node-authorization`, validators only connect to the nodes genesis (or governance)
/// lists as well-known, so every validator's node must be listed.
pub struct Validator {
	pub account: AccountId,
	pub babe: BabeId,
	pub grandpa: GrandpaId,
	pub peer_id: OpaquePeerId,
}

/// A well-known development validator (keys derived from `//Name`), running the local node
/// with `--node-key` number `node` (1 to 4).
fn dev_validator(sr: Sr25519Keyring, ed: Ed25519Keyring, node: usize) -> Validator {
	let peer_id =
		LOCAL_PEER_IDS.get(node.saturating_sub(1)).map(|id| id.to_vec()).unwrap_or_default();
	Validator {
		account: sr.to_account_id(),
		babe: sr.public().into(),
		grandpa: ed.public().into(),
		peer_id: OpaquePeerId(peer_id),
	}
}

/// A genesis participant of the registry: account, KYC level, roles.
type Participant = (AccountId, u8, Vec<Role>);

fn genesis(
	validators: Vec<Validator>,
	endowed: Vec<AccountId>,
	council: Vec<AccountId>,
	participants: Vec<Participant>,
	sudo: Option<AccountId>,
) -> Value {
	let nodes: Vec<(OpaquePeerId, AccountId)> =
		validators.iter().map(|v| (v.peer_id.clone(), v.account.clone())).collect();
	let mut config = build_struct_json_patch!(RuntimeGenesisConfig {
		node_authorization: NodeAuthorizationConfig { nodes },
		balances: BalancesConfig {
			balances: endowed.iter().cloned().map(|who| (who, ENDOWMENT)).collect::<Vec<_>>(),
		},
		babe: BabeConfig { epoch_config: BABE_GENESIS_EPOCH_CONFIG },
		validator_set: ValidatorSetConfig {
			validators: validators.iter().map(|v| v.account.clone()).collect::<Vec<_>>(),
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|v| {
					(v.account.clone(), v.account, SessionKeys { babe: v.babe, grandpa: v.grandpa })
				})
				.collect::<Vec<_>>(),
		},
		council_membership: CouncilMembershipConfig {
			members: council.try_into().expect("council fits COUNCIL_MAX_MEMBERS"),
		},
		registry: RegistryConfig { participants },
	});
	if let Some(key) = sudo {
		let sudo =
			build_struct_json_patch!(RuntimeGenesisConfig { sudo: SudoConfig { key: Some(key) } });
		json_merge(&mut config, sudo);
	}
	config
}

/// Merges `patch` into `base` (objects key by key, anything else replaced): how a preset is laid
/// over the default genesis config (the runtime's tests and the fuzzer build genesis this way).
pub fn json_merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				json_merge(base.entry(key).or_insert(Value::Null), value);
			}
		}
		(base, patch) => *base = patch,
	}
}

fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect()
}

/// Alice, Bob, Charlie and Dave as validators of a four-node network.
fn four_validators() -> Vec<Validator> {
	vec![
		dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice, 1),
		dev_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob, 2),
		dev_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie, 3),
		dev_validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave, 4),
	]
}

/// The well-known development accounts as registry admins, all verified at level 3: Alice holds
/// every admin role and registers clients, Bob is the second KYC and security admin (a recovery
/// needs two people), Charlie an issuer, Dave an auditor. Eve and Ferdie are left unregistered.
fn dev_participants() -> Vec<Participant> {
	vec![
		(
			Sr25519Keyring::Alice.to_account_id(),
			3,
			vec![
				SuperAdmin::ROLE,
				KycAdmin::ROLE,
				FeesAdmin::ROLE,
				LimitsAdmin::ROLE,
				IssuanceAdmin::ROLE,
				TradeAdmin::ROLE,
				SecurityAdmin::ROLE,
				ClientRegistrar::ROLE,
			],
		),
		(Sr25519Keyring::Bob.to_account_id(), 3, vec![KycAdmin::ROLE, SecurityAdmin::ROLE]),
		(Sr25519Keyring::Charlie.to_account_id(), 3, vec![Issuer::ROLE]),
		(Sr25519Keyring::Dave.to_account_id(), 3, vec![Auditor::ROLE]),
	]
}

/// One validator (Alice), sudo Alice, council Alice, Bob and Charlie.
pub fn development_config_genesis() -> Value {
	genesis(
		vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice, 1)],
		dev_accounts(),
		vec![
			Sr25519Keyring::Alice.to_account_id(),
			Sr25519Keyring::Bob.to_account_id(),
			Sr25519Keyring::Charlie.to_account_id(),
		],
		dev_participants(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// Four validators (Alice, Bob, Charlie, Dave), sudo Alice: a network on one machine.
pub fn local_testnet_genesis() -> Value {
	genesis(
		four_validators(),
		dev_accounts(),
		vec![
			Sr25519Keyring::Alice.to_account_id(),
			Sr25519Keyring::Bob.to_account_id(),
			Sr25519Keyring::Charlie.to_account_id(),
		],
		dev_participants(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// The production template: no sudo, the consortium council is the admin origin and reaches root
/// through `Enactment` with a day's delay. The
/// consortium's validators and members are placeholders (the well-known Alice..Dave keys) that an
/// operator replaces in the generated chain spec before launch; `chain-spec/README.md` says how.
pub fn production_genesis() -> Value {
	let consortium = four_validators();
	let members: Vec<AccountId> = consortium.iter().map(|v| v.account.clone()).collect();
	// Every member is a verified participant; the first is the registry's first super admin,
	// who (or the council) grants the other roles.
	let participants = members
		.iter()
		.enumerate()
		.map(|(i, who)| (who.clone(), 3, if i == 0 { vec![SuperAdmin::ROLE] } else { vec![] }))
		.collect();
	let mut config = genesis(consortium, members.clone(), members, participants, None);
	// A day's notice before a council decision takes effect as root.
	json_merge(
		&mut config,
		build_struct_json_patch!(RuntimeGenesisConfig {
			enactment: EnactmentConfig { delay: PRODUCTION_ENACTMENT_DELAY },
		}),
	);
	config
}

/// The JSON of the preset `id`, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		PRODUCTION_PRESET => production_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The names of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PRODUCTION_PRESET),
	]
}
