//! The attestations pallet's calls: each checks its origin and hands the work to the module of
//! its feature. A [`pallet_section`]: `lib.rs` imports it into the pallet module
//! (`#[import_section(calls::calls)]`), and it is compiled there, with that module's imports.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod calls {
	use crate::{dids::ServiceInput, requests::Presented, schemas::AttributeInput};

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create the caller's DID, `did:pactum:<caller>`, with `keys` (at least one for
		/// authentication) and `services`; the caller controls it. Holds the deposit.
		///
		/// Origin: a registered, unbanned participant without a DID (now or before).
		/// Emits `DidCreated`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_did(keys.len() as u32, services.len() as u32))]
		pub fn create_did(
			origin: OriginFor<T>,
			keys: Vec<(PublicKey, KeyPurposes)>,
			services: Vec<ServiceInput>,
		) -> DispatchResult {
			let (who, _) = Self::ensure_participant(origin)?;
			ensure!(keys.len() <= T::MaxKeys::get() as usize, Error::<T>::TooManyKeys);
			ensure!(services.len() <= T::MaxServices::get() as usize, Error::<T>::TooManyServices);
			Self::do_create_did(who, keys, services)
		}

		/// Add a key for `purposes` to `did`'s document.
		///
		/// Origin: the DID's controller (registered, unbanned). Emits `DidKeyAdded`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::change_did())]
		pub fn add_did_key(
			origin: OriginFor<T>,
			did: T::AccountId,
			public: PublicKey,
			purposes: KeyPurposes,
		) -> DispatchResult {
			let (who, _) = Self::ensure_participant(origin)?;
			Self::do_add_did_key(who, did, public, purposes)
		}

		/// Remove the key `key` from `did`'s document; an authentication key must remain.
		///
		/// Origin: the DID's controller. Emits `DidKeyRemoved`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::change_did())]
		pub fn remove_did_key(
			origin: OriginFor<T>,
			did: T::AccountId,
			key: KeyId,
		) -> DispatchResult {
			let (who, _) = Self::ensure_participant(origin)?;
			Self::do_remove_did_key(who, did, key)
		}

		/// Replace the key `key` of `did`'s document by `public`, with the same purposes.
		///
		/// Origin: the DID's controller. Emits `DidKeyRotated`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::change_did())]
		pub fn rotate_did_key(
			origin: OriginFor<T>,
			did: T::AccountId,
			key: KeyId,
			public: PublicKey,
		) -> DispatchResult {
			let (who, _) = Self::ensure_participant(origin)?;
			Self::do_rotate_did_key(who, did, key, public)
		}

		/// Add the service `service` (id, type, endpoint URL) to `did`'s document.
		///
		/// Origin: the DID's controller. Emits `DidServiceAdded`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::change_did())]
		pub fn add_did_service(
			origin: OriginFor<T>,
			did: T::AccountId,
			service: ServiceInput,
		) -> DispatchResult {
			let (who, _) = Self::ensure_participant(origin)?;
			Self::do_add_did_service(who, did, service)
		}

		/// Remove the service with the id `service` from `did`'s document.
		///
		/// Origin: the DID's controller. Emits `DidServiceRemoved`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::change_did())]
		pub fn remove_did_service(
			origin: OriginFor<T>,
			did: T::AccountId,
			service: Vec<u8>,
		) -> DispatchResult {
			let (who, _) = Self::ensure_participant(origin)?;
			Self::do_remove_did_service(who, did, service)
		}

		/// Hand control of `did`'s document to `controller`.
		///
		/// Origin: the DID's controller; `controller` must be a registered, unbanned
		/// participant. Emits `DidControllerChanged`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::Registry::weigh_parties(T::WeightInfo::change_did(), 1))]
		pub fn set_did_controller(
			origin: OriginFor<T>,
			did: T::AccountId,
			controller: T::AccountId,
		) -> DispatchResult {
			let (who, _) = Self::ensure_participant(origin)?;
			Self::do_set_did_controller(who, did, controller)
		}

		/// Deactivate `did` for good: its keys and services go, its deposit is released, and
		/// the DID cannot be created again.
		///
		/// Origin: the DID's controller. Emits `DidDeactivated`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::deactivate_did())]
		pub fn deactivate_did(origin: OriginFor<T>, did: T::AccountId) -> DispatchResult {
			let (who, _) = Self::ensure_participant(origin)?;
			Self::do_deactivate_did(who, did)
		}

		/// Register the schema `name` (version 1) of attestations about `subject`s, with
		/// `attributes` (name, type, required). Holds the deposit.
		///
		/// Origin: an attester. Emits `SchemaRegistered`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::register_schema(attributes.len() as u32))]
		pub fn register_schema(
			origin: OriginFor<T>,
			name: Vec<u8>,
			subject: SubjectKind,
			attributes: Vec<AttributeInput>,
		) -> DispatchResult {
			let owner = Self::ensure_attester(origin)?;
			Self::do_register_schema(owner, name, subject, attributes)
		}

		/// Register a new version of the schema `previous` (its latest) with `attributes`; the
		/// old version takes no new attestations.
		///
		/// Origin: the schema's owner, an attester. Emits `SchemaRegistered`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::register_schema(attributes.len() as u32))]
		pub fn new_schema_version(
			origin: OriginFor<T>,
			previous: SchemaId,
			attributes: Vec<AttributeInput>,
		) -> DispatchResult {
			let owner = Self::ensure_attester(origin)?;
			Self::do_new_schema_version(owner, previous, attributes)
		}

		/// Retire `schema`: no more attestations of it (those issued stay).
		///
		/// Origin: the schema's owner, an attester. Emits `SchemaDeprecated`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::deprecate_schema())]
		pub fn deprecate_schema(origin: OriginFor<T>, schema: SchemaId) -> DispatchResult {
			let owner = Self::ensure_attester(origin)?;
			Self::do_deprecate_schema(owner, schema)
		}

		/// Register the device `device` of `model` under the caller. Holds the deposit.
		///
		/// Origin: a registered, unbanned corporate participant. Emits `DeviceRegistered`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::register_device())]
		pub fn register_device(
			origin: OriginFor<T>,
			device: DeviceId,
			model: Vec<u8>,
		) -> DispatchResult {
			let (who, standing) = Self::ensure_participant(origin)?;
			Self::do_register_device(who, standing, device, model)
		}

		/// Attest that the claims whose hash is `claim_hash`, of `schema`, hold for `subject`
		/// until `expires_at`. About a participant: the caller is an attester, the holder has a
		/// DID with a key-agreement key (the claims go to it encrypted), and the attestation
		/// waits for the holder's acceptance. About a device: any participant, in force at
		/// once. The issuer's DID needs an assertion key. Holds the deposit from the issuer.
		///
		/// Origin: a registered, unbanned participant. Emits `Issued`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::Registry::weigh_parties(T::WeightInfo::issue(), 1))]
		pub fn issue(
			origin: OriginFor<T>,
			subject: SubjectOf<T>,
			schema: SchemaId,
			claim_hash: Digest,
			expires_at: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let (issuer, standing) = Self::ensure_participant(origin)?;
			Self::do_issue(issuer, standing, subject, schema, claim_hash, expires_at)
		}

		/// Accept the pending `attestation` about the caller: it is in force, and an amendment
		/// supersedes the attestation it amends. Its issuer must still be allowed to attest the
		/// caller, on a schema still in use.
		///
		/// Origin: its holder. Emits `Accepted` (and `Amended` for an amendment).
		#[pallet::call_index(13)]
		#[pallet::weight(T::Registry::weigh_parties(T::WeightInfo::accept(), 1))]
		pub fn accept(origin: OriginFor<T>, attestation: AttestationId) -> DispatchResult {
			let (holder, _) = Self::ensure_participant(origin)?;
			Self::do_accept(holder, attestation)
		}

		/// Decline the pending `attestation` about the caller: it is removed and its deposit
		/// released to the issuer.
		///
		/// Origin: its holder (signed: a way out stays open to the banned). Emits `Declined`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::respond())]
		pub fn decline(origin: OriginFor<T>, attestation: AttestationId) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_decline(holder, attestation)
		}

		/// Amend the `attestation` in force: a new version of its lineage with `claim_hash`
		/// and `expires_at`. About a participant it is pending until the holder accepts it,
		/// which supersedes the old one (in force until then); about a device it supersedes the
		/// old one at once.
		///
		/// Origin: its issuer, still allowed to attest the subject on a schema still in use.
		/// Emits `Issued` (and `Amended` for a device).
		#[pallet::call_index(15)]
		#[pallet::weight(T::Registry::weigh_parties(T::WeightInfo::amend(), 1))]
		pub fn amend(
			origin: OriginFor<T>,
			attestation: AttestationId,
			claim_hash: Digest,
			expires_at: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let (issuer, standing) = Self::ensure_participant(origin)?;
			Self::do_amend(issuer, standing, attestation, claim_hash, expires_at)
		}

		/// Renew the active `attestation` (lapsed or not) until `expires_at`, later than its
		/// expiry (`None`: no expiry).
		///
		/// Origin: its issuer, still allowed to attest the subject. Emits `Renewed`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::Registry::weigh_parties(T::WeightInfo::change_attestation(), 1))]
		pub fn renew(
			origin: OriginFor<T>,
			attestation: AttestationId,
			expires_at: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let (issuer, standing) = Self::ensure_participant(origin)?;
			Self::do_renew(issuer, standing, attestation, expires_at)
		}

		/// Revoke the pending or active `attestation` for `reason`.
		///
		/// Origin: its issuer. Emits `Revoked`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::change_attestation())]
		pub fn revoke(
			origin: OriginFor<T>,
			attestation: AttestationId,
			reason: RevocationReason,
		) -> DispatchResult {
			let (issuer, _) = Self::ensure_participant(origin)?;
			Self::do_revoke(issuer, attestation, reason)
		}

		/// Remove the revoked, superseded or expired `attestation`, its endorsements and its
		/// access requests and grants, releasing their deposits.
		///
		/// Origin: its issuer. Emits `Removed`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::remove(
			T::MaxEndorsements::get(),
			T::MaxAccesses::get().saturating_mul(2),
		))]
		pub fn remove(origin: OriginFor<T>, attestation: AttestationId) -> DispatchResult {
			let (issuer, _) = Self::ensure_participant(origin)?;
			Self::do_remove(issuer, attestation)
		}

		/// Record on chain that the caller presented its `attestation`, in force, to
		/// `verifier` in answer to `challenge`.
		///
		/// Origin: its holder. Emits `Presented`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::present())]
		pub fn present(
			origin: OriginFor<T>,
			attestation: AttestationId,
			verifier: T::AccountId,
			challenge: Digest,
		) -> DispatchResult {
			let (holder, _) = Self::ensure_participant(origin)?;
			Self::do_present(holder, attestation, verifier, challenge)
		}

		/// Co-sign the `attestation` in force (neither its issuer nor its holder; the caller's
		/// DID needs an assertion key). Holds the deposit.
		///
		/// Origin: a registered, unbanned participant. Emits `Endorsed`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::endorse())]
		pub fn endorse(origin: OriginFor<T>, attestation: AttestationId) -> DispatchResult {
			let (endorser, _) = Self::ensure_participant(origin)?;
			Self::do_endorse(endorser, attestation)
		}

		/// Remove `endorser`'s endorsement of `attestation`; its deposit is released.
		///
		/// Origin: the endorser, the attestation's holder or its issuer (signed).
		/// Emits `EndorsementRemoved`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::remove_endorsement())]
		pub fn remove_endorsement(
			origin: OriginFor<T>,
			attestation: AttestationId,
			endorser: T::AccountId,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_remove_endorsement(by, attestation, endorser)
		}

		/// Ask `issuer` for an attestation of `schema` about the caller, of the claims whose
		/// hash is `claim_hash` (sent to the issuer off chain), presenting the caller's
		/// attestations `presented` and certificates `certificates` (valid ones of
		/// `pallet-documents` it holds, by file hash); the request stays open `lifetime` blocks.
		/// Holds the deposit.
		///
		/// Origin: a participant whose DID has a key-agreement key. Emits `Requested`.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::request(presented.len() as u32, certificates.len() as u32))]
		pub fn request(
			origin: OriginFor<T>,
			issuer: T::AccountId,
			schema: SchemaId,
			claim_hash: Digest,
			presented: Vec<AttestationId>,
			certificates: Vec<Digest>,
			lifetime: BlockNumberFor<T>,
		) -> DispatchResult {
			let (holder, _) = Self::ensure_participant(origin)?;
			let presented = Presented { attestations: presented, certificates };
			Self::do_request(holder, issuer, schema, claim_hash, presented, lifetime)
		}

		/// Ask the holder of the open `request` to present attestations of `schemas` first.
		///
		/// Origin: the request's issuer. Emits `PreconditionsDemanded`.
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::answer_request(schemas.len() as u32))]
		pub fn demand_preconditions(
			origin: OriginFor<T>,
			request: RequestId,
			schemas: Vec<SchemaId>,
		) -> DispatchResult {
			let (issuer, _) = Self::ensure_participant(origin)?;
			Self::do_demand_preconditions(issuer, request, schemas)
		}

		/// Present `attestations`, covering every schema the issuer demanded, for `request`;
		/// it is open again.
		///
		/// Origin: the request's holder. Emits `PreconditionsSupplied`.
		#[pallet::call_index(24)]
		#[pallet::weight(T::WeightInfo::answer_request(attestations.len() as u32))]
		pub fn supply_preconditions(
			origin: OriginFor<T>,
			request: RequestId,
			attestations: Vec<AttestationId>,
		) -> DispatchResult {
			let (holder, _) = Self::ensure_participant(origin)?;
			Self::do_supply_preconditions(holder, request, attestations)
		}

		/// Offer the holder of the open `request` an attestation of the claims `claim_hash`
		/// until `expires_at`. Holds the attestation's deposit from the caller.
		///
		/// Origin: the request's issuer, an attester. Emits `Offered`.
		#[pallet::call_index(25)]
		#[pallet::weight(T::Registry::weigh_parties(T::WeightInfo::offer(), 1))]
		pub fn offer(
			origin: OriginFor<T>,
			request: RequestId,
			claim_hash: Digest,
			expires_at: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let (issuer, standing) = Self::ensure_participant(origin)?;
			Self::do_offer(issuer, standing, request, claim_hash, expires_at)
		}

		/// Accept the offer made for `request`: the attestation is issued, in force; the
		/// request ends.
		///
		/// Origin: the request's holder. Emits `Issued`.
		#[pallet::call_index(26)]
		#[pallet::weight(T::Registry::weigh_parties(T::WeightInfo::accept_offer(), 1))]
		pub fn accept_offer(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let (holder, _) = Self::ensure_participant(origin)?;
			Self::do_accept_offer(holder, request)
		}

		/// Deny `request` for `reason`; it ends and its deposits are released.
		///
		/// Origin: the request's issuer. Emits `Denied`.
		#[pallet::call_index(27)]
		#[pallet::weight(T::WeightInfo::close_request())]
		pub fn deny(
			origin: OriginFor<T>,
			request: RequestId,
			reason: DenialReason,
		) -> DispatchResult {
			let (issuer, _) = Self::ensure_participant(origin)?;
			Self::do_deny(issuer, request, reason)
		}

		/// Withdraw `request` (declining an offer, if one was made); its deposits are released.
		///
		/// Origin: the request's holder (signed). Emits `RequestClosed`.
		#[pallet::call_index(28)]
		#[pallet::weight(T::WeightInfo::close_request())]
		pub fn withdraw_request(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_withdraw_request(holder, request)
		}

		/// Close `request`, past its expiry; its deposits are released.
		///
		/// Origin: any signed account. Emits `RequestClosed`.
		#[pallet::call_index(29)]
		#[pallet::weight(T::WeightInfo::close_request())]
		pub fn close_expired_request(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_expired_request(request)
		}

		/// Ask the holder of `attestation` (in force, about a participant) for access to its
		/// claims; the request waits `lifetime` blocks. Holds the deposit.
		///
		/// Origin: a registered, unbanned participant whose DID has a key-agreement key (the
		/// claims are encrypted to it). Emits `AccessRequested`.
		#[pallet::call_index(30)]
		#[pallet::weight(T::WeightInfo::access())]
		pub fn request_access(
			origin: OriginFor<T>,
			attestation: AttestationId,
			lifetime: BlockNumberFor<T>,
		) -> DispatchResult {
			let (verifier, _) = Self::ensure_participant(origin)?;
			Self::do_request_access(verifier, attestation, lifetime)
		}

		/// Let `verifier` (whose DID has a key-agreement key) retrieve the claims of the caller's
		/// `attestation` (in force) for `lifetime` blocks: answers its request, or grants unasked
		/// (holding the deposit).
		///
		/// Origin: the holder. Emits `AccessGranted`.
		#[pallet::call_index(31)]
		#[pallet::weight(T::WeightInfo::access())]
		pub fn grant_access(
			origin: OriginFor<T>,
			attestation: AttestationId,
			verifier: T::AccountId,
			lifetime: BlockNumberFor<T>,
		) -> DispatchResult {
			let (holder, _) = Self::ensure_participant(origin)?;
			Self::do_grant_access(holder, attestation, verifier, lifetime)
		}

		/// End `verifier`'s access request or grant for `attestation`.
		///
		/// Origin: the attestation's holder or the verifier (signed). Emits `AccessEnded`.
		#[pallet::call_index(32)]
		#[pallet::weight(T::WeightInfo::access())]
		pub fn retract_access(
			origin: OriginFor<T>,
			attestation: AttestationId,
			verifier: T::AccountId,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_retract_access(by, attestation, verifier)
		}

		/// Clear `verifier`'s access request or grant for `attestation`, past its end.
		///
		/// Origin: any signed account. Emits `AccessEnded`.
		#[pallet::call_index(33)]
		#[pallet::weight(T::WeightInfo::access())]
		pub fn close_access(
			origin: OriginFor<T>,
			attestation: AttestationId,
			verifier: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_access(attestation, verifier)
		}

		/// End the `attestation` about the caller that is in force: revoked by its holder for
		/// `HolderRequest`.
		///
		/// Origin: its holder. Emits `Revoked`.
		#[pallet::call_index(34)]
		#[pallet::weight(T::WeightInfo::change_attestation())]
		pub fn renounce(origin: OriginFor<T>, attestation: AttestationId) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_renounce(holder, attestation)
		}
	}
}
