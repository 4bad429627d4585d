//! Intake: a write request is checked, then stored under the caller's `Idempotency-Key` in one
//! statement, and answered `202 Accepted` with the submission; nothing is signed yet. The same key
//! with the same request answers the stored submission again (`Idempotent-Replayed: true`); the
//! same key with another request is a 422.

use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use super::calls::Call;
use crate::app::AppState;
use crate::auth::Principal;
use crate::clock::now_ms;
use crate::db::submissions::{self, NewSubmission, SubmissionRow};
use crate::db::{api_clients, signers, users};
use crate::digests::sha256;
use crate::error::ApiError;
use crate::problem::Problem;

/// The header naming a write request, unique per API client.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// A submission as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Submission {
	pub id: String,
	/// e.g. `documents.create`
	pub kind: String,
	/// `accepted` (waiting to be signed), `broadcast` (sent, waiting for finality), `finalized`
	/// (succeeded in a finalized block), `failed` (`error` says why)
	pub status: String,
	/// The chain account that signs it (SS58).
	pub signer: String,
	/// How many times it was signed (a new attempt only once the previous one is dead).
	pub attempts: i64,
	pub nonce: Option<i64>,
	/// `0x`-hex hash of the live or included extrinsic.
	pub tx_hash: Option<String>,
	pub block_number: Option<i64>,
	pub block_hash: Option<String>,
	pub extrinsic_index: Option<i64>,
	/// The pallet error (`Documents.NotParty`) or why it could not be signed.
	pub error: Option<String>,
	/// What it produced (e.g. `{"document": 7}`) and its events.
	#[schema(value_type = Option<Object>)]
	pub result: Option<serde_json::Value>,
	/// Where to poll it.
	pub status_url: String,
	pub created_at: i64,
	pub updated_at: i64,
}

impl Submission {
	pub fn of(row: SubmissionRow) -> Submission {
		Submission {
			status_url: format!("/v1/submissions/{}", row.id),
			id: row.id,
			kind: row.kind,
			status: row.status.as_str().to_string(),
			signer: row.signer,
			attempts: row.attempts,
			nonce: row.nonce,
			tx_hash: row.tx_hash.map(super::hex_of),
			block_number: row.block_number,
			block_hash: row.block_hash,
			extrinsic_index: row.extrinsic_index,
			error: row.error,
			result: row.result_json.and_then(|text| serde_json::from_str(&text).ok()),
			created_at: row.created_at,
			updated_at: row.updated_at,
		}
	}
}

/// Stores `call` for the caller's chain account. Whether it was a replay, and the submission.
pub async fn accept(
	app: &AppState,
	principal: &Principal,
	headers: &HeaderMap,
	call: Call,
) -> Result<(bool, Submission), ApiError> {
	let intake = prepare(app, principal, headers).await?;
	call.check(&intake.signer).map_err(ApiError::BadRequest)?;
	let fingerprint = fingerprint(&call)?;
	let stored = intake.store_alone(app, principal, &call, &fingerprint).await?;
	Ok((stored.replayed, Submission::of(stored.row)))
}

/// What tells one request under an Idempotency-Key from another: the SHA-256 of `call` as stored.
pub fn fingerprint(call: &Call) -> Result<Vec<u8>, ApiError> {
	let request_json =
		serde_json::to_string(call).map_err(|e| ApiError::BadRequest(e.to_string()))?;
	Ok(sha256(request_json.as_bytes()).to_vec())
}

/// A write request's key and signer, checked: what every write needs before it is stored.
pub struct Intake<'h> {
	pub key: &'h str,
	/// The account that signs it (SS58): the caller's, held by the gateway.
	pub signer: String,
}

/// A stored (or replayed) submission.
pub struct Stored {
	pub replayed: bool,
	pub row: SubmissionRow,
}

/// The `Idempotency-Key` and the caller's signer: a 400 without a key, a 403 if the gateway holds
/// no key for the account the caller acts for.
pub async fn prepare<'h>(
	app: &AppState,
	principal: &Principal,
	headers: &'h HeaderMap,
) -> Result<Intake<'h>, ApiError> {
	idempotency_key(headers)?;
	// A person signs with the custodial key the gateway holds for their account, if it holds one.
	let signer = acting_account(app, principal).await?;
	prepare_for(app, headers, signer).await
}

