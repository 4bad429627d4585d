//! Who an account is, as every pallet asks it: the registry's read interface, reference counting
//! and the hook that tells pallets a participant moved to a new account.

use crate::roles::{Role, RoleSet};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::DispatchResult, weights::Weight};
use scale_info::TypeInfo;
use sp_runtime::{Deserialize, Serialize};

/// What kind of participant an account is.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub enum AccountKind {
	/// Registered, not (or no longer) verified by a KYC admin.
	Unverified,
	/// A person or entity whose KYC a KYC admin verified.
	Verified,
	/// A verified legal entity with a company record.
	Corporate,
}

/// What the registry says about an account, as other pallets see it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Standing {
	pub kind: AccountKind,
	/// The KYC level in force now: 0 once the verification has expired.
	pub kyc_level: u8,
	pub roles: RoleSet,
	pub banned: bool,
}

/// Why an account may not act as a participant. A pallet that refuses inactive callers has the
/// error variants `NotParticipant` and `Banned` and converts this with
/// [`impl_inactive_errors!`](crate::impl_inactive_errors).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Inactive {
	/// The account is not a registered participant.
	NotParticipant,
	/// A ban on the account is in force.
	Banned,
}

/// The registry as other pallets see it. Pallets take it as a `Config` type
/// (`type Registry: ParticipantRegistry<Self::AccountId>`), so their tests can use the mock of
/// [`crate::mock`] and the runtime the registry pallet.
pub trait ParticipantRegistry<AccountId> {
	/// Kind, KYC level in force, roles and ban of a registered account; `None` if not registered.
	fn standing(who: &AccountId) -> Option<Standing>;
	/// Whether a ban is in force on `who` (registered or not).
	fn is_banned(who: &AccountId) -> bool;
	/// Whether `who` is a registered, unbanned participant holding `role`.
	fn has_role(who: &AccountId, role: Role) -> bool;
	/// The organisation code assigned to `who`.
	fn org_code(who: &AccountId) -> Option<Vec<u8>>;
	/// Record that a record of another pallet names `who`: it cannot leave until released.
	fn add_reference(who: &AccountId) -> DispatchResult;
	/// Release a reference taken with [`Self::add_reference`].
	fn remove_reference(who: &AccountId);
	/// For benchmarks of other pallets: make `who` a participant verified at `kyc_level`
	/// (0: unverified) holding `roles`, without deposit or checks.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmarks(who: &AccountId, kyc_level: u8, roles: &[Role]);
	/// For benchmarks of other pallets: give the participant `who` the organisation code
	/// `code`, without checks.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_org_code_for_benchmarks(who: &AccountId, code: Vec<u8>);

	/// `who` is a registered participant with no ban in force; yields its standing.
	fn ensure_active(who: &AccountId) -> Result<Standing, Inactive> {
		let standing = Self::standing(who).ok_or(Inactive::NotParticipant)?;
		if standing.banned {
			return Err(Inactive::Banned);
		}
		Ok(standing)
	}
}

/// `impl From<Inactive> for Error<T>`, for a pallet error enum with the variants
/// `NotParticipant` and `Banned`: `T::Registry::ensure_active(&who).map_err(Error::<T>::from)?`
/// then refuses with the pallet's own error of the same name.
#[macro_export]
macro_rules! impl_inactive_errors {
	($error:ident) => {
		impl<T> From<$crate::Inactive> for $error<T> {
			fn from(inactive: $crate::Inactive) -> Self {
				match inactive {
					$crate::Inactive::NotParticipant => $error::NotParticipant,
					$crate::Inactive::Banned => $error::Banned,
				}
			}
		}
	};
}

/// Told when a recovery moved a participant from `lost` to `new`, so a pallet can move the state
/// it keeps for the account (tokens moves balances, for example).
pub trait OnParticipantRecovered<AccountId> {
	/// Move the state; returns the weight used, at most [`Self::max_weight`].
	fn on_recovered(lost: &AccountId, new: &AccountId) -> Weight;
	/// The most [`Self::on_recovered`] can use; charged up front by the registry.
	fn max_weight() -> Weight;
}

#[impl_trait_for_tuples::impl_for_tuples(8)]
impl<AccountId> OnParticipantRecovered<AccountId> for Tuple {
	fn on_recovered(lost: &AccountId, new: &AccountId) -> Weight {
		let mut used = Weight::zero();
		for_tuples!( #( used = used.saturating_add(Tuple::on_recovered(lost, new)); )* );
		used
	}
	fn max_weight() -> Weight {
		let mut max = Weight::zero();
		for_tuples!( #( max = max.saturating_add(Tuple::max_weight()); )* );
		max
	}
}
