//! Pallet configuration, one file per group.

mod accounts;
mod consensus;
mod governance;
mod monetary;
mod system;

pub use accounts::ProxyType;
pub use governance::{AdminOrigin, CouncilCollective};
pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
