//! A campaign: cases run on worker threads, each with its own seed derived from the campaign's
//! base seed, until a time or input budget is spent. Failures are reported as they are found,
//! progress every ten seconds.

use crate::{
	case::{run_case, CaseReport, Check, Fuzzer, Options},
	coverage::Coverage,
	rng::case_seed,
};
use std::{
	sync::{
		atomic::{AtomicU64, Ordering},
		mpsc::{self, RecvTimeoutError},
		RwLock,
	},
	thread,
	time::{Duration, Instant},
};

/// Failures kept with their calls; later ones are only counted.
const KEPT_FAILURES: usize = 50;
/// How often progress is reported.
const PROGRESS_EVERY: Duration = Duration::from_secs(10);

/// When a campaign stops: whichever budget is spent first (neither: it never stops).
#[derive(Clone, Copy, Debug, Default)]
pub struct Budget {
	pub seconds: Option<u64>,
	pub inputs: Option<u64>,
}

/// The campaign's counters at a moment.
#[derive(Clone, Copy, Debug, Default)]
pub struct Snapshot {
	pub elapsed: Duration,
	pub inputs: u64,
	pub blocks: u64,
	pub calls: u64,
	pub succeeded: u64,
	pub failures: u64,
}

impl Snapshot {
	pub fn inputs_per_second(&self) -> f64 {
		self.inputs as f64 / self.elapsed.as_secs_f64().max(1e-9)
	}
}

/// What the campaign reports while it runs.
pub enum Event<'a> {
	Progress(Snapshot),
	Failure(&'a CaseReport),
}

/// What a campaign found.
pub struct Summary {
	pub snapshot: Snapshot,
	pub coverage: Coverage,
	/// The first [`KEPT_FAILURES`] failing cases.
	pub failures: Vec<CaseReport>,
	/// Failing cases beyond those.
	pub more_failures: u64,
	/// Worker threads that panicked outside a case (a bug of the fuzzer itself).
	pub crashed_workers: u64,
}

#[derive(Default)]
struct Counters {
	inputs: AtomicU64,
	blocks: AtomicU64,
	calls: AtomicU64,
	succeeded: AtomicU64,
	failures: AtomicU64,
}

impl Counters {
	fn add(&self, report: &CaseReport) {
		self.inputs.fetch_add(1, Ordering::Relaxed);
		self.blocks.fetch_add(report.coverage.blocks, Ordering::Relaxed);
		self.calls.fetch_add(report.coverage.calls, Ordering::Relaxed);
		self.succeeded.fetch_add(report.coverage.succeeded, Ordering::Relaxed);
		self.failures.fetch_add(u64::from(report.finding.is_some()), Ordering::Relaxed);
	}

	fn snapshot(&self, start: Instant) -> Snapshot {
		Snapshot {
			elapsed: start.elapsed(),
			inputs: self.inputs.load(Ordering::Relaxed),
			blocks: self.blocks.load(Ordering::Relaxed),
			calls: self.calls.load(Ordering::Relaxed),
			succeeded: self.succeeded.load(Ordering::Relaxed),
			failures: self.failures.load(Ordering::Relaxed),
		}
	}
}

/// What the workers share.
struct Shared<'a> {
	fuzzer: &'a Fuzzer,
	options: &'a Options,
	base_seed: u64,
	inputs: Option<u64>,
	deadline: Option<Instant>,
	/// The index of the next case.
	next: AtomicU64,
	counters: Counters,
	/// Held shared while a case runs, exclusively while a time finding is confirmed.
	alone: RwLock<()>,
}

/// Runs cases on `threads` threads from `base_seed` until `budget` is spent.
pub fn run(
	fuzzer: &Fuzzer,
	base_seed: u64,
	budget: Budget,
	threads: usize,
	options: &Options,
	mut on_event: impl FnMut(Event<'_>),
) -> Summary {
	let start = Instant::now();
	let shared = Shared {
		fuzzer,
		options,
		base_seed,
		inputs: budget.inputs,
		deadline: budget.seconds.map(|seconds| start + Duration::from_secs(seconds)),
		next: AtomicU64::new(0),
		counters: Counters::default(),
		alone: RwLock::new(()),
	};
	let mut summary = Summary {
		snapshot: Snapshot::default(),
		coverage: Coverage::default(),
		failures: Vec::new(),
		more_failures: 0,
		crashed_workers: 0,
	};
	let (sender, receiver) = mpsc::channel::<CaseReport>();
	thread::scope(|scope| {
		let workers: Vec<_> = (0..threads.max(1))
			.map(|_| {
				let sender = sender.clone();
				let shared = &shared;
				scope.spawn(move || worker(shared, sender))
			})
			.collect();
		// The channel disconnects when the last worker is done.
		drop(sender);
		let mut last_progress = Instant::now();
		loop {
			match receiver.recv_timeout(Duration::from_millis(200)) {
				Ok(report) => {
					on_event(Event::Failure(&report));
					if summary.failures.len() < KEPT_FAILURES {
						summary.failures.push(report);
					} else {
						summary.more_failures += 1;
					}
				}
				Err(RecvTimeoutError::Timeout) => {}
				Err(RecvTimeoutError::Disconnected) => break,
			}
			if last_progress.elapsed() >= PROGRESS_EVERY {
				on_event(Event::Progress(shared.counters.snapshot(start)));
				last_progress = Instant::now();
			}
		}
		for worker in workers {
			match worker.join() {
				Ok(coverage) => summary.coverage.merge(&coverage),
				Err(_) => summary.crashed_workers += 1,
			}
		}
	});
	summary.snapshot = shared.counters.snapshot(start);
	summary
}

/// Runs cases until the budget is spent; returns what they covered.
fn worker(shared: &Shared, sender: mpsc::Sender<CaseReport>) -> Coverage {
	let mut coverage = Coverage::default();
	loop {
		if shared.deadline.is_some_and(|deadline| Instant::now() >= deadline) {
			break;
		}
		let index = shared.next.fetch_add(1, Ordering::Relaxed);
		if shared.inputs.is_some_and(|inputs| index >= inputs) {
			break;
		}
		let seed = case_seed(shared.base_seed, index);
		let report = run_case_confirmed(shared, seed);
		shared.counters.add(&report);
		coverage.merge(&report.coverage);
		if report.finding.is_some() && sender.send(report).is_err() {
			break;
		}
	}
	coverage
}

/// Runs the case of `seed`. A finding of the time check is kept only if two more runs of the
/// case, with every other worker paused, find the same block over its weight: a block's time on
/// a busy machine (other workers, or other tenants of a virtual machine, share its cores, caches
/// and memory bandwidth) says little about its weight, and a stall hits one run's block, not the
/// same block in three runs.
fn run_case_confirmed(shared: &Shared, seed: u64) -> CaseReport {
	let report = {
		let _shared = shared.alone.read().unwrap_or_else(|poisoned| poisoned.into_inner());
		run_case(shared.fuzzer, seed, shared.options)
	};
	let Some(slow) = report.finding.as_ref().filter(|f| f.check == Check::Time).map(|f| f.block)
	else {
		return report;
	};
	let _alone = shared.alone.write().unwrap_or_else(|poisoned| poisoned.into_inner());
	let confirmed = (0..2).all(|_| {
		run_case(shared.fuzzer, seed, shared.options)
			.finding
			.is_some_and(|finding| finding.check == Check::Time && finding.block == slow)
	});
	if confirmed {
		report
	} else {
		CaseReport { finding: None, ..report }
	}
}
