//! Clients an operator registers on their behalf (`registry.register_client`: the operator's
//! account is the registrar and pays the deposit). The client's data stays in the gateway, sealed;
//! the chain records its salted hash, again for each change (`registry.set_client_data`), and
//! every version is kept: the history. The client's key is generated and held by the gateway
//! (`custody: gateway`, a signer the client's person signs with after signing in) or the client's
//! own (`custody: self`: it gives its account and signs with its own key). Only the registrar and
//! the client itself see a client (a 404 for anyone else).

use std::str::FromStr as _;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue};
use axum::response::Response;
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use utoipa::{IntoParams, ToSchema};

use crate::app::AppState;
use crate::auth::principal::{need, Scoped};
use crate::auth::Principal;
use crate::chain::reads::Reads;
use crate::client_data::ClientData;
use crate::clock::now_ms;
use crate::db::clients::{self, ClientRow, VersionRow};
use crate::db::{signers, submissions};
use crate::digests::sha256;
use crate::error::ApiError;
use crate::pipeline::calls::{self, Call};
use crate::pipeline::intake::{self, acting_account, json_body, Submission};
use crate::pipeline::keys;

/// Who holds the client's key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Custody {
	/// The gateway generates the key and keeps it sealed; the client's person signs through
	/// the gateway after signing in.
	#[default]
	Gateway,
	/// The client keeps its own key and gives its account.
	#[serde(rename = "self")]
	SelfCustody,
}

impl Custody {
	fn as_str(self) -> &'static str {
		match self {
			Custody::Gateway => "gateway",
			Custody::SelfCustody => "self",
		}
	}
}

/// A client to register.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterClient {
	/// The client's data (name, contacts, identifiers, …): a JSON object of at most 64 KiB.
	/// It stays sealed in the gateway; only its salted hash goes on chain.
	#[schema(value_type = Object)]
	pub data: Map<String, Value>,
	/// `gateway` (default) or `self`.
	#[serde(default)]
	pub custody: Custody,
	/// With `custody: self`: the client's account (SS58), which must not be a participant yet.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub account: Option<String>,
}

/// A new version of a client's data, replacing the current one.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateClient {
	/// The whole new data: a JSON object of at most 64 KiB.
	#[schema(value_type = Object)]
	pub data: Map<String, Value>,
}

/// A client and its current data.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClientView {
	/// SS58.
	pub account: String,
	/// The operator account that registered it (SS58).
	pub registrar: String,
	pub custody: Custody,
	/// The current version (1 at registration).
	pub version: i64,
	#[schema(value_type = Object)]
	pub data: Value,
	/// 32 bytes, hex: `data_hash` is `SHA-256(salt ‖ data)`, the data as compact JSON with
	/// keys sorted.
	pub salt: String,
	/// The data exactly as hashed: compact JSON, keys sorted.
	pub data_canonical: String,
	/// `0x`-hex: what the chain records for this version.
	pub data_hash: String,
	pub created_at: i64,
	pub updated_at: i64,
}

/// A write's answer: the client as it will be once the submission is final, and the submission.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClientWrite {
	pub client: ClientView,
	pub submission: Submission,
}

