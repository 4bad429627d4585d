//! A regulated transfer with `pactum-chain-api`'s generated types: read the quote the runtime
//! gives for it (the fee, which rules apply, what the sender's limits leave, or the refusal the
//! transfer would meet), then — unless refused — submit `tokens.transfer`, wait for finality and
//! read the `Transferred` event. It reads at the chain's finalized block.
//!
//! ```text
//! cargo run --release --example regulated_transfer -- \
//!     --url ws://127.0.0.1:9944 --suri //Bob --asset 1 --to <SS58 address> --amount 250
//! ```
//!
//! Prints one JSON object per step (`{"quote": …}`, then `{"transferred": …}`); exits 1 with the
//! refusal when the quote says the transfer would fail, 2 on any other error.

use clap::Parser;
use pactum_chain_api::{
	pactum::{
		self, runtime_types::pallet_tokens::types::TransferQuote, tokens::events::Transferred,
	},
	PactumClient,
};
use serde_json::json;
use std::{process::ExitCode, str::FromStr};
use subxt::{
	config::PolkadotExtrinsicParamsBuilder,
	rpcs::{rpc_params, RpcClient},
	utils::AccountId32,
};
use subxt_signer::{sr25519::Keypair, SecretUri};

#[derive(Parser)]
#[command(about = "Quotes and submits a regulated transfer on a Pactum chain")]
struct Args {
	/// The node's RPC endpoint (ws:// on loopback, wss:// elsewhere).
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// The sender's secret URI (mnemonic, hex seed or dev path such as //Bob).
	#[arg(long)]
	suri: String,
	/// The asset id.
	#[arg(long)]
	asset: u32,
	/// The recipient (SS58).
	#[arg(long)]
	to: String,
	/// The amount, in the asset's smallest unit.
	#[arg(long)]
	amount: u128,
}

fn quote_json(quote: &TransferQuote<u128>) -> serde_json::Value {
	let scope = |scope: &Option<_>| scope.as_ref().map(|s| format!("{s:?}"));
	json!({
		"fee": quote.fee.to_string(),
		"feeScope": scope(&quote.fee_scope),
		"limitScope": scope(&quote.limit_scope),
		"refusal": quote.refusal,
		"dailyRemaining": quote.daily_remaining.map(|v| v.to_string()),
		"monthlyRemaining": quote.monthly_remaining.map(|v| v.to_string()),
	})
}

async fn run(args: Args) -> Result<ExitCode, String> {
	let uri = SecretUri::from_str(&args.suri).map_err(|e| format!("--suri: {e}"))?;
	let sender = Keypair::from_uri(&uri).map_err(|e| format!("--suri: {e}"))?;
	let to = AccountId32::from_str(&args.to).map_err(|e| format!("--to: {e}"))?;
	let rpc = RpcClient::from_url(&args.url)
		.await
		.map_err(|e| format!("cannot connect to {}: {e}", args.url))?;
	let client = PactumClient::from_rpc_client_with_config(pactum_chain_api::config(), rpc.clone())
		.await
		.map_err(|e| format!("cannot connect to {}: {e}", args.url))?;
	let at = client.at_current_block().await.map_err(|e| e.to_string())?;
	if !pactum::is_codegen_valid_for(&at.metadata()) {
		return Err("the node's runtime is not the one pactum-chain-api was generated for".into());
	}

	let quote = at
		.runtime_apis()
		.call(pactum::runtime_apis().tokens_api().quote_transfer(
			args.asset,
			sender.public_key().to_account_id(),
			to,
			args.amount,
		))
		.await
		.map_err(|e| format!("quote: {e}"))?;
	println!("{}", json!({ "quote": quote_json(&quote) }));
	if let Some(refusal) = quote.refusal {
		eprintln!("regulated_transfer: the transfer would be refused: {refusal}");
		return Ok(ExitCode::from(1));
	}

	// The sender's next nonce as the node's pool sees it (transactions of the sender not yet
	// finalized count), not as the finalized block does.
	let nonce: u64 = rpc
		.request("system_accountNextIndex", rpc_params![sender.public_key().to_account_id()])
		.await
		.map_err(|e| format!("nonce: {e}"))?;
	let in_block = at
		.transactions()
		.sign_and_submit_then_watch(
			&pactum::tx().tokens().transfer(args.asset, to, args.amount),
			&sender,
			PolkadotExtrinsicParamsBuilder::new().nonce(nonce).build(),
		)
		.await
		.map_err(|e| format!("submit: {e}"))?
		.wait_for_finalized()
		.await
		.map_err(|e| format!("transfer: {e}"))?;
	let events = in_block.wait_for_success().await.map_err(|e| format!("transfer: {e}"))?;
	let transferred = events
		.find_first::<Transferred>()
		.ok_or("no Transferred event")?
		.map_err(|e| e.to_string())?;
	println!(
		"{}",
		json!({ "transferred": {
			"block": format!("{:?}", in_block.block_hash()),
			"asset": transferred.asset,
			"from": transferred.from.to_string(),
			"to": transferred.to.to_string(),
			"amount": transferred.amount.to_string(),
			"fee": transferred.fee.to_string(),
		}})
	);
	Ok(ExitCode::SUCCESS)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
	match run(Args::parse()).await {
		Ok(code) => code,
		Err(error) => {
			eprintln!("regulated_transfer: {error}");
			ExitCode::from(2)
		}
	}
}
