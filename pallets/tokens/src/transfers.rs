//! Transfers: a holder's own `transfer`, and regulated transfers as other pallets make them
//! through the tokens pallet's implementation of [`RegulatedTransfer`] (content pays licence
//! prices and royalties in a tokens asset through it), under the same holder policy, limits and
//! fees; and what a contract reads of the ledger through the chain extension
//! ([`RegulatedLedger`]: balances, and the assessment of a transfer before it is made).

use crate::{
	pallet::{Assets, BalanceOf},
	rules::Payee,
	AssetId, Config, Error, Event, Pallet, Sent, Tokens, WeightInfo,
};
use frame_support::{
	pallet_prelude::{DispatchError, DispatchResult, Weight},
	traits::{fungibles::Mutate, tokens::Preservation},
};
use pactum_primitives::{
	ParticipantRegistry, RegulatedLedger, RegulatedTransfer, TransferQuote as LedgerQuote,
};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// What a `transfer` used: its benchmarked weight (less when it opened no asset account),
	/// with the recipient's standing weighed as a contract's only if it is one.
	pub(crate) fn transfer_used(made: LegsMade) -> Weight {
		let base = if made.opened > 0 {
			<T as Config>::WeightInfo::transfer()
		} else {
			<T as Config>::WeightInfo::transfer_to_holders()
		};
		Self::with_recipients(base, made.to_contracts)
	}

	/// What a `transfer_many` of `count` legs used: the legs between holders, plus what
	/// opening an account adds to one leg for each leg that opened one, never more than the
	/// weight it was charged; recipients' standing weighed as a contract's only for contracts.
	pub(crate) fn transfer_many_used(count: u32, made: LegsMade) -> Weight {
		let to_holders = <T as Config>::WeightInfo::transfer_many_to_holders(count);
		let opening = <T as Config>::WeightInfo::transfer_many(1)
			.saturating_sub(<T as Config>::WeightInfo::transfer_many_to_holders(1));
		let used = to_holders
			.saturating_add(opening.saturating_mul(made.opened.into()))
			.min(<T as Config>::WeightInfo::transfer_many(count));
		Self::with_recipients(used, made.to_contracts)
	}

	/// `base`, a benchmarked weight of a call that checks `recipients` accounts besides its
	/// signer, with each one's standing weighed as a contract's: the benchmarks check people.
	pub(crate) fn with_recipients(base: Weight, recipients: u32) -> Weight {
		T::Registry::weigh_parties(base, recipients)
	}

	/// A transfer under every rule.
	pub(crate) fn do_transfer(
		asset: AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<LegsMade, DispatchError> {
		Self::do_transfer_many(asset, from, &[(to.clone(), amount)])
	}

	/// Transfers of `asset` from `from` to each `(to, amount)` of `legs`, in order, each under
	/// every rule as if made alone: the sender's limits count the legs before it, its funds are
	/// what the legs before it left. The sender's rules and usage are read once. The first leg
	/// a rule refuses stops it with that rule's error; the caller's dispatch then reverts the
	/// legs before it (all or nothing).
	pub(crate) fn do_transfer_many(
		asset: AssetId,
		from: &T::AccountId,
		legs: &[(T::AccountId, BalanceOf<T>)],
	) -> Result<LegsMade, DispatchError> {
		let details = Tokens::<T>::get(asset).ok_or(Error::<T>::UnknownAsset)?;
		// Refusals that need no state first, in the order a single transfer meets them.
		if legs.iter().any(|(_, amount)| amount.is_zero()) {
			return Err(Error::<T>::ZeroAmount.into());
		}
		let mut terms = Self::sender_terms(details, asset, from)?;
		let collector = terms.details.fee_collector.clone();
		let holds = |who: &T::AccountId| pallet_assets::Account::<T>::contains_key(asset, who);
		let mut made = LegsMade::default();
		for (to, amount) in legs {
			let amount = *amount;
			let leg = Self::assess_leg(&mut terms, asset, from, Payee::Account(to), amount)?;
			if let Some(refusal) = leg.refusal {
				return Err(refusal.into());
			}
			// The rules charge the collector no fee on its own payments.
			let fee = leg.fee;
			let pays_collector = !fee.is_zero();
			if !holds(to) || (pays_collector && !holds(&collector)) {
				made.opened = made.opened.saturating_add(1);
			}
			if leg.to_contract {
				made.to_contracts = made.to_contracts.saturating_add(1);
			}
			let fee_leg = pays_collector.then_some((&collector, fee));
			Self::pay_with_fee(asset, from, to, amount, fee_leg)?;
			Self::deposit_event(Event::Transferred {
				asset,
				from: from.clone(),
				to: to.clone(),
				amount,
				fee,
			});
		}
		Sent::<T>::insert(asset, from, terms.usage);
		Ok(made)
	}
}

