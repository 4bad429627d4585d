//! Weights of polkadot-sdk code measured on the reference machine, written by
//! `scripts/benchmark.sh` (the Pactum pallets keep theirs in their own crates): the base cost of
//! a block and of an extrinsic (`benchmark overhead`), the transaction extensions and the
//! pallets whose calls every chain user pays for (`benchmark pallet`).

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_transaction_payment;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