/// Register a client on its behalf: the caller's account (a `ClientRegistrar`) pays its deposit
/// and answers for it. The submission reaches `finalized`, or `failed` with the registry's error
/// (`Registry.MissingRole`, `Registry.AlreadyRegistered`, …). A client of the caller's that left
/// the registry (or was taken out) is registered again with the same account, its history going
/// on with a new version.
#[utoipa::path(
    post,
    path = "/v1/clients",
    tag = "clients",
    request_body = RegisterClient,
    params(("Idempotency-Key" = String, Header, description = "Unique per request")),
    responses(
        (status = 202, description = "Accepted (or replayed)", body = ClientWrite),
        (status = 400, description = "Invalid request; nothing stored", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No clients:write scope, or no signer for the caller", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 409, description = "The account is a client already", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused for another request", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["clients:write"]))
)]
pub async fn register(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::ClientsWrite>,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Response, ApiError> {
	let request: RegisterClient = json_body(&headers, &body)?;
	let intake = intake::prepare(&app, &principal, &headers).await?;
	let data = ClientData::new(&request.data)?;
	let (account, signer) = match (request.custody, &request.account) {
		(Custody::SelfCustody, Some(account)) => (ss58(account)?, None),
		(Custody::SelfCustody, None) => {
			return Err(ApiError::BadRequest("custody self needs the client's account".into()));
		}
		(Custody::Gateway, Some(_)) => {
			return Err(ApiError::BadRequest(
				"account is given only with custody self (the gateway makes the key)".into(),
			));
		}
		(Custody::Gateway, None) => {
			let label = format!("client {}", uuid::Uuid::now_v7());
			let row = keys::new_signer(&app.sealer, &label, None).map_err(|e| {
				tracing::error!(error = %e, "cannot make a client key");
				ApiError::Storage("cannot make a client key".into())
			})?;
			(row.account.clone(), Some(row))
		}
	};
	let data_hash = data.hash();
	let call = Call::RegisterClient(calls::ClientData {
		account: account.clone(),
		data_hash: data_hash.clone(),
	});
	call.check(&intake.signer).map_err(ApiError::BadRequest)?;
	let fingerprint = fingerprint("clients.register", "", &request)?;
	// A client of the caller's that is no participant any more (it left, or was deregistered) is
	// registered again, its history going on; asked of the chain before the write begins.
	let previous = match clients::find(&app.db.pool, &account).await? {
		Some(c) if c.registrar == intake.signer && c.custody == request.custody.as_str() => {
			left_the_chain(&app, &c).await?.then_some(c)
		}
		_ => None,
	};
	let now = now_ms();
	let mut tx = app.db.pool.begin().await?;
	let stored = intake.store(&mut tx, &principal, &call, &fingerprint).await?;
	if stored.replayed {
		drop(tx);
		return replay(&app, stored.row).await;
	}
	let mut client = ClientRow {
		account: account.clone(),
		registrar: intake.signer.clone(),
		custody: request.custody.as_str().into(),
		version: 1,
		created_at: now,
		updated_at: now,
	};
	if let Some(previous) = previous {
		client.version = previous.version.saturating_add(1);
		client.created_at = previous.created_at;
		if !clients::advance(&mut tx, &account, previous.version, client.version, now).await? {
			return Err(ApiError::Conflict(
				"the client changed meanwhile: read it and try again".into(),
			));
		}
	} else if !clients::insert(&mut tx, &client).await? {
		// An account whose registration failed on chain may be registered again.
		let failed = clients::version_status(&mut tx, &account, 1).await?
			== Some(submissions::Status::Failed);
		if !failed
			|| !clients::remove(&mut tx, &account).await?
			|| !clients::insert(&mut tx, &client).await?
		{
			return Err(ApiError::Conflict(format!("{account} is a client already")));
		}
	}
	if let Some(signer) = &signer {
		signers::insert(&mut *tx, signer).await?;
	}
	let version =
		new_version(&app, &principal, &account, client.version, &data, data_hash, &stored.row.id)?;
	clients::insert_version(&mut tx, &version).await?;
	tx.commit().await?;
	app.wake.notify_one();
	tracing::info!(client = %account, custody = client.custody, "client registration accepted");
	answer(false, &client, &version, data, stored.row)
}

/// Replace a client's data: a new version, its hash recorded on chain by the registrar.
#[utoipa::path(
    put,
    path = "/v1/clients/{account}/data",
    tag = "clients",
    request_body = UpdateClient,
    params(("account" = String, Path, description = "The client (SS58)"), ("Idempotency-Key" = String, Header, description = "Unique per request")),
    responses(
        (status = 202, description = "Accepted (or replayed)", body = ClientWrite),
        (status = 400, description = "Invalid request; nothing stored", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No clients:write scope, or no signer for the caller", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "No client of the caller's", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 409, description = "Another change came first: read the client and try again", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused for another request", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["clients:write"]))
)]
pub async fn update(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::ClientsWrite>,
	Path(account): Path<String>,
	headers: HeaderMap,
	body: Bytes,
) -> Result<Response, ApiError> {
	let request: UpdateClient = json_body(&headers, &body)?;
	let account = ss58(&account)?;
	let intake = intake::prepare(&app, &principal, &headers).await?;
	let data = ClientData::new(&request.data)?;
	let mut client = clients::find(&app.db.pool, &account)
		.await?
		.filter(|c| c.registrar == intake.signer)
		.ok_or(ApiError::NotFound)?;
	let data_hash = data.hash();
	let call = Call::UpdateClient(calls::ClientData {
		account: account.clone(),
		data_hash: data_hash.clone(),
	});
	call.check(&intake.signer).map_err(ApiError::BadRequest)?;
	let fingerprint = fingerprint("clients.update", &account, &request)?;
	let now = now_ms();
	let mut tx = app.db.pool.begin().await?;
	let stored = intake.store(&mut tx, &principal, &call, &fingerprint).await?;
	if stored.replayed {
		drop(tx);
		return replay(&app, stored.row).await;
	}
	let number = client.version.saturating_add(1);
	if !clients::advance(&mut tx, &account, client.version, number, now).await? {
		return Err(ApiError::Conflict(
			"the client's data changed meanwhile: read it and try again".into(),
		));
	}
	let version =
		new_version(&app, &principal, &account, number, &data, data_hash, &stored.row.id)?;
	clients::insert_version(&mut tx, &version).await?;
	tx.commit().await?;
	app.wake.notify_one();
	client.version = number;
	client.updated_at = now;
	answer(false, &client, &version, data, stored.row)
}

/// Take a client out of the registry (`registry.deregister_client`): its deposit goes back to
/// the caller's account. The chain refuses once the client's identity was verified
/// (`Registry.ClientVerified`: it leaves itself), and while records of other pallets name it
/// (`Registry.StillReferenced`), it holds a role or an organisation code, a recovery of it is
/// pending, or it is banned. The client's data and its history stay in the gateway;
/// `GET /v1/clients/{account}` then shows `chain.client: null`.
#[utoipa::path(
    delete,
    path = "/v1/clients/{account}",
    tag = "clients",
    params(("account" = String, Path, description = "The client (SS58)"), ("Idempotency-Key" = String, Header, description = "Unique per request")),
    responses(
        (status = 202, description = "Accepted (or replayed)", body = Submission),
        (status = 400, description = "Invalid request; nothing stored", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No clients:write scope, or no signer for the caller", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "No client of the caller's", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 422, description = "Idempotency-Key reused for another request", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["clients:write"]))
)]
pub async fn deregister(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::ClientsWrite>,
	Path(account): Path<String>,
	headers: HeaderMap,
) -> Result<Response, ApiError> {
	let account = ss58(&account)?;
	let registrar = acting_account(&app, &principal).await?;
	clients::find(&app.db.pool, &account)
		.await?
		.filter(|c| c.registrar == registrar)
		.ok_or(ApiError::NotFound)?;
	intake::submit(
		&app,
		&principal,
		&headers,
		Call::DeregisterClient(calls::ClientExit { account }),
	)
	.await
}

/// Which clients: those the caller's account registered, by account.
#[derive(Debug, Deserialize, IntoParams)]
pub struct ListQuery {
	/// Clients after this account.
	pub after: Option<String>,
	/// 1 to 100, default 50.
	pub limit: Option<u32>,
}

/// The clients the caller's account registered (without their data).
#[utoipa::path(
    get,
    path = "/v1/clients",
    tag = "clients",
    params(ListQuery),
    responses(
        (status = 200, description = "`{clients: [{account, custody, version, created_at, updated_at}]}`", body = Object),
        (status = 400, description = "Bad paging", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No clients:read scope, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["clients:read"]))
)]
pub async fn list(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::ClientsRead>,
	Query(query): Query<ListQuery>,
) -> Result<Json<Value>, ApiError> {
	let limit = query.limit.unwrap_or(50);
	if !(1..=100).contains(&limit) {
		return Err(ApiError::BadRequest("limit must be 1 to 100".into()));
	}
	let registrar = acting_account(&app, &principal).await?;
	let rows = clients::of_registrar(
		&app.db.pool,
		&registrar,
		query.after.as_deref().unwrap_or(""),
		i64::from(limit),
	)
	.await?;
	let clients: Vec<Value> = rows
		.into_iter()
		.map(|c| {
			json!({
				"account": c.account,
				"custody": c.custody,
				"version": c.version,
				"created_at": c.created_at,
				"updated_at": c.updated_at,
			})
		})
		.collect();
	Ok(Json(json!({ "clients": clients })))
}

