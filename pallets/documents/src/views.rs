//! What clients read through the runtime API: a document with its history, a party's documents
//! page by page, everything that carries a given hash, a holder's certificates, and whether an
//! account may fetch a document's file.

use crate::*;
use alloc::{string::String, vec::Vec};
use frame_system::pallet_prelude::BlockNumberFor;
use pactum_primitives::ParticipantRegistry;

pub type DocumentViewOf<T> = DocumentView<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
	<T as Config>::Signature,
>;
pub type VerificationOf<T> = Verification<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
>;
pub type CertificateViewOf<T> = CertificateView<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
>;

/// The most documents one `verify` answer lists.
pub const MAX_MATCHES: usize = 100;
/// The largest page of [`Pallet::party_documents`].
pub const MAX_PAGE: u32 = 100;

impl<T: Config> Pallet<T> {
	/// The status of `doc` at the current block: `Expired` past its validity end.
	pub(crate) fn status_now(doc: &DocumentOf<T>) -> DocumentStatus {
		match Self::ensure_in_force(doc, frame_system::Pallet::<T>::block_number()) {
			Ok(()) => doc.status,
			Err(status) => status,
		}
	}

	/// `document` with every version and signature, as of the current block.
	pub fn document_view(document: DocumentId) -> Option<DocumentViewOf<T>> {
		let doc = Documents::<T>::get(document)?;
		let mut versions: Vec<_> = Versions::<T>::iter_prefix(document)
			.map(|(index, v)| VersionView {
				index,
				kind: v.kind,
				hash: v.hash,
				uri: v.uri.into_inner(),
				reason: v.reason,
				proposed_by: v.proposed_by,
				proposed_at: v.proposed_at,
				status: v.status,
				signatures: v.signatures.into_inner(),
			})
			.collect();
		versions.sort_by_key(|v| v.index);
		let mut supplements: Vec<_> = Supplements::<T>::iter_key_prefix(document).collect();
		supplements.sort();
		Some(DocumentView {
			id: document,
			status: Self::status_now(&doc),
			creator: doc.creator,
			parent: doc.parent,
			parties: doc.parties.into_inner(),
			signers: doc.signers.into_inner(),
			valid_until: doc.valid_until,
			open_version: doc.open_version,
			active_version: doc.active_version,
			supplements,
			created_at: doc.created_at,
			deposit: doc.deposit,
			versions,
		})
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) documents of `party`, in the index's order, starting after the document
	/// `after` (a page's last id: pass it to get the next page).
	pub fn party_documents(
		party: &T::AccountId,
		after: Option<DocumentId>,
		limit: u32,
	) -> Vec<PartyDocument<BlockNumberFor<T>>> {
		let limit = limit.min(MAX_PAGE);
		let ids: Vec<DocumentId> = match after {
			Some(after) => PartyDocuments::<T>::iter_key_prefix_from(
				party,
				PartyDocuments::<T>::hashed_key_for(party, after),
			)
			.take(limit as usize)
			.collect(),
			None => PartyDocuments::<T>::iter_key_prefix(party).take(limit as usize).collect(),
		};
		ids.into_iter()
			.filter_map(|id| {
				let doc = Documents::<T>::get(id)?;
				let awaiting_signature = doc.signers.contains(party)
					&& doc.open_version.is_some_and(|open| {
						Versions::<T>::get(id, open)
							.is_some_and(|v| !v.signatures.iter().any(|s| &s.signer == party))
					});
				Some(PartyDocument {
					id,
					status: Self::status_now(&doc),
					created_at: doc.created_at,
					active_version: doc.active_version,
					open_version: doc.open_version,
					awaiting_signature,
				})
			})
			.collect()
	}

	/// The certificate `hash`, with its status at the current block.
	pub fn certificate_view(hash: Digest) -> Option<CertificateViewOf<T>> {
		let cert = Certificates::<T>::get(hash)?;
		let now = frame_system::Pallet::<T>::block_number();
		let status = if cert.revoked.is_some() {
			CertificateStatus::Revoked
		} else if cert.expires_at.is_some_and(|end| now >= end) {
			CertificateStatus::Expired
		} else {
			CertificateStatus::Valid
		};
		Some(CertificateView {
			hash,
			status,
			issuer: cert.issuer,
			org_code: String::from_utf8_lossy(&cert.org_code).into_owned(),
			holder: cert.holder,
			cert_type: String::from_utf8_lossy(&cert.cert_type).into_owned(),
			issued_at: cert.issued_at,
			expires_at: cert.expires_at,
			revoked: cert.revoked,
		})
	}

	/// Every document version (at most [`MAX_MATCHES`]) and the certificate that carry `digest`,
	/// with their status and who signed.
	pub fn verify(digest: Digest) -> VerificationOf<T> {
		let documents = ByHash::<T>::iter_key_prefix(digest)
			.take(MAX_MATCHES)
			.filter_map(|(document, version)| {
				let doc = Documents::<T>::get(document)?;
				let v = Versions::<T>::get(document, version)?;
				Some(DocumentMatch {
					document,
					version,
					algorithm: v.hash.algorithm,
					document_status: Self::status_now(&doc),
					version_status: v.status,
					signed_by: v.signatures.into_iter().map(|s| (s.signer, s.at)).collect(),
				})
			})
			.collect();
		Verification { documents, certificate: Self::certificate_view(digest) }
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) of `holder`'s certificates with their status, in the
	/// index's order, starting after the certificate `after` (a page's last hash).
	pub fn holder_certificates(
		holder: &T::AccountId,
		after: Option<Digest>,
		limit: u32,
	) -> Vec<CertificateViewOf<T>> {
		let limit = limit.min(MAX_PAGE) as usize;
		let hashes: Vec<Digest> = match after {
			Some(after) => HolderCertificates::<T>::iter_key_prefix_from(
				holder,
				HolderCertificates::<T>::hashed_key_for(holder, after),
			)
			.take(limit)
			.collect(),
			None => HolderCertificates::<T>::iter_key_prefix(holder).take(limit).collect(),
		};
		hashes.into_iter().filter_map(Self::certificate_view).collect()
	}

	/// Whether `who` may fetch `document`'s file now: a party, or a viewer whose grant has not
	/// expired; never an account the registry recovered to another (its key is lost).
	pub fn can_access(document: DocumentId, who: &T::AccountId) -> bool {
		if T::Registry::recovered_to(who).is_some() {
			return false;
		}
		let Some(doc) = Documents::<T>::get(document) else { return false };
		if doc.parties.contains(who) {
			return true;
		}
		let now = frame_system::Pallet::<T>::block_number();
		AccessGrants::<T>::get(document, who)
			.is_some_and(|grant| grant.expires_at.map_or(true, |end| now < end))
	}
}
