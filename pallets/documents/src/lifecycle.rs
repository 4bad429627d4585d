//! A document's life: creating it (its parties, required signers, original version, deposit and
//! indexes, a parent's supplement count and its parties' registry references), whether it is
//! still in force, and closing it past its validity end (releasing the references). Amendments and
//! terminations are proposed in `amendments.rs`, versions signed in `signing.rs`.

use crate::{
	pallet::*, ContentHash, Document, DocumentId, DocumentStatus, Version, VersionKind,
	VersionStatus,
};
use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use pactum_primitives::ParticipantRegistry;

/// Whether an item of `items` stands in it twice (lists of at most `MaxParties`).
pub(crate) fn has_duplicates<A: PartialEq>(items: &[A]) -> bool {
	items.iter().enumerate().any(|(i, a)| items.iter().skip(i.saturating_add(1)).any(|b| a == b))
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create(
		creator: T::AccountId,
		parent: Option<DocumentId>,
		hash: ContentHash,
		uri: Vec<u8>,
		parties: Vec<T::AccountId>,
		signers: Vec<T::AccountId>,
		valid_until: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		let parties: PartiesOf<T> = parties.try_into().map_err(|_| Error::<T>::TooManyParties)?;
		let signers: PartiesOf<T> = signers.try_into().map_err(|_| Error::<T>::TooManyParties)?;
		let uri: UriOf<T> = uri.try_into().map_err(|_| Error::<T>::UriTooLong)?;
		ensure!(!has_duplicates(&parties), Error::<T>::DuplicateParty);
		ensure!(parties.contains(&creator), Error::<T>::NotParty);
		ensure!(!signers.is_empty(), Error::<T>::NoSigners);
		ensure!(signers.iter().all(|s| parties.contains(s)), Error::<T>::SignerNotParty);
		ensure!(!has_duplicates(&signers), Error::<T>::DuplicateParty);
		for party in parties.iter() {
			T::Registry::ensure_active(party).map_err(|_| Error::<T>::PartyNotParticipant)?;
		}
		// The call is transactional: a refusal below releases these again.
		for party in parties.iter() {
			T::Registry::add_reference(party)?;
		}
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(valid_until.map_or(true, |end| end > now), Error::<T>::ExpiryInPast);
		let parent_doc = match parent {
			Some(parent) => {
				let doc = Documents::<T>::get(parent).ok_or(Error::<T>::UnknownParent)?;
				ensure!(doc.parties.contains(&creator), Error::<T>::NotParty);
				ensure!(doc.status != DocumentStatus::Terminated, Error::<T>::ParentTerminated);
				ensure!(doc.supplements < T::MaxSupplements::get(), Error::<T>::TooManySupplements);
				Some((parent, doc))
			}
			None => None,
		};
		let id = NextDocumentId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		let version = Version {
			kind: VersionKind::Original,
			hash,
			uri,
			reason: None,
			proposed_by: creator.clone(),
			proposed_at: now,
			status: VersionStatus::Open,
			signatures: BoundedVec::new(),
			deposit: Zero::zero(),
		};
		// The document and its original version at their largest (every signature), plus one
		// index entry per party, the hash index and the parent's supplement index.
		let index_items = (parties.len() as u32).saturating_add(2);
		let deposit = Self::deposit_for(
			index_items.saturating_add(2),
			DocumentOf::<T>::max_encoded_len().saturating_add(VersionOf::<T>::max_encoded_len()),
		);
		Self::hold(&creator, deposit)?;

		for party in parties.iter() {
			PartyDocuments::<T>::insert(party, id, ());
		}
		ByHash::<T>::insert(hash.digest, (id, 0), ());
		if let Some((parent, mut doc)) = parent_doc {
			doc.supplements = doc.supplements.saturating_add(1);
			Documents::<T>::insert(parent, doc);
			Supplements::<T>::insert(parent, id, ());
		}
		Versions::<T>::insert(id, 0, version);
		Documents::<T>::insert(
			id,
			Document {
				creator: creator.clone(),
				parent,
				parties,
				signers,
				valid_until,
				status: DocumentStatus::Pending,
				versions: 1,
				open_version: Some(0),
				active_version: None,
				supplements: 0,
				created_at: now,
				deposit,
			},
		);
		NextDocumentId::<T>::put(next);
		Self::deposit_event(Event::Created { document: id, creator, parent, hash, deposit });
		Ok(())
	}

	pub(crate) fn do_close_expired(document: DocumentId) -> DispatchResult {
		let mut doc = Documents::<T>::get(document).ok_or(Error::<T>::UnknownDocument)?;
		ensure!(Self::is_live(&doc), Error::<T>::AlreadyClosed);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(doc.valid_until.is_some_and(|end| now >= end), Error::<T>::NotExpired);
		doc.status = DocumentStatus::Expired;
		Self::release_parties(&doc);
		Documents::<T>::insert(document, doc);
		Self::deposit_event(Event::Closed { document });
		Ok(())
	}

	/// Whether `doc` still holds its parties' registry references: neither terminated nor
	/// closed.
	pub(crate) fn is_live(doc: &DocumentOf<T>) -> bool {
		matches!(doc.status, DocumentStatus::Pending | DocumentStatus::Active)
	}

	/// Releases the registry reference `doc` holds on each of its parties (on the account a
	/// recovery moved a party to, if the document still names the lost one).
	pub(crate) fn release_parties(doc: &DocumentOf<T>) {
		for party in doc.parties.iter() {
			T::Registry::remove_reference(&T::Registry::current_account(party));
		}
	}

	/// `Ok` if `doc` is neither terminated nor past its validity end at `now`; otherwise the
	/// status it has.
	pub(crate) fn ensure_in_force(
		doc: &DocumentOf<T>,
		now: BlockNumberFor<T>,
	) -> Result<(), DocumentStatus> {
		if doc.status == DocumentStatus::Terminated {
			return Err(DocumentStatus::Terminated);
		}
		if doc.status == DocumentStatus::Expired {
			return Err(DocumentStatus::Expired);
		}
		if doc.valid_until.is_some_and(|end| now >= end) {
			return Err(DocumentStatus::Expired);
		}
		Ok(())
	}
}
