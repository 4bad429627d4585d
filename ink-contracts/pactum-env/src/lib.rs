//! # Pactum's ink! environment
//!
//! A contract declares `#[ink::contract(env = pactum_env::PactumEnvironment)]` and then reaches
//! the native pallets through `self.env().extension()`:
//!
//! ```ignore
//! // Pay 100 of regulated asset 7 from the contract's own account: every rule of the asset
//! // (holder policy, limits, the transfer fee paid on top) applies, the contract as sender.
//! self.env().extension().transfer(7, to, 100)?;
//! // Who is `who`? (`None`: not a participant.)
//! let standing = self.env().extension().standing(who);
//! ```
//!
//! Every function that can be refused returns `Result<_, PactumError>`; the errors, views and
//! function ids are those of `pactum-extension-types`, which the runtime's extension uses too.
//! The functions act for the contract's own account only. In a constructor, `register_self`
//! registers the contract as a participant (its caller, the deployer, answers for it; the
//! registration deposit comes from the contract's balance).
//!
//! Unit tests run the extension against [`mock::MockChain`], an in-memory model of the
//! chain's rules (register it with `mock::MockChain::install`).
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[cfg(feature = "std")]
pub mod mock;

pub use pactum_extension_types::{
	AssetId, CaseId, CaseRequest, CaseView, CertificateState, CertificateView, DocumentId,
	DocumentState, DocumentView, PactumError, ParticipantKind, QuoteView, StandingView, Verdict,
	VersionIndex, EXTENSION_ID,
};

type AccountId = <ink::env::DefaultEnvironment as ink::env::Environment>::AccountId;
type Balance = <ink::env::DefaultEnvironment as ink::env::Environment>::Balance;

/// The status code of an extension call, as ink! hands it to the error type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status(pub PactumError);

impl ink::env::chain_extension::FromStatusCode for Status {
	fn from_status_code(status: u32) -> Result<(), Self> {
		match status {
			0 => Ok(()),
			code => Err(Status(PactumError::from_status(code).unwrap_or(PactumError::Other))),
		}
	}
}

impl From<Status> for PactumError {
	fn from(status: Status) -> Self {
		status.0
	}
}

/// The functions of Pactum's chain extension (ids: `pactum_extension_types::func`).
#[ink::chain_extension(extension = 0x5041)]
pub trait PactumExtension {
	type ErrorCode = Status;

	/// `who`'s standing in the registry; `None` if it is no participant.
	#[ink(function = 0x0100, handle_status = false)]
	fn standing(who: AccountId) -> Option<StandingView>;

	/// Register the contract as a participant of kind `Contract`; its caller, the deployer, is
	/// the registrar. Only in the constructor (later: `NotInConstructor`).
	#[ink(function = 0x0101)]
	fn register_self() -> Result<(), PactumError>;

	/// The contract leaves the registry; its deposit comes back to it.
	#[ink(function = 0x0102)]
	fn leave() -> Result<(), PactumError>;

	/// A document's state, its version in force (before one is, the one being signed), and
	/// whether that version is fully signed.
	#[ink(function = 0x0200, handle_status = false)]
	fn document(id: DocumentId) -> Option<DocumentView>;

	/// Whether `who` signed version `version` of document `id`.
	#[ink(function = 0x0201, handle_status = false)]
	fn signed(id: DocumentId, version: VersionIndex, who: AccountId) -> bool;

	/// A certificate by its file hash.
	#[ink(function = 0x0202, handle_status = false)]
	fn certificate(hash: [u8; 32]) -> Option<CertificateView>;

	/// `who`'s balance of a regulated asset.
	#[ink(function = 0x0300, handle_status = false)]
	fn balance(asset: AssetId, who: AccountId) -> Balance;

	/// What a transfer from the contract would cost, or why it would be refused.
	#[ink(function = 0x0301, handle_status = false)]
	fn quote(asset: AssetId, to: AccountId, amount: Balance) -> QuoteView;

	/// A regulated transfer from the contract's own account; the fee is paid on top.
	#[ink(function = 0x0302)]
	fn transfer(asset: AssetId, to: AccountId, amount: Balance) -> Result<(), PactumError>;

