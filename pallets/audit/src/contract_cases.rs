//! Cases contracts open through the chain extension ([`pactum_primitives::ContractCourt`]): the
//! contract is the requester (its own balance stakes the case), the respondent the counterparty,
//! and the claimant (the party the contract acts for, the customer of its escrow say) is kept
//! beside the case: it and its organisation may not sit on the panels, and it may object to a
//! first verdict as a party. The court keeps the outcome of a closed case for the contract until
//! the contract drops it; a contract keeps at most `MaxContractCases` records.

use crate::{pallet::*, CaseId, ContractCase, Verdict};
use frame_support::pallet_prelude::*;
use pactum_primitives::{CaseState, ContractCourt, Inactive, ParticipantRegistry};
use sp_core::H256;

impl<T: Config> Pallet<T> {
	/// The claimant of `id`, if a contract opened it.
	pub(crate) fn claimant(id: CaseId) -> Option<T::AccountId> {
		ContractCases::<T>::get(id).map(|record| record.claimant)
	}

	/// A case closed: a contract's record of it keeps the outcome.
	pub(crate) fn contract_case_closed(id: CaseId, verdict: Option<Verdict>) {
		ContractCases::<T>::mutate(id, |record| {
			if let Some(record) = record {
				record.state = match verdict {
					Some(Verdict::Upheld) => CaseState::Decided(pactum_primitives::Verdict::Upheld),
					Some(Verdict::Rejected) => {
						CaseState::Decided(pactum_primitives::Verdict::Rejected)
					}
					None => CaseState::Undecided,
				};
			}
		});
	}
}

impl<T: Config> ContractCourt<T::AccountId, BalanceOf<T>, H256> for Pallet<T> {
	fn open_case(
		contract: &T::AccountId,
		claimant: &T::AccountId,
		respondent: &T::AccountId,
		outcome: H256,
		value_at_risk: BalanceOf<T>,
	) -> Result<CaseId, DispatchError> {
		ensure!(
			ContractCaseCount::<T>::get(contract) < T::MaxContractCases::get(),
			Error::<T>::TooManyContractCases
		);
		ensure!(claimant != respondent && claimant != contract, Error::<T>::SameParty);
		T::Registry::ensure_active(claimant).map_err(|inactive| match inactive {
			Inactive::NotParticipant => Error::<T>::ClaimantNotParticipant,
			Inactive::Banned => Error::<T>::ClaimantBanned,
		})?;
		let id = Self::do_open_case(contract.clone(), respondent.clone(), outcome, value_at_risk, None)?;
		ContractCases::<T>::insert(
			id,
			ContractCase { contract: contract.clone(), claimant: claimant.clone(), state: CaseState::Open },
		);
		ContractCaseCount::<T>::mutate(contract, |n| *n = n.saturating_add(1));
		Self::deposit_event(Event::ContractCaseOpened {
			case: id,
			contract: contract.clone(),
			claimant: claimant.clone(),
		});
		Ok(id)
	}

	fn case_state(contract: &T::AccountId, id: CaseId) -> Option<CaseState> {
		ContractCases::<T>::get(id).filter(|record| &record.contract == contract).map(|r| r.state)
	}

	fn forget_case(contract: &T::AccountId, id: CaseId) -> DispatchResult {
		let record = ContractCases::<T>::get(id)
			.filter(|record| &record.contract == contract)
			.ok_or(Error::<T>::UnknownCase)?;
		ensure!(record.state != CaseState::Open, Error::<T>::CaseStillOpen);
		ContractCases::<T>::remove(id);
		ContractCaseCount::<T>::mutate_exists(contract, |n| {
			*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
		Ok(())
	}
}
