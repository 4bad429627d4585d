//! Supply checks, withdrawal bookkeeping, the ledger's freezing, views and invariants.

use crate::{
	pallet::{AssetDetailsOf, Assets, BalanceOf, WithdrawalOf},
	AccountWithdrawals, AssetId, AssetView, Collateral, Config, Error, Pallet, Sent, TokenCount,
	Tokens, WithdrawalId, Withdrawals,
};
use alloc::collections::BTreeMap;
use frame_support::{
	pallet_prelude::*,
	traits::fungibles::{Inspect, Mutate},
};
use frame_system::RawOrigin;
use sp_runtime::{
	traits::{CheckedAdd, Saturating, StaticLookup, Zero},
	FixedPointNumber,
};

impl<T: Config> Pallet<T> {
	/// The issued supply of `asset`: everything pallet-assets holds of it, escrow included.
	pub fn issued(asset: AssetId) -> BalanceOf<T> {
		<Assets<T> as Inspect<_>>::total_issuance(asset)
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

	/// Remove withdrawal `id` from the books; returns it and the asset's fee collector.
	pub(crate) fn close_withdrawal(
		id: WithdrawalId,
	) -> Result<(WithdrawalOf<T>, T::AccountId), Error<T>> {
		let w = Withdrawals::<T>::take(id).ok_or(Error::<T>::UnknownWithdrawal)?;
		AccountWithdrawals::<T>::mutate(&w.who, |ids| ids.retain(|other| *other != id));
		let collector = Tokens::<T>::try_mutate(w.asset, |details| {
			let details = details.as_mut().ok_or(Error::<T>::UnknownAsset)?;
			details.pending_withdrawals =
				details.pending_withdrawals.saturating_sub(w.amount.saturating_add(w.fee));
			Ok::<_, Error<T>>(details.fee_collector.clone())
		})?;
		Ok((w, collector))
	}

	/// A rejected withdrawal's amount stops counting towards the day's and month's totals it
	/// was counted in, if they are still the current ones.
	pub(crate) fn give_back_usage(w: &WithdrawalOf<T>) {
		Sent::<T>::mutate(w.asset, &w.who, |usage| {
			if let Some(usage) = usage {
				if usage.day == w.day {
					usage.day_total = usage.day_total.saturating_sub(w.amount);
				}
				if usage.month == w.month {
					usage.month_total = usage.month_total.saturating_sub(w.amount);
				}
			}
		});
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

	/// `asset` with its issued supply and what may still be issued.
	pub fn asset_view(asset: AssetId) -> Option<AssetView<T::AccountId, BalanceOf<T>>> {
		let details = Tokens::<T>::get(asset)?;
		let issued = Self::issued(asset);
		let issuable = Self::issuable(&details, issued);
		Some(AssetView { details, issued, issuable })
	}

	/// Invariants: per asset, the holders' balances plus the pending withdrawals are the issued
	/// supply; the escrow holds exactly the pending withdrawals; the supply is within the
	/// authorised and collateralised amounts; the collateral records add up; the withdrawal
	/// index matches the requests. Run by `try-runtime` and by the tests.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let escrow = Self::account();
		let mut pending: BTreeMap<AssetId, BalanceOf<T>> = BTreeMap::new();
		for (id, w) in Withdrawals::<T>::iter() {
			let entry = pending.entry(w.asset).or_default();
			*entry = entry.saturating_add(w.amount).saturating_add(w.fee);
			ensure!(
				AccountWithdrawals::<T>::get(&w.who).contains(&id),
				"a withdrawal is missing from its account's index"
			);
		}
		let indexed: usize = AccountWithdrawals::<T>::iter_values().map(|ids| ids.len()).sum();
		ensure!(indexed == Withdrawals::<T>::iter().count(), "the withdrawal index has strays");
		let mut count = 0u32;
		for (asset, details) in Tokens::<T>::iter() {
			count = count.saturating_add(1);
			let issued = Self::issued(asset);
			let held: BalanceOf<T> = pallet_assets::Account::<T>::iter_prefix(asset)
				.filter(|(who, _)| *who != escrow)
				.fold(Zero::zero(), |sum: BalanceOf<T>, (_, account)| {
					sum.saturating_add(account.balance)
				});
			let waiting = pending.get(&asset).copied().unwrap_or_default();
			ensure!(details.pending_withdrawals == waiting, "pending withdrawals are miscounted");
			ensure!(
				<Assets<T> as Inspect<_>>::balance(asset, &escrow) == waiting,
				"the escrow does not hold exactly the pending withdrawals"
			);
			ensure!(
				held.saturating_add(waiting) == issued,
				"balances plus pending withdrawals differ from the issued supply"
			);
			ensure!(issued <= details.authorised, "issued above the authorised supply");
			Self::ensure_collateralised(&details, issued)
				.map_err(|_| "issued above collateral × ratio")?;
			let (records, sum) = Collateral::<T>::iter_prefix_values(asset)
				.fold((0u32, BalanceOf::<T>::zero()), |(n, sum), record| {
					(n.saturating_add(1), sum.saturating_add(record.amount))
				});
			ensure!(
				records == details.collateral_records && sum == details.collateral,
				"collateral records do not add up"
			);
		}
		ensure!(count == TokenCount::<T>::get(), "the asset count is off");
		Ok(())
	}
}
