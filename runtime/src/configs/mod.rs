//! Pallet configuration, one file per group.

mod accounts;
mod attestations;
mod audit;
mod consensus;
mod content;
mod contracts;
mod documents;
mod governance;
mod monetary;
mod registry;
mod system;
mod tokens;

pub use accounts::ProxyType;
pub use audit::{AuditCommitPeriod, AuditEpochLength, AuditEscrowPeriod, AuditRevealPeriod};
pub use governance::{AdminOrigin, CouncilCollective, PRODUCTION_ENACTMENT_DELAY};
pub use registry::{RecoveryBudget, RecoveryDelay};
pub use system::{MinimumPeriod, RuntimeBlockLength, RuntimeBlockWeights, SlotDuration};
