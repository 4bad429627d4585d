//! Reads of the chain for the API, all at the finalized head the last probe saw (what the API
//! shows is final): the node's own JSON-RPC methods, whose JSON is passed on as it is, and runtime
//! API calls through `state_call` where no JSON-RPC method exists.

use serde::de::DeserializeOwned;
use serde_json::Value;
use subxt::ext::codec::{Decode, Encode};
use subxt::rpcs::{rpc_params, RpcClient};

use crate::app::AppState;
use crate::error::ApiError;
use crate::pipeline::calls::SigningPayloadArgs;

/// A reader pinned to one finalized block.
pub struct Reads {
	rpc: RpcClient,
	/// `0x`-hex hash of the finalized block read at.
	pub at: String,
	/// Its number.
	pub at_number: u64,
	/// The chain's genesis hash, as the probe read it.
	genesis: Option<String>,
}

impl Reads {
	/// A reader at the newest finalized block known (the probe's, or the tracker's when newer),
	/// or 503 when the node is not ready.
	pub fn at_finalized(app: &AppState) -> Result<Reads, ApiError> {
		let status = app.chain.status();
		let (Some(rpc), Some(probed), Some(probed_number)) =
			(app.chain.rpc(), status.finalized_hash, status.finalized_number)
		else {
			return Err(ApiError::Unavailable(
				status.error.unwrap_or_else(|| "the node is not ready".into()),
			));
		};
		let (at_number, at) = match app.tracked.borrow().clone() {
			Some((number, hash)) if number > probed_number => (number, hash),
			_ => (probed_number, probed),
		};
		Ok(Reads { rpc, at, at_number, genesis: status.genesis_hash })
	}

	/// A JSON-RPC method of the node, its error a 503.
	pub async fn call<T: DeserializeOwned>(
		&self,
		method: &str,
		params: subxt::rpcs::client::RpcParams,
	) -> Result<T, ApiError> {
		self.rpc
			.request(method, params)
			.await
			.map_err(|e| ApiError::Unavailable(format!("{method}: {e}")))
	}

	/// `{block_number, block_hash}` of the block read at, as every read answer names it.
	pub fn at_json(&self) -> Value {
		serde_json::json!({ "block_number": self.at_number, "block_hash": self.at })
	}

	/// `documents_get`: the document's view, `None` if there is none.
	pub async fn document(&self, id: u64) -> Result<Option<Value>, ApiError> {
		self.call("documents_get", rpc_params![id, &self.at]).await
	}

	/// `documents_canAccess`: whether `who` (SS58) may see the document (a party, or a holder of
	/// an access grant).
	pub async fn can_access(&self, id: u64, who: &str) -> Result<bool, ApiError> {
		self.call("documents_canAccess", rpc_params![id, who, &self.at]).await
	}

	/// The bytes a party signs for `args`, built by the gateway and checked against the
	/// runtime's `DocumentsApi_signing_payload`: a node cannot make a party (or the gateway, with a
	/// client's key) sign anything else, and a runtime whose format changed is noticed (a 503).
	pub async fn signing_payload(&self, args: &SigningPayloadArgs) -> Result<Vec<u8>, ApiError> {
		let genesis = self
			.genesis
			.as_deref()
			.and_then(|hex| crate::pipeline::calls::digest(hex).ok())
			.ok_or_else(|| ApiError::Unavailable("the node's genesis is not known yet".into()))?;
		let payload = args.payload(genesis);
		let runtime: Vec<u8> = self.runtime_api("DocumentsApi_signing_payload", args).await?;
		if runtime != payload {
			tracing::error!(at = %self.at, "the node's signing payload differs from the gateway's");
			return Err(ApiError::Unavailable(
				"the node's signing payload differs from the one the gateway builds".into(),
			));
		}
		Ok(payload)
	}

	/// `documents_byParty`: a page of `who`'s documents after `after`.
	pub async fn by_party(
		&self,
		who: &str,
		after: Option<u64>,
		limit: u32,
	) -> Result<Value, ApiError> {
		self.call("documents_byParty", rpc_params![who, after, Some(limit), &self.at]).await
	}

	/// `documents_verify`: the certificate and the document versions that carry `hash` (`0x`
	/// hex).
	pub async fn verify(&self, hash: &str) -> Result<Value, ApiError> {
		self.call("documents_verify", rpc_params![hash, &self.at]).await
	}

	/// `documents_certificates`: a page of `holder`'s certificates after the hash `after`.
	pub async fn certificates(
		&self,
		holder: &str,
		after: Option<&str>,
		limit: u32,
	) -> Result<Value, ApiError> {
		self.call("documents_certificates", rpc_params![holder, after, Some(limit), &self.at]).await
	}

	/// `attestations_get`: the attestation `id` with its status now (`"expired"` shown), `None`
	/// if there is none (never issued, declined or removed).
	pub async fn attestation(&self, id: u64) -> Result<Option<Value>, ApiError> {
		self.call("attestations_get", rpc_params![id, &self.at]).await
	}

	/// `attestations_about`: a page of the attestations about `subject` (`{"account": "<SS58>"}`
	/// or `{"device": "0x…"}`) after the id `after`.
	pub async fn attestations_about(
		&self,
		subject: &Value,
		after: Option<u64>,
		limit: u32,
	) -> Result<Value, ApiError> {
		self.call("attestations_about", rpc_params![subject, after, Some(limit), &self.at]).await
	}

	/// `attestations_byIssuer`: a page of the attestations `issuer` (SS58) issued after the id
	/// `after`.
	pub async fn attestations_by_issuer(
		&self,
		issuer: &str,
		after: Option<u64>,
		limit: u32,
	) -> Result<Value, ApiError> {
		self.call("attestations_byIssuer", rpc_params![issuer, after, Some(limit), &self.at]).await
	}

	/// `attestations_bySchema`: a page of the attestations of `schema` after the id `after`.
	pub async fn attestations_of_schema(
		&self,
		schema: u32,
		after: Option<u64>,
		limit: u32,
	) -> Result<Value, ApiError> {
		self.call("attestations_bySchema", rpc_params![schema, after, Some(limit), &self.at]).await
	}

	/// `registry_participant`: the participant `who` (SS58), `None` if it is not registered.
	pub async fn participant(&self, who: &str) -> Result<Option<Value>, ApiError> {
		self.call("registry_participant", rpc_params![who, &self.at]).await
	}

	/// A runtime API function through `state_call`: SCALE arguments in, SCALE result out.
	pub async fn runtime_api<R: Decode>(
		&self,
		function: &str,
		args: impl Encode,
	) -> Result<R, ApiError> {
		let bytes = super::hex_of(args.encode());
		let answer: String =
			self.call("state_call", rpc_params![function, bytes, &self.at]).await?;
		let raw = hex::decode(answer.trim_start_matches("0x"))
			.map_err(|e| ApiError::Unavailable(format!("{function}: {e}")))?;
		R::decode(&mut &raw[..]).map_err(|e| ApiError::Unavailable(format!("{function}: {e}")))
	}
}
