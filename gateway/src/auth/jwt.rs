//! Access tokens: JWTs signed ES256 with the active key's `kid`, `typ: at+jwt` (RFC 9068).

use jsonwebtoken::{decode, decode_header, encode, Header, Validation};
use serde::{Deserialize, Serialize};

use super::keys::{KeyError, KeyRing, ALGORITHM};
use super::scopes::ScopeSet;
use super::TokenSettings;
use crate::clock::now_secs;

/// The JWT `typ` of our access tokens.
pub const ACCESS_TOKEN_TYP: &str = "at+jwt";

/// The claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessClaims {
	pub iss: String,
	/// The API client (client credentials) or the person (authorization code, M6).
	pub sub: String,
	pub aud: String,
	pub exp: u64,
	pub iat: u64,
	pub nbf: u64,
	/// Unique id, for revocation.
	pub jti: String,
	pub client_id: String,
	/// Space-separated scopes.
	pub scope: String,
	/// The refresh-token family the token was issued with, if any: revoking the family (reuse
	/// detected, or RFC 7009 revocation of a refresh token) revokes its access tokens too.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub sid: Option<String>,
	/// When the person signed in (unix seconds; OpenID Connect's `auth_time`): a person's tokens
	/// only, refreshed ones keeping their sign-in's.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub auth_time: Option<u64>,
}

/// A token just issued.
#[derive(Debug)]
pub struct IssuedToken {
	pub token: String,
	pub jti: String,
	pub expires_in: u64,
}

/// Why a presented token is refused.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
	#[error("the token is malformed")]
	Malformed,
	#[error("the token is not an access token of this gateway")]
	WrongType,
	#[error("the token was signed by an unknown key")]
	UnknownKey,
	#[error("the token is invalid: {0}")]
	Invalid(jsonwebtoken::errors::Error),
}

/// Issues an access token for `subject` acting through `client_id` with `scope`.
pub fn issue(
	keys: &KeyRing,
	settings: &TokenSettings,
	subject: &str,
	client_id: &str,
	scope: &ScopeSet,
	family: Option<&str>,
	auth_time: Option<u64>,
) -> Result<IssuedToken, KeyError> {
	let key = keys.active()?;
	let now = now_secs();
	let jti = uuid::Uuid::now_v7().to_string();
	let claims = AccessClaims {
		iss: settings.issuer.clone(),
		sub: subject.to_string(),
		aud: settings.audience.clone(),
		exp: now.saturating_add(settings.access_ttl_secs),
		iat: now,
		nbf: now,
		jti: jti.clone(),
		client_id: client_id.to_string(),
		scope: scope.to_string(),
		sid: family.map(str::to_string),
		auth_time,
	};
	let mut header = Header::new(ALGORITHM);
	header.kid = Some(key.kid.clone());
	header.typ = Some(ACCESS_TOKEN_TYP.to_string());
	let token = encode(&header, &claims, &key.encoding)?;
	Ok(IssuedToken { token, jti, expires_in: settings.access_ttl_secs })
}

/// Verifies a presented access token: our `kid`, ES256, `typ`, signature, `iss`, `aud`, `exp`,
/// `nbf` (with the configured leeway). Revocation is checked by the caller. Yields the claims and
/// the `kid`.
pub fn verify(
	keys: &KeyRing,
	settings: &TokenSettings,
	token: &str,
) -> Result<(AccessClaims, String), VerifyError> {
	let header = decode_header(token).map_err(|_| VerifyError::Malformed)?;
	if header.alg != ALGORITHM || header.typ.as_deref() != Some(ACCESS_TOKEN_TYP) {
		return Err(VerifyError::WrongType);
	}
	let kid = header.kid.ok_or(VerifyError::UnknownKey)?;
	let key = keys.verifier(&kid).ok_or(VerifyError::UnknownKey)?;
	let mut validation = Validation::new(ALGORITHM);
	validation.set_issuer(&[settings.issuer.as_str()]);
	validation.set_audience(&[settings.audience.as_str()]);
	validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
	validation.validate_nbf = true;
	validation.leeway = settings.leeway_secs;
	decode::<AccessClaims>(token, &key, &validation)
		.map(|data| (data.claims, kid))
		.map_err(VerifyError::Invalid)
}