	/// Open an auditor-court case, the contract as requester (staking from its balance), for
	/// the contract's caller as claimant.
	#[ink(function = 0x0400)]
	fn open_case(request: CaseRequest) -> Result<CaseId, PactumError>;

	/// A case the contract opened; `None` if it opened no such case (or dropped it).
	#[ink(function = 0x0401, handle_status = false)]
	fn case(id: CaseId) -> Option<CaseView>;

	/// Drop the record of a closed case the contract opened.
	#[ink(function = 0x0402)]
	fn forget_case(id: CaseId) -> Result<(), PactumError>;
}

/// The environment of a Pactum contract: ink!'s default types (they are the runtime's) and
/// Pactum's chain extension.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "std", derive(scale_info::TypeInfo))]
pub enum PactumEnvironment {}

impl ink::env::Environment for PactumEnvironment {
	const MAX_EVENT_TOPICS: usize =
		<ink::env::DefaultEnvironment as ink::env::Environment>::MAX_EVENT_TOPICS;
	type AccountId = AccountId;
	type Balance = Balance;
	type Hash = <ink::env::DefaultEnvironment as ink::env::Environment>::Hash;
	type Timestamp = <ink::env::DefaultEnvironment as ink::env::Environment>::Timestamp;
	type BlockNumber = <ink::env::DefaultEnvironment as ink::env::Environment>::BlockNumber;
	type ChainExtension = PactumExtension;
}

#[cfg(test)]
mod tests {
	use super::*;
	use ink::ChainExtensionInstance;
	use pactum_extension_types::func;

	fn ext() -> <PactumExtension as ChainExtensionInstance>::Instance {
		<PactumExtension as ChainExtensionInstance>::instantiate()
	}

	#[test]
	fn every_function_calls_its_abi_id() {
		let contract = AccountId::from([1; 32]);
		let chain = mock::MockChain::install(contract);
		let who = AccountId::from([2; 32]);
		let _ = ext().standing(who);
		let _ = ext().register_self();
		let _ = ext().leave();
		let _ = ext().document(0);
		let _ = ext().signed(0, 0, who);
		let _ = ext().certificate([0; 32]);
		let _ = ext().balance(0, who);
		let _ = ext().quote(0, who, 1);
		let _ = ext().transfer(0, who, 1);
		let request = CaseRequest { claimant: [2; 32], respondent: [3; 32], outcome: [0; 32], value_at_risk: 1 };
		let _ = ext().open_case(request);
		let _ = ext().case(0);
		let _ = ext().forget_case(0);
		assert_eq!(chain.calls(), func::ALL.to_vec());
	}

	#[test]
	fn a_refusal_comes_back_as_its_typed_error() {
		let contract = AccountId::from([1; 32]);
		let chain = mock::MockChain::install(contract);
		// Nobody called the contract: there is no registrar.
		assert_eq!(ext().register_self(), Err(PactumError::RegistrarNotParticipant));
		let caller = AccountId::from([2; 32]);
		chain.admit(caller, ParticipantKind::Corporate, 3);
		chain.set_caller(caller);
		assert_eq!(ext().register_self(), Ok(()));
		assert_eq!(ext().register_self(), Err(PactumError::AlreadyRegistered));
		chain.deployed();
		assert_eq!(ext().register_self(), Err(PactumError::NotInConstructor));
		assert_eq!(ext().transfer(9, caller, 1), Err(PactumError::UnknownAsset));
		let standing = ext().standing(contract).expect("registered");
		assert_eq!((standing.kind, standing.kyc_level), (ParticipantKind::Contract, 3));
	}

	#[test]
	fn status_codes_the_abi_does_not_know_are_other() {
		use ink::env::chain_extension::FromStatusCode;
		assert_eq!(Status::from_status_code(0), Ok(()));
		assert_eq!(Status::from_status_code(40), Err(Status(PactumError::UnknownAsset)));
		assert_eq!(Status::from_status_code(7_777), Err(Status(PactumError::Other)));
	}
}
