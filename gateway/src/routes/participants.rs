//! `GET /v1/participants/{account}/public-key`: a participant's public keys and organisation, as
//! the registry has them at the finalized head. Public, like the chain it reads: a verifier needs
//! the issuer's key to check a signature made outside the chain.

use std::str::FromStr;

use axum::extract::{Path, State};
use axum::Json;
use serde_json::{json, Value};
use subxt::utils::AccountId32;

use crate::app::AppState;
use crate::chain::hex_of;
use crate::chain::reads::Reads;
use crate::error::ApiError;

/// The public keys of `account` (SS58), `{account, public_key, kind, org_code, operator_key}`:
/// `public_key` is the account's own 32-byte key (sr25519 or ed25519 by the account's scheme),
/// `operator_key` the signing key the participant registered in the registry, if any.
#[utoipa::path(
    get,
    path = "/v1/participants/{account}/public-key",
    tag = "participants",
    params(("account" = String, Path, description = "SS58 address")),
    responses(
        (status = 200, description = "The keys", body = Object),
        (status = 400, description = "Not an SS58 address", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "Not a registered participant", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 503, description = "The node is not ready", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    )
)]
pub async fn public_key_of(
	State(app): State<AppState>,
	Path(account): Path<String>,
) -> Result<Json<Value>, ApiError> {
	AccountId32::from_str(&account)
		.map_err(|e| ApiError::BadRequest(format!("{account:?} is not an SS58 address ({e})")))?;
	let reads = Reads::at_finalized(&app)?;
	let keys = public_key(&reads, &account).await?;
	if keys.is_null() {
		return Err(ApiError::NotFound);
	}
	Ok(Json(keys))
}

/// The keys of a registered participant; `null` if `account` is not one.
pub async fn public_key(reads: &Reads, account: &str) -> Result<Value, ApiError> {
	let Ok(id) = AccountId32::from_str(account) else {
		return Ok(Value::Null);
	};
	let Some(participant) = reads.participant(account).await? else {
		return Ok(Value::Null);
	};
	Ok(json!({
		"account": account,
		"public_key": hex_of(id.0),
		"kind": participant["kind"],
		"org_code": participant["orgCode"],
		"operator_key": participant["operatorKey"],
	}))
}
