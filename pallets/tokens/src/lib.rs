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
//! - **Recovery**: when the registry moves a participant to a new account, its balances, open
//!   withdrawals and limit usage move with it.
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

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
#[cfg(test)]
mod mock;
mod payments;
mod periods;
mod recovery;
mod rules;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

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
	use crate::rules::Payee;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungibles::{metadata::Mutate as MetadataMutate, Create, Mutate},
			tokens::{Fortitude, Precision, Preservation},
			UnixTime,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use pactum_primitives::ParticipantRegistry;
	use sp_runtime::{
		traits::{AccountIdConversion, Saturating, Zero},
		FixedPointOperand, FixedU128,
	};

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

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

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

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		AssetCreated {
			asset: AssetId,
			by: T::AccountId,
			min_balance: BalanceOf<T>,
			policy: HolderPolicy,
			fee_collector: T::AccountId,
			collateral_ratio: FixedU128,
		},
		PolicySet {
			asset: AssetId,
			policy: HolderPolicy,
			fee_collector: T::AccountId,
		},
		AuthorisedSupplySet {
			asset: AssetId,
			authorised: BalanceOf<T>,
			by: T::AccountId,
		},
		CollateralAdded {
			asset: AssetId,
			id: CollateralId,
			amount: BalanceOf<T>,
			evidence: Digest,
			total: BalanceOf<T>,
		},
		CollateralReleased {
			asset: AssetId,
			id: CollateralId,
			amount: BalanceOf<T>,
			total: BalanceOf<T>,
		},
		CollateralRatioSet {
			asset: AssetId,
			ratio: FixedU128,
		},
		Issued {
			asset: AssetId,
			to: T::AccountId,
			amount: BalanceOf<T>,
			by: T::AccountId,
		},
		DepositConfirmed {
			asset: AssetId,
			to: T::AccountId,
			amount: BalanceOf<T>,
			reference: Digest,
			by: T::AccountId,
		},
		Transferred {
			asset: AssetId,
			from: T::AccountId,
			to: T::AccountId,
			amount: BalanceOf<T>,
			fee: BalanceOf<T>,
		},
		FeeRuleSet {
			asset: AssetId,
			scope: FeeScopeOf<T>,
			rule: Option<FeeRule<BalanceOf<T>>>,
		},
		LimitRuleSet {
			asset: AssetId,
			scope: LimitScopeOf<T>,
			rule: Option<LimitRule<BalanceOf<T>>>,
		},
		WithdrawalRequested {
			id: WithdrawalId,
			asset: AssetId,
			who: T::AccountId,
			amount: BalanceOf<T>,
			fee: BalanceOf<T>,
			payout: Digest,
		},
		WithdrawalConfirmed {
			id: WithdrawalId,
			by: T::AccountId,
		},
		WithdrawalRejected {
			id: WithdrawalId,
			by: T::AccountId,
			reason: Digest,
		},
		FrozenSet {
			asset: AssetId,
			who: Option<T::AccountId>,
			frozen: bool,
		},
		/// A recovery moved `amount` of `asset` (and the account's open withdrawals and usage).
		Recovered {
			asset: AssetId,
			lost: T::AccountId,
			new: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A recovery could not move the balance of `asset` (a frozen account or asset).
		RecoveryFailed {
			asset: AssetId,
			lost: T::AccountId,
			new: T::AccountId,
		},
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
		/// collateralised. Origin: an issuance admin.
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
			ensure!(!Tokens::<T>::contains_key(asset), Error::<T>::AssetExists);
			ensure!(!min_balance.is_zero(), Error::<T>::ZeroAmount);
			ensure!(
				T::Registry::standing(&fee_collector).is_some(),
				Error::<T>::CollectorNotParticipant
			);
			let count = TokenCount::<T>::get();
			ensure!(count < T::MaxAssets::get(), Error::<T>::TooManyAssets);
			ensure!(
				!<Assets<T> as frame_support::traits::fungibles::Inspect<_>>::asset_exists(asset),
				Error::<T>::AssetExists
			);
			<Assets<T> as Create<_>>::create(asset, Self::account(), true, min_balance)?;
			Tokens::<T>::insert(
				asset,
				AssetDetails {
					policy,
					fee_collector: fee_collector.clone(),
					authorised: Zero::zero(),
					collateral: Zero::zero(),
					collateral_ratio,
					collateral_records: 0,
					next_collateral: 0,
					pending_withdrawals: Zero::zero(),
				},
			);
			TokenCount::<T>::put(count.saturating_add(1));
			Self::deposit_event(Event::AssetCreated {
				asset,
				by,
				min_balance,
				policy,
				fee_collector,
				collateral_ratio,
			});
			Ok(())
		}

		/// Replace `asset`'s holder policy and fee collector. Holders the new policy no longer
		/// admits keep their balance but can neither send nor receive. Origin: an issuance admin.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::set_policy())]
		pub fn set_policy(
			origin: OriginFor<T>,
			asset: AssetId,
			policy: HolderPolicy,
			fee_collector: T::AccountId,
		) -> DispatchResult {
			T::IssuanceOrigin::ensure_origin(origin)?;
			ensure!(
				T::Registry::standing(&fee_collector).is_some(),
				Error::<T>::CollectorNotParticipant
			);
			Tokens::<T>::try_mutate(asset, |details| -> DispatchResult {
				let details = details.as_mut().ok_or(Error::<T>::UnknownAsset)?;
				details.policy = policy;
				details.fee_collector = fee_collector.clone();
				Ok(())
			})?;
			Self::deposit_event(Event::PolicySet { asset, policy, fee_collector });
			Ok(())
		}

		/// Set `asset`'s name, symbol and decimals (pallet-assets' metadata).
		/// Origin: an issuance admin.
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
			ensure!(Tokens::<T>::contains_key(asset), Error::<T>::UnknownAsset);
			<Assets<T> as MetadataMutate<_>>::set(asset, &Self::account(), name, symbol, decimals)
		}

		/// Set how much of `asset` may be issued in all; never below what is issued.
		/// Origin: an issuance admin.
		#[pallet::call_index(3)]
		#[pallet::weight(<T as Config>::WeightInfo::set_authorised_supply())]
		pub fn set_authorised_supply(
			origin: OriginFor<T>,
			asset: AssetId,
			authorised: BalanceOf<T>,
		) -> DispatchResult {
			let by = T::IssuanceOrigin::ensure_origin(origin)?;
			Tokens::<T>::try_mutate(asset, |details| -> DispatchResult {
				let details = details.as_mut().ok_or(Error::<T>::UnknownAsset)?;
				ensure!(authorised >= Self::issued(asset), Error::<T>::BelowIssued);
				details.authorised = authorised;
				Ok(())
			})?;
			Self::deposit_event(Event::AuthorisedSupplySet { asset, authorised, by });
			Ok(())
		}

		/// Record `amount` of collateral backing `asset`, with the hash of its evidence.
		/// Origin: an issuance admin.
		#[pallet::call_index(4)]
		#[pallet::weight(<T as Config>::WeightInfo::add_collateral())]
		pub fn add_collateral(
			origin: OriginFor<T>,
			asset: AssetId,
			amount: BalanceOf<T>,
			evidence: Digest,
		) -> DispatchResult {
			let by = T::IssuanceOrigin::ensure_origin(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let (id, total) = Tokens::<T>::try_mutate(asset, |details| {
				let details = details.as_mut().ok_or(Error::<T>::UnknownAsset)?;
				ensure!(
					details.collateral_records < T::MaxCollateralRecords::get(),
					Error::<T>::TooManyCollateralRecords
				);
				let id = details.next_collateral;
				details.collateral =
					details.collateral.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
				details.collateral_records = details.collateral_records.saturating_add(1);
				details.next_collateral = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
				Ok::<_, Error<T>>((id, details.collateral))
			})?;
			let added_at = frame_system::Pallet::<T>::block_number();
			Collateral::<T>::insert(
				asset,
				id,
				CollateralRecord { amount, evidence, added_by: by, added_at },
			);
			Self::deposit_event(Event::CollateralAdded { asset, id, amount, evidence, total });
			Ok(())
		}

		/// Remove a collateral record, if what remains still covers the issued supply.
		/// Origin: an issuance admin.
		#[pallet::call_index(5)]
		#[pallet::weight(<T as Config>::WeightInfo::release_collateral())]
		pub fn release_collateral(
			origin: OriginFor<T>,
			asset: AssetId,
			id: CollateralId,
		) -> DispatchResult {
			T::IssuanceOrigin::ensure_origin(origin)?;
			let record = Collateral::<T>::get(asset, id).ok_or(Error::<T>::UnknownCollateral)?;
			let total = Tokens::<T>::try_mutate(asset, |details| {
				let details = details.as_mut().ok_or(Error::<T>::UnknownAsset)?;
				details.collateral = details.collateral.saturating_sub(record.amount);
				details.collateral_records = details.collateral_records.saturating_sub(1);
				Self::ensure_collateralised(details, Self::issued(asset))?;
				Ok::<_, Error<T>>(details.collateral)
			})?;
			Collateral::<T>::remove(asset, id);
			Self::deposit_event(Event::CollateralReleased {
				asset,
				id,
				amount: record.amount,
				total,
			});
			Ok(())
		}

		/// Set how much may be issued per unit of collateral; refused if the issued supply
		/// would no longer be covered. Origin: an issuance admin.
		#[pallet::call_index(6)]
		#[pallet::weight(<T as Config>::WeightInfo::set_collateral_ratio())]
		pub fn set_collateral_ratio(
			origin: OriginFor<T>,
			asset: AssetId,
			ratio: FixedU128,
		) -> DispatchResult {
			T::IssuanceOrigin::ensure_origin(origin)?;
			Tokens::<T>::try_mutate(asset, |details| {
				let details = details.as_mut().ok_or(Error::<T>::UnknownAsset)?;
				details.collateral_ratio = ratio;
				Self::ensure_collateralised(details, Self::issued(asset))
			})?;
			Self::deposit_event(Event::CollateralRatioSet { asset, ratio });
			Ok(())
		}

		/// Issue `amount` of `asset` to `to`, within the authorised and collateralised supply.
		/// Origin: an issuance admin.
		#[pallet::call_index(7)]
		#[pallet::weight(<T as Config>::WeightInfo::issue())]
		pub fn issue(
			origin: OriginFor<T>,
			asset: AssetId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let by = T::IssuanceOrigin::ensure_origin(origin)?;
			Self::mint_checked(asset, &to, amount)?;
			Self::deposit_event(Event::Issued { asset, to, amount, by });
			Ok(())
		}

		/// Credit `amount` of `asset` to `to` for the off-chain payment `reference`, which can be
		/// credited only once. Origin: a trade admin.
		#[pallet::call_index(8)]
		#[pallet::weight(<T as Config>::WeightInfo::confirm_deposit())]
		pub fn confirm_deposit(
			origin: OriginFor<T>,
			asset: AssetId,
			to: T::AccountId,
			amount: BalanceOf<T>,
			reference: Digest,
		) -> DispatchResult {
			let by = T::TradeOrigin::ensure_origin(origin)?;
			ensure!(!Deposits::<T>::contains_key(reference), Error::<T>::DuplicateDepositReference);
			Self::mint_checked(asset, &to, amount)?;
			let at = frame_system::Pallet::<T>::block_number();
			Deposits::<T>::insert(
				reference,
				DepositRecord { asset, to: to.clone(), amount, confirmed_by: by.clone(), at },
			);
			Self::deposit_event(Event::DepositConfirmed { asset, to, amount, reference, by });
			Ok(())
		}

		/// Send `amount` of `asset` to `to`. Both must be registered, unbanned and admitted by
		/// the asset's policy; the sender's limits apply and it pays the fee on top. Charged
		/// less when it opens no asset account (recipient and fee collector already hold).
		#[pallet::call_index(9)]
		#[pallet::weight(<T as Config>::WeightInfo::transfer())]
		pub fn transfer(
			origin: OriginFor<T>,
			asset: AssetId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let from = ensure_signed(origin)?;
			let opens_account = Self::do_transfer(asset, &from, &to, amount)?;
			let used = (!opens_account).then(<T as Config>::WeightInfo::transfer_to_holders);
			Ok(used.into())
		}

		/// Set (or with `None` remove) the fee rule of `asset` at `scope`.
		/// Origin: a fees admin.
		#[pallet::call_index(10)]
		#[pallet::weight(<T as Config>::WeightInfo::set_fee())]
		pub fn set_fee(
			origin: OriginFor<T>,
			asset: AssetId,
			scope: FeeScopeOf<T>,
			rule: Option<FeeRule<BalanceOf<T>>>,
		) -> DispatchResult {
			T::FeesOrigin::ensure_origin(origin)?;
			ensure!(Tokens::<T>::contains_key(asset), Error::<T>::UnknownAsset);
			match &rule {
				Some(rule) => {
					ensure!(rule.max.is_none_or(|max| rule.min <= max), Error::<T>::InvalidFeeRule);
					Fees::<T>::insert(asset, &scope, rule);
				}
				None => {
					ensure!(Fees::<T>::contains_key(asset, &scope), Error::<T>::NoSuchRule);
					Fees::<T>::remove(asset, &scope);
				}
			}
			Self::deposit_event(Event::FeeRuleSet { asset, scope, rule });
			Ok(())
		}

		/// Set (or with `None` remove) the limit rule of `asset` at `scope`.
		/// Origin: a limits admin.
		#[pallet::call_index(11)]
		#[pallet::weight(<T as Config>::WeightInfo::set_limits())]
		pub fn set_limits(
			origin: OriginFor<T>,
			asset: AssetId,
			scope: LimitScopeOf<T>,
			rule: Option<LimitRule<BalanceOf<T>>>,
		) -> DispatchResult {
			T::LimitsOrigin::ensure_origin(origin)?;
			ensure!(Tokens::<T>::contains_key(asset), Error::<T>::UnknownAsset);
			match &rule {
				Some(rule) => Limits::<T>::insert(asset, &scope, rule),
				None => {
					ensure!(Limits::<T>::contains_key(asset, &scope), Error::<T>::NoSuchRule);
					Limits::<T>::remove(asset, &scope);
				}
			}
			Self::deposit_event(Event::LimitRuleSet { asset, scope, rule });
			Ok(())
		}

		/// Ask to redeem `amount` of `asset` off chain, paid out as the instruction whose hash is
		/// `payout` says. The amount and its fee move to escrow; limits apply as to a transfer.
		#[pallet::call_index(12)]
		#[pallet::weight(<T as Config>::WeightInfo::request_withdrawal())]
		pub fn request_withdrawal(
			origin: OriginFor<T>,
			asset: AssetId,
			amount: BalanceOf<T>,
			payout: Digest,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let assessment = Self::assess(asset, &who, Payee::Escrow, amount)?;
			if let Some(refusal) = assessment.refusal {
				return Err(refusal.into());
			}
			let fee = assessment.fee;
			let held = amount.checked_add(&fee).ok_or(Error::<T>::Overflow)?;
			let id = NextWithdrawal::<T>::get();
			AccountWithdrawals::<T>::try_mutate(&who, |ids| ids.try_push(id))
				.map_err(|_| Error::<T>::TooManyWithdrawals)?;
			NextWithdrawal::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
			Tokens::<T>::try_mutate(asset, |details| {
				let details = details.as_mut().ok_or(Error::<T>::UnknownAsset)?;
				details.pending_withdrawals =
					details.pending_withdrawals.checked_add(&held).ok_or(Error::<T>::Overflow)?;
				Ok::<_, Error<T>>(())
			})?;
			Sent::<T>::insert(asset, &who, assessment.usage);
			<Assets<T> as Mutate<_>>::transfer(
				asset,
				&who,
				&Self::account(),
				held,
				Preservation::Expendable,
			)?;
			let usage = assessment.usage;
			Withdrawals::<T>::insert(
				id,
				Withdrawal {
					asset,
					who: who.clone(),
					amount,
					fee,
					payout,
					requested_at: frame_system::Pallet::<T>::block_number(),
					day: usage.day,
					month: usage.month,
				},
			);
			Self::deposit_event(Event::WithdrawalRequested { id, asset, who, amount, fee, payout });
			Ok(())
		}

		/// The off-chain payout of withdrawal `id` was made: burn its amount, pay its fee.
		/// Origin: a trade admin.
		#[pallet::call_index(13)]
		#[pallet::weight(<T as Config>::WeightInfo::confirm_withdrawal())]
		pub fn confirm_withdrawal(origin: OriginFor<T>, id: WithdrawalId) -> DispatchResult {
			let by = T::TradeOrigin::ensure_origin(origin)?;
			let (w, collector) = Self::close_withdrawal(id)?;
			let escrow = Self::account();
			<Assets<T> as Mutate<_>>::burn_from(
				w.asset,
				&escrow,
				w.amount,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Force,
			)?;
			if !w.fee.is_zero() {
				<Assets<T> as Mutate<_>>::transfer(
					w.asset,
					&escrow,
					&collector,
					w.fee,
					Preservation::Expendable,
				)?;
			}
			Self::deposit_event(Event::WithdrawalConfirmed { id, by });
			Ok(())
		}

		/// Refuse withdrawal `id` (with the hash of a reason): the amount and fee go back to the
		/// holder, and the amount no longer counts towards its limits if the day (month) is the
		/// same. Origin: a trade admin.
		#[pallet::call_index(14)]
		#[pallet::weight(<T as Config>::WeightInfo::reject_withdrawal())]
		pub fn reject_withdrawal(
			origin: OriginFor<T>,
			id: WithdrawalId,
			reason: Digest,
		) -> DispatchResult {
			let by = T::TradeOrigin::ensure_origin(origin)?;
			let (w, _) = Self::close_withdrawal(id)?;
			let held = w.amount.saturating_add(w.fee);
			<Assets<T> as Mutate<_>>::transfer(
				w.asset,
				&Self::account(),
				&w.who,
				held,
				Preservation::Expendable,
			)?;
			Self::give_back_usage(&w);
			Self::deposit_event(Event::WithdrawalRejected { id, by, reason });
			Ok(())
		}

		/// Freeze (`frozen`) or thaw `asset` as a whole (`who` = `None`) or one holder's
		/// account of it: a frozen asset or account sends nothing. Origin: a security admin.
		#[pallet::call_index(15)]
		#[pallet::weight(<T as Config>::WeightInfo::set_frozen())]
		pub fn set_frozen(
			origin: OriginFor<T>,
			asset: AssetId,
			who: Option<T::AccountId>,
			frozen: bool,
		) -> DispatchResult {
			T::SecurityOrigin::ensure_origin(origin)?;
			ensure!(Tokens::<T>::contains_key(asset), Error::<T>::UnknownAsset);
			Self::freeze_in_ledger(asset, who.clone(), frozen)?;
			Self::deposit_event(Event::FrozenSet { asset, who, frozen });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// This pallet's account: owner of every asset and escrow of pending withdrawals.
		pub fn account() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}
	}
}
