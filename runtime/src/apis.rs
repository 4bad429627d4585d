//! The runtime APIs the node and clients call.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use crate::{
	configs::RuntimeBlockWeights, genesis_config_presets, AccountId, Attestations, Audit, Babe,
	Balance, Block, BlockNumber, Content, Contracts, Documents, Executive, Grandpa, Hash,
	InherentDataExt, Nonce, Registry, Runtime, RuntimeCall, RuntimeEvent, RuntimeGenesisConfig,
	SessionKeys, System, Tokens, TransactionPayment, BABE_GENESIS_EPOCH_CONFIG,
	EPOCH_DURATION_IN_SLOTS, VERSION,
};

/// The event records contract dry runs return.
type EventRecord = frame_system::EventRecord<RuntimeEvent, Hash>;

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_babe::BabeApi<Block> for Runtime {
		fn configuration() -> sp_consensus_babe::BabeConfiguration {
			let epoch_config = Babe::epoch_config().unwrap_or(BABE_GENESIS_EPOCH_CONFIG);
			sp_consensus_babe::BabeConfiguration {
				slot_duration: Babe::slot_duration(),
				epoch_length: EPOCH_DURATION_IN_SLOTS,
				c: epoch_config.c,
				authorities: Babe::authorities().to_vec(),
				randomness: Babe::randomness(),
				allowed_slots: epoch_config.allowed_slots,
			}
		}

		fn current_epoch_start() -> sp_consensus_babe::Slot {
			Babe::current_epoch_start()
		}

		fn current_epoch() -> sp_consensus_babe::Epoch {
			Babe::current_epoch()
		}

		fn next_epoch() -> sp_consensus_babe::Epoch {
			Babe::next_epoch()
		}

		fn generate_key_ownership_proof(
			_slot: sp_consensus_babe::Slot,
			_authority_id: sp_consensus_babe::AuthorityId,
		) -> Option<sp_consensus_babe::OpaqueKeyOwnershipProof> {
			// `KeyOwnerProof` is uninhabited: equivocations are not reported on chain.
			None
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_babe::EquivocationProof<<Block as BlockT>::Header>,
			_key_owner_proof: sp_consensus_babe::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// `KeyOwnerProof` is uninhabited: equivocations are not reported on chain.
			None
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_registry_runtime_api::RegistryApi<Block, AccountId, Hash, Balance, BlockNumber>
		for Runtime
	{
		fn participant(
			who: AccountId,
		) -> Option<pallet_registry_runtime_api::ParticipantView<AccountId, Hash, Balance, BlockNumber>> {
			Registry::participant_view(&who)
		}
		fn roles(who: AccountId) -> Vec<alloc::string::String> {
			Registry::roles_of(&who)
		}
	}

	impl pallet_documents_runtime_api::DocumentsApi<Block, AccountId, Balance, BlockNumber, Hash, crate::Signature>
		for Runtime
	{
		fn document(
			id: pallet_documents_runtime_api::DocumentId,
		) -> Option<pallet_documents_runtime_api::DocumentView<AccountId, Balance, BlockNumber, Hash, crate::Signature>> {
			Documents::document_view(id)
		}
		fn verify(
			digest: pallet_documents_runtime_api::Digest,
		) -> pallet_documents_runtime_api::Verification<AccountId, BlockNumber, Hash> {
			Documents::verify(digest)
		}
		fn by_party(
			party: AccountId,
			after: Option<pallet_documents_runtime_api::DocumentId>,
			limit: u32,
		) -> Vec<pallet_documents_runtime_api::PartyDocument<BlockNumber>> {
			Documents::party_documents(&party, after, limit)
		}
		fn certificates(
			holder: AccountId,
			after: Option<pallet_documents_runtime_api::Digest>,
			limit: u32,
		) -> Vec<pallet_documents_runtime_api::CertificateView<AccountId, BlockNumber, Hash>> {
			Documents::holder_certificates(&holder, after, limit)
		}
		fn can_access(document: pallet_documents_runtime_api::DocumentId, who: AccountId) -> bool {
			Documents::can_access(document, &who)
		}
		fn signing_payload(
			document: pallet_documents_runtime_api::DocumentId,
			version: u32,
			hash: pallet_documents_runtime_api::ContentHash,
		) -> Vec<u8> {
			Documents::signing_payload(document, version, &hash)
		}
	}

	impl pallet_tokens_runtime_api::TokensApi<Block, AccountId, Balance> for Runtime {
		fn quote_transfer(
			asset: pallet_tokens_runtime_api::AssetId,
			from: AccountId,
			to: AccountId,
			amount: Balance,
		) -> pallet_tokens_runtime_api::TransferQuote<Balance> {
			Tokens::quote_transfer(asset, &from, &to, amount)
		}
		fn asset(
			asset: pallet_tokens_runtime_api::AssetId,
		) -> Option<pallet_tokens_runtime_api::AssetView<AccountId, Balance>> {
			Tokens::asset_view(asset)
		}
	}

	impl pallet_content_runtime_api::ContentApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn licence(
			account: AccountId,
			content: pallet_content_runtime_api::ContentId,
		) -> Option<pallet_content_runtime_api::LicenceView<Balance, BlockNumber>> {
			Content::licence_view(&account, content)
		}
		fn rights(
			content: pallet_content_runtime_api::ContentId,
		) -> Option<pallet_content_runtime_api::RightsView<AccountId>> {
			Content::rights_view(content)
		}
	}

	impl pallet_audit_runtime_api::AuditApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn case(
			id: pallet_audit_runtime_api::CaseId,
		) -> Option<pallet_audit_runtime_api::CaseView<AccountId, Balance, BlockNumber>> {
			Audit::case_view(id)
		}
		fn auditor(account: AccountId) -> Option<pallet_audit_runtime_api::AuditorView<Balance>> {
			Audit::auditor_view(&account)
		}
	}

	impl pallet_attestations_runtime_api::AttestationsApi<Block, AccountId, BlockNumber> for Runtime {
		fn did(account: AccountId) -> Option<pallet_attestations_runtime_api::DidView<AccountId, BlockNumber>> {
			Attestations::did_view(account)
		}
		fn schema(
			id: pallet_attestations_runtime_api::SchemaId,
		) -> Option<pallet_attestations_runtime_api::SchemaView<AccountId, BlockNumber>> {
			Attestations::schema_view(id)
		}
		fn attestation(
			id: pallet_attestations_runtime_api::AttestationId,
		) -> Option<pallet_attestations_runtime_api::AttestationView<AccountId, BlockNumber>> {
			Attestations::attestation_view(id)
		}
		fn about(
			subject: pallet_attestations_runtime_api::Subject<AccountId>,
			after: Option<pallet_attestations_runtime_api::AttestationId>,
			limit: u32,
		) -> Vec<pallet_attestations_runtime_api::AttestationView<AccountId, BlockNumber>> {
			Attestations::attestations_about(&subject, after, limit)
		}
		fn by_issuer(
			issuer: AccountId,
			after: Option<pallet_attestations_runtime_api::AttestationId>,
			limit: u32,
		) -> Vec<pallet_attestations_runtime_api::AttestationView<AccountId, BlockNumber>> {
			Attestations::attestations_by(&issuer, after, limit)
		}
		fn by_schema(
			schema: pallet_attestations_runtime_api::SchemaId,
			after: Option<pallet_attestations_runtime_api::AttestationId>,
			limit: u32,
		) -> Vec<pallet_attestations_runtime_api::AttestationView<AccountId, BlockNumber>> {
			Attestations::attestations_of(schema, after, limit)
		}
		fn trust_summary(
			device: pallet_attestations_runtime_api::DeviceId,
		) -> Option<pallet_attestations_runtime_api::TrustSummary<AccountId, BlockNumber>> {
			Attestations::trust_summary(device)
		}
		fn has_access(attestation: pallet_attestations_runtime_api::AttestationId, verifier: AccountId) -> bool {
			Attestations::has_access(attestation, &verifier)
		}
	}

	impl pallet_contracts::ContractsApi<Block, AccountId, Balance, BlockNumber, Hash, EventRecord>
		for Runtime
	{
		fn call(
			origin: AccountId,
			dest: AccountId,
			value: Balance,
			gas_limit: Option<Weight>,
			storage_deposit_limit: Option<Balance>,
			input_data: Vec<u8>,
		) -> pallet_contracts::ContractExecResult<Balance, EventRecord> {
			let gas_limit = gas_limit.unwrap_or(RuntimeBlockWeights::get().max_block);
			Contracts::bare_call(
				origin,
				dest,
				value,
				gas_limit,
				storage_deposit_limit,
				input_data,
				pallet_contracts::DebugInfo::UnsafeDebug,
				pallet_contracts::CollectEvents::UnsafeCollect,
				pallet_contracts::Determinism::Enforced,
			)
		}

		fn instantiate(
			origin: AccountId,
			value: Balance,
			gas_limit: Option<Weight>,
			storage_deposit_limit: Option<Balance>,
			code: pallet_contracts::Code<Hash>,
			data: Vec<u8>,
			salt: Vec<u8>,
		) -> pallet_contracts::ContractInstantiateResult<AccountId, Balance, EventRecord> {
			let gas_limit = gas_limit.unwrap_or(RuntimeBlockWeights::get().max_block);
			Contracts::bare_instantiate(
				origin,
				value,
				gas_limit,
				storage_deposit_limit,
				code,
				data,
				salt,
				pallet_contracts::DebugInfo::UnsafeDebug,
				pallet_contracts::CollectEvents::UnsafeCollect,
			)
		}

		fn upload_code(
			origin: AccountId,
			code: Vec<u8>,
			storage_deposit_limit: Option<Balance>,
			determinism: pallet_contracts::Determinism,
		) -> pallet_contracts::CodeUploadResult<Hash, Balance> {
			Contracts::bare_upload_code(origin, code, storage_deposit_limit, determinism)
		}

		fn get_storage(address: AccountId, key: Vec<u8>) -> pallet_contracts::GetStorageResult {
			Contracts::get_storage(address, key)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::{baseline::Pallet as BaselineBench, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};
			use crate::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, AllPalletsWithSystem::storage_info())
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline::Pallet as BaselineBench, BenchmarkBatch};
			use frame_support::traits::{TrackedStorageKey, WhitelistedStorageKeys};
			use frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};
			use crate::*;

			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// The API has no error channel: a failed check fails the call (`pactum-try-runtime`
			// calls the same function of `Executive` and reports the error instead).
			let weight = Executive::try_runtime_upgrade(checks)
				.unwrap_or_else(|e| panic!("try-runtime: the upgrade checks failed: {e:?}"));
			(weight, RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.unwrap_or_else(|e| panic!("try-runtime: the block failed: {e:?}"))
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}
}
