//! What a contract sees of a pallet's refusal: the [`PactumError`] a dispatch error stands for.
//! The pallets' errors are matched by their typed variants (decoded from the module error), so a
//! renamed or reordered variant breaks the build, not the ABI.

use crate::Runtime;
use codec::Decode;
use frame_support::traits::PalletInfoAccess;
use pactum_extension_types::PactumError;
use sp_runtime::{DispatchError, ModuleError, TokenError};

/// The ABI's error for `error`; [`PactumError::Other`] for what the ABI has no name for.
pub fn classify(error: DispatchError) -> PactumError {
	match error {
		DispatchError::Module(module) => module_error(module),
		DispatchError::Token(TokenError::FundsUnavailable | TokenError::OnlyProvider) =>
			PactumError::InsufficientBalance,
		DispatchError::Token(TokenError::Frozen | TokenError::Blocked) => PactumError::Frozen,
		DispatchError::Token(TokenError::BelowMinimum) => PactumError::InvalidAmount,
		_ => PactumError::Other,
	}
}

fn decode<E: Decode>(module: &ModuleError) -> Option<E> {
	E::decode(&mut &module.error[..]).ok()
}

fn module_error(module: ModuleError) -> PactumError {
	let index = usize::from(module.index);
	if index == crate::Registry::index() {
		decode(&module).map_or(PactumError::Other, registry)
	} else if index == crate::Tokens::index() {
		decode(&module).map_or(PactumError::Other, tokens)
	} else if index == crate::Audit::index() {
		decode(&module).map_or(PactumError::Other, audit)
	} else if index == crate::Balances::index() {
		decode(&module).map_or(PactumError::Other, balances)
	} else if index == crate::Assets::index() {
		decode(&module).map_or(PactumError::Other, assets)
	} else {
		PactumError::Other
	}
}

fn balances(error: pallet_balances::Error<Runtime>) -> PactumError {
	use pallet_balances::Error::*;
	match error {
		InsufficientBalance | ExistentialDeposit | Expendability | LiquidityRestrictions |
		VestingBalance => PactumError::InsufficientBalance,
		_ => PactumError::Other,
	}
}

/// What the tokens pallet's own checks leave to pallet-assets.
fn assets(error: pallet_assets::Error<Runtime>) -> PactumError {
	use pallet_assets::Error::*;
	match error {
		BalanceLow | NoAccount => PactumError::InsufficientBalance,
		Unknown | BadAssetId => PactumError::UnknownAsset,
		Frozen | AssetNotLive => PactumError::Frozen,
		WouldDie => PactumError::InvalidAmount,
		_ => PactumError::Other,
	}
}

fn registry(error: pallet_registry::Error<Runtime>) -> PactumError {
	use pallet_registry::Error::*;
	match error {
		NotParticipant | NotAContract => PactumError::NotParticipant,
		AlreadyRegistered => PactumError::AlreadyRegistered,
		Banned => PactumError::Banned,
		InsufficientBalance => PactumError::InsufficientBalance,
		RegistrarNotParticipant | ContractAccount => PactumError::RegistrarNotParticipant,
		StillReferenced | HoldsRoles | HoldsOrgCode | RecoveryPending =>
			PactumError::StillReferenced,
		_ => PactumError::Other,
	}
}

fn tokens(error: pallet_tokens::Error<Runtime>) -> PactumError {
	use pallet_tokens::Error::*;
	match error {
		UnknownAsset => PactumError::UnknownAsset,
		SenderNotParticipant => PactumError::NotParticipant,
		SenderBanned => PactumError::Banned,
		SenderKindNotAllowed | SenderKycTooLow | RecipientNotParticipant | RecipientBanned |
		RecipientKindNotAllowed | RecipientKycTooLow | CannotReceive => PactumError::NotAdmitted,
		ZeroAmount | SelfTransfer | BelowMinimum | WouldLeaveDust => PactumError::InvalidAmount,
		OverPaymentLimit => PactumError::OverPaymentLimit,
		OverDailyLimit => PactumError::OverDailyLimit,
		OverMonthlyLimit => PactumError::OverMonthlyLimit,
		InsufficientBalance => PactumError::InsufficientBalance,
		Frozen => PactumError::Frozen,
		_ => PactumError::Other,
	}
}

fn audit(error: pallet_audit::Error<Runtime>) -> PactumError {
	use pallet_audit::Error::*;
	match error {
		NotParticipant => PactumError::NotParticipant,
		Banned => PactumError::Banned,
		SameParty | CounterpartyNotParticipant | CounterpartyBanned | ClaimantNotParticipant |
		ClaimantBanned => PactumError::InvalidParty,
		TooManyContractCases | Overflow => PactumError::CaseRefused,
		UnknownCase => PactumError::UnknownCase,
		CaseStillOpen => PactumError::CaseStillOpen,
		_ => PactumError::Other,
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn each_pallets_errors_map_by_variant() {
		assert_eq!(classify(pallet_tokens::Error::<Runtime>::OverDailyLimit.into()), PactumError::OverDailyLimit);
		assert_eq!(classify(pallet_tokens::Error::<Runtime>::RecipientKycTooLow.into()), PactumError::NotAdmitted);
		assert_eq!(classify(pallet_tokens::Error::<Runtime>::SenderNotParticipant.into()), PactumError::NotParticipant);
		assert_eq!(classify(pallet_registry::Error::<Runtime>::AlreadyRegistered.into()), PactumError::AlreadyRegistered);
		assert_eq!(classify(pallet_registry::Error::<Runtime>::HoldsRoles.into()), PactumError::StillReferenced);
		assert_eq!(classify(pallet_audit::Error::<Runtime>::ClaimantNotParticipant.into()), PactumError::InvalidParty);
		assert_eq!(classify(pallet_audit::Error::<Runtime>::CaseStillOpen.into()), PactumError::CaseStillOpen);
		// A banned party is the case's problem, not the contract's own ban.
		assert_eq!(classify(pallet_audit::Error::<Runtime>::ClaimantBanned.into()), PactumError::InvalidParty);
		assert_eq!(classify(pallet_audit::Error::<Runtime>::CounterpartyBanned.into()), PactumError::InvalidParty);
		assert_eq!(classify(pallet_audit::Error::<Runtime>::Banned.into()), PactumError::Banned);
		assert_eq!(classify(pallet_balances::Error::<Runtime>::Expendability.into()), PactumError::InsufficientBalance);
		assert_eq!(classify(pallet_assets::Error::<Runtime>::BalanceLow.into()), PactumError::InsufficientBalance);
		assert_eq!(classify(pallet_assets::Error::<Runtime>::Frozen.into()), PactumError::Frozen);
	}

	#[test]
	fn what_the_abi_has_no_name_for_is_other() {
		assert_eq!(classify(pallet_tokens::Error::<Runtime>::AssetExists.into()), PactumError::Other);
		assert_eq!(classify(pallet_documents::Error::<Runtime>::UnknownDocument.into()), PactumError::Other);
		assert_eq!(classify(DispatchError::BadOrigin), PactumError::Other);
		assert_eq!(classify(pallet_balances::Error::<Runtime>::TooManyHolds.into()), PactumError::Other);
		assert_eq!(classify(DispatchError::Token(TokenError::FundsUnavailable)), PactumError::InsufficientBalance);
	}
}
