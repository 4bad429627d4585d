//! `pactum-try-runtime`: the runtime's upgrade and block checks on a live chain's state or on a
//! snapshot (see `--help` and the crate documentation).

use clap::{Args, Parser, Subcommand};
use pactum_try_runtime::{checks, remote::Node, snapshot::Snapshot};
use sp_core::H256;
use std::{path::PathBuf, process::ExitCode};

#[derive(Parser)]
#[command(
	name = "pactum-try-runtime",
	about = "Runs this tree's runtime checks on a chain's state"
)]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Saves a live chain's whole state at one block to a file.
	Snapshot {
		#[command(flatten)]
		live: Live,
		/// The file to write.
		#[arg(long)]
		out: PathBuf,
	},
	/// Upgrades a state to this runtime: migrations with their pre- and post-upgrade checks, the
	/// whole state decoded, every pallet's try_state.
	OnRuntimeUpgrade {
		/// The state: a live node's (`--uri`), or a snapshot file's (`--snapshot`).
		#[command(flatten)]
		source: Source,
	},
	/// Executes a live chain's block again on its parent's state, with every signature, every
	/// pallet's try_state, the whole state's decoding and the state root checked.
	ExecuteBlock {
		#[command(flatten)]
		live: Live,
	},
}

#[derive(Args)]
struct Live {
	/// The node's WebSocket RPC endpoint.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	uri: String,
	/// The block (hash); the last finalized block by default.
	#[arg(long)]
	at: Option<H256>,
}

#[derive(Args)]
#[group(required = true, multiple = false)]
struct Source {
	/// The node's WebSocket RPC endpoint (state of its last finalized block).
	#[arg(long)]
	uri: Option<String>,
	/// A file written by `pactum-try-runtime snapshot`.
	#[arg(long)]
	snapshot: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> ExitCode {
	sp_tracing::try_init_simple();
	match run(Cli::parse().command).await {
		Ok(()) => ExitCode::SUCCESS,
		Err(e) => {
			eprintln!("pactum-try-runtime: {e}");
			ExitCode::FAILURE
		}
	}
}

async fn run(command: Command) -> Result<(), String> {
	match command {
		Command::Snapshot { live, out } => {
			let snapshot = Node::connect(&live.uri).await?.snapshot(live.at).await?;
			describe(&snapshot);
			snapshot.save(&out)?;
			println!("saved to {}", out.display());
		}
		Command::OnRuntimeUpgrade { source } => {
			let snapshot = match (source.uri, source.snapshot) {
				(Some(uri), _) => Node::connect(&uri).await?.snapshot(None).await?,
				(None, Some(path)) => Snapshot::load(&path)?,
				(None, None) => return Err("give --uri or --snapshot".into()),
			};
			describe(&snapshot);
			let weight = tokio::task::spawn_blocking(move || checks::on_runtime_upgrade(snapshot))
				.await
				.map_err(|e| format!("the checks did not finish: {e}"))??;
			println!(
				"on-runtime-upgrade: passed (migrations, state decoding, every pallet's try_state); \
				 upgrade weight {} ps, {} bytes of proof",
				weight.ref_time(),
				weight.proof_size()
			);
		}
		Command::ExecuteBlock { live } => {
			let node = Node::connect(&live.uri).await?;
			let block = node.block(live.at).await?;
			if block.header.number == 0 {
				return Err("block #0 is the genesis: it has no parent to execute on".into());
			}
			let parent = node.snapshot(Some(block.header.parent_hash)).await?;
			describe(&parent);
			let root = checks::state_root(parent.clone());
			if root != parent.state_root {
				return Err(format!(
					"the state read hashes to {root:?}, not to the block's state root {:?}",
					parent.state_root
				));
			}
			let number = block.header.number;
			let extrinsics = block.extrinsics.len();
			let weight = tokio::task::spawn_blocking(move || checks::execute_block(parent, block))
				.await
				.map_err(|e| format!("the checks did not finish: {e}"))??;
			println!(
				"execute-block: block #{number} ({extrinsics} extrinsics) passed (signatures, every \
				 pallet's try_state, state decoding, state root); weight {} ps",
				weight.ref_time()
			);
		}
	}
	Ok(())
}

fn describe(snapshot: &Snapshot) {
	println!(
		"state after block #{} ({:?}): {} pairs, {} child tries",
		snapshot.block_number,
		snapshot.block_hash,
		snapshot.pairs(),
		snapshot.children.len()
	);
}
