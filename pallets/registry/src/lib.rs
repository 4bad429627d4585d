//! # Registry
//!
//! The participant directory of Pactum: every other pallet asks it who an account is and what it
//! may do.
//!
//! ## Terminology
//!
//! - **Participant**: an account that registered, holding [`Config::RegistrationDeposit`]. It is
//!   `Unverified` until a KYC admin verifies it (a KYC level, the hash of the evidence, which stays
//!   off chain, and an expiry), and `Corporate` once a KYC admin records its company record hash.
//! - **KYC level in force**: the verified level until the expiry block, 0 from then on. Expiry is
//!   lazy: nothing iterates, every read compares with the current block.
//! - **Roles** ([`Role`]): permissions granted by governance ([`Config::AdminOrigin`]) or a
//!   `SuperAdmin`. A role is a number declared by the pallet that needs it
//!   ([`pactum_primitives::declare_roles!`]; the registry's own are in [`roles`]); the registry
//!   grants only the roles of [`Config::Roles`] and knows nothing else about them. Other pallets
//!   name them in their `Config` with [`pactum_primitives::EnsureRole`].
//! - **Organisation code**: a unique code of an issuing body, assigned by a `SuperAdmin`.
//! - **Operator key**: an encryption public key a participant publishes for off-chain exchange.
//! - **Ban**: a `SecurityAdmin` bans an account (registered or not) with a reason code and an
//!   optional expiry; every pallet that asks refuses a banned account.
//! - **Recovery**: a `KycAdmin` and a `SecurityAdmin` (two different accounts) together move a
//!   participant whose key is lost to a new account, after [`Config::RecoveryDelay`]; until then
//!   the lost account itself or either admin can cancel. [`Config::OnRecovered`] tells other
//!   pallets, so they move their own state.
//!
//! ## Interface
//!
//! - Participants: [`Pallet::register`], [`Pallet::leave`], [`Pallet::set_operator_key`],
//!   [`Pallet::remove_operator_key`].
//! - KYC admins: [`Pallet::verify_kyc`], [`Pallet::revoke_verification`], [`Pallet::set_corporate`].
//! - Governance or super admins: [`Pallet::grant_role`], [`Pallet::revoke_role`],
//!   [`Pallet::assign_org_code`], [`Pallet::release_org_code`].
//! - Security admins: [`Pallet::ban`], [`Pallet::unban`].
//! - Recovery: [`Pallet::propose_recovery`], [`Pallet::approve_recovery`],
//!   [`Pallet::cancel_recovery`], [`Pallet::finish_recovery`].
//! - Other pallets: [`ParticipantRegistry`] (implemented here), [`OnParticipantRecovered`]
//!   ([`Config::OnRecovered`]), both from `pactum-primitives`.
//! - Clients: the `RegistryApi` runtime API (`pallet-registry-runtime-api`) and its JSON-RPC
//!   (`registry_participant`, `registry_roles`).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use pactum_primitives::{OnParticipantRecovered, ParticipantRegistry, RoleCatalog};
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

