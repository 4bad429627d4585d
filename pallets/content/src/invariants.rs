//! `try_state`: share tables sum to 100 %, every right of a content has holders, the indexes
//! (rights and licences by holder included) agree with the records, credits are held on
//! registered contents only and never as zero, and what is held from each account (or where a
//! recovery moved it) for each reason is exactly the deposits its records name. And
//! `integrity_test`: the configured bounds leave room for what every content needs.

use crate::{pallet::*, Right};
use pactum_primitives::ParticipantRegistry;
use frame_support::{ensure, traits::Get};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Panics unless the bounds leave room for a creator, a holder and the standard rights, and
	/// a URI fits pallet-nfts' item metadata (the pallet's `integrity_test`).
	pub(crate) fn do_integrity_test() {
		assert!(T::MaxCreators::get() >= 1, "a content needs room for a creator");
		assert!(T::MaxRightHolders::get() >= 1, "a right needs room for a holder");
		assert!(
			T::MaxRights::get() >= Right::STANDARD.len() as u32,
			"a content needs room for the standard rights"
		);
		assert!(
			T::MaxUriLen::get() <= <T as pallet_nfts::Config>::StringLimit::get(),
			"a URI must fit pallet-nfts' item metadata"
		);
	}

	/// Storage invariants: every share table sums to 100 %, every right of a content has
	/// holders, indexes agree with the records, each content's count of published terms is
	/// right, every credits entry is non-zero and on a registered content (credits buy licences
	/// of the content they were earned on), and what is held from each account for each reason
	/// is exactly the deposits its records name. Run by `try-runtime` and by the tests.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use crate::{types::whole, ByHash};
		for (content, record) in Contents::<T>::iter() {
			ensure!(whole(record.creators.iter()), "creators' shares do not sum to 100 %");
			ensure!(
				record.royalties.first_sale.is_whole() && record.royalties.later.is_whole(),
				"a royalty table does not sum to 100 %"
			);
			for right in record.rights.iter() {
				ensure!(
					whole(Rights::<T>::get(content, right).iter()),
					"a right's shares do not sum to 100 %"
				);
			}
			ensure!(
				ByHash::<T>::get(record.content_hash) == Some(content),
				"content hash index disagrees"
			);
			ensure!(
				Offers::<T>::iter_prefix(content).count() == record.offers as usize,
				"published terms count disagrees"
			);
			ensure!(Self::owner_of(content).is_some(), "content without its NFT");
		}
		for (content, right, _) in Rights::<T>::iter() {
			let listed = Contents::<T>::get(content).is_some_and(|r| r.rights.contains(&right));
			ensure!(listed, "holders of a right the content does not have");
		}
		for ((_, content, _), credits) in Credits::<T>::iter() {
			ensure!(!credits.is_zero(), "a credits entry of zero");
			ensure!(Contents::<T>::contains_key(content), "credits on an unknown content");
		}
		Self::check_indexes()?;
		Self::check_deposits()
	}

	/// `HeldRights` counts, for each holder and content, the rights it holds a share of;
	/// `HeldLicences` lists every licence under its holder (a licence a recovery could not move,
	/// the new account holding one of its own, stays unlisted under the lost account).
	fn check_indexes() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		let mut counted: BTreeMap<(T::AccountId, crate::ContentId), u32> = BTreeMap::new();
		for (content, _, holders) in Rights::<T>::iter() {
			for (holder, _) in holders.iter() {
				counted.entry((holder.clone(), content)).or_default().saturating_inc();
			}
		}
		let indexed: BTreeMap<_, _> =
			HeldRights::<T>::iter().map(|(who, content, n)| ((who, content), n)).collect();
		ensure!(counted == indexed, "HeldRights disagrees with the rights' holders");
		for (content, holder, _) in Licences::<T>::iter() {
			ensure!(
				HeldLicences::<T>::contains_key(&holder, content) ||
					T::Registry::recovered_to(&holder).is_some(),
				"a licence not indexed to its holder"
			);
		}
		for (holder, content, ()) in HeldLicences::<T>::iter() {
			ensure!(Licences::<T>::contains_key(content, &holder), "a stale licence index entry");
		}
		Ok(())
	}

	/// For every account that a record names, what is held for each of this pallet's reasons
	/// equals the deposits recorded for that reason.
	fn check_deposits() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let mut recorded: BTreeMap<(u8, T::AccountId), BalanceOf<T>> = BTreeMap::new();
		// Held from the account on record, or where recoveries moved it.
		let mut add = |reason: u8, who: T::AccountId, amount: BalanceOf<T>| {
			let sum = recorded.entry((reason, Self::holder(&who))).or_default();
			*sum = sum.saturating_add(amount);
		};
		Contents::<T>::iter_values().for_each(|r| add(0, r.registrant, r.deposit));
		Offers::<T>::iter_values().for_each(|o| add(1, o.publisher, o.deposit));
		Licences::<T>::iter().for_each(|(_, holder, l)| add(2, holder, l.deposit));
		Referrals::<T>::iter_values().for_each(|r| add(3, r.promoter, r.deposit));
		let reasons = crate::recovery::HOLD_REASONS;
		let accounts: alloc::collections::BTreeSet<_> =
			recorded.keys().map(|(_, who)| who.clone()).collect();
		for who in accounts {
			for (index, reason) in (0u8..).zip(reasons) {
				let held = <T as Config>::Currency::balance_on_hold(&reason.into(), &who);
				let expected = recorded.get(&(index, who.clone())).copied().unwrap_or_default();
				ensure!(held == expected, "held deposits differ from the recorded ones");
			}
		}
		Ok(())
	}
}
