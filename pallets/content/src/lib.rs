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
//!   to that promoter and awards the buyer credits (`ReferralCredit` of the price) **on that
//!   content**, in the price's asset. Credits buy licences of the content they were earned on
//!   only, on its terms that name a credit price in that asset; they are spent, not paid out.
//!   Why on that content only: a promoter may buy through its own code from a second account,
//!   and when it is every payee of the content (it holds the NFT and every right) the price comes
//!   back to it and the credits stay. Bound to that content they buy only its own licences,
//!   which it could give away anyway (terms at a price of zero); they never buy anyone else's.
//!   Credits are not paid from the promoter's share: nothing is paid out when they are spent,
//!   and a self-dealing promoter would only pay itself.
//! - **Deposits** are held for every record a user creates: content, terms, licences, referral
//!   codes. Spent or expired licences can be cleared by anyone, releasing the holder's deposit.
//!
//! Every account that acts (registers, transfers, publishes, buys, meters, offers, promotes, tips)
//! must be a registered participant under no ban; withdrawing terms, removing a code and clearing
//! a spent licence only give back, and stay open to banned accounts.
//!
//! Payments in a tokens asset move through [`pactum_primitives::RegulatedTransfer`]: every leg is a
//! regulated transfer (holder policy, limits and the transfer fee, paid by the payer).
//!
//! **Lifecycle**: a content names its creators for good and its owner and right holders while
//! they are, so each holds a registry reference (they cannot leave the registry while named).
//! When the registry recovers a participant to a new account, `recovery.rs` moves its NFTs,
//! rights, licences, credits and deposits there; records of who did what keep the lost account,
//! and payments and deposits for it go to the new one.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod gateways;
mod invariants;
mod licences;
#[cfg(test)]
mod mock;
mod payments;
mod recovery;
mod referrals;
mod registration;
mod rights;
mod split;
#[cfg(test)]
mod tests;
mod types;
mod views;
pub mod weights;

