//! The records the audit pallet keeps, and the views it hands out. The views and the records in
//! them derive serde: the JSON-RPC returns them as they are (keys in camelCase, hashes and keys
//! as `0x` hex, amounts and the draw threshold as decimal strings, enums in serde's externally
//! tagged form: `{"Decided":{"verdict":"Upheld","epoch":4}}`).

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::fungible::Inspect, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{Deserialize, Serialize};

pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
pub type DeadlineOf<T> = Deadline<<T as frame_system::Config>::AccountId>;

/// Index of an audit epoch: epoch `e` covers blocks `[e * EpochLength, (e + 1) * EpochLength)`.
pub type EpochIndex = u32;
/// Identifier of a case.
pub type CaseId = u32;
/// Identifier of a service-fee escrow.
pub type EscrowId = u32;
/// The first 16 bytes of an auditor's VRF output for a draw, read as a big-endian number: the
/// auditor qualifies when it is below the draw's threshold; lower outputs win seats first.
pub type DrawOutput = [u8; 16];

/// An auditor's answer to the claim of a case.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub enum Verdict {
	/// The claimed outcome holds.
	#[codec(index = 0)]
	Upheld,
	/// The claimed outcome does not hold.
	#[codec(index = 1)]
	Rejected,
}

/// An auditor's proof that it qualifies for a draw: an sr25519 VRF signature (pre-output and
/// proof) over the draw's transcript (see [`crate::sortition`]), made with the key the auditor
/// registered when it signalled.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Ticket {
	pub pre_output: [u8; 32],
	pub proof: [u8; 64],
}

/// How auditors of the majority are rewarded (a [`Config::Rewards`] choice).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum RewardPolicy<Balance> {
	/// Funded by the parties: a requester whose claim is upheld pays `ValidationFee` of its stake
	/// to the majority (a rejected claim forfeits the whole stake to it). Issuance never grows.
	PartyFees,
	/// Minted by the platform: each auditor of a final majority receives `per_seat` newly minted
	/// (recorded in [`crate::Minted`]); an upheld requester gets its whole stake back.
	Minted { per_seat: Balance },
}

/// A bonded auditor.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Auditor<T: Config> {
	/// Held under [`crate::HoldReason::AuditorStake`].
	pub stake: BalanceOf<T>,
	/// The sr25519 public key its sortition tickets are made with.
	pub vrf_key: [u8; 32],
	/// The last epoch it signalled for.
	pub last_epoch: EpochIndex,
	/// Panel seats not yet settled: while any is open the stake stays bonded.
	pub open_seats: u32,
	/// Stay bonded after the last signalled epoch (until [`crate::Pallet::unbond`]).
	pub keep_bonded: bool,
}

/// An auditor's signal for one epoch.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo, Serialize, Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub struct Signal {
	/// How many panel seats it takes in the epoch.
	pub capacity: u32,
	/// How many it has taken.
	pub seats: u32,
}

/// A seat on a panel: taken by committing a vote with a winning ticket.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Seat<T: Config> {
	pub auditor: T::AccountId,
	pub output: DrawOutput,
	/// `blake2_256` of the vote, see [`crate::sortition::commitment`].
	pub commitment: H256,
	/// The vote, once revealed.
	pub vote: Option<Verdict>,
	/// Held under [`crate::HoldReason::PanelDeposit`].
	pub deposit: BalanceOf<T>,
}

/// Where a case stands.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub enum Phase {
	/// A panel is drawn in `epoch`: commits in its first `CommitPeriod` blocks, reveals in the
	/// `RevealPeriod` blocks after. Round 0 is the first panel, round 1 the objection panel.
	#[codec(index = 0)]
	Voting { round: u8, epoch: EpochIndex },
	/// The first panel decided in `epoch`; a party may object until the end of `epoch + 1`.
	#[codec(index = 1)]
	Decided { verdict: Verdict, epoch: EpochIndex },
}

/// An objection to a first-round decision, and the first panel it puts at stake.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Objection<T: Config> {
	pub objector: T::AccountId,
	/// Held under [`crate::HoldReason::Objection`].
	pub stake: BalanceOf<T>,
	/// What the first panel decided.
	pub first_verdict: Verdict,
	/// The first panel's seats, their deposits still held until the objection is decided.
	pub first_panel: BoundedVec<Seat<T>, T::MaxPanel>,
}

/// A case: a claimed business outcome validated by a panel of auditors.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Case<T: Config> {
	/// The party that claims the outcome.
	pub requester: T::AccountId,
	pub counterparty: T::AccountId,
	/// Hash of the business outcome claimed (the evidence stays off chain).
	pub outcome: H256,
	pub value_at_risk: BalanceOf<T>,
	/// Held from the requester under [`crate::HoldReason::CaseStake`].
	pub stake: BalanceOf<T>,
	/// The service-fee escrow whose held part the case decides.
	pub escrow: Option<EscrowId>,
	pub phase: Phase,
	/// How many times the current round was re-run after a tie.
	pub attempt: u8,
	/// The current round's seats, lowest draw output first.
	pub panel: BoundedVec<Seat<T>, T::MaxPanel>,
	/// Auditors who may not sit on this case again: earlier panels.
	pub excluded: BoundedVec<T::AccountId, T::MaxExcluded>,
	pub objection: Option<Objection<T>>,
	pub opened_at: BlockNumberFor<T>,
}