/// A client with its current data, and what the chain records for it at the finalized head
/// (`chain.client`: registrar, data hash, deposit, block of the last change; `null` until the
/// registration is final).
#[utoipa::path(
    get,
    path = "/v1/clients/{account}",
    tag = "clients",
    params(("account" = String, Path, description = "The client (SS58)")),
    responses(
        (status = 200, description = "`{client, chain: {at, client}}`", body = Object),
        (status = 403, description = "No clients:read scope, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "No such client, or not the caller's (registrar or the client itself)", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 503, description = "The node is not ready", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["clients:read"]))
)]
pub async fn get(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::ClientsRead>,
	Path(account): Path<String>,
) -> Result<Json<Value>, ApiError> {
	let client = visible(&app, &principal, &account).await?;
	let account = client.account.clone();
	let version = clients::version(&app.db.pool, &account, client.version)
		.await?
		.ok_or(ApiError::NotFound)?;
	let data = ClientData::open(&app.sealer, &version.data_sealed, &account, version.version)?;
	let reads = Reads::at_finalized(&app)?;
	let on_chain = reads.participant(&account).await?.map_or(Value::Null, |p| p["client"].clone());
	Ok(Json(json!({
		"client": view(&client, &version, data),
		"chain": { "at": reads.at_json(), "client": on_chain },
	})))
}

