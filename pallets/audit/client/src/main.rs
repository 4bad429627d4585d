//! `pactum-audit-ticket`: what an auditor runs, privately, for each draw of a case.
//!
//! It evaluates the draw's VRF with the auditor's own key (the one named when signalling) on the
//! seed and threshold that `audit_case` returns, says whether the auditor qualifies, and prints
//! the `ticket` to send with `audit.commit`. With `--vote` it also prints the vote commitment and
//! the salt to reveal with later. The salt is derived from the secret key and the draw, so the
//! auditor can compute it again at reveal time without storing it.
//!
//! ```text
//! pactum-audit-ticket --suri //Alice --seed 0x... --case 3 --threshold 3402... --vote upheld
//! ```
//!
//! Output: one JSON object (`qualifies`, `output`, `vrfKey`, `ticket.preOutput`,
//! `ticket.proof`, and with `--vote`: `vote`, `salt`, `commitment`, `account`).

use clap::{Parser, ValueEnum};
use codec::Encode;
use pallet_audit::{sortition, Verdict};
use sp_core::{
	crypto::{AccountId32, Ss58Codec},
	sr25519, Pair, H256,
};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
	version,
	about = "Checks eligibility for a Pactum audit draw and builds the ticket and vote commitment"
)]
struct Args {
	/// The draw key's secret URI (mnemonic, hex seed or dev path such as //Alice).
	#[arg(long)]
	suri: String,
	/// The draw's seed, `0x`-prefixed hex (`seed` of `audit_case`).
	#[arg(long)]
	seed: String,
	/// The case id.
	#[arg(long)]
	case: u32,
	/// The round (0: first panel, 1: objection panel).
	#[arg(long, default_value_t = 0)]
	round: u8,
	/// The attempt (re-runs after ties).
	#[arg(long, default_value_t = 0)]
	attempt: u8,
	/// The draw's threshold, decimal (`threshold` of `audit_case`).
	#[arg(long)]
	threshold: u128,
	/// The vote to commit.
	#[arg(long, value_enum)]
	vote: Option<Vote>,
	/// The account that sends the commit (SS58); default: the draw key's own account.
	#[arg(long)]
	account: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Vote {
	Upheld,
	Rejected,
}

fn hex(bytes: &[u8]) -> String {
	let digits: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
	format!("0x{digits}")
}

fn parse_h256(text: &str) -> Result<H256, String> {
	let digits = text.strip_prefix("0x").unwrap_or(text);
	if digits.len() != 64 {
		return Err(format!("a seed is 32 bytes of hex, got {text:?}"));
	}
	let mut out = [0u8; 32];
	for (i, byte) in out.iter_mut().enumerate() {
		*byte = u8::from_str_radix(&digits[2 * i..2 * i + 2], 16)
			.map_err(|_| format!("not hex: {text:?}"))?;
	}
	Ok(H256(out))
}

fn run(args: Args) -> Result<String, String> {
	let pair = sr25519::Pair::from_string(&args.suri, None)
		.map_err(|e| format!("cannot read the secret URI: {e:?}"))?;
	let seed = parse_h256(&args.seed)?;
	// The draw is the account's: the VRF input names the account that takes the seat.
	let account = match &args.account {
		Some(text) => AccountId32::from_ss58check(text)
			.map_err(|e| format!("cannot read the account {text:?}: {e:?}"))?,
		None => AccountId32::from(pair.public()),
	};
	let (ticket, output) =
		sortition::sign(&pair, &seed, args.case, args.round, args.attempt, &account);
	let qualifies = sortition::qualifies(&output, args.threshold);
	let mut json = format!(
		"{{\"qualifies\":{qualifies},\"output\":\"{}\",\"vrfKey\":\"{}\",\"ticket\":{{\"preOutput\":\"{}\",\"proof\":\"{}\"}}",
		hex(&output),
		hex(&pair.public().0),
		hex(&ticket.pre_output),
		hex(&ticket.proof)
	);
	if let Some(vote) = args.vote {
		let vote = match vote {
			Vote::Upheld => Verdict::Upheld,
			Vote::Rejected => Verdict::Rejected,
		};
		let secret = pair.to_raw_vec();
		let salt = sp_io::hashing::blake2_256(
			&(b"pactum-audit-salt", secret, args.case, args.round, args.attempt).encode(),
		);
		let commitment =
			sortition::commitment(args.case, args.round, args.attempt, &account, vote, &salt);
		let name = if vote == Verdict::Upheld { "upheld" } else { "rejected" };
		json.push_str(&format!(
			",\"vote\":\"{name}\",\"account\":\"{}\",\"salt\":\"{}\",\"commitment\":\"{}\"",
			account.to_ss58check(),
			hex(&salt),
			hex(commitment.as_bytes())
		));
	}
	json.push('}');
	Ok(json)
}

fn main() -> ExitCode {
	match run(Args::parse()) {
		Ok(json) => {
			println!("{json}");
			ExitCode::SUCCESS
		}
		Err(error) => {
			eprintln!("pactum-audit-ticket: {error}");
			ExitCode::from(2)
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn args(vote: Option<Vote>) -> Args {
		Args {
			suri: "//Alice".into(),
			seed: hex(&[7; 32]),
			case: 3,
			round: 0,
			attempt: 0,
			threshold: u128::MAX,
			vote,
			account: None,
		}
	}

	#[test]
	fn the_ticket_verifies_as_the_runtime_checks_it() {
		let json = run(args(None)).unwrap();
		assert!(json.contains("\"qualifies\":true"));
		let alice = sr25519::Pair::from_string("//Alice", None).unwrap();
		let account = AccountId32::from(alice.public());
		let (ticket, output) = sortition::sign(&alice, &H256([7; 32]), 3, 0, 0, &account);
		assert!(json.contains(&hex(&output)), "the output is deterministic");
		assert_eq!(
			sortition::verify(&alice.public().0, &H256([7; 32]), 3, 0, 0, &account, &ticket),
			Some(output)
		);
		// Another account's draw with the same key is another draw: the ticket does not verify.
		let bob = AccountId32::from(sr25519::Pair::from_string("//Bob", None).unwrap().public());
		assert_eq!(
			sortition::verify(&alice.public().0, &H256([7; 32]), 3, 0, 0, &bob, &ticket),
			None
		);
	}

	#[test]
	fn the_salt_is_the_same_at_commit_and_reveal_time() {
		let first = run(args(Some(Vote::Upheld))).unwrap();
		let again = run(args(Some(Vote::Upheld))).unwrap();
		let tail = |s: &str| s[s.find("\"vote\"").unwrap()..].to_string();
		assert_eq!(tail(&first), tail(&again));
		let rejected = run(args(Some(Vote::Rejected))).unwrap();
		assert_ne!(tail(&first), tail(&rejected));
	}

	#[test]
	fn a_bad_seed_is_refused() {
		let mut bad = args(None);
		bad.seed = "0x1234".into();
		assert!(run(bad).unwrap_err().contains("32 bytes"));
	}
}
