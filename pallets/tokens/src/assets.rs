//! Assets: creating an asset in pallet-assets under this pallet's account, its holder policy and
//! fee collector, its metadata; and the pallet's account that owns every asset.

use crate::{pallet::*, AssetDetails, AssetId, HolderPolicy};
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::fungibles::{metadata::Mutate as MetadataMutate, Create, Mutate},
};
use pactum_primitives::ParticipantRegistry;
use sp_runtime::{traits::AccountIdConversion, FixedU128};

impl<T: Config> Pallet<T> {
	/// This pallet's account: owner of every asset and escrow of pending withdrawals and held
	/// payments. Of each asset it always holds the asset's minimum balance on top (its floor,
	/// minted when the asset is created and never issued supply), so pallet-assets never reaps
	/// it: a payout that took it below the minimum would otherwise sweep the other escrowed
	/// amounts away with it.
	pub fn account() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	pub(crate) fn do_create_asset(
		by: T::AccountId,
		asset: AssetId,
		min_balance: BalanceOf<T>,
		policy: HolderPolicy,
		fee_collector: T::AccountId,
		collateral_ratio: FixedU128,
	) -> DispatchResult {
		ensure!(!Tokens::<T>::contains_key(asset), Error::<T>::AssetExists);
		ensure!(!min_balance.is_zero(), Error::<T>::ZeroAmount);
		ensure!(
			T::Registry::standing(&fee_collector).is_some(),
			Error::<T>::CollectorNotParticipant
		);
		let count = TokenCount::<T>::get();
		ensure!(count < T::MaxAssets::get(), Error::<T>::TooManyAssets);
		ensure!(
			!<Assets<T> as frame_support::traits::fungibles::Inspect<_>>::asset_exists(asset),
			Error::<T>::AssetExists
		);
		<Assets<T> as Create<_>>::create(asset, Self::account(), true, min_balance)?;
		<Assets<T> as Mutate<_>>::mint_into(asset, &Self::account(), min_balance)?;
		Tokens::<T>::insert(
			asset,
			AssetDetails {
				policy,
				fee_collector: fee_collector.clone(),
				authorised: Zero::zero(),
				collateral: Zero::zero(),
				collateral_ratio,
				collateral_records: 0,
				next_collateral: 0,
				pending_withdrawals: Zero::zero(),
			},
		);
		TokenCount::<T>::put(count.saturating_add(1));
		Self::deposit_event(Event::AssetCreated {
			asset,
			by,
			min_balance,
			policy,
			fee_collector,
			collateral_ratio,
		});
		Ok(())
	}

	pub(crate) fn do_set_policy(
		asset: AssetId,
		policy: HolderPolicy,
		fee_collector: T::AccountId,
	) -> DispatchResult {
		ensure!(
			T::Registry::standing(&fee_collector).is_some(),
			Error::<T>::CollectorNotParticipant
		);
		Tokens::<T>::try_mutate(asset, |details| -> DispatchResult {
			let details = details.as_mut().ok_or(Error::<T>::UnknownAsset)?;
			details.policy = policy;
			details.fee_collector = fee_collector.clone();
			Ok(())
		})?;
		Self::deposit_event(Event::PolicySet { asset, policy, fee_collector });
		Ok(())
	}

	pub(crate) fn do_set_metadata(
		asset: AssetId,
		name: Vec<u8>,
		symbol: Vec<u8>,
		decimals: u8,
	) -> DispatchResult {
		ensure!(Tokens::<T>::contains_key(asset), Error::<T>::UnknownAsset);
		<Assets<T> as MetadataMutate<_>>::set(asset, &Self::account(), name, symbol, decimals)
	}
}
