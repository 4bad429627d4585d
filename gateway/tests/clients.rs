//! In process: client registration and data changes as stored (sealed data, the hash in the
//! submission, a generated key for custodial clients), idempotency, every refusal, and who sees a
//! client. The chain's part is in tests/e2e/gateway-clients.test.mjs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use pactum_gateway::admin::{self, NewApiClient};
use pactum_gateway::db::{clients, signers, submissions};
use pactum_gateway::pipeline::keys;
use serde_json::{json, Value};

const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
const DAVE: &str = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";

/// A signer for `secret_uri` and a token of a new client acting for it with `scopes`.
async fn operator(app: &common::TestApp, secret_uri: &str, scopes: &str) -> String {
	let signer = keys::add_signer(&app.state.db, &app.state.sealer, secret_uri, Some(secret_uri))
		.await
		.unwrap();
	let new = NewApiClient {
		name: format!("crm {secret_uri}"),
		scopes: scopes.into(),
		refresh_tokens: false,
		act_as_account: Some(signer.account),
		redirect_uris: Vec::new(),
	};
	let client = admin::create_api_client(&app.state.db, &new).await.unwrap();
	let reply = app.token(&client, "").await;
	reply.json()["access_token"].as_str().unwrap().to_string()
}

async fn send(
	app: &common::TestApp,
	method: &str,
	path: &str,
	token: &str,
	key: Option<&str>,
	body: Value,
) -> common::Reply {
	let mut request = Request::builder()
		.method(method)
		.uri(path)
		.header(header::AUTHORIZATION, format!("Bearer {token}"))
		.header(header::CONTENT_TYPE, "application/json");
	if let Some(key) = key {
		request = request.header("idempotency-key", key);
	}
	app.send(request.body(Body::from(body.to_string())).unwrap()).await
}

async fn count(app: &common::TestApp, table: &str) -> i64 {
	let query = match table {
		"clients" => "SELECT COUNT(*) AS n FROM clients",
		"client_versions" => "SELECT COUNT(*) AS n FROM client_versions",
		_ => "SELECT COUNT(*) AS n FROM submissions",
	};
	use sqlx::Row as _;
	sqlx::query(query).fetch_one(&app.state.db.pool).await.unwrap().get::<i64, _>("n")
}

const WRITE: &str = "clients:read clients:write";

#[tokio::test]
async fn a_custodial_client_is_stored_sealed_with_a_generated_key() {
	let app = common::app().await;
	let alice = operator(&app, "//Alice", WRITE).await;
	let data = json!({ "name": "Aigerim Seitkali", "msisdn": "+77010000001" });
	let reply =
		send(&app, "POST", "/v1/clients", &alice, Some("c-1"), json!({ "data": data })).await;
	assert_eq!(reply.status, StatusCode::ACCEPTED, "{:?}", reply.json());
	let body = reply.json();
	let account = body["client"]["account"].as_str().unwrap().to_string();
	assert_eq!(reply.header(header::LOCATION), Some(format!("/v1/clients/{account}").as_str()));
	assert_eq!(body["client"]["registrar"], ALICE);
	assert_eq!(body["client"]["custody"], "gateway");
	assert_eq!(body["client"]["data"], data);
	assert_eq!(body["submission"]["kind"], "clients.register");
	assert_eq!(body["submission"]["signer"], ALICE);

	// The key is the gateway's, sealed; the data is sealed; the chain gets only the hash.
	assert!(signers::find(&app.state.db.pool, &account).await.unwrap().is_some());
	let version = clients::version(&app.state.db.pool, &account, 1).await.unwrap().unwrap();
	assert!(!String::from_utf8_lossy(&version.data_sealed).contains("Aigerim"));
	assert_eq!(version.data_hash, body["client"]["data_hash"]);
	let id = body["submission"]["id"].as_str().unwrap();
	let submission = submissions::find(&app.state.db.pool, id).await.unwrap().unwrap();
	assert!(!submission.request_json.contains("Aigerim"));
	let call: Value = serde_json::from_str(&submission.request_json).unwrap();
	assert_eq!(
		call,
		json!({ "kind": "clients.register", "account": account, "data_hash": version.data_hash })
	);

	// A replay answers the same client and submission; another request under the key is a 422.
	let again =
		send(&app, "POST", "/v1/clients", &alice, Some("c-1"), json!({ "data": data })).await;
	assert_eq!(again.status, StatusCode::ACCEPTED);
	assert_eq!(again.header(header::HeaderName::from_static("idempotent-replayed")), Some("true"));
	assert_eq!(again.json()["client"]["account"], account.as_str());
	assert_eq!(again.json()["submission"]["id"], id);
	let other = send(&app, "POST", "/v1/clients", &alice, Some("c-1"), json!({ "data": {} })).await;
	other.assert_problem(StatusCode::UNPROCESSABLE_ENTITY);
	assert_eq!((count(&app, "clients").await, count(&app, "submissions").await), (1, 1));
}

