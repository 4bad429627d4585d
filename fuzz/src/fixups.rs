//! Fix-ups of generated calls that need a key or the chain's state to be worth sending. An
//! auditor's draw key is its own, its ticket a real VRF proof for the case's current draw, and
//! its commitment one it can reveal: without them the audit court's panels, votes, tallies,
//! slashes and objections would never be reached by random arguments. A content's creators and
//! royalty tables sum to 100 %, and a document's parties are registered participants: random
//! shares and accounts almost never are, and every later content and document call needs one to
//! exist. A fix-up is skipped now and then, so that the wrong key, ticket, salt, shares or
//! parties are still tried.

use crate::{origins::Signer, rng::Rng};
use codec::Encode;
use frame_support::{traits::Get, BoundedVec};
use pactum_runtime::{AccountId, Runtime, RuntimeCall};
use pallet_audit::{sortition, Phase, Verdict};
use pallet_content::{RoleShares, Royalties};
use sp_core::Pair as _;
use sp_keyring::Sr25519Keyring;
use sp_runtime::Permill;

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
	let fixable = matches!(
		call,
		RuntimeCall::Audit(_) |
			RuntimeCall::Content(pallet_content::Call::register { .. }) |
			RuntimeCall::Documents(pallet_documents::Call::create { .. })
	);
	// Drawn for the calls that can be fixed up only: the other calls' cases stay as they were.
	if !fixable || !rng.chance(FIX_UP_PERCENT) {
		return;
	}
	match call {
		RuntimeCall::Audit(call) => fix_up_audit(call, signer_index, signer, rng, ballots),
		RuntimeCall::Content(pallet_content::Call::register { creators, royalties, .. }) => {
			fix_up_content(creators, royalties, signer, rng)
		}
		RuntimeCall::Documents(pallet_documents::Call::create {
			parent,
			parties,
			signers,
			valid_until,
			..
		}) => {
			// A new contract between the signer and one of the registered development accounts,
			// both required to sign.
			let other = rng.pick(&REGISTERED).copied().unwrap_or(Sr25519Keyring::Alice);
			let mut accounts = vec![signer.account.clone()];
			if other.to_account_id() != signer.account {
				accounts.push(other.to_account_id());
			}
			*parent = None;
			*parties = accounts.clone();
			*signers = accounts;
			*valid_until = None;
		}
		_ => {}
	}
}

/// The registered participants of the `development` preset.
const REGISTERED: [Sr25519Keyring; 4] =
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave];

/// The signer as the only creator, and royalty tables that sum to 100 %.
fn fix_up_content<S: Get<u32>>(
	creators: &mut BoundedVec<(AccountId, Permill), S>,
	royalties: &mut Royalties,
	signer: &Signer,
	rng: &mut Rng,
) {
	*creators = BoundedVec::truncate_from(vec![(signer.account.clone(), Permill::one())]);
	let mut table = || {
		let creators = rng.below(101);
		let owner = rng.below(101 - creators);
		let rest = 100 - creators - owner;
		let percent = |p: u64| Permill::from_percent(p as u32);
		RoleShares {
			creators: percent(creators),
			owner: percent(owner),
			distributors: percent(rest / 2),
			promoters: percent(rest - rest / 2),
		}
	};
	royalties.first_sale = table();
	royalties.later = table();
}

fn fix_up_audit(
	call: &mut pallet_audit::Call<Runtime>,
	signer_index: usize,
	signer: &Signer,
	rng: &mut Rng,
	ballots: &mut Ballots,
) {
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
