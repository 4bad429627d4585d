//! The rules every payment goes through: holder policy on both sides, fee, limits, balance. One
//! code path serves the transfer, the withdrawal request and the quote. Also where the fees and
//! limits admins set and remove fee and limit rules.

use crate::{
	kind_slot,
	pallet::{AssetDetailsOf, Assets, BalanceOf, FeeScopeOf, LimitScopeOf},
	periods, AccountRules, AssetId, AssetRules, Config, Error, Event, FeeRule, FeeScope, LimitRule,
	LimitScope, OwnRules, Pallet, RuleScope, Rules, Sent, Tokens, Usage,
};
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		fungibles::Inspect,
		tokens::{DepositConsequence, Provenance, WithdrawConsequence},
		UnixTime,
	},
};
use pactum_primitives::{AccountKind, ParticipantRegistry, Standing};
use sp_runtime::traits::{CheckedAdd, Saturating, Zero};

/// Where a payment goes.
pub enum Payee<'a, AccountId> {
	/// Another participant: the asset's policy must admit it.
	Account(&'a AccountId),
	/// The pallet's escrow, for a withdrawal request.
	Escrow,
}

/// What the rules make of a payment.
pub struct Assessment<T: Config> {
	pub details: AssetDetailsOf<T>,
	pub fee: BalanceOf<T>,
	pub fee_scope: Option<RuleScope>,
	pub limit_scope: Option<RuleScope>,
	/// The sender's usage, with this payment counted unless it is refused.
	pub usage: Usage<BalanceOf<T>>,
	/// What the sender may still send today and this month, before this payment.
	pub daily_remaining: Option<BalanceOf<T>>,
	pub monthly_remaining: Option<BalanceOf<T>>,
	/// The first rule the payment breaks, if any.
	pub refusal: Option<Error<T>>,
}

/// What the rules hold for a sender of an asset (see [`Pallet::sender_terms`]).
pub struct SenderTerms<T: Config> {
	pub details: AssetDetailsOf<T>,
	/// The sender's fee rule and the scope it was found at.
	pub fee: Option<(FeeRule<BalanceOf<T>>, RuleScope)>,
	pub limits: LimitRule<BalanceOf<T>>,
	pub limit_scope: Option<RuleScope>,
	/// What the sender sent today and this month, the payments assessed so far counted.
	pub usage: Usage<BalanceOf<T>>,
}

/// What the rules make of one payment under a sender's terms.
pub struct LegAssessment<T: Config> {
	pub fee: BalanceOf<T>,
	/// What the sender may still send today and this month, before this payment.
	pub daily_remaining: Option<BalanceOf<T>>,
	pub monthly_remaining: Option<BalanceOf<T>>,
	/// The first rule the payment breaks, if any.
	pub refusal: Option<Error<T>>,
	/// Whether the payee is a contract, whose standing weighs more than a person's.
	pub to_contract: bool,
}

/// Which side of a payment an account is on, for the error naming it.
#[derive(Clone, Copy)]
enum Side {
	Sender,
	Recipient,
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_fee(
		asset: AssetId,
		scope: FeeScopeOf<T>,
		rule: Option<FeeRule<BalanceOf<T>>>,
	) -> DispatchResult {
		ensure!(Tokens::<T>::contains_key(asset), Error::<T>::UnknownAsset);
		if let Some(rule) = &rule {
			ensure!(rule.max.is_none_or(|max| rule.min <= max), Error::<T>::InvalidFeeRule);
		}
		Self::store_fee(asset, &scope, rule)?;
		Self::deposit_event(Event::FeeRuleSet { asset, scope, rule });
		Ok(())
	}

	pub(crate) fn do_set_limits(
		asset: AssetId,
		scope: LimitScopeOf<T>,
		rule: Option<LimitRule<BalanceOf<T>>>,
	) -> DispatchResult {
		ensure!(Tokens::<T>::contains_key(asset), Error::<T>::UnknownAsset);
		Self::store_limits(asset, &scope, rule)?;
		Self::deposit_event(Event::LimitRuleSet { asset, scope, rule });
		Ok(())
	}

