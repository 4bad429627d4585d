//! Errors of the OAuth endpoints in the RFC 6749 §5.2 form: `{"error": …, "error_description": …}`
//! with `Cache-Control: no-store`; `invalid_client` is a 401 with a `WWW-Authenticate: Basic`
//! challenge (§5.2).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// The error codes of RFC 6749 §5.2 and RFC 7009 §2.2.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OAuthErrorCode {
	InvalidRequest,
	InvalidClient,
	InvalidGrant,
	UnauthorizedClient,
	UnsupportedGrantType,
	InvalidScope,
	UnsupportedTokenType,
	ServerError,
	TemporarilyUnavailable,
}

impl OAuthErrorCode {
	pub fn as_str(self) -> &'static str {
		match self {
			OAuthErrorCode::InvalidRequest => "invalid_request",
			OAuthErrorCode::InvalidClient => "invalid_client",
			OAuthErrorCode::InvalidGrant => "invalid_grant",
			OAuthErrorCode::UnauthorizedClient => "unauthorized_client",
			OAuthErrorCode::UnsupportedGrantType => "unsupported_grant_type",
			OAuthErrorCode::InvalidScope => "invalid_scope",
			OAuthErrorCode::UnsupportedTokenType => "unsupported_token_type",
			OAuthErrorCode::ServerError => "server_error",
			OAuthErrorCode::TemporarilyUnavailable => "temporarily_unavailable",
		}
	}

	fn status(self) -> StatusCode {
		match self {
			OAuthErrorCode::InvalidClient => StatusCode::UNAUTHORIZED,
			OAuthErrorCode::ServerError => StatusCode::INTERNAL_SERVER_ERROR,
			OAuthErrorCode::TemporarilyUnavailable => StatusCode::SERVICE_UNAVAILABLE,
			_ => StatusCode::BAD_REQUEST,
		}
	}
}

/// An OAuth endpoint's error answer.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}: {}", .code.as_str(), .description)]
pub struct OAuthError {
	pub code: OAuthErrorCode,
	pub description: String,
}

/// The JSON body (also the OpenAPI schema).
#[derive(Debug, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct OAuthErrorBody {
	/// RFC 6749 §5.2 error code.
	#[schema(example = "invalid_grant")]
	pub error: String,
	/// Human-readable explanation.
	pub error_description: String,
}

impl OAuthError {
	pub fn new(code: OAuthErrorCode, description: impl Into<String>) -> OAuthError {
		OAuthError { code, description: description.into() }
	}

	pub fn invalid_request(description: impl Into<String>) -> OAuthError {
		OAuthError::new(OAuthErrorCode::InvalidRequest, description)
	}

	pub fn invalid_client(description: impl Into<String>) -> OAuthError {
		OAuthError::new(OAuthErrorCode::InvalidClient, description)
	}

	pub fn invalid_grant(description: impl Into<String>) -> OAuthError {
		OAuthError::new(OAuthErrorCode::InvalidGrant, description)
	}

	pub fn invalid_scope(description: impl Into<String>) -> OAuthError {
		OAuthError::new(OAuthErrorCode::InvalidScope, description)
	}

	pub fn unauthorized_client(description: impl Into<String>) -> OAuthError {
		OAuthError::new(OAuthErrorCode::UnauthorizedClient, description)
	}

	/// An internal failure: logged here, a bare `server_error` for the client.
	pub fn server_error(cause: &dyn std::fmt::Display) -> OAuthError {
		tracing::error!(error = %cause, "oauth endpoint failed");
		OAuthError::new(
			OAuthErrorCode::ServerError,
			"the authorisation server failed; the incident is logged",
		)
	}
}

impl From<sqlx::Error> for OAuthError {
	fn from(error: sqlx::Error) -> OAuthError {
		OAuthError::server_error(&error)
	}
}

impl From<crate::auth::keys::KeyError> for OAuthError {
	fn from(error: crate::auth::keys::KeyError) -> OAuthError {
		OAuthError::server_error(&error)
	}
}

impl From<crate::digests::RandomError> for OAuthError {
	fn from(error: crate::digests::RandomError) -> OAuthError {
		OAuthError::server_error(&error)
	}
}

/// Headers every token-endpoint answer carries (RFC 6749 §5.1).
pub fn no_store(response: &mut Response) {
	let headers = response.headers_mut();
	headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
	headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
}

impl IntoResponse for OAuthError {
	fn into_response(self) -> Response {
		let body = OAuthErrorBody {
			error: self.code.as_str().to_string(),
			error_description: self.description,
		};
		let mut response = (self.code.status(), Json(body)).into_response();
		no_store(&mut response);
		if self.code == OAuthErrorCode::InvalidClient {
			response.headers_mut().insert(
				header::WWW_AUTHENTICATE,
				HeaderValue::from_static("Basic realm=\"pactum-gateway\", charset=\"UTF-8\""),
			);
		}
		response
	}
}