/// What the legs of a transfer made, for the weight it used.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct LegsMade {
	/// Legs that opened an asset account (for the recipient or the fee collector).
	pub opened: u32,
	/// Legs whose recipient is a contract.
	pub to_contracts: u32,
}

impl<T: Config> Pallet<T> {
	/// Pays `amount` to `to` and, if given, a fee to the collector, out of `from`'s balance.
	/// The rules (`assess`) admitted it: afterwards `from` holds nothing or at least the minimum
	/// balance. When it holds nothing, the smaller part goes first, so the larger part is what
	/// remains between the two transfers — at least the minimum, or pallet-assets would sweep it
	/// into the first.
	pub(crate) fn pay_with_fee(
		asset: AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
		fee: Option<(&T::AccountId, BalanceOf<T>)>,
	) -> DispatchResult {
		let pay = |who: &T::AccountId, value: BalanceOf<T>| {
			<Assets<T> as Mutate<_>>::transfer(asset, from, who, value, Preservation::Expendable)
				.map(|_| ())
		};
		match fee {
			Some((collector, fee)) if fee < amount => {
				pay(collector, fee)?;
				pay(to, amount)
			},
			Some((collector, fee)) => {
				pay(to, amount)?;
				pay(collector, fee)
			},
			None => pay(to, amount),
		}
	}
}

impl<T: Config> RegulatedTransfer<T::AccountId> for Pallet<T> {
	type Balance = BalanceOf<T>;

	fn asset_exists(asset: AssetId) -> bool {
		Tokens::<T>::contains_key(asset)
	}

	fn transfer(
		asset: AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		Self::do_transfer(asset, from, to, amount).map(|_| ())
	}

	fn transfer_held(
		asset: AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		Self::do_transfer_held(asset, from, to, amount)
	}

	fn transfer_weight() -> Weight {
		Self::with_recipients(
			<T as Config>::WeightInfo::transfer().max(<T as Config>::WeightInfo::transfer_held()),
			1,
		)
	}
}

impl<T: Config> RegulatedLedger<T::AccountId> for Pallet<T> {
	type Balance = BalanceOf<T>;

	fn balance(asset: AssetId, who: &T::AccountId) -> BalanceOf<T> {
		Assets::<T>::balance(asset, who)
	}

	/// The assessment [`Self::transfer`] makes, or the error that stops the transfer.
	fn quote(
		asset: AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> LedgerQuote<BalanceOf<T>> {
		match Self::assess(asset, from, Payee::Account(to), amount) {
			Ok(a) => LedgerQuote {
				fee: a.fee,
				refusal: a.refusal.map(Into::into),
				daily_remaining: a.daily_remaining,
				monthly_remaining: a.monthly_remaining,
			},
			Err(error) => LedgerQuote {
				fee: Zero::zero(),
				refusal: Some(error.into()),
				daily_remaining: None,
				monthly_remaining: None,
			},
		}
	}
}
