//! `/healthz` (the process answers) and `/readyz` (the database answers and the node is usable:
//! reachable, genesis hash known, generated code valid for its metadata, a finalized head).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use crate::app::AppState;
use crate::chain::ChainStatus;
use crate::problem::Problem;

/// The liveness answer.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
	#[schema(example = "ok")]
	pub status: String,
	pub version: String,
}

/// Liveness: the process serves requests.
#[utoipa::path(get, path = "/healthz", tag = "health", responses((status = 200, body = Health)))]
pub async fn healthz() -> Json<Health> {
	Json(Health { status: "ok".into(), version: env!("CARGO_PKG_VERSION").into() })
}

/// The readiness answer.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Readiness {
	pub ready: bool,
	pub database: bool,
	pub chain: ChainStatus,
}

/// Readiness: 200 when the gateway can serve and submit; otherwise a 503 problem whose `checks`
/// member holds the same report.
#[utoipa::path(
    get,
    path = "/readyz",
    tag = "health",
    responses(
        (status = 200, description = "Ready", body = Readiness),
        (status = 503, description = "Not ready", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    )
)]
pub async fn readyz(State(app): State<AppState>) -> Response {
	let database = match app.db.ping().await {
		Ok(()) => true,
		Err(error) => {
			tracing::warn!(%error, "readiness: the database does not answer");
			false
		}
	};
	let chain = app.chain.status();
	let report = Readiness { ready: database && chain.is_ready(), database, chain };
	if report.ready {
		return (StatusCode::OK, Json(report)).into_response();
	}
	let reason = if !report.database {
		"the database does not answer".to_string()
	} else {
		report.chain.error.clone().unwrap_or_else(|| {
			if report.chain.reachable && !report.chain.codegen_valid {
				"the node's runtime does not match the generated client (regenerate gateway/metadata)".into()
			} else {
				"the node is not ready".into()
			}
		})
	};
	let checks = serde_json::to_value(&report).unwrap_or(serde_json::Value::Null);
	Problem::unavailable(reason).with_extension("checks", checks).into_response()
}
