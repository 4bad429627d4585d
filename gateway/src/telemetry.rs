//! Logs and traces: `tracing` with an `RUST_LOG`-style filter (default `info,sqlx=warn`), text or
//! JSON lines.

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Installs the global subscriber (once; a second call only warns).
pub fn init(format: LogFormat) {
	let filter =
		EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
	let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
	let installed = match format {
		LogFormat::Text => builder.try_init(),
		LogFormat::Json => builder.json().try_init(),
	};
	if let Err(error) = installed {
		eprintln!("pactum-gateway: logging was already set up: {error}");
	}
}
