//! The runtime API behind the attestations JSON-RPC (`attestations_resolveDid`,
//! `attestations_schema`, `attestations_get`, `attestations_about`, `attestations_byIssuer`,
//! `attestations_bySchema`, `attestations_trustSummary`, `attestations_hasAccess`).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_attestations::{
	AttestationId, AttestationView, AttributeType, AttributeView, DeviceId, DidKey, DidView,
	KeyPurposes, KindTally, PublicKey, RevocationReason, SchemaId, SchemaTally, SchemaView,
	Service, StatusNow, Subject, SubjectKind, TrustSummary,
};

sp_api::decl_runtime_apis! {
	/// Reads of DIDs, schemas and attestations, as of the block they are called at.
	pub trait AttestationsApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// The DID of `account` (deactivated ones too); `None` if it never had one.
		fn did(account: AccountId) -> Option<DidView<AccountId, BlockNumber>>;
		/// The schema version `id`.
		fn schema(id: SchemaId) -> Option<SchemaView<AccountId, BlockNumber>>;
		/// The attestation `id` with its status now.
		fn attestation(id: AttestationId) -> Option<AttestationView<AccountId, BlockNumber>>;
		/// A page of the attestations about `subject` after the attestation `after` (up to
		/// `limit`, at most the pallet's `MAX_PAGE`).
		fn about(subject: Subject<AccountId>, after: Option<AttestationId>, limit: u32) -> Vec<AttestationView<AccountId, BlockNumber>>;
		/// The same for the attestations `issuer` issued.
		fn by_issuer(issuer: AccountId, after: Option<AttestationId>, limit: u32) -> Vec<AttestationView<AccountId, BlockNumber>>;
		/// The same for the attestations of `schema`.
		fn by_schema(schema: SchemaId, after: Option<AttestationId>, limit: u32) -> Vec<AttestationView<AccountId, BlockNumber>>;
		/// The trust summary of `device`; `None` if it is not registered.
		fn trust_summary(device: DeviceId) -> Option<TrustSummary<AccountId, BlockNumber>>;
		/// Whether `verifier` may retrieve the claims of `attestation` now.
		fn has_access(attestation: AttestationId, verifier: AccountId) -> bool;
	}
}
