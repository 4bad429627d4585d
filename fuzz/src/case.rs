//! One case: a seed makes a short chain of blocks full of generated calls on the `development`
//! genesis, checked after every block.
//!
//! A case is 1 to 6 blocks, or (one case in four) 6 to 14; before a block, now and then (more
//! often in long cases) 5 to 25 empty blocks go by, so that deadlines (enactment delays, audit
//! epochs and windows, escrows, scheduled calls) come due. Every block, empty or not, goes
//! through `initialize_block` and `finalize_block` and is checked. One block in 25 comes after
//! up to 1,200 empty slots (a stalled chain), which crosses BABE epochs and sessions. A block
//! holds 0 to 12 calls.

use crate::{
	block::{self, Chain, ClosedBlock, OpenBlock, Outcome},
	capture, checks,
	coverage::Coverage,
	fixups::{self, Ballots},
	generate::{CallMemory, Context, Generator},
	genesis,
	origins::{self, Accounts, Origin},
	rng::Rng,
};
use pactum_runtime::{Balance, RuntimeCall, MILLI_UNIT, UNIT};
use sp_io::TestExternalities;
use std::fmt;

/// Everything a case needs that does not change from case to case.
pub struct Fuzzer {
	genesis: sp_core::storage::Storage,
	pub accounts: Accounts,
	pub generator: Generator,
}

impl Fuzzer {
	/// Builds the genesis state and the call generator, and checks that the genesis state holds
	/// every invariant (otherwise every case would fail on it).
	pub fn new() -> Result<Self, String> {
		let genesis = genesis::development()?;
		let accounts = Accounts::new();
		let generator = Generator::new(accounts.argument_pool())?;
		TestExternalities::new(genesis.clone())
			.execute_with(checks::invariants)
			.map_err(|reason| format!("the development genesis breaks an invariant: {reason}"))?;
		Ok(Self { genesis, accounts, generator })
	}
}

/// How a case is run.
#[derive(Clone, Copy, Debug)]
pub struct Options {
	/// Whether to check each block's time against its weight (off for replay debugging, and
	/// by default in debug builds, which are far slower than the reference machine).
	pub check_time: bool,
}

/// Which check a finding comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
	Panic,
	Defensive,
	Invariant,
	Issuance,
	Time,
	/// The harness could not build the block (the runtime refused the timestamp inherent).
	Block,
}

/// A failed check.
#[derive(Clone, Debug)]
pub struct Finding {
	pub block: u32,
	pub check: Check,
	pub detail: String,
}

impl fmt::Display for Finding {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		let check = match self.check {
			Check::Panic => "panic",
			Check::Defensive => "defensive failure",
			Check::Invariant => "invariant broken",
			Check::Issuance => "issuance",
			Check::Time => "time over weight",
			Check::Block => "block production",
		};
		write!(f, "block {}: {check}: {}", self.block, self.detail)
	}
}

/// One call of a case and what became of it.
#[derive(Clone, Debug)]
pub struct CallRecord {
	pub block: u32,
	pub origin: String,
	pub call: RuntimeCall,
	pub outcome: Outcome,
}

/// What a case did and found.
#[derive(Clone, Debug)]
pub struct CaseReport {
	pub seed: u64,
	pub blocks: u32,
	pub calls: Vec<CallRecord>,
	pub finding: Option<Finding>,
	pub coverage: Coverage,
}

