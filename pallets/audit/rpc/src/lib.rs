//! JSON-RPC of the audit pallet, for parties and auditors:
//!
//! - `audit_case(case, at?)`: an open case's phase (`Voting` with its round, or `Decided` with
//!   the first panel's verdict), its deadlines, the draw's seed and threshold (what an auditor
//!   feeds `pactum-audit-ticket`), seats taken and the votes revealed so far; `null` once closed;
//! - `audit_auditor(account, at?)`: a bonded auditor's stake, draw key, signals for the current
//!   and next epoch, open seats and what is held for burning; `null` if not bonded.
//!
//! Both return the pallet's views ([`CaseView`], [`AuditorView`]) as they derive serde: keys in
//! camelCase, amounts and the threshold as decimal strings, hashes and keys `0x` hex, accounts
//! SS58, the phase in serde's externally tagged form (`{"Voting":{"round":0,"epoch":3}}`,
//! `{"Decided":{"verdict":"Upheld","epoch":4}}`), the tally as `[upheld, rejected]`.

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
pub use pallet_audit_runtime_api::AuditApi as AuditRuntimeApi;
pub use pallet_audit_runtime_api::{AuditorView, CaseId, CaseView, Phase, Signal, Verdict};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;
use std::{fmt::Display, marker::PhantomData, str::FromStr, sync::Arc};

#[rpc(client, server)]
pub trait AuditApi<BlockHash, AccountId, Balance, BlockNumber>
where
	Balance: Display + FromStr,
{
	/// The open case `case` at block `at` (default: best).
	#[method(name = "audit_case")]
	fn case(
		&self,
		case: CaseId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<CaseView<AccountId, Balance, BlockNumber>>>;

	/// The bonded auditor `account` at block `at` (default: best).
	#[method(name = "audit_auditor")]
	fn auditor(
		&self,
		account: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<AuditorView<Balance>>>;
}

/// The audit RPC, backed by the runtime API of the client's best (or given) block.
pub struct Audit<C, Block, Balance> {
	client: Arc<C>,
	_marker: PhantomData<(Block, Balance)>,
}

impl<C, Block, Balance> Audit<C, Block, Balance> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(1, "audit runtime API call failed", Some(error.to_string()))
}

impl<C, Block, AccountId, Balance, BlockNumber>
	AuditApiServer<<Block as BlockT>::Hash, AccountId, Balance, BlockNumber>
	for Audit<C, Block, Balance>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: AuditRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Display + FromStr + Send + Sync + 'static,
	BlockNumber: Codec + Send + Sync + 'static,
{
	fn case(
		&self,
		case: CaseId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<CaseView<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().case(at, case).map_err(runtime_error)
	}

	fn auditor(
		&self,
		account: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<AuditorView<Balance>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().auditor(at, account).map_err(runtime_error)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	#[test]
	fn a_decided_case_reads_as_its_view() {
		let view = CaseView::<u64, u128, u32> {
			requester: 1,
			counterparty: 2,
			outcome: Default::default(),
			value_at_risk: 1_000,
			stake: 100,
			escrow: Some(3),
			phase: Phase::Decided { verdict: Verdict::Rejected, epoch: 4 },
			attempt: 1,
			deadlines: vec![120],
			seed: None,
			threshold: Some(u128::MAX),
			seats: 3,
			tally: (1, 2),
			objector: None,
		};
		let value = serde_json::to_value(&view).unwrap();
		assert_eq!(
			value,
			json!({
				"requester": 1,
				"counterparty": 2,
				"outcome": format!("0x{}", "00".repeat(32)),
				"valueAtRisk": "1000",
				"stake": "100",
				"escrow": 3,
				"phase": { "Decided": { "verdict": "Rejected", "epoch": 4 } },
				"attempt": 1,
				"deadlines": [120],
				"seed": null,
				"threshold": "340282366920938463463374607431768211455",
				"seats": 3,
				"tally": [1, 2],
				"objector": null,
			})
		);
		assert_eq!(serde_json::from_value::<CaseView<u64, u128, u32>>(value).unwrap(), view);
	}

	#[test]
	fn an_auditor_reads_as_its_view() {
		let view = AuditorView::<u128> {
			stake: u128::from(u64::MAX) + 1,
			vrf_key: [1; 32],
			last_epoch: 7,
			keep_bonded: true,
			open_seats: 0,
			current: None,
			next: Some(Signal { capacity: 2, seats: 0 }),
			after_next: Some(Signal { capacity: 3, seats: 0 }),
			pending_burn: 0,
		};
		let value = serde_json::to_value(&view).unwrap();
		assert_eq!(
			value,
			json!({
				"stake": "18446744073709551616",
				"vrfKey": format!("0x{}", "01".repeat(32)),
				"lastEpoch": 7,
				"keepBonded": true,
				"openSeats": 0,
				"current": null,
				"next": { "capacity": 2, "seats": 0 },
				"afterNext": { "capacity": 3, "seats": 0 },
				"pendingBurn": "0",
			})
		);
		assert_eq!(serde_json::from_value::<AuditorView<u128>>(value).unwrap(), view);
	}
}
