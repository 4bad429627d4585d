//! Digests, randomness and encodings used by the authorisation server: library calls only.
//!
//! Refresh tokens and client secrets are 256 random bits, stored as their sha256: with that much
//! entropy a slow hash adds nothing, and the digest stays usable as an index key.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use sha2::{Digest as _, Sha256};
use subtle::ConstantTimeEq as _;

/// The operating system's random generator failed.
#[derive(Debug, thiserror::Error)]
#[error("the system random generator failed: {0}")]
pub struct RandomError(String);

/// `N` bytes from the operating system's generator.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], RandomError> {
	let mut out = [0u8; N];
	getrandom::fill(&mut out).map_err(|e| RandomError(e.to_string()))?;
	Ok(out)
}

/// A fresh 256-bit secret (refresh token, client secret), base64url without padding (43 chars).
pub fn random_token() -> Result<String, RandomError> {
	Ok(b64url(&random_bytes::<32>()?))
}

/// sha256 of `data`.
pub fn sha256(data: &[u8]) -> Vec<u8> {
	Sha256::digest(data).to_vec()
}

/// base64url without padding (RFC 4648 §5), as JOSE and OAuth use it.
pub fn b64url(data: &[u8]) -> String {
	URL_SAFE_NO_PAD.encode(data)
}

/// Equality in time independent of where the inputs differ (lengths may leak).
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
	a.ct_eq(b).into()
}
