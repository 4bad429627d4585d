//! `GET /oauth/authorize` and `POST /oauth/authorize`: the authorization-code grant (RFC 6749
//! §4.1) with PKCE (RFC 7636, `S256` only) for people signing in to the portal. `GET` checks the
//! request and shows a sign-in page; `POST` (the page's form) checks the username and password
//! and redirects to the client's registered `redirect_uri` with a one-time code valid a minute.
//!
//! A request whose client or redirect URI is not valid is answered with an error page, never a
//! redirect (§4.1.2.1: an open redirector otherwise); other errors go back to the client as
//! `error` and `state` parameters.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};

use super::form::OAuthForm;
use super::passwords;
use super::scopes::{person_scopes, ScopeSet};
use super::token::granted_scope;
use crate::app::AppState;
use crate::clock::now_ms;
use crate::db::api_clients::{self, ApiClient};
use crate::db::users::{self, AuthCode};
use crate::digests::{random_token, sha256};

/// How long a code may wait for its exchange, in milliseconds.
pub(crate) const CODE_TTL_MS: i64 = 60_000;

/// A checked authorization request.
struct Request {
	client: ApiClient,
	redirect_uri: String,
	scope: ScopeSet,
	state: Option<String>,
	challenge: String,
}

/// Why a request is refused.
enum Refusal {
	/// The client or redirect URI is not valid: an error page.
	Page(String),
	/// Back to the client: `error`, its description, and the request's `state`.
	Redirect { uri: String, error: &'static str, description: String, state: Option<String> },
}

/// `[A-Za-z0-9-._~]{43,128}`: a PKCE code challenge (S256) or verifier (RFC 7636 §4.1).
pub fn is_pkce_text(text: &str) -> bool {
	(43..=128).contains(&text.len())
		&& text.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

async fn check(app: &AppState, params: &HashMap<String, String>) -> Result<Request, Refusal> {
	let get = |name: &str| params.get(name).filter(|v| !v.is_empty()).cloned();
	let client_id = get("client_id").ok_or_else(|| Refusal::Page("client_id is missing".into()))?;
	let client = api_clients::find(&app.db.pool, &client_id)
		.await
		.map_err(|_| Refusal::Page("the server could not look up the client".into()))?
		.filter(|c| c.is_public() && c.retired_at.is_none())
		.ok_or_else(|| Refusal::Page("unknown client".into()))?;
	let redirect_uri = get("redirect_uri")
		.filter(|uri| client.allows_redirect(uri))
		.ok_or_else(|| Refusal::Page("redirect_uri is missing or not registered".into()))?;
	let state = get("state");
	let refuse = |error: &'static str, description: &str| Refusal::Redirect {
		uri: redirect_uri.clone(),
		error,
		description: description.to_string(),
		state: state.clone(),
	};
	if get("response_type").as_deref() != Some("code") {
		return Err(refuse("unsupported_response_type", "response_type must be code"));
	}
	if get("code_challenge_method").as_deref() != Some("S256") {
		return Err(refuse("invalid_request", "PKCE with code_challenge_method S256 is required"));
	}
	let challenge = get("code_challenge")
		.filter(|c| is_pkce_text(c))
		.ok_or_else(|| refuse("invalid_request", "code_challenge is missing or malformed"))?;
	let allowed = ScopeSet::parse_lenient(&client.scopes);
	let scope = granted_scope(get("scope").as_deref(), &allowed)
		.map_err(|_| refuse("invalid_scope", "the requested scope is not allowed"))?;
	Ok(Request { client, redirect_uri, scope, state, challenge })
}

/// The sign-in page.
#[utoipa::path(
    get,
    path = "/oauth/authorize",
    tag = "oauth",
    params(
        ("response_type" = String, Query, description = "`code`"),
        ("client_id" = String, Query, description = "A portal client"),
        ("redirect_uri" = String, Query, description = "One of the client's registered URIs, exactly"),
        ("scope" = Option<String>, Query, description = "Default: every scope the client may have"),
        ("state" = Option<String>, Query, description = "Returned with the code"),
        ("code_challenge" = String, Query, description = "BASE64URL(SHA256(code_verifier))"),
        ("code_challenge_method" = String, Query, description = "`S256`"),
    ),
    responses(
        (status = 200, description = "The sign-in page", content_type = "text/html"),
        (status = 303, description = "Back to the client with `error`"),
        (status = 400, description = "Unknown client or redirect URI: an error page", content_type = "text/html"),
    )
)]
pub async fn page(
	State(app): State<AppState>,
	Query(params): Query<HashMap<String, String>>,
) -> Response {
	match check(&app, &params).await {
		Ok(request) => sign_in_page(&request, None, StatusCode::OK),
		Err(refusal) => refused(refusal),
	}
}

