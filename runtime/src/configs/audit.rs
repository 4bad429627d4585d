//! The auditor court: staked auditors drawn by private VRF sortition on BABE randomness,
//! commit-reveal votes, objections and service-fee escrow.

use crate::{
	Balance, Balances, BlockNumber, Hash, Registry, Runtime, RuntimeHoldReason, DAYS, HOURS, UNIT,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU8, Get, Randomness},
};
use pallet_audit::RewardPolicy;
use sp_runtime::{Perbill, Percent};

/// The seed of an audit epoch: the VRF output BABE recorded for the parent of the epoch's first
/// block (made by its author after every case drawn in the epoch was opened), or, in the first
/// block of the chain, the randomness of the BABE epoch before.
pub struct BabeVrfRandomness;
impl Randomness<Hash, BlockNumber> for BabeVrfRandomness {
	fn random(subject: &[u8]) -> (Hash, BlockNumber) {
		match pallet_babe::ParentBlockRandomness::<Runtime>::random(subject) {
			(Some(random), block) => (random, block),
			(None, _) => pallet_babe::RandomnessFromOneEpochAgo::<Runtime>::random(subject),
		}
	}
}

/// The calendar the pallet runs on when the stored one is not valid.
const DEFAULT_CALENDAR: [BlockNumber; 3] = [4 * HOURS, HOURS, HOURS];
const DEFAULT_ESCROW_PERIOD: BlockNumber = 7 * DAYS;

parameter_types! {
	// The audit calendar. Storage parameters: a test network's admin may shorten them with
	// `system.setStorage` (the end-to-end tests do); on a live chain change them only while no
	// case or signal is open, since epochs are counted from block 0 with the current length.
	// The pallet reads them through `AuditCalendar`, which checks them together.
	pub storage AuditEpochLength: BlockNumber = DEFAULT_CALENDAR[0];
	pub storage AuditCommitPeriod: BlockNumber = DEFAULT_CALENDAR[1];
	pub storage AuditRevealPeriod: BlockNumber = DEFAULT_CALENDAR[2];
	pub storage AuditEscrowPeriod: BlockNumber = DEFAULT_ESCROW_PERIOD;
	pub const AuditorMinStake: Balance = 1_000 * UNIT;
	pub const AuditPanelDeposit: Balance = 100 * UNIT;
	pub const AuditMinCaseStake: Balance = 100 * UNIT;
	pub const AuditCaseStakeRatio: Perbill = Perbill::from_percent(5);
	pub const AuditMinObjectionStake: Balance = 200 * UNIT;
	pub const AuditValidationFee: Perbill = Perbill::from_percent(5);
	pub const AuditNoRevealSlash: Perbill = Perbill::from_percent(10);
	pub const AuditObjectionReward: Perbill = Perbill::from_percent(50);
	/// Auditors are paid by the parties: the platform mints nothing.
	pub const AuditRewards: RewardPolicy<Balance> = RewardPolicy::PartyFees;
	pub const AuditImmediateShare: Percent = Percent::from_percent(50);
	/// Half of it stays held for `AuditEscrowPeriod`: the price of a place in the escrow queue.
	pub const AuditMinServiceFee: Balance = 10 * UNIT;
}

/// The stored calendar as the pallet may use it: an epoch of at least 3 blocks, non-zero commit
/// and reveal windows that fit in it together, and a non-zero escrow period. A stored value
/// that breaks these (a mistyped `setStorage`) is not used, and no more is replaced than that:
/// an epoch length too short for any windows falls back to the default one; windows that do not
/// fit the epoch fall back to a quarter of it each (the default proportion). The epoch length,
/// which numbers the epochs every record refers to, never changes because of a bad window.
pub struct AuditCalendar;
impl AuditCalendar {
	/// The epoch length alone (read on every block; it does not depend on the windows).
	pub fn epoch() -> BlockNumber {
		match AuditEpochLength::get() {
			short if short < 3 => DEFAULT_CALENDAR[0],
			epoch => epoch,
		}
	}

	/// The commit and reveal windows in that epoch.
	pub fn windows() -> [BlockNumber; 2] {
		let epoch = Self::epoch();
		let (commit, reveal) = (AuditCommitPeriod::get(), AuditRevealPeriod::get());
		let fits = commit.checked_add(reveal).is_some_and(|windows| windows < epoch);
		if commit > 0 && reveal > 0 && fits {
			[commit, reveal]
		} else {
			let window = (epoch / 4).max(1);
			[window, window]
		}
	}
}

pub struct CalendarEpochLength;
impl Get<BlockNumber> for CalendarEpochLength {
	fn get() -> BlockNumber {
		AuditCalendar::epoch()
	}
}

/// Window `WINDOW` of [`AuditCalendar::windows`]: 0 the commit window, 1 the reveal window.
pub struct CalendarWindow<const WINDOW: usize>;
impl<const WINDOW: usize> Get<BlockNumber> for CalendarWindow<WINDOW> {
	fn get() -> BlockNumber {
		AuditCalendar::windows()[WINDOW]
	}
}

pub struct CalendarEscrowPeriod;
impl Get<BlockNumber> for CalendarEscrowPeriod {
	fn get() -> BlockNumber {
		match AuditEscrowPeriod::get() {
			0 => DEFAULT_ESCROW_PERIOD,
			period => period,
		}
	}
}

impl pallet_audit::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registry = Registry;
	type Randomness = BabeVrfRandomness;
	type EpochLength = CalendarEpochLength;
	type CommitPeriod = CalendarWindow<0>;
	type RevealPeriod = CalendarWindow<1>;
	type MinAuditorStake = AuditorMinStake;
	type PanelDeposit = AuditPanelDeposit;
	type MinCaseStake = AuditMinCaseStake;
	type CaseStakeRatio = AuditCaseStakeRatio;
	type MinObjectionStake = AuditMinObjectionStake;
	type PanelSize = ConstU32<5>;
	type AppealPanelSize = ConstU32<9>;
	type Oversampling = ConstU32<2>;
	type ValidationFee = AuditValidationFee;
	type NoRevealSlash = AuditNoRevealSlash;
	type ObjectionReward = AuditObjectionReward;
	type Rewards = AuditRewards;
	type ImmediateShare = AuditImmediateShare;
	type EscrowPeriod = CalendarEscrowPeriod;
	type MinServiceFee = AuditMinServiceFee;
	type MaxAuditorsPerEpoch = ConstU32<256>;
	type MaxPanel = ConstU32<9>;
	type MaxExcluded = ConstU32<64>;
	type MaxReruns = ConstU8<3>;
	type MaxTasksPerBlock = ConstU32<16>;
	/// A contract keeps up to 16 case records (open, or closed and not yet read).
	type MaxContractCases = ConstU32<16>;
	type WeightInfo = pallet_audit::weights::SubstrateWeight<Runtime>;
}
