#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use frame_support::pallet_macros::import_section;
pub use pallet::*;
pub use types::*;
pub use views::*;
pub use weights::WeightInfo;

mod access;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod callers;
mod calls;
mod deposits;
mod devices;
mod dids;
mod endorsements;
mod invariants;
mod issuance;
#[cfg(test)]
mod mock;
mod recovery;
mod requests;
mod schemas;
#[cfg(test)]
mod tests;
mod text;
mod types;
mod views;
pub mod weights;

/// The role of the attestations pallet (number 11; see `pactum_primitives::declare_roles!`).
pub mod roles {
	pactum_primitives::declare_roles! {
		/// Registers attestation schemas and issues attestations about participants.
		Attester = 11,
	}
}

pactum_primitives::impl_inactive_errors!(Error);

/// What benchmarks need from the runtime beyond the registry's benchmark helpers.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Make the participant `who` a company (devices are registered by companies).
	fn make_corporate(who: &AccountId);
	/// A valid certificate held by `holder`; yields its hash.
	fn certificate(holder: &AccountId, seed: u32) -> pactum_primitives::Digest;
}

#[import_section(calls::calls)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Mutate, MutateHold},
	};
	use frame_system::pallet_prelude::*;
	use pactum_primitives::{DocumentRecords, ParticipantRegistry};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native currency; deposits are holds on it.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// Who is a participant, banned, an attester, a company.
		type Registry: ParticipantRegistry<Self::AccountId>;
		/// The certificates a holder may present with a request (`pallet-documents`').
		type Certificates: DocumentRecords<Self::AccountId, BlockNumberFor<Self>>;
		/// Held per storage item a caller creates.
		#[pallet::constant]
		type DepositPerItem: Get<BalanceOf<Self>>;
		/// Held per byte a caller stores.
		#[pallet::constant]
		type DepositPerByte: Get<BalanceOf<Self>>;
		/// The most keys a DID document has.
		#[pallet::constant]
		type MaxKeys: Get<u32>;
		/// The most service endpoints a DID document has.
		#[pallet::constant]
		type MaxServices: Get<u32>;
		/// The longest name (service id and type, schema and attribute name, device model).
		#[pallet::constant]
		type MaxNameLen: Get<u32>;
		/// The longest service endpoint URL.
		#[pallet::constant]
		type MaxUrlLen: Get<u32>;
		/// The most attributes a schema defines.
		#[pallet::constant]
		type MaxAttributes: Get<u32>;
		/// The most attestations a request presents, and schemas an issuer demands.
		#[pallet::constant]
		type MaxPreconditions: Get<u32>;
		/// The most endorsements an attestation has.
		#[pallet::constant]
		type MaxEndorsements: Get<u32>;
		/// The longest a request stays open, in blocks.
		#[pallet::constant]
		type MaxRequestLifetime: Get<BlockNumberFor<Self>>;
		/// The most access requests an attestation has waiting at once, and the most grants.
		#[pallet::constant]
		type MaxAccesses: Get<u32>;
		/// The longest an access request waits, or a grant lasts, in blocks.
		#[pallet::constant]
		type MaxAccessLifetime: Get<BlockNumberFor<Self>>;
		/// Makes companies for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The storage deposit of a DID, schema, device, attestation, request or endorsement.
		Records,
	}

	/// DID documents by the account they are of (`did:pactum:<account>`).
	#[pallet::storage]
	pub type Dids<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, DidOf<T>, OptionQuery>;

	/// The id the next schema gets.
	#[pallet::storage]
	pub type NextSchemaId<T: Config> = StorageValue<_, SchemaId, ValueQuery>;

	/// Schemas by id, every version.
	#[pallet::storage]
	pub type Schemas<T: Config> = StorageMap<_, Twox64Concat, SchemaId, SchemaOf<T>, OptionQuery>;

	/// Devices by id.
	#[pallet::storage]
	pub type Devices<T: Config> =
		StorageMap<_, Blake2_128Concat, DeviceId, DeviceOf<T>, OptionQuery>;

	/// The id the next attestation gets.
	#[pallet::storage]
	pub type NextAttestationId<T: Config> = StorageValue<_, AttestationId, ValueQuery>;

	/// Attestations by id, every version.
	#[pallet::storage]
	pub type Attestations<T: Config> =
		StorageMap<_, Twox64Concat, AttestationId, AttestationOf<T>, OptionQuery>;

	/// Index: subject (holder or device) -> the attestations about it.
	#[pallet::storage]
	pub type BySubject<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		SubjectOf<T>,
		Twox64Concat,
		AttestationId,
		(),
		OptionQuery,
	>;

	/// Index: issuer -> the attestations it issued.
	#[pallet::storage]
	pub type ByIssuer<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		AttestationId,
		(),
		OptionQuery,
	>;

	/// Index: schema -> the attestations of it.
	#[pallet::storage]
	pub type BySchema<T: Config> =
		StorageDoubleMap<_, Twox64Concat, SchemaId, Twox64Concat, AttestationId, (), OptionQuery>;

	/// The id the next request gets.
	#[pallet::storage]
	pub type NextRequestId<T: Config> = StorageValue<_, RequestId, ValueQuery>;

	/// Requests for attestations, until they end (issued, denied, withdrawn or expired).
	#[pallet::storage]
	pub type Requests<T: Config> =
		StorageMap<_, Twox64Concat, RequestId, RequestOf<T>, OptionQuery>;

	/// Endorsements: attestation -> endorser -> endorsement.
	#[pallet::storage]
	pub type Endorsements<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		AttestationId,
		Blake2_128Concat,
		T::AccountId,
		EndorsementOf<T>,
		OptionQuery,
	>;

	/// Access to holders' attestations: attestation -> verifier -> request or grant.
	#[pallet::storage]
	pub type Accesses<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		AttestationId,
		Blake2_128Concat,
		T::AccountId,
		AccessOf<T>,
		OptionQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `did:pactum:<did>` was created, controlled by `controller`, holding `deposit`.
		DidCreated { did: T::AccountId, controller: T::AccountId, deposit: BalanceOf<T> },
		/// The key `key` was added to `did`'s document.
		DidKeyAdded { did: T::AccountId, key: KeyId },
		/// The key `key` was removed from `did`'s document.
		DidKeyRemoved { did: T::AccountId, key: KeyId },
		/// The key `old` of `did`'s document was replaced by the key `new`, with its purposes.
		DidKeyRotated { did: T::AccountId, old: KeyId, new: KeyId },
		/// The service `service` was added to `did`'s document.
		DidServiceAdded { did: T::AccountId, service: NameOf<T> },
		/// The service `service` was removed from `did`'s document.
		DidServiceRemoved { did: T::AccountId, service: NameOf<T> },
		/// `did`'s document is controlled by `controller` from now on.
		DidControllerChanged { did: T::AccountId, controller: T::AccountId },
		/// `did` was deactivated for good; its deposit was released.
		DidDeactivated { did: T::AccountId },
		/// `owner` registered `version` of the schema `name` as `schema` (a new version of
		/// `previous`, if any).
		SchemaRegistered {
			schema: SchemaId,
			owner: T::AccountId,
			name: NameOf<T>,
			version: u16,
			previous: Option<SchemaId>,
		},
		/// The owner retired `schema`: no more attestations of it.
		SchemaDeprecated { schema: SchemaId },
		/// `controller` registered the device `device` of `model`.
		DeviceRegistered { device: DeviceId, controller: T::AccountId, model: NameOf<T> },
		/// `issuer` issued `attestation` of `schema` about `subject`; `pending` if its holder
		/// has yet to accept it.
		Issued {
			attestation: AttestationId,
			schema: SchemaId,
			issuer: T::AccountId,
			subject: SubjectOf<T>,
			claim_hash: Digest,
			expires_at: Option<BlockNumberFor<T>>,
			pending: bool,
		},
		/// The holder accepted `attestation`: it is in force.
		Accepted { attestation: AttestationId },
		/// The holder declined `attestation`: it was removed.
		Declined { attestation: AttestationId },
		/// `attestation` amends `previous`, which is superseded (when the holder accepted the
		/// amendment; at once for a device).
		Amended { previous: AttestationId, attestation: AttestationId },
		/// `attestation` was renewed until `expires_at`.
		Renewed { attestation: AttestationId, expires_at: Option<BlockNumberFor<T>> },
		/// `by` revoked `attestation` for `reason`.
		Revoked { attestation: AttestationId, by: T::AccountId, reason: RevocationReason },
		/// The issuer removed `attestation` (revoked, superseded or expired) and its
		/// endorsements; their deposits were released.
		Removed { attestation: AttestationId },
		/// The holder presented `attestation` to `verifier` in answer to `challenge`.
		Presented {
			attestation: AttestationId,
			holder: T::AccountId,
			verifier: T::AccountId,
			challenge: Digest,
		},
		/// `endorser` co-signed `attestation`.
		Endorsed { attestation: AttestationId, endorser: T::AccountId },
		/// `by` (the endorser, the holder or the issuer) removed `endorser`'s endorsement of
		/// `attestation`.
		EndorsementRemoved { attestation: AttestationId, endorser: T::AccountId, by: T::AccountId },
		/// `verifier` asked the holder for access to `attestation`, until `until`.
		AccessRequested {
			attestation: AttestationId,
			verifier: T::AccountId,
			until: BlockNumberFor<T>,
		},
		/// The holder let `verifier` retrieve `attestation`'s claims until `until`.
		AccessGranted {
			attestation: AttestationId,
			verifier: T::AccountId,
			until: BlockNumberFor<T>,
		},
		/// `verifier`'s access request or grant for `attestation` ended: retracted by the
		/// holder or the verifier, or closed past its end (`expired`).
		AccessEnded { attestation: AttestationId, verifier: T::AccountId, expired: bool },
		/// A recovery moved `lost`'s place in `attestation` (as its subject, its issuer or both)
		/// to `new`.
		Recovered { attestation: AttestationId, lost: T::AccountId, new: T::AccountId },
		/// `holder` asked `issuer` for an attestation of `schema`.
		Requested {
			request: RequestId,
			holder: T::AccountId,
			issuer: T::AccountId,
			schema: SchemaId,
			expires_at: BlockNumberFor<T>,
		},
		/// The issuer wants attestations of `schemas` presented before it answers `request`.
		PreconditionsDemanded { request: RequestId, schemas: SchemaIdsOf<T> },
		/// The holder presented `attestations` for `request`.
		PreconditionsSupplied { request: RequestId, attestations: AttestationIdsOf<T> },
		/// The issuer offers to attest `claim_hash` in answer to `request`.
		Offered { request: RequestId, claim_hash: Digest, expires_at: Option<BlockNumberFor<T>> },
		/// The issuer denied `request` for `reason`.
		Denied { request: RequestId, reason: DenialReason },
		/// The holder withdrew `request`, or anyone closed it past its expiry (`expired`).
		RequestClosed { request: RequestId, expired: bool },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is not a registered participant.
		NotParticipant,
		/// The caller is banned.
		Banned,
		/// The caller (or, when an offer is accepted, its issuer) is not a participant holding
		/// the `Attester` role.
		NotAttester,
		/// The account has a DID already (or had one, deactivated: DIDs are not reused).
		DidExists,
		/// The account has no DID.
		NoDid,
		/// The DID was deactivated.
		DidDeactivated,
		/// The caller does not control the DID.
		NotController,
		/// The new controller is not a registered, unbanned participant.
		ControllerNotParticipant,
		/// More keys than `MaxKeys`.
		TooManyKeys,
		/// The purposes do not fit the key: none, unknown bits, key agreement on a signing key
		/// or signing on an encryption key.
		InvalidKeyPurposes,
		/// The document has this public key already.
		DuplicateKey,
		/// The document has no key with this id.
		UnknownKey,
		/// A DID document needs an authentication key: this would leave none.
		NoAuthenticationKey,
		/// More services than `MaxServices`.
		TooManyServices,
		/// The document has a service with this id already.
		DuplicateService,
		/// The document has no service with this id.
		UnknownService,
		/// A name is empty or longer than `MaxNameLen`.
		BadName,
		/// A URL is empty or longer than `MaxUrlLen`.
		BadUrl,
		/// Text with characters other than printable ASCII.
		InvalidText,
		/// The signer's DID has no assertion key: it cannot issue or endorse.
		NoAssertionKey,
		/// The holder's DID has no key-agreement key to receive its claims.
		NoKeyAgreementKey,
		/// A schema needs at least one attribute.
		NoAttributes,
		/// More attributes than `MaxAttributes`.
		TooManyAttributes,
		/// Two attributes have the same name.
		DuplicateAttribute,
		/// No schema has this id.
		UnknownSchema,
		/// The caller does not own the schema.
		NotSchemaOwner,
		/// The schema was superseded by a newer version or deprecated.
		SchemaRetired,
		/// The schema is about the other kind of subject.
		WrongSubjectKind,
		/// Devices are registered by companies (OEMs, operators).
		NotCorporate,
		/// A device with this id is registered.
		DeviceExists,
		/// No device has this id.
		UnknownDevice,
		/// No attestation has this id.
		UnknownAttestation,
		/// The caller is not the attestation's issuer.
		NotIssuer,
		/// The caller is not the attestation's holder.
		NotHolder,
		/// The holder is not a registered participant.
		HolderNotParticipant,
		/// An issuer does not attest itself.
		SelfAttestation,
		/// The attestation is not waiting for its holder.
		NotPending,
		/// The attestation is not in force (pending, revoked, superseded or expired).
		NotActive,
		/// The attestation an amendment replaces is no longer active (revoked, or superseded by
		/// another amendment): the amendment cannot be accepted.
		AmendedNotActive,
		/// Only a revoked, superseded or expired attestation is removed.
		StillInForce,
		/// The expiry is not after the current block.
		ExpiryInPast,
		/// A renewal's expiry must be later than the one it replaces.
		ExpiryNotLater,
		/// A counter (ids, versions, renewals) would overflow.
		Overflow,
		/// No request has this id.
		UnknownRequest,
		/// The caller is not the request's holder.
		NotRequester,
		/// The caller is not the request's issuer.
		NotRequestIssuer,
		/// The request is not in the state this step needs.
		WrongRequestState,
		/// The request is past its expiry.
		RequestExpired,
		/// The request is not past its expiry.
		RequestNotExpired,
		/// A request's (or an access request's or grant's) lifetime is zero or longer than its
		/// bound (`MaxRequestLifetime`, `MaxAccessLifetime`).
		BadLifetime,
		/// More attestations or schemas than `MaxPreconditions`.
		TooManyPreconditions,
		/// An issuer demanding preconditions names at least one schema.
		NoPreconditions,
		/// A schema is demanded twice.
		DuplicatePrecondition,
		/// A presented attestation is not the holder's, or not in force.
		BadPrecondition,
		/// A presented certificate is unknown, not the holder's, revoked or expired.
		BadCertificate,
		/// The attestations presented do not cover every schema the issuer demanded.
		PreconditionsUnmet,
		/// The caller endorsed this attestation already.
		AlreadyEndorsed,
		/// The account has not endorsed this attestation.
		NotEndorsed,
		/// Only the endorser, the holder or the issuer removes an endorsement.
		NotEndorser,
		/// The attestation has `MaxEndorsements` endorsements.
		TooManyEndorsements,
		/// The issuer and the holder do not endorse their own attestation.
		OwnAttestation,
		/// A verifier asked, or was granted, access already.
		AccessExists,
		/// No access request or grant for this verifier.
		NoAccess,
		/// The access request or grant has not ended yet.
		AccessNotEnded,
		/// The attestation has `MaxAccesses` access requests (or grants).
		TooManyAccesses,
		/// The holder does not grant itself access.
		SelfAccess,
		/// The caller cannot pay the storage deposit.
		InsufficientBalance,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxKeys::get() > 0, "a DID needs room for its authentication key");
			assert!(T::MaxAttributes::get() > 0, "a schema needs room for an attribute");
			assert!(T::MaxNameLen::get() > 0, "names need room for a character");
			assert!(T::MaxUrlLen::get() > 0, "URLs need room for a character");
			assert!(T::MaxPreconditions::get() > 0, "issuers need room to demand a precondition");
			assert!(
				T::MaxRequestLifetime::get() > Zero::zero()
					&& T::MaxAccessLifetime::get() > Zero::zero(),
				"requests and grants need a lifetime"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
