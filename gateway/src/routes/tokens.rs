//! Regulated tokens for the caller's (custodial) account: balances, an asset's details, a quote of
//! what a transfer would cost and whether it would pass, transfers and withdrawal requests (both
//! submissions). Amounts are decimal strings: they are `u128` on chain.

use std::str::FromStr;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Json;
use pactum_chain_api::pactum;
use serde::Deserialize;
use serde_json::{json, Value};
use subxt::rpcs::rpc_params;
use subxt::utils::AccountId32;
use utoipa::IntoParams;

use crate::app::AppState;
use crate::auth::principal::{need, Scoped};
use crate::chain::reads::Reads;
use crate::error::ApiError;
use crate::pipeline::calls::{Call, RequestWithdrawal, TransferTokens};
use crate::pipeline::intake::{self, acting_account, json_body, Submission};
use crate::pipeline::token_calls::amount;

/// Which asset.
#[derive(Debug, Deserialize, IntoParams)]
pub struct BalanceQuery {
	/// A regulated asset's id; without it, only the native balance (PACT).
	pub asset: Option<u32>,
}

/// The caller's balances at the finalized head: native (free, reserved, frozen) and, when asked,
/// of one regulated asset (balance and whether the account is frozen).
#[utoipa::path(
    get,
    path = "/v1/tokens/balances",
    tag = "tokens",
    params(BalanceQuery),
    responses(
        (status = 200, description = "`{at, account, native, asset?}`", body = Object),
        (status = 403, description = "No tokens:read scope, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 503, description = "The node is not ready", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["tokens:read"]))
)]
pub async fn balances(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::TokensRead>,
	Query(query): Query<BalanceQuery>,
) -> Result<Json<Value>, ApiError> {
	let account = acting_account(&app, &principal).await?;
	let id = AccountId32::from_str(&account)
		.map_err(|e| ApiError::Unavailable(format!("the client's account: {e}")))?;
	let reads = Reads::at_finalized(&app)?;
	let client =
		app.chain.client().ok_or_else(|| ApiError::Unavailable("the node is not ready".into()))?;
	let unavailable = |e: subxt::Error| ApiError::Unavailable(e.to_string());
	let at = client.at_block(reads.at_number).await.map_err(|e| unavailable(e.into()))?;
	let storage = at.storage();
	let native = storage
		.try_fetch(pactum::storage().system().account(), (id,))
		.await
		.map_err(|e| unavailable(e.into()))?;
	let native = match native {
		Some(value) => {
			let info = value.decode().map_err(|e| unavailable(e.into()))?;
			json!({
				"free": info.data.free.to_string(),
				"reserved": info.data.reserved.to_string(),
				"frozen": info.data.frozen.to_string(),
			})
		}
		None => json!({ "free": "0", "reserved": "0", "frozen": "0" }),
	};
	let mut answer = json!({
		"at": reads.at_json(),
		"account": account,
		"native": native,
	});
	if let Some(asset) = query.asset {
		let held = storage
			.try_fetch(pactum::storage().assets().account(), (asset, id))
			.await
			.map_err(|e| unavailable(e.into()))?;
		answer["asset"] = match held {
			Some(value) => {
				let account = value.decode().map_err(|e| unavailable(e.into()))?;
				use pactum::runtime_types::pallet_assets::types::AccountStatus;
				json!({
					"id": asset,
					"balance": account.balance.to_string(),
					"frozen": !matches!(account.status, AccountStatus::Liquid),
				})
			}
			None => json!({ "id": asset, "balance": "0", "frozen": false }),
		};
	}
	Ok(Json(answer))
}

/// A regulated asset: its details (policy, fee collector, ratio) and supply.
#[utoipa::path(
    get,
    path = "/v1/tokens/assets/{asset}",
    tag = "tokens",
    params(("asset" = u32, Path, description = "The asset id")),
    responses(
        (status = 200, description = "`{at, asset}`", body = Object),
        (status = 404, description = "No asset the tokens pallet governs has this id", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["tokens:read"]))
)]
pub async fn asset(
	State(app): State<AppState>,
	_caller: Scoped<need::TokensRead>,
	Path(asset): Path<u32>,
) -> Result<Json<Value>, ApiError> {
	let reads = Reads::at_finalized(&app)?;
	let view: Option<Value> = reads.call("tokens_asset", rpc_params![asset, &reads.at]).await?;
	let view = view.ok_or(ApiError::NotFound)?;
	Ok(Json(json!({ "at": reads.at_json(), "asset": view })))
}

/// A transfer to quote.
#[derive(Debug, Deserialize, IntoParams)]
pub struct QuoteQuery {
	pub asset: u32,
	/// The recipient (SS58).
	pub to: String,
	/// Decimal string.
	pub amount: String,
}

/// What a transfer from the caller's account would cost (the asset's fee) and whether every rule
/// would let it pass, at the finalized head.
#[utoipa::path(
    get,
    path = "/v1/tokens/quote",
    tag = "tokens",
    params(QuoteQuery),
    responses(
        (status = 200, description = "`{at, quote}`", body = Object),
        (status = 400, description = "Bad recipient or amount", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No tokens:read scope, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["tokens:read"]))
)]
pub async fn quote(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::TokensRead>,
	Query(query): Query<QuoteQuery>,
) -> Result<Json<Value>, ApiError> {
	AccountId32::from_str(&query.to).map_err(|e| {
		ApiError::BadRequest(format!("to: {:?} is not an SS58 address ({e})", query.to))
	})?;
	let value = amount(&query.amount).map_err(ApiError::BadRequest)?;
	let account = acting_account(&app, &principal).await?;
	let reads = Reads::at_finalized(&app)?;
	let params = rpc_params![query.asset, &account, &query.to, format!("0x{value:x}"), &reads.at];
	let quote: Value = reads.call("tokens_quoteTransfer", params).await?;
	Ok(Json(json!({ "at": reads.at_json(), "quote": quote })))
}

/// Transfer tokens from the caller's account (a regulated transfer: the asset's policy, bans, KYC
/// level, limits and fee apply). The submission reaches `finalized` or `failed` with the pallet's
/// error (`Tokens.LimitExceeded`, …).
#[utoipa::path(
    post,
    path = "/v1/tokens/transfers",
    tag = "tokens",
    request_body = TransferTokens,
    params(("Idempotency-Key" = String, Header, description = "Unique per request")),
    responses(
        (status = 202, description = "Accepted (or replayed)", body = Submission),
        (status = 400, description = "Invalid request; nothing stored", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No tokens:write scope, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused for another request", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["tokens:write"]))
)]
pub async fn transfer(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::TokensWrite>,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Response, ApiError> {
	let request: TransferTokens = json_body(&headers, &body)?;
	intake::submit(&app, &principal, &headers, Call::TransferTokens(request)).await
}

/// Ask to redeem tokens off chain: the amount and its fee move to escrow until a trade admin
/// confirms (burned, paid out) or rejects (returned). `result.withdrawal` is its id.
#[utoipa::path(
    post,
    path = "/v1/tokens/withdrawals",
    tag = "tokens",
    request_body = RequestWithdrawal,
    params(("Idempotency-Key" = String, Header, description = "Unique per request")),
    responses(
        (status = 202, description = "Accepted (or replayed)", body = Submission),
        (status = 400, description = "Invalid request; nothing stored", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No tokens:write scope, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused for another request", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["tokens:write"]))
)]
pub async fn withdraw(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::TokensWrite>,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Response, ApiError> {
	let request: RequestWithdrawal = json_body(&headers, &body)?;
	intake::submit(&app, &principal, &headers, Call::RequestWithdrawal(request)).await
}
