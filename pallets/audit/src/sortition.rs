//! Private sortition and vote commitments: the parts an auditor's client computes the same way as
//! the runtime (`pactum-audit-ticket` uses these functions).
//!
//! For every draw (a case, a round, an attempt) each auditor evaluates an sr25519 VRF on the
//! transcript [`draw_transcript`], which names its account, with its own secret key. Only the auditor can compute its output,
//! so only it learns whether it qualifies (`output < threshold`). It proves it by sending the VRF
//! signature (its [`Ticket`]) together with its vote commitment: seats and votes become visible
//! at the same moment, so nobody can see the panel before committing. The seed is the chain's
//! randomness taken at the start of the draw epoch, after the case was opened and a whole epoch
//! after the auditors' signals (and so their keys) for that epoch were frozen.

use crate::{CaseId, DrawOutput, Ticket, Verdict};
use codec::{Decode, Encode};
use sp_core::{
	crypto::VrfPublic,
	sr25519::{
		vrf::{VrfSignData, VrfSignature, VrfTranscript},
		Public,
	},
	H256,
};

/// Label of the draw transcript.
pub const TRANSCRIPT_LABEL: &[u8] = b"pactum-audit-draw";
/// Context of the output bytes derived from a draw's VRF.
pub const OUTPUT_CONTEXT: &[u8] = b"pactum-audit-output";
/// Domain of a vote commitment.
pub const COMMITMENT_DOMAIN: &[u8] = b"pactum-audit-vote";

/// The VRF input of a draw: the epoch seed, the case, its round and attempt, and the account
/// that takes the seat (SCALE-encoded), so that every account draws on its own.
pub fn draw_transcript<AccountId: Encode>(
	seed: &H256,
	case: CaseId,
	round: u8,
	attempt: u8,
	account: &AccountId,
) -> VrfTranscript {
	VrfTranscript::new(
		TRANSCRIPT_LABEL,
		&[
			(b"seed", seed.as_bytes()),
			(b"case", &case.to_le_bytes()),
			(b"round", &[round]),
			(b"attempt", &[attempt]),
			(b"account", &account.encode()),
		],
	)
}

/// Checks `ticket` against `key` for `account`'s draw; returns the draw output it proves.
pub fn verify<AccountId: Encode>(
	key: &[u8; 32],
	seed: &H256,
	case: CaseId,
	round: u8,
	attempt: u8,
	account: &AccountId,
	ticket: &Ticket,
) -> Option<DrawOutput> {
	let signature = VrfSignature::decode(&mut &ticket.encode()[..]).ok()?;
	let public = Public::from_raw(*key);
	let transcript = draw_transcript(seed, case, round, attempt, account);
	if !public.vrf_verify(&VrfSignData::new(transcript.clone()), &signature) {
		return None;
	}
	public.make_bytes::<16>(OUTPUT_CONTEXT, &transcript, &signature.pre_output).ok()
}

/// The qualification threshold for a draw among `eligible` signalled auditors, aiming at
/// `target` qualifiers: everyone qualifies when there are no more auditors than the target.
pub fn threshold(eligible: u32, target: u32) -> u128 {
	if eligible <= target {
		return u128::MAX;
	}
	(u128::MAX / u128::from(eligible)).saturating_mul(u128::from(target))
}

/// Whether a draw output qualifies under `threshold`.
pub fn qualifies(output: &DrawOutput, threshold: u128) -> bool {
	threshold == u128::MAX || u128::from_be_bytes(*output) < threshold
}

/// The commitment an auditor sends for `vote`: it binds the case, round, attempt, the auditor,
/// the vote and a secret salt.
pub fn commitment<AccountId: Encode>(
	case: CaseId,
	round: u8,
	attempt: u8,
	auditor: &AccountId,
	vote: Verdict,
	salt: &[u8; 32],
) -> H256 {
	let preimage = (COMMITMENT_DOMAIN, case, round, attempt, auditor, vote, salt).encode();
	H256(sp_io::hashing::blake2_256(&preimage))
}

/// Makes `account`'s ticket with an sr25519 key pair (clients, tests and benchmarks on the
/// host).
#[cfg(feature = "std")]
pub fn sign<AccountId: Encode>(
	pair: &sp_core::sr25519::Pair,
	seed: &H256,
	case: CaseId,
	round: u8,
	attempt: u8,
	account: &AccountId,
) -> (Ticket, DrawOutput) {
	use sp_core::crypto::VrfSecret;
	let transcript = draw_transcript(seed, case, round, attempt, account);
	let signature = pair.vrf_sign(&VrfSignData::new(transcript.clone()));
	let output = pair.make_bytes::<16>(OUTPUT_CONTEXT, &transcript);
	let bytes = signature.encode();
	let mut ticket = Ticket { pre_output: [0; 32], proof: [0; 64] };
	ticket.pre_output.copy_from_slice(&bytes[..32]);
	ticket.proof.copy_from_slice(&bytes[32..]);
	(ticket, output)
}
