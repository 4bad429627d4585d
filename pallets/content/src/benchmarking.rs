//! Benchmarks of every call in its most expensive path: `MaxCreators` creators, rights shared by
//! `MaxRightHolders` holders (so a payment has the most legs, each to a different account),
//! the buyer's spent licence replaced, the first registration creating the collection; the
//! recovery hook's steps at their largest.
//! Payments here are in the native currency; a price in a tokens asset adds one regulated
//! transfer and its recipient's standing per leg, see `Pallet::payment_weight`.

use super::*;
use crate::pallet::{BalanceOf, CodeOf, Config, Pallet};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, InspectHold, Mutate, MutateHold},
		Get,
	},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use pactum_primitives::ParticipantRegistry;
use sp_runtime::{
	traits::{Saturating, Zero},
	Permill,
};

/// A registered participant with plenty of native funds.
fn participant<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Registry::register_for_benchmarks(&who, 1, &[]);
	let funds = <T as Config>::Currency::minimum_balance()
		.max(1u32.into())
		.saturating_mul(1_000_000_000u32.into());
	<T as Config>::Currency::set_balance(&who, funds);
	who
}

fn signed<T: Config>(who: &T::AccountId) -> T::RuntimeOrigin {
	RawOrigin::Signed(who.clone()).into()
}

/// `n` holders with shares summing to 100 % (the rounding to the first).
fn shares<T: Config>(name: &'static str, n: u32) -> Vec<(T::AccountId, Permill)> {
	let each = Permill::from_parts(1_000_000 / n.max(1));
	let mut list: Vec<_> = (0..n).map(|i| (participant::<T>(name, i), each)).collect();
	let rest = 1_000_000 - each.deconstruct() * n;
	if let Some((_, first)) = list.first_mut() {
		*first = Permill::from_parts(first.deconstruct() + rest);
	}
	list
}

/// Every role gets a part of every payment.
fn royalties() -> Royalties {
	let quarter = Permill::from_percent(25);
	let table =
		RoleShares { creators: quarter, owner: quarter, distributors: quarter, promoters: quarter };
	Royalties { first_sale: table, later: table, resale: Permill::from_percent(50) }
}

fn terms<T: Config>() -> LicenceTerms<BalanceOf<T>, BlockNumberFor<T>> {
	LicenceTerms {
		price: 1_000_000u32.into(),
		asset: PaymentAsset::Native,
		max_accesses: Some(10),
		duration: Some(1_000u32.into()),
		transferable: true,
		credit_price: Some(1_000u32.into()),
	}
}

fn code<T: Config>(seed: u8) -> CodeOf<T> {
	BoundedVec::truncate_from(vec![seed; T::MaxCodeLen::get() as usize])
}

/// A content with `MaxCreators` creators, registered by `owner`.
fn content<T: Config>(owner: &T::AccountId) -> ContentId {
	let id = NextContent::<T>::get();
	let creators = BoundedVec::truncate_from(shares::<T>("creator", T::MaxCreators::get()));
	let uri = BoundedVec::truncate_from(vec![b'u'; T::MaxUriLen::get() as usize]);
	let hash = [id as u8; 32];
	assert!(Pallet::<T>::register(signed::<T>(owner), hash, uri, creators, royalties()).is_ok());
	id
}

/// A content whose distribution and promotion rights are each shared by `MaxRightHolders`
/// holders; the first distributor publishes `terms` (id 0). Returns the content and that
/// distributor.
fn market<T: Config>() -> (ContentId, T::AccountId) {
	let owner = participant::<T>("owner", 0);
	let id = content::<T>(&owner);
	for (right, name) in [(Right::Distribution, "distributor"), (Right::Promotion, "promoter")] {
		let holders = shares::<T>(name, T::MaxRightHolders::get());
		for (holder, _) in holders.iter() {
			assert!(Pallet::<T>::rights_gained(holder, id, 1).is_ok());
		}
		Rights::<T>::insert(id, right, BoundedVec::truncate_from(holders));
	}
	let publisher = Rights::<T>::get(id, Right::Distribution)[0].0.clone();
	assert!(Pallet::<T>::publish_terms(signed::<T>(&publisher), id, terms::<T>()).is_ok());
	(id, publisher)
}

