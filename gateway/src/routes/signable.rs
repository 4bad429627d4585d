//! Whether the chain will take a request's signatures as of the finalized block: checked before
//! a payer (a client's registrar, the operator) is charged for a batch that the chain would
//! refuse whole.

use crate::chain::reads::Reads;
use crate::error::ApiError;
use crate::pipeline::calls::SignItem;

/// A 409 naming the first item the chain would refuse; `signer_of` names who signs each item.
pub async fn check<'a>(
	reads: &Reads,
	items: &'a [SignItem],
	signer_of: impl Fn(&'a SignItem) -> &'a str,
) -> Result<(), ApiError> {
	for (i, item) in items.iter().enumerate() {
		let earlier: Vec<(&SignItem, &str)> =
			items[..i].iter().map(|e| (e, signer_of(e))).collect();
		signable(reads, signer_of(item), &earlier, item)
			.await
			.map_err(|e| ApiError::Conflict(format!("items[{i}]: {e}")))?;
	}
	Ok(())
}

/// `Ok` if `signer` may sign `item` now: no earlier item of the request has the same signer sign
/// the same version, the document exists, the version is the one open for signatures and has the
/// item's hash, `signer` is among its required signers and has not signed it.
async fn signable(
	reads: &Reads,
	signer: &str,
	earlier: &[(&SignItem, &str)],
	item: &SignItem,
) -> Result<(), String> {
	let (id, version) = (item.document, item.version);
	if earlier.iter().any(|(e, by)| e.document == id && e.version == version && *by == signer) {
		return Err(format!("{signer} signs version {version} of document {id} twice"));
	}
	let document = reads
		.document(id)
		.await
		.map_err(|e| format!("cannot read document {id}: {e}"))?
		.ok_or_else(|| format!("no document {id}"))?;
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