/// The `Idempotency-Key`, and `signer` as the account that signs: a 403 if the gateway holds no
/// key for it.
pub async fn prepare_for<'h>(
	app: &AppState,
	headers: &'h HeaderMap,
	signer: String,
) -> Result<Intake<'h>, ApiError> {
	let key = idempotency_key(headers)?;
	if signers::find(&app.db.pool, &signer).await?.is_none() {
		return Err(ApiError::Auth(
			Problem::new(StatusCode::FORBIDDEN, "no-signer", "No signer")
				.with_detail(format!("the gateway holds no key for {signer} (admin signer add)")),
		));
	}
	Ok(Intake { key, signer })
}

impl Intake<'_> {
	/// Stores `call` (the caller checked it) under the key, on `conn` (a transaction, when more
	/// is stored with it), unless the key was used: then the stored submission, a 422 if
	/// `fingerprint` (of the request as the caller sent it) differs. Whoever commits wakes the
	/// sender.
	pub async fn store(
		&self,
		conn: &mut sqlx::AnyConnection,
		principal: &Principal,
		call: &Call,
		fingerprint: &[u8],
	) -> Result<Stored, ApiError> {
		let request_json =
			serde_json::to_string(call).map_err(|e| ApiError::BadRequest(e.to_string()))?;
		let id = uuid::Uuid::now_v7().to_string();
		let key = self.stored_key(principal);
		let row = submissions::insert_once(
			conn,
			&NewSubmission {
				id: &id,
				api_client_id: &principal.client_id,
				idempotency_key: &key,
				fingerprint,
				signer: &self.signer,
				kind: call.kind(),
				request_json: &request_json,
				now: now_ms(),
			},
		)
		.await?;
		let replayed = row.id != id;
		if replayed {
			same_request(&row, fingerprint)?;
		}
		if !replayed {
			tracing::info!(submission = %row.id, kind = %row.kind, signer = %self.signer, "submission accepted");
		}
		Ok(Stored { replayed, row })
	}

	/// Keys are unique per API client; the people (and external callers) one client serves each
	/// have their own.
	fn stored_key(&self, principal: &Principal) -> String {
		match principal.subject == principal.client_id {
			true => self.key.to_string(),
			false => format!("{} {}", principal.subject, self.key),
		}
	}

	/// The submission already stored under the key, if any (a 422 if `fingerprint` differs):
	/// for a request whose checks of the chain's state would refuse what it already did.
	pub async fn replayed(
		&self,
		app: &AppState,
		principal: &Principal,
		fingerprint: &[u8],
	) -> Result<Option<Stored>, ApiError> {
		let key = self.stored_key(principal);
		let Some(row) = submissions::find_by_key(&app.db.pool, &principal.client_id, &key).await?
		else {
			return Ok(None);
		};
		same_request(&row, fingerprint)?;
		Ok(Some(Stored { replayed: true, row }))
	}

	/// [`Intake::store`] on its own, the sender woken.
	pub async fn store_alone(
		&self,
		app: &AppState,
		principal: &Principal,
		call: &Call,
		fingerprint: &[u8],
	) -> Result<Stored, ApiError> {
		let mut conn = app.db.pool.acquire().await?;
		let stored = self.store(&mut conn, principal, call, fingerprint).await?;
		drop(conn);
		if !stored.replayed {
			app.wake.notify_one();
		}
		Ok(stored)
	}
}

/// A 422 unless `row` was stored for the request `fingerprint` names.
fn same_request(row: &SubmissionRow, fingerprint: &[u8]) -> Result<(), ApiError> {
	if row.fingerprint != fingerprint {
		return Err(ApiError::Unprocessable(
			"this Idempotency-Key was used for a different request".into(),
		));
	}
	Ok(())
}

/// [`accept`], answered: `202` with the submission.
pub async fn submit(
	app: &AppState,
	principal: &Principal,
	headers: &HeaderMap,
	call: Call,
) -> Result<Response, ApiError> {
	let (replayed, submission) = accept(app, principal, headers, call).await?;
	Ok(accepted_response(replayed, submission))
}

/// [`Intake::store`]'s submission, answered like [`submit`]'s.
pub fn accepted(stored: Stored) -> Response {
	accepted_response(stored.replayed, Submission::of(stored.row))
}

