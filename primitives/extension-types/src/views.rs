//! What the read functions return.

use crate::{AccountId, Balance, BlockNumber, Hash, PactumError, VersionIndex};
use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// What kind of participant an account is.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum ParticipantKind {
	/// Registered, not (or no longer) KYC-verified.
	Unverified,
	/// KYC-verified.
	Verified,
	/// A verified legal entity.
	Corporate,
	/// A contract registered by its deployer (its registrar).
	Contract,
}

/// An account's standing in the registry.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct StandingView {
	pub kind: ParticipantKind,
	/// The KYC level in force now (0 once a verification expired). A contract has its
	/// registrar's.
	pub kyc_level: u8,
	/// The roles held, as a bit set: bit `i` is role number `i`.
	pub roles: u32,
	/// Whether a ban is in force (for a contract: on it or on its registrar).
	pub banned: bool,
}

impl StandingView {
	/// Whether the account holds role number `role`.
	pub fn has_role(&self, role: u8) -> bool {
		1u32.checked_shl(u32::from(role)).is_some_and(|bit| self.roles & bit != 0)
	}
	/// A participant that may act: registered (this view exists) and not banned.
	pub fn in_good_standing(&self) -> bool {
		!self.banned
	}
}

/// Where a document is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum DocumentState {
	/// The original version waits for its required signatures.
	Pending,
	/// A version signed by every required signer is in force.
	Active,
	/// The parties signed a termination.
	Terminated,
	/// Past its validity end.
	Expired,
}

/// A document as a contract sees it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct DocumentView {
	pub state: DocumentState,
	/// The version in force (before one is, the one being signed; an amendment being signed
	/// does not replace it until it is in force).
	pub version: VersionIndex,
	/// The file hash of that version.
	pub hash: Hash,
	/// Whether every required signer signed that version.
	pub fully_signed: bool,
}

/// Whether a certificate counts now.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum CertificateState {
	Valid,
	Expired,
	Revoked,
}

/// A certificate as a contract sees it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct CertificateView {
	pub state: CertificateState,
	pub issuer: AccountId,
	pub holder: AccountId,
	pub issued_at: BlockNumber,
	pub expires_at: Option<BlockNumber>,
}

/// What a regulated transfer from the calling contract would cost, or why it would be refused:
/// the same assessment the transfer itself makes.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct QuoteView {
	/// The fee the sender pays on top of the amount.
	pub fee: Balance,
	/// Why the transfer would be refused; `None` if it would go through.
	pub refusal: Option<PactumError>,
	/// What the daily limit leaves the sender before this transfer (`None`: no daily limit).
	pub daily_remaining: Option<Balance>,
	/// What the monthly limit leaves the sender before this transfer (`None`: no monthly
	/// limit).
	pub monthly_remaining: Option<Balance>,
}

/// A case a contract opens in the auditor court. The contract is the requester (it stakes the
/// case stake from its own PACT); `claimant` and `respondent` are the parties the dispute is
/// between, and they and their organisations may not sit on its panels.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct CaseRequest {
	/// The party whose claim the case decides (the customer of an escrow, say).
	pub claimant: AccountId,
	/// The party the claim is against: the case's counterparty.
	pub respondent: AccountId,
	/// Hash of the outcome claimed (the evidence stays off chain).
	pub outcome: Hash,
	/// What the case decides about, in PACT (the court's unit, whatever asset the contract
	/// holds): the contract stakes a share of it (on Pactum 5 %, at least 100 PACT).
	pub value_at_risk: Balance,
}

/// A court's decision on a claim.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum Verdict {
	/// The claimed outcome holds.
	Upheld,
	/// The claimed outcome does not hold.
	Rejected,
}

/// A case as a contract sees it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum CaseView {
	/// Panels are drawn, voting or hearing an objection.
	Open,
	/// Decided for good.
	Decided(Verdict),
	/// Closed without a verdict (no quorum after every re-run): nothing was decided.
	Undecided,
}
