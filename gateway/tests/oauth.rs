//! The OAuth matrix: each grant's success, each RFC 6749 §5.2 error, refresh rotation and reuse
//! detection, revocation (RFC 7009), and an access token verified against the published JWKS.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::{header, StatusCode};
use common::{app, basic_header, enc};
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{decode, decode_header, Algorithm, DecodingKey, Validation};

const SCOPES: &str = "documents:read documents:write";

#[tokio::test]
async fn client_credentials_by_basic_gives_a_jwt_that_verifies_against_the_jwks() {
	let app = app().await;
	let client = app.client(SCOPES, false).await;
	let reply = app.token(&client, "").await;
	assert_eq!(reply.status, StatusCode::OK);
	assert_eq!(reply.header(header::CACHE_CONTROL), Some("no-store"));
	let body = reply.json();
	assert_eq!(body["token_type"], "Bearer");
	assert_eq!(body["scope"], SCOPES);
	assert!(body.get("refresh_token").is_none(), "no refresh token unless enabled for the client");
	let token = body["access_token"].as_str().unwrap();

	let jwks: JwkSet =
		serde_json::from_slice(&app.get("/.well-known/jwks.json", None).await.body).unwrap();
	let header = decode_header(token).unwrap();
	assert_eq!(header.alg, Algorithm::ES256);
	assert_eq!(header.typ.as_deref(), Some("at+jwt"));
	let jwk = jwks.find(header.kid.as_deref().unwrap()).expect("the kid is published");
	let mut validation = Validation::new(Algorithm::ES256);
	validation.set_issuer(&["http://127.0.0.1:8080"]);
	validation.set_audience(&["pactum-gateway"]);
	let claims =
		decode::<serde_json::Value>(token, &DecodingKey::from_jwk(jwk).unwrap(), &validation)
			.unwrap()
			.claims;
	assert_eq!(claims["sub"], client.client_id.as_str());
	assert_eq!(claims["client_id"], client.client_id.as_str());
	assert_eq!(claims["scope"], SCOPES);

	let me = app.get("/v1/whoami", Some(token)).await;
	assert_eq!(me.status, StatusCode::OK);
	assert_eq!(me.json()["client_id"], client.client_id.as_str());
}

#[tokio::test]
async fn client_credentials_by_body_and_a_narrower_scope() {
	let app = app().await;
	let client = app.client(SCOPES, false).await;
	let body = format!(
		"grant_type=client_credentials&client_id={}&client_secret={}&scope=documents%3Aread",
		enc(&client.client_id),
		enc(&client.client_secret)
	);
	let reply = app.post_form("/oauth/token", &body, None).await;
	assert_eq!(reply.status, StatusCode::OK);
	assert_eq!(reply.json()["scope"], "documents:read");
}

