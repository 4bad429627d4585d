//! The production [`Chain`]: a subxt client of the node, (re)connected and probed by a background
//! task. A probe reads the finalized head, its runtime's metadata and checks the generated code
//! against it (`pactum::is_codegen_valid_for`); the result is published through a `watch` channel
//! so that `/readyz` costs no request to the node.

use std::sync::Arc;
use std::time::Duration;

use pactum_chain_api::{pactum, PactumClient};
use tokio::sync::watch;

use crate::shutdown::CancelSignal;

use super::{Chain, ChainStatus};

/// The subxt-backed chain.
pub struct SubxtChain {
	status: watch::Receiver<ChainStatus>,
	client: watch::Receiver<Option<PactumClient>>,
}

impl Chain for SubxtChain {
	fn status(&self) -> ChainStatus {
		self.status.borrow().clone()
	}
}

impl SubxtChain {
	/// Starts the probe task against `url`, every `interval`, until `stop` fires.
	pub fn spawn(url: String, interval: Duration, stop: CancelSignal) -> Arc<SubxtChain> {
		let (tx, rx) = watch::channel(ChainStatus {
			error: Some("not probed yet".into()),
			..Default::default()
		});
		let (client_tx, client) = watch::channel(None);
		tokio::spawn(probe_loop(url, interval, tx, client_tx, stop));
		Arc::new(SubxtChain { status: rx, client })
	}

	/// The connected client, when the node is reachable and runs the runtime the generated code
	/// was made for (nothing is signed against another).
	pub fn client(&self) -> Option<PactumClient> {
		if !self.status.borrow().is_ready() {
			return None;
		}
		self.client.borrow().clone()
	}
}

async fn probe_loop(
	url: String,
	interval: Duration,
	tx: watch::Sender<ChainStatus>,
	client_tx: watch::Sender<Option<PactumClient>>,
	mut stop: CancelSignal,
) {
	let mut client: Option<PactumClient> = None;
	loop {
		let mut connect_error = None;
		if client.is_none() {
			match connect(&url).await {
				Ok(c) => {
					tracing::info!(%url, genesis = %hex_of(c.genesis_hash()), "connected to the node");
					client = Some(c);
				}
				Err(error) => connect_error = Some(format!("cannot connect to {url}: {error}")),
			}
		}
		let status = match &client {
			Some(c) => probe(c).await,
			None => ChainStatus { error: connect_error, ..Default::default() },
		};
		if !status.reachable {
			// A dead connection is dropped; the next round connects again.
			client = None;
		}
		client_tx.send_replace(client.clone());
		let changed = *tx.borrow() != status;
		if changed {
			tracing::debug!(?status, "chain status");
			if status.reachable && !status.codegen_valid {
				tracing::warn!("the node's runtime metadata does not match pactum-chain-api: signing is stopped");
			}
		}
		tx.send_replace(status);
		tokio::select! {
			_ = tokio::time::sleep(interval) => {}
			_ = stop.cancelled() => return,
		}
	}
}

async fn connect(url: &str) -> Result<PactumClient, subxt::error::OnlineClientError> {
	// Loopback (the usual set-up: the node beside the gateway) may be plain ws://; anything else
	// must be wss://, which `from_url_with_config` enforces.
	PactumClient::from_url_with_config(pactum_chain_api::config(), url).await
}

async fn probe(client: &PactumClient) -> ChainStatus {
	let genesis_hash = Some(hex_of(client.genesis_hash()));
	match client.at_current_block().await {
		Ok(at) => {
			let metadata = at.metadata();
			ChainStatus {
				reachable: true,
				genesis_hash,
				codegen_valid: pactum::is_codegen_valid_for(&metadata),
				spec_version: Some(at.spec_version()),
				finalized_number: Some(at.block_number()),
				finalized_hash: Some(hex_of(at.block_hash())),
				error: None,
			}
		}
		Err(error) => ChainStatus {
			reachable: false,
			genesis_hash,
			error: Some(format!("cannot read the finalized head: {error}")),
			..Default::default()
		},
	}
}

fn hex_of(bytes: impl AsRef<[u8]>) -> String {
	format!("0x{}", hex::encode(bytes.as_ref()))
}
