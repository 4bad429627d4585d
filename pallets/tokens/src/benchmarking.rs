//! Benchmarks of every call in its most expensive path: rules found at the least specific scope
//! (every more specific lookup misses first), payments that open the recipient's and the fee
//! collector's accounts, and a recovery of `MaxAssets` balances and `MaxPendingWithdrawals`
//! requests.

use super::*;
use crate::pallet::{Assets as Ledger, BalanceOf, Config, Pallet};
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{weights::WeightMeter, BoundedVec};
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use pactum_primitives::{OnParticipantRecovered, ParticipantRegistry, RegulatedLedger};
use sp_runtime::{traits::Zero, FixedU128, Permill, Saturating};

const ASSET: AssetId = 1;

fn amount<T: Config>(units: u32) -> BalanceOf<T> {
	BalanceOf::<T>::from(units)
}

/// A verified participant at KYC level 1.
fn holder<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Registry::register_for_benchmarks(&who, 1, &[]);
	who
}

fn issuance<T: Config>() -> T::RuntimeOrigin {
	T::IssuanceOrigin::try_successful_origin().expect("an issuance admin origin")
}

fn trade<T: Config>() -> T::RuntimeOrigin {
	T::TradeOrigin::try_successful_origin().expect("a trade admin origin")
}

fn policy() -> HolderPolicy {
	HolderPolicy { unverified: true, verified: true, corporate: true, min_kyc_level: 1, contract: true }
}

/// Creates `asset` with a large authorised and collateralised supply; returns its collector.
fn asset<T: Config>(asset: AssetId) -> T::AccountId {
	let collector = holder::<T>("collector", asset);
	let origin = issuance::<T>();
	let supply = amount::<T>(u32::MAX);
	assert!(Pallet::<T>::create_asset(
		origin.clone(),
		asset,
		amount::<T>(1),
		policy(),
		collector.clone(),
		FixedU128::from_u32(1),
	)
	.is_ok());
	assert!(Pallet::<T>::set_authorised_supply(origin.clone(), asset, supply).is_ok());
	assert!(Pallet::<T>::add_collateral(origin, asset, supply, [0; 32]).is_ok());
	collector
}

/// A holder of `units` of `asset`.
fn funded<T: Config>(asset: AssetId, name: &'static str, index: u32, units: u32) -> T::AccountId {
	let who = holder::<T>(name, index);
	assert!(Pallet::<T>::issue(issuance::<T>(), asset, who.clone(), amount::<T>(units)).is_ok());
	who
}

/// `ASSET` with its rules and a sender funded for `MaxTransferLegs` legs, whose first payment
/// (made before there was a fee: the fee collector holds nothing) stored its usage for today;
/// returns the sender's origin and the collector.
fn batch_sender<T: Config>() -> (RawOrigin<T::AccountId>, T::AccountId) {
	let collector = asset::<T>(ASSET);
	let from = funded::<T>(ASSET, "sender", 0, 2_000 * T::MaxTransferLegs::get());
	let origin = RawOrigin::Signed(from);
	let first = holder::<T>("first", 0);
	assert!(Pallet::<T>::transfer(origin.clone().into(), ASSET, first, amount::<T>(10)).is_ok());
	asset_rules::<T>(ASSET);
	(origin, collector)
}

/// `n` legs of 1,000 units, to the accounts `recipient(0..n)` makes.
fn batch<T: Config>(
	n: u32,
	recipient: impl Fn(u32) -> T::AccountId,
) -> BoundedVec<(T::AccountId, BalanceOf<T>), T::MaxTransferLegs> {
	let legs: alloc::vec::Vec<_> = (0..n).map(|i| (recipient(i), amount::<T>(1_000))).collect();
	legs.try_into().expect("n is at most MaxTransferLegs")
}

