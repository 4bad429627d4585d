//! A test runtime: system, balances (session key deposits are holds), session and this pallet.

use crate as pallet_validator_set;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use sp_runtime::{
	testing::UintAuthorityId,
	traits::{ConvertInto, OpaqueKeys},
	BuildStorage, KeyTypeId, RuntimeAppPublic,
};

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
	pub type ValidatorSet = pallet_validator_set;
	#[runtime::pallet_index(3)]
	pub type Session = pallet_session;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

std::thread_local! {
	/// The `changed` flag of every session rotation the handler saw, in order.
	pub static ROTATIONS_CHANGED: core::cell::RefCell<Vec<bool>> = const { core::cell::RefCell::new(Vec::new()) };
}

/// Records whether each rotation changed the validator set.
pub struct TestSessionHandler;
impl pallet_session::SessionHandler<AccountId> for TestSessionHandler {
	const KEY_TYPE_IDS: &'static [KeyTypeId] = &[UintAuthorityId::ID];
	fn on_genesis_session<Ks: OpaqueKeys>(_validators: &[(AccountId, Ks)]) {}
	fn on_new_session<Ks: OpaqueKeys>(
		changed: bool,
		_validators: &[(AccountId, Ks)],
		_queued_validators: &[(AccountId, Ks)],
	) {
		ROTATIONS_CHANGED.with(|r| r.borrow_mut().push(changed));
	}
	fn on_disabled(_validator_index: u32) {}
}

parameter_types! {
	pub const Period: u64 = 5;
	pub const Offset: u64 = 0;
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<Period, Offset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<Period, Offset>;
	type SessionManager = ValidatorSet;
	type SessionHandler = TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<0>;
}

impl pallet_validator_set::Config for Test {
	type ManagerOrigin = EnsureRoot<AccountId>;
	type MaxValidators = ConstU32<4>;
	type MinValidators = ConstU32<1>;
	type WeightInfo = ();
}

/// Accounts 1 and 2 are the genesis validators; 1..=5 are funded and 3 and 4 have keys too.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with(vec![1, 2])
}

/// Genesis with `validators` in this pallet; accounts 1..=4 have session keys, 1..=5 are funded.
pub fn new_test_ext_with(validators: Vec<AccountId>) -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=5).map(|who| (who, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_validator_set::GenesisConfig::<Test> { validators }
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_session::GenesisConfig::<Test> {
		keys: (1..=4).map(|who| (who, who, UintAuthorityId(who))).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	ROTATIONS_CHANGED.with(|r| r.borrow_mut().clear());
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs blocks up to `n`, ending sessions as `pallet-session` would.
pub fn run_to_block(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
	}
}
