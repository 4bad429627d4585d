//! The checks after every block. Each failure is a finding.
//!
//! - **Invariants**: every Pactum pallet's `try_state` (`do_try_state`).
//! - **Issuance**: `TotalIssuance` moves exactly as the block's balances events say (fees burned,
//!   rewards minted, slashes burned, dust lost all show there), and every balance is counted in
//!   it: the sum of all accounts' free and reserved balances stays the same distance from it.
//! - **Time against weight**: the runtime's CPU time on the block is at most twice the weight it
//!   declared (weight's ref time is picoseconds on the reference machine). Native execution
//!   in memory is faster than Wasm on a database, so this finds only gross under-weighting. CPU
//!   time, not wall time: time spent waiting for a core (other work on the machine, such as the
//!   end-to-end tests `scripts/test.sh` runs it beside) is no block's cost. Single runs still
//!   go past the limit now and then (caches, page faults): a finding counts only when two more
//!   runs of the case find the same block over it (`campaign::run_case_confirmed`).

use crate::block::ClosedBlock;
use pactum_runtime::{Balance, Runtime, RuntimeEvent};
use sp_runtime::{DispatchError, TryRuntimeError};

type TryState = fn() -> Result<(), TryRuntimeError>;

/// Every Pactum pallet's `try_state` invariants, in the order the runtime lists the pallets.
pub fn invariants() -> Result<(), String> {
	let pallets: [(&str, TryState); 8] = [
		("ValidatorSet", pallet_validator_set::Pallet::<Runtime>::do_try_state),
		("Enactment", pallet_enactment::Pallet::<Runtime>::do_try_state),
		("Registry", pallet_registry::Pallet::<Runtime>::do_try_state),
		("Documents", pallet_documents::Pallet::<Runtime>::do_try_state),
		("Tokens", pallet_tokens::Pallet::<Runtime>::do_try_state),
		("Content", pallet_content::Pallet::<Runtime>::do_try_state),
		("Audit", pallet_audit::Pallet::<Runtime>::do_try_state),
		("Attestations", pallet_attestations::Pallet::<Runtime>::do_try_state),
	];
	for (pallet, try_state) in pallets {
		try_state().map_err(|error| format!("{pallet}: {}", reason(&error)))?;
	}
	Ok(())
}

/// Checks that `TotalIssuance` went from `before` to its value now exactly by the balances
/// events of the block (read after `finalize_block`, before the next block clears them).
///
/// What moves `TotalIssuance` in pallet-balances 51 and frame-support 49, and the event each
/// emits (the amount is what actually moved):
/// - up: `Issued` (`Balanced::issue`, `Currency::issue`, a dropped `Currency` positive
///   imbalance), `Minted` (`Mutate::mint_into`), `Restored` (`Mutate::restore`), `MintedCredit`
///   (a dropped fungible debt);
/// - down: `Rescinded` (`Balanced::rescind`, `Currency::burn`, a dropped `Currency` negative
///   imbalance), `Burned` (`Mutate::burn_from`), `Suspended` (`Mutate::shelve`), `BurnedDebt` (a
///   dropped fungible credit: transaction fees with this runtime's `FungibleAdapter<Balances, ()>`,
///   dust of reaped accounts with `DustRemoval = ()`), `BurnedHeld` (`MutateHold::burn_held`);
/// - set: `TotalIssuanceForced { old, new }`.
///
/// pallet-balances moves `TotalIssuance` with saturating arithmetic (a root `force_set_balance`
/// to `u128::MAX` saturates it), so the events are summed the same way; returns whether the
/// issuance reached `u128::MAX` in the block (it then stops being the accounts' sum).
///
/// `Withdraw`, `Deposit`, `Slashed`, `DustLost`, `BalanceSet` and the hold events do not move
/// it: they come with one of the above when issuance changes (`Withdraw` makes a credit whose
/// drop is `BurnedDebt`; `Slashed` a negative imbalance whose drop is `Rescinded`).
pub fn issuance(before: Balance) -> Result<bool, String> {
	use pallet_balances::Event;
	let mut expected = before;
	let mut saturated = false;
	for record in frame_system::Pallet::<Runtime>::read_events_no_consensus() {
		let RuntimeEvent::Balances(event) = &record.event else { continue };
		let moved = match event {
			Event::Issued { amount }
			| Event::Minted { amount, .. }
			| Event::Restored { amount, .. }
			| Event::MintedCredit { amount } => Some(expected.saturating_add(*amount)),
			Event::Rescinded { amount }
			| Event::Burned { amount, .. }
			| Event::Suspended { amount, .. }
			| Event::BurnedDebt { amount }
			| Event::BurnedHeld { amount, .. } => Some(expected.saturating_sub(*amount)),
			Event::TotalIssuanceForced { old, new } => {
				if *old != expected {
					return Err(format!(
						"TotalIssuanceForced from {old}, but the events so far make {expected}"
					));
				}
				Some(*new)
			}
			_ => Some(expected),
		};
		expected = moved.ok_or_else(|| format!("the issuance events overflow at {event:?}"))?;
		saturated |= expected == Balance::MAX;
	}
	let actual = pallet_balances::TotalIssuance::<Runtime>::get();
	if actual == expected {
		Ok(saturated)
	} else {
		Err(format!(
			"TotalIssuance went from {before} to {actual}, the block's events explain {expected} \
			 (unexplained: {})",
			signed_difference(actual, expected)
		))
	}
}

/// The sum of every account's free and reserved balance, less `TotalIssuance` (wrapping): a
/// block must leave it as it found it, or some balance changed without the issuance.
pub fn ledger_gap() -> Balance {
	let ledger = frame_system::Account::<Runtime>::iter_values().fold(0u128, |sum, account| {
		sum.wrapping_add(account.data.free).wrapping_add(account.data.reserved)
	});
	ledger.wrapping_sub(pallet_balances::TotalIssuance::<Runtime>::get())
}

/// The block's CPU time as a share of its declared ref time (1.0: exactly the weight).
pub fn time_share(block: &ClosedBlock) -> f64 {
	let declared_ps = block.declared.ref_time().max(1) as f64;
	block.elapsed.as_nanos() as f64 * 1_000.0 / declared_ps
}

/// Checks the block's time against twice its declared weight.
pub fn time(block: &ClosedBlock) -> Result<(), String> {
	let declared_ps = u128::from(block.declared.ref_time());
	let elapsed_ps = block.elapsed.as_nanos().saturating_mul(1_000);
	if elapsed_ps <= declared_ps.saturating_mul(2) {
		return Ok(());
	}
	let slowest = block.slowest.as_ref().map_or(String::new(), |slowest| {
		format!(
			"; the slowest call, {}::{}, took {:?} for {} µs declared",
			slowest.call.0,
			slowest.call.1,
			slowest.took,
			slowest.declared.ref_time() / 1_000_000
		)
	});
	Err(format!(
		"the block took {:?}, more than twice its declared weight ({} µs of ref time){slowest}",
		block.elapsed,
		declared_ps / 1_000_000
	))
}

/// A `try_state` error as text.
fn reason(error: &DispatchError) -> String {
	match error {
		DispatchError::Other(message) => (*message).to_string(),
		other => format!("{other:?}"),
	}
}

fn signed_difference(a: Balance, b: Balance) -> String {
	if a >= b {
		format!("+{}", a - b)
	} else {
		format!("-{}", b - a)
	}
}
