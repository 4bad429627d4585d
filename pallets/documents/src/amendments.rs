//! Amendments and terminations: a party of an `Active` document proposes a new text or its end,
//! as a new version that every required signer signs again; it supersedes a version still
//! waiting for signatures.

use crate::{
	pallet::*, ContentHash, DocumentId, DocumentStatus, Version, VersionIndex, VersionKind,
	VersionStatus,
};
use alloc::vec::Vec;
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_propose_amendment(
		proposer: T::AccountId,
		document: DocumentId,
		hash: ContentHash,
		uri: Vec<u8>,
		reason: T::Hash,
	) -> DispatchResult {
		let uri: UriOf<T> = uri.try_into().map_err(|_| Error::<T>::UriTooLong)?;
		let version = Self::propose_version(
			&proposer,
			document,
			VersionKind::Amendment,
			Some((hash, uri)),
			reason,
		)?;
		Self::deposit_event(Event::AmendmentProposed { document, version, proposer, hash, reason });
		Ok(())
	}

	pub(crate) fn do_propose_termination(
		proposer: T::AccountId,
		document: DocumentId,
		reason: T::Hash,
	) -> DispatchResult {
		let version =
			Self::propose_version(&proposer, document, VersionKind::Termination, None, reason)?;
		Self::deposit_event(Event::TerminationProposed { document, version, proposer, reason });
		Ok(())
	}

	/// Adds an amendment (with its new hash and URI) or a termination (keeping the text in
	/// force) to an active document; it supersedes a version still waiting for signatures.
	pub(crate) fn propose_version(
		proposer: &T::AccountId,
		document: DocumentId,
		kind: VersionKind,
		text: Option<(ContentHash, UriOf<T>)>,
		reason: T::Hash,
	) -> Result<VersionIndex, DispatchError> {
		let mut doc = Documents::<T>::get(document).ok_or(Error::<T>::UnknownDocument)?;
		ensure!(doc.parties.contains(proposer), Error::<T>::NotParty);
		let now = frame_system::Pallet::<T>::block_number();
		Self::ensure_in_force(&doc, now).map_err(|status| match status {
			DocumentStatus::Terminated => Error::<T>::Terminated,
			_ => Error::<T>::Expired,
		})?;
		ensure!(doc.status == DocumentStatus::Active, Error::<T>::NotActive);
		// The last version is kept for a termination: no party can use every version up with
		// amendments and so block the contract's end.
		let room = match kind {
			VersionKind::Termination => T::MaxVersions::get(),
			_ => T::MaxVersions::get().saturating_sub(1),
		};
		ensure!(doc.versions < room, Error::<T>::TooManyVersions);
		let (hash, uri) = match text {
			Some(text) => text,
			None => {
				let active = doc.active_version.ok_or(Error::<T>::NotActive)?;
				let in_force = Versions::<T>::get(document, active).ok_or(Error::<T>::NotActive)?;
				(in_force.hash, in_force.uri)
			}
		};
		let index = doc.versions;
		let deposit = Self::deposit_for(2, VersionOf::<T>::max_encoded_len());
		Self::hold(proposer, deposit)?;
		if let Some(open) = doc.open_version {
			Versions::<T>::mutate(document, open, |v| {
				if let Some(v) = v {
					v.status = VersionStatus::Superseded { at: now };
				}
			});
			Self::deposit_event(Event::Superseded { document, version: open });
		}
		if kind == VersionKind::Amendment {
			ByHash::<T>::insert(hash.digest, (document, index), ());
		}
		Versions::<T>::insert(
			document,
			index,
			Version {
				kind,
				hash,
				uri,
				reason: Some(reason),
				proposed_by: proposer.clone(),
				proposed_at: now,
				status: VersionStatus::Open,
				signatures: BoundedVec::new(),
				deposit,
			},
		);
		doc.versions = index.saturating_add(1);
		doc.open_version = Some(index);
		Documents::<T>::insert(document, doc);
		Ok(index)
	}
}
