//! Issuance: the authorised supply, collateral records and the collateral ratio, and minting
//! within both (issuance by an admin here, and the mint behind a confirmed deposit).

use crate::{pallet::*, AssetId, CollateralId, CollateralRecord, Digest};
use frame_support::{
	pallet_prelude::*,
	traits::fungibles::{Inspect, Mutate},
};
use sp_runtime::{traits::Saturating, FixedPointNumber, FixedU128};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_authorised_supply(
		by: T::AccountId,
		asset: AssetId,
		authorised: BalanceOf<T>,
	) -> DispatchResult {
		Tokens::<T>::try_mutate(asset, |details| -> DispatchResult {
			let details = details.as_mut().ok_or(Error::<T>::UnknownAsset)?;
			ensure!(authorised >= Self::issued(asset), Error::<T>::BelowIssued);
			details.authorised = authorised;
			Ok(())
		})?;
		Self::deposit_event(Event::AuthorisedSupplySet { asset, authorised, by });
		Ok(())
	}

	pub(crate) fn do_add_collateral(
		by: T::AccountId,
		asset: AssetId,
		amount: BalanceOf<T>,
		evidence: Digest,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let (id, total) = Tokens::<T>::try_mutate(asset, |details| {
			let details = details.as_mut().ok_or(Error::<T>::UnknownAsset)?;
			ensure!(
				details.collateral_records < T::MaxCollateralRecords::get(),
				Error::<T>::TooManyCollateralRecords
			);
			let id = details.next_collateral;
			details.collateral =
				details.collateral.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			details.collateral_records = details.collateral_records.saturating_add(1);
			details.next_collateral = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			Ok::<_, Error<T>>((id, details.collateral))
		})?;
		let added_at = frame_system::Pallet::<T>::block_number();
		Collateral::<T>::insert(
			asset,
			id,
			CollateralRecord { amount, evidence, added_by: by, added_at },
		);
		Self::deposit_event(Event::CollateralAdded { asset, id, amount, evidence, total });
		Ok(())
	}

	pub(crate) fn do_release_collateral(asset: AssetId, id: CollateralId) -> DispatchResult {
		let record = Collateral::<T>::get(asset, id).ok_or(Error::<T>::UnknownCollateral)?;
		let total = Tokens::<T>::try_mutate(asset, |details| {
			let details = details.as_mut().ok_or(Error::<T>::UnknownAsset)?;
			details.collateral = details.collateral.saturating_sub(record.amount);
			details.collateral_records = details.collateral_records.saturating_sub(1);
			Self::ensure_collateralised(details, Self::issued(asset))?;
			Ok::<_, Error<T>>(details.collateral)
		})?;
		Collateral::<T>::remove(asset, id);
		Self::deposit_event(Event::CollateralReleased { asset, id, amount: record.amount, total });
		Ok(())
	}

	pub(crate) fn do_set_collateral_ratio(asset: AssetId, ratio: FixedU128) -> DispatchResult {
		Tokens::<T>::try_mutate(asset, |details| {
			let details = details.as_mut().ok_or(Error::<T>::UnknownAsset)?;
			details.collateral_ratio = ratio;
			Self::ensure_collateralised(details, Self::issued(asset))
		})?;
		Self::deposit_event(Event::CollateralRatioSet { asset, ratio });
		Ok(())
	}

	pub(crate) fn do_issue(
		by: T::AccountId,
		asset: AssetId,
		to: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		Self::mint_checked(asset, &to, amount)?;
		Self::deposit_event(Event::Issued { asset, to, amount, by });
		Ok(())
	}

	/// The issued supply of `asset`: everything pallet-assets holds of it, escrow included, but
	/// the escrow's floor (see [`Self::account`]).
	pub fn issued(asset: AssetId) -> BalanceOf<T> {
		<Assets<T> as Inspect<_>>::total_issuance(asset)
			.saturating_sub(<Assets<T> as Inspect<_>>::minimum_balance(asset))
	}

	/// How much more of the asset may be issued: the lesser of the authorised and the
	/// collateralised headroom.
	pub(crate) fn issuable(details: &AssetDetailsOf<T>, issued: BalanceOf<T>) -> BalanceOf<T> {
		details.authorised.min(Self::backed(details)).saturating_sub(issued)
	}

	/// The most the collateral covers: `collateral × collateral_ratio`.
	fn backed(details: &AssetDetailsOf<T>) -> BalanceOf<T> {
		details.collateral_ratio.saturating_mul_int(details.collateral)
	}

	/// `issued` is within `collateral × collateral_ratio`.
	pub(crate) fn ensure_collateralised(
		details: &AssetDetailsOf<T>,
		issued: BalanceOf<T>,
	) -> Result<(), Error<T>> {
		ensure!(issued <= Self::backed(details), Error::<T>::Undercollateralised);
		Ok(())
	}

	/// Mint `amount` of `asset` to `to`, an admitted holder, within the authorised and
	/// collateralised supply.
	pub(crate) fn mint_checked(
		asset: AssetId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let details = Tokens::<T>::get(asset).ok_or(Error::<T>::UnknownAsset)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::ensure_may_receive(&details, to)?;
		let issued = Self::issued(asset).checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		ensure!(issued <= details.authorised, Error::<T>::OverAuthorisedSupply);
		Self::ensure_collateralised(&details, issued)?;
		<Assets<T> as Mutate<_>>::mint_into(asset, to, amount)?;
		Ok(())
	}
}
