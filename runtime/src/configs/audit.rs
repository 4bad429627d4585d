//! The auditor court: staked auditors drawn by private VRF sortition on BABE randomness,
//! commit-reveal votes, objections and service-fee escrow.

use crate::{
	Balance, Balances, BlockNumber, Hash, Registry, Runtime, RuntimeHoldReason, DAYS, HOURS, UNIT,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU8, Randomness},
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

parameter_types! {
	// The audit calendar. Storage parameters: a test network's admin may shorten them with
	// `system.setStorage` (the end-to-end tests do); on a live chain change them only while no
	// case or signal is open, since epochs are counted from block 0 with the current length.
	pub storage AuditEpochLength: BlockNumber = 4 * HOURS;
	pub storage AuditCommitPeriod: BlockNumber = HOURS;
	pub storage AuditRevealPeriod: BlockNumber = HOURS;
	pub storage AuditEscrowPeriod: BlockNumber = 7 * DAYS;
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
}

impl pallet_audit::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registry = Registry;
	type Randomness = BabeVrfRandomness;
	type EpochLength = AuditEpochLength;
	type CommitPeriod = AuditCommitPeriod;
	type RevealPeriod = AuditRevealPeriod;
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
	type EscrowPeriod = AuditEscrowPeriod;
	type MaxAuditorsPerEpoch = ConstU32<256>;
	type MaxPanel = ConstU32<9>;
	type MaxExcluded = ConstU32<64>;
	type MaxReruns = ConstU8<3>;
	type MaxTasksPerBlock = ConstU32<16>;
	type WeightInfo = pallet_audit::weights::SubstrateWeight<Runtime>;
}
