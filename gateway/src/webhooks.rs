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
	/// Deliveries to private addresses allowed (tests, closed networks).
	pub allow_private: bool,
}

/// The HTTP client of deliveries: no redirects followed, no proxy, ten seconds per attempt, and
/// (unless `allow_private`) only public addresses: a webhook URL is set by an API client, and must
/// not make the gateway reach its own network (the node's RPC, a metadata service, loopback).
/// Names are checked when they are resolved, at every connection, so a name that later resolves
/// to a private address (DNS rebinding) is refused too.
pub fn http_client(allow_private: bool) -> Result<reqwest::Client, reqwest::Error> {
	let builder = reqwest::Client::builder()
		.redirect(reqwest::redirect::Policy::none())
		.no_proxy()
		.timeout(Duration::from_secs(10))
		.user_agent(concat!("pactum-gateway/", env!("CARGO_PKG_VERSION")));
	if allow_private {
		builder.build()
	} else {
		builder.dns_resolver(Arc::new(PublicOnly)).build()
	}
}

/// A resolver that drops every address that is not public.
struct PublicOnly;

impl reqwest::dns::Resolve for PublicOnly {
	fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
		let host = name.as_str().to_string();
		Box::pin(async move {
			let addrs: Vec<std::net::SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
				.await?
				.filter(|a| is_public(a.ip()))
				.collect();
			if addrs.is_empty() {
				return Err("the host has no public address".into());
			}
			Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
		})
	}
}

/// Whether `ip` is a public unicast address (not loopback, private, link-local, shared, multicast,
/// unspecified, documentation, or an IPv4-mapped one of those).
pub fn is_public(ip: std::net::IpAddr) -> bool {
	use std::net::IpAddr;
	match ip {
		IpAddr::V4(v4) => {
			let [a, b, ..] = v4.octets();
			!(v4.is_loopback()
				|| v4.is_private()
				|| v4.is_link_local()
				|| v4.is_broadcast()
				|| v4.is_multicast()
				|| v4.is_unspecified()
				|| v4.is_documentation()
				|| a == 0 || (a == 100 && (64..128).contains(&b))
				|| (a == 198 && (b == 18 || b == 19))
				|| a >= 240)
		}
		IpAddr::V6(v6) => {
			if let Some(v4) = v6.to_ipv4_mapped() {
				return is_public(IpAddr::V4(v4));
			}
			let first = v6.segments()[0];
			!(v6.is_loopback()
				|| v6.is_unspecified()
				|| v6.is_multicast()
				|| (first & 0xfe00) == 0xfc00
				|| (first & 0xffc0) == 0xfe80
				|| first == 0x2001 && v6.segments()[1] == 0x0db8)
		}
	}
}

/// Refuses a URL whose host is an IP literal that is not public (literals never reach the
/// resolver).
pub fn check_literal(url: &reqwest::Url, allow_private: bool) -> Result<(), String> {
	let literal = match url.host() {
		Some(url::Host::Ipv4(ip)) => Some(std::net::IpAddr::V4(ip)),
		Some(url::Host::Ipv6(ip)) => Some(std::net::IpAddr::V6(ip)),
		_ => None,
	};
	match literal {
		Some(ip) if !allow_private && !is_public(ip) => Err("the address is not public".into()),
		_ => Ok(()),
	}
}

/// The sealing context of a webhook's secret.
pub fn secret_aad(id: &str) -> Vec<u8> {
	seal::aad("webhooks", "secret_sealed", id)
}

/// Deliveries in flight at once at most.
const CONCURRENT_WEBHOOKS: usize = 32;