	/// Puts `rule` at `scope` of `asset`'s fee rules, or removes the rule there (`None`).
	pub(crate) fn store_fee(
		asset: AssetId,
		scope: &FeeScopeOf<T>,
		rule: Option<FeeRule<BalanceOf<T>>>,
	) -> Result<(), Error<T>> {
		match scope {
			FeeScope::Account(who) => {
				Self::mutate_own_rules(asset, who, |own| put(&mut own.fee, rule))
			},
			FeeScope::Kind(kind) => Self::mutate_rules(asset, |rules| {
				put(&mut rules.fee_by_kind[kind_slot(*kind)], rule)
			}),
			FeeScope::Asset => Self::mutate_rules(asset, |rules| put(&mut rules.fee, rule)),
		}
	}

	/// Puts `rule` at `scope` of `asset`'s limit rules, or removes the rule there (`None`).
	pub(crate) fn store_limits(
		asset: AssetId,
		scope: &LimitScopeOf<T>,
		rule: Option<LimitRule<BalanceOf<T>>>,
	) -> Result<(), Error<T>> {
		match scope {
			LimitScope::Account(who) => {
				Self::mutate_own_rules(asset, who, |own| put(&mut own.limits, rule))
			},
			LimitScope::Kind(kind) => Self::mutate_rules(asset, |rules| {
				put(&mut rules.limits_by_kind[kind_slot(*kind)], rule)
			}),
			LimitScope::KycLevel(level) => Self::mutate_rules(asset, |rules| {
				let levels = &mut rules.limits_by_kyc_level;
				match (levels.binary_search_by_key(level, |(at, _)| *at), rule) {
					(Ok(i), Some(rule)) => levels[i].1 = rule,
					(Ok(i), None) => {
						levels.remove(i);
					},
					(Err(i), Some(rule)) => levels
						.try_insert(i, (*level, rule))
						.map_err(|_| Error::<T>::TooManyKycLevelRules)?,
					(Err(_), None) => return Err(Error::<T>::NoSuchRule),
				}
				Ok(())
			}),
			LimitScope::Asset => Self::mutate_rules(asset, |rules| put(&mut rules.limits, rule)),
		}
	}

	/// Changes `asset`'s rules by `change`, or nothing if it fails; rules with nothing in them
	/// are removed.
	pub(crate) fn mutate_rules(
		asset: AssetId,
		change: impl FnOnce(&mut AssetRules<BalanceOf<T>>) -> Result<(), Error<T>>,
	) -> Result<(), Error<T>> {
		Rules::<T>::try_mutate_exists(asset, |stored| {
			let mut rules = stored.clone().unwrap_or_default();
			change(&mut rules)?;
			*stored = (rules != AssetRules::default()).then_some(rules);
			Ok(())
		})
	}

	/// Changes `who`'s own rules for `asset` by `change`, or nothing if it fails, and keeps the
	/// asset's count of accounts with rules of their own.
	fn mutate_own_rules(
		asset: AssetId,
		who: &T::AccountId,
		change: impl FnOnce(&mut OwnRules<BalanceOf<T>>) -> Result<(), Error<T>>,
	) -> Result<(), Error<T>> {
		AccountRules::<T>::try_mutate_exists(asset, who, |stored| {
			let existed = stored.is_some();
			let mut own = stored.unwrap_or_default();
			change(&mut own)?;
			let exists = own != OwnRules::default();
			if exists != existed {
				Self::mutate_rules(asset, |rules| {
					rules.accounts = if exists {
						rules.accounts.checked_add(1).ok_or(Error::<T>::Overflow)?
					} else {
						rules.accounts.saturating_sub(1)
					};
					Ok(())
				})?;
			}
			*stored = exists.then_some(own);
			Ok(())
		})
	}