#[tokio::test]
async fn invalid_client() {
	let app = app().await;
	let client = app.client(SCOPES, false).await;
	let wrong = app
		.post_form(
			"/oauth/token",
			"grant_type=client_credentials",
			Some((&client.client_id, "nope")),
		)
		.await;
	wrong.assert_oauth_error(StatusCode::UNAUTHORIZED, "invalid_client");
	assert!(wrong.header(header::WWW_AUTHENTICATE).unwrap().starts_with("Basic"));
	let unknown = app
		.post_form("/oauth/token", "grant_type=client_credentials", Some(("someone", "x")))
		.await;
	unknown.assert_oauth_error(StatusCode::UNAUTHORIZED, "invalid_client");
	let anonymous = app.post_form("/oauth/token", "grant_type=client_credentials", None).await;
	anonymous.assert_oauth_error(StatusCode::UNAUTHORIZED, "invalid_client");

	let access = app.token(&client, "").await.json()["access_token"].as_str().unwrap().to_string();
	assert_eq!(app.get("/v1/whoami", Some(&access)).await.status, StatusCode::OK);
	pactum_gateway::admin::retire_api_client(&app.state.db, &client.client_id, 600).await.unwrap();
	app.token(&client, "").await.assert_oauth_error(StatusCode::UNAUTHORIZED, "invalid_client");
	// Its access tokens stop working once the gateway reloads its denylist (every ten seconds).
	app.state.revoked.reload(&app.state.db).await.unwrap();
	app.get("/v1/whoami", Some(&access)).await.assert_problem(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn invalid_request() {
	let app = app().await;
	let client = app.client(SCOPES, false).await;
	let creds = Some((client.client_id.as_str(), client.client_secret.as_str()));
	// no grant_type
	app.post_form("/oauth/token", "scope=documents%3Aread", creds)
		.await
		.assert_oauth_error(StatusCode::BAD_REQUEST, "invalid_request");
	// a repeated parameter, also when one of them is empty
	for body in [
		"grant_type=client_credentials&grant_type=client_credentials",
		"grant_type=client_credentials&grant_type=",
	] {
		app.post_form("/oauth/token", body, creds)
			.await
			.assert_oauth_error(StatusCode::BAD_REQUEST, "invalid_request");
	}
	// two client authentication methods
	let both =
		format!("grant_type=client_credentials&client_secret={}", enc(&client.client_secret));
	app.post_form("/oauth/token", &both, creds)
		.await
		.assert_oauth_error(StatusCode::BAD_REQUEST, "invalid_request");
	// not a form
	let json = axum::http::Request::post("/oauth/token")
		.header(header::CONTENT_TYPE, "application/json")
		.header(header::AUTHORIZATION, basic_header(&client.client_id, &client.client_secret))
		.body(axum::body::Body::from(r#"{"grant_type":"client_credentials"}"#))
		.unwrap();
	app.send(json).await.assert_oauth_error(StatusCode::BAD_REQUEST, "invalid_request");
}

#[tokio::test]
async fn unsupported_grant_type_and_unauthorized_client() {
	let app = app().await;
	let client = app.client(SCOPES, false).await;
	let creds = Some((client.client_id.as_str(), client.client_secret.as_str()));
	for grant in ["password", "implicit", "urn:ietf:params:oauth:grant-type:jwt-bearer"] {
		let body = format!("grant_type={}", enc(grant));
		app.post_form("/oauth/token", &body, creds)
			.await
			.assert_oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type");
	}
	// refresh_token is not enabled for this client, authorization_code only for portal clients
	app.post_form("/oauth/token", "grant_type=refresh_token&refresh_token=abc", creds)
		.await
		.assert_oauth_error(StatusCode::BAD_REQUEST, "unauthorized_client");
	app.post_form("/oauth/token", "grant_type=authorization_code&code=abc", creds)
		.await
		.assert_oauth_error(StatusCode::BAD_REQUEST, "unauthorized_client");
}

#[tokio::test]
async fn invalid_scope() {
	let app = app().await;
	let client = app.client("documents:read", false).await;
	app.token(&client, "&scope=documents%3Awrite")
		.await
		.assert_oauth_error(StatusCode::BAD_REQUEST, "invalid_scope");
	app.token(&client, "&scope=admin")
		.await
		.assert_oauth_error(StatusCode::BAD_REQUEST, "invalid_scope");
}

async fn refresh(
	app: &common::TestApp,
	client: &pactum_gateway::admin::CreatedApiClient,
	token: &str,
	extra: &str,
) -> common::Reply {
	let body = format!("grant_type=refresh_token&refresh_token={}{extra}", enc(token));
	app.post_form("/oauth/token", &body, Some((&client.client_id, &client.client_secret))).await
}

#[tokio::test]
async fn refresh_rotates_and_a_reused_token_revokes_its_family() {
	let app = app().await;
	let client = app.client(SCOPES, true).await;
	let first = app.token(&client, "").await.json();
	let rt1 = first["refresh_token"].as_str().unwrap().to_string();
	let at1 = first["access_token"].as_str().unwrap().to_string();

	let second = refresh(&app, &client, &rt1, "").await;
	assert_eq!(second.status, StatusCode::OK);
	let rt2 = second.json()["refresh_token"].as_str().unwrap().to_string();
	assert_ne!(rt1, rt2);
	assert_eq!(second.json()["scope"], SCOPES);

	// A narrower access token; the family keeps the original scope.
	let third = refresh(&app, &client, &rt2, "&scope=documents%3Aread").await;
	assert_eq!(third.json()["scope"], "documents:read");
	let rt3 = third.json()["refresh_token"].as_str().unwrap().to_string();
	let at3 = third.json()["access_token"].as_str().unwrap().to_string();
	assert_eq!(app.get("/v1/whoami", Some(&at3)).await.status, StatusCode::OK);

	// rt1 again: reuse. The family is revoked, so the current rt3 stops working too, and so do
	// the access tokens issued with the family (the first and the latest).
	refresh(&app, &client, &rt1, "")
		.await
		.assert_oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
	refresh(&app, &client, &rt3, "")
		.await
		.assert_oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
	for access in [&at1, &at3] {
		app.get("/v1/whoami", Some(access)).await.assert_problem(StatusCode::UNAUTHORIZED);
	}
	// A new family of the same client is not affected.
	let fresh = app.token(&client, "").await.json();
	let fresh_access = fresh["access_token"].as_str().unwrap();
	assert_eq!(app.get("/v1/whoami", Some(fresh_access)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn refresh_errors() {
	let app = app().await;
	let client = app.client(SCOPES, true).await;
	let other = app.client(SCOPES, true).await;
	let rt = app.token(&client, "&scope=documents%3Aread").await.json()["refresh_token"]
		.as_str()
		.unwrap()
		.to_string();
	refresh(&app, &client, "not-a-token", "")
		.await
		.assert_oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
	refresh(&app, &other, &rt, "")
		.await
		.assert_oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
	refresh(&app, &client, &rt, "&scope=documents%3Awrite")
		.await
		.assert_oauth_error(StatusCode::BAD_REQUEST, "invalid_scope");
	// missing refresh_token
	app.post_form(
		"/oauth/token",
		"grant_type=refresh_token",
		Some((&client.client_id, &client.client_secret)),
	)
	.await
	.assert_oauth_error(StatusCode::BAD_REQUEST, "invalid_request");
	// the failed attempts above did not consume it
	assert_eq!(refresh(&app, &client, &rt, "").await.status, StatusCode::OK);
}

#[tokio::test]
async fn revocation() {
	let app = app().await;
	let client = app.client(SCOPES, true).await;
	let other = app.client(SCOPES, false).await;
	let tokens = app.token(&client, "").await.json();
	let access = tokens["access_token"].as_str().unwrap().to_string();
	let rt = tokens["refresh_token"].as_str().unwrap().to_string();
	let creds = Some((client.client_id.as_str(), client.client_secret.as_str()));

	// Another client may not revoke them.
	let theirs = format!("token={}", enc(&access));
	app.post_form("/oauth/revoke", &theirs, Some((&other.client_id, &other.client_secret)))
		.await
		.assert_oauth_error(StatusCode::BAD_REQUEST, "unauthorized_client");
	// Unauthenticated: invalid_client.
	app.post_form("/oauth/revoke", &theirs, None)
		.await
		.assert_oauth_error(StatusCode::UNAUTHORIZED, "invalid_client");

	assert_eq!(app.get("/v1/whoami", Some(&access)).await.status, StatusCode::OK);
	let body = format!("token={}&token_type_hint=access_token", enc(&access));
	assert_eq!(app.post_form("/oauth/revoke", &body, creds).await.status, StatusCode::OK);
	let refused = app.get("/v1/whoami", Some(&access)).await;
	refused.assert_problem(StatusCode::UNAUTHORIZED);
	assert!(refused.header(header::WWW_AUTHENTICATE).unwrap().contains("invalid_token"));

	// Revoking the refresh token revokes its family's access tokens too (RFC 7009 §2.1).
	let fresh = refresh(&app, &client, &rt, "").await.json();
	let rt = fresh["refresh_token"].as_str().unwrap().to_string();
	let family_access = fresh["access_token"].as_str().unwrap().to_string();
	assert_eq!(app.get("/v1/whoami", Some(&family_access)).await.status, StatusCode::OK);
	let body = format!("token={}", enc(&rt));
	assert_eq!(app.post_form("/oauth/revoke", &body, creds).await.status, StatusCode::OK);
	refresh(&app, &client, &rt, "")
		.await
		.assert_oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
	app.get("/v1/whoami", Some(&family_access)).await.assert_problem(StatusCode::UNAUTHORIZED);

	// Unknown tokens: 200 all the same (RFC 7009 §2.2).
	assert_eq!(
		app.post_form("/oauth/revoke", "token=whatever", creds).await.status,
		StatusCode::OK
	);
	// No token parameter: invalid_request.
	app.post_form("/oauth/revoke", "token_type_hint=access_token", creds)
		.await
		.assert_oauth_error(StatusCode::BAD_REQUEST, "invalid_request");
}

#[tokio::test]
async fn a_rotated_signing_key_keeps_verifying_older_tokens() {
	let app = app().await;
	let client = app.client(SCOPES, false).await;
	let old = app.token(&client, "").await.json()["access_token"].as_str().unwrap().to_string();
	pactum_gateway::admin::rotate_jwt_key(&app.state.db, &app.state.sealer).await.unwrap();
	app.state.keys.reload(&app.state.db, &app.state.sealer).await.unwrap();
	let new = app.token(&client, "").await.json()["access_token"].as_str().unwrap().to_string();
	assert_ne!(decode_header(&old).unwrap().kid, decode_header(&new).unwrap().kid);
	let jwks: JwkSet =
		serde_json::from_slice(&app.get("/.well-known/jwks.json", None).await.body).unwrap();
	assert_eq!(jwks.keys.len(), 2);
	assert_eq!(app.get("/v1/whoami", Some(&old)).await.status, StatusCode::OK);
	assert_eq!(app.get("/v1/whoami", Some(&new)).await.status, StatusCode::OK);
	assert_eq!(app.state.verified.len(), 2, "both verified once, then kept");
	assert_eq!(app.get("/v1/whoami", Some(&old)).await.status, StatusCode::OK);

	// Retiring the old key ends its tokens at once, verified before or not.
	let now = pactum_gateway::clock::now_ms();
	pactum_gateway::db::jwt_keys::retire_published_before(&app.state.db.pool, now + 1, now)
		.await
		.unwrap();
	app.state.keys.reload(&app.state.db, &app.state.sealer).await.unwrap();
	app.get("/v1/whoami", Some(&old)).await.assert_problem(StatusCode::UNAUTHORIZED);
	assert_eq!(app.get("/v1/whoami", Some(&new)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn authorization_server_metadata() {
	let app = app().await;
	let reply = app.get("/.well-known/oauth-authorization-server", None).await;
	assert_eq!(reply.status, StatusCode::OK);
	let meta = reply.json();
	assert_eq!(meta["issuer"], "http://127.0.0.1:8080");
	assert_eq!(meta["token_endpoint"], "http://127.0.0.1:8080/oauth/token");
	assert_eq!(meta["jwks_uri"], "http://127.0.0.1:8080/.well-known/jwks.json");
	assert!(meta["grant_types_supported"].as_array().unwrap().iter().any(|g| g == "refresh_token"));
}
