//! In process: a proposal's reason words are stored with the submission, in one transaction, and
//! only as what the hash on chain is of; every refusal stores nothing. The chain's part (the words
//! shown as the version's `reasonText` to whoever may read the document) is in
//! tests/e2e/gateway-documents.test.mjs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use pactum_gateway::admin::{self, NewApiClient};
use pactum_gateway::db::{reasons, submissions};
use pactum_gateway::pipeline::calls::reason_hash_of;
use pactum_gateway::pipeline::keys;
use serde_json::{json, Value};

async fn operator(app: &common::TestApp) -> String {
	let signer = keys::add_signer(&app.state.db, &app.state.sealer, "//Alice", Some("//Alice"))
		.await
		.unwrap();
	let new = NewApiClient {
		name: "crm".into(),
		scopes: "documents:write".into(),
		refresh_tokens: false,
		act_as_account: Some(signer.account),
		redirect_uris: Vec::new(),
	};
	let client = admin::create_api_client(&app.state.db, &new).await.unwrap();
	app.token(&client, "").await.json()["access_token"].as_str().unwrap().to_string()
}

async fn post(
	app: &common::TestApp,
	token: &str,
	path: &str,
	key: &str,
	body: Value,
) -> common::Reply {
	let request = Request::builder()
		.method("POST")
		.uri(path)
		.header(header::AUTHORIZATION, format!("Bearer {token}"))
		.header(header::CONTENT_TYPE, "application/json")
		.header("idempotency-key", key)
		.body(Body::from(body.to_string()))
		.unwrap();
	app.send(request).await
}

async fn kept(app: &common::TestApp, document: i64) -> Vec<(String, String)> {
	reasons::of_document(&app.state.db.pool, document).await.unwrap()
}

#[tokio::test]
async fn the_words_are_kept_with_the_proposal_as_what_its_hash_is_of() {
	let app = common::app().await;
	let token = operator(&app).await;
	let words = "Тарифы роуминга на 2027 год\n(приложение 3)";
	let amendment = json!({
		"hash": format!("0x{}", "ab".repeat(32)),
		"uri": "https://files.example/annex-3",
		"reason": words,
	});
	let reply = post(&app, &token, "/v1/documents/7/amendments", "a-1", amendment.clone()).await;
	assert_eq!(reply.status, StatusCode::ACCEPTED, "{:?}", reply.json());
	let id = reply.json()["id"].as_str().unwrap().to_string();
	// the chain gets the words' BLAKE2b-256; the gateway keeps the words for document 7
	let stored = submissions::find(&app.state.db.pool, &id).await.unwrap().unwrap();
	let call: Value = serde_json::from_str(&stored.request_json).unwrap();
	assert_eq!(call["reason_hash"], reason_hash_of(words));
	assert_eq!(kept(&app, 7).await, vec![(reason_hash_of(words), words.to_string())]);
	assert!(kept(&app, 8).await.is_empty());

	// A replay answers the same submission and keeps the words once.
	let again = post(&app, &token, "/v1/documents/7/amendments", "a-1", amendment).await;
	assert_eq!(again.status, StatusCode::ACCEPTED);
	assert_eq!(again.json()["id"], id.as_str());
	assert_eq!(kept(&app, 7).await.len(), 1);

	// A termination with its hash sent too (upper-case hex): the same words kept for document 9.
	let ending = "The subscriber moves abroad";
	let termination = json!({ "reason": ending, "reason_hash": reason_hash_of(ending).to_uppercase().replacen("0X", "0x", 1) });
	let reply = post(&app, &token, "/v1/documents/9/terminations", "t-1", termination).await;
	assert_eq!(reply.status, StatusCode::ACCEPTED, "{:?}", reply.json());
	assert_eq!(kept(&app, 9).await, vec![(reason_hash_of(ending), ending.to_string())]);
}

#[tokio::test]
async fn words_that_are_not_what_the_hash_is_of_or_not_words_store_nothing() {
	let app = common::app().await;
	let token = operator(&app).await;
	let refusals = [
		(
			json!({ "reason": "a", "reason_hash": reason_hash_of("b") }),
			"not the blake2-256 of reason",
		),
		(json!({ "reason": "before\u{0}after" }), "control characters"),
		(json!({ "reason": "   " }), "not only spaces"),
		(json!({ "reason": "я".repeat(2_001) }), "1 to 2000"),
		(json!({}), "reason_hash or reason is required"),
	];
	for (i, (body, why)) in refusals.into_iter().enumerate() {
		let reply =
			post(&app, &token, "/v1/documents/7/terminations", &format!("t-{i}"), body).await;
		reply.assert_problem(StatusCode::BAD_REQUEST);
		let detail = reply.json()["detail"].as_str().unwrap().to_string();
		assert!(detail.contains(why), "{detail}");
	}
	assert!(kept(&app, 7).await.is_empty());
	use sqlx::Row as _;
	let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM submissions")
		.fetch_one(&app.state.db.pool)
		.await
		.unwrap()
		.get("n");
	assert_eq!(n, 0);
}
