//! Requests for attestations, the message flow between a holder and an issuer: the holder asks
//! (presenting attestations it holds), the issuer demands preconditions, offers or denies, the
//! holder supplies what was demanded, accepts the offer (which issues the attestation) or
//! withdraws; past its expiry anyone may close a request. Deposits: the holder's for the request,
//! the issuer's for the attestation from its offer on.

use crate::*;
use alloc::vec::Vec;
use codec::MaxEncodedLen;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use pactum_primitives::{CertificateState, DocumentRecords, ParticipantRegistry, Standing};
use sp_runtime::traits::{Saturating, Zero};

/// What a holder presents with a request: attestations it holds and certificates of
/// `pallet-documents` it holds (by file hash).
pub struct Presented {
	pub attestations: Vec<AttestationId>,
	pub certificates: Vec<Digest>,
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_request(
		holder: T::AccountId,
		issuer: T::AccountId,
		schema: SchemaId,
		claim_hash: Digest,
		presented: Presented,
		lifetime: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(holder != issuer, Error::<T>::SelfAttestation);
		ensure!(
			!lifetime.is_zero() && lifetime <= T::MaxRequestLifetime::get(),
			Error::<T>::BadLifetime
		);
		Self::ensure_receives(&holder)?;
		Self::ensure_issuable(schema, SubjectKind::Account)?;
		let certificates = Self::valid_certificates(&holder, presented.certificates)?;
		let (presented, _) = Self::presentable(&holder, presented.attestations)?;
		let id = NextRequestId::<T>::get();
		NextRequestId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let deposit = Self::deposit_for(1, RequestOf::<T>::max_encoded_len());
		Self::hold(&holder, deposit)?;
		let now = frame_system::Pallet::<T>::block_number();
		let expires_at = now.saturating_add(lifetime);
		Requests::<T>::insert(
			id,
			Request {
				holder: holder.clone(),
				issuer: issuer.clone(),
				schema,
				claim_hash,
				presented,
				certificates,
				state: RequestState::Open,
				created_at: now,
				expires_at,
				deposit,
				offer_deposit: Zero::zero(),
			},
		);
		Self::deposit_event(Event::Requested { request: id, holder, issuer, schema, expires_at });
		Ok(())
	}

