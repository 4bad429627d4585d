//! # Pactum primitives
//!
//! What the domain pallets share, and the only crate through which they meet: no pallet depends
//! on another pallet's crate; the runtime wires them together through the traits here.
//!
//! - [`participants`]: who an account is ([`Standing`], [`AccountKind`]), the registry as other
//!   pallets see it ([`ParticipantRegistry`], reference counting, [`ParticipantRegistry::ensure_active`]
//!   with its one refusal vocabulary, [`Inactive`]), and the hook that moves state on recovery
//!   in metered steps ([`OnParticipantRecovered`], [`RecoveryProgress`]).
//! - [`roles`]: the open role type ([`Role`]): each pallet declares its own roles next to itself
//!   with [`declare_roles!`]; the registry stores and checks them without knowing them, and the
//!   runtime lists them once ([`RoleCatalog`]). [`EnsureRole`] is the origin check for a role.
//! - [`transfers`]: regulated-token payments other pallets make ([`RegulatedTransfer`]).
//! - [`contracts`]: what the runtime's chain extension asks of the pallets for a contract
//!   (contracts as participants, documents, the ledger, the auditor court).
//! - [`serde_helpers`]: how the runtime-API views read in JSON (bytes as `0x` hex, balances as
//!   decimal strings), for the views' serde derives.
//! - Common types: [`Digest`], [`AssetId`].
//!
//! With the `test-utils` feature, `mock` offers test doubles of the registry and of the
//! regulated ledger, so a pallet's unit tests build only that pallet.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(any(test, feature = "test-utils"))]
pub mod mock;
pub mod contracts;
pub mod participants;
pub mod roles;
pub mod serde_helpers;
pub mod transfers;

pub use contracts::{
	CaseState, CertificateState, CertificateSummary, ContractCode, ContractCourt,
	ContractParticipants, DocumentRecords, DocumentState, DocumentSummary, RegulatedLedger,
	TransferQuote, Verdict,
};
pub use participants::{
	AccountKind, Inactive, OnParticipantRecovered, ParticipantRegistry, RecoveryProgress,
	Standing, MAX_RECOVERY_HOPS,
};
pub use roles::{EnsureRole, Role, RoleCatalog, RoleInfo, RoleSet, MAX_ROLES};
pub use transfers::{AssetId, RegulatedTransfer};

/// A 32-byte hash of something kept off chain (a document file, KYC evidence, a record).
pub type Digest = [u8; 32];

#[doc(hidden)]
pub use {alloc::vec as __vec, alloc::vec::Vec as __Vec, frame_support::traits::Get as __Get};
