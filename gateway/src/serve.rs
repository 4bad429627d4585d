//! `pactum-gateway serve`: opens the database (migrating it), loads the keys, starts the chain
//! probe and the maintenance task, serves HTTP until Ctrl-C or SIGTERM, then drains in-flight
//! requests for up to `shutdown_grace_secs`.

use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;

use crate::app::{self, AppState};
use crate::auth::keys::{self, KeyRing};
use crate::auth::revocation::RevokedTokens;
use crate::chain::subxt_chain::SubxtChain;
use crate::clock::now_ms;
use crate::config::Config;
use crate::db::Db;
use crate::index::{self, Indexer};
use crate::pipeline::{self, keys::SignerKeys, Pipeline};
use crate::seal::{self, Sealer};
use crate::shutdown::{cancel_pair, os_signal, CancelSignal};
use crate::webhooks::{self, Dispatcher};

/// Why the gateway could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
	#[error("no master key: set master_key_file (or PACTUM_GATEWAY_MASTER_KEY); `pactum-gateway admin master-key generate --out FILE` makes one")]
	NoMasterKey,
	#[error(transparent)]
	Seal(#[from] seal::SealError),
	#[error(transparent)]
	Db(#[from] crate::db::DbError),
	#[error(transparent)]
	Keys(#[from] keys::KeyError),
	#[error("database: {0}")]
	Query(#[from] sqlx::Error),
	#[error(transparent)]
	Leader(#[from] crate::db::leader::LeaderError),
	#[error("cannot listen on {addr}: {source}")]
	Listen { addr: String, source: std::io::Error },
	#[error("the HTTP server failed: {0}")]
	Server(std::io::Error),
	#[error("the webhook HTTP client: {0}")]
	Http(String),
	#[error("the file store: {0}")]
	Files(#[from] crate::files::StoreError),
}

/// The master key ring from the configuration.
pub fn load_sealer(config: &Config) -> Result<Sealer, ServeError> {
	let current = match (&config.master_key_file, &config.master_key) {
		(Some(path), _) => seal::read_key_file(path)?,
		(None, Some(hex)) => seal::parse_hex_key(hex)?,
		(None, None) => return Err(ServeError::NoMasterKey),
	};
	let older = config
		.old_master_key_files
		.iter()
		.map(|path| seal::read_key_file(path))
		.collect::<Result<Vec<_>, _>>()?;
	Ok(Sealer::new(&current, &older)?)
}

/// Opens and migrates the database.
pub async fn open_db(config: &Config) -> Result<Db, ServeError> {
	let db = Db::connect(&config.database_url(), config.database_max_connections).await?;
	db.migrate().await?;
	Ok(db)
}

/// Runs the server until a shutdown signal.
pub async fn serve(config: Config) -> Result<(), ServeError> {
	// TLS for webhook deliveries: rustls with the ring provider (an error means one is set).
	let _ = rustls::crypto::ring::default_provider().install_default();
	let sealer = Arc::new(load_sealer(&config)?);
	let db = open_db(&config).await?;
	let _leader = db.leader_lock(&config.database_url()).await?;
	if let Some(kid) = keys::ensure_active(&db, &sealer, now_ms()).await? {
		tracing::info!(%kid, "created the first access-token signing key");
	}
	let keys = Arc::new(KeyRing::load(&db, &sealer).await?);
	let revoked = Arc::new(RevokedTokens::load(&db).await?);

	let (trigger, stop) = cancel_pair();
	let chain = SubxtChain::spawn(
		config.node_url.clone(),
		Duration::from_secs(config.chain_probe_interval_secs),
		stop.clone(),
	);
	let grace = Duration::from_secs(config.shutdown_grace_secs);
	let listen = config.listen;
	let public_url = config.public_url();
	let mut state = AppState::new(config, db, sealer, keys, revoked, chain.clone());
	state.stopping = Some(stop.clone());
	tokio::spawn(maintenance(state.clone(), stop.clone()));
	state.files.clean_tmp().await?;
	state.events_tip.send_replace(crate::db::chain_index::latest_seq(&state.db.pool).await?);
	tokio::spawn(index::run(
		Indexer {
			db: state.db.clone(),
			chain: chain.clone(),
			from_block: state.config.index_from_block,
			tip: state.events_tip.clone(),
		},
		stop.clone(),
	));
	let dispatcher = Dispatcher {
		db: state.db.clone(),
		sealer: state.sealer.clone(),
		http: webhooks::http_client(state.config.webhook_allow_private_networks)
			.map_err(|e| ServeError::Http(e.to_string()))?,
		tip: state.events_tip.subscribe(),
		allow_private: state.config.webhook_allow_private_networks,
	};
	tokio::spawn(webhooks::run(dispatcher, stop.clone()));
	pipeline::spawn(
		Pipeline {
			db: state.db.clone(),
			chain,
			keys: Arc::new(SignerKeys::new(state.db.clone(), state.sealer.clone())),
			wake: state.wake.clone(),
			tracked: state.tracked.clone(),
		},
		stop.clone(),
	);

	let listener = TcpListener::bind(listen)
		.await
		.map_err(|source| ServeError::Listen { addr: listen.to_string(), source })?;
	tracing::info!(%listen, %public_url, "pactum-gateway listening");
	let mut server_stop = stop.clone();
	let mut server = tokio::spawn(async move {
		axum::serve(listener, app::router(state))
			.with_graceful_shutdown(async move { server_stop.cancelled().await })
			.await
	});

	tokio::select! {
		finished = &mut server => return server_result(finished),
		_ = os_signal() => {}
	}
	trigger.cancel();
	match tokio::time::timeout(grace, &mut server).await {
		Ok(finished) => server_result(finished),
		Err(_) => {
			tracing::warn!(
				grace_secs = grace.as_secs(),
				"requests still in flight after the grace period; exiting"
			);
			server.abort();
			Ok(())
		}
	}
}

fn server_result(
	finished: Result<std::io::Result<()>, tokio::task::JoinError>,
) -> Result<(), ServeError> {
	match finished {
		Ok(Ok(())) => {
			tracing::info!("pactum-gateway stopped");
			Ok(())
		}
		Ok(Err(error)) => Err(ServeError::Server(error)),
		Err(join) => Err(ServeError::Server(std::io::Error::other(join.to_string()))),
	}
}

/// Every ten seconds: reload the revocation mirror (what admin commands revoked, e.g. a retired
/// client; expired entries purged); every minute also the key ring (rotations made by the admin
/// command). Failures are logged and retried next round.
async fn maintenance(state: AppState, mut stop: CancelSignal) {
	let mut round: u64 = 0;
	loop {
		tokio::select! {
			_ = tokio::time::sleep(Duration::from_secs(10)) => {}
			_ = stop.cancelled() => return,
		}
		round += 1;
		if round.is_multiple_of(6) {
			if let Err(error) = state.keys.reload(&state.db, &state.sealer).await {
				tracing::warn!(%error, "cannot reload the signing keys");
			}
		}
		if let Err(error) = state.revoked.reload(&state.db).await {
			tracing::warn!(%error, "cannot reload the revoked tokens");
		}
	}
}
