//! `pallet-session` integration: this pallet is the runtime's `SessionManager`.

use crate::{Config, Pallet, SetChanged, Validators, LOG_TARGET};
use alloc::vec::Vec;
use sp_staking::SessionIndex;

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	/// Hands the set to `pallet-session` only when it changed, so unchanged sessions keep the
	/// authorities (and GRANDPA set id) they have.
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		if !SetChanged::<T>::take() {
			return None;
		}
		let set = Validators::<T>::get().into_inner();
		log::info!(target: LOG_TARGET, "session {new_index}: {} validators planned", set.len());
		Some(set)
	}

	fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		let set = Validators::<T>::get();
		(!set.is_empty()).then(|| set.into_inner())
	}

	fn end_session(_end_index: SessionIndex) {}

	fn start_session(_start_index: SessionIndex) {}
}
