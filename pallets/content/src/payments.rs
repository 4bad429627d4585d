//! Payments: a payment about a content split by its royalty table and paid leg by leg (native
//! funds, or a tokens asset through [`RegulatedTransfer`]), tips, the weight a paying call
//! declares and uses, and the release of a deposit.

use crate::{
	pallet::*,
	split::{split, Payees},
	ContentId, PaymentAsset, Right, RoleShares, Royalties, WeightInfo,
};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::{Precision, Preservation},
	},
};
use pactum_primitives::{ParticipantRegistry, RegulatedTransfer};
use sp_runtime::{traits::Saturating, Permill};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_tip(
		who: T::AccountId,
		content: ContentId,
		asset: PaymentAsset,
		amount: BalanceOf<T>,
	) -> DispatchResultWithPostInfo {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
		Self::ensure_asset(asset)?;
		let legs = Self::pay(content, &who, asset, amount, |r| r.later, None)?;
		Self::deposit_event(Event::Tipped { content, from: who, asset, amount });
		Ok(Some(Self::paid_weight(<T as Config>::WeightInfo::tip(), asset, legs)).into())
	}

	/// A tokens asset named in a payment exists.
	pub(crate) fn ensure_asset(asset: PaymentAsset) -> DispatchResult {
		if let PaymentAsset::Token(id) = asset {
			ensure!(T::Tokens::asset_exists(id), Error::<T>::UnknownAsset);
		}
		Ok(())
	}

	/// Release `amount` held from `who` (or where a recovery moved it) for `reason`, exactly.
	pub(crate) fn release(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let holder = Self::holder(who);
		<T as Config>::Currency::release(&reason.into(), &holder, amount, Precision::Exact)?;
		Ok(())
	}

	/// Pay `amount` from `payer`, split by the royalty table `table` picks: the promoters' part
	/// to `promoter` if given, else to the promotion right's holders; each leg to the account
	/// that holds the payee's records now (recoveries followed). Returns how many legs were paid
	/// (a leg to the payer itself is not).
	pub(crate) fn pay(
		content: ContentId,
		payer: &T::AccountId,
		asset: PaymentAsset,
		amount: BalanceOf<T>,
		table: impl FnOnce(&Royalties) -> RoleShares,
		promoter: Option<&T::AccountId>,
	) -> Result<u32, DispatchError> {
		let record = Contents::<T>::get(content).ok_or(Error::<T>::UnknownContent)?;
		if amount.is_zero() {
			return Ok(0);
		}
		let owner = Self::owner_of(content).ok_or(Error::<T>::UnknownContent)?;
		let distributors = Rights::<T>::get(content, Right::Distribution);
		let promoters = match promoter {
			Some(promoter) => alloc::vec![(promoter.clone(), Permill::one())],
			None => Rights::<T>::get(content, Right::Promotion).into_inner(),
		};
		let payees = Payees {
			creators: &record.creators,
			owner: &owner,
			distributors: &distributors,
			promoters: &promoters,
		};
		// A recovered creator or right holder is paid at the account the registry moved it to.
		let legs: alloc::vec::Vec<_> = split(amount, &table(&record.royalties), &payees)
			.into_iter()
			.map(|(to, value)| (Self::holder(&to), value))
			.collect();
		let total = legs.iter().fold(BalanceOf::<T>::zero(), |sum, (_, v)| sum.saturating_add(*v));
		ensure!(total == amount, Error::<T>::SplitInexact);
		let mut paid = 0u32;
		for (to, value) in legs.iter().filter(|(to, _)| to != payer) {
			Self::pay_leg(asset, payer, to, *value)?;
			paid = paid.saturating_add(1);
		}
		Self::deposit_event(Event::PaymentSplit {
			content,
			payer: payer.clone(),
			asset,
			amount,
			legs,
		});
		Ok(paid)
	}

	/// Move `value` of `asset` from `from` to `to`: native funds keep the payer's account alive;
	/// a tokens asset moves under its rules, held for `to` if it cannot receive now.
	pub(crate) fn pay_leg(
		asset: PaymentAsset,
		from: &T::AccountId,
		to: &T::AccountId,
		value: BalanceOf<T>,
	) -> DispatchResult {
		if value.is_zero() {
			return Ok(());
		}
		match asset {
			PaymentAsset::Native => {
				<T as Config>::Currency::transfer(from, to, value, Preservation::Preserve)?;
				Ok(())
			}
			// An account that cannot receive now (banned, or no longer a participant) does not
			// block the payment: its leg is held for it, to claim from the tokens pallet later.
			PaymentAsset::Token(id) if T::Registry::ensure_active(to).is_err() => {
				T::Tokens::transfer_held(id, from, to, value)
			},
			PaymentAsset::Token(id) => T::Tokens::transfer(id, from, to, value),
		}
	}

	/// The most legs one payment has: every creator, the owner, every distributor and every
	/// promoter, and the seller of a resale.
	fn max_legs() -> u32 {
		T::MaxCreators::get()
			.saturating_add(T::MaxRightHolders::get().saturating_mul(2))
			.saturating_add(2)
	}

	/// The weight a paying call declares: its benchmarked weight (paid in the native currency)
	/// and, in case it pays in a tokens asset, a token leg's weight per possible leg.
	pub(crate) fn payment_weight(base: Weight) -> Weight {
		base.saturating_add(Self::token_leg_weight().saturating_mul(Self::max_legs().into()))
	}

	/// One leg paid in a tokens asset: this pallet's check of the recipient (whose standing may
	/// be a contract's) and a regulated transfer, whose weight covers the tokens pallet's own
	/// check of it.
	fn token_leg_weight() -> Weight {
		T::Registry::weigh_parties(T::Tokens::transfer_weight(), 1)
	}

	/// The weight a paying call used, once it knows the asset and how many legs it paid.
	pub(crate) fn paid_weight(base: Weight, asset: PaymentAsset, legs: u32) -> Weight {
		match asset {
			PaymentAsset::Native => base,
			PaymentAsset::Token(_) => {
				base.saturating_add(Self::token_leg_weight().saturating_mul(legs.into()))
			}
		}
	}
}
