//! The client portal's files under `/portal/` (`portal_dir`): pages of the app for any path, its
//! assets cached for good, a missing asset a 404, the sign-in settings in `config.json`, and a
//! strict Content-Security-Policy on all of it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::{header, StatusCode};
use common::{app_with, ready_chain};
use pactum_gateway::config::Config;

const INDEX: &str = "<!doctype html><title>Pactum</title><script type=module src=/portal/assets/app-1a2b.js></script>";

const EXPLORER: &str = "https://explorer.example/extrinsic/{block_number}-{index}";

async fn portal() -> (common::TestApp, tempfile::TempDir) {
	let dir = tempfile::tempdir().unwrap();
	std::fs::write(dir.path().join("index.html"), INDEX).unwrap();
	std::fs::create_dir(dir.path().join("assets")).unwrap();
	std::fs::write(dir.path().join("assets/app-1a2b.js"), "console.log('portal')").unwrap();
	let config = Config {
		portal_dir: Some(dir.path().to_path_buf()),
		portal_client_id: Some("portal-client".into()),
		portal_session_idle_secs: 300,
		portal_explorer_url: Some(EXPLORER.into()),
		..Config::default()
	};
	(app_with(ready_chain(), config).await, dir)
}

fn assert_strict(reply: &common::Reply) {
	let csp = reply.header(header::CONTENT_SECURITY_POLICY).expect("a CSP");
	assert!(csp.contains("default-src 'none'"), "{csp}");
	assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval';"), "{csp}");
	assert!(!csp.contains("'unsafe-eval'"), "{csp}");
	assert!(csp.contains("connect-src 'self'"), "{csp}");
	assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
	assert!(!csp.contains("unsafe-inline"), "{csp}");
	assert_eq!(reply.header(header::X_CONTENT_TYPE_OPTIONS), Some("nosniff"));
	assert_eq!(reply.header(header::X_FRAME_OPTIONS), Some("DENY"));
	assert_eq!(reply.header(header::REFERRER_POLICY), Some("no-referrer"));
	assert_eq!(
		reply.header(header::HeaderName::from_static("cross-origin-opener-policy")),
		Some("same-origin")
	);
}

#[tokio::test]
async fn every_page_of_the_app_is_its_index_never_cached() {
	let (portal, _dir) = portal().await;
	for path in
		["/portal/", "/portal/contracts/7", "/portal/certificates/0xab", "/portal/callback?code=x"]
	{
		let reply = portal.get(path, None).await;
		assert_eq!(reply.status, StatusCode::OK, "{path}");
		assert_eq!(String::from_utf8(reply.body.clone()).unwrap(), INDEX, "{path}");
		assert!(reply.header(header::CONTENT_TYPE).unwrap().starts_with("text/html"), "{path}");
		assert_eq!(reply.header(header::CACHE_CONTROL), Some("no-cache"), "{path}");
		assert_strict(&reply);
	}
}

#[tokio::test]
async fn assets_are_cached_for_good_and_a_missing_one_is_a_404() {
	let (portal, _dir) = portal().await;
	let asset = portal.get("/portal/assets/app-1a2b.js", None).await;
	assert_eq!(asset.status, StatusCode::OK);
	assert_eq!(asset.body, b"console.log('portal')");
	assert!(asset.header(header::CONTENT_TYPE).unwrap().contains("javascript"));
	assert_eq!(asset.header(header::CACHE_CONTROL), Some("public, max-age=31536000, immutable"));
	assert_strict(&asset);

	let missing = portal.get("/portal/assets/app-0000.js", None).await;
	assert_eq!(missing.status, StatusCode::NOT_FOUND);
	assert_eq!(missing.header(header::CACHE_CONTROL), Some("no-cache"));
	// no way out of the portal's folder, however the dots are written
	for path in
		["/portal/../Cargo.toml", "/portal/%2e%2e/Cargo.toml", "/portal/assets/../../Cargo.toml"]
	{
		let outside = portal.get(path, None).await;
		assert_ne!(outside.body, std::fs::read("Cargo.toml").unwrap(), "{path}");
	}
	// the headers reach a 404 too
	assert_strict(&missing);
}

#[tokio::test]
async fn config_names_the_issuer_and_the_portal_client_and_the_root_leads_to_the_portal() {
	let (portal, _dir) = portal().await;
	let config = portal.get("/portal/config.json", None).await;
	assert_eq!(config.status, StatusCode::OK);
	assert_eq!(
		config.json(),
		serde_json::json!({
			"issuer": "http://127.0.0.1:8080",
			"client_id": "portal-client",
			"session_idle_secs": 300,
			"explorer_url": EXPLORER,
		})
	);
	assert_strict(&config);
	let bare = portal.get("/portal", None).await;
	assert_eq!(bare.status, StatusCode::OK, "/portal without its slash is the app too");
	assert_eq!(String::from_utf8(bare.body.clone()).unwrap(), INDEX);
	let root = portal.get("/", None).await;
	assert!(root.status.is_redirection(), "{}", root.status);
	assert_eq!(root.header(header::LOCATION), Some("/portal/"));
}

#[tokio::test]
async fn without_a_portal_dir_there_is_no_portal() {
	let app = common::app().await;
	app.get("/portal/", None).await.assert_problem(StatusCode::NOT_FOUND);
	app.get("/", None).await.assert_problem(StatusCode::NOT_FOUND);
}

#[test]
fn a_portal_dir_without_an_index_is_refused_at_start() {
	let dir = tempfile::tempdir().unwrap();
	let config = Config { portal_dir: Some(dir.path().to_path_buf()), ..Config::default() };
	let error = config.validate().expect_err("no index.html");
	assert!(error.to_string().contains("index.html"), "{error}");
}

#[test]
fn an_explorer_link_is_an_http_url_that_names_the_block() {
	let with = |template: &str| {
		Config { portal_explorer_url: Some(template.into()), ..Config::default() }.validate()
	};
	assert!(with(EXPLORER).is_ok());
	assert!(with("https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944#/explorer/query/{block_hash}").is_ok());
	for bad in [
		"javascript:alert({block_hash})",
		"ftp://explorer.example/{block_hash}",
		"https://explorer.example/extrinsic/{index}",
		"explorer.example/{block_number}",
	] {
		let error = with(bad).expect_err(bad);
		assert!(error.to_string().contains("portal_explorer_url"), "{error}");
	}
}