/// Runs the case of `seed`.
pub fn run_case(fuzzer: &Fuzzer, seed: u64, options: &Options) -> CaseReport {
	let mut progress = Progress::default();
	capture::take_defensive();
	let result = capture::catching(|| {
		let mut ext = TestExternalities::new(fuzzer.genesis.clone());
		let (chain, ledger_gap) =
			ext.execute_with(|| (Chain::after_genesis(), checks::ledger_gap()));
		let mut case = Case {
			fuzzer,
			options,
			progress: &mut progress,
			rng: Rng::new(seed),
			chain,
			memory: CallMemory::default(),
			ballots: Ballots::default(),
			ledger_gap,
		};
		case.run(&mut ext)
	});
	let finding = match result {
		Ok(Ok(())) => None,
		Ok(Err(finding)) => Some(finding),
		Err(panic) => Some(Finding { block: progress.block, check: Check::Panic, detail: panic }),
	};
	progress.coverage.cases += 1;
	CaseReport {
		seed,
		blocks: progress.block,
		calls: progress.calls,
		finding,
		coverage: progress.coverage,
	}
}

/// What a case has done so far: kept outside the case so that a panic does not lose it.
#[derive(Default)]
struct Progress {
	block: u32,
	calls: Vec<CallRecord>,
	coverage: Coverage,
}

struct Case<'a> {
	fuzzer: &'a Fuzzer,
	options: &'a Options,
	progress: &'a mut Progress,
	rng: Rng,
	chain: Chain,
	memory: CallMemory,
	ballots: Ballots,
	/// The accounts' sum less `TotalIssuance` at genesis: see [`checks::ledger_gap`].
	ledger_gap: Balance,
}

impl<'a> Case<'a> {
	fn run(&mut self, ext: &mut TestExternalities) -> Result<(), Finding> {
		let (blocks, jump_percent) = if self.rng.chance(25) {
			(6 + self.rng.below(9), 30)
		} else {
			(1 + self.rng.below(6), 8)
		};
		for _ in 0..blocks {
			if self.rng.chance(jump_percent) {
				for _ in 0..5 + self.rng.below(21) {
					self.block(ext, 1, 0)?;
				}
			}
			let slots = if self.rng.chance(4) { 2 + self.rng.below(1_199) } else { 1 };
			let calls = self.rng.below(13);
			self.block(ext, slots, calls)?;
		}
		Ok(())
	}

	/// Builds a block `slots` after the last one with `calls` generated calls, checks it, and
	/// writes its state to the backend, as the node writes each block to its database (the next
	/// block's storage root then covers its own changes only, as on chain).
	fn block(
		&mut self,
		ext: &mut TestExternalities,
		slots: u64,
		calls: u64,
	) -> Result<(), Finding> {
		let number = self.chain.next_number();
		self.progress.block = number;
		ext.execute_with(|| self.build(slots, calls))?;
		ext.commit_all().map_err(|detail| Finding { block: number, check: Check::Block, detail })
	}

	fn build(&mut self, slots: u64, calls: u64) -> Result<(), Finding> {
		let number = self.chain.next_number();
		let mut block = self.chain.open(slots).map_err(|detail| Finding {
			block: number,
			check: Check::Block,
			detail,
		})?;
		for _ in 0..calls {
			self.call(&mut block);
		}
		let closed = block.close(&mut self.chain);
		self.progress.coverage.blocks += 1;
		self.check(&closed)
	}

