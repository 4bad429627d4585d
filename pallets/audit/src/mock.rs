//! A test runtime (system, balances, the audit pallet, the registry double of `pactum-primitives`) and the steps tests take:
//! signalling, drawing with real sr25519 VRF tickets, committing and revealing.

use crate::{self as pallet_audit, sortition, CaseId, Phase, RewardPolicy, Verdict};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, ConstU8, Hooks, Randomness},
};
use crate::roles::Auditor as AuditorRole;
pub use pactum_primitives::mock::MockRegistry;
use sp_core::{sr25519, Pair, H256};
use sp_runtime::{BuildStorage, Perbill, Percent};

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
	#[runtime::pallet_index(3)]
	pub type Audit = pallet_audit;
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


/// The chain's randomness in tests: a hash of the subject and the block.
pub struct TestRandomness;
impl Randomness<H256, u64> for TestRandomness {
	fn random(subject: &[u8]) -> (H256, u64) {
		let block = System::block_number();
		(H256(sp_io::hashing::blake2_256(&codec::Encode::encode(&(subject, block)))), block)
	}
}

pub const EPOCH: u64 = 20;
pub const COMMIT: u64 = 5;
pub const REVEAL: u64 = 5;
pub const AUDITOR_STAKE: u64 = 100;
pub const DEPOSIT: u64 = 10;
pub const MIN_CASE_STAKE: u64 = 50;
pub const MIN_OBJECTION: u64 = 50;
pub const ESCROW_PERIOD: u64 = 50;
pub const MIN_FEE: u64 = 10;

parameter_types! {
	pub storage Rewards: RewardPolicy<u64> = RewardPolicy::PartyFees;
	pub storage MaxAuditors: u32 = 16;
	pub const CaseStakeRatio: Perbill = Perbill::from_percent(10);
	pub const ValidationFee: Perbill = Perbill::from_percent(10);
	pub const NoRevealSlash: Perbill = Perbill::from_percent(10);
	pub const ObjectionReward: Perbill = Perbill::from_percent(50);
	pub const ImmediateShare: Percent = Percent::from_percent(30);
}

impl pallet_audit::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registry = MockRegistry;
	type Randomness = TestRandomness;
	type EpochLength = ConstU64<EPOCH>;
	type CommitPeriod = ConstU64<COMMIT>;
	type RevealPeriod = ConstU64<REVEAL>;
	type MinAuditorStake = ConstU64<AUDITOR_STAKE>;
	type PanelDeposit = ConstU64<DEPOSIT>;
	type MinCaseStake = ConstU64<MIN_CASE_STAKE>;
	type CaseStakeRatio = CaseStakeRatio;
	type MinObjectionStake = ConstU64<MIN_OBJECTION>;
	type PanelSize = ConstU32<3>;
	type AppealPanelSize = ConstU32<5>;
	type Oversampling = ConstU32<2>;
	type ValidationFee = ValidationFee;
	type NoRevealSlash = NoRevealSlash;
	type ObjectionReward = ObjectionReward;
	type Rewards = Rewards;
	type ImmediateShare = ImmediateShare;
	type EscrowPeriod = ConstU64<ESCROW_PERIOD>;
	type MinServiceFee = ConstU64<MIN_FEE>;
	type MaxAuditorsPerEpoch = MaxAuditors;
	type MaxPanel = ConstU32<5>;
	type MaxExcluded = ConstU32<16>;
	type MaxReruns = ConstU8<2>;
	type MaxTasksPerBlock = ConstU32<4>;
	type MaxContractCases = ConstU32<2>;
	type WeightInfo = ();
}

/// Registers, verifies and grants roles; owns the organisation codes.
pub const ADMIN: AccountId = 1;
/// Claims outcomes (the recipient of services).
pub const REQUESTER: AccountId = 10;
/// The counterparty (the provider of services).
pub const PROVIDER: AccountId = 11;
/// A contract registered as a participant (it opens cases through the chain extension).
pub const CONTRACT: AccountId = 12;
/// Funded, not registered.
pub const OUTSIDER: AccountId = 20;
/// A registered participant without the auditor role.
pub const PLAIN: AccountId = 21;
/// An auditor at KYC level 0.
pub const UNVERIFIED_AUDITOR: AccountId = 22;
/// Auditors 31..=46.
pub const AUDITORS: core::ops::RangeInclusive<AccountId> = 31..=46;
pub const FUNDS: u64 = 100_000;

pub fn auditor(n: u64) -> AccountId {
	30 + n
}

/// The draw key of an account.
pub fn pair(who: AccountId) -> sr25519::Pair {
	sr25519::Pair::from_seed(&[who as u8; 32])
}

pub fn key(who: AccountId) -> [u8; 32] {
	pair(who).public().0
}

pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let funded = [ADMIN, REQUESTER, PROVIDER, CONTRACT, OUTSIDER, PLAIN, UNVERIFIED_AUDITOR]
		.into_iter()
		.chain(AUDITORS);
	pallet_balances::GenesisConfig::<Test> {
		balances: funded.map(|who| (who, FUNDS)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		for who in [ADMIN, REQUESTER, PROVIDER, CONTRACT, PLAIN] {
			MockRegistry::admit(&who, 1, &[]);
		}
		MockRegistry::admit(&UNVERIFIED_AUDITOR, 0, &[AuditorRole::ROLE]);
		for who in AUDITORS {
			MockRegistry::admit(&who, 1, &[AuditorRole::ROLE]);
		}
	});
	ext
}

/// Runs `test`, then checks the pallet's invariants.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Audit::do_try_state().expect("audit invariants hold");
	});
}

/// Runs the hook of every block up to `n`.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Audit::on_initialize(next);
	}
}

pub fn held(reason: crate::HoldReason, who: AccountId) -> u64 {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&RuntimeHoldReason::Audit(reason), &who)
}

pub fn free(who: AccountId) -> u64 {
	Balances::free_balance(who)
}

/// `count` auditors (auditor(1)..) signal with the minimum stake for the epoch after next,
/// then the chain runs into the next epoch: the signalled epoch is the next one, where cases
/// opened now are drawn.
pub fn signal(count: u64) {
	for n in 1..=count {
		let who = auditor(n);
		assert_ok!(Audit::signal(signed(who), AUDITOR_STAKE, 5, key(who)));
	}
	run_to(Audit::epoch_start(Audit::current_epoch() + 1));
}

/// The requester opens a case with a value at risk of 1,000 (stake 100); returns its id.
pub fn open_case() -> CaseId {
	let id = crate::NextCase::<Test>::get();
	assert_ok!(Audit::open_case(signed(REQUESTER), PROVIDER, H256([7; 32]), 1_000, None));
	id
}

/// (round, epoch, attempt) of a case that is voting.
pub fn voting(case: CaseId) -> (u8, u32, u8) {
	let case = crate::Cases::<Test>::get(case).expect("an open case");
	match case.phase {
		Phase::Voting { round, epoch } => (round, epoch, case.attempt),
		Phase::Decided { .. } => panic!("the case is decided"),
	}
}

/// Runs to the first block of the case's commit window.
pub fn to_commit(case: CaseId) {
	let (_, epoch, _) = voting(case);
	run_to(Audit::epoch_start(epoch));
}

/// Runs to the first block of the case's reveal window.
pub fn to_reveal(case: CaseId) {
	let (_, epoch, _) = voting(case);
	run_to(Audit::epoch_start(epoch) + COMMIT);
}

/// Runs to the block the case's round is settled at.
pub fn to_settle(case: CaseId) {
	let (_, epoch, _) = voting(case);
	run_to(Audit::epoch_start(epoch) + COMMIT + REVEAL);
}

pub fn salt(who: AccountId) -> [u8; 32] {
	[who as u8 ^ 0x5a; 32]
}

/// `who`'s ticket and draw output for the case's current draw.
pub fn ticket(who: AccountId, case: CaseId) -> (crate::Ticket, crate::DrawOutput) {
	let (round, epoch, attempt) = voting(case);
	let seed = crate::EpochSeed::<Test>::get(epoch).expect("the draw epoch started");
	sortition::sign(&pair(who), &seed, case, round, attempt, &who)
}

pub fn commitment(who: AccountId, case: CaseId, vote: Verdict) -> H256 {
	let (round, _, attempt) = voting(case);
	sortition::commitment(case, round, attempt, &who, vote, &salt(who))
}

/// `who` commits `vote` on the case with its own ticket.
pub fn commit(
	who: AccountId,
	case: CaseId,
	vote: Verdict,
) -> frame_support::dispatch::DispatchResult {
	let (ticket, _) = ticket(who, case);
	Audit::commit(signed(who), case, ticket, commitment(who, case, vote))
}

/// Auditors 1..=`count` commit `verdict` on the case in its commit window and reveal it in its
/// reveal window.
pub fn all_vote(case: CaseId, count: u64, verdict: Verdict) {
	to_commit(case);
	for n in 1..=count {
		assert_ok!(commit(auditor(n), case, verdict));
	}
	to_reveal(case);
	for n in 1..=count {
		assert_ok!(reveal(auditor(n), case, verdict));
	}
}

pub fn reveal(
	who: AccountId,
	case: CaseId,
	vote: Verdict,
) -> frame_support::dispatch::DispatchResult {
	Audit::reveal(signed(who), case, vote, salt(who))
}

/// Every seated auditor of the current round, lowest output first.
pub fn panel(case: CaseId) -> Vec<AccountId> {
	crate::Cases::<Test>::get(case)
		.map(|case| case.panel.iter().map(|seat| seat.auditor).collect())
		.unwrap_or_default()
}

/// The case's events of kind `Closed`, `Decided`... as the tests need them.
pub fn audit_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Audit(event) => Some(event),
			_ => None,
		})
		.collect()
}
