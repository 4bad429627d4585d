//! The client portal (`portal/` in the repository: a single-page app built to static files) under
//! `/portal/`, when `portal_dir` names its build:
//!
//! - `GET /portal/config.json`: what the app needs to sign people in (the issuer, the portal's
//!   public OAuth client `portal_client_id`, `portal_session_idle_secs`, and where a transaction
//!   is linked, `portal_explorer_url`);
//! - `GET /portal/assets/…`: the build's content-hashed files, cached for a year;
//! - any other `GET /portal/…`: the file if the build has it, else `index.html` (the app's own
//!   routes, such as `/portal/contracts/7`, are pages of the app), never cached;
//! - `GET /`: a redirect to `/portal/`.
//!
//! Every answer carries a Content-Security-Policy that lets the page load and run only the
//! gateway's own files, talk only to the gateway, and not be framed.

use std::path::Path;

use axum::extract::{Request, State};
use axum::http::header::{
	CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
	X_FRAME_OPTIONS,
};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use tower_http::services::{ServeDir, ServeFile};

use crate::app::AppState;

/// The page may run its own scripts (and compile their WebAssembly: the signing page's
/// cryptography, never code from strings), style itself, show its own and generated images
/// (QR codes), and call the gateway; nothing else.
const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                   img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; \
                   manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// What `/portal/config.json` tells the app.
#[derive(Debug, Serialize)]
pub struct PortalConfig {
	/// The OAuth issuer: the gateway's public URL.
	pub issuer: String,
	/// The portal's public OAuth client (`admin api-client create --redirect-uri
	/// <public_url>/portal/callback`); none: the portal offers no sign-in, only public pages.
	pub client_id: Option<String>,
	/// A person's session in the portal ends after this long without activity.
	pub session_idle_secs: u64,
	/// A transaction's link, with `{block_hash}`, `{block_number}` and `{index}` to fill in.
	pub explorer_url: Option<String>,
}

/// The portal's routes, serving the build in `dir`.
pub fn routes(dir: &Path) -> Router<AppState> {
	let pages = ServeDir::new(dir)
		.append_index_html_on_directories(true)
		.fallback(ServeFile::new(dir.join("index.html")));
	Router::new()
		.route("/", get(|| async { Redirect::to("/portal/") }))
		.route("/portal/config.json", get(config))
		// a missing asset is a 404, not the app's page
		.nest_service("/portal/assets", ServeDir::new(dir.join("assets")))
		.nest_service("/portal", pages)
		.layer(axum::middleware::from_fn(security_headers))
}

async fn config(State(app): State<AppState>) -> Json<PortalConfig> {
	Json(PortalConfig {
		issuer: app.config.public_url(),
		client_id: app.config.portal_client_id.clone(),
		session_idle_secs: app.config.portal_session_idle_secs,
		explorer_url: app.config.portal_explorer_url.clone(),
	})
}

async fn security_headers(request: Request, next: Next) -> Response {
	let immutable = request.uri().path().starts_with("/portal/assets/");
	let mut response = next.run(request).await.into_response();
	// a 304 keeps what the cached answer said
	let cached = immutable
		&& (response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED);
	let headers = response.headers_mut();
	headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
	headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
	headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
	headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
	// no window the portal opens, or that opens it, reaches into the page holding a key
	headers.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
	let cache = if cached { "public, max-age=31536000, immutable" } else { "no-cache" };
	headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
	response
}
