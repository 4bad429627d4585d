//! What each sub-command does.

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};
#[cfg(feature = "benchmark-cli")]
use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
use pactum_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;
use sp_runtime::traits::Block as BlockT;
#[cfg(feature = "benchmark-cli")]
use sp_runtime::traits::HashingFor;
use std::sync::OnceLock;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Pactum Node".into()
	}

	fn impl_version() -> String {
		IMPL_VERSION.get().copied().unwrap_or(env!("CARGO_PKG_VERSION")).into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://pactum.invalid/support".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		let spec = match id {
			"dev" => chain_spec::development()?,
			"dev-fast" => chain_spec::development_fast()?,
			"" | "local" => chain_spec::local_testnet()?,
			"local-fast" => chain_spec::local_testnet_fast()?,
			"production-template" => chain_spec::production_template()?,
			path => chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?,
		};
		if !PRINTS_TEMPLATE.get().copied().unwrap_or(false) {
			chain_spec::refuse_development_keys(&spec)?;
		}
		Ok(Box::new(spec))
	}
}

/// Set when the command only prints a human-readable chain spec (`build-spec` or
/// `export-chain-spec` without `--raw`): the production template may then be printed with its
/// placeholder development keys, for the operator to replace. Anything else — a raw spec, a node
/// — is refused on a production spec holding them.
static PRINTS_TEMPLATE: OnceLock<bool> = OnceLock::new();

/// The version `--version` prints, set once by [`run`] from the binary's build.
static IMPL_VERSION: OnceLock<&'static str> = OnceLock::new();

/// Parses the command line and runs the node or the sub-command.
pub fn run(impl_version: &'static str) -> sc_cli::Result<()> {
	let _ = IMPL_VERSION.set(impl_version);
	let cli = Cli::from_args();
	#[allow(deprecated)]
	let prints_template = match &cli.subcommand {
		Some(Subcommand::BuildSpec(cmd)) => !cmd.raw,
		Some(Subcommand::ExportChainSpec(cmd)) => !cmd.raw,
		_ => false,
	};
	let _ = PRINTS_TEMPLATE.set(prints_template);

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		#[allow(deprecated)]
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		}
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		}
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		}
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		}
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		}
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert =
					Box::new(|client: std::sync::Arc<service::FullClient>, backend, blocks| {
						sc_consensus_babe::revert(client.clone(), backend, blocks)?;
						sc_consensus_grandpa::revert(client, blocks)?;
						Ok(())
					});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		}
		#[cfg(not(feature = "benchmark-cli"))]
		Some(Subcommand::Benchmark { .. }) => Err("this node is built without the `benchmark` \
			sub-command: build it with `--features runtime-benchmarks` (scripts/benchmark.sh does)"
			.into()),
		#[cfg(feature = "benchmark-cli")]
		Some(Subcommand::Benchmark(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				BenchmarkCmd::Pallet(cmd) => {
					// The benchmarks run in Wasm: a runtime built with `runtime-benchmarks`,
					// given with `--runtime` (scripts/benchmark.sh builds one), needs no
					// benchmarking node. Without it, the runtime of the chain spec is used.
					if cmd.runtime.is_some() {
						cmd.run_with_spec::<HashingFor<Block>, ()>(None)
					} else if cfg!(feature = "runtime-benchmarks") {
						cmd.run_with_spec::<HashingFor<Block>, ()>(Some(config.chain_spec))
					} else {
						Err("give a runtime built with `--features runtime-benchmarks` with \
							`--runtime` (scripts/benchmark.sh builds one), or build the node \
							with `--features runtime-benchmarks`"
							.into())
					}
				}
				BenchmarkCmd::Block(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					cmd.run(client)
				}
				#[cfg(not(feature = "runtime-benchmarks"))]
				BenchmarkCmd::Storage(_) => Err("storage benchmarks need a node built with \
					`--features runtime-benchmarks`"
					.into()),
				#[cfg(feature = "runtime-benchmarks")]
				BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let shared_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, shared_cache)
				}
				BenchmarkCmd::Overhead(cmd) => {
					cmd.run_with_default_builder_and_spec::<Block, ()>(Some(config.chain_spec))
				}
				BenchmarkCmd::Extrinsic(_) => Err("`benchmark extrinsic` has no extrinsic \
					builders in this node; `benchmark overhead` measures the per-extrinsic base \
					weight"
					.into()),
				BenchmarkCmd::Machine(cmd) => {
					cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone())
				}
			})
		}
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		}
		None => {
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|config| async move {
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<Block, <Block as BlockT>::Hash>,
					>(config)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config)
							.map_err(sc_cli::Error::Service)
					}
				}
			})
		}
	}
}
