//! Transfers: a holder's own `transfer`, and regulated transfers as other pallets make them
//! through the tokens pallet's implementation of [`RegulatedTransfer`] (content pays licence
//! prices and royalties in a tokens asset through it), under the same holder policy, limits and
//! fees; and what a contract reads of the ledger through the chain extension
//! ([`RegulatedLedger`]: balances, and the assessment of a transfer before it is made).

use crate::{
	pallet::{Assets, BalanceOf},
	rules::Payee,
	AssetId, Config, Event, Pallet, Sent, Tokens, WeightInfo,
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
	/// `base`, a benchmarked weight of a call that checks one account besides its signer (the
	/// recipient), with that account's standing weighed as a contract's: the benchmarks check
	/// people.
	pub(crate) fn with_recipient(base: Weight) -> Weight {
		T::Registry::weigh_parties(base, 1)
	}

	/// A transfer under every rule; `Ok(true)` if it opened an asset account for the recipient
	/// or the fee collector.
	pub(crate) fn do_transfer(
		asset: AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<bool, DispatchError> {
		let assessment = Self::assess(asset, from, Payee::Account(to), amount)?;
		if let Some(refusal) = assessment.refusal {
			return Err(refusal.into());
		}
		let fee = assessment.fee;
		let collector = assessment.details.fee_collector;
		let pays_collector = !fee.is_zero() && collector != *from;
		let holds = |who: &T::AccountId| pallet_assets::Account::<T>::contains_key(asset, who);
		let opens_account = !holds(to) || (pays_collector && !holds(&collector));
		Sent::<T>::insert(asset, from, assessment.usage);
		Self::pay_with_fee(asset, from, to, amount, pays_collector.then_some((&collector, fee)))?;
		Self::deposit_event(Event::Transferred {
			asset,
			from: from.clone(),
			to: to.clone(),
			amount,
			// The collector pays no fee to itself.
			fee: if pays_collector { fee } else { Zero::zero() },
		});
		Ok(opens_account)
	}
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
		Self::with_recipient(
			<T as Config>::WeightInfo::transfer().max(<T as Config>::WeightInfo::transfer_held()),
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
