//! The records the documents pallet keeps, the items of a bulk signature, and the views it hands
//! out to clients. The views and the records in them derive serde: the JSON-RPC returns them as
//! they are (keys in camelCase, hashes and URIs as `0x` hex, a relayed signature as the `0x` hex
//! of its SCALE encoding, the deposit as a decimal string, enums as serde's externally tagged
//! enums: `"Open"`, `{"Accepted":{"at":12}}`).

use crate::pallet::Config;
use alloc::{string::String, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::fungible::Inspect, BoundedVec, PalletError};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::{Deserialize, Serialize};

/// Documents are numbered from 0 in the order they are created.
pub type DocumentId = u64;
/// Versions of a document are numbered from 0 (the original text).
pub type VersionIndex = u32;
pub use pactum_primitives::Digest;

/// The hash function a document's content hash was computed with.
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
pub enum HashAlgorithm {
	#[codec(index = 0)]
	Blake2_256,
	#[codec(index = 1)]
	Sha2_256,
	#[codec(index = 2)]
	Keccak256,
	#[codec(index = 3)]
	Sha3_256,
}

/// The hash of a document's file (which stays off chain) and the function that computed it.
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
pub struct ContentHash {
	pub algorithm: HashAlgorithm,
	/// In JSON `0x` hex.
	#[serde(with = "pactum_primitives::serde_helpers::hex")]
	pub digest: Digest,
}

/// Where a document is in its life.
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
pub enum DocumentStatus {
	/// The original version is waiting for its required signatures.
	#[codec(index = 0)]
	Pending,
	/// A version was signed by every required signer and is in force.
	#[codec(index = 1)]
	Active,
	/// The parties signed a termination.
	#[codec(index = 2)]
	Terminated,
	/// Past its validity end. Expiry is lazy (nothing iterates): views show it from the
	/// validity end on; storage has it once someone closed the document (`close_expired`).
	#[codec(index = 3)]
	Expired,
}

/// What a version does to its document once every required signer signed it.
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
pub enum VersionKind {
	/// The first text: the document becomes `Active`.
	#[codec(index = 0)]
	Original,
	/// A new text replacing the one in force.
	#[codec(index = 1)]
	Amendment,
	/// Mutual termination: the document becomes `Terminated`.
	#[codec(index = 2)]
	Termination,
}

/// Whether a version is waiting for signatures, was accepted, or was replaced by a later proposal
/// before it was.
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
pub enum VersionStatus<BlockNumber> {
	#[codec(index = 0)]
	Open,
	#[codec(index = 1)]
	Accepted { at: BlockNumber },
	#[codec(index = 2)]
	Superseded { at: BlockNumber },
}

/// A contract document. Its versions, with their signatures, are in `Versions`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Document<AccountId, Balance, BlockNumber, Parties> {
	pub creator: AccountId,
	/// The contract this document supplements.
	pub parent: Option<DocumentId>,
	/// Everyone the contract binds; they propose amendments and grant access.
	pub parties: Parties,
	/// The parties whose signatures a version needs.
	pub signers: Parties,
	/// From this block on the document no longer counts (`Expired`).
	pub valid_until: Option<BlockNumber>,
	/// `Pending` or `Active` while live (the parties' registry references are held);
	/// `Terminated`, or `Expired` once closed.
	pub status: DocumentStatus,
	/// How many versions there are: they are numbered `0..versions`.
	pub versions: VersionIndex,
	/// The version that can be signed now, if any.
	pub open_version: Option<VersionIndex>,
	/// The latest accepted version: the text in force.
	pub active_version: Option<VersionIndex>,
	/// How many supplements reference this document.
	pub supplements: u32,
	pub created_at: BlockNumber,
	/// Held from the creator for the document, its original version and its indexes.
	pub deposit: Balance,
}

/// An operator's relay of a party's off-chain signature.
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
	bound(
		serialize = "AccountId: sp_runtime::Serialize, Signature: codec::Encode",
		deserialize = "AccountId: sp_runtime::Deserialize<'de>, Signature: codec::Decode"
	)
)]
pub struct Relay<AccountId, Signature> {
	/// The account that submitted (and paid for) the signature.
	pub by: AccountId,
	/// The party's signature over [`crate::Pallet::signing_payload`], kept as evidence; in JSON
	/// the `0x` hex of its SCALE encoding (a `MultiSignature`).
	#[serde(with = "pactum_primitives::serde_helpers::scale_hex")]
	pub signature: Signature,
}

/// A signature on a version.
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
	bound(
		serialize = "AccountId: sp_runtime::Serialize, BlockNumber: sp_runtime::Serialize, \
			Signature: codec::Encode",
		deserialize = "AccountId: sp_runtime::Deserialize<'de>, \
			BlockNumber: sp_runtime::Deserialize<'de>, Signature: codec::Decode"
	)
)]
pub struct SignatureRecord<AccountId, BlockNumber, Signature> {
	pub signer: AccountId,
	pub at: BlockNumber,
	/// `None`: the signer's own extrinsic.
	pub relayed: Option<Relay<AccountId, Signature>>,
}

