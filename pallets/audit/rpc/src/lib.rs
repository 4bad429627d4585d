//! JSON-RPC of the audit pallet, for parties and auditors:
//!
//! - `audit_case(case, at?)`: an open case's phase (`voting` with its round, or `decided` with
//!   the first panel's verdict), its deadlines, the draw's seed and threshold (what an auditor
//!   feeds `pactum-audit-ticket`), seats taken and the votes revealed so far; `null` once closed;
//! - `audit_auditor(account, at?)`: a bonded auditor's stake, draw key, signals for the current
//!   and next epoch, open seats and what is held for burning; `null` if not bonded.
//!
//! Amounts and the threshold are decimal strings; hashes and keys `0x`-prefixed hex; accounts
//! SS58.

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
pub use pallet_audit_runtime_api::AuditApi as AuditRuntimeApi;
use pallet_audit_runtime_api::{AuditorView, CaseId, CaseView, Phase, Signal, Verdict};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::bytes::to_hex;
use sp_runtime::traits::Block as BlockT;
use std::{fmt::Display, marker::PhantomData, sync::Arc};

/// What `audit_case` returns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Case<AccountId, BlockNumber> {
	pub requester: AccountId,
	pub counterparty: AccountId,
	pub outcome: String,
	pub value_at_risk: String,
	pub stake: String,
	pub escrow: Option<u32>,
	/// `voting` or `decided`.
	pub phase: String,
	/// The voting round: 0 first panel, 1 objection panel.
	pub round: Option<u8>,
	/// The first panel's verdict (`upheld` or `rejected`), once decided.
	pub verdict: Option<String>,
	pub attempt: u8,
	/// Voting: the commit window's first block, the reveal window's, and the settle block.
	/// Decided: the block the objection window closes at.
	pub deadlines: Vec<BlockNumber>,
	pub seed: Option<String>,
	pub threshold: Option<String>,
	pub seats: u32,
	pub upheld: u32,
	pub rejected: u32,
	pub objector: Option<AccountId>,
}

fn verdict_name(verdict: Verdict) -> String {
	match verdict {
		Verdict::Upheld => "upheld".into(),
		Verdict::Rejected => "rejected".into(),
	}
}

impl<AccountId, Balance: Display, BlockNumber> From<CaseView<AccountId, Balance, BlockNumber>>
	for Case<AccountId, BlockNumber>
{
	fn from(v: CaseView<AccountId, Balance, BlockNumber>) -> Self {
		let (phase, round, verdict) = match v.phase {
			Phase::Voting { round, .. } => ("voting", Some(round), None),
			Phase::Decided { verdict, .. } => ("decided", None, Some(verdict_name(verdict))),
		};
		Case {
			requester: v.requester,
			counterparty: v.counterparty,
			outcome: to_hex(v.outcome.as_bytes(), false),
			value_at_risk: v.value_at_risk.to_string(),
			stake: v.stake.to_string(),
			escrow: v.escrow,
			phase: phase.into(),
			round,
			verdict,
			attempt: v.attempt,
			deadlines: v.deadlines,
			seed: v.seed.map(|s| to_hex(s.as_bytes(), false)),
			threshold: v.threshold.map(|t| t.to_string()),
			seats: v.seats,
			upheld: v.tally.0,
			rejected: v.tally.1,
			objector: v.objector,
		}
	}
}

/// Capacity and seats taken in one epoch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Seats {
	pub capacity: u32,
	pub taken: u32,
}

impl From<Signal> for Seats {
	fn from(s: Signal) -> Self {
		Seats { capacity: s.capacity, taken: s.seats }
	}
}

/// What `audit_auditor` returns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Auditor {
	pub stake: String,
	pub vrf_key: String,
	pub last_epoch: u32,
	pub keep_bonded: bool,
	pub open_seats: u32,
	pub current_epoch: Option<Seats>,
	pub next_epoch: Option<Seats>,
	pub pending_burn: String,
}

impl<Balance: Display> From<AuditorView<Balance>> for Auditor {
	fn from(v: AuditorView<Balance>) -> Self {
		Auditor {
			stake: v.stake.to_string(),
			vrf_key: to_hex(&v.vrf_key, false),
			last_epoch: v.last_epoch,
			keep_bonded: v.keep_bonded,
			open_seats: v.open_seats,
			current_epoch: v.current.map(Into::into),
			next_epoch: v.next.map(Into::into),
			pending_burn: v.pending_burn.to_string(),
		}
	}
}

#[rpc(client, server)]
pub trait AuditApi<BlockHash, AccountId, BlockNumber> {
	/// The open case `case` at block `at` (default: best).
	#[method(name = "audit_case")]
	fn case(
		&self,
		case: CaseId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<Case<AccountId, BlockNumber>>>;

	/// The bonded auditor `account` at block `at` (default: best).
	#[method(name = "audit_auditor")]
	fn auditor(&self, account: AccountId, at: Option<BlockHash>) -> RpcResult<Option<Auditor>>;
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
	AuditApiServer<<Block as BlockT>::Hash, AccountId, BlockNumber> for Audit<C, Block, Balance>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: AuditRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Serialize + Send + Sync + 'static,
	Balance: Codec + Display + Send + Sync + 'static,
	BlockNumber: Codec + Serialize + Send + Sync + 'static,
{
	fn case(
		&self,
		case: CaseId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<Case<AccountId, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let view = self.client.runtime_api().case(at, case).map_err(runtime_error)?;
		Ok(view.map(Into::into))
	}

	fn auditor(&self, account: AccountId, at: Option<Block::Hash>) -> RpcResult<Option<Auditor>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let view = self.client.runtime_api().auditor(at, account).map_err(runtime_error)?;
		Ok(view.map(Into::into))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_decided_case_reads_as_names_and_strings() {
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
		let case: Case<u64, u32> = view.into();
		assert_eq!(case.phase, "decided");
		assert_eq!(case.verdict.as_deref(), Some("rejected"));
		assert_eq!(case.round, None);
		assert_eq!(case.value_at_risk, "1000");
		assert_eq!(case.threshold.as_deref(), Some("340282366920938463463374607431768211455"));
		assert_eq!(case.outcome, format!("0x{}", "00".repeat(32)));
		assert_eq!((case.upheld, case.rejected), (1, 2));
	}
}
