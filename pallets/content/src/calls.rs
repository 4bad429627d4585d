//! The content pallet's calls: each checks its origin and hands the work to the module of its
//! feature. A [`pallet_section`]: `lib.rs` imports it into the pallet module
//! (`#[import_section(calls::calls)]`), and it is compiled there, with that module's imports.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod calls {
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