/// One text of a document and the signatures it gathered.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Version<AccountId, Balance, BlockNumber, Hash, Uri, Signatures> {
	pub kind: VersionKind,
	pub hash: ContentHash,
	/// Encrypted link to the file.
	pub uri: Uri,
	/// Hash of the reason for an amendment or termination (kept off chain).
	pub reason: Option<Hash>,
	pub proposed_by: AccountId,
	pub proposed_at: BlockNumber,
	pub status: VersionStatus<BlockNumber>,
	pub signatures: Signatures,
	/// Held from the proposer of an amendment or termination (0 for the original version,
	/// which the document's deposit covers).
	pub deposit: Balance,
}

/// A viewer's right to fetch a document's off-chain file, granted by a party.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct AccessGrant<AccountId, Balance, BlockNumber> {
	pub granted_by: AccountId,
	pub granted_at: BlockNumber,
	/// From this block on the grant no longer counts.
	pub expires_at: Option<BlockNumber>,
	/// Held from `granted_by`, released when the grant is revoked.
	pub deposit: Balance,
}

/// A certificate's revocation.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo, Serialize, Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub struct Revocation<AccountId, BlockNumber, Hash> {
	pub by: AccountId,
	pub at: BlockNumber,
	/// Hash of the reason (kept off chain).
	pub reason: Hash,
}

/// A certificate (an e-licence): its hash is the key it is stored under.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Certificate<AccountId, Balance, BlockNumber, Hash, OrgCode, CertType> {
	pub issuer: AccountId,
	/// The issuing organisation's code in the registry.
	pub org_code: OrgCode,
	pub holder: AccountId,
	/// The kind of certificate, as the issuer names it (`telecom-licence`, …).
	pub cert_type: CertType,
	pub issued_at: BlockNumber,
	/// From this block on the certificate no longer counts.
	pub expires_at: Option<BlockNumber>,
	pub revoked: Option<Revocation<AccountId, BlockNumber, Hash>>,
	/// Held from the issuer; certificate records are kept for good.
	pub deposit: Balance,
}

/// A party's signature that an operator submits for it.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct RelayedSignature<AccountId, Signature> {
	pub signer: AccountId,
	pub signature: Signature,
}

/// One signature of a bulk signing call.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct SignItem<AccountId, Signature> {
	pub document: DocumentId,
	pub version: VersionIndex,
	pub hash: ContentHash,
	/// `None`: the caller signs; `Some`: the caller relays this party's signature.
	pub relayed: Option<RelayedSignature<AccountId, Signature>>,
}

impl<AccountId, Signature> SignItem<AccountId, Signature> {
	pub fn is_relayed(&self) -> bool {
		self.relayed.is_some()
	}
}

/// Why a signature was refused. The single-signature calls report each as the pallet error of
/// the same name; a bulk signature reports it with the failing item's index.
#[derive(
	Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, PalletError,
)]
pub enum SignRefusal {
	/// The signer is not a registered participant.
	NotParticipant,
	/// The signer is banned.
	Banned,
	/// No document has this id.
	UnknownDocument,
	/// The document was terminated.
	Terminated,
	/// The document is past its validity end.
	Expired,
	/// No version of the document is waiting for signatures.
	NothingToSign,
	/// The version is not the one waiting for signatures.
	WrongVersion,
	/// The hash is not the hash of that version.
	HashMismatch,
	/// The signer is not one of the document's required signers.
	NotSigner,
	/// The signer already signed that version.
	AlreadySigned,
	/// The relayed signature does not verify for the signer and payload.
	BadSignature,
}

/// A version as clients see it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(
	crate = "sp_runtime::serde",
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: sp_runtime::Serialize, BlockNumber: sp_runtime::Serialize, \
			Hash: sp_runtime::Serialize, Signature: codec::Encode",
		deserialize = "AccountId: sp_runtime::Deserialize<'de>, \
			BlockNumber: sp_runtime::Deserialize<'de>, Hash: sp_runtime::Deserialize<'de>, \
			Signature: codec::Decode"
	)
)]
pub struct VersionView<AccountId, BlockNumber, Hash, Signature> {
	pub index: VersionIndex,
	pub kind: VersionKind,
	pub hash: ContentHash,
	/// The encrypted link to the file; in JSON `0x` hex (it need not be UTF-8).
	#[serde(with = "pactum_primitives::serde_helpers::hex")]
	pub uri: Vec<u8>,
	pub reason: Option<Hash>,
	pub proposed_by: AccountId,
	pub proposed_at: BlockNumber,
	pub status: VersionStatus<BlockNumber>,
	pub signatures: Vec<SignatureRecord<AccountId, BlockNumber, Signature>>,
}

