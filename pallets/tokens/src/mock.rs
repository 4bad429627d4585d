//! A test runtime: system, balances, timestamp (the clock of the limits), the registry,
//! pallet-assets (the ledger) and the tokens pallet, with one asset set up.

use crate::{self as pallet_tokens, AssetId, HolderPolicy};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, ConstU64, ConstU8, NeverEnsureOrigin},
	PalletId,
};
use frame_system::EnsureRoot;
use crate::roles::{FeesAdmin, IssuanceAdmin, LimitsAdmin, TradeAdmin};
use pactum_primitives::EnsureRole;
use pallet_registry::roles::{KycAdmin, SecurityAdmin};
use sp_runtime::{BuildStorage, FixedU128};

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
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(3)]
	pub type Registry = pallet_registry;
	#[runtime::pallet_index(4)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(5)]
	pub type Tokens = pallet_tokens;
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

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

frame_support::parameter_types! {
	/// Room for the tokens hook's largest step.
	pub RecoveryBudget: frame_support::weights::Weight =
		<Tokens as pactum_primitives::OnParticipantRecovered<AccountId>>::max_step();
}

impl pallet_registry::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RegistrationDeposit = ConstU64<100>;
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxKycLevel = ConstU8<3>;
	type MaxOrgCodeLen = ConstU32<8>;
	type RecoveryDelay = ConstU64<10>;
	type OnRecovered = Tokens;
	type RecoveryBudget = RecoveryBudget;
	type Roles = (pallet_registry::roles::All, crate::roles::All);
	type Contracts = pactum_primitives::mock::MockContracts;
	type WeightInfo = ();
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Currency = Balances;
	/// Only the tokens pallet creates assets.
	type CreateOrigin = AsEnsureOriginWithArg<NeverEnsureOrigin<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = ConstU64<0>;
	type AssetAccountDeposit = ConstU64<0>;
	type MetadataDepositBase = ConstU64<0>;
	type MetadataDepositPerByte = ConstU64<0>;
	type ApprovalDeposit = ConstU64<0>;
	type StringLimit = ConstU32<16>;
}

parameter_types! {
	pub const TokensPalletId: PalletId = PalletId(*b"pct/tokn");
}

pub const MAX_ASSETS: u32 = 3;
pub const MAX_COLLATERAL: u32 = 2;
pub const MAX_PENDING: u32 = 2;
pub const MAX_LEGS: u32 = 4;

impl pallet_tokens::Config for Test {
	type Registry = Registry;
	type Time = Timestamp;
	type IssuanceOrigin = EnsureRole<Registry, IssuanceAdmin, AccountId>;
	type FeesOrigin = EnsureRole<Registry, FeesAdmin, AccountId>;
	type LimitsOrigin = EnsureRole<Registry, LimitsAdmin, AccountId>;
	type TradeOrigin = EnsureRole<Registry, TradeAdmin, AccountId>;
	type SecurityOrigin = EnsureRole<Registry, SecurityAdmin, AccountId>;
	type PalletId = TokensPalletId;
	type MaxAssets = ConstU32<MAX_ASSETS>;
	type MaxCollateralRecords = ConstU32<MAX_COLLATERAL>;
	type MaxPendingWithdrawals = ConstU32<MAX_PENDING>;
	type MaxTransferLegs = ConstU32<MAX_LEGS>;
	type WeightInfo = ();
}

/// Admins, one role each.
pub const ISSUANCE: AccountId = 1;
pub const FEES: AccountId = 2;
pub const LIMITS: AccountId = 3;
pub const TRADE: AccountId = 4;
pub const SECURITY: AccountId = 5;
pub const KYC: AccountId = 6;
/// Receives the asset's fees.
pub const COLLECTOR: AccountId = 9;
/// Verified at KYC level 2.
pub const ALICE: AccountId = 10;
pub const BOB: AccountId = 11;
/// Verified at KYC level 1.
pub const CHARLIE: AccountId = 12;
/// Registered, not verified.
pub const DAVE: AccountId = 13;
/// A corporate participant at KYC level 2.
pub const CORP: AccountId = 14;
/// Funded, not registered.
pub const OUTSIDER: AccountId = 20;
/// Not registered: the account a recovery moves to.
pub const NEW: AccountId = 21;
/// A contract's account (running `VAULT_CODE`), funded, not registered.
pub const VAULT: AccountId = 30;
pub const VAULT_CODE: sp_core::H256 = sp_core::H256::repeat_byte(0x7a);

