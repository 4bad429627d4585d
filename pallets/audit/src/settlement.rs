//! Tallies and payouts: what the hook does when a reveal window or an objection window closes.

use crate::{pallet::*, Case, CaseId, Deadline, Phase, RewardPolicy, Seat, Verdict, WeightInfo};
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
		Defensive,
	},
};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn release_deposit(seat: &Seat<T>) {
		Self::release_held(HoldReason::PanelDeposit, &seat.auditor, seat.deposit);
	}

	/// Releases up to `amount` held on `who` (or where a recovery moved it) under `reason`;
	/// returns what was released.
	pub(crate) fn release_held(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> BalanceOf<T> {
		T::Currency::release(&reason.into(), &Self::holder(who), amount, Precision::BestEffort)
			.defensive_unwrap_or_default()
	}

	/// Pays `amount` held on `from` under `reason` to `to`, free (each where recoveries moved it).
	fn pay_held(
		case: CaseId,
		reason: HoldReason,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) {
		if amount.is_zero() {
			return;
		}
		let (from, to) = (Self::holder(from), Self::holder(to));
		let paid = T::Currency::transfer_on_hold(
			&reason.into(),
			&from,
			&to,
			amount,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Polite,
		)
		.defensive_unwrap_or_default();
		Self::deposit_event(Event::Paid { case, from, to, amount: paid });
	}

	/// Shares `amount` held on `from` under `reason` equally among `to`, the rounding remainder
	/// to the first; released back to `from` when there is no one to share with.
	fn share_held(
		case: CaseId,
		reason: HoldReason,
		from: &T::AccountId,
		amount: BalanceOf<T>,
		to: &[T::AccountId],
	) {
		let Ok(count) = u32::try_from(to.len()) else { return };
		if count == 0 {
			Self::release_held(reason, from, amount);
			return;
		}
		let part = amount / BalanceOf::<T>::from(count);
		let rest = amount.saturating_sub(part.saturating_mul(BalanceOf::<T>::from(count)));
		for (i, dest) in to.iter().enumerate() {
			let pay = if i == 0 { part.saturating_add(rest) } else { part };
			Self::pay_held(case, reason.clone(), from, dest, pay);
		}
	}

	/// Splits revealed seats into those that voted `verdict` and the others.
	fn split(seats: Vec<Seat<T>>, verdict: Verdict) -> (Vec<Seat<T>>, Vec<Seat<T>>) {
		seats.into_iter().partition(|seat| seat.vote == Some(verdict))
	}

	fn accounts(seats: &[Seat<T>]) -> Vec<T::AccountId> {
		seats.iter().map(|seat| seat.auditor.clone()).collect()
	}

	/// The minority's deposits go in equal parts to the majority; the majority's are released.
	fn pay_panel(case: CaseId, majority: &[Seat<T>], minority: &[Seat<T>]) {
		let winners = Self::accounts(majority);
		for seat in minority {
			Self::share_held(case, HoldReason::PanelDeposit, &seat.auditor, seat.deposit, &winners);
			Self::seat_closed(&seat.auditor);
		}
		for seat in majority {
			Self::release_deposit(seat);
			Self::seat_closed(&seat.auditor);
		}
	}

	/// The weight of settling `seats` seats: paying every one out or slashing every one.
	fn settle_weight(seats: u32) -> Weight {
		T::WeightInfo::settle(seats).max(T::WeightInfo::settle_slash(seats))
	}

	/// The fewest revealed votes that decide a round: half its panel size, rounded up.
	pub(crate) fn quorum(round: u8) -> usize {
		(Self::panel_size(round) as usize).div_ceil(2)
	}

	/// Hook task: the reveal window of the case's current round closed. Non-revealers are
	/// slashed; a round short of its quorum, or tied, re-runs; a first-round verdict waits for
	/// objections; an objection round's verdict is final. Returns the weight used.
	pub(crate) fn settle(id: CaseId) -> Weight {
		let Some(mut case) = Cases::<T>::get(id) else { return Self::settle_weight(0) };
		let Phase::Voting { round, epoch } = case.phase else { return Self::settle_weight(0) };
		if frame_system::Pallet::<T>::block_number() < Self::settle_at(epoch) {
			// Early only when the calendar changed since it was scheduled: back to its block.
			let _ = Self::schedule(Self::settle_at(epoch), Deadline::Settle(id)).defensive();
			return Self::settle_weight(0);
		}
		let panel = core::mem::take(&mut case.panel);
		let seats = u32::try_from(panel.len()).unwrap_or(u32::MAX);
		let seated = Self::seated(panel.len());
		let sat: Vec<T::AccountId> = panel.iter().take(seated).map(|s| s.auditor.clone()).collect();
		let mut revealed = Vec::new();
		for (index, seat) in panel.into_iter().enumerate() {
			if index >= seated {
				Self::unseat(id, epoch, seat);
			} else if seat.vote.is_none() {
				Self::slash(id, &seat.auditor, seat.deposit);
			} else {
				revealed.push(seat);
			}
		}
		let upheld = revealed.iter().filter(|s| s.vote == Some(Verdict::Upheld)).count();
		let rejected = revealed.len().saturating_sub(upheld);
		let quorum = Self::quorum(round);
		let short = revealed.len() < quorum;
		if short {
			Self::deposit_event(Event::QuorumMissed {
				case: id,
				round,
				revealed: revealed.len() as u32,
				quorum: quorum as u32,
			});
		}
		if short || upheld == rejected {
			for seat in &revealed {
				Self::release_deposit(seat);
				Self::seat_closed(&seat.auditor);
			}
			Self::rerun(id, case, round, sat);
			return Self::settle_weight(seats);
		}
		let verdict = if upheld > rejected { Verdict::Upheld } else { Verdict::Rejected };
		Self::deposit_event(Event::Decided {
			case: id,
			round,
			verdict,
			upheld: upheld as u32,
			rejected: rejected as u32,
		});
		if round > 0 {
			Self::close_objection(id, case, revealed, verdict);
			return Self::settle_weight(seats);
		}
		let now_epoch = Self::current_epoch();
		// `revealed` holds at most the panel's seats.
		case.panel = BoundedVec::truncate_from(revealed);
		case.phase = Phase::Decided { verdict, epoch: now_epoch };
		Cases::<T>::insert(id, case);
		// Scheduling only fails when a block holds 2^32 pages of tasks.
		let _ = Self::schedule(Self::objection_closes(now_epoch), Deadline::Finalize(id))
			.defensive();
		Self::settle_weight(seats)
	}

	/// A round without a decision runs again in the next draw epoch, without the auditors who
	/// sat on it; after `MaxReruns` re-runs (or when no more can be excluded) the case closes
	/// undecided.
	fn rerun(id: CaseId, mut case: Case<T>, round: u8, sat: Vec<T::AccountId>) {
		let excluded = sat.into_iter().try_for_each(|who| {
			if case.excluded.contains(&who) {
				Ok(())
			} else {
				case.excluded.try_push(who).map_err(|_| ())
			}
		});
		let attempt = case.attempt.saturating_add(1);
		let epoch = Self::draw_epoch();
		if excluded.is_err()
			|| case.attempt >= T::MaxReruns::get()
			|| Self::schedule(Self::settle_at(epoch), Deadline::Settle(id)).is_err()
		{
			Self::close_undecided(id, case);
			return;
		}
		case.attempt = attempt;
		case.phase = Phase::Voting { round, epoch };
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::Rerun { case: id, round, attempt, epoch });
	}

	/// Ends a round no panel could decide. A first round: every stake and deposit goes back. An
	/// objection round: the objection lapses (its stake goes back) and the first panel's verdict
	/// stands, paid out as if nobody had objected, so that an objection nobody decides is no
	/// veto.
	fn close_undecided(id: CaseId, mut case: Case<T>) {
		if let Some(objection) = case.objection.take() {
			Self::release_held(HoldReason::Objection, &objection.objector, objection.stake);
			Self::deposit_event(Event::ObjectionLapsed { case: id, objector: objection.objector });
			let first_panel = objection.first_panel.into_inner();
			Self::first_verdict_final(id, case, first_panel, objection.first_verdict);
			return;
		}
		Self::release_held(HoldReason::CaseStake, &case.requester, case.stake);
		if let Some(escrow) = case.escrow {
			Self::dispute_ended(escrow, None);
		}
		Cases::<T>::remove(id);
		Self::contract_case_closed(id, None);
		Self::deposit_event(Event::Closed { case: id, verdict: None });
	}

	/// Hook task: the objection window of a first-round decision closed without objection.
	pub(crate) fn finalize(id: CaseId) -> Weight {
		let Some(mut case) = Cases::<T>::get(id) else { return T::WeightInfo::finalize(0) };
		let Phase::Decided { verdict, epoch } = case.phase else {
			return T::WeightInfo::finalize(0);
		};
		if frame_system::Pallet::<T>::block_number() < Self::objection_closes(epoch) {
			// Early only when the calendar changed since it was scheduled: back to its block.
			let _ = Self::schedule(Self::objection_closes(epoch), Deadline::Finalize(id))
				.defensive();
			return T::WeightInfo::finalize(0);
		}
		let panel = core::mem::take(&mut case.panel).into_inner();
		let seats = u32::try_from(panel.len()).unwrap_or(u32::MAX);
		Self::first_verdict_final(id, case, panel, verdict);
		T::WeightInfo::finalize(seats)
	}

	/// The first panel's `verdict` is final (no objection, or one that lapsed): its minority
	/// pays its majority, then the verdict is applied.
	fn first_verdict_final(id: CaseId, case: Case<T>, panel: Vec<Seat<T>>, verdict: Verdict) {
		let (majority, minority) = Self::split(panel, verdict);
		Self::pay_panel(id, &majority, &minority);
		Self::apply_verdict(id, case, verdict, &Self::accounts(&majority));
	}

	/// The objection panel decided: settles both panels and the objection, then the case.
	fn close_objection(id: CaseId, mut case: Case<T>, revealed: Vec<Seat<T>>, verdict: Verdict) {
		let (majority, minority) = Self::split(revealed, verdict);
		let winners = Self::accounts(&majority);
		Self::pay_panel(id, &majority, &minority);
		if let Some(objection) = case.objection.take() {
			let first = objection.first_panel.into_inner();
			let (confirmed, contradicted) = Self::split(first, objection.first_verdict);
			if verdict == objection.first_verdict {
				// Rejected: the objection stake goes to the auditors who made the decision.
				let first_winners = Self::accounts(&confirmed);
				Self::share_held(
					id,
					HoldReason::Objection,
					&objection.objector,
					objection.stake,
					&first_winners,
				);
				Self::pay_panel(id, &confirmed, &contradicted);
			} else {
				// Upheld: the objector is refunded and rewarded; the first majority loses its
				// deposits to the second panel's majority.
				Self::release_held(HoldReason::Objection, &objection.objector, objection.stake);
				for seat in &confirmed {
					let reward = T::ObjectionReward::get() * seat.deposit;
					Self::pay_held(
						id,
						HoldReason::PanelDeposit,
						&seat.auditor,
						&objection.objector,
						reward,
					);
					let rest = seat.deposit.saturating_sub(reward);
					Self::share_held(id, HoldReason::PanelDeposit, &seat.auditor, rest, &winners);
					Self::seat_closed(&seat.auditor);
				}
				for seat in &contradicted {
					Self::release_deposit(seat);
					Self::seat_closed(&seat.auditor);
				}
			}
		}
		Self::apply_verdict(id, case, verdict, &winners);
	}

	/// A final verdict: the requester's stake, the rewards, the escrow; the case is closed.
	fn apply_verdict(id: CaseId, case: Case<T>, verdict: Verdict, winners: &[T::AccountId]) {
		let policy = T::Rewards::get();
		match (verdict, policy) {
			(Verdict::Upheld, RewardPolicy::PartyFees) => {
				let fee = T::ValidationFee::get() * case.stake;
				Self::share_held(id, HoldReason::CaseStake, &case.requester, fee, winners);
				Self::release_held(
					HoldReason::CaseStake,
					&case.requester,
					case.stake.saturating_sub(fee),
				);
			}
			(Verdict::Upheld, RewardPolicy::Minted { .. }) => {
				Self::release_held(HoldReason::CaseStake, &case.requester, case.stake);
			}
			(Verdict::Rejected, _) => {
				Self::share_held(id, HoldReason::CaseStake, &case.requester, case.stake, winners);
			}
		}
		if let RewardPolicy::Minted { per_seat } = policy {
			for auditor in winners.iter().map(Self::holder) {
				if T::Currency::mint_into(&auditor, per_seat).defensive().is_ok() {
					Minted::<T>::mutate(|total| total.saturating_accrue(per_seat));
					Self::deposit_event(Event::RewardMinted { case: id, auditor, amount: per_seat });
				}
			}
		}
		if let Some(escrow) = case.escrow {
			Self::dispute_ended(escrow, Some(Self::against_provider(&case, escrow, verdict)));
		}
		Cases::<T>::remove(id);
		Self::contract_case_closed(id, Some(verdict));
		Self::deposit_event(Event::Closed { case: id, verdict: Some(verdict) });
	}
}
