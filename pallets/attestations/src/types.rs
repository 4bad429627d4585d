//! The records the attestations pallet keeps: DID documents with their keys and services,
//! schemas with typed attributes, attestations about accounts and devices with their lineage,
//! requests on their way to an attestation, endorsements and devices.

use crate::pallet::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::fungible::Inspect, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
pub use pactum_primitives::Digest;
use scale_info::TypeInfo;
use sp_runtime::{Deserialize, Serialize};

/// Schemas are numbered from 0 in the order they are registered (each version has its own id).
pub type SchemaId = u32;
/// Attestations are numbered from 0 in the order they are issued (each version has its own id).
pub type AttestationId = u64;
/// Requests are numbered from 0 in the order they are made.
pub type RequestId = u64;
/// A key's number within its DID document, never reused (`#key-<n>` in the document).
pub type KeyId = u32;
/// A device's identity: a hash its OEM or operator chose (of its serial and public key, say).
pub type DeviceId = Digest;

pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLen>;
pub type UrlOf<T> = BoundedVec<u8, <T as Config>::MaxUrlLen>;
pub type ServiceOf<T> = Service<NameOf<T>, UrlOf<T>>;
pub type DidKeyOf<T> = DidKey<BlockNumberFor<T>>;
pub type DidOf<T> = Did<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	BoundedVec<DidKeyOf<T>, <T as Config>::MaxKeys>,
	BoundedVec<ServiceOf<T>, <T as Config>::MaxServices>,
>;
pub type AttributesOf<T> = BoundedVec<AttributeDef<NameOf<T>>, <T as Config>::MaxAttributes>;
pub type SchemaOf<T> = Schema<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	NameOf<T>,
	AttributesOf<T>,
>;
pub type SubjectOf<T> = Subject<<T as frame_system::Config>::AccountId>;
pub type AttestationOf<T> =
	Attestation<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
pub type AttestationIdsOf<T> = BoundedVec<AttestationId, <T as Config>::MaxPreconditions>;
pub type SchemaIdsOf<T> = BoundedVec<SchemaId, <T as Config>::MaxPreconditions>;
pub type CertificatesOf<T> = BoundedVec<Digest, <T as Config>::MaxPreconditions>;
pub type RequestOf<T> = Request<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	AttestationIdsOf<T>,
	SchemaIdsOf<T>,
	CertificatesOf<T>,
>;
pub type EndorsementOf<T> = Endorsement<BalanceOf<T>, BlockNumberFor<T>>;
pub type AccessOf<T> =
	Access<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
pub type DeviceOf<T> =
	Device<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>, NameOf<T>>;

/// The public part of a key in a DID document, by scheme.
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
pub enum PublicKey {
	/// A signing key (authentication, assertion).
	#[codec(index = 0)]
	Sr25519([u8; 32]),
	#[codec(index = 1)]
	Ed25519([u8; 32]),
	/// A compressed secp256k1 key.
	#[codec(index = 2)]
	Ecdsa([u8; 33]),
	/// An encryption key (key agreement): claims are encrypted to it.
	#[codec(index = 3)]
	X25519([u8; 32]),
}

impl PublicKey {
	/// Whether the key signs (and so may authenticate or assert) rather than agrees keys.
	pub fn signs(&self) -> bool {
		!matches!(self, PublicKey::X25519(_))
	}
}

/// What a key in a DID document may be used for, as a set of [`KeyPurposes`] bits.
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
pub struct KeyPurposes(pub u8);

impl KeyPurposes {
	/// Proves control of the DID (signs presentations and the DID's own messages).
	pub const AUTHENTICATION: u8 = 1;
	/// Signs statements: attestations issued, endorsed.
	pub const ASSERTION: u8 = 2;
	/// Receives encrypted data: the claims behind an attestation.
	pub const KEY_AGREEMENT: u8 = 4;
	const ALL: u8 = Self::AUTHENTICATION | Self::ASSERTION | Self::KEY_AGREEMENT;

	pub fn contains(&self, purpose: u8) -> bool {
		self.0 & purpose == purpose
	}
	/// Some purpose, none unknown, and fitting `key`: a signing key authenticates or asserts, an
	/// encryption key only agrees keys.
	pub fn fit(&self, key: &PublicKey) -> bool {
		let known = self.0 != 0 && self.0 & !Self::ALL == 0;
		let fits = if key.signs() {
			!self.contains(Self::KEY_AGREEMENT)
		} else {
			self.0 == Self::KEY_AGREEMENT
		};
		known && fits
	}
}

/// A key of a DID document.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct DidKey<BlockNumber> {
	pub id: KeyId,
	pub public: PublicKey,
	pub purposes: KeyPurposes,
	pub added_at: BlockNumber,
}

