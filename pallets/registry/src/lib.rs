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
//!   pallets, so they move their own state, in metered steps of [`Config::RecoveryBudget`] per
//!   call (what one call cannot move, [`Pallet::continue_recovery`] moves). The lost account
//!   stays recorded (`RecoveredTo`): it cannot register again, and other pallets find where its
//!   records went ([`ParticipantRegistry::current_account`]).
//! - **Contract participant**: a contract (pallet-contracts) registers itself through the chain
//!   extension, its caller as **registrar**, holding the deposit from its own balance
//!   ([`pactum_primitives::ContractParticipants`]). It is of kind `Contract`, has its
//!   registrar's KYC level, is banned while the registrar is, and stops counting as a
//!   participant once it runs other code than it registered with ([`Config::Contracts`]).
//!   Anyone can clear the record of a contract that no longer runs that code (terminated, or
//!   its code changed: [`Pallet::deregister_contract`]); its deposit goes to the registrar.
//! - **Client**: a participant a `ClientRegistrar` (an operator) registered on its behalf
//!   ([`Pallet::register_client`]): the registrar holds the deposit (reason
//!   `SponsoredRegistration`) and answers for the client; it cannot leave while it has clients
//!   (each is a reference). The client's data stays off chain; its record keeps the data's hash,
//!   and each change ([`Pallet::set_client_data`]) is an event: the history. When the client
//!   leaves, the deposit goes back to the registrar.
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
//!   [`Pallet::cancel_recovery`], [`Pallet::finish_recovery`], [`Pallet::continue_recovery`].
//! - Contracts: [`pactum_primitives::ContractParticipants`] (for the chain extension),
//!   [`Pallet::deregister_contract`].
//! - Client registrars: [`Pallet::register_client`], [`Pallet::set_client_data`].
//! - Other pallets: [`ParticipantRegistry`] (implemented here), [`OnParticipantRecovered`]
//!   ([`Config::OnRecovered`]), both from `pactum-primitives`.
//! - Clients: the `RegistryApi` runtime API (`pallet-registry-runtime-api`) and its JSON-RPC
//!   (`registry_participant`, `registry_roles`).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pactum_primitives::{
	ContractCode, ContractParticipants, OnParticipantRecovered, ParticipantRegistry, RoleCatalog,
};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod bans;
mod clients;
mod contracts;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod grants;
mod interface;
mod invariants;
mod kyc;
#[cfg(test)]
mod mock;
mod org_codes;
mod participants;
mod recovery;
#[cfg(test)]
mod tests;
mod types;
mod views;
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
		/// Registers clients on their behalf, holding their deposits, and records their data's
		/// hash.
		ClientRegistrar = 10,
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
			BuildGenesisConfig,
		},
	};
	use frame_system::pallet_prelude::*;

	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	pub type OrgCodeOf<T> = BoundedVec<u8, <T as Config>::MaxOrgCodeLen>;
	pub type ParticipantOf<T> = Participant<
		<T as frame_system::Config>::Hash,
		BalanceOf<T>,
		BlockNumberFor<T>,
		OrgCodeOf<T>,
	>;
	pub type ClientRecordOf<T> = ClientRecord<
		<T as frame_system::Config>::AccountId,
		<T as frame_system::Config>::Hash,
		BalanceOf<T>,
		BlockNumberFor<T>,
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
		/// Told when a participant moved to a new account; moves the other pallets' state.
		type OnRecovered: OnParticipantRecovered<Self::AccountId>;
		/// The weight `finish_recovery` and each `continue_recovery` give `OnRecovered` (at
		/// least its largest step); charged up front, the unused part refunded.
		#[pallet::constant]
		type RecoveryBudget: Get<Weight>;
		/// Every role of the chain (the registry's own [`roles::All`] among them): the registry
		/// grants no other.
		type Roles: RoleCatalog;
		/// The code each contract account runs (pallet-contracts): a registered contract is a
		/// participant while it runs the code it was registered with.
		type Contracts: ContractCode<Self::AccountId, Self::Hash>;
		/// Weights of this pallet's calls, generated by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of a registered participant.
		Registration,
		/// The deposits a client registrar holds for the clients it registered.
		SponsoredRegistration,
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

	/// Lost accounts -> the account their participant was recovered to. A lost account cannot
	/// register again (its key may be in other hands).
	#[pallet::storage]
	pub type RecoveredTo<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId, OptionQuery>;

	/// Recovered accounts whose state other pallets have not finished moving yet -> the lost
	/// account it comes from (`continue_recovery` moves the rest).
	#[pallet::storage]
	pub type Moving<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId, OptionQuery>;

	/// Contracts registered as participants -> who registered them and the code they run.
	#[pallet::storage]
	pub type ContractRecords<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		ContractRecord<T::AccountId, T::Hash>,
		OptionQuery,
	>;

	/// Accounts participants were recovered to -> how many recoveries led there (absent: none).
	/// Records naming an earlier account are followed at most
	/// [`pactum_primitives::MAX_RECOVERY_HOPS`] recoveries, so no participant is recovered more
	/// often. The entry stays when the participant leaves: the account is the end of a chain that
	/// records may still follow, so it is never the new account of another recovery, and a
	/// participant registering there again goes on counting.
	#[pallet::storage]
	pub type RecoveryDepth<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, OptionQuery>;

	/// Clients a registrar registered on their behalf -> the registrar, their data's hash and the
	/// deposit held from the registrar.
	#[pallet::storage]
	pub type Clients<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ClientRecordOf<T>, OptionQuery>;

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
		/// The participant `lost` now lives at `new`; `StateMoved` follows.
		Recovered { lost: T::AccountId, new: T::AccountId },
		/// The other pallets moved `lost`'s state to `new`: all of it (`complete`), or as much
		/// as one call's `RecoveryBudget` allowed (`continue_recovery` moves the rest).
		StateMoved { lost: T::AccountId, new: T::AccountId, complete: bool },
		/// The contract `contract`, running `code_hash`, registered itself with `registrar`
		/// answering for it, holding `deposit` from its own balance.
		ContractRegistered {
			contract: T::AccountId,
			registrar: T::AccountId,
			code_hash: T::Hash,
			deposit: BalanceOf<T>,
		},
		/// The record of the terminated contract `contract` was cleared; `deposit` went to its
		/// registrar.
		ContractDeregistered {
			contract: T::AccountId,
			registrar: T::AccountId,
			deposit: BalanceOf<T>,
		},
		/// The client registrar `registrar` registered `who`, whose data hashes to `data_hash`,
		/// holding `deposit` from its own balance.
		ClientRegistered {
			who: T::AccountId,
			registrar: T::AccountId,
			data_hash: T::Hash,
			deposit: BalanceOf<T>,
		},
		/// `by`, the registrar answering for the client `who`, recorded that its data now hashes to
		/// `data_hash`.
		ClientDataUpdated { who: T::AccountId, data_hash: T::Hash, by: T::AccountId },
		/// The registrar `registrar` took its client `who` out of the registry; the deposit went
		/// back to it.
		ClientDeregistered { who: T::AccountId, registrar: T::AccountId },
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
		/// The role is not one of the chain's roles (`Config::Roles`).
		UnknownRole,
		/// The account was recovered to another one and cannot be registered or recovered to.
		AccountRecovered,
		/// The participant's state from an earlier recovery is still moving:
		/// `continue_recovery` first.
		StillMoving,
		/// Nothing of the account is left to move.
		NothingToMove,
		/// The contract's registrar is not a registered participant, or is banned.
		RegistrarNotParticipant,
		/// A contract's account: it has no KYC or company record of its own, registers no
		/// contract and is not recovered.
		ContractAccount,
		/// The account runs no contract code, other code than it names, or is no registered
		/// contract.
		NotAContract,
		/// The contract still runs the code it registered with: only the record of a contract
		/// terminated or running other code can be cleared.
		ContractLive,
		/// The account is no client a registrar registered.
		NotClient,
		/// The caller is not the registrar answering for the client.
		NotClientRegistrar,
		/// The client's identity was verified: it leaves itself, its registrar cannot take it out.
		ClientVerified,
		/// The participant was recovered as often as records naming its first account can
		/// follow ([`pactum_primitives::MAX_RECOVERY_HOPS`]): it registers anew instead.
		TooManyRecoveries,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// The role catalog has each number once, every number fits a [`RoleSet`], and the
		/// registry's own roles are in it.
		fn integrity_test() {
			Self::check_role_catalog(&T::Roles::roles());
			assert!(
				T::RecoveryBudget::get().all_gte(T::OnRecovered::max_step()),
				"RecoveryBudget must allow OnRecovered's largest step",
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

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
