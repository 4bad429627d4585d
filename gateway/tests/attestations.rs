//! In process: the attestation reads' guards (their scope, exactly one selector, every bad value a
//! 400 problem before the node is asked), the block and transaction lookups answered from a
//! seeded chain index (a block beyond the index, a transaction unknown or that recorded no
//! attestation event: 404s), attestation events on the event page, and the endpoints and the
//! scope in the OpenAPI document and the server metadata. What the node answers is checked by
//! tests/e2e/gateway-attestations.test.mjs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::StatusCode;
use pactum_gateway::admin::{self, NewApiClient};
use pactum_gateway::db::chain_index::{self, EventRow, ExtrinsicRow};
use pactum_gateway::db::cursors::{self, Follower};
use serde_json::json;

const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

/// An access token of a new client with `scopes`, acting for `account` if given.
async fn token(app: &common::TestApp, scopes: &str, account: Option<&str>) -> String {
	let new = NewApiClient {
		name: format!("crm-{}", account.unwrap_or("none")),
		scopes: scopes.into(),
		refresh_tokens: false,
		act_as_account: account.map(str::to_string),
		redirect_uris: Vec::new(),
	};
	let client = admin::create_api_client(&app.state.db, &new).await.unwrap();
	let reply = app.token(&client, "").await;
	assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.json());
	reply.json()["access_token"].as_str().unwrap().to_string()
}

fn block_hash(block: i64) -> String {
	format!("0x{block:064x}")
}

/// Indexes the extrinsic `index` of `block` with the hash `[tx; 32]`, and its events.
async fn extrinsic(
	app: &common::TestApp,
	block: i64,
	index: i64,
	tx: u8,
	call: (&str, &str),
	events: &[(i64, &str, serde_json::Value)],
) {
	let mut conn = app.state.db.pool.acquire().await.unwrap();
	let row = ExtrinsicRow {
		block_number: block,
		extrinsic_index: index,
		block_hash: block_hash(block),
		tx_hash: vec![tx; 32],
		pallet: call.0.into(),
		call: call.1.into(),
		signer: Some(ALICE.into()),
		error: None,
	};
	chain_index::insert_extrinsic(&mut conn, &row).await.unwrap();
	for (position, event_type, data) in events {
		let row = EventRow {
			seq: chain_index::seq_of(block, *position),
			block_number: block,
			block_hash: block_hash(block),
			extrinsic_index: Some(index),
			event_type: (*event_type).into(),
			data_json: data.to_string(),
			block_time: None,
		};
		chain_index::insert_event(&mut conn, &row, &[BOB.to_string()]).await.unwrap();
	}
}

/// `GET /v1/attestations?<query>` with `token`.
async fn lookup(app: &common::TestApp, token: &str, query: &str) -> common::Reply {
	app.get(&format!("/v1/attestations?{query}"), Some(token)).await
}

#[tokio::test]
async fn reading_attestations_needs_its_scope_and_exactly_one_good_selector() {
	let app = common::app().await;
	let reader = token(&app, "attestations:read", None).await;
	let other = token(&app, "certificates:read events:read", None).await;

	let by_issuer = format!("/v1/attestations?issuer={ALICE}");
	for path in ["/v1/attestations/1", by_issuer.as_str()] {
		app.get(path, None).await.assert_problem(StatusCode::UNAUTHORIZED);
		let problem = app.get(path, Some(&other)).await.assert_problem(StatusCode::FORBIDDEN);
		assert_eq!(problem["required_scope"], "attestations:read", "{path}");
	}
	for bad in [
		"/v1/attestations".to_string(),
		format!("/v1/attestations?subject={ALICE}&issuer={ALICE}"),
		"/v1/attestations?schema=1&block=5".into(),
		format!("/v1/attestations?issuer={ALICE}&transaction=0x{}", "11".repeat(32)),
		"/v1/attestations?subject=alice".into(),
		"/v1/attestations?subject=0x1234".into(),
		"/v1/attestations?subject=".into(),
		"/v1/attestations?issuer=bob".into(),
		"/v1/attestations?schema=x".into(),
		"/v1/attestations?schema=-1".into(),
		"/v1/attestations?schema=1&limit=0".into(),
		"/v1/attestations?schema=1&limit=101".into(),
		"/v1/attestations?schema=1&after=x".into(),
		"/v1/attestations?block=x".into(),
		"/v1/attestations?transaction=0xzz".into(),
		"/v1/attestations?transaction=0x1234".into(),
		"/v1/attestations/x".into(),
		"/v1/attestations/-1".into(),
	] {
		let reply = app.get(&bad, Some(&reader)).await;
		assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}: {:?}", reply.json());
		reply.assert_problem(StatusCode::BAD_REQUEST);
	}
	// Good requests reach the node, which this test's chain does not serve.
	let device = format!("0x{}", "ab".repeat(32));
	for good in [
		"/v1/attestations/7".to_string(),
		format!("/v1/attestations?subject={ALICE}"),
		format!("/v1/attestations?subject={device}&limit=100"),
		format!("/v1/attestations?issuer={BOB}&after=3&limit=1"),
		"/v1/attestations?schema=0".into(),
	] {
		let reply = app.get(&good, Some(&reader)).await;
		assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE, "{good}: {:?}", reply.json());
		reply.assert_problem(StatusCode::SERVICE_UNAVAILABLE);
	}
}

