//! The signers' key pairs: secret URIs sealed in `signers`, opened once and kept in memory.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Arc;

use subxt_signer::sr25519::Keypair;
use subxt_signer::{ExposeSecret, SecretString, SecretUri};
use tokio::sync::Mutex;

use crate::db::{signers, Db};
use crate::seal::{self, Sealer};

/// Why a signer's key cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
	#[error("no signer {0}")]
	Unknown(String),
	#[error("database: {0}")]
	Db(#[from] sqlx::Error),
	#[error("cannot open the signer's secret: {0}")]
	Seal(#[from] seal::SealError),
	#[error("the signer's secret is not a valid secret URI")]
	BadSecret,
}

/// Where a signer's sealed secret is bound (AAD).
pub fn secret_aad(account: &str) -> Vec<u8> {
	seal::aad("signers", "secret_sealed", account)
}

/// The key pair of a secret URI (a mnemonic, a `0x` seed, or `//Alice` on development chains).
pub fn keypair_of(secret_uri: &str) -> Result<Keypair, KeyError> {
	let uri = SecretUri::from_str(secret_uri).map_err(|_| KeyError::BadSecret)?;
	Keypair::from_uri(&uri).map_err(|_| KeyError::BadSecret)
}

/// The key pairs, opened on first use.
pub struct SignerKeys {
	db: Db,
	sealer: Arc<Sealer>,
	open: Mutex<HashMap<String, Keypair>>,
}

impl SignerKeys {
	pub fn new(db: Db, sealer: Arc<Sealer>) -> SignerKeys {
		SignerKeys { db, sealer, open: Mutex::new(HashMap::new()) }
	}

	/// The key pair of `account` (SS58).
	pub async fn get(&self, account: &str) -> Result<Keypair, KeyError> {
		let mut open = self.open.lock().await;
		if let Some(keypair) = open.get(account) {
			return Ok(keypair.clone());
		}
		let keypair = open_keypair(&self.db, &self.sealer, account).await?;
		open.insert(account.to_string(), keypair.clone());
		Ok(keypair)
	}
}

/// The key pair of the signer `account` (SS58), opened from its sealed secret.
pub async fn open_keypair(db: &Db, sealer: &Sealer, account: &str) -> Result<Keypair, KeyError> {
	let row = signers::find(&db.pool, account)
		.await?
		.ok_or_else(|| KeyError::Unknown(account.to_string()))?;
	let secret = sealer.open(&row.secret_sealed, &secret_aad(account))?;
	let text =
		SecretString::from(String::from_utf8(secret.to_vec()).map_err(|_| KeyError::BadSecret)?);
	keypair_of(text.expose_secret())
}

/// Why a signer cannot be added.
#[derive(Debug, thiserror::Error)]
pub enum AddSignerError {
	#[error("the label must be 1 to 100 characters")]
	BadLabel,
	#[error(transparent)]
	Key(#[from] KeyError),
	#[error(transparent)]
	Random(#[from] crate::digests::RandomError),
	#[error("a signer with this label or account exists already")]
	Exists,
}

/// A signer as the admin commands show it (never its secret).
#[derive(Debug, serde::Serialize)]
pub struct ListedSigner {
	pub account: String,
	pub label: String,
	pub next_nonce: Option<i64>,
	pub created_at: i64,
}

/// Adds a signer from its secret URI (sealed at rest); `None` generates a new random seed.
pub async fn add_signer(
	db: &Db,
	sealer: &Sealer,
	label: &str,
	secret_uri: Option<&str>,
) -> Result<ListedSigner, AddSignerError> {
	let row = new_signer(sealer, label, secret_uri)?;
	signers::insert(&db.pool, &row).await.map_err(|e| match e {
		sqlx::Error::Database(d) if d.is_unique_violation() => AddSignerError::Exists,
		other => AddSignerError::Key(KeyError::Db(other)),
	})?;
	tracing::info!(account = %row.account, label = %row.label, "signer added");
	Ok(ListedSigner {
		account: row.account,
		label: row.label,
		next_nonce: None,
		created_at: row.created_at,
	})
}

/// The row of a new signer (its secret sealed), not stored yet: from a secret URI, or a new
/// random seed (`None`).
pub fn new_signer(
	sealer: &Sealer,
	label: &str,
	secret_uri: Option<&str>,
) -> Result<signers::SignerRow, AddSignerError> {
	let label = label.trim();
	if label.is_empty() || label.chars().count() > 100 {
		return Err(AddSignerError::BadLabel);
	}
	let secret = match secret_uri {
		Some(uri) => zeroize::Zeroizing::new(uri.trim().to_string()),
		None => zeroize::Zeroizing::new(format!(
			"0x{}",
			hex::encode(crate::digests::random_bytes::<32>()?)
		)),
	};
	let account = keypair_of(&secret)?.public_key().to_account_id().to_string();
	let sealed = sealer.seal(secret.as_bytes(), &secret_aad(&account)).map_err(KeyError::Seal)?;
	Ok(signers::SignerRow {
		account,
		label: label.to_string(),
		secret_sealed: sealed,
		next_nonce: None,
		created_at: crate::clock::now_ms(),
	})
}

/// Every signer.
pub async fn list_signers(db: &Db) -> Result<Vec<ListedSigner>, sqlx::Error> {
	Ok(signers::list(&db.pool)
		.await?
		.into_iter()
		.map(|s| ListedSigner {
			account: s.account,
			label: s.label,
			next_nonce: s.next_nonce,
			created_at: s.created_at,
		})
		.collect())
}

/// The account of the signer named `label_or_account` (its label or its SS58 address).
pub async fn resolve_signer(
	db: &Db,
	label_or_account: &str,
) -> Result<Option<String>, sqlx::Error> {
	Ok(signers::list(&db.pool)
		.await?
		.into_iter()
		.find(|s| s.label == label_or_account || s.account == label_or_account)
		.map(|s| s.account))
}
