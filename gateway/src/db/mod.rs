//! The database: one sqlx `AnyPool`, SQLite (default) or PostgreSQL chosen by the URL's scheme,
//! with one migration tree per backend (`migrations/sqlite`, `migrations/postgres`, the same logical
//! schema). Queries are written once: `$N` placeholders, `ON CONFLICT`, `RETURNING`, and the `Any`
//! types only (i64, text, blob). One repository module per table group.

pub mod api_clients;
pub mod chain_index;
pub mod clients;
pub mod cursors;
pub mod files;
pub mod jwt_keys;
pub mod leader;
pub mod reasons;
pub mod refresh_tokens;
pub mod revoked_jti;
pub mod signers;
pub mod submissions;
pub mod users;
pub mod webhooks;

use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;

/// Which database the URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
	Sqlite,
	Postgres,
}

impl Backend {
	/// From the URL's scheme.
	pub fn of_url(url: &str) -> Result<Backend, DbError> {
		if url.starts_with("sqlite:") {
			Ok(Backend::Sqlite)
		} else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
			Ok(Backend::Postgres)
		} else {
			Err(DbError::UnsupportedUrl)
		}
	}
}

/// Database set-up errors (queries return `sqlx::Error`).
#[derive(Debug, thiserror::Error)]
pub enum DbError {
	#[error("the database URL must start with sqlite: or postgres:")]
	UnsupportedUrl,
	#[error("cannot create the database directory {path}: {source}")]
	Dir { path: String, source: std::io::Error },
	#[error("cannot connect to the database: {0}")]
	Connect(#[source] sqlx::Error),
	#[error("migration failed: {0}")]
	Migrate(#[from] sqlx::migrate::MigrateError),
}

/// The pool and the backend it talks to.
#[derive(Debug, Clone)]
pub struct Db {
	pub pool: AnyPool,
	pub backend: Backend,
}

/// SQLite settings applied to every new connection: WAL (readers never block the writer), full
/// fsync on commit (a `202 Accepted` must survive a power cut), a wait instead of SQLITE_BUSY.
const SQLITE_PRAGMAS: &str =
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";

impl Db {
	/// Connects (creating a SQLite file's directory if needed). Does not migrate.
	pub async fn connect(url: &str, max_connections: u32) -> Result<Db, DbError> {
		sqlx::any::install_default_drivers();
		let backend = Backend::of_url(url)?;
		if backend == Backend::Sqlite {
			create_sqlite_dir(url)?;
		}
		let mut options = AnyPoolOptions::new()
			.max_connections(max_connections)
			.acquire_timeout(Duration::from_secs(5));
		if backend == Backend::Sqlite {
			options = options.after_connect(|conn, _meta| {
				Box::pin(async move {
					sqlx::raw_sql(SQLITE_PRAGMAS).execute(&mut *conn).await?;
					Ok(())
				})
			});
		}
		let pool = options.connect(url).await.map_err(DbError::Connect)?;
		Ok(Db { pool, backend })
	}

	/// Applies the backend's pending migrations.
	pub async fn migrate(&self) -> Result<(), DbError> {
		match self.backend {
			Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&self.pool).await?,
			Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&self.pool).await?,
		}
		Ok(())
	}

	/// A trivial query, for readiness.
	pub async fn ping(&self) -> Result<(), sqlx::Error> {
		sqlx::query("SELECT 1").execute(&self.pool).await.map(|_| ())
	}
}

/// The file of `sqlite://<path>?…`; `None` for an in-memory database.
pub(crate) fn sqlite_file(url: &str) -> Option<&str> {
	let rest = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
	let path = rest.split('?').next().unwrap_or("");
	(!path.is_empty() && path != ":memory:").then_some(path)
}

/// `sqlite://<path>?…` → creates `<path>`'s directory. In-memory URLs need nothing.
fn create_sqlite_dir(url: &str) -> Result<(), DbError> {
	let Some(path) = sqlite_file(url) else {
		return Ok(());
	};
	if let Some(dir) = std::path::Path::new(path).parent() {
		if !dir.as_os_str().is_empty() {
			std::fs::create_dir_all(dir)
				.map_err(|source| DbError::Dir { path: dir.display().to_string(), source })?;
		}
	}
	Ok(())
}
