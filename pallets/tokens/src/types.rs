//! The records the tokens pallet keeps, and what its runtime API returns. The views and the
//! records in them derive serde: the JSON-RPC returns them as they are (keys in camelCase,
//! balances as decimal strings, enums by variant name).

use alloc::string::String;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{traits::ConstU32, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use pactum_primitives::AccountKind;
use scale_info::TypeInfo;
use sp_runtime::{Deserialize, FixedU128, Permill, Serialize};

pub use pactum_primitives::{AssetId, Digest};
/// A withdrawal request's id.
pub type WithdrawalId = u64;
/// A collateral record's id, per asset.
pub type CollateralId = u32;

pub type BalanceOf<T> = <T as pallet_assets::Config>::Balance;
pub type AssetDetailsOf<T> = AssetDetails<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
pub type CollateralRecordOf<T> =
	CollateralRecord<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
pub type DepositRecordOf<T> =
	DepositRecord<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
pub type WithdrawalOf<T> =
	Withdrawal<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
pub type FeeScopeOf<T> = FeeScope<<T as frame_system::Config>::AccountId>;
pub type LimitScopeOf<T> = LimitScope<<T as frame_system::Config>::AccountId>;
pub(crate) type Assets<T> = pallet_assets::Pallet<T>;

/// Who may hold and send an asset: account kinds and the least KYC level in force. A contract
/// registered as a participant is admitted only where `contract` is set, and has its
/// registrar's KYC level.
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
pub struct HolderPolicy {
	pub unverified: bool,
	pub verified: bool,
	pub corporate: bool,
	pub min_kyc_level: u8,
	/// Contracts registered as participants (kind `Contract`).
	pub contract: bool,
}

impl HolderPolicy {
	/// Whether an account of `kind` at `kyc_level` may hold the asset: `Err(true)` if its kind is
	/// not allowed, `Err(false)` if its KYC level is too low.
	pub fn admits(&self, kind: AccountKind, kyc_level: u8) -> Result<(), bool> {
		let kind_allowed = match kind {
			AccountKind::Unverified => self.unverified,
			AccountKind::Verified => self.verified,
			AccountKind::Corporate => self.corporate,
			AccountKind::Contract => self.contract,
		};
		if !kind_allowed {
			return Err(true);
		}
		if kyc_level < self.min_kyc_level {
			return Err(false);
		}
		Ok(())
	}
}

/// An asset's rules and supply bookkeeping. Issued supply is pallet-assets' total issuance.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo, MaxEncodedLen, Serialize, Deserialize,
)]
#[serde(
	crate = "sp_runtime::serde",
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: sp_runtime::Serialize, Balance: core::fmt::Display",
		deserialize = "AccountId: sp_runtime::Deserialize<'de>, Balance: core::str::FromStr"
	)
)]
pub struct AssetDetails<AccountId, Balance> {
	pub policy: HolderPolicy,
	/// Receives the asset's transfer and withdrawal fees.
	pub fee_collector: AccountId,
	/// The most that may be issued (pre-issuance), raised by an issuance admin.
	#[serde(with = "pactum_primitives::serde_helpers::decimal")]
	pub authorised: Balance,
	/// The sum of the collateral records.
	#[serde(with = "pactum_primitives::serde_helpers::decimal")]
	pub collateral: Balance,
	/// Issued supply may not exceed `collateral × collateral_ratio`; in JSON a plain decimal
	/// (`"1"`, `"0.5"`).
	#[serde(with = "pactum_primitives::serde_helpers::ratio")]
	pub collateral_ratio: FixedU128,
	/// How many collateral records there are.
	pub collateral_records: u32,
	/// The next collateral record's id.
	pub next_collateral: CollateralId,
	/// Amounts and fees of open withdrawal requests, held in the pallet's escrow account.
	#[serde(with = "pactum_primitives::serde_helpers::decimal")]
	pub pending_withdrawals: Balance,
}

/// Collateral backing an asset: an amount and the hash of its evidence.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo, MaxEncodedLen)]
pub struct CollateralRecord<AccountId, Balance, BlockNumber> {
	pub amount: Balance,
	pub evidence: Digest,
	pub added_by: AccountId,
	pub added_at: BlockNumber,
}

/// A transfer fee: `flat + percent × amount`, at least `min` and at most `max`.
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
)]
pub struct FeeRule<Balance> {
	pub flat: Balance,
	pub percent: Permill,
	pub min: Balance,
	pub max: Option<Balance>,
}

/// Whom a fee rule applies to; the most specific rule for the sender wins:
/// `Account`, then `Kind`, then `Asset`.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum FeeScope<AccountId> {
	Account(AccountId),
	Kind(AccountKind),
	Asset,
}

/// Transfer limits; `None` is no limit.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct LimitRule<Balance> {
	pub per_payment: Option<Balance>,
	pub per_day: Option<Balance>,
	pub per_month: Option<Balance>,
}

/// Whom a limit rule applies to; the most specific rule for the sender wins:
/// `Account`, then `Kind`, then `KycLevel`, then `Asset`.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, Debug, TypeInfo, MaxEncodedLen,
)]
pub enum LimitScope<AccountId> {
	Account(AccountId),
	Kind(AccountKind),
	KycLevel(u8),
	Asset,
}

/// Which scope supplied a rule, without the account (what a quote reports).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(crate = "sp_runtime::serde")]
pub enum RuleScope {
	Account,
	Kind,
	KycLevel,
	Asset,
}

/// How many account kinds there are: the size of the per-kind rule tables of [`AssetRules`].
pub const ACCOUNT_KINDS: usize = 4;