/// Which versions of the history.
#[derive(Debug, Deserialize, IntoParams)]
pub struct HistoryQuery {
	/// Versions after this one.
	pub after: Option<i64>,
	/// 1 to 100, default 50.
	pub limit: Option<u32>,
}

/// The versions of a client's data, oldest first, each with who made it and the submission
/// that recorded its hash (status, transaction, block); a page at a time (`next_after` names the
/// next page's start, `null` after the last).
#[utoipa::path(
    get,
    path = "/v1/clients/{account}/history",
    tag = "clients",
    params(("account" = String, Path, description = "The client (SS58)"), HistoryQuery),
    responses(
        (status = 200, description = "`{account, versions: [{version, data, salt, data_hash, changed_by, created_at, submission}], next_after}`", body = Object),
        (status = 400, description = "Bad paging", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No clients:read scope, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "No such client, or not the caller's", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["clients:read"]))
)]
pub async fn history(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::ClientsRead>,
	Path(account): Path<String>,
	Query(query): Query<HistoryQuery>,
) -> Result<Json<Value>, ApiError> {
	let limit = query.limit.unwrap_or(50);
	if !(1..=100).contains(&limit) {
		return Err(ApiError::BadRequest("limit must be 1 to 100".into()));
	}
	let client = visible(&app, &principal, &account).await?;
	let account = client.account;
	// Who changed what is the registrar's to know; the client sees the versions.
	let registrar = acting_account(&app, &principal).await? == client.registrar;
	let mut versions = Vec::new();
	let page =
		clients::versions(&app.db.pool, &account, query.after.unwrap_or(0), i64::from(limit))
			.await?;
	let full = u32::try_from(page.len()).is_ok_and(|n| n == limit);
	let next_after = if full { page.last().map(|v| v.version) } else { None };
	for version in page {
		let data = ClientData::open(&app.sealer, &version.data_sealed, &account, version.version)?;
		let submission = submissions::find(&app.db.pool, &version.submission_id).await?;
		versions.push(json!({
			"version": version.version,
			"data": data.data,
			"salt": data.salt,
			"data_canonical": data.canonical(),
			"data_hash": version.data_hash,
			"changed_by": registrar.then_some(version.changed_by),
			"created_at": version.created_at,
			"submission": submission.map(|s| {
				let s = Submission::of(s);
				json!({
					"id": s.id,
					"status": s.status,
					"tx_hash": s.tx_hash,
					"block_number": s.block_number,
					"block_hash": s.block_hash,
					"extrinsic_index": s.extrinsic_index,
					"error": s.error,
				})
			}),
		}));
	}
	Ok(Json(json!({ "account": account, "versions": versions, "next_after": next_after })))
}