/// The sign-in form's submission.
#[utoipa::path(
    post,
    path = "/oauth/authorize",
    tag = "oauth",
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "The parameters of the GET, with `username` and `password`"),
    responses(
        (status = 303, description = "To the client's redirect URI with `code` and `state`, or with `error`"),
        (status = 400, description = "Unknown client or redirect URI: an error page", content_type = "text/html"),
        (status = 401, description = "Wrong username or password: the page again", content_type = "text/html"),
    )
)]
pub async fn sign_in(State(app): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
	let form = match OAuthForm::parse(&headers, &body) {
		Ok(form) => form,
		Err(_) => return refused(Refusal::Page("the form could not be read".into())),
	};
	let params = form.into_map();
	let request = match check(&app, &params).await {
		Ok(request) => request,
		Err(refusal) => return refused(refusal),
	};
	let username = params.get("username").cloned().unwrap_or_default();
	let password = params.get("password").cloned().unwrap_or_default();
	let user = users::by_username(&app.db.pool, &username).await.ok().flatten();
	let valid = match &user {
		Some(user) if user.disabled_at.is_none() => {
			passwords::verify(password, user.password_hash.clone()).await
		}
		_ => false,
	};
	let Some(user) = user.filter(|_| valid) else {
		tracing::info!(client_id = %request.client.id, "sign-in refused");
		return sign_in_page(
			&request,
			Some("Wrong username or password."),
			StatusCode::UNAUTHORIZED,
		);
	};
	// The person's own limit, within what the client asked for and may have.
	let scope = request.scope.intersection(&person_scopes(user.scopes.as_deref()));
	if scope.is_empty() {
		tracing::info!(client_id = %request.client.id, user = %user.id, "no scope in common");
		return refused(Refusal::Redirect {
			uri: request.redirect_uri.clone(),
			error: "access_denied",
			description: "this person may use none of what the application asks for".into(),
			state: request.state.clone(),
		});
	}
	let code = match random_token() {
		Ok(code) => code,
		Err(_) => return error_page(StatusCode::INTERNAL_SERVER_ERROR, "the server failed"),
	};
	let stored = AuthCode {
		code_sha256: sha256(code.as_bytes()),
		client_id: request.client.id.clone(),
		user_id: user.id.clone(),
		redirect_uri: request.redirect_uri.clone(),
		scope: scope.to_string(),
		code_challenge: request.challenge.clone(),
		expires_at: now_ms() + CODE_TTL_MS,
		used_at: None,
		family_id: None,
	};
	if users::insert_code(&app.db.pool, &stored).await.is_err() {
		return error_page(StatusCode::INTERNAL_SERVER_ERROR, "the server failed");
	}
	tracing::info!(client_id = %request.client.id, user = %user.id, "signed in");
	let mut pairs = vec![("code", code)];
	pairs.extend(request.state.map(|s| ("state", s)));
	redirect(&request.redirect_uri, &pairs)
}

fn refused(refusal: Refusal) -> Response {
	match refusal {
		Refusal::Page(reason) => error_page(StatusCode::BAD_REQUEST, &reason),
		Refusal::Redirect { uri, error, description, state } => {
			let mut pairs = vec![("error", error.to_string()), ("error_description", description)];
			pairs.extend(state.map(|s| ("state", s)));
			redirect(&uri, &pairs)
		}
	}
}

