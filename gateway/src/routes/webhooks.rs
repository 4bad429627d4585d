//! Webhook subscriptions of the calling API client (delivery is [`crate::webhooks`]):
//! `POST /v1/webhooks` (the secret is shown once), `GET /v1/webhooks`, `GET|PATCH|DELETE
//! /v1/webhooks/{id}` (`PATCH` moves the cursor: replay from an earlier event, or skip ahead).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::events::parse_types;
use crate::app::AppState;
use crate::auth::principal::{need, Scoped};
use crate::auth::Scope;
use crate::clock::now_ms;
use crate::db::webhooks::{self, Webhook};
use crate::digests::{b64url, random_bytes};
use crate::error::ApiError;
use crate::pipeline::intake::{acting_account, json_body};
use crate::webhooks::secret_aad;

/// Most webhooks per API client.
pub const MAX_WEBHOOKS: usize = 10;
/// Longest URL.
const MAX_URL_LEN: usize = 2048;

/// A new webhook.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewWebhook {
	/// `http` or `https` URL that receives a `POST` per event.
	pub url: String,
	/// Event types to deliver (default: all; see `GET /v1/events`).
	#[serde(default)]
	pub event_types: Vec<String>,
	/// Deliver the events after this id (default: only events indexed from now on; 0: every
	/// event the index holds).
	pub after: Option<i64>,
}

/// A change of a webhook's cursor.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CursorChange {
	/// Deliver the events after this id next (replays, or skips, from there).
	pub cursor: i64,
}

/// A webhook as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookView {
	pub id: String,
	pub url: String,
	/// Empty: every type.
	pub event_types: Vec<String>,
	/// The last event acknowledged (or skipped as not wanted).
	pub cursor: i64,
	/// Failed attempts at the next event.
	pub failures: i64,
	/// When the next attempt is due (unix ms; 0: now).
	pub next_attempt_at: i64,
	pub last_error: Option<String>,
	pub created_at: i64,
	/// The HMAC secret: only in the answer to the creation.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub secret: Option<String>,
}

impl WebhookView {
	fn of(hook: Webhook, secret: Option<String>) -> WebhookView {
		WebhookView {
			event_types: hook.event_types.split_ascii_whitespace().map(str::to_string).collect(),
			id: hook.id,
			url: hook.url,
			cursor: hook.cursor_seq,
			failures: hook.failures,
			next_attempt_at: hook.next_attempt_at,
			last_error: hook.last_error,
			created_at: hook.created_at,
			secret,
		}
	}
}

fn check_url(url: &str, allow_private: bool) -> Result<(), ApiError> {
	if url.len() > MAX_URL_LEN {
		return Err(ApiError::BadRequest(format!("url is longer than {MAX_URL_LEN} bytes")));
	}
	let parsed = reqwest::Url::parse(url).map_err(|e| ApiError::BadRequest(format!("url: {e}")))?;
	if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
		return Err(ApiError::BadRequest("url must be an http or https URL with a host".into()));
	}
	crate::webhooks::check_literal(&parsed, allow_private)
		.map_err(|e| ApiError::BadRequest(format!("url: {e}")))
}