	/// Generates a call for a random origin and sends it.
	fn call(&mut self, block: &mut OpenBlock) {
		let origin = Origin::pick(&mut self.rng);
		let context = Context {
			now: block.number,
			now_ms: block.now_ms,
			filtered_pallets: origin.is_filtered(),
		};
		let fuzzer: &'a Fuzzer = self.fuzzer;
		let Some(mut call) = fuzzer.generator.generate(&mut self.rng, &mut self.memory, &context)
		else {
			self.progress.coverage.skipped += 1;
			return;
		};
		let accounts = &fuzzer.accounts;
		let pallet = block::call_name(&call).0;
		let outcome = match origin {
			Origin::Signed(index) => {
				let Some(signer) = accounts.signer(index) else { return };
				fixups::fix_up(&mut call, index, signer, &mut self.rng, &mut self.ballots);
				let tip = self.tip();
				block.apply_signed(signer, call.clone(), tip)
			}
			Origin::Root => {
				// Root is the sudo key's, if it is still one of the fuzzer's accounts.
				let key = pallet_sudo::Key::<pactum_runtime::Runtime>::get();
				let Some(signer) =
					key.and_then(|key| accounts.index_of(&key)).and_then(|i| accounts.signer(i))
				else {
					self.progress.coverage.skipped += 1;
					return;
				};
				let sudo =
					RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call.clone()) });
				match block.apply_signed(signer, sudo, 0) {
					// `sudo` succeeds whatever its call does: the call's own result is in `Sudid`.
					Outcome::Succeeded => match block::last_sudo_result() {
						Some(Err(error)) => Outcome::Failed(error),
						_ => Outcome::Succeeded,
					},
					other => other,
				}
			}
			Origin::Council { yes } => block.dispatch(origins::council(yes), call.clone()),
			Origin::Bare => block.apply_bare(call.clone()),
		};
		self.progress.coverage.record(pallet, &outcome);
		self.progress.calls.push(CallRecord {
			block: block.number,
			origin: origin.label(accounts),
			call,
			outcome,
		});
	}

	/// A tip: mostly none.
	fn tip(&mut self) -> Balance {
		match self.rng.below(100) {
			0..=89 => 0,
			90..=94 => MILLI_UNIT,
			95..=98 => UNIT,
			_ => Balance::MAX,
		}
	}

	/// The checks after a block, in order: defensive failures, invariants, issuance, time.
	fn check(&mut self, block: &ClosedBlock) -> Result<(), Finding> {
		let finding = |check, detail| Finding { block: block.number, check, detail };
		let defensive = capture::take_defensive();
		if !defensive.is_empty() {
			return Err(finding(Check::Defensive, defensive.join("; ")));
		}
		checks::invariants().map_err(|detail| finding(Check::Invariant, detail))?;
		let saturated = checks::issuance(block.issuance_before)
			.map_err(|detail| finding(Check::Issuance, detail))?;
		let gap = checks::ledger_gap();
		// Root can set a balance near `u128::MAX`; pallet-balances then saturates
		// `TotalIssuance`, which stops being the accounts' sum: the gap is measured again from
		// that block on. Nothing but root reaches the bound.
		if saturated {
			self.ledger_gap = gap;
		}
		if gap != self.ledger_gap {
			let detail = format!(
				"the accounts' free and reserved balances moved apart from TotalIssuance by {} \
				 (wrapping)",
				gap.wrapping_sub(self.ledger_gap)
			);
			return Err(finding(Check::Issuance, detail));
		}
		if self.options.check_time {
			let coverage = &mut self.progress.coverage;
			coverage.busiest_block = coverage.busiest_block.max(checks::time_share(block));
			checks::time(block).map_err(|detail| finding(Check::Time, detail))?;
		}
		Ok(())
	}
}

impl CaseReport {
	/// The report as text: the finding, then the calls (the last `last_calls` of them, or all),
	/// each call's debug text cut at `call_width` characters.
	pub fn describe(&self, last_calls: Option<usize>, call_width: usize) -> String {
		let mut text = match &self.finding {
			Some(finding) => format!("seed {}: {finding}\n", self.seed),
			None => format!("seed {}: no finding in {} blocks\n", self.seed, self.blocks),
		};
		let skip = last_calls.map_or(0, |n| self.calls.len().saturating_sub(n));
		if skip > 0 {
			text.push_str(&format!("  ... {skip} earlier calls\n"));
		}
		for record in self.calls.iter().skip(skip) {
			let call: String = format!("{:?}", record.call).chars().take(call_width).collect();
			let outcome = match &record.outcome {
				Outcome::Succeeded => "ok".to_string(),
				Outcome::Failed(error) => crate::coverage::error_text(error),
				Outcome::Invalid(invalid) => format!("invalid: {invalid:?}"),
			};
			text.push_str(&format!("  #{} {}: {call} -> {outcome}\n", record.block, record.origin));
		}
		text
	}
}