/// How many KYC levels may have limit rules of their own in one asset.
pub const MAX_KYC_LEVEL_RULES: u32 = 8;

/// The slot of `kind` in the per-kind rule tables of [`AssetRules`].
pub fn kind_slot(kind: AccountKind) -> usize {
	match kind {
		AccountKind::Unverified => 0,
		AccountKind::Verified => 1,
		AccountKind::Corporate => 2,
		AccountKind::Contract => 3,
	}
}

/// An asset's fee and limit rules at every scope but single accounts' (those are
/// [`AccountRules`](crate::AccountRules)): one item, read once per payment — or per
/// `transfer_many` — instead of once per scope tried.
#[derive(Clone, PartialEq, Eq, Default, Encode, Decode, Debug, TypeInfo, MaxEncodedLen)]
pub struct AssetRules<Balance> {
	/// The asset-wide fee rule.
	pub fee: Option<FeeRule<Balance>>,
	/// Fee rules by the sender's account kind (at [`kind_slot`]).
	pub fee_by_kind: [Option<FeeRule<Balance>>; ACCOUNT_KINDS],
	/// The asset-wide limit rule.
	pub limits: Option<LimitRule<Balance>>,
	/// Limit rules by the sender's account kind (at [`kind_slot`]).
	pub limits_by_kind: [Option<LimitRule<Balance>>; ACCOUNT_KINDS],
	/// Limit rules by the sender's KYC level in force, sorted by level.
	pub limits_by_kyc_level: BoundedVec<(u8, LimitRule<Balance>), ConstU32<MAX_KYC_LEVEL_RULES>>,
	/// How many accounts have a fee or limit rule of their own for the asset: while none has,
	/// a payment reads no account's rules.
	pub accounts: u32,
}

/// One account's own fee and limit rules for an asset: they win over every other scope.
#[derive(Clone, Copy, PartialEq, Eq, Default, Encode, Decode, Debug, TypeInfo, MaxEncodedLen)]
pub struct OwnRules<Balance> {
	pub fee: Option<FeeRule<Balance>>,
	pub limits: Option<LimitRule<Balance>>,
}

/// What an account sent in the current UTC day and calendar month. Only the current periods are
/// kept: a record of an earlier period counts as zero.
#[derive(Clone, Copy, PartialEq, Eq, Default, Encode, Decode, Debug, TypeInfo, MaxEncodedLen)]
pub struct Usage<Balance> {
	/// Days since 1970-01-01 (UTC).
	pub day: u32,
	pub day_total: Balance,
	/// Months since January 1970.
	pub month: u32,
	pub month_total: Balance,
}

/// An off-chain payment an admin confirmed, kept so its reference is never credited twice.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo, MaxEncodedLen)]
pub struct DepositRecord<AccountId, Balance, BlockNumber> {
	pub asset: AssetId,
	pub to: AccountId,
	pub amount: Balance,
	pub confirmed_by: AccountId,
	pub at: BlockNumber,
}

/// A holder's request to redeem `amount` off chain; `amount + fee` wait in escrow.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo, MaxEncodedLen)]
pub struct Withdrawal<AccountId, Balance, BlockNumber> {
	pub asset: AssetId,
	pub who: AccountId,
	pub amount: Balance,
	pub fee: Balance,
	/// The hash of the payout instruction (the bank details stay off chain).
	pub payout: Digest,
	pub requested_at: BlockNumber,
	/// The day and month the amount was counted in, to give it back if rejected in time.
	pub day: u32,
	pub month: u32,
}

/// What `quote_transfer` returns: what a transfer would cost and whether it would pass now.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(
	crate = "sp_runtime::serde",
	rename_all = "camelCase",
	bound(serialize = "Balance: core::fmt::Display", deserialize = "Balance: core::str::FromStr")
)]
pub struct TransferQuote<Balance> {
	/// The fee the sender would pay on top of the amount.
	#[serde(with = "pactum_primitives::serde_helpers::decimal")]
	pub fee: Balance,
	/// The scope of the fee rule applied (`None`: no rule, no fee).
	pub fee_scope: Option<RuleScope>,
	/// The scope of the limit rule applied (`None`: no limits).
	pub limit_scope: Option<RuleScope>,
	/// The name of the pallet error the transfer would fail with (its variant in the metadata,
	/// e.g. `OverDailyLimit`); `None` if it would pass.
	pub refusal: Option<String>,
	/// What the sender may still send today and this month, before this transfer
	/// (`None`: no limit).
	#[serde(with = "pactum_primitives::serde_helpers::option_decimal")]
	pub daily_remaining: Option<Balance>,
	#[serde(with = "pactum_primitives::serde_helpers::option_decimal")]
	pub monthly_remaining: Option<Balance>,
}

/// An asset as the runtime API shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, Debug, TypeInfo, Serialize, Deserialize)]
#[serde(
	crate = "sp_runtime::serde",
	rename_all = "camelCase",
	bound(
		serialize = "AccountId: sp_runtime::Serialize, Balance: core::fmt::Display",
		deserialize = "AccountId: sp_runtime::Deserialize<'de>, Balance: core::str::FromStr"
	)
)]
pub struct AssetView<AccountId, Balance> {
	pub details: AssetDetails<AccountId, Balance>,
	/// pallet-assets' total issuance: everything held, including the escrow.
	#[serde(with = "pactum_primitives::serde_helpers::decimal")]
	pub issued: Balance,
	/// How much more may be issued now: the lesser of authorised and collateralised headroom.
	#[serde(with = "pactum_primitives::serde_helpers::decimal")]
	pub issuable: Balance,
}