/// Subscribe a URL to the events the caller's account may see.
#[utoipa::path(
    post,
    path = "/v1/webhooks",
    tag = "webhooks",
    request_body = NewWebhook,
    responses(
        (status = 201, description = "Created; `secret` signs every delivery and is shown only now", body = WebhookView),
        (status = 400, description = "Bad URL or event type", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No webhooks:manage and events:read scopes, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 422, description = "The client has the most webhooks allowed", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["webhooks:manage"]))
)]
pub async fn create(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::WebhooksManage>,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Response, ApiError> {
	// A webhook delivers what the event page shows: it needs that scope too.
	principal.require(Scope::EventsRead).map_err(ApiError::Auth)?;
	let request: NewWebhook = json_body(&headers, &body)?;
	check_url(&request.url, app.config.webhook_allow_private_networks)?;
	let types = parse_types(Some(&request.event_types.join(",")))?;
	if request.after.is_some_and(|after| after < 0) {
		return Err(ApiError::BadRequest("after must not be negative".into()));
	}
	let account = acting_account(&app, &principal).await?;
	if webhooks::of_client(&app.db.pool, &principal.client_id).await?.len() >= MAX_WEBHOOKS {
		return Err(ApiError::Unprocessable(format!(
			"an API client has at most {MAX_WEBHOOKS} webhooks"
		)));
	}
	let id = uuid::Uuid::now_v7().to_string();
	let secret = format!("whsec_{}", b64url(&random_bytes::<32>()?));
	let now = now_ms();
	let hook = Webhook {
		secret_sealed: app.sealer.seal(secret.as_bytes(), &secret_aad(&id))?,
		id,
		api_client_id: principal.client_id.clone(),
		account,
		url: request.url,
		event_types: types.map(|t| t.into_iter().collect::<Vec<_>>().join(" ")).unwrap_or_default(),
		cursor_seq: request.after.unwrap_or_else(|| *app.events_tip.borrow()),
		failures: 0,
		next_attempt_at: 0,
		last_error: None,
		created_at: now,
		updated_at: now,
	};
	webhooks::insert(&app.db.pool, &hook).await?;
	Ok((StatusCode::CREATED, Json(WebhookView::of(hook, Some(secret)))).into_response())
}

/// The caller's webhooks with their delivery state.
#[utoipa::path(
    get,
    path = "/v1/webhooks",
    tag = "webhooks",
    responses(
        (status = 200, description = "The webhooks", body = [WebhookView]),
        (status = 403, description = "No webhooks:manage scope", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["webhooks:manage"]))
)]
pub async fn list(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::WebhooksManage>,
) -> Result<Json<Vec<WebhookView>>, ApiError> {
	let hooks = webhooks::of_client(&app.db.pool, &principal.client_id).await?;
	Ok(Json(hooks.into_iter().map(|h| WebhookView::of(h, None)).collect()))
}

/// One of the caller's webhooks.
#[utoipa::path(
    get,
    path = "/v1/webhooks/{id}",
    tag = "webhooks",
    params(("id" = String, Path, description = "The webhook")),
    responses(
        (status = 200, description = "The webhook", body = WebhookView),
        (status = 404, description = "No such webhook of this client", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["webhooks:manage"]))
)]
pub async fn get(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::WebhooksManage>,
	Path(id): Path<String>,
) -> Result<Json<WebhookView>, ApiError> {
	let hook = webhooks::find_of_client(&app.db.pool, &principal.client_id, &id)
		.await?
		.ok_or(ApiError::NotFound)?;
	Ok(Json(WebhookView::of(hook, None)))
}

/// Move a webhook's cursor: the next delivery is the first wanted event after `cursor`, now.
#[utoipa::path(
    patch,
    path = "/v1/webhooks/{id}",
    tag = "webhooks",
    params(("id" = String, Path, description = "The webhook")),
    request_body = CursorChange,
    responses(
        (status = 200, description = "The webhook", body = WebhookView),
        (status = 400, description = "Bad cursor", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "No such webhook of this client", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["webhooks:manage"]))
)]
pub async fn set_cursor(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::WebhooksManage>,
	Path(id): Path<String>,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Json<WebhookView>, ApiError> {
	principal.require(Scope::EventsRead).map_err(ApiError::Auth)?;
	let change: CursorChange = json_body(&headers, &body)?;
	if change.cursor < 0 {
		return Err(ApiError::BadRequest("cursor must not be negative".into()));
	}
	let pool = &app.db.pool;
	if !webhooks::set_cursor(pool, &principal.client_id, &id, change.cursor, now_ms()).await? {
		return Err(ApiError::NotFound);
	}
	get(State(app), Scoped(principal, std::marker::PhantomData), Path(id)).await
}

/// Unsubscribe.
#[utoipa::path(
    delete,
    path = "/v1/webhooks/{id}",
    tag = "webhooks",
    params(("id" = String, Path, description = "The webhook")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such webhook of this client", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["webhooks:manage"]))
)]
pub async fn delete(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::WebhooksManage>,
	Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
	if !webhooks::delete(&app.db.pool, &principal.client_id, &id).await? {
		return Err(ApiError::NotFound);
	}
	Ok(StatusCode::NO_CONTENT)
}