#[tokio::test]
async fn bad_requests_store_nothing() {
	let app = common::app().await;
	let alice = operator(&app, "//Alice", WRITE).await;
	let refused = [
		json!({ "data": "not an object" }),
		json!({ "data": {}, "custody": "self" }),
		json!({ "data": {}, "custody": "self", "account": "bob" }),
		json!({ "data": {}, "account": BOB }),
		json!({ "data": {}, "custody": "someone" }),
		json!({ "data": {}, "colour": "blue" }),
		json!({ "data": { "notes": "x".repeat(70_000) } }),
	];
	for (i, body) in refused.into_iter().enumerate() {
		let reply =
			send(&app, "POST", "/v1/clients", &alice, Some(&format!("bad-{i}")), body).await;
		let problem = reply.assert_problem(StatusCode::BAD_REQUEST);
		assert!(problem["detail"].is_string(), "{problem}");
	}
	let no_key = send(&app, "POST", "/v1/clients", &alice, None, json!({ "data": {} })).await;
	no_key.assert_problem(StatusCode::BAD_REQUEST);
	let no_token = app.send(
		Request::builder()
			.method("POST")
			.uri("/v1/clients")
			.header(header::CONTENT_TYPE, "application/json")
			.body(Body::from("{\"data\":{}}"))
			.unwrap(),
	);
	no_token.await.assert_problem(StatusCode::UNAUTHORIZED);
	let reader = operator(&app, "//Charlie", "clients:read").await;
	let scope = send(&app, "POST", "/v1/clients", &reader, Some("s"), json!({ "data": {} })).await;
	scope.assert_problem(StatusCode::FORBIDDEN);
	let (clients, versions, subs) = (
		count(&app, "clients").await,
		count(&app, "client_versions").await,
		count(&app, "submissions").await,
	);
	assert_eq!((clients, versions, subs), (0, 0, 0));
	assert_eq!(signers::list(&app.state.db.pool).await.unwrap().len(), 2, "no client key made");
}

#[tokio::test]
async fn a_self_custody_client_is_registered_once() {
	let app = common::app().await;
	let alice = operator(&app, "//Alice", WRITE).await;
	let body = json!({ "data": { "name": "Kazakh Rail" }, "custody": "self", "account": DAVE });
	let first = send(&app, "POST", "/v1/clients", &alice, Some("d-1"), body.clone()).await;
	assert_eq!(first.status, StatusCode::ACCEPTED, "{:?}", first.json());
	assert_eq!(first.json()["client"]["custody"], "self");
	assert!(signers::find(&app.state.db.pool, DAVE).await.unwrap().is_none(), "no key held");
	let twice = send(&app, "POST", "/v1/clients", &alice, Some("d-2"), body.clone()).await;
	twice.assert_problem(StatusCode::CONFLICT);
	assert_eq!((count(&app, "clients").await, count(&app, "submissions").await), (1, 1));

	// Once the chain refused the registration, the account may be registered again.
	sqlx::query("UPDATE submissions SET status = 'failed', error = 'Registry.MissingRole'")
		.execute(&app.state.db.pool)
		.await
		.unwrap();
	let again = send(&app, "POST", "/v1/clients", &alice, Some("d-3"), body).await;
	assert_eq!(again.status, StatusCode::ACCEPTED, "{:?}", again.json());
	let history = app.get(&format!("/v1/clients/{DAVE}/history"), Some(&alice)).await.json();
	assert_eq!(history["versions"].as_array().unwrap().len(), 1);
	assert_eq!(history["versions"][0]["submission"]["id"], again.json()["submission"]["id"]);
}

