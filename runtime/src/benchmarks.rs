//! The pallets whose weights `pactum-node benchmark pallet` measures (scripts/benchmark.sh).

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_timestamp, Timestamp]
	[pallet_validator_set, ValidatorSet]
	[pallet_sudo, Sudo]
	[pallet_collective, Council]
	[pallet_membership, CouncilMembership]
	[pallet_scheduler, Scheduler]
	[pallet_preimage, Preimage]
	[pallet_enactment, Enactment]
	[pallet_utility, Utility]
	[pallet_multisig, Multisig]
	[pallet_proxy, Proxy]
	[pallet_registry, Registry]
	[pallet_documents, Documents]
	[pallet_tokens, Tokens]
	[pallet_content, Content]
	[pallet_audit, Audit]
	[pallet_attestations, Attestations]
);

impl frame_system_benchmarking::Config for crate::Runtime {}
impl frame_benchmarking::baseline::Config for crate::Runtime {}
impl pallet_transaction_payment::BenchmarkConfig for crate::Runtime {}
