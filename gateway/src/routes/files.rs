//! Document files: `POST /v1/files` stores an upload (multipart, field `file`) content-addressed
//! and answers its SHA-256 and link, which go on chain with `POST /v1/documents` (or an
//! amendment); `GET /v1/files/{hash}` serves it to the parties and grantees of a document version
//! that carries the digest and that the uploader's account proposed, checked against the chain at
//! the finalized head; every download request is logged, and a document's parties read its log at
//! `GET /v1/documents/{id}/access-log`.

use axum::body::Body;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use crate::app::AppState;
use crate::auth::principal::{need, Scoped};
use crate::auth::Principal;
use crate::chain::hex_of;
use crate::chain::reads::Reads;
use crate::clock::now_ms;
use crate::db::files::{self, Access, FileRow};
use crate::error::ApiError;
use crate::files::StoreError;
use crate::pipeline::calls::digest;
use crate::pipeline::intake::acting_account;
use crate::problem::Problem;

/// A stored file.
#[derive(Debug, Serialize, ToSchema)]
pub struct StoredFile {
	/// `sha2_256`: pass it with `hash` to `POST /v1/documents`.
	pub hash_algorithm: String,
	/// `0x`-hex SHA-256 of the bytes.
	pub hash: String,
	pub size: u64,
	pub media_type: String,
	/// Where parties download it: the `uri` to put on chain.
	pub uri: String,
}

/// The upload as a multipart form: the first part named `file`.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct Upload {
	#[schema(value_type = String, format = Binary)]
	file: Vec<u8>,
}

/// Store a document file. The same bytes stored twice are one file. An account's files take at
/// most `upload_quota_bytes` (refused once they do).
#[utoipa::path(
    post,
    path = "/v1/files",
    tag = "files",
    request_body(content = Upload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored", body = StoredFile),
        (status = 400, description = "Not multipart, no `file` part, or a cut-off upload", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "No documents:write scope, or no chain account", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 413, description = "Larger than `file_limit_bytes`, or the account's files take its `upload_quota_bytes`", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["documents:write"]))
)]
pub async fn upload(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::DocumentsWrite>,
	mut form: Multipart,
) -> Result<Response, ApiError> {
	let account = acting_account(&app, &principal).await?;
	let used = u64::try_from(files::uploaded_bytes(&app.db.pool, &account).await?).unwrap_or(0);
	if used >= app.config.upload_quota_bytes {
		drain(&mut form).await;
		return Ok(Problem::new(StatusCode::PAYLOAD_TOO_LARGE, "quota", "Upload quota used up")
			.with_detail(format!(
				"the account's files take {used} bytes of its quota of {} bytes",
				app.config.upload_quota_bytes
			))
			.into_response());
	}
	let field = loop {
		match form.next_field().await {
			Ok(Some(field)) if field.name() == Some("file") => break field,
			Ok(Some(_)) => continue,
			Ok(None) => return Err(ApiError::BadRequest("no multipart part named `file`".into())),
			Err(e) => return Err(ApiError::BadRequest(format!("multipart: {}", e.body_text()))),
		}
	};
	// Kept only when it is a well-formed media type; it is served back as given.
	let media_type = field
		.content_type()
		.filter(|t| t.len() <= 255)
		.and_then(|t| t.parse::<mime::Mime>().ok())
		.map_or_else(|| "application/octet-stream".to_string(), |m| m.essence_str().to_string());
	let limit = app.config.file_limit_bytes;
	let stored = match app.files.put(limit, Box::pin(field)).await {
		Ok(stored) => stored,
		Err(StoreError::TooLarge(limit)) => {
			drain(&mut form).await;
			return Ok(Problem::new(StatusCode::PAYLOAD_TOO_LARGE, "too-large", "File too large")
				.with_detail(format!("a file may have at most {limit} bytes"))
				.into_response());
		}
		Err(StoreError::Upload(e)) => return Err(ApiError::BadRequest(format!("upload: {e}"))),
		Err(StoreError::Io(e)) => return Err(ApiError::Storage(e.to_string())),
	};
	let row = FileRow {
		sha256: stored.sha256.to_vec(),
		size: stored.size as i64,
		media_type: media_type.clone(),
		created_at: now_ms(),
	};
	files::insert(&app.db.pool, &row, &account, &principal.client_id).await?;
	let hash = hex_of(stored.sha256);
	let body = StoredFile {
		hash_algorithm: "sha2_256".into(),
		uri: format!("{}/v1/files/{hash}", app.config.public_url()),
		hash,
		size: stored.size,
		media_type,
	};
	Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// Reads what the client is still sending (at most the request's own limit), so it gets the
/// refusal rather than a connection closed in the middle of its upload.
async fn drain(form: &mut Multipart) {
	while let Ok(Some(mut rest)) = form.next_field().await {
		while let Ok(Some(_)) = rest.chunk().await {}
	}
}

/// Download a file: for the parties (and grantees) of a document version that carries its digest
/// and that the uploader's account proposed. Every request is logged for those documents.
#[utoipa::path(
    get,
    path = "/v1/files/{hash}",
    tag = "files",
    params(("hash" = String, Path, description = "`0x`-hex SHA-256")),
    responses(
        (status = 200, description = "The bytes, with the media type given at upload", content_type = "application/octet-stream"),
        (status = 400, description = "Not a hash", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 403, description = "Not a party or grantee of a document carrying the file", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "No such file on a document of its uploader", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["documents:read"]))
)]
pub async fn download(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::DocumentsRead>,
	Path(hash): Path<String>,
) -> Result<Response, ApiError> {
	let sha256 = digest(&hash).map_err(ApiError::BadRequest)?;
	let file = files::find(&app.db.pool, &sha256).await?.ok_or(ApiError::NotFound)?;
	let account = acting_account(&app, &principal).await?;
	let reads = Reads::at_finalized(&app)?;
	let uploaders = files::uploaders(&app.db.pool, &sha256).await?;
	let documents = documents_of(&reads, &hash, &uploaders).await?;
	if documents.is_empty() {
		return Err(ApiError::NotFound);
	}
	let log = |document: &(u64, u32), outcome: &str| Access {
		id: uuid::Uuid::now_v7().to_string(),
		document_id: document.0 as i64,
		version: Some(i64::from(document.1)),
		api_client_id: principal.client_id.clone(),
		account: account.clone(),
		outcome: outcome.to_string(),
		at: now_ms(),
	};
	let mut granted = None;
	for document in &documents {
		if reads.can_access(document.0, &account).await? {
			granted = Some(*document);
			break;
		}
	}
	let Some(document) = granted else {
		for document in &documents {
			files::log_access(&app.db.pool, &log(document, "denied")).await?;
		}
		return Err(ApiError::Auth(
			Problem::new(StatusCode::FORBIDDEN, "forbidden", "Forbidden")
				.with_detail("only the document's parties and grantees may download its file"),
		));
	};
	let Some(handle) =
		app.files.open(&sha256).await.map_err(|e| ApiError::Storage(e.to_string()))?
	else {
		files::log_access(&app.db.pool, &log(&document, "missing")).await?;
		return Err(ApiError::Storage(format!("the stored file {hash} is missing")));
	};
	files::log_access(&app.db.pool, &log(&document, "served")).await?;
	let mut response = Body::from_stream(tokio_util::io::ReaderStream::new(handle)).into_response();
	let headers = response.headers_mut();
	if let Ok(value) = HeaderValue::from_str(&file.media_type) {
		headers.insert(header::CONTENT_TYPE, value);
	}
	headers.insert(header::CONTENT_LENGTH, HeaderValue::from(file.size as u64));
	headers.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
	// A download, never a page of the API's origin (an uploaded HTML or SVG file runs nothing).
	headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment"));
	headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox"));
	headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
	Ok(response)
}