/// The chain account the caller acts for (SS58): an API client's `act_as_account`, a person's
/// `chain_account`. It is what the caller may see, and the account its writes are signed by. A
/// caller acting for none (or a disabled person) gets a 403.
pub async fn acting_account(app: &AppState, principal: &Principal) -> Result<String, ApiError> {
	// Keyed by subject: an API client's own tokens name it, a person's name `user:<id>`.
	let account = match app.accounts.get(&principal.subject) {
		Some(account) => account,
		None => {
			let forbidden =
				|| ApiError::Auth(Problem::new(StatusCode::FORBIDDEN, "forbidden", "Forbidden"));
			let account = match principal.subject.strip_prefix(USER_SUBJECT) {
				Some(user_id) => {
					let user = users::by_id(&app.db.pool, user_id).await?.ok_or_else(forbidden)?;
					user.disabled_at.is_none().then_some(user.chain_account)
				}
				None => {
					let client = api_clients::find(&app.db.pool, &principal.client_id)
						.await?
						.ok_or_else(forbidden)?;
					client.act_as_account
				}
			};
			app.accounts.put(&principal.subject, account.clone());
			account
		}
	};
	account.ok_or_else(|| {
		ApiError::Auth(
			Problem::new(StatusCode::FORBIDDEN, "no-account", "No chain account").with_detail(
				"this token acts for no chain account (an API client needs `admin api-client create --act-as`)",
			),
		)
	})
}

/// The prefix of a person's subject (`user:<id>`) in access tokens.
pub const USER_SUBJECT: &str = "user:";

/// Parses a JSON request body; anything else is a 400 naming the problem.
pub fn json_body<T: serde::de::DeserializeOwned>(
	headers: &HeaderMap,
	body: &[u8],
) -> Result<T, ApiError> {
	let json = headers
		.get(axum::http::header::CONTENT_TYPE)
		.and_then(|v| v.to_str().ok())
		.is_some_and(|v| {
			v.split(';').next().is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
		});
	if !json {
		return Err(ApiError::BadRequest("the body must be application/json".into()));
	}
	serde_json::from_slice(body).map_err(|e| ApiError::BadRequest(format!("invalid body: {e}")))
}

/// `202` with the submission and its `Location`; `Idempotent-Replayed: true` on a replay.
fn accepted_response(replayed: bool, submission: Submission) -> Response {
	let location = HeaderValue::from_str(&submission.status_url).ok();
	let mut response = accepted_json(replayed, &submission);
	if let Some(location) = location {
		response.headers_mut().insert(axum::http::header::LOCATION, location);
	}
	response
}

/// `202` with `body`; `Idempotent-Replayed: true` on a replay.
pub fn accepted_json(replayed: bool, body: &impl Serialize) -> Response {
	let mut response = (StatusCode::ACCEPTED, Json(body)).into_response();
	if replayed {
		response.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
	}
	response
}

/// The `Idempotency-Key` header: required on every write, 1 to 255 visible ASCII characters.
fn idempotency_key(headers: &HeaderMap) -> Result<&str, ApiError> {
	let value = headers.get(IDEMPOTENCY_KEY).ok_or_else(|| {
		ApiError::BadRequest("the Idempotency-Key header is required on writes".into())
	})?;
	let key = value
		.to_str()
		.map_err(|_| ApiError::BadRequest("Idempotency-Key must be visible ASCII".into()))?;
	if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) {
		return Err(ApiError::BadRequest(
			"Idempotency-Key must be 1 to 255 visible ASCII characters".into(),
		));
	}
	Ok(key)
}

/// Token subject → the account it acts for, for [`ACCOUNT_CACHE_TTL`]. A client's account never
/// changes (a new client is made instead); a disabled person keeps reading for at most that long.
#[derive(Debug, Default)]
pub struct AccountCache {
	map: std::sync::RwLock<std::collections::HashMap<String, (Option<String>, std::time::Instant)>>,
}

/// How long an entry of [`AccountCache`] is used.
pub const ACCOUNT_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(10);

impl AccountCache {
	fn get(&self, subject: &str) -> Option<Option<String>> {
		let map = self.map.read().unwrap_or_else(|p| p.into_inner());
		map.get(subject)
			.filter(|(_, at)| at.elapsed() < ACCOUNT_CACHE_TTL)
			.map(|(account, _)| account.clone())
	}

	fn put(&self, subject: &str, account: Option<String>) {
		let mut map = self.map.write().unwrap_or_else(|p| p.into_inner());
		map.retain(|_, (_, at)| at.elapsed() < ACCOUNT_CACHE_TTL);
		map.insert(subject.to_string(), (account, std::time::Instant::now()));
	}
}
