//! RFC 9457 problem details: every error the API answers (outside the OAuth endpoints, which
//! answer RFC 6749 §5.2 errors) is a [`Problem`] with `Content-Type: application/problem+json`.
//! Problems carry no stack traces or internal messages: those go to the log.

use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::ser::SerializeMap as _;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

/// The media type of problem details.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The base of every problem `type` URI; the rest names the problem (`not-found`,
/// `chain/Documents.NotParty`, …).
pub const PROBLEM_BASE: &str = "https://pactum.invalid/problems/";

/// A problem details object (RFC 9457 §3), plus response headers such as `WWW-Authenticate`.
#[derive(Debug, Clone)]
pub struct Problem {
	/// Full `type` URI.
	pub type_uri: String,
	/// Short summary, the same for every occurrence of the type.
	pub title: String,
	/// HTTP status.
	pub status: StatusCode,
	/// Explanation of this occurrence.
	pub detail: Option<String>,
	/// URI of this occurrence (the request path).
	pub instance: Option<String>,
	/// Extension members (RFC 9457 §3.2), e.g. `required_scope`.
	pub extensions: Map<String, Value>,
	headers: Vec<(HeaderName, HeaderValue)>,
}

impl Problem {
	/// A problem of type `PROBLEM_BASE + slug`.
	pub fn new(status: StatusCode, slug: &str, title: &str) -> Problem {
		Problem {
			type_uri: format!("{PROBLEM_BASE}{slug}"),
			title: title.to_string(),
			status,
			detail: None,
			instance: None,
			extensions: Map::new(),
			headers: Vec::new(),
		}
	}

	/// Adds the explanation of this occurrence.
	pub fn with_detail(mut self, detail: impl Into<String>) -> Problem {
		self.detail = Some(detail.into());
		self
	}

	/// Adds the occurrence's URI.
	pub fn with_instance(mut self, instance: impl Into<String>) -> Problem {
		self.instance = Some(instance.into());
		self
	}

	/// Adds an extension member. The standard members' names are refused (ignored).
	pub fn with_extension(mut self, name: &str, value: impl Into<Value>) -> Problem {
		if !matches!(name, "type" | "title" | "status" | "detail" | "instance") {
			self.extensions.insert(name.to_string(), value.into());
		}
		self
	}

	/// Adds a response header (an invalid value is dropped rather than failing the response).
	pub fn with_header(mut self, name: HeaderName, value: &str) -> Problem {
		if let Ok(value) = HeaderValue::from_str(value) {
			self.headers.push((name, value));
		}
		self
	}

	/// The headers to send with the problem.
	pub fn headers(&self) -> &[(HeaderName, HeaderValue)] {
		&self.headers
	}

	pub fn bad_request(detail: impl Into<String>) -> Problem {
		Problem::new(StatusCode::BAD_REQUEST, "bad-request", "The request is not valid")
			.with_detail(detail)
	}

	pub fn not_found() -> Problem {
		Problem::new(StatusCode::NOT_FOUND, "not-found", "No such resource")
	}

	pub fn method_not_allowed() -> Problem {
		Problem::new(
			StatusCode::METHOD_NOT_ALLOWED,
			"method-not-allowed",
			"Method not allowed here",
		)
	}

	pub fn payload_too_large() -> Problem {
		Problem::new(
			StatusCode::PAYLOAD_TOO_LARGE,
			"payload-too-large",
			"The request body is too large",
		)
	}

	pub fn unsupported_media_type(detail: impl Into<String>) -> Problem {
		Problem::new(
			StatusCode::UNSUPPORTED_MEDIA_TYPE,
			"unsupported-media-type",
			"Unsupported media type",
		)
		.with_detail(detail)
	}

	pub fn timeout() -> Problem {
		Problem::new(StatusCode::GATEWAY_TIMEOUT, "timeout", "The request took too long")
	}

	pub fn internal() -> Problem {
		Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "Internal error")
			.with_detail("The gateway could not complete the request; the incident is logged.")
	}

	pub fn unavailable(detail: impl Into<String>) -> Problem {
		Problem::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", "Service unavailable")
			.with_detail(detail)
	}

	/// A problem for a bare status (e.g. from a tower layer), `about:blank` per RFC 9457 §4.2.1.
	pub fn for_status(status: StatusCode) -> Problem {
		match status {
			StatusCode::NOT_FOUND => Problem::not_found(),
			StatusCode::METHOD_NOT_ALLOWED => Problem::method_not_allowed(),
			StatusCode::PAYLOAD_TOO_LARGE => Problem::payload_too_large(),
			StatusCode::GATEWAY_TIMEOUT => Problem::timeout(),
			StatusCode::INTERNAL_SERVER_ERROR => Problem::internal(),
			other => Problem {
				type_uri: "about:blank".into(),
				title: other.canonical_reason().unwrap_or("Error").to_string(),
				status: other,
				detail: None,
				instance: None,
				extensions: Map::new(),
				headers: Vec::new(),
			},
		}
	}
}

impl Serialize for Problem {
	fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
		let mut map = serializer.serialize_map(None)?;
		map.serialize_entry("type", &self.type_uri)?;
		map.serialize_entry("title", &self.title)?;
		map.serialize_entry("status", &self.status.as_u16())?;
		if let Some(detail) = &self.detail {
			map.serialize_entry("detail", detail)?;
		}
		if let Some(instance) = &self.instance {
			map.serialize_entry("instance", instance)?;
		}
		for (name, value) in &self.extensions {
			map.serialize_entry(name, value)?;
		}
		map.end()
	}
}

impl IntoResponse for Problem {
	fn into_response(self) -> Response {
		let body = serde_json::to_vec(&self).unwrap_or_else(|_| {
			br#"{"type":"about:blank","title":"Internal error","status":500}"#.to_vec()
		});
		let mut response = (self.status, body).into_response();
		let headers = response.headers_mut();
		headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
		for (name, value) in self.headers {
			headers.append(name, value);
		}
		response
	}
}

/// The problem schema for the OpenAPI document (the type above serializes by hand).
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = Problem)]
#[allow(dead_code)]
pub struct ProblemSchema {
	/// URI naming the problem type.
	#[serde(rename = "type")]
	#[schema(example = "https://pactum.invalid/problems/not-found")]
	type_uri: String,
	/// Short summary of the problem type.
	title: String,
	/// HTTP status code.
	status: u16,
	/// Explanation of this occurrence.
	detail: Option<String>,
	/// URI of this occurrence.
	instance: Option<String>,
}
