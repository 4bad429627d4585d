//! A test runtime: system, balances (deposits are holds) and the registry.

use crate::{self as pallet_registry, OnParticipantRecovered};
use pactum_primitives::{mock::MockContracts, RecoveryProgress};
pub use crate::roles::{KycAdmin, SecurityAdmin, SuperAdmin};
pub use other_roles::{Auditor, Issuer, TradeAdmin};

/// Roles other pallets declare, as a runtime lists them beside the registry's.
pub mod other_roles {
	pactum_primitives::declare_roles! {
		/// A tokens role.
		TradeAdmin = 5,
		/// A documents role.
		Issuer = 7,
		/// An audit role.
		Auditor = 8,
	}
}
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, ConstU8},
	weights::{Weight, WeightMeter},
};
use frame_system::EnsureRoot;
use sp_core::H256;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;

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
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Registry = pallet_registry;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

std::thread_local! {
	/// Every `(lost, new)` the recovery hook finished moving, in order.
	pub static RECOVERED: core::cell::RefCell<Vec<(AccountId, AccountId)>> =
		const { core::cell::RefCell::new(Vec::new()) };
	/// How many steps (of `STEP` each) the hook still has to take for the next recovery.
	pub static STEPS_LEFT: core::cell::Cell<u32> = const { core::cell::Cell::new(1) };
}

/// The weight of one step of [`RecordRecoveries`]; `RecoveryBudget` allows three.
pub const STEP: Weight = Weight::from_parts(1_000, 0);

/// Moves `STEPS_LEFT` items of state, one `STEP` each, then records the recovery, as another
/// pallet would move its records.
pub struct RecordRecoveries;
impl OnParticipantRecovered<AccountId> for RecordRecoveries {
	fn on_recovered(lost: &AccountId, new: &AccountId, meter: &mut WeightMeter) -> RecoveryProgress {
		while STEPS_LEFT.get() > 0 {
			if meter.try_consume(STEP).is_err() {
				return RecoveryProgress::Incomplete;
			}
			STEPS_LEFT.set(STEPS_LEFT.get() - 1);
		}
		RECOVERED.with(|r| r.borrow_mut().push((*lost, *new)));
		RecoveryProgress::Done
	}
	fn max_step() -> Weight {
		STEP
	}
}

/// `contract` now runs `code`.
pub fn deploy(contract: AccountId, code: H256) {
	MockContracts::deploy(&contract, code);
}
/// `contract` replaced its code with `code` (`set_code_hash`).
pub fn set_code(contract: AccountId, code: H256) {
	MockContracts::deploy(&contract, code);
}
/// `contract` terminated.
pub fn terminate(contract: AccountId) {
	MockContracts::terminate(&contract);
}

parameter_types! {
	pub const RecoveryDelay: u64 = 10;
	pub const RecoveryBudget: Weight = Weight::from_parts(3_000, 0);
}

pub const DEPOSIT: u64 = 100;

impl pallet_registry::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RegistrationDeposit = ConstU64<DEPOSIT>;
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxKycLevel = ConstU8<3>;
	type MaxOrgCodeLen = ConstU32<8>;
	type RecoveryDelay = RecoveryDelay;
	type OnRecovered = RecordRecoveries;
	type RecoveryBudget = RecoveryBudget;
	type Roles = (crate::roles::All, other_roles::All);
	type Contracts = MockContracts;
	type WeightInfo = ();
}

/// The genesis super admin.
pub const ROOT_ADMIN: AccountId = 1;
/// Genesis KYC admins.
pub const KYC: AccountId = 2;
pub const KYC2: AccountId = 4;
/// The genesis security admin.
pub const SECURITY: AccountId = 3;
/// Funded, unregistered accounts.
pub const ALICE: AccountId = 10;
pub const BOB: AccountId = 11;
/// An account with less than the deposit.
pub const POOR: AccountId = 12;
/// A contract's account, funded.
pub const CONTRACT: AccountId = 20;
/// The code `CONTRACT` is deployed with in [`new_test_ext`].
pub const CODE_A: H256 = H256::repeat_byte(0xa);
/// Other code.
pub const CODE_B: H256 = H256::repeat_byte(0xb);

/// Genesis: 1 is a super admin, 2 and 4 KYC admins, 3 a security admin (all verified at level
/// 1); 1..=4, 10, 11 and the contract 20 (deployed with `CODE_A`) hold 1_000, 12 holds 50.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ROOT_ADMIN, 1_000),
			(KYC, 1_000),
			(SECURITY, 1_000),
			(KYC2, 1_000),
			(ALICE, 1_000),
			(BOB, 1_000),
			(POOR, 50),
			(CONTRACT, 1_000),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_registry::GenesisConfig::<Test> {
		participants: vec![
			(ROOT_ADMIN, 1, vec![SuperAdmin::ROLE]),
			(KYC, 1, vec![KycAdmin::ROLE]),
			(SECURITY, 1, vec![SecurityAdmin::ROLE]),
			(KYC2, 1, vec![KycAdmin::ROLE]),
		],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	RECOVERED.with(|r| r.borrow_mut().clear());
	STEPS_LEFT.set(1);
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		deploy(CONTRACT, CODE_A);
	});
	ext
}

/// Runs `test` in a fresh genesis and checks the pallet's invariants afterwards.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Registry::do_try_state().expect("registry invariants hold");
	});
}

pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}
