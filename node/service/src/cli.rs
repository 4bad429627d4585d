//! Command-line interface.

/// Sub-commands besides running the node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management (generate, inspect, insert into the keystore).
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (deprecated upstream in favour of `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export a chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Benchmarks: pallet weights, storage, block and extrinsic overhead, and this machine
	/// (in a node built with `--features runtime-benchmarks`, as scripts/benchmark.sh does).
	#[cfg(feature = "benchmark-cli")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Benchmarks: not in this build; build the node with `--features runtime-benchmarks` (as
	/// scripts/benchmark.sh does).
	#[cfg(not(feature = "benchmark-cli"))]
	Benchmark {
		/// Whatever was given after `benchmark`.
		#[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
		args: Vec<String>,
	},
}

/// `pactum-node` arguments.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: sc_cli::RunCmd,
}
