//! Weights of polkadot-sdk code measured on the reference machine, written by
//! `scripts/benchmark.sh` (the Pactum pallets keep theirs in their own crates): the base cost of
//! a block and of an extrinsic (`benchmark overhead`), a ParityDB read and write on a state of
//! 100,000 accounts (`benchmark storage`), the transaction extensions and the pallets whose calls
//! every chain user pays for (`benchmark pallet`).

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_transaction_payment;
// The generated file documents each field of a struct expression, which rustdoc ignores.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;
