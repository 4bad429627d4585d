//! Graceful shutdown: one signal (Ctrl-C or SIGTERM) fires a [`CancelTrigger`]; the HTTP server
//! stops accepting, in-flight requests get `shutdown_grace_secs`, background tasks stop.

use tokio::sync::watch;

/// Fires once when the gateway shuts down.
#[derive(Clone, Debug)]
pub struct CancelSignal(watch::Receiver<bool>);

/// The side that fires the signal.
#[derive(Debug)]
pub struct CancelTrigger(watch::Sender<bool>);

/// A connected trigger and signal.
pub fn cancel_pair() -> (CancelTrigger, CancelSignal) {
	let (tx, rx) = watch::channel(false);
	(CancelTrigger(tx), CancelSignal(rx))
}

impl CancelTrigger {
	/// Fires the signal (idempotent).
	pub fn cancel(&self) {
		self.0.send_replace(true);
	}
}

impl CancelSignal {
	/// Resolves once the trigger fired (or was dropped).
	pub async fn cancelled(&mut self) {
		// `wait_for` fails when the trigger is gone: that counts as cancelled too.
		let _ = self.0.wait_for(|fired| *fired).await;
	}

	/// Whether the trigger fired.
	pub fn is_cancelled(&self) -> bool {
		*self.0.borrow()
	}
}

/// Resolves on Ctrl-C or (on Unix) SIGTERM.
pub async fn os_signal() {
	let ctrl_c = async {
		if let Err(error) = tokio::signal::ctrl_c().await {
			tracing::warn!(%error, "cannot listen for Ctrl-C");
			std::future::pending::<()>().await;
		}
	};
	#[cfg(unix)]
	let terminate = async {
		match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
			Ok(mut signal) => {
				signal.recv().await;
			}
			Err(error) => {
				tracing::warn!(%error, "cannot listen for SIGTERM");
				std::future::pending::<()>().await;
			}
		}
	};
	#[cfg(not(unix))]
	let terminate = std::future::pending::<()>();
	tokio::select! {
		_ = ctrl_c => tracing::info!("Ctrl-C: shutting down"),
		_ = terminate => tracing::info!("SIGTERM: shutting down"),
	}
}