/// The (document, version) pairs that carry `hash` as a SHA-256 and whose version one of
/// `uploaders` proposed.
async fn documents_of(
	reads: &Reads,
	hash: &str,
	uploaders: &[String],
) -> Result<Vec<(u64, u32)>, ApiError> {
	let found = reads.verify(hash).await?;
	let mut out = Vec::new();
	for matched in found["documents"].as_array().into_iter().flatten() {
		let (Some(document), Some(version)) =
			(matched["document"].as_u64(), matched["version"].as_u64())
		else {
			continue;
		};
		// The same 32 bytes under another algorithm are another text.
		let algorithm = matched["algorithm"].as_str().unwrap_or_default().to_ascii_lowercase();
		if algorithm.replace('_', "") != "sha2256" {
			continue;
		}
		let Some(view) = reads.document(document).await? else { continue };
		let proposer = view["versions"]
			.as_array()
			.and_then(|versions| versions.iter().find(|v| v["index"].as_u64() == Some(version)))
			.and_then(|v| v["proposedBy"].as_str().map(str::to_string));
		if proposer.is_some_and(|p| uploaders.contains(&p)) {
			out.push((document, version as u32));
		}
	}
	Ok(out)
}

/// A page of the access log.
#[derive(Debug, Deserialize, IntoParams)]
pub struct LogQuery {
	/// Entries after this id.
	pub after: Option<String>,
	/// 1 to 500, default 100.
	pub limit: Option<i64>,
}

/// Who asked for the document's file, when, and whether it was served: for its parties.
#[utoipa::path(
    get,
    path = "/v1/documents/{id}/access-log",
    tag = "files",
    params(("id" = u64, Path, description = "The document"), LogQuery),
    responses(
        (status = 200, description = "`{entries}`, oldest first", body = Object),
        (status = 400, description = "Bad paging", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
        (status = 404, description = "No such document of which the caller is a party", body = crate::problem::ProblemSchema, content_type = "application/problem+json"),
    ),
    security(("bearer" = ["documents:read"]))
)]
pub async fn access_log(
	State(app): State<AppState>,
	Scoped(principal, _): Scoped<need::DocumentsRead>,
	Path(id): Path<u64>,
	Query(query): Query<LogQuery>,
) -> Result<Json<Value>, ApiError> {
	let limit = query.limit.unwrap_or(100);
	if !(1..=500).contains(&limit) {
		return Err(ApiError::BadRequest("limit must be 1 to 500".into()));
	}
	party_of(&app, &principal, id).await?;
	let entries =
		files::access_log(&app.db.pool, id as i64, query.after.as_deref().unwrap_or(""), limit)
			.await?;
	Ok(Json(serde_json::json!({ "entries": entries })))
}

/// 404 unless the caller's account is a party of document `id`.
async fn party_of(app: &AppState, principal: &Principal, id: u64) -> Result<(), ApiError> {
	let account = acting_account(app, principal).await?;
	let reads = Reads::at_finalized(app)?;
	let document = reads.document(id).await?.ok_or(ApiError::NotFound)?;
	if super::document_reads::is_party(&document, &account) {
		Ok(())
	} else {
		Err(ApiError::NotFound)
	}
}
