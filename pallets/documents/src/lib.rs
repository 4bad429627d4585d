//! # Documents
//!
//! Contract documents that parties sign on chain, and certificates (e-licences) that issuers
//! hand to holders. The files stay off chain: the chain keeps their hashes, an encrypted link,
//! who signed which text when, and who may fetch the file.
//!
//! ## Terminology
//!
//! - **Document**: a contract between **parties**, some of whom are **required signers**. It
//!   has numbered **versions**: the original text (0), then amendments and a termination. Each
//!   version carries the content hash of its text ([`ContentHash`]: digest and algorithm), the
//!   encrypted URI of the file and, for amendments and terminations, the hash of the reason.
//! - **Signing**: a signer names the version and the hash it signs, so a signature can never
//!   land on another text. It signs with its own extrinsic ([`Pallet::sign`]) or an operator
//!   relays its off-chain signature ([`Pallet::sign_relayed`]): an sr25519, ed25519 or ECDSA
//!   signature over [`Pallet::signing_payload`] (a domain tag, the genesis hash, the document,
//!   the version and the hash), so it cannot be replayed on another chain, document or version.
//!   A version signed by every required signer is accepted: the document becomes `Active` (or
//!   `Terminated`). A version proposed while another waits for signatures supersedes it.
//! - **Supplement**: a document whose `parent` is another document of the same party.
//! - **Access grant**: a party's record that a viewer may fetch the file, until an optional
//!   expiry; storage gateways ask [`Pallet::can_access`].
//! - **Certificate**: a hash an `Issuer` with an organisation code issues to a holder, with a
//!   type and an optional expiry; anyone verifies it, the `Issuer` holding the organisation's
//!   code revokes it.
//! - **Deposits**: whoever creates a record pays a deposit for its storage (held). Documents,
//!   versions and certificates are kept for good, so their deposits stay held; an access grant's
//!   is released when it is revoked.
//! - Every record keeps the block at which it happened, so "what was signed at block N" is a
//!   storage read at N.
//! - **Lifecycle**: a document that is still live (pending or active) holds a registry reference
//!   on each of its parties, so a party cannot leave the registry while it is bound; the
//!   references are released when the document is terminated or, past its validity end, closed
//!   ([`Pallet::close_expired`]). When the registry recovers a participant to a new account, the
//!   recovery hook (`recovery.rs`) names the new account as party and signer of its documents
//!   and holder of its certificates, and moves its held deposits; a signature the lost account
//!   gave to a version still open no longer counts, and the lost account loses its access.
//!
//! ## Interface
//!
//! - Registered, unbanned participants: [`Pallet::create`], [`Pallet::sign`],
//!   [`Pallet::sign_relayed`], [`Pallet::sign_many`], [`Pallet::propose_amendment`],
//!   [`Pallet::propose_termination`], [`Pallet::grant_access`], [`Pallet::revoke_access`].
//! - Anyone: [`Pallet::close_expired`].
//! - The registry: [`pactum_primitives::OnParticipantRecovered`] (implemented here).
//! - Issuers (role `Issuer` with an organisation code): [`Pallet::issue_certificate`],
//!   [`Pallet::revoke_certificate`].
//! - Clients: the `DocumentsApi` runtime API (`pallet-documents-runtime-api`) and its JSON-RPC
//!   (`documents_get`, `documents_verify`, `documents_byParty`).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use views::{DocumentViewOf, VerificationOf, MAX_MATCHES, MAX_PAGE};
pub use weights::WeightInfo;

mod access;
mod amendments;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod callers;
mod certificates;
mod deposits;
mod invariants;
mod lifecycle;
#[cfg(test)]
mod mock;
mod records;
mod recovery;
mod signing;
#[cfg(test)]
mod tests;
mod types;
mod views;
pub mod weights;

/// The role of the documents pallet (number 7; see `pactum_primitives::declare_roles!`).
pub mod roles {
	pactum_primitives::declare_roles! {
		/// Issues certificates for its organisation.
		Issuer = 7,
	}
}

pactum_primitives::impl_inactive_errors!(Error);

