//! The Pactum node as a library: command line, chain specs, service and RPC. The `pactum-node`
//! binary (`node/src/main.rs`) is a thin shell around [`run`] whose build script embeds the
//! version with the commit hash: a new commit rebuilds that shell only, not this crate.

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

pub use sc_cli::Result;

/// Parses the command line and runs the node or the sub-command; `impl_version` is what
/// `--version` prints after the name (the binary passes its version and commit).
pub fn run(impl_version: &'static str) -> Result<()> {
	command::run(impl_version)
}
