//! The attestations pallet's events as the API reports them: each names the attestation, so that
//! its issuer and its holder (an account subject) see it too.

use pactum_chain_api::pactum;
use pactum_chain_api::pactum::runtime_types::pallet_attestations::types::{
	RevocationReason, Subject,
};
use pactum_chain_api::PactumConfig;
use serde_json::{json, Value};
use subxt::events::Event;

use super::Reported;
use crate::chain::hex_of;

fn attestation_event(
	event_type: &'static str,
	attestation: u64,
	data: Value,
	named: Vec<String>,
) -> Reported {
	Reported {
		event_type,
		data,
		named,
		document: None,
		certificate: None,
		attestation: Some(attestation),
	}
}

/// An attestation's subject as JSON (`{"account": "<SS58>"}` or `{"device": "0x…"}`), and the
/// account when it is one (its holder).
fn subject_of<A: ToString>(subject: &Subject<A>) -> (Value, Option<String>) {
	match subject {
		Subject::Account(account) => {
			let account = account.to_string();
			(json!({ "account": account }), Some(account))
		}
		Subject::Device(device) => (json!({ "device": hex_of(device) }), None),
	}
}

/// A revocation reason by its name in the runtime (`AffiliationChanged`, …).
fn reason_name(reason: &RevocationReason) -> &'static str {
	match reason {
		RevocationReason::Unspecified => "Unspecified",
		RevocationReason::KeyCompromise => "KeyCompromise",
		RevocationReason::IssuerCompromise => "IssuerCompromise",
		RevocationReason::AffiliationChanged => "AffiliationChanged",
		RevocationReason::CessationOfOperation => "CessationOfOperation",
		RevocationReason::PrivilegeWithdrawn => "PrivilegeWithdrawn",
		RevocationReason::HolderRequest => "HolderRequest",
		RevocationReason::Fraud => "Fraud",
	}
}

/// The reported event an `Attestations` event is.
pub(super) fn decode(event: &Event<'_, PactumConfig>) -> Result<Option<Reported>, subxt::Error> {
	use pactum::attestations::events as e;
	if let Some(x) = try_as!(event, e::Issued) {
		let (subject, holder) = subject_of(&x.subject);
		let data = json!({
			"attestation": x.attestation, "schema": x.schema, "issuer": x.issuer.to_string(),
			"subject": subject, "claim_hash": hex_of(x.claim_hash), "expires_at": x.expires_at,
			"pending": x.pending,
		});
		let mut named = vec![x.issuer.to_string()];
		named.extend(holder);
		return Ok(Some(attestation_event("attestation.issued", x.attestation, data, named)));
	}
	if let Some(x) = try_as!(event, e::Accepted) {
		let data = json!({ "attestation": x.attestation });
		return Ok(Some(attestation_event("attestation.accepted", x.attestation, data, vec![])));
	}
	if let Some(x) = try_as!(event, e::Declined) {
		let data = json!({ "attestation": x.attestation });
		return Ok(Some(attestation_event("attestation.declined", x.attestation, data, vec![])));
	}
	if let Some(x) = try_as!(event, e::Amended) {
		let data = json!({ "previous": x.previous, "attestation": x.attestation });
		return Ok(Some(attestation_event("attestation.amended", x.attestation, data, vec![])));
	}
	if let Some(x) = try_as!(event, e::Renewed) {
		let data = json!({ "attestation": x.attestation, "expires_at": x.expires_at });
		return Ok(Some(attestation_event("attestation.renewed", x.attestation, data, vec![])));
	}
	if let Some(x) = try_as!(event, e::Revoked) {
		let data = json!({
			"attestation": x.attestation, "by": x.by.to_string(), "reason": reason_name(&x.reason),
		});
		let named = vec![x.by.to_string()];
		return Ok(Some(attestation_event("attestation.revoked", x.attestation, data, named)));
	}
	if let Some(x) = try_as!(event, e::Removed) {
		let data = json!({ "attestation": x.attestation });
		return Ok(Some(attestation_event("attestation.removed", x.attestation, data, vec![])));
	}
	if let Some(x) = try_as!(event, e::Presented) {
		let data = json!({
			"attestation": x.attestation, "holder": x.holder.to_string(),
			"verifier": x.verifier.to_string(), "challenge": hex_of(x.challenge),
		});
		let named = vec![x.holder.to_string(), x.verifier.to_string()];
		return Ok(Some(attestation_event("attestation.presented", x.attestation, data, named)));
	}
	if let Some(x) = try_as!(event, e::Endorsed) {
		let data = json!({ "attestation": x.attestation, "endorser": x.endorser.to_string() });
		let named = vec![x.endorser.to_string()];
		return Ok(Some(attestation_event("attestation.endorsed", x.attestation, data, named)));
	}
	if let Some(x) = try_as!(event, e::Recovered) {
		let data = json!({
			"attestation": x.attestation, "lost": x.lost.to_string(), "new": x.new.to_string(),
		});
		let named = vec![x.lost.to_string(), x.new.to_string()];
		return Ok(Some(attestation_event("attestation.recovered", x.attestation, data, named)));
	}
	Ok(None)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;
	use subxt::utils::AccountId32;

	#[test]
	fn a_subject_is_an_account_with_its_holder_or_a_device_in_hex() {
		let account = AccountId32([1; 32]);
		let (json, holder) = subject_of(&Subject::Account(account.clone()));
		assert_eq!(json, json!({ "account": account.to_string() }));
		assert_eq!(holder, Some(account.to_string()));
		let (json, holder) = subject_of::<AccountId32>(&Subject::Device([0xab; 32]));
		assert_eq!(json, json!({ "device": format!("0x{}", "ab".repeat(32)) }));
		assert_eq!(holder, None);
	}

	#[test]
	fn revocation_reasons_are_named_as_in_the_runtime() {
		assert_eq!(reason_name(&RevocationReason::AffiliationChanged), "AffiliationChanged");
		assert_eq!(reason_name(&RevocationReason::HolderRequest), "HolderRequest");
	}
}
