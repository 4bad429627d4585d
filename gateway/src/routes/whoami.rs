//! `GET /v1/whoami`: the caller as the gateway sees it (any valid access token), with the chain
//! account it acts for: the portal shows a person who they are signed in as, and which
//! contracts are theirs, and how they sign.

use axum::extract::State;
use axum::Json;
use serde::Serialize;

use crate::app::AppState;
use crate::auth::Principal;
use crate::db::clients;
use crate::error::ApiError;
use crate::pipeline::intake::acting_account;

/// The caller and its chain account.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Whoami {
	#[serde(flatten)]
	pub principal: Principal,
	/// The chain account (SS58) the caller reads as and its writes are signed by: an API
	/// client's `--act-as` account, a person's account; none for a client acting for no account
	/// (or a person since disabled).
	pub account: Option<String>,
	/// When the account is a client registered through this gateway: `gateway` (the gateway
	/// holds its key and signs for it) or `self` (it signs with its own key); either way its
	/// registrar submits its signatures and pays.
	pub custody: Option<String>,
}

/// The authenticated caller.
#[utoipa::path(
    get,
    path = "/v1/whoami",
    tag = "identity",
    responses(
        (status = 200, description = "The caller", body = Whoami),
        (status = 401, description = "No valid access token", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn whoami(
	State(app): State<AppState>,
	principal: Principal,
) -> Result<Json<Whoami>, ApiError> {
	let account = match acting_account(&app, &principal).await {
		Ok(account) => Some(account),
		// acting for no account, or a disabled person: a 403 elsewhere, "none" here
		Err(ApiError::Auth(_)) => None,
		Err(other) => return Err(other),
	};
	let custody = match &account {
		Some(account) => clients::find(&app.db.pool, account).await?.map(|c| c.custody),
		None => None,
	};
	Ok(Json(Whoami { principal, account, custody }))
}
