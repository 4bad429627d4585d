//! Portal users' passwords: argon2id (the crate's default parameters, a 16-byte random salt),
//! stored as PHC strings, checked on a blocking thread (a check takes tens of milliseconds).

use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use argon2::Argon2;

use crate::digests::{random_bytes, RandomError};

/// Why a password could not be hashed.
#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
	#[error(transparent)]
	Random(#[from] RandomError),
	#[error("argon2: {0}")]
	Hash(String),
	#[error("a password needs 12 to 1024 characters")]
	Weak,
}

/// The shortest password accepted.
pub const MIN_LEN: usize = 12;

/// The PHC string of `password`.
pub fn hash(password: &str) -> Result<String, PasswordError> {
	if !(MIN_LEN..=1024).contains(&password.chars().count()) {
		return Err(PasswordError::Weak);
	}
	let salt = random_bytes::<16>()?;
	Argon2::default()
		.hash_password_with_salt(password.as_bytes(), &salt)
		.map(|hash| hash.to_string())
		.map_err(|e| PasswordError::Hash(e.to_string()))
}

/// Whether `password` matches the PHC string `stored` (on a blocking thread).
pub async fn verify(password: String, stored: String) -> bool {
	tokio::task::spawn_blocking(move || {
		Argon2::default().verify_password(password.as_bytes(), stored.as_str()).is_ok()
	})
	.await
	.unwrap_or(false)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;

	#[tokio::test]
	async fn a_password_verifies_against_its_own_hash_only() {
		let stored = hash("correct horse battery").unwrap();
		assert!(stored.starts_with("$argon2id$"), "{stored}");
		assert!(verify("correct horse battery".into(), stored.clone()).await);
		assert!(!verify("correct horse battery!".into(), stored.clone()).await);
		assert!(!verify("correct horse battery".into(), "not a phc string".into()).await);
		assert_ne!(hash("correct horse battery").unwrap(), stored, "salted");
		assert!(matches!(hash("short"), Err(PasswordError::Weak)));
	}
}
