//! The middleware stack (outermost first): request id (set, then echoed), sensitive headers
//! hidden from traces, a trace span per request, CORS (when origins are configured), panics
//! caught as 500 problems, every bare error answer turned into a problem, the whole-request
//! timeout (504: the gateway, not the client, was too slow; 408 would invite automatic retries),
//! and the body size limit (413). Request ids a client sends are kept only when short and plain.

use std::any::Any;
use std::time::Duration;

use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue, Method, Request, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::sensitive_headers::SetSensitiveRequestHeadersLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::config::Config;
use crate::problem::{Problem, PROBLEM_JSON};

/// The request id header, set when the client sent none and echoed in the response.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The router's fallback: a 404 problem naming the path.
pub async fn not_found(uri: Uri) -> Problem {
	Problem::not_found().with_instance(uri.path().to_string())
}

/// Limits the request bodies of `routes` to `limit` bytes (413 beyond it) and their time to
/// `timeout_secs` (504 after it).
pub fn limits<S: Clone + Send + Sync + 'static>(
	routes: Router<S>,
	limit: usize,
	timeout_secs: u64,
) -> Router<S> {
	routes.layer(DefaultBodyLimit::max(limit)).layer(RequestBodyLimitLayer::new(limit)).layer(
		TimeoutLayer::with_status_code(
			StatusCode::GATEWAY_TIMEOUT,
			Duration::from_secs(timeout_secs),
		),
	)
}

/// Wraps the routes in the stack described above (the body limits and timeouts are set per group
/// of routes with [`limits`] before).
pub fn apply(routes: Router, config: &Config) -> Router {
	let routes = routes
		.layer(axum::middleware::map_response(problem_for_bare_errors))
		.layer(CatchPanicLayer::custom(panic_problem));
	let routes = match cors(&config.cors_origins) {
		Some(cors) => routes.layer(cors),
		None => routes,
	};
	routes
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<Body>| {
            let request_id = request.headers().get(&REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id)
        }))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .layer(axum::middleware::map_request(drop_unsafe_request_id))
        .layer(SetSensitiveRequestHeadersLayer::new([header::AUTHORIZATION, header::COOKIE]))
}

/// A client's `x-request-id` goes into logs and back into the answer: it is kept only when it is
/// 1 to 64 characters of `[A-Za-z0-9_-]`, otherwise a new one is made.
async fn drop_unsafe_request_id(mut request: Request<Body>) -> Request<Body> {
	let safe = request.headers().get(&REQUEST_ID).is_none_or(|v| {
		let bytes = v.as_bytes();
		(1..=64).contains(&bytes.len())
			&& bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
	});
	if !safe {
		request.headers_mut().remove(&REQUEST_ID);
	}
	request
}

fn cors(origins: &[String]) -> Option<CorsLayer> {
	if origins.is_empty() {
		return None;
	}
	// Browsers must be able to read these from a cross-origin answer.
	let exposed = [
		REQUEST_ID,
		header::LOCATION,
		header::WWW_AUTHENTICATE,
		HeaderName::from_static("idempotent-replayed"),
	];
	let allowed = if origins.iter().any(|o| o == "*") {
		AllowOrigin::any()
	} else {
		AllowOrigin::list(origins.iter().filter_map(|o| match HeaderValue::from_str(o) {
			Ok(v) => Some(v),
			Err(_) => {
				tracing::warn!(origin = %o, "ignoring an invalid CORS origin");
				None
			}
		}))
	};
	Some(
		CorsLayer::new()
			.allow_origin(allowed)
			.allow_methods([Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE])
			.allow_headers([
				header::AUTHORIZATION,
				header::CONTENT_TYPE,
				HeaderName::from_static("idempotency-key"),
			])
			.expose_headers(exposed),
	)
}

/// Error answers that are not JSON (axum's rejections, 404/405 without a route, the timeout's
/// and the limit's bare statuses) become problems; a short plain-text reason is kept as `detail`.
async fn problem_for_bare_errors(response: Response) -> Response {
	let status = response.status();
	if !(status.is_client_error() || status.is_server_error()) {
		return response;
	}
	let content_type = response
		.headers()
		.get(header::CONTENT_TYPE)
		.and_then(|v| v.to_str().ok())
		.map(|v| v.to_ascii_lowercase())
		.unwrap_or_default();
	// JSON is already explained; HTML is the sign-in page's own error page, for a person.
	if content_type.starts_with(PROBLEM_JSON)
		|| content_type.starts_with("application/json")
		|| content_type.starts_with("text/html")
	{
		return response;
	}
	let (parts, body) = response.into_parts();
	let mut problem = Problem::for_status(status);
	if content_type.starts_with("text/plain") && status.is_client_error() {
		if let Ok(bytes) = axum::body::to_bytes(body, 4096).await {
			let text = String::from_utf8_lossy(&bytes).trim().to_string();
			if !text.is_empty() {
				problem = problem.with_detail(text);
			}
		}
	}
	let mut response = problem.into_response();
	// Keep headers such as `Allow` (405) and `WWW-Authenticate`.
	for (name, value) in parts.headers.iter() {
		if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
			response.headers_mut().append(name.clone(), value.clone());
		}
	}
	response
}

/// A panic in a handler: logged, answered with a 500 problem (no message leaks).
fn panic_problem(panic: Box<dyn Any + Send + 'static>) -> Response<Body> {
	let message = panic
		.downcast_ref::<String>()
		.map(String::as_str)
		.or_else(|| panic.downcast_ref::<&str>().copied())
		.unwrap_or("(no message)");
	tracing::error!(panic = message, "a handler panicked");
	Problem::internal().into_response()
}
