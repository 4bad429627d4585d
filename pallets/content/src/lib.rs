#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use frame_support::pallet_macros::import_section;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
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

#[import_section(calls::calls)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Mutate, MutateHold},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use pactum_primitives::{ParticipantRegistry, RegulatedTransfer};
	use sp_runtime::Permill;

	pub(crate) use crate::types::Nfts;
	pub use crate::types::{BalanceOf, CodeOf, HoldersOf, LicenceOf, OfferOf, ReferralOf, TermsOf};

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
			Self::do_integrity_test()
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
