//! The OpenAPI 3.1 document (`/openapi.json`, generated from the handlers' annotations by utoipa)
//! and its reading page (`/docs`, Scalar; its script comes from a CDN when the page is viewed).

use std::sync::OnceLock;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Router;
use utoipa::openapi::security::{Http, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_scalar::{Scalar, Servable as _};

use crate::app::AppState;
use crate::problem::Problem;

/// The document's root.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Pactum gateway",
        description = "REST API of a Pactum chain: OAuth 2.0 (client credentials, authorization code with PKCE, refresh tokens), \
                       documents and certificates (writes become submissions tracked to \
                       finality), attestations (read), document files, tokens, public keys, and the chain's events (paged or as Server-Sent \
                       Events). \
                       Errors are RFC 9457 problem details (application/problem+json); the OAuth \
                       endpoints answer RFC 6749 §5.2 errors."
    ),
    paths(
        crate::health::healthz,
        crate::health::readyz,
        crate::auth::authorize::page,
        crate::auth::authorize::sign_in,
        crate::auth::token::token,
        crate::auth::revoke::revoke,
        crate::auth::metadata::jwks,
        crate::auth::metadata::authorization_server,
        crate::routes::whoami::whoami,
        crate::routes::documents::create,
        crate::routes::documents::sign,
        crate::routes::documents::amend,
        crate::routes::documents::terminate,
        crate::routes::document_reads::list,
        crate::routes::document_reads::get,
        crate::routes::document_reads::signing_payload,
        crate::routes::submissions::get,
        crate::routes::certificates::issue,
        crate::routes::certificates::revoke,
        crate::routes::certificates::verify,
        crate::routes::certificates::lookup,
        crate::routes::attestations::get,
        crate::routes::attestations::lookup,
        crate::routes::participants::public_key_of,
        crate::routes::events::list,
        crate::routes::events::stream,
        crate::routes::webhooks::create,
        crate::routes::webhooks::list,
        crate::routes::webhooks::get,
        crate::routes::webhooks::set_cursor,
        crate::routes::webhooks::delete,
        crate::routes::files::upload,
        crate::routes::files::download,
        crate::routes::files::access_log,
        crate::routes::tokens::balances,
        crate::routes::tokens::asset,
        crate::routes::tokens::quote,
        crate::routes::tokens::transfer,
        crate::routes::tokens::withdraw,
        crate::routes::documents::grant_access,
        crate::routes::documents::revoke_access,
        crate::routes::clients::register,
        crate::routes::clients::update,
        crate::routes::clients::deregister,
        crate::routes::clients::list,
        crate::routes::clients::get,
        crate::routes::clients::history,
    ),
    components(schemas(crate::problem::ProblemSchema, crate::auth::oauth_error::OAuthErrorBody)),
    modifiers(&SecuritySchemes),
    tags(
        (name = "oauth", description = "The authorisation server (RFC 6749, 7009, 8414)"),
        (name = "identity", description = "The authenticated caller"),
        (name = "documents", description = "Contract documents signed on chain"),
        (name = "files", description = "Document files: upload, download for parties, access log"),
        (name = "certificates", description = "Certificates: issue, verify, revoke, look up"),
        (name = "attestations", description = "Attestations about accounts and devices: by id, subject, issuer, schema, block or transaction"),
        (name = "participants", description = "Registered participants' public keys"),
        (name = "events", description = "Chain events the caller may see, paged or streamed"),
        (name = "webhooks", description = "Event deliveries to the caller's URLs, HMAC-signed"),
        (name = "tokens", description = "Regulated tokens of the caller's custodial account"),
        (name = "clients", description = "Clients an operator registers: data sealed off chain, its hash and history on chain"),
        (name = "submissions", description = "Write requests, from acceptance to finality"),
        (name = "health", description = "Liveness and readiness"),
    )
)]
pub struct ApiDoc;

/// `bearer` (our JWT access tokens) and `client_secret_basic` (the OAuth endpoints).
struct SecuritySchemes;

impl Modify for SecuritySchemes {
	fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
		let components = openapi.components.get_or_insert_with(Default::default);
		components.add_security_scheme(
			"bearer",
			SecurityScheme::Http(
				HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build(),
			),
		);
		components.add_security_scheme(
			"client_secret_basic",
			SecurityScheme::Http(Http::new(HttpAuthScheme::Basic)),
		);
	}
}

/// The document as JSON, built once.
fn document() -> Option<&'static str> {
	static DOCUMENT: OnceLock<Option<String>> = OnceLock::new();
	DOCUMENT
		.get_or_init(|| match ApiDoc::openapi().to_json() {
			Ok(json) => Some(json),
			Err(error) => {
				tracing::error!(%error, "cannot serialize the OpenAPI document");
				None
			}
		})
		.as_deref()
}

/// `GET /openapi.json`.
pub async fn openapi_json() -> Response {
	match document() {
		Some(json) => {
			let mut response = json.into_response();
			response
				.headers_mut()
				.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
			response
		}
		None => Problem::internal().into_response(),
	}
}

/// `GET /docs`.
pub fn docs() -> Router<AppState> {
	Router::from(Scalar::with_url("/docs", ApiDoc::openapi()).title("Pactum gateway"))
}