/// The registry's own roles. Numbers 0, 1 and 6 are the registry's; the numbers between were
/// the tokens pallet's before roles were declared per pallet, and keep that meaning.
pub mod roles {
	pactum_primitives::declare_roles! {
		/// Grants and revokes roles, assigns organisation codes.
		SuperAdmin = 0,
		/// Verifies participants (KYC), marks them corporate, takes part in recovery.
		KycAdmin = 1,
		/// Bans and unbans accounts, takes part in recovery.
		SecurityAdmin = 6,
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			tokens::{Fortitude, Precision, Restriction},
			BuildGenesisConfig,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{Saturating, Zero};

	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	pub type OrgCodeOf<T> = BoundedVec<u8, <T as Config>::MaxOrgCodeLen>;
	pub type ParticipantOf<T> = Participant<
		<T as frame_system::Config>::Hash,
		BalanceOf<T>,
		BlockNumberFor<T>,
		OrgCodeOf<T>,
	>;
	pub type BanOf<T> = Ban<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	pub type RecoveryOf<T> = Recovery<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	pub type ParticipantViewOf<T> = ParticipantView<
		<T as frame_system::Config>::AccountId,
		<T as frame_system::Config>::Hash,
		BalanceOf<T>,
		BlockNumberFor<T>,
	>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The native currency; registration deposits are holds on it.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// Held from an account while it is registered; covers its participant record and its
		/// operator key.
		#[pallet::constant]
		type RegistrationDeposit: Get<BalanceOf<Self>>;
		/// Governance: grants and revokes roles and organisation codes like a `SuperAdmin`.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The highest KYC level a KYC admin can grant.
		#[pallet::constant]
		type MaxKycLevel: Get<u8>;
		/// The longest organisation code, in bytes.
		#[pallet::constant]
		type MaxOrgCodeLen: Get<u32>;
		/// Blocks between a recovery's approval and the moment it can be finished.
		#[pallet::constant]
		type RecoveryDelay: Get<BlockNumberFor<Self>>;
		/// Told when a participant moved to a new account.
		type OnRecovered: OnParticipantRecovered<Self::AccountId>;
		/// Every role of the chain (the registry's own [`roles::All`] among them): the registry
		/// grants no other.
		type Roles: RoleCatalog;
		/// Weights of this pallet's calls, generated by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a registered participant.
		Registration,
	}

	/// Registered participants.
	#[pallet::storage]
	pub type Participants<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ParticipantOf<T>, OptionQuery>;

	/// How many participants are registered.
	#[pallet::storage]
	pub type ParticipantCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// How many participants hold each role.
	#[pallet::storage]
	pub type RoleHolders<T: Config> = StorageMap<_, Twox64Concat, Role, u32, ValueQuery>;

	/// Organisation code -> the participant it is assigned to.
	#[pallet::storage]
	pub type OrgCodes<T: Config> =
		StorageMap<_, Blake2_128Concat, OrgCodeOf<T>, T::AccountId, OptionQuery>;

	/// Published encryption keys of participants.
	#[pallet::storage]
	pub type OperatorKeys<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, OperatorKey, OptionQuery>;

	/// Bans, in force until their `until` block (or until unbanned).
	#[pallet::storage]
	pub type Bans<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, BanOf<T>, OptionQuery>;

