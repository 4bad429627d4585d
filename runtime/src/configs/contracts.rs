//! ink! smart contracts on pallet-contracts: customer-specific logic (roaming settlement, SLA
//! escrow, ticketing) next to the native pallets.

use crate::{
	deposit, AccountId, Balance, Balances, Hash, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, Timestamp,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains, Get, Nothing},
};
use frame_system::EnsureSigned;
use pallet_contracts::{Determinism, Frame, Schedule};
use sp_runtime::Perbill;

/// The chain extensions contracts reach Pactum's pallets through: Pactum's own
/// ([`crate::chain_extension`]: participants, documents, regulated tokens, the auditor court).
pub type ChainExtensions = (crate::chain_extension::PactumExtension,);

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

/// The code each contract account runs, for the registry: a contract registered as a
/// participant counts as one while it runs the code it registered with.
pub struct ContractCodes;
impl pactum_primitives::ContractCode<AccountId, Hash> for ContractCodes {
	fn code_hash(contract: &AccountId) -> Option<Hash> {
		pallet_contracts::Pallet::<Runtime>::code_hash(contract)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn deploy_for_benchmarks(deployer: &AccountId) -> (AccountId, Hash) {
		benchmarks::deploy(deployer)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn terminate_for_benchmarks(contract: &AccountId) {
		benchmarks::terminate(contract)
	}
}

/// A real contract for other pallets' benchmarks: uploaded and instantiated through
/// pallet-contracts, so what they read of it costs what it costs on chain.
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{traits::fungible::Mutate, weights::Weight};
	use pallet_contracts::{CollectEvents, DebugInfo};

	/// `(module (import "seal1" "terminate" (func $terminate (param i32)))
	///  (import "env" "memory" (memory 1 1)) (func (export "deploy"))
	///  (func (export "call") (call $terminate (i32.const 0))))`: deploys doing nothing, and
	/// terminates when called (its balance to the all-zero account).
	const TERMINABLE: [u8; 91] = [
		0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x60, 0x01, 0x7f, 0x00,
		0x60, 0x00, 0x00, 0x02, 0x22, 0x02, 0x05, 0x73, 0x65, 0x61, 0x6c, 0x31, 0x09, 0x74, 0x65,
		0x72, 0x6d, 0x69, 0x6e, 0x61, 0x74, 0x65, 0x00, 0x00, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x6d,
		0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x01, 0x01, 0x01, 0x03, 0x03, 0x02, 0x01, 0x01, 0x07,
		0x11, 0x02, 0x06, 0x64, 0x65, 0x70, 0x6c, 0x6f, 0x79, 0x00, 0x01, 0x04, 0x63, 0x61, 0x6c,
		0x6c, 0x00, 0x02, 0x0a, 0x0b, 0x02, 0x02, 0x00, 0x0b, 0x06, 0x00, 0x41, 0x00, 0x10, 0x00,
		0x0b,
	];

	const GAS: Weight = Weight::from_parts(10_000_000_000, 1_000_000);
	const FUNDS: Balance = 1_000_000 * crate::UNIT;

	pub fn deploy(deployer: &AccountId) -> (AccountId, Hash) {
		Balances::set_balance(deployer, FUNDS);
		let code = pallet_contracts::Pallet::<Runtime>::bare_instantiate(
			deployer.clone(),
			FUNDS / 10,
			GAS,
			None,
			pallet_contracts::Code::Upload(TERMINABLE.to_vec()),
			Vec::new(),
			Vec::new(),
			DebugInfo::Skip,
			CollectEvents::Skip,
		);
		let contract = code.result.expect("the benchmark contract deploys").account_id;
		let hash = pallet_contracts::Pallet::<Runtime>::code_hash(&contract)
			.expect("a deployed contract has code");
		(contract, hash)
	}

	pub fn terminate(contract: &AccountId) {
		let caller: AccountId = frame_benchmarking::whitelisted_caller();
		Balances::set_balance(&caller, FUNDS);
		let result = pallet_contracts::Pallet::<Runtime>::bare_call(
			caller,
			contract.clone(),
			0,
			GAS,
			None,
			Vec::new(),
			DebugInfo::Skip,
			CollectEvents::Skip,
			pallet_contracts::Determinism::Enforced,
		);
		assert!(result.result.is_ok(), "the benchmark contract terminates");
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
