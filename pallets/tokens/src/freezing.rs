//! Freezing: a security admin freezes or thaws an asset as a whole or one holder's account of
//! it, in pallet-assets, with this pallet's account as the asset's freezer.

use crate::{pallet::*, AssetId};
use frame_support::pallet_prelude::*;
use frame_system::RawOrigin;
use sp_runtime::traits::StaticLookup;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_frozen(
		asset: AssetId,
		who: Option<T::AccountId>,
		frozen: bool,
	) -> DispatchResult {
		ensure!(Tokens::<T>::contains_key(asset), Error::<T>::UnknownAsset);
		Self::freeze_in_ledger(asset, who.clone(), frozen)?;
		Self::deposit_event(Event::FrozenSet { asset, who, frozen });
		Ok(())
	}

	/// Freeze or thaw the asset (`who` = `None`) or an account of it in pallet-assets, as the
	/// asset's freezer (this pallet's account).
	pub(crate) fn freeze_in_ledger(
		asset: AssetId,
		who: Option<T::AccountId>,
		frozen: bool,
	) -> DispatchResult {
		let origin: T::RuntimeOrigin = RawOrigin::Signed(Self::account()).into();
		let id: T::AssetIdParameter = asset.into();
		match (who, frozen) {
			(None, true) => Assets::<T>::freeze_asset(origin, id),
			(None, false) => Assets::<T>::thaw_asset(origin, id),
			(Some(who), true) => Assets::<T>::freeze(origin, id, T::Lookup::unlookup(who)),
			(Some(who), false) => Assets::<T>::thaw(origin, id, T::Lookup::unlookup(who)),
		}
	}
}
