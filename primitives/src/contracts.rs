//! What the chain extension asks of the domain pallets on behalf of a contract (pallet-contracts):
//! the registry's records of contracts as participants, the code a contract runs now, documents
//! and certificates as a contract reads them, and the auditor court as a contract uses it. The
//! runtime's chain extension speaks to the pallets only through these traits (and
//! [`crate::ParticipantRegistry`] and [`crate::RegulatedTransfer`]).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::pallet_prelude::{DispatchError, DispatchResult};
use scale_info::TypeInfo;

/// The code a contract account runs now, as pallet-contracts records it; `None` for an account
/// that is no contract (never was, or was terminated).
pub trait ContractCode<AccountId, Hash> {
	fn code_hash(contract: &AccountId) -> Option<Hash>;
	/// For benchmarks: a contract deployed by `deployer` (funded here as needed); yields its
	/// account and code hash.
	#[cfg(feature = "runtime-benchmarks")]
	fn deploy_for_benchmarks(deployer: &AccountId) -> (AccountId, Hash);
	/// For benchmarks: the contract is terminated (its account may keep holds).
	#[cfg(feature = "runtime-benchmarks")]
	fn terminate_for_benchmarks(contract: &AccountId);
}

/// Contracts as participants of the registry: a contract registers itself, its caller (the
/// deployer, in its constructor) as its registrar, paying the registration deposit from its own
/// balance; it is a participant while it runs the code it was registered with.
pub trait ContractParticipants<AccountId, Hash> {
	/// Register the contract `contract`, running `code_hash`, answered for by `registrar` (an
	/// active participant, not a contract). The deposit is held from `contract`.
	fn register_contract(
		contract: &AccountId,
		registrar: &AccountId,
		code_hash: Hash,
	) -> DispatchResult;
	/// The registered contract leaves the registry (as a participant's `leave`); its deposit
	/// is released to it.
	fn leave_contract(contract: &AccountId) -> DispatchResult;
	/// The code hash `contract` was registered with; `None` if it is no registered contract.
	fn registered_code(contract: &AccountId) -> Option<Hash>;
}

/// Where a document is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DocumentState {
	Pending,
	Active,
	Terminated,
	Expired,
}

/// A document as a contract reads it: its state now, the version in force (before one is, the
/// version being signed), that version's file hash and whether every required signer signed it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DocumentSummary {
	pub state: DocumentState,
	pub version: u32,
	pub hash: crate::Digest,
	pub fully_signed: bool,
}

/// Whether a certificate counts now.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CertificateState {
	Valid,
	Expired,
	Revoked,
}

/// A certificate as a contract reads it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CertificateSummary<AccountId, BlockNumber> {
	pub state: CertificateState,
	pub issuer: AccountId,
	pub holder: AccountId,
	pub issued_at: BlockNumber,
	pub expires_at: Option<BlockNumber>,
}

/// Documents and certificates as a contract reads them.
pub trait DocumentRecords<AccountId, BlockNumber> {
	/// Document `id` as of the current block.
	fn document(id: u64) -> Option<DocumentSummary>;
	/// Whether `who` signed version `version` of document `id`.
	fn signed(id: u64, version: u32, who: &AccountId) -> bool;
	/// The certificate with file hash `hash`, as of the current block.
	fn certificate(hash: &crate::Digest) -> Option<CertificateSummary<AccountId, BlockNumber>>;
}

/// What a regulated transfer would cost, or why it would be refused (the assessment the
/// transfer itself makes).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TransferQuote<Balance> {
	pub fee: Balance,
	pub refusal: Option<DispatchError>,
	pub daily_remaining: Option<Balance>,
	pub monthly_remaining: Option<Balance>,
}

/// Regulated tokens as a contract reads them.
pub trait RegulatedLedger<AccountId> {
	type Balance;
	/// `who`'s balance of `asset` (0 for an unknown asset).
	fn balance(asset: crate::AssetId, who: &AccountId) -> Self::Balance;
	/// The assessment of a transfer of `amount` of `asset` from `from` to `to`.
	fn quote(
		asset: crate::AssetId,
		from: &AccountId,
		to: &AccountId,
		amount: Self::Balance,
	) -> TransferQuote<Self::Balance>;
}

/// A court's decision on a claim.
#[derive(
	Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum Verdict {
	Upheld,
	Rejected,
}

/// Where a contract's case is.
#[derive(
	Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum CaseState {
	/// Panels are drawn, voting or hearing an objection.
	Open,
	/// Decided for good.
	Decided(Verdict),
	/// Closed without a verdict.
	Undecided,
}

/// The auditor court as a contract uses it: the contract opens a case as its requester (staking
/// from its own balance) about a dispute between `claimant` and `respondent`, and reads what
/// became of it. The court keeps a closed case's outcome for the contract that opened it.
pub trait ContractCourt<AccountId, Balance, Hash> {
	/// Open a case; yields its id.
	fn open_case(
		contract: &AccountId,
		claimant: &AccountId,
		respondent: &AccountId,
		outcome: Hash,
		value_at_risk: Balance,
	) -> Result<u32, DispatchError>;
	/// Case `id` as `contract` opened it; `None` if it opened no such case (or forgot it).
	fn case_state(contract: &AccountId, id: u32) -> Option<CaseState>;
	/// `contract` has read the outcome of its closed case `id`: the court drops the record
	/// (a contract keeps a bounded number of case records).
	fn forget_case(contract: &AccountId, id: u32) -> DispatchResult;
}
