//! In process, with a real HTTP server on 127.0.0.1 publishing an identity provider's JWK Set:
//! tokens of a configured external issuer act as their API client with the scopes both hold;
//! wrong audience, expiry, an unknown or forged key, a symmetric algorithm, a retired client and
//! an unconfigured issuer are refused.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use pactum_gateway::admin::{self, NewApiClient};
use pactum_gateway::auth::external::ExternalIssuers;
use pactum_gateway::auth::keys::{generate, GeneratedKey};
use pactum_gateway::config::ExternalIssuer;
use serde_json::{json, Value};

const ISSUER: &str = "https://idp.operator.example/realms/crm";
const AUDIENCE: &str = "pactum-gateway";

/// Serves `keys` as a JWK Set at `http://127.0.0.1:<port>/jwks`.
async fn identity_provider(keys: JwkSet) -> String {
	let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
	let url = format!("http://{}/jwks", listener.local_addr().unwrap());
	let keys = Arc::new(keys);
	let app = axum::Router::new().route(
		"/jwks",
		axum::routing::get(move || {
			let keys = keys.clone();
			async move { axum::Json((*keys).clone()) }
		}),
	);
	tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
	url
}

fn now() -> u64 {
	std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

fn token(key: &GeneratedKey, claims: Value) -> String {
	let mut header = Header::new(Algorithm::ES256);
	header.kid = Some(key.kid.clone());
	encode(&header, &claims, &EncodingKey::from_ec_der(&key.pkcs8_der)).unwrap()
}

fn claims(scope: &str) -> Value {
	json!({ "iss": ISSUER, "aud": AUDIENCE, "sub": "crm-backend", "exp": now() + 300, "nbf": now() - 5, "scope": scope })
}

async fn whoami(router: &axum::Router, token: &str) -> common::Reply {
	let request = Request::builder()
		.uri("/v1/whoami")
		.header(header::AUTHORIZATION, format!("Bearer {token}"))
		.body(Body::empty())
		.unwrap();
	common::send(router, request).await
}

#[tokio::test]
async fn an_external_token_acts_as_its_client_with_the_scopes_both_hold() {
	let app = common::app().await;
	let key = generate().unwrap();
	let url = identity_provider(JwkSet { keys: vec![key.jwk.clone()] }).await;
	let new = NewApiClient {
		name: "operator idp".into(),
		scopes: "clients:read documents:read".into(),
		refresh_tokens: false,
		act_as_account: Some("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY".into()),
		redirect_uris: Vec::new(),
	};
	let client = admin::create_api_client(&app.state.db, &new).await.unwrap();
	let mut state = app.state.clone();
	state.external = Arc::new(ExternalIssuers::new(&[ExternalIssuer {
		issuer: ISSUER.into(),
		jwks_url: url,
		audience: AUDIENCE.into(),
		client_id: client.client_id.clone(),
	}]));
	let router = pactum_gateway::app::router(state);

	let me =
		whoami(&router, &token(&key, claims("documents:read tokens:write clients:read"))).await;
	assert_eq!(me.status, StatusCode::OK, "{:?}", me.json());
	assert_eq!(me.json()["client_id"], client.client_id.as_str());
	assert_eq!(me.json()["subject"], format!("ext:{ISSUER}#crm-backend"));
	assert_eq!(me.json()["scopes"], json!(["documents:read", "clients:read"]));

	let refused = |claims: Value| {
		let key = &key;
		let router = &router;
		async move {
			let reply = whoami(router, &token(key, claims)).await;
			reply.assert_problem(StatusCode::UNAUTHORIZED);
		}
	};
	let mut wrong_audience = claims("clients:read");
	wrong_audience["aud"] = json!("someone-else");
	refused(wrong_audience).await;
	let mut expired = claims("clients:read");
	expired["exp"] = json!(now() - 120);
	refused(expired).await;
	let mut early = claims("clients:read");
	early["nbf"] = json!(now() + 600);
	refused(early).await;
	let mut anonymous = claims("clients:read");
	anonymous.as_object_mut().unwrap().remove("sub");
	refused(anonymous).await;

	// A key the provider does not publish, under the published key's id or its own.
	let forged = generate().unwrap();
	let mut header = Header::new(Algorithm::ES256);
	header.kid = Some(key.kid.clone());
	let under_kid =
		encode(&header, &claims("clients:read"), &EncodingKey::from_ec_der(&forged.pkcs8_der))
			.unwrap();
	whoami(&router, &under_kid).await.assert_problem(StatusCode::UNAUTHORIZED);
	whoami(&router, &token(&forged, claims("clients:read")))
		.await
		.assert_problem(StatusCode::UNAUTHORIZED);
	// A symmetric token "signed" with the public key's bytes.
	let mut hs = Header::new(Algorithm::HS256);
	hs.kid = Some(key.kid.clone());
	let public = serde_json::to_vec(&key.jwk).unwrap();
	let confused =
		encode(&hs, &claims("clients:read"), &EncodingKey::from_secret(&public).unwrap()).unwrap();
	whoami(&router, &confused).await.assert_problem(StatusCode::UNAUTHORIZED);

	// Once its client is retired, the provider's tokens open nothing.
	admin::retire_api_client(&app.state.db, &client.client_id, 600).await.unwrap();
	whoami(&router, &token(&key, claims("clients:read")))
		.await
		.assert_problem(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_token_of_an_issuer_not_configured_is_refused() {
	let app = common::app().await;
	let key = generate().unwrap();
	let mut other = claims("clients:read");
	other["iss"] = json!("https://elsewhere.example");
	whoami(&app.router, &token(&key, other)).await.assert_problem(StatusCode::UNAUTHORIZED);
}
