//! Access tokens whose signature was already checked, kept until they expire: a backend presents
//! the same token for many requests, and checking its ES256 signature every time is the largest
//! part of a cheap read. A token found here still needs its signing key published (a retired key
//! ends its tokens at once) and is checked against the revocation list by the caller, as any.

use std::collections::HashMap;
use std::sync::Mutex;

use super::jwt::{self, AccessClaims, VerifyError};
use super::keys::KeyRing;
use super::TokenSettings;
use crate::clock::now_secs;
use crate::digests::sha256;

/// How many tokens are kept; past it, expired ones go, and if none has, all go.
const CAPACITY: usize = 10_000;

struct Entry {
	claims: AccessClaims,
	kid: String,
}

/// Tokens verified, by the SHA-256 of the token.
#[derive(Default)]
pub struct VerifiedTokens {
	entries: Mutex<HashMap<Vec<u8>, Entry>>,
}

impl VerifiedTokens {
	/// [`jwt::verify`], answered from what was verified before while the token has not expired
	/// and its key is still published.
	pub fn verify(
		&self,
		keys: &KeyRing,
		settings: &TokenSettings,
		token: &str,
	) -> Result<AccessClaims, VerifyError> {
		let id = sha256(token.as_bytes());
		let now = now_secs();
		let live = |claims: &AccessClaims| now <= claims.exp.saturating_add(settings.leeway_secs);
		{
			let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
			if let Some(entry) = entries.get(&id) {
				if live(&entry.claims) && keys.verifier(&entry.kid).is_some() {
					return Ok(entry.claims.clone());
				}
			}
		}
		let (claims, kid) = jwt::verify(keys, settings, token)?;
		let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
		if entries.len() >= CAPACITY {
			entries.retain(|_, entry| live(&entry.claims));
			if entries.len() >= CAPACITY {
				entries.clear();
			}
		}
		entries.insert(id, Entry { claims: claims.clone(), kid });
		Ok(claims)
	}

	/// How many tokens are kept (for tests).
	pub fn len(&self) -> usize {
		self.entries.lock().unwrap_or_else(|p| p.into_inner()).len()
	}

	pub fn is_empty(&self) -> bool {
		self.len() == 0
	}
}
