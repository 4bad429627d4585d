//! `pactum-fuzz`: the runtime fuzzer's command line (see `--help` and the crate documentation).

use pactum_fuzz::{
	campaign::{self, Budget, Event, Snapshot, Summary},
	capture,
	case::{run_case, Fuzzer, Options},
	generate::GENERATOR_VERSION,
};
use std::{
	process::ExitCode,
	time::{SystemTime, UNIX_EPOCH},
};

const HELP: &str = "\
pactum-fuzz: fuzzes the Pactum runtime (native, in memory) with generated calls of every Pactum
pallet and the pallets they rely on, from random origins, block by block on the development
genesis, and checks after every block: no panic and no defensive failure, every Pactum pallet's
try_state, total issuance moved only as the balances events say, and the block's time within
twice its declared weight.

USAGE:
    pactum-fuzz [--seconds N | --inputs N] [--seed S] [--threads N] [--no-time-check]
    pactum-fuzz --replay SEED [--no-time-check]

OPTIONS:
    --seconds N      run for N seconds (the default budget: 60)
    --inputs N       run N cases (with --seconds: whichever comes first)
    --seed S         the campaign's base seed (default: the clock); each case's own seed is
                     derived from it, so a campaign with a seed and --inputs is repeatable
    --threads N      worker threads (default 1)
    --replay SEED    run the single case SEED (a failure's seed) and print every call
    --no-time-check  skip the time-against-weight check (on by default in release builds only:
                     a debug build is far slower than the reference machine)
    --time-check     run the time-against-weight check in a debug build too
    -h, --help       this text

Seeds are decimal or 0x-prefixed hex. A failure prints `pactum-fuzz --replay <seed>` and the
reason. To keep a fixed bug fixed, add its seed to fuzz/regressions.txt: `cargo test -p
pactum-fuzz` replays every seed listed there. Exit status: 0 without failures, 1 with failures,
2 on a usage error.";

/// The budget when none is given.
const DEFAULT_SECONDS: u64 = 60;
/// Calls printed before a campaign failure's reason (all of them in a replay).
const CALLS_SHOWN: usize = 12;
/// Characters of a call's debug text printed.
const CALL_WIDTH: usize = 240;
const REPLAY_CALL_WIDTH: usize = 1_000;
/// The most frequent errors printed after a campaign.
const ERRORS_SHOWN: usize = 25;

enum Mode {
	Help,
	Replay(u64),
	Campaign { budget: Budget, seed: u64, threads: usize },
}

struct Cli {
	mode: Mode,
	check_time: bool,
}

fn main() -> ExitCode {
	let cli = match parse(std::env::args().skip(1)) {
		Ok(cli) => cli,
		Err(error) => {
			eprintln!("pactum-fuzz: {error} (see --help)");
			return ExitCode::from(2);
		}
	};
	if let Mode::Help = cli.mode {
		println!("{HELP}");
		return ExitCode::SUCCESS;
	}
	let fuzzer = match Fuzzer::new() {
		Ok(fuzzer) => fuzzer,
		Err(error) => {
			eprintln!("pactum-fuzz: cannot start: {error}");
			return ExitCode::FAILURE;
		}
	};
	capture::install();
	let options = Options { check_time: cli.check_time };
	let failed = match cli.mode {
		Mode::Help => false,
		Mode::Replay(seed) => replay(&fuzzer, seed, &options),
		Mode::Campaign { budget, seed, threads } => {
			println!(
				"pactum-fuzz (generator v{GENERATOR_VERSION}): base seed {seed}, {}, {threads} \
				 thread(s), time check {}",
				describe_budget(&budget),
				if options.check_time { "on" } else { "off" },
			);
			let summary =
				campaign::run(&fuzzer, seed, budget, threads, &options, |event| match event {
					Event::Progress(snapshot) => println!("{}", progress_line(&snapshot)),
					Event::Failure(report) => println!(
						"FAILURE: pactum-fuzz --replay {}\n  {}",
						report.seed,
						report.finding.as_ref().map_or(String::new(), ToString::to_string)
					),
				});
			print_summary(&summary)
		}
	};
	if failed {
		ExitCode::FAILURE
	} else {
		ExitCode::SUCCESS
	}
}

/// Runs one case and prints it; `true` if it failed.
fn replay(fuzzer: &Fuzzer, seed: u64, options: &Options) -> bool {
	println!(
		"pactum-fuzz (generator v{GENERATOR_VERSION}): replaying seed {seed}, time check {}",
		if options.check_time { "on" } else { "off" }
	);
	let report = run_case(fuzzer, seed, options);
	print!("{}", report.describe(None, REPLAY_CALL_WIDTH));
	let coverage = &report.coverage;
	println!(
		"{} blocks, {} calls, {} succeeded, {} invalid, {} not generated",
		coverage.blocks, coverage.calls, coverage.succeeded, coverage.invalid, coverage.skipped
	);
	report.finding.is_some()
}

/// Prints what a campaign did and found; `true` if it found anything.
fn print_summary(summary: &Summary) -> bool {
	let coverage = &summary.coverage;
	println!("done: {}", progress_line(&summary.snapshot));
	println!(
		"  {} invalid (left out of their blocks), {} not generated",
		coverage.invalid, coverage.skipped
	);
	if coverage.busiest_block > 0.0 {
		println!(
			"  the busiest block took {:.0} % of its declared weight's time in a single run (CPU \
			 time; a block above 200 % fails the check if it is again in two more runs)",
			coverage.busiest_block * 100.0
		);
	}
	println!("  calls per pallet (sent / succeeded):");
	let mut pallets: Vec<_> = coverage.pallets.iter().collect();
	pallets.sort_by(|a, b| b.1.sent.cmp(&a.1.sent));
	for (pallet, tally) in pallets {
		println!("    {pallet:<18} {:>9} / {:>9}", tally.sent, tally.succeeded);
	}
	println!("  {} distinct errors; the most frequent:", coverage.errors.len());
	let mut errors: Vec<_> = coverage.errors.iter().collect();
	errors.sort_by(|a, b| b.1.cmp(a.1));
	for (error, count) in errors.into_iter().take(ERRORS_SHOWN) {
		println!("    {count:>9}  {error}");
	}
	for report in &summary.failures {
		println!("\nFAILED: pactum-fuzz --replay {}", report.seed);
		print!("{}", report.describe(Some(CALLS_SHOWN), CALL_WIDTH));
	}
	if summary.more_failures > 0 {
		println!("\n... and {} more failing cases", summary.more_failures);
	}
	if summary.crashed_workers > 0 {
		println!("\n{} worker threads crashed outside a case", summary.crashed_workers);
	}
	let failures = summary.failures.len() as u64 + summary.more_failures;
	if failures > 0 {
		println!("\n{failures} failing cases");
	}
	failures > 0 || summary.crashed_workers > 0
}

fn progress_line(snapshot: &Snapshot) -> String {
	format!(
		"[{:>6.1} s] {} inputs ({:.1}/s), {} blocks, {} calls ({} succeeded), {} failures",
		snapshot.elapsed.as_secs_f64(),
		snapshot.inputs,
		snapshot.inputs_per_second(),
		snapshot.blocks,
		snapshot.calls,
		snapshot.succeeded,
		snapshot.failures
	)
}

fn describe_budget(budget: &Budget) -> String {
	match (budget.seconds, budget.inputs) {
		(Some(seconds), Some(inputs)) => format!("{seconds} s or {inputs} inputs"),
		(Some(seconds), None) => format!("{seconds} s"),
		(None, Some(inputs)) => format!("{inputs} inputs"),
		(None, None) => "no budget".into(),
	}
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Cli, String> {
	let mut budget = Budget::default();
	let mut seed = None;
	let mut replay = None;
	let mut threads = 1usize;
	let mut check_time = !cfg!(debug_assertions);
	while let Some(arg) = args.next() {
		// `--name value` or `--name=value`.
		let (name, inline) = match arg.split_once('=') {
			Some((name, value)) => (name.to_string(), Some(value.to_string())),
			None => (arg.clone(), None),
		};
		let mut value = |what: &str| -> Result<u64, String> {
			let text = inline
				.clone()
				.or_else(|| args.next())
				.ok_or_else(|| format!("{name} needs {what}"))?;
			number(&text).ok_or_else(|| format!("{name}: not a number: {text:?}"))
		};
		match name.as_str() {
			"-h" | "--help" => return Ok(Cli { mode: Mode::Help, check_time }),
			"--seconds" => budget.seconds = Some(value("a number of seconds")?),
			"--inputs" => budget.inputs = Some(value("a number of inputs")?),
			"--seed" => seed = Some(value("a seed")?),
			"--replay" => replay = Some(value("a seed")?),
			"--threads" => {
				threads = usize::try_from(value("a number of threads")?.max(1))
					.map_err(|_| "--threads: too many".to_string())?
			}
			"--no-time-check" => check_time = false,
			"--time-check" => check_time = true,
			other => return Err(format!("unknown argument {other:?}")),
		}
	}
	let mode = match replay {
		Some(seed) => Mode::Replay(seed),
		None => {
			if budget.seconds.is_none() && budget.inputs.is_none() {
				budget.seconds = Some(DEFAULT_SECONDS);
			}
			let seed = seed.unwrap_or_else(clock_seed);
			Mode::Campaign { budget, seed, threads }
		}
	};
	Ok(Cli { mode, check_time })
}

/// A decimal or `0x`-prefixed hexadecimal number.
fn number(text: &str) -> Option<u64> {
	match text.strip_prefix("0x") {
		Some(hex) => u64::from_str_radix(hex, 16).ok(),
		None => text.parse().ok(),
	}
}

fn clock_seed() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_nanos() as u64)
}
