//! Certificates (diplomas, licences): issue and revoke through the submission pipeline; verify by
//! hash (public: anyone holding a certificate file can check it); list a holder's, or find those
//! issued or revoked in a block or by a transaction (from the chain index).

use std::str::FromStr as _;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use utoipa::{IntoParams, ToSchema};

use super::events::ChainEvent;
use super::recorded;
use crate::app::AppState;
use crate::auth::principal::{need, Scoped};
use crate::chain::reads::Reads;
use crate::db::chain_index::EventRow;
use crate::error::ApiError;
use crate::pipeline::calls::{digest, Call, IssueCertificate, RevokeCertificate};
use crate::pipeline::intake::{self, json_body, Submission};

/// Issue a certificate from the caller's organisation (its account needs the `Issuer` role and
/// an organisation code) to a registered holder. The submission reaches `finalized` with
/// `result.certificate`, or `failed` with the pallet's error (`Documents.NotIssuer`,
/// `Documents.CertificateExists`, …).
#[utoipa::path(
    post,
    path = "/v1/certificates",
    tag = "certificates",
    request_body = IssueCertificate,
    params(("Idempotency-Key" = String, Header, description = "Unique per request")),
    responses(
        (status = 202, description = "Accepted (or replayed)", body = Submission),
        (status = 400, description = "Invalid request; nothing stored", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No certificates:issue scope, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused for another request", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["certificates:issue"]))
)]
pub async fn issue(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::CertificatesIssue>,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Response, ApiError> {
	let request: IssueCertificate = json_body(&headers, &body)?;
	intake::submit(&app, &principal, &headers, Call::IssueCertificate(request)).await
}

/// Revoke a certificate of the caller's organisation, with the hash of the reason.
#[utoipa::path(
    post,
    path = "/v1/certificates/{hash}/revocation",
    tag = "certificates",
    request_body = RevokeCertificate,
    params(("hash" = String, Path, description = "The certificate's hash"), ("Idempotency-Key" = String, Header, description = "Unique per request")),
    responses(
        (status = 202, description = "Accepted (or replayed)", body = Submission),
        (status = 400, description = "Invalid request; nothing stored", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No certificates:issue scope, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused for another request", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["certificates:issue"]))
)]
pub async fn revoke(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::CertificatesIssue>,
	Path(hash): Path<String>,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Response, ApiError> {
	let request = RevokeCertificate { hash, ..json_body(&headers, &body)? };
	intake::submit(&app, &principal, &headers, Call::RevokeCertificate(request)).await
}

/// A certificate checked against the chain, and who issued it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Verified {
	/// The finalized block read: `{block_number, block_hash}`.
	#[schema(value_type = Object)]
	pub at: Value,
	/// The certificate: status (`Valid`, `Expired`, `Revoked`), issuer, organisation code,
	/// holder, type, issue and expiry blocks, revocation.
	#[schema(value_type = Object)]
	pub certificate: Value,
	/// The issuer's keys and organisation (see `GET /v1/participants/{account}/public-key`).
	#[schema(value_type = Object)]
	pub issuer: Value,
}

/// Verify a certificate by the hash of its file (blake2-256). Public: no token is needed.
#[utoipa::path(
    get,
    path = "/v1/certificates/{hash}",
    tag = "certificates",
    params(("hash" = String, Path, description = "`0x` and 64 hex characters")),
    responses(
        (status = 200, description = "The certificate and its issuer", body = Verified),
        (status = 400, description = "Not a hash", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "No certificate has this hash", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 503, description = "The node is not ready", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    )
)]
pub async fn verify(
	State(app): State<AppState>,
	Path(hash): Path<String>,
) -> Result<Json<Verified>, ApiError> {
	digest(&hash).map_err(ApiError::BadRequest)?;
	let reads = Reads::at_finalized(&app)?;
	let certificate = reads.verify(&hash).await?["certificate"].take();
	if certificate.is_null() {
		return Err(ApiError::NotFound);
	}
	let issuer = match certificate["issuer"].as_str() {
		Some(account) => super::participants::public_key(&reads, account).await?,
		None => Value::Null,
	};
	Ok(Json(Verified { at: reads.at_json(), certificate, issuer }))
}

/// Which certificates: exactly one of `holder`, `block` or `transaction`.
#[derive(Debug, Deserialize, IntoParams)]
pub struct LookupQuery {
	/// A holder's certificates (SS58), paged by `after` (a certificate hash) and `limit`.
	pub holder: Option<String>,
	pub after: Option<String>,
	/// 1 to 100, default 20.
	pub limit: Option<u32>,
	/// The certificates issued or revoked in this finalized block.
	pub block: Option<i64>,
	/// The certificates issued or revoked by this transaction (`0x`-hex extrinsic hash).
	pub transaction: Option<String>,
}

/// A holder's certificates, or the certificates issued or revoked in a block or by a
/// transaction, each with its status now.
#[utoipa::path(
    get,
    path = "/v1/certificates",
    tag = "certificates",
    params(LookupQuery),
    responses(
        (status = 200, description = "`{at, certificates}` for a holder; `{block}` or `{transaction}` with `certificates: [{event, certificate}]` otherwise", body = Object),
        (status = 400, description = "Not exactly one of holder, block, transaction; or a bad value", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No certificates:read scope", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "The block is not indexed yet, or no indexed transaction with this hash issued or revoked a certificate", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["certificates:read"]))
)]
pub async fn lookup(
	State(app): State<AppState>,
	_caller: Scoped<need::CertificatesRead>,
	Query(query): Query<LookupQuery>,
) -> Result<Json<Value>, ApiError> {
	let given = [query.holder.is_some(), query.block.is_some(), query.transaction.is_some()];
	if given.iter().filter(|g| **g).count() != 1 {
		return Err(ApiError::BadRequest(
			"give exactly one of holder, block and transaction".into(),
		));
	}
	let reads = Reads::at_finalized(&app)?;
	if let Some(holder) = &query.holder {
		let limit = query.limit.unwrap_or(20);
		if !(1..=100).contains(&limit) {
			return Err(ApiError::BadRequest("limit must be 1 to 100".into()));
		}
		if let Some(after) = &query.after {
			digest(after).map_err(|e| ApiError::BadRequest(format!("after: {e}")))?;
		}
		subxt::utils::AccountId32::from_str(holder)
			.map_err(|e| ApiError::BadRequest(format!("holder: {e}")))?;
		let certificates = reads.certificates(holder, query.after.as_deref(), limit).await?;
		return Ok(Json(json!({ "at": reads.at_json(), "certificates": certificates })));
	}
	if let Some(number) = query.block {
		let (block, rows) = recorded::block_events(&app, number, "certificate.").await?;
		let certificates = with_views(&reads, rows).await?;
		return Ok(Json(json!({ "block": block, "certificates": certificates })));
	}
	let hash = query.transaction.unwrap_or_default();
	let (transaction, rows) = recorded::transaction_events(&app, &hash, "certificate.").await?;
	let certificates = with_views(&reads, rows).await?;
	Ok(Json(json!({ "transaction": transaction, "certificates": certificates })))
}

/// Each certificate event with the certificate's status now.
async fn with_views(reads: &Reads, rows: Vec<EventRow>) -> Result<Vec<Value>, ApiError> {
	let mut out = Vec::with_capacity(rows.len());
	for row in rows {
		let event = ChainEvent::of(row);
		let certificate = match event.data["hash"].as_str() {
			Some(hash) => reads.verify(hash).await?["certificate"].take(),
			None => Value::Null,
		};
		out.push(json!({ "event": event, "certificate": certificate }));
	}
	Ok(out)
}
