//! Account tools: batching (`utility`), multi-signature accounts and proxies (an operator acting
//! for a client).

use crate::{deposit, Balance, Balances, OriginCaller, Runtime, RuntimeCall, RuntimeEvent};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	parameter_types,
	traits::{ConstU32, InstanceFilter},
};
use scale_info::TypeInfo;
use sp_runtime::traits::BlakeTwo256;

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub const MultisigDepositBase: Balance = deposit(1, 88);
	pub const MultisigDepositFactor: Balance = deposit(0, 32);
	pub const ProxyDepositBase: Balance = deposit(1, 8);
	pub const ProxyDepositFactor: Balance = deposit(0, 33);
	pub const AnnouncementDepositBase: Balance = deposit(1, 8);
	pub const AnnouncementDepositFactor: Balance = deposit(0, 66);
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = MultisigDepositBase;
	type DepositFactor = MultisigDepositFactor;
	type MaxSignatories = ConstU32<100>;
	type WeightInfo = pallet_multisig::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

/// What a proxy may do for the account that appointed it.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Everything.
	#[default]
	#[codec(index = 0)]
	Any,
	/// Everything except moving value: native and token transfers, token withdrawals, content
	/// payments, and giving away a content or a share of its rights.
	#[codec(index = 1)]
	NonTransfer,
	/// Council and membership calls only.
	#[codec(index = 2)]
	Governance,
	/// Only rejecting announcements of other proxies.
	#[codec(index = 3)]
	CancelProxy,
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => !matches!(
				call,
				RuntimeCall::Balances(..)
					| RuntimeCall::Tokens(
						pallet_tokens::Call::transfer { .. }
							| pallet_tokens::Call::request_withdrawal { .. }
					) | RuntimeCall::Content(
					pallet_content::Call::buy_licence { .. }
						| pallet_content::Call::buy_resale { .. }
						| pallet_content::Call::tip { .. }
						| pallet_content::Call::transfer_ownership { .. }
						| pallet_content::Call::transfer_right { .. }
				)
			),
			ProxyType::Governance => matches!(
				call,
				RuntimeCall::Council(..)
					| RuntimeCall::CouncilMembership(..)
					| RuntimeCall::Utility(..)
			),
			ProxyType::CancelProxy => matches!(
				call,
				RuntimeCall::Proxy(pallet_proxy::Call::reject_announcement { .. })
					| RuntimeCall::Utility(..)
					| RuntimeCall::Multisig(..)
			),
		}
	}

	fn is_superset(&self, other: &Self) -> bool {
		match (self, other) {
			(x, y) if x == y => true,
			(ProxyType::Any, _) => true,
			(_, ProxyType::Any) => false,
			(ProxyType::NonTransfer, _) => true,
			_ => false,
		}
	}
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	type MaxProxies = ConstU32<32>;
	type WeightInfo = pallet_proxy::weights::SubstrateWeight<Runtime>;
	type MaxPending = ConstU32<32>;
	type CallHasher = BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}
