//! The chain events the API reports, decoded with the typed client into their public JSON shape
//! (accounts in SS58, hashes in `0x` hex, balances as decimal strings), each with the accounts it
//! names directly. Document events also reach the document's parties, certificate events the
//! certificate's issuer and holder, attestation events the attestation's issuer and holder; the
//! indexer adds those.

use pactum_chain_api::pactum;
use pactum_chain_api::pactum::runtime_types::pallet_documents::types::{
	ContentHash, HashAlgorithm,
};
use pactum_chain_api::PactumConfig;
use serde_json::{json, Value};
use subxt::events::Event;

use crate::chain::hex_of;

/// One reported event.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
	/// e.g. `document.signed`
	pub event_type: &'static str,
	pub data: Value,
	/// The accounts the event names (SS58).
	pub named: Vec<String>,
	/// The document it is about: its parties see it too.
	pub document: Option<u64>,
	/// The certificate it is about: its holder and issuer see it too.
	pub certificate: Option<[u8; 32]>,
	/// The attestation it is about: its issuer and its holder (an account subject) see it too.
	pub attestation: Option<u64>,
}

/// Every event type the API reports.
pub const EVENT_TYPES: &[&str] = &[
	"document.created",
	"document.signed",
	"document.activated",
	"document.terminated",
	"document.amendment_proposed",
	"document.termination_proposed",
	"document.superseded",
	"document.access_granted",
	"document.access_revoked",
	"document.closed",
	"document.party_recovered",
	"certificate.issued",
	"certificate.revoked",
	"attestation.issued",
	"attestation.accepted",
	"attestation.declined",
	"attestation.amended",
	"attestation.renewed",
	"attestation.revoked",
	"attestation.removed",
	"attestation.presented",
	"attestation.endorsed",
	"attestation.recovered",
	"token.transferred",
];

fn algorithm(algorithm: &HashAlgorithm) -> &'static str {
	match algorithm {
		HashAlgorithm::Blake2_256 => "blake2_256",
		HashAlgorithm::Sha2_256 => "sha2_256",
		HashAlgorithm::Keccak256 => "keccak256",
		HashAlgorithm::Sha3_256 => "sha3_256",
	}
}

