//! `submissions`: write requests from intake to finality (the life cycle is in
//! migrations/sqlite/0002_submissions.sql).

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row as _};

/// Where a submission is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
	Accepted,
	Broadcast,
	Finalized,
	Failed,
}

impl Status {
	pub fn as_str(self) -> &'static str {
		match self {
			Status::Accepted => "accepted",
			Status::Broadcast => "broadcast",
			Status::Finalized => "finalized",
			Status::Failed => "failed",
		}
	}

	pub(crate) fn parse(text: &str) -> Result<Status, sqlx::Error> {
		Ok(match text {
			"accepted" => Status::Accepted,
			"broadcast" => Status::Broadcast,
			"finalized" => Status::Finalized,
			"failed" => Status::Failed,
			other => return Err(sqlx::Error::Decode(format!("unknown status {other:?}").into())),
		})
	}
}

/// A stored submission.
#[derive(Debug, Clone)]
pub struct SubmissionRow {
	pub id: String,
	pub api_client_id: String,
	pub idempotency_key: String,
	pub fingerprint: Vec<u8>,
	pub signer: String,
	pub kind: String,
	pub request_json: String,
	pub status: Status,
	pub attempts: i64,
	pub nonce: Option<i64>,
	pub era_birth: Option<i64>,
	pub era_period: Option<i64>,
	pub spec_version: Option<i64>,
	pub tx_hash: Option<Vec<u8>>,
	pub tx_bytes: Option<Vec<u8>>,
	pub block_number: Option<i64>,
	pub block_hash: Option<String>,
	pub extrinsic_index: Option<i64>,
	pub error: Option<String>,
	pub result_json: Option<String>,
	pub created_at: i64,
	pub updated_at: i64,
}

/// The columns every `SELECT` reads, in `from_row`'s terms.
macro_rules! columns {
	() => {
		"id, api_client_id, idempotency_key, fingerprint, signer, kind, request_json, \
	status, attempts, nonce, era_birth, era_period, spec_version, tx_hash, tx_bytes, block_number, \
	block_hash, extrinsic_index, error, result_json, created_at, updated_at"
	};
}

impl SubmissionRow {
	fn from_row(row: &AnyRow) -> Result<SubmissionRow, sqlx::Error> {
		Ok(SubmissionRow {
			id: row.try_get("id")?,
			api_client_id: row.try_get("api_client_id")?,
			idempotency_key: row.try_get("idempotency_key")?,
			fingerprint: row.try_get("fingerprint")?,
			signer: row.try_get("signer")?,
			kind: row.try_get("kind")?,
			request_json: row.try_get("request_json")?,
			status: Status::parse(row.try_get::<&str, _>("status")?)?,
			attempts: row.try_get("attempts")?,
			nonce: row.try_get("nonce")?,
			era_birth: row.try_get("era_birth")?,
			era_period: row.try_get("era_period")?,
			spec_version: row.try_get("spec_version")?,
			tx_hash: row.try_get("tx_hash")?,
			tx_bytes: row.try_get("tx_bytes")?,
			block_number: row.try_get("block_number")?,
			block_hash: row.try_get("block_hash")?,
			extrinsic_index: row.try_get("extrinsic_index")?,
			error: row.try_get("error")?,
			result_json: row.try_get("result_json")?,
			created_at: row.try_get("created_at")?,
			updated_at: row.try_get("updated_at")?,
		})
	}
}

/// What intake stores.
#[derive(Debug, Clone)]
pub struct NewSubmission<'a> {
	pub id: &'a str,
	pub api_client_id: &'a str,
	pub idempotency_key: &'a str,
	pub fingerprint: &'a [u8],
	pub signer: &'a str,
	pub kind: &'a str,
	pub request_json: &'a str,
	pub now: i64,
}

