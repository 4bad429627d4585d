//! The UTC day and calendar month limits are counted in.

const MILLIS_PER_DAY: u64 = 86_400_000;

/// Days since 1970-01-01 and months since January 1970 (UTC) at `millis` since the epoch.
pub fn day_and_month(millis: u64) -> (u32, u32) {
	let days = millis / MILLIS_PER_DAY;
	let (year, month) = civil_year_month(days);
	let months = year.saturating_sub(1970).saturating_mul(12).saturating_add(month - 1);
	(u32::try_from(days).unwrap_or(u32::MAX), u32::try_from(months).unwrap_or(u32::MAX))
}

/// The Gregorian year and month (1–12) of the day `days` after 1970-01-01 (H. Hinnant's
/// `civil_from_days`). Every intermediate value is far from overflowing a `u64` for any `u32`
/// day count the chain can reach.
fn civil_year_month(days: u64) -> (u64, u64) {
	let z = days + 719_468;
	let era = z / 146_097;
	let doe = z - era * 146_097;
	let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let month = if mp < 10 { mp + 3 } else { mp - 9 };
	let year = yoe + era * 400 + u64::from(month <= 2);
	(year, month)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn at(date: &str) -> (u32, u32) {
		// "YYYY-MM-DD" to millis, by counting days (independent of the code under test).
		let parts: Vec<u64> = date.split('-').map(|p| p.parse().unwrap()).collect();
		let (y, m, d) = (parts[0], parts[1], parts[2]);
		let leap = |y: u64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		let month_days = |y: u64, m: u64| match m {
			2 if leap(y) => 29,
			2 => 28,
			4 | 6 | 9 | 11 => 30,
			_ => 31,
		};
		let mut days = 0;
		for year in 1970..y {
			days += if leap(year) { 366 } else { 365 };
		}
		for month in 1..m {
			days += month_days(y, month);
		}
		days += d - 1;
		day_and_month(days * MILLIS_PER_DAY + 12 * 3_600_000)
	}

	#[test]
	fn days_and_months_follow_the_calendar() {
		assert_eq!(day_and_month(0), (0, 0));
		assert_eq!(at("1970-01-31"), (30, 0));
		assert_eq!(at("1970-02-01"), (31, 1));
		// A leap day belongs to February, the next day to March.
		assert_eq!(at("2024-02-29").1, (2024 - 1970) * 12 + 1);
		assert_eq!(at("2024-03-01").1, (2024 - 1970) * 12 + 2);
		assert_eq!(at("2024-03-01").0, at("2024-02-29").0 + 1);
		// 2100 is not a leap year, 2000 is.
		assert_eq!(at("2100-03-01").0, at("2100-02-28").0 + 1);
		assert_eq!(at("2000-03-01").0, at("2000-02-28").0 + 2);
		assert_eq!(at("2026-12-31").1 + 1, at("2027-01-01").1);
		// The last millisecond of a day is still that day.
		assert_eq!(day_and_month(MILLIS_PER_DAY - 1).0, 0);
		assert_eq!(day_and_month(MILLIS_PER_DAY).0, 1);
	}
}
