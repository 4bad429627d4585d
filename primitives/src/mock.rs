//! Test doubles (feature `test-utils`), so a pallet's unit tests build only that pallet.
//!
//! [`MockRegistry`] keeps its participants in the test externalities' storage (under keys of its
//! own), so each test starts empty, a failed call's changes roll back with the call's, and
//! `assert_noop!` sees any change it makes. Tests set participants up with its associated
//! functions (`admit`, `ban`, `set_org_code`, …); pallets see it through
//! [`ParticipantRegistry`].

use crate::{AccountKind, ParticipantRegistry, Role, RoleSet, Standing};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::{pallet_prelude::DispatchResult, storage::unhashed};
use sp_runtime::DispatchError;

const PARTICIPANT: &[u8] = b":pactum-mock-registry:participant:";
const BAN: &[u8] = b":pactum-mock-registry:ban:";

#[derive(Clone, Encode, Decode)]
struct Record {
	kind: AccountKind,
	kyc_level: u8,
	roles: RoleSet,
	org_code: Option<Vec<u8>>,
	references: u32,
}

fn key<A: Encode>(prefix: &[u8], who: &A) -> Vec<u8> {
	let mut key = prefix.to_vec();
	who.encode_to(&mut key);
	key
}

fn record<A: Encode>(who: &A) -> Option<Record> {
	unhashed::get(&key(PARTICIPANT, who))
}

fn update<A: Encode>(who: &A, f: impl FnOnce(&mut Record)) {
	if let Some(mut r) = record(who) {
		f(&mut r);
		unhashed::put(&key(PARTICIPANT, who), &r);
	}
}

/// A registry double: participants, roles, bans, organisation codes and reference counts.
pub struct MockRegistry;

impl MockRegistry {
	/// Makes `who` a participant (or updates it): `Verified` at `kyc_level`, or `Unverified` for
	/// 0, holding `roles` besides any it held.
	pub fn admit<A: Encode>(who: &A, kyc_level: u8, roles: &[Role]) {
		let mut r = record(who).unwrap_or(Record {
			kind: AccountKind::Unverified,
			kyc_level: 0,
			roles: RoleSet::default(),
			org_code: None,
			references: 0,
		});
		r.kyc_level = kyc_level;
		r.kind = if kyc_level > 0 { AccountKind::Verified } else { AccountKind::Unverified };
		for role in roles {
			r.roles.insert(*role);
		}
		unhashed::put(&key(PARTICIPANT, who), &r);
	}
	/// Sets a participant's kind.
	pub fn set_kind<A: Encode>(who: &A, kind: AccountKind) {
		update(who, |r| r.kind = kind);
	}
	/// Sets a participant's KYC level in force (0: expired or never verified).
	pub fn set_kyc_level<A: Encode>(who: &A, level: u8) {
		update(who, |r| r.kyc_level = level);
	}
	/// Takes `role` from a participant.
	pub fn revoke<A: Encode>(who: &A, role: Role) {
		update(who, |r| r.roles.remove(role));
	}
	/// Gives a participant the organisation code `code`.
	pub fn set_org_code<A: Encode>(who: &A, code: &[u8]) {
		update(who, |r| r.org_code = Some(code.to_vec()));
	}
	/// Takes a participant's organisation code away.
	pub fn clear_org_code<A: Encode>(who: &A) {
		update(who, |r| r.org_code = None);
	}
	/// Bans `who` (registered or not) until [`Self::unban`].
	pub fn ban<A: Encode>(who: &A) {
		unhashed::put(&key(BAN, who), &());
	}
	/// Lifts `who`'s ban.
	pub fn unban<A: Encode>(who: &A) {
		unhashed::kill(&key(BAN, who));
	}
	/// Removes the participant, as if it had left.
	pub fn remove<A: Encode>(who: &A) {
		unhashed::kill(&key(PARTICIPANT, who));
	}
	/// How many references other records hold on `who` (0 if not a participant).
	pub fn references<A: Encode>(who: &A) -> u32 {
		record(who).map_or(0, |r| r.references)
	}
}

impl<A: Encode> ParticipantRegistry<A> for MockRegistry {
	fn standing(who: &A) -> Option<Standing> {
		let r = record(who)?;
		Some(Standing {
			kind: r.kind,
			kyc_level: r.kyc_level,
			roles: r.roles,
			banned: Self::is_banned(who),
		})
	}
	fn is_banned(who: &A) -> bool {
		unhashed::exists(&key(BAN, who))
	}
	fn has_role(who: &A, role: Role) -> bool {
		record(who).is_some_and(|r| r.roles.contains(role)) && !Self::is_banned(who)
	}
	fn org_code(who: &A) -> Option<Vec<u8>> {
		record(who)?.org_code
	}
	fn add_reference(who: &A) -> DispatchResult {
		let mut r = record(who).ok_or(DispatchError::Other("not a participant"))?;
		r.references = r.references.checked_add(1).ok_or(DispatchError::Other("too many references"))?;
		unhashed::put(&key(PARTICIPANT, who), &r);
		Ok(())
	}
	fn remove_reference(who: &A) {
		update(who, |r| r.references = r.references.saturating_sub(1));
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmarks(who: &A, kyc_level: u8, roles: &[Role]) {
		Self::admit(who, kyc_level, roles);
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_org_code_for_benchmarks(who: &A, code: Vec<u8>) {
		Self::set_org_code(who, &code);
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_mock_registry_answers_as_the_registry_would() {
		sp_io::TestExternalities::default().execute_with(|| {
			let (alice, bob) = (1u64, 2u64);
			assert_eq!(<MockRegistry as ParticipantRegistry<u64>>::standing(&alice), None);
			MockRegistry::admit(&alice, 2, &[Role(7)]);
			let standing = <MockRegistry as ParticipantRegistry<u64>>::standing(&alice).unwrap();
			assert_eq!((standing.kind, standing.kyc_level), (AccountKind::Verified, 2));
			assert!(<MockRegistry as ParticipantRegistry<u64>>::has_role(&alice, Role(7)));
			assert!(!<MockRegistry as ParticipantRegistry<u64>>::has_role(&alice, Role(8)));
			MockRegistry::ban(&alice);
			assert!(!<MockRegistry as ParticipantRegistry<u64>>::has_role(&alice, Role(7)));
			assert_eq!(
				<MockRegistry as ParticipantRegistry<u64>>::ensure_active(&alice),
				Err(crate::Inactive::Banned)
			);
			assert_eq!(
				<MockRegistry as ParticipantRegistry<u64>>::ensure_active(&bob),
				Err(crate::Inactive::NotParticipant)
			);
			MockRegistry::unban(&alice);
			assert!(<MockRegistry as ParticipantRegistry<u64>>::add_reference(&alice).is_ok());
			assert!(<MockRegistry as ParticipantRegistry<u64>>::add_reference(&bob).is_err());
			assert_eq!(MockRegistry::references(&alice), 1);
			<MockRegistry as ParticipantRegistry<u64>>::remove_reference(&alice);
			assert_eq!(MockRegistry::references(&alice), 0);
		});
	}
}
