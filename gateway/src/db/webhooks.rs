//! `webhooks`: API clients' event subscriptions and their delivery state (the rules are in
//! migrations/sqlite/0004_webhooks.sql).

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row as _};

/// A stored webhook.
#[derive(Debug, Clone)]
pub struct Webhook {
	pub id: String,
	pub api_client_id: String,
	pub account: String,
	pub url: String,
	pub secret_sealed: Vec<u8>,
	/// Space-separated; empty: every type.
	pub event_types: String,
	pub cursor_seq: i64,
	pub failures: i64,
	pub next_attempt_at: i64,
	pub last_error: Option<String>,
	pub created_at: i64,
	pub updated_at: i64,
}

impl Webhook {
	/// Whether it wants events of `event_type`.
	pub fn wants(&self, event_type: &str) -> bool {
		self.event_types.is_empty() || self.event_types.split(' ').any(|t| t == event_type)
	}

	fn from_row(row: AnyRow) -> Result<Webhook, sqlx::Error> {
		Ok(Webhook {
			id: row.try_get("id")?,
			api_client_id: row.try_get("api_client_id")?,
			account: row.try_get("account")?,
			url: row.try_get("url")?,
			secret_sealed: row.try_get("secret_sealed")?,
			event_types: row.try_get("event_types")?,
			cursor_seq: row.try_get("cursor_seq")?,
			failures: row.try_get("failures")?,
			next_attempt_at: row.try_get("next_attempt_at")?,
			last_error: row.try_get("last_error")?,
			created_at: row.try_get("created_at")?,
			updated_at: row.try_get("updated_at")?,
		})
	}
}

macro_rules! columns {
	($p:literal) => {
		concat!(
			$p,
			"id, ",
			$p,
			"api_client_id, ",
			$p,
			"account, ",
			$p,
			"url, ",
			$p,
			"secret_sealed, ",
			$p,
			"event_types, ",
			$p,
			"cursor_seq, ",
			$p,
			"failures, ",
			$p,
			"next_attempt_at, ",
			$p,
			"last_error, ",
			$p,
			"created_at, ",
			$p,
			"updated_at"
		)
	};
}

pub async fn insert<'e>(
	ex: impl Executor<'e, Database = Any>,
	hook: &Webhook,
) -> Result<(), sqlx::Error> {
	sqlx::query(concat!(
		"INSERT INTO webhooks (",
		columns!(""),
		") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
	))
	.bind(&hook.id)
	.bind(&hook.api_client_id)
	.bind(&hook.account)
	.bind(&hook.url)
	.bind(hook.secret_sealed.as_slice())
	.bind(&hook.event_types)
	.bind(hook.cursor_seq)
	.bind(hook.failures)
	.bind(hook.next_attempt_at)
	.bind(&hook.last_error)
	.bind(hook.created_at)
	.bind(hook.updated_at)
	.execute(ex)
	.await?;
	Ok(())
}

/// The client's webhooks, oldest first.
pub async fn of_client<'e>(
	ex: impl Executor<'e, Database = Any>,
	client_id: &str,
) -> Result<Vec<Webhook>, sqlx::Error> {
	sqlx::query(concat!(
		"SELECT ",
		columns!(""),
		" FROM webhooks WHERE api_client_id = $1 ORDER BY id"
	))
	.bind(client_id)
	.fetch_all(ex)
	.await?
	.into_iter()
	.map(Webhook::from_row)
	.collect()
}

/// The client's webhook `id`.
pub async fn find_of_client<'e>(
	ex: impl Executor<'e, Database = Any>,
	client_id: &str,
	id: &str,
) -> Result<Option<Webhook>, sqlx::Error> {
	sqlx::query(concat!(
		"SELECT ",
		columns!(""),
		" FROM webhooks WHERE api_client_id = $1 AND id = $2"
	))
	.bind(client_id)
	.bind(id)
	.fetch_optional(ex)
	.await?
	.map(Webhook::from_row)
	.transpose()
}

/// The webhooks due for a delivery at `now` whose client is not retired and still holds the
/// `events:read` scope.
pub async fn due<'e>(
	ex: impl Executor<'e, Database = Any>,
	now: i64,
) -> Result<Vec<Webhook>, sqlx::Error> {
	sqlx::query(concat!(
		"SELECT ",
		columns!("w."),
		" FROM webhooks w JOIN api_clients c ON c.id = w.api_client_id \
		 WHERE w.next_attempt_at <= $1 AND c.retired_at IS NULL \
		 AND (' ' || c.scopes || ' ') LIKE '% events:read %' ORDER BY w.next_attempt_at"
	))
	.bind(now)
	.fetch_all(ex)
	.await?
	.into_iter()
	.map(Webhook::from_row)
	.collect()
}

/// Moves the cursor to `seq` (events up to it delivered or not wanted) and clears the failures,
/// only if the cursor is still `from`: false when the client moved or deleted the webhook.
pub async fn advance<'e>(
	ex: impl Executor<'e, Database = Any>,
	id: &str,
	from: i64,
	seq: i64,
	now: i64,
) -> Result<bool, sqlx::Error> {
	let done = sqlx::query(
		"UPDATE webhooks SET cursor_seq = $3, failures = 0, last_error = NULL, \
		 next_attempt_at = 0, updated_at = $4 WHERE id = $1 AND cursor_seq = $2",
	)
	.bind(id)
	.bind(from)
	.bind(seq)
	.bind(now)
	.execute(ex)
	.await?;
	Ok(done.rows_affected() == 1)
}

/// Records the `failures`-th failed delivery of the event after `cursor`; the next attempt is at
/// `next_attempt_at`. Nothing changes if the client moved the cursor meanwhile.
pub async fn failed<'e>(
	ex: impl Executor<'e, Database = Any>,
	id: &str,
	cursor: i64,
	failures: i64,
	error: &str,
	next_attempt_at: i64,
	now: i64,
) -> Result<(), sqlx::Error> {
	sqlx::query(
		"UPDATE webhooks SET failures = $3, last_error = $4, next_attempt_at = $5, \
		 updated_at = $6 WHERE id = $1 AND cursor_seq = $2",
	)
	.bind(id)
	.bind(cursor)
	.bind(failures)
	.bind(error)
	.bind(next_attempt_at)
	.bind(now)
	.execute(ex)
	.await?;
	Ok(())
}

/// Sets the client's webhook `id` to deliver from after `cursor` now (replay or skip).
pub async fn set_cursor<'e>(
	ex: impl Executor<'e, Database = Any>,
	client_id: &str,
	id: &str,
	cursor: i64,
	now: i64,
) -> Result<bool, sqlx::Error> {
	let done = sqlx::query(
		"UPDATE webhooks SET cursor_seq = $3, failures = 0, last_error = NULL, \
		 next_attempt_at = 0, updated_at = $4 WHERE api_client_id = $1 AND id = $2",
	)
	.bind(client_id)
	.bind(id)
	.bind(cursor)
	.bind(now)
	.execute(ex)
	.await?;
	Ok(done.rows_affected() == 1)
}

/// Deletes the client's webhook `id`.
pub async fn delete<'e>(
	ex: impl Executor<'e, Database = Any>,
	client_id: &str,
	id: &str,
) -> Result<bool, sqlx::Error> {
	let done = sqlx::query("DELETE FROM webhooks WHERE api_client_id = $1 AND id = $2")
		.bind(client_id)
		.bind(id)
		.execute(ex)
		.await?;
	Ok(done.rows_affected() == 1)
}
