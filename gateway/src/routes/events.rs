//! The chain events the caller's account may see (its documents' events, certificates and
//! attestations it issued or holds, its token transfers), from the chain index: `GET /v1/events`
//! pages through them and `GET /v1/events/stream` sends them as Server-Sent Events, resuming after
//! `Last-Event-ID`.

use std::collections::{BTreeSet, VecDeque};
use std::convert::Infallible;
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::Json;
use futures_util::Stream;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use crate::app::AppState;
use crate::auth::principal::{need, Scoped};
use crate::auth::revocation::RevokedTokens;
use crate::clock::now_secs;
use crate::db::chain_index::{self, EventRow};
use crate::db::Db;
use crate::error::ApiError;
use crate::index::events::EVENT_TYPES;
use crate::pipeline::intake::acting_account;

/// An event as the API shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChainEvent {
	/// Its place in the order of events (block number × 2^20 + index in the block); resume after
	/// it with `after` or `Last-Event-ID`.
	pub id: i64,
	/// e.g. `document.signed`
	#[serde(rename = "type")]
	pub event_type: String,
	pub block_number: i64,
	pub block_hash: String,
	/// When its block was made (the block's timestamp, ms since 1970); none for events indexed
	/// before the gateway recorded it.
	pub block_time: Option<i64>,
	/// The extrinsic that emitted it, if any.
	pub extrinsic_index: Option<i64>,
	#[schema(value_type = Object)]
	pub data: Value,
}

impl ChainEvent {
	pub fn of(row: EventRow) -> ChainEvent {
		ChainEvent {
			id: row.seq,
			data: serde_json::from_str(&row.data_json).unwrap_or(Value::Null),
			event_type: row.event_type,
			block_number: row.block_number,
			block_hash: row.block_hash,
			block_time: row.block_time,
			extrinsic_index: row.extrinsic_index,
		}
	}
}

/// Which events.
#[derive(Debug, Deserialize, IntoParams)]
pub struct EventsQuery {
	/// Events after this id (default: from the first).
	pub after: Option<i64>,
	/// At most this many (1 to 500, default 100).
	pub limit: Option<i64>,
	/// Comma-separated event types (default: all).
	pub types: Option<String>,
}

/// A page of events.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventPage {
	pub events: Vec<ChainEvent>,
	/// Pass as `after` for the next page.
	pub next_after: i64,
}

/// The event types named by `types`, checked.
pub fn parse_types(types: Option<&str>) -> Result<Option<BTreeSet<String>>, ApiError> {
	let Some(types) = types.filter(|t| !t.trim().is_empty()) else {
		return Ok(None);
	};
	let mut set = BTreeSet::new();
	for name in types.split(',').map(str::trim) {
		if !EVENT_TYPES.contains(&name) {
			return Err(ApiError::BadRequest(format!(
				"unknown event type {name:?} (known: {})",
				EVENT_TYPES.join(", ")
			)));
		}
		set.insert(name.to_string());
	}
	Ok(Some(set))
}

fn wanted(types: &Option<BTreeSet<String>>, row: &EventRow) -> bool {
	types.as_ref().is_none_or(|types| types.contains(&row.event_type))
}

/// The events the caller's account may see, oldest first.
#[utoipa::path(
    get,
    path = "/v1/events",
    tag = "events",
    params(EventsQuery),
    responses(
        (status = 200, description = "A page", body = EventPage),
        (status = 400, description = "Bad paging or event type", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No events:read scope, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["events:read"]))
)]
pub async fn list(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::EventsRead>,
	Query(query): Query<EventsQuery>,
) -> Result<Json<EventPage>, ApiError> {
	let limit = query.limit.unwrap_or(100);
	if !(1..=500).contains(&limit) {
		return Err(ApiError::BadRequest("limit must be 1 to 500".into()));
	}
	let types = parse_types(query.types.as_deref())?;
	let account = acting_account(&app, &principal).await?;
	let after = query.after.unwrap_or(0);
	let rows = chain_index::events_for(&app.db.pool, &account, after, limit).await?;
	let next_after = rows.last().map_or(after, |row| row.seq);
	let events = rows.into_iter().filter(|row| wanted(&types, row)).map(ChainEvent::of).collect();
	Ok(Json(EventPage { events, next_after }))
}

/// What the stream resumes from.
#[derive(Debug, Deserialize, IntoParams)]
pub struct StreamQuery {
	/// Events after this id; `Last-Event-ID` wins. Default: only events indexed from now on.
	pub after: Option<i64>,
	/// Comma-separated event types (default: all).
	pub types: Option<String>,
}

