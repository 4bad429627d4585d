//! The webhook dispatcher: each due webhook gets the events its account may see after its cursor,
//! one `POST` per event, in order, at least once. A delivery is acknowledged by any 2xx answer;
//! anything else (or no answer in ten seconds) is retried after a backoff that doubles per
//! failure, up to an hour, and the cursor does not move past the event until it is acknowledged.
//! Receivers deduplicate by `Pactum-Event-Id`.
//!
//! Every delivery carries `Pactum-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` of
//! `"<t>.<body>"` under the webhook's secret (returned once, when the webhook is created), so a
//! receiver checks where the request came from and refuses old replays by `t`.

use std::sync::Arc;
use std::time::Duration;

use hmac::{Hmac, KeyInit as _, Mac as _};
use sha2::Sha256;

use crate::clock::now_ms;
use crate::db::chain_index::{self, EventRow};
use crate::db::webhooks::{self, Webhook};
use crate::db::Db;
use crate::routes::events::ChainEvent;
use crate::seal::{self, Sealer};
use crate::shutdown::CancelSignal;

/// Events read per webhook and round.
const BATCH: i64 = 100;
/// The longest wait between two attempts, in milliseconds.
const MAX_BACKOFF_MS: i64 = 3_600_000;

/// What the dispatcher needs.
#[derive(Clone)]
pub struct Dispatcher {
	pub db: Db,
	pub sealer: Arc<Sealer>,
	pub http: reqwest::Client,
	/// Changes when new events are indexed.
	pub tip: tokio::sync::watch::Receiver<i64>,
}

/// The HTTP client of deliveries: no redirects followed, ten seconds per attempt.
pub fn http_client() -> Result<reqwest::Client, reqwest::Error> {
	reqwest::Client::builder()
		.redirect(reqwest::redirect::Policy::none())
		.timeout(Duration::from_secs(10))
		.user_agent(concat!("pactum-gateway/", env!("CARGO_PKG_VERSION")))
		.build()
}

/// The sealing context of a webhook's secret.
pub fn secret_aad(id: &str) -> Vec<u8> {
	seal::aad("webhooks", "secret_sealed", id)
}

/// Delivers until `stop`: after each new event, and every second for retries that fall due.
pub async fn run(dispatcher: Dispatcher, mut stop: CancelSignal) {
	let mut tip = dispatcher.tip.clone();
	loop {
		match webhooks::due(&dispatcher.db.pool, now_ms()).await {
			Ok(due) => {
				let deliveries = due.into_iter().map(|hook| deliver(&dispatcher, hook));
				futures_util::future::join_all(deliveries).await;
			}
			Err(error) => tracing::warn!(%error, "webhook round failed; retrying"),
		}
		tokio::select! {
			_ = tip.changed() => {}
			_ = tokio::time::sleep(Duration::from_secs(1)) => {}
			_ = stop.cancelled() => return,
		}
	}
}

/// Delivers `hook`'s next events in order, stopping at the first failure.
async fn deliver(dispatcher: &Dispatcher, hook: Webhook) {
	let pool = &dispatcher.db.pool;
	let result: Result<(), sqlx::Error> = async {
		let secret = match dispatcher.sealer.open(&hook.secret_sealed, &secret_aad(&hook.id)) {
			Ok(secret) => secret,
			Err(error) => {
				let error = format!("cannot open the webhook secret: {error}");
				tracing::error!(webhook = %hook.id, %error);
				return webhooks::failed(
					pool,
					&hook.id,
					&error,
					retry_at(hook.failures + 1),
					now_ms(),
				)
				.await;
			}
		};
		let rows = chain_index::events_for(pool, &hook.account, hook.cursor_seq, BATCH).await?;
		let mut stored = hook.cursor_seq;
		let mut cursor = hook.cursor_seq;
		for row in rows {
			if hook.wants(&row.event_type) {
				if let Err(error) = post(dispatcher, &hook, &secret, &row).await {
					if cursor != stored {
						webhooks::advance(pool, &hook.id, stored, cursor, now_ms()).await?;
					}
					tracing::info!(webhook = %hook.id, event = row.seq, %error, "delivery failed");
					let at = retry_at(hook.failures + 1);
					return webhooks::failed(pool, &hook.id, &error, at, now_ms()).await;
				}
				webhooks::advance(pool, &hook.id, stored, row.seq, now_ms()).await?;
				stored = row.seq;
			}
			cursor = row.seq;
		}
		if cursor != stored {
			webhooks::advance(pool, &hook.id, stored, cursor, now_ms()).await?;
		}
		Ok(())
	}
	.await;
	if let Err(error) = result {
		tracing::warn!(webhook = %hook.id, %error, "webhook delivery state not saved");
	}
}

/// When the attempt after `failures` failures is due: 1 s, 2 s, 4 s, … up to an hour.
fn retry_at(failures: i64) -> i64 {
	let exponent = u32::try_from(failures.clamp(1, 32) - 1).unwrap_or(31);
	now_ms() + 1000i64.saturating_mul(1i64 << exponent).min(MAX_BACKOFF_MS)
}

/// `t=<t>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
pub fn signature(secret: &[u8], t: i64, body: &[u8]) -> String {
	// HMAC accepts keys of any length, so `new_from_slice` cannot fail here.
	let mac = Hmac::<Sha256>::new_from_slice(secret).map(|mut mac| {
		mac.update(format!("{t}.").as_bytes());
		mac.update(body);
		hex::encode(mac.finalize().into_bytes())
	});
	format!("t={t},v1={}", mac.unwrap_or_default())
}

async fn post(
	dispatcher: &Dispatcher,
	hook: &Webhook,
	secret: &[u8],
	row: &EventRow,
) -> Result<(), String> {
	let event = ChainEvent::of(row.clone());
	let body = serde_json::to_vec(&event).map_err(|e| e.to_string())?;
	let t = now_ms() / 1000;
	let answer = dispatcher
		.http
		.post(&hook.url)
		.header(reqwest::header::CONTENT_TYPE, "application/json")
		.header("pactum-event-id", row.seq.to_string())
		.header("pactum-event-type", &row.event_type)
		.header("pactum-webhook-id", &hook.id)
		.header("pactum-signature", signature(secret, t, &body))
		.body(body)
		.send()
		.await
		.map_err(|e| format!("no answer: {e}"))?;
	if answer.status().is_success() {
		Ok(())
	} else {
		Err(format!("answered HTTP {}", answer.status().as_u16()))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_signature_is_hmac_sha256_of_time_dot_body() {
		// Expected values from Python's hmac module.
		assert_eq!(
			signature(b"Jefe", 0, b"what do ya want for nothing?"),
			"t=0,v1=37f471929915ccd2cbbe79feb84ffcff4f2bb25e15fc41c2506687331ae179cc"
		);
		assert_eq!(
			signature(b"whsec_test", 1_700_000_000, br#"{"id":1}"#),
			"t=1700000000,v1=2f441ba4b3b2d50d28a9ab9d9fd8880376ecd1eb5d0435401553f5d8d0a5dcf8"
		);
	}

	#[test]
	fn retries_back_off_to_an_hour() {
		let now = now_ms();
		let first = retry_at(1) - now;
		assert!((1000..1100).contains(&first), "{first}");
		let fourth = retry_at(4) - now;
		assert!((8000..8100).contains(&fourth), "{fourth}");
		let late = retry_at(40) - now;
		assert!((MAX_BACKOFF_MS..MAX_BACKOFF_MS + 100).contains(&late), "{late}");
	}
}
