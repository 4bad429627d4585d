//! Whether the chain will take a request's signatures as of the finalized block: checked before
//! a payer (a client's registrar, the operator) is charged for a batch that the chain would
//! refuse whole.

use std::collections::HashMap;

use serde_json::Value;

use crate::chain::reads::Reads;
use crate::error::ApiError;
use crate::pipeline::calls::SignItem;

/// A 409 naming the first item the chain would refuse; `signers[i]` signs `items[i]` (SS58 as
/// the node writes it). Each document is read once.
pub async fn check(reads: &Reads, items: &[SignItem], signers: &[String]) -> Result<(), ApiError> {
	let mut documents: HashMap<u64, Option<Value>> = HashMap::new();
	for (i, (item, signer)) in items.iter().zip(signers).enumerate() {
		let document = match documents.get(&item.document) {
			Some(read) => read.clone(),
			None => {
				let read = reads.document(item.document).await?;
				documents.insert(item.document, read.clone());
				read
			}
		};
		let earlier: Vec<(&SignItem, &str)> =
			items[..i].iter().zip(signers).map(|(e, by)| (e, by.as_str())).collect();
		signable(document.as_ref(), signer, &earlier, item)
			.map_err(|e| ApiError::Conflict(format!("items[{i}]: {e}")))?;
	}
	Ok(())
}

/// `Ok` if `signer` may sign `item` of `document` (as the finalized block has it) now: no earlier item of the request has the same signer sign
/// the same version, the document exists, the version is the one open for signatures and has the
/// item's hash, `signer` is among its required signers and has not signed it.
fn signable(
	document: Option<&Value>,
	signer: &str,
	earlier: &[(&SignItem, &str)],
	item: &SignItem,
) -> Result<(), String> {
	let (id, version) = (item.document, item.version);
	if earlier.iter().any(|(e, by)| e.document == id && e.version == version && *by == signer) {
		return Err(format!("{signer} signs version {version} of document {id} twice"));
	}
	let document = document.ok_or_else(|| format!("no document {id}"))?;
	if document["openVersion"].as_u64() != Some(u64::from(version)) {
		return Err(format!("version {version} of document {id} is not open for signatures"));
	}
	if !document["signers"].as_array().is_some_and(|s| s.iter().any(|a| a.as_str() == Some(signer)))
	{
		return Err(format!("{signer} is not a required signer of document {id}"));
	}
	let open = document["versions"]
		.as_array()
		.and_then(|versions| {
			versions.iter().find(|v| v["index"].as_u64() == Some(u64::from(version)))
		})
		.ok_or_else(|| format!("document {id} has no version {version}"))?;
	let same_hash = open["hash"]["algorithm"].as_str().map(str::to_lowercase)
		== Some(item.hash_algorithm.to_lowercase())
		&& open["hash"]["digest"].as_str().map(str::to_lowercase) == Some(item.hash.to_lowercase());
	if !same_hash {
		return Err(format!("the hash is not the text of version {version} of document {id}"));
	}
	let signed = open["signatures"]
		.as_array()
		.is_some_and(|s| s.iter().any(|g| g["signer"].as_str() == Some(signer)));
	if signed {
		return Err(format!("{signer} signed version {version} of document {id} already"));
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use serde_json::json;

	use super::*;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
	const CHARLIE: &str = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";

	fn hash(byte: &str) -> String {
		format!("0x{}", byte.repeat(32))
	}

	/// Document 7, version 1 open (hash `ab…`), Alice and Bob to sign, Alice signed.
	fn document() -> Value {
		json!({
			"id": 7,
			"openVersion": 1,
			"signers": [ALICE, BOB],
			"versions": [
				{ "index": 0, "hash": { "algorithm": "Blake2_256", "digest": hash("cd") }, "signatures": [] },
				{ "index": 1, "hash": { "algorithm": "Blake2_256", "digest": hash("ab") },
				  "signatures": [{ "signer": ALICE }] },
			],
		})
	}

	fn item(version: u32, digest: &str) -> SignItem {
		SignItem {
			document: 7,
			version,
			hash_algorithm: "blake2_256".into(),
			hash: digest.into(),
			relayed: None,
		}
	}

	#[test]
	fn only_what_the_finalized_document_takes_is_signable() {
		let doc = document();
		let open = item(1, &hash("ab"));
		assert_eq!(signable(Some(&doc), BOB, &[], &open), Ok(()));
		assert_eq!(
			signable(Some(&doc), BOB, &[], &item(1, &hash("AB").replace("0X", "0x"))),
			Ok(())
		);
		let refused =
			|signer: &str, earlier: &[(&SignItem, &str)], it: &SignItem, doc: Option<&Value>| {
				signable(doc, signer, earlier, it).unwrap_err()
			};
		assert_eq!(refused(BOB, &[], &open, None), "no document 7");
		assert!(refused(BOB, &[], &item(0, &hash("cd")), Some(&doc)).contains("not open"));
		assert!(
			refused(BOB, &[], &item(1, &hash("cd")), Some(&doc)).contains("hash is not the text")
		);
		let mut other_algorithm = open.clone();
		other_algorithm.hash_algorithm = "sha2_256".into();
		assert!(refused(BOB, &[], &other_algorithm, Some(&doc)).contains("hash is not the text"));
		assert!(refused(CHARLIE, &[], &open, Some(&doc)).contains("not a required signer"));
		assert!(refused(ALICE, &[], &open, Some(&doc)).contains("already"));
		assert!(refused(BOB, &[(&open, BOB)], &open, Some(&doc)).contains("twice"));
		// two signers of one version in one batch are fine
		assert_eq!(signable(Some(&doc), BOB, &[(&open, ALICE)], &open), Ok(()));
	}
}