/// Fee and limit rules at the asset's scope, and a limit rule of a bystander's own: a payment
/// reads the asset's rules and then its sender's own, which it does not find.
fn asset_rules<T: Config>(asset: AssetId) {
	let fees = T::FeesOrigin::try_successful_origin().expect("a fees admin origin");
	let rule = FeeRule {
		flat: amount::<T>(1),
		percent: Permill::from_percent(1),
		min: amount::<T>(2),
		max: Some(amount::<T>(1_000)),
	};
	assert!(Pallet::<T>::set_fee(fees, asset, FeeScope::Asset, Some(rule)).is_ok());
	let limits = T::LimitsOrigin::try_successful_origin().expect("a limits admin origin");
	let big = Some(amount::<T>(u32::MAX));
	let rule = LimitRule { per_payment: big, per_day: big, per_month: big };
	assert!(Pallet::<T>::set_limits(limits.clone(), asset, LimitScope::Asset, Some(rule)).is_ok());
	let bystander = LimitScope::Account(holder::<T>("bystander", 0));
	assert!(Pallet::<T>::set_limits(limits, asset, bystander, Some(rule)).is_ok());
}

/// A pending withdrawal of `who`; returns its id.
fn withdrawal<T: Config>(asset: AssetId, who: &T::AccountId) -> WithdrawalId {
	let id = NextWithdrawal::<T>::get();
	let origin = RawOrigin::Signed(who.clone()).into();
	assert!(Pallet::<T>::request_withdrawal(origin, asset, amount::<T>(100), [1; 32]).is_ok());
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_asset() {
		let collector = holder::<T>("collector", 0);
		let origin = issuance::<T>();
		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			ASSET,
			amount::<T>(1),
			policy(),
			collector,
			FixedU128::from_u32(1),
		);
		assert!(Tokens::<T>::contains_key(ASSET));
	}

	#[benchmark]
	fn set_policy() {
		asset::<T>(ASSET);
		let collector = holder::<T>("new-collector", 0);
		#[extrinsic_call]
		_(issuance::<T>() as T::RuntimeOrigin, ASSET, policy(), collector.clone());
		assert_eq!(Tokens::<T>::get(ASSET).map(|d| d.fee_collector), Some(collector));
	}

	#[benchmark]
	fn set_metadata() {
		asset::<T>(ASSET);
		let longest = vec![b'x'; <T as pallet_assets::Config>::StringLimit::get() as usize];
		#[extrinsic_call]
		_(issuance::<T>() as T::RuntimeOrigin, ASSET, longest.clone(), longest, 18);
	}

	#[benchmark]
	fn set_authorised_supply() {
		asset::<T>(ASSET);
		let authorised = amount::<T>(u32::MAX).saturating_add(amount::<T>(1));
		#[extrinsic_call]
		_(issuance::<T>() as T::RuntimeOrigin, ASSET, authorised);
		assert_eq!(Tokens::<T>::get(ASSET).map(|d| d.authorised), Some(authorised));
	}

	#[benchmark]
	fn add_collateral() {
		asset::<T>(ASSET);
		#[extrinsic_call]
		_(issuance::<T>() as T::RuntimeOrigin, ASSET, amount::<T>(1_000), [2; 32]);
		assert!(Collateral::<T>::contains_key(ASSET, 1));
	}

	#[benchmark]
	fn release_collateral() {
		asset::<T>(ASSET);
		funded::<T>(ASSET, "holder", 0, 1_000);
		assert!(Pallet::<T>::add_collateral(issuance::<T>(), ASSET, amount::<T>(1_000), [2; 32])
			.is_ok());
		#[extrinsic_call]
		_(issuance::<T>() as T::RuntimeOrigin, ASSET, 1);
		assert!(!Collateral::<T>::contains_key(ASSET, 1));
	}

	#[benchmark]
	fn set_collateral_ratio() {
		asset::<T>(ASSET);
		funded::<T>(ASSET, "holder", 0, 1_000);
		let ratio = FixedU128::from_rational(1, 2);
		#[extrinsic_call]
		_(issuance::<T>() as T::RuntimeOrigin, ASSET, ratio);
		assert_eq!(Tokens::<T>::get(ASSET).map(|d| d.collateral_ratio), Some(ratio));
	}

	#[benchmark]
	fn issue() {
		asset::<T>(ASSET);
		let to = holder::<T>("holder", 0);
		#[extrinsic_call]
		_(issuance::<T>() as T::RuntimeOrigin, ASSET, to.clone(), amount::<T>(1_000));
		assert_eq!(Ledger::<T>::balance(ASSET, &to), amount::<T>(1_000));
	}

	#[benchmark]
	fn confirm_deposit() {
		asset::<T>(ASSET);
		let to = holder::<T>("holder", 0);
		let origin = trade::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, ASSET, to.clone(), amount::<T>(1_000), [3; 32]);
		assert!(Deposits::<T>::contains_key([3; 32]));
	}

	#[benchmark]
	fn transfer() {
		let collector = asset::<T>(ASSET);
		asset_rules::<T>(ASSET);
		let from = funded::<T>(ASSET, "sender", 0, 1_000_000);
		// A first payment stores the sender's usage for today.
		let first = holder::<T>("first", 0);
		let origin = RawOrigin::Signed(from.clone());
		assert!(Pallet::<T>::transfer(origin.clone().into(), ASSET, first, amount::<T>(10)).is_ok());
		let to = holder::<T>("recipient", 0);
		#[extrinsic_call]
		_(origin, ASSET, to.clone(), amount::<T>(1_000));
		assert_eq!(Ledger::<T>::balance(ASSET, &to), amount::<T>(1_000));
		assert!(!Ledger::<T>::balance(ASSET, &collector).is_zero());
	}

	/// A contract reads a balance.
	#[benchmark]
	fn ledger_balance() {
		asset::<T>(ASSET);
		let holder = funded::<T>(ASSET, "holder", 0, 1_000);
		let balance;
		#[block]
		{
			balance = <Pallet<T> as RegulatedLedger<T::AccountId>>::balance(ASSET, &holder);
		}
		assert_eq!(balance, amount::<T>(1_000));
	}

	/// The assessment of a transfer as [`Self::transfer`] makes it, every rule in place.
	#[benchmark]
	fn quote() {
		asset::<T>(ASSET);
		asset_rules::<T>(ASSET);
		let from = funded::<T>(ASSET, "sender", 0, 1_000_000);
		let first = holder::<T>("first", 0);
		let origin = RawOrigin::Signed(from.clone());
		assert!(Pallet::<T>::transfer(origin.into(), ASSET, first, amount::<T>(10)).is_ok());
		let to = holder::<T>("recipient", 0);
		let assessment;
		#[block]
		{
			assessment = <Pallet<T> as RegulatedLedger<T::AccountId>>::quote(
				ASSET,
				&from,
				&to,
				amount::<T>(1_000),
			);
		}
		assert_eq!(assessment.refusal, None);
	}

	/// A payment held for an account that cannot receive (unregistered), under the sender's
	/// rules and fee.
	#[benchmark]
	fn transfer_held() {
		let collector = asset::<T>(ASSET);
		asset_rules::<T>(ASSET);
		let from = funded::<T>(ASSET, "sender", 0, 1_000_000);
		let first = holder::<T>("first", 0);
		let origin = RawOrigin::Signed(from.clone());
		assert!(Pallet::<T>::transfer(origin.into(), ASSET, first, amount::<T>(10)).is_ok());
		let to: T::AccountId = account("unregistered", 0, 0);
		#[block]
		{
			assert!(Pallet::<T>::do_transfer_held(ASSET, &from, &to, amount::<T>(1_000)).is_ok());
		}
		assert_eq!(HeldFor::<T>::get(ASSET, &to), amount::<T>(1_000));
		assert!(!Ledger::<T>::balance(ASSET, &collector).is_zero());
	}

	/// Claiming a held payment; the claimant opens its asset account.
	#[benchmark]
	fn claim_held() {
		asset::<T>(ASSET);
		let from = funded::<T>(ASSET, "sender", 0, 1_000_000);
		let to = holder::<T>("claimant", 0);
		assert!(Pallet::<T>::do_transfer_held(ASSET, &from, &to, amount::<T>(1_000)).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(to.clone()), ASSET);
		assert_eq!(Ledger::<T>::balance(ASSET, &to), amount::<T>(1_000));
	}

	/// A transfer that opens no account: recipient and collector already hold the asset.
	#[benchmark]
	fn transfer_to_holders() {
		let collector = asset::<T>(ASSET);
		asset_rules::<T>(ASSET);
		let from = funded::<T>(ASSET, "sender", 0, 1_000_000);
		let to = funded::<T>(ASSET, "recipient", 0, 1_000);
		let origin = RawOrigin::Signed(from.clone());
		let first =
			Pallet::<T>::transfer(origin.clone().into(), ASSET, to.clone(), amount::<T>(10));
		assert!(first.is_ok());
		assert!(!Ledger::<T>::balance(ASSET, &collector).is_zero());
		#[extrinsic_call]
		transfer(origin, ASSET, to.clone(), amount::<T>(1_000));
		assert_eq!(Ledger::<T>::balance(ASSET, &to), amount::<T>(2_010));
	}

	/// A batch of `n` payments, each opening its recipient's asset account (the first opens
	/// the fee collector's too).
	#[benchmark]
	fn transfer_many(n: Linear<1, { T::MaxTransferLegs::get() }>) {
		let (origin, collector) = batch_sender::<T>();
		let legs = batch::<T>(n, |i| holder::<T>("recipient", i));
		let last = legs.last().map(|(to, _)| to.clone()).expect("n >= 1");
		#[extrinsic_call]
		_(origin, ASSET, legs);
		assert_eq!(Ledger::<T>::balance(ASSET, &last), amount::<T>(1_000));
		assert!(!Ledger::<T>::balance(ASSET, &collector).is_zero());
	}

	/// A batch of `n` payments to accounts that already hold the asset.
	#[benchmark]
	fn transfer_many_to_holders(n: Linear<1, { T::MaxTransferLegs::get() }>) {
		let (origin, collector) = batch_sender::<T>();
		let issued =
			Pallet::<T>::issue(issuance::<T>(), ASSET, collector.clone(), amount::<T>(1_000));
		assert!(issued.is_ok());
		let legs = batch::<T>(n, |i| funded::<T>(ASSET, "recipient", i, 1_000));
		let last = legs.last().map(|(to, _)| to.clone()).expect("n >= 1");
		#[extrinsic_call]
		transfer_many(origin, ASSET, legs);
		assert_eq!(Ledger::<T>::balance(ASSET, &last), amount::<T>(2_000));
	}

	#[benchmark]
	fn set_fee() {
		asset::<T>(ASSET);
		let origin = T::FeesOrigin::try_successful_origin().expect("a fees admin origin");
		let rule = FeeRule {
			flat: amount::<T>(1),
			percent: Permill::from_percent(1),
			min: amount::<T>(1),
			max: Some(amount::<T>(100)),
		};
		let payer = holder::<T>("payer", 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, ASSET, FeeScope::Account(payer.clone()), Some(rule));
		assert_eq!(AccountRules::<T>::get(ASSET, payer).and_then(|own| own.fee), Some(rule));
	}

	#[benchmark]
	fn set_limits() {
		asset::<T>(ASSET);
		let origin = T::LimitsOrigin::try_successful_origin().expect("a limits admin origin");
		let some = Some(amount::<T>(100));
		let rule = LimitRule { per_payment: some, per_day: some, per_month: some };
		let payer = holder::<T>("payer", 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, ASSET, LimitScope::Account(payer.clone()), Some(rule));
		assert_eq!(AccountRules::<T>::get(ASSET, payer).and_then(|own| own.limits), Some(rule));
	}

	#[benchmark]
	fn request_withdrawal() {
		asset::<T>(ASSET);
		asset_rules::<T>(ASSET);
		let who = funded::<T>(ASSET, "holder", 0, 1_000_000);
		for _ in 1..T::MaxPendingWithdrawals::get() {
			withdrawal::<T>(ASSET, &who);
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), ASSET, amount::<T>(1_000), [4; 32]);
		assert_eq!(
			AccountWithdrawals::<T>::get(&who).len() as u32,
			T::MaxPendingWithdrawals::get()
		);
	}

	#[benchmark]
	fn confirm_withdrawal() {
		let collector = asset::<T>(ASSET);
		asset_rules::<T>(ASSET);
		let who = funded::<T>(ASSET, "holder", 0, 1_000_000);
		let mut last = 0;
		for _ in 0..T::MaxPendingWithdrawals::get() {
			last = withdrawal::<T>(ASSET, &who);
		}
		#[extrinsic_call]
		_(trade::<T>() as T::RuntimeOrigin, last);
		assert!(!Withdrawals::<T>::contains_key(last));
		assert!(!Ledger::<T>::balance(ASSET, &collector).is_zero());
	}

	#[benchmark]
	fn reject_withdrawal() {
		asset::<T>(ASSET);
		asset_rules::<T>(ASSET);
		let who = funded::<T>(ASSET, "holder", 0, 1_000_000);
		let mut last = 0;
		for _ in 0..T::MaxPendingWithdrawals::get() {
			last = withdrawal::<T>(ASSET, &who);
		}
		#[extrinsic_call]
		_(trade::<T>() as T::RuntimeOrigin, last, [5; 32]);
		assert!(!Withdrawals::<T>::contains_key(last));
	}

	#[benchmark]
	fn set_frozen() {
		asset::<T>(ASSET);
		let who = funded::<T>(ASSET, "holder", 0, 1_000);
		let origin = T::SecurityOrigin::try_successful_origin().expect("a security admin origin");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, ASSET, Some(who), true);
	}

	/// The registry's recovery hook with `a` assets held, each with a payment held for the lost
	/// account and limit rules of its own, and `w` open withdrawals.
	#[benchmark]
	fn on_recovered(
		a: Linear<1, { T::MaxAssets::get() }>,
		w: Linear<0, { T::MaxPendingWithdrawals::get() }>,
	) {
		let lost = holder::<T>("lost", 0);
		for i in 0..a {
			asset::<T>(ASSET + i);
			assert!(Pallet::<T>::issue(
				issuance::<T>(),
				ASSET + i,
				lost.clone(),
				amount::<T>(1_000_000)
			)
			.is_ok());
			let origin = RawOrigin::Signed(lost.clone()).into();
			let first = holder::<T>("first", i);
			assert!(Pallet::<T>::transfer(origin, ASSET + i, first, amount::<T>(10)).is_ok());
		}
		for _ in 0..w {
			withdrawal::<T>(ASSET, &lost);
		}
		// A payment held for the lost account, and a limit rule of its own, in every asset.
		let limits = T::LimitsOrigin::try_successful_origin().expect("a limits admin origin");
		let rule =
			LimitRule { per_payment: Some(amount::<T>(1_000)), per_day: None, per_month: None };
		for i in 0..a {
			HeldFor::<T>::insert(ASSET + i, &lost, amount::<T>(1));
			let own = LimitScope::Account(lost.clone());
			assert!(Pallet::<T>::set_limits(limits.clone(), ASSET + i, own, Some(rule)).is_ok());
		}
		let new: T::AccountId = account("new", 0, 0);
		let mut meter = WeightMeter::new();
		#[block]
		{
			Pallet::<T>::on_recovered(&lost, &new, &mut meter);
		}
		assert_eq!(AccountWithdrawals::<T>::get(&new).len() as u32, w);
		assert!(!Ledger::<T>::balance(ASSET, &new).is_zero());
		assert!(AccountRules::<T>::contains_key(ASSET, &new));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