	/// Pending recoveries, by the lost account.
	#[pallet::storage]
	pub type Recoveries<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, RecoveryOf<T>, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Participants of the first block, without deposit: `(account, KYC level, roles)`.
		/// A level above 0 makes the account `Verified` at that level, without expiry.
		pub participants: Vec<(T::AccountId, u8, Vec<Role>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (who, level, roles) in &self.participants {
				assert!(
					!Participants::<T>::contains_key(who),
					"registry genesis lists {who:?} twice"
				);
				assert!(*level <= T::MaxKycLevel::get(), "registry genesis: KYC level too high");
				for role in roles {
					assert!(T::Roles::knows(*role), "registry genesis: unknown role {role:?}");
				}
				Pallet::<T>::admit(who, *level, roles);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` registered, holding `deposit`.
		Registered { who: T::AccountId, deposit: BalanceOf<T> },
		/// `who` left; `deposit` was released.
		Left { who: T::AccountId, deposit: BalanceOf<T> },
		/// A KYC admin verified `who` at `level` until `expires_at`.
		Verified {
			who: T::AccountId,
			level: u8,
			evidence: T::Hash,
			expires_at: BlockNumberFor<T>,
			by: T::AccountId,
		},
		/// A KYC admin withdrew `who`'s verification; it is `Unverified` again.
		VerificationRevoked { who: T::AccountId, by: T::AccountId },
		/// A KYC admin recorded `who` as a legal entity.
		MarkedCorporate { who: T::AccountId, company: T::Hash, by: T::AccountId },
		/// `role` was granted to `who`, by a super admin (`by`) or governance (`by: None`).
		RoleGranted { who: T::AccountId, role: Role, by: Option<T::AccountId> },
		/// `role` was revoked from `who`, by a super admin (`by`) or governance (`by: None`).
		RoleRevoked { who: T::AccountId, role: Role, by: Option<T::AccountId> },
		/// `code` now names `who`'s organisation.
		OrgCodeAssigned { who: T::AccountId, code: OrgCodeOf<T>, by: Option<T::AccountId> },
		/// `code` no longer names `who`'s organisation.
		OrgCodeReleased { who: T::AccountId, code: OrgCodeOf<T>, by: Option<T::AccountId> },
		/// `who` published an encryption key.
		OperatorKeySet { who: T::AccountId, key: OperatorKey },
		/// `who` withdrew its encryption key.
		OperatorKeyRemoved { who: T::AccountId },
		/// `who` is banned for `reason` until `until` (`None`: until unbanned).
		Banned {
			who: T::AccountId,
			reason: u32,
			until: Option<BlockNumberFor<T>>,
			by: T::AccountId,
		},
		/// `who`'s ban was lifted.
		Unbanned { who: T::AccountId, by: T::AccountId },
		/// `proposer` proposed moving `lost` to `new`.
		RecoveryProposed { lost: T::AccountId, new: T::AccountId, proposer: T::AccountId },
		/// `approver` approved; the recovery can be finished from `executable_at`.
		RecoveryApproved {
			lost: T::AccountId,
			new: T::AccountId,
			approver: T::AccountId,
			executable_at: BlockNumberFor<T>,
		},
		/// The pending recovery of `lost` was cancelled by `by`.
		RecoveryCancelled { lost: T::AccountId, by: T::AccountId },
		/// The participant `lost` now lives at `new`.
		Recovered { lost: T::AccountId, new: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not a registered participant.
		NotParticipant,
		/// The account is already registered.
		AlreadyRegistered,
		/// The account is banned.
		Banned,
		/// The caller does not hold the role the call needs.
		MissingRole,
		/// The balance cannot cover the registration deposit.
		InsufficientBalance,
		/// The KYC level is 0 or above `MaxKycLevel`.
		InvalidKycLevel,
		/// The expiry block has already passed.
		ExpiryInPast,
		/// The participant has no KYC verification in force.
		NotVerified,
		/// The participant already holds the role.
		RoleAlreadyHeld,
		/// The role is not one of the chain's roles (`Config::Roles`).
		UnknownRole,
		/// The participant does not hold the role.
		RoleNotHeld,
		/// The last super admin cannot remove its own role.
		LastSuperAdmin,
		/// The organisation code is empty or has characters other than `A-Z a-z 0-9 - _ .`.
		InvalidOrgCode,
		/// The organisation code is longer than `MaxOrgCodeLen`.
		OrgCodeTooLong,
		/// The organisation code is assigned to another participant.
		OrgCodeTaken,
		/// The participant already has an organisation code.
		AlreadyHasOrgCode,
		/// The participant has no organisation code.
		NoOrgCode,
		/// The key's length does not fit its scheme.
		InvalidKeyLength,
		/// The participant has published no key.
		NoOperatorKey,
		/// A ban on the account is already in force.
		AlreadyBanned,
		/// No ban is recorded for the account.
		NotBanned,
		/// A security admin cannot ban itself.
		CannotBanSelf,
		/// The participant still holds roles: revoke them before leaving.
		HoldsRoles,
		/// The participant still has an organisation code: release it before leaving.
		HoldsOrgCode,
		/// Records of other pallets still name the participant.
		StillReferenced,
		/// Too many references to the participant.
		TooManyReferences,
		/// A recovery of the participant is pending.
		RecoveryPending,
		/// No recovery of the account is pending.
		NoRecovery,
		/// The recovery already has its second approval.
		RecoveryAlreadyApproved,
		/// The approver must hold the role the proposer did not use, and be another account.
		InvalidApprover,
		/// The recovery has not been approved yet.
		RecoveryNotApproved,
		/// The recovery delay has not passed yet.
		RecoveryDelayNotOver,
		/// The new account is the lost account.
		SameAccount,
		/// The new account is already a participant.
		NewAccountInUse,
		/// The new account holds less than the existential deposit, so the registration deposit
		/// cannot be held on it: send it some funds first.
		NewAccountNotFunded,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// The role catalog has each number once, every number fits a [`RoleSet`], and the
		/// registry's own roles are in it.
		fn integrity_test() {
			Self::check_role_catalog(&T::Roles::roles());
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register the caller as an `Unverified` participant, holding `RegistrationDeposit`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!Participants::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
			ensure!(!Self::banned(&who), Error::<T>::Banned);
			let deposit = T::RegistrationDeposit::get();
			T::Currency::hold(&HoldReason::Registration.into(), &who, deposit)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			Participants::<T>::insert(&who, Self::new_participant(deposit));
			ParticipantCount::<T>::mutate(|n| *n = n.saturating_add(1));
			Self::deposit_event(Event::Registered { who, deposit });
			Ok(())
		}

		/// Leave the registry and get the deposit back. Refused while the caller holds roles or an
		/// organisation code, is banned, is being recovered, or is named by other pallets' records.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let participant = Participants::<T>::get(&who).ok_or(Error::<T>::NotParticipant)?;
			ensure!(!Self::banned(&who), Error::<T>::Banned);
			ensure!(participant.roles.is_empty(), Error::<T>::HoldsRoles);
			ensure!(participant.org_code.is_none(), Error::<T>::HoldsOrgCode);
			ensure!(participant.references == 0, Error::<T>::StillReferenced);
			ensure!(!Recoveries::<T>::contains_key(&who), Error::<T>::RecoveryPending);
			T::Currency::release(
				&HoldReason::Registration.into(),
				&who,
				participant.deposit,
				Precision::BestEffort,
			)?;
			Participants::<T>::remove(&who);
			OperatorKeys::<T>::remove(&who);
			ParticipantCount::<T>::mutate(|n| *n = n.saturating_sub(1));
			Self::deposit_event(Event::Left { who, deposit: participant.deposit });
			Ok(())
		}

		/// Record a KYC verification of `who`: `level` (1 to `MaxKycLevel`), the hash of the
		/// evidence and the block from which it no longer counts. Replaces an earlier one; makes
		/// an `Unverified` participant `Verified`. Origin: a `KycAdmin`.
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
			ensure!(level > 0 && level <= T::MaxKycLevel::get(), Error::<T>::InvalidKycLevel);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(expires_at > now, Error::<T>::ExpiryInPast);
			Participants::<T>::try_mutate(&who, |p| -> DispatchResult {
				let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
				p.kyc = Some(Kyc { level, evidence, expires_at, verified_at: now });
				if p.kind == AccountKind::Unverified {
					p.kind = AccountKind::Verified;
				}
				Ok(())
			})?;
			Self::deposit_event(Event::Verified { who, level, evidence, expires_at, by });
			Ok(())
		}

		/// Withdraw `who`'s verification (and company record): it is `Unverified` again.
		/// Origin: a `KycAdmin`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::revoke_verification())]
		pub fn revoke_verification(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = Self::ensure_role(origin, roles::KycAdmin::ROLE)?;
			Participants::<T>::try_mutate(&who, |p| -> DispatchResult {
				let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
				ensure!(p.kyc.is_some(), Error::<T>::NotVerified);
				p.kyc = None;
				p.company = None;
				p.kind = AccountKind::Unverified;
				Ok(())
			})?;
			Self::deposit_event(Event::VerificationRevoked { who, by });
			Ok(())
		}

		/// Record `who` as a legal entity with the hash of its company record. `who` must have a
		/// KYC verification in force. Origin: a `KycAdmin`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_corporate())]
		pub fn set_corporate(
			origin: OriginFor<T>,
			who: T::AccountId,
			company: T::Hash,
		) -> DispatchResult {
			let by = Self::ensure_role(origin, roles::KycAdmin::ROLE)?;
			let now = frame_system::Pallet::<T>::block_number();
			Participants::<T>::try_mutate(&who, |p| -> DispatchResult {
				let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
				ensure!(Self::kyc_level_at(p, &now) > 0, Error::<T>::NotVerified);
				p.kind = AccountKind::Corporate;
				p.company = Some(company);
				Ok(())
			})?;
			Self::deposit_event(Event::MarkedCorporate { who, company, by });
			Ok(())
		}

		/// Grant `role` to the registered, unbanned participant `who`.
		/// Origin: `AdminOrigin` or a `SuperAdmin`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::grant_role())]
		pub fn grant_role(origin: OriginFor<T>, who: T::AccountId, role: Role) -> DispatchResult {
			let by = Self::ensure_admin(origin)?;
			ensure!(T::Roles::knows(role), Error::<T>::UnknownRole);
			ensure!(!Self::banned(&who), Error::<T>::Banned);
			Participants::<T>::try_mutate(&who, |p| -> DispatchResult {
				let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
				ensure!(!p.roles.contains(role), Error::<T>::RoleAlreadyHeld);
				ensure!(p.roles.insert(role), Error::<T>::UnknownRole);
				Ok(())
			})?;
			RoleHolders::<T>::mutate(role, |n| *n = n.saturating_add(1));
			Self::deposit_event(Event::RoleGranted { who, role, by });
			Ok(())
		}

		/// Revoke `role` from `who`. A super admin cannot remove the last `SuperAdmin` role (its
		/// own); governance can. Origin: `AdminOrigin` or a `SuperAdmin`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::revoke_role())]
		pub fn revoke_role(origin: OriginFor<T>, who: T::AccountId, role: Role) -> DispatchResult {
			let by = Self::ensure_admin(origin)?;
			Participants::<T>::try_mutate(&who, |p| -> DispatchResult {
				let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
				ensure!(p.roles.contains(role), Error::<T>::RoleNotHeld);
				ensure!(
					!(role == roles::SuperAdmin::ROLE
						&& by.is_some() && RoleHolders::<T>::get(roles::SuperAdmin::ROLE) <= 1),
					Error::<T>::LastSuperAdmin
				);
				p.roles.remove(role);
				Ok(())
			})?;
			RoleHolders::<T>::mutate(role, |n| *n = n.saturating_sub(1));
			Self::deposit_event(Event::RoleRevoked { who, role, by });
			Ok(())
		}

		/// Assign the unique organisation code `code` (`A-Z a-z 0-9 - _ .`, at most
		/// `MaxOrgCodeLen` bytes) to `who`. Origin: `AdminOrigin` or a `SuperAdmin`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::assign_org_code())]
		pub fn assign_org_code(
			origin: OriginFor<T>,
			who: T::AccountId,
			code: Vec<u8>,
		) -> DispatchResult {
			let by = Self::ensure_admin(origin)?;
			ensure!(
				!code.is_empty()
					&& code.iter().all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(c)),
				Error::<T>::InvalidOrgCode
			);
			let code: OrgCodeOf<T> = code.try_into().map_err(|_| Error::<T>::OrgCodeTooLong)?;
			ensure!(!OrgCodes::<T>::contains_key(&code), Error::<T>::OrgCodeTaken);
			Participants::<T>::try_mutate(&who, |p| -> DispatchResult {
				let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
				ensure!(p.org_code.is_none(), Error::<T>::AlreadyHasOrgCode);
				p.org_code = Some(code.clone());
				Ok(())
			})?;
			OrgCodes::<T>::insert(&code, &who);
			Self::deposit_event(Event::OrgCodeAssigned { who, code, by });
			Ok(())
		}

		/// Take `who`'s organisation code back; the code becomes free.
		/// Origin: `AdminOrigin` or a `SuperAdmin`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::release_org_code())]
		pub fn release_org_code(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = Self::ensure_admin(origin)?;
			let code = Participants::<T>::try_mutate(&who, |p| {
				let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
				p.org_code.take().ok_or(Error::<T>::NoOrgCode)
			})?;
			OrgCodes::<T>::remove(&code);
			Self::deposit_event(Event::OrgCodeReleased { who, code, by });
			Ok(())
		}

		/// Publish (or replace) the caller's encryption public key.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_operator_key())]
		pub fn set_operator_key(
			origin: OriginFor<T>,
			scheme: KeyScheme,
			key: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(Participants::<T>::contains_key(&who), Error::<T>::NotParticipant);
			ensure!(!Self::banned(&who), Error::<T>::Banned);
			ensure!(scheme.accepts_len(key.len()), Error::<T>::InvalidKeyLength);
			let key = OperatorKey {
				scheme,
				key: key.try_into().map_err(|_| Error::<T>::InvalidKeyLength)?,
			};
			OperatorKeys::<T>::insert(&who, &key);
			Self::deposit_event(Event::OperatorKeySet { who, key });
			Ok(())
		}

		/// Withdraw the caller's published encryption key.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::remove_operator_key())]
		pub fn remove_operator_key(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(OperatorKeys::<T>::take(&who).is_some(), Error::<T>::NoOperatorKey);
			Self::deposit_event(Event::OperatorKeyRemoved { who });
			Ok(())
		}

		/// Ban `who` (registered or not) for `reason` until block `until` (`None`: until
		/// unbanned). An expired ban is replaced. Origin: a `SecurityAdmin`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::ban())]
		pub fn ban(
			origin: OriginFor<T>,
			who: T::AccountId,
			reason: u32,
			until: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let by = Self::ensure_role(origin, roles::SecurityAdmin::ROLE)?;
			ensure!(by != who, Error::<T>::CannotBanSelf);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(until.map_or(true, |until| until > now), Error::<T>::ExpiryInPast);
			ensure!(!Self::banned(&who), Error::<T>::AlreadyBanned);
			Bans::<T>::insert(&who, Ban { reason, until, by: by.clone(), since: now });
			Self::deposit_event(Event::Banned { who, reason, until, by });
			Ok(())
		}

		/// Lift `who`'s ban (or remove an expired ban's record). Origin: a `SecurityAdmin`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::unban())]
		pub fn unban(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = Self::ensure_role(origin, roles::SecurityAdmin::ROLE)?;
			ensure!(Bans::<T>::take(&who).is_some(), Error::<T>::NotBanned);
			Self::deposit_event(Event::Unbanned { who, by });
			Ok(())
		}

		/// Propose moving the participant `lost` to the unregistered account `new`. Origin: a
		/// `KycAdmin` or a `SecurityAdmin`; the holder of the other role approves it.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::propose_recovery())]
		pub fn propose_recovery(
			origin: OriginFor<T>,
			lost: T::AccountId,
			new: T::AccountId,
		) -> DispatchResult {
			let proposer = ensure_signed(origin)?;
			let proposer_role = if Self::holds_role(&proposer, roles::KycAdmin::ROLE) {
				roles::KycAdmin::ROLE
			} else if Self::holds_role(&proposer, roles::SecurityAdmin::ROLE) {
				roles::SecurityAdmin::ROLE
			} else {
				return Err(Self::missing_role_error(&proposer));
			};
			ensure!(Participants::<T>::contains_key(&lost), Error::<T>::NotParticipant);
			ensure!(lost != new, Error::<T>::SameAccount);
			ensure!(!Participants::<T>::contains_key(&new), Error::<T>::NewAccountInUse);
			ensure!(!Recoveries::<T>::contains_key(&lost), Error::<T>::RecoveryPending);
			Recoveries::<T>::insert(
				&lost,
				Recovery {
					new: new.clone(),
					proposer: proposer.clone(),
					proposer_role,
					approver: None,
					executable_at: None,
				},
			);
			Self::deposit_event(Event::RecoveryProposed { lost, new, proposer });
			Ok(())
		}

		/// Approve the pending recovery of `lost`; it can be finished `RecoveryDelay` blocks
		/// later. Origin: a holder of the role the proposer did not use, other than the proposer.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::approve_recovery())]
		pub fn approve_recovery(origin: OriginFor<T>, lost: T::AccountId) -> DispatchResult {
			let approver = ensure_signed(origin)?;
			ensure!(!Self::banned(&approver), Error::<T>::Banned);
			let (new, executable_at) =
				Recoveries::<T>::try_mutate(&lost, |r| -> Result<_, DispatchError> {
					let r = r.as_mut().ok_or(Error::<T>::NoRecovery)?;
					ensure!(r.approver.is_none(), Error::<T>::RecoveryAlreadyApproved);
					let needed = match r.proposer_role {
						roles::KycAdmin::ROLE => roles::SecurityAdmin::ROLE,
						_ => roles::KycAdmin::ROLE,
					};
					ensure!(
						approver != r.proposer && Self::holds_role(&approver, needed),
						Error::<T>::InvalidApprover
					);
					let executable_at = frame_system::Pallet::<T>::block_number()
						.saturating_add(T::RecoveryDelay::get());
					r.approver = Some(approver.clone());
					r.executable_at = Some(executable_at);
					Ok((r.new.clone(), executable_at))
				})?;
			Self::deposit_event(Event::RecoveryApproved { lost, new, approver, executable_at });
			Ok(())
		}

		/// Cancel the pending recovery of `lost`. Origin: `lost` itself (its key was not lost
		/// after all), a `KycAdmin` or a `SecurityAdmin`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::cancel_recovery())]
		pub fn cancel_recovery(origin: OriginFor<T>, lost: T::AccountId) -> DispatchResult {
			let by = ensure_signed(origin)?;
			ensure!(
				by == lost
					|| Self::holds_role(&by, roles::KycAdmin::ROLE)
					|| Self::holds_role(&by, roles::SecurityAdmin::ROLE),
				Self::missing_role_error(&by)
			);
			ensure!(Recoveries::<T>::take(&lost).is_some(), Error::<T>::NoRecovery);
			Self::deposit_event(Event::RecoveryCancelled { lost, by });
			Ok(())
		}

		/// Finish an approved recovery whose delay has passed: the participant record, its
		/// deposit, roles, organisation code, key and any ban move from `lost` to `new`, and
		/// `OnRecovered` moves the other pallets' state. `new` must hold at least the existential
		/// deposit (the registration deposit is held on it). Origin: any signed account.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::finish_recovery().saturating_add(T::OnRecovered::max_weight()))]
		pub fn finish_recovery(
			origin: OriginFor<T>,
			lost: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let recovery = Recoveries::<T>::get(&lost).ok_or(Error::<T>::NoRecovery)?;
			let executable_at = recovery.executable_at.ok_or(Error::<T>::RecoveryNotApproved)?;
			ensure!(
				frame_system::Pallet::<T>::block_number() >= executable_at,
				Error::<T>::RecoveryDelayNotOver
			);
			let new = recovery.new;
			ensure!(!Participants::<T>::contains_key(&new), Error::<T>::NewAccountInUse);
			let participant = Participants::<T>::get(&lost).ok_or(Error::<T>::NotParticipant)?;
			if !participant.deposit.is_zero() {
				// A hold needs an existing account.
				ensure!(
					T::Currency::balance(&new) >= T::Currency::minimum_balance(),
					Error::<T>::NewAccountNotFunded
				);
				T::Currency::transfer_on_hold(
					&HoldReason::Registration.into(),
					&lost,
					&new,
					participant.deposit,
					Precision::Exact,
					Restriction::OnHold,
					Fortitude::Force,
				)?;
			}
			if let Some(code) = &participant.org_code {
				OrgCodes::<T>::insert(code, &new);
			}
			if let Some(key) = OperatorKeys::<T>::take(&lost) {
				OperatorKeys::<T>::insert(&new, key);
			}
			if let Some(ban) = Bans::<T>::take(&lost) {
				Bans::<T>::insert(&new, ban);
			}
			Recoveries::<T>::remove(&lost);
			Participants::<T>::remove(&lost);
			Participants::<T>::insert(&new, participant);
			let hook_weight = T::OnRecovered::on_recovered(&lost, &new);
			Self::deposit_event(Event::Recovered { lost, new });
			Ok(Some(T::WeightInfo::finish_recovery().saturating_add(hook_weight)).into())
		}
	}
}
