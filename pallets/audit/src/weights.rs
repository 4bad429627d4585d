//! Weights for `pallet_audit`. Not measured yet: the pallet is not in the runtime until
//! `scripts/benchmark.sh pallet_audit` has generated them (the mock uses `()`).

use frame_support::weights::Weight;

/// Weight functions needed for `pallet_audit`.
pub trait WeightInfo {
	fn signal() -> Weight;
	fn set_keep_bonded() -> Weight;
	fn unbond() -> Weight;
	fn open_case() -> Weight;
	fn commit() -> Weight;
	fn reveal() -> Weight;
	fn object() -> Weight;
	fn pay_service_fee() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn on_initialize_epoch() -> Weight;
	fn settle(p: u32) -> Weight;
	fn settle_slash(p: u32) -> Weight;
	fn finalize(p: u32) -> Weight;
	fn unbond_task() -> Weight;
	fn burn_task() -> Weight;
	fn release_task() -> Weight;
}

impl WeightInfo for () {
	fn signal() -> Weight {
		Weight::zero()
	}
	fn set_keep_bonded() -> Weight {
		Weight::zero()
	}
	fn unbond() -> Weight {
		Weight::zero()
	}
	fn open_case() -> Weight {
		Weight::zero()
	}
	fn commit() -> Weight {
		Weight::zero()
	}
	fn reveal() -> Weight {
		Weight::zero()
	}
	fn object() -> Weight {
		Weight::zero()
	}
	fn pay_service_fee() -> Weight {
		Weight::zero()
	}
	fn on_initialize_idle() -> Weight {
		Weight::zero()
	}
	fn on_initialize_epoch() -> Weight {
		Weight::zero()
	}
	fn settle(_p: u32) -> Weight {
		Weight::zero()
	}
	fn settle_slash(_p: u32) -> Weight {
		Weight::zero()
	}
	fn finalize(_p: u32) -> Weight {
		Weight::zero()
	}
	fn unbond_task() -> Weight {
		Weight::zero()
	}
	fn burn_task() -> Weight {
		Weight::zero()
	}
	fn release_task() -> Weight {
		Weight::zero()
	}
}

