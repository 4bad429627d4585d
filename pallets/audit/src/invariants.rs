//! `try_state`: every hold of this pallet equals the stakes and deposits its records name (on the
//! account a recovery moved them to, if any); every bonded auditor owns its draw key and no one
//! else does; every task waits in its own kind's queue, on a page its block counts. And
//! `integrity_test`: the configuration's constants fit together.

use crate::{pallet::*, recovery::HOLD_REASONS, Phase};
use alloc::collections::btree_map::BTreeMap;
use frame_support::traits::{fungible::InspectHold, Get};
use sp_runtime::{
	traits::{Saturating, Zero},
	Percent, TryRuntimeError,
};

type Totals<T> = BTreeMap<(<T as frame_system::Config>::AccountId, u8), BalanceOf<T>>;

fn add<T: Config>(
	totals: &mut Totals<T>,
	who: &T::AccountId,
	reason: HoldReason,
	amount: BalanceOf<T>,
) {
	let index = HOLD_REASONS.iter().position(|r| *r == reason).unwrap_or_default() as u8;
	// Held where recoveries moved the account on record.
	let holder = Pallet::<T>::holder(who);
	totals.entry((holder, index)).or_default().saturating_accrue(amount);
}

impl<T: Config> Pallet<T> {
	/// Panics unless the configuration holds together (the pallet's `integrity_test`): odd panel
	/// sizes, appeal panels larger and within `MaxPanel`, windows that fit in an epoch.
	pub(crate) fn do_integrity_test() {
		let odd = |n: u32| n % 2 == 1;
		assert!(odd(T::PanelSize::get()), "PanelSize must be odd");
		assert!(odd(T::AppealPanelSize::get()), "AppealPanelSize must be odd");
		assert!(T::AppealPanelSize::get() > T::PanelSize::get(), "appeal panels are larger");
		assert!(T::MaxPanel::get() >= T::AppealPanelSize::get(), "MaxPanel too small");
		assert!(T::Oversampling::get() >= 1, "Oversampling must be at least 1");
		assert!(T::MaxTasksPerBlock::get() >= 1, "MaxTasksPerBlock must be at least 1");
		assert!(!T::CommitPeriod::get().is_zero(), "CommitPeriod must not be zero");
		assert!(!T::RevealPeriod::get().is_zero(), "RevealPeriod must not be zero");
		assert!(
			T::CommitPeriod::get() + T::RevealPeriod::get() < T::EpochLength::get(),
			"commit and reveal windows must fit in an epoch"
		);
		assert!(
			T::ImmediateShare::get() < Percent::from_percent(100),
			"some of a fee must be held"
		);
	}

	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut totals = Totals::<T>::new();
		let mut open_seats = BTreeMap::<T::AccountId, u32>::new();
		for (who, auditor) in Auditors::<T>::iter() {
			add::<T>(&mut totals, &who, HoldReason::AuditorStake, auditor.stake);
		}
		for (who, amount) in PendingBurn::<T>::iter() {
			add::<T>(&mut totals, &who, HoldReason::Slashed, amount);
		}
		for (_, escrow) in Escrows::<T>::iter() {
			add::<T>(&mut totals, &escrow.recipient, HoldReason::Escrow, escrow.held);
		}
		for (_, case) in Cases::<T>::iter() {
			add::<T>(&mut totals, &case.requester, HoldReason::CaseStake, case.stake);
			let mut seats: alloc::vec::Vec<_> = case.panel.iter().collect();
			if let Some(objection) = &case.objection {
				add::<T>(&mut totals, &objection.objector, HoldReason::Objection, objection.stake);
				seats.extend(objection.first_panel.iter());
				if !matches!(case.phase, Phase::Voting { round: 1, .. }) {
					return Err("an objection outside an objection round".into());
				}
			}
			if case.panel.len()
				> Self::panel_size(match case.phase {
					Phase::Voting { round, .. } => round,
					Phase::Decided { .. } => 0,
				}) as usize
			{
				return Err("a panel larger than its size".into());
			}
			for seat in seats {
				add::<T>(&mut totals, &seat.auditor, HoldReason::PanelDeposit, seat.deposit);
				open_seats.entry(Self::holder(&seat.auditor)).or_default().saturating_inc();
			}
		}
		// Every seat on a panel is an open seat of a bonded auditor, and nothing else is.
		for (who, auditor) in Auditors::<T>::iter() {
			if open_seats.remove(&who).unwrap_or_default() != auditor.open_seats {
				return Err("an auditor's open seats differ from the panels".into());
			}
		}
		if !open_seats.is_empty() {
			return Err("a seat of an auditor that is not bonded".into());
		}
		for (who, auditor) in Auditors::<T>::iter() {
			if DrawKeys::<T>::get(auditor.vrf_key).as_ref() != Some(&who) {
				return Err("a bonded auditor does not own its draw key".into());
			}
		}
		if DrawKeys::<T>::iter().count() != Auditors::<T>::iter().count() {
			return Err("a draw key of no bonded auditor".into());
		}
		// Contract case records: an open one is an open case of its contract, each contract
		// counts its records, and none keeps more than allowed.
		let mut records = BTreeMap::<T::AccountId, u32>::new();
		for (id, record) in ContractCases::<T>::iter() {
			let open = record.state == pactum_primitives::CaseState::Open;
			let case = Cases::<T>::get(id);
			if open != case.is_some() ||
				case.is_some_and(|case| case.requester != record.contract)
			{
				return Err("a contract's case record disagrees with the case".into());
			}
			records.entry(record.contract).or_default().saturating_inc();
		}
		for (contract, count) in ContractCaseCount::<T>::iter() {
			if records.remove(&contract) != Some(count) || count > <T::MaxContractCases as frame_support::traits::Get<u32>>::get() {
				return Err("ContractCaseCount is wrong".into());
			}
		}
		if !records.is_empty() {
			return Err("a contract's case records are not counted".into());
		}
		for ((kind, block, page), tasks) in Agenda::<T>::iter() {
			if tasks.is_empty() || page >= AgendaPages::<T>::get(kind, block) {
				return Err("an agenda page its block does not count".into());
			}
			if tasks.iter().any(|task| task.kind() != kind) {
				return Err("a task in another kind's queue".into());
			}
		}
		// Every account any record names, with every reason: held must equal recorded.
		let accounts: alloc::collections::btree_set::BTreeSet<_> =
			totals.keys().map(|(who, _)| who.clone()).collect();
		for who in accounts {
			for (index, reason) in HOLD_REASONS.iter().enumerate() {
				let recorded = totals.get(&(who.clone(), index as u8)).copied().unwrap_or_default();
				let held = T::Currency::balance_on_hold(&reason.clone().into(), &who);
				if held != recorded {
					return Err("a hold of the audit pallet differs from its records".into());
				}
			}
		}
		Ok(())
	}
}
