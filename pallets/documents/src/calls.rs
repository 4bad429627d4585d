//! The documents pallet's calls: each checks its origin and hands the work to the module of its
//! feature. A [`pallet_section`]: `lib.rs` imports it into the pallet module
//! (`#[import_section(calls::calls)]`), and it is compiled there, with that module's imports.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod calls {
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
