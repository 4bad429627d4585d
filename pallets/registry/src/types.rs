//! The records the registry keeps, and the views it hands out.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_runtime::{Deserialize, Serialize};

/// What kind of participant an account is.
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
)]
pub enum AccountKind {
	/// Registered, not (or no longer) verified by a KYC admin.
	Unverified,
	/// A person or entity whose KYC a KYC admin verified.
	Verified,
	/// A verified legal entity with a company record.
	Corporate,
}

/// A permission a participant can hold. New roles are appended at the end: a role is stored as a
/// bit of [`RoleSet`] at its index, so adding one needs no storage migration (up to 32 roles).
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
pub enum Role {
	/// Grants and revokes roles, assigns organisation codes.
	SuperAdmin,
	/// Verifies participants (KYC), marks them corporate, takes part in recovery.
	KycAdmin,
	/// Sets transfer fees (tokens).
	FeesAdmin,
	/// Sets transfer limits (tokens).
	LimitsAdmin,
	/// Authorises and issues asset supply (tokens).
	IssuanceAdmin,
	/// Confirms deposits and withdrawals (tokens).
	TradeAdmin,
	/// Bans and unbans accounts, takes part in recovery.
	SecurityAdmin,
	/// Issues certificates for its organisation (documents).
	Issuer,
	/// Sits on audit panels (audit).
	Auditor,
}

impl Role {
	/// Every role, in index order.
	pub const ALL: [Role; 9] = [
		Role::SuperAdmin,
		Role::KycAdmin,
		Role::FeesAdmin,
		Role::LimitsAdmin,
		Role::IssuanceAdmin,
		Role::TradeAdmin,
		Role::SecurityAdmin,
		Role::Issuer,
		Role::Auditor,
	];

	fn bit(self) -> u32 {
		1u32 << (self as u8)
	}
}

/// A set of roles as a bit mask (bit `i` is the role with index `i`).
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct RoleSet(pub u32);

impl RoleSet {
	pub fn contains(&self, role: Role) -> bool {
		self.0 & role.bit() != 0
	}
	pub fn insert(&mut self, role: Role) {
		self.0 |= role.bit();
	}
	pub fn remove(&mut self, role: Role) {
		self.0 &= !role.bit();
	}
	pub fn is_empty(&self) -> bool {
		self.0 == 0
	}
	/// The roles in the set, in index order.
	pub fn iter(self) -> impl Iterator<Item = Role> {
		Role::ALL.into_iter().filter(move |r| self.contains(*r))
	}
}

/// A KYC verification: its level, the hash of the evidence (kept off chain) and when it expires.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Kyc<Hash, BlockNumber> {
	/// 1 (lowest) to `Config::MaxKycLevel`.
	pub level: u8,
	pub evidence: Hash,
	/// From this block on the verification counts as level 0.
	pub expires_at: BlockNumber,
	/// The block at which it was recorded.
	pub verified_at: BlockNumber,
}

/// A participant of the chain.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Participant<Hash, Balance, BlockNumber, OrgCode> {
	pub kind: AccountKind,
	pub kyc: Option<Kyc<Hash, BlockNumber>>,
	/// Hash of the company record, for `Corporate` participants.
	pub company: Option<Hash>,
	pub roles: RoleSet,
	pub org_code: Option<OrgCode>,
	/// The registration deposit held from the account (zero for genesis participants).
	pub deposit: Balance,
	/// How many records of other pallets name this participant; it cannot leave while any do.
	pub references: u32,
	pub registered_at: BlockNumber,
}

/// The curve or scheme of an operator's published encryption key.
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
)]
pub enum KeyScheme {
	/// Curve25519 Diffie-Hellman (32-byte key), as used by NaCl boxes and HPKE.
	X25519,
	/// SEC1-encoded secp256k1 point (33 or 65 bytes), for ECIES.
	Secp256k1,
	/// SEC1-encoded NIST P-256 point (33 or 65 bytes), for ECIES/HPKE.
	P256,
}

impl KeyScheme {
	/// Whether `len` is a valid encoded key length for the scheme.
	pub fn accepts_len(self, len: usize) -> bool {
		match self {
			KeyScheme::X25519 => len == 32,
			KeyScheme::Secp256k1 | KeyScheme::P256 => len == 33 || len == 65,
		}
	}
}

/// Longest encoded operator key (an uncompressed SEC1 point).
pub const MAX_KEY_LEN: u32 = 65;

/// An encryption public key a participant publishes for off-chain exchange.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct OperatorKey {
	pub scheme: KeyScheme,
	pub key: BoundedVec<u8, ConstU32<MAX_KEY_LEN>>,
}

/// A ban: why (a code from the operator's rule book), until when, by whom.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Ban<AccountId, BlockNumber> {
	pub reason: u32,
	/// `None`: until unbanned.
	pub until: Option<BlockNumber>,
	pub by: AccountId,
	pub since: BlockNumber,
}

impl<AccountId, BlockNumber: PartialOrd> Ban<AccountId, BlockNumber> {
	/// Whether the ban is in force at block `now`.
	pub fn active_at(&self, now: &BlockNumber) -> bool {
		self.until.as_ref().map_or(true, |until| now < until)
	}
}

/// A recovery of a lost account to a new one, waiting for its second approval or its delay.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Recovery<AccountId, BlockNumber> {
	pub new: AccountId,
	/// Who proposed it and with which role (KycAdmin or SecurityAdmin).
	pub proposer: AccountId,
	pub proposer_role: Role,
	/// The holder of the other role who approved, once approved.
	pub approver: Option<AccountId>,
	/// From this block on anyone may finish the recovery; set on approval.
	pub executable_at: Option<BlockNumber>,
}

/// What the registry says about an account, as other pallets see it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Standing {
	pub kind: AccountKind,
	/// The KYC level in force now: 0 once the verification has expired.
	pub kyc_level: u8,
	pub roles: RoleSet,
	pub banned: bool,
}

/// The decoded view the runtime API returns for one participant.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ParticipantView<AccountId, Hash, Balance, BlockNumber> {
	pub kind: AccountKind,
	/// The KYC level in force at the queried block (0 when expired or never verified).
	pub kyc_level: u8,
	pub kyc: Option<Kyc<Hash, BlockNumber>>,
	pub company: Option<Hash>,
	pub roles: alloc::vec::Vec<Role>,
	pub org_code: Option<alloc::vec::Vec<u8>>,
	pub operator_key: Option<OperatorKey>,
	pub deposit: Balance,
	pub references: u32,
	pub registered_at: BlockNumber,
	/// The ban in force at the queried block, if any.
	pub ban: Option<Ban<AccountId, BlockNumber>>,
	/// The account a pending recovery would move this participant to.
	pub recovering_to: Option<AccountId>,
}