/// Stores `new` unless the client already used its idempotency key; either way returns the
/// submission stored under that key (the caller compares fingerprints).
pub async fn insert_once(
	conn: &mut sqlx::AnyConnection,
	new: &NewSubmission<'_>,
) -> Result<SubmissionRow, sqlx::Error> {
	sqlx::query(
		"INSERT INTO submissions (id, api_client_id, idempotency_key, fingerprint, signer, kind, \
		 request_json, status, created_at, updated_at) \
		 VALUES ($1, $2, $3, $4, $5, $6, $7, 'accepted', $8, $8) \
		 ON CONFLICT (api_client_id, idempotency_key) DO NOTHING",
	)
	.bind(new.id)
	.bind(new.api_client_id)
	.bind(new.idempotency_key)
	.bind(new.fingerprint)
	.bind(new.signer)
	.bind(new.kind)
	.bind(new.request_json)
	.bind(new.now)
	.execute(&mut *conn)
	.await?;
	let row = sqlx::query(concat!(
		"SELECT ",
		columns!(),
		" FROM submissions WHERE api_client_id = $1 AND idempotency_key = $2"
	))
	.bind(new.api_client_id)
	.bind(new.idempotency_key)
	.fetch_one(&mut *conn)
	.await?;
	SubmissionRow::from_row(&row)
}

/// Stores a nonce filler for `failed` (a submission that held `nonce` and failed before it was
/// signed again): accepted, signed by the same signer with that nonce, under the same API client
/// (its idempotency key `nonce-filler:<failed id>`, so a round that stores it twice stores one).
pub async fn insert_filler(
	conn: &mut sqlx::AnyConnection,
	failed: &SubmissionRow,
	nonce: i64,
	request_json: &str,
	now: i64,
) -> Result<(), sqlx::Error> {
	let key = format!("nonce-filler:{}", failed.id);
	sqlx::query(
		"INSERT INTO submissions (id, api_client_id, idempotency_key, fingerprint, signer, kind, \
		 request_json, status, nonce, created_at, updated_at) \
		 VALUES ($1, $2, $3, $4, $5, 'nonce.filler', $6, 'accepted', $7, $8, $8) \
		 ON CONFLICT (api_client_id, idempotency_key) DO NOTHING",
	)
	.bind(uuid::Uuid::now_v7().to_string())
	.bind(failed.api_client_id.as_str())
	.bind(key.as_str())
	.bind(crate::digests::sha256(key.as_bytes()))
	.bind(failed.signer.as_str())
	.bind(request_json)
	.bind(nonce)
	.bind(now)
	.execute(conn)
	.await?;
	Ok(())
}

/// The submission `id`, whoever made it.
pub async fn find<'e>(
	ex: impl Executor<'e, Database = Any>,
	id: &str,
) -> Result<Option<SubmissionRow>, sqlx::Error> {
	let row = sqlx::query(concat!("SELECT ", columns!(), " FROM submissions WHERE id = $1"))
		.bind(id)
		.fetch_optional(ex)
		.await?;
	row.as_ref().map(SubmissionRow::from_row).transpose()
}

/// The submission `id` of `api_client_id`.
pub async fn find_of_client<'e>(
	ex: impl Executor<'e, Database = Any>,
	api_client_id: &str,
	id: &str,
) -> Result<Option<SubmissionRow>, sqlx::Error> {
	let row = sqlx::query(concat!(
		"SELECT ",
		columns!(),
		" FROM submissions WHERE id = $1 AND api_client_id = $2"
	))
	.bind(id)
	.bind(api_client_id)
	.fetch_optional(ex)
	.await?;
	row.as_ref().map(SubmissionRow::from_row).transpose()
}

/// The submission `api_client_id` stored under `idempotency_key`, if any.
pub async fn find_by_key<'e>(
	ex: impl Executor<'e, Database = Any>,
	api_client_id: &str,
	idempotency_key: &str,
) -> Result<Option<SubmissionRow>, sqlx::Error> {
	let row = sqlx::query(concat!(
		"SELECT ",
		columns!(),
		" FROM submissions WHERE api_client_id = $1 AND idempotency_key = $2"
	))
	.bind(api_client_id)
	.bind(idempotency_key)
	.fetch_optional(ex)
	.await?;
	row.as_ref().map(SubmissionRow::from_row).transpose()
}

