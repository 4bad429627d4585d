//! Licences: terms a distribution right holder publishes and withdraws, licences bought on them
//! (paid, or with credits), offered and resold, and cleared once spent or expired.

use crate::{pallet::*, ContentId, Licence, Offer, Right, TermsId, WeightInfo};
use frame_support::{pallet_prelude::*, traits::fungible::MutateHold};
use pactum_primitives::ParticipantRegistry;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_publish_terms(
		who: T::AccountId,
		content: ContentId,
		terms: TermsOf<T>,
	) -> DispatchResult {
		T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
		let mut record = Contents::<T>::get(content).ok_or(Error::<T>::UnknownContent)?;
		ensure!(
			!Self::share_of(content, Right::Distribution, &who).is_zero(),
			Error::<T>::NotRightHolder
		);
		ensure!(
			terms.max_accesses != Some(0)
				&& terms.duration.is_none_or(|d| !d.is_zero())
				&& terms.credit_price.is_none_or(|c| !c.is_zero()),
			Error::<T>::InvalidTerms
		);
		Self::ensure_asset(terms.asset)?;
		ensure!(record.offers < T::MaxTerms::get(), Error::<T>::TooManyTerms);
		let terms_id = record.next_terms;
		record.next_terms = terms_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		record.offers = record.offers.saturating_add(1);
		let deposit = T::TermsDeposit::get();
		<T as Config>::Currency::hold(&HoldReason::Terms.into(), &who, deposit)?;
		Contents::<T>::insert(content, record);
		Offers::<T>::insert(
			content,
			terms_id,
			Offer { publisher: who.clone(), terms: terms.clone(), deposit },
		);
		Self::deposit_event(Event::TermsPublished { content, terms_id, publisher: who, terms });
		Ok(())
	}

	pub(crate) fn do_withdraw_terms(
		who: T::AccountId,
		content: ContentId,
		terms_id: TermsId,
	) -> DispatchResult {
		let offer = Offers::<T>::get(content, terms_id).ok_or(Error::<T>::UnknownTerms)?;
		ensure!(Self::is_recorded(&offer.publisher, &who), Error::<T>::NotPublisher);
		Self::release(HoldReason::Terms, &who, offer.deposit)?;
		Offers::<T>::remove(content, terms_id);
		Contents::<T>::mutate(content, |record| {
			if let Some(record) = record {
				record.offers = record.offers.saturating_sub(1);
			}
		});
		Self::deposit_event(Event::TermsWithdrawn { content, terms_id });
		Ok(())
	}

	pub(crate) fn do_buy_licence(
		buyer: T::AccountId,
		content: ContentId,
		terms_id: TermsId,
		referral: Option<CodeOf<T>>,
	) -> DispatchResultWithPostInfo {
		let offer = Self::offer_to(&buyer, content, terms_id)?;
		let promoter = match &referral {
			Some(code) => Some(Self::promoter_of(code, content, &buyer)?),
			None => None,
		};
		let terms = offer.terms;
		let legs = Self::pay(
			content,
			&buyer,
			terms.asset,
			terms.price,
			|r| r.first_sale,
			promoter.as_ref(),
		)?;
		if promoter.is_some() {
			let credits = T::ReferralCredit::get() * terms.price;
			Self::award_credits(&buyer, content, terms.asset, credits)?;
		}
		let licence = Self::grant_licence(content, &buyer, terms_id, &terms)?;
		Self::deposit_event(Event::LicencePurchased {
			content,
			terms_id,
			buyer,
			price: terms.price,
			asset: terms.asset,
			referral,
			max_accesses: licence.max_accesses,
			expires_at: licence.expires_at,
		});
		Ok(Some(Self::paid_weight(<T as Config>::WeightInfo::buy_licence(), terms.asset, legs))
			.into())
	}

	pub(crate) fn do_buy_licence_with_credits(
		buyer: T::AccountId,
		content: ContentId,
		terms_id: TermsId,
	) -> DispatchResult {
		let offer = Self::offer_to(&buyer, content, terms_id)?;
		let terms = offer.terms;
		let credits = terms.credit_price.ok_or(Error::<T>::CreditsNotAccepted)?;
		// Only credits earned on this content count (see the crate docs).
		let key = (&buyer, content, terms.asset);
		Credits::<T>::try_mutate_exists(key, |balance| -> DispatchResult {
			let left = balance
				.unwrap_or_default()
				.checked_sub(&credits)
				.ok_or(Error::<T>::InsufficientCredits)?;
			*balance = (!left.is_zero()).then_some(left);
			Ok(())
		})?;
		let licence = Self::grant_licence(content, &buyer, terms_id, &terms)?;
		Self::deposit_event(Event::LicencePurchasedWithCredits {
			content,
			terms_id,
			buyer,
			credits,
			asset: terms.asset,
			max_accesses: licence.max_accesses,
			expires_at: licence.expires_at,
		});
		Ok(())
	}

	pub(crate) fn do_offer_licence(
		who: T::AccountId,
		content: ContentId,
		ask: Option<BalanceOf<T>>,
	) -> DispatchResult {
		ensure!(ask.is_none_or(|a| !a.is_zero()), Error::<T>::ZeroAmount);
		if ask.is_some() {
			T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
		}
		Licences::<T>::try_mutate(content, &who, |licence| -> DispatchResult {
			let licence = licence.as_mut().ok_or(Error::<T>::NoLicence)?;
			ensure!(licence.transferable, Error::<T>::NotTransferable);
			if ask.is_some() {
				Self::ensure_usable(licence)?;
			}
			licence.ask = ask;
			Ok(())
		})?;
		Self::deposit_event(Event::LicenceOffered { content, holder: who, ask });
		Ok(())
	}

	pub(crate) fn do_buy_resale(
		buyer: T::AccountId,
		content: ContentId,
		seller: T::AccountId,
		max_price: BalanceOf<T>,
	) -> DispatchResultWithPostInfo {
		ensure!(buyer != seller, Error::<T>::SameAccount);
		T::Registry::ensure_active(&buyer).map_err(Error::<T>::from)?;
		let record = Contents::<T>::get(content).ok_or(Error::<T>::UnknownContent)?;
		let mut licence = Licences::<T>::get(content, &seller).ok_or(Error::<T>::NoLicence)?;
		let price = licence.ask.ok_or(Error::<T>::NotForSale)?;
		ensure!(price <= max_price, Error::<T>::PriceAboveLimit);
		Self::ensure_usable(&licence)?;
		Self::make_room_for_licence(content, &buyer)?;
		let royalty = record.royalties.resale * price;
		let legs = Self::pay(content, &buyer, licence.asset, royalty, |r| r.later, None)?;
		Self::pay_leg(licence.asset, &buyer, &seller, price.saturating_sub(royalty))?;
		Self::release(HoldReason::Licence, &seller, licence.deposit)?;
		Licences::<T>::remove(content, &seller);
		HeldLicences::<T>::remove(&seller, content);
		licence.deposit = T::LicenceDeposit::get();
		<T as Config>::Currency::hold(&HoldReason::Licence.into(), &buyer, licence.deposit)?;
		licence.ask = None;
		Licences::<T>::insert(content, &buyer, licence.clone());
		HeldLicences::<T>::insert(&buyer, content, ());
		Self::deposit_event(Event::LicenceResold {
			content,
			from: seller,
			to: buyer,
			price,
			royalty,
		});
		let legs = legs.saturating_add(1);
		Ok(Some(Self::paid_weight(<T as Config>::WeightInfo::buy_resale(), licence.asset, legs))
			.into())
	}

	pub(crate) fn do_clear_licence(content: ContentId, holder: T::AccountId) -> DispatchResult {
		let licence = Licences::<T>::get(content, &holder).ok_or(Error::<T>::NoLicence)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(!licence.usable(now), Error::<T>::LicenceStillValid);
		Self::release(HoldReason::Licence, &holder, licence.deposit)?;
		Licences::<T>::remove(content, &holder);
		HeldLicences::<T>::remove(&holder, content);
		Self::deposit_event(Event::LicenceCleared { content, holder });
		Ok(())
	}

	/// The terms `buyer` wants to buy, after checking that it may: a participant, the terms
	/// exist, their publisher still distributes, and it has no valid licence (a spent or expired
	/// one is cleared here).
	pub(crate) fn offer_to(
		buyer: &T::AccountId,
		content: ContentId,
		terms_id: TermsId,
	) -> Result<OfferOf<T>, DispatchError> {
		T::Registry::ensure_active(buyer).map_err(Error::<T>::from)?;
		ensure!(Contents::<T>::contains_key(content), Error::<T>::UnknownContent);
		let offer = Offers::<T>::get(content, terms_id).ok_or(Error::<T>::UnknownTerms)?;
		ensure!(
			!Self::share_of(content, Right::Distribution, &Self::holder(&offer.publisher)).is_zero(),
			Error::<T>::PublisherNotDistributor
		);
		Self::make_room_for_licence(content, buyer)?;
		Ok(offer)
	}

	/// `who` holds no valid licence of the content; a spent or expired one is cleared.
	pub(crate) fn make_room_for_licence(content: ContentId, who: &T::AccountId) -> DispatchResult {
		if let Some(old) = Licences::<T>::get(content, who) {
			ensure!(
				!old.usable(frame_system::Pallet::<T>::block_number()),
				Error::<T>::AlreadyLicensed
			);
			Self::release(HoldReason::Licence, who, old.deposit)?;
			Licences::<T>::remove(content, who);
			HeldLicences::<T>::remove(who, content);
			Self::deposit_event(Event::LicenceCleared { content, holder: who.clone() });
		}
		Ok(())
	}

	/// Hold the licence deposit from `buyer` and give it a fresh licence on `terms`.
	pub(crate) fn grant_licence(
		content: ContentId,
		buyer: &T::AccountId,
		terms_id: TermsId,
		terms: &TermsOf<T>,
	) -> Result<LicenceOf<T>, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let expires_at = match terms.duration {
			Some(duration) => Some(now.checked_add(&duration).ok_or(Error::<T>::Overflow)?),
			None => None,
		};
		let deposit = T::LicenceDeposit::get();
		<T as Config>::Currency::hold(&HoldReason::Licence.into(), buyer, deposit)?;
		let licence = Licence {
			terms: terms_id,
			asset: terms.asset,
			accesses: 0,
			max_accesses: terms.max_accesses,
			expires_at,
			transferable: terms.transferable,
			ask: None,
			deposit,
		};
		Licences::<T>::insert(content, buyer, licence.clone());
		HeldLicences::<T>::insert(buyer, content, ());
		Ok(licence)
	}

	/// The licence has neither expired nor run out of accesses.
	pub(crate) fn ensure_usable(licence: &LicenceOf<T>) -> DispatchResult {
		ensure!(
			!licence.expired(frame_system::Pallet::<T>::block_number()),
			Error::<T>::LicenceExpired
		);
		ensure!(licence.accesses_left() != Some(0), Error::<T>::NoAccessesLeft);
		Ok(())
	}
}
