//! Client authentication at the token and revocation endpoints (RFC 6749 §2.3.1): HTTP Basic
//! (`client_secret_basic`, id and secret form-urlencoded before base64) or `client_id` and
//! `client_secret` in the body (`client_secret_post`). Using both is `invalid_request` (§2.3).

use axum::http::{header, HeaderMap};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use zeroize::Zeroizing;

use super::form::OAuthForm;
use super::oauth_error::OAuthError;
use crate::db::{api_clients, api_clients::ApiClient, Db};
use crate::digests::{ct_eq, sha256};

/// How the client authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMethod {
	Basic,
	Post,
}

/// The presented credentials.
pub struct ClientCredentials {
	pub client_id: String,
	secret: Zeroizing<String>,
	pub method: AuthMethod,
}

impl std::fmt::Debug for ClientCredentials {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.debug_struct("ClientCredentials")
			.field("client_id", &self.client_id)
			.field("method", &self.method)
			.finish()
	}
}

/// Takes the credentials from the `Authorization` header or the body.
pub fn extract(headers: &HeaderMap, form: &OAuthForm) -> Result<ClientCredentials, OAuthError> {
	let basic = match headers.get(header::AUTHORIZATION) {
		None => None,
		Some(value) => {
			let value = value
				.to_str()
				.map_err(|_| OAuthError::invalid_client("malformed Authorization header"))?;
			match value.split_once(' ') {
				Some((scheme, rest)) if scheme.eq_ignore_ascii_case("basic") => {
					Some(decode_basic(rest.trim())?)
				}
				_ => {
					return Err(OAuthError::invalid_client(
						"only HTTP Basic client authentication is accepted here",
					))
				}
			}
		}
	};
	match (basic, form.get("client_secret")) {
		(Some(_), Some(_)) => {
			Err(OAuthError::invalid_request("more than one client authentication method"))
		}
		(Some((id, secret)), None) => {
			if form.get("client_id").is_some_and(|body_id| body_id != id) {
				return Err(OAuthError::invalid_request(
					"client_id differs from the authenticated client",
				));
			}
			Ok(ClientCredentials { client_id: id, secret, method: AuthMethod::Basic })
		}
		(None, Some(secret)) => {
			let id = form.require("client_id")?;
			Ok(ClientCredentials {
				client_id: id.to_string(),
				secret: Zeroizing::new(secret.to_string()),
				method: AuthMethod::Post,
			})
		}
		(None, None) => Err(OAuthError::invalid_client("client authentication is required")),
	}
}

/// `base64(urlencode(id) ":" urlencode(secret))`.
fn decode_basic(encoded: &str) -> Result<(String, Zeroizing<String>), OAuthError> {
	let malformed = || OAuthError::invalid_client("malformed Basic credentials");
	let raw = Zeroizing::new(STANDARD.decode(encoded).map_err(|_| malformed())?);
	let text = std::str::from_utf8(&raw).map_err(|_| malformed())?;
	let (id, secret) = text.split_once(':').ok_or_else(malformed)?;
	let id = form_decode(id).ok_or_else(malformed)?;
	let secret = Zeroizing::new(form_decode(secret).ok_or_else(malformed)?);
	if id.is_empty() {
		return Err(malformed());
	}
	Ok((id, secret))
}

/// `application/x-www-form-urlencoded` decoding of one component ('+' is a space).
fn form_decode(component: &str) -> Option<String> {
	let spaced = component.replace('+', " ");
	percent_encoding::percent_decode_str(&spaced).decode_utf8().ok().map(|s| s.into_owned())
}

/// The client of a request to the token or revocation endpoint: a public (portal) client names
/// itself with `client_id` alone (it holds no secret; PKCE and refresh-token rotation protect
/// it); any other authenticates.
pub async fn identify(
	db: &Db,
	headers: &HeaderMap,
	form: &OAuthForm,
) -> Result<ApiClient, OAuthError> {
	if headers.get(header::AUTHORIZATION).is_some() || form.get("client_secret").is_some() {
		return authenticate(db, &extract(headers, form)?).await;
	}
	let id = form
		.get("client_id")
		.ok_or_else(|| OAuthError::invalid_client("client authentication is required"))?;
	match api_clients::find(&db.pool, id).await? {
		Some(client) if client.is_public() && client.retired_at.is_none() => Ok(client),
		_ => Err(OAuthError::invalid_client("client authentication is required")),
	}
}

/// Checks the credentials against the stored client. Unknown, retired and wrong-secret clients
/// all give the same `invalid_client`.
pub async fn authenticate(
	db: &Db,
	credentials: &ClientCredentials,
) -> Result<ApiClient, OAuthError> {
	let presented = sha256(credentials.secret.as_bytes());
	let client = api_clients::find(&db.pool, &credentials.client_id).await?;
	match client {
		Some(client) if client.retired_at.is_none() && ct_eq(&presented, &client.secret_sha256) => {
			Ok(client)
		}
		_ => {
			// The presented id is logged only when it is an id at all (a swapped secret is not).
			let client_id = uuid::Uuid::try_parse(&credentials.client_id)
				.map_or_else(|_| "<malformed>".to_string(), |id| id.to_string());
			tracing::info!(%client_id, "client authentication failed");
			Err(OAuthError::invalid_client("client authentication failed"))
		}
	}
}
