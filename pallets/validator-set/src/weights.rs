//! Weights for `pallet-validator-set`.
//!
//! NOT YET GENERATED: these weights count the storage accesses each call makes (read from the
//! code below) and charge them at the runtime's `DbWeight`; the execution part has not been
//! measured yet. They must be replaced by the output of `scripts/benchmark.sh` (frame
//! benchmarking of `benchmarking.rs`) before a production launch. Both calls are governance-only,
//! so an imprecise weight cannot be abused by ordinary accounts.

#![allow(unused_parens, unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// Weight functions needed for `pallet-validator-set`.
pub trait WeightInfo {
	fn add_validator(v: u32) -> Weight;
	fn remove_validator(v: u32) -> Weight;
}

/// Weights charged by the runtime.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Session::NextKeys` (r:1 w:0), `ValidatorSet::Validators` (r:1 w:1),
	/// `ValidatorSet::SetChanged` (r:0 w:1). `v`: validators in the set.
	fn add_validator(v: u32) -> Weight {
		// The set is decoded, scanned and re-encoded: one account id (32 bytes) per validator.
		Weight::from_parts(0, 1_600)
			.saturating_add(Weight::from_parts(0, 32).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `ValidatorSet::Validators` (r:1 w:1), `ValidatorSet::SetChanged` (r:0 w:1).
	fn remove_validator(v: u32) -> Weight {
		Weight::from_parts(0, 1_500)
			.saturating_add(Weight::from_parts(0, 32).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(2))
	}
}

/// For tests: no weight.
impl WeightInfo for () {
	fn add_validator(_v: u32) -> Weight {
		Weight::zero()
	}
	fn remove_validator(_v: u32) -> Weight {
		Weight::zero()
	}
}
