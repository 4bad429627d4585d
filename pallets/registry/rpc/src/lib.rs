//! JSON-RPC of the participant registry, for backends and explorers:
//!
//! - `registry_participant(account, at?)`: everything recorded about a participant, decoded
//!   (`null` if the account is not registered);
//! - `registry_roles(account, at?)`: the names of the roles it holds.
//!
//! Hashes and keys are `0x` hex, balances decimal strings (they exceed JSON's safe integers),
//! accounts SS58, enums their variant names.

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
pub use pallet_registry_runtime_api::RegistryApi as RegistryRuntimeApi;
use pallet_registry_runtime_api::ParticipantView;
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::bytes::to_hex;
use sp_runtime::traits::Block as BlockT;
use std::{fmt::Display, marker::PhantomData, sync::Arc};

/// A participant as `registry_participant` returns it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Participant<AccountId> {
	/// `Unverified`, `Verified` or `Corporate`.
	pub kind: String,
	/// The KYC level in force at the block (0 once the verification expired).
	pub kyc_level: u8,
	pub kyc: Option<Kyc>,
	/// Hash of the company record.
	pub company: Option<String>,
	pub roles: Vec<String>,
	pub org_code: Option<String>,
	pub operator_key: Option<OperatorKey>,
	pub deposit: String,
	pub references: u32,
	pub registered_at: u64,
	/// The ban in force at the block.
	pub ban: Option<Ban<AccountId>>,
	pub recovering_to: Option<AccountId>,
}

/// The recorded KYC verification (it may have expired: compare `expiresAt` with the block).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Kyc {
	pub level: u8,
	pub evidence: String,
	pub expires_at: u64,
	pub verified_at: u64,
}

/// A published encryption key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OperatorKey {
	/// `X25519`, `Secp256k1` or `P256`.
	pub scheme: String,
	pub key: String,
}

/// A ban in force.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ban<AccountId> {
	pub reason: u32,
	pub until: Option<u64>,
	pub by: AccountId,
	pub since: u64,
}

fn role_names(roles: &[Vec<u8>]) -> Vec<String> {
	roles.iter().map(|name| String::from_utf8_lossy(name).into_owned()).collect()
}

impl<AccountId, Hash, Balance, BlockNumber>
	From<ParticipantView<AccountId, Hash, Balance, BlockNumber>> for Participant<AccountId>
where
	Hash: AsRef<[u8]>,
	Balance: Display,
	BlockNumber: Into<u64>,
{
	fn from(view: ParticipantView<AccountId, Hash, Balance, BlockNumber>) -> Self {
		Participant {
			kind: format!("{:?}", view.kind),
			kyc_level: view.kyc_level,
			kyc: view.kyc.map(|kyc| Kyc {
				level: kyc.level,
				evidence: to_hex(kyc.evidence.as_ref(), false),
				expires_at: kyc.expires_at.into(),
				verified_at: kyc.verified_at.into(),
			}),
			company: view.company.map(|c| to_hex(c.as_ref(), false)),
			roles: role_names(&view.roles),
			org_code: view.org_code.map(|code| String::from_utf8_lossy(&code).into_owned()),
			operator_key: view.operator_key.map(|key| OperatorKey {
				scheme: format!("{:?}", key.scheme),
				key: to_hex(key.key.as_ref(), false),
			}),
			deposit: view.deposit.to_string(),
			references: view.references,
			registered_at: view.registered_at.into(),
			ban: view.ban.map(|ban| Ban {
				reason: ban.reason,
				until: ban.until.map(Into::into),
				by: ban.by,
				since: ban.since.into(),
			}),
			recovering_to: view.recovering_to,
		}
	}
}

#[rpc(client, server)]
pub trait RegistryApi<BlockHash, AccountId> {
	/// Everything recorded about `who` at block `at` (default: best); `null` if unregistered.
	#[method(name = "registry_participant")]
	fn participant(
		&self,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<Participant<AccountId>>>;

	/// The names of the roles `who` holds at block `at` (default: best).
	#[method(name = "registry_roles")]
	fn roles(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<Vec<String>>;
}

/// The registry RPC, backed by the runtime API of the client's best (or given) block.
pub struct Registry<C, Block, Hash, Balance, BlockNumber> {
	client: Arc<C>,
	_marker: PhantomData<(Block, Hash, Balance, BlockNumber)>,
}

impl<C, Block, Hash, Balance, BlockNumber> Registry<C, Block, Hash, Balance, BlockNumber> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(1, "registry runtime API call failed", Some(error.to_string()))
}

impl<C, Block, AccountId, Hash, Balance, BlockNumber>
	RegistryApiServer<<Block as BlockT>::Hash, AccountId>
	for Registry<C, Block, Hash, Balance, BlockNumber>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RegistryRuntimeApi<Block, AccountId, Hash, Balance, BlockNumber>,
	AccountId: Codec + Clone + Send + Sync + 'static,
	Hash: Codec + AsRef<[u8]> + Send + Sync + 'static,
	Balance: Codec + Display + Send + Sync + 'static,
	BlockNumber: Codec + Into<u64> + Send + Sync + 'static,
{
	fn participant(
		&self,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<Participant<AccountId>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let view = self.client.runtime_api().participant(at, who).map_err(runtime_error)?;
		Ok(view.map(Into::into))
	}

	fn roles(&self, who: AccountId, at: Option<Block::Hash>) -> RpcResult<Vec<String>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let roles = self.client.runtime_api().roles(at, who).map_err(runtime_error)?;
		Ok(role_names(&roles))
	}
}
