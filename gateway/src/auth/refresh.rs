//! Refresh tokens (RFC 6749 §6) with rotation and reuse detection (OAuth 2.0 Security BCP,
//! RFC 9700 §4.14.2): every refresh returns a new refresh token of the same family and marks the
//! presented one rotated; presenting a rotated token again revokes the whole family and is
//! `invalid_grant`. A family lives `refresh_ttl_secs` from its first grant: rotation does not
//! extend it.

use super::form::OAuthForm;
use super::jwt;
use super::oauth_error::OAuthError;
use super::revocation::family_key;
use super::scopes::{person_scopes, ScopeSet};
use super::token::{granted_scope, TokenResponse};
use crate::app::AppState;
use crate::clock::{now_ms, secs_to_ms};
use crate::db::api_clients::ApiClient;
use crate::db::refresh_tokens::{self, RefreshToken};
use crate::db::users;
use crate::digests::{random_token, sha256};
use crate::pipeline::intake::USER_SUBJECT;

/// Starts a family with a first token for `subject`; returns the token and the family's id.
pub async fn start_family(
	app: &AppState,
	client: &ApiClient,
	subject: &str,
	scope: &ScopeSet,
) -> Result<(String, String), OAuthError> {
	let token = random_token()?;
	let now = now_ms();
	let row = RefreshToken {
		token_sha256: sha256(token.as_bytes()),
		family_id: uuid::Uuid::now_v7().to_string(),
		client_id: client.id.clone(),
		subject: subject.to_string(),
		scope: scope.to_string(),
		issued_at: now,
		expires_at: now.saturating_add(secs_to_ms(app.tokens.refresh_ttl_secs)),
		rotated_at: None,
		revoked_at: None,
	};
	refresh_tokens::insert(&app.db.pool, &row).await?;
	Ok((token, row.family_id))
}

/// The `refresh_token` grant for an authenticated client.
pub async fn refresh(
	app: &AppState,
	client: &ApiClient,
	form: &OAuthForm,
) -> Result<TokenResponse, OAuthError> {
	let presented = form.require("refresh_token")?;
	let digest = sha256(presented.as_bytes());
	let now = now_ms();
	let Some(current) = refresh_tokens::find(&app.db.pool, &digest).await? else {
		return Err(OAuthError::invalid_grant("unknown refresh token"));
	};
	if current.client_id != client.id {
		return Err(OAuthError::invalid_grant("the refresh token was issued to another client"));
	}
	if current.revoked_at.is_some() {
		return Err(OAuthError::invalid_grant("the refresh token was revoked"));
	}
	if current.rotated_at.is_some() {
		return Err(reuse_detected(app, &current, now).await);
	}
	if current.expires_at <= now {
		return Err(OAuthError::invalid_grant("the refresh token has expired"));
	}
	// A revoked family stays revoked, even for a successor another rotation inserted while the
	// revocation ran (PostgreSQL's READ COMMITTED would not show it to the revoking UPDATE).
	if refresh_tokens::family_revoked(&app.db.pool, &current.family_id).await? {
		return Err(OAuthError::invalid_grant("the refresh token's family was revoked"));
	}

	// A narrower scope may be asked for (§6); the client's present allowance also bounds it, and
	// a person's present scopes (a person disabled since gets nothing).
	let original = ScopeSet::parse_lenient(&current.scope);
	let mut allowed = original.intersection(&ScopeSet::parse_lenient(&client.scopes));
	if let Some(user_id) = current.subject.strip_prefix(USER_SUBJECT) {
		let person = users::by_id(&app.db.pool, user_id).await?.filter(|u| u.disabled_at.is_none());
		let Some(person) = person else {
			return Err(OAuthError::invalid_grant("the person was disabled"));
		};
		allowed = allowed.intersection(&person_scopes(person.scopes.as_deref()));
	}
	let scope = granted_scope(form.get("scope"), &allowed)?;

	// A person's refreshed token keeps their sign-in's time: when the family began.
	let auth_time = match current.subject.starts_with(USER_SUBJECT) {
		true => refresh_tokens::family_started(&app.db.pool, &current.family_id)
			.await?
			.and_then(|ms| u64::try_from(ms / 1000).ok()),
		false => None,
	};
	let token = random_token()?;
	let next = RefreshToken {
		token_sha256: sha256(token.as_bytes()),
		family_id: current.family_id.clone(),
		client_id: current.client_id.clone(),
		subject: current.subject.clone(),
		// The new refresh token keeps the original grant's scope (§6).
		scope: current.scope.clone(),
		issued_at: now,
		expires_at: current.expires_at,
		rotated_at: None,
		revoked_at: None,
	};
	let mut tx = app.db.pool.begin().await?;
	if !refresh_tokens::mark_rotated(&mut *tx, &digest, now).await? {
		// Another request rotated (or revoked) it between our read and this write: a reuse.
		drop(tx);
		return Err(reuse_detected(app, &current, now).await);
	}
	refresh_tokens::insert(&mut *tx, &next).await?;
	if refresh_tokens::family_revoked(&mut *tx, &current.family_id).await? {
		drop(tx);
		return Err(OAuthError::invalid_grant("the refresh token's family was revoked"));
	}
	// Signed before the rotation commits: a failure here leaves the presented token usable,
	// so the client's retry is not taken for a reuse.
	let access = jwt::issue(
		&app.keys,
		&app.tokens,
		&current.subject,
		&client.id,
		&scope,
		Some(&current.family_id),
		auth_time,
	)?;
	tx.commit().await?;

	Ok(TokenResponse {
		access_token: access.token,
		token_type: "Bearer".into(),
		expires_in: access.expires_in,
		scope: scope.to_string(),
		refresh_token: Some(token),
	})
}

/// A rotated token came back: someone holds a copy. Revoke the family; `invalid_grant`.
async fn reuse_detected(app: &AppState, token: &RefreshToken, now: i64) -> OAuthError {
	tracing::warn!(
		family = %token.family_id,
		client_id = %token.client_id,
		"refresh token reuse detected: revoking the family"
	);
	if let Err(error) = revoke_family(app, &token.family_id, now).await {
		return OAuthError::server_error(&error);
	}
	OAuthError::invalid_grant("the refresh token was already used; its family is revoked")
}

/// Revokes a family: its refresh tokens, and every access token issued with it (until the
/// longest of them has expired). The number of refresh tokens revoked.
pub async fn revoke_family(app: &AppState, family_id: &str, now: i64) -> Result<u64, sqlx::Error> {
	let revoked = refresh_tokens::revoke_family(&app.db.pool, family_id, now).await?;
	let until = now.saturating_add(secs_to_ms(app.tokens.access_ttl_secs + app.tokens.leeway_secs));
	app.revoked.revoke(&app.db, &family_key(family_id), until).await?;
	Ok(revoked)
}
