//! Epochs and the hook's agenda: every deadline is a task stored at its block, at most
//! `MaxTasksPerBlock` per block, so a block never runs more than that many.

use crate::{pallet::*, Deadline, EpochIndex, WeightInfo};
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{Get, Randomness},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{
	traits::{One, Saturating, Zero},
	SaturatedConversion,
};

/// How many blocks after its due block a task may go to when its block is full.
pub(crate) const AGENDA_SPREAD: u32 = 16;

impl<T: Config> Pallet<T> {
	/// The epoch block `n` is in.
	pub fn epoch_of(n: BlockNumberFor<T>) -> EpochIndex {
		let length = T::EpochLength::get();
		if length.is_zero() {
			return 0;
		}
		(n / length).saturated_into()
	}

	/// The epoch now.
	pub fn current_epoch() -> EpochIndex {
		Self::epoch_of(frame_system::Pallet::<T>::block_number())
	}

	/// The first block of `epoch`.
	pub fn epoch_start(epoch: EpochIndex) -> BlockNumberFor<T> {
		T::EpochLength::get().saturating_mul(epoch.into())
	}

	/// The epoch a case opened (or re-run, or objected to) now is drawn in: the next one, or the
	/// one after when this is the last block of an epoch, so that the seed is taken at least one
	/// block after the case exists.
	pub(crate) fn draw_epoch() -> EpochIndex {
		let now = frame_system::Pallet::<T>::block_number();
		Self::epoch_of(now.saturating_add(One::one())).saturating_add(1)
	}

	/// First block of the reveal window of a draw in `epoch`.
	pub(crate) fn reveal_start(epoch: EpochIndex) -> BlockNumberFor<T> {
		Self::epoch_start(epoch).saturating_add(T::CommitPeriod::get())
	}

	/// The block a draw in `epoch` is settled at: the first after its reveal window.
	pub(crate) fn settle_at(epoch: EpochIndex) -> BlockNumberFor<T> {
		Self::reveal_start(epoch).saturating_add(T::RevealPeriod::get())
	}

	/// Puts `task` on the agenda at `at`, or the first of the next `AGENDA_SPREAD` blocks with
	/// room.
	pub(crate) fn schedule(at: BlockNumberFor<T>, task: DeadlineOf<T>) -> DispatchResult {
		let mut block = at;
		for _ in 0..AGENDA_SPREAD {
			if Agenda::<T>::try_mutate(block, |tasks| tasks.try_push(task.clone())).is_ok() {
				return Ok(());
			}
			block = block.saturating_add(One::one());
		}
		Err(Error::<T>::AgendaFull.into())
	}

	/// The most [`Self::schedule`] reads beyond its first block, added to the weight of calls that
	/// schedule (their benchmarks find room at once).
	pub(crate) fn schedule_weight() -> Weight {
		T::DbWeight::get().reads_writes(AGENDA_SPREAD.saturating_sub(1).into(), 0)
	}

	/// The hook: the epoch boundary, then the tasks due now.
	pub(crate) fn on_block(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::WeightInfo::on_initialize_idle();
		let length = T::EpochLength::get();
		if !length.is_zero() && (now % length).is_zero() {
			Self::start_epoch(Self::epoch_of(now));
			weight.saturating_accrue(T::WeightInfo::on_initialize_epoch());
		}
		for task in Agenda::<T>::take(now) {
			weight.saturating_accrue(Self::run(task));
		}
		weight
	}

	/// Takes the epoch's seed and forgets what older epochs no longer need.
	fn start_epoch(epoch: EpochIndex) {
		let (random, _) = T::Randomness::random(&(b"pactum/audit/seed", epoch).encode());
		EpochSeed::<T>::insert(epoch, H256(sp_io::hashing::blake2_256(&random.encode())));
		if let Some(old) = epoch.checked_sub(2) {
			EpochSeed::<T>::remove(old);
			SignalCount::<T>::remove(old);
		}
	}

	/// Runs one task; returns its weight.
	fn run(task: DeadlineOf<T>) -> Weight {
		match task {
			Deadline::Settle(case) => Self::settle(case),
			Deadline::Finalize(case) => Self::finalize(case),
			Deadline::Unbond(who, epoch) => {
				Self::epoch_over(&who, epoch);
				T::WeightInfo::unbond_task()
			}
			Deadline::Burn(who) => {
				Self::burn(&who);
				T::WeightInfo::burn_task()
			}
			Deadline::Release(escrow) => {
				Self::release_matured(escrow);
				T::WeightInfo::release_task()
			}
		}
	}
}