fn content_hash(hash: &ContentHash) -> Value {
	json!({ "algorithm": algorithm(&hash.algorithm), "digest": hex_of(hash.digest) })
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

fn document_event(
	event_type: &'static str,
	document: u64,
	data: Value,
	named: Vec<String>,
) -> Reported {
	Reported {
		event_type,
		data,
		named,
		document: Some(document),
		certificate: None,
		attestation: None,
	}
}

/// The reported event `event` is, if it is one.
pub fn decode(event: &Event<'_, PactumConfig>) -> Result<Option<Reported>, subxt::Error> {
	match event.pallet_name() {
		"Documents" => documents(event),
		"Attestations" => attestations::decode(event),
		"Tokens" => tokens(event),
		_ => Ok(None),
	}
}

macro_rules! try_as {
	($event:expr, $ty:ty) => {
		match $event.decode_fields_as::<$ty>() {
			Some(decoded) => Some(decoded.map_err(subxt::Error::from)?),
			None => None,
		}
	};
}

// After `try_as!`, which it uses.
mod attestations;

fn documents(event: &Event<'_, PactumConfig>) -> Result<Option<Reported>, subxt::Error> {
	use pactum::documents::events as e;
	if let Some(x) = try_as!(event, e::Created) {
		let data = json!({
			"document": x.document, "creator": x.creator.to_string(), "parent": x.parent,
			"hash": content_hash(&x.hash),
		});
		return Ok(Some(document_event(
			"document.created",
			x.document,
			data,
			vec![x.creator.to_string()],
		)));
	}
	if let Some(x) = try_as!(event, e::Signed) {
		let relayed_by = x.relayed_by.as_ref().map(ToString::to_string);
		let data = json!({
			"document": x.document, "version": x.version, "signer": x.signer.to_string(),
			"relayed_by": relayed_by,
		});
		let mut named = vec![x.signer.to_string()];
		named.extend(relayed_by);
		return Ok(Some(document_event("document.signed", x.document, data, named)));
	}
	if let Some(x) = try_as!(event, e::Activated) {
		let data = json!({ "document": x.document, "version": x.version });
		return Ok(Some(document_event("document.activated", x.document, data, vec![])));
	}
	if let Some(x) = try_as!(event, e::Terminated) {
		let data = json!({ "document": x.document, "version": x.version });
		return Ok(Some(document_event("document.terminated", x.document, data, vec![])));
	}
	if let Some(x) = try_as!(event, e::Superseded) {
		let data = json!({ "document": x.document, "version": x.version });
		return Ok(Some(document_event("document.superseded", x.document, data, vec![])));
	}
	if let Some(x) = try_as!(event, e::AmendmentProposed) {
		let data = json!({
			"document": x.document, "version": x.version, "proposer": x.proposer.to_string(),
			"hash": content_hash(&x.hash), "reason_hash": hex_of(x.reason.0),
		});
		let named = vec![x.proposer.to_string()];
		return Ok(Some(document_event("document.amendment_proposed", x.document, data, named)));
	}
	if let Some(x) = try_as!(event, e::TerminationProposed) {
		let data = json!({
			"document": x.document, "version": x.version, "proposer": x.proposer.to_string(),
			"reason_hash": hex_of(x.reason.0),
		});
		let named = vec![x.proposer.to_string()];
		return Ok(Some(document_event("document.termination_proposed", x.document, data, named)));
	}
	if let Some(x) = try_as!(event, e::AccessGranted) {
		let data = json!({
			"document": x.document, "viewer": x.viewer.to_string(), "by": x.by.to_string(),
			"expires_at": x.expires_at,
		});
		let named = vec![x.viewer.to_string(), x.by.to_string()];
		return Ok(Some(document_event("document.access_granted", x.document, data, named)));
	}
	if let Some(x) = try_as!(event, e::AccessRevoked) {
		let data = json!({
			"document": x.document, "viewer": x.viewer.to_string(), "by": x.by.to_string(),
		});
		let named = vec![x.viewer.to_string(), x.by.to_string()];
		return Ok(Some(document_event("document.access_revoked", x.document, data, named)));
	}
	if let Some(x) = try_as!(event, e::Closed) {
		let data = json!({ "document": x.document });
		return Ok(Some(document_event("document.closed", x.document, data, vec![])));
	}
	if let Some(x) = try_as!(event, e::PartyRecovered) {
		let data = json!({
			"document": x.document, "lost": x.lost.to_string(), "new": x.new.to_string(),
		});
		let named = vec![x.lost.to_string(), x.new.to_string()];
		return Ok(Some(document_event("document.party_recovered", x.document, data, named)));
	}
	if let Some(x) = try_as!(event, e::CertificateIssued) {
		let data = json!({
			"hash": hex_of(x.hash), "issuer": x.issuer.to_string(), "org_code": text(&x.org_code.0),
			"holder": x.holder.to_string(), "cert_type": text(&x.cert_type.0),
			"expires_at": x.expires_at,
		});
		return Ok(Some(Reported {
			event_type: "certificate.issued",
			data,
			named: vec![x.issuer.to_string(), x.holder.to_string()],
			document: None,
			certificate: Some(x.hash),
			attestation: None,
		}));
	}
	if let Some(x) = try_as!(event, e::CertificateRevoked) {
		let data = json!({
			"hash": hex_of(x.hash), "by": x.by.to_string(), "reason_hash": hex_of(x.reason.0),
		});
		return Ok(Some(Reported {
			event_type: "certificate.revoked",
			data,
			named: vec![x.by.to_string()],
			document: None,
			certificate: Some(x.hash),
			attestation: None,
		}));
	}
	Ok(None)
}

/// The attestations pallet's events about attestations (DIDs, schemas, devices, requests and
/// access grants are not reported).
fn tokens(event: &Event<'_, PactumConfig>) -> Result<Option<Reported>, subxt::Error> {
	use pactum::tokens::events as e;
	if let Some(x) = try_as!(event, e::Transferred) {
		let data = json!({
			"asset": x.asset, "from": x.from.to_string(), "to": x.to.to_string(),
			"amount": x.amount.to_string(), "fee": x.fee.to_string(),
		});
		return Ok(Some(Reported {
			event_type: "token.transferred",
			data,
			named: vec![x.from.to_string(), x.to.to_string()],
			document: None,
			certificate: None,
			attestation: None,
		}));
	}
	Ok(None)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_attestation_event_type_is_known() {
		let attestation = EVENT_TYPES.iter().filter(|t| t.starts_with("attestation.")).count();
		assert_eq!(attestation, 10);
		let mut unique = EVENT_TYPES.to_vec();
		unique.sort_unstable();
		unique.dedup();
		assert_eq!(unique.len(), EVENT_TYPES.len(), "no type twice");
	}
}
