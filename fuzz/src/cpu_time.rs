//! The CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`), which the time check measures:
//! a case that shares the cores with other processes (the end-to-end tests, a build) is not
//! charged for the time it waited for a core, only for the time it ran.

use rustix::time::{clock_gettime, ClockId};
use std::time::Duration;

/// A reading of the thread's CPU clock.
#[derive(Clone, Copy, Debug)]
pub struct CpuInstant(Duration);

impl CpuInstant {
	pub fn now() -> Self {
		let now = clock_gettime(ClockId::ThreadCPUTime);
		let seconds = u64::try_from(now.tv_sec).unwrap_or(0);
		let nanos = u32::try_from(now.tv_nsec).unwrap_or(0);
		Self(Duration::new(seconds, nanos))
	}

	/// The CPU time the thread used since this reading.
	pub fn elapsed(&self) -> Duration {
		Self::now().0.saturating_sub(self.0)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn counts_work_and_not_sleep() {
		let start = CpuInstant::now();
		std::thread::sleep(Duration::from_millis(200));
		assert!(start.elapsed() < Duration::from_millis(50), "a sleeping thread uses no CPU");
		let start = CpuInstant::now();
		let mut x = 0u64;
		let wall = std::time::Instant::now();
		while wall.elapsed() < Duration::from_millis(100) {
			x = std::hint::black_box(x.wrapping_mul(6364136223846793005).wrapping_add(1));
		}
		assert!(start.elapsed() >= Duration::from_millis(20), "a busy thread's time counts");
	}
}
