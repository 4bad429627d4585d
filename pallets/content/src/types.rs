//! The records the content pallet keeps, and what its runtime API returns. The views and the
//! records in them derive serde: the JSON-RPC returns them as they are (keys in camelCase, the
//! content hash as `0x` hex, shares as parts per million, an asked price as a decimal string,
//! a right by variant name: `"Distribution"`, `{"Other":7}`, an account with its share as an
//! `[account, parts per million]` pair).

use crate::pallet::Config;
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	traits::fungible::Inspect, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
pub use pactum_primitives::{AssetId, Digest};
use scale_info::TypeInfo;
use sp_runtime::{Deserialize, Permill, Serialize};

/// A content's id: its item id in the runtime's content collection of pallet-nfts.
pub type ContentId = u32;
/// A licence offer's id, per content.
pub type TermsId = u32;

pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
pub type OfferOf<T> =
	Offer<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
pub type TermsOf<T> = LicenceTerms<BalanceOf<T>, BlockNumberFor<T>>;
pub type LicenceOf<T> = Licence<BalanceOf<T>, BlockNumberFor<T>>;
pub type ReferralOf<T> = Referral<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
pub type CodeOf<T> = BoundedVec<u8, <T as Config>::MaxCodeLen>;
pub type HoldersOf<T> =
	BoundedVec<(<T as frame_system::Config>::AccountId, Permill), <T as Config>::MaxRightHolders>;
pub(crate) type Nfts<T> = pallet_nfts::Pallet<T>;

/// A registered content.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, DebugNoBound, TypeInfo, MaxEncodedLen,
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

/// A right over a content, held in shares. Registration creates the first three, held in full by
/// the registrant; the owner may add others.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub enum Right {
	/// To sell licences. Its holders share the distributors' part of every payment.
	Distribution,
	/// To promote with referral codes. Its holders share the promoters' part of a payment that
	/// came without a referral code.
	Promotion,
	/// To make derivative works.
	Derivative,
	/// A right the owner defined, by number.
	Other(u16),
}

impl Right {
	/// The rights every content starts with.
	pub const STANDARD: [Right; 3] = [Right::Distribution, Right::Promotion, Right::Derivative];
}

/// What each role receives of one payment. The four parts sum to 100 %.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct RoleShares {
	/// Shared among the creators by their creator shares.
	pub creators: Permill,
	/// To the account that owns the content's NFT.
	pub owner: Permill,
	/// Shared among the distribution right's holders by their shares.
	pub distributors: Permill,
	/// To the referral code's promoter, or else shared among the promotion right's holders.
	pub promoters: Permill,
}

impl RoleShares {
	/// Whether the parts add up to exactly 100 %.
	pub fn is_whole(&self) -> bool {
		[self.creators, self.owner, self.distributors, self.promoters]
			.iter()
			.map(|p| u64::from(p.deconstruct()))
			.sum::<u64>()
			== u64::from(Permill::one().deconstruct())
	}
}

/// A content's royalty table.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct Royalties {
	/// How the price of a licence bought from published terms is split.
	pub first_sale: RoleShares,
	/// How every later payment is split: tips in full, and the royalty part of a resale.
	pub later: RoleShares,
	/// The part of a licence's resale price paid as royalties (split by `later`); the seller
	/// keeps the rest.
	pub resale: Permill,
}

/// What a price is paid in.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum PaymentAsset {
	/// The chain's native currency.
	Native,
	/// A tokens-pallet asset, moved under its holder policy, limits and fees.
	Token(AssetId),
}

/// A distribution right holder's offer of licences.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct LicenceTerms<Balance, BlockNumber> {
	pub price: Balance,
	pub asset: PaymentAsset,
	/// How many accesses a licence allows; `None`: unlimited.
	pub max_accesses: Option<u32>,
	/// For how many blocks after its purchase a licence is valid; `None`: no expiry.
	pub duration: Option<BlockNumber>,
	/// Whether a licence may be resold.
	pub transferable: bool,
	/// The price in the buyer's credits earned on this content in `asset`, if the publisher
	/// accepts credits.
	pub credit_price: Option<Balance>,
}

/// Published terms with their publisher and deposit.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo, MaxEncodedLen)]
pub struct Offer<AccountId, Balance, BlockNumber> {
	pub publisher: AccountId,
	pub terms: LicenceTerms<Balance, BlockNumber>,
	pub deposit: Balance,
}

/// A licence an account holds for a content.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo, MaxEncodedLen)]
pub struct Licence<Balance, BlockNumber> {
	pub terms: TermsId,
	pub asset: PaymentAsset,
	pub accesses: u32,
	pub max_accesses: Option<u32>,
	/// The first block at which the licence is no longer valid.
	pub expires_at: Option<BlockNumber>,
	pub transferable: bool,
	/// The price the holder asks for it, if it is offered for resale.
	pub ask: Option<Balance>,
	/// Held from the holder while the record exists.
	pub deposit: Balance,
}

impl<Balance, BlockNumber: PartialOrd + Copy> Licence<Balance, BlockNumber> {
	/// Accesses left; `None`: unlimited.
	pub fn accesses_left(&self) -> Option<u32> {
		self.max_accesses.map(|max| max.saturating_sub(self.accesses))
	}
	/// Whether the licence has expired at block `now`.
	pub fn expired(&self, now: BlockNumber) -> bool {
		self.expires_at.is_some_and(|end| now >= end)
	}
	/// Whether an access may be recorded at block `now`.
	pub fn usable(&self, now: BlockNumber) -> bool {
		!self.expired(now) && self.accesses_left() != Some(0)
	}
}

/// A promoter's referral code for one content.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo, MaxEncodedLen)]
pub struct Referral<AccountId, Balance> {
	pub content: ContentId,
	pub promoter: AccountId,
	pub deposit: Balance,
}

/// What `content_licence(account, content)` returns.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(
	crate = "sp_runtime::serde",
	rename_all = "camelCase",
	bound(
		serialize = "Balance: core::fmt::Display, BlockNumber: sp_runtime::Serialize",
		deserialize = "Balance: core::str::FromStr, BlockNumber: sp_runtime::Deserialize<'de>"
	)
)]
pub struct LicenceView<Balance, BlockNumber> {
	/// Whether an access may be recorded now.
	pub valid: bool,
	/// `None`: unlimited.
	pub accesses_left: Option<u32>,
	/// The first block at which the licence is no longer valid; `None`: no expiry.
	pub expires_at: Option<BlockNumber>,
	pub terms: TermsId,
	pub transferable: bool,
	/// The resale price its holder asks, if offered; in JSON a decimal string.
	#[serde(with = "pactum_primitives::serde_helpers::option_decimal")]
	pub ask: Option<Balance>,
}

/// What `content_rights(content)` returns.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct RightsView<AccountId> {
	/// In JSON `0x` hex.
	#[serde(with = "pactum_primitives::serde_helpers::hex")]
	pub content_hash: Digest,
	pub owner: AccountId,
	/// The creators and their shares.
	pub creators: Vec<(AccountId, Permill)>,
	pub royalties: Royalties,
	/// Every right with its holders and their shares.
	pub rights: Vec<(Right, Vec<(AccountId, Permill)>)>,
}

/// Whether `shares` add up to exactly 100 %.
pub fn whole<'a, A: 'a>(shares: impl IntoIterator<Item = &'a (A, Permill)>) -> bool {
	shares.into_iter().map(|(_, p)| u64::from(p.deconstruct())).sum::<u64>()
		== u64::from(Permill::one().deconstruct())
}
