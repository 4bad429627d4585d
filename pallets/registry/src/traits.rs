//! What the registry offers other pallets: a read interface, reference counting, role origins and
//! a hook that tells them when a participant moved to a new account.

use crate::{Config, Pallet, Role, Standing};
use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_support::{
	pallet_prelude::{DispatchResult, Get},
	traits::EnsureOrigin,
	weights::Weight,
};
use frame_system::RawOrigin;

/// The registry as other pallets see it. Pallets take it as a `Config` type
/// (`type Registry: ParticipantRegistry<Self::AccountId>`), so their tests can mock it.
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
}

/// Told when a recovery moved a participant from `lost` to `new`, so a pallet can move the state
/// it keeps for the account (tokens moves balances, for example).
pub trait OnParticipantRecovered<AccountId> {
	/// Move the state; returns the weight used, at most [`Self::max_weight`].
	fn on_recovered(lost: &AccountId, new: &AccountId) -> Weight;
	/// The most [`Self::on_recovered`] can use; charged up front by `finish_recovery`.
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

/// An origin check that passes for a signed, registered, unbanned account holding the role `R`,
/// and yields that account. Other pallets use it in their `Config`, for example
/// `type IssuanceOrigin = EnsureRole<Runtime, roles::IssuanceAdmin>;`.
pub struct EnsureRole<T, R>(PhantomData<(T, R)>);

impl<T: Config, R: Get<Role>> EnsureOrigin<T::RuntimeOrigin> for EnsureRole<T, R> {
	type Success = T::AccountId;

	fn try_origin(o: T::RuntimeOrigin) -> Result<Self::Success, T::RuntimeOrigin> {
		let raw: Result<RawOrigin<T::AccountId>, T::RuntimeOrigin> = o.clone().into();
		match raw {
			Ok(RawOrigin::Signed(who)) if Pallet::<T>::holds_role(&who, R::get()) => Ok(who),
			_ => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
		let who: T::AccountId = frame_benchmarking::account("role-holder", R::get() as u32, 0);
		<Pallet<T> as ParticipantRegistry<T::AccountId>>::register_for_benchmarks(
			&who,
			1,
			&[R::get()],
		);
		Ok(RawOrigin::Signed(who).into())
	}
}

/// `Get<Role>` for each role, to name it in [`EnsureRole`].
pub mod roles {
	use super::{Get, Role};

	macro_rules! role_getters {
		($($name:ident),* $(,)?) => {$(
			#[doc = concat!("The `", stringify!($name), "` role.")]
			pub struct $name;
			impl Get<Role> for $name {
				fn get() -> Role {
					Role::$name
				}
			}
		)*};
	}

	role_getters!(
		SuperAdmin,
		KycAdmin,
		FeesAdmin,
		LimitsAdmin,
		IssuanceAdmin,
		TradeAdmin,
		SecurityAdmin,
		Issuer,
		Auditor,
	);
}
