//! `GET /v1/whoami`: the caller as the gateway sees it (any valid access token).

use axum::Json;

use crate::auth::Principal;

/// The authenticated caller.
#[utoipa::path(
    get,
    path = "/v1/whoami",
    tag = "identity",
    responses(
        (status = 200, description = "The caller", body = Principal),
        (status = 401, description = "No valid access token", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn whoami(principal: Principal) -> Json<Principal> {
	Json(principal)
}
