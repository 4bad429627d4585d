//! Attestations from issue to removal: issued (about a participant, pending until the holder
//! accepts; about a device, in force at once), amended (a new version of the lineage, the old
//! superseded), renewed (a later expiry), revoked with a reason, presented by the holder, and
//! removed by the issuer once no longer in force.

use crate::*;
use codec::MaxEncodedLen;
use frame_support::{ensure, pallet_prelude::DispatchResult};
use frame_system::pallet_prelude::BlockNumberFor;
use pactum_primitives::{ParticipantRegistry, Standing};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_issue(
		issuer: T::AccountId,
		standing: Standing,
		subject: SubjectOf<T>,
		schema: SchemaId,
		claim_hash: Digest,
		expires_at: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		Self::ensure_may_attest(&issuer, &standing, &subject)?;
		Self::ensure_issuable(schema, subject.kind())?;
		Self::ensure_future(expires_at)?;
		let pending = subject.holder().is_some();
		let status = if pending { AttestationStatus::Pending } else { AttestationStatus::Active };
		Self::insert_attestation(issuer, subject, schema, claim_hash, expires_at, status, None)?;
		Ok(())
	}

	/// The holder accepts a pending attestation: it is in force; an amendment supersedes the
	/// attestation it amends. The issuer is checked again, as at issue (it may have lost its
	/// role or its DID since, or the schema was retired).
	pub(crate) fn do_accept(holder: T::AccountId, id: AttestationId) -> DispatchResult {
		let mut attestation = Self::held_by(&holder, id)?;
		ensure!(attestation.status == AttestationStatus::Pending, Error::<T>::NotPending);
		Self::ensure_future(attestation.expires_at)?;
		let issuer = T::Registry::current_account(&attestation.issuer);
		let standing = T::Registry::ensure_active(&issuer).map_err(|_| Error::<T>::NotAttester)?;
		Self::ensure_may_attest(&issuer, &standing, &Subject::Account(holder))?;
		Self::ensure_issuable(attestation.schema, SubjectKind::Account)?;
		if let Some(previous) = attestation.previous {
			Self::supersede(previous, id)?;
		}
		attestation.status = AttestationStatus::Active;
		Attestations::<T>::insert(id, attestation);
		Self::deposit_event(Event::Accepted { attestation: id });
		Ok(())
	}

	/// The holder ends an attestation about itself that is in force: revoked, by the holder,
	/// for `HolderRequest`.
	pub(crate) fn do_renounce(holder: T::AccountId, id: AttestationId) -> DispatchResult {
		let mut attestation = Self::held_by(&holder, id)?;
		ensure!(attestation.status == AttestationStatus::Active, Error::<T>::NotActive);
		let at = frame_system::Pallet::<T>::block_number();
		let reason = RevocationReason::HolderRequest;
		attestation.status = AttestationStatus::Revoked { at, by: holder.clone(), reason };
		Attestations::<T>::insert(id, attestation);
		Self::deposit_event(Event::Revoked { attestation: id, by: holder, reason });
		Ok(())
	}

	pub(crate) fn do_decline(holder: T::AccountId, id: AttestationId) -> DispatchResult {
		let attestation = Self::held_by(&holder, id)?;
		ensure!(attestation.status == AttestationStatus::Pending, Error::<T>::NotPending);
		Self::remove_attestation(id, attestation);
		Self::deposit_event(Event::Declined { attestation: id });
		Ok(())
	}

	pub(crate) fn do_amend(
		issuer: T::AccountId,
		standing: Standing,
		id: AttestationId,
		claim_hash: Digest,
		expires_at: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		let old = Self::issued_by(&issuer, id)?;
		ensure!(Self::in_force(&old), Error::<T>::NotActive);
		Self::ensure_may_attest(&issuer, &standing, &old.subject)?;
		Self::ensure_issuable(old.schema, old.subject.kind())?;
		Self::ensure_future(expires_at)?;
		let version = old.version.checked_add(1).ok_or(Error::<T>::Overflow)?;
		// A holder accepts the new claims first; a device's amendment is in force at once.
		let pending = old.subject.holder().is_some();
		let status = if pending { AttestationStatus::Pending } else { AttestationStatus::Active };
		let new = Self::insert_attestation(
			issuer,
			old.subject,
			old.schema,
			claim_hash,
			expires_at,
			status,
			Some((id, old.lineage, version)),
		)?;
		if !pending {
			Self::supersede(id, new)?;
		}
		Ok(())
	}

	/// `previous`, still active, is superseded by its amendment `by`.
	fn supersede(previous: AttestationId, by: AttestationId) -> DispatchResult {
		let mut old = Attestations::<T>::get(previous).ok_or(Error::<T>::AmendedNotActive)?;
		ensure!(old.status == AttestationStatus::Active, Error::<T>::AmendedNotActive);
		let at = frame_system::Pallet::<T>::block_number();
		old.status = AttestationStatus::Superseded { at, by };
		Attestations::<T>::insert(previous, old);
		Self::deposit_event(Event::Amended { previous, attestation: by });
		Ok(())
	}

	pub(crate) fn do_renew(
		issuer: T::AccountId,
		standing: Standing,
		id: AttestationId,
		expires_at: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		let mut attestation = Self::issued_by(&issuer, id)?;
		// A lapsed attestation may be renewed: expiry is not a status.
		ensure!(attestation.status == AttestationStatus::Active, Error::<T>::NotActive);
		Self::ensure_may_attest(&issuer, &standing, &attestation.subject)?;
		Self::ensure_future(expires_at)?;
		let later = match (attestation.expires_at, expires_at) {
			(Some(old), Some(new)) => new > old,
			(Some(_), None) => true,
			(None, _) => false,
		};
		ensure!(later, Error::<T>::ExpiryNotLater);
		attestation.expires_at = expires_at;
		attestation.renewals = attestation.renewals.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Attestations::<T>::insert(id, attestation);
		Self::deposit_event(Event::Renewed { attestation: id, expires_at });
		Ok(())
	}

	pub(crate) fn do_revoke(
		issuer: T::AccountId,
		id: AttestationId,
		reason: RevocationReason,
	) -> DispatchResult {
		let mut attestation = Self::issued_by(&issuer, id)?;
		ensure!(
			matches!(attestation.status, AttestationStatus::Pending | AttestationStatus::Active),
			Error::<T>::NotActive
		);
		let at = frame_system::Pallet::<T>::block_number();
		attestation.status = AttestationStatus::Revoked { at, by: issuer.clone(), reason };
		Attestations::<T>::insert(id, attestation);
		Self::deposit_event(Event::Revoked { attestation: id, by: issuer, reason });
		Ok(())
	}

	pub(crate) fn do_remove(issuer: T::AccountId, id: AttestationId) -> DispatchResult {
		let attestation = Self::issued_by(&issuer, id)?;
		let ended = match attestation.status {
			AttestationStatus::Revoked { .. } | AttestationStatus::Superseded { .. } => true,
			AttestationStatus::Active => !Self::in_force(&attestation),
			AttestationStatus::Pending => false,
		};
		ensure!(ended, Error::<T>::StillInForce);
		Self::remove_endorsements(id);
		Self::remove_accesses(id);
		Self::remove_attestation(id, attestation);
		Self::deposit_event(Event::Removed { attestation: id });
		Ok(())
	}

	pub(crate) fn do_present(
		holder: T::AccountId,
		id: AttestationId,
		verifier: T::AccountId,
		challenge: Digest,
	) -> DispatchResult {
		let attestation = Self::held_by(&holder, id)?;
		ensure!(Self::in_force(&attestation), Error::<T>::NotActive);
		Self::deposit_event(Event::Presented { attestation: id, holder, verifier, challenge });
		Ok(())
	}

	/// Whether `attestation` is in force now: active and not past its expiry.
	pub fn in_force(attestation: &AttestationOf<T>) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		attestation.status == AttestationStatus::Active
			&& attestation.expires_at.map_or(true, |end| end > now)
	}

	/// `issuer` may attest `subject`: a participant needs an attester with an assertion key
	/// (not itself) and a holder that can receive claims; a device, a registered device and any
	/// participant with an assertion key.
	pub(crate) fn ensure_may_attest(
		issuer: &T::AccountId,
		standing: &Standing,
		subject: &SubjectOf<T>,
	) -> Result<(), Error<T>> {
		match subject {
			Subject::Account(holder) => {
				ensure!(
					standing.roles.contains(crate::roles::Attester::ROLE),
					Error::<T>::NotAttester
				);
				ensure!(holder != issuer, Error::<T>::SelfAttestation);
				ensure!(T::Registry::standing(holder).is_some(), Error::<T>::HolderNotParticipant);
				Self::ensure_receives(holder)?;
			},
			Subject::Device(device) => {
				ensure!(Devices::<T>::contains_key(device), Error::<T>::UnknownDevice);
			},
		}
		Self::ensure_asserts(issuer)
	}

	/// `expires_at`, if any, is after the current block.
	pub(crate) fn ensure_future(expires_at: Option<BlockNumberFor<T>>) -> Result<(), Error<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(expires_at.map_or(true, |end| end > now), Error::<T>::ExpiryInPast);
		Ok(())
	}

	/// The attestation `id` if `issuer` issued it.
	fn issued_by(issuer: &T::AccountId, id: AttestationId) -> Result<AttestationOf<T>, Error<T>> {
		let attestation = Attestations::<T>::get(id).ok_or(Error::<T>::UnknownAttestation)?;
		ensure!(Self::acts_for(issuer, &attestation.issuer), Error::<T>::NotIssuer);
		Ok(attestation)
	}

	/// The attestation `id` if it is about the participant `holder`.
	pub(crate) fn held_by(
		holder: &T::AccountId,
		id: AttestationId,
	) -> Result<AttestationOf<T>, Error<T>> {
		let attestation = Attestations::<T>::get(id).ok_or(Error::<T>::UnknownAttestation)?;
		let held = attestation.subject.holder().is_some_and(|h| Self::acts_for(holder, h));
		ensure!(held, Error::<T>::NotHolder);
		Ok(attestation)
	}

	/// The deposit of an attestation: its record and its three index entries.
	pub(crate) fn attestation_deposit() -> BalanceOf<T> {
		Self::deposit_for(4, AttestationOf::<T>::max_encoded_len())
	}

	/// Stores a new attestation and its index entries, its deposit held from the issuer unless
	/// `held` (an offer's, held already); `amends` is the attestation it amends, with the
	/// lineage and version. Emits `Issued`; yields the new id.
	pub(crate) fn insert_attestation(
		issuer: T::AccountId,
		subject: SubjectOf<T>,
		schema: SchemaId,
		claim_hash: Digest,
		expires_at: Option<BlockNumberFor<T>>,
		status: AttestationStatus<T::AccountId, BlockNumberFor<T>>,
		amends: Option<(AttestationId, AttestationId, u16)>,
	) -> Result<AttestationId, sp_runtime::DispatchError> {
		let id = NextAttestationId::<T>::get();
		NextAttestationId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let deposit = Self::attestation_deposit();
		Self::hold(&issuer, deposit)?;
		let (previous, lineage, version) = match amends {
			Some((previous, lineage, version)) => (Some(previous), lineage, version),
			None => (None, id, 1),
		};
		let pending = status == AttestationStatus::Pending;
		BySubject::<T>::insert(&subject, id, ());
		ByIssuer::<T>::insert(&issuer, id, ());
		BySchema::<T>::insert(schema, id, ());
		Attestations::<T>::insert(
			id,
			Attestation {
				schema,
				issuer: issuer.clone(),
				subject: subject.clone(),
				claim_hash,
				issued_at: frame_system::Pallet::<T>::block_number(),
				expires_at,
				status,
				lineage,
				version,
				previous,
				renewals: 0,
				endorsements: 0,
				access_requests: 0,
				access_grants: 0,
				deposit,
			},
		);
		Self::deposit_event(Event::Issued {
			attestation: id,
			schema,
			issuer,
			subject,
			claim_hash,
			expires_at,
			pending,
		});
		Ok(id)
	}

	/// Removes an attestation and its index entries; releases its deposit.
	fn remove_attestation(id: AttestationId, attestation: AttestationOf<T>) {
		BySubject::<T>::remove(&attestation.subject, id);
		ByIssuer::<T>::remove(&attestation.issuer, id);
		BySchema::<T>::remove(attestation.schema, id);
		Attestations::<T>::remove(id);
		Self::release(&attestation.issuer, attestation.deposit);
	}
}
