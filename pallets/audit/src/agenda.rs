//! Epochs and the hook's agenda: every deadline is a task in its kind's queue at its due block,
//! in pages of `MaxTasksPerBlock`; each block runs at most that many tasks of each queue, the
//! oldest first, so a crowded block delays its tasks by a few blocks and never runs one early.

use crate::{pallet::*, Deadline, EpochIndex, TaskKind, WeightInfo};
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{Get, Randomness},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{
	traits::{One, Saturating, Zero},
	SaturatedConversion,
};

/// How many due blocks a queue's cursor passes in one block when catching up (each costs a
/// read); a queue that fell behind catches up at this speed.
pub(crate) const MAX_BLOCKS_PASSED: u32 = 16;

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

	/// The block the objection window of a decision reached in `epoch` closes at.
	pub(crate) fn objection_closes(epoch: EpochIndex) -> BlockNumberFor<T> {
		Self::epoch_start(epoch.saturating_add(2))
	}

	/// Puts `task` in its queue at block `at` (at the earliest the next block), on the last page
	/// of that block or a new one. There is always room: a crowded block only makes its tasks
	/// run over the following blocks, never earlier.
	pub(crate) fn schedule(at: BlockNumberFor<T>, task: DeadlineOf<T>) -> DispatchResult {
		let next = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
		let at = at.max(next);
		let kind = task.kind();
		let pages = AgendaPages::<T>::get(kind, at);
		if let Some(last) = pages.checked_sub(1) {
			let pushed = Agenda::<T>::try_mutate((kind, at, last), |tasks| {
				tasks.try_push(task.clone()).map_err(|_| ())
			});
			if pushed.is_ok() {
				return Ok(());
			}
		}
		let page = BoundedVec::try_from(alloc::vec![task]).map_err(|_| Error::<T>::Overflow)?;
		AgendaPages::<T>::insert(kind, at, pages.checked_add(1).ok_or(Error::<T>::Overflow)?);
		Agenda::<T>::insert((kind, at, pages), page);
		Ok(())
	}

	/// The hook: the epoch boundary, then up to `MaxTasksPerBlock` due tasks of each queue.
	pub(crate) fn on_block(now: BlockNumberFor<T>) -> Weight {
		let mut weight = T::WeightInfo::on_initialize_idle();
		let length = T::EpochLength::get();
		if !length.is_zero() && (now % length).is_zero() {
			Self::start_epoch(Self::epoch_of(now));
			weight.saturating_accrue(T::WeightInfo::on_initialize_epoch());
		}
		for kind in TaskKind::ALL {
			weight.saturating_accrue(Self::run_queue(kind, now));
		}
		weight
	}

	/// The most the hook's walk over one queue costs beyond `on_initialize_idle`, tasks aside:
	/// a pages read (and removal) per block passed, a pages read and a page taken (and written
	/// back) per task, and the cursor.
	pub fn queue_walk_weight() -> Weight {
		let (blocks, tasks) = (u64::from(MAX_BLOCKS_PASSED), u64::from(T::MaxTasksPerBlock::get()));
		T::DbWeight::get().reads_writes(
			blocks.saturating_add(tasks.saturating_mul(2)),
			blocks.saturating_add(tasks).saturating_add(2),
		)
	}

	/// Runs the queue's due tasks, oldest first, up to `MaxTasksPerBlock`; returns the weight
	/// used beyond `on_initialize_idle` (which covers the queue's cursor and first page read).
	fn run_queue(kind: TaskKind, now: BlockNumberFor<T>) -> Weight {
		let mut weight = Weight::zero();
		let db = T::DbWeight::get();
		let (mut block, mut page) = AgendaCursor::<T>::get(kind).unwrap_or((now, 0));
		let mut budget = T::MaxTasksPerBlock::get();
		let mut passed = 0u32;
		let mut first = true;
		while block <= now && budget > 0 && passed < MAX_BLOCKS_PASSED {
			if !core::mem::take(&mut first) {
				weight.saturating_accrue(db.reads(1));
			}
			let pages = AgendaPages::<T>::get(kind, block);
			if page >= pages {
				if pages > 0 {
					AgendaPages::<T>::remove(kind, block);
					weight.saturating_accrue(db.writes(1));
				}
				block = block.saturating_add(One::one());
				page = 0;
				passed.saturating_inc();
				continue;
			}
			let mut tasks = Agenda::<T>::take((kind, block, page)).into_inner();
			weight.saturating_accrue(db.reads_writes(1, 1));
			let rest = tasks.split_off(tasks.len().min(budget as usize));
			for task in tasks {
				budget.saturating_dec();
				weight.saturating_accrue(Self::run(task));
			}
			if rest.is_empty() {
				page.saturating_inc();
			} else {
				// Fewer tasks than the page held: they fit.
				Agenda::<T>::insert((kind, block, page), BoundedVec::truncate_from(rest));
				weight.saturating_accrue(db.writes(1));
			}
		}
		AgendaCursor::<T>::insert(kind, (block, page));
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
