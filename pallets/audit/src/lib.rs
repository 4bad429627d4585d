//! # Audit
//!
//! The auditor court: a service provider and its recipient settle a dispute about a business
//! outcome by the votes of staked auditors, drawn blind, who lose stake when they are lazy or
//! vote against the majority.
//!
//! ## Terminology
//!
//! - **Epoch**: [`Config::EpochLength`] blocks; epoch `e` starts at block `e * EpochLength`. At its
//!   first block the pallet takes the chain's randomness ([`Config::Randomness`], BABE's VRF
//!   output in the runtime) as the epoch's **seed**.
//! - **Signalling**: a verified participant with the `Auditor` role bonds a stake (a balance hold)
//!   for the epoch after next, states how many seats it takes in it and names the sr25519 key it
//!   draws with (one key per auditor: no two bonded auditors share one). Signals and keys for an
//!   epoch are frozen a whole epoch before its seed exists, so whoever learns the seed first (the
//!   author of the block it comes from) can no longer add a signal or change a key for it. The
//!   stake stays bonded through every epoch signalled for and while any of its seats is
//!   unsettled; then it is released at the next epoch boundary, unless the auditor asked to keep
//!   it bonded.
//! - **Case**: a party claims an outcome (its hash) against a counterparty, with the value at risk
//!   and optionally the service-fee escrow it concerns, and holds a stake proportional to the value
//!   at risk. The parties, every auditor of their organisations and earlier panels of the case are
//!   excluded from its panels.
//! - **Blind panel by private sortition** (see [`sortition`]): a case opened in epoch `e` is drawn
//!   in epoch `e + 1` (or `e + 2` when opened in the last block of `e`), with a seed nobody knew
//!   when the case was opened or the auditors signalled. Each signalled auditor evaluates a VRF on
//!   (seed, case, round, attempt, its account) with its own key, learns privately whether it qualifies, and
//!   takes a seat by sending its proof **together with its vote commitment** (and a per-case
//!   deposit): a seat becomes visible only when its vote is already bound. The panel keeps the
//!   `PanelSize` lowest outputs (a lower output evicts the highest seat of a full panel) and is
//!   cut to an odd size when the commit window closes.
//! - **Commit, then reveal**: a commitment binds case, round, attempt, auditor, vote and a secret
//!   salt; the reveal must match it. When the reveal window closes the hook tallies the round:
//!   seated auditors who did not reveal are slashed (their deposit and `NoRevealSlash` of their
//!   stake, burned at the next epoch boundary). A round decides only with a quorum of at least
//!   half its panel size revealed (3 of 5, 5 of 9); short of it, or on a tie, the round re-runs in
//!   the next draw epoch with a fresh panel that excludes this one; stakes roll over.
//! - **Decision and objection**: the first panel's verdict can be objected to by either party,
//!   within the epoch it was reached in and the next, with a stake of at least the case stake. A
//!   larger odd panel ([`Config::AppealPanelSize`]) then decides. If it agrees with the objection,
//!   the objector is refunded and rewarded (`ObjectionReward` of the contradicted first-round
//!   deposits) and the first-round auditors it contradicts lose their deposits to the second
//!   panel's majority; otherwise the objection stake goes to the auditors who made the first
//!   decision. Without objection the decision is final when the window closes; so is it when
//!   no objection panel decides within `MaxReruns` re-runs (the objection stake goes back).
//! - **Payouts** of a final verdict: the minority's deposits go in equal parts to the majority;
//!   an upheld requester gets its stake back less the validation fee, a rejected one forfeits it
//!   to the majority. Rewards follow [`Config::Rewards`] ([`RewardPolicy`]): paid by the parties'
//!   fees, or minted by the platform.
//! - **Service-fee escrow**: a recipient pays a provider at least `MinServiceFee`;
//!   `ImmediateShare` reaches the provider at once, the rest is held on the recipient's account
//!   for `EscrowPeriod` blocks, then released to the provider — unless a case about the escrow is
//!   decided against the provider, which returns it to the recipient. While a case about it is
//!   open, nothing is released. A case about an escrow puts at least the held amount at risk, so
//!   its stake grows with what it can claw back, and is opened before the hold period ends.
//! - **Deadlines** live on the records (a round's windows on its draw epoch, an objection window
//!   on its decision epoch, a release on its escrow) and wait in three queues of their own (court,
//!   auditors, escrows) as tasks at their due block, in pages of `MaxTasksPerBlock`. Scheduling
//!   never fails for lack of room and never moves a deadline earlier: `on_initialize` runs up to
//!   `MaxTasksPerBlock` due tasks of each queue per block, oldest first, and what does not fit
//!   runs in the next blocks. A flood of escrows or signals cannot delay the court.
//!
//! ## Interface
//!
//! - Auditors: [`Pallet::signal`], [`Pallet::set_keep_bonded`], [`Pallet::unbond`],
//!   [`Pallet::commit`], [`Pallet::reveal`].
//! - Parties: [`Pallet::open_case`], [`Pallet::object`], [`Pallet::pay_service_fee`].
//! - The registry: a bonded auditor holds a registry reference (it cannot leave while bonded);
//!   [`pactum_primitives::OnParticipantRecovered`] (implemented here, `recovery.rs`) moves a
//!   recovered participant's auditor record and holds, and the cases and seats naming the lost
//!   account act for the new one.
//! - Clients: the `AuditApi` runtime API (`pallet-audit-runtime-api`) and its JSON-RPC
//!   (`audit_case`, `audit_auditor`); auditors check eligibility and build commitments with
//!   `pactum-audit-ticket` (`pallets/audit/client`).
//!
//! ## Limits of private sortition
//!
//! Only the auditor can evaluate its VRF, so the chain learns that an auditor qualified only when
//! it takes its seat. An auditor that qualified and stays silent cannot be told apart from one
//! that did not qualify; what the chain does enforce is that every seat taken is revealed
//! (non-revealers are slashed) and that a panel left short by silence re-runs.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod agenda;
mod auditors;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
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

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			Randomness,
		},
	};
	use frame_system::pallet_prelude::*;
	use pactum_primitives::ParticipantRegistry;
	use sp_core::H256;
	use sp_runtime::{traits::Zero, Perbill, Percent};
	use crate::TaskKind;

	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	pub type DeadlineOf<T> = Deadline<<T as frame_system::Config>::AccountId>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Holds stakes, deposits and escrows; pays, burns and (under `Minted`) mints rewards.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
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
		EscrowOpened {
			escrow: EscrowId,
			recipient: T::AccountId,
			provider: T::AccountId,
			paid: BalanceOf<T>,
			held: BalanceOf<T>,
			release_at: BlockNumberFor<T>,
		},
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
		Banned,
		/// The counterparty is not a registered participant.
		CounterpartyNotParticipant,
		/// A case, an objection or a payment needs two different parties.
		SameParty,
		UnknownCase,
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
		AlreadyCommitted,
		/// The ticket is not a VRF proof of the auditor's key for this draw.
		InvalidTicket,
		/// The ticket is valid but its output is not below the draw's threshold.
		NotDrawn,
		/// The panel is full of lower outputs.
		PanelFull,
		/// The account holds no seat of the current round (or lost it in the odd-size cut).
		NotSeated,
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
			let odd = |n: u32| n % 2 == 1;
			assert!(odd(T::PanelSize::get()), "PanelSize must be odd");
			assert!(odd(T::AppealPanelSize::get()), "AppealPanelSize must be odd");
			assert!(T::AppealPanelSize::get() > T::PanelSize::get(), "appeal panels are larger");
			assert!(T::MaxPanel::get() >= T::AppealPanelSize::get(), "MaxPanel too small");
			assert!(T::Oversampling::get() >= 1, "Oversampling must be at least 1");
			assert!(T::MaxTasksPerBlock::get() >= 1, "MaxTasksPerBlock must be at least 1");
			assert!(!T::CommitPeriod::get().is_zero(), "CommitPeriod must not be zero");
			assert!(!T::RevealPeriod::get().is_zero(), "RevealPeriod must not be zero");
			assert!(
				T::CommitPeriod::get() + T::RevealPeriod::get() < T::EpochLength::get(),
				"commit and reveal windows must fit in an epoch"
			);
			assert!(
				T::ImmediateShare::get() < Percent::from_percent(100),
				"some of a fee must be held"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Signal for the epoch after next: bond `stake` in all (holding what is not bonded yet),
		/// take up to `capacity` seats in it, and draw with the sr25519 key `vrf_key`.
		///
		/// Origin: a verified participant with the `Auditor` role. Signalling again for the same
		/// epoch changes the capacity. The key cannot change while the auditor is signalled for
		/// the current or the next epoch (their draws use it), and no other bonded auditor may
		/// draw with it. Emits `Signalled`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::signal())]
		pub fn signal(
			origin: OriginFor<T>,
			stake: BalanceOf<T>,
			capacity: u32,
			vrf_key: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_signal(who, stake, capacity, vrf_key)
		}

		/// Keep the stake bonded after the last signalled epoch (`keep`), or let it be released
		/// (at once if nothing holds it any more).
		///
		/// Origin: a bonded auditor. Emits `KeepBondedSet` (and `Unbonded`).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_keep_bonded())]
		pub fn set_keep_bonded(origin: OriginFor<T>, keep: bool) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_keep_bonded(who, keep)
		}

		/// Release the bonded stake: not signalled for the current or next epoch, no open seat.
		///
		/// Origin: a bonded auditor. Emits `Unbonded`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::unbond())]
		pub fn unbond(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unbond(who)
		}

		/// Open a case claiming the outcome `outcome` against `counterparty`, with the value at
		/// risk and, if it is about one, the escrow between the two. Holds the case stake
		/// (`CaseStakeRatio` of the value at risk, at least `MinCaseStake`).
		///
		/// Origin: a participant. Emits `CaseOpened`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::Registry::weigh_parties(T::WeightInfo::open_case(), 1))]
		pub fn open_case(
			origin: OriginFor<T>,
			counterparty: T::AccountId,
			outcome: H256,
			value_at_risk: BalanceOf<T>,
			escrow: Option<EscrowId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_open_case(who, counterparty, outcome, value_at_risk, escrow).map(|_| ())
		}

		/// Take a seat on the current panel of `case` and commit a vote: `ticket` proves the
		/// auditor qualifies for the draw, `commitment` is [`sortition::commitment`] of its vote.
		/// Holds `PanelDeposit`. When the panel is full, a lower output takes the seat of the
		/// highest one.
		///
		/// Origin: an auditor signalled for the draw epoch with a seat left, not excluded.
		/// Emits `Committed` (and `Unseated`).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::commit())]
		pub fn commit(
			origin: OriginFor<T>,
			case: CaseId,
			ticket: Ticket,
			commitment: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit(who, case, ticket, commitment)
		}

		/// Reveal the vote committed on `case`, with the salt used for the commitment.
		///
		/// Origin: a seated auditor, in the reveal window. Emits `Revealed`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reveal())]
		pub fn reveal(
			origin: OriginFor<T>,
			case: CaseId,
			vote: Verdict,
			salt: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reveal(who, case, vote, salt)
		}

		/// Object to the first panel's decision of `case`, holding `stake`: an objection panel
		/// of `AppealPanelSize` is drawn in the next draw epoch.
		///
		/// Origin: the requester or the counterparty, within the decision epoch or the next.
		/// Emits `Objected`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::object())]
		pub fn object(origin: OriginFor<T>, case: CaseId, stake: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_object(who, case, stake)
		}

		/// Pay `amount` (at least `MinServiceFee`) as a service fee to `provider`: `ImmediateShare` at once, the rest held
		/// on the caller's account for `EscrowPeriod` blocks, then released to the provider
		/// unless a case about the escrow is decided against it.
		///
		/// Origin: a participant (the recipient of the service). Emits `EscrowOpened`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::Registry::weigh_parties(T::WeightInfo::pay_service_fee(), 1))]
		pub fn pay_service_fee(
			origin: OriginFor<T>,
			provider: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_pay_service_fee(who, provider, amount)
		}
	}
}
