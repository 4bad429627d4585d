//! What the fuzzer reached: calls sent and succeeded per pallet, and the distinct errors met
//! (the errors show which checks of the pallets the generated calls got past, and which not).

use crate::block::Outcome;
use sp_runtime::DispatchError;
use std::collections::BTreeMap;

/// Calls of one pallet.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tally {
	/// Sent (dispatched or refused as invalid).
	pub sent: u64,
	pub succeeded: u64,
}

#[derive(Clone, Debug, Default)]
pub struct Coverage {
	pub cases: u64,
	pub blocks: u64,
	/// Calls generated and sent.
	pub calls: u64,
	pub succeeded: u64,
	/// Refused before dispatch (nonce, fees, weight...).
	pub invalid: u64,
	/// Calls the generator could not produce (nothing decodable, or root without a sudo key).
	pub skipped: u64,
	pub pallets: BTreeMap<&'static str, Tally>,
	/// Each distinct error (`pallet: error`, `invalid: reason`) and how often.
	pub errors: BTreeMap<String, u64>,
	/// The largest share of its declared weight's time a block took (CPU time over ref time;
	/// the time check fails a block above 2.0), when the time check is on.
	pub busiest_block: f64,
}

impl Coverage {
	pub fn record(&mut self, pallet: &'static str, outcome: &Outcome) {
		self.calls += 1;
		let tally = self.pallets.entry(pallet).or_default();
		tally.sent += 1;
		let error = match outcome {
			Outcome::Succeeded => {
				self.succeeded += 1;
				tally.succeeded += 1;
				return;
			}
			Outcome::Failed(error) => format!("{pallet}: {}", error_text(error)),
			Outcome::Invalid(invalid) => {
				self.invalid += 1;
				format!("invalid: {invalid:?}")
			}
		};
		*self.errors.entry(error).or_default() += 1;
	}

	pub fn merge(&mut self, other: &Coverage) {
		self.cases += other.cases;
		self.blocks += other.blocks;
		self.calls += other.calls;
		self.succeeded += other.succeeded;
		self.invalid += other.invalid;
		self.skipped += other.skipped;
		self.busiest_block = self.busiest_block.max(other.busiest_block);
		for (pallet, tally) in &other.pallets {
			let mine = self.pallets.entry(*pallet).or_default();
			mine.sent += tally.sent;
			mine.succeeded += tally.succeeded;
		}
		for (error, count) in &other.errors {
			*self.errors.entry(error.clone()).or_default() += count;
		}
	}
}

/// An error as a short text: a pallet error by its name and the pallet's index.
pub fn error_text(error: &DispatchError) -> String {
	match error {
		DispatchError::Module(module) => {
			format!("{} (pallet #{})", module.message.unwrap_or("?"), module.index)
		}
		other => format!("{other:?}"),
	}
}
