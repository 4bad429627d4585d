//! The tokens pallet's calls: each checks its origin and hands the work to the module of its
//! feature. A [`pallet_section`]: `lib.rs` imports it into the pallet module
//! (`#[import_section(calls::calls)]`), and it is compiled there, with that module's imports.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod calls {
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
		#[pallet::weight(Pallet::<T>::with_recipients(<T as Config>::WeightInfo::issue(), 1))]
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
		#[pallet::weight(Pallet::<T>::with_recipients(
			<T as Config>::WeightInfo::confirm_deposit(),
			1,
		))]
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
		/// less when it opens no asset account (recipient and fee collector already hold) and
		/// when the recipient is not a contract.
		///
		/// Origin: a signed holder. Emits `Transferred`.
		#[pallet::call_index(9)]
		#[pallet::weight(Pallet::<T>::with_recipients(<T as Config>::WeightInfo::transfer(), 1))]
		pub fn transfer(
			origin: OriginFor<T>,
			asset: AssetId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let from = ensure_signed(origin)?;
			let made = Self::do_transfer(asset, &from, &to, amount)?;
			Ok(Some(Self::transfer_used(made)).into())
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

		/// Send `asset` to many recipients at once (payroll, settlements, royalty payouts): each
		/// `(to, amount)` of `legs`, in order, is a `transfer` under every rule — the recipient's
		/// admission, the fee, the sender's limits counting the legs before it, its funds what
		/// they left. All or nothing: the first leg a rule refuses fails the call with that
		/// rule's error and no leg is made. Charged per leg, less for legs that open no asset
		/// account and for recipients that are not contracts.
		///
		/// Origin: a signed holder. Emits `Transferred` for each leg.
		#[pallet::call_index(17)]
		#[pallet::weight(Pallet::<T>::with_recipients(
			<T as Config>::WeightInfo::transfer_many(legs.len() as u32),
			legs.len() as u32,
		))]
		pub fn transfer_many(
			origin: OriginFor<T>,
			asset: AssetId,
			legs: BoundedVec<(T::AccountId, BalanceOf<T>), T::MaxTransferLegs>,
		) -> DispatchResultWithPostInfo {
			let from = ensure_signed(origin)?;
			ensure!(!legs.is_empty(), Error::<T>::NoLegs);
			let count = legs.len() as u32;
			let made = Self::do_transfer_many(asset, &from, &legs)?;
			Ok(Some(Self::transfer_many_used(count, made)).into())
		}
	}
}
