//! `try_state`: the registration hold of every participant is its recorded deposit, and the
//! counters and indexes (participant count, role holders, organisation codes, operator keys,
//! recoveries, recovered accounts and state still moving) agree with the records; every contract
//! participant has its record; every client is a participant without a deposit of its own; a
//! registrar holds at least a reference per contract and client it answers for; the sponsored
//! hold of every participant is the sum of its clients' deposits (none on lost accounts);
//! recovery depths stay within what records can follow (and lost accounts keep none).

use crate::{pallet::*, AccountKind, Role};
use alloc::collections::BTreeMap;
use frame_support::ensure;
use pactum_primitives::ParticipantRegistry;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// The registry's invariants: deposits held equal deposits recorded, and every index agrees
	/// with the records. Run by `try-runtime` and by the tests.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		let mut count = 0u32;
		let mut holders = [0u32; pactum_primitives::MAX_ROLES as usize];
		for (who, p) in Participants::<T>::iter() {
			count = count.saturating_add(1);
			let held = T::Currency::balance_on_hold(&HoldReason::Registration.into(), &who);
			ensure!(held == p.deposit, "registration hold differs from the recorded deposit");
			for role in p.roles.iter() {
				if let Some(n) = holders.get_mut(usize::from(role.0)) {
					*n = n.saturating_add(1);
				}
			}
			if let Some(code) = &p.org_code {
				ensure!(
					OrgCodes::<T>::get(code).as_ref() == Some(&who),
					"participant's org code is not indexed to it"
				);
			}
		}
		ensure!(count == ParticipantCount::<T>::get(), "ParticipantCount is wrong");
		for (number, counted) in (0..pactum_primitives::MAX_ROLES).zip(holders) {
			ensure!(counted == RoleHolders::<T>::get(Role(number)), "RoleHolders is wrong");
		}
		for (code, who) in OrgCodes::<T>::iter() {
			ensure!(
				Participants::<T>::get(&who).and_then(|p| p.org_code) == Some(code),
				"org code indexed to a participant that does not have it"
			);
		}
		for who in OperatorKeys::<T>::iter_keys() {
			ensure!(Participants::<T>::contains_key(&who), "operator key of a non-participant");
		}
		for lost in Recoveries::<T>::iter_keys() {
			ensure!(Participants::<T>::contains_key(&lost), "recovery of a non-participant");
		}
		for (new, lost) in Moving::<T>::iter() {
			ensure!(
				RecoveredTo::<T>::get(&lost).as_ref() == Some(&new),
				"state moving to an account the lost one was not recovered to"
			);
		}
		// References the registry itself takes: one per contract and per client a registrar
		// answers for (other pallets take theirs besides).
		let mut answered = BTreeMap::<T::AccountId, u32>::new();
		let mut sponsored = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (contract, record) in ContractRecords::<T>::iter() {
			ensure!(
				Participants::<T>::get(&contract).map(|p| p.kind) == Some(AccountKind::Contract),
				"contract record of an account that is no contract participant"
			);
			let n = answered.entry(Self::current_account(&record.registrar)).or_default();
			*n = n.saturating_add(1);
		}
		for (client, record) in Clients::<T>::iter() {
			ensure!(
				Participants::<T>::get(&client).is_some_and(|p| p.deposit.is_zero()),
				"a client is no participant, or holds a deposit of its own"
			);
			let registrar = Self::current_account(&record.registrar);
			let n = answered.entry(registrar.clone()).or_default();
			*n = n.saturating_add(1);
			let total = sponsored.entry(registrar).or_default();
			*total = total.saturating_add(record.deposit);
		}
		for (registrar, n) in answered {
			ensure!(
				Participants::<T>::get(&registrar).is_some_and(|p| p.references >= n),
				"a registrar is no participant holding a reference per contract and client"
			);
		}
		let sponsored_hold = |who: &T::AccountId| {
			T::Currency::balance_on_hold(&HoldReason::SponsoredRegistration.into(), who)
		};
		for (who, p) in Participants::<T>::iter() {
			ensure!(
				(p.kind == AccountKind::Contract) == ContractRecords::<T>::contains_key(&who),
				"a contract participant without its record"
			);
			ensure!(
				sponsored_hold(&who) == sponsored.get(&who).copied().unwrap_or_default(),
				"a participant's sponsored hold differs from its clients' deposits"
			);
		}
		for depth in RecoveryDepth::<T>::iter_values() {
			ensure!(
				(1..=pactum_primitives::MAX_RECOVERY_HOPS).contains(&depth),
				"recovery depth out of range"
			);
		}
		for lost in RecoveredTo::<T>::iter_keys() {
			ensure!(!Participants::<T>::contains_key(&lost), "a lost account is a participant");
			ensure!(sponsored_hold(&lost).is_zero(), "a lost account keeps a sponsored hold");
			ensure!(!RecoveryDepth::<T>::contains_key(&lost), "a lost account keeps a depth");
		}
		Ok(())
	}
}
