//! In process: a person signs in through the authorization-code grant with PKCE (RFC 7636) at a
//! public portal client, and every way it can go wrong: unknown client or redirect URI (an error
//! page, no redirect), a missing or `plain` challenge, a wrong password, a wrong verifier, a
//! second use of the code (which revokes what the first use got), another redirect URI.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::{header, StatusCode};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use pactum_gateway::admin::{self, CreatedApiClient, NewApiClient, NewUser};
use sha2::{Digest as _, Sha256};

const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
const REDIRECT: &str = "https://portal.operator.example/callback";
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

fn challenge(verifier: &str) -> String {
	URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

struct Portal {
	app: common::TestApp,
	client: CreatedApiClient,
}

async fn portal() -> Portal {
	let app = common::app().await;
	let new = NewApiClient {
		name: "client portal".into(),
		// what the portal offers: clients' and the operator's staff's scopes
		scopes: "documents:read documents:write events:read".into(),
		refresh_tokens: false,
		act_as_account: None,
		redirect_uris: vec![REDIRECT.into()],
	};
	let client = admin::create_api_client(&app.state.db, &new).await.unwrap();
	let person = NewUser {
		username: "bob@client.example".into(),
		password: zeroize::Zeroizing::new("correct horse battery".into()),
		chain_account: BOB.into(),
		scopes: admin::PERSON_SCOPES.into(),
	};
	admin::create_user(&app.state.db, &person).await.unwrap();
	let staff = NewUser {
		username: "ops@operator.example".into(),
		scopes: "documents:read documents:write".into(),
		..person.clone()
	};
	admin::create_user(&app.state.db, &staff).await.unwrap();
	let stranger =
		NewUser { username: "stranger".into(), scopes: "tokens:write".into(), ..person.clone() };
	admin::create_user(&app.state.db, &stranger).await.unwrap();
	Portal { app, client }
}

impl Portal {
	fn query(&self, extra: &[(&str, &str)]) -> String {
		let mut pairs = form_urlencoded::Serializer::new(String::new());
		pairs.append_pair("response_type", "code");
		pairs.append_pair("client_id", &self.client.client_id);
		pairs.append_pair("redirect_uri", REDIRECT);
		pairs.append_pair("state", "s-42");
		pairs.append_pair("code_challenge", &challenge(VERIFIER));
		pairs.append_pair("code_challenge_method", "S256");
		for (name, value) in extra {
			pairs.append_pair(name, value);
		}
		pairs.finish()
	}

	async fn sign_in(&self, password: &str) -> common::Reply {
		self.sign_in_as("bob@client.example", password).await
	}

	async fn sign_in_as(&self, username: &str, password: &str) -> common::Reply {
		let body = format!(
			"{}&username={}&password={}",
			self.query(&[]),
			form_urlencoded::byte_serialize(username.as_bytes()).collect::<String>(),
			form_urlencoded::byte_serialize(password.as_bytes()).collect::<String>()
		);
		self.app.post_form("/oauth/authorize", &body, None).await
	}

	/// The code from a successful sign-in's redirect.
	async fn code(&self) -> String {
		self.code_of("bob@client.example").await
	}

	async fn code_of(&self, username: &str) -> String {
		let reply = self.sign_in_as(username, "correct horse battery").await;
		assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", String::from_utf8_lossy(&reply.body));
		let location = reply.header(header::LOCATION).unwrap().to_string();
		assert!(location.starts_with(&format!("{REDIRECT}?code=")), "{location}");
		assert!(location.ends_with("&state=s-42"), "{location}");
		let url = reqwest::Url::parse(&location).unwrap();
		url.query_pairs().find(|(k, _)| k == "code").unwrap().1.into_owned()
	}

	async fn refresh(&self, refresh_token: &str) -> common::Reply {
		let id = &self.client.client_id;
		let body = format!("grant_type=refresh_token&client_id={id}&refresh_token={refresh_token}");
		self.app.post_form("/oauth/token", &body, None).await
	}

	async fn exchange(&self, code: &str, verifier: &str, redirect: &str) -> common::Reply {
		let body = form_urlencoded::Serializer::new(String::new())
			.append_pair("grant_type", "authorization_code")
			.append_pair("client_id", &self.client.client_id)
			.append_pair("code", code)
			.append_pair("redirect_uri", redirect)
			.append_pair("code_verifier", verifier)
			.finish();
		self.app.post_form("/oauth/token", &body, None).await
	}
}

#[tokio::test]
async fn a_person_signs_in_with_pkce_and_gets_a_token_for_their_account() {
	let portal = portal().await;
	let page = portal.app.get(&format!("/oauth/authorize?{}", portal.query(&[])), None).await;
	assert_eq!(page.status, StatusCode::OK);
	let html = String::from_utf8(page.body.clone()).unwrap();
	assert!(html.contains(r#"name="password""#) && html.contains("client portal"), "{html}");
	assert_eq!(page.header(header::X_FRAME_OPTIONS), Some("DENY"));
	assert!(page
		.header(header::CONTENT_SECURITY_POLICY)
		.unwrap()
		.contains("frame-ancestors 'none'"));

	let code = portal.code().await;
	let tokens = portal.exchange(&code, VERIFIER, REDIRECT).await;
	assert_eq!(tokens.status, StatusCode::OK, "{:?}", tokens.json());
	let body = tokens.json();
	assert_eq!(body["scope"], "documents:read events:read", "a client's, not the portal's write");
	let refresh = body["refresh_token"].as_str().unwrap().to_string();
	let access = body["access_token"].as_str().unwrap().to_string();
	let me = portal.app.get("/v1/whoami", Some(&access)).await.json();
	assert!(me["subject"].as_str().unwrap().starts_with("user:"), "{me}");
	assert_eq!(me["client_id"], portal.client.client_id.as_str());
	assert_eq!(me["account"], BOB, "the person's chain account");
	assert_eq!(me["custody"], serde_json::Value::Null, "not a client registered here");
	// When the person signed in: the token says so (a custodial key signs only lately after).
	let now = pactum_gateway::clock::now_secs();
	let auth_time = me["auth_time"].as_u64().unwrap();
	assert!(auth_time <= now && auth_time + 120 >= now, "{auth_time} vs {now}");

	// The person's token reads the person's account: their (empty) event page.
	let events = portal.app.get("/v1/events", Some(&access)).await;
	assert_eq!(events.status, StatusCode::OK, "{:?}", events.json());

	// A second use of the code fails and revokes the refresh token the first one gave.
	let again = portal.exchange(&code, VERIFIER, REDIRECT).await;
	assert_eq!(again.status, StatusCode::BAD_REQUEST);
	assert_eq!(again.json()["error"], "invalid_grant");
	let body = format!(
		"grant_type=refresh_token&client_id={}&refresh_token={refresh}",
		portal.client.client_id
	);
	let refused = portal.app.post_form("/oauth/token", &body, None).await;
	assert_eq!(refused.json()["error"], "invalid_grant");
}

#[tokio::test]
async fn a_persons_tokens_carry_their_own_scopes_within_the_portals() {
	let portal = portal().await;
	let code = portal.code_of("ops@operator.example").await;
	let tokens = portal.exchange(&code, VERIFIER, REDIRECT).await.json();
	assert_eq!(tokens["scope"], "documents:read documents:write", "staff write");
	// Nothing in common with what the portal asks: back to the portal with access_denied, no code.
	let refused = portal.sign_in_as("stranger", "correct horse battery").await;
	assert_eq!(refused.status, StatusCode::SEE_OTHER);
	let location = refused.header(header::LOCATION).unwrap();
	assert!(
		location.starts_with(REDIRECT) && location.contains("error=access_denied"),
		"{location}"
	);
	assert!(location.contains("state=s-42") && !location.contains("code="), "{location}");

	// A person created before scopes were per person gets a client's, never the portal's all.
	let legacy = pactum_gateway::db::users::User {
		id: "legacy-person".into(),
		username: "legacy".into(),
		scopes: None,
		..pactum_gateway::db::users::by_username(&portal.app.state.db.pool, "bob@client.example")
			.await
			.unwrap()
			.unwrap()
	};
	pactum_gateway::db::users::insert(&portal.app.state.db.pool, &legacy).await.unwrap();
	let code = portal.code_of("legacy").await;
	let tokens = portal.exchange(&code, VERIFIER, REDIRECT).await.json();
	assert_eq!(tokens["scope"], "documents:read events:read", "a client's");
}

#[tokio::test]
async fn a_refresh_carries_the_persons_scopes_as_they_are_now() {
	let portal = portal().await;
	let code = portal.code_of("ops@operator.example").await;
	let tokens = portal.exchange(&code, VERIFIER, REDIRECT).await.json();
	assert_eq!(tokens["scope"], "documents:read documents:write");
	// The operator takes the write scope away: the next access token has it no more.
	let narrowed =
		admin::set_user_scopes(&portal.app.state.db, "ops@operator.example", "documents:read")
			.await
			.unwrap();
	assert_eq!(narrowed.scopes.as_deref(), Some("documents:read"));
	let rotated = portal.refresh(tokens["refresh_token"].as_str().unwrap()).await.json();
	assert_eq!(rotated["scope"], "documents:read", "{rotated}");
	// A refreshed token keeps the time of the sign-in.
	let access = rotated["access_token"].as_str().unwrap();
	let me = portal.app.get("/v1/whoami", Some(access)).await.json();
	assert!(me["auth_time"].as_u64().is_some(), "{me}");
	assert!(admin::set_user_scopes(&portal.app.state.db, "nobody", "documents:read")
		.await
		.is_err());
	assert!(admin::set_user_scopes(&portal.app.state.db, "ops@operator.example", "")
		.await
		.is_err());
}

#[tokio::test]
async fn a_public_client_refreshes_and_revokes_by_its_id_alone() {
	let portal = portal().await;
	let code = portal.code().await;
	let tokens = portal.exchange(&code, VERIFIER, REDIRECT).await.json();
	let refresh = tokens["refresh_token"].as_str().unwrap();
	let id = &portal.client.client_id;
	let rotated = portal.refresh(refresh).await;
	assert_eq!(rotated.status, StatusCode::OK, "{:?}", rotated.json());
	let next = rotated.json()["refresh_token"].as_str().unwrap().to_string();
	let revoked =
		portal.app.post_form("/oauth/revoke", &format!("client_id={id}&token={next}"), None).await;
	assert_eq!(revoked.status, StatusCode::OK);
	let after = portal.refresh(&next).await;
	assert_eq!(after.json()["error"], "invalid_grant");
	// It cannot use client credentials, and a backend cannot go without its secret.
	let cc = portal
		.app
		.post_form("/oauth/token", &format!("grant_type=client_credentials&client_id={id}"), None)
		.await;
	assert_eq!(cc.json()["error"], "unauthorized_client");
	let backend = portal.app.client("documents:read", false).await;
	let no_secret = portal
		.app
		.post_form(
			"/oauth/token",
			&format!("grant_type=client_credentials&client_id={}", backend.client_id),
			None,
		)
		.await;
	assert_eq!(no_secret.status, StatusCode::UNAUTHORIZED);
	assert_eq!(no_secret.json()["error"], "invalid_client");
}

#[tokio::test]
async fn bad_authorization_requests_are_refused_without_an_open_redirect() {
	let portal = portal().await;
	let get = |query: String| {
		let app = &portal.app;
		async move { app.get(&format!("/oauth/authorize?{query}"), None).await }
	};
	// Unknown client or redirect URI: an error page, no redirect.
	let unknown = get(portal.query(&[]).replace(&portal.client.client_id, "nobody")).await;
	assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
	assert!(unknown.header(header::LOCATION).is_none());
	let elsewhere = get(portal.query(&[]).replace("portal.operator.example", "evil.example")).await;
	assert_eq!(elsewhere.status, StatusCode::BAD_REQUEST);
	assert!(elsewhere.header(header::LOCATION).is_none());
	let backend = portal.app.client("documents:read", false).await;
	let not_portal =
		get(portal.query(&[]).replace(&portal.client.client_id, &backend.client_id)).await;
	assert_eq!(not_portal.status, StatusCode::BAD_REQUEST);

	// The rest goes back to the client with `error` and `state`.
	let error_of = |reply: &common::Reply| {
		let location = reply.header(header::LOCATION).unwrap_or_default().to_string();
		assert!(location.starts_with(REDIRECT) && location.contains("state=s-42"), "{location}");
		reqwest::Url::parse(&location)
			.unwrap()
			.query_pairs()
			.find(|(k, _)| k == "error")
			.map(|(_, v)| v.into_owned())
			.unwrap()
	};
	let plain =
		get(portal.query(&[]).replace("code_challenge_method=S256", "code_challenge_method=plain"))
			.await;
	assert_eq!(error_of(&plain), "invalid_request");
	let short = get(portal.query(&[]).replace(&challenge(VERIFIER), "short")).await;
	assert_eq!(error_of(&short), "invalid_request");
	let token = get(portal.query(&[]).replace("response_type=code", "response_type=token")).await;
	assert_eq!(error_of(&token), "unsupported_response_type");
	let wide = get(portal.query(&[("scope", "tokens:write")])).await;
	assert_eq!(error_of(&wide), "invalid_scope");

	// A wrong password shows the page again, and no code.
	let wrong = portal.sign_in("not the password").await;
	assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
	assert!(String::from_utf8_lossy(&wrong.body).contains("Wrong username or password"));
	assert!(wrong.header(header::LOCATION).is_none());

	// A code needs the right verifier and redirect URI; a failed try uses it up.
	let code = portal.code().await;
	let other = "x".repeat(43);
	let bad_verifier = portal.exchange(&code, &other, REDIRECT).await;
	assert_eq!(bad_verifier.json()["error"], "invalid_grant");
	assert_eq!(portal.exchange(&code, VERIFIER, REDIRECT).await.json()["error"], "invalid_grant");
	let code = portal.code().await;
	let moved = portal.exchange(&code, VERIFIER, "https://portal.operator.example/other").await;
	assert_eq!(moved.json()["error"], "invalid_grant");
	assert_eq!(
		portal.exchange("no-such-code", VERIFIER, REDIRECT).await.json()["error"],
		"invalid_grant"
	);

	// A disabled person can no longer sign in.
	admin::disable_user(&portal.app.state.db, "bob@client.example").await.unwrap();
	assert_eq!(portal.sign_in("correct horse battery").await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn redirect_uris_must_be_https_or_loopback() {
	let app = common::app().await;
	for (uri, ok) in [
		("https://portal.example/cb", true),
		("http://127.0.0.1:5173/cb", true),
		("http://portal.example/cb", false),
		("https://portal.example/cb#x", false),
		("not a url", false),
	] {
		let new = NewApiClient {
			name: "p".into(),
			scopes: "documents:read".into(),
			refresh_tokens: false,
			act_as_account: None,
			redirect_uris: vec![uri.into()],
		};
		assert_eq!(admin::create_api_client(&app.state.db, &new).await.is_ok(), ok, "{uri}");
	}
	let short = NewUser {
		username: "eve".into(),
		password: zeroize::Zeroizing::new("short".into()),
		chain_account: BOB.into(),
		scopes: admin::PERSON_SCOPES.into(),
	};
	assert!(admin::create_user(&app.state.db, &short).await.is_err());
	let bad_account = NewUser {
		password: zeroize::Zeroizing::new("long enough password".into()),
		chain_account: "bob".into(),
		..short.clone()
	};
	assert!(admin::create_user(&app.state.db, &bad_account).await.is_err());
	for scopes in ["", "documents:delete"] {
		let bad_scopes = NewUser {
			password: zeroize::Zeroizing::new("long enough password".into()),
			scopes: scopes.into(),
			..short.clone()
		};
		assert!(admin::create_user(&app.state.db, &bad_scopes).await.is_err(), "{scopes:?}");
	}
}
