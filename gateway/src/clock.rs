//! Wall-clock time as stored in the database: unix milliseconds (i64), and seconds for JWT claims.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the unix epoch (0 if the clock is before 1970).
pub fn now_ms() -> i64 {
	SystemTime::now()
		.duration_since(UNIX_EPOCH)
		.map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
		.unwrap_or(0)
}

/// Seconds since the unix epoch.
pub fn now_secs() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// `seconds` as milliseconds, saturating.
pub fn secs_to_ms(seconds: u64) -> i64 {
	i64::try_from(seconds).unwrap_or(i64::MAX).saturating_mul(1000)
}
