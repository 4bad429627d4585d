//! Attestations (`pallet-attestations`), read: one by id; a page of those about a subject (an
//! account or a device), by an issuer or of a schema, from the node's lookups at the finalized
//! block; or those an indexed block or transaction recorded (issued, accepted, revoked, …), from
//! the chain index, each event with its attestation's status now. Their parties sign the
//! attestations pallet's calls with their own keys (their DIDs'), not through the gateway.

use std::collections::HashMap;
use std::str::FromStr as _;

use axum::extract::{Path, Query, State};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use utoipa::IntoParams;

use super::events::ChainEvent;
use super::recorded;
use crate::app::AppState;
use crate::auth::principal::{need, Scoped};
use crate::chain::hex_of;
use crate::chain::reads::Reads;
use crate::db::chain_index::EventRow;
use crate::error::ApiError;
use crate::pipeline::calls::digest;

/// The prefix of the event types the block and transaction lookups answer with.
const EVENTS: &str = "attestation.";

/// One attestation with its status now: `pending`, `active`, `expired`, `{"revoked": {at, by,
/// reason}}` or `{"superseded": {at, by}}`.
#[utoipa::path(
    get,
    path = "/v1/attestations/{id}",
    tag = "attestations",
    params(("id" = u64, Path, description = "The attestation id")),
    responses(
        (status = 200, description = "`{at, attestation}`: the finalized block read and the attestation (`id`, `schema`, `issuer`, `subject` as `{account}` or `{device}`, `claimHash`, `issuedAt`, `expiresAt`, `status`, `lineage`, `version`, `previous`, `renewals`, `endorsements`)", body = Object),
        (status = 400, description = "Not an attestation id", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No attestations:read scope", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "No attestation has this id (never issued, declined or removed)", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 503, description = "The node is not ready", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["attestations:read"]))
)]
pub async fn get(
	State(app): State<AppState>,
	_caller: Scoped<need::AttestationsRead>,
	Path(id): Path<u64>,
) -> Result<Json<Value>, ApiError> {
	let reads = Reads::at_finalized(&app)?;
	let attestation = reads.attestation(id).await?.ok_or(ApiError::NotFound)?;
	Ok(Json(json!({ "at": reads.at_json(), "attestation": attestation })))
}

/// Which attestations: exactly one of `subject`, `issuer`, `schema`, `block` or `transaction`.
#[derive(Debug, Deserialize, IntoParams)]
pub struct LookupQuery {
	/// The attestations about an account (SS58) or a device (its id: `0x` and 64 hex
	/// characters), paged by `after` and `limit`.
	pub subject: Option<String>,
	/// The attestations an issuer (SS58) issued, paged.
	pub issuer: Option<String>,
	/// The attestations of a schema (a version's id), paged.
	pub schema: Option<u32>,
	/// The attestations after this id (the last of the page before).
	pub after: Option<u64>,
	/// 1 to 100, default 20.
	pub limit: Option<u32>,
	/// The attestation events of this finalized, indexed block.
	pub block: Option<i64>,
	/// The attestation events of this transaction (`0x`-hex extrinsic hash).
	pub transaction: Option<String>,
}

/// What a page of attestations is of.
enum Key {
	/// `{"account": "<SS58>"}` or `{"device": "0x…"}`.
	Subject(Value),
	Issuer(String),
	Schema(u32),
}

