//! Benchmarks for `pallet-validator-set` (frame-benchmarking v2).

use super::*;
use alloc::vec::Vec;
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use sp_runtime::traits::TrailingZeroInput;

/// Fills the set with `n` validators and returns them.
fn fill_set<T: Config>(n: u32) -> Vec<T::AccountId> {
	let accounts: Vec<T::AccountId> = (0..n).map(|i| account("validator", i, 0)).collect();
	let bounded: BoundedVec<_, T::MaxValidators> = accounts.clone().try_into().unwrap_or_default();
	Validators::<T>::put(bounded);
	accounts
}

fn register_keys<T: Config>(who: &T::AccountId) {
	let keys = <T as pallet_session::Config>::Keys::decode(&mut TrailingZeroInput::zeroes())
		.expect("zeroed keys decode");
	pallet_session::NextKeys::<T>::insert(who, keys);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator(v: Linear<1, { T::MaxValidators::get().saturating_sub(1) }>) {
		fill_set::<T>(v);
		let who: T::AccountId = account("candidate", 0, 0);
		register_keys::<T>(&who);
		let origin = T::ManagerOrigin::try_successful_origin().expect("manager origin exists");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(Validators::<T>::get().contains(&who));
	}

	#[benchmark]
	fn remove_validator(
		v: Linear<{ T::MinValidators::get().saturating_add(1) }, { T::MaxValidators::get() }>,
	) {
		let set = fill_set::<T>(v);
		// The last one is the worst case for the linear search.
		let who = set.last().cloned().expect("v >= 1");
		let origin = T::ManagerOrigin::try_successful_origin().expect("manager origin exists");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Validators::<T>::get().contains(&who));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
