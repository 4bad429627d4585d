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
	/// Only calls that move no value out of the account (an allow-list, so a call added later is
	/// refused until it is judged): registry, documents, attestations and the administration of
	/// tokens, content records, auditing (signals, votes, unbonding), contracts without value,
	/// and the utility, multisig, proxy, session and council calls. Never a transfer, a token
	/// withdrawal, a content payment or sale offer, giving away a content or a share of its
	/// rights, a service fee, a case or an objection stake, a scheduled or sudo call.
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
			ProxyType::NonTransfer => moves_no_value(call),
			ProxyType::Governance => matches!(
				call,
				RuntimeCall::Council(..)
					| RuntimeCall::CouncilMembership(..)
		| RuntimeCall::Enactment(..)
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

/// Whether `call` is one a `NonTransfer` proxy may make: it moves nothing of value out of the
/// account it is made for (holding a deposit or a stake that comes back is not moving value).
fn moves_no_value(call: &RuntimeCall) -> bool {
	use pallet_audit::Call as Audit;
	use pallet_contracts::Call as Contracts;
	use pallet_content::Call as Content;
	use pallet_registry::Call as Registry;
	use pallet_tokens::Call as Tokens;
	match call {
		RuntimeCall::System(frame_system::Call::remark { .. })
		| RuntimeCall::System(frame_system::Call::remark_with_event { .. })
		| RuntimeCall::Session(..)
		| RuntimeCall::Utility(..)
		| RuntimeCall::Multisig(..)
		| RuntimeCall::Proxy(..)
		| RuntimeCall::Council(..)
		| RuntimeCall::CouncilMembership(..)
		| RuntimeCall::ValidatorSet(..)
		| RuntimeCall::Documents(..)
		| RuntimeCall::Attestations(..) => true,
		// Registering a client holds the deposit from the account for as long as the client
		// stays.
		RuntimeCall::Registry(call) => !matches!(call, Registry::register_client { .. }),
		RuntimeCall::Tokens(call) => !matches!(
			call,
			Tokens::transfer { .. } | Tokens::request_withdrawal { .. }
		),
		RuntimeCall::Content(call) => matches!(
			call,
			Content::register { .. }
				| Content::add_right { .. }
				| Content::authorise_gateway { .. }
				| Content::revoke_gateway { .. }
				| Content::publish_terms { .. }
				| Content::withdraw_terms { .. }
				| Content::record_access { .. }
				| Content::clear_licence { .. }
				| Content::register_referral { .. }
				| Content::remove_referral { .. }
		),
		RuntimeCall::Audit(call) => matches!(
			call,
			Audit::signal { .. }
				| Audit::set_keep_bonded { .. }
				| Audit::unbond { .. }
				| Audit::commit { .. }
				| Audit::reveal { .. }
		),
		RuntimeCall::Contracts(call) => match call {
			Contracts::call { value, .. }
			| Contracts::instantiate { value, .. }
			| Contracts::instantiate_with_code { value, .. } => *value == 0,
			Contracts::upload_code { .. } | Contracts::remove_code { .. } => true,
			_ => false,
		},
		_ => false,
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
