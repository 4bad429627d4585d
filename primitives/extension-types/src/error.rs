//! The typed error of every extension function.

use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Why an extension function refused. The runtime returns it as the call's status code
/// ([`PactumError::status`], never 0: 0 is success); the contract side turns the code back into
/// the variant ([`PactumError::from_status`]). Codes are the ABI: once given, a code keeps its
/// meaning.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[cfg_attr(feature = "std", derive(Hash))]
pub enum PactumError {
	/// The input did not decode as the function's arguments, or was longer than they can be.
	InvalidInput,
	/// A function that changes state was called in a read-only call.
	ReadOnly,
	/// The account is not a registered participant (for a contract: not registered, or its
	/// registration was for other code).
	NotParticipant,
	/// A ban is in force on the account (or, for a contract, on its registrar).
	Banned,
	/// The contract is registered already.
	AlreadyRegistered,
	/// The contract's caller, who registers it and answers for it, is not an active participant.
	RegistrarNotParticipant,
	/// The contract cannot leave yet: it holds roles or an organisation code, or records of
	/// other pallets name it.
	StillReferenced,
	/// The contract's code changed since it was registered: it acts as a participant no more.
	CodeChanged,
	/// A contract registers itself only in its constructor, its deployer answering for it;
	/// whoever calls a deployed contract is no registrar.
	NotInConstructor,
	/// The account lacks the funds (PACT for a deposit or stake, or the asset and its fee).
	InsufficientBalance,
	/// No such document.
	UnknownDocument,
	/// No such asset.
	UnknownAsset,
	/// The asset's holder policy does not admit the sender or the recipient (kind, KYC level, not
	/// a participant, banned).
	NotAdmitted,
	/// Zero amount, or the sender paying itself.
	InvalidAmount,
	/// The payment is over the sender's per-payment limit.
	OverPaymentLimit,
	/// The payment would take the sender over its daily limit.
	OverDailyLimit,
	/// The payment would take the sender over its monthly limit.
	OverMonthlyLimit,
	/// The asset or the account is frozen.
	Frozen,
	/// A party of the case is not an active participant (unregistered or banned), the claimant
	/// is not the contract's caller, or two parties are one account.
	InvalidParty,
	/// The court cannot take the case now (its agenda is full, or the contract keeps as many
	/// case records as it may).
	CaseRefused,
	/// No such case (or not one the calling contract opened).
	UnknownCase,
	/// The case is not closed yet: its record cannot be dropped.
	CaseStillOpen,
	/// A refusal the ABI has no name for; the runtime logs its cause.
	Other,
}

impl PactumError {
	/// Every variant, in code order.
	pub const ALL: [PactumError; 23] = [
		Self::InvalidInput,
		Self::ReadOnly,
		Self::NotParticipant,
		Self::Banned,
		Self::AlreadyRegistered,
		Self::RegistrarNotParticipant,
		Self::StillReferenced,
		Self::CodeChanged,
		Self::NotInConstructor,
		Self::InsufficientBalance,
		Self::UnknownDocument,
		Self::UnknownAsset,
		Self::NotAdmitted,
		Self::InvalidAmount,
		Self::OverPaymentLimit,
		Self::OverDailyLimit,
		Self::OverMonthlyLimit,
		Self::Frozen,
		Self::InvalidParty,
		Self::CaseRefused,
		Self::UnknownCase,
		Self::CaseStillOpen,
		Self::Other,
	];

	/// The status code the runtime returns for this error.
	pub const fn status(self) -> u32 {
		match self {
			Self::InvalidInput => 1,
			Self::ReadOnly => 2,
			Self::NotParticipant => 10,
			Self::Banned => 11,
			Self::AlreadyRegistered => 12,
			Self::RegistrarNotParticipant => 13,
			Self::StillReferenced => 14,
			Self::CodeChanged => 15,
			Self::NotInConstructor => 16,
			Self::InsufficientBalance => 20,
			Self::UnknownDocument => 30,
			Self::UnknownAsset => 40,
			Self::NotAdmitted => 41,
			Self::InvalidAmount => 42,
			Self::OverPaymentLimit => 43,
			Self::OverDailyLimit => 44,
			Self::OverMonthlyLimit => 45,
			Self::Frozen => 46,
			Self::InvalidParty => 50,
			Self::CaseRefused => 51,
			Self::UnknownCase => 52,
			Self::CaseStillOpen => 53,
			Self::Other => 99,
		}
	}

	/// The error a status code stands for: `None` for 0 (success) and for codes this version
	/// of the ABI does not know (a contract treats those as [`PactumError::Other`]).
	pub fn from_status(status: u32) -> Option<Self> {
		Self::ALL.into_iter().find(|e| e.status() == status)
	}
}

/// An output that does not decode (the two sides disagree on the ABI) is no refusal the ABI
/// names.
impl From<codec::Error> for PactumError {
	fn from(_: codec::Error) -> Self {
		Self::Other
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_error_round_trips_through_its_status_code() {
		for error in PactumError::ALL {
			assert_ne!(error.status(), 0, "0 is success");
			assert_eq!(PactumError::from_status(error.status()), Some(error));
		}
		assert_eq!(PactumError::from_status(0), None);
		assert_eq!(PactumError::from_status(7), None);
	}

	#[test]
	fn status_codes_are_unique() {
		let mut codes: Vec<_> = PactumError::ALL.iter().map(|e| e.status()).collect();
		codes.sort();
		codes.dedup();
		assert_eq!(codes.len(), PactumError::ALL.len());
	}
}
