//! Unit tests of the audit pallet, one file per area.

mod auditors;
mod cases;
mod contract_cases;
mod escrow;
mod lifecycle;
mod objections;
mod recovery;
mod votes;
