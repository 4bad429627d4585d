//! `try_state`: per asset, balances plus pending withdrawals and held payments are the issued
//! supply, the escrow holds exactly the pending withdrawals and held payments, the supply is authorised and collateralised, the
//! collateral records add up; the withdrawal index matches the requests; the rules belong to
//! assets and count their accounts' own rules.

use crate::{pallet::*, AssetId};
use alloc::collections::BTreeMap;
use frame_support::{pallet_prelude::*, traits::fungibles::Inspect};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
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
			let held_for = HeldFor::<T>::iter_prefix_values(asset)
				.fold(BalanceOf::<T>::zero(), |sum, held| sum.saturating_add(held));
			let waiting = waiting.saturating_add(held_for);
			let floor = <Assets<T> as Inspect<_>>::minimum_balance(asset);
			ensure!(
				<Assets<T> as Inspect<_>>::balance(asset, &escrow) == waiting.saturating_add(floor),
				"the escrow does not hold exactly its floor, the pending withdrawals and held payments"
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
		let mut accounts = 0usize;
		for (asset, rules) in Rules::<T>::iter() {
			ensure!(Tokens::<T>::contains_key(asset), "rules of an unknown asset");
			let own = AccountRules::<T>::iter_prefix(asset).count();
			ensure!(rules.accounts as usize == own, "accounts with rules of their own miscounted");
			accounts = accounts.saturating_add(own);
		}
		ensure!(
			accounts == AccountRules::<T>::iter().count(),
			"account rules of an asset without rules"
		);
		Ok(())
	}

	/// How many fee and limit rules there are, at every scope of every asset.
	#[cfg(any(feature = "try-runtime", test))]
	pub(crate) fn rule_count() -> u32 {
		let some = |present: bool| present as u32;
		let asset_rules: u32 = Rules::<T>::iter_values()
			.map(|rules| {
				some(rules.fee.is_some()) +
					rules.fee_by_kind.iter().map(|rule| some(rule.is_some())).sum::<u32>() +
					some(rules.limits.is_some()) +
					rules.limits_by_kind.iter().map(|rule| some(rule.is_some())).sum::<u32>() +
					rules.limits_by_kyc_level.len() as u32
			})
			.sum();
		let own_rules: u32 = AccountRules::<T>::iter_values()
			.map(|own| some(own.fee.is_some()) + some(own.limits.is_some()))
			.sum();
		asset_rules + own_rules
	}
}
