//! When the registry recovers a participant from a lost account to a new one: the new account
//! takes over what the lost one holds here, in metered steps (there may be more than fits in a
//! block): the deposits held from it (one step), each content NFT it owns, its shares of the
//! rights of each content, each licence, and its credits on each content in each asset.
//!
//! Records of who did what keep naming the lost account: a content's registrant and creators,
//! a terms' publisher, a referral code's promoter, a gateway. Payments to them go to
//! [`Pallet::holder`] (the account the registry moved them to), deposits come back there, and the
//! new account acts for them ([`Pallet::is_recorded`]); the lost account acts for nothing.

use crate::{pallet::*, ContentId, PaymentAsset, WeightInfo};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{InspectHold, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
		Defensive,
	},
	weights::WeightMeter,
};
use pactum_primitives::{OnParticipantRecovered, ParticipantRegistry, RecoveryProgress};
use sp_runtime::traits::{Saturating, Zero};

/// Everything this pallet holds from accounts.
pub(crate) const HOLD_REASONS: [HoldReason; 4] =
	[HoldReason::Content, HoldReason::Terms, HoldReason::Licence, HoldReason::Referral];

impl<T: Config> OnParticipantRecovered<T::AccountId> for Pallet<T> {
	fn on_recovered(
		lost: &T::AccountId,
		new: &T::AccountId,
		meter: &mut WeightMeter,
	) -> RecoveryProgress {
		let step = |meter: &mut WeightMeter, weight: Weight| meter.try_consume(weight).is_ok();
		if Self::holds_anything(lost) {
			if !step(meter, <T as Config>::WeightInfo::recover_deposits()) {
				return RecoveryProgress::Incomplete;
			}
			Self::move_deposits(lost, new);
		}
		if let Some(collection) = ContentCollection::<T>::get() {
			while let Some(content) =
				pallet_nfts::Account::<T>::iter_key_prefix((lost, collection)).next()
			{
				if !step(meter, <T as Config>::WeightInfo::recover_ownership()) {
					return RecoveryProgress::Incomplete;
				}
				if Self::move_ownership(content, lost, new).is_err() {
					// Not expected (the registry recovers to an existing account); the NFT
					// stays, and the other steps go on rather than retrying it for ever.
					break;
				}
			}
		}
		while let Some(content) = HeldRights::<T>::iter_key_prefix(lost).next() {
			if !step(meter, <T as Config>::WeightInfo::recover_rights()) {
				return RecoveryProgress::Incomplete;
			}
			Self::move_rights(content, lost, new);
		}
		while let Some(content) = HeldLicences::<T>::iter_key_prefix(lost).next() {
			if !step(meter, <T as Config>::WeightInfo::recover_licence()) {
				return RecoveryProgress::Incomplete;
			}
			Self::move_licence(content, lost, new);
		}
		while let Some((content, asset)) = Credits::<T>::iter_key_prefix((lost,)).next() {
			if !step(meter, <T as Config>::WeightInfo::recover_credits()) {
				return RecoveryProgress::Incomplete;
			}
			Self::move_credits(content, asset, lost, new);
		}
		RecoveryProgress::Done
	}

	fn max_step() -> Weight {
		<T as Config>::WeightInfo::recover_deposits()
			.max(<T as Config>::WeightInfo::recover_ownership())
			.max(<T as Config>::WeightInfo::recover_rights())
			.max(<T as Config>::WeightInfo::recover_licence())
			.max(<T as Config>::WeightInfo::recover_credits())
	}
}

impl<T: Config> Pallet<T> {
	/// The account that holds `who`'s funds and records now: `who`, or where recoveries moved it.
	pub fn holder(who: &T::AccountId) -> T::AccountId {
		T::Registry::current_account(who)
	}

