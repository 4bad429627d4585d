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
//! Hashes and signatures are `0x` hex, balances decimal strings, accounts SS58, enums their
//! variant names.

use codec::{Codec, Encode};
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
pub use pallet_documents_runtime_api::DocumentsApi as DocumentsRuntimeApi;
use pallet_documents_runtime_api::{
	CertificateView, ContentHash, DocumentId, DocumentMatch, DocumentView, PartyDocument,
	SignatureRecord, Verification, VersionStatus, VersionView,
};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::{bytes::to_hex, H256};
use sp_runtime::traits::Block as BlockT;
use std::{fmt::Display, marker::PhantomData, sync::Arc};

/// The page size of `documents_byParty` when none is given.
pub const DEFAULT_PAGE: u32 = 20;

/// A content hash: `{ "algorithm": "Sha2_256", "digest": "0x…" }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hash {
	pub algorithm: String,
	pub digest: String,
}

impl From<ContentHash> for Hash {
	fn from(hash: ContentHash) -> Self {
		Hash {
			algorithm: format!("{:?}", hash.algorithm),
			digest: to_hex(hash.digest.as_ref(), false),
		}
	}
}

/// A version's status and the block it changed at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Status {
	pub state: String,
	pub at: Option<u64>,
}

impl<BlockNumber: Into<u64>> From<VersionStatus<BlockNumber>> for Status {
	fn from(status: VersionStatus<BlockNumber>) -> Self {
		let (state, at) = match status {
			VersionStatus::Open => ("Open", None),
			VersionStatus::Accepted { at } => ("Accepted", Some(at.into())),
			VersionStatus::Superseded { at } => ("Superseded", Some(at.into())),
		};
		Status { state: state.into(), at }
	}
}

/// A signature on a version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Signature<AccountId> {
	pub signer: AccountId,
	pub at: u64,
	/// The operator that relayed it (`null`: the signer's own extrinsic).
	pub relayed_by: Option<AccountId>,
	/// The relayed signature, SCALE-encoded (`MultiSignature`).
	pub signature: Option<String>,
}

impl<AccountId, BlockNumber: Into<u64>, Sig: Encode>
	From<SignatureRecord<AccountId, BlockNumber, Sig>> for Signature<AccountId>
{
	fn from(record: SignatureRecord<AccountId, BlockNumber, Sig>) -> Self {
		let (relayed_by, signature) = match record.relayed {
			Some(relay) => (Some(relay.by), Some(to_hex(&relay.signature.encode(), false))),
			None => (None, None),
		};
		Signature { signer: record.signer, at: record.at.into(), relayed_by, signature }
	}
}

/// One version of a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Version<AccountId> {
	pub index: u32,
	pub kind: String,
	pub hash: Hash,
	/// The encrypted URI, as `0x` hex (it need not be UTF-8).
	pub uri: String,
	pub reason: Option<String>,
	pub proposed_by: AccountId,
	pub proposed_at: u64,
	pub status: Status,
	pub signatures: Vec<Signature<AccountId>>,
}

impl<AccountId, BlockNumber: Into<u64>, H: AsRef<[u8]>, Sig: Encode>
	From<VersionView<AccountId, BlockNumber, H, Sig>> for Version<AccountId>
{
	fn from(v: VersionView<AccountId, BlockNumber, H, Sig>) -> Self {
		Version {
			index: v.index,
			kind: format!("{:?}", v.kind),
			hash: v.hash.into(),
			uri: to_hex(v.uri.as_ref(), false),
			reason: v.reason.map(|r| to_hex(r.as_ref(), false)),
			proposed_by: v.proposed_by,
			proposed_at: v.proposed_at.into(),
			status: v.status.into(),
			signatures: v.signatures.into_iter().map(Into::into).collect(),
		}
	}
}

/// A document as `documents_get` returns it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Document<AccountId> {
	pub id: DocumentId,
	pub creator: AccountId,
	pub parent: Option<DocumentId>,
	pub parties: Vec<AccountId>,
	pub signers: Vec<AccountId>,
	pub valid_until: Option<u64>,
	/// `Pending`, `Active`, `Terminated` or `Expired`, at the block.
	pub status: String,
	pub open_version: Option<u32>,
	pub active_version: Option<u32>,
	pub supplements: Vec<DocumentId>,
	pub created_at: u64,
	pub deposit: String,
	pub versions: Vec<Version<AccountId>>,
}

impl<AccountId, Balance: Display, BlockNumber: Into<u64>, H: AsRef<[u8]>, Sig: Encode>
	From<DocumentView<AccountId, Balance, BlockNumber, H, Sig>> for Document<AccountId>
{
	fn from(d: DocumentView<AccountId, Balance, BlockNumber, H, Sig>) -> Self {
		Document {
			id: d.id,
			creator: d.creator,
			parent: d.parent,
			parties: d.parties,
			signers: d.signers,
			valid_until: d.valid_until.map(Into::into),
			status: format!("{:?}", d.status),
			open_version: d.open_version,
			active_version: d.active_version,
			supplements: d.supplements,
			created_at: d.created_at.into(),
			deposit: d.deposit.to_string(),
			versions: d.versions.into_iter().map(Into::into).collect(),
		}
	}
}

/// A document version that carries the hash asked about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Match<AccountId> {
	pub document: DocumentId,
	pub version: u32,
	pub algorithm: String,
	pub document_status: String,
	pub version_status: Status,
	pub signed_by: Vec<SignedBy<AccountId>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignedBy<AccountId> {
	pub signer: AccountId,
	pub at: u64,
}

