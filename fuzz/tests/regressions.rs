//! Replays the seeds kept in `fuzz/regressions.txt` (cases that once failed) and a fixed set of
//! seeds, expecting no finding; checks that a case replays identically, that the generator
//! reaches every Pactum pallet, and that the checks catch what they are there to catch.
//!
//! Time is not checked here: tests run in parallel, in any profile, on shared machines.

use pactum_fuzz::{
	bias::PACTUM_PALLETS,
	block::{call_name, FIRST_SLOT},
	capture, checks,
	generate::{CallMemory, Context},
	genesis,
	rng::{case_seed, Rng},
	run_case, CaseReport, Fuzzer, Options,
};
use pactum_runtime::{Runtime, SLOT_DURATION};
use sp_keyring::Sr25519Keyring;
use std::collections::BTreeSet;

const OPTIONS: Options = Options { check_time: false };
/// Cases that must find nothing besides the regressions: enough to exercise every part of the
/// harness (long cases, empty stretches, slot gaps, every origin).
const FIXED_CASES: u64 = 50;
/// The base seed of those cases ("PACTUM").
const FIXED_BASE: u64 = 0x5041_4354_554d;

fn fuzzer() -> Fuzzer {
	Fuzzer::new().unwrap_or_else(|error| panic!("the fuzzer does not start: {error}"))
}

/// The seeds listed in `regressions.txt`.
fn regression_seeds() -> Vec<u64> {
	include_str!("../regressions.txt")
		.lines()
		.map(|line| line.split('#').next().unwrap_or_default().trim())
		.filter(|text| !text.is_empty())
		.map(|text| {
			let seed = match text.strip_prefix("0x") {
				Some(hex) => u64::from_str_radix(hex, 16),
				None => text.parse(),
			};
			seed.unwrap_or_else(|_| panic!("regressions.txt: not a seed: {text:?}"))
		})
		.collect()
}

/// The reports of the cases that found something, as text.
fn failures(reports: &[CaseReport]) -> String {
	reports
		.iter()
		.filter(|report| report.finding.is_some())
		.map(|report| {
			format!("pactum-fuzz --replay {}\n{}", report.seed, report.describe(Some(20), 240))
		})
		.collect::<Vec<_>>()
		.join("\n")
}

#[test]
fn kept_regressions_find_nothing() {
	let fuzzer = fuzzer();
	let reports: Vec<_> =
		regression_seeds().into_iter().map(|seed| run_case(&fuzzer, seed, &OPTIONS)).collect();
	let failed = failures(&reports);
	assert!(failed.is_empty(), "kept regressions fail again:\n{failed}");
}

#[test]
fn fixed_cases_find_nothing() {
	let fuzzer = fuzzer();
	let reports: Vec<_> = (0..FIXED_CASES)
		.map(|index| run_case(&fuzzer, case_seed(FIXED_BASE, index), &OPTIONS))
		.collect();
	let failed = failures(&reports);
	assert!(failed.is_empty(), "fixed cases fail:\n{failed}");
	let succeeded: u64 = reports.iter().map(|report| report.coverage.succeeded).sum();
	assert!(succeeded > 0, "no generated call succeeded in {FIXED_CASES} cases");
}

#[test]
fn a_case_replays_identically() {
	let fuzzer = fuzzer();
	let seed = case_seed(FIXED_BASE, 7);
	let first = run_case(&fuzzer, seed, &OPTIONS).describe(None, usize::MAX);
	let again = run_case(&fuzzer, seed, &OPTIONS).describe(None, usize::MAX);
	assert_eq!(first, again);
}

#[test]
fn the_generator_reaches_every_pactum_pallet() {
	let fuzzer = fuzzer();
	let mut rng = Rng::new(1);
	let mut memory = CallMemory::default();
	let context = Context { now: 1, now_ms: FIRST_SLOT * SLOT_DURATION, filtered_pallets: true };
	let mut seen = BTreeSet::new();
	for _ in 0..2_000 {
		if let Some(call) = fuzzer.generator.generate(&mut rng, &mut memory, &context) {
			seen.insert(call_name(&call).0);
		}
	}
	for pallet in PACTUM_PALLETS {
		assert!(seen.contains(pallet), "no call of {pallet} in 2,000 generated calls");
	}
}

#[test]
fn the_checks_catch_what_they_are_for() {
	let storage = genesis::development().unwrap_or_else(|error| panic!("{error}"));
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(checks::invariants(), Ok(()));
		// An unexplained change of the total issuance.
		let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
		assert_eq!(checks::issuance(issuance), Ok(false));
		assert!(checks::issuance(issuance - 1).is_err());
		// A balance that changed without the issuance.
		let gap = checks::ledger_gap();
		frame_system::Account::<Runtime>::mutate(Sr25519Keyring::Eve.to_account_id(), |account| {
			account.data.free += 1
		});
		assert_ne!(checks::ledger_gap(), gap);
		// A broken index of the registry.
		pallet_registry::ParticipantCount::<Runtime>::mutate(|count| *count += 1);
		assert!(checks::invariants().is_err_and(|reason| reason.starts_with("Registry")));
	});
	let panic = capture::catching(|| panic!("boom")).expect_err("the panic is caught");
	assert!(panic.contains("boom"), "the message is kept: {panic}");
}