	/// Whether `who` acts for the account `recorded` names: it is that account, or where
	/// recoveries moved it. A lost account acts for nothing any more.
	pub(crate) fn is_recorded(recorded: &T::AccountId, who: &T::AccountId) -> bool {
		Self::holder(recorded) == *who
	}

	fn holds_anything(who: &T::AccountId) -> bool {
		HOLD_REASONS.iter().any(|reason| {
			!<T as Config>::Currency::balance_on_hold(&(*reason).into(), who).is_zero()
		})
	}

	/// Every deposit held from `lost` is held from `new`.
	pub(crate) fn move_deposits(lost: &T::AccountId, new: &T::AccountId) {
		for reason in HOLD_REASONS {
			let held = <T as Config>::Currency::balance_on_hold(&reason.into(), lost);
			if held.is_zero() {
				continue;
			}
			// The registry only recovers to an existing (funded) account.
			let _ = <T as Config>::Currency::transfer_on_hold(
				&reason.into(),
				lost,
				new,
				held,
				Precision::BestEffort,
				Restriction::OnHold,
				Fortitude::Force,
			)
			.defensive();
		}
	}

	/// The content's NFT (and with it the owner's part of payments) moves to `new`.
	pub(crate) fn move_ownership(
		content: ContentId,
		lost: &T::AccountId,
		new: &T::AccountId,
	) -> DispatchResult {
		Self::move_nft(content, new).defensive()?;
		Self::deposit_event(Event::OwnershipTransferred {
			content,
			from: lost.clone(),
			to: new.clone(),
		});
		Ok(())
	}

	/// `lost`'s shares of the content's rights become `new`'s (added to any `new` holds).
	pub(crate) fn move_rights(content: ContentId, lost: &T::AccountId, new: &T::AccountId) {
		HeldRights::<T>::remove(lost, content);
		let rights = Contents::<T>::get(content).map(|r| r.rights.into_inner()).unwrap_or_default();
		let mut held = 0u32;
		for right in rights {
			Rights::<T>::mutate(content, right, |holders| {
				if let Some(at) = holders.iter().position(|(h, _)| h == lost) {
					let (_, share) = holders.remove(at);
					match holders.iter_mut().find(|(h, _)| h == new) {
						Some((_, s)) => *s = s.saturating_add(share),
						// Cannot fail: an entry was just removed.
						None => {
							let _ = holders.try_push((new.clone(), share)).defensive();
						},
					}
					Self::deposit_event(Event::RightTransferred {
						content,
						right,
						from: lost.clone(),
						to: new.clone(),
						share,
					});
				}
				if holders.iter().any(|(h, _)| h == new) {
					held.saturating_inc();
				}
			});
		}
		// The registry moved `lost`'s references to `new`: one index entry keeps one.
		if HeldRights::<T>::contains_key(new, content) {
			T::Registry::remove_reference(new);
		}
		HeldRights::<T>::insert(new, content, held);
	}

	/// `lost`'s licence of the content becomes `new`'s, unless `new` has one of its own (then
	/// it stays under `lost`, its deposit with `new`, until cleared).
	pub(crate) fn move_licence(content: ContentId, lost: &T::AccountId, new: &T::AccountId) {
		HeldLicences::<T>::remove(lost, content);
		if Licences::<T>::contains_key(content, new) {
			return;
		}
		if let Some(licence) = Licences::<T>::take(content, lost) {
			Licences::<T>::insert(content, new, licence);
			HeldLicences::<T>::insert(new, content, ());
		}
	}

	/// `lost`'s credits on `content` in `asset` are added to `new`'s on the same content.
	pub(crate) fn move_credits(
		content: ContentId,
		asset: PaymentAsset,
		lost: &T::AccountId,
		new: &T::AccountId,
	) {
		let amount = Credits::<T>::take((lost, content, asset));
		if amount.is_zero() {
			return;
		}
		Credits::<T>::mutate((new, content, asset), |credits| {
			*credits = credits.saturating_add(amount)
		});
	}
}
