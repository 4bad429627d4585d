//! What the runtime API hands out: a case's status and an auditor's obligations.

use crate::{pallet::*, AuditorView, CaseId, CaseView, Phase, Verdict};
use alloc::vec;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// The status of an open case: phase, deadlines, the draw's seed and threshold, seats taken
	/// and the votes revealed so far. `None` once the case is closed (its events tell the end).
	pub fn case_view(
		id: CaseId,
	) -> Option<CaseView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let case = Cases::<T>::get(id)?;
		let (deadlines, seed, threshold) = match case.phase {
			Phase::Voting { round, epoch } => (
				vec![Self::epoch_start(epoch), Self::reveal_start(epoch), Self::settle_at(epoch)],
				EpochSeed::<T>::get(epoch),
				Some(Self::draw_threshold(epoch, round)),
			),
			Phase::Decided { epoch, .. } => {
				(vec![Self::objection_closes(epoch)], None, None)
			}
		};
		let count = |vote| case.panel.iter().filter(|s| s.vote == Some(vote)).count() as u32;
		Some(CaseView {
			requester: case.requester.clone(),
			counterparty: case.counterparty.clone(),
			outcome: case.outcome,
			value_at_risk: case.value_at_risk,
			stake: case.stake,
			escrow: case.escrow,
			phase: case.phase,
			attempt: case.attempt,
			deadlines,
			seed,
			threshold,
			seats: case.panel.len() as u32,
			tally: (count(Verdict::Upheld), count(Verdict::Rejected)),
			objector: case.objection.as_ref().map(|o| o.objector.clone()),
		})
	}

	/// A bonded auditor's stake and obligations; `None` if not bonded.
	pub fn auditor_view(who: &T::AccountId) -> Option<AuditorView<BalanceOf<T>>> {
		let auditor = Auditors::<T>::get(who)?;
		let current = Self::current_epoch();
		Some(AuditorView {
			stake: auditor.stake,
			vrf_key: auditor.vrf_key,
			last_epoch: auditor.last_epoch,
			keep_bonded: auditor.keep_bonded,
			open_seats: auditor.open_seats,
			current: Signals::<T>::get(current, who),
			next: Signals::<T>::get(current.saturating_add(1), who),
			after_next: Signals::<T>::get(current.saturating_add(2), who),
			pending_burn: PendingBurn::<T>::get(who).unwrap_or_default(),
		})
	}
}
