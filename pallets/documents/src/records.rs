//! Documents and certificates as a contract reads them through the chain extension
//! ([`pactum_primitives::DocumentRecords`]): a document's state now, the version in force (or,
//! before one is, the version being signed) with its file hash and whether every required signer
//! signed it, one party's signature, and a certificate by its hash.

use crate::{pallet::*, CertificateStatus, DocumentStatus};
use frame_system::pallet_prelude::BlockNumberFor;
use pactum_primitives::{
	CertificateState, CertificateSummary, Digest, DocumentRecords, DocumentState, DocumentSummary,
};

impl<T: Config> DocumentRecords<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn document(id: u64) -> Option<DocumentSummary> {
		let doc = Documents::<T>::get(id)?;
		// What binds the parties now; before anything does, what they are signing.
		let version = doc.active_version.or(doc.open_version)?;
		let record = Versions::<T>::get(id, version)?;
		let fully_signed = doc
			.signers
			.iter()
			.all(|signer| record.signatures.iter().any(|s| &s.signer == signer));
		let state = match Self::status_now(&doc) {
			DocumentStatus::Pending => DocumentState::Pending,
			DocumentStatus::Active => DocumentState::Active,
			DocumentStatus::Terminated => DocumentState::Terminated,
			DocumentStatus::Expired => DocumentState::Expired,
		};
		Some(DocumentSummary { state, version, hash: record.hash.digest, fully_signed })
	}

	fn signed(id: u64, version: u32, who: &T::AccountId) -> bool {
		Versions::<T>::get(id, version)
			.is_some_and(|record| record.signatures.iter().any(|s| &s.signer == who))
	}

	fn certificate(hash: &Digest) -> Option<CertificateSummary<T::AccountId, BlockNumberFor<T>>> {
		let view = Self::certificate_view(*hash)?;
		let state = match view.status {
			CertificateStatus::Valid => CertificateState::Valid,
			CertificateStatus::Expired => CertificateState::Expired,
			CertificateStatus::Revoked => CertificateState::Revoked,
		};
		Some(CertificateSummary {
			state,
			issuer: view.issuer,
			holder: view.holder,
			issued_at: view.issued_at,
			expires_at: view.expires_at,
		})
	}
}
