//! Referrals and credits: a promotion right holder's referral codes, the promoter a purchase
//! through a code pays, and the credits it awards the buyer on the content it bought (they buy
//! licences of that content only; see the crate docs).

use crate::{pallet::*, ContentId, PaymentAsset, Referral, Right};
use frame_support::{pallet_prelude::*, traits::fungible::MutateHold};
use pactum_primitives::ParticipantRegistry;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_referral(
		who: T::AccountId,
		content: ContentId,
		code: CodeOf<T>,
	) -> DispatchResult {
		T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
		ensure!(Contents::<T>::contains_key(content), Error::<T>::UnknownContent);
		ensure!(
			!Self::share_of(content, Right::Promotion, &who).is_zero(),
			Error::<T>::NotPromoter
		);
		ensure!(!Referrals::<T>::contains_key(&code), Error::<T>::ReferralExists);
		let deposit = T::ReferralDeposit::get();
		<T as Config>::Currency::hold(&HoldReason::Referral.into(), &who, deposit)?;
		Referrals::<T>::insert(&code, Referral { content, promoter: who.clone(), deposit });
		Self::deposit_event(Event::ReferralRegistered { code, content, promoter: who });
		Ok(())
	}

	pub(crate) fn do_remove_referral(who: T::AccountId, code: CodeOf<T>) -> DispatchResult {
		let referral = Referrals::<T>::get(&code).ok_or(Error::<T>::UnknownReferral)?;
		ensure!(Self::is_recorded(&referral.promoter, &who), Error::<T>::NotPromoter);
		Self::release(HoldReason::Referral, &who, referral.deposit)?;
		Referrals::<T>::remove(&code);
		Self::deposit_event(Event::ReferralRemoved { code });
		Ok(())
	}

	/// The promoter of a referral code used by `buyer` to buy the content.
	pub(crate) fn promoter_of(
		code: &CodeOf<T>,
		content: ContentId,
		buyer: &T::AccountId,
	) -> Result<T::AccountId, DispatchError> {
		let referral = Referrals::<T>::get(code).ok_or(Error::<T>::UnknownReferral)?;
		ensure!(referral.content == content, Error::<T>::ReferralForOtherContent);
		let promoter = Self::holder(&referral.promoter);
		ensure!(&promoter != buyer, Error::<T>::OwnReferral);
		ensure!(
			!Self::share_of(content, Right::Promotion, &promoter).is_zero(),
			Error::<T>::NotPromoter
		);
		Ok(referral.promoter)
	}

	/// Credit `who` with `amount` credits of `asset` on `content`: they buy licences of
	/// `content` only.
	pub(crate) fn award_credits(
		who: &T::AccountId,
		content: ContentId,
		asset: PaymentAsset,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		let balance = Credits::<T>::try_mutate((who, content, asset), |balance| {
			*balance = balance.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Ok::<_, DispatchError>(*balance)
		})?;
		Self::deposit_event(Event::CreditsAwarded {
			who: who.clone(),
			content,
			asset,
			amount,
			balance,
		});
		Ok(())
	}
}