/// Delivers until `stop`: after each new event, and every second for retries that fall due. Each
/// webhook is delivered by a task of its own (a slow receiver delays only itself), never two at
/// once for the same webhook.
pub async fn run(dispatcher: Dispatcher, mut stop: CancelSignal) {
	let mut tip = dispatcher.tip.clone();
	let in_flight: Arc<std::sync::Mutex<std::collections::HashSet<String>>> = Arc::default();
	let permits = Arc::new(tokio::sync::Semaphore::new(CONCURRENT_WEBHOOKS));
	loop {
		match webhooks::due(&dispatcher.db.pool, now_ms()).await {
			Ok(due) => {
				for hook in due {
					let fresh = in_flight
						.lock()
						.map(|mut set| set.insert(hook.id.clone()))
						.unwrap_or(false);
					if !fresh {
						continue;
					}
					let Ok(permit) = permits.clone().try_acquire_owned() else {
						let _ = in_flight.lock().map(|mut set| set.remove(&hook.id));
						break;
					};
					let (dispatcher, in_flight) = (dispatcher.clone(), in_flight.clone());
					tokio::spawn(async move {
						let id = hook.id.clone();
						deliver(&dispatcher, hook).await;
						let _ = in_flight.lock().map(|mut set| set.remove(&id));
						drop(permit);
					});
				}
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

/// Delivers `hook`'s next events in order, stopping at the first failure, or as soon as the
/// webhook changed under it (moved, deleted): every write is conditional on the cursor read.
async fn deliver(dispatcher: &Dispatcher, hook: Webhook) {
	let pool = &dispatcher.db.pool;
	let result: Result<(), sqlx::Error> = async {
		let secret = match dispatcher.sealer.open(&hook.secret_sealed, &secret_aad(&hook.id)) {
			Ok(secret) => secret,
			Err(error) => {
				tracing::error!(webhook = %hook.id, %error, "cannot open the webhook secret");
				let at = retry_at(hook.failures + 1);
				let failures = hook.failures + 1;
				webhooks::failed(
					pool,
					&hook.id,
					hook.cursor_seq,
					failures,
					"secret unreadable",
					at,
					now_ms(),
				)
				.await?;
				return Ok(());
			}
		};
		let rows = chain_index::events_for(pool, &hook.account, hook.cursor_seq, BATCH).await?;
		let mut stored = hook.cursor_seq;
		let mut cursor = hook.cursor_seq;
		let mut failures = hook.failures;
		for row in rows {
			if hook.wants(&row.event_type) {
				if let Err(error) = post(dispatcher, &hook, &secret, &row).await {
					if cursor != stored {
						if !webhooks::advance(pool, &hook.id, stored, cursor, now_ms()).await? {
							return Ok(());
						}
						stored = cursor;
						failures = 0;
					}
					tracing::info!(webhook = %hook.id, event = row.seq, %error, "delivery failed");
					let at = retry_at(failures + 1);
					webhooks::failed(pool, &hook.id, stored, failures + 1, &error, at, now_ms())
						.await?;
					return Ok(());
				}
				if !webhooks::advance(pool, &hook.id, stored, row.seq, now_ms()).await? {
					return Ok(());
				}
				stored = row.seq;
				failures = 0;
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
	let url = reqwest::Url::parse(&hook.url).map_err(|_| "the URL does not parse".to_string())?;
	check_literal(&url, dispatcher.allow_private)?;
	let event = ChainEvent::of(row.clone());
	let body = serde_json::to_vec(&event).map_err(|e| e.to_string())?;
	let t = now_ms() / 1000;
	let answer = dispatcher
		.http
		.post(url)
		.header(reqwest::header::CONTENT_TYPE, "application/json")
		.header("pactum-event-id", row.seq.to_string())
		.header("pactum-event-type", &row.event_type)
		.header("pactum-webhook-id", &hook.id)
		.header("pactum-signature", signature(secret, t, &body))
		.body(body)
		.send()
		.await
		// Only the kind of failure: the client reads `last_error`, and details of the network
		// behind the gateway are not its business.
		.map_err(|e| if e.is_timeout() { "timeout" } else { "no answer" }.to_string())?;
	match answer.status() {
		status if status.is_success() => Ok(()),
		status => Err(format!("answered HTTP {}xx", status.as_u16() / 100)),
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
	fn only_public_addresses_are_called() {
		for private in [
			"127.0.0.1",
			"10.1.2.3",
			"172.16.0.1",
			"192.168.1.1",
			"169.254.169.254",
			"100.64.0.1",
			"0.0.0.0",
			"::1",
			"fe80::1",
			"fd00::1",
			"::ffff:127.0.0.1",
			"::ffff:10.0.0.1",
		] {
			assert!(!is_public(private.parse().unwrap_or_else(|_| unreachable!())), "{private}");
		}
		for public in ["1.1.1.1", "93.184.216.34", "2606:4700:4700::1111"] {
			assert!(is_public(public.parse().unwrap_or_else(|_| unreachable!())), "{public}");
		}
		let url = |u: &str| reqwest::Url::parse(u).unwrap_or_else(|_| unreachable!());
		assert!(check_literal(&url("http://127.0.0.1:9944/"), false).is_err());
		assert!(check_literal(&url("http://[::1]/"), false).is_err());
		assert!(check_literal(&url("http://127.0.0.1:9944/"), true).is_ok());
		assert!(check_literal(&url("https://crm.example/hook"), false).is_ok());
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
