//! The CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`), which the time check measures:
//! a case that shares the cores with other processes (the end-to-end tests, a build) is not
//! charged for the time it waited for a core, only for the time it ran.

use rustix::time::{clock_gettime, ClockId};
use std::{marker::PhantomData, time::Duration};

/// A reading of the thread's CPU clock. Not `Send`: it means nothing on another thread.
#[derive(Clone, Copy, Debug)]
pub struct CpuInstant(Duration, PhantomData<*const ()>);

impl CpuInstant {
	pub fn now() -> Self {
		Self(thread_cpu_time(), PhantomData)
	}

	/// The CPU time the thread used since this reading.
	pub fn elapsed(&self) -> Duration {
		thread_cpu_time().saturating_sub(self.0)
	}
}

fn thread_cpu_time() -> Duration {
	let now = clock_gettime(ClockId::ThreadCPUTime);
	let seconds = u64::try_from(now.tv_sec).unwrap_or(0);
	let nanos = u32::try_from(now.tv_nsec).unwrap_or(0);
	Duration::new(seconds, nanos)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn counts_work_and_not_sleep() {
		let start = CpuInstant::now();
		std::thread::sleep(Duration::from_millis(200));
		assert!(start.elapsed() < Duration::from_millis(50), "a sleeping thread uses no CPU");
		// Busy until 20 ms of CPU time have counted, however long the cores are shared.
		let start = CpuInstant::now();
		let wall = std::time::Instant::now();
		let mut x = 0u64;
		while start.elapsed() < Duration::from_millis(20) {
			x = std::hint::black_box(x.wrapping_mul(6364136223846793005).wrapping_add(1));
			assert!(wall.elapsed() < Duration::from_secs(60), "a busy thread's time counts");
		}
	}
}