/// Submissions in `status`, oldest first.
pub async fn with_status<'e>(
	ex: impl Executor<'e, Database = Any>,
	status: Status,
) -> Result<Vec<SubmissionRow>, sqlx::Error> {
	let rows = sqlx::query(concat!(
		"SELECT ",
		columns!(),
		" FROM submissions WHERE status = $1 ORDER BY created_at, id"
	))
	.bind(status.as_str())
	.fetch_all(ex)
	.await?;
	rows.iter().map(SubmissionRow::from_row).collect()
}

/// A signed attempt, stored before it is broadcast.
#[derive(Debug, Clone)]
pub struct Attempt {
	pub nonce: i64,
	pub era_birth: i64,
	pub era_period: i64,
	pub spec_version: i64,
	pub tx_hash: Vec<u8>,
	pub tx_bytes: Vec<u8>,
}

/// `accepted` → `broadcast` with `attempt`. Whether the row was still `accepted`.
pub async fn record_attempt<'e>(
	ex: impl Executor<'e, Database = Any>,
	id: &str,
	attempt: &Attempt,
	now: i64,
) -> Result<bool, sqlx::Error> {
	let done = sqlx::query(
		"UPDATE submissions SET status = 'broadcast', attempts = attempts + 1, nonce = $1, \
		 era_birth = $2, era_period = $3, spec_version = $4, tx_hash = $5, tx_bytes = $6, \
		 updated_at = $7 WHERE id = $8 AND status = 'accepted'",
	)
	.bind(attempt.nonce)
	.bind(attempt.era_birth)
	.bind(attempt.era_period)
	.bind(attempt.spec_version)
	.bind(attempt.tx_hash.as_slice())
	.bind(attempt.tx_bytes.as_slice())
	.bind(now)
	.bind(id)
	.execute(ex)
	.await?;
	Ok(done.rows_affected() == 1)
}

/// The live attempt is provably dead: `broadcast` → `accepted`, to be signed again. The nonce is
/// kept (the next attempt reuses it when the chain has not used it); the hash and bytes go.
pub async fn attempt_dead<'e>(
	ex: impl Executor<'e, Database = Any>,
	id: &str,
	now: i64,
) -> Result<(), sqlx::Error> {
	sqlx::query(
		"UPDATE submissions SET status = 'accepted', tx_hash = NULL, tx_bytes = NULL, \
		 updated_at = $1 WHERE id = $2 AND status = 'broadcast'",
	)
	.bind(now)
	.bind(id)
	.execute(ex)
	.await?;
	Ok(())
}

/// Where a submission ended: in a finalized block (`block` set) or refused before signing.
#[derive(Debug, Clone)]
pub struct Outcome<'a> {
	pub status: Status,
	pub block: Option<(i64, &'a str, i64)>,
	pub error: Option<&'a str>,
	pub result_json: Option<&'a str>,
}

/// Records the end of a submission.
pub async fn finish<'e>(
	ex: impl Executor<'e, Database = Any>,
	id: &str,
	outcome: &Outcome<'_>,
	now: i64,
) -> Result<(), sqlx::Error> {
	let (number, hash, index) = match outcome.block {
		Some((n, h, i)) => (Some(n), Some(h), Some(i)),
		None => (None, None, None),
	};
	sqlx::query(
		"UPDATE submissions SET status = $1, block_number = $2, block_hash = $3, \
		 extrinsic_index = $4, error = $5, result_json = $6, updated_at = $7 WHERE id = $8",
	)
	.bind(outcome.status.as_str())
	.bind(number)
	.bind(hash)
	.bind(index)
	.bind(outcome.error)
	.bind(outcome.result_json)
	.bind(now)
	.bind(id)
	.execute(ex)
	.await?;
	Ok(())
}
