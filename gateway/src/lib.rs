//! # pactum-gateway
//!
//! The REST gateway through which an operator's backends (a CRM first) use a Pactum chain: an
//! OAuth 2.0 authorisation server (client credentials, refresh tokens with rotation and reuse
//! detection, revocation, ES256 access tokens with a published JWKS), documents (create, sign,
//! bulk-sign, relayed signatures, amendments, terminations; reads for parties only) through a
//! submission pipeline that stores every write before signing and tracks it to finality at most
//! once; document files (upload, download for parties with an access log); certificates (issue, verify, revoke, lookups by holder, block and transaction); attestations (by id, subject, issuer, schema, block and transaction); public
//! keys; the chain's events per account, paged, streamed (SSE) and delivered by webhooks; tokens (balances, quotes,
//! transfers, withdrawals); later: clients.
//! The plan is `wip/gateway-plan.md`; what is written so far is in `wip/gateway-status.md`.
//!
//! ## Layout
//!
//! - [`config`]: the TOML file and `PACTUM_GATEWAY_*` variables
//! - [`app`]: the shared state and the router; [`layers`]: limits, timeouts, tracing, request ids
//! - [`problem`] and [`error`]: RFC 9457 problem details, the one error enum mapped to them
//! - [`auth`]: the authorisation server and the [`auth::Principal`] extractor with scope guards
//! - [`db`]: the sqlx `Any` pool (SQLite by default, PostgreSQL by URL) and one repository per table
//! - [`chain`]: the node behind the [`chain::Chain`] trait (the subxt client in production)
//! - [`index`]: finalized blocks' extrinsics by hash and the reported events, with their audience
//! - [`pipeline`]: write requests stored, signed, broadcast and tracked to finality, at most once
//! - [`webhooks`]: delivering events to subscribed URLs, signed, in order, at least once
//! - [`files`]: the content-addressed store of document files
//! - [`seal`]: the XChaCha20-Poly1305 envelope for secrets at rest
//! - [`cli`] and [`admin`]: the command line

pub mod admin;
pub mod app;
pub mod auth;
pub mod chain;
pub mod cli;
pub mod client_data;
pub mod clock;
pub mod config;
pub mod db;
pub mod digests;
pub mod error;
pub mod files;
pub mod health;
pub mod index;
pub mod layers;
pub mod openapi;
pub mod pipeline;
pub mod portal;
pub mod problem;
pub mod routes;
pub mod seal;
pub mod serve;
pub mod shutdown;
pub mod telemetry;
pub mod webhooks;
