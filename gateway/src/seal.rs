//! Secrets at rest: an XChaCha20-Poly1305 envelope under a master key from the configuration.
//!
//! Envelope v1: `0x01 ‖ key id (4 bytes) ‖ nonce (24 bytes) ‖ ciphertext+tag`. The key id is the
//! first 4 bytes of sha256(master key), so a ring of keys (the current one and older ones, for
//! rotation) opens whatever any of them sealed. 24-byte random nonces are safe at any volume.
//! The AAD names the place a value is stored (`table/column/row id`, see [`aad`]), so a sealed value
//! copied into another row or column does not open.

use chacha20poly1305::aead::Aead as _;
use chacha20poly1305::{KeyInit as _, XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::digests::{random_bytes, sha256};

const VERSION: u8 = 1;
const KEY_ID_LEN: usize = 4;
const NONCE_LEN: usize = 24;
const HEADER_LEN: usize = 1 + KEY_ID_LEN + NONCE_LEN;

/// What can go wrong with sealed values and master keys.
#[derive(Debug, thiserror::Error)]
pub enum SealError {
	#[error("a master key must be 64 hex characters (32 bytes)")]
	BadKey,
	#[error("cannot read the master key file {path}: {reason}")]
	KeyFile { path: String, reason: String },
	#[error("the sealed value is malformed")]
	Malformed,
	#[error("no master key with id {0} is configured")]
	UnknownKey(String),
	#[error("the sealed value does not open (wrong key, wrong place or tampered)")]
	Open,
	#[error("sealing failed")]
	Seal,
	#[error(transparent)]
	Random(#[from] crate::digests::RandomError),
}

/// The AAD of a value stored in `table.column` of the row `id`.
pub fn aad(table: &str, column: &str, id: &str) -> Vec<u8> {
	format!("{table}/{column}/{id}").into_bytes()
}

struct MasterKey {
	id: [u8; KEY_ID_LEN],
	cipher: XChaCha20Poly1305,
}

impl MasterKey {
	fn new(key: &[u8; 32]) -> Result<MasterKey, SealError> {
		let digest = sha256(key);
		let mut id = [0u8; KEY_ID_LEN];
		id.copy_from_slice(digest.get(..KEY_ID_LEN).ok_or(SealError::BadKey)?);
		let cipher = XChaCha20Poly1305::new_from_slice(key).map_err(|_| SealError::BadKey)?;
		Ok(MasterKey { id, cipher })
	}
}

/// The master key ring: seals with the current key, opens with any.
pub struct Sealer {
	current: MasterKey,
	older: Vec<MasterKey>,
}

impl std::fmt::Debug for Sealer {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.debug_struct("Sealer")
			.field("current", &hex::encode(self.current.id))
			.finish_non_exhaustive()
	}
}

/// Parses a master key written as 64 hex characters (surrounding whitespace ignored).
pub fn parse_hex_key(text: &str) -> Result<Zeroizing<[u8; 32]>, SealError> {
	let mut key = Zeroizing::new([0u8; 32]);
	hex::decode_to_slice(text.trim(), &mut key[..]).map_err(|_| SealError::BadKey)?;
	Ok(key)
}

/// Reads a master key file.
pub fn read_key_file(path: &std::path::Path) -> Result<Zeroizing<[u8; 32]>, SealError> {
	let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| SealError::KeyFile {
		path: path.display().to_string(),
		reason: e.to_string(),
	})?);
	parse_hex_key(&text)
}

/// A new random master key, as its 64 hex characters.
pub fn generate_hex_key() -> Result<Zeroizing<String>, SealError> {
	let key = Zeroizing::new(random_bytes::<32>()?);
	Ok(Zeroizing::new(hex::encode(&key[..])))
}

impl Sealer {
	/// A ring sealing with `current` and opening with it and `older`.
	pub fn new(current: &[u8; 32], older: &[Zeroizing<[u8; 32]>]) -> Result<Sealer, SealError> {
		Ok(Sealer {
			current: MasterKey::new(current)?,
			older: older.iter().map(|k| MasterKey::new(k)).collect::<Result<_, _>>()?,
		})
	}

	/// The current key's id, hex.
	pub fn current_key_id(&self) -> String {
		hex::encode(self.current.id)
	}

	/// Seals `plaintext` for the place named by `aad`.
	pub fn seal(&self, plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>, SealError> {
		let nonce_bytes = random_bytes::<NONCE_LEN>()?;
		let nonce = <&XNonce>::try_from(&nonce_bytes[..]).map_err(|_| SealError::Seal)?;
		let ciphertext = self
			.current
			.cipher
			.encrypt(nonce, chacha20poly1305::aead::Payload { msg: plaintext, aad })
			.map_err(|_| SealError::Seal)?;
		let mut out = Vec::with_capacity(HEADER_LEN + ciphertext.len());
		out.push(VERSION);
		out.extend_from_slice(&self.current.id);
		out.extend_from_slice(&nonce_bytes);
		out.extend_from_slice(&ciphertext);
		Ok(out)
	}

	/// Opens a sealed value stored at the place named by `aad`.
	pub fn open(&self, sealed: &[u8], aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, SealError> {
		if sealed.len() < HEADER_LEN || sealed.first() != Some(&VERSION) {
			return Err(SealError::Malformed);
		}
		let (header, ciphertext) = sealed.split_at(HEADER_LEN);
		let key_id = header.get(1..1 + KEY_ID_LEN).ok_or(SealError::Malformed)?;
		let nonce_bytes = header.get(1 + KEY_ID_LEN..).ok_or(SealError::Malformed)?;
		let key = std::iter::once(&self.current)
			.chain(self.older.iter())
			.find(|k| k.id[..] == *key_id)
			.ok_or_else(|| SealError::UnknownKey(hex::encode(key_id)))?;
		let nonce = <&XNonce>::try_from(nonce_bytes).map_err(|_| SealError::Malformed)?;
		key.cipher
			.decrypt(nonce, chacha20poly1305::aead::Payload { msg: ciphertext, aad })
			.map(Zeroizing::new)
			.map_err(|_| SealError::Open)
	}

	/// Whether `sealed` was sealed with an older key (and should be sealed again).
	pub fn needs_reseal(&self, sealed: &[u8]) -> bool {
		sealed.get(1..1 + KEY_ID_LEN).is_some_and(|id| *id != self.current.id[..])
	}
}
