//! JSON-RPC of the documents pallet, for backends and storage gateways:
//!
//! - `documents_get(id, at?)`: a document with every version and signature (`null` if none);
//! - `documents_verify(hash, at?)`: which document versions and which certificate carry a
//!   32-byte hash, their status and who signed;
//! - `documents_byParty(account, after?, limit?, at?)`: a page of a party's documents; pass the
//!   last id of a page as `after` to get the next one;
//! - `documents_canAccess(id, account, at?)`: whether the account may fetch the file;
//! - `documents_certificates(holder, after?, limit?, at?)`: a page of a holder's certificates
//!   with their status; pass the last hash of a page as `after` to get the next one.
//!
//! They return the pallet's views ([`DocumentView`], [`Verification`], [`PartyDocument`],
//! [`CertificateView`]) as they derive serde: keys in camelCase, hashes and URIs `0x` hex, a
//! relayed signature the `0x` hex of its SCALE encoding, the deposit a decimal string, block
//! numbers numbers, accounts SS58, enums serde's externally tagged form (`"Active"`,
//! `{"Accepted":{"at":12}}`).

use codec::{Codec, Decode, Encode};
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
pub use pallet_documents_runtime_api::DocumentsApi as DocumentsRuntimeApi;
pub use pallet_documents_runtime_api::{
	CertificateStatus, CertificateView, ContentHash, DocumentId, DocumentMatch, DocumentStatus,
	DocumentView, HashAlgorithm, PartyDocument, Relay, Revocation, SignatureRecord, Verification,
	VersionKind, VersionStatus, VersionView,
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_runtime::traits::Block as BlockT;
use std::{fmt::Display, marker::PhantomData, str::FromStr, sync::Arc};

/// The page size of `documents_byParty` and `documents_certificates` when none is given.
pub const DEFAULT_PAGE: u32 = 20;

#[rpc(client, server)]
pub trait DocumentsApi<BlockHash, AccountId, Balance, BlockNumber, Hash, Signature>
where
	Balance: Display + FromStr,
	Signature: Encode + Decode,
{
	/// The document `id` with every version and signature at block `at` (default: best).
	#[method(name = "documents_get")]
	fn get(
		&self,
		id: DocumentId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<DocumentView<AccountId, Balance, BlockNumber, Hash, Signature>>>;

	/// Which document versions and which certificate carry `hash`, at block `at`.
	#[method(name = "documents_verify")]
	fn verify(
		&self,
		hash: H256,
		at: Option<BlockHash>,
	) -> RpcResult<Verification<AccountId, BlockNumber, Hash>>;

	/// Up to `limit` (default 20, at most 100) of `party`'s documents after the id `after`.
	#[method(name = "documents_byParty")]
	fn by_party(
		&self,
		party: AccountId,
		after: Option<DocumentId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<PartyDocument<BlockNumber>>>;

	/// Whether `who` may fetch the off-chain file of document `id` at block `at`.
	#[method(name = "documents_canAccess")]
	fn can_access(&self, id: DocumentId, who: AccountId, at: Option<BlockHash>) -> RpcResult<bool>;

	/// Up to `limit` (default 20, at most 100) of `holder`'s certificates after the hash `after`.
	#[method(name = "documents_certificates")]
	fn certificates(
		&self,
		holder: AccountId,
		after: Option<H256>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<CertificateView<AccountId, BlockNumber, Hash>>>;
}

/// The documents RPC, backed by the runtime API of the client's best (or given) block.
pub struct Documents<C, Block, Balance, BlockNumber, Hash, Signature> {
	client: Arc<C>,
	_marker: PhantomData<(Block, Balance, BlockNumber, Hash, Signature)>,
}

impl<C, Block, Balance, BlockNumber, Hash, Signature>
	Documents<C, Block, Balance, BlockNumber, Hash, Signature>
{
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(1, "documents runtime API call failed", Some(error.to_string()))
}

impl<C, Block, AccountId, Balance, BlockNumber, Hash, Signature>
	DocumentsApiServer<<Block as BlockT>::Hash, AccountId, Balance, BlockNumber, Hash, Signature>
	for Documents<C, Block, Balance, BlockNumber, Hash, Signature>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DocumentsRuntimeApi<Block, AccountId, Balance, BlockNumber, Hash, Signature>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Display + FromStr + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
	Hash: Codec + Send + Sync + 'static,
	Signature: Codec + Send + Sync + 'static,
{
	fn get(
		&self,
		id: DocumentId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<DocumentView<AccountId, Balance, BlockNumber, Hash, Signature>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().document(at, id).map_err(runtime_error)
	}

	fn verify(
		&self,
		hash: H256,
		at: Option<Block::Hash>,
	) -> RpcResult<Verification<AccountId, BlockNumber, Hash>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().verify(at, hash.0).map_err(runtime_error)
	}

	fn by_party(
		&self,
		party: AccountId,
		after: Option<DocumentId>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<PartyDocument<BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client
			.runtime_api()
			.by_party(at, party, after, limit.unwrap_or(DEFAULT_PAGE))
			.map_err(runtime_error)
	}

	fn can_access(
		&self,
		id: DocumentId,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<bool> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().can_access(at, id, who).map_err(runtime_error)
	}

	fn certificates(
		&self,
		holder: AccountId,
		after: Option<H256>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<CertificateView<AccountId, BlockNumber, Hash>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client
			.runtime_api()
			.certificates(at, holder, after.map(|h| h.0), limit.unwrap_or(DEFAULT_PAGE))
			.map_err(runtime_error)
	}
}
