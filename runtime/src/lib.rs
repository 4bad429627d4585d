//! # Pactum runtime
//!
//! A permissioned chain for enterprise agreements: BABE block production and GRANDPA finality by
//! a consortium-chosen validator set, a native fee token, a council of consortium members as the
//! admin origin, and the Pactum pallets. Pallet configuration lives in [`configs`], one file per
//! group; runtime APIs in `apis.rs`; genesis presets in [`genesis_config_presets`].
#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` needs a large recursion limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

// Before `apis`: its benchmark API uses the macros `benchmarks` defines, in textual scope.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod chain_extension;
pub mod configs;
pub mod genesis_config_presets;
pub mod roles;
#[cfg(test)]
mod tests;
pub mod weights;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;

/// Opaque types: what the node needs to know about the runtime without knowing its calls.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Block header type as expected by this runtime.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Block type as expected by this runtime.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Block ID.
	pub type BlockId = generic::BlockId<Block>;
	/// Block hash.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;
}

/// The runtime's version. The `next-spec-version` build (the runtime an end-to-end test upgrades a
/// running chain to) is the same runtime reporting the next `spec_version` (the version macro
/// reads literals only, hence two declarations).
#[cfg(not(feature = "next-spec-version"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("pactum"),
	impl_name: alloc::borrow::Cow::Borrowed("pactum-node"),
	authoring_version: 1,
	spec_version: 109,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// The runtime's version as the next release reports it.
#[cfg(feature = "next-spec-version")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("pactum"),
	impl_name: alloc::borrow::Cow::Borrowed("pactum-node"),
	authoring_version: 1,
	spec_version: 110,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

// ---- Primitive types -----------------------------------------------------------------------

/// Transaction signature: sr25519, ed25519 or ECDSA.
pub type Signature = MultiSignature;
/// An account on chain: the public key behind its signature.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account, in plancks of the native token.
pub type Balance = u128;
/// Index of a transaction in the chain.
pub type Nonce = u32;
/// Hash of a block or a transaction.
pub type Hash = sp_core::H256;
/// Block number.
pub type BlockNumber = u32;
/// Milliseconds since the Unix epoch.
pub type Moment = u64;

// ---- Time ----------------------------------------------------------------------------------

/// Block time. BABE produces one block per slot; with secondary slots every slot has an author.
/// The chain's default; a test chain's genesis may set shorter slots (`configs::MinimumPeriod`),
/// which leaves every duration below counted in blocks as it is.
pub const MILLI_SECS_PER_BLOCK: u64 = 6_000;
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;
/// A BABE epoch, which is also a session: validator-set changes take effect at its boundaries.
pub const EPOCH_DURATION_IN_SLOTS: u64 = 10 * MINUTES as u64;
/// The probability of a primary slot (a VRF win) for each authority: none. Every slot has
/// exactly one author, its secondary author (chosen from the epoch's randomness), as a
/// permissioned validator set wants: with primary slots (1/4 before spec_version 108) a slot
/// whose primary winner is not its secondary author gets two blocks, one of them a fork that
/// every validator imports and the next blocks must wait out — a quarter of the blocks on four
/// validators (docs/performance.md). A validator that is down leaves its slots empty.
pub const PRIMARY_PROBABILITY: (u64, u64) = (0, 1);
/// BABE's genesis configuration: secondary VRF slots, so that a block is authored in every slot
/// without a primary lottery and every block carries a VRF output for the chain's randomness.
pub const BABE_GENESIS_EPOCH_CONFIG: sp_consensus_babe::BabeEpochConfiguration =
	sp_consensus_babe::BabeEpochConfiguration {
		c: PRIMARY_PROBABILITY,
		allowed_slots: sp_consensus_babe::AllowedSlots::PrimaryAndSecondaryVRFSlots,
	};

// ---- Money ---------------------------------------------------------------------------------

/// The native token's symbol, shown by wallets and polkadot.js (chain properties).
pub const TOKEN_SYMBOL: &str = "PACT";
/// The native token's decimals.
pub const TOKEN_DECIMALS: u8 = 12;
pub const UNIT: Balance = 1_000_000_000_000;
pub const MILLI_UNIT: Balance = UNIT / 1_000;
pub const MICRO_UNIT: Balance = UNIT / 1_000_000;
/// The SS58 address prefix (42: the generic Substrate prefix).
pub const SS58_PREFIX: u16 = 42;

/// A deposit for `items` storage items taking `bytes` bytes.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	(items as Balance) * 20 * MILLI_UNIT + (bytes as Balance) * 100 * MICRO_UNIT
}

// ---- Extrinsics ----------------------------------------------------------------------------

/// How accounts are addressed in calls.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// The checks every signed transaction goes through.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);
/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;
/// Storage migrations run on a runtime upgrade, each once (by the pallet's storage version).
/// - tokens v1: holder policies say whether contracts registered as participants may hold an
///   asset (existing assets: no).
/// - tokens v2: an asset's fee and limit rules are one item, each account's own another.
type Migrations = (
	pallet_tokens::migrations::v1::MigrateToV1<Runtime>,
	pallet_tokens::migrations::v2::MigrateToV2<Runtime>,
);
/// Dispatches calls to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

// ---- Composition ---------------------------------------------------------------------------

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// Consensus and chain.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Babe = pallet_babe;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	// The validator set must be built before `Session`, whose genesis asks it for validators.
	#[runtime::pallet_index(4)]
	pub type ValidatorSet = pallet_validator_set;
	#[runtime::pallet_index(5)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(6)]
	pub type NodeAuthorization = pallet_node_authorization;

	// Money.
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;

	// Governance.
	#[runtime::pallet_index(20)]
	pub type Sudo = pallet_sudo;
	#[runtime::pallet_index(21)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(22)]
	pub type CouncilMembership = pallet_membership<Instance1>;
	#[runtime::pallet_index(23)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(24)]
	pub type Preimage = pallet_preimage;
	/// The council's path to root: scheduled calls enacted after a delay.
	#[runtime::pallet_index(25)]
	pub type Enactment = pallet_enactment;

	// Accounts and batching.
	#[runtime::pallet_index(30)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(31)]
	pub type Multisig = pallet_multisig;
	#[runtime::pallet_index(32)]
	pub type Proxy = pallet_proxy;

	// Pactum's business pallets.
	#[runtime::pallet_index(40)]
	pub type Registry = pallet_registry;
	#[runtime::pallet_index(41)]
	pub type Documents = pallet_documents;
	#[runtime::pallet_index(42)]
	pub type Tokens = pallet_tokens;
	/// The ledger of `Tokens`; its own calls are filtered out.
	#[runtime::pallet_index(43)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(44)]
	pub type Content = pallet_content;
	/// The items of `Content`; its own calls are filtered out.
	#[runtime::pallet_index(45)]
	pub type Nfts = pallet_nfts;
	#[runtime::pallet_index(46)]
	pub type Audit = pallet_audit;
	#[runtime::pallet_index(47)]
	pub type Attestations = pallet_attestations;

	// Customer-specific logic: ink! contracts.
	#[runtime::pallet_index(50)]
	pub type Contracts = pallet_contracts;
}

impl_opaque_keys! {
	/// The keys a validator registers for a session: BABE for authoring, GRANDPA for finality.
	pub struct SessionKeys {
		pub babe: Babe,
		pub grandpa: Grandpa,
	}
}
