//! The shared state of the handlers and the router.

use std::sync::Arc;

use axum::routing::{get, post, put};
use axum::Router;

use crate::auth::keys::KeyRing;
use crate::auth::revocation::RevokedTokens;
use crate::auth::{authorize, metadata, revoke, token, TokenSettings};
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
	/// The event streams each API client holds open.
	pub streams: Arc<crate::routes::stream_slots::StreamSlots>,
	/// Access tokens whose signature was checked, until they expire.
	pub verified: Arc<crate::auth::verified::VerifiedTokens>,
	/// The operators' own OpenID Connect providers whose tokens are accepted.
	pub external: Arc<crate::auth::external::ExternalIssuers>,
	pub chain: Arc<dyn Chain>,
	/// Wakes the submission pipeline's sender when a write is accepted.
	pub wake: Arc<tokio::sync::Notify>,
	/// The newest finalized block the pipeline's tracker has scanned (number, `0x` hash): reads
	/// are never older than it, so a caller sees the effect of a submission reported finalized.
	pub tracked: Arc<tokio::sync::watch::Sender<Option<(u64, String)>>>,
	/// The newest event `seq` the chain index holds (see [`crate::index::Indexer::tip`]).
	pub events_tip: Arc<tokio::sync::watch::Sender<i64>>,
	/// Fires when the gateway shuts down (long-lived answers such as event streams end then);
	/// `None` in tests.
	pub stopping: Option<crate::shutdown::CancelSignal>,
	/// Document files, content-addressed under `data_dir`.
	pub files: Arc<crate::files::FileStore>,
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
			files: Arc::new(crate::files::FileStore::new(&config.data_dir)),
			external: Arc::new(crate::auth::external::ExternalIssuers::new(
				&config.external_issuers,
			)),
			stopping: None,
			config: Arc::new(config),
			db,
			sealer,
			keys,
			revoked,
			chain,
			wake: Arc::new(tokio::sync::Notify::new()),
			tracked: Arc::new(tokio::sync::watch::Sender::new(None)),
			events_tip: Arc::new(tokio::sync::watch::Sender::new(0)),
			accounts: Arc::default(),
			verified: Arc::default(),
			streams: Arc::default(),
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
		.route("/oauth/authorize", get(authorize::page).post(authorize::sign_in))
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
		.route(
			"/v1/certificates",
			post(routes::certificates::issue).get(routes::certificates::lookup),
		)
		.route("/v1/certificates/{hash}", get(routes::certificates::verify))
		.route("/v1/certificates/{hash}/revocation", post(routes::certificates::revoke))
		.route("/v1/attestations", get(routes::attestations::lookup))
		.route("/v1/attestations/{id}", get(routes::attestations::get))
		.route("/v1/participants/{account}/public-key", get(routes::participants::public_key_of))
		.route("/v1/events", get(routes::events::list))
		.route("/v1/events/stream", get(routes::events::stream))
		.route("/v1/webhooks", post(routes::webhooks::create).get(routes::webhooks::list))
		.route(
			"/v1/webhooks/{id}",
			get(routes::webhooks::get)
				.patch(routes::webhooks::set_cursor)
				.delete(routes::webhooks::delete),
		)
		.route("/v1/files/{hash}", get(routes::files::download))
		.route("/v1/tokens/balances", get(routes::tokens::balances))
		.route("/v1/tokens/assets/{asset}", get(routes::tokens::asset))
		.route("/v1/tokens/quote", get(routes::tokens::quote))
		.route("/v1/tokens/transfers", post(routes::tokens::transfer))
		.route("/v1/tokens/withdrawals", post(routes::tokens::withdraw))
		.route("/v1/documents/{id}/access-log", get(routes::files::access_log))
		.route("/v1/documents/{id}/access-grants", post(routes::documents::grant_access))
		.route(
			"/v1/documents/{id}/access-grants/{viewer}",
			axum::routing::delete(routes::documents::revoke_access),
		)
		.route("/v1/clients", post(routes::clients::register).get(routes::clients::list))
		.route(
			"/v1/clients/{account}",
			get(routes::clients::get).delete(routes::clients::deregister),
		)
		.route("/v1/clients/{account}/data", put(routes::clients::update))
		.route("/v1/clients/{account}/history", get(routes::clients::history))
		.merge(openapi::docs());
	let routes = match &config.portal_dir {
		Some(dir) => routes.merge(crate::portal::routes(dir)),
		None => routes,
	}
	.fallback(layers::not_found);
	let uploads = Router::new().route("/v1/files", post(routes::files::upload));
	let upload_limit = config.file_limit_bytes as usize + (64 << 10); // and the multipart framing
	let routes = layers::limits(routes, config.body_limit_bytes, config.request_timeout_secs)
		.merge(layers::limits(uploads, upload_limit, config.upload_timeout_secs))
		.with_state(state);
	layers::apply(routes, &config)
}
