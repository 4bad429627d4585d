//! The participant registry: who an account is (KYC, kind), what it may do (roles), bans and
//! recovery. Every Pactum pallet asks it.

use crate::{
	configs::{AdminOrigin, RuntimeBlockWeights},
	deposit, Balance, Balances, BlockNumber, Runtime, RuntimeHoldReason, DAYS,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU8},
	weights::Weight,
};
use sp_runtime::Perbill;

parameter_types! {
	/// Two storage items (the participant record and its operator key) of at most 256 bytes.
	pub const RegistrationDeposit: Balance = deposit(2, 256);
	/// A day to notice and cancel a recovery before it moves the account.
	pub const RecoveryDelay: BlockNumber = DAYS;
	/// A tenth of a block per recovery call for the pallets' hooks; a participant's state that
	/// needs more moves over several calls (`continue_recovery`).
	pub RecoveryBudget: Weight = Perbill::from_percent(10) * RuntimeBlockWeights::get().max_block;
}

impl pallet_registry::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RegistrationDeposit = RegistrationDeposit;
	type AdminOrigin = AdminOrigin;
	/// Levels 1 (basic identity) to 3 (full due diligence).
	type MaxKycLevel = ConstU8<3>;
	type MaxOrgCodeLen = ConstU32<32>;
	type RecoveryDelay = RecoveryDelay;
	/// A recovered participant's token balances, withdrawals and limit usage move with it, then
	/// its places in documents, its certificates and its deposits for them, then its auditor
	/// record and audit holds, then its content NFTs, rights, licences, credits and deposits,
	/// then its attestation deposits and the attestations it holds.
	type OnRecovered =
		(crate::Tokens, crate::Documents, crate::Audit, crate::Content, crate::Attestations);
	type RecoveryBudget = RecoveryBudget;
	/// Every pallet's roles; each pallet declares its own numbers, the integrity test checks
	/// that none is used twice.
	type Roles = (
		pallet_registry::roles::All,
		pallet_tokens::roles::All,
		pallet_documents::roles::All,
		pallet_audit::roles::All,
		pallet_attestations::roles::All,
		crate::roles::All,
	);
	/// A registered contract is a participant while it runs the code it registered with.
	type Contracts = crate::configs::contracts::ContractCodes;
	type WeightInfo = pallet_registry::weights::SubstrateWeight<Runtime>;
}
