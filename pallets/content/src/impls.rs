//! What the calls share: participant and ownership checks, the NFT, payments, licences, the
//! runtime API's views and the storage invariants.

use crate::{
	pallet::{BalanceOf, CodeOf, Nfts, OfferOf, TermsOf},
	split::{split, Payees},
	Config, ContentCollection, ContentId, Contents, Credits, Error, Event, HoldReason, Licence,
	LicenceOf, LicenceView, Licences, Offers, Pallet, PaymentAsset, Referrals, Right, Rights,
	RightsView, RoleShares, Royalties, TermsId,
};
use frame_support::{
	ensure,
	pallet_prelude::{DispatchError, DispatchResult, Get, Weight},
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::{
			nonfungibles_v2::{Create, Mutate as NftMutate, Transfer as NftTransfer},
			Precision, Preservation,
		},
	},
};
use pactum_primitives::{ParticipantRegistry, RegulatedTransfer};
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	Permill,
};

impl<T: Config> Pallet<T> {
	/// The content exists and `who` owns its NFT.
	pub(crate) fn ensure_owner(content: ContentId, who: &T::AccountId) -> DispatchResult {
		let owner = Self::owner_of(content).ok_or(Error::<T>::UnknownContent)?;
		ensure!(&owner == who, Error::<T>::NotOwner);
		Ok(())
	}

	/// `who`'s share of `right` over the content (zero if none).
	pub fn share_of(content: ContentId, right: Right, who: &T::AccountId) -> Permill {
		Rights::<T>::get(content, right)
			.iter()
			.find(|(holder, _)| holder == who)
			.map_or(Permill::zero(), |(_, share)| *share)
	}

	/// A tokens asset named in a payment exists.
	pub(crate) fn ensure_asset(asset: PaymentAsset) -> DispatchResult {
		if let PaymentAsset::Token(id) = asset {
			ensure!(T::Tokens::asset_exists(id), Error::<T>::UnknownAsset);
		}
		Ok(())
	}

	/// The content collection, created (owned by this pallet's account) on first use.
	fn collection() -> Result<T::CollectionId, DispatchError> {
		if let Some(collection) = ContentCollection::<T>::get() {
			return Ok(collection);
		}
		let account = Self::account();
		let config = pallet_nfts::CollectionConfig {
			settings: pallet_nfts::CollectionSettings::all_enabled(),
			max_supply: None,
			mint_settings: Default::default(),
		};
		let collection = <Nfts<T> as Create<_, _>>::create_collection(&account, &account, &config)?;
		ContentCollection::<T>::put(collection);
		Ok(collection)
	}

	/// Mint the content's NFT to `owner` with `uri` as its metadata.
	pub(crate) fn mint(content: ContentId, owner: &T::AccountId, uri: &[u8]) -> DispatchResult {
		let collection = Self::collection()?;
		let config = pallet_nfts::ItemConfig { settings: pallet_nfts::ItemSettings::all_enabled() };
		<Nfts<T> as NftMutate<_, _>>::mint_into(&collection, &content, owner, &config, true)?;
		<Nfts<T> as NftMutate<_, pallet_nfts::ItemConfig>>::set_item_metadata(
			None,
			&collection,
			&content,
			uri,
		)
	}

	/// Move the content's NFT to `to`.
	pub(crate) fn move_nft(content: ContentId, to: &T::AccountId) -> DispatchResult {
		let collection = ContentCollection::<T>::get().ok_or(Error::<T>::UnknownContent)?;
		<Nfts<T> as NftTransfer<_>>::transfer(&collection, &content, to)
	}

	/// Release `amount` held from `who` for `reason`, exactly.
	pub(crate) fn release(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		<T as Config>::Currency::release(&reason.into(), who, amount, Precision::Exact)?;
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
			!Self::share_of(content, Right::Distribution, &offer.publisher).is_zero(),
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
			Self::deposit_event(Event::LicenceCleared { content, holder: who.clone() });
		}
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
		ensure!(&referral.promoter != buyer, Error::<T>::OwnReferral);
		ensure!(
			!Self::share_of(content, Right::Promotion, &referral.promoter).is_zero(),
			Error::<T>::NotPromoter
		);
		Ok(referral.promoter)
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

