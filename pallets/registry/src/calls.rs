//! The registry's calls: each checks its origin and hands the work to the module of its feature.
//! A [`pallet_section`]: `lib.rs` imports it into the pallet module
//! (`#[import_section(calls::calls)]`), and it is compiled there, with that module's imports.

use frame_support::pallet_macros::pallet_section;

#[pallet_section]
mod calls {
	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register the caller as an `Unverified` participant, holding `RegistrationDeposit`.
		///
		/// Origin: a signed account, neither registered nor banned. Emits `Registered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(who)
		}

		/// Leave the registry and get the deposit back. Refused while the caller holds roles or an
		/// organisation code, is banned, is being recovered, or is named by other pallets' records.
		///
		/// Origin: a participant. Emits `Left`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_leave(who)
		}

		/// Record a KYC verification of `who`: `level` (1 to `MaxKycLevel`), the hash of the
		/// evidence and the block from which it no longer counts. Replaces an earlier one; makes
		/// an `Unverified` participant `Verified`.
		///
		/// Origin: a `KycAdmin`. Emits `Verified`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::verify_kyc())]
		pub fn verify_kyc(
			origin: OriginFor<T>,
			who: T::AccountId,
			level: u8,
			evidence: T::Hash,
			expires_at: BlockNumberFor<T>,
		) -> DispatchResult {
			let by = Self::ensure_role(origin, roles::KycAdmin::ROLE)?;
			Self::do_verify_kyc(by, who, level, evidence, expires_at)
		}

		/// Withdraw `who`'s verification (and company record): it is `Unverified` again.
		///
		/// Origin: a `KycAdmin`. Emits `VerificationRevoked`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::revoke_verification())]
		pub fn revoke_verification(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = Self::ensure_role(origin, roles::KycAdmin::ROLE)?;
			Self::do_revoke_verification(by, who)
		}

		/// Record `who` as a legal entity with the hash of its company record. `who` must have a
		/// KYC verification in force.
		///
		/// Origin: a `KycAdmin`. Emits `MarkedCorporate`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_corporate())]
		pub fn set_corporate(
			origin: OriginFor<T>,
			who: T::AccountId,
			company: T::Hash,
		) -> DispatchResult {
			let by = Self::ensure_role(origin, roles::KycAdmin::ROLE)?;
			Self::do_set_corporate(by, who, company)
		}

		/// Grant `role` (one of `Config::Roles`) to the registered, unbanned participant `who`.
		///
		/// Origin: `AdminOrigin` or a `SuperAdmin`. Emits `RoleGranted`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::grant_role())]
		pub fn grant_role(origin: OriginFor<T>, who: T::AccountId, role: Role) -> DispatchResult {
			let by = Self::ensure_admin(origin)?;
			Self::do_grant_role(by, who, role)
		}

		/// Revoke `role` from `who`. A super admin cannot remove the last `SuperAdmin` role (its
		/// own); governance can.
		///
		/// Origin: `AdminOrigin` or a `SuperAdmin`. Emits `RoleRevoked`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::revoke_role())]
		pub fn revoke_role(origin: OriginFor<T>, who: T::AccountId, role: Role) -> DispatchResult {
			let by = Self::ensure_admin(origin)?;
			Self::do_revoke_role(by, who, role)
		}

		/// Assign the unique organisation code `code` (`A-Z a-z 0-9 - _ .`, at most
		/// `MaxOrgCodeLen` bytes) to `who`, who has none yet.
		///
		/// Origin: `AdminOrigin` or a `SuperAdmin`. Emits `OrgCodeAssigned`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::assign_org_code())]
		pub fn assign_org_code(
			origin: OriginFor<T>,
			who: T::AccountId,
			code: Vec<u8>,
		) -> DispatchResult {
			let by = Self::ensure_admin(origin)?;
			Self::do_assign_org_code(by, who, code)
		}

		/// Take `who`'s organisation code back; the code becomes free.
		///
		/// Origin: `AdminOrigin` or a `SuperAdmin`. Emits `OrgCodeReleased`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::release_org_code())]
		pub fn release_org_code(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = Self::ensure_admin(origin)?;
			Self::do_release_org_code(by, who)
		}

		/// Publish (or replace) the caller's encryption public key; its length must fit `scheme`.
		///
		/// Origin: a registered, unbanned participant. Emits `OperatorKeySet`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_operator_key())]
		pub fn set_operator_key(
			origin: OriginFor<T>,
			scheme: KeyScheme,
			key: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_operator_key(who, scheme, key)
		}

		/// Withdraw the caller's published encryption key.
		///
		/// Origin: a signed account with a published key. Emits `OperatorKeyRemoved`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::remove_operator_key())]
		pub fn remove_operator_key(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_operator_key(who)
		}

		/// Ban `who` (registered or not) for `reason` until block `until` (`None`: until
		/// unbanned). An expired ban is replaced.
		///
		/// Origin: a `SecurityAdmin` other than `who`. Emits `Banned`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::ban())]
		pub fn ban(
			origin: OriginFor<T>,
			who: T::AccountId,
			reason: u32,
			until: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let by = Self::ensure_role(origin, roles::SecurityAdmin::ROLE)?;
			Self::do_ban(by, who, reason, until)
		}

		/// Lift `who`'s ban (or remove an expired ban's record).
		///
		/// Origin: a `SecurityAdmin`. Emits `Unbanned`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::unban())]
		pub fn unban(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = Self::ensure_role(origin, roles::SecurityAdmin::ROLE)?;
			Self::do_unban(by, who)
		}

		/// Propose moving the participant `lost` to the unregistered account `new`; the holder of
		/// the other role approves it.
		///
		/// Origin: a `KycAdmin` or a `SecurityAdmin`. Emits `RecoveryProposed`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::propose_recovery())]
		pub fn propose_recovery(
			origin: OriginFor<T>,
			lost: T::AccountId,
			new: T::AccountId,
		) -> DispatchResult {
			let proposer = ensure_signed(origin)?;
			Self::do_propose_recovery(proposer, lost, new)
		}

		/// Approve the pending recovery of `lost`; it can be finished `RecoveryDelay` blocks
		/// later.
		///
		/// Origin: an unbanned holder of the role the proposer did not use, other than the
		/// proposer. Emits `RecoveryApproved`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::approve_recovery())]
		pub fn approve_recovery(origin: OriginFor<T>, lost: T::AccountId) -> DispatchResult {
			let approver = ensure_signed(origin)?;
			Self::do_approve_recovery(approver, lost)
		}

		/// Cancel the pending recovery of `lost`.
		///
		/// Origin: `lost` itself (its key was not lost after all), a `KycAdmin` or a
		/// `SecurityAdmin`. Emits `RecoveryCancelled`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::cancel_recovery())]
		pub fn cancel_recovery(origin: OriginFor<T>, lost: T::AccountId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_cancel_recovery(by, lost)
		}

		/// Finish an approved recovery whose delay has passed: the participant record, its
		/// deposit, roles, organisation code, key and any ban move from `lost` to `new`, and
		/// `OnRecovered` moves the other pallets' state, within `RecoveryBudget`. `new` must hold
		/// at least the existential deposit (deposits are held on it).
		///
		/// Origin: any signed account. Emits `Recovered`, the events of the pallets
		/// `OnRecovered` tells, and `StateMoved`.
		#[pallet::call_index(16)]
		#[pallet::weight(Pallet::<T>::finish_recovery_weight().saturating_add(T::RecoveryBudget::get()))]
		pub fn finish_recovery(
			origin: OriginFor<T>,
			lost: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_finish_recovery(lost)
		}

		/// Move more of a recovered participant's state from `lost` to its new account, when
		/// `finish_recovery` could not move all of it (`StateMoved { complete: false }`).
		///
		/// Origin: any signed account. Emits `StateMoved`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::continue_recovery().saturating_add(T::RecoveryBudget::get()))]
		pub fn continue_recovery(
			origin: OriginFor<T>,
			lost: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_continue_recovery(lost)
		}

		/// Clear the record of a contract registered as a participant that no longer runs the
		/// code it registered with (terminated, or its code changed): its roles and organisation
		/// code are released and its deposit goes to its registrar. Refused while it runs that
		/// code or records of other pallets name it.
		///
		/// Origin: any signed account. Emits `ContractDeregistered`.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::deregister_contract())]
		pub fn deregister_contract(origin: OriginFor<T>, contract: T::AccountId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_deregister_contract(contract)
		}

		/// Register `who` as an `Unverified` participant on its behalf, holding
		/// `RegistrationDeposit` from the caller, which answers for it (and cannot leave while it
		/// does); `data_hash` is the hash of the client's data, kept off chain.
		///
		/// Origin: an unbanned `ClientRegistrar`. Emits `Registered` and `ClientRegistered`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::register_client())]
		pub fn register_client(
			origin: OriginFor<T>,
			who: T::AccountId,
			data_hash: T::Hash,
		) -> DispatchResult {
			let registrar = Self::ensure_role(origin, roles::ClientRegistrar::ROLE)?;
			Self::do_register_client(registrar, who, data_hash)
		}

		/// Record that the data of the client `who` now hashes to `data_hash` (the event is its
		/// history).
		///
		/// Origin: the unbanned registrar answering for `who`. Emits `ClientDataUpdated`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::set_client_data())]
		pub fn set_client_data(
			origin: OriginFor<T>,
			who: T::AccountId,
			data_hash: T::Hash,
		) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_set_client_data(by, who, data_hash)
		}

		/// Take the client `who` out of the registry, as its own `leave` would: refused once its
		/// identity was verified (it leaves itself then), and while it holds roles or an
		/// organisation code, records of other pallets name it, a recovery of it is pending, or
		/// it is banned. The deposit is released to the registrar.
		///
		/// Origin: the unbanned registrar answering for `who` (with or without its role). Emits
		/// `Left` and `ClientDeregistered`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::deregister_client())]
		pub fn deregister_client(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			Self::do_deregister_client(by, who)
		}
	}
}
