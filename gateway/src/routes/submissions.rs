//! `GET /v1/submissions/{id}`: where one of the caller's write requests is.

use axum::extract::{Path, State};
use axum::Json;

use crate::app::AppState;
use crate::auth::principal::{need, Scoped};
use crate::db::submissions;
use crate::error::ApiError;
use crate::pipeline::intake::Submission;

/// A submission of the calling API client (another client's is a 404).
#[utoipa::path(
    get,
    path = "/v1/submissions/{id}",
    tag = "submissions",
    params(("id" = String, Path, description = "The submission id")),
    responses(
        (status = 200, description = "The submission", body = Submission),
        (status = 401, description = "No valid access token", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No submissions:read scope", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "No such submission of this client", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["submissions:read"]))
)]
pub async fn get(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::SubmissionsRead>,
	Path(id): Path<String>,
) -> Result<Json<Submission>, ApiError> {
	let row = submissions::find_of_client(&app.db.pool, &principal.client_id, &id)
		.await?
		.ok_or(ApiError::NotFound)?;
	Ok(Json(Submission::of(row)))
}
