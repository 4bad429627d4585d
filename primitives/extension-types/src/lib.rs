//! # Pactum's chain extension ABI
//!
//! What an ink! contract and the runtime agree on when a contract calls into Pactum's native
//! pallets: the extension's id ([`EXTENSION_ID`]), one function id per function ([`func`]), the
//! typed error every refusal comes back as ([`PactumError`], a status code the contract matches)
//! and the views the read functions return. The runtime's `chain_extension` module implements
//! the functions; `ink-contracts/pactum-env` gives contracts typed access to them. Both depend on
//! this crate, so the two sides cannot drift apart.
//!
//! Encoding is SCALE throughout. Accounts and hashes are 32 bytes, balances `u128`, block numbers
//! `u32` (Pactum's runtime types).
//!
//! | id | function | input | output | changes state |
//! |---|---|---|---|---|
//! | `0x0100` | standing | `AccountId` | `Option<StandingView>` | no |
//! | `0x0101` | register_self | — | — | yes |
//! | `0x0102` | leave | — | — | yes |
//! | `0x0200` | document | `DocumentId` | `Option<DocumentView>` | no |
//! | `0x0201` | signed | `(DocumentId, VersionIndex, AccountId)` | `bool` | no |
//! | `0x0202` | certificate | `Hash` | `Option<CertificateView>` | no |
//! | `0x0300` | balance | `(AssetId, AccountId)` | `Balance` | no |
//! | `0x0301` | quote | `(AssetId, AccountId, Balance)` | `QuoteView` | no |
//! | `0x0302` | transfer | `(AssetId, AccountId, Balance)` | — | yes |
//! | `0x0400` | open_case | `CaseRequest` | `CaseId` | yes |
//! | `0x0401` | case | `CaseId` | `Option<CaseView>` | no |
//! | `0x0402` | forget_case | `CaseId` | — | yes |
//!
//! Every function acts for the calling contract's own account and nothing else: a transfer
//! moves the contract's tokens, a case is opened (and staked) by the contract. A function that
//! changes state refuses with [`PactumError::ReadOnly`] in a read-only call.
#![cfg_attr(not(feature = "std"), no_std)]

mod error;
mod views;

pub use error::PactumError;
pub use views::*;

/// The extension's id in pallet-contracts' `RegisteredChainExtension` (`"PA"`).
pub const EXTENSION_ID: u16 = 0x5041;

/// The function ids: the high byte names the pallet, the low byte the function.
pub mod func {
	/// An account's standing in the registry.
	pub const STANDING: u16 = 0x0100;
	/// Register the calling contract as a participant of kind `Contract`.
	pub const REGISTER_SELF: u16 = 0x0101;
	/// The calling contract leaves the registry; its deposit comes back.
	pub const LEAVE: u16 = 0x0102;
	/// A document's state, current version and whether it is fully signed.
	pub const DOCUMENT: u16 = 0x0200;
	/// Whether an account signed a document's version.
	pub const SIGNED: u16 = 0x0201;
	/// A certificate by its hash.
	pub const CERTIFICATE: u16 = 0x0202;
	/// An account's balance of a regulated asset.
	pub const BALANCE: u16 = 0x0300;
	/// What a transfer from the calling contract would cost, or why it would be refused.
	pub const QUOTE: u16 = 0x0301;
	/// A regulated transfer from the calling contract's own account.
	pub const TRANSFER: u16 = 0x0302;
	/// Open an auditor-court case, the calling contract as the requester.
	pub const OPEN_CASE: u16 = 0x0400;
	/// A case's phase and verdict.
	pub const CASE: u16 = 0x0401;
	/// Drop the record of a closed case the calling contract opened.
	pub const FORGET_CASE: u16 = 0x0402;

	/// Every function id, in table order.
	pub const ALL: [u16; 12] = [
		STANDING,
		REGISTER_SELF,
		LEAVE,
		DOCUMENT,
		SIGNED,
		CERTIFICATE,
		BALANCE,
		QUOTE,
		TRANSFER,
		OPEN_CASE,
		CASE,
		FORGET_CASE,
	];

	/// Whether the function changes state (refused in a read-only call).
	pub const fn changes_state(id: u16) -> bool {
		matches!(id, REGISTER_SELF | LEAVE | TRANSFER | OPEN_CASE | FORGET_CASE)
	}
}

/// An account: 32 bytes.
pub type AccountId = [u8; 32];
/// A 32-byte hash.
pub type Hash = [u8; 32];
/// An amount of PACT or of a regulated asset.
pub type Balance = u128;
/// A block number.
pub type BlockNumber = u32;
/// A regulated asset's id.
pub type AssetId = u32;
/// A document's id.
pub type DocumentId = u64;
/// A version of a document, from 0 (the original).
pub type VersionIndex = u32;
/// An auditor-court case's id.
pub type CaseId = u32;

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn function_ids_are_unique_and_grouped_by_pallet() {
		let mut ids = func::ALL.to_vec();
		ids.sort();
		ids.dedup();
		assert_eq!(ids.len(), func::ALL.len());
		assert!(func::ALL.iter().all(|id| (0x01..=0x04).contains(&(id >> 8))));
	}

	#[test]
	fn only_the_acting_functions_change_state() {
		let acting: Vec<_> = func::ALL.into_iter().filter(|id| func::changes_state(*id)).collect();
		assert_eq!(
			acting,
			[func::REGISTER_SELF, func::LEAVE, func::TRANSFER, func::OPEN_CASE, func::FORGET_CASE]
		);
	}
}