/// A service endpoint of a DID document (where to reach the DID's subject: a messaging
/// endpoint for attestation requests, say).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Service<Name, Url> {
	/// Unique within the document (`#<id>`).
	pub id: Name,
	/// The service's type, e.g. `AttestationRequests`.
	pub kind: Name,
	pub endpoint: Url,
}

/// The DID document of `did:pactum:<account>`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Did<AccountId, Balance, BlockNumber, Keys, Services> {
	/// Who changes the document: the account itself unless it handed control to another.
	pub controller: AccountId,
	pub keys: Keys,
	pub services: Services,
	/// The id the next key added gets.
	pub next_key: KeyId,
	pub created_at: BlockNumber,
	pub updated_at: BlockNumber,
	/// Set once: a deactivated DID has no keys or services and cannot be created again.
	pub deactivated_at: Option<BlockNumber>,
	/// Held from the DID's account while it is active.
	pub deposit: Balance,
}

/// The type of an attribute's value in a claim.
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
pub enum AttributeType {
	#[codec(index = 0)]
	Text,
	#[codec(index = 1)]
	Integer,
	#[codec(index = 2)]
	Boolean,
	/// A calendar date (ISO 8601).
	#[codec(index = 3)]
	Date,
	#[codec(index = 4)]
	Bytes,
	/// A DID (`did:pactum:…` or another method).
	#[codec(index = 5)]
	Did,
	/// A 32-byte hash.
	#[codec(index = 6)]
	Digest,
}

/// One attribute a claim of a schema carries.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct AttributeDef<Name> {
	pub name: Name,
	pub kind: AttributeType,
	pub required: bool,
}

/// What a schema's attestations are about.
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
pub enum SubjectKind {
	/// Participants (people, companies), who hold their attestations.
	#[codec(index = 0)]
	Account,
	/// Devices registered under an OEM or operator.
	#[codec(index = 1)]
	Device,
}

/// A registered attestation type, one version of it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Schema<AccountId, Balance, BlockNumber, Name, Attributes> {
	pub owner: AccountId,
	pub name: Name,
	pub subject: SubjectKind,
	pub attributes: Attributes,
	/// 1 for the first version; each new version of the same schema one more.
	pub version: u16,
	/// The version this one replaces.
	pub previous: Option<SchemaId>,
	/// The version that replaced this one: no attestation is issued on it any more.
	pub superseded_by: Option<SchemaId>,
	/// Retired by its owner: no attestation is issued on it any more.
	pub deprecated: bool,
	pub created_at: BlockNumber,
	/// Held from the owner.
	pub deposit: Balance,
}

/// Whom or what an attestation is about.
#[derive(
	Clone,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
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
pub enum Subject<AccountId> {
	/// A participant, who holds the attestation.
	#[codec(index = 0)]
	Account(AccountId),
	/// A registered device.
	#[codec(index = 1)]
	Device(#[serde(with = "pactum_primitives::serde_helpers::hex")] DeviceId),
}

impl<AccountId> Subject<AccountId> {
	pub fn kind(&self) -> SubjectKind {
		match self {
			Subject::Account(_) => SubjectKind::Account,
			Subject::Device(_) => SubjectKind::Device,
		}
	}
	/// The holder: the account an attestation about an account is about.
	pub fn holder(&self) -> Option<&AccountId> {
		match self {
			Subject::Account(who) => Some(who),
			Subject::Device(_) => None,
		}
	}
}

/// Why an attestation was revoked (the reason codes of X.509 revocation, RFC 5280 5.3.1).
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
pub enum RevocationReason {
	#[codec(index = 0)]
	Unspecified,
	/// A key of the subject was compromised.
	#[codec(index = 1)]
	KeyCompromise,
	/// A key of the issuer was compromised.
	#[codec(index = 2)]
	IssuerCompromise,
	/// The subject's details changed (a new attestation will say what holds).
	#[codec(index = 3)]
	AffiliationChanged,
	/// The subject stopped what the attestation was about (closed its account, retired the
	/// device).
	#[codec(index = 5)]
	CessationOfOperation,
	/// The issuer withdrew what it granted (a discount, a registration).
	#[codec(index = 9)]
	PrivilegeWithdrawn,
	/// The holder asked for it.
	#[codec(index = 10)]
	HolderRequest,
	/// The claims were found false.
	#[codec(index = 11)]
	Fraud,
}

/// Where an attestation is in its life. Expiry is not a status: an `Active` attestation past its
/// `expires_at` is expired for every reader.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum AttestationStatus<AccountId, BlockNumber> {
	/// Issued to a holder who has not accepted it yet.
	#[codec(index = 0)]
	Pending,
	/// In force (until `expires_at`, if any).
	#[codec(index = 1)]
	Active,
	/// Revoked by its issuer.
	#[codec(index = 2)]
	Revoked { at: BlockNumber, by: AccountId, reason: RevocationReason },
	/// An amendment, the attestation `by`, replaced it.
	#[codec(index = 3)]
	Superseded { at: BlockNumber, by: AttestationId },
}