/// A document with every version and signature, as `documents_get` returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(
	crate = "sp_runtime::serde",
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: sp_runtime::Serialize, Balance: core::fmt::Display, \
			BlockNumber: sp_runtime::Serialize, Hash: sp_runtime::Serialize, \
			Signature: codec::Encode",
		deserialize = "AccountId: sp_runtime::Deserialize<'de>, Balance: core::str::FromStr, \
			BlockNumber: sp_runtime::Deserialize<'de>, Hash: sp_runtime::Deserialize<'de>, \
			Signature: codec::Decode"
	)
)]
pub struct DocumentView<AccountId, Balance, BlockNumber, Hash, Signature> {
	pub id: DocumentId,
	pub creator: AccountId,
	pub parent: Option<DocumentId>,
	pub parties: Vec<AccountId>,
	pub signers: Vec<AccountId>,
	pub valid_until: Option<BlockNumber>,
	/// The status at the block the view was read at (`Expired` included).
	pub status: DocumentStatus,
	pub open_version: Option<VersionIndex>,
	pub active_version: Option<VersionIndex>,
	pub supplements: Vec<DocumentId>,
	pub created_at: BlockNumber,
	/// In JSON a decimal string.
	#[serde(with = "pactum_primitives::serde_helpers::decimal")]
	pub deposit: Balance,
	pub versions: Vec<VersionView<AccountId, BlockNumber, Hash, Signature>>,
}

/// A document of a party, as `documents_byParty` lists it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct PartyDocument<BlockNumber> {
	pub id: DocumentId,
	pub status: DocumentStatus,
	pub created_at: BlockNumber,
	pub active_version: Option<VersionIndex>,
	pub open_version: Option<VersionIndex>,
	/// Whether the party is a required signer of the open version and has not signed it yet.
	pub awaiting_signature: bool,
}

/// A document version whose content hash is the one asked about.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct DocumentMatch<AccountId, BlockNumber> {
	pub document: DocumentId,
	pub version: VersionIndex,
	pub algorithm: HashAlgorithm,
	/// The document's status at the block.
	pub document_status: DocumentStatus,
	pub version_status: VersionStatus<BlockNumber>,
	/// Who signed that version, and when; in JSON `[account, block]` pairs.
	pub signed_by: Vec<(AccountId, BlockNumber)>,
}

/// Whether a certificate counts at the block it is read at.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(crate = "sp_runtime::serde")]
pub enum CertificateStatus {
	Valid,
	Expired,
	Revoked,
}

/// A certificate as clients see it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct CertificateView<AccountId, BlockNumber, Hash> {
	/// In JSON `0x` hex.
	#[serde(with = "pactum_primitives::serde_helpers::hex")]
	pub hash: Digest,
	pub status: CertificateStatus,
	pub issuer: AccountId,
	/// The issuing organisation's code in the registry.
	pub org_code: String,
	pub holder: AccountId,
	/// The kind of certificate, as the issuer named it (`telecom-licence`, …).
	pub cert_type: String,
	pub issued_at: BlockNumber,
	pub expires_at: Option<BlockNumber>,
	pub revoked: Option<Revocation<AccountId, BlockNumber, Hash>>,
}

/// Everything on chain that carries a hash, as `documents_verify` returns it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(crate = "sp_runtime::serde")]
pub struct Verification<AccountId, BlockNumber, Hash> {
	pub documents: Vec<DocumentMatch<AccountId, BlockNumber>>,
	pub certificate: Option<CertificateView<AccountId, BlockNumber, Hash>>,
}

// The records above as a runtime stores them (re-exported by the pallet module).

pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
pub type PartiesOf<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxParties>;
pub type UriOf<T> = BoundedVec<u8, <T as Config>::MaxUriLen>;
pub type OrgCodeOf<T> = BoundedVec<u8, <T as Config>::MaxOrgCodeLen>;
pub type CertTypeOf<T> = BoundedVec<u8, <T as Config>::MaxCertTypeLen>;
pub type SignatureRecordOf<T> = SignatureRecord<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as Config>::Signature,
>;
pub type DocumentOf<T> =
	Document<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>, PartiesOf<T>>;
pub type VersionOf<T> = Version<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
	UriOf<T>,
	BoundedVec<SignatureRecordOf<T>, <T as Config>::MaxParties>,
>;
pub type AccessGrantOf<T> =
	AccessGrant<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
pub type CertificateOf<T> = Certificate<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
	OrgCodeOf<T>,
	CertTypeOf<T>,
>;
pub type SignItemOf<T> = SignItem<<T as frame_system::Config>::AccountId, <T as Config>::Signature>;
pub type RelayedSignatureOf<T> =
	RelayedSignature<<T as frame_system::Config>::AccountId, <T as Config>::Signature>;
