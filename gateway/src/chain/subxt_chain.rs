//! The production [`Chain`]: a subxt client of the node, (re)connected and probed by a background
//! task. A probe reads the finalized head, its runtime's metadata and checks the generated code
//! against it (`pactum::is_codegen_valid_for`); the result is published through a `watch` channel
//! so that `/readyz` costs no request to the node.

use std::sync::Arc;
use std::time::Duration;

use pactum_chain_api::{pactum, PactumClient};
use subxt::rpcs::RpcClient;
use tokio::sync::watch;

use crate::shutdown::CancelSignal;

use super::{hex_of, Chain, ChainStatus};

/// A connection to the node: the typed client and, over the same URL, a plain JSON-RPC client
/// for the chain's own methods (`documents_get`, …), whose JSON the API passes on.
#[derive(Clone)]
pub struct Connection {
	pub client: PactumClient,
	pub rpc: RpcClient,
}

/// The subxt-backed chain.
pub struct SubxtChain {
	status: watch::Receiver<ChainStatus>,
	connection: watch::Receiver<Option<Connection>>,
}

impl Chain for SubxtChain {
	fn status(&self) -> ChainStatus {
		self.status.borrow().clone()
	}

	fn rpc(&self) -> Option<RpcClient> {
		if !self.status.borrow().is_ready() {
			return None;
		}
		self.connection.borrow().as_ref().map(|c| c.rpc.clone())
	}

	fn client(&self) -> Option<PactumClient> {
		SubxtChain::client(self)
	}
}

impl SubxtChain {
	/// Starts the probe task against `url`, every `interval`, until `stop` fires.
	pub fn spawn(url: String, interval: Duration, stop: CancelSignal) -> Arc<SubxtChain> {
		let (tx, rx) = watch::channel(ChainStatus {
			error: Some("not probed yet".into()),
			..Default::default()
		});
		let (connection_tx, connection) = watch::channel(None);
		tokio::spawn(probe_loop(url, interval, tx, connection_tx, stop));
		Arc::new(SubxtChain { status: rx, connection })
	}

	/// The connected client, when the node is reachable and runs the runtime the generated code
	/// was made for (nothing is signed against another).
	pub fn client(&self) -> Option<PactumClient> {
		if !self.status.borrow().is_ready() {
			return None;
		}
		self.connection.borrow().as_ref().map(|c| c.client.clone())
	}
}

async fn probe_loop(
	url: String,
	interval: Duration,
	tx: watch::Sender<ChainStatus>,
	connection_tx: watch::Sender<Option<Connection>>,
	mut stop: CancelSignal,
) {
	let mut client: Option<Connection> = None;
	loop {
		let mut connect_error = None;
		if client.is_none() {
			match connect(&url).await {
				Ok(c) => {
					tracing::info!(%url, genesis = %hex_of(c.client.genesis_hash()), "connected to the node");
					client = Some(c);
				}
				Err(error) => {
					// The URL (it may hold credentials) goes to the log, not to `/readyz`.
					tracing::debug!(%url, %error, "cannot connect to the node");
					connect_error = Some("cannot connect to the node".to_string());
				}
			}
		}
		let status = match &client {
			Some(c) => probe(&c.client).await,
			None => ChainStatus { error: connect_error, ..Default::default() },
		};
		if !status.reachable {
			// A dead connection is dropped; the next round connects again.
			client = None;
		}
		connection_tx.send_replace(client.clone());
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

async fn connect(url: &str) -> Result<Connection, String> {
	// Loopback (the usual set-up: the node beside the gateway) may be plain ws://; anything else
	// must be wss://, which `from_url` enforces.
	let rpc = RpcClient::from_url(url).await.map_err(|e| e.to_string())?;
	let client = PactumClient::from_rpc_client_with_config(pactum_chain_api::config(), rpc.clone())
		.await
		.map_err(|e| e.to_string())?;
	Ok(Connection { client, rpc })
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
