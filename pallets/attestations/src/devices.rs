//! Devices: registered by a company (an OEM or a network operator) that answers for them, the
//! subjects of device attestations from any participant.

use crate::*;
use alloc::vec::Vec;
use codec::MaxEncodedLen;
use frame_support::{ensure, pallet_prelude::DispatchResult};
use pactum_primitives::{AccountKind, Standing};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_device(
		controller: T::AccountId,
		standing: Standing,
		device: DeviceId,
		model: Vec<u8>,
	) -> DispatchResult {
		ensure!(standing.kind == AccountKind::Corporate, Error::<T>::NotCorporate);
		let model = Self::to_name(model)?;
		ensure!(!Devices::<T>::contains_key(device), Error::<T>::DeviceExists);
		let deposit = Self::deposit_for(1, DeviceOf::<T>::max_encoded_len());
		Self::hold(&controller, deposit)?;
		let registered_at = frame_system::Pallet::<T>::block_number();
		Devices::<T>::insert(
			device,
			Device { controller: controller.clone(), model: model.clone(), registered_at, deposit },
		);
		Self::deposit_event(Event::DeviceRegistered { device, controller, model });
		Ok(())
	}
}
