//! The caller of a resource endpoint: [`Principal`] checks the bearer token (RFC 6750), and
//! [`Scoped<R>`] also requires the scope `R` names. Failures are problem details: 401 with
//! `WWW-Authenticate: Bearer …` when the token is missing or invalid, 403 `insufficient_scope`.

use std::marker::PhantomData;

use axum::extract::FromRequestParts;
use axum::http::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde::Serialize;

use super::scopes::{Scope, ScopeSet};
use crate::app::AppState;
use crate::db::api_clients;
use crate::problem::Problem;

/// An authenticated caller.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Principal {
	/// The API client or person the token was issued for.
	pub subject: String,
	/// The API client that obtained the token.
	pub client_id: String,
	/// Granted scopes.
	#[serde(serialize_with = "scopes_as_list")]
	#[schema(value_type = Vec<String>)]
	pub scopes: ScopeSet,
	/// Token id.
	pub jti: String,
	/// Expiry, unix seconds.
	pub expires_at: u64,
	/// When the person signed in (unix seconds), for a person's token.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub auth_time: Option<u64>,
}

fn scopes_as_list<S: serde::Serializer>(
	scopes: &ScopeSet,
	serializer: S,
) -> Result<S::Ok, S::Error> {
	serializer.collect_seq(scopes.iter().map(Scope::as_str))
}

const REALM: &str = "pactum-gateway";

/// 401: no usable credentials. `error` is set when a token was presented (RFC 6750 §3.1).
pub fn unauthorized(error: Option<&str>, detail: &str) -> Problem {
	let challenge = match error {
		Some(code) => {
			format!("Bearer realm=\"{REALM}\", error=\"{code}\", error_description=\"{detail}\"")
		}
		None => format!("Bearer realm=\"{REALM}\""),
	};
	Problem::new(StatusCode::UNAUTHORIZED, "unauthorized", "Authentication required")
		.with_detail(detail)
		.with_header(WWW_AUTHENTICATE, &challenge)
}

/// 403: the token lacks `scope`.
pub fn insufficient_scope(scope: Scope) -> Problem {
	let challenge =
		format!("Bearer realm=\"{REALM}\", error=\"insufficient_scope\", scope=\"{scope}\"");
	Problem::new(StatusCode::FORBIDDEN, "insufficient-scope", "Insufficient scope")
		.with_detail(format!("this request needs the scope {scope}"))
		.with_extension("required_scope", scope.as_str())
		.with_header(WWW_AUTHENTICATE, &challenge)
}

impl Principal {
	/// 403 unless the token carries `scope`.
	pub fn require(&self, scope: Scope) -> Result<(), Problem> {
		if self.scopes.contains(scope) {
			Ok(())
		} else {
			Err(insufficient_scope(scope))
		}
	}

	/// Checks `Authorization: Bearer <token>` against our keys and the revocation list, or,
	/// for a token of a configured external issuer, against its keys (see [`super::external`]).
	pub async fn from_headers(app: &AppState, parts: &Parts) -> Result<Principal, Problem> {
		let Some(value) = parts.headers.get(AUTHORIZATION) else {
			return Err(unauthorized(
				None,
				"an access token is required (Authorization: Bearer …)",
			));
		};
		let value = value
			.to_str()
			.map_err(|_| unauthorized(Some("invalid_request"), "malformed Authorization header"))?;
		let token = match value.split_once(' ') {
			Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim(),
			_ => return Err(unauthorized(None, "the Authorization scheme must be Bearer")),
		};
		if app.external.knows(token) {
			return Self::external(app, token).await;
		}
		let claims = app.verified.verify(&app.keys, &app.tokens, token).map_err(|error| {
			tracing::debug!(%error, "bearer token refused");
			unauthorized(Some("invalid_token"), "the access token is invalid or expired")
		})?;
		if app.revoked.refuses(&claims.jti, claims.sid.as_deref(), &claims.client_id) {
			return Err(unauthorized(Some("invalid_token"), "the access token was revoked"));
		}
		Ok(Principal {
			subject: claims.sub,
			client_id: claims.client_id,
			scopes: ScopeSet::parse_lenient(&claims.scope),
			jti: claims.jti,
			expires_at: claims.exp,
			auth_time: claims.auth_time,
		})
	}

	/// A token of an external issuer: its caller acts as the configured API client, with the
	/// token's scopes that client holds.
	async fn external(app: &AppState, token: &str) -> Result<Principal, Problem> {
		let invalid =
			|| unauthorized(Some("invalid_token"), "the access token is invalid or expired");
		let (claims, client_id) = app.external.verify(token).await.map_err(|error| {
			tracing::info!(%error, "external bearer token refused");
			invalid()
		})?;
		let client = api_clients::find(&app.db.pool, &client_id)
			.await
			.map_err(|error| {
				tracing::error!(%error, "cannot read the API client of an external issuer");
				Problem::internal()
			})?
			.filter(|c| c.retired_at.is_none())
			.ok_or_else(|| {
				tracing::warn!(client_id, "an external issuer names no active API client");
				invalid()
			})?;
		let jti = claims.jti.clone().unwrap_or_else(|| {
			format!("ext-{}", crate::digests::b64url(&crate::digests::sha256(token.as_bytes())))
		});
		if app.revoked.refuses(&jti, None, &client.id) {
			return Err(unauthorized(Some("invalid_token"), "the access token was revoked"));
		}
		let held = ScopeSet::parse_lenient(&client.scopes);
		let asked = ScopeSet::parse_lenient(claims.scope.as_deref().unwrap_or(""));
		Ok(Principal {
			// Their own subjects: the account cache keys by subject, and the client names the
			// account (a person's `user:` prefix never comes from outside).
			subject: format!("ext:{}#{}", claims.iss, claims.sub),
			client_id: client.id,
			scopes: asked.intersection(&held),
			jti,
			expires_at: claims.exp,
			auth_time: None,
		})
	}
}

impl FromRequestParts<AppState> for Principal {
	type Rejection = Problem;

	async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Principal, Problem> {
		Principal::from_headers(state, parts).await
	}
}

/// Names the scope a [`Scoped`] extractor requires.
pub trait RequiredScope: Send + Sync + 'static {
	const SCOPE: Scope;
}

/// A principal holding the scope `R::SCOPE`; a handler taking it is guarded by that scope.
#[derive(Debug, Clone)]
pub struct Scoped<R: RequiredScope>(pub Principal, pub PhantomData<R>);

impl<R: RequiredScope> FromRequestParts<AppState> for Scoped<R> {
	type Rejection = Problem;

	async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Scoped<R>, Problem> {
		let principal = Principal::from_headers(state, parts).await?;
		principal.require(R::SCOPE)?;
		Ok(Scoped(principal, PhantomData))
	}
}

pub use super::scopes::need;
