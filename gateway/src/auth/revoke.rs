//! `POST /oauth/revoke` (RFC 7009). The client authenticates; a refresh token of its own revokes
//! its whole family, an access token of its own is denied until it expires. Unknown or invalid
//! tokens are answered 200 as well (§2.2); a token of another client is `unauthorized_client`.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::client_auth::identify;
use super::form::OAuthForm;
use super::jwt;
use super::oauth_error::{no_store, OAuthError};
use crate::app::AppState;
use crate::clock::now_ms;
use crate::db::refresh_tokens;
use crate::digests::sha256;

/// The form parameters (for the OpenAPI document).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct RevocationRequest {
	/// The token to revoke.
	token: String,
	/// `access_token` or `refresh_token`: where to look first.
	token_type_hint: Option<String>,
}

/// Revokes a token.
#[utoipa::path(
    post,
    path = "/oauth/revoke",
    tag = "oauth",
    request_body(content = RevocationRequest, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "Revoked, or not a valid token"),
        (status = 400, description = "RFC 6749 §5.2 error", body = super::oauth_error::OAuthErrorBody),
        (status = 401, description = "Client authentication failed", body = super::oauth_error::OAuthErrorBody),
    ),
    security(("client_secret_basic" = []), ())
)]
pub async fn revoke(
	State(app): State<AppState>,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Response, OAuthError> {
	let form = OAuthForm::parse(&headers, &body)?;
	let client = identify(&app.db, &headers, &form).await?;
	let token = form.require("token")?;
	// Unknown hints are ignored: the server must search every type anyway (§2.1).
	let done = match form.get("token_type_hint") {
		Some("access_token") => {
			revoke_access(&app, &client.id, token).await?
				|| revoke_refresh(&app, &client.id, token).await?
		}
		_ => {
			revoke_refresh(&app, &client.id, token).await?
				|| revoke_access(&app, &client.id, token).await?
		}
	};
	if !done {
		tracing::debug!(client_id = %client.id, "revocation of an unknown token");
	}
	let mut response = StatusCode::OK.into_response();
	no_store(&mut response);
	Ok(response)
}

/// Whether `token` is a refresh token of ours; if so, its family is revoked.
async fn revoke_refresh(app: &AppState, client_id: &str, token: &str) -> Result<bool, OAuthError> {
	let Some(row) = refresh_tokens::find(&app.db.pool, &sha256(token.as_bytes())).await? else {
		return Ok(false);
	};
	if row.client_id != client_id {
		return Err(OAuthError::unauthorized_client("the token was issued to another client"));
	}
	let revoked = super::refresh::revoke_family(app, &row.family_id, now_ms()).await?;
	tracing::info!(client_id, family = %row.family_id, revoked, "refresh token family revoked");
	Ok(true)
}

/// Whether `token` is a valid access token of ours; if so, its `jti` is denied until it expires.
async fn revoke_access(app: &AppState, client_id: &str, token: &str) -> Result<bool, OAuthError> {
	let Ok((claims, _)) = jwt::verify(&app.keys, &app.tokens, token) else {
		return Ok(false);
	};
	if claims.client_id != client_id {
		return Err(OAuthError::unauthorized_client("the token was issued to another client"));
	}
	// Until the token stops verifying: its expiry plus the leeway verification allows.
	let expires_at = i64::try_from(claims.exp.saturating_add(app.tokens.leeway_secs))
		.unwrap_or(i64::MAX)
		.saturating_mul(1000);
	app.revoked.revoke(&app.db, &claims.jti, expires_at).await?;
	tracing::info!(client_id, jti = %claims.jti, "access token revoked");
	Ok(true)
}