	/// Pay `amount` from `payer`, split by the royalty table `table` picks: the promoters' part
	/// to `promoter` if given, else to the promotion right's holders. Returns how many legs were
	/// paid (a leg to the payer itself is not).
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
		let legs = split(amount, &table(&record.royalties), &payees);
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
	/// a tokens asset moves under its rules.
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
			PaymentAsset::Token(id) => T::Tokens::transfer(id, from, to, value),
		}
	}

	/// Credit `who` with `amount` credits of `asset`.
	pub(crate) fn award_credits(
		who: &T::AccountId,
		asset: PaymentAsset,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		let balance = Credits::<T>::try_mutate(who, asset, |balance| {
			*balance = balance.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Ok::<_, DispatchError>(*balance)
		})?;
		Self::deposit_event(Event::CreditsAwarded { who: who.clone(), asset, amount, balance });
		Ok(())
	}

	/// The most legs one payment has: every creator, the owner, every distributor and every
	/// promoter, and the seller of a resale.
	fn max_legs() -> u32 {
		T::MaxCreators::get()
			.saturating_add(T::MaxRightHolders::get().saturating_mul(2))
			.saturating_add(2)
	}

	/// The weight a paying call declares: its benchmarked weight (paid in the native currency)
	/// and, in case it pays in a tokens asset, one regulated transfer per possible leg.
	pub(crate) fn payment_weight(base: Weight) -> Weight {
		base.saturating_add(T::Tokens::transfer_weight().saturating_mul(Self::max_legs().into()))
	}

	/// The weight a paying call used, once it knows the asset and how many legs it paid.
	pub(crate) fn paid_weight(base: Weight, asset: PaymentAsset, legs: u32) -> Weight {
		match asset {
			PaymentAsset::Native => base,
			PaymentAsset::Token(_) => {
				base.saturating_add(T::Tokens::transfer_weight().saturating_mul(legs.into()))
			}
		}
	}

	/// What `content_licence(account, content)` returns.
	pub fn licence_view(
		who: &T::AccountId,
		content: ContentId,
	) -> Option<LicenceView<BalanceOf<T>, frame_system::pallet_prelude::BlockNumberFor<T>>> {
		let licence = Licences::<T>::get(content, who)?;
		Some(LicenceView {
			valid: licence.usable(frame_system::Pallet::<T>::block_number()),
			accesses_left: licence.accesses_left(),
			expires_at: licence.expires_at,
			terms: licence.terms,
			transferable: licence.transferable,
			ask: licence.ask,
		})
	}

	/// What `content_rights(content)` returns.
	pub fn rights_view(content: ContentId) -> Option<RightsView<T::AccountId>> {
		let record = Contents::<T>::get(content)?;
		Some(RightsView {
			content_hash: record.content_hash,
			owner: Self::owner_of(content)?,
			creators: record.creators.into_inner(),
			royalties: record.royalties,
			rights: record
				.rights
				.iter()
				.map(|right| (*right, Rights::<T>::get(content, right).into_inner()))
				.collect(),
		})
	}

	/// Storage invariants: every share table sums to 100 %, every right of a content has
	/// holders, indexes agree with the records, each content's count of published terms is
	/// right, and what is held from each account for each reason is exactly the deposits its
	/// records name. Run by `try-runtime` and by the tests.
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
		Self::check_deposits()
	}

	/// For every account that a record names, what is held for each of this pallet's reasons
	/// equals the deposits recorded for that reason.
	fn check_deposits() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let mut recorded: BTreeMap<(u8, T::AccountId), BalanceOf<T>> = BTreeMap::new();
		let mut add = |reason: u8, who: T::AccountId, amount: BalanceOf<T>| {
			let sum = recorded.entry((reason, who)).or_default();
			*sum = sum.saturating_add(amount);
		};
		Contents::<T>::iter_values().for_each(|r| add(0, r.registrant, r.deposit));
		Offers::<T>::iter_values().for_each(|o| add(1, o.publisher, o.deposit));
		Licences::<T>::iter().for_each(|(_, holder, l)| add(2, holder, l.deposit));
		Referrals::<T>::iter_values().for_each(|r| add(3, r.promoter, r.deposit));
		let reasons =
			[HoldReason::Content, HoldReason::Terms, HoldReason::Licence, HoldReason::Referral];
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
