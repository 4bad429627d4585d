//! `GET /.well-known/jwks.json` (RFC 7517: the active and published verifying keys) and
//! `GET /.well-known/oauth-authorization-server` (RFC 8414 metadata).

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::scopes::Scope;
use crate::app::AppState;

/// The published key set.
#[utoipa::path(
    get,
    path = "/.well-known/jwks.json",
    tag = "oauth",
    responses((status = 200, description = "JSON Web Key Set (RFC 7517)", body = serde_json::Value))
)]
pub async fn jwks(State(app): State<AppState>) -> Response {
	let mut response = Json(app.keys.jwks().as_ref().clone()).into_response();
	// Verifiers may cache it briefly; a rotated-in key is published before it signs anything
	// only if they refresh on an unknown kid, which is the usual behaviour.
	response
		.headers_mut()
		.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=60"));
	response
}

/// RFC 8414 §2 metadata.
#[derive(Debug, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct AuthorizationServerMetadata {
	pub issuer: String,
	pub authorization_endpoint: String,
	pub token_endpoint: String,
	pub jwks_uri: String,
	pub revocation_endpoint: String,
	pub scopes_supported: Vec<String>,
	/// `code` (with PKCE, for public portal clients).
	pub response_types_supported: Vec<String>,
	pub code_challenge_methods_supported: Vec<String>,
	pub grant_types_supported: Vec<String>,
	pub token_endpoint_auth_methods_supported: Vec<String>,
	pub revocation_endpoint_auth_methods_supported: Vec<String>,
	pub service_documentation: String,
}

/// The authorisation server's metadata.
#[utoipa::path(
    get,
    path = "/.well-known/oauth-authorization-server",
    tag = "oauth",
    responses((status = 200, description = "RFC 8414 metadata", body = AuthorizationServerMetadata))
)]
pub async fn authorization_server(
	State(app): State<AppState>,
) -> Json<AuthorizationServerMetadata> {
	let base = &app.tokens.issuer;
	let methods = vec![
		"client_secret_basic".to_string(),
		"client_secret_post".to_string(),
		"none".to_string(),
	];
	Json(AuthorizationServerMetadata {
		issuer: base.clone(),
		authorization_endpoint: format!("{base}/oauth/authorize"),
		token_endpoint: format!("{base}/oauth/token"),
		jwks_uri: format!("{base}/.well-known/jwks.json"),
		revocation_endpoint: format!("{base}/oauth/revoke"),
		scopes_supported: Scope::ALL.iter().map(|s| s.as_str().to_string()).collect(),
		response_types_supported: vec!["code".into()],
		code_challenge_methods_supported: vec!["S256".into()],
		grant_types_supported: vec![
			"client_credentials".into(),
			"authorization_code".into(),
			"refresh_token".into(),
		],
		token_endpoint_auth_methods_supported: methods.clone(),
		revocation_endpoint_auth_methods_supported: methods,
		service_documentation: format!("{base}/docs"),
	})
}