/// The attestations about a subject, by an issuer or of a schema, a page at a time, each with its
/// status now; or the attestation events of a block or a transaction, each with its attestation
/// now.
#[utoipa::path(
    get,
    path = "/v1/attestations",
    tag = "attestations",
    params(LookupQuery),
    responses(
        (status = 200, description = "`{at, attestations}` for a subject, an issuer or a schema; `{block}` (`{block_number, block_hash}`) or `{transaction}` (its block, extrinsic index, call, signer and outcome) with `attestations: [{event, attestation}]` otherwise (`attestation` null once removed)", body = Object),
        (status = 400, description = "Not exactly one of subject, issuer, schema, block, transaction; or a bad value", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No attestations:read scope", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "The block is not indexed yet, or no indexed transaction with this hash recorded an attestation event", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 503, description = "The node is not ready", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["attestations:read"]))
)]
pub async fn lookup(
	State(app): State<AppState>,
	_caller: Scoped<need::AttestationsRead>,
	Query(query): Query<LookupQuery>,
) -> Result<Json<Value>, ApiError> {
	let given = [
		query.subject.is_some(),
		query.issuer.is_some(),
		query.schema.is_some(),
		query.block.is_some(),
		query.transaction.is_some(),
	];
	if given.iter().filter(|g| **g).count() != 1 {
		return Err(ApiError::BadRequest(
			"give exactly one of subject, issuer, schema, block and transaction".into(),
		));
	}
	if let Some(number) = query.block {
		let (block, rows) = recorded::block_events(&app, number, EVENTS).await?;
		let attestations = with_views(&app, rows).await?;
		return Ok(Json(json!({ "block": block, "attestations": attestations })));
	}
	if let Some(hash) = &query.transaction {
		let (transaction, rows) = recorded::transaction_events(&app, hash, EVENTS).await?;
		let attestations = with_views(&app, rows).await?;
		return Ok(Json(json!({ "transaction": transaction, "attestations": attestations })));
	}
	let limit = query.limit.unwrap_or(20);
	if !(1..=100).contains(&limit) {
		return Err(ApiError::BadRequest("limit must be 1 to 100".into()));
	}
	let key = if let Some(subject) = &query.subject {
		Key::Subject(subject_param(subject)?)
	} else if let Some(issuer) = &query.issuer {
		Key::Issuer(account(issuer, "issuer")?)
	} else {
		Key::Schema(query.schema.unwrap_or_default())
	};
	let reads = Reads::at_finalized(&app)?;
	let attestations = match &key {
		Key::Subject(subject) => reads.attestations_about(subject, query.after, limit).await?,
		Key::Issuer(issuer) => reads.attestations_by_issuer(issuer, query.after, limit).await?,
		Key::Schema(schema) => reads.attestations_of_schema(*schema, query.after, limit).await?,
	};
	Ok(Json(json!({ "at": reads.at_json(), "attestations": attestations })))
}

/// Each attestation event with its attestation's view now (`null` once removed), each
/// attestation read once; the node is asked only when there are events.
async fn with_views(app: &AppState, rows: Vec<EventRow>) -> Result<Vec<Value>, ApiError> {
	if rows.is_empty() {
		return Ok(Vec::new());
	}
	let reads = Reads::at_finalized(app)?;
	let mut views: HashMap<u64, Value> = HashMap::new();
	let mut out = Vec::with_capacity(rows.len());
	for row in rows {
		let event = ChainEvent::of(row);
		let attestation = match event.data["attestation"].as_u64() {
			Some(id) => match views.get(&id) {
				Some(view) => view.clone(),
				None => {
					let view = reads.attestation(id).await?.unwrap_or(Value::Null);
					views.insert(id, view.clone());
					view
				}
			},
			None => Value::Null,
		};
		out.push(json!({ "event": event, "attestation": attestation }));
	}
	Ok(out)
}

/// `subject` as the node's lookups take it: `{"device": "0x…"}` for a device id (`0x` and 64
/// hex characters), `{"account": "<SS58>"}` for an account.
fn subject_param(text: &str) -> Result<Value, ApiError> {
	if text.starts_with("0x") {
		let device = digest(text).map_err(|_| {
			ApiError::BadRequest("subject: a device id is 0x and 64 hex characters".into())
		})?;
		return Ok(json!({ "device": hex_of(device) }));
	}
	Ok(json!({ "account": account(text, "subject")? }))
}

/// `text`, checked to be an SS58 address.
fn account(text: &str, field: &str) -> Result<String, ApiError> {
	subxt::utils::AccountId32::from_str(text).map_err(|e| {
		ApiError::BadRequest(format!("{field}: {text:?} is not an SS58 address ({e})"))
	})?;
	Ok(text.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

	#[test]
	fn a_subject_is_a_device_id_or_an_account() {
		let device = format!("0x{}", "AB".repeat(32));
		assert_eq!(
			subject_param(&device).unwrap(),
			json!({ "device": format!("0x{}", "ab".repeat(32)) })
		);
		assert_eq!(subject_param(ALICE).unwrap(), json!({ "account": ALICE }));
		for bad in ["0x1234", "0xzz", "alice", ""] {
			assert!(matches!(subject_param(bad), Err(ApiError::BadRequest(_))), "{bad:?}");
		}
	}
}
