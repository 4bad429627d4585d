//! The one error type of the API's handlers, mapped to problem details in one place
//! ([`From<ApiError> for Problem`]). Internal causes are logged, never sent.

use axum::response::{IntoResponse, Response};

use crate::problem::Problem;

/// An error a handler returns.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
	/// The input is invalid; nothing was done.
	#[error("bad request: {0}")]
	BadRequest(String),
	/// The request is well-formed but cannot be done (e.g. an idempotency key reused for another
	/// request).
	#[error("unprocessable: {0}")]
	Unprocessable(String),
	/// No such resource (or not visible to the caller).
	#[error("not found")]
	NotFound,
	/// The resource exists already, or changed meanwhile.
	#[error("conflict: {0}")]
	Conflict(String),
	/// The caller holds as many of a limited resource as it may (e.g. open event streams).
	#[error("too many: {0}")]
	TooMany(String),
	/// An authentication or authorisation failure, already a problem (401/403).
	#[error("{}", .0.title)]
	Auth(Problem),
	/// The node is unreachable or not ready.
	#[error("chain unavailable: {0}")]
	Unavailable(String),
	/// The database failed.
	#[error("database: {0}")]
	Db(#[from] sqlx::Error),
	/// Sealing or opening a secret failed.
	#[error("sealing: {0}")]
	Seal(#[from] crate::seal::SealError),
	/// Issuing or checking a JWT failed on our side.
	#[error("keys: {0}")]
	Keys(#[from] crate::auth::keys::KeyError),
	/// The file store failed.
	#[error("file store: {0}")]
	Storage(String),
	/// The random generator failed.
	#[error(transparent)]
	Random(#[from] crate::digests::RandomError),
}

impl From<ApiError> for Problem {
	fn from(error: ApiError) -> Problem {
		match error {
			ApiError::BadRequest(detail) => Problem::bad_request(detail),
			ApiError::NotFound => Problem::not_found(),
			ApiError::Conflict(detail) => {
				Problem::new(axum::http::StatusCode::CONFLICT, "conflict", "Conflict")
					.with_detail(detail)
			}
			ApiError::Unprocessable(detail) => Problem::new(
				axum::http::StatusCode::UNPROCESSABLE_ENTITY,
				"unprocessable",
				"Unprocessable request",
			)
			.with_detail(detail),
			ApiError::TooMany(detail) => Problem::new(
				axum::http::StatusCode::TOO_MANY_REQUESTS,
				"too-many",
				"Too many requests",
			)
			.with_detail(detail),
			ApiError::Auth(problem) => problem,
			ApiError::Unavailable(detail) => Problem::unavailable(detail),
			internal @ (ApiError::Db(_)
			| ApiError::Seal(_)
			| ApiError::Keys(_)
			| ApiError::Storage(_)
			| ApiError::Random(_)) => {
				tracing::error!(error = %internal, "request failed");
				Problem::internal()
			}
		}
	}
}

impl IntoResponse for ApiError {
	fn into_response(self) -> Response {
		Problem::from(self).into_response()
	}
}