/// The events the caller's account may see, as Server-Sent Events (`event:` the type, `id:` the
/// event id, `data:` the event as JSON), live as finalized blocks are indexed; a reconnecting
/// client sends `Last-Event-ID` and misses nothing. The stream ends when the access token expires
/// or is revoked; reconnect with a new one. One caller (an API client, or a person signed in)
/// keeps at most `max_streams_per_client` streams open (default 8): a 429 beyond.
#[utoipa::path(
    get,
    path = "/v1/events/stream",
    tag = "events",
    params(StreamQuery, ("Last-Event-ID" = Option<i64>, Header, description = "Resume after this event")),
    responses(
        (status = 200, description = "`text/event-stream` of `ChainEvent`s", content_type = "text/event-stream"),
        (status = 400, description = "Bad event type or Last-Event-ID", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No events:read scope, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 429, description = "The caller holds as many streams open as it may", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["events:read"]))
)]
pub async fn stream(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::EventsRead>,
	headers: HeaderMap,
	Query(query): Query<StreamQuery>,
) -> Result<Sse<impl Stream<Item = Result<SseEvent, Infallible>>>, ApiError> {
	let types = parse_types(query.types.as_deref())?;
	let account = acting_account(&app, &principal).await?;
	let slot = app.streams.take(&principal.subject, app.config.max_streams_per_client)?;
	let last_event_id =
		match headers.get("last-event-id") {
			Some(value) => {
				Some(value.to_str().ok().and_then(|v| v.trim().parse::<i64>().ok()).ok_or_else(
					|| ApiError::BadRequest("Last-Event-ID must be an event id".into()),
				)?)
			}
			None => None,
		};
	// Subscribed before the first read: an event indexed in between still wakes the stream.
	let tip = app.events_tip.subscribe();
	let after = last_event_id.or(query.after).unwrap_or_else(|| *tip.borrow());
	// The stream ends when the token does: at its expiry, or once it is revoked.
	let left = Duration::from_secs(principal.expires_at.saturating_sub(now_secs()));
	let state = StreamState {
		db: app.db.clone(),
		account,
		after,
		types,
		tip,
		queue: VecDeque::new(),
		deadline: tokio::time::Instant::now() + left,
		revoked: app.revoked.clone(),
		jti: principal.jti.clone(),
		client_id: principal.client_id.clone(),
		stopping: app.stopping.clone(),
		_slot: slot,
	};
	let events = futures_util::stream::unfold(state, |mut state| async move {
		let event = state.next().await?;
		Some((Ok(event), state))
	});
	Ok(Sse::new(events).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

struct StreamState {
	db: Db,
	account: String,
	after: i64,
	types: Option<BTreeSet<String>>,
	tip: tokio::sync::watch::Receiver<i64>,
	queue: VecDeque<EventRow>,
	/// When the access token expires.
	deadline: tokio::time::Instant,
	revoked: std::sync::Arc<RevokedTokens>,
	jti: String,
	client_id: String,
	stopping: Option<crate::shutdown::CancelSignal>,
	/// Held while the stream is open.
	_slot: super::stream_slots::StreamSlot,
}

impl StreamState {
	/// The next event to send; `None` ends the stream (the token expired or was revoked, or the
	/// gateway is going away).
	async fn next(&mut self) -> Option<SseEvent> {
		loop {
			let expired = tokio::time::Instant::now() >= self.deadline;
			if expired || self.revoked.refuses(&self.jti, None, &self.client_id) {
				return None;
			}
			if let Some(row) = self.queue.pop_front() {
				self.after = row.seq;
				if !wanted(&self.types, &row) {
					continue;
				}
				let event = ChainEvent::of(row);
				let data = serde_json::to_string(&event).unwrap_or_default();
				return Some(
					SseEvent::default().id(event.id.to_string()).event(event.event_type).data(data),
				);
			}
			match chain_index::events_for(&self.db.pool, &self.account, self.after, 100).await {
				Ok(rows) if !rows.is_empty() => {
					self.queue.extend(rows);
					continue;
				}
				Ok(_) => {}
				Err(error) => {
					tracing::warn!(%error, "event stream read failed; retrying");
					tokio::time::sleep(Duration::from_secs(1)).await;
					continue;
				}
			}
			// Woken by new events, and every 15 s to see whether the token was revoked; ended at
			// the token's expiry and when the gateway stops (no stop waits for an open stream).
			let stopping = async {
				match &mut self.stopping {
					Some(signal) => signal.cancelled().await,
					None => std::future::pending().await,
				}
			};
			tokio::select! {
				changed = self.tip.changed() => changed.ok()?,
				_ = tokio::time::sleep_until(self.deadline) => return None,
				_ = stopping => return None,
				_ = tokio::time::sleep(Duration::from_secs(15)) => {}
			}
		}
	}
}
