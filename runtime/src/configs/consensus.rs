//! BABE, GRANDPA, sessions, the permissioned validator set and node authorization.

use crate::{
	configs::AdminOrigin, AccountId, Babe, Balances, Runtime, RuntimeCall, RuntimeEvent, Session,
	SessionKeys, ValidatorSet, EPOCH_DURATION_IN_SLOTS,
};
use frame_support::traits::{ConstU32, ConstU64, Contains};
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

/// The most validators the chain supports (BABE and GRANDPA authority lists are bounded by it).
pub type MaxAuthorities = ConstU32<32>;

impl pallet_babe::Config for Runtime {
	type EpochDuration = ConstU64<EPOCH_DURATION_IN_SLOTS>;
	type ExpectedBlockTime = super::system::SlotDuration;
	/// Epochs change when `pallet-session` rotates.
	type EpochChangeTrigger = pallet_babe::ExternalTrigger;
	type DisabledValidators = Session;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	// Validators are known consortium members: equivocations are handled off chain by
	// governance (remove the validator), not by on-chain slashing.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Babe;
	type NextSessionRotation = Babe;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	/// Registering session keys holds a deposit, so key registration cannot be spammed.
	type KeyDeposit = SessionKeyDeposit;
}

frame_support::parameter_types! {
	pub const SessionKeyDeposit: crate::Balance = crate::deposit(1, 64);
}

impl pallet_validator_set::Config for Runtime {
	type ManagerOrigin = AdminOrigin;
	type MaxValidators = MaxAuthorities;
	type MinValidators = ConstU32<1>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

/// pallet-node-authorization's calls open to any signed account (claiming a node, managing its
/// connections): all refused (see `configs::system`'s `BaseCallFilter`). They store unbounded sets
/// without a deposit at a flat weight; which nodes may connect is governance's (`AdminOrigin`:
/// the well-known nodes).
pub struct NodeClaimCalls;
impl Contains<RuntimeCall> for NodeClaimCalls {
	fn contains(call: &RuntimeCall) -> bool {
		use pallet_node_authorization::Call;
		matches!(
			call,
			RuntimeCall::NodeAuthorization(
				Call::claim_node { .. }
					| Call::remove_claim { .. }
					| Call::transfer_node { .. }
					| Call::add_connections { .. }
					| Call::remove_connections { .. }
			)
		)
	}
}

impl pallet_node_authorization::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type MaxWellKnownNodes = ConstU32<64>;
	type MaxPeerIdLength = ConstU32<128>;
	type AddOrigin = AdminOrigin;
	type RemoveOrigin = AdminOrigin;
	type SwapOrigin = AdminOrigin;
	type ResetOrigin = AdminOrigin;
	type WeightInfo = ();
}
