//! Fix-ups of generated calls that need a key or the chain's state to be worth sending. An
//! auditor's draw key is its own, its ticket a real VRF proof for the case's current draw, and
//! its commitment one it can reveal: without them the audit court's panels, votes, tallies,
//! slashes and objections would never be reached by random arguments. A fix-up is skipped now
//! and then, so that the wrong key, ticket or salt is still tried.

use crate::{origins::Signer, rng::Rng};
use codec::Encode;
use pactum_runtime::{Runtime, RuntimeCall};
use pallet_audit::{sortition, Phase, Verdict};
use sp_core::Pair as _;

/// How often a call that can be fixed up is.
const FIX_UP_PERCENT: u64 = 85;
/// Votes a case remembers (the latest).
const REMEMBERED_BALLOTS: usize = 64;

/// The votes committed during a case, to be revealed.
#[derive(Clone, Debug, Default)]
pub struct Ballots {
	cast: Vec<Ballot>,
}

#[derive(Clone, Debug)]
struct Ballot {
	signer: usize,
	case: u32,
	vote: Verdict,
	salt: [u8; 32],
}

/// Fixes up `call`, about to be signed by `signer` (at `signer_index` of the accounts).
pub fn fix_up(
	call: &mut RuntimeCall,
	signer_index: usize,
	signer: &Signer,
	rng: &mut Rng,
	ballots: &mut Ballots,
) {
	let RuntimeCall::Audit(call) = call else { return };
	if !rng.chance(FIX_UP_PERCENT) {
		return;
	}
	match call {
		pallet_audit::Call::signal { vrf_key, .. } => *vrf_key = signer.pair.public().0,
		pallet_audit::Call::commit { case, ticket, commitment } => {
			let Some(view) = pallet_audit::Pallet::<Runtime>::case_view(*case) else { return };
			let (Phase::Voting { round, .. }, Some(seed)) = (view.phase, view.seed) else {
				return;
			};
			let attempt = view.attempt;
			let (real, _output) =
				sortition::sign(&signer.pair, &seed, *case, round, attempt, &signer.account);
			let vote = if rng.chance(50) { Verdict::Upheld } else { Verdict::Rejected };
			let salt = sp_io::hashing::blake2_256(
				&(b"pactum-fuzz-salt", signer_index as u32, *case, round, attempt).encode(),
			);
			*ticket = real;
			*commitment =
				sortition::commitment(*case, round, attempt, &signer.account, vote, &salt);
			ballots.cast.push(Ballot { signer: signer_index, case: *case, vote, salt });
			let excess = ballots.cast.len().saturating_sub(REMEMBERED_BALLOTS);
			ballots.cast.drain(..excess);
		}
		pallet_audit::Call::reveal { case, vote, salt } => {
			let ballot =
				ballots.cast.iter().rev().find(|b| b.signer == signer_index && b.case == *case);
			if let Some(ballot) = ballot {
				*vote = ballot.vote;
				*salt = ballot.salt;
			}
		}
		_ => {}
	}
}
