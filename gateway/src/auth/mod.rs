//! The OAuth 2.0 authorisation server (RFC 6749, 7009, 8414; access tokens as JWTs after
//! RFC 9068) and the [`Principal`] extractor that checks them.
//!
//! - `GET|POST /oauth/authorize`: the sign-in page of the authorization-code grant with PKCE
//!   (§4.1, RFC 7636) for people using the portal (a public client)
//! - `POST /oauth/token`: `client_credentials` (§4.4), `authorization_code` (§4.1.3) and
//!   `refresh_token` (§6) with rotation and reuse detection; clients authenticate by HTTP Basic
//!   or in the body (§2.3.1), a public client by its id alone
//! - `POST /oauth/revoke`: RFC 7009
//! - `GET /.well-known/jwks.json`, `GET /.well-known/oauth-authorization-server`: RFC 7517, 8414
//!
//! Errors of these endpoints are RFC 6749 §5.2 JSON objects ([`oauth_error`]); errors of the
//! resource endpoints are problem details (401/403 from [`principal`]).

pub mod authorize;
pub mod client_auth;
pub mod code;
pub mod external;
pub mod form;
pub mod jwt;
pub mod keys;
pub mod metadata;
pub mod oauth_error;
pub mod passwords;
pub mod principal;
pub mod refresh;
pub mod revocation;
pub mod revoke;
pub mod scopes;
pub mod token;
pub mod verified;

pub use principal::{Principal, Scoped};
pub use scopes::{Scope, ScopeSet};

use crate::config::Config;

/// Clock skew allowed when verifying `exp` and `nbf`, in seconds.
pub const LEEWAY_SECS: u64 = 30;

/// The token-issuing settings taken from the configuration.
#[derive(Debug, Clone)]
pub struct TokenSettings {
	/// `iss` of our access tokens, and the RFC 8414 issuer.
	pub issuer: String,
	/// `aud` of our access tokens.
	pub audience: String,
	/// Access-token lifetime, seconds.
	pub access_ttl_secs: u64,
	/// Refresh-token lifetime (of a whole family), seconds.
	pub refresh_ttl_secs: u64,
	/// Clock skew tolerated when checking `exp`/`nbf`, seconds.
	pub leeway_secs: u64,
}

impl TokenSettings {
	pub fn from_config(config: &Config) -> TokenSettings {
		TokenSettings {
			issuer: config.issuer(),
			audience: config.audience.clone(),
			access_ttl_secs: config.access_token_ttl_secs,
			refresh_ttl_secs: config.refresh_token_ttl_secs,
			leeway_secs: LEEWAY_SECS,
		}
	}
}
