//! A client's data as the gateway keeps it: a JSON object, sealed at rest with the master key
//! (bound to the client and the version), and the hash that goes on chain in its place:
//! `SHA-256(salt ‖ data)`, the salt 32 random bytes per version (so no one can test a guess of
//! the data against the chain), the data as compact JSON with every object's keys in sorted order.
//! Whoever may read the data gets the salt too, and can check the hash against the chain.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use zeroize::Zeroizing;

use crate::digests::{random_bytes, sha256};
use crate::error::ApiError;
use crate::seal::{self, SealError, Sealer};

/// The largest client data accepted, as compact JSON.
pub const MAX_DATA_BYTES: usize = 64 * 1024;

/// One version of a client's data, open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientData {
	/// 32 bytes, hex.
	pub salt: String,
	/// Objects' keys in sorted order.
	pub data: Value,
}

impl ClientData {
	/// A new version of `data` with a fresh salt; a 400 when it is too large.
	pub fn new(data: &Map<String, Value>) -> Result<ClientData, ApiError> {
		let data = canonical(&Value::Object(data.clone()));
		let size = serde_json::to_vec(&data).map_or(usize::MAX, |bytes| bytes.len());
		if size > MAX_DATA_BYTES {
			return Err(ApiError::BadRequest(format!(
				"data is {size} bytes as JSON; at most {MAX_DATA_BYTES}"
			)));
		}
		Ok(ClientData { salt: hex::encode(random_bytes::<32>()?), data })
	}

	/// The data as hashed: compact JSON with every object's keys in sorted order.
	pub fn canonical(&self) -> String {
		serde_json::to_string(&self.data).unwrap_or_default()
	}

	/// `0x`-hex `SHA-256(salt ‖ data as compact JSON)`: what the chain records.
	pub fn hash(&self) -> String {
		let mut input = hex::decode(&self.salt).unwrap_or_default();
		input.extend(self.canonical().into_bytes());
		format!("0x{}", hex::encode(sha256(&input)))
	}

	/// Sealed for version `version` of `account`.
	pub fn seal(&self, sealer: &Sealer, account: &str, version: i64) -> Result<Vec<u8>, SealError> {
		let plain = Zeroizing::new(serde_json::to_vec(self).map_err(|_| SealError::Seal)?);
		sealer.seal(&plain, &aad(account, version))
	}

	/// Opens what [`ClientData::seal`] sealed for the same client and version.
	pub fn open(
		sealer: &Sealer,
		sealed: &[u8],
		account: &str,
		version: i64,
	) -> Result<ClientData, SealError> {
		let plain = sealer.open(sealed, &aad(account, version))?;
		serde_json::from_slice(&plain).map_err(|_| SealError::Open)
	}
}

fn aad(account: &str, version: i64) -> Vec<u8> {
	seal::aad("client_versions", "data_sealed", &format!("{account}/{version}"))
}

/// `value` with every object's keys in sorted order, whatever order the map keeps.
fn canonical(value: &Value) -> Value {
	match value {
		Value::Object(map) => {
			let mut keys: Vec<&String> = map.keys().collect();
			keys.sort();
			Value::Object(
				keys.into_iter()
					.filter_map(|k| map.get(k).map(|v| (k.clone(), canonical(v))))
					.collect(),
			)
		}
		Value::Array(items) => Value::Array(items.iter().map(canonical).collect()),
		other => other.clone(),
	}
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;
	use serde_json::json;

	fn object(value: Value) -> Map<String, Value> {
		value.as_object().unwrap().clone()
	}

	#[test]
	fn the_hash_covers_salt_and_data_in_key_order() {
		let a = ClientData::new(&object(json!({"name": "Aigerim", "tariff": {"b": 1, "a": 2}})))
			.unwrap();
		let expected = {
			let mut input = hex::decode(&a.salt).unwrap();
			input.extend(br#"{"name":"Aigerim","tariff":{"a":2,"b":1}}"#);
			format!("0x{}", hex::encode(sha256(&input)))
		};
		assert_eq!(a.hash(), expected);
		// The same data gets another salt, so another hash.
		let b = ClientData::new(&object(json!({"tariff": {"a": 2, "b": 1}, "name": "Aigerim"})))
			.unwrap();
		assert_eq!(a.data, b.data);
		assert_ne!(a.hash(), b.hash());
	}

	#[test]
	fn sealed_data_opens_only_for_its_client_and_version() {
		let sealer = Sealer::new(&[7; 32], &[]).unwrap();
		let data = ClientData::new(&object(json!({"name": "Aigerim"}))).unwrap();
		let sealed = data.seal(&sealer, "5Client", 2).unwrap();
		assert_eq!(ClientData::open(&sealer, &sealed, "5Client", 2).unwrap(), data);
		assert!(ClientData::open(&sealer, &sealed, "5Client", 1).is_err());
		assert!(ClientData::open(&sealer, &sealed, "5Other", 2).is_err());
	}

	#[test]
	fn data_larger_than_the_limit_is_refused() {
		let big = object(json!({"notes": "x".repeat(MAX_DATA_BYTES)}));
		let refused = ClientData::new(&big).unwrap_err();
		assert!(matches!(refused, ApiError::BadRequest(detail) if detail.contains("at most")));
	}
}
