//! The runtime API behind the documents JSON-RPC (`documents_get`, `documents_verify`,
//! `documents_byParty`, `documents_canAccess`, `documents_certificates`).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_documents::{
	CertificateStatus, CertificateView, ContentHash, Digest, DocumentId, DocumentMatch,
	DocumentStatus, DocumentView, HashAlgorithm, PartyDocument, Relay, Revocation, SignatureRecord,
	Verification, VersionKind, VersionStatus, VersionView,
};

sp_api::decl_runtime_apis! {
	/// Reads of contract documents and certificates, as of the block they are called at.
	pub trait DocumentsApi<AccountId, Balance, BlockNumber, Hash, Signature>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
		Hash: Codec,
		Signature: Codec,
	{
		/// The document with every version and signature; `None` if there is none.
		fn document(id: DocumentId) -> Option<DocumentView<AccountId, Balance, BlockNumber, Hash, Signature>>;
		/// Every document version (up to `MAX_MATCHES`) and the certificate whose hash is
		/// `digest`, with their status and signers.
		fn verify(digest: Digest) -> Verification<AccountId, BlockNumber, Hash>;
		/// A page of `party`'s documents after the document `after` (up to `limit`, at most
		/// `MAX_PAGE`).
		fn by_party(party: AccountId, after: Option<DocumentId>, limit: u32) -> Vec<PartyDocument<BlockNumber>>;
		/// A page of `holder`'s certificates after the certificate `after` (up to `limit`, at
		/// most `MAX_PAGE`), with their status.
		fn certificates(holder: AccountId, after: Option<Digest>, limit: u32) -> Vec<CertificateView<AccountId, BlockNumber, Hash>>;
		/// Whether `who` may fetch the document's off-chain file now.
		fn can_access(document: DocumentId, who: AccountId) -> bool;
		/// The bytes a party signs off chain for an operator to relay its signature of
		/// `version` of `document` with the hash `hash`.
		fn signing_payload(document: DocumentId, version: u32, hash: ContentHash) -> Vec<u8>;
	}
}
