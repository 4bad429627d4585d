//! `POST /oauth/token` (RFC 6749 §3.2): `client_credentials` (§4.4), `authorization_code` with
//! PKCE (§4.1, RFC 7636; [`super::code`]) and `refresh_token` (§6).
//!
//! Refresh tokens with client credentials: §4.4.3 says a refresh token SHOULD NOT be issued.
//! The operator's CRM integration expects one (issue 22), so an API client gets refresh tokens
//! only when the `refresh_token` grant is enabled for it (`admin api-client create
//! --refresh-tokens`); by default it gets none.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::client_auth::identify;
use super::form::OAuthForm;
use super::jwt;
use super::oauth_error::{no_store, OAuthError, OAuthErrorCode};
use super::refresh;
use super::scopes::ScopeSet;
use crate::app::AppState;
use crate::db::api_clients::ApiClient;

/// A successful token response (§5.1).
#[derive(Debug, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct TokenResponse {
	/// The access token, a JWT (ES256).
	pub access_token: String,
	/// Always `Bearer`.
	#[schema(example = "Bearer")]
	pub token_type: String,
	/// Lifetime of the access token in seconds.
	pub expires_in: u64,
	/// The granted scopes, space-separated.
	#[schema(example = "documents:read documents:write")]
	pub scope: String,
	/// A refresh token, when the client may refresh.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub refresh_token: Option<String>,
}

/// The form parameters of the token endpoint (for the OpenAPI document).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct TokenRequest {
	/// `client_credentials`, `authorization_code` (with PKCE) or `refresh_token`.
	grant_type: String,
	/// The code (grant `authorization_code`).
	code: Option<String>,
	/// The `redirect_uri` of the authorization request (grant `authorization_code`).
	redirect_uri: Option<String>,
	/// The PKCE verifier (grant `authorization_code`).
	code_verifier: Option<String>,
	/// Requested scopes, space-separated (default: all the client may have / the original grant's).
	scope: Option<String>,
	/// The refresh token (grant `refresh_token`).
	refresh_token: Option<String>,
	/// With `client_secret_post`, or alone for a public (portal) client; otherwise use HTTP Basic.
	client_id: Option<String>,
	/// With `client_secret_post`; otherwise use HTTP Basic.
	client_secret: Option<String>,
}

/// Issues tokens.
#[utoipa::path(
    post,
    path = "/oauth/token",
    tag = "oauth",
    request_body(content = TokenRequest, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "Tokens issued", body = TokenResponse),
        (status = 400, description = "RFC 6749 §5.2 error", body = super::oauth_error::OAuthErrorBody),
        (status = 401, description = "Client authentication failed (`invalid_client`)", body = super::oauth_error::OAuthErrorBody),
    ),
    security(("client_secret_basic" = []), ())
)]
pub async fn token(
	State(app): State<AppState>,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Response, OAuthError> {
	let form = OAuthForm::parse(&headers, &body)?;
	let grant_type = form.require("grant_type")?;
	if !matches!(grant_type, "client_credentials" | "refresh_token" | "authorization_code") {
		return Err(OAuthError::new(
			OAuthErrorCode::UnsupportedGrantType,
			format!("the grant type {grant_type} is not supported"),
		));
	}
	let client = identify(&app.db, &headers, &form).await?;
	if !client.allows_grant(grant_type) {
		return Err(OAuthError::unauthorized_client(format!(
			"this client may not use {grant_type}"
		)));
	}
	let response = match grant_type {
		"client_credentials" => client_credentials(&app, &client, &form).await?,
		"authorization_code" => super::code::exchange(&app, &client, &form).await?,
		_ => refresh::refresh(&app, &client, &form).await?,
	};
	let mut response = Json(response).into_response();
	no_store(&mut response);
	Ok(response)
}

/// §4.4: the client acts for itself (`sub` = its id).
async fn client_credentials(
	app: &AppState,
	client: &ApiClient,
	form: &OAuthForm,
) -> Result<TokenResponse, OAuthError> {
	let allowed = ScopeSet::parse_lenient(&client.scopes);
	let scope = granted_scope(form.get("scope"), &allowed)?;
	let family = if client.allows_grant("refresh_token") {
		Some(refresh::start_family(app, client, &client.id, &scope).await?)
	} else {
		None
	};
	let access = jwt::issue(
		&app.keys,
		&app.tokens,
		&client.id,
		&client.id,
		&scope,
		family.as_ref().map(|(_, id)| id.as_str()),
		None,
	)?;
	let refresh_token = family.map(|(token, _)| token);
	Ok(TokenResponse {
		access_token: access.token,
		token_type: "Bearer".into(),
		expires_in: access.expires_in,
		scope: scope.to_string(),
		refresh_token,
	})
}

/// The scope to grant: the requested one (every token known and allowed) or, when absent, all
/// that is allowed (§3.3). An empty result is `invalid_scope`.
pub fn granted_scope(requested: Option<&str>, allowed: &ScopeSet) -> Result<ScopeSet, OAuthError> {
	let scope = match requested {
		Some(text) => {
			let requested = ScopeSet::parse_strict(text)
				.map_err(|e| OAuthError::invalid_scope(e.to_string()))?;
			if !requested.is_subset(allowed) {
				return Err(OAuthError::invalid_scope(
					"the requested scope exceeds what this client may have",
				));
			}
			requested
		}
		None => allowed.clone(),
	};
	if scope.is_empty() {
		return Err(OAuthError::invalid_scope("no scope to grant"));
	}
	Ok(scope)
}
