//! The shared state of the handlers and the router.

use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;

use crate::auth::keys::KeyRing;
use crate::auth::revocation::RevokedTokens;
use crate::auth::{metadata, revoke, token, TokenSettings};
use crate::chain::Chain;
use crate::config::Config;
use crate::db::Db;
use crate::seal::Sealer;
use crate::{health, layers, openapi, routes};

/// What every handler can reach. Cheap to clone (handles and `Arc`s).
#[derive(Clone)]
pub struct AppState {
	pub config: Arc<Config>,
	pub tokens: Arc<TokenSettings>,
	pub db: Db,
	pub sealer: Arc<Sealer>,
	pub keys: Arc<KeyRing>,
	pub revoked: Arc<RevokedTokens>,
	pub chain: Arc<dyn Chain>,
	/// Wakes the submission pipeline's sender when a write is accepted.
	pub wake: Arc<tokio::sync::Notify>,
	/// The newest finalized block the pipeline's tracker has scanned (number, `0x` hash): reads
	/// are never older than it, so a caller sees the effect of a submission reported finalized.
	pub tracked: Arc<tokio::sync::watch::Sender<Option<(u64, String)>>>,
	/// API client → the chain account it acts for, kept ten seconds (reads need it per request).
	pub accounts: Arc<crate::pipeline::intake::AccountCache>,
}

impl AppState {
	/// Assembles the state; the token settings come from `config`.
	pub fn new(
		config: Config,
		db: Db,
		sealer: Arc<Sealer>,
		keys: Arc<KeyRing>,
		revoked: Arc<RevokedTokens>,
		chain: Arc<dyn Chain>,
	) -> AppState {
		AppState {
			tokens: Arc::new(TokenSettings::from_config(&config)),
			config: Arc::new(config),
			db,
			sealer,
			keys,
			revoked,
			chain,
			wake: Arc::new(tokio::sync::Notify::new()),
			tracked: Arc::new(tokio::sync::watch::Sender::new(None)),
			accounts: Arc::default(),
		}
	}
}

/// Every route, with the layers of [`layers::apply`].
pub fn router(state: AppState) -> Router {
	let config = state.config.clone();
	let routes = Router::new()
		.route("/healthz", get(health::healthz))
		.route("/readyz", get(health::readyz))
		.route("/openapi.json", get(openapi::openapi_json))
		.route("/oauth/token", post(token::token))
		.route("/oauth/revoke", post(revoke::revoke))
		.route("/.well-known/jwks.json", get(metadata::jwks))
		.route("/.well-known/oauth-authorization-server", get(metadata::authorization_server))
		.route("/v1/whoami", get(routes::whoami::whoami))
		.route("/v1/documents", post(routes::documents::create).get(routes::document_reads::list))
		.route("/v1/documents/signatures", post(routes::documents::sign))
		.route("/v1/documents/{id}", get(routes::document_reads::get))
		.route("/v1/documents/{id}/signing-payload", get(routes::document_reads::signing_payload))
		.route("/v1/documents/{id}/amendments", post(routes::documents::amend))
		.route("/v1/documents/{id}/terminations", post(routes::documents::terminate))
		.route("/v1/submissions/{id}", get(routes::submissions::get))
		.merge(openapi::docs())
		.fallback(layers::not_found)
		.with_state(state);
	layers::apply(routes, &config)
}
