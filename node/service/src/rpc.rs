//! The node's JSON-RPC extensions beyond the standard set (`chain_*`, `state_*`, `author_*`,
//! `system_*` from sc-rpc): account nonces, fee queries, BABE, GRANDPA and the participant
//! registry (`registry_participant`, `registry_roles`), documents (`documents_get`,
//! `documents_verify`, `documents_byParty`, `documents_canAccess`, `documents_certificates`),
//! tokens (`tokens_quoteTransfer`, `tokens_asset`) and content (`content_licence`,
//! `content_rights`), audit (`audit_case`, `audit_auditor`) and attestations
//! (`attestations_resolveDid`, `attestations_schema`, `attestations_get`, `attestations_about`,
//! `attestations_byIssuer`, `attestations_bySchema`, `attestations_trustSummary`,
//! `attestations_hasAccess`).
//!
//! Pallets that ship a custom RPC add their module to [`create_full`] with one `merge` call.

use jsonrpsee::RpcModule;
use pactum_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Hash, Nonce, Signature};
use sc_consensus_babe::BabeWorkerHandle;
use sc_consensus_grandpa::{
	FinalityProofProvider, GrandpaJustificationStream, SharedAuthoritySet, SharedVoterState,
};
use sc_rpc::SubscriptionTaskExecutor;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_consensus::SelectChain;
use sp_keystore::KeystorePtr;
use std::sync::Arc;

/// What the BABE RPC needs.
pub struct BabeDeps<SC> {
	/// Answers epoch questions.
	pub worker_handle: BabeWorkerHandle<Block>,
	/// The node's keystore, to tell which slots it may author.
	pub keystore: KeystorePtr,
	/// The best-chain selection rule.
	pub select_chain: SC,
}

/// What the GRANDPA RPC needs.
pub struct GrandpaDeps<B> {
	/// The voter's state, for `grandpa_roundState`.
	pub shared_voter_state: SharedVoterState,
	/// The authority set, for `grandpa_roundState`.
	pub shared_authority_set: SharedAuthoritySet<<Block as sp_runtime::traits::Block>::Hash, u32>,
	/// New justifications, for `grandpa_subscribeJustifications`.
	pub justification_stream: GrandpaJustificationStream<Block>,
	/// Runs subscriptions.
	pub subscription_executor: SubscriptionTaskExecutor,
	/// Finality proofs, for `grandpa_proveFinality`.
	pub finality_provider: Arc<FinalityProofProvider<B, Block>>,
}

/// Everything the RPC extensions need.
pub struct FullDeps<C, P, SC, B> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// BABE.
	pub babe: BabeDeps<SC>,
	/// GRANDPA.
	pub grandpa: GrandpaDeps<B>,
}

/// Builds the RPC extensions of a full node.
pub fn create_full<C, P, SC, B>(
	deps: FullDeps<C, P, SC, B>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ pallet_registry_rpc::RegistryRuntimeApi<Block, AccountId, Hash, Balance, BlockNumber>
		+ pallet_documents_rpc::DocumentsRuntimeApi<
			Block,
			AccountId,
			Balance,
			BlockNumber,
			Hash,
			Signature,
		> + pallet_tokens_rpc::TokensRuntimeApi<Block, AccountId, Balance>
		+ pallet_content_rpc::ContentRuntimeApi<Block, AccountId, Balance, BlockNumber>
		+ pallet_audit_rpc::AuditRuntimeApi<Block, AccountId, Balance, BlockNumber>
		+ pallet_attestations_rpc::AttestationsRuntimeApi<Block, AccountId, BlockNumber>
		+ sp_consensus_babe::BabeApi<Block>
		+ BlockBuilder<Block>,
	P: TransactionPool + 'static,
	SC: SelectChain<Block> + 'static,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
	B::State: sc_client_api::StateBackend<sp_runtime::traits::HashingFor<Block>>,
{
	use pallet_attestations_rpc::{Attestations, AttestationsApiServer};
	use pallet_audit_rpc::{Audit, AuditApiServer};
	use pallet_content_rpc::{Content, ContentApiServer};
	use pallet_documents_rpc::{Documents, DocumentsApiServer};
	use pallet_registry_rpc::{Registry, RegistryApiServer};
	use pallet_tokens_rpc::{Tokens, TokensApiServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use sc_consensus_babe_rpc::{Babe, BabeApiServer};
	use sc_consensus_grandpa_rpc::{Grandpa, GrandpaApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let FullDeps { client, pool, babe, grandpa } = deps;
	let mut module = RpcModule::new(());

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module
		.merge(Registry::<_, Block, Hash, Balance, BlockNumber>::new(client.clone()).into_rpc())?;
	module.merge(
		Documents::<_, Block, Balance, BlockNumber, Hash, Signature>::new(client.clone())
			.into_rpc(),
	)?;
	module.merge(Tokens::<_, Block, Balance>::new(client.clone()).into_rpc())?;
	module.merge(Content::<_, Block, Balance>::new(client.clone()).into_rpc())?;
	module.merge(Audit::<_, Block, Balance>::new(client.clone()).into_rpc())?;
	module.merge(Attestations::<_, Block, BlockNumber>::new(client.clone()).into_rpc())?;
	module.merge(
		Babe::new(client, babe.worker_handle, babe.keystore, babe.select_chain).into_rpc(),
	)?;
	module.merge(
		Grandpa::new(
			grandpa.subscription_executor,
			grandpa.shared_authority_set,
			grandpa.shared_voter_state,
			grandpa.justification_stream,
			grandpa.finality_provider,
		)
		.into_rpc(),
	)?;

	Ok(module)
}
