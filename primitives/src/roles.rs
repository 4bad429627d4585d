//! The open role type. A role is a small number; the pallet that needs a role declares it next to
//! itself with [`declare_roles!`] (its number, name and meaning), the runtime lists every pallet's
//! roles once as the registry's [`RoleCatalog`], and the registry stores and checks roles without
//! knowing what they mean. Numbers are the storage format: once used, a number keeps its meaning.

use crate::participants::ParticipantRegistry;
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use scale_info::TypeInfo;
use sp_runtime::{Deserialize, Serialize};

/// How many roles a chain can have: a participant's roles are a 32-bit set.
pub const MAX_ROLES: u8 = 32;

/// A permission a participant can hold, by number (below [`MAX_ROLES`]).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
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
pub struct Role(pub u8);

impl Role {
	/// The role's bit in a [`RoleSet`]; `None` for a number at or above [`MAX_ROLES`].
	fn bit(self) -> Option<u32> {
		1u32.checked_shl(u32::from(self.0))
	}
}

/// A set of roles as a bit mask (bit `i` is role `i`).
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct RoleSet(pub u32);

impl RoleSet {
	pub fn contains(&self, role: Role) -> bool {
		role.bit().is_some_and(|bit| self.0 & bit != 0)
	}
	/// Adds `role`; `false` (and no change) for a number at or above [`MAX_ROLES`].
	pub fn insert(&mut self, role: Role) -> bool {
		let Some(bit) = role.bit() else { return false };
		self.0 |= bit;
		true
	}
	pub fn remove(&mut self, role: Role) {
		if let Some(bit) = role.bit() {
			self.0 &= !bit;
		}
	}
	pub fn is_empty(&self) -> bool {
		self.0 == 0
	}
	/// The roles in the set, in number order.
	pub fn iter(self) -> impl Iterator<Item = Role> {
		(0..MAX_ROLES).map(Role).filter(move |r| self.contains(*r))
	}
}

/// A role as the runtime knows it: its number and its name (what clients show).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct RoleInfo {
	pub role: Role,
	pub name: &'static str,
}

/// The roles a runtime knows, gathered from the pallets that declare them; the registry refuses
/// to grant any other. A tuple of catalogs is the catalog of all of them.
pub trait RoleCatalog {
	fn roles() -> Vec<RoleInfo>;

	/// The name of `role`, if the catalog has it.
	fn name_of(role: Role) -> Option<&'static str> {
		Self::roles().into_iter().find(|info| info.role == role).map(|info| info.name)
	}
	/// Whether the catalog has `role`.
	fn knows(role: Role) -> bool {
		Self::name_of(role).is_some()
	}
}

#[impl_trait_for_tuples::impl_for_tuples(8)]
impl RoleCatalog for Tuple {
	fn roles() -> Vec<RoleInfo> {
		let mut all = Vec::new();
		for_tuples!( #( all.extend(Tuple::roles()); )* );
		all
	}
}

/// Declares a pallet's roles: for each, a type that is `Get<Role>` (to name it in
/// [`EnsureRole`] or a `Config`) with a `ROLE` constant, and `All`, the pallet's
/// [`RoleCatalog`].
///
/// ```
/// pactum_primitives::declare_roles! {
/// 	/// Sets transfer fees.
/// 	FeesAdmin = 2,
/// }
/// assert_eq!(FeesAdmin::ROLE, pactum_primitives::Role(2));
/// ```
#[macro_export]
macro_rules! declare_roles {
	($( $(#[doc = $doc:literal])* $name:ident = $id:literal ),* $(,)?) => {
		$(
			$(#[doc = $doc])*
			pub struct $name;
			impl $name {
				/// The role's number.
				pub const ROLE: $crate::Role = $crate::Role($id);
			}
			impl $crate::__Get<$crate::Role> for $name {
				fn get() -> $crate::Role {
					Self::ROLE
				}
			}
		)*
		/// Every role this pallet declares.
		pub struct All;
		impl $crate::RoleCatalog for All {
			fn roles() -> $crate::__Vec<$crate::RoleInfo> {
				$crate::__vec![$( $crate::RoleInfo { role: $name::ROLE, name: stringify!($name) } ),*]
			}
		}
	};
}

/// An origin check that passes for a signed, registered, unbanned account holding the role `R`
/// and yields that account, for example
/// `type IssuanceOrigin = EnsureRole<Registry, pallet_tokens::roles::IssuanceAdmin, AccountId>;`.
pub struct EnsureRole<Registry, R, AccountId>(PhantomData<(Registry, R, AccountId)>);

impl<O, Registry, R, AccountId> EnsureOrigin<O> for EnsureRole<Registry, R, AccountId>
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>> + Clone,
	Registry: ParticipantRegistry<AccountId>,
	R: Get<Role>,
	AccountId: Decode,
{
	type Success = AccountId;

	fn try_origin(o: O) -> Result<Self::Success, O> {
		match o.clone().into() {
			Ok(RawOrigin::Signed(who)) if Registry::has_role(&who, R::get()) => Ok(who),
			_ => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		let who: AccountId = frame_benchmarking::account("role-holder", u32::from(R::get().0), 0);
		Registry::register_for_benchmarks(&who, 1, &[R::get()]);
		Ok(RawOrigin::Signed(who).into())
	}
}
