#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use frame_support::pallet_macros::import_section;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod agenda;
mod auditors;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
mod cases;
mod contract_cases;
mod escrow;
mod invariants;
#[cfg(test)]
mod mock;
mod recovery;
mod settlement;
pub mod sortition;
#[cfg(test)]
mod tests;
mod types;
mod views;
pub mod weights;

/// The role of the audit pallet (number 8; see `pactum_primitives::declare_roles!`).
pub mod roles {
	pactum_primitives::declare_roles! {
		/// Sits on audit panels.
		Auditor = 8,
	}
}

pactum_primitives::impl_inactive_errors!(Error);

#[import_section(calls::calls)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Mutate, MutateHold},
			Randomness,
		},
	};
	use frame_system::pallet_prelude::*;
	use pactum_primitives::ParticipantRegistry;
	use sp_core::H256;
	use sp_runtime::{Perbill, Percent};
	use crate::TaskKind;

	pub use crate::types::{BalanceOf, DeadlineOf};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Holds stakes, deposits and escrows; pays, burns and (under `Minted`) mints rewards.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The runtime's hold reason, which this pallet's [`HoldReason`] converts into.
		type RuntimeHoldReason: From<HoldReason>;
		/// Who is a participant, verified, an auditor, in which organisation, banned.
		type Registry: ParticipantRegistry<Self::AccountId>;
		/// The chain's randomness; each epoch's seed is taken from it at the epoch's first block.
		type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;
		/// Blocks in an epoch.
		#[pallet::constant]
		type EpochLength: Get<BlockNumberFor<Self>>;
		/// Blocks, from the start of the draw epoch, in which seats are taken and votes committed.
		#[pallet::constant]
		type CommitPeriod: Get<BlockNumberFor<Self>>;
		/// Blocks after the commit window in which votes are revealed.
		#[pallet::constant]
		type RevealPeriod: Get<BlockNumberFor<Self>>;
		/// The least stake an auditor bonds.
		#[pallet::constant]
		type MinAuditorStake: Get<BalanceOf<Self>>;
		/// Held from an auditor for each seat it takes.
		#[pallet::constant]
		type PanelDeposit: Get<BalanceOf<Self>>;
		/// The least stake a requester holds for a case.
		#[pallet::constant]
		type MinCaseStake: Get<BalanceOf<Self>>;
		/// The case stake as a part of the value at risk (when above `MinCaseStake`).
		#[pallet::constant]
		type CaseStakeRatio: Get<Perbill>;
		/// The least stake of an objection (it is also at least the case stake).
		#[pallet::constant]
		type MinObjectionStake: Get<BalanceOf<Self>>;
		/// Seats of a first panel (odd).
		#[pallet::constant]
		type PanelSize: Get<u32>;
		/// Seats of an objection panel (odd, larger than `PanelSize`).
		#[pallet::constant]
		type AppealPanelSize: Get<u32>;
		/// How many qualifiers a draw aims at, as a multiple of the panel size.
		#[pallet::constant]
		type Oversampling: Get<u32>;
		/// Part of an upheld requester's stake paid to the majority under `PartyFees`.
		#[pallet::constant]
		type ValidationFee: Get<Perbill>;
		/// Part of a non-revealer's bonded stake slashed, on top of its seat deposit.
		#[pallet::constant]
		type NoRevealSlash: Get<Perbill>;
		/// Part of the contradicted first-round deposits paid to an upheld objector.
		#[pallet::constant]
		type ObjectionReward: Get<Perbill>;
		/// How auditors are rewarded: from the parties' fees or minted.
		#[pallet::constant]
		type Rewards: Get<RewardPolicy<BalanceOf<Self>>>;
		/// Part of a service fee paid to the provider at once; the rest is held.
		#[pallet::constant]
		type ImmediateShare: Get<Percent>;
		/// Blocks the held part of a service fee is held for.
		#[pallet::constant]
		type EscrowPeriod: Get<BlockNumberFor<Self>>;
		/// The least service fee: every escrow holds a part of it until released, the price of
		/// its place in the escrow queue.
		#[pallet::constant]
		type MinServiceFee: Get<BalanceOf<Self>>;
		/// How many auditors may signal for one epoch.
		#[pallet::constant]
		type MaxAuditorsPerEpoch: Get<u32>;
		/// Storage bound of a panel: at least `AppealPanelSize`.
		#[pallet::constant]
		type MaxPanel: Get<u32>;
		/// How many auditors of earlier panels a case may exclude.
		#[pallet::constant]
		type MaxExcluded: Get<u32>;
		/// How many times a tied round is re-run before the case closes undecided.
		#[pallet::constant]
		type MaxReruns: Get<u8>;
		/// How many tasks of each queue the hook runs in one block (and the size of a page).
		#[pallet::constant]
		type MaxTasksPerBlock: Get<u32>;
		/// How many case records one contract keeps (open cases and closed ones it has not
		/// dropped yet).
		#[pallet::constant]
		type MaxContractCases: Get<u32>;
		/// Weights of this pallet's calls, of the hook's tasks and of a recovery (`weights.rs`,
		/// benchmarked).
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An auditor's bonded stake.
		AuditorStake,
		/// An auditor's deposit for a seat.
		PanelDeposit,
		/// A requester's case stake.
		CaseStake,
		/// An objector's stake.
		Objection,
		/// The held part of a service fee, on the recipient's account.
		Escrow,
		/// Slashed, burned at the next epoch boundary.
		Slashed,
	}

	/// Bonded auditors.
	#[pallet::storage]
	pub type Auditors<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, Auditor<T>>;

	/// Auditors' signals, by epoch.
	#[pallet::storage]
	pub type Signals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EpochIndex, Twox64Concat, T::AccountId, Signal>;

	/// How many auditors signalled for an epoch (the draws' eligible count).
	#[pallet::storage]
	pub type SignalCount<T: Config> = StorageMap<_, Twox64Concat, EpochIndex, u32, ValueQuery>;

	/// Each recent epoch's seed, taken at its first block.
	#[pallet::storage]
	pub type EpochSeed<T: Config> = StorageMap<_, Twox64Concat, EpochIndex, H256>;

	/// Open cases.
	#[pallet::storage]
	pub type Cases<T: Config> = StorageMap<_, Twox64Concat, CaseId, Case<T>>;

	/// The id the next case gets.
	#[pallet::storage]
	pub type NextCase<T: Config> = StorageValue<_, CaseId, ValueQuery>;

	/// Cases contracts opened: the contract, the claimant it acts for, and the outcome once
	/// closed (kept until the contract drops it).
	#[pallet::storage]
	pub type ContractCases<T: Config> = StorageMap<_, Twox64Concat, CaseId, ContractCase<T>>;

	/// How many records of `ContractCases` each contract keeps.
	#[pallet::storage]
	pub type ContractCaseCount<T: Config> =
		StorageMap<_, Twox64Concat, T::AccountId, u32, ValueQuery>;

	/// Service-fee escrows not yet released or clawed back.
	#[pallet::storage]
	pub type Escrows<T: Config> = StorageMap<_, Twox64Concat, EscrowId, Escrow<T>>;

	/// The id the next escrow gets.
	#[pallet::storage]
	pub type NextEscrow<T: Config> = StorageValue<_, EscrowId, ValueQuery>;

	/// Slashed amounts held under `Slashed`, waiting for the next epoch boundary.
	#[pallet::storage]
	pub type PendingBurn<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, BalanceOf<T>>;

	/// The hook's work: deadlines by queue, due block and page.
	#[pallet::storage]
	pub type Agenda<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, TaskKind>,
			NMapKey<Twox64Concat, BlockNumberFor<T>>,
			NMapKey<Twox64Concat, u32>,
		),
		BoundedVec<DeadlineOf<T>, T::MaxTasksPerBlock>,
		ValueQuery,
	>;

	/// How many pages of deadlines a queue holds for a block.
	#[pallet::storage]
	pub type AgendaPages<T: Config> =
		StorageDoubleMap<_, Twox64Concat, TaskKind, Twox64Concat, BlockNumberFor<T>, u32, ValueQuery>;

	/// Per queue, the due block and page the hook runs next (behind the current block only when
	/// more was due than fits in a block).
	#[pallet::storage]
	pub type AgendaCursor<T: Config> =
		StorageMap<_, Twox64Concat, TaskKind, (BlockNumberFor<T>, u32)>;

	/// The bonded auditor each draw key belongs to: one key, one auditor.
	#[pallet::storage]
	pub type DrawKeys<T: Config> = StorageMap<_, Blake2_128Concat, [u8; 32], T::AccountId>;

	/// Everything this pallet burned (slashes), since genesis.
	#[pallet::storage]
	pub type Burned<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Everything this pallet minted (rewards under `RewardPolicy::Minted`), since genesis.
	#[pallet::storage]
	pub type Minted<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An auditor signalled for `epoch` with `stake` bonded in all.
		Signalled {
			auditor: T::AccountId,
			epoch: EpochIndex,
			stake: BalanceOf<T>,
			capacity: u32,
		},
		/// `auditor` asked to keep its stake bonded after its last signalled epoch (`keep`), or
		/// to have it released (`Unbonded` follows at once when nothing else keeps it bonded).
		KeepBondedSet {
			auditor: T::AccountId,
			keep: bool,
		},
		/// A recovery moved the auditor record, signals and holds of `lost` to `new`; seats and
		/// cases naming `lost` pay `new`.
		AuditorRecovered { lost: T::AccountId, new: T::AccountId },
		/// An auditor's stake was released.
		Unbonded {
			auditor: T::AccountId,
			stake: BalanceOf<T>,
		},
		/// `requester` opened `case`, claiming `outcome` against `counterparty` with
		/// `value_at_risk` (about `escrow`, if any) and holding `stake`; its first panel is drawn
		/// in `draw_epoch`.
		CaseOpened {
			case: CaseId,
			requester: T::AccountId,
			counterparty: T::AccountId,
			outcome: H256,
			value_at_risk: BalanceOf<T>,
			stake: BalanceOf<T>,
			escrow: Option<EscrowId>,
			draw_epoch: EpochIndex,
		},
		/// The case `case` (a `CaseOpened` precedes) was opened by the contract `contract` for
		/// `claimant`.
		ContractCaseOpened { case: CaseId, contract: T::AccountId, claimant: T::AccountId },
		/// An auditor took a seat with a valid ticket and committed its vote.
		Committed {
			case: CaseId,
			round: u8,
			auditor: T::AccountId,
		},
		/// An auditor lost its seat to a lower draw output, or to the odd-size cut; its deposit
		/// was released.
		Unseated {
			case: CaseId,
			auditor: T::AccountId,
		},
		/// A seated auditor revealed its `vote`, which matched its commitment.
		Revealed {
			case: CaseId,
			auditor: T::AccountId,
			vote: Verdict,
		},
		/// A seated auditor did not reveal: `amount` is held for burning.
		Slashed {
			case: CaseId,
			auditor: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A round tied and runs again in `epoch`.
		Rerun {
			case: CaseId,
			round: u8,
			attempt: u8,
			epoch: EpochIndex,
		},
		/// Fewer than `quorum` of the round's seats revealed: the round re-runs (`Rerun`) or the
		/// case closes undecided.
		QuorumMissed {
			case: CaseId,
			round: u8,
			revealed: u32,
			quorum: u32,
		},
		/// A round's votes were tallied.
		Decided {
			case: CaseId,
			round: u8,
			verdict: Verdict,
			upheld: u32,
			rejected: u32,
		},
		/// `objector` objected to the first decision of `case`, holding `stake`; the objection
		/// panel is drawn in `epoch`.
		Objected {
			case: CaseId,
			objector: T::AccountId,
			stake: BalanceOf<T>,
			epoch: EpochIndex,
		},
		/// A party's or an auditor's funds moved to `to` in a payout of the case.
		Paid {
			case: CaseId,
			from: T::AccountId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A reward was minted for an auditor of the final majority.
		RewardMinted {
			case: CaseId,
			auditor: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// No objection panel decided within `MaxReruns` re-runs: the objection stake went back
		/// and the first verdict stands (`Closed` follows).
		ObjectionLapsed { case: CaseId, objector: T::AccountId },
		/// The case is over: `verdict` is `None` when it closed undecided after `MaxReruns`.
		Closed {
			case: CaseId,
			verdict: Option<Verdict>,
		},
		/// Slashed funds were burned.
		Burned {
			who: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// `recipient` paid `provider` a service fee: `paid` reached it at once, `held` is held on
		/// the recipient's account until `release_at`.
		EscrowOpened {
			escrow: EscrowId,
			recipient: T::AccountId,
			provider: T::AccountId,
			paid: BalanceOf<T>,
			held: BalanceOf<T>,
			release_at: BlockNumberFor<T>,
		},
		/// The hold period of `escrow` ended with no case about it open: its held `amount` was
		/// paid to `provider`.
		EscrowReleased {
			escrow: EscrowId,
			provider: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// The provider's account could not take the held part (`error`); it stays held and the
		/// release is tried again at `retry_at` (`None`: that block's agenda was full; the
		/// escrow waits for the end of a case about it).
		EscrowReleaseDeferred {
			escrow: EscrowId,
			provider: T::AccountId,
			error: DispatchError,
			retry_at: Option<BlockNumberFor<T>>,
		},
		/// A case about `escrow` was decided against the provider: the held `amount` was released
		/// to `recipient`.
		EscrowClawedBack {
			escrow: EscrowId,
			recipient: T::AccountId,
			amount: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not a registered, unbanned participant with the `Auditor` role.
		NotAuditor,
		/// Auditors must be KYC-verified.
		NotVerified,
		/// The stake is below `MinAuditorStake`.
		StakeTooLow,
		/// A bonded stake cannot be lowered; unbond first.
		StakeLocked,
		/// A signal must take at least one seat.
		ZeroCapacity,
		/// `MaxAuditorsPerEpoch` auditors signalled for the epoch already.
		TooManyAuditors,
		/// The draw key cannot change while the auditor is signalled for the current or the next
		/// epoch (their draws use it).
		KeyInUse,
		/// Another bonded auditor draws with this key.
		KeyTaken,
		/// The account has no bonded stake.
		NotBonded,
		/// The stake is bonded for the current or the next epoch.
		StillSignalled,
		/// The auditor has unsettled seats.
		OpenSeats,
		/// The account is not a registered participant.
		NotParticipant,
		/// A ban is in force on the account opening a case (a contract too) or paying a service
		/// fee.
		Banned,
		/// The counterparty is not a registered participant.
		CounterpartyNotParticipant,
		/// A case, an objection or a payment needs two different parties.
		SameParty,
		/// No open case has this id; for a contract dropping a case record: it keeps none with it.
		UnknownCase,
		/// No escrow has this id: none was opened, or it was released or clawed back.
		UnknownEscrow,
		/// The parties of the case are not the escrow's recipient and provider.
		NotEscrowParty,
		/// The case is not in its commit window.
		NotCommitPhase,
		/// The case is not in its reveal window.
		NotRevealPhase,
		/// The auditor did not signal for the draw epoch.
		NotSignalled,
		/// The auditor is a party, of a party's organisation, or sat on an earlier panel.
		Excluded,
		/// The auditor took every seat it signalled for in this epoch.
		CapacityReached,
		/// The auditor holds a seat on the case's current panel already.
		AlreadyCommitted,
		/// The ticket is not a VRF proof of the auditor's key for this draw.
		InvalidTicket,
		/// The ticket is valid but its output is not below the draw's threshold.
		NotDrawn,
		/// The panel is full of lower outputs.
		PanelFull,
		/// The account holds no seat of the current round (or lost it in the odd-size cut).
		NotSeated,
		/// The auditor revealed its vote in this round already.
		AlreadyRevealed,
		/// The vote and salt do not match the commitment.
		CommitmentMismatch,
		/// The case has no first-round decision to object to.
		NotDecided,
		/// The objection window (the decision epoch and the next) is over.
		ObjectionClosed,
		/// Only the requester and the counterparty may object.
		NotParty,
		/// An objection stake is at least `MinObjectionStake` and the case stake.
		ObjectionStakeTooLow,
		/// The case excludes `MaxExcluded` auditors already.
		TooManyExcluded,
		/// A service fee below `MinServiceFee`.
		FeeTooLow,
		/// A case about an escrow puts at least the escrow's held amount at risk.
		ValueBelowEscrow,
		/// The escrow's hold period is over: it is due to the provider and can no longer be
		/// disputed.
		EscrowMatured,
		/// An id or a counter ran out.
		Overflow,
		/// The contract keeps `MaxContractCases` case records already: drop closed ones first.
		TooManyContractCases,
		/// The claimant of a contract's case is not a registered participant.
		ClaimantNotParticipant,
		/// The case is still open: its record cannot be dropped.
		CaseStillOpen,
		/// A ban is in force on the case's counterparty.
		CounterpartyBanned,
		/// A ban is in force on the claimant of a contract's case.
		ClaimantBanned,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::on_block(now)
		}

		fn integrity_test() {
			Self::do_integrity_test()
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
