//! What the runtime API hands out: a participant's view and the names of the roles it holds.

use crate::{pallet::*, AccountKind, ParticipantView, RoleSet};
use pactum_primitives::ParticipantRegistry;
use alloc::{string::String, vec::Vec};
use pactum_primitives::RoleCatalog;

impl<T: Config> Pallet<T> {
	/// The names of the roles `who` holds (whether or not a ban suspends them); a number the
	/// catalog does not name shows as `Role<number>`.
	pub fn roles_of(who: &T::AccountId) -> Vec<String> {
		Participants::<T>::get(who).map(|p| Self::role_names(p.roles)).unwrap_or_default()
	}

	fn role_names(set: RoleSet) -> Vec<String> {
		let catalog = T::Roles::roles();
		set.iter()
			.map(|role| match catalog.iter().find(|info| info.role == role) {
				Some(info) => info.name.into(),
				None => alloc::format!("Role{}", role.0),
			})
			.collect()
	}

	/// Everything the registry records about `who`, as of the current block.
	pub fn participant_view(who: &T::AccountId) -> Option<ParticipantViewOf<T>> {
		let p = Participants::<T>::get(who)?;
		let now = frame_system::Pallet::<T>::block_number();
		let kyc_level = match p.kind {
			// A contract has its registrar's level (none once its code changed).
			AccountKind::Contract => Self::standing(who).map_or(0, |s| s.kyc_level),
			_ => Self::kyc_level_at(&p, &now),
		};
		Some(ParticipantView {
			kind: p.kind,
			kyc_level,
			roles: Self::role_names(p.roles),
			org_code: p.org_code.map(|code| String::from_utf8_lossy(&code).into_owned()),
			operator_key: OperatorKeys::<T>::get(who),
			ban: Bans::<T>::get(who).filter(|ban| ban.active_at(&now)),
			recovering_to: Recoveries::<T>::get(who).map(|r| r.new),
			kyc: p.kyc,
			company: p.company,
			deposit: p.deposit,
			references: p.references,
			registered_at: p.registered_at,
			contract: ContractRecords::<T>::get(who),
			client: Clients::<T>::get(who),
		})
	}
}