/// An attestation: `issuer` states that the claims whose hash is `claim_hash`, of `schema`,
/// hold for `subject`. The claims stay off chain (encrypted to the holder's key-agreement key).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Attestation<AccountId, Balance, BlockNumber> {
	pub schema: SchemaId,
	pub issuer: AccountId,
	pub subject: Subject<AccountId>,
	pub claim_hash: Digest,
	pub issued_at: BlockNumber,
	pub expires_at: Option<BlockNumber>,
	pub status: AttestationStatus<AccountId, BlockNumber>,
	/// The first attestation of the lineage its amendments form (its own id for a first one).
	pub lineage: AttestationId,
	/// 1 for the first; each amendment one more.
	pub version: u16,
	/// The attestation this one amends.
	pub previous: Option<AttestationId>,
	/// How many renewals gave it a new expiry.
	pub renewals: u16,
	/// How many endorsements it has.
	pub endorsements: u32,
	/// How many access requests wait for the holder.
	pub access_requests: u32,
	/// How many access grants it has.
	pub access_grants: u32,
	/// Held from the issuer.
	pub deposit: Balance,
}

/// Where a request for an attestation is.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum RequestState<BlockNumber, Schemas> {
	/// Waiting for the issuer.
	#[codec(index = 0)]
	Open,
	/// The issuer wants attestations of these schemas presented first.
	#[codec(index = 1)]
	PreconditionsDemanded { schemas: Schemas },
	/// The issuer offers an attestation of the claims `claim_hash` until `expires_at`, its
	/// deposit held; the holder's acceptance issues it.
	#[codec(index = 2)]
	Offered { claim_hash: Digest, expires_at: Option<BlockNumber> },
}

/// A holder's request to an issuer for an attestation of `schema`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Request<AccountId, Balance, BlockNumber, Attestations, Schemas, Certificates> {
	pub holder: AccountId,
	pub issuer: AccountId,
	pub schema: SchemaId,
	/// The hash of the claims the holder asks the issuer to attest (sent to it off chain).
	pub claim_hash: Digest,
	/// The holder's attestations it presents in support.
	pub presented: Attestations,
	/// The holder's certificates (of `pallet-documents`, by file hash) it presents in support.
	pub certificates: Certificates,
	pub state: RequestState<BlockNumber, Schemas>,
	pub created_at: BlockNumber,
	/// From this block on anyone may close the request.
	pub expires_at: BlockNumber,
	/// Held from the holder for the request.
	pub deposit: Balance,
	/// Held from the issuer for the attestation it offers (zero until it offers).
	pub offer_deposit: Balance,
}

/// Why an issuer denied a request.
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
pub enum DenialReason {
	#[codec(index = 0)]
	Unspecified,
	/// The attestations presented do not meet the issuer's preconditions.
	#[codec(index = 1)]
	PreconditionsNotMet,
	/// The issuer could not verify the claims.
	#[codec(index = 2)]
	ClaimsNotVerified,
	/// The issuer does not serve the holder (region, kind of customer, …).
	#[codec(index = 3)]
	NotServed,
}

/// A third party's co-signature of an attestation.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Endorsement<Balance, BlockNumber> {
	pub at: BlockNumber,
	/// Held from the endorser.
	pub deposit: Balance,
}

/// A device registered under an OEM or operator, the subject of device attestations.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Device<AccountId, Balance, BlockNumber, Name> {
	/// The OEM or operator that registered it and answers for it.
	pub controller: AccountId,
	/// The device's model or class, e.g. `door-lock/v2`.
	pub model: Name,
	pub registered_at: BlockNumber,
	/// Held from the controller.
	pub deposit: Balance,
}

/// Where a verifier's access to a holder's attestation is.
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
pub enum AccessState {
	/// The verifier asked; the holder has not answered.
	#[codec(index = 0)]
	Requested,
	/// The holder lets the verifier retrieve the attestation's claims (from the holder's
	/// service endpoint, which checks this grant) until `until`.
	#[codec(index = 1)]
	Granted,
}

/// A verifier's request for, or grant of, access to a holder's attestation; it ends at
/// `until` (the request's timeout, or the grant's).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Access<AccountId, Balance, BlockNumber> {
	pub state: AccessState,
	pub until: BlockNumber,
	/// Who made the record (the verifier for a request, the holder for a grant it offered
	/// unasked) and pays its deposit.
	pub depositor: AccountId,
	pub deposit: Balance,
}
