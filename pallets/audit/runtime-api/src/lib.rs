//! The runtime API behind the audit JSON-RPC (`audit_case`, `audit_auditor`).
#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;
pub use pallet_audit::{AuditorView, CaseId, CaseView, Phase, Signal, Verdict};

sp_api::decl_runtime_apis! {
	/// Reads of cases and auditors, as of the block they are called at.
	pub trait AuditApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Open case `id`'s phase, deadlines, draw seed and threshold, seats and revealed votes;
		/// `None` if no such case is open. (The parameter is not named `case`: metadata carries
		/// parameter names, and clients generated from it, PAPI's among them, cannot use a
		/// JavaScript reserved word as one.)
		fn case(id: CaseId) -> Option<CaseView<AccountId, Balance, BlockNumber>>;
		/// A bonded auditor's stake, signals and open seats; `None` if not bonded.
		fn auditor(account: AccountId) -> Option<AuditorView<Balance>>;
	}
}
