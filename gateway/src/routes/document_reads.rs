//! Reads of documents, as the chain has them at the finalized head, for the parties only:
//! `GET /v1/documents` (the caller's), `GET /v1/documents/{id}` (a 404 unless the caller's account
//! may access it: no one learns that another's document exists) and
//! `GET /v1/documents/{id}/signing-payload` (the bytes a party signs with its own key).

use axum::extract::{Path, Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use utoipa::{IntoParams, ToSchema};

use crate::app::AppState;
use crate::auth::principal::{need, Scoped};
use crate::chain::reads::Reads;
use crate::db::reasons;
use crate::error::ApiError;
use crate::pipeline::calls::SigningPayloadArgs;
use crate::pipeline::intake::acting_account;

/// A page of the caller's documents.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ListQuery {
	/// Documents after this id.
	pub after: Option<u64>,
	/// At most this many (1 to 100, default 50).
	pub limit: Option<u32>,
}

/// The documents the caller's account is a party of, as the chain lists them.
#[utoipa::path(
    get,
    path = "/v1/documents",
    tag = "documents",
    params(ListQuery),
    responses(
        (status = 200, description = "`{at, documents}`: the finalized block read and the page", body = Object),
        (status = 400, description = "Bad paging", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No documents:read scope, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 503, description = "The node is not ready", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["documents:read"]))
)]
pub async fn list(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::DocumentsRead>,
	Query(query): Query<ListQuery>,
) -> Result<Json<Value>, ApiError> {
	let limit = query.limit.unwrap_or(50);
	if !(1..=100).contains(&limit) {
		return Err(ApiError::BadRequest("limit must be 1 to 100".into()));
	}
	let account = acting_account(&app, &principal).await?;
	let reads = Reads::at_finalized(&app)?;
	let documents = reads.by_party(&account, query.after, limit).await?;
	Ok(Json(json!({ "at": reads.at_json(), "documents": documents })))
}

/// One document: its parties, state, every version with its hash and signatures, and the words
/// of a version's reason (`reasonText`) when the gateway keeps them.
#[utoipa::path(
    get,
    path = "/v1/documents/{id}",
    tag = "documents",
    params(("id" = u64, Path, description = "The document id")),
    responses(
        (status = 200, description = "`{at, document}`", body = Object),
        (status = 403, description = "No documents:read scope, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "No such document that the caller may access", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 503, description = "The node is not ready", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["documents:read"]))
)]
pub async fn get(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::DocumentsRead>,
	Path(id): Path<u64>,
) -> Result<Json<Value>, ApiError> {
	let account = acting_account(&app, &principal).await?;
	let reads = Reads::at_finalized(&app)?;
	let document = reads.document(id).await?.ok_or(ApiError::NotFound)?;
	// A party needs no second question; anyone else must hold an access grant.
	if !is_party(&document, &account) && !reads.can_access(id, &account).await? {
		return Err(ApiError::NotFound);
	}
	let mut document = document;
	let has_reasons = document["versions"]
		.as_array()
		.is_some_and(|versions| versions.iter().any(|v| v["reason"].is_string()));
	if let (true, Ok(kept_for)) = (has_reasons, i64::try_from(id)) {
		with_reason_texts(&mut document, &reasons::of_document(&app.db.pool, kept_for).await?);
	}
	Ok(Json(json!({ "at": reads.at_json(), "document": document })))
}

/// Which version and text a party signs.
#[derive(Debug, Deserialize, IntoParams)]
pub struct PayloadQuery {
	pub version: u32,
	/// `0x` and 64 hex characters.
	pub hash: String,
	/// Default `blake2_256`.
	pub hash_algorithm: Option<String>,
}

/// The signing payload.
#[derive(Debug, Serialize, ToSchema)]
pub struct SigningPayload {
	/// `0x`-hex bytes to sign (sr25519, ed25519 or ecdsa; a wallet's `<Bytes>` wrapping is
	/// accepted too), then post as `relayed` to `/v1/documents/signatures`.
	pub payload: String,
}

/// The bytes a party signs, with its own key, to sign `version` (with `hash`) of the document.
#[utoipa::path(
    get,
    path = "/v1/documents/{id}/signing-payload",
    tag = "documents",
    params(("id" = u64, Path, description = "The document id"), PayloadQuery),
    responses(
        (status = 200, description = "The payload", body = SigningPayload),
        (status = 400, description = "Bad hash or algorithm", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "No such document that the caller may access", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 503, description = "The node is not ready", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["documents:read"]))
)]
pub async fn signing_payload(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::DocumentsRead>,
	Path(id): Path<u64>,
	Query(query): Query<PayloadQuery>,
) -> Result<Json<SigningPayload>, ApiError> {
	let args = SigningPayloadArgs::parse(
		id,
		query.version,
		query.hash_algorithm.as_deref().unwrap_or("blake2_256"),
		&query.hash,
	)
	.map_err(ApiError::BadRequest)?;
	let reads = accessible(&app, &principal, id).await?;
	let payload = reads.signing_payload(&args).await?;
	Ok(Json(SigningPayload { payload: crate::chain::hex_of(payload) }))
}

/// A reader, when the caller's account may access document `id`; a 404 otherwise.
async fn accessible(
	app: &AppState,
	principal: &crate::auth::Principal,
	id: u64,
) -> Result<Reads, ApiError> {
	let account = acting_account(app, principal).await?;
	let reads = Reads::at_finalized(app)?;
	if !reads.can_access(id, &account).await? {
		return Err(ApiError::NotFound);
	}
	Ok(reads)
}

/// Whether `account` is among the parties of `document` (a `documents_get` view).
pub fn is_party(document: &Value, account: &str) -> bool {
	document["parties"]
		.as_array()
		.is_some_and(|parties| parties.iter().any(|p| p.as_str() == Some(account)))
}

/// Each version whose reason's words the gateway keeps gets them as `reasonText`.
fn with_reason_texts(document: &mut Value, texts: &[(String, String)]) {
	let Some(versions) = document["versions"].as_array_mut() else { return };
	for version in versions {
		let Some(hash) = version["reason"].as_str().map(str::to_lowercase) else { continue };
		if let Some((_, text)) = texts.iter().find(|(kept, _)| *kept == hash) {
			version["reasonText"] = Value::String(text.clone());
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn only_a_version_whose_reason_hash_is_kept_gets_the_words() {
		let mut document = json!({ "versions": [
			{ "index": 0, "reason": null },
			{ "index": 1, "reason": "0xAB" },
			{ "index": 2, "reason": "0xcd" },
		]});
		with_reason_texts(&mut document, &[("0xab".into(), "new rates".into())]);
		assert_eq!(document["versions"][0].get("reasonText"), None);
		assert_eq!(document["versions"][1]["reasonText"], "new rates");
		assert_eq!(document["versions"][2].get("reasonText"), None);
	}
}