	/// Apply the rules to a payment of `amount` of `asset` from `from` to `payee`. An error is a
	/// payment no rule can price (unknown asset, a party not admitted); a priced payment that
	/// breaks a limit or lacks funds carries its refusal in the assessment.
	pub(crate) fn assess(
		asset: crate::AssetId,
		from: &T::AccountId,
		payee: Payee<T::AccountId>,
		amount: BalanceOf<T>,
	) -> Result<Assessment<T>, Error<T>> {
		let details = Tokens::<T>::get(asset).ok_or(Error::<T>::UnknownAsset)?;
		if amount.is_zero() {
			return Err(Error::<T>::ZeroAmount);
		}
		let mut terms = Self::sender_terms(details, asset, from)?;
		let leg = Self::assess_leg(&mut terms, asset, from, payee, amount)?;
		Ok(Assessment {
			details: terms.details,
			fee: leg.fee,
			fee_scope: terms.fee.map(|(_, scope)| scope),
			limit_scope: terms.limit_scope,
			usage: terms.usage,
			daily_remaining: leg.daily_remaining,
			monthly_remaining: leg.monthly_remaining,
			refusal: leg.refusal,
		})
	}

	/// What the rules hold for `from` as a sender of `asset` (whose `details` these are): read
	/// once for a whole batch of payments (`transfer_many`). Fails if the sender is not admitted.
	pub(crate) fn sender_terms(
		details: AssetDetailsOf<T>,
		asset: crate::AssetId,
		from: &T::AccountId,
	) -> Result<SenderTerms<T>, Error<T>> {
		let sender = Self::admitted(&details, from, Side::Sender)?;
		let (fee, limits) = Self::sender_rules(asset, from, &sender);
		let (limits, limit_scope) = match limits {
			Some((rule, scope)) => (rule, Some(scope)),
			None => (LimitRule::default(), None),
		};
		let usage = Self::current_usage(asset, from);
		Ok(SenderTerms { details, fee, limits, limit_scope, usage })
	}

	/// One payment under the sender's `terms`: the payee's admission, the fee, the limits
	/// against what the sender sent so far (its usage counts this payment if it passes) and
	/// the funds, at the balances of now.
	pub(crate) fn assess_leg(
		terms: &mut SenderTerms<T>,
		asset: crate::AssetId,
		from: &T::AccountId,
		payee: Payee<T::AccountId>,
		amount: BalanceOf<T>,
	) -> Result<LegAssessment<T>, Error<T>> {
		if amount.is_zero() {
			return Err(Error::<T>::ZeroAmount);
		}
		let to_contract = match payee {
			Payee::Account(to) if to == from => return Err(Error::<T>::SelfTransfer),
			Payee::Account(to) => {
				Self::admitted(&terms.details, to, Side::Recipient)?.kind == AccountKind::Contract
			},
			Payee::Escrow => false,
		};
		// The fee collector pays no fee to itself.
		let fee = match &terms.fee {
			Some((rule, _)) if *from != terms.details.fee_collector => Self::fee_of(rule, amount),
			_ => Zero::zero(),
		};
		let limits = &terms.limits;
		let usage = &terms.usage;
		let daily_remaining = limits.per_day.map(|max| max.saturating_sub(usage.day_total));
		let monthly_remaining = limits.per_month.map(|max| max.saturating_sub(usage.month_total));

		let refusal = if limits.per_payment.is_some_and(|max| amount > max) {
			Some(Error::<T>::OverPaymentLimit)
		} else if let (Some(day_total), Some(month_total)) =
			(usage.day_total.checked_add(&amount), usage.month_total.checked_add(&amount))
		{
			if limits.per_day.is_some_and(|max| day_total > max) {
				Some(Error::<T>::OverDailyLimit)
			} else if limits.per_month.is_some_and(|max| month_total > max) {
				Some(Error::<T>::OverMonthlyLimit)
			} else {
				let refusal = Self::funds_refusal(asset, from, &payee, amount, fee, &terms.details);
				if refusal.is_none() {
					terms.usage.day_total = day_total;
					terms.usage.month_total = month_total;
				}
				refusal
			}
		} else {
			Some(Error::<T>::Overflow)
		};
		Ok(LegAssessment { fee, daily_remaining, monthly_remaining, refusal, to_contract })
	}

