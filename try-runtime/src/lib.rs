//! try-runtime for Pactum.
//!
//! A chain's state (read from a live node, or from a snapshot file this tool wrote) is checked by
//! the runtime of this tree, built natively with the `try-runtime` feature:
//! - **on-runtime-upgrade**: the upgrade to this runtime as it would run on that chain: every
//!   migration with its pre- and post-upgrade checks, the whole state decoded with this runtime's
//!   types, every pallet's `try_state`;
//! - **execute-block**: a block of the chain executed again on its parent's state, every signature
//!   checked, then every pallet's `try_state`, the whole state decoded, and the state root
//!   compared with the block's.
//!
//! polkadot-sdk's own try-runtime CLI is not published for this release, so this is the same
//! work on Pactum's runtime: the runtime's `TryRuntime` API runs the same two functions of
//! `frame-executive`.

pub mod checks;
pub mod remote;
pub mod snapshot;