pactum_primitives::impl_inactive_errors!(Error);

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, Mutate, MutateHold},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use pactum_primitives::{ParticipantRegistry, RegulatedTransfer};
	use sp_runtime::Permill;

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

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_nfts::Config<ItemId = ContentId> {
		/// Holds deposits and pays native prices and tips.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The runtime's hold reason, which this pallet's [`HoldReason`] converts into.
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
		/// The credits a buyer earns through a referral code, as a part of the price; they buy
		/// licences of the same content only, in the same asset.
		#[pallet::constant]
		type ReferralCredit: Get<Permill>;
		/// Owner of the content collection in pallet-nfts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// How many creators a content may list.
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
		/// Weights of this pallet's calls (`weights.rs`, benchmarked).
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

	/// Index: account -> the contents it holds a share of a right of, with how many of their
	/// rights. Each entry holds a registry reference on the account.
	#[pallet::storage]
	pub type HeldRights<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ContentId,
		u32,
		ValueQuery,
	>;

	/// Index: account -> the contents it holds a licence of.
	#[pallet::storage]
	pub type HeldLicences<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, ContentId, ()>;

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

	/// Credits of each account, by the content and the asset they were earned on: `(account,
	/// content, asset) -> credits`. They buy licences of that content only, on terms whose credit
	/// price is in that asset; a spent-out entry is removed (no entry holds zero).
	#[pallet::storage]
	pub type Credits<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, ContentId>,
			NMapKey<Twox64Concat, PaymentAsset>,
		),
		BalanceOf<T>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A content was registered and its NFT minted to `owner`, the registrant, who holds every
		/// standard right in full.
		ContentRegistered {
			content: ContentId,
			owner: T::AccountId,
			content_hash: Digest,
			/// The metadata URI (also the NFT's metadata).
			uri: Vec<u8>,
			creators: Vec<(T::AccountId, Permill)>,
			royalties: Royalties,
		},
		/// The content's NFT, and with it the owner's part of payments, moved to `to`.
		OwnershipTransferred { content: ContentId, from: T::AccountId, to: T::AccountId },
		/// The owner added `right` to the content and holds it in full.
		RightAdded { content: ContentId, right: Right, holder: T::AccountId },
		/// `share` of `right` moved from `from` to `to`.
		RightTransferred {
			content: ContentId,
			right: Right,
			from: T::AccountId,
			to: T::AccountId,
			share: Permill,
		},
		/// The owner let `gateway` record accesses to the content.
		GatewayAuthorised { content: ContentId, gateway: T::AccountId },
		/// The owner stopped `gateway` recording accesses to the content.
		GatewayRevoked { content: ContentId, gateway: T::AccountId },
		/// A distribution right holder published licence terms for the content.
		TermsPublished {
			content: ContentId,
			terms_id: TermsId,
			publisher: T::AccountId,
			terms: TermsOf<T>,
		},
		/// Published terms were withdrawn; licences sold on them stay valid.
		TermsWithdrawn { content: ContentId, terms_id: TermsId },
		/// A payment about `content` was split; `legs` add up to `amount`.
		PaymentSplit {
			content: ContentId,
			payer: T::AccountId,
			asset: PaymentAsset,
			amount: BalanceOf<T>,
			legs: Vec<(T::AccountId, BalanceOf<T>)>,
		},
		/// `buyer` bought a licence on terms `terms_id` for `price` in `asset`, through the
		/// referral code `referral` if any; `max_accesses` and `expires_at` (`None`: unlimited)
		/// are the licence's.
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
		/// `buyer` bought a licence on terms `terms_id` with `credits` of its credits earned on
		/// `content` in `asset`; `max_accesses` and `expires_at` (`None`: unlimited) are the
		/// licence's.
		LicencePurchasedWithCredits {
			content: ContentId,
			terms_id: TermsId,
			buyer: T::AccountId,
			credits: BalanceOf<T>,
			asset: PaymentAsset,
			max_accesses: Option<u32>,
			expires_at: Option<BlockNumberFor<T>>,
		},
		/// `who` earned `amount` credits on `content` in `asset` by a purchase of it through a
		/// referral code; `balance` is its credits on that content in that asset now. They buy
		/// licences of `content` only.
		CreditsAwarded {
			who: T::AccountId,
			content: ContentId,
			asset: PaymentAsset,
			amount: BalanceOf<T>,
			balance: BalanceOf<T>,
		},
		/// `gateway` recorded an access of `holder`: `accesses` used in all, `accesses_left`
		/// (`None`: unlimited) left.
		AccessRecorded {
			content: ContentId,
			holder: T::AccountId,
			gateway: T::AccountId,
			accesses: u32,
			accesses_left: Option<u32>,
		},
		/// `holder` offered its licence for resale at `ask`; `ask: None` withdraws the offer.
		LicenceOffered { content: ContentId, holder: T::AccountId, ask: Option<BalanceOf<T>> },
		/// `to` bought `from`'s licence for `price`: `royalty` of it was split by the
		/// later-payments table, the seller received `price - royalty`.
		LicenceResold {
			content: ContentId,
			from: T::AccountId,
			to: T::AccountId,
			price: BalanceOf<T>,
			royalty: BalanceOf<T>,
		},
		/// A spent or expired licence record was removed and its holder's deposit released.
		LicenceCleared { content: ContentId, holder: T::AccountId },
		/// `promoter` registered the referral code `code` for the content.
		ReferralRegistered { code: CodeOf<T>, content: ContentId, promoter: T::AccountId },
		/// A referral code was removed and its deposit released.
		ReferralRemoved { code: CodeOf<T> },
		/// `from` tipped the content `amount` in `asset`, split by the later-payments table.
		Tipped { content: ContentId, from: T::AccountId, asset: PaymentAsset, amount: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not a registered participant.
		NotParticipant,
		/// The account is banned.
		Banned,
		/// This content hash is already registered.
		ContentExists,
		/// No such content.
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
		/// No such published terms.
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
		/// No such referral code.
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
		/// The buyer has too few credits earned on this content in the terms' asset (credits
		/// earned on another content do not count).
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
		///
		/// Origin: a participant, not banned; so must every creator be. Emits
		/// `ContentRegistered` (and pallet-nfts' `Issued` and `ItemMetadataSet`).
		#[pallet::call_index(0)]
		#[pallet::weight(T::Registry::weigh_parties(
			<T as Config>::WeightInfo::register(),
			creators.len() as u32,
		))]
		pub fn register(
			origin: OriginFor<T>,
			content_hash: Digest,
			uri: BoundedVec<u8, T::MaxUriLen>,
			creators: BoundedVec<(T::AccountId, Permill), T::MaxCreators>,
			royalties: Royalties,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(who, content_hash, uri, creators, royalties)
		}

		/// Give the content's NFT, and with it the owner's part of payments, to `to`.
		///
		/// Origin: the owner, not banned; `to` must be a participant, not banned. Emits
		/// `OwnershipTransferred` (and pallet-nfts' `Transferred`).
		#[pallet::call_index(1)]
		#[pallet::weight(T::Registry::weigh_parties(<T as Config>::WeightInfo::transfer_ownership(), 1))]
		pub fn transfer_ownership(
			origin: OriginFor<T>,
			content: ContentId,
			to: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer_ownership(who, content, to)
		}

		/// Add a right to the content, held in full by the owner.
		///
		/// Origin: the owner, not banned. Emits `RightAdded`.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::add_right())]
		pub fn add_right(origin: OriginFor<T>, content: ContentId, right: Right) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_right(who, content, right)
		}

		/// Transfer `share` of the caller's share of `right` to `to`.
		///
		/// Origin: a holder of the right, not banned; `to` must be a participant, not banned.
		/// Emits `RightTransferred`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::Registry::weigh_parties(<T as Config>::WeightInfo::transfer_right(), 1))]
		pub fn transfer_right(
			origin: OriginFor<T>,
			content: ContentId,
			right: Right,
			to: T::AccountId,
			share: Permill,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer_right(who, content, right, to, share)
		}

		/// Let `gateway` record accesses to the content.
		///
		/// Origin: the owner, not banned; the gateway must be a participant, not banned. Emits
		/// `GatewayAuthorised`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::Registry::weigh_parties(<T as Config>::WeightInfo::authorise_gateway(), 1))]
		pub fn authorise_gateway(
			origin: OriginFor<T>,
			content: ContentId,
			gateway: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_authorise_gateway(who, content, gateway)
		}

		/// Stop `gateway` recording accesses to the content.
		///
		/// Origin: the owner (banned or not). Emits `GatewayRevoked`.
		#[pallet::call_index(5)]
		#[pallet::weight(<T as Config>::WeightInfo::revoke_gateway())]
		pub fn revoke_gateway(
			origin: OriginFor<T>,
			content: ContentId,
			gateway: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke_gateway(who, content, gateway)
		}

		/// Publish licence terms for the content; the caller holds `TermsDeposit` until it
		/// withdraws them.
		///
		/// Origin: a holder of a share of the content's distribution right, not banned. Emits
		/// `TermsPublished`.
		#[pallet::call_index(6)]
		#[pallet::weight(<T as Config>::WeightInfo::publish_terms())]
		pub fn publish_terms(
			origin: OriginFor<T>,
			content: ContentId,
			terms: TermsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_publish_terms(who, content, terms)
		}

		/// Withdraw published terms and release their deposit; licences already sold stay valid.
		///
		/// Origin: the terms' publisher (banned or not). Emits `TermsWithdrawn`.
		#[pallet::call_index(7)]
		#[pallet::weight(<T as Config>::WeightInfo::withdraw_terms())]
		pub fn withdraw_terms(
			origin: OriginFor<T>,
			content: ContentId,
			terms_id: TermsId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_terms(who, content, terms_id)
		}

		/// Buy a licence on published terms, optionally through a referral code, and hold
		/// `LicenceDeposit`. The price is split by the first-sale royalty table in this call; a
		/// referral code pays the promoters' part to its promoter and awards the buyer credits on
		/// this content.
		///
		/// Origin: a participant, not banned, without a valid licence of the content (a spent
		/// or expired one is cleared). Emits `LicencePurchased`, after `PaymentSplit` (unless the
		/// price is zero) and `CreditsAwarded` (through a code, unless the credits are zero);
		/// `LicenceCleared` for a cleared licence.
		#[pallet::call_index(8)]
		#[pallet::weight(Pallet::<T>::payment_weight(<T as Config>::WeightInfo::buy_licence()))]
		pub fn buy_licence(
			origin: OriginFor<T>,
			content: ContentId,
			terms_id: TermsId,
			referral: Option<CodeOf<T>>,
		) -> DispatchResultWithPostInfo {
			let buyer = ensure_signed(origin)?;
			Self::do_buy_licence(buyer, content, terms_id, referral)
		}

		/// Buy a licence with credits earned on this content in the terms' asset, on terms that
		/// name a credit price, and hold `LicenceDeposit`. The credits are spent; nothing is paid
		/// out.
		///
		/// Origin: a participant, not banned, without a valid licence of the content (a spent
		/// or expired one is cleared). Emits `LicencePurchasedWithCredits`; `LicenceCleared` for
		/// a cleared licence.
		#[pallet::call_index(9)]
		#[pallet::weight(<T as Config>::WeightInfo::buy_licence_with_credits())]
		pub fn buy_licence_with_credits(
			origin: OriginFor<T>,
			content: ContentId,
			terms_id: TermsId,
		) -> DispatchResult {
			let buyer = ensure_signed(origin)?;
			Self::do_buy_licence_with_credits(buyer, content, terms_id)
		}

		/// Record one access of `holder` to the content; refused once the licence has expired or
		/// has no accesses left.
		///
		/// Origin: a gateway the owner authorised, not banned. Emits `AccessRecorded`.
		#[pallet::call_index(10)]
		#[pallet::weight(<T as Config>::WeightInfo::record_access())]
		pub fn record_access(
			origin: OriginFor<T>,
			content: ContentId,
			holder: T::AccountId,
		) -> DispatchResult {
			let gateway = ensure_signed(origin)?;
			Self::do_record_access(gateway, content, holder)
		}

		/// Offer the caller's transferable, valid licence for resale at `ask`, or withdraw the
		/// offer with `None`.
		///
		/// Origin: the licence's holder; not banned to offer, banned or not to withdraw. Emits
		/// `LicenceOffered`.
		#[pallet::call_index(11)]
		#[pallet::weight(<T as Config>::WeightInfo::offer_licence())]
		pub fn offer_licence(
			origin: OriginFor<T>,
			content: ContentId,
			ask: Option<BalanceOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_offer_licence(who, content, ask)
		}

		/// Buy `seller`'s licence at its asking price (at most `max_price`). The resale royalty
		/// part of the price is split by the later-payments table; the seller gets the rest. The
		/// licence moves as it is (accesses used, expiry); the seller's deposit is released and
		/// the buyer holds `LicenceDeposit`.
		///
		/// Origin: a participant, not banned, other than the seller, without a valid licence of
		/// the content (a spent or expired one is cleared). Emits `LicenceResold`, after
		/// `PaymentSplit` (unless the royalty is zero); `LicenceCleared` for a cleared licence.
		#[pallet::call_index(12)]
		#[pallet::weight(Pallet::<T>::payment_weight(<T as Config>::WeightInfo::buy_resale()))]
		pub fn buy_resale(
			origin: OriginFor<T>,
			content: ContentId,
			seller: T::AccountId,
			max_price: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let buyer = ensure_signed(origin)?;
			Self::do_buy_resale(buyer, content, seller, max_price)
		}

		/// Remove a spent or expired licence record and release its holder's deposit.
		///
		/// Origin: any signed account. Emits `LicenceCleared`.
		#[pallet::call_index(13)]
		#[pallet::weight(<T as Config>::WeightInfo::clear_licence())]
		pub fn clear_licence(
			origin: OriginFor<T>,
			content: ContentId,
			holder: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_clear_licence(content, holder)
		}

		/// Register a referral code for the content; the caller holds `ReferralDeposit` until it
		/// removes the code.
		///
		/// Origin: a holder of a share of the content's promotion right, not banned. Emits
		/// `ReferralRegistered`.
		#[pallet::call_index(14)]
		#[pallet::weight(<T as Config>::WeightInfo::register_referral())]
		pub fn register_referral(
			origin: OriginFor<T>,
			content: ContentId,
			code: CodeOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_referral(who, content, code)
		}

		/// Remove a referral code and release its deposit.
		///
		/// Origin: the code's promoter (banned or not). Emits `ReferralRemoved`.
		#[pallet::call_index(15)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_referral())]
		pub fn remove_referral(origin: OriginFor<T>, code: CodeOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_referral(who, code)
		}

		/// Tip the content: `amount` is split by the later-payments table.
		///
		/// Origin: a participant, not banned. Emits `PaymentSplit` and `Tipped`.
		#[pallet::call_index(16)]
		#[pallet::weight(Pallet::<T>::payment_weight(<T as Config>::WeightInfo::tip()))]
		pub fn tip(
			origin: OriginFor<T>,
			content: ContentId,
			asset: PaymentAsset,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_tip(who, content, asset, amount)
		}
	}
}