	/// `who`'s standing, if registered, unbanned and admitted by the asset's policy.
	fn admitted(
		details: &AssetDetailsOf<T>,
		who: &T::AccountId,
		side: Side,
	) -> Result<Standing, Error<T>> {
		use Error::*;
		let (unregistered, banned, kind, kyc) = match side {
			Side::Sender => {
				(SenderNotParticipant, SenderBanned, SenderKindNotAllowed, SenderKycTooLow)
			}
			Side::Recipient => (
				RecipientNotParticipant,
				RecipientBanned,
				RecipientKindNotAllowed,
				RecipientKycTooLow,
			),
		};
		let standing = T::Registry::standing(who).ok_or(unregistered)?;
		if standing.banned {
			return Err(banned);
		}
		details.policy.admits(standing.kind, standing.kyc_level).map_err(|kind_refused| {
			if kind_refused {
				kind
			} else {
				kyc
			}
		})?;
		Ok(standing)
	}

	/// Checks that `who` may hold `asset` under its policy (registered, not banned, admitted):
	/// for issuance, deposits and claims of held payments.
	pub(crate) fn ensure_may_receive(
		details: &AssetDetailsOf<T>,
		who: &T::AccountId,
	) -> Result<(), Error<T>> {
		Self::admitted(details, who, Side::Recipient).map(|_| ())
	}

	/// The fee and the limit rule for `who` as a sender of `asset`, each with the scope it was
	/// found at: the account's own, then its kind's, (for limits) then its KYC level's, then the
	/// asset's. One read, and a second while some account of the asset has rules of its own.
	fn sender_rules(
		asset: crate::AssetId,
		who: &T::AccountId,
		standing: &Standing,
	) -> (Option<(FeeRule<BalanceOf<T>>, RuleScope)>, Option<(LimitRule<BalanceOf<T>>, RuleScope)>)
	{
		let Some(rules) = Rules::<T>::get(asset) else { return (None, None) };
		let own = if rules.accounts > 0 {
			AccountRules::<T>::get(asset, who).unwrap_or_default()
		} else {
			OwnRules::default()
		};
		let kind = kind_slot(standing.kind);
		let fee = own
			.fee
			.map(|rule| (rule, RuleScope::Account))
			.or_else(|| rules.fee_by_kind[kind].map(|rule| (rule, RuleScope::Kind)))
			.or_else(|| rules.fee.map(|rule| (rule, RuleScope::Asset)));
		let limits = own
			.limits
			.map(|rule| (rule, RuleScope::Account))
			.or_else(|| rules.limits_by_kind[kind].map(|rule| (rule, RuleScope::Kind)))
			.or_else(|| {
				rules
					.limits_by_kyc_level
					.iter()
					.find(|(level, _)| *level == standing.kyc_level)
					.map(|(_, rule)| (*rule, RuleScope::KycLevel))
			})
			.or_else(|| rules.limits.map(|rule| (rule, RuleScope::Asset)));
		(fee, limits)
	}

	/// `flat + percent × amount` (rounded up), clamped to the rule's minimum and maximum.
	pub(crate) fn fee_of(rule: &FeeRule<BalanceOf<T>>, amount: BalanceOf<T>) -> BalanceOf<T> {
		let fee = rule.flat.saturating_add(rule.percent.mul_ceil(amount)).max(rule.min);
		match rule.max {
			Some(max) => fee.min(max),
			None => fee,
		}
	}

