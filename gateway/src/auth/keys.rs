//! Access-token signing keys: ES256 (P-256), `kid` = the RFC 7638 thumbprint of the public JWK.
//! Private keys are stored sealed ([`crate::seal`]); the ring in memory holds the active signing
//! key and every published verifying key, and is reloaded periodically so that a rotation made by
//! `pactum-gateway admin jwt-key rotate` reaches a running gateway.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use jsonwebtoken::jwk::{Jwk, JwkSet, PublicKeyUse, ThumbprintHash};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey};
use p256::pkcs8::EncodePrivateKey as _;
use zeroize::Zeroizing;

use crate::db::jwt_keys::{self, JwtKeyRow, KeyState};
use crate::db::Db;
use crate::digests::random_bytes;
use crate::seal::{aad, SealError, Sealer};

/// The one algorithm our access tokens use.
pub const ALGORITHM: Algorithm = Algorithm::ES256;

/// Key handling errors (all internal: they become 500s).
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
	#[error("no active signing key (run `pactum-gateway admin jwt-key rotate`)")]
	NoActiveKey,
	#[error("cannot generate a P-256 key: {0}")]
	Generate(String),
	#[error("jwt: {0}")]
	Jwt(#[from] jsonwebtoken::errors::Error),
	#[error("stored JWK of {kid} is invalid: {reason}")]
	StoredJwk { kid: String, reason: String },
	#[error(transparent)]
	Seal(#[from] SealError),
	#[error(transparent)]
	Random(#[from] crate::digests::RandomError),
	#[error("database: {0}")]
	Db(#[from] sqlx::Error),
}

/// A fresh key pair.
pub struct GeneratedKey {
	pub kid: String,
	pub pkcs8_der: Zeroizing<Vec<u8>>,
	pub jwk: Jwk,
}

/// Generates an ES256 key: PKCS#8 DER private key and its public JWK with `kid`, `use`, `alg`.
pub fn generate() -> Result<GeneratedKey, KeyError> {
	// A random 32-byte string is a valid P-256 scalar unless it is zero or ≥ the group order
	// (probability about 2^-32); try again in that case.
	for _ in 0..8 {
		let secret = Zeroizing::new(random_bytes::<32>()?);
		let Ok(signing) = p256::ecdsa::SigningKey::from_slice(&secret[..]) else { continue };
		let der = signing.to_pkcs8_der().map_err(|e| KeyError::Generate(e.to_string()))?;
		let pkcs8_der = Zeroizing::new(der.as_bytes().to_vec());
		let encoding = EncodingKey::from_ec_der(&pkcs8_der);
		let mut jwk = Jwk::from_encoding_key(&encoding, ALGORITHM)?;
		let kid = jwk.thumbprint(ThumbprintHash::SHA256)?;
		jwk.common.key_id = Some(kid.clone());
		jwk.common.public_key_use = Some(PublicKeyUse::Signature);
		return Ok(GeneratedKey { kid, pkcs8_der, jwk });
	}
	Err(KeyError::Generate("no valid scalar in 8 tries".into()))
}

/// The AAD of a sealed private key.
fn key_aad(kid: &str) -> Vec<u8> {
	aad("jwt_keys", "private_sealed", kid)
}

/// Adds a new active key and demotes the previous one to published, in one transaction.
/// Returns the new `kid`.
pub async fn rotate(db: &Db, sealer: &Sealer, now: i64) -> Result<String, KeyError> {
	let key = generate()?;
	let row = JwtKeyRow {
		kid: key.kid.clone(),
		alg: "ES256".into(),
		private_sealed: sealer.seal(&key.pkcs8_der, &key_aad(&key.kid))?,
		public_jwk: serde_json::to_string(&key.jwk)
			.map_err(|e| KeyError::StoredJwk { kid: key.kid.clone(), reason: e.to_string() })?,
		state: KeyState::Active,
		created_at: now,
		state_changed_at: now,
	};
	let mut tx = db.pool.begin().await?;
	jwt_keys::demote_active(&mut *tx, now).await?;
	jwt_keys::insert(&mut *tx, &row).await?;
	tx.commit().await?;
	tracing::info!(kid = %key.kid, "new active access-token signing key");
	Ok(key.kid)
}

/// Creates a first key when there is none active. Returns the new `kid`, if one was made.
pub async fn ensure_active(db: &Db, sealer: &Sealer, now: i64) -> Result<Option<String>, KeyError> {
	let usable = jwt_keys::usable(&db.pool).await?;
	if usable.iter().any(|k| k.state == KeyState::Active) {
		return Ok(None);
	}
	rotate(db, sealer, now).await.map(Some)
}

/// The active signing key.
pub struct ActiveKey {
	pub kid: String,
	pub encoding: EncodingKey,
}

#[derive(Default)]
struct Ring {
	active: Option<Arc<ActiveKey>>,
	verifiers: HashMap<String, Arc<DecodingKey>>,
	jwks: Arc<JwkSet>,
}

/// The keys in memory.
#[derive(Default)]
pub struct KeyRing {
	ring: RwLock<Ring>,
}

impl KeyRing {
	/// Loads the active and published keys.
	pub async fn load(db: &Db, sealer: &Sealer) -> Result<KeyRing, KeyError> {
		let ring = KeyRing::default();
		ring.reload(db, sealer).await?;
		Ok(ring)
	}

	/// Replaces the ring with what the database holds now.
	pub async fn reload(&self, db: &Db, sealer: &Sealer) -> Result<(), KeyError> {
		let rows = jwt_keys::usable(&db.pool).await?;
		let mut ring = Ring::default();
		let mut jwks = Vec::with_capacity(rows.len());
		for row in rows {
			let jwk: Jwk = serde_json::from_str(&row.public_jwk)
				.map_err(|e| KeyError::StoredJwk { kid: row.kid.clone(), reason: e.to_string() })?;
			ring.verifiers.insert(row.kid.clone(), Arc::new(DecodingKey::from_jwk(&jwk)?));
			if row.state == KeyState::Active {
				let der = sealer.open(&row.private_sealed, &key_aad(&row.kid))?;
				ring.active = Some(Arc::new(ActiveKey {
					kid: row.kid.clone(),
					encoding: EncodingKey::from_ec_der(&der),
				}));
			}
			jwks.push(jwk);
		}
		ring.jwks = Arc::new(JwkSet { keys: jwks });
		*self.ring.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = ring;
		Ok(())
	}

	/// The key to sign with.
	pub fn active(&self) -> Result<Arc<ActiveKey>, KeyError> {
		self.ring
			.read()
			.unwrap_or_else(|p| p.into_inner())
			.active
			.clone()
			.ok_or(KeyError::NoActiveKey)
	}

	/// The verifying key `kid`, if active or published.
	pub fn verifier(&self, kid: &str) -> Option<Arc<DecodingKey>> {
		self.ring.read().unwrap_or_else(|p| p.into_inner()).verifiers.get(kid).cloned()
	}

	/// The published key set.
	pub fn jwks(&self) -> Arc<JwkSet> {
		self.ring.read().unwrap_or_else(|p| p.into_inner()).jwks.clone()
	}
}
