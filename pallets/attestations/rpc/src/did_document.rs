//! A DID's record rendered as a W3C DID document (DID Core 1.0) with its resolution metadata:
//! keys as `verificationMethod`s whose `publicKeyMultibase` is the multicodec-prefixed key in
//! base58btc (`z…`), referenced by id from the relationships their purposes allow.

use pallet_attestations_runtime_api::{DidView, KeyPurposes, PublicKey};
use serde::{Deserialize, Serialize};
use std::fmt::Display;

/// The DID method of Pactum's DIDs: `did:pactum:<SS58 account>`.
pub const METHOD: &str = "did:pactum:";

/// What `attestations_resolveDid` returns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DidResolution<BlockNumber> {
	pub did_document: DidDocument,
	pub did_document_metadata: DidMetadata<BlockNumber>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DidDocument {
	#[serde(rename = "@context")]
	pub context: Vec<String>,
	pub id: String,
	pub controller: String,
	pub verification_method: Vec<VerificationMethod>,
	pub authentication: Vec<String>,
	pub assertion_method: Vec<String>,
	pub key_agreement: Vec<String>,
	pub service: Vec<ServiceEndpoint>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerificationMethod {
	pub id: String,
	#[serde(rename = "type")]
	pub kind: String,
	pub controller: String,
	pub public_key_multibase: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceEndpoint {
	pub id: String,
	#[serde(rename = "type")]
	pub kind: String,
	pub service_endpoint: String,
}

/// The resolution metadata: `deactivated` as DID Core names it; the chain's blocks for times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DidMetadata<BlockNumber> {
	pub deactivated: bool,
	pub created_at_block: BlockNumber,
	pub updated_at_block: BlockNumber,
}

/// The verification method type and multicodec prefix of a key.
fn key_type(key: &PublicKey) -> (&'static str, [u8; 2], &[u8]) {
	match key {
		PublicKey::Sr25519(k) => ("Sr25519VerificationKey2020", [0xef, 0x01], k),
		PublicKey::Ed25519(k) => ("Ed25519VerificationKey2020", [0xed, 0x01], k),
		PublicKey::Ecdsa(k) => ("EcdsaSecp256k1VerificationKey2019", [0xe7, 0x01], k),
		PublicKey::X25519(k) => ("X25519KeyAgreementKey2020", [0xec, 0x01], k),
	}
}

/// `z` and the base58btc encoding of the multicodec prefix and the key.
pub fn multibase(key: &PublicKey) -> String {
	let (_, prefix, bytes) = key_type(key);
	let mut data = prefix.to_vec();
	data.extend_from_slice(bytes);
	format!("z{}", bs58::encode(data).into_string())
}

impl<AccountId: Display, BlockNumber> From<DidView<AccountId, BlockNumber>>
	for DidResolution<BlockNumber>
{
	fn from(view: DidView<AccountId, BlockNumber>) -> Self {
		let id = format!("{METHOD}{}", view.account);
		let mut document = DidDocument {
			context: vec![
				"https://www.w3.org/ns/did/v1".into(),
				"https://w3id.org/security/multikey/v1".into(),
			],
			id: id.clone(),
			controller: format!("{METHOD}{}", view.controller),
			verification_method: Vec::new(),
			authentication: Vec::new(),
			assertion_method: Vec::new(),
			key_agreement: Vec::new(),
			service: Vec::new(),
		};
		for key in &view.keys {
			let key_id = format!("{id}#key-{}", key.id);
			document.verification_method.push(VerificationMethod {
				id: key_id.clone(),
				kind: key_type(&key.public).0.into(),
				controller: document.controller.clone(),
				public_key_multibase: multibase(&key.public),
			});
			for (purpose, list) in [
				(KeyPurposes::AUTHENTICATION, &mut document.authentication),
				(KeyPurposes::ASSERTION, &mut document.assertion_method),
				(KeyPurposes::KEY_AGREEMENT, &mut document.key_agreement),
			] {
				if key.purposes.contains(purpose) {
					list.push(key_id.clone());
				}
			}
		}
		document.service = view
			.services
			.into_iter()
			.map(|s| ServiceEndpoint {
				id: format!("{id}#{}", s.id),
				kind: s.kind,
				service_endpoint: s.endpoint,
			})
			.collect();
		DidResolution {
			did_document: document,
			did_document_metadata: DidMetadata {
				deactivated: view.deactivated_at.is_some(),
				created_at_block: view.created_at,
				updated_at_block: view.updated_at,
			},
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use pallet_attestations_runtime_api::{DidKey, Service};

	fn view() -> DidView<&'static str, u32> {
		DidView {
			account: "5Alice",
			controller: "5Alice",
			keys: vec![
				DidKey {
					id: 0,
					public: PublicKey::Ed25519([1; 32]),
					purposes: KeyPurposes(KeyPurposes::AUTHENTICATION | KeyPurposes::ASSERTION),
					added_at: 3,
				},
				DidKey {
					id: 2,
					public: PublicKey::X25519([2; 32]),
					purposes: KeyPurposes(KeyPurposes::KEY_AGREEMENT),
					added_at: 4,
				},
			],
			services: vec![Service {
				id: "inbox".into(),
				kind: "Messaging".into(),
				endpoint: "https://isp.example/inbox".into(),
			}],
			created_at: 3,
			updated_at: 4,
			deactivated_at: None,
		}
	}

	#[test]
	fn a_did_renders_as_a_w3c_did_document() {
		let json = serde_json::to_value(DidResolution::from(view())).unwrap();
		let doc = &json["didDocument"];
		assert_eq!(doc["@context"][0], "https://www.w3.org/ns/did/v1");
		assert_eq!(doc["id"], "did:pactum:5Alice");
		assert_eq!(doc["controller"], "did:pactum:5Alice");
		let methods = doc["verificationMethod"].as_array().unwrap();
		assert_eq!(methods.len(), 2);
		assert_eq!(methods[0]["id"], "did:pactum:5Alice#key-0");
		assert_eq!(methods[0]["type"], "Ed25519VerificationKey2020");
		assert_eq!(methods[1]["type"], "X25519KeyAgreementKey2020");
		assert_eq!(doc["authentication"], serde_json::json!(["did:pactum:5Alice#key-0"]));
		assert_eq!(doc["assertionMethod"], serde_json::json!(["did:pactum:5Alice#key-0"]));
		assert_eq!(doc["keyAgreement"], serde_json::json!(["did:pactum:5Alice#key-2"]));
		assert_eq!(doc["service"][0]["id"], "did:pactum:5Alice#inbox");
		assert_eq!(doc["service"][0]["serviceEndpoint"], "https://isp.example/inbox");
		let meta = &json["didDocumentMetadata"];
		assert_eq!(
			(meta["deactivated"].as_bool(), meta["createdAtBlock"].as_u64()),
			(Some(false), Some(3))
		);
	}

	#[test]
	fn keys_are_multicodec_prefixed_base58btc() {
		// An Ed25519 key's multibase starts `z6Mk` (prefix 0xed01), an X25519 key's `z6LS`.
		assert!(multibase(&PublicKey::Ed25519([1; 32])).starts_with("z6Mk"));
		assert!(multibase(&PublicKey::X25519([2; 32])).starts_with("z6LS"));
		let decoded =
			bs58::decode(&multibase(&PublicKey::Sr25519([7; 32]))[1..]).into_vec().unwrap();
		assert_eq!(&decoded[..2], &[0xef, 0x01]);
		assert_eq!(&decoded[2..], &[7; 32]);
	}

	#[test]
	fn a_deactivated_did_says_so() {
		let mut view = view();
		view.keys.clear();
		view.services.clear();
		view.deactivated_at = Some(9);
		let resolution = DidResolution::from(view);
		assert!(resolution.did_document_metadata.deactivated);
		assert!(resolution.did_document.verification_method.is_empty());
	}
}