	/// What `who` sent of `asset` today and this month (zero for a past period).
	pub(crate) fn current_usage(asset: crate::AssetId, who: &T::AccountId) -> Usage<BalanceOf<T>> {
		let (day, month) = periods::day_and_month(T::Time::now().as_millis() as u64);
		let stored = Sent::<T>::get(asset, who).unwrap_or_default();
		Usage {
			day,
			day_total: if stored.day == day { stored.day_total } else { Zero::zero() },
			month,
			month_total: if stored.month == month { stored.month_total } else { Zero::zero() },
		}
	}

	/// Why the funds cannot move: the sender lacks `amount + fee`, or the payee (or the fee
	/// collector) cannot receive its part.
	fn funds_refusal(
		asset: crate::AssetId,
		from: &T::AccountId,
		payee: &Payee<T::AccountId>,
		amount: BalanceOf<T>,
		fee: BalanceOf<T>,
		details: &AssetDetailsOf<T>,
	) -> Option<Error<T>> {
		let Some(total) = amount.checked_add(&fee) else { return Some(Error::<T>::Overflow) };
		if let Some(refusal) = Self::can_pay(asset, from, total) {
			return Some(refusal);
		}
		// Emptying the account with a fee leg: between the two transfers the larger part remains
		// (`pay_with_fee`), which must not be dust either. (A fee is never the collector's own:
		// `assess_leg` charges it none.)
		let pays_collector = !fee.is_zero();
		if pays_collector &&
			<Assets<T> as Inspect<_>>::balance(asset, from) == total &&
			amount.max(fee) < <Assets<T> as Inspect<_>>::minimum_balance(asset)
		{
			return Some(Error::<T>::WouldLeaveDust);
		}
		match payee {
			Payee::Account(to) => Self::can_receive(asset, to, amount).or_else(|| {
				pays_collector
					.then(|| Self::can_receive(asset, &details.fee_collector, fee))
					.flatten()
			}),
			Payee::Escrow => Self::can_receive(asset, &Self::account(), total),
		}
	}

	/// Why `who` cannot pay `amount` out of its balance of `asset`, if it cannot.
	fn can_pay(
		asset: crate::AssetId,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Option<Error<T>> {
		match <Assets<T> as Inspect<_>>::can_withdraw(asset, who, amount) {
			WithdrawConsequence::Success => None,
			// Paying the whole balance is fine; leaving less than the minimum is not.
			WithdrawConsequence::ReducedToZero(rest) if rest.is_zero() => None,
			WithdrawConsequence::ReducedToZero(_) => Some(Error::<T>::WouldLeaveDust),
			WithdrawConsequence::Frozen => Some(Error::<T>::Frozen),
			WithdrawConsequence::UnknownAsset => Some(Error::<T>::UnknownAsset),
			WithdrawConsequence::Overflow | WithdrawConsequence::Underflow => {
				Some(Error::<T>::Overflow)
			}
			WithdrawConsequence::BalanceLow | WithdrawConsequence::WouldDie => {
				Some(Error::<T>::InsufficientBalance)
			}
		}
	}

	/// Why `who` cannot receive `amount` of `asset`, if it cannot.
	pub(crate) fn can_receive(
		asset: crate::AssetId,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Option<Error<T>> {
		match <Assets<T> as Inspect<_>>::can_deposit(asset, who, amount, Provenance::Extant) {
			DepositConsequence::Success => None,
			DepositConsequence::BelowMinimum => Some(Error::<T>::BelowMinimum),
			DepositConsequence::Blocked => Some(Error::<T>::Frozen),
			DepositConsequence::Overflow => Some(Error::<T>::Overflow),
			DepositConsequence::UnknownAsset => Some(Error::<T>::UnknownAsset),
			DepositConsequence::CannotCreate => Some(Error::<T>::CannotReceive),
		}
	}
}

/// Puts `rule` in `slot`, or empties it (`None`): there must be a rule to remove.
fn put<R, T: Config>(slot: &mut Option<R>, rule: Option<R>) -> Result<(), Error<T>> {
	ensure!(rule.is_some() || slot.is_some(), Error::<T>::NoSuchRule);
	*slot = rule;
	Ok(())
}
