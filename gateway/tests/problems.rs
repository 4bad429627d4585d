//! Problem details (RFC 9457) for 401/403/404/405, readiness, and the OpenAPI document.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::{header, Request, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use common::{app, app_with_chain, send};
use pactum_gateway::auth::principal::need;
use pactum_gateway::auth::Scoped;

#[tokio::test]
async fn no_token_is_a_401_problem_with_a_bearer_challenge() {
	let app = app().await;
	let reply = app.get("/v1/whoami", None).await;
	let problem = reply.assert_problem(StatusCode::UNAUTHORIZED);
	assert!(problem["type"].as_str().unwrap().ends_with("/unauthorized"));
	assert!(reply.header(header::WWW_AUTHENTICATE).unwrap().starts_with("Bearer"));

	let garbage = app.get("/v1/whoami", Some("not.a.jwt")).await;
	garbage.assert_problem(StatusCode::UNAUTHORIZED);
	assert!(garbage.header(header::WWW_AUTHENTICATE).unwrap().contains("error=\"invalid_token\""));
}

#[tokio::test]
async fn a_missing_scope_is_a_403_problem() {
	let app = app().await;
	let client = app.client("documents:read", false).await;
	let token = app.token(&client, "").await.json()["access_token"].as_str().unwrap().to_string();
	async fn write(Scoped(principal, _): Scoped<need::DocumentsWrite>) -> Json<String> {
		Json(principal.client_id)
	}
	async fn read(Scoped(principal, _): Scoped<need::DocumentsRead>) -> Json<String> {
		Json(principal.client_id)
	}
	let guarded: Router = Router::new()
		.route("/write", get(write))
		.route("/read", get(read))
		.with_state(app.state.clone());
	let request = |path: &str| {
		Request::get(path)
			.header(header::AUTHORIZATION, format!("Bearer {token}"))
			.body(axum::body::Body::empty())
			.unwrap()
	};
	assert_eq!(send(&guarded, request("/read")).await.status, StatusCode::OK);
	let reply = send(&guarded, request("/write")).await;
	let problem = reply.assert_problem(StatusCode::FORBIDDEN);
	assert_eq!(problem["required_scope"], "documents:write");
	assert!(reply.header(header::WWW_AUTHENTICATE).unwrap().contains("insufficient_scope"));
}

#[tokio::test]
async fn unknown_paths_and_methods_are_problems() {
	let app = app().await;
	let problem = app.get("/no/such/thing", None).await.assert_problem(StatusCode::NOT_FOUND);
	assert_eq!(problem["instance"], "/no/such/thing");
	let request = Request::delete("/healthz").body(axum::body::Body::empty()).unwrap();
	app.send(request).await.assert_problem(StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn openapi_is_3_1_and_lists_the_endpoints() {
	let app = app().await;
	let reply = app.get("/openapi.json", None).await;
	assert_eq!(reply.status, StatusCode::OK);
	let doc = reply.json();
	assert_eq!(doc["openapi"], "3.1.0");
	for path in ["/oauth/token", "/oauth/revoke", "/.well-known/jwks.json", "/readyz", "/v1/whoami"]
	{
		assert!(doc["paths"][path].is_object(), "{path} is documented");
	}
	assert!(doc["components"]["schemas"]["Problem"].is_object());
	assert_eq!(app.get("/docs", None).await.status, StatusCode::OK);
}

#[tokio::test]
async fn health_and_readiness() {
	let app = app().await;
	assert_eq!(app.get("/healthz", None).await.status, StatusCode::OK);
	let ready = app.get("/readyz", None).await;
	assert_eq!(ready.status, StatusCode::OK);
	assert_eq!(ready.json()["chain"]["codegen_valid"], true);

	let stale =
		pactum_gateway::chain::ChainStatus { codegen_valid: false, ..common::ready_chain() };
	let app = app_with_chain(stale).await;
	let problem = app.get("/readyz", None).await.assert_problem(StatusCode::SERVICE_UNAVAILABLE);
	assert_eq!(problem["checks"]["ready"], false);
	assert!(problem["detail"].as_str().unwrap().contains("metadata"));
}

#[tokio::test]
async fn responses_carry_a_request_id() {
	let app = app().await;
	let reply = app.get("/healthz", None).await;
	assert!(reply.header(header::HeaderName::from_static("x-request-id")).is_some());
}

#[tokio::test]
async fn a_plain_request_id_is_echoed_and_any_other_replaced() {
	let app = app().await;
	let id = header::HeaderName::from_static("x-request-id");
	let with = |value: &str| {
		axum::http::Request::get("/healthz")
			.header(&id, value)
			.body(axum::body::Body::empty())
			.unwrap()
	};
	let kept = app.send(with("crm-42_retry-1")).await;
	assert_eq!(kept.header(id.clone()), Some("crm-42_retry-1"));
	for unsafe_id in ["two words", "a<b>", &"x".repeat(65), "semi;colon"] {
		let replaced = app.send(with(unsafe_id)).await;
		let echoed = replaced.header(id.clone()).unwrap();
		assert_ne!(echoed, unsafe_id);
		assert_eq!(echoed.len(), 36, "a fresh UUID");
	}
}

#[tokio::test]
async fn cors_for_any_origin_exposes_the_headers_a_browser_needs() {
	let config =
		pactum_gateway::config::Config { cors_origins: vec!["*".into()], ..Default::default() };
	let app = common::app_with(common::ready_chain(), config).await;
	let request = axum::http::Request::get("/healthz")
		.header(header::ORIGIN, "https://portal.operator.example")
		.body(axum::body::Body::empty())
		.unwrap();
	let reply = app.send(request).await;
	assert_eq!(reply.header(header::ACCESS_CONTROL_ALLOW_ORIGIN), Some("*"));
	let exposed = reply.header(header::ACCESS_CONTROL_EXPOSE_HEADERS).unwrap().to_ascii_lowercase();
	for name in ["location", "www-authenticate", "x-request-id", "idempotent-replayed"] {
		assert!(exposed.contains(name), "{name} in {exposed}");
	}
}

#[tokio::test]
async fn signing_needs_documents_write_or_for_a_client_documents_sign() {
	let app = app().await;
	let sign = |token: String| {
		Request::post("/v1/documents/signatures")
			.header(header::AUTHORIZATION, format!("Bearer {token}"))
			.header(header::CONTENT_TYPE, "application/json")
			.header("idempotency-key", "sign-1")
			.body(axum::body::Body::from(r#"{"items":[]}"#))
			.unwrap()
	};
	let token = |scopes: &'static str| async {
		let client = app.client(scopes, false).await;
		app.token(&client, "").await.json()["access_token"].as_str().unwrap().to_string()
	};
	let reader = app.send(sign(token("documents:read").await)).await;
	let problem = reader.assert_problem(StatusCode::FORBIDDEN);
	assert_eq!(problem["required_scope"], "documents:sign");
	// documents:sign is for people signing as clients of this gateway; this caller is an API client.
	let signer = app.send(sign(token("documents:sign").await)).await;
	let problem = signer.assert_problem(StatusCode::FORBIDDEN);
	assert_eq!(problem["required_scope"], "documents:write");
}
