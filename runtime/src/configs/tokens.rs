//! Regulated asset tokens: pallet-assets is the ledger, the tokens pallet the only way in. Every
//! pallet-assets call is refused by the runtime's call filter, so no transfer, mint or burn gets
//! around the holder policy, fees, limits and supply rules.

use crate::{AccountId, Balance, Balances, Registry, Runtime, RuntimeCall, Timestamp};
use frame_support::{
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, Contains, NeverEnsureOrigin},
	PalletId,
};
use frame_system::EnsureRoot;
use pactum_primitives::EnsureRole;
use pallet_registry::roles::SecurityAdmin;
use pallet_tokens::roles::{FeesAdmin, IssuanceAdmin, LimitsAdmin, TradeAdmin};

/// pallet-assets' own calls: all refused (see `configs::system`'s `BaseCallFilter`).
pub struct AssetsCalls;
impl Contains<RuntimeCall> for AssetsCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::Assets(_))
	}
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1_000>;
	type AssetId = pallet_tokens::AssetId;
	type AssetIdParameter = codec::Compact<pallet_tokens::AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	/// Only the tokens pallet creates assets (through the `fungibles` traits).
	type CreateOrigin = AsEnsureOriginWithArg<NeverEnsureOrigin<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	/// No deposits: only the tokens pallet adds ledger state, on an admin's call or a
	/// registered participant's payment.
	type AssetDeposit = ConstU128<0>;
	type AssetAccountDeposit = ConstU128<0>;
	type MetadataDepositBase = ConstU128<0>;
	type MetadataDepositPerByte = ConstU128<0>;
	type ApprovalDeposit = ConstU128<0>;
	type StringLimit = ConstU32<64>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

parameter_types! {
	pub const TokensPalletId: PalletId = PalletId(*b"pct/tokn");
}

impl pallet_tokens::Config for Runtime {
	type Registry = Registry;
	type Time = Timestamp;
	type IssuanceOrigin = EnsureRole<crate::Registry, IssuanceAdmin, AccountId>;
	type FeesOrigin = EnsureRole<crate::Registry, FeesAdmin, AccountId>;
	type LimitsOrigin = EnsureRole<crate::Registry, LimitsAdmin, AccountId>;
	type TradeOrigin = EnsureRole<crate::Registry, TradeAdmin, AccountId>;
	type SecurityOrigin = EnsureRole<crate::Registry, SecurityAdmin, AccountId>;
	type PalletId = TokensPalletId;
	type MaxAssets = ConstU32<32>;
	type MaxCollateralRecords = ConstU32<256>;
	type MaxPendingWithdrawals = ConstU32<16>;
	// A payroll or a settlement run of up to 500 payments in one extrinsic (about a third of a
	// block's weight for normal transactions, by the benchmark).
	type MaxTransferLegs = ConstU32<500>;
	type WeightInfo = pallet_tokens::weights::SubstrateWeight<Runtime>;
}