pub const ASSET: AssetId = 7;
pub const SUPPLY: u64 = 1_000_000;
/// What Alice and Bob hold after set-up.
pub const START: u64 = 10_000;
/// What the escrow (the pallet's account) always holds of `ASSET`: its minimum balance.
pub const FLOOR: u64 = 1;
/// 2026-11-25 12:00 UTC.
pub const NOON: u64 = 1_795_608_000_000;
pub const DAY: u64 = 86_400_000;

/// Verified and corporate accounts at KYC level 1 or more.
pub fn policy() -> HolderPolicy {
	HolderPolicy { unverified: false, verified: true, corporate: true, min_kyc_level: 1, contract: false }
}

pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let funded = [ISSUANCE, FEES, LIMITS, TRADE, SECURITY, KYC, COLLECTOR, ALICE, BOB]
		.into_iter()
		.chain([CHARLIE, DAVE, CORP, OUTSIDER, NEW, VAULT]);
	pallet_balances::GenesisConfig::<Test> {
		balances: funded.map(|who| (who, 1_000_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let participants = vec![
		(ISSUANCE, 1, vec![IssuanceAdmin::ROLE]),
		(FEES, 1, vec![FeesAdmin::ROLE]),
		(LIMITS, 1, vec![LimitsAdmin::ROLE]),
		(TRADE, 1, vec![TradeAdmin::ROLE]),
		(SECURITY, 1, vec![SecurityAdmin::ROLE]),
		(KYC, 1, vec![KycAdmin::ROLE]),
		(COLLECTOR, 1, vec![]),
		(ALICE, 2, vec![]),
		(BOB, 2, vec![]),
		(CHARLIE, 1, vec![]),
		(DAVE, 0, vec![]),
		(CORP, 2, vec![]),
	];
	pallet_registry::GenesisConfig::<Test> { participants }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(NOON);
		assert_ok!(Registry::set_corporate(signed(KYC), CORP, [1; 32].into()));
		pactum_primitives::mock::MockContracts::deploy(&VAULT, VAULT_CODE);
	});
	ext
}

/// Creates `ASSET` (min balance 1, ratio 1), authorises and collateralises `SUPPLY`, and
/// issues `START` to Alice and Bob.
pub fn create_asset() {
	assert_ok!(Tokens::create_asset(
		signed(ISSUANCE),
		ASSET,
		1,
		policy(),
		COLLECTOR,
		FixedU128::from_u32(1)
	));
	assert_ok!(Tokens::set_authorised_supply(signed(ISSUANCE), ASSET, SUPPLY));
	assert_ok!(Tokens::add_collateral(signed(ISSUANCE), ASSET, SUPPLY, [0xC0; 32]));
	assert_ok!(Tokens::issue(signed(ISSUANCE), ASSET, ALICE, START));
	assert_ok!(Tokens::issue(signed(ISSUANCE), ASSET, BOB, START));
}

/// Runs `test` with `ASSET` set up, then checks the pallets' invariants.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		create_asset();
		System::reset_events();
		test();
		Tokens::do_try_state().expect("tokens invariants hold");
		Registry::do_try_state().expect("registry invariants hold");
	});
}

/// Runs `test` in a genesis without assets, then checks the invariants.
pub fn bare(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Tokens::do_try_state().expect("tokens invariants hold");
	});
}

pub fn balance(who: AccountId) -> u64 {
	pallet_assets::Pallet::<Test>::balance(ASSET, who)
}