impl<AccountId, BlockNumber: Into<u64>> From<DocumentMatch<AccountId, BlockNumber>>
	for Match<AccountId>
{
	fn from(m: DocumentMatch<AccountId, BlockNumber>) -> Self {
		Match {
			document: m.document,
			version: m.version,
			algorithm: format!("{:?}", m.algorithm),
			document_status: format!("{:?}", m.document_status),
			version_status: m.version_status.into(),
			signed_by: m
				.signed_by
				.into_iter()
				.map(|(signer, at)| SignedBy { signer, at: at.into() })
				.collect(),
		}
	}
}

/// A certificate's revocation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Revoked<AccountId> {
	pub by: AccountId,
	pub at: u64,
	pub reason: String,
}

/// A certificate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Certificate<AccountId> {
	pub hash: String,
	/// `Valid`, `Expired` or `Revoked`, at the block.
	pub status: String,
	pub issuer: AccountId,
	pub org_code: String,
	pub holder: AccountId,
	pub cert_type: String,
	pub issued_at: u64,
	pub expires_at: Option<u64>,
	pub revoked: Option<Revoked<AccountId>>,
}

impl<AccountId, BlockNumber: Into<u64>, H: AsRef<[u8]>>
	From<CertificateView<AccountId, BlockNumber, H>> for Certificate<AccountId>
{
	fn from(c: CertificateView<AccountId, BlockNumber, H>) -> Self {
		Certificate {
			hash: to_hex(c.hash.as_ref(), false),
			status: format!("{:?}", c.status),
			issuer: c.issuer,
			org_code: String::from_utf8_lossy(&c.org_code).into_owned(),
			holder: c.holder,
			cert_type: String::from_utf8_lossy(&c.cert_type).into_owned(),
			issued_at: c.issued_at.into(),
			expires_at: c.expires_at.map(Into::into),
			revoked: c.revoked.map(|r| Revoked {
				by: r.by,
				at: r.at.into(),
				reason: to_hex(r.reason.as_ref(), false),
			}),
		}
	}
}

/// What `documents_verify` returns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verified<AccountId> {
	pub documents: Vec<Match<AccountId>>,
	pub certificate: Option<Certificate<AccountId>>,
}

impl<AccountId, BlockNumber: Into<u64>, H: AsRef<[u8]>>
	From<Verification<AccountId, BlockNumber, H>> for Verified<AccountId>
{
	fn from(v: Verification<AccountId, BlockNumber, H>) -> Self {
		Verified {
			documents: v.documents.into_iter().map(Into::into).collect(),
			certificate: v.certificate.map(Into::into),
		}
	}
}

/// A party's document, as `documents_byParty` lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PartyEntry {
	pub id: DocumentId,
	pub status: String,
	pub created_at: u64,
	pub active_version: Option<u32>,
	pub open_version: Option<u32>,
	pub awaiting_signature: bool,
}

impl<BlockNumber: Into<u64>> From<PartyDocument<BlockNumber>> for PartyEntry {
	fn from(d: PartyDocument<BlockNumber>) -> Self {
		PartyEntry {
			id: d.id,
			status: format!("{:?}", d.status),
			created_at: d.created_at.into(),
			active_version: d.active_version,
			open_version: d.open_version,
			awaiting_signature: d.awaiting_signature,
		}
	}
}

#[rpc(client, server)]
pub trait DocumentsApi<BlockHash, AccountId> {
	/// The document `id` with every version and signature at block `at` (default: best).
	#[method(name = "documents_get")]
	fn get(&self, id: DocumentId, at: Option<BlockHash>) -> RpcResult<Option<Document<AccountId>>>;

	/// Which document versions and which certificate carry `hash`, at block `at`.
	#[method(name = "documents_verify")]
	fn verify(&self, hash: H256, at: Option<BlockHash>) -> RpcResult<Verified<AccountId>>;

	/// Up to `limit` (default 20, at most 100) of `party`'s documents after the id `after`.
	#[method(name = "documents_byParty")]
	fn by_party(
		&self,
		party: AccountId,
		after: Option<DocumentId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<PartyEntry>>;

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
	) -> RpcResult<Vec<Certificate<AccountId>>>;
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
	DocumentsApiServer<<Block as BlockT>::Hash, AccountId>
	for Documents<C, Block, Balance, BlockNumber, Hash, Signature>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DocumentsRuntimeApi<Block, AccountId, Balance, BlockNumber, Hash, Signature>,
	AccountId: Codec + Clone + Send + Sync + 'static,
	Balance: Codec + Display + Send + Sync + 'static,
	BlockNumber: Codec + Into<u64> + Send + Sync + 'static,
	Hash: Codec + AsRef<[u8]> + Send + Sync + 'static,
	Signature: Codec + Send + Sync + 'static,
{
	fn get(
		&self,
		id: DocumentId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<Document<AccountId>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let view = self.client.runtime_api().document(at, id).map_err(runtime_error)?;
		Ok(view.map(Into::into))
	}

	fn verify(&self, hash: H256, at: Option<Block::Hash>) -> RpcResult<Verified<AccountId>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let found = self.client.runtime_api().verify(at, hash.0).map_err(runtime_error)?;
		Ok(found.into())
	}

	fn by_party(
		&self,
		party: AccountId,
		after: Option<DocumentId>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<PartyEntry>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let page = self
			.client
			.runtime_api()
			.by_party(at, party, after, limit.unwrap_or(DEFAULT_PAGE))
			.map_err(runtime_error)?;
		Ok(page.into_iter().map(Into::into).collect())
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
	) -> RpcResult<Vec<Certificate<AccountId>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let page = self
			.client
			.runtime_api()
			.certificates(at, holder, after.map(|h| h.0), limit.unwrap_or(DEFAULT_PAGE))
			.map_err(runtime_error)?;
		Ok(page.into_iter().map(Into::into).collect())
	}
}
