//! Cases: opening, seats and commitments, reveals, objections.

use crate::{
	pallet::*, sortition, Case, CaseId, Deadline, EpochIndex, Objection, Phase, Seat, Ticket,
	Verdict,
};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::fungible::MutateHold, BoundedVec};
use crate::roles::Auditor as AuditorRole;
use pactum_primitives::{Inactive, ParticipantRegistry};
use sp_core::H256;
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// Seats of a panel in `round`.
	pub(crate) fn panel_size(round: u8) -> u32 {
		if round == 0 {
			T::PanelSize::get()
		} else {
			T::AppealPanelSize::get()
		}
	}

	/// The qualification threshold of a draw in `round` among the auditors signalled for `epoch`.
	pub fn draw_threshold(epoch: EpochIndex, round: u8) -> u128 {
		let target = Self::panel_size(round).saturating_mul(T::Oversampling::get());
		sortition::threshold(SignalCount::<T>::get(epoch), target)
	}

	/// How many of `seats` seats count: an odd number, the highest output cut if even.
	pub(crate) fn seated(seats: usize) -> usize {
		if seats % 2 == 0 {
			seats.saturating_sub(1)
		} else {
			seats
		}
	}

	/// The organisation an account belongs to: its organisation code up to the first `.`
	/// (codes are unique per account, so units of one organisation are `ACME`, `ACME.audit`...).
	fn organisation(who: &T::AccountId) -> Option<Vec<u8>> {
		let code = T::Registry::org_code(who)?;
		Some(code.split(|c| *c == b'.').next().unwrap_or_default().to_vec())
	}

	/// Whether `who` may not sit on case `id`: a party (a contract's claimant included), of a
	/// party's organisation, or on an earlier panel.
	fn is_excluded(id: CaseId, case: &Case<T>, who: &T::AccountId) -> bool {
		let claimant = Self::claimant(id);
		let parties = [Some(&case.requester), Some(&case.counterparty), claimant.as_ref()];
		let named = |recorded: &T::AccountId| Self::is_recorded(recorded, who);
		if parties.iter().flatten().any(|party| named(party)) || case.excluded.iter().any(named) {
			return true;
		}
		match Self::organisation(who) {
			Some(org) => parties
				.into_iter()
				.flatten()
				.any(|party| Self::organisation(&Self::holder(party)).as_ref() == Some(&org)),
			None => false,
		}
	}

	pub(crate) fn do_open_case(
		who: T::AccountId,
		counterparty: T::AccountId,
		outcome: H256,
		value_at_risk: BalanceOf<T>,
		escrow: Option<crate::EscrowId>,
	) -> Result<CaseId, DispatchError> {
		T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
		ensure!(who != counterparty, Error::<T>::SameParty);
		T::Registry::ensure_active(&counterparty).map_err(|inactive| match inactive {
			Inactive::NotParticipant => Error::<T>::CounterpartyNotParticipant,
			Inactive::Banned => Error::<T>::CounterpartyBanned,
		})?;
		if let Some(id) = escrow {
			Self::add_dispute(id, &who, &counterparty, value_at_risk)?;
		}
		let stake = (T::CaseStakeRatio::get() * value_at_risk).max(T::MinCaseStake::get());
		let id = NextCase::<T>::get();
		NextCase::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let draw_epoch = Self::draw_epoch();
		Self::schedule(Self::settle_at(draw_epoch), Deadline::Settle(id))?;
		T::Currency::hold(&HoldReason::CaseStake.into(), &who, stake)?;
		let case = Case {
			requester: who.clone(),
			counterparty: counterparty.clone(),
			outcome,
			value_at_risk,
			stake,
			escrow,
			phase: Phase::Voting { round: 0, epoch: draw_epoch },
			attempt: 0,
			panel: BoundedVec::new(),
			excluded: BoundedVec::new(),
			objection: None,
			opened_at: frame_system::Pallet::<T>::block_number(),
		};
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::CaseOpened {
			case: id,
			requester: who,
			counterparty,
			outcome,
			value_at_risk,
			stake,
			escrow,
			draw_epoch,
		});
		Ok(id)
	}

	pub(crate) fn do_commit(
		who: T::AccountId,
		id: CaseId,
		ticket: Ticket,
		commitment: H256,
	) -> DispatchResult {
		let mut case = Cases::<T>::get(id).ok_or(Error::<T>::UnknownCase)?;
		let Phase::Voting { round, epoch } = case.phase else {
			return Err(Error::<T>::NotCommitPhase.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			Self::current_epoch() == epoch && now < Self::reveal_start(epoch),
			Error::<T>::NotCommitPhase
		);
		ensure!(
			T::Registry::has_role(&who, AuditorRole::ROLE),
			Error::<T>::NotAuditor
		);
		let auditor = Auditors::<T>::get(&who).ok_or(Error::<T>::NotSignalled)?;
		let signal = Signals::<T>::get(epoch, &who).ok_or(Error::<T>::NotSignalled)?;
		ensure!(signal.seats < signal.capacity, Error::<T>::CapacityReached);
		ensure!(!Self::is_excluded(id, &case, &who), Error::<T>::Excluded);
		ensure!(
			!case.panel.iter().any(|seat| Self::is_recorded(&seat.auditor, &who)),
			Error::<T>::AlreadyCommitted
		);
		let seed = EpochSeed::<T>::get(epoch).ok_or(Error::<T>::NotCommitPhase)?;
		let output =
			sortition::verify(&auditor.vrf_key, &seed, id, round, case.attempt, &who, &ticket)
				.ok_or(Error::<T>::InvalidTicket)?;
		ensure!(
			sortition::qualifies(&output, Self::draw_threshold(epoch, round)),
			Error::<T>::NotDrawn
		);
		let position = case.panel.partition_point(|seat| seat.output < output);
		let size = Self::panel_size(round) as usize;
		ensure!(position < size, Error::<T>::PanelFull);
		let deposit = T::PanelDeposit::get();
		T::Currency::hold(&HoldReason::PanelDeposit.into(), &who, deposit)?;
		if case.panel.len() >= size {
			if let Some(evicted) = case.panel.pop() {
				Self::unseat(id, epoch, evicted);
			}
		}
		let seat = Seat { auditor: who.clone(), output, commitment, vote: None, deposit };
		case.panel.try_insert(position, seat).map_err(|_| Error::<T>::PanelFull)?;
		Cases::<T>::insert(id, case);
		Self::seat_taken(&who, epoch);
		Self::deposit_event(Event::Committed { case: id, round, auditor: who });
		Ok(())
	}

	/// Gives a seat up before its round is tallied, releasing its deposit.
	pub(crate) fn unseat(case: CaseId, epoch: EpochIndex, seat: Seat<T>) {
		Self::release_deposit(&seat);
		Self::seat_given_up(&seat.auditor, epoch);
		Self::deposit_event(Event::Unseated { case, auditor: seat.auditor });
	}

	pub(crate) fn do_reveal(
		who: T::AccountId,
		id: CaseId,
		vote: Verdict,
		salt: [u8; 32],
	) -> DispatchResult {
		let mut case = Cases::<T>::get(id).ok_or(Error::<T>::UnknownCase)?;
		let Phase::Voting { round, epoch } = case.phase else {
			return Err(Error::<T>::NotRevealPhase.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			now >= Self::reveal_start(epoch) && now < Self::settle_at(epoch),
			Error::<T>::NotRevealPhase
		);
		let seated = Self::seated(case.panel.len());
		let attempt = case.attempt;
		let seat = case
			.panel
			.iter_mut()
			.take(seated)
			.find(|seat| Self::is_recorded(&seat.auditor, &who))
			.ok_or(Error::<T>::NotSeated)?;
		ensure!(seat.vote.is_none(), Error::<T>::AlreadyRevealed);
		// Committed with the account that took the seat, which a recovery may have replaced.
		ensure!(
			sortition::commitment(id, round, attempt, &seat.auditor, vote, &salt) ==
				seat.commitment,
			Error::<T>::CommitmentMismatch
		);
		seat.vote = Some(vote);
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::Revealed { case: id, auditor: who, vote });
		Ok(())
	}

	pub(crate) fn do_object(who: T::AccountId, id: CaseId, stake: BalanceOf<T>) -> DispatchResult {
		let mut case = Cases::<T>::get(id).ok_or(Error::<T>::UnknownCase)?;
		let Phase::Decided { verdict, epoch } = case.phase else {
			return Err(Error::<T>::NotDecided.into());
		};
		let claimant = Self::claimant(id);
		ensure!(
			Self::is_recorded(&case.requester, &who) ||
				Self::is_recorded(&case.counterparty, &who) ||
				claimant.is_some_and(|claimant| Self::is_recorded(&claimant, &who)),
			Error::<T>::NotParty
		);
		ensure!(Self::current_epoch() <= epoch.saturating_add(1), Error::<T>::ObjectionClosed);
		ensure!(
			stake >= T::MinObjectionStake::get().max(case.stake) && !stake.is_zero(),
			Error::<T>::ObjectionStakeTooLow
		);
		for seat in case.panel.iter() {
			if !case.excluded.contains(&seat.auditor) {
				case.excluded
					.try_push(seat.auditor.clone())
					.map_err(|_| Error::<T>::TooManyExcluded)?;
			}
		}
		let draw_epoch = Self::draw_epoch();
		Self::schedule(Self::settle_at(draw_epoch), Deadline::Settle(id))?;
		T::Currency::hold(&HoldReason::Objection.into(), &who, stake)?;
		let first_panel = core::mem::take(&mut case.panel);
		case.objection =
			Some(Objection { objector: who.clone(), stake, first_verdict: verdict, first_panel });
		case.phase = Phase::Voting { round: 1, epoch: draw_epoch };
		case.attempt = 0;
		Cases::<T>::insert(id, case);
		Self::deposit_event(Event::Objected { case: id, objector: who, stake, epoch: draw_epoch });
		Ok(())
	}
}