/// What benchmarks need from the runtime: a key pair in the signature scheme it uses.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Signature> {
	/// A new account and its signature of `payload`.
	fn sign(payload: &[u8]) -> (AccountId, Signature);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, Mutate, MutateHold},
	};
	use frame_system::pallet_prelude::*;
	use pactum_primitives::ParticipantRegistry;
	use sp_runtime::traits::{IdentifyAccount, Verify};

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
	pub type DocumentOf<T> = Document<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		PartiesOf<T>,
	>;
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
	pub type SignItemOf<T> =
		SignItem<<T as frame_system::Config>::AccountId, <T as Config>::Signature>;
	pub type RelayedSignatureOf<T> =
		RelayedSignature<<T as frame_system::Config>::AccountId, <T as Config>::Signature>;

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
		/// Who is a participant, banned, an issuer, and with which organisation code.
		type Registry: ParticipantRegistry<Self::AccountId>;
		/// The signature a party gives off chain for an operator to relay (the chain's
		/// transaction signature: sr25519, ed25519 or ECDSA).
		type Signature: Verify<Signer = Self::Signer>
			+ Parameter
			+ MaxEncodedLen
			+ DecodeWithMemTracking;
		/// The public key behind a [`Config::Signature`]; it names an account.
		type Signer: IdentifyAccount<AccountId = Self::AccountId>;
		/// Held per storage item a caller creates.
		#[pallet::constant]
		type DepositPerItem: Get<BalanceOf<Self>>;
		/// Held per byte a caller stores.
		#[pallet::constant]
		type DepositPerByte: Get<BalanceOf<Self>>;
		/// The most parties a document can have (and so the most signers).
		#[pallet::constant]
		type MaxParties: Get<u32>;
		/// The longest encrypted URI, in bytes.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;
		/// The most versions (original, amendments, termination) a document can have; the last
		/// is kept for a termination.
		#[pallet::constant]
		type MaxVersions: Get<u32>;
		/// The most supplements a document can have.
		#[pallet::constant]
		type MaxSupplements: Get<u32>;
		/// The most signatures one [`Pallet::sign_many`] call carries.
		#[pallet::constant]
		type MaxBulkSign: Get<u32>;
		/// The longest organisation code kept on a certificate (at least the registry's).
		#[pallet::constant]
		type MaxOrgCodeLen: Get<u32>;
		/// The longest certificate type, in bytes.
		#[pallet::constant]
		type MaxCertTypeLen: Get<u32>;
		/// Makes signatures for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId, Self::Signature>;
		/// Weights of this pallet's calls, generated by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The storage deposit of a document, version, access grant or certificate.
		Records,
	}

	/// The id the next document gets.
	#[pallet::storage]
	pub type NextDocumentId<T: Config> = StorageValue<_, DocumentId, ValueQuery>;

	/// Documents by id.
	#[pallet::storage]
	pub type Documents<T: Config> =
		StorageMap<_, Twox64Concat, DocumentId, DocumentOf<T>, OptionQuery>;

	/// Every version of every document, with its signatures.
	#[pallet::storage]
	pub type Versions<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		DocumentId,
		Twox64Concat,
		VersionIndex,
		VersionOf<T>,
		OptionQuery,
	>;

	/// Index: party -> the documents it is a party of.
	#[pallet::storage]
	pub type PartyDocuments<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		DocumentId,
		(),
		OptionQuery,
	>;

	/// Index: content digest -> the document versions whose text has it.
	#[pallet::storage]
	pub type ByHash<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		Digest,
		Twox64Concat,
		(DocumentId, VersionIndex),
		(),
		OptionQuery,
	>;

	/// Index: parent -> its supplements.
	#[pallet::storage]
	pub type Supplements<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DocumentId, Twox64Concat, DocumentId, (), OptionQuery>;

	/// Who besides the parties may fetch a document's file.
	#[pallet::storage]
	pub type AccessGrants<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		DocumentId,
		Blake2_128Concat,
		T::AccountId,
		AccessGrantOf<T>,
		OptionQuery,
	>;

	/// Certificates by their hash.
	#[pallet::storage]
	pub type Certificates<T: Config> =
		StorageMap<_, Blake2_128Concat, Digest, CertificateOf<T>, OptionQuery>;

	/// Index: holder -> the hashes of its certificates.
	#[pallet::storage]
	pub type HolderCertificates<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		Digest,
		(),
		OptionQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `creator` created `document` (a supplement of `parent`, if any) with the original
		/// text `hash`, holding `deposit`.
		Created {
			document: DocumentId,
			creator: T::AccountId,
			parent: Option<DocumentId>,
			hash: ContentHash,
			deposit: BalanceOf<T>,
		},
		/// `signer` signed `version` of `document`; `relayed_by` submitted its signature.
		Signed {
			document: DocumentId,
			version: VersionIndex,
			signer: T::AccountId,
			relayed_by: Option<T::AccountId>,
		},
		/// Every required signer signed `version`: it is the text in force.
		Activated { document: DocumentId, version: VersionIndex },
		/// Every required signer signed the termination `version`.
		Terminated { document: DocumentId, version: VersionIndex },
		/// `proposer` proposed the amendment `version`, to be signed again.
		AmendmentProposed {
			document: DocumentId,
			version: VersionIndex,
			proposer: T::AccountId,
			hash: ContentHash,
			reason: T::Hash,
		},
		/// `proposer` proposed to terminate `document` (its termination `version`).
		TerminationProposed {
			document: DocumentId,
			version: VersionIndex,
			proposer: T::AccountId,
			reason: T::Hash,
		},
		/// `version` was still waiting for signatures when a newer proposal replaced it.
		Superseded { document: DocumentId, version: VersionIndex },
		/// A party let `viewer` fetch `document`'s file until `expires_at`.
		AccessGranted {
			document: DocumentId,
			viewer: T::AccountId,
			by: T::AccountId,
			expires_at: Option<BlockNumberFor<T>>,
		},
		/// `viewer`'s access to `document` was revoked by `by`.
		AccessRevoked { document: DocumentId, viewer: T::AccountId, by: T::AccountId },
		/// `issuer` of organisation `org_code` issued the certificate `hash` to `holder`.
		CertificateIssued {
			hash: Digest,
			issuer: T::AccountId,
			org_code: OrgCodeOf<T>,
			holder: T::AccountId,
			cert_type: CertTypeOf<T>,
			expires_at: Option<BlockNumberFor<T>>,
		},
		/// The certificate `hash` was revoked by `by` for the reason whose hash is `reason`.
		CertificateRevoked { hash: Digest, by: T::AccountId, reason: T::Hash },
		/// `document`, past its validity end, was closed: its parties are free to leave.
		Closed { document: DocumentId },
		/// A recovery moved `lost`'s place in `document` to `new`.
		PartyRecovered { document: DocumentId, lost: T::AccountId, new: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller (or signer) is not a registered participant.
		NotParticipant,
		/// The caller (or signer) is banned.
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
		/// The item at `index` of a bulk signature was refused for `reason`; nothing was signed.
		BulkItemFailed { index: u16, reason: SignRefusal },
		/// A bulk signature needs at least one item.
		EmptyBulk,
		/// More items than `MaxBulkSign`.
		TooManyItems,
		/// The caller is not a party of the document.
		NotParty,
		/// More parties than `MaxParties`.
		TooManyParties,
		/// A party is listed twice.
		DuplicateParty,
		/// A document needs at least one required signer.
		NoSigners,
		/// A required signer is not among the parties.
		SignerNotParty,
		/// A party is not a registered, unbanned participant.
		PartyNotParticipant,
		/// The encrypted URI is longer than `MaxUriLen`.
		UriTooLong,
		/// The validity end or expiry is not after the current block.
		ExpiryInPast,
		/// The parent document does not exist.
		UnknownParent,
		/// The parent document was terminated.
		ParentTerminated,
		/// The parent already has `MaxSupplements` supplements.
		TooManySupplements,
		/// The document already has `MaxVersions` versions (for an amendment: `MaxVersions - 1`,
		/// the last version being kept for a termination).
		TooManyVersions,
		/// Amendments and terminations need an `Active` document.
		NotActive,
		/// The caller cannot pay the storage deposit.
		InsufficientBalance,
		/// No more document ids.
		IdsExhausted,
		/// The viewer is a party: parties always have access.
		ViewerIsParty,
		/// The viewer already has an access grant.
		AlreadyGranted,
		/// The viewer has no access grant.
		NoAccessGrant,
		/// The caller does not hold the `Issuer` role.
		NotIssuer,
		/// The issuer has no organisation code (or a longer one than `MaxOrgCodeLen`).
		NoOrgCode,
		/// The holder is not a registered participant.
		HolderNotParticipant,
		/// The certificate type is longer than `MaxCertTypeLen`.
		CertTypeTooLong,
		/// A certificate with this hash exists.
		CertificateExists,
		/// No certificate has this hash.
		UnknownCertificate,
		/// Only an issuer of the certificate's organisation can revoke it.
		NotCertificateIssuer,
		/// The certificate is already revoked.
		AlreadyRevoked,
		/// The certificate type has characters other than printable ASCII (`' '` to `'~'`).
		InvalidCertType,
		/// The document has no validity end, or it has not passed yet.
		NotExpired,
		/// The document is terminated or closed already.
		AlreadyClosed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxParties::get() > 0, "a document needs room for a signer");
			assert!(T::MaxVersions::get() >= 2, "a document needs room for its termination");
			assert!(T::MaxBulkSign::get() > 0, "a bulk signature needs room for an item");
			assert!(
				T::MaxBulkSign::get() <= u16::MAX as u32,
				"bulk errors name the failing item with a u16"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a document whose original text has the hash `hash` and lives at the encrypted
		/// `uri`, binding `parties` (the caller among them), of whom `signers` must sign; it
		/// stops counting at `valid_until`. A supplement names its `parent`, a document the
		/// caller is a party of. Holds the storage deposit from the caller.
		///
		/// Origin: a registered, unbanned participant. Every party must be one too.
		/// Emits `Created`. Weight: linear in the number of parties.
		#[pallet::call_index(0)]
		#[pallet::weight(T::Registry::weigh_parties(
			T::WeightInfo::create(parties.len() as u32),
			parties.len() as u32,
		))]
		pub fn create(
			origin: OriginFor<T>,
			parent: Option<DocumentId>,
			hash: ContentHash,
			uri: Vec<u8>,
			parties: Vec<T::AccountId>,
			signers: Vec<T::AccountId>,
			valid_until: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let creator = Self::ensure_participant(origin)?;
			Self::do_create(creator, parent, hash, uri, parties, signers, valid_until)
		}

		/// Sign `version` of `document`, whose text has the hash `hash`: the version must be
		/// the one waiting for signatures and `hash` its hash.
		///
		/// Origin: a required signer of the document (registered, unbanned).
		/// Emits `Signed`, and `Activated` or `Terminated` when it was the last signature.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::sign())]
		pub fn sign(
			origin: OriginFor<T>,
			document: DocumentId,
			version: VersionIndex,
			hash: ContentHash,
		) -> DispatchResult {
			let signer = ensure_signed(origin)?;
			Self::do_sign(document, version, hash, signer, None).map_err(Self::refusal_error)
		}

		/// Submit `signer`'s off-chain `signature` of [`Pallet::signing_payload`] for
		/// `version` of `document` with the hash `hash`. The caller pays; the signature is kept
		/// as evidence.
		///
		/// Origin: a registered, unbanned participant (the operator).
		/// Emits `Signed`, and `Activated` or `Terminated` when it was the last signature.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::sign_relayed())]
		pub fn sign_relayed(
			origin: OriginFor<T>,
			document: DocumentId,
			version: VersionIndex,
			hash: ContentHash,
			signer: T::AccountId,
			signature: T::Signature,
		) -> DispatchResult {
			let operator = Self::ensure_participant(origin)?;
			let relay = Relay { by: operator, signature };
			Self::do_sign(document, version, hash, signer, Some(relay)).map_err(Self::refusal_error)
		}

		/// Sign up to `MaxBulkSign` versions in one call: each item is the caller's own
		/// signature or a relayed one. All or nothing: the first refused item fails the call
		/// with `BulkItemFailed` naming it, and nothing is signed.
		///
		/// Origin: a registered, unbanned participant.
		/// Emits what [`Pallet::sign`] emits, per item. Weight: linear in own and relayed items;
		/// a failed call is charged for the items up to the failing one.
		#[pallet::call_index(3)]
		#[pallet::weight(Pallet::<T>::sign_many_weight(items.iter().filter(|i| !i.is_relayed()).count(), items.iter().filter(|i| i.is_relayed()).count()))]
		pub fn sign_many(
			origin: OriginFor<T>,
			items: Vec<SignItemOf<T>>,
		) -> DispatchResultWithPostInfo {
			let caller = Self::ensure_participant(origin)?;
			Self::do_sign_many(caller, items)
		}

		/// Propose a new text of an `Active` document: its hash, encrypted URI and the hash of
		/// the reason. It must be signed by every required signer again; until then the text in
		/// force stays. A version still waiting for signatures is superseded. Holds the deposit
		/// of the new version from the caller.
		///
		/// Origin: a party of the document (registered, unbanned).
		/// Emits `AmendmentProposed` (and `Superseded`).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::propose_amendment())]
		pub fn propose_amendment(
			origin: OriginFor<T>,
			document: DocumentId,
			hash: ContentHash,
			uri: Vec<u8>,
			reason: T::Hash,
		) -> DispatchResult {
			let proposer = Self::ensure_participant(origin)?;
			Self::do_propose_amendment(proposer, document, hash, uri, reason)
		}

		/// Propose to terminate an `Active` document, with the hash of the reason: once every
		/// required signer signed the termination version, the document is `Terminated`.
		///
		/// Origin: a party of the document (registered, unbanned).
		/// Emits `TerminationProposed` (and `Superseded`).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::propose_termination())]
		pub fn propose_termination(
			origin: OriginFor<T>,
			document: DocumentId,
			reason: T::Hash,
		) -> DispatchResult {
			let proposer = Self::ensure_participant(origin)?;
			Self::do_propose_termination(proposer, document, reason)
		}

		/// Let `viewer` fetch `document`'s off-chain file until `expires_at` (`None`: until
		/// revoked). Holds the grant's deposit from the caller.
		///
		/// Origin: a party of the document (registered, unbanned). Emits `AccessGranted`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::grant_access())]
		pub fn grant_access(
			origin: OriginFor<T>,
			document: DocumentId,
			viewer: T::AccountId,
			expires_at: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let by = Self::ensure_participant(origin)?;
			Self::do_grant_access(by, document, viewer, expires_at)
		}

		/// Withdraw `viewer`'s access to `document`; the deposit goes back to the party that
		/// granted it.
		///
		/// Origin: a party of the document (registered, unbanned). Emits `AccessRevoked`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::revoke_access())]
		pub fn revoke_access(
			origin: OriginFor<T>,
			document: DocumentId,
			viewer: T::AccountId,
		) -> DispatchResult {
			let by = Self::ensure_participant(origin)?;
			Self::do_revoke_access(by, document, viewer)
		}

		/// Issue the certificate `hash` of type `cert_type` (printable ASCII) to `holder` (a
		/// registered participant), counting until `expires_at`. Holds the deposit from the caller.
		///
		/// Origin: a registered, unbanned `Issuer` with an organisation code.
		/// Emits `CertificateIssued`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::Registry::weigh_parties(T::WeightInfo::issue_certificate(), 1))]
		pub fn issue_certificate(
			origin: OriginFor<T>,
			holder: T::AccountId,
			hash: Digest,
			cert_type: Vec<u8>,
			expires_at: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let issuer = Self::ensure_participant(origin)?;
			Self::do_issue_certificate(issuer, holder, hash, cert_type, expires_at)
		}

		/// Revoke the certificate `hash`, with the hash of the reason. The record stays.
		///
		/// Origin: the `Issuer` that holds the certificate's organisation code now (its issuer,
		/// or the account the organisation moved its code to).
		/// Emits `CertificateRevoked`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::revoke_certificate())]
		pub fn revoke_certificate(
			origin: OriginFor<T>,
			hash: Digest,
			reason: T::Hash,
		) -> DispatchResult {
			let by = Self::ensure_participant(origin)?;
			Self::do_revoke_certificate(by, hash, reason)
		}

		/// Close `document`, whose validity end has passed: it is `Expired` in storage too, and
		/// its parties' registry references are released (they may leave the registry).
		///
		/// Origin: any signed account. Emits `Closed`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::close_expired())]
		pub fn close_expired(origin: OriginFor<T>, document: DocumentId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_expired(document)
		}
	}
}
