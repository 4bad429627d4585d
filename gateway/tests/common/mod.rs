//! An in-process gateway for tests: a temporary SQLite database (or, with `PACTUM_TEST_PG_URL`,
//! a fresh database in that PostgreSQL server: `scripts/test.sh gateway` runs every test on both),
//! a fixed master key, a fresh signing key, a chain that reports ready, and helpers to send
//! requests with `tower::ServiceExt::oneshot`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use pactum_gateway::admin::{self, CreatedApiClient, NewApiClient};
use pactum_gateway::app::{self, AppState};
use pactum_gateway::auth::keys::{self, KeyRing};
use pactum_gateway::auth::revocation::RevokedTokens;
use pactum_gateway::chain::{ChainStatus, StaticChain};
use pactum_gateway::clock::now_ms;
use pactum_gateway::config::Config;
use pactum_gateway::db::Db;
use pactum_gateway::seal::Sealer;
use tower::ServiceExt as _;

pub struct TestApp {
	pub router: Router,
	pub state: AppState,
	_dir: tempfile::TempDir,
}

pub fn ready_chain() -> ChainStatus {
	ChainStatus {
		reachable: true,
		genesis_hash: Some(format!("0x{}", "11".repeat(32))),
		codegen_valid: true,
		spec_version: Some(102),
		finalized_number: Some(7),
		finalized_hash: Some(format!("0x{}", "22".repeat(32))),
		error: None,
	}
}

pub async fn app() -> TestApp {
	app_with_chain(ready_chain()).await
}

pub async fn app_with_chain(chain: ChainStatus) -> TestApp {
	app_with(chain, Config::default()).await
}

/// A new, empty database in the PostgreSQL server `server` (a URL naming any database of it);
/// yields its URL.
pub async fn fresh_postgres_database(server: &str) -> String {
	use sqlx::Connection as _;
	let name = format!("pactum_test_{}", uuid::Uuid::now_v7().simple());
	let mut admin = sqlx::PgConnection::connect(server).await.unwrap();
	sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
		.execute(&mut admin)
		.await
		.unwrap();
	admin.close().await.unwrap();
	let mut url = url::Url::parse(server).unwrap();
	url.set_path(&name);
	url.to_string()
}

/// A gateway with `config` (its `data_dir` replaced by a temporary one).
pub async fn app_with(chain: ChainStatus, config: Config) -> TestApp {
	let dir = tempfile::tempdir().unwrap();
	let url = match std::env::var("PACTUM_TEST_PG_URL") {
		Ok(server) => fresh_postgres_database(&server).await,
		Err(_) => format!("sqlite://{}/gateway.db?mode=rwc", dir.path().display()),
	};
	let db = Db::connect(&url, 4).await.unwrap();
	db.migrate().await.unwrap();
	let sealer = Arc::new(Sealer::new(&[7u8; 32], &[]).unwrap());
	keys::ensure_active(&db, &sealer, now_ms()).await.unwrap();
	let keys = Arc::new(KeyRing::load(&db, &sealer).await.unwrap());
	let revoked = Arc::new(RevokedTokens::load(&db).await.unwrap());
	let config = Config { data_dir: dir.path().to_path_buf(), ..config };
	let state = AppState::new(config, db, sealer, keys, revoked, Arc::new(StaticChain(chain)));
	TestApp { router: app::router(state.clone()), state, _dir: dir }
}

impl TestApp {
	pub async fn client(&self, scopes: &str, refresh_tokens: bool) -> CreatedApiClient {
		let new = NewApiClient {
			name: "crm".into(),
			scopes: scopes.into(),
			refresh_tokens,
			act_as_account: None,
			redirect_uris: Vec::new(),
		};
		admin::create_api_client(&self.state.db, &new).await.unwrap()
	}

	pub async fn send(&self, request: Request<Body>) -> Reply {
		send(&self.router, request).await
	}

	/// `POST path` with a form body and optional Basic credentials.
	pub async fn post_form(&self, path: &str, body: &str, basic: Option<(&str, &str)>) -> Reply {
		let mut request =
			Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
		if let Some((id, secret)) = basic {
			request = request.header(header::AUTHORIZATION, basic_header(id, secret));
		}
		self.send(request.body(Body::from(body.to_string())).unwrap()).await
	}

	pub async fn get(&self, path: &str, bearer: Option<&str>) -> Reply {
		let mut request = Request::get(path);
		if let Some(token) = bearer {
			request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
		}
		self.send(request.body(Body::empty()).unwrap()).await
	}

	/// A client-credentials token response for `client` (Basic auth).
	pub async fn token(&self, client: &CreatedApiClient, extra: &str) -> Reply {
		let body = format!("grant_type=client_credentials{extra}");
		self.post_form("/oauth/token", &body, Some((&client.client_id, &client.client_secret)))
			.await
	}
}

pub struct Reply {
	pub status: StatusCode,
	pub headers: HeaderMap,
	pub body: Vec<u8>,
}

impl Reply {
	pub fn json(&self) -> serde_json::Value {
		serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
	}

	pub fn header(&self, name: header::HeaderName) -> Option<&str> {
		self.headers.get(name).and_then(|v| v.to_str().ok())
	}

	/// Asserts an RFC 6749 §5.2 error.
	pub fn assert_oauth_error(&self, status: StatusCode, code: &str) {
		assert_eq!(self.status, status, "body: {}", String::from_utf8_lossy(&self.body));
		assert_eq!(self.json()["error"], code);
		assert_eq!(self.header(header::CACHE_CONTROL), Some("no-store"));
	}

	/// Asserts a problem details answer and returns it.
	pub fn assert_problem(&self, status: StatusCode) -> serde_json::Value {
		assert_eq!(self.status, status, "body: {}", String::from_utf8_lossy(&self.body));
		assert_eq!(self.header(header::CONTENT_TYPE), Some("application/problem+json"));
		let problem = self.json();
		assert_eq!(problem["status"], status.as_u16());
		assert!(problem["type"].is_string() && problem["title"].is_string());
		problem
	}
}

pub async fn send(router: &Router, request: Request<Body>) -> Reply {
	let response = router.clone().oneshot(request).await.unwrap();
	let status = response.status();
	let headers = response.headers().clone();
	let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap().to_vec();
	Reply { status, headers, body }
}

/// RFC 6749 §2.3.1: form-urlencode id and secret, then base64.
pub fn basic_header(id: &str, secret: &str) -> String {
	let encode = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
	format!("Basic {}", STANDARD.encode(format!("{}:{}", encode(id), encode(secret))))
}

/// Form-encodes a value.
pub fn enc(value: &str) -> String {
	form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
