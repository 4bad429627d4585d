//! Who an account is, as every pallet asks it: the registry's read interface, reference counting
//! and the hook that tells pallets a participant moved to a new account.

use crate::roles::{Role, RoleSet};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::DispatchResult,
	weights::{Weight, WeightMeter},
};
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
	/// A contract (pallet-contracts) its deployer registered, running the code it was
	/// registered with. Its registrar answers for it: the contract has the registrar's KYC level
	/// and is banned while the registrar is.
	Contract,
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
	/// The account a recovery moved the participant `who` to, if `who` is a lost account.
	fn recovered_to(who: &AccountId) -> Option<AccountId>;
	/// The most one [`Self::standing`] (or [`Self::ensure_active`]) weighs: a contract's, which
	/// reads its record, its running code and its registrar. Benchmarks of other pallets check
	/// people; a call adds this for every account it checks that is not its signer (a signer is
	/// never a contract), since such an account may be one.
	fn standing_weight() -> Weight;
	/// For benchmarks of other pallets: make `who` a participant verified at `kyc_level`
	/// (0: unverified) holding `roles`, without deposit or checks.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmarks(who: &AccountId, kyc_level: u8, roles: &[Role]);
	/// For benchmarks of other pallets: give the participant `who` the organisation code
	/// `code`, without checks.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_org_code_for_benchmarks(who: &AccountId, code: Vec<u8>);

	/// `base`, a call's benchmarked weight, with the standing of `accounts` accounts other than
	/// its signer weighed as a contract's (see [`Self::standing_weight`]).
	fn weigh_parties(base: Weight, accounts: u32) -> Weight {
		base.saturating_add(Self::standing_weight().saturating_mul(accounts.into()))
	}

	/// `who` is a registered participant with no ban in force; yields its standing.
	fn ensure_active(who: &AccountId) -> Result<Standing, Inactive> {
		let standing = Self::standing(who).ok_or(Inactive::NotParticipant)?;
		if standing.banned {
			return Err(Inactive::Banned);
		}
		Ok(standing)
	}

	/// The account that holds `who`'s records now: `who`, or where recoveries moved it (at most
	/// [`MAX_RECOVERY_HOPS`] recoveries followed).
	fn current_account(who: &AccountId) -> AccountId
	where
		AccountId: Clone,
	{
		let mut current = who.clone();
		for _ in 0..MAX_RECOVERY_HOPS {
			match Self::recovered_to(&current) {
				Some(next) => current = next,
				None => break,
			}
		}
		current
	}
}

/// How many successive recoveries of one participant [`ParticipantRegistry::current_account`]
/// follows.
pub const MAX_RECOVERY_HOPS: u32 = 8;

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

/// How far a pallet got in moving a recovered participant's state.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RecoveryProgress {
	/// Nothing of the lost account is left to move.
	Done,
	/// The weight allowed ran out first: call again with a fresh meter.
	Incomplete,
}

/// Told when a recovery moved a participant from `lost` to `new`, so a pallet can move the state
/// it keeps for the account (tokens moves balances, documents moves parties, for example).
///
/// A pallet's state for one account can be larger than a block: the hook moves it in steps,
/// taking each step's benchmarked weight from `meter` before the step, and says whether it
/// finished. The registry calls it again (`continue_recovery`) until every pallet is done.
pub trait OnParticipantRecovered<AccountId> {
	/// Move `lost`'s state to `new` as far as `meter` allows; each step first consumes its
	/// weight from `meter`, so the weight used is `meter.consumed()`.
	fn on_recovered(lost: &AccountId, new: &AccountId, meter: &mut WeightMeter)
		-> RecoveryProgress;
	/// The weight of the largest single step: any meter allowing it lets the hook progress.
	fn max_step() -> Weight;
}

/// Members run in order; a member runs once every member before it is done.
#[impl_trait_for_tuples::impl_for_tuples(8)]
impl<AccountId> OnParticipantRecovered<AccountId> for Tuple {
	fn on_recovered(
		lost: &AccountId,
		new: &AccountId,
		meter: &mut WeightMeter,
	) -> RecoveryProgress {
		for_tuples!( #(
			if Tuple::on_recovered(lost, new, meter) == RecoveryProgress::Incomplete {
				return RecoveryProgress::Incomplete;
			}
		)* );
		RecoveryProgress::Done
	}
	fn max_step() -> Weight {
		let mut max = Weight::zero();
		for_tuples!( #( max = max.max(Tuple::max_step()); )* );
		max
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// Moves `N` items of weight 10 each; counts what is left in a cell of its own.
	struct Hook<const N: u32, const ID: u8>;
	std::thread_local! {
		static LEFT: core::cell::RefCell<[u32; 2]> = const { core::cell::RefCell::new([0; 2]) };
	}
	impl<const N: u32, const ID: u8> OnParticipantRecovered<u64> for Hook<N, ID> {
		fn on_recovered(_: &u64, _: &u64, meter: &mut WeightMeter) -> RecoveryProgress {
			LEFT.with(|left| {
				let left = &mut left.borrow_mut()[usize::from(ID)];
				while *left > 0 {
					if meter.try_consume(Weight::from_parts(10, 0)).is_err() {
						return RecoveryProgress::Incomplete;
					}
					*left -= 1;
				}
				RecoveryProgress::Done
			})
		}
		fn max_step() -> Weight {
			Weight::from_parts(10 * u64::from(ID + 1), u64::from(N))
		}
	}

	#[test]
	fn a_tuple_runs_its_members_in_order_and_stops_at_the_first_unfinished() {
		type Both = (Hook<3, 0>, Hook<2, 1>);
		LEFT.with(|left| *left.borrow_mut() = [3, 2]);
		let mut meter = WeightMeter::with_limit(Weight::from_parts(40, 0));
		assert_eq!(Both::on_recovered(&1, &2, &mut meter), RecoveryProgress::Incomplete);
		// The first finished (30), the second took one step (10) of its two.
		assert_eq!(LEFT.with(|left| *left.borrow()), [0, 1]);
		assert_eq!(meter.consumed(), Weight::from_parts(40, 0));
		let mut meter = WeightMeter::with_limit(Weight::from_parts(40, 0));
		assert_eq!(Both::on_recovered(&1, &2, &mut meter), RecoveryProgress::Done);
		assert_eq!(meter.consumed(), Weight::from_parts(10, 0));
		// The largest step of each dimension.
		assert_eq!(Both::max_step(), Weight::from_parts(20, 3));
	}
}
