//! One gateway per database: the in-memory revocation mirror and the submission pipeline's nonces
//! assume no other gateway writes the same database. `serve` takes this lock at start and holds it
//! until it exits; a second gateway on the same database refuses to start. SQLite: an exclusive
//! lock on `<database file>.lock`; PostgreSQL: a session advisory lock on a connection kept out of
//! the pool.

use std::path::PathBuf;

use sqlx::{AnyConnection, Row as _};

use super::{Backend, Db};

/// The advisory lock's key on PostgreSQL ("PACT").
const ADVISORY_KEY: i64 = 0x5041_4354;

/// Held while the gateway runs; dropping it releases the lock.
#[derive(Debug)]
pub enum LeaderLock {
	File(std::fs::File),
	Postgres(AnyConnection),
	/// An in-memory SQLite database: no other process can open it.
	InMemory,
}

/// Why the lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LeaderError {
	#[error("another pactum-gateway serves this database (its lock is held: {0})")]
	Held(String),
	#[error("cannot take the database lock: {0}")]
	Io(String),
	#[error("cannot take the database lock: {0}")]
	Db(#[from] sqlx::Error),
}

impl Db {
	/// Takes the one-gateway-per-database lock for the database at `url`.
	pub async fn leader_lock(&self, url: &str) -> Result<LeaderLock, LeaderError> {
		match self.backend {
			Backend::Sqlite => {
				let Some(path) = sqlite_lock_path(url) else {
					return Ok(LeaderLock::InMemory);
				};
				let file = std::fs::OpenOptions::new()
					.create(true)
					.truncate(false)
					.write(true)
					.open(&path)
					.map_err(|e| LeaderError::Io(format!("{}: {e}", path.display())))?;
				match file.try_lock() {
					Ok(()) => Ok(LeaderLock::File(file)),
					Err(std::fs::TryLockError::WouldBlock) => {
						Err(LeaderError::Held(path.display().to_string()))
					}
					Err(std::fs::TryLockError::Error(e)) => {
						Err(LeaderError::Io(format!("{}: {e}", path.display())))
					}
				}
			}
			Backend::Postgres => {
				let mut connection = self.pool.acquire().await?.detach();
				let row = sqlx::query(
					"SELECT CASE WHEN pg_try_advisory_lock($1) THEN 1 ELSE 0 END AS got",
				)
				.bind(ADVISORY_KEY)
				.fetch_one(&mut connection)
				.await?;
				if row.try_get::<i32, _>("got")? == 1 {
					Ok(LeaderLock::Postgres(connection))
				} else {
					Err(LeaderError::Held(format!("advisory lock {ADVISORY_KEY}")))
				}
			}
		}
	}
}

/// `<path>.lock` for `sqlite://<path>?…`; `None` for an in-memory database.
fn sqlite_lock_path(url: &str) -> Option<PathBuf> {
	super::sqlite_file(url).map(|path| PathBuf::from(format!("{path}.lock")))
}
