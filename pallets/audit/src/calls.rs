//! The audit pallet's calls: each checks its origin and hands the work to the module of its
//! feature. A [`pallet_section`]: `lib.rs` imports it into the pallet module
//! (`#[import_section(calls::calls)]`), and it is compiled there, with that module's imports.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod calls {
	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Signal for the epoch after next: bond `stake` in all (holding what is not bonded yet),
		/// take up to `capacity` seats in it, and draw with the sr25519 key `vrf_key`.
		///
		/// Origin: a verified participant with the `Auditor` role. Signalling again for the same
		/// epoch changes the capacity. The key cannot change while the auditor is signalled for
		/// the current or the next epoch (their draws use it), and no other bonded auditor may
		/// draw with it. Emits `Signalled`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::signal())]
		pub fn signal(
			origin: OriginFor<T>,
			stake: BalanceOf<T>,
			capacity: u32,
			vrf_key: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_signal(who, stake, capacity, vrf_key)
		}

		/// Keep the stake bonded after the last signalled epoch (`keep`), or let it be released
		/// (at once if nothing holds it any more).
		///
		/// Origin: a bonded auditor. Emits `KeepBondedSet` (and `Unbonded`).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_keep_bonded())]
		pub fn set_keep_bonded(origin: OriginFor<T>, keep: bool) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_keep_bonded(who, keep)
		}

		/// Release the bonded stake: not signalled for the current or next epoch, no open seat.
		///
		/// Origin: a bonded auditor. Emits `Unbonded`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::unbond())]
		pub fn unbond(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unbond(who)
		}

		/// Open a case claiming the outcome `outcome` against `counterparty`, with the value at
		/// risk and, if it is about one, the escrow between the two. Holds the case stake
		/// (`CaseStakeRatio` of the value at risk, at least `MinCaseStake`).
		///
		/// Origin: a participant. Emits `CaseOpened`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::Registry::weigh_parties(T::WeightInfo::open_case(), 1))]
		pub fn open_case(
			origin: OriginFor<T>,
			counterparty: T::AccountId,
			outcome: H256,
			value_at_risk: BalanceOf<T>,
			escrow: Option<EscrowId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_open_case(who, counterparty, outcome, value_at_risk, escrow).map(|_| ())
		}

		/// Take a seat on the current panel of `case` and commit a vote: `ticket` proves the
		/// auditor qualifies for the draw, `commitment` is [`sortition::commitment`] of its vote.
		/// Holds `PanelDeposit`. When the panel is full, a lower output takes the seat of the
		/// highest one.
		///
		/// Origin: an auditor signalled for the draw epoch with a seat left, not excluded.
		/// Emits `Committed` (and `Unseated`).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::commit())]
		pub fn commit(
			origin: OriginFor<T>,
			case: CaseId,
			ticket: Ticket,
			commitment: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit(who, case, ticket, commitment)
		}

		/// Reveal the vote committed on `case`, with the salt used for the commitment.
		///
		/// Origin: a seated auditor, in the reveal window. Emits `Revealed`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reveal())]
		pub fn reveal(
			origin: OriginFor<T>,
			case: CaseId,
			vote: Verdict,
			salt: [u8; 32],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reveal(who, case, vote, salt)
		}

		/// Object to the first panel's decision of `case`, holding `stake`: an objection panel
		/// of `AppealPanelSize` is drawn in the next draw epoch.
		///
		/// Origin: the requester or the counterparty, within the decision epoch or the next.
		/// Emits `Objected`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::object())]
		pub fn object(origin: OriginFor<T>, case: CaseId, stake: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_object(who, case, stake)
		}

		/// Pay `amount` (at least `MinServiceFee`) as a service fee to `provider`: `ImmediateShare` at once, the rest held
		/// on the caller's account for `EscrowPeriod` blocks, then released to the provider
		/// unless a case about the escrow is decided against it.
		///
		/// Origin: a participant (the recipient of the service). Emits `EscrowOpened`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::Registry::weigh_parties(T::WeightInfo::pay_service_fee(), 1))]
		pub fn pay_service_fee(
			origin: OriginFor<T>,
			provider: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_pay_service_fee(who, provider, amount)
		}
	}
}
