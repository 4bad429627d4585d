//! The records the registry keeps, and the views it hands out. The view and the records in it
//! derive serde: the JSON-RPC returns them as they are (keys in camelCase, hashes and keys as
//! `0x` hex, the deposit as a decimal string, enums by variant name).

use crate::pallet::Config;
use alloc::{string::String, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, traits::fungible::Inspect, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
pub use pactum_primitives::{AccountKind, Role, RoleSet, Standing};
use scale_info::TypeInfo;
use sp_runtime::{Deserialize, Serialize};

/// A KYC verification: its level, the hash of the evidence (kept off chain) and when it expires.
#[derive(
	Clone,
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
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
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

/// A contract registered as a participant: who registered it (and answers for it) and the code
/// it was registered with.
#[derive(
	Clone,
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
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct ContractRecord<AccountId, Hash> {
	pub registrar: AccountId,
	pub code_hash: Hash,
}

/// A client a registrar registered on its behalf: the registrar answers for it and holds its
/// deposit; the client's data stays off chain, its hash is here (each change is a
/// `ClientDataUpdated` event, the history).
#[derive(
	Clone,
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
#[serde(
	crate = "sp_runtime::serde",
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: sp_runtime::Serialize, Hash: sp_runtime::Serialize, \
			Balance: core::fmt::Display, BlockNumber: sp_runtime::Serialize",
		deserialize = "AccountId: sp_runtime::Deserialize<'de>, \
			Hash: sp_runtime::Deserialize<'de>, Balance: core::str::FromStr, \
			BlockNumber: sp_runtime::Deserialize<'de>"
	)
)]
pub struct ClientRecord<AccountId, Hash, Balance, BlockNumber> {
	/// The registrar at registration (after its recovery, `current_account` finds it).
	pub registrar: AccountId,
	/// The hash of the client's data as it is now.
	pub data_hash: Hash,
	/// The deposit held from the registrar for this client; in JSON a decimal string.
	#[serde(with = "pactum_primitives::serde_helpers::decimal")]
	pub deposit: Balance,
	/// The block of the last change of the data (or of the registration).
	pub updated_at: BlockNumber,
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
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
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
	Clone,
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
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct OperatorKey {
	pub scheme: KeyScheme,
	/// The encoded key; in JSON `0x` hex.
	#[serde(with = "pactum_primitives::serde_helpers::hex")]
	pub key: BoundedVec<u8, ConstU32<MAX_KEY_LEN>>,
}

/// A ban: why (a code from the operator's rule book), until when, by whom.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo, Serialize, Deserialize,
)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
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

/// The decoded view the runtime API returns for one participant.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(
	crate = "sp_runtime::serde",
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: sp_runtime::Serialize, Hash: sp_runtime::Serialize, \
			Balance: core::fmt::Display, BlockNumber: sp_runtime::Serialize",
		deserialize = "AccountId: sp_runtime::Deserialize<'de>, \
			Hash: sp_runtime::Deserialize<'de>, Balance: core::str::FromStr, \
			BlockNumber: sp_runtime::Deserialize<'de>"
	)
)]
pub struct ParticipantView<AccountId, Hash, Balance, BlockNumber> {
	pub kind: AccountKind,
	/// The KYC level in force at the queried block (0 when expired or never verified).
	pub kyc_level: u8,
	/// The recorded verification (it may have expired: `kyc_level` is the level in force).
	pub kyc: Option<Kyc<Hash, BlockNumber>>,
	/// Hash of the company record, for `Corporate` participants.
	pub company: Option<Hash>,
	/// The names of the roles held (a ban suspends them).
	pub roles: Vec<String>,
	/// The organisation code (`A-Z a-z 0-9 - _ .`).
	pub org_code: Option<String>,
	pub operator_key: Option<OperatorKey>,
	/// The registration deposit held; in JSON a decimal string.
	#[serde(with = "pactum_primitives::serde_helpers::decimal")]
	pub deposit: Balance,
	pub references: u32,
	pub registered_at: BlockNumber,
	/// The ban in force at the queried block, if any.
	pub ban: Option<Ban<AccountId, BlockNumber>>,
	/// The account a pending recovery would move this participant to.
	pub recovering_to: Option<AccountId>,
	/// For a contract: its registrar and the code it was registered with.
	pub contract: Option<ContractRecord<AccountId, Hash>>,
	/// For a client a registrar registered: the registrar, the hash of its data, the deposit.
	pub client: Option<ClientRecord<AccountId, Hash, Balance, BlockNumber>>,
}

// The records above as a runtime stores them (re-exported by the pallet module).

pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
pub type OrgCodeOf<T> = BoundedVec<u8, <T as Config>::MaxOrgCodeLen>;
pub type ParticipantOf<T> =
	Participant<<T as frame_system::Config>::Hash, BalanceOf<T>, BlockNumberFor<T>, OrgCodeOf<T>>;
pub type ClientRecordOf<T> = ClientRecord<
	<T as frame_system::Config>::AccountId,
	<T as frame_system::Config>::Hash,
	BalanceOf<T>,
	BlockNumberFor<T>,
>;
pub type BanOf<T> = Ban<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
pub type RecoveryOf<T> = Recovery<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
pub type ParticipantViewOf<T> = ParticipantView<
	<T as frame_system::Config>::AccountId,
	<T as frame_system::Config>::Hash,
	BalanceOf<T>,
	BlockNumberFor<T>,
>;