/// A service fee, part of which is held for the provider until a release block.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Escrow<T: Config> {
	/// Paid the fee; the held part is held on its account under [`crate::HoldReason::Escrow`].
	pub recipient: T::AccountId,
	pub provider: T::AccountId,
	pub held: BalanceOf<T>,
	pub release_at: BlockNumberFor<T>,
	/// Open cases about it: while any is open, nothing is released.
	pub disputes: u32,
}

/// The queues deadlines wait in: each has its own pages and its own share of every block, so
/// a flood of one kind (escrow releases, first signals) never delays the court.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum TaskKind {
	/// `Settle` and `Finalize`: the court's deadlines.
	#[codec(index = 0)]
	Court,
	/// `Unbond` and `Burn`: auditors' epochs and slashes.
	#[codec(index = 1)]
	Auditors,
	/// `Release`: service-fee escrows.
	#[codec(index = 2)]
	Escrows,
}

impl TaskKind {
	pub const ALL: [TaskKind; 3] = [TaskKind::Court, TaskKind::Auditors, TaskKind::Escrows];
}

/// Work the pallet's hook does at a given block.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum Deadline<AccountId> {
	/// The reveal window of a case's current round has closed: tally it.
	#[codec(index = 0)]
	Settle(CaseId),
	/// The objection window of a decided case has closed: pay out.
	#[codec(index = 1)]
	Finalize(CaseId),
	/// An epoch the auditor signalled for is over: forget the signal, and release the stake if
	/// it was the last epoch signalled for and nothing holds it.
	#[codec(index = 2)]
	Unbond(AccountId, EpochIndex),
	/// Burn what was slashed from the account (at the epoch boundary after the slash).
	#[codec(index = 3)]
	Burn(AccountId),
	/// The escrow's hold period is over: pay the provider unless a case is open.
	#[codec(index = 4)]
	Release(EscrowId),
}

impl<AccountId> Deadline<AccountId> {
	/// The queue the deadline waits in.
	pub fn kind(&self) -> TaskKind {
		match self {
			Deadline::Settle(_) | Deadline::Finalize(_) => TaskKind::Court,
			Deadline::Unbond(..) | Deadline::Burn(_) => TaskKind::Auditors,
			Deadline::Release(_) => TaskKind::Escrows,
		}
	}
}

/// A case as clients see it (runtime API).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(
	crate = "sp_runtime::serde",
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: sp_runtime::Serialize, Balance: core::fmt::Display, \
			BlockNumber: sp_runtime::Serialize",
		deserialize = "AccountId: sp_runtime::Deserialize<'de>, Balance: core::str::FromStr, \
			BlockNumber: sp_runtime::Deserialize<'de>"
	)
)]
pub struct CaseView<AccountId, Balance, BlockNumber> {
	pub requester: AccountId,
	pub counterparty: AccountId,
	/// Hash of the business outcome claimed.
	pub outcome: H256,
	/// In JSON a decimal string, as `stake`.
	#[serde(with = "pactum_primitives::serde_helpers::decimal")]
	pub value_at_risk: Balance,
	#[serde(with = "pactum_primitives::serde_helpers::decimal")]
	pub stake: Balance,
	pub escrow: Option<EscrowId>,
	pub phase: Phase,
	pub attempt: u8,
	/// While voting: the first block of the commit window, of the reveal window, and the block
	/// the round is settled at. When decided: the block the objection window closes at.
	pub deadlines: alloc::vec::Vec<BlockNumber>,
	/// The draw's seed (known once the draw epoch started) and threshold: an auditor qualifies
	/// when its VRF output, read as a big-endian `u128`, is below the threshold. In JSON the
	/// threshold is a decimal string (what `pactum-audit-ticket --threshold` takes).
	pub seed: Option<H256>,
	#[serde(with = "pactum_primitives::serde_helpers::option_decimal")]
	pub threshold: Option<u128>,
	/// Seats taken in the current round (who committed; votes stay hidden until revealed).
	pub seats: u32,
	/// Revealed votes of the current round: (upheld, rejected); in JSON `[upheld, rejected]`.
	pub tally: (u32, u32),
	pub objector: Option<AccountId>,
}

/// An auditor as clients see it (runtime API).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(
	crate = "sp_runtime::serde",
	rename_all = "camelCase",
	bound(serialize = "Balance: core::fmt::Display", deserialize = "Balance: core::str::FromStr")
)]
pub struct AuditorView<Balance> {
	/// In JSON a decimal string, as `pending_burn`.
	#[serde(with = "pactum_primitives::serde_helpers::decimal")]
	pub stake: Balance,
	/// The sr25519 public key its tickets are made with; in JSON `0x` hex.
	#[serde(with = "pactum_primitives::serde_helpers::hex")]
	pub vrf_key: [u8; 32],
	pub last_epoch: EpochIndex,
	pub keep_bonded: bool,
	/// Seats on panels not yet settled.
	pub open_seats: u32,
	/// Capacity and seats taken in the current epoch, the next and the one after, where
	/// signalled (a signal is for the epoch after next).
	pub current: Option<Signal>,
	pub next: Option<Signal>,
	pub after_next: Option<Signal>,
	/// What was slashed and is held for burning at the next epoch boundary.
	#[serde(with = "pactum_primitives::serde_helpers::decimal")]
	pub pending_burn: Balance,
}

/// A case a contract opened, as the court keeps it for the contract.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ContractCase<T: Config> {
	/// The contract: the case's requester.
	pub contract: T::AccountId,
	/// The party the contract acts for; it and its organisation sit on no panel of the case.
	pub claimant: T::AccountId,
	/// Open, or what became of it.
	pub state: pactum_primitives::CaseState,
}
