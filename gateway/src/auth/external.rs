//! Access tokens of an operator's own OpenID Connect provider, accepted by configuration
//! (`[[external_issuers]]`: its `issuer`, `jwks_url`, the `audience` its tokens carry for this
//! gateway, and the API client they act as). A token is checked against the provider's published
//! keys (a JWK Set fetched over HTTP, kept an hour, fetched again when a token names a key not
//! seen yet, at most every 30 seconds): asymmetric algorithms only, the algorithm the key
//! declares (or the one its type implies), `iss`, `aud`, `exp`, `nbf` and `sub` required. Its
//! caller acts as the configured API client: that client's chain account, and only the scopes of
//! the token's `scope` claim that the client holds; a retired client's tokens are refused.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk, JwkSet, KeyAlgorithm};
use jsonwebtoken::{decode, decode_header, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tokio::sync::Mutex;

use crate::config::ExternalIssuer;

/// How long fetched keys are used before they are fetched again.
const KEYS_TTL: Duration = Duration::from_secs(3600);
/// The least time between two fetches (a token naming an unknown key fetches again).
const MIN_REFETCH: Duration = Duration::from_secs(30);
/// The largest key set read.
const MAX_JWKS_BYTES: usize = 256 * 1024;
/// Clock skew allowed on `exp` and `nbf`.
const LEEWAY_SECS: u64 = 30;

/// The claims used from an external token.
#[derive(Debug, Clone, Deserialize)]
pub struct ExternalClaims {
	pub iss: String,
	pub sub: String,
	pub exp: u64,
	/// Space-separated scopes, if the provider grants any.
	#[serde(default)]
	pub scope: Option<String>,
	/// The token's id, if it has one.
	#[serde(default)]
	pub jti: Option<String>,
}

/// Why an external token is refused.
#[derive(Debug, thiserror::Error)]
pub enum ExternalError {
	#[error("the token is malformed")]
	Malformed,
	#[error("no configured issuer")]
	UnknownIssuer,
	#[error("the issuer's keys cannot be fetched: {0}")]
	Jwks(String),
	#[error("the issuer has no usable key {0:?}")]
	UnknownKey(Option<String>),
	#[error("the token is invalid: {0}")]
	Invalid(jsonwebtoken::errors::Error),
}

struct Keys {
	by_kid: HashMap<String, (DecodingKey, Algorithm)>,
	/// Keys without a `kid` (used when the token names none).
	anonymous: Vec<(DecodingKey, Algorithm)>,
	/// The last attempt to fetch them.
	fetched_at: Option<Instant>,
	/// Whether no fetch ever succeeded (then only `MIN_REFETCH` is waited).
	failed: bool,
}

/// One configured provider and its keys.
struct Issuer {
	config: ExternalIssuer,
	keys: Mutex<Keys>,
}

/// The configured providers.
pub struct ExternalIssuers {
	issuers: Vec<Issuer>,
	http: Option<reqwest::Client>,
}

/// The `iss` of a token, read before its signature is checked (to pick the keys to check it
/// with; nothing else is trusted before that).
#[derive(Deserialize)]
struct Unverified {
	iss: Option<String>,
}

impl ExternalIssuers {
	pub fn new(configs: &[ExternalIssuer]) -> ExternalIssuers {
		// No client without issuers (it needs the TLS provider `serve` installs first).
		let http = (!configs.is_empty()).then(|| {
			let _ = rustls::crypto::ring::default_provider().install_default();
			reqwest::Client::builder()
				.timeout(Duration::from_secs(10))
				.redirect(reqwest::redirect::Policy::none())
				.build()
				.unwrap_or_default()
		});
		let issuers = configs
			.iter()
			.map(|config| Issuer {
				config: config.clone(),
				keys: Mutex::new(Keys {
					by_kid: HashMap::new(),
					anonymous: Vec::new(),
					fetched_at: None,
					failed: false,
				}),
			})
			.collect();
		ExternalIssuers { issuers, http }
	}

	/// Whether the token's `iss` names a configured provider.
	pub fn knows(&self, token: &str) -> bool {
		!self.issuers.is_empty()
			&& Self::issuer_of(token)
				.is_some_and(|iss| self.issuers.iter().any(|i| i.config.issuer == iss))
	}

	fn issuer_of(token: &str) -> Option<String> {
		jsonwebtoken::dangerous::insecure_decode_claims::<Unverified>(token).ok()?.iss
	}

	/// Checks `token` against its provider's keys; its claims and the API client it acts as.
	pub async fn verify(&self, token: &str) -> Result<(ExternalClaims, String), ExternalError> {
		let iss = Self::issuer_of(token).ok_or(ExternalError::Malformed)?;
		let issuer = self
			.issuers
			.iter()
			.find(|i| i.config.issuer == iss)
			.ok_or(ExternalError::UnknownIssuer)?;
		let header = decode_header(token).map_err(|_| ExternalError::Malformed)?;
		let (key, algorithm) = self.key(issuer, header.kid.as_deref()).await?;
		if header.alg != algorithm {
			return Err(ExternalError::UnknownKey(header.kid));
		}
		let mut validation = Validation::new(algorithm);
		validation.set_issuer(&[&issuer.config.issuer]);
		validation.set_audience(&[&issuer.config.audience]);
		validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
		validation.validate_nbf = true;
		validation.leeway = LEEWAY_SECS;
		let data =
			decode::<ExternalClaims>(token, &key, &validation).map_err(ExternalError::Invalid)?;
		Ok((data.claims, issuer.config.client_id.clone()))
	}

	/// The key `kid` of `issuer` (the only key without an id when `kid` is `None`), fetching
	/// the provider's keys when they are old, or when the key is unknown and the last fetch is
	/// not too recent.
	async fn key(
		&self,
		issuer: &Issuer,
		kid: Option<&str>,
	) -> Result<(DecodingKey, Algorithm), ExternalError> {
		let mut keys = issuer.keys.lock().await;
		let age = keys.fetched_at.map(|at| at.elapsed());
		let found = |keys: &Keys| match kid {
			Some(kid) => keys.by_kid.get(kid).cloned(),
			None if keys.anonymous.len() == 1 => keys.anonymous.first().cloned(),
			None => None,
		};
		let stale = age.is_none_or(|age| age > KEYS_TTL || (keys.failed && age > MIN_REFETCH));
		if !stale {
			if let Some(key) = found(&keys) {
				return Ok(key);
			}
		}
		if stale || age.is_some_and(|age| age > MIN_REFETCH) {
			match self.fetch(&issuer.config.jwks_url).await {
				Ok(fetched) => *keys = fetched,
				// The provider is unreachable: the keys it published last stay in use (a new key
				// is looked for again after `MIN_REFETCH`).
				Err(error) if !keys.failed && keys.fetched_at.is_some() => {
					tracing::warn!(%error, issuer = issuer.config.issuer, "keeping the keys fetched before");
					keys.fetched_at = Some(Instant::now());
				}
				// Never fetched: the next attempt waits `MIN_REFETCH` too.
				Err(error) => {
					keys.fetched_at = Some(Instant::now());
					keys.failed = true;
					return Err(error);
				}
			}
		}
		found(&keys).ok_or_else(|| ExternalError::UnknownKey(kid.map(str::to_string)))
	}

	async fn fetch(&self, url: &str) -> Result<Keys, ExternalError> {
		let http = self.http.as_ref().ok_or(ExternalError::UnknownIssuer)?;
		let body = http
			.get(url)
			.send()
			.await
			.and_then(reqwest::Response::error_for_status)
			.map_err(|e| ExternalError::Jwks(e.to_string()))?
			.bytes()
			.await
			.map_err(|e| ExternalError::Jwks(e.to_string()))?;
		let set: JwkSet =
			serde_json::from_slice(&body).map_err(|e| ExternalError::Jwks(e.to_string()))?;
		if body.len() > MAX_JWKS_BYTES {
			return Err(ExternalError::Jwks(format!("the key set is over {MAX_JWKS_BYTES} bytes")));
		}
		let mut keys = Keys {
			by_kid: HashMap::new(),
			anonymous: Vec::new(),
			fetched_at: Some(Instant::now()),
			failed: false,
		};
		for jwk in &set.keys {
			let Some(usable) = usable(jwk) else { continue };
			match &jwk.common.key_id {
				Some(kid) => {
					keys.by_kid.insert(kid.clone(), usable);
				}
				None => keys.anonymous.push(usable),
			}
		}
		tracing::info!(
			url,
			keys = keys.by_kid.len() + keys.anonymous.len(),
			"external issuer keys fetched"
		);
		Ok(keys)
	}
}

/// A signing key and its algorithm, for asymmetric keys meant for signatures only: the algorithm
/// the key declares, or the one its type implies (RS256 for RSA, ES256/ES384 by curve, EdDSA).
fn usable(jwk: &Jwk) -> Option<(DecodingKey, Algorithm)> {
	use jsonwebtoken::jwk::PublicKeyUse;
	if matches!(&jwk.common.public_key_use, Some(u) if *u != PublicKeyUse::Signature) {
		return None;
	}
	let implied = match &jwk.algorithm {
		AlgorithmParameters::RSA(_) => Algorithm::RS256,
		AlgorithmParameters::EllipticCurve(ec) => match ec.curve {
			EllipticCurve::P256 => Algorithm::ES256,
			EllipticCurve::P384 => Algorithm::ES384,
			_ => return None,
		},
		AlgorithmParameters::OctetKeyPair(_) => Algorithm::EdDSA,
		// Shared secrets (`oct`) are never accepted: the key set is public.
		_ => return None,
	};
	let algorithm = match jwk.common.key_algorithm {
		None => implied,
		Some(declared) => {
			let declared = match declared {
				KeyAlgorithm::RS256 => Algorithm::RS256,
				KeyAlgorithm::RS384 => Algorithm::RS384,
				KeyAlgorithm::RS512 => Algorithm::RS512,
				KeyAlgorithm::PS256 => Algorithm::PS256,
				KeyAlgorithm::PS384 => Algorithm::PS384,
				KeyAlgorithm::PS512 => Algorithm::PS512,
				KeyAlgorithm::ES256 => Algorithm::ES256,
				KeyAlgorithm::ES384 => Algorithm::ES384,
				KeyAlgorithm::EdDSA => Algorithm::EdDSA,
				_ => return None,
			};
			// The declared algorithm must fit the key's type.
			let family = |a: Algorithm| match a {
				Algorithm::RS256 | Algorithm::RS384 | Algorithm::RS512 => 0,
				Algorithm::PS256 | Algorithm::PS384 | Algorithm::PS512 => 0,
				Algorithm::ES256 | Algorithm::ES384 => 1,
				_ => 2,
			};
			if family(declared) != family(implied) {
				return None;
			}
			if family(declared) == 1 && declared != implied {
				return None;
			}
			declared
		}
	};
	Some((DecodingKey::from_jwk(jwk).ok()?, algorithm))
}
