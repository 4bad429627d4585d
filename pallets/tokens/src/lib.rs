#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use frame_support::pallet_macros::import_section;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod assets;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
mod deposits;
mod freezing;
mod held;
mod invariants;
mod issuance;
pub mod migrations;
#[cfg(test)]
mod mock;
mod periods;
mod recovery;
mod rules;
#[cfg(test)]
mod tests;
mod transfers;
mod types;
mod views;
pub mod weights;
mod withdrawals;

/// The roles of the tokens pallet (numbers 2 to 5; see `pactum_primitives::declare_roles!`).
pub mod roles {
	pactum_primitives::declare_roles! {
		/// Sets transfer fees.
		FeesAdmin = 2,
		/// Sets transfer limits.
		LimitsAdmin = 3,
		/// Authorises and issues asset supply.
		IssuanceAdmin = 4,
		/// Confirms deposits and withdrawals.
		TradeAdmin = 5,
	}
}

#[import_section(calls::calls)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::UnixTime, PalletId};
	use frame_system::pallet_prelude::*;
	use pactum_primitives::ParticipantRegistry;
	use sp_runtime::{FixedPointOperand, FixedU128};

	pub(crate) use crate::types::Assets;
	pub use crate::types::{
		AssetDetailsOf, BalanceOf, CollateralRecordOf, DepositRecordOf, FeeScopeOf, LimitScopeOf,
		WithdrawalOf,
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		frame_system::Config + pallet_assets::Config<AssetId = AssetId, Balance: FixedPointOperand>
	{
		/// Who is a participant, of which kind and KYC level, banned, and holding which role.
		type Registry: ParticipantRegistry<Self::AccountId>;
		/// The wall clock that days and months of the limits are counted in (UTC).
		type Time: UnixTime;
		/// Creates assets, sets their policy and metadata, authorises supply, records
		/// collateral and issues. Yields the admin's account.
		type IssuanceOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Sets fees.
		type FeesOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Sets limits.
		type LimitsOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Confirms deposits; confirms and rejects withdrawals.
		type TradeOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Freezes and thaws assets and accounts.
		type SecurityOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// This pallet's account: owner of every asset, and escrow of pending withdrawals.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// How many assets there may be (recovery moves balances of each).
		#[pallet::constant]
		type MaxAssets: Get<u32>;
		/// How many collateral records an asset may have.
		#[pallet::constant]
		type MaxCollateralRecords: Get<u32>;
		/// How many withdrawals an account may have waiting.
		#[pallet::constant]
		type MaxPendingWithdrawals: Get<u32>;
		/// How many payments one `transfer_many` may make.
		#[pallet::constant]
		type MaxTransferLegs: Get<u32>;
		/// Weights of this pallet's calls and of a recovery (`weights.rs`, benchmarked).
		type WeightInfo: WeightInfo;
	}

	/// The assets this pallet governs, with their rules and supply bookkeeping.
	#[pallet::storage]
	pub type Tokens<T: Config> = StorageMap<_, Blake2_128Concat, AssetId, AssetDetailsOf<T>>;

	/// How many assets there are (at most `MaxAssets`).
	#[pallet::storage]
	pub type TokenCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Collateral records of each asset.
	#[pallet::storage]
	pub type Collateral<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		AssetId,
		Twox64Concat,
		CollateralId,
		CollateralRecordOf<T>,
	>;

	/// Each asset's fee and limit rules at every scope but single accounts'.
	#[pallet::storage]
	pub type Rules<T: Config> =
		StorageMap<_, Blake2_128Concat, AssetId, AssetRules<BalanceOf<T>>>;

	/// Fee and limit rules of single accounts, by asset and account (counted in the asset's
	/// `Rules::accounts`).
	#[pallet::storage]
	pub type AccountRules<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		AssetId,
		Blake2_128Concat,
		T::AccountId,
		OwnRules<BalanceOf<T>>,
	>;

	/// What each account sent of each asset in the current day and month.
	#[pallet::storage]
	pub type Sent<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		AssetId,
		Blake2_128Concat,
		T::AccountId,
		Usage<BalanceOf<T>>,
	>;

	/// Confirmed deposits by their off-chain payment reference.
	#[pallet::storage]
	pub type Deposits<T: Config> = StorageMap<_, Identity, Digest, DepositRecordOf<T>>;

	/// Open withdrawal requests.
	#[pallet::storage]
	pub type Withdrawals<T: Config> = StorageMap<_, Twox64Concat, WithdrawalId, WithdrawalOf<T>>;

	/// The id the next withdrawal request gets.
	#[pallet::storage]
	pub type NextWithdrawal<T: Config> = StorageValue<_, WithdrawalId, ValueQuery>;

	/// Index: account -> its open withdrawal requests.
	#[pallet::storage]
	pub type AccountWithdrawals<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<WithdrawalId, T::MaxPendingWithdrawals>,
		ValueQuery,
	>;

	/// Payments held in escrow for accounts that could not receive them, by asset and account.
	#[pallet::storage]
	pub type HeldFor<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		AssetId,
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An issuance admin (`by`) created `asset` in pallet-assets, owned by this pallet's
		/// account, with pallet-assets' `min_balance`, its holder policy, the fee collector that
		/// receives its fees, and how much may be issued per unit of collateral. Nothing is
		/// authorised or collateralised yet.
		AssetCreated {
			asset: AssetId,
			by: T::AccountId,
			min_balance: BalanceOf<T>,
			policy: HolderPolicy,
			fee_collector: T::AccountId,
			collateral_ratio: FixedU128,
		},
		/// An asset's holder policy and fee collector were replaced.
		PolicySet { asset: AssetId, policy: HolderPolicy, fee_collector: T::AccountId },
		/// An issuance admin (`by`) set the most of `asset` that may be issued in all.
		AuthorisedSupplySet { asset: AssetId, authorised: BalanceOf<T>, by: T::AccountId },
		/// Collateral record `id` of `amount` was added to `asset`, with the hash of its
		/// `evidence`; `total` is the asset's collateral with it.
		CollateralAdded {
			asset: AssetId,
			id: CollateralId,
			amount: BalanceOf<T>,
			evidence: Digest,
			total: BalanceOf<T>,
		},
		/// Collateral record `id` of `amount` was removed from `asset`; `total` is the asset's
		/// collateral left.
		CollateralReleased {
			asset: AssetId,
			id: CollateralId,
			amount: BalanceOf<T>,
			total: BalanceOf<T>,
		},
		/// How much of `asset` may be issued per unit of collateral was set.
		CollateralRatioSet { asset: AssetId, ratio: FixedU128 },
		/// An issuance admin (`by`) minted `amount` of `asset` to `to`.
		Issued { asset: AssetId, to: T::AccountId, amount: BalanceOf<T>, by: T::AccountId },
		/// A trade admin (`by`) confirmed the off-chain payment `reference` (it cannot be
		/// credited again): `amount` of `asset` was minted to `to`.
		DepositConfirmed {
			asset: AssetId,
			to: T::AccountId,
			amount: BalanceOf<T>,
			reference: Digest,
			by: T::AccountId,
		},
		/// `amount` of `asset` moved from `from` to `to` (a holder's transfer, or a regulated
		/// transfer another pallet made); `fee` is what `from` paid on top to the asset's fee
		/// collector (a sender that is the fee collector keeps it).
		Transferred {
			asset: AssetId,
			from: T::AccountId,
			to: T::AccountId,
			amount: BalanceOf<T>,
			fee: BalanceOf<T>,
		},
		/// A fees admin set (`Some`) or removed (`None`) the fee rule of `asset` at `scope`.
		FeeRuleSet { asset: AssetId, scope: FeeScopeOf<T>, rule: Option<FeeRule<BalanceOf<T>>> },
		/// A limits admin set (`Some`) or removed (`None`) the limit rule of `asset` at `scope`.
		LimitRuleSet {
			asset: AssetId,
			scope: LimitScopeOf<T>,
			rule: Option<LimitRule<BalanceOf<T>>>,
		},
		/// `who` asked to redeem `amount` of `asset` off chain, paid out as the instruction whose
		/// hash is `payout` says; `amount + fee` moved to the escrow (this pallet's account).
		WithdrawalRequested {
			id: WithdrawalId,
			asset: AssetId,
			who: T::AccountId,
			amount: BalanceOf<T>,
			fee: BalanceOf<T>,
			payout: Digest,
		},
		/// A trade admin (`by`) confirmed withdrawal `id`: its amount was burned from the escrow
		/// and its fee paid to the asset's fee collector.
		WithdrawalConfirmed { id: WithdrawalId, by: T::AccountId },
		/// A trade admin (`by`) rejected withdrawal `id`, with the hash of a `reason`: its
		/// amount and fee went back to the holder.
		WithdrawalRejected { id: WithdrawalId, by: T::AccountId, reason: Digest },
		/// A security admin froze (`frozen`) or thawed `asset` as a whole (`who`: `None`) or
		/// one holder's account of it.
		FrozenSet { asset: AssetId, who: Option<T::AccountId>, frozen: bool },
		/// A recovery moved `amount` of `asset` (and the account's open withdrawals and usage).
		Recovered { asset: AssetId, lost: T::AccountId, new: T::AccountId, amount: BalanceOf<T> },
		/// A recovery could not move the balance of `asset` (a frozen account or asset).
		RecoveryFailed { asset: AssetId, lost: T::AccountId, new: T::AccountId },
		/// `from` paid `amount` of `asset` (and `fee` to the collector) for `to`, who cannot
		/// receive it now: it is held in escrow until `to` claims it.
		PaymentHeld {
			asset: AssetId,
			from: T::AccountId,
			to: T::AccountId,
			amount: BalanceOf<T>,
			fee: BalanceOf<T>,
		},
		/// `who` received `amount` of `asset` held for it.
		HeldClaimed { asset: AssetId, who: T::AccountId, amount: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No such asset in this pallet.
		UnknownAsset,
		/// An asset with this id exists.
		AssetExists,
		/// There are `MaxAssets` assets.
		TooManyAssets,
		/// The fee collector is not a registered participant.
		CollectorNotParticipant,
		/// An amount (or minimum balance) of zero.
		ZeroAmount,
		/// Sender and recipient are the same account.
		SelfTransfer,
		/// The sender is not a registered participant.
		SenderNotParticipant,
		/// The sender is banned.
		SenderBanned,
		/// The asset's policy does not admit the sender's account kind.
		SenderKindNotAllowed,
		/// The sender's KYC level in force is below the asset's minimum.
		SenderKycTooLow,
		/// The recipient is not a registered participant.
		RecipientNotParticipant,
		/// The recipient is banned.
		RecipientBanned,
		/// The asset's policy does not admit the recipient's account kind.
		RecipientKindNotAllowed,
		/// The recipient's KYC level in force is below the asset's minimum.
		RecipientKycTooLow,
		/// The amount is above the sender's per-payment limit.
		OverPaymentLimit,
		/// The amount would take the sender over its daily limit.
		OverDailyLimit,
		/// The amount would take the sender over its monthly limit.
		OverMonthlyLimit,
		/// The sender does not have the amount and the fee.
		InsufficientBalance,
		/// The asset or the account is frozen.
		Frozen,
		/// The payment would create an account below the asset's minimum balance.
		BelowMinimum,
		/// The payment would leave the sender a balance below the asset's minimum (which
		/// pallet-assets would sweep away): pay the whole balance, or leave at least the minimum.
		WouldLeaveDust,
		/// The recipient's account cannot receive the asset.
		CannotReceive,
		/// Issuing would exceed the authorised supply.
		OverAuthorisedSupply,
		/// Issuing (or releasing collateral, or lowering the ratio) would leave the supply
		/// above collateral × ratio.
		Undercollateralised,
		/// The authorised supply may not be set below the issued supply.
		BelowIssued,
		/// The asset has `MaxCollateralRecords` collateral records.
		TooManyCollateralRecords,
		/// No such collateral record.
		UnknownCollateral,
		/// A fee rule whose minimum is above its maximum.
		InvalidFeeRule,
		/// There is no rule at this scope to remove.
		NoSuchRule,
		/// This payment reference was credited before.
		DuplicateDepositReference,
		/// The account has `MaxPendingWithdrawals` open withdrawals.
		TooManyWithdrawals,
		/// No such withdrawal request.
		UnknownWithdrawal,
		/// An amount overflowed.
		Overflow,
		/// Nothing of the asset is held for the account.
		NothingHeld,
		/// A `transfer_many` without a payment.
		NoLegs,
		/// The asset has limit rules for `MAX_KYC_LEVEL_RULES` KYC levels.
		TooManyKycLevelRules,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
