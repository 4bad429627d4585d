//! In process: the event page (who sees which event), webhook subscriptions (every refusal, the
//! secret shown once and sealed at rest, one client's webhooks invisible to another), and file
//! uploads (stored by SHA-256, the limit, bad forms).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use pactum_gateway::admin::{self, NewApiClient};
use pactum_gateway::config::Config;
use pactum_gateway::db::chain_index::{self, EventRow};
use serde_json::{json, Value};

const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

/// An access token of a new client acting for `account` with `scopes`.
async fn token_for(app: &common::TestApp, account: &str, scopes: &str) -> String {
	let new = NewApiClient {
		name: format!("crm-{account}"),
		scopes: scopes.into(),
		refresh_tokens: false,
		act_as_account: Some(account.into()),
		redirect_uris: Vec::new(),
	};
	let client = admin::create_api_client(&app.state.db, &new).await.unwrap();
	let reply = app.token(&client, "").await;
	assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.json());
	reply.json()["access_token"].as_str().unwrap().to_string()
}

async fn send_json(
	app: &common::TestApp,
	method: &str,
	path: &str,
	token: &str,
	body: Value,
) -> common::Reply {
	let request = Request::builder()
		.method(method)
		.uri(path)
		.header(header::AUTHORIZATION, format!("Bearer {token}"))
		.header(header::CONTENT_TYPE, "application/json")
		.body(Body::from(body.to_string()))
		.unwrap();
	app.send(request).await
}

async fn event(
	app: &common::TestApp,
	block: i64,
	index: i64,
	event_type: &str,
	audience: &[&str],
) -> i64 {
	let row = EventRow {
		seq: chain_index::seq_of(block, index),
		block_number: block,
		block_hash: format!("0x{block:064x}"),
		extrinsic_index: Some(1),
		event_type: event_type.into(),
		data_json: json!({ "n": index }).to_string(),
		// a block every 6 s from 2026-12-01
		block_time: Some(1_796_083_200_000 + block * 6_000),
	};
	let mut conn = app.state.db.pool.acquire().await.unwrap();
	let audience: Vec<String> = audience.iter().map(|a| a.to_string()).collect();
	chain_index::insert_event(&mut conn, &row, &audience).await.unwrap();
	row.seq
}

