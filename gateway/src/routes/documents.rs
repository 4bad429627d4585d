//! Writes on documents: `POST /v1/documents` (create, or a supplement),
//! `POST /v1/documents/signatures` (sign: the operator's own signatures, bulk, and parties'
//! signatures made with their own keys, relayed), `POST /v1/documents/{id}/amendments` and
//! `…/terminations` (proposals, signed again like a new text). Each answers at once with the
//! submission.

use std::str::FromStr as _;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use subxt::utils::AccountId32;

use crate::app::AppState;
use crate::auth::principal::{insufficient_scope, need, Scoped};
use crate::auth::scopes::Scope;
use crate::auth::Principal;
use crate::chain::reads::Reads;
use crate::clock::now_ms;
use crate::db::{clients, reasons};
use crate::error::ApiError;
use crate::pipeline::calls::{
	reason_hash_of, AccessGrant, AccessRevocation, Call, CreateDocument, ProposeAmendment,
	ProposeTermination, SignDocuments,
};
use crate::pipeline::intake::{self, json_body, Submission};

use super::signable;

/// Create a document: its file's hash and link go on chain, the caller's account among the
/// parties. The submission reaches `finalized` with `result.document` (the new id) or `failed`
/// with the pallet's error.
#[utoipa::path(
    post,
    path = "/v1/documents",
    tag = "documents",
    request_body = CreateDocument,
    params(("Idempotency-Key" = String, Header, description = "Unique per request; a retry with the same key and body answers the same submission")),
    responses(
        (status = 202, description = "Accepted (or replayed, with Idempotent-Replayed: true)", body = Submission),
        (status = 400, description = "Invalid request; nothing stored", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No documents:write scope, or no chain account for this client", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused for another request", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["documents:write"]))
)]
pub async fn create(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::DocumentsWrite>,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Response, ApiError> {
	let request: CreateDocument = json_body(&headers, &body)?;
	intake::submit(&app, &principal, &headers, Call::CreateDocument(request)).await
}

/// Sign versions of documents, up to 100 in one all-or-nothing call: items without `relayed` are
/// signed by the caller's account (bulk signing by the operator); items with `relayed` carry a
/// party's own signature of the signing payload, submitted (and paid for) by the operator. The
/// submission reaches `finalized` with `result.signed` and `result.activated` (document ids), or
/// `failed` with the pallet's error (`Documents.BulkItemFailed (item i, …)` names the item).
/// Every item is checked against the finalized document first (the version open, its hash, a
/// required signer that has not signed): a batch the chain would refuse is a 409, not a fee.
/// A client registered through this gateway signs for itself (for its person signed in,
/// `documents:sign` is enough), and
/// its registrar submits and pays: with `custody: gateway` the items carry no `relayed` (the
/// gateway signs with the client's key); with `custody: self` every item carries the client's own
/// sr25519 or ed25519 signature as `relayed`, checked before it is accepted.
#[utoipa::path(
    post,
    path = "/v1/documents/signatures",
    tag = "documents",
    request_body = SignDocuments,
    params(("Idempotency-Key" = String, Header, description = "Unique per request")),
    responses(
        (status = 202, description = "Accepted (or replayed)", body = Submission),
        (status = 400, description = "Invalid request, or a client's signature that does not verify; nothing stored", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "Neither documents:write nor (for a client) documents:sign, or no chain account for this client", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 409, description = "An item the chain would refuse as of the finalized block (named), or the client is not (yet) registered on chain under its registrar", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused for another request", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 503, description = "The node is not ready: the items cannot be checked against the finalized documents (nothing stored; retry)", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["documents:write"]), ("bearer" = ["documents:sign"]))
)]
pub async fn sign(
	State(app): State<AppState>,
	principal: Principal,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Response, ApiError> {
	let may_write = principal.scopes.contains(Scope::DocumentsWrite);
	if !may_write && !principal.scopes.contains(Scope::DocumentsSign) {
		return Err(ApiError::Auth(insufficient_scope(Scope::DocumentsSign)));
	}
	// documents:sign is a person's: their own signatures, through a portal.
	if !may_write && !principal.subject.starts_with(intake::USER_SUBJECT) {
		return Err(ApiError::Auth(insufficient_scope(Scope::DocumentsWrite)));
	}
	let request: SignDocuments = json_body(&headers, &body)?;
	// A caller without an account gets intake's answer below.
	let client = match intake::acting_account(&app, &principal).await {
		Ok(caller) => clients::find(&app.db.pool, &caller).await?,
		Err(_) => None,
	};
	match client {
		Some(client) => {
			super::client_signing::sign(&app, &principal, &headers, client, request).await
		}
		None if may_write => operator_sign(&app, &principal, &headers, request).await,
		None => Err(ApiError::Auth(insufficient_scope(Scope::DocumentsWrite))),
	}
}

/// The caller's own signatures and those it relays, checked against the finalized document before
/// it pays for them: the chain takes a batch whole or not at all.
async fn operator_sign(
	app: &AppState,
	principal: &Principal,
	headers: &HeaderMap,
	request: SignDocuments,
) -> Result<Response, ApiError> {
	let intake = intake::prepare(app, principal, headers).await?;
	let call = Call::SignDocuments(request);
	call.check(&intake.signer).map_err(ApiError::BadRequest)?;
	let fingerprint = intake::fingerprint(&call)?;
	// A retry of a request already accepted answers its submission: the checks below would
	// refuse the signatures it made.
	if let Some(stored) = intake.replayed(app, principal, &fingerprint).await? {
		return Ok(intake::accepted(stored));
	}
	if let Call::SignDocuments(request) = &call {
		// Each signer as the node writes it (a relayed one may be sent in another network's
		// format; `check` above parsed it).
		let signers = request
			.items
			.iter()
			.map(|item| match &item.relayed {
				Some(relayed) => AccountId32::from_str(&relayed.signer)
					.map(|account| account.to_string())
					.map_err(|e| ApiError::BadRequest(format!("relayed.signer: {e}"))),
				None => Ok(intake.signer.clone()),
			})
			.collect::<Result<Vec<_>, _>>()?;
		let reads = Reads::at_finalized(app)?;
		signable::check(&reads, &request.items, &signers).await?;
	}
	let stored = intake.store_alone(app, principal, &call, &fingerprint).await?;
	Ok(intake::accepted(stored))
}

/// Propose a new text of an active document (its hash and link, and the hash of the reason): it
/// must be signed again by every required signer; until then the text in force stays. The
/// submission reaches `finalized` with `result: {document, version}`. The reason's words, when
/// sent, are kept for the document's parties and shown with the version (`reasonText`).
#[utoipa::path(
    post,
    path = "/v1/documents/{id}/amendments",
    tag = "documents",
    params(("id" = u64, Path, description = "The document"), ("Idempotency-Key" = String, Header, description = "Unique per request")),
    request_body = ProposeAmendment,
    responses(
        (status = 202, description = "Accepted (or replayed)", body = Submission),
        (status = 400, description = "Invalid request; nothing stored", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No documents:write scope, or no chain account for this client", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused for another request", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["documents:write"]))
)]
pub async fn amend(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::DocumentsWrite>,
	Path(id): Path<u64>,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Response, ApiError> {
	let mut request = ProposeAmendment { document: id, ..json_body(&headers, &body)? };
	let reason = with_reason(&mut request.reason_hash, &request.reason);
	propose(&app, &principal, &headers, Call::ProposeAmendment(request), id, reason).await
}

/// Propose to terminate an active document (with the hash of the reason, and its words if they
/// are to be shown to the parties): once every required signer signed the termination version,
/// the document is `Terminated`.
#[utoipa::path(
    post,
    path = "/v1/documents/{id}/terminations",
    tag = "documents",
    params(("id" = u64, Path, description = "The document"), ("Idempotency-Key" = String, Header, description = "Unique per request")),
    request_body = ProposeTermination,
    responses(
        (status = 202, description = "Accepted (or replayed)", body = Submission),
        (status = 400, description = "Invalid request; nothing stored", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No documents:write scope, or no chain account for this client", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused for another request", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["documents:write"]))
)]
pub async fn terminate(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::DocumentsWrite>,
	Path(id): Path<u64>,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Response, ApiError> {
	let mut request = ProposeTermination { document: id, ..json_body(&headers, &body)? };
	let reason = with_reason(&mut request.reason_hash, &request.reason);
	propose(&app, &principal, &headers, Call::ProposeTermination(request), id, reason).await
}

/// The reason's hash taken from its words when only the words were sent; the words and their
/// hash to keep, if any.
fn with_reason(reason_hash: &mut String, reason: &Option<String>) -> Option<(String, String)> {
	let words = reason.as_ref()?;
	if reason_hash.is_empty() {
		*reason_hash = reason_hash_of(words);
	}
	Some((reason_hash.to_lowercase(), words.clone()))
}

/// Stores a proposal and, in the same transaction, its reason's words (the call checked them
/// against the hash), so a proposal the gateway accepted never lacks them.
async fn propose(
	app: &AppState,
	principal: &Principal,
	headers: &HeaderMap,
	call: Call,
	document: u64,
	reason: Option<(String, String)>,
) -> Result<Response, ApiError> {
	let intake = intake::prepare(app, principal, headers).await?;
	call.check(&intake.signer).map_err(ApiError::BadRequest)?;
	let fingerprint = intake::fingerprint(&call)?;
	let document =
		i64::try_from(document).map_err(|_| ApiError::BadRequest("no such document id".into()))?;
	let mut tx = app.db.pool.begin().await?;
	let stored = intake.store(&mut tx, principal, &call, &fingerprint).await?;
	if let (false, Some((hash, words))) = (stored.replayed, reason) {
		reasons::insert(&mut *tx, document, &hash, &words, now_ms()).await?;
	}
	tx.commit().await?;
	if !stored.replayed {
		app.wake.notify_one();
	}
	Ok(intake::accepted(stored))
}

/// Let `viewer` (an auditor, a regulator) fetch the document's file until `expires_at` (absent:
/// until revoked); the grant's deposit is held from the caller's account, a party. The
/// submission reaches `finalized` with `result: {document, viewer}`, or `failed` with the
/// pallet's error (`Documents.NotParty`, `Documents.AlreadyGranted`, …).
#[utoipa::path(
    post,
    path = "/v1/documents/{id}/access-grants",
    tag = "documents",
    params(("id" = u64, Path, description = "The document"), ("Idempotency-Key" = String, Header, description = "Unique per request")),
    request_body = AccessGrant,
    responses(
        (status = 202, description = "Accepted (or replayed)", body = Submission),
        (status = 400, description = "Invalid request; nothing stored", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No documents:write scope, or no chain account for this client", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused for another request", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["documents:write"]))
)]
pub async fn grant_access(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::DocumentsWrite>,
	Path(id): Path<u64>,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Response, ApiError> {
	let request = AccessGrant { document: id, ..json_body(&headers, &body)? };
	intake::submit(&app, &principal, &headers, Call::GrantAccess(request)).await
}

/// End `viewer`'s access to the document's file; the deposit goes back to the party that
/// granted it.
#[utoipa::path(
    delete,
    path = "/v1/documents/{id}/access-grants/{viewer}",
    tag = "documents",
    params(("id" = u64, Path, description = "The document"), ("viewer" = String, Path, description = "The viewer (SS58)"), ("Idempotency-Key" = String, Header, description = "Unique per request")),
    responses(
        (status = 202, description = "Accepted (or replayed)", body = Submission),
        (status = 400, description = "Invalid request; nothing stored", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No documents:write scope, or no chain account for this client", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused for another request", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["documents:write"]))
)]
pub async fn revoke_access(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::DocumentsWrite>,
	Path((id, viewer)): Path<(u64, String)>,
	headers: HeaderMap,
) -> Result<Response, ApiError> {
	let request = AccessRevocation { document: id, viewer };
	intake::submit(&app, &principal, &headers, Call::RevokeAccess(request)).await
}
