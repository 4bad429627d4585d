//! Deposits: crediting an off-chain payment by minting, once per payment reference.

use crate::{pallet::*, AssetId, DepositRecord, Digest};
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_confirm_deposit(
		by: T::AccountId,
		asset: AssetId,
		to: T::AccountId,
		amount: BalanceOf<T>,
		reference: Digest,
	) -> DispatchResult {
		ensure!(!Deposits::<T>::contains_key(reference), Error::<T>::DuplicateDepositReference);
		Self::mint_checked(asset, &to, amount)?;
		let at = frame_system::Pallet::<T>::block_number();
		Deposits::<T>::insert(
			reference,
			DepositRecord { asset, to: to.clone(), amount, confirmed_by: by.clone(), at },
		);
		Self::deposit_event(Event::DepositConfirmed { asset, to, amount, reference, by });
		Ok(())
	}
}
