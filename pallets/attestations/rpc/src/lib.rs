//! JSON-RPC of the attestations pallet, for wallets, verifiers and relying parties:
//!
//! - `attestations_resolveDid(account, at?)`: the DID `did:pactum:<account>` resolved to a W3C
//!   DID document (`@context`, `verificationMethod` with `publicKeyMultibase`, `authentication`,
//!   `assertionMethod`, `keyAgreement`, `service`) and its metadata (`deactivated`, the blocks it
//!   was created and last updated at); `null` if the account never had a DID;
//! - `attestations_schema(id, at?)`: a schema version with its typed attributes;
//! - `attestations_get(id, at?)`: an attestation with its status now (`"expired"` shown);
//! - `attestations_about(subject, after?, limit?, at?)`, `attestations_byIssuer(issuer, …)`,
//!   `attestations_bySchema(schema, …)`: pages of attestations; pass the last id of a page as
//!   `after` to get the next one (`subject` is `{"account": "<SS58>"}` or `{"device": "0x…"}`);
//! - `attestations_trustSummary(device, at?)`: a device's attestations tallied by schema and by
//!   kind of attester;
//! - `attestations_hasAccess(id, verifier, at?)`: whether the verifier may retrieve the claims.
//!
//! The views are the pallet's, as they derive serde (keys in camelCase, hashes `0x` hex, accounts
//! SS58); the DID document is rendered here, where accounts have their SS58 form.

mod did_document;

use codec::Codec;
pub use did_document::{
	DidDocument, DidMetadata, DidResolution, ServiceEndpoint, VerificationMethod,
};
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
pub use pallet_attestations_runtime_api::AttestationsApi as AttestationsRuntimeApi;
use pallet_attestations_runtime_api::{
	AttestationId, AttestationView, SchemaId, SchemaView, Subject, TrustSummary,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_runtime::traits::Block as BlockT;
use std::{fmt::Display, marker::PhantomData, sync::Arc};

/// The page size of the lookups when none is given.
pub const DEFAULT_PAGE: u32 = 20;

#[rpc(client, server)]
pub trait AttestationsApi<BlockHash, AccountId, BlockNumber> {
	/// `did:pactum:<account>` resolved at block `at` (default: best).
	#[method(name = "attestations_resolveDid")]
	fn resolve_did(
		&self,
		account: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<DidResolution<BlockNumber>>>;

	/// The schema version `id`.
	#[method(name = "attestations_schema")]
	fn schema(
		&self,
		id: SchemaId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<SchemaView<AccountId, BlockNumber>>>;

	/// The attestation `id` with its status now.
	#[method(name = "attestations_get")]
	fn get(
		&self,
		id: AttestationId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<AttestationView<AccountId, BlockNumber>>>;

	/// Up to `limit` (default 20, at most 100) attestations about `subject` after the id `after`.
	#[method(name = "attestations_about")]
	fn about(
		&self,
		subject: Subject<AccountId>,
		after: Option<AttestationId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<AttestationView<AccountId, BlockNumber>>>;

	/// The same for the attestations `issuer` issued.
	#[method(name = "attestations_byIssuer")]
	fn by_issuer(
		&self,
		issuer: AccountId,
		after: Option<AttestationId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<AttestationView<AccountId, BlockNumber>>>;

	/// The same for the attestations of `schema`.
	#[method(name = "attestations_bySchema")]
	fn by_schema(
		&self,
		schema: SchemaId,
		after: Option<AttestationId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<AttestationView<AccountId, BlockNumber>>>;

	/// The trust summary of `device`.
	#[method(name = "attestations_trustSummary")]
	fn trust_summary(
		&self,
		device: H256,
		at: Option<BlockHash>,
	) -> RpcResult<Option<TrustSummary<AccountId, BlockNumber>>>;

	/// Whether `verifier` may retrieve the claims of attestation `id` now.
	#[method(name = "attestations_hasAccess")]
	fn has_access(
		&self,
		id: AttestationId,
		verifier: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<bool>;
}

/// The attestations RPC, backed by the runtime API of the client's best (or given) block.
pub struct Attestations<C, Block, BlockNumber> {
	client: Arc<C>,
	_marker: PhantomData<(Block, BlockNumber)>,
}

impl<C, Block, BlockNumber> Attestations<C, Block, BlockNumber> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(1, "attestations runtime API call failed", Some(error.to_string()))
}

impl<C, Block, AccountId, BlockNumber>
	AttestationsApiServer<<Block as BlockT>::Hash, AccountId, BlockNumber>
	for Attestations<C, Block, BlockNumber>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: AttestationsRuntimeApi<Block, AccountId, BlockNumber>,
	AccountId: Codec + Display + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
{
	fn resolve_did(
		&self,
		account: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<DidResolution<BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let did = self.client.runtime_api().did(at, account).map_err(runtime_error)?;
		Ok(did.map(DidResolution::from))
	}

	fn schema(
		&self,
		id: SchemaId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<SchemaView<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().schema(at, id).map_err(runtime_error)
	}

	fn get(
		&self,
		id: AttestationId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<AttestationView<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().attestation(at, id).map_err(runtime_error)
	}

	fn about(
		&self,
		subject: Subject<AccountId>,
		after: Option<AttestationId>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<AttestationView<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let limit = limit.unwrap_or(DEFAULT_PAGE);
		self.client.runtime_api().about(at, subject, after, limit).map_err(runtime_error)
	}

	fn by_issuer(
		&self,
		issuer: AccountId,
		after: Option<AttestationId>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<AttestationView<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let limit = limit.unwrap_or(DEFAULT_PAGE);
		self.client.runtime_api().by_issuer(at, issuer, after, limit).map_err(runtime_error)
	}

	fn by_schema(
		&self,
		schema: SchemaId,
		after: Option<AttestationId>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<AttestationView<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let limit = limit.unwrap_or(DEFAULT_PAGE);
		self.client.runtime_api().by_schema(at, schema, after, limit).map_err(runtime_error)
	}

	fn trust_summary(
		&self,
		device: H256,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<TrustSummary<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().trust_summary(at, device.0).map_err(runtime_error)
	}

	fn has_access(
		&self,
		id: AttestationId,
		verifier: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<bool> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().has_access(at, id, verifier).map_err(runtime_error)
	}
}