/// `who` holds a spent licence of `content`, with its deposit.
fn spent_licence<T: Config>(content: ContentId, who: &T::AccountId) {
	let deposit = T::LicenceDeposit::get();
	assert!(<T as Config>::Currency::hold(&HoldReason::Licence.into(), who, deposit).is_ok());
	let licence = Licence {
		terms: 0,
		asset: PaymentAsset::Native,
		accesses: 1,
		max_accesses: Some(1),
		expires_at: None,
		transferable: true,
		ask: None,
		deposit,
	};
	Licences::<T>::insert(content, who, licence);
}

/// `who` holds a valid, transferable licence of `content` offered at `ask`.
fn licence_for_sale<T: Config>(content: ContentId, who: &T::AccountId) -> BalanceOf<T> {
	assert!(Pallet::<T>::buy_licence(signed::<T>(who), content, 0, None).is_ok());
	let ask: BalanceOf<T> = 500_000u32.into();
	assert!(Pallet::<T>::offer_licence(signed::<T>(who), content, Some(ask)).is_ok());
	ask
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register() {
		let owner = participant::<T>("owner", 0);
		let creators = BoundedVec::truncate_from(shares::<T>("creator", T::MaxCreators::get()));
		let uri = BoundedVec::truncate_from(vec![b'u'; T::MaxUriLen::get() as usize]);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), [7; 32], uri, creators, royalties());
		assert_eq!(Pallet::<T>::owner_of(0), Some(owner));
	}

	#[benchmark]
	fn transfer_ownership() {
		let owner = participant::<T>("owner", 0);
		let id = content::<T>(&owner);
		let to = participant::<T>("to", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, to.clone());
		assert_eq!(Pallet::<T>::owner_of(id), Some(to));
	}

	#[benchmark]
	fn add_right() {
		let owner = participant::<T>("owner", 0);
		let id = content::<T>(&owner);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, Right::Other(1));
		assert_eq!(Rights::<T>::get(id, Right::Other(1)).len(), 1);
	}

	#[benchmark]
	fn transfer_right() {
		let (id, _) = market::<T>();
		let from = Rights::<T>::get(id, Right::Distribution)[0].0.clone();
		// Room for one more holder: the last one leaves.
		Rights::<T>::mutate(id, Right::Distribution, |holders| {
			if let Some((_, share)) = holders.pop() {
				if let Some((_, first)) = holders.get_mut(0) {
					*first = first.saturating_add(share);
				}
			}
		});
		let to = participant::<T>("to", 0);
		// All of the holder's share: it leaves the right (and the index), `to` joins both.
		let share = Pallet::<T>::share_of(id, Right::Distribution, &from);
		#[extrinsic_call]
		_(RawOrigin::Signed(from.clone()), id, Right::Distribution, to.clone(), share);
		assert_eq!(Pallet::<T>::share_of(id, Right::Distribution, &to), share);
		assert!(!HeldRights::<T>::contains_key(&from, id));
	}

	#[benchmark]
	fn authorise_gateway() {
		let owner = participant::<T>("owner", 0);
		let id = content::<T>(&owner);
		for i in 1..T::MaxGateways::get() {
			let gateway = participant::<T>("gateway", i);
			assert!(Pallet::<T>::authorise_gateway(signed::<T>(&owner), id, gateway).is_ok());
		}
		let gateway = participant::<T>("gateway", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, gateway.clone());
		assert!(Gateways::<T>::get(id).contains(&gateway));
	}

	#[benchmark]
	fn revoke_gateway() {
		let owner = participant::<T>("owner", 0);
		let id = content::<T>(&owner);
		for i in 0..T::MaxGateways::get() {
			let gateway = participant::<T>("gateway", i);
			assert!(Pallet::<T>::authorise_gateway(signed::<T>(&owner), id, gateway).is_ok());
		}
		let last = participant::<T>("gateway", T::MaxGateways::get() - 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, last.clone());
		assert!(!Gateways::<T>::get(id).contains(&last));
	}

	#[benchmark]
	fn publish_terms() {
		let (id, publisher) = market::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(publisher), id, terms::<T>());
		assert!(Offers::<T>::contains_key(id, 1));
	}

	#[benchmark]
	fn withdraw_terms() {
		let (id, publisher) = market::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(publisher), id, 0);
		assert!(!Offers::<T>::contains_key(id, 0));
	}

	#[benchmark]
	fn buy_licence() {
		let (id, _) = market::<T>();
		let buyer = participant::<T>("buyer", 0);
		spent_licence::<T>(id, &buyer);
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), id, 0, None);
		assert!(Pallet::<T>::licence_view(&buyer, id).is_some_and(|l| l.valid));
	}

	#[benchmark]
	fn buy_licence_with_credits() {
		let (id, _) = market::<T>();
		let buyer = participant::<T>("buyer", 0);
		spent_licence::<T>(id, &buyer);
		// Credits earned on this content (the only ones that count), more than the price: the
		// entry is written back, not removed.
		Credits::<T>::insert((&buyer, id, PaymentAsset::Native), BalanceOf::<T>::from(2_000u32));
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), id, 0);
		assert!(Pallet::<T>::licence_view(&buyer, id).is_some_and(|l| l.valid));
		assert_eq!(
			Credits::<T>::get((&buyer, id, PaymentAsset::Native)),
			BalanceOf::<T>::from(1_000u32)
		);
	}

	#[benchmark]
	fn record_access() {
		let (id, _) = market::<T>();
		let owner = participant::<T>("owner", 0);
		for i in 0..T::MaxGateways::get() {
			let gateway = participant::<T>("gateway", i);
			assert!(Pallet::<T>::authorise_gateway(signed::<T>(&owner), id, gateway).is_ok());
		}
		let gateway = participant::<T>("gateway", T::MaxGateways::get() - 1);
		let buyer = participant::<T>("buyer", 0);
		assert!(Pallet::<T>::buy_licence(signed::<T>(&buyer), id, 0, None).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(gateway), id, buyer.clone());
		assert_eq!(Licences::<T>::get(id, &buyer).map(|l| l.accesses), Some(1));
	}

	#[benchmark]
	fn offer_licence() {
		let (id, _) = market::<T>();
		let holder = participant::<T>("holder", 0);
		assert!(Pallet::<T>::buy_licence(signed::<T>(&holder), id, 0, None).is_ok());
		let ask: BalanceOf<T> = 500_000u32.into();
		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), id, Some(ask));
		assert_eq!(Licences::<T>::get(id, &holder).and_then(|l| l.ask), Some(ask));
	}

	#[benchmark]
	fn buy_resale() {
		let (id, _) = market::<T>();
		let seller = participant::<T>("seller", 0);
		let ask = licence_for_sale::<T>(id, &seller);
		let buyer = participant::<T>("buyer", 0);
		spent_licence::<T>(id, &buyer);
		#[extrinsic_call]
		_(RawOrigin::Signed(buyer.clone()), id, seller.clone(), ask);
		assert!(Pallet::<T>::licence_view(&buyer, id).is_some_and(|l| l.valid));
		assert!(!Licences::<T>::contains_key(id, &seller));
	}

	#[benchmark]
	fn clear_licence() {
		let (id, _) = market::<T>();
		let holder = participant::<T>("holder", 0);
		spent_licence::<T>(id, &holder);
		let anyone = participant::<T>("anyone", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(anyone), id, holder.clone());
		assert!(!Licences::<T>::contains_key(id, &holder));
	}

	#[benchmark]
	fn register_referral() {
		let (id, _) = market::<T>();
		let promoter = Rights::<T>::get(id, Right::Promotion)[0].0.clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(promoter), id, code::<T>(1));
		assert!(Referrals::<T>::contains_key(code::<T>(1)));
	}

	#[benchmark]
	fn remove_referral() {
		let (id, _) = market::<T>();
		let promoter = Rights::<T>::get(id, Right::Promotion)[0].0.clone();
		assert!(Pallet::<T>::register_referral(signed::<T>(&promoter), id, code::<T>(1)).is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(promoter), code::<T>(1));
		assert!(!Referrals::<T>::contains_key(code::<T>(1)));
	}

	#[benchmark]
	fn tip() {
		let (id, _) = market::<T>();
		let fan = participant::<T>("fan", 0);
		let amount: BalanceOf<T> = 1_000_000u32.into();
		#[extrinsic_call]
		_(RawOrigin::Signed(fan), id, PaymentAsset::Native, amount);
	}

	/// A recovered account with a deposit held for every reason.
	#[benchmark]
	fn recover_deposits() {
		let lost = participant::<T>("lost", 0);
		let id = content::<T>(&lost);
		assert!(Pallet::<T>::publish_terms(signed::<T>(&lost), id, terms::<T>()).is_ok());
		spent_licence::<T>(id, &lost);
		assert!(Pallet::<T>::register_referral(signed::<T>(&lost), id, code::<T>(1)).is_ok());
		let new = participant::<T>("new", 0);
		#[block]
		{
			Pallet::<T>::move_deposits(&lost, &new);
		}
		let held = |who| {
			<T as Config>::Currency::balance_on_hold(&HoldReason::Referral.into(), who)
		};
		assert!(held(&lost).is_zero() && !held(&new).is_zero());
	}

	/// A content NFT of a recovered account.
	#[benchmark]
	fn recover_ownership() {
		let lost = participant::<T>("lost", 0);
		let id = content::<T>(&lost);
		let new = participant::<T>("new", 0);
		#[block]
		{
			assert!(Pallet::<T>::move_ownership(id, &lost, &new).is_ok());
		}
		assert_eq!(Pallet::<T>::owner_of(id), Some(new));
	}

	/// A recovered account's shares of a content's `MaxRights` rights, each shared by
	/// `MaxRightHolders` holders, the new account among them (the shares merge).
	#[benchmark]
	fn recover_rights() {
		let owner = participant::<T>("owner", 0);
		let id = content::<T>(&owner);
		for i in Right::STANDARD.len() as u32..T::MaxRights::get() {
			assert!(Pallet::<T>::add_right(signed::<T>(&owner), id, Right::Other(i as u16)).is_ok());
		}
		let lost = participant::<T>("lost", 0);
		let new = participant::<T>("new", 0);
		let rights = Contents::<T>::get(id).map(|r| r.rights.into_inner()).unwrap_or_default();
		let mut holders = shares::<T>("holder", T::MaxRightHolders::get());
		holders[0].0 = lost.clone();
		if let Some(second) = holders.get_mut(1) {
			second.0 = new.clone();
		}
		for right in rights.iter() {
			Rights::<T>::insert(id, right, BoundedVec::truncate_from(holders.clone()));
		}
		for (holder, _) in holders.iter() {
			HeldRights::<T>::insert(holder, id, rights.len() as u32);
		}
		HeldRights::<T>::remove(&owner, id);
		#[block]
		{
			Pallet::<T>::move_rights(id, &lost, &new);
		}
		assert!(!HeldRights::<T>::contains_key(&lost, id));
		assert_eq!(HeldRights::<T>::get(&new, id), rights.len() as u32);
	}

	/// A recovered account's licence.
	#[benchmark]
	fn recover_licence() {
		let (id, _) = market::<T>();
		let lost = participant::<T>("lost", 0);
		spent_licence::<T>(id, &lost);
		HeldLicences::<T>::insert(&lost, id, ());
		let new = participant::<T>("new", 0);
		#[block]
		{
			Pallet::<T>::move_licence(id, &lost, &new);
		}
		assert!(Licences::<T>::contains_key(id, &new));
	}

	/// A recovered account's credits on one content in one asset, added to the new account's.
	#[benchmark]
	fn recover_credits() {
		let lost = participant::<T>("lost", 0);
		let new = participant::<T>("new", 0);
		let id = content::<T>(&lost);
		let key = |who| (who, id, PaymentAsset::Native);
		Credits::<T>::insert(key(&lost), BalanceOf::<T>::from(100u32));
		Credits::<T>::insert(key(&new), BalanceOf::<T>::from(100u32));
		#[block]
		{
			Pallet::<T>::move_credits(id, PaymentAsset::Native, &lost, &new);
		}
		assert_eq!(Credits::<T>::get(key(&new)), BalanceOf::<T>::from(200u32));
		assert!(!Credits::<T>::contains_key(key(&lost)));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