/// 303 to `uri` with `pairs` added to its query.
fn redirect(uri: &str, pairs: &[(&str, String)]) -> Response {
	let Ok(mut url) = reqwest::Url::parse(uri) else {
		return error_page(StatusCode::BAD_REQUEST, "the registered redirect URI is not a URL");
	};
	{
		let mut query = url.query_pairs_mut();
		for (name, value) in pairs {
			query.append_pair(name, value);
		}
	}
	let mut response = StatusCode::SEE_OTHER.into_response();
	if let Ok(location) = HeaderValue::from_str(url.as_str()) {
		response.headers_mut().insert(header::LOCATION, location);
	}
	harden(&mut response);
	response
}

/// No caching, no framing (clickjacking), no scripts, forms only to ourselves.
fn harden(response: &mut Response) {
	let headers = response.headers_mut();
	headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
	headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
	headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
	headers.insert(
		header::CONTENT_SECURITY_POLICY,
		HeaderValue::from_static(
			"default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
		),
	);
}

/// HTML text escaping (`& < > " '`).
fn escape(text: &str) -> String {
	let mut out = String::with_capacity(text.len());
	for c in text.chars() {
		match c {
			'&' => out.push_str("&amp;"),
			'<' => out.push_str("&lt;"),
			'>' => out.push_str("&gt;"),
			'"' => out.push_str("&quot;"),
			'\'' => out.push_str("&#39;"),
			c => out.push(c),
		}
	}
	out
}

const STYLE: &str = "body{font-family:sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}\
	label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.4rem;box-sizing:border-box}\
	button{margin-top:1rem;padding:.5rem 1rem}.error{color:#a00}";

fn sign_in_page(request: &Request, error: Option<&str>, status: StatusCode) -> Response {
	let hidden = [
		("response_type", "code".to_string()),
		("client_id", request.client.id.clone()),
		("redirect_uri", request.redirect_uri.clone()),
		("scope", request.scope.to_string()),
		("code_challenge", request.challenge.clone()),
		("code_challenge_method", "S256".to_string()),
	]
	.into_iter()
	.chain(request.state.clone().map(|s| ("state", s)))
	.map(|(name, value)| {
		format!(r#"<input type="hidden" name="{name}" value="{}">"#, escape(&value))
	})
	.collect::<String>();
	let error = error.map_or(String::new(), |e| format!(r#"<p class="error">{}</p>"#, escape(e)));
	let body = format!(
		r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in · Pactum</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>
<body><h1>Sign in</h1><p>{client} asks to act for you: {scope}</p>{error}
<form method="post" action="/oauth/authorize">{hidden}
<label for="username">Username</label><input id="username" name="username" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form></body></html>"#,
		client = escape(&request.client.name),
		scope = escape(&request.scope.to_string()),
	);
	let mut response = (status, Html(body)).into_response();
	harden(&mut response);
	response
}

fn error_page(status: StatusCode, reason: &str) -> Response {
	let body = format!(
		r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error · Pactum</title>
<style>{STYLE}</style></head><body><h1>This sign-in request cannot be served</h1><p class="error">{}</p></body></html>"#,
		escape(reason)
	);
	let mut response = (status, Html(body)).into_response();
	harden(&mut response);
	response
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn pkce_text_is_43_to_128_unreserved_characters() {
		assert!(is_pkce_text(&"a".repeat(43)));
		assert!(is_pkce_text(&format!("{}-._~", "Z9".repeat(20))));
		assert!(!is_pkce_text(&"a".repeat(42)));
		assert!(!is_pkce_text(&"a".repeat(129)));
		assert!(!is_pkce_text(&format!("{}+", "a".repeat(43))));
	}

	#[test]
	fn page_text_is_escaped() {
		assert_eq!(
			escape(r#"<a href="x">'&'</a>"#),
			"&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
		);
	}
}
