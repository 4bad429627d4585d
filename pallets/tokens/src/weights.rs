//! Placeholder until `scripts/benchmark.sh pallet_tokens` generates this file.

use core::marker::PhantomData;
use frame_support::weights::Weight;

/// Weight functions needed for `pallet_tokens`.
pub trait WeightInfo {
	fn create_asset() -> Weight;
	fn set_policy() -> Weight;
	fn set_metadata() -> Weight;
	fn set_authorised_supply() -> Weight;
	fn add_collateral() -> Weight;
	fn release_collateral() -> Weight;
	fn set_collateral_ratio() -> Weight;
	fn issue() -> Weight;
	fn confirm_deposit() -> Weight;
	fn transfer() -> Weight;
	fn set_fee() -> Weight;
	fn set_limits() -> Weight;
	fn request_withdrawal() -> Weight;
	fn confirm_withdrawal() -> Weight;
	fn reject_withdrawal() -> Weight;
	fn set_frozen() -> Weight;
	fn on_recovered(_a: u32, _w: u32) -> Weight;
}

impl WeightInfo for () {
	fn create_asset() -> Weight {
		Weight::zero()
	}
	fn set_policy() -> Weight {
		Weight::zero()
	}
	fn set_metadata() -> Weight {
		Weight::zero()
	}
	fn set_authorised_supply() -> Weight {
		Weight::zero()
	}
	fn add_collateral() -> Weight {
		Weight::zero()
	}
	fn release_collateral() -> Weight {
		Weight::zero()
	}
	fn set_collateral_ratio() -> Weight {
		Weight::zero()
	}
	fn issue() -> Weight {
		Weight::zero()
	}
	fn confirm_deposit() -> Weight {
		Weight::zero()
	}
	fn transfer() -> Weight {
		Weight::zero()
	}
	fn set_fee() -> Weight {
		Weight::zero()
	}
	fn set_limits() -> Weight {
		Weight::zero()
	}
	fn request_withdrawal() -> Weight {
		Weight::zero()
	}
	fn confirm_withdrawal() -> Weight {
		Weight::zero()
	}
	fn reject_withdrawal() -> Weight {
		Weight::zero()
	}
	fn set_frozen() -> Weight {
		Weight::zero()
	}
	fn on_recovered(_a: u32, _w: u32) -> Weight {
		Weight::zero()
	}
}

/// Placeholder.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_asset() -> Weight {
		Weight::zero()
	}
	fn set_policy() -> Weight {
		Weight::zero()
	}
	fn set_metadata() -> Weight {
		Weight::zero()
	}
	fn set_authorised_supply() -> Weight {
		Weight::zero()
	}
	fn add_collateral() -> Weight {
		Weight::zero()
	}
	fn release_collateral() -> Weight {
		Weight::zero()
	}
	fn set_collateral_ratio() -> Weight {
		Weight::zero()
	}
	fn issue() -> Weight {
		Weight::zero()
	}
	fn confirm_deposit() -> Weight {
		Weight::zero()
	}
	fn transfer() -> Weight {
		Weight::zero()
	}
	fn set_fee() -> Weight {
		Weight::zero()
	}
	fn set_limits() -> Weight {
		Weight::zero()
	}
	fn request_withdrawal() -> Weight {
		Weight::zero()
	}
	fn confirm_withdrawal() -> Weight {
		Weight::zero()
	}
	fn reject_withdrawal() -> Weight {
		Weight::zero()
	}
	fn set_frozen() -> Weight {
		Weight::zero()
	}
	fn on_recovered(_a: u32, _w: u32) -> Weight {
		Weight::zero()
	}
}