	pub(crate) fn do_demand_preconditions(
		issuer: T::AccountId,
		id: RequestId,
		schemas: Vec<SchemaId>,
	) -> DispatchResult {
		let mut request = Self::request_to(&issuer, id)?;
		ensure!(request.state == RequestState::Open, Error::<T>::WrongRequestState);
		let schemas: SchemaIdsOf<T> =
			schemas.try_into().map_err(|_| Error::<T>::TooManyPreconditions)?;
		ensure!(!schemas.is_empty(), Error::<T>::NoPreconditions);
		for (index, schema) in schemas.iter().enumerate() {
			let kind = Schemas::<T>::get(schema).ok_or(Error::<T>::UnknownSchema)?.subject;
			ensure!(kind == SubjectKind::Account, Error::<T>::WrongSubjectKind);
			ensure!(!schemas[..index].contains(schema), Error::<T>::DuplicatePrecondition);
		}
		request.state = RequestState::PreconditionsDemanded { schemas: schemas.clone() };
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::PreconditionsDemanded { request: id, schemas });
		Ok(())
	}

	pub(crate) fn do_supply_preconditions(
		holder: T::AccountId,
		id: RequestId,
		attestations: Vec<AttestationId>,
	) -> DispatchResult {
		let mut request = Self::request_of(&holder, id)?;
		let RequestState::PreconditionsDemanded { schemas } = &request.state else {
			return Err(Error::<T>::WrongRequestState.into());
		};
		let (presented, held) = Self::presentable(&holder, attestations)?;
		ensure!(schemas.iter().all(|s| held.contains(s)), Error::<T>::PreconditionsUnmet);
		request.presented = presented.clone();
		request.state = RequestState::Open;
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::PreconditionsSupplied { request: id, attestations: presented });
		Ok(())
	}

	pub(crate) fn do_offer(
		issuer: T::AccountId,
		standing: Standing,
		id: RequestId,
		claim_hash: Digest,
		expires_at: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		let mut request = Self::request_to(&issuer, id)?;
		ensure!(request.state == RequestState::Open, Error::<T>::WrongRequestState);
		let holder = T::Registry::current_account(&request.holder);
		Self::ensure_may_attest(&issuer, &standing, &Subject::Account(holder.clone()))?;
		Self::ensure_issuable(request.schema, SubjectKind::Account)?;
		Self::ensure_future(expires_at)?;
		// What was presented may have been revoked or lapsed since the request.
		Self::presentable(&holder, request.presented.to_vec())?;
		Self::valid_certificates(&holder, request.certificates.to_vec())?;
		let deposit = Self::attestation_deposit();
		Self::hold(&issuer, deposit)?;
		request.offer_deposit = deposit;
		request.state = RequestState::Offered { claim_hash, expires_at };
		Requests::<T>::insert(id, request);
		Self::deposit_event(Event::Offered { request: id, claim_hash, expires_at });
		Ok(())
	}

	/// The holder accepts the offer: the attestation is issued, in force (its holder agreed).
	pub(crate) fn do_accept_offer(holder: T::AccountId, id: RequestId) -> DispatchResult {
		let request = Self::request_of(&holder, id)?;
		let RequestState::Offered { claim_hash, expires_at } = request.state else {
			return Err(Error::<T>::WrongRequestState.into());
		};
		Self::ensure_future(expires_at)?;
		// The issuer may have lost what it needed since the offer (its role, its DID, or the
		// schema was retired), or been recovered to another account: the issue checks again.
		let issuer = T::Registry::current_account(&request.issuer);
		let standing = T::Registry::ensure_active(&issuer).map_err(|_| Error::<T>::NotAttester)?;
		let subject = Subject::Account(holder);
		Self::ensure_may_attest(&issuer, &standing, &subject)?;
		Self::ensure_issuable(request.schema, SubjectKind::Account)?;
		// The offer's deposit becomes the attestation's.
		Self::release(&request.issuer, request.offer_deposit);
		Self::release(&request.holder, request.deposit);
		Requests::<T>::remove(id);
		Self::insert_attestation(
			issuer,
			subject,
			request.schema,
			claim_hash,
			expires_at,
			AttestationStatus::Active,
			None,
		)?;
		Ok(())
	}

	pub(crate) fn do_deny(
		issuer: T::AccountId,
		id: RequestId,
		reason: DenialReason,
	) -> DispatchResult {
		let request = Self::request_to(&issuer, id)?;
		Self::close(id, request);
		Self::deposit_event(Event::Denied { request: id, reason });
		Ok(())
	}

	pub(crate) fn do_withdraw_request(holder: T::AccountId, id: RequestId) -> DispatchResult {
		let request = Self::request_of(&holder, id)?;
		Self::close(id, request);
		Self::deposit_event(Event::RequestClosed { request: id, expired: false });
		Ok(())
	}

	pub(crate) fn do_close_expired_request(id: RequestId) -> DispatchResult {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= request.expires_at, Error::<T>::RequestNotExpired);
		Self::close(id, request);
		Self::deposit_event(Event::RequestClosed { request: id, expired: true });
		Ok(())
	}

	/// Ends a request: removed, both deposits released.
	fn close(id: RequestId, request: RequestOf<T>) {
		Requests::<T>::remove(id);
		Self::release(&request.holder, request.deposit);
		Self::release(&request.issuer, request.offer_deposit);
	}

	/// The live request `id` if `issuer` is asked.
	fn request_to(issuer: &T::AccountId, id: RequestId) -> Result<RequestOf<T>, Error<T>> {
		let request = Self::live_request(id)?;
		ensure!(Self::acts_for(issuer, &request.issuer), Error::<T>::NotRequestIssuer);
		Ok(request)
	}

	/// The live request `id` if `holder` made it.
	fn request_of(holder: &T::AccountId, id: RequestId) -> Result<RequestOf<T>, Error<T>> {
		let request = Self::live_request(id)?;
		ensure!(Self::acts_for(holder, &request.holder), Error::<T>::NotRequester);
		Ok(request)
	}

	fn live_request(id: RequestId) -> Result<RequestOf<T>, Error<T>> {
		let request = Requests::<T>::get(id).ok_or(Error::<T>::UnknownRequest)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < request.expires_at, Error::<T>::RequestExpired);
		Ok(request)
	}

	/// `certificates`, bounded, each `holder`'s and valid now.
	fn valid_certificates(
		holder: &T::AccountId,
		certificates: Vec<Digest>,
	) -> Result<CertificatesOf<T>, Error<T>> {
		let bounded: CertificatesOf<T> =
			certificates.try_into().map_err(|_| Error::<T>::TooManyPreconditions)?;
		for hash in bounded.iter() {
			let valid = T::Certificates::certificate(hash).is_some_and(|c| {
				c.state == CertificateState::Valid && Self::acts_for(holder, &c.holder)
			});
			ensure!(valid, Error::<T>::BadCertificate);
		}
		Ok(bounded)
	}

	/// `attestations`, bounded, each `holder`'s and in force, with the schema of each.
	fn presentable(
		holder: &T::AccountId,
		attestations: Vec<AttestationId>,
	) -> Result<(AttestationIdsOf<T>, Vec<SchemaId>), Error<T>> {
		let bounded: AttestationIdsOf<T> =
			attestations.try_into().map_err(|_| Error::<T>::TooManyPreconditions)?;
		let mut schemas = Vec::with_capacity(bounded.len());
		for id in bounded.iter() {
			let held = Self::held_by(holder, *id).map_err(|_| Error::<T>::BadPrecondition)?;
			ensure!(Self::in_force(&held), Error::<T>::BadPrecondition);
			schemas.push(held.schema);
		}
		Ok((bounded, schemas))
	}
}
