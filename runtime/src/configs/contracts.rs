//! ink! smart contracts on pallet-contracts: customer-specific logic (roaming settlement, SLA
//! escrow, ticketing) next to the native pallets.

use crate::{
	deposit, Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason, Timestamp,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains, Get, Nothing},
};
use frame_system::EnsureSigned;
use pallet_contracts::{Determinism, Frame, Schedule};
use sp_runtime::Perbill;

/// The chain extension contracts reach Pactum's pallets through (registry look-ups, document
/// checks, token transfers under the same rules). None is registered yet: when one lands, it is
/// added to this tuple of `RegisteredChainExtension`s and nothing else in the runtime changes.
pub type ChainExtensions = ();

parameter_types! {
	/// Held from whoever adds a storage item of a contract (or uploads code), per item...
	pub const DepositPerItem: Balance = deposit(1, 0);
	/// ...and per byte.
	pub const DepositPerByte: Balance = deposit(0, 1);
	/// The storage deposit a call may take when the caller names no limit.
	pub const DefaultDepositLimit: Balance = deposit(1024, 1024 * 1024);
	/// Share of the code's deposit held from each instantiator, so code in use stays stored.
	pub const CodeHashLockupDepositPercent: Perbill = Perbill::from_percent(30);
	/// pallet-contracts' limits (16 pages of memory per contract, 16 KiB values) and its
	/// benchmarked instruction and host-function costs, with one change: the memory its integrity
	/// check assumes for "validators". On a parachain those re-execute a block from a proof held
	/// in Wasm memory, so everything a block may write has to fit there (512 MiB by default,
	/// too little for 1.5 s of normal-class weight). Pactum is a solochain: importing nodes keep
	/// a block's storage changes on the host side, outside the runtime's memory.
	pub ContractsSchedule: Schedule<Runtime> = {
		let mut schedule = Schedule::<Runtime>::default();
		schedule.limits.validator_runtime_memory = 1024 * 1024 * 1024;
		schedule
	};
}

/// The unstable host functions are open on development chains only: those run with a sudo key,
/// which production specs do not set (their admin is the council).
pub struct UnstableInterfaceOnDevChains;
impl Get<bool> for UnstableInterfaceOnDevChains {
	fn get() -> bool {
		pallet_sudo::Key::<Runtime>::exists()
	}
}

/// Contract code is uploaded only in deterministic mode: code uploaded as `Relaxed` could be
/// used by off-chain dry runs but never on chain, and would only cost its uploader a deposit.
pub struct RelaxedCodeUpload;
impl Contains<RuntimeCall> for RelaxedCodeUpload {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::Contracts(pallet_contracts::Call::upload_code {
				determinism: Determinism::Relaxed,
				..
			})
		)
	}
}

impl pallet_contracts::Config for Runtime {
	type Time = Timestamp;
	/// `seal_random` is refused to contracts; the type is only required by the pallet.
	type Randomness = pallet_babe::RandomnessFromOneEpochAgo<Runtime>;
	type Currency = Balances;
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Contracts dispatch no runtime calls: what they may do in Pactum's pallets goes through
	/// the chain extension, under the same rules as extrinsics.
	type CallFilter = Nothing;
	type WeightPrice = pallet_transaction_payment::Pallet<Self>;
	type WeightInfo = pallet_contracts::weights::SubstrateWeight<Self>;
	type ChainExtension = ChainExtensions;
	type Schedule = ContractsSchedule;
	/// Contracts may call contracts five deep.
	type CallStack = [Frame<Self>; 5];
	type DepositPerByte = DepositPerByte;
	type DefaultDepositLimit = DefaultDepositLimit;
	type DepositPerItem = DepositPerItem;
	type CodeHashLockupDepositPercent = CodeHashLockupDepositPercent;
	type AddressGenerator = pallet_contracts::DefaultAddressGenerator;
	type MaxCodeLen = ConstU32<{ 123 * 1024 }>;
	type MaxStorageKeyLen = ConstU32<128>;
	type MaxTransientStorageSize = ConstU32<{ 1024 * 1024 }>;
	type MaxDelegateDependencies = ConstU32<32>;
	type UnsafeUnstableInterface = UnstableInterfaceOnDevChains;
	type MaxDebugBufferLen = ConstU32<{ 2 * 1024 * 1024 }>;
	type UploadOrigin = EnsureSigned<Self::AccountId>;
	type InstantiateOrigin = EnsureSigned<Self::AccountId>;
	type Migrations = ();
	type Debug = ();
	type Environment = ();
	type ApiVersion = ();
	type Xcm = ();
}
