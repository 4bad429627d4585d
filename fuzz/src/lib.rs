//! # Pactum runtime fuzzer
//!
//! Generates sequences of calls of every Pactum pallet and of the pallets they rely on, from
//! random origins, with random arguments biased toward the edges; applies them block by block
//! on the composed runtime (native, in memory, from the `development` genesis), every block
//! through `initialize_block` … `finalize_block` with all hooks; and checks after every block
//! that nothing panicked, that every Pactum pallet's invariants hold, that the total issuance
//! moved only as the events say, and that the block's execution time stayed within twice its
//! declared weight.
//!
//! ## Cases and seeds
//!
//! An input is a seed (`u64`): with the generator's version ([`generate::GENERATOR_VERSION`]) it
//! determines the whole case ([`case`]): how many blocks, the slots they are authored in, the
//! calls, their origins and arguments. A failing case is printed as `pactum-fuzz --replay
//! <seed>` with the reason; `--replay` runs it again and prints every call with its outcome.
//! Once the bug is fixed, the seed goes into `fuzz/regressions.txt`, which `cargo test -p
//! pactum-fuzz` replays (with a fixed set of seeds besides, so that the test always exercises
//! the harness).
//!
//! ## Blocks ([`block`])
//!
//! Each block is built as a BABE author's block builder builds it: a secondary (plain) BABE
//! pre-digest for the next slot, `initialize_block`, the timestamp inherent at the slot's time,
//! the block's transactions, each in a storage transaction that is rolled back if the
//! transaction is invalid, and `finalize_block`. Cases of a few blocks alternate with longer ones
//! with stretches of empty blocks (so that delays and deadlines come due) and slot gaps (which
//! cross BABE epochs and sessions). The audit calendar is shortened at genesis (epochs of 20
//! blocks, see [`genesis`]) so that a case reaches panels, tallies and escrow releases.
//!
//! ## Calls and origins ([`generate`], [`bias`], [`origins`], [`fixups`])
//!
//! Calls are generated from the runtime's type information: any pallet and call is covered
//! without changes here, biased toward the Pactum pallets (Registry, Documents, Tokens, Content,
//! Audit, Enactment) and those they rely on (Balances, Utility, Proxy, Multisig, Council,
//! Scheduler, Preimage, Sudo; Contracts and the rest rarely). Origins are the development
//! accounts (Alice: sudo and every registry admin role; Bob: KYC and security admin; Charlie:
//! issuer; Dave: auditor; Eve, Ferdie, AliceStash: endowed, unregistered; One, Two: nothing at
//! all), root through the sudo key, the council's collective origin (1 to 3 of 3 votes), and
//! bare extrinsics (no origin). Registered, verified and banned accounts arise from the calls
//! themselves (registration, verification and bans are favoured). Signed calls are real
//! signed transactions: nonces, fees and the call filter apply as on chain. Audit calls are
//! fixed up with real VRF tickets and commitments of the signer's key.
//!
//! Never generated (see [`bias`] for each reason): the timestamp inherent's call;
//! `frame_system`'s code and raw storage calls; `Balances::force_adjust_total_issuance` and
//! `Balances::force_unreserve`; `Utility::with_weight` and `Sudo::sudo_unchecked_weight`;
//! pallet-assets' and pallet-nfts' calls from root or inside other calls (the call filter
//! refuses them to everyone else, and they are generated, rarely, to check that it does).
//!
//! ## Checks ([`checks`], [`capture`])
//!
//! After every block (each failure is a finding, reported with the seed, the block and the
//! calls so far):
//! - no panic, and no defensive failure logged;
//! - `do_try_state` of ValidatorSet, Enactment, Registry, Documents, Tokens, Content and Audit;
//! - `TotalIssuance` moved by exactly what the block's balances events say (fees burned,
//!   mints, burns, slashes, dust), and all balances stayed counted in it;
//! - the runtime's time on the block is at most twice its declared weight (release builds; a
//!   time finding is confirmed by two more runs of the case, the other workers paused, finding
//!   the same block over its weight, before it is reported).
//!
//! Coverage is reported too: calls sent and succeeded per pallet, and the distinct errors met.
//!
//! ## Running it
//!
//! `scripts/fuzz.sh [--seconds N | --inputs N] [--seed S] [--threads N]` builds the release
//! binary and runs a campaign ([`campaign`]; 60 seconds by default): it prints progress every
//! ten seconds (inputs, inputs per second, blocks, calls, failures) and a summary at the end,
//! and exits with 1 if anything failed. `--help` lists every option.
//!
//! ## Limits
//!
//! The fuzzer runs the native runtime on in-memory storage: it finds logic errors, panics and
//! gross under-weighting, not Wasm-only behaviour or database costs. Calls needing an
//! off-chain signature (a relayed document signature) are generated with random ones, so only
//! their refusals are reached. Pure proxies and multisig accounts are not signers. Registry
//! recoveries complete only after their one-day delay, which no case reaches.

pub mod bias;
pub mod block;
pub mod campaign;
pub mod capture;
pub mod case;
pub mod checks;
pub mod coverage;
pub mod cpu_time;
pub mod fixups;
pub mod generate;
pub mod genesis;
pub mod origins;
pub mod rng;

pub use case::{run_case, CaseReport, Check, Finding, Fuzzer, Options};
