//! The `application/x-www-form-urlencoded` body of the OAuth endpoints, parsed by hand so that
//! every failure is an RFC 6749 error: a parameter given twice is `invalid_request` (§3.2), an
//! empty one counts as absent (§3.1).

use std::collections::HashMap;

use axum::http::{header, HeaderMap};

use super::oauth_error::OAuthError;

/// The parameters of one request.
#[derive(Debug, Default)]
pub struct OAuthForm(HashMap<String, String>);

impl OAuthForm {
	/// Parses the body after checking the media type.
	pub fn parse(headers: &HeaderMap, body: &[u8]) -> Result<OAuthForm, OAuthError> {
		let media_type = headers
			.get(header::CONTENT_TYPE)
			.and_then(|v| v.to_str().ok())
			.and_then(|v| v.split(';').next())
			.map(|v| v.trim().to_ascii_lowercase());
		if media_type.as_deref() != Some("application/x-www-form-urlencoded") {
			return Err(OAuthError::invalid_request(
				"the body must be application/x-www-form-urlencoded",
			));
		}
		let mut params = HashMap::new();
		let mut seen = std::collections::HashSet::new();
		for (name, value) in form_urlencoded::parse(body) {
			// Repeated even once empty (`grant_type=x&grant_type=`) is repeated (§3.1).
			if !seen.insert(name.to_string()) {
				return Err(OAuthError::invalid_request(format!(
					"the parameter {name} is repeated"
				)));
			}
			if !value.is_empty() {
				params.insert(name.to_string(), value.into_owned());
			}
		}
		Ok(OAuthForm(params))
	}

	/// A parameter, if given.
	pub fn get(&self, name: &str) -> Option<&str> {
		self.0.get(name).map(String::as_str)
	}

	/// Every parameter.
	pub fn into_map(self) -> HashMap<String, String> {
		self.0
	}

	/// A parameter that must be given.
	pub fn require(&self, name: &str) -> Result<&str, OAuthError> {
		self.get(name)
			.ok_or_else(|| OAuthError::invalid_request(format!("the parameter {name} is missing")))
	}
}
