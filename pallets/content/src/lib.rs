//! # Content
//!
//! Content registered as NFTs, rights traded in shares, licences that really expire or run out,
//! and every payment split among the people who made and moved the content.
//!
//! ## Terminology
//!
//! - **Content**: an item of the runtime's content collection in pallet-nfts, minted to the
//!   registrant, with the content's hash (unique on chain), a metadata URI (also the item's
//!   pallet-nfts metadata), its creators with their shares, and a royalty table. The runtime
//!   filters pallet-nfts' own calls, so the item moves only through [`Pallet::transfer_ownership`].
//! - **Royalty table**: the parts of each payment that go to the creators, the owner (whoever
//!   holds the NFT), the distributors and the promoters, summing to 100 %, once for a licence's
//!   first sale and once for later payments (tips, and the royalty part of a resale). Legs are
//!   rounded down; rounding remainders go to the first creator listed (see `split`).
//! - **Rights** (distribution, promotion, derivative works, and rights the owner adds) are held
//!   in shares summing to 100 %; a holder transfers all or part of its share. Distribution right
//!   holders share the distributors' part of payments and may publish licence terms; promotion
//!   right holders share the promoters' part and may register referral codes. Who held a right at
//!   block N is the `Rights` storage at that block, and every change is a `RightTransferred` event.
//! - **Licences**: a distribution right holder publishes terms (price in the native currency or a
//!   tokens asset, accesses, duration, transferable, optional credit price); a buyer's payment is
//!   split by the royalty table in the same call. A gateway the owner authorised records each
//!   access, refused once the count or the time has run out. A transferable licence may be offered
//!   and resold; the resale pays royalties.
//! - **Referral codes and credits**: a purchase through a promoter's code pays the promoters' part
//!   to that promoter and awards the buyer credits (`ReferralCredit` of the price, in the price's
//!   asset). Credits buy licences whose terms name a credit price; they are spent, not paid out.
//! - **Deposits** are held for every record a user creates: content, terms, licences, referral
//!   codes. Spent or expired licences can be cleared by anyone, releasing the holder's deposit.
//!
//! Every account that acts (registers, transfers, publishes, buys, meters, offers, promotes, tips)
//! must be a registered participant under no ban; withdrawing terms, removing a code and clearing
//! a spent licence only give back, and stay open to banned accounts.
//!
//! Payments in a tokens asset move through [`pactum_primitives::RegulatedTransfer`]: every leg is a
//! regulated transfer (holder policy, limits and the transfer fee, paid by the payer).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
#[cfg(test)]
mod mock;
mod split;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pactum_primitives::impl_inactive_errors!(Error);

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			tokens::nonfungibles_v2::Inspect as NftInspect,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use pactum_primitives::{ParticipantRegistry, RegulatedTransfer};
	use sp_runtime::{
		traits::{Saturating, Zero},
		Permill,
	};

	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	pub type OfferOf<T> =
		Offer<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	pub type TermsOf<T> = LicenceTerms<BalanceOf<T>, BlockNumberFor<T>>;
	pub type LicenceOf<T> = Licence<BalanceOf<T>, BlockNumberFor<T>>;
	pub type ReferralOf<T> = Referral<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	pub type CodeOf<T> = BoundedVec<u8, <T as Config>::MaxCodeLen>;
	pub type HoldersOf<T> = BoundedVec<
		(<T as frame_system::Config>::AccountId, Permill),
		<T as Config>::MaxRightHolders,
	>;
	pub(crate) type Nfts<T> = pallet_nfts::Pallet<T>;

	/// A registered content.
	#[derive(
		CloneNoBound,
		PartialEqNoBound,
		EqNoBound,
		Encode,
		Decode,
		DebugNoBound,
		TypeInfo,
		MaxEncodedLen,
	)]
	#[scale_info(skip_type_params(T))]
	#[codec(mel_bound())]
	pub struct ContentRecord<T: Config> {
		pub content_hash: Digest,
		pub uri: BoundedVec<u8, T::MaxUriLen>,
		/// Who registered it; holds the content deposit.
		pub registrant: T::AccountId,
		/// The creators and their shares of the creators' part, summing to 100 %.
		pub creators: BoundedVec<(T::AccountId, Permill), T::MaxCreators>,
		pub royalties: Royalties,
		/// The rights that exist over the content.
		pub rights: BoundedVec<Right, T::MaxRights>,
		/// How many terms are published (at most `MaxTerms`).
		pub offers: u32,
		/// The id the next published terms get.
		pub next_terms: TermsId,
		pub deposit: BalanceOf<T>,
		pub registered_at: BlockNumberFor<T>,
	}

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_nfts::Config<ItemId = ContentId> {
		/// Holds deposits and pays native prices and tips.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		type RuntimeHoldReason: From<HoldReason>;
		/// Who is a participant, and whether it is banned.
		type Registry: ParticipantRegistry<Self::AccountId>;
		/// Pays prices and tips in a tokens asset, under the asset's rules.
		type Tokens: RegulatedTransfer<Self::AccountId, Balance = BalanceOf<Self>>;
		/// Held from the registrant for each content.
		#[pallet::constant]
		type ContentDeposit: Get<BalanceOf<Self>>;
		/// Held from the publisher for each published terms.
		#[pallet::constant]
		type TermsDeposit: Get<BalanceOf<Self>>;
		/// Held from the holder for each licence record.
		#[pallet::constant]
		type LicenceDeposit: Get<BalanceOf<Self>>;
		/// Held from the promoter for each referral code.
		#[pallet::constant]
		type ReferralDeposit: Get<BalanceOf<Self>>;
		/// The credits a buyer earns through a referral code, as a part of the price.
		#[pallet::constant]
		type ReferralCredit: Get<Permill>;
		/// Owner of the content collection in pallet-nfts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		#[pallet::constant]
		type MaxCreators: Get<u32>;
		/// How many accounts may hold shares of one right.
		#[pallet::constant]
		type MaxRightHolders: Get<u32>;
		/// How many rights a content may have, the standard three included.
		#[pallet::constant]
		type MaxRights: Get<u32>;
		/// How many terms may be published for one content at a time.
		#[pallet::constant]
		type MaxTerms: Get<u32>;
		/// How many gateways may record accesses to one content.
		#[pallet::constant]
		type MaxGateways: Get<u32>;
		/// The longest metadata URI (at most pallet-nfts' `StringLimit`).
		#[pallet::constant]
		type MaxUriLen: Get<u32>;
		/// The longest referral code.
		#[pallet::constant]
		type MaxCodeLen: Get<u32>;
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// For a registered content.
		Content,
		/// For published licence terms.
		Terms,
		/// For a licence record.
		Licence,
		/// For a referral code.
		Referral,
	}

	/// The pallet-nfts collection whose items are the contents; created on first registration.
	#[pallet::storage]
	pub type ContentCollection<T: Config> = StorageValue<_, T::CollectionId>;

	/// The id the next content gets.
	#[pallet::storage]
	pub type NextContent<T: Config> = StorageValue<_, ContentId, ValueQuery>;

	/// Registered contents.
	#[pallet::storage]
	pub type Contents<T: Config> = StorageMap<_, Twox64Concat, ContentId, ContentRecord<T>>;

	/// Index: content hash -> content; a hash is registered once.
	#[pallet::storage]
	pub type ByHash<T: Config> = StorageMap<_, Identity, Digest, ContentId>;

	/// Holders of each right of each content, with their shares (summing to 100 %).
	#[pallet::storage]
	pub type Rights<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ContentId, Twox64Concat, Right, HoldersOf<T>, ValueQuery>;

	/// Published licence terms.
	#[pallet::storage]
	pub type Offers<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ContentId, Twox64Concat, TermsId, OfferOf<T>>;

	/// Licences, by content and holder.
	#[pallet::storage]
	pub type Licences<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ContentId, Blake2_128Concat, T::AccountId, LicenceOf<T>>;

	/// Accounts the owner authorised to record accesses to a content.
	#[pallet::storage]
	pub type Gateways<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ContentId,
		BoundedVec<T::AccountId, T::MaxGateways>,
		ValueQuery,
	>;

	/// Referral codes.
	#[pallet::storage]
	pub type Referrals<T: Config> = StorageMap<_, Blake2_128Concat, CodeOf<T>, ReferralOf<T>>;

	/// Credits of each account, by the asset they were earned in.
	#[pallet::storage]
	pub type Credits<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		PaymentAsset,
		BalanceOf<T>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		ContentRegistered {
			content: ContentId,
			owner: T::AccountId,
			content_hash: Digest,
			uri: Vec<u8>,
			creators: Vec<(T::AccountId, Permill)>,
			royalties: Royalties,
		},
		OwnershipTransferred {
			content: ContentId,
			from: T::AccountId,
			to: T::AccountId,
		},
		RightAdded {
			content: ContentId,
			right: Right,
			holder: T::AccountId,
		},
		/// `share` of `right` moved from `from` to `to`.
		RightTransferred {
			content: ContentId,
			right: Right,
			from: T::AccountId,
			to: T::AccountId,
			share: Permill,
		},
		GatewayAuthorised {
			content: ContentId,
			gateway: T::AccountId,
		},
		GatewayRevoked {
			content: ContentId,
			gateway: T::AccountId,
		},
		TermsPublished {
			content: ContentId,
			terms_id: TermsId,
			publisher: T::AccountId,
			terms: TermsOf<T>,
		},
		TermsWithdrawn {
			content: ContentId,
			terms_id: TermsId,
		},
		/// A payment about `content` was split; `legs` add up to `amount`.
		PaymentSplit {
			content: ContentId,
			payer: T::AccountId,
			asset: PaymentAsset,
			amount: BalanceOf<T>,
			legs: Vec<(T::AccountId, BalanceOf<T>)>,
		},
		LicencePurchased {
			content: ContentId,
			terms_id: TermsId,
			buyer: T::AccountId,
			price: BalanceOf<T>,
			asset: PaymentAsset,
			referral: Option<CodeOf<T>>,
			max_accesses: Option<u32>,
			expires_at: Option<BlockNumberFor<T>>,
		},
		LicencePurchasedWithCredits {
			content: ContentId,
			terms_id: TermsId,
			buyer: T::AccountId,
			credits: BalanceOf<T>,
			asset: PaymentAsset,
			max_accesses: Option<u32>,
			expires_at: Option<BlockNumberFor<T>>,
		},
		CreditsAwarded {
			who: T::AccountId,
			asset: PaymentAsset,
			amount: BalanceOf<T>,
			balance: BalanceOf<T>,
		},
		AccessRecorded {
			content: ContentId,
			holder: T::AccountId,
			gateway: T::AccountId,
			accesses: u32,
			accesses_left: Option<u32>,
		},
		/// `ask: None` withdraws the offer.
		LicenceOffered {
			content: ContentId,
			holder: T::AccountId,
			ask: Option<BalanceOf<T>>,
		},
		/// The seller received `price - royalty`.
		LicenceResold {
			content: ContentId,
			from: T::AccountId,
			to: T::AccountId,
			price: BalanceOf<T>,
			royalty: BalanceOf<T>,
		},
		LicenceCleared {
			content: ContentId,
			holder: T::AccountId,
		},
		ReferralRegistered {
			code: CodeOf<T>,
			content: ContentId,
			promoter: T::AccountId,
		},
		ReferralRemoved {
			code: CodeOf<T>,
		},
		Tipped {
			content: ContentId,
			from: T::AccountId,
			asset: PaymentAsset,
			amount: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not a registered participant.
		NotParticipant,
		/// The account is banned.
		Banned,
		/// This content hash is already registered.
		ContentExists,
		UnknownContent,
		/// A content needs at least one creator.
		NoCreators,
		/// A creator is listed twice.
		DuplicateCreator,
		/// Shares (creators', or a royalty table's parts) do not sum to 100 %.
		SharesNotWhole,
		/// Only the content's owner may do this.
		NotOwner,
		/// The two accounts are the same.
		SameAccount,
		/// The caller holds no share of this right.
		NotRightHolder,
		/// The caller's share of the right is smaller than the share to transfer.
		InsufficientShare,
		/// A share of zero.
		ZeroShare,
		/// The right has as many holders as it may have.
		TooManyHolders,
		/// The content has no such right.
		UnknownRight,
		/// The content has this right already.
		RightExists,
		/// The content has as many rights as it may have.
		TooManyRights,
		/// The content has as many gateways as it may have.
		TooManyGateways,
		/// The gateway is authorised already.
		GatewayExists,
		/// The gateway is not authorised for this content.
		UnauthorisedGateway,
		/// A limit of zero accesses, zero duration or a zero credit price.
		InvalidTerms,
		/// No such tokens asset.
		UnknownAsset,
		/// The content has as many published terms as it may have.
		TooManyTerms,
		UnknownTerms,
		/// Only the terms' publisher may withdraw them.
		NotPublisher,
		/// The terms' publisher no longer holds a share of the distribution right.
		PublisherNotDistributor,
		/// The buyer holds a valid licence of this content already.
		AlreadyLicensed,
		/// No licence of this content is held by the account.
		NoLicence,
		/// The licence has expired.
		LicenceExpired,
		/// The licence has no accesses left.
		NoAccessesLeft,
		/// The licence is still valid.
		LicenceStillValid,
		/// The licence may not be resold.
		NotTransferable,
		/// The licence is not offered for resale.
		NotForSale,
		/// The seller asks more than the buyer's maximum.
		PriceAboveLimit,
		UnknownReferral,
		/// The referral code is taken.
		ReferralExists,
		/// The referral code is for another content.
		ReferralForOtherContent,
		/// The account holds no share of the content's promotion right.
		NotPromoter,
		/// A buyer cannot use its own referral code.
		OwnReferral,
		/// The terms do not accept credits.
		CreditsNotAccepted,
		/// The buyer has too few credits.
		InsufficientCredits,
		/// An amount of zero.
		ZeroAmount,
		/// An id or a balance would overflow.
		Overflow,
		/// A payment's legs did not add up to its amount (never expected; the payment is refused).
		SplitInexact,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
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

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a content: mint its NFT to the caller, who also receives every standard right
		/// in full and holds `ContentDeposit`. `creators` share the creators' part of payments;
		/// their shares and each royalty table must sum to 100 %.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::register())]
		pub fn register(
			origin: OriginFor<T>,
			content_hash: Digest,
			uri: BoundedVec<u8, T::MaxUriLen>,
			creators: BoundedVec<(T::AccountId, Permill), T::MaxCreators>,
			royalties: Royalties,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
			ensure!(!ByHash::<T>::contains_key(content_hash), Error::<T>::ContentExists);
			ensure!(!creators.is_empty(), Error::<T>::NoCreators);
			ensure!(whole(creators.iter()), Error::<T>::SharesNotWhole);
			for (i, (creator, _)) in creators.iter().enumerate() {
				ensure!(
					!creators.iter().skip(i + 1).any(|(other, _)| other == creator),
					Error::<T>::DuplicateCreator
				);
				T::Registry::ensure_active(creator).map_err(Error::<T>::from)?;
			}
			ensure!(
				royalties.first_sale.is_whole() && royalties.later.is_whole(),
				Error::<T>::SharesNotWhole
			);
			let content = NextContent::<T>::get();
			let next = content.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let deposit = T::ContentDeposit::get();
			<T as Config>::Currency::hold(&HoldReason::Content.into(), &who, deposit)?;
			Self::mint(content, &who, &uri)?;
			let holder: HoldersOf<T> =
				BoundedVec::truncate_from(alloc::vec![(who.clone(), Permill::one())]);
			let rights = BoundedVec::truncate_from(Right::STANDARD.to_vec());
			for right in rights.iter() {
				Rights::<T>::insert(content, right, holder.clone());
			}
			ByHash::<T>::insert(content_hash, content);
			NextContent::<T>::put(next);
			Self::deposit_event(Event::ContentRegistered {
				content,
				owner: who.clone(),
				content_hash,
				uri: uri.to_vec(),
				creators: creators.to_vec(),
				royalties,
			});
			Contents::<T>::insert(
				content,
				ContentRecord {
					content_hash,
					uri,
					registrant: who,
					creators,
					royalties,
					rights,
					offers: 0,
					next_terms: 0,
					deposit,
					registered_at: frame_system::Pallet::<T>::block_number(),
				},
			);
			Ok(())
		}

		/// Give the content's NFT, and with it the owner's part of payments, to `to`.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::transfer_ownership())]
		pub fn transfer_ownership(
			origin: OriginFor<T>,
			content: ContentId,
			to: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_owner(content, &who)?;
			T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
			ensure!(who != to, Error::<T>::SameAccount);
			T::Registry::ensure_active(&to).map_err(Error::<T>::from)?;
			Self::move_nft(content, &to)?;
			Self::deposit_event(Event::OwnershipTransferred { content, from: who, to });
			Ok(())
		}

		/// Add a right to the content, held in full by the owner.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::add_right())]
		pub fn add_right(origin: OriginFor<T>, content: ContentId, right: Right) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_owner(content, &who)?;
			T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
			Contents::<T>::try_mutate(content, |record| -> DispatchResult {
				let record = record.as_mut().ok_or(Error::<T>::UnknownContent)?;
				ensure!(!record.rights.contains(&right), Error::<T>::RightExists);
				record.rights.try_push(right).map_err(|_| Error::<T>::TooManyRights)?;
				Ok(())
			})?;
			let holder = BoundedVec::truncate_from(alloc::vec![(who.clone(), Permill::one())]);
			Rights::<T>::insert(content, right, holder);
			Self::deposit_event(Event::RightAdded { content, right, holder: who });
			Ok(())
		}

		/// Transfer `share` of the caller's share of `right` to `to`.
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::transfer_right())]
		pub fn transfer_right(
			origin: OriginFor<T>,
			content: ContentId,
			right: Right,
			to: T::AccountId,
			share: Permill,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!share.is_zero(), Error::<T>::ZeroShare);
			ensure!(who != to, Error::<T>::SameAccount);
			let record = Contents::<T>::get(content).ok_or(Error::<T>::UnknownContent)?;
			ensure!(record.rights.contains(&right), Error::<T>::UnknownRight);
			T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
			T::Registry::ensure_active(&to).map_err(Error::<T>::from)?;
			Rights::<T>::try_mutate(content, right, |holders| -> DispatchResult {
				let at = holders
					.iter()
					.position(|(holder, _)| holder == &who)
					.ok_or(Error::<T>::NotRightHolder)?;
				let have = holders.get(at).map(|(_, s)| *s).unwrap_or_default();
				ensure!(have >= share, Error::<T>::InsufficientShare);
				let left = have.saturating_sub(share);
				if left.is_zero() {
					holders.remove(at);
				} else if let Some((_, s)) = holders.get_mut(at) {
					*s = left;
				}
				match holders.iter_mut().find(|(holder, _)| holder == &to) {
					Some((_, s)) => *s = s.saturating_add(share),
					None => holders
						.try_push((to.clone(), share))
						.map_err(|_| Error::<T>::TooManyHolders)?,
				}
				Ok(())
			})?;
			Self::deposit_event(Event::RightTransferred { content, right, from: who, to, share });
			Ok(())
		}

		/// Let `gateway` record accesses to the content. Owner only.
		#[pallet::call_index(4)]
		#[pallet::weight(<T as Config>::WeightInfo::authorise_gateway())]
		pub fn authorise_gateway(
			origin: OriginFor<T>,
			content: ContentId,
			gateway: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_owner(content, &who)?;
			T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
			T::Registry::ensure_active(&gateway).map_err(Error::<T>::from)?;
			Gateways::<T>::try_mutate(content, |gateways| -> DispatchResult {
				ensure!(!gateways.contains(&gateway), Error::<T>::GatewayExists);
				gateways.try_push(gateway.clone()).map_err(|_| Error::<T>::TooManyGateways)?;
				Ok(())
			})?;
			Self::deposit_event(Event::GatewayAuthorised { content, gateway });
			Ok(())
		}

		/// Stop `gateway` recording accesses to the content. Owner only.
		#[pallet::call_index(5)]
		#[pallet::weight(<T as Config>::WeightInfo::revoke_gateway())]
		pub fn revoke_gateway(
			origin: OriginFor<T>,
			content: ContentId,
			gateway: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_owner(content, &who)?;
			Gateways::<T>::try_mutate(content, |gateways| -> DispatchResult {
				let at = gateways
					.iter()
					.position(|g| g == &gateway)
					.ok_or(Error::<T>::UnauthorisedGateway)?;
				gateways.remove(at);
				Ok(())
			})?;
			Self::deposit_event(Event::GatewayRevoked { content, gateway });
			Ok(())
		}

		/// Publish licence terms for the content. The caller must hold a share of its
		/// distribution right, and holds `TermsDeposit` until it withdraws them.
		#[pallet::call_index(6)]
		#[pallet::weight(<T as Config>::WeightInfo::publish_terms())]
		pub fn publish_terms(
			origin: OriginFor<T>,
			content: ContentId,
			terms: TermsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
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

		/// Withdraw published terms; licences already sold stay valid. Publisher only.
		#[pallet::call_index(7)]
		#[pallet::weight(<T as Config>::WeightInfo::withdraw_terms())]
		pub fn withdraw_terms(
			origin: OriginFor<T>,
			content: ContentId,
			terms_id: TermsId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let offer = Offers::<T>::get(content, terms_id).ok_or(Error::<T>::UnknownTerms)?;
			ensure!(offer.publisher == who, Error::<T>::NotPublisher);
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

		/// Buy a licence on published terms, optionally through a referral code. The price is
		/// split by the first-sale royalty table in this call; a referral code pays the
		/// promoters' part to its promoter and awards the buyer credits.
		#[pallet::call_index(8)]
		#[pallet::weight(Pallet::<T>::payment_weight(<T as Config>::WeightInfo::buy_licence()))]
		pub fn buy_licence(
			origin: OriginFor<T>,
			content: ContentId,
			terms_id: TermsId,
			referral: Option<CodeOf<T>>,
		) -> DispatchResultWithPostInfo {
			let buyer = ensure_signed(origin)?;
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
				Self::award_credits(&buyer, terms.asset, T::ReferralCredit::get() * terms.price)?;
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

		/// Buy a licence with credits, on terms that name a credit price. The credits are spent;
		/// nothing is paid out.
		#[pallet::call_index(9)]
		#[pallet::weight(<T as Config>::WeightInfo::buy_licence_with_credits())]
		pub fn buy_licence_with_credits(
			origin: OriginFor<T>,
			content: ContentId,
			terms_id: TermsId,
		) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			let offer = Self::offer_to(&buyer, content, terms_id)?;
			let terms = offer.terms;
			let credits = terms.credit_price.ok_or(Error::<T>::CreditsNotAccepted)?;
			Credits::<T>::try_mutate_exists(&buyer, terms.asset, |balance| -> DispatchResult {
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

		/// Record one access of `holder` to the content. Only an authorised gateway; refused once
		/// the licence has expired or has no accesses left.
		#[pallet::call_index(10)]
		#[pallet::weight(<T as Config>::WeightInfo::record_access())]
		pub fn record_access(
			origin: OriginFor<T>,
			content: ContentId,
			holder: T::AccountId,
		) -> DispatchResult {
			let gateway = ensure_signed(origin)?;
			ensure!(
				Gateways::<T>::get(content).contains(&gateway),
				Error::<T>::UnauthorisedGateway
			);
			T::Registry::ensure_active(&gateway).map_err(Error::<T>::from)?;
			let licence = Licences::<T>::try_mutate(content, &holder, |licence| {
				let licence = licence.as_mut().ok_or(Error::<T>::NoLicence)?;
				Self::ensure_usable(licence)?;
				licence.accesses = licence.accesses.saturating_add(1);
				Ok::<_, DispatchError>(licence.clone())
			})?;
			Self::deposit_event(Event::AccessRecorded {
				content,
				holder,
				gateway,
				accesses: licence.accesses,
				accesses_left: licence.accesses_left(),
			});
			Ok(())
		}

		/// Offer the caller's transferable, valid licence for resale at `ask`, or withdraw the
		/// offer with `None`.
		#[pallet::call_index(11)]
		#[pallet::weight(<T as Config>::WeightInfo::offer_licence())]
		pub fn offer_licence(
			origin: OriginFor<T>,
			content: ContentId,
			ask: Option<BalanceOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
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

		/// Buy `seller`'s licence at its asking price (at most `max_price`). The resale royalty
		/// part of the price is split by the later-payments table; the seller gets the rest. The
		/// licence moves as it is (accesses used, expiry).
		#[pallet::call_index(12)]
		#[pallet::weight(Pallet::<T>::payment_weight(<T as Config>::WeightInfo::buy_resale()))]
		pub fn buy_resale(
			origin: OriginFor<T>,
			content: ContentId,
			seller: T::AccountId,
			max_price: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let buyer = ensure_signed(origin)?;
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
			licence.deposit = T::LicenceDeposit::get();
			<T as Config>::Currency::hold(&HoldReason::Licence.into(), &buyer, licence.deposit)?;
			licence.ask = None;
			Licences::<T>::insert(content, &buyer, licence.clone());
			Self::deposit_event(Event::LicenceResold {
				content,
				from: seller,
				to: buyer,
				price,
				royalty,
			});
			let legs = legs.saturating_add(1);
			Ok(Some(Self::paid_weight(
				<T as Config>::WeightInfo::buy_resale(),
				licence.asset,
				legs,
			))
			.into())
		}

		/// Remove a spent or expired licence record and release its holder's deposit. Anyone may.
		#[pallet::call_index(13)]
		#[pallet::weight(<T as Config>::WeightInfo::clear_licence())]
		pub fn clear_licence(
			origin: OriginFor<T>,
			content: ContentId,
			holder: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let licence = Licences::<T>::get(content, &holder).ok_or(Error::<T>::NoLicence)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(!licence.usable(now), Error::<T>::LicenceStillValid);
			Self::release(HoldReason::Licence, &holder, licence.deposit)?;
			Licences::<T>::remove(content, &holder);
			Self::deposit_event(Event::LicenceCleared { content, holder });
			Ok(())
		}

		/// Register a referral code for the content. The caller must hold a share of its promotion
		/// right, and holds `ReferralDeposit` until it removes the code.
		#[pallet::call_index(14)]
		#[pallet::weight(<T as Config>::WeightInfo::register_referral())]
		pub fn register_referral(
			origin: OriginFor<T>,
			content: ContentId,
			code: CodeOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
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

		/// Remove the caller's referral code and release its deposit.
		#[pallet::call_index(15)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_referral())]
		pub fn remove_referral(origin: OriginFor<T>, code: CodeOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let referral = Referrals::<T>::get(&code).ok_or(Error::<T>::UnknownReferral)?;
			ensure!(referral.promoter == who, Error::<T>::NotPromoter);
			Self::release(HoldReason::Referral, &who, referral.deposit)?;
			Referrals::<T>::remove(&code);
			Self::deposit_event(Event::ReferralRemoved { code });
			Ok(())
		}

		/// Tip the content: `amount` is split by the later-payments table.
		#[pallet::call_index(16)]
		#[pallet::weight(Pallet::<T>::payment_weight(<T as Config>::WeightInfo::tip()))]
		pub fn tip(
			origin: OriginFor<T>,
			content: ContentId,
			asset: PaymentAsset,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
			Self::ensure_asset(asset)?;
			let legs = Self::pay(content, &who, asset, amount, |r| r.later, None)?;
			Self::deposit_event(Event::Tipped { content, from: who, asset, amount });
			Ok(Some(Self::paid_weight(<T as Config>::WeightInfo::tip(), asset, legs)).into())
		}
	}

	impl<T: Config> Pallet<T> {
		/// This pallet's account: owner of the content collection.
		pub fn account() -> T::AccountId {
			use sp_runtime::traits::AccountIdConversion;
			T::PalletId::get().into_account_truncating()
		}

		/// The current owner of the content's NFT.
		pub fn owner_of(content: ContentId) -> Option<T::AccountId> {
			let collection = ContentCollection::<T>::get()?;
			<Nfts<T> as NftInspect<_>>::owner(&collection, &content)
		}
	}
}
