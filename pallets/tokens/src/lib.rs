//! # Tokens
//!
//! Regulated asset tokens: assets only the right accounts may hold, every transfer charged and
//! limited by rules that admins set, and a supply that never exceeds what was authorised and
//! collateralised.
//!
//! ## Terminology
//!
//! - **Ledger**: balances, metadata and freezing live in pallet-assets. This pallet's account
//!   owns every asset, and the runtime filters out all of pallet-assets' own calls, so no
//!   transfer, mint or burn bypasses the rules below.
//! - **Holder policy**: which account kinds may hold and send the asset, and the least KYC level
//!   in force. Both sides of every transfer must be registered, unbanned and admitted.
//! - **Authorised supply** (pre-issuance) and **collateral**: issued supply (pallet-assets' total
//!   issuance) never exceeds the authorised supply, nor `collateral × collateral_ratio`.
//! - **Fees**: `flat + percent × amount` clamped to `[min, max]`, paid by the sender in the asset
//!   to the asset's fee collector. The most specific rule for the sender wins: its account, its
//!   account kind, the asset's default.
//! - **Limits**: per payment, per UTC day and per calendar month. The most specific rule for the
//!   sender wins: its account, its kind, its KYC level, the asset's default. Only the current
//!   day's and month's totals are stored.
//! - **Deposits**: a trade admin confirms an off-chain payment by its unique reference and the
//!   asset is minted; a reference is never credited twice.
//! - **Withdrawals**: a holder requests one; the amount and its fee move to escrow (fee and
//!   limits apply as to a transfer); a trade admin confirms (the amount is burned, the fee paid)
//!   or rejects it (both go back, and the amount no longer counts towards the limits).
//! - **Held payments**: a payment another pallet makes to an account that cannot receive now
//!   (banned, or no longer a participant) is held for it in escrow ([`RegulatedTransfer::transfer_held`]:
//!   the sender's rules and fee apply when it pays); the account claims it once it can receive
//!   ([`Pallet::claim_held`], the recipient's rules apply then).
//! - **Recovery**: when the registry moves a participant to a new account, its balances, open
//!   withdrawals, payments held for it and limit usage move with it.
//!
//! ## Interface
//!
//! - Holders: [`Pallet::transfer`], [`Pallet::request_withdrawal`].
//! - Issuance admins: [`Pallet::create_asset`], [`Pallet::set_policy`], [`Pallet::set_metadata`],
//!   [`Pallet::set_authorised_supply`], [`Pallet::add_collateral`],
//!   [`Pallet::release_collateral`], [`Pallet::set_collateral_ratio`], [`Pallet::issue`].
//! - Fees admins: [`Pallet::set_fee`]; limits admins: [`Pallet::set_limits`].
//! - Trade admins: [`Pallet::confirm_deposit`], [`Pallet::confirm_withdrawal`],
//!   [`Pallet::reject_withdrawal`]; security admins: [`Pallet::set_frozen`].
//! - Clients: the `TokensApi` runtime API and its JSON-RPC (`tokens_quoteTransfer`,
//!   `tokens_asset`); a quote takes the same code path as the transfer.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod assets;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
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

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::UnixTime, PalletId};
	use frame_system::pallet_prelude::*;
	use pactum_primitives::ParticipantRegistry;
	use sp_runtime::{FixedPointOperand, FixedU128};

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

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

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

	/// Fee rules of each asset, by scope.
	#[pallet::storage]
	pub type Fees<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		AssetId,
		Blake2_128Concat,
		FeeScopeOf<T>,
		FeeRule<BalanceOf<T>>,
	>;

	/// Limit rules of each asset, by scope.
	#[pallet::storage]
	pub type Limits<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		AssetId,
		Blake2_128Concat,
		LimitScopeOf<T>,
		LimitRule<BalanceOf<T>>,
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
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create `asset` in pallet-assets, owned by this pallet, with its holder policy, fee
		/// collector and collateral ratio. Nothing may be issued until supply is authorised and
		/// collateralised.
		///
		/// Origin: an issuance admin. Emits `AssetCreated` (and pallet-assets' `ForceCreated`).
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::create_asset())]
		pub fn create_asset(
			origin: OriginFor<T>,
			asset: AssetId,
			min_balance: BalanceOf<T>,
			policy: HolderPolicy,
			fee_collector: T::AccountId,
			collateral_ratio: FixedU128,
		) -> DispatchResult {
			let by = T::IssuanceOrigin::ensure_origin(origin)?;
			Self::do_create_asset(by, asset, min_balance, policy, fee_collector, collateral_ratio)
		}

		/// Replace `asset`'s holder policy and fee collector. Holders the new policy no longer
		/// admits keep their balance but can neither send nor receive.
		///
		/// Origin: an issuance admin. Emits `PolicySet`.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::set_policy())]
		pub fn set_policy(
			origin: OriginFor<T>,
			asset: AssetId,
			policy: HolderPolicy,
			fee_collector: T::AccountId,
		) -> DispatchResult {
			T::IssuanceOrigin::ensure_origin(origin)?;
			Self::do_set_policy(asset, policy, fee_collector)
		}

		/// Set `asset`'s name, symbol and decimals (pallet-assets' metadata).
		///
		/// Origin: an issuance admin. Emits pallet-assets' `MetadataSet`.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as Config>::WeightInfo::set_metadata())]
		pub fn set_metadata(
			origin: OriginFor<T>,
			asset: AssetId,
			name: Vec<u8>,
			symbol: Vec<u8>,
			decimals: u8,
		) -> DispatchResult {
			T::IssuanceOrigin::ensure_origin(origin)?;
			Self::do_set_metadata(asset, name, symbol, decimals)
		}

		/// Set how much of `asset` may be issued in all; never below what is issued.
		///
		/// Origin: an issuance admin. Emits `AuthorisedSupplySet`.
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::set_authorised_supply())]
		pub fn set_authorised_supply(
			origin: OriginFor<T>,
			asset: AssetId,
			authorised: BalanceOf<T>,
		) -> DispatchResult {
			let by = T::IssuanceOrigin::ensure_origin(origin)?;
			Self::do_set_authorised_supply(by, asset, authorised)
		}

		/// Record `amount` of collateral backing `asset`, with the hash of its evidence.
		///
		/// Origin: an issuance admin. Emits `CollateralAdded`.
		#[pallet::call_index(4)]
		#[pallet::weight(<T as Config>::WeightInfo::add_collateral())]
		pub fn add_collateral(
			origin: OriginFor<T>,
			asset: AssetId,
			amount: BalanceOf<T>,
			evidence: Digest,
		) -> DispatchResult {
			let by = T::IssuanceOrigin::ensure_origin(origin)?;
			Self::do_add_collateral(by, asset, amount, evidence)
		}

		/// Remove a collateral record, if what remains still covers the issued supply.
		///
		/// Origin: an issuance admin. Emits `CollateralReleased`.
		#[pallet::call_index(5)]
		#[pallet::weight(<T as Config>::WeightInfo::release_collateral())]
		pub fn release_collateral(
			origin: OriginFor<T>,
			asset: AssetId,
			id: CollateralId,
		) -> DispatchResult {
			T::IssuanceOrigin::ensure_origin(origin)?;
			Self::do_release_collateral(asset, id)
		}

		/// Set how much may be issued per unit of collateral; refused if the issued supply
		/// would no longer be covered.
		///
		/// Origin: an issuance admin. Emits `CollateralRatioSet`.
		#[pallet::call_index(6)]
		#[pallet::weight(<T as Config>::WeightInfo::set_collateral_ratio())]
		pub fn set_collateral_ratio(
			origin: OriginFor<T>,
			asset: AssetId,
			ratio: FixedU128,
		) -> DispatchResult {
			T::IssuanceOrigin::ensure_origin(origin)?;
			Self::do_set_collateral_ratio(asset, ratio)
		}

		/// Issue `amount` of `asset` to `to`, within the authorised and collateralised supply.
		/// `to` must be admitted by the asset's policy.
		///
		/// Origin: an issuance admin. Emits `Issued`.
		#[pallet::call_index(7)]
		#[pallet::weight(Pallet::<T>::with_recipient(<T as Config>::WeightInfo::issue()))]
		pub fn issue(
			origin: OriginFor<T>,
			asset: AssetId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let by = T::IssuanceOrigin::ensure_origin(origin)?;
			Self::do_issue(by, asset, to, amount)
		}

		/// Credit `amount` of `asset` to `to` for the off-chain payment `reference`, which can be
		/// credited only once. The amount is minted within the authorised and collateralised
		/// supply, to an account the asset's policy admits.
		///
		/// Origin: a trade admin. Emits `DepositConfirmed`.
		#[pallet::call_index(8)]
		#[pallet::weight(Pallet::<T>::with_recipient(<T as Config>::WeightInfo::confirm_deposit()))]
		pub fn confirm_deposit(
			origin: OriginFor<T>,
			asset: AssetId,
			to: T::AccountId,
			amount: BalanceOf<T>,
			reference: Digest,
		) -> DispatchResult {
			let by = T::TradeOrigin::ensure_origin(origin)?;
			Self::do_confirm_deposit(by, asset, to, amount, reference)
		}

		/// Send `amount` of `asset` to `to`. Both must be registered, unbanned and admitted by
		/// the asset's policy; the sender's limits apply and it pays the fee on top. Charged
		/// less when it opens no asset account (recipient and fee collector already hold).
		///
		/// Origin: a signed holder. Emits `Transferred`.
		#[pallet::call_index(9)]
		#[pallet::weight(Pallet::<T>::with_recipient(<T as Config>::WeightInfo::transfer()))]
		pub fn transfer(
			origin: OriginFor<T>,
			asset: AssetId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let from = ensure_signed(origin)?;
			let opens_account = Self::do_transfer(asset, &from, &to, amount)?;
			let used = (!opens_account)
				.then(|| Self::with_recipient(<T as Config>::WeightInfo::transfer_to_holders()));
			Ok(used.into())
		}

		/// Set (or with `None` remove) the fee rule of `asset` at `scope`.
		///
		/// Origin: a fees admin. Emits `FeeRuleSet`.
		#[pallet::call_index(10)]
		#[pallet::weight(<T as Config>::WeightInfo::set_fee())]
		pub fn set_fee(
			origin: OriginFor<T>,
			asset: AssetId,
			scope: FeeScopeOf<T>,
			rule: Option<FeeRule<BalanceOf<T>>>,
		) -> DispatchResult {
			T::FeesOrigin::ensure_origin(origin)?;
			Self::do_set_fee(asset, scope, rule)
		}

		/// Set (or with `None` remove) the limit rule of `asset` at `scope`.
		///
		/// Origin: a limits admin. Emits `LimitRuleSet`.
		#[pallet::call_index(11)]
		#[pallet::weight(<T as Config>::WeightInfo::set_limits())]
		pub fn set_limits(
			origin: OriginFor<T>,
			asset: AssetId,
			scope: LimitScopeOf<T>,
			rule: Option<LimitRule<BalanceOf<T>>>,
		) -> DispatchResult {
			T::LimitsOrigin::ensure_origin(origin)?;
			Self::do_set_limits(asset, scope, rule)
		}

		/// Ask to redeem `amount` of `asset` off chain, paid out as the instruction whose hash is
		/// `payout` says. The amount and its fee move to escrow; limits apply as to a transfer.
		///
		/// Origin: a signed holder. Emits `WithdrawalRequested`.
		#[pallet::call_index(12)]
		#[pallet::weight(<T as Config>::WeightInfo::request_withdrawal())]
		pub fn request_withdrawal(
			origin: OriginFor<T>,
			asset: AssetId,
			amount: BalanceOf<T>,
			payout: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_request_withdrawal(who, asset, amount, payout)
		}

		/// The off-chain payout of withdrawal `id` was made: burn its amount, pay its fee.
		///
		/// Origin: a trade admin. Emits `WithdrawalConfirmed`.
		#[pallet::call_index(13)]
		#[pallet::weight(<T as Config>::WeightInfo::confirm_withdrawal())]
		pub fn confirm_withdrawal(origin: OriginFor<T>, id: WithdrawalId) -> DispatchResult {
			let by = T::TradeOrigin::ensure_origin(origin)?;
			Self::do_confirm_withdrawal(by, id)
		}

		/// Refuse withdrawal `id` (with the hash of a reason): the amount and fee go back to the
		/// holder, and the amount no longer counts towards its limits if the day (month) is the
		/// same.
		///
		/// Origin: a trade admin. Emits `WithdrawalRejected`.
		#[pallet::call_index(14)]
		#[pallet::weight(<T as Config>::WeightInfo::reject_withdrawal())]
		pub fn reject_withdrawal(
			origin: OriginFor<T>,
			id: WithdrawalId,
			reason: Digest,
		) -> DispatchResult {
			let by = T::TradeOrigin::ensure_origin(origin)?;
			Self::do_reject_withdrawal(by, id, reason)
		}

		/// Freeze (`frozen`) or thaw `asset` as a whole (`who` = `None`) or one holder's
		/// account of it: a frozen asset or account sends nothing.
		///
		/// Origin: a security admin. Emits `FrozenSet` (and pallet-assets' `Frozen`, `Thawed`,
		/// `AssetFrozen` or `AssetThawed`).
		#[pallet::call_index(15)]
		#[pallet::weight(<T as Config>::WeightInfo::set_frozen())]
		pub fn set_frozen(
			origin: OriginFor<T>,
			asset: AssetId,
			who: Option<T::AccountId>,
			frozen: bool,
		) -> DispatchResult {
			T::SecurityOrigin::ensure_origin(origin)?;
			Self::do_set_frozen(asset, who, frozen)
		}

		/// Receive every payment of `asset` held for the caller (it could not receive them when
		/// they were made), under the asset's holder policy.
		///
		/// Origin: a registered, unbanned participant the asset's policy admits.
		/// Emits `HeldClaimed`.
		#[pallet::call_index(16)]
		#[pallet::weight(<T as Config>::WeightInfo::claim_held())]
		pub fn claim_held(origin: OriginFor<T>, asset: AssetId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_held(who, asset)
		}
	}
}
