//! The `authorization_code` grant (RFC 6749 §4.1.3) with PKCE (RFC 7636 §4.6): a code is
//! exchanged once, by the client it was issued to, with the same `redirect_uri`, within a minute,
//! and with the verifier whose SHA-256 is the challenge. A second exchange of the same code
//! revokes the refresh-token family the first one started (§4.1.2).

use super::authorize::is_pkce_text;
use super::form::OAuthForm;
use super::jwt;
use super::oauth_error::OAuthError;
use super::refresh;
use super::scopes::ScopeSet;
use super::token::TokenResponse;
use crate::app::AppState;
use crate::clock::now_ms;
use crate::db::api_clients::ApiClient;
use crate::db::users;
use crate::digests::{b64url, ct_eq, sha256};
use crate::pipeline::intake::USER_SUBJECT;

/// Exchanges a code for tokens of the person who signed in.
pub async fn exchange(
	app: &AppState,
	client: &ApiClient,
	form: &OAuthForm,
) -> Result<TokenResponse, OAuthError> {
	let code = form.require("code")?;
	let redirect_uri = form.require("redirect_uri")?;
	let verifier = form.require("code_verifier")?;
	let digest = sha256(code.as_bytes());
	let now = now_ms();
	let stored = users::find_code(&app.db.pool, &digest)
		.await?
		.filter(|c| c.client_id == client.id)
		.ok_or_else(|| OAuthError::invalid_grant("unknown code"))?;
	if !users::use_code(&app.db.pool, &digest, now).await? {
		if let Some(family) = &stored.family_id {
			refresh::revoke_family(app, family, now).await?;
		}
		tracing::warn!(client_id = %client.id, "an authorization code was presented twice");
		return Err(OAuthError::invalid_grant("the code was already used"));
	}
	if stored.expires_at < now {
		return Err(OAuthError::invalid_grant("the code expired"));
	}
	if stored.redirect_uri != redirect_uri {
		return Err(OAuthError::invalid_grant(
			"redirect_uri differs from the authorization request",
		));
	}
	let challenge = b64url(&sha256(verifier.as_bytes()));
	if !is_pkce_text(verifier) || !ct_eq(challenge.as_bytes(), stored.code_challenge.as_bytes()) {
		return Err(OAuthError::invalid_grant(
			"the code_verifier does not match the code_challenge",
		));
	}
	let user = users::by_id(&app.db.pool, &stored.user_id)
		.await?
		.filter(|u| u.disabled_at.is_none())
		.ok_or_else(|| OAuthError::invalid_grant("the person can no longer sign in"))?;
	let subject = format!("{USER_SUBJECT}{}", user.id);
	let scope = ScopeSet::parse_lenient(&stored.scope);
	let family = if client.allows_grant("refresh_token") {
		let (token, family) = refresh::start_family(app, client, &subject, &scope).await?;
		users::set_code_family(&app.db.pool, &digest, &family).await?;
		Some((token, family))
	} else {
		None
	};
	let access = jwt::issue(
		&app.keys,
		&app.tokens,
		&subject,
		&client.id,
		&scope,
		family.as_ref().map(|(_, id)| id.as_str()),
		Some(signed_in_at(&stored)),
	)?;
	Ok(TokenResponse {
		access_token: access.token,
		token_type: "Bearer".into(),
		expires_in: access.expires_in,
		scope: scope.to_string(),
		refresh_token: family.map(|(token, _)| token),
	})
}

/// When the person signed in: when the code was made (unix seconds).
fn signed_in_at(code: &users::AuthCode) -> u64 {
	u64::try_from((code.expires_at - super::authorize::CODE_TTL_MS) / 1000).unwrap_or(0)
}
