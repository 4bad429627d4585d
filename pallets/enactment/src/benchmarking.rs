//! Benchmarks for `pallet-enactment` (frame-benchmarking v2). The scheduled call is a
//! `system.remark` of `l` bytes: above 128 bytes it is stored as a preimage, up to the preimage
//! pallet's 4 MiB (a runtime upgrade's code is one to two MiB).

use super::*;
use alloc::{boxed::Box, vec};
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::{
	dispatch::GetDispatchInfo,
	traits::{EnsureOrigin, Get},
};
use frame_system::RawOrigin;
use sp_runtime::traits::Hash;

/// The largest call benchmarked: just under the preimage pallet's limit.
const MAX_LEN: u32 = 4 * 1024 * 1024 - 64;

/// Schedules `call` as the council would.
fn schedule_call<T: Config>(call: <T as Config>::RuntimeCall) -> Result<(), BenchmarkError> {
	let origin =
		T::ScheduleOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	Pallet::<T>::schedule(origin, Box::new(call))?;
	Ok(())
}

fn remark<T: Config>(l: u32) -> <T as Config>::RuntimeCall
where
	<T as Config>::RuntimeCall: From<frame_system::Call<T>>,
{
	frame_system::Call::<T>::remark { remark: vec![1u8; l as usize] }.into()
}

#[benchmarks(where <T as Config>::RuntimeCall: From<frame_system::Call<T>>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn schedule(l: Linear<0, MAX_LEN>) -> Result<(), BenchmarkError> {
		let origin =
			T::ScheduleOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let call = remark::<T>(l);
		let call_hash = T::Hashing::hash_of(&call);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Box::new(call));

		assert!(Pending::<T>::contains_key(call_hash));
		Ok(())
	}

	#[benchmark]
	fn cancel() -> Result<(), BenchmarkError> {
		let call = remark::<T>(MAX_LEN);
		let call_hash = T::Hashing::hash_of(&call);
		schedule_call::<T>(call)?;
		let origin =
			T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, call_hash);

		assert!(!Pending::<T>::contains_key(call_hash));
		Ok(())
	}

	/// The call itself is charged on top, with its own weight: here a remark, close to nothing.
	#[benchmark]
	fn enact(l: Linear<0, MAX_LEN>) -> Result<(), BenchmarkError> {
		let call = remark::<T>(l);
		let call_hash = T::Hashing::hash_of(&call);
		let len = call.encoded_size() as u32;
		let weight = call.get_dispatch_info().call_weight;
		schedule_call::<T>(call)?;

		#[extrinsic_call]
		_(RawOrigin::Root, call_hash, len, weight);

		assert!(!Pending::<T>::contains_key(call_hash));
		Ok(())
	}

	#[benchmark]
	fn set_delay() {
		let delay = T::MinimumDelay::get();

		#[extrinsic_call]
		_(RawOrigin::Root, delay);

		assert_eq!(Delay::<T>::get(), delay);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