#[tokio::test]
async fn each_account_pages_through_the_events_it_may_see() {
	let app = common::app().await;
	let alice = token_for(&app, ALICE, "events:read").await;
	let bob = token_for(&app, BOB, "events:read").await;
	let first = event(&app, 5, 0, "document.created", &[ALICE, BOB]).await;
	let second = event(&app, 5, 3, "document.signed", &[ALICE]).await;
	let third = event(&app, 6, 1, "certificate.issued", &[BOB]).await;
	assert!(first < second && second < third);

	let page = app.get("/v1/events", Some(&alice)).await;
	assert_eq!(page.status, StatusCode::OK);
	let ids: Vec<i64> = page.json()["events"]
		.as_array()
		.unwrap()
		.iter()
		.map(|e| e["id"].as_i64().unwrap())
		.collect();
	assert_eq!(ids, [first, second]);
	assert_eq!(page.json()["events"][1]["type"], "document.signed");
	assert_eq!(page.json()["events"][1]["data"], json!({ "n": 3 }));
	assert_eq!(page.json()["events"][1]["block_time"], 1_796_083_200_000_i64 + 5 * 6_000, "when");
	assert_eq!(page.json()["next_after"], second);

	let bobs = app.get(&format!("/v1/events?after={first}"), Some(&bob)).await.json();
	assert_eq!(bobs["events"].as_array().unwrap().len(), 1);
	assert_eq!(bobs["events"][0]["id"], third);
	let typed = app.get("/v1/events?types=document.signed", Some(&alice)).await.json();
	assert_eq!(typed["events"].as_array().unwrap().len(), 1);
	// Filtered out events still move the cursor, so paging goes on past them.
	assert_eq!(typed["next_after"], second);
	let one = app.get("/v1/events?limit=1", Some(&alice)).await.json();
	assert_eq!(one["next_after"], first);

	for bad in [
		"/v1/events?limit=0",
		"/v1/events?limit=501",
		"/v1/events?types=nope",
		"/v1/events?after=x",
	] {
		assert_eq!(app.get(bad, Some(&alice)).await.status, StatusCode::BAD_REQUEST, "{bad}");
	}
	assert_eq!(app.get("/v1/events", None).await.status, StatusCode::UNAUTHORIZED);
	let no_scope = token_for(&app, BOB, "documents:read").await;
	assert_eq!(app.get("/v1/events", Some(&no_scope)).await.status, StatusCode::FORBIDDEN);
	assert_eq!(app.get("/v1/events/stream", Some(&no_scope)).await.status, StatusCode::FORBIDDEN);
	let bad_resume = Request::get("/v1/events/stream")
		.header(header::AUTHORIZATION, format!("Bearer {alice}"))
		.header("last-event-id", "yesterday")
		.body(Body::empty())
		.unwrap();
	assert_eq!(app.send(bad_resume).await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_caller_keeps_at_most_its_share_of_streams_open() {
	use tower::ServiceExt as _;
	let config = Config { max_streams_per_client: 2, ..Config::default() };
	let app = common::app_with(common::ready_chain(), config).await;
	let alice = token_for(&app, ALICE, "events:read").await;
	let bob = token_for(&app, BOB, "events:read").await;
	let subject =
		app.get("/v1/whoami", Some(&alice)).await.json()["subject"].as_str().unwrap().to_string();
	let open = |token: &str| {
		let request = Request::get("/v1/events/stream")
			.header(header::AUTHORIZATION, format!("Bearer {token}"))
			.body(Body::empty())
			.unwrap();
		app.router.clone().oneshot(request)
	};
	let first = open(&alice).await.unwrap();
	let second = open(&alice).await.unwrap();
	assert_eq!((first.status(), second.status()), (StatusCode::OK, StatusCode::OK));
	assert_eq!(app.state.streams.held(&subject), 2);
	let third = app.get("/v1/events/stream", Some(&alice)).await;
	third.assert_problem(StatusCode::TOO_MANY_REQUESTS);
	// Another caller has its own share; a stream whose connection ends gives its slot back.
	assert_eq!(open(&bob).await.unwrap().status(), StatusCode::OK);
	drop(first);
	assert_eq!(app.state.streams.held(&subject), 1);
	assert_eq!(open(&alice).await.unwrap().status(), StatusCode::OK);
	drop(second);
}

#[tokio::test]
async fn webhooks_are_created_listed_moved_and_deleted_by_their_own_client_only() {
	let app = common::app().await;
	let alice = token_for(&app, ALICE, "webhooks:manage events:read").await;
	let bob = token_for(&app, BOB, "webhooks:manage events:read").await;
	let url = "https://crm.operator.example/hooks";

	let created = send_json(
		&app,
		"POST",
		"/v1/webhooks",
		&alice,
		json!({ "url": url, "event_types": ["document.signed"], "after": 0 }),
	)
	.await;
	assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.json());
	let hook = created.json();
	let id = hook["id"].as_str().unwrap().to_string();
	let secret = hook["secret"].as_str().unwrap().to_string();
	assert!(secret.starts_with("whsec_") && secret.len() == 6 + 43, "{secret}");
	assert_eq!(hook["event_types"], json!(["document.signed"]));
	assert_eq!(hook["cursor"], 0);

	// The secret is sealed at rest and never shown again.
	let rows = pactum_gateway::db::webhooks::of_client(
		&app.state.db.pool,
		hook_client(&app, &id).await.as_str(),
	)
	.await
	.unwrap();
	assert!(!rows[0].secret_sealed.windows(secret.len()).any(|w| w == secret.as_bytes()));
	let listed = app.get("/v1/webhooks", Some(&alice)).await.json();
	assert_eq!(listed.as_array().unwrap().len(), 1);
	assert!(listed[0].get("secret").is_none());
	assert!(app
		.get(&format!("/v1/webhooks/{id}"), Some(&alice))
		.await
		.json()
		.get("secret")
		.is_none());

	// Another client sees none of it.
	assert_eq!(app.get("/v1/webhooks", Some(&bob)).await.json(), json!([]));
	assert_eq!(
		app.get(&format!("/v1/webhooks/{id}"), Some(&bob)).await.status,
		StatusCode::NOT_FOUND
	);
	assert_eq!(
		send_json(&app, "PATCH", &format!("/v1/webhooks/{id}"), &bob, json!({ "cursor": 1 }))
			.await
			.status,
		StatusCode::NOT_FOUND
	);
	assert_eq!(
		send_json(&app, "DELETE", &format!("/v1/webhooks/{id}"), &bob, json!({})).await.status,
		StatusCode::NOT_FOUND
	);

	let moved =
		send_json(&app, "PATCH", &format!("/v1/webhooks/{id}"), &alice, json!({ "cursor": 42 }))
			.await;
	assert_eq!(moved.status, StatusCode::OK);
	assert_eq!(moved.json()["cursor"], 42);
	assert_eq!(
		send_json(&app, "PATCH", &format!("/v1/webhooks/{id}"), &alice, json!({ "cursor": -1 }))
			.await
			.status,
		StatusCode::BAD_REQUEST
	);
	assert_eq!(
		send_json(&app, "PATCH", &format!("/v1/webhooks/{id}"), &alice, json!({ "after": 1 }))
			.await
			.status,
		StatusCode::BAD_REQUEST
	);

	for bad in [
		json!({ "url": "ftp://crm.example/x" }),
		json!({ "url": "no url" }),
		json!({ "url": "https://" }),
		json!({ "url": format!("https://crm.example/{}", "x".repeat(2048)) }),
		json!({ "url": url, "event_types": ["document.eaten"] }),
		json!({ "url": url, "after": -5 }),
		json!({ "url": url, "secret": "mine" }),
		json!({ "url": "http://127.0.0.1:9944/" }),
		json!({ "url": "http://[::1]/hook" }),
		json!({ "url": "http://169.254.169.254/latest/meta-data" }),
	] {
		let reply = send_json(&app, "POST", "/v1/webhooks", &alice, bad.clone()).await;
		assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
		assert_eq!(reply.header(header::CONTENT_TYPE), Some("application/problem+json"));
	}
	let no_scope = token_for(&app, ALICE, "events:read").await;
	assert_eq!(
		send_json(&app, "POST", "/v1/webhooks", &no_scope, json!({ "url": url })).await.status,
		StatusCode::FORBIDDEN
	);

	// At most ten per client.
	for _ in 1..10 {
		assert_eq!(
			send_json(&app, "POST", "/v1/webhooks", &alice, json!({ "url": url })).await.status,
			StatusCode::CREATED
		);
	}
	let eleventh = send_json(&app, "POST", "/v1/webhooks", &alice, json!({ "url": url })).await;
	assert_eq!(eleventh.status, StatusCode::UNPROCESSABLE_ENTITY);

	let deleted = send_json(&app, "DELETE", &format!("/v1/webhooks/{id}"), &alice, json!({})).await;
	assert_eq!(deleted.status, StatusCode::NO_CONTENT);
	assert_eq!(
		app.get(&format!("/v1/webhooks/{id}"), Some(&alice)).await.status,
		StatusCode::NOT_FOUND
	);
	assert_eq!(app.get("/v1/webhooks", Some(&alice)).await.json().as_array().unwrap().len(), 9);
}

async fn hook_client(app: &common::TestApp, id: &str) -> String {
	use sqlx::Row as _;
	sqlx::query("SELECT api_client_id FROM webhooks WHERE id = $1")
		.bind(id)
		.fetch_one(&app.state.db.pool)
		.await
		.unwrap()
		.try_get("api_client_id")
		.unwrap()
}

fn multipart(parts: &[(&str, &[u8])]) -> (String, Vec<u8>) {
	let boundary = "pactum-test-boundary";
	let mut body = Vec::new();
	for (name, bytes) in parts {
		body.extend_from_slice(
			format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"f.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").as_bytes(),
		);
		body.extend_from_slice(bytes);
		body.extend_from_slice(b"\r\n");
	}
	body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
	(format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(
	app: &common::TestApp,
	token: &str,
	content_type: &str,
	body: Vec<u8>,
) -> common::Reply {
	let request = Request::post("/v1/files")
		.header(header::AUTHORIZATION, format!("Bearer {token}"))
		.header(header::CONTENT_TYPE, content_type)
		.body(Body::from(body))
		.unwrap();
	app.send(request).await
}

#[tokio::test]
async fn an_account_uploads_until_its_files_take_its_quota() {
	let config = Config { upload_quota_bytes: 20, ..Config::default() };
	let app = common::app_with(common::ready_chain(), config).await;
	let alice = token_for(&app, ALICE, "documents:write").await;
	let bob = token_for(&app, BOB, "documents:write").await;
	let send = |token: &str, bytes: &'static [u8]| {
		let (content_type, body) = multipart(&[("file", bytes)]);
		let (app, token) = (&app, token.to_string());
		async move { upload(app, &token, &content_type, body).await }
	};
	assert_eq!(send(&alice, b"first contract").await.status, StatusCode::CREATED);
	// 14 bytes of 20 used: one more upload may pass the quota, then none.
	assert_eq!(send(&alice, b"second contract").await.status, StatusCode::CREATED);
	let refused = send(&alice, b"third").await;
	refused.assert_problem(StatusCode::PAYLOAD_TOO_LARGE);
	assert!(refused.json()["detail"].as_str().unwrap().contains("29 bytes of its quota of 20"));
	// Bob's quota is his own, even for bytes Alice stored already.
	assert_eq!(send(&bob, b"first contract").await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn files_are_stored_by_sha256_within_the_limit() {
	let config = Config { file_limit_bytes: 1000, ..Config::default() };
	let app = common::app_with(common::ready_chain(), config).await;
	let alice = token_for(&app, ALICE, "documents:write documents:read").await;

	let (content_type, body) = multipart(&[("note", b"ignored"), ("file", b"contract text")]);
	let stored = upload(&app, &alice, &content_type, body).await;
	assert_eq!(stored.status, StatusCode::CREATED, "{:?}", stored.json());
	let file = stored.json();
	// `printf 'contract text' | sha256sum`
	let hash = "0x95ade9258c790a35a666571814090a3ab4f9cb9af14a7be7e9563c5519e6242f";
	assert_eq!(file["hash"], hash);
	assert_eq!(file["hash_algorithm"], "sha2_256");
	assert_eq!(file["size"], 13);
	assert_eq!(file["media_type"], "application/pdf");
	assert!(file["uri"].as_str().unwrap().ends_with(&format!("/v1/files/{hash}")));
	let on_disk = app.state.config.data_dir.join("files/sha256/95/ad").join(&hash[2..]);
	assert_eq!(std::fs::read(on_disk).unwrap(), b"contract text");

	let (content_type, body) = multipart(&[("file", &[7u8; 1001])]);
	let too_large = upload(&app, &alice, &content_type, body).await;
	assert_eq!(too_large.status, StatusCode::PAYLOAD_TOO_LARGE);
	assert_eq!(too_large.header(header::CONTENT_TYPE), Some("application/problem+json"));
	let (content_type, body) = multipart(&[("other", b"x")]);
	assert_eq!(upload(&app, &alice, &content_type, body).await.status, StatusCode::BAD_REQUEST);
	assert_eq!(
		upload(&app, &alice, "application/json", b"{}".to_vec()).await.status,
		StatusCode::BAD_REQUEST
	);
	let reader = token_for(&app, ALICE, "documents:read").await;
	let (content_type, body) = multipart(&[("file", b"x")]);
	assert_eq!(upload(&app, &reader, &content_type, body).await.status, StatusCode::FORBIDDEN);

	// Downloads are checked against the chain: without a node, the gateway says so.
	let offline = app.get(&format!("/v1/files/{hash}"), Some(&alice)).await;
	assert_eq!(offline.status, StatusCode::SERVICE_UNAVAILABLE);
	assert_eq!(app.get("/v1/files/0x12", Some(&alice)).await.status, StatusCode::BAD_REQUEST);
	let unknown = format!("/v1/files/0x{}", "00".repeat(32));
	assert_eq!(app.get(&unknown, Some(&alice)).await.status, StatusCode::NOT_FOUND);
}