/// Whether `client`, registered on chain once, is no participant at the finalized head while no
/// write of its data is under way: it left, or its registrar took it out. (A client whose first
/// registration failed is registered anew instead.)
async fn left_the_chain(app: &AppState, client: &ClientRow) -> Result<bool, ApiError> {
	use submissions::Status::{Failed, Finalized};
	{
		let mut conn = app.db.pool.acquire().await?;
		let first = clients::version_status(&mut conn, &client.account, 1).await?;
		let latest = match client.version {
			1 => first,
			n => clients::version_status(&mut conn, &client.account, n).await?,
		};
		if first != Some(Finalized) || !matches!(latest, Some(Finalized | Failed)) {
			return Ok(false);
		}
	}
	Ok(Reads::at_finalized(app)?.participant(&client.account).await?.is_none())
}

/// `text` as an account's SS58 address in the usual form (the same key in another network's
/// format is the same client); a 400 if it is none.
fn ss58(text: &str) -> Result<String, ApiError> {
	subxt::utils::AccountId32::from_str(text)
		.map(|account| account.to_string())
		.map_err(|e| ApiError::BadRequest(format!("{text:?} is not an SS58 address ({e})")))
}

/// The client `account`, if the caller's account registered it or is it.
async fn visible(
	app: &AppState,
	principal: &Principal,
	account: &str,
) -> Result<ClientRow, ApiError> {
	let caller = acting_account(app, principal).await?;
	clients::find(&app.db.pool, &ss58(account)?)
		.await?
		.filter(|c| c.registrar == caller || c.account == caller)
		.ok_or(ApiError::NotFound)
}

/// The fingerprint of a write as the caller sent it (the stored call differs per attempt: a new
/// key, a new salt), so the same request under the same key is a replay.
fn fingerprint(kind: &str, account: &str, request: &impl Serialize) -> Result<Vec<u8>, ApiError> {
	let body = serde_json::to_vec(request).map_err(|e| ApiError::BadRequest(e.to_string()))?;
	let mut input = format!("{kind}\n{account}\n").into_bytes();
	input.extend(body);
	Ok(sha256(&input))
}

fn new_version(
	app: &AppState,
	principal: &Principal,
	account: &str,
	number: i64,
	data: &ClientData,
	data_hash: String,
	submission_id: &str,
) -> Result<VersionRow, ApiError> {
	Ok(VersionRow {
		account: account.to_string(),
		version: number,
		data_sealed: data.seal(&app.sealer, account, number)?,
		data_hash,
		submission_id: submission_id.to_string(),
		changed_by: principal.subject.clone(),
		created_at: now_ms(),
	})
}

fn view(client: &ClientRow, version: &VersionRow, data: ClientData) -> ClientView {
	ClientView {
		account: client.account.clone(),
		registrar: client.registrar.clone(),
		custody: if client.custody == "self" { Custody::SelfCustody } else { Custody::Gateway },
		version: version.version,
		data_canonical: data.canonical(),
		data: data.data,
		salt: data.salt,
		data_hash: version.data_hash.clone(),
		created_at: client.created_at,
		updated_at: client.updated_at,
	}
}

/// `202` with the client and the submission; `Location` the client.
fn answer(
	replayed: bool,
	client: &ClientRow,
	version: &VersionRow,
	data: ClientData,
	submission: submissions::SubmissionRow,
) -> Result<Response, ApiError> {
	let location = format!("/v1/clients/{}", client.account);
	let body =
		ClientWrite { client: view(client, version, data), submission: Submission::of(submission) };
	let mut response = intake::accepted_json(replayed, &body);
	if let Ok(location) = HeaderValue::from_str(&location) {
		response.headers_mut().insert(axum::http::header::LOCATION, location);
	}
	Ok(response)
}

/// The answer to a replayed write: the version it made, as it was made.
async fn replay(app: &AppState, row: submissions::SubmissionRow) -> Result<Response, ApiError> {
	let version =
		clients::version_of_submission(&app.db.pool, &row.id).await?.ok_or_else(|| {
			ApiError::Unprocessable(
				"this Idempotency-Key was used for another kind of request".into(),
			)
		})?;
	let client = clients::find(&app.db.pool, &version.account).await?.ok_or(ApiError::NotFound)?;
	let data =
		ClientData::open(&app.sealer, &version.data_sealed, &version.account, version.version)?;
	answer(true, &client, &version, data, row)
}
