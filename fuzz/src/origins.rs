//! Who sends the generated calls: the development accounts of the `development` preset with their
//! registry roles, two accounts that hold nothing, root (through the sudo key, as on a
//! development chain), the council (its collective origin with 1 to 3 of 3 votes) and, rarely,
//! nobody (a bare extrinsic, which only a block author could include).

use crate::rng::Rng;
use frame_support::PalletId;
use pactum_runtime::{configs::CouncilCollective, AccountId, RuntimeOrigin};
use sp_core::sr25519;
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::AccountIdConversion;

/// An account the fuzzer holds the key of, so it can sign its transactions.
pub struct Signer {
	pub name: &'static str,
	pub account: AccountId,
	pub pair: sr25519::Pair,
}

/// The accounts of the fuzzed chain: the signers, and accounts that only appear as arguments.
pub struct Accounts {
	pub signers: Vec<Signer>,
	/// Pallet accounts (the tokens escrow, the content pallet's): arguments, never signers.
	pub others: Vec<(&'static str, AccountId)>,
}

/// The signers and how often each one sends a call (out of [`ORIGIN_WEIGHT_TOTAL`]). In the
/// `development` preset Alice holds sudo and every registry admin role, Bob is a KYC and
/// security admin, Charlie an issuer and Dave an auditor (all verified at level 3, Alice, Bob
/// and Charlie on the council); Eve, Ferdie and AliceStash are endowed but unregistered; One and
/// Two hold nothing, so their transactions are refused until someone pays them.
const SIGNERS: [(Sr25519Keyring, &str, u32); 9] = [
	(Sr25519Keyring::Alice, "Alice", 18),
	(Sr25519Keyring::Bob, "Bob", 12),
	(Sr25519Keyring::Charlie, "Charlie", 12),
	(Sr25519Keyring::Dave, "Dave", 12),
	(Sr25519Keyring::Eve, "Eve", 10),
	(Sr25519Keyring::Ferdie, "Ferdie", 8),
	(Sr25519Keyring::AliceStash, "AliceStash", 4),
	(Sr25519Keyring::One, "One", 3),
	(Sr25519Keyring::Two, "Two", 3),
];
/// Root (through sudo) out of [`ORIGIN_WEIGHT_TOTAL`].
const ROOT_WEIGHT: u32 = 8;
/// The council's collective origin out of [`ORIGIN_WEIGHT_TOTAL`].
const COUNCIL_WEIGHT: u32 = 7;
/// A bare extrinsic (no origin) out of [`ORIGIN_WEIGHT_TOTAL`].
const BARE_WEIGHT: u32 = 3;
const ORIGIN_WEIGHT_TOTAL: u32 = 100;
/// The size of the development council (Alice, Bob, Charlie).
pub const COUNCIL_SIZE: u32 = 3;

impl Accounts {
	pub fn new() -> Self {
		let signers = SIGNERS
			.iter()
			.map(|&(key, name, _)| Signer { name, account: key.to_account_id(), pair: key.pair() })
			.collect();
		// The runtime's pallet ids (`configs/tokens.rs`, `configs/content.rs`, not exported).
		let others: Vec<(&'static str, AccountId)> = vec![
			("tokens escrow", PalletId(*b"pct/tokn").into_account_truncating()),
			("content", PalletId(*b"pct/cont").into_account_truncating()),
		];
		Self { signers, others }
	}

	pub fn signer(&self, index: usize) -> Option<&Signer> {
		self.signers.get(index)
	}

	pub fn index_of(&self, who: &AccountId) -> Option<usize> {
		self.signers.iter().position(|s| &s.account == who)
	}

	/// The raw bytes of every account, each with how often it is picked as an argument: the
	/// signers as often as they sign, the pallet accounts rarely.
	pub fn argument_pool(&self) -> Vec<([u8; 32], u32)> {
		let signers = self
			.signers
			.iter()
			.zip(SIGNERS.iter())
			.map(|(s, (_, _, weight))| (<[u8; 32]>::from(s.account.clone()), *weight));
		let others = self.others.iter().map(|(_, who)| (<[u8; 32]>::from(who.clone()), 2));
		signers.chain(others).collect()
	}
}

impl Default for Accounts {
	fn default() -> Self {
		Self::new()
	}
}

/// The origin of one generated call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
	/// A signed transaction of the signer at this index of [`Accounts::signers`].
	Signed(usize),
	/// Root: the call wrapped in `Sudo::sudo`, signed by the current sudo key.
	Root,
	/// The council's collective origin with `yes` of [`COUNCIL_SIZE`] votes, dispatched directly
	/// (as `Council::close` dispatches an approved motion).
	Council { yes: u32 },
	/// A bare extrinsic: the call dispatched with no origin.
	Bare,
}

impl Origin {
	pub fn pick(rng: &mut Rng) -> Self {
		let mut ticket = rng.below(u64::from(ORIGIN_WEIGHT_TOTAL)) as u32;
		for (index, (_, _, weight)) in SIGNERS.iter().enumerate() {
			if ticket < *weight {
				return Origin::Signed(index);
			}
			ticket -= weight;
		}
		if ticket < ROOT_WEIGHT {
			return Origin::Root;
		}
		ticket -= ROOT_WEIGHT;
		if ticket < COUNCIL_WEIGHT {
			return Origin::Council { yes: 1 + rng.below(u64::from(COUNCIL_SIZE)) as u32 };
		}
		Origin::Bare
	}

	/// Whether the runtime's call filter applies to this origin: every origin but root.
	pub fn is_filtered(&self) -> bool {
		!matches!(self, Origin::Root)
	}

	pub fn label(&self, accounts: &Accounts) -> String {
		match self {
			Origin::Signed(index) => accounts
				.signer(*index)
				.map_or_else(|| format!("signer #{index}"), |s| s.name.into()),
			Origin::Root => "root".into(),
			Origin::Council { yes } => format!("council {yes}/{COUNCIL_SIZE}"),
			Origin::Bare => "none (bare)".into(),
		}
	}
}

/// The council's collective origin with `yes` of [`COUNCIL_SIZE`] votes.
pub fn council(yes: u32) -> RuntimeOrigin {
	pallet_collective::RawOrigin::<AccountId, CouncilCollective>::Members(yes, COUNCIL_SIZE).into()
}

// The weights add up to the total the picking above assumes.
const _: () = {
	let mut sum = ROOT_WEIGHT + COUNCIL_WEIGHT + BARE_WEIGHT;
	let mut i = 0;
	while i < SIGNERS.len() {
		sum += SIGNERS[i].2;
		i += 1;
	}
	assert!(sum == ORIGIN_WEIGHT_TOTAL);
};