#[tokio::test]
async fn only_the_registrar_changes_a_client_and_only_it_and_the_client_see_it() {
	let app = common::app().await;
	let alice = operator(&app, "//Alice", WRITE).await;
	let bob = operator(&app, "//Bob", WRITE).await;
	let body = json!({ "data": { "name": "v1" }, "custody": "self", "account": DAVE });
	send(&app, "POST", "/v1/clients", &alice, Some("d-1"), body).await;
	let path = format!("/v1/clients/{DAVE}/data");

	let by_bob =
		send(&app, "PUT", &path, &bob, Some("u-1"), json!({ "data": { "name": "x" } })).await;
	by_bob.assert_problem(StatusCode::NOT_FOUND);
	let unknown = send(
		&app,
		"PUT",
		&format!("/v1/clients/{BOB}/data"),
		&alice,
		Some("u-0"),
		json!({ "data": {} }),
	)
	.await;
	unknown.assert_problem(StatusCode::NOT_FOUND);
	let changed =
		send(&app, "PUT", &path, &alice, Some("u-2"), json!({ "data": { "name": "v2" } })).await;
	assert_eq!(changed.status, StatusCode::ACCEPTED, "{:?}", changed.json());
	assert_eq!(changed.json()["client"]["version"], 2);
	assert_eq!(changed.json()["submission"]["kind"], "clients.update");
	let replayed =
		send(&app, "PUT", &path, &alice, Some("u-2"), json!({ "data": { "name": "v2" } })).await;
	assert_eq!(replayed.json()["client"]["version"], 2, "a replay makes no third version");

	let history = app.get(&format!("/v1/clients/{DAVE}/history"), Some(&alice)).await;
	assert_eq!(history.status, StatusCode::OK);
	let versions = history.json()["versions"].as_array().unwrap().clone();
	let names: Vec<&Value> = versions.iter().map(|v| &v["data"]["name"]).collect();
	assert_eq!(names, [&json!("v1"), &json!("v2")]);
	assert!(versions.iter().all(|v| v["submission"]["status"] == "accepted"));
	assert_ne!(versions[0]["data_hash"], versions[1]["data_hash"]);

	// The client itself (a token acting for its account) reads its history too.
	let dave = operator(&app, "//Dave", "clients:read").await;
	assert_eq!(
		app.get(&format!("/v1/clients/{DAVE}/history"), Some(&dave)).await.status,
		StatusCode::OK
	);

	let alices = app.get("/v1/clients", Some(&alice)).await.json();
	assert_eq!(alices["clients"][0]["account"], DAVE);
	assert_eq!(alices["clients"][0]["version"], 2);
	assert_eq!(app.get("/v1/clients", Some(&bob)).await.json()["clients"], json!([]));
	app.get(&format!("/v1/clients/{DAVE}/history"), Some(&bob))
		.await
		.assert_problem(StatusCode::NOT_FOUND);
	app.get(&format!("/v1/clients/{DAVE}"), Some(&bob)).await.assert_problem(StatusCode::NOT_FOUND);
	app.get("/v1/clients?limit=0", Some(&alice)).await.assert_problem(StatusCode::BAD_REQUEST);

	// The history a page at a time.
	let history = |query: &'static str| {
		let (app, alice) = (&app, &alice);
		async move { app.get(&format!("/v1/clients/{DAVE}/history{query}"), Some(alice)).await }
	};
	let first = history("?limit=1").await.json();
	assert_eq!(first["versions"][0]["version"], 1);
	assert_eq!(first["next_after"], 1);
	let second = history("?after=1&limit=1").await.json();
	assert_eq!(second["versions"][0]["data"]["name"], "v2");
	assert_eq!(history("?after=2").await.json()["versions"], json!([]));
	assert_eq!(history("").await.json()["next_after"], Value::Null, "the last page");
	history("?limit=101").await.assert_problem(StatusCode::BAD_REQUEST);

	// Only the registrar takes the client out of the registry.
	let path = format!("/v1/clients/{DAVE}");
	send(&app, "DELETE", &path, &bob, Some("x-1"), Value::Null)
		.await
		.assert_problem(StatusCode::NOT_FOUND);
	send(&app, "DELETE", &path, &dave, Some("x-2"), Value::Null)
		.await
		.assert_problem(StatusCode::FORBIDDEN);
	let exit = send(&app, "DELETE", &path, &alice, Some("x-3"), Value::Null).await;
	assert_eq!(exit.status, StatusCode::ACCEPTED, "{:?}", exit.json());
	assert_eq!(exit.json()["kind"], "clients.deregister");
}
