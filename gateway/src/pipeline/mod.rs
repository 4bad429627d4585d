//! The submission pipeline: every write request is stored before anything is signed, signed for
//! one of the gateway's signers with a nonce the gateway manages, stored again before it is
//! broadcast, and tracked through finalized blocks to its end. A submission is applied at most
//! once: it gets a new attempt only after its previous one is provably dead (its mortal era ended,
//! or a finalized block runs a newer runtime, and no scanned block holds it). After a restart of
//! the gateway or the node, live attempts are broadcast again from their stored bytes and the
//! tracker resumes from its cursor, so no accepted request is lost.
//!
//! - [`calls`]: the requests it carries (typed, checked at intake); [`access_calls`],
//!   [`certificate_calls`], [`client_calls`] and [`token_calls`] the access-grant, certificate,
//!   client and token ones
//! - [`intake`]: storing a request under its `Idempotency-Key`
//! - [`sender`]: signing and broadcasting, one nonce sequence per signer
//! - [`tracker`]: scanning finalized blocks, recording outcomes, declaring attempts dead
//! - [`keys`]: the signers' key pairs, sealed at rest

pub mod access_calls;
pub mod calls;
pub mod certificate_calls;
pub mod client_calls;
pub mod intake;
pub mod keys;
pub mod sender;
pub mod token_calls;
pub mod tracker;

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use crate::chain::subxt_chain::SubxtChain;
use crate::db::Db;
use crate::shutdown::CancelSignal;

/// The mortal era of every attempt, in blocks: how long until an attempt that did not make it
/// is provably dead and its submission can be signed again.
pub const ERA_PERIOD: u64 = 64;

/// What the pipeline's tasks share.
#[derive(Clone)]
pub struct Pipeline {
	pub db: Db,
	pub chain: Arc<SubxtChain>,
	pub keys: Arc<keys::SignerKeys>,
	/// Wakes the sender (new submissions, dead attempts).
	pub wake: Arc<Notify>,
	/// Where the tracker has scanned to (see `AppState::tracked`).
	pub tracked: Arc<tokio::sync::watch::Sender<Option<(u64, String)>>>,
}

/// Why a round of the sender or the tracker stopped; it is logged and the next round retries.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
	#[error("database: {0}")]
	Db(#[from] sqlx::Error),
	#[error("node: {0}")]
	Node(String),
}

impl PipelineError {
	pub fn node(error: impl std::fmt::Display) -> PipelineError {
		PipelineError::Node(error.to_string())
	}
}

/// Starts the sender and the tracker.
pub fn spawn(pipeline: Pipeline, stop: CancelSignal) {
	tokio::spawn(tracker::run(pipeline.clone(), stop.clone()));
	tokio::spawn(sender::run(pipeline, stop));
}

/// Waits for `wake` or `period`; false once `stop` fires.
async fn pause(wake: &Notify, period: Duration, stop: &mut CancelSignal) -> bool {
	tokio::select! {
		_ = wake.notified() => true,
		_ = tokio::time::sleep(period) => true,
		_ = stop.cancelled() => false,
	}
}

pub use crate::chain::hex_of;
