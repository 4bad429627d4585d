//! `POST /v1/documents`: create a document (or a supplement) on chain, signed by the caller's
//! chain account; answered at once with the submission to follow.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::app::AppState;
use crate::auth::principal::{need, Scoped};
use crate::error::ApiError;
use crate::pipeline::calls::{Call, CreateDocument};
use crate::pipeline::intake::{self, Submission};

/// Create a document: its file's hash and link go on chain, the caller's account among the
/// parties. `Idempotency-Key` is required; the answer is the submission (`202`), which reaches
/// `finalized` with `result.document` (the new id) or `failed` with the pallet's error.
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
	let (replayed, submission) =
		intake::accept(&app, &principal, &headers, Call::CreateDocument(request)).await?;
	Ok(accepted(replayed, submission))
}

/// Parses a JSON request body; anything else is a 400 naming the problem.
pub fn json_body<T: serde::de::DeserializeOwned>(
	headers: &HeaderMap,
	body: &[u8],
) -> Result<T, ApiError> {
	let json = headers
		.get(axum::http::header::CONTENT_TYPE)
		.and_then(|v| v.to_str().ok())
		.is_some_and(|v| {
			v.split(';').next().is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
		});
	if !json {
		return Err(ApiError::BadRequest("the body must be application/json".into()));
	}
	serde_json::from_slice(body).map_err(|e| ApiError::BadRequest(format!("invalid body: {e}")))
}

/// `202` with the submission and its `Location`.
pub fn accepted(replayed: bool, submission: Submission) -> Response {
	let location = HeaderValue::from_str(&submission.status_url).ok();
	let mut response = (StatusCode::ACCEPTED, Json(submission)).into_response();
	if let Some(location) = location {
		response.headers_mut().insert(axum::http::header::LOCATION, location);
	}
	if replayed {
		response.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
	}
	response
}
