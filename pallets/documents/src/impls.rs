//! Creating documents, proposing versions, access grants, deposits, and the pallet's invariants.

use crate::*;
use alloc::vec::Vec;
use codec::MaxEncodedLen;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult},
	traits::{fungible::MutateHold, tokens::Precision, Get},
	BoundedVec,
};
use frame_system::{ensure_signed, pallet_prelude::*};
use pactum_primitives::ParticipantRegistry;
use sp_runtime::traits::{Saturating, Zero};

/// Whether an item of `items` stands in it twice (lists of at most `MaxParties`).
fn has_duplicates<A: PartialEq>(items: &[A]) -> bool {
	items.iter().enumerate().any(|(i, a)| items.iter().skip(i.saturating_add(1)).any(|b| a == b))
}

impl<T: Config> Pallet<T> {
	/// A signed origin whose account is a registered, unbanned participant; yields the account.
	pub(crate) fn ensure_participant(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		let who = ensure_signed(origin)?;
		T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
		Ok(who)
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
		if doc.valid_until.is_some_and(|end| now >= end) {
			return Err(DocumentStatus::Expired);
		}
		Ok(())
	}

	/// The deposit for `items` storage items of `bytes` bytes in all.
	pub(crate) fn deposit_for(items: u32, bytes: usize) -> BalanceOf<T> {
		let bytes = u32::try_from(bytes).unwrap_or(u32::MAX);
		T::DepositPerItem::get()
			.saturating_mul(items.into())
			.saturating_add(T::DepositPerByte::get().saturating_mul(bytes.into()))
	}

	pub(crate) fn hold(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&HoldReason::Records.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

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
		ensure!(doc.versions < T::MaxVersions::get(), Error::<T>::TooManyVersions);
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

	pub(crate) fn do_grant_access(
		by: T::AccountId,
		document: DocumentId,
		viewer: T::AccountId,
		expires_at: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		let doc = Documents::<T>::get(document).ok_or(Error::<T>::UnknownDocument)?;
		ensure!(doc.parties.contains(&by), Error::<T>::NotParty);
		ensure!(!doc.parties.contains(&viewer), Error::<T>::ViewerIsParty);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(expires_at.map_or(true, |end| end > now), Error::<T>::ExpiryInPast);
		ensure!(!AccessGrants::<T>::contains_key(document, &viewer), Error::<T>::AlreadyGranted);
		let deposit = Self::deposit_for(1, AccessGrantOf::<T>::max_encoded_len());
		Self::hold(&by, deposit)?;
		AccessGrants::<T>::insert(
			document,
			&viewer,
			AccessGrant { granted_by: by.clone(), granted_at: now, expires_at, deposit },
		);
		Self::deposit_event(Event::AccessGranted { document, viewer, by, expires_at });
		Ok(())
	}

	pub(crate) fn do_revoke_access(
		by: T::AccountId,
		document: DocumentId,
		viewer: T::AccountId,
	) -> DispatchResult {
		let doc = Documents::<T>::get(document).ok_or(Error::<T>::UnknownDocument)?;
		ensure!(doc.parties.contains(&by), Error::<T>::NotParty);
		let grant = AccessGrants::<T>::take(document, &viewer).ok_or(Error::<T>::NoAccessGrant)?;
		T::Currency::release(
			&HoldReason::Records.into(),
			&grant.granted_by,
			grant.deposit,
			Precision::BestEffort,
		)?;
		Self::deposit_event(Event::AccessRevoked { document, viewer, by });
		Ok(())
	}

	/// Whether `who` may fetch `document`'s file now: a party, or a viewer whose grant has not
	/// expired.
	pub fn can_access(document: DocumentId, who: &T::AccountId) -> bool {
		let Some(doc) = Documents::<T>::get(document) else { return false };
		if doc.parties.contains(who) {
			return true;
		}
		let now = frame_system::Pallet::<T>::block_number();
		AccessGrants::<T>::get(document, who)
			.is_some_and(|grant| grant.expires_at.map_or(true, |end| now < end))
	}

	/// The pallet's invariants: every index agrees with the records, signatures come from
	/// distinct required signers, and the deposits held equal the deposits recorded. Run by
	/// `try-runtime` and by the tests.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut add = |who: &T::AccountId, amount: BalanceOf<T>| {
			let sum = deposits.entry(who.clone()).or_insert_with(Zero::zero);
			*sum = sum.saturating_add(amount);
		};
		let next = NextDocumentId::<T>::get();
		let mut party_entries = 0usize;
		let mut supplement_entries = 0usize;
		let mut hash_entries = 0usize;
		for (id, doc) in Documents::<T>::iter() {
			ensure!(id < next, "document id not below NextDocumentId");
			add(&doc.creator, doc.deposit);
			for party in doc.parties.iter() {
				ensure!(
					PartyDocuments::<T>::contains_key(party, id),
					"party not indexed to its document"
				);
			}
			party_entries = party_entries.saturating_add(doc.parties.len());
			ensure!(doc.signers.iter().all(|s| doc.parties.contains(s)), "signer not a party");
			if let Some(parent) = doc.parent {
				ensure!(Supplements::<T>::contains_key(parent, id), "supplement not indexed");
				supplement_entries = supplement_entries.saturating_add(1);
			}
			let indexed = Supplements::<T>::iter_prefix(id).count();
			ensure!(indexed == doc.supplements as usize, "supplement count differs from index");
			let mut versions = 0u32;
			let mut open = None;
			for (index, version) in Versions::<T>::iter_prefix(id) {
				versions = versions.saturating_add(1);
				ensure!(index < doc.versions, "version index out of range");
				add(&version.proposed_by, version.deposit);
				if version.kind != VersionKind::Termination {
					ensure!(
						ByHash::<T>::contains_key(version.hash.digest, (id, index)),
						"version hash not indexed"
					);
					hash_entries = hash_entries.saturating_add(1);
				}
				let signed: Vec<_> = version.signatures.iter().map(|s| &s.signer).collect();
				ensure!(
					signed.iter().all(|s| doc.signers.contains(s)),
					"signature of a non-signer"
				);
				ensure!(!has_duplicates(&signed), "two signatures of one signer");
				if version.status == VersionStatus::Open {
					ensure!(open.is_none(), "two open versions");
					open = Some(index);
				}
			}
			ensure!(versions == doc.versions, "version count differs from records");
			ensure!(open == doc.open_version, "open version differs from records");
		}
		ensure!(
			PartyDocuments::<T>::iter().count() == party_entries,
			"party index has entries of no document"
		);
		ensure!(
			Supplements::<T>::iter().count() == supplement_entries,
			"supplement index has entries of no document"
		);
		ensure!(ByHash::<T>::iter().count() == hash_entries, "hash index has stale entries");
		for (_, _, grant) in AccessGrants::<T>::iter() {
			add(&grant.granted_by, grant.deposit);
		}
		for (hash, cert) in Certificates::<T>::iter() {
			add(&cert.issuer, cert.deposit);
			ensure!(
				HolderCertificates::<T>::contains_key(&cert.holder, hash),
				"certificate not indexed to its holder"
			);
		}
		ensure!(
			HolderCertificates::<T>::iter().count() == Certificates::<T>::iter().count(),
			"holder index has stale entries"
		);
		for (who, recorded) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::Records.into(), &who);
			ensure!(held == recorded, "records hold differs from the recorded deposits");
		}
		Ok(())
	}
}