#[tokio::test]
async fn blocks_and_transactions_are_looked_up_in_the_chain_index() {
	let app = common::app().await;
	let reader = token(&app, "attestations:read", None).await;
	let certificate = json!({ "hash": format!("0x{}", "cc".repeat(32)) });
	let issued = json!({
		"attestation": 3, "schema": 0, "issuer": ALICE, "subject": { "account": BOB },
		"claim_hash": format!("0x{}", "dd".repeat(32)), "expires_at": null, "pending": true,
	});
	let certificates = [(2, "certificate.issued", certificate)];
	extrinsic(&app, 5, 1, 0xc1, ("Documents", "issue_certificate"), &certificates).await;
	let attestations = [(3, "attestation.issued", issued)];
	extrinsic(&app, 5, 2, 0xa1, ("Attestations", "issue"), &attestations).await;
	extrinsic(&app, 6, 0, 0x71, ("Timestamp", "set"), &[]).await;

	// Nothing is indexed yet: every block is beyond the index.
	lookup(&app, &reader, "block=5").await.assert_problem(StatusCode::NOT_FOUND);
	cursors::set(&app.state.db.pool, Follower::Index, 6, &block_hash(6)).await.unwrap();

	// An indexed block without attestation events: its hash, and no event (the node not asked).
	let quiet = lookup(&app, &reader, "block=6").await;
	assert_eq!(quiet.status, StatusCode::OK, "{:?}", quiet.json());
	assert_eq!(
		quiet.json(),
		json!({ "block": { "block_number": 6, "block_hash": block_hash(6) }, "attestations": [] })
	);
	lookup(&app, &reader, "block=7").await.assert_problem(StatusCode::NOT_FOUND);
	lookup(&app, &reader, "block=-1").await.assert_problem(StatusCode::NOT_FOUND);

	// A transaction unknown, or one that recorded no attestation event.
	let tx = |byte: u8| format!("transaction=0x{}", hex::encode([byte; 32]));
	lookup(&app, &reader, &tx(0x99)).await.assert_problem(StatusCode::NOT_FOUND);
	lookup(&app, &reader, &tx(0xc1)).await.assert_problem(StatusCode::NOT_FOUND);

	// The block and the transaction that issued one are found; the attestation's view now is the
	// node's, which this test's chain does not serve.
	lookup(&app, &reader, &tx(0xa1)).await.assert_problem(StatusCode::SERVICE_UNAVAILABLE);
	lookup(&app, &reader, "block=5").await.assert_problem(StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn attestation_events_are_on_the_event_page_by_type() {
	let app = common::app().await;
	let bob = token(&app, "events:read", Some(BOB)).await;
	let revoked = json!({ "attestation": 3, "by": ALICE, "reason": "AffiliationChanged" });
	extrinsic(&app, 8, 1, 0xb1, ("Attestations", "revoke"), &[(4, "attestation.revoked", revoked)])
		.await;
	let page = app.get("/v1/events?types=attestation.issued,attestation.revoked", Some(&bob)).await;
	assert_eq!(page.status, StatusCode::OK, "{:?}", page.json());
	let events = page.json()["events"].clone();
	assert_eq!(events.as_array().unwrap().len(), 1);
	assert_eq!(events[0]["type"], "attestation.revoked");
	assert_eq!(events[0]["data"]["reason"], "AffiliationChanged");
	assert_eq!(events[0]["extrinsic_index"], 1);
	for known in [
		"attestation.accepted",
		"attestation.declined",
		"attestation.amended",
		"attestation.renewed",
		"attestation.removed",
		"attestation.presented",
		"attestation.endorsed",
		"attestation.recovered",
	] {
		let reply = app.get(&format!("/v1/events?types={known}"), Some(&bob)).await;
		assert_eq!(reply.status, StatusCode::OK, "{known}");
	}
	let unknown = app.get("/v1/events?types=attestation.forged", Some(&bob)).await;
	unknown.assert_problem(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_endpoints_and_the_scope_are_published() {
	let app = common::app().await;
	let doc = app.get("/openapi.json", None).await.json();
	for path in ["/v1/attestations", "/v1/attestations/{id}"] {
		assert!(doc["paths"][path]["get"].is_object(), "{path} is documented");
		assert_eq!(
			doc["paths"][path]["get"]["security"][0]["bearer"],
			json!(["attestations:read"])
		);
	}
	let meta = app.get("/.well-known/oauth-authorization-server", None).await.json();
	let scopes = meta["scopes_supported"].as_array().unwrap();
	assert!(scopes.iter().any(|s| s == "attestations:read"), "{scopes:?}");
}
