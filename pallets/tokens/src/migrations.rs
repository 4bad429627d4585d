//! Storage migrations of the tokens pallet.

/// Version 1: the holder policy says whether contracts registered as participants may hold an
/// asset (`HolderPolicy::contract`). Every asset created before keeps admitting exactly whom it
/// admitted: `contract` is `false`.
pub mod v1 {
	use crate::{pallet::*, AssetDetails, CollateralId, HolderPolicy};
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	};
	use sp_runtime::FixedU128;

	/// The holder policy of version 0.
	#[derive(Encode, Decode)]
	pub struct PolicyV0 {
		pub unverified: bool,
		pub verified: bool,
		pub corporate: bool,
		pub min_kyc_level: u8,
	}

	/// An asset's record of version 0: as now, with the version 0 policy.
	#[derive(Encode, Decode)]
	pub struct AssetDetailsV0<AccountId, Balance> {
		pub policy: PolicyV0,
		pub fee_collector: AccountId,
		pub authorised: Balance,
		pub collateral: Balance,
		pub collateral_ratio: FixedU128,
		pub collateral_records: u32,
		pub next_collateral: CollateralId,
		pub pending_withdrawals: Balance,
	}

	/// Rewrites every asset's record with `contract: false`.
	pub struct Inner<T>(core::marker::PhantomData<T>);
	impl<T: Config> UncheckedOnRuntimeUpgrade for Inner<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut count = 0u64;
			Tokens::<T>::translate::<AssetDetailsV0<T::AccountId, BalanceOf<T>>, _>(|_, old| {
				count = count.saturating_add(1);
				Some(AssetDetails {
					policy: HolderPolicy {
						unverified: old.policy.unverified,
						verified: old.policy.verified,
						corporate: old.policy.corporate,
						min_kyc_level: old.policy.min_kyc_level,
						contract: false,
					},
					fee_collector: old.fee_collector,
					authorised: old.authorised,
					collateral: old.collateral,
					collateral_ratio: old.collateral_ratio,
					collateral_records: old.collateral_records,
					next_collateral: old.next_collateral,
					pending_withdrawals: old.pending_withdrawals,
				})
			});
			T::DbWeight::get().reads_writes(count, count)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			Ok((Tokens::<T>::iter_keys().count() as u32).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u32::decode(&mut &state[..]).map_err(|_| "pre-upgrade state")?;
			let mut after = 0u32;
			for details in Tokens::<T>::iter_values() {
				after = after.saturating_add(1);
				ensure!(!details.policy.contract, "a migrated asset admits contracts");
			}
			ensure!(before == after, "assets lost in the migration");
			Ok(())
		}
	}

	/// The migration, run once: from storage version 0 to 1.
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		Inner<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 2: an asset's fee and limit rules are one item (`Rules`) and each account's own rules
/// another (`AccountRules`), instead of one item per scope (`Fees`, `Limits`), so that a payment
/// reads one or two items instead of up to seven.
pub mod v2 {
	use crate::{pallet::*, FeeRule, LimitRule};
	#[cfg(feature = "try-runtime")]
	use codec::{Decode, Encode};
	use frame_support::{
		migrations::VersionedMigration, pallet_prelude::*, storage_alias,
		traits::UncheckedOnRuntimeUpgrade,
	};

	/// Fee rules of version 1, by asset and scope.
	#[storage_alias]
	pub type Fees<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Blake2_128Concat,
		crate::AssetId,
		Blake2_128Concat,
		FeeScopeOf<T>,
		FeeRule<BalanceOf<T>>,
	>;

	/// Limit rules of version 1, by asset and scope.
	#[storage_alias]
	pub type Limits<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Blake2_128Concat,
		crate::AssetId,
		Blake2_128Concat,
		LimitScopeOf<T>,
		LimitRule<BalanceOf<T>>,
	>;

	/// Moves every rule of `Fees` and `Limits` to its place in `Rules` or `AccountRules`.
	pub struct Inner<T>(core::marker::PhantomData<T>);
	impl<T: Config> UncheckedOnRuntimeUpgrade for Inner<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut moved, mut dropped) = (0u64, 0u64);
			for (asset, scope, rule) in Fees::<T>::drain() {
				match Pallet::<T>::store_fee(asset, &scope, Some(rule)) {
					Ok(()) => moved = moved.saturating_add(1),
					Err(_) => dropped = dropped.saturating_add(1),
				}
			}
			for (asset, scope, rule) in Limits::<T>::drain() {
				match Pallet::<T>::store_limits(asset, &scope, Some(rule)) {
					Ok(()) => moved = moved.saturating_add(1),
					// More KYC levels with rules of their own than an asset may have now.
					Err(_) => dropped = dropped.saturating_add(1),
				}
			}
			if dropped > 0 {
				log::warn!(
					target: "runtime::tokens",
					"{dropped} limit rules dropped: more KYC levels than MAX_KYC_LEVEL_RULES"
				);
			}
			// Each rule: read and removed, then its asset's (and account's) item read and written.
			let rules = moved.saturating_add(dropped);
			T::DbWeight::get().reads_writes(rules.saturating_mul(3), rules.saturating_mul(3))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let rules = Fees::<T>::iter_keys().count() + Limits::<T>::iter_keys().count();
			Ok((rules as u32).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u32::decode(&mut &state[..]).map_err(|_| "pre-upgrade state")?;
			ensure!(Fees::<T>::iter_keys().next().is_none(), "fee rules left behind");
			ensure!(Limits::<T>::iter_keys().next().is_none(), "limit rules left behind");
			ensure!(Pallet::<T>::rule_count() == before, "rules lost in the migration");
			Ok(())
		}
	}

	/// The migration, run once: from storage version 1 to 2.
	pub type MigrateToV2<T> = VersionedMigration<
		1,
		2,
		Inner<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
