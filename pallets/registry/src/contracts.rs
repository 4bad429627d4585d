//! Contracts as participants: a contract registers itself (through the chain extension) with its
//! caller as registrar, holding the registration deposit from its own balance; it counts as a
//! participant of kind `Contract` while it runs the code it was registered with. It leaves like a
//! participant; once it no longer runs that code (terminated, or its code changed), anyone can
//! clear its record and the deposit goes to the registrar.

use crate::{pallet::*, AccountKind, ContractRecord};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::{Precision, Preservation},
	},
};
use pactum_primitives::{ContractCode, ContractParticipants, ParticipantRegistry};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_contract(
		contract: &T::AccountId,
		registrar: &T::AccountId,
		code_hash: T::Hash,
	) -> DispatchResult {
		ensure!(!Participants::<T>::contains_key(contract), Error::<T>::AlreadyRegistered);
		ensure!(!Self::banned(contract), Error::<T>::Banned);
		ensure!(!RecoveredTo::<T>::contains_key(contract), Error::<T>::AccountRecovered);
		// In its constructor a contract has no code recorded yet (pallet-contracts stores a new
		// contract when its constructor returns): the code it names is the code it runs, as the
		// chain extension takes it from the running contract; only a contradiction is refused.
		ensure!(
			T::Contracts::code_hash(contract).is_none_or(|running| running == code_hash),
			Error::<T>::NotAContract
		);
		let by = Participants::<T>::get(registrar).ok_or(Error::<T>::RegistrarNotParticipant)?;
		ensure!(!Self::banned(registrar), Error::<T>::RegistrarNotParticipant);
		ensure!(by.kind != AccountKind::Contract, Error::<T>::ContractAccount);
		let deposit = T::RegistrationDeposit::get();
		T::Currency::hold(&HoldReason::Registration.into(), contract, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Self::add_reference(registrar)?;
		let mut participant = Self::new_participant(deposit);
		participant.kind = AccountKind::Contract;
		Participants::<T>::insert(contract, participant);
		ContractRecords::<T>::insert(
			contract,
			ContractRecord { registrar: registrar.clone(), code_hash },
		);
		ParticipantCount::<T>::mutate(|n| *n = n.saturating_add(1));
		Self::deposit_event(Event::ContractRegistered {
			contract: contract.clone(),
			registrar: registrar.clone(),
			code_hash,
			deposit,
		});
		Ok(())
	}

	/// Clears the record of a contract that no longer runs the code it registered with
	/// (terminated, or its code changed): its roles and organisation code go, the deposit goes
	/// to the registrar.
	pub(crate) fn do_deregister_contract(contract: T::AccountId) -> DispatchResult {
		let record = ContractRecords::<T>::get(&contract).ok_or(Error::<T>::NotAContract)?;
		let running = T::Contracts::code_hash(&contract);
		ensure!(running != Some(record.code_hash), Error::<T>::ContractLive);
		let participant =
			Participants::<T>::get(&contract).ok_or(Error::<T>::NotParticipant)?;
		ensure!(participant.references == 0, Error::<T>::StillReferenced);
		for role in participant.roles.iter() {
			RoleHolders::<T>::mutate(role, |n| *n = n.saturating_sub(1));
		}
		if let Some(code) = &participant.org_code {
			OrgCodes::<T>::remove(code);
		}
		let registrar = Self::current_account(&record.registrar);
		let deposit = T::Currency::release(
			&HoldReason::Registration.into(),
			&contract,
			participant.deposit,
			Precision::BestEffort,
		)?;
		// A terminated contract's account holds nothing else: it may go. One that runs other
		// code lives on.
		let preservation =
			if running.is_none() { Preservation::Expendable } else { Preservation::Preserve };
		T::Currency::transfer(&contract, &registrar, deposit, preservation)?;
		Self::remove_reference(&registrar);
		Participants::<T>::remove(&contract);
		ContractRecords::<T>::remove(&contract);
		OperatorKeys::<T>::remove(&contract);
		ParticipantCount::<T>::mutate(|n| *n = n.saturating_sub(1));
		Self::deposit_event(Event::ContractDeregistered { contract, registrar, deposit });
		Ok(())
	}

	/// A registered contract's record, if it still runs the code it was registered with.
	pub(crate) fn contract_in_force(
		contract: &T::AccountId,
	) -> Option<ContractRecord<T::AccountId, T::Hash>> {
		ContractRecords::<T>::get(contract)
			.filter(|record| T::Contracts::code_hash(contract) == Some(record.code_hash))
	}
}

impl<T: Config> ContractParticipants<T::AccountId, T::Hash> for Pallet<T> {
	fn register_contract(
		contract: &T::AccountId,
		registrar: &T::AccountId,
		code_hash: T::Hash,
	) -> DispatchResult {
		Self::do_register_contract(contract, registrar, code_hash)
	}

	fn leave_contract(contract: &T::AccountId) -> DispatchResult {
		ensure!(ContractRecords::<T>::contains_key(contract), Error::<T>::NotAContract);
		Self::do_leave(contract.clone())
	}

	fn registered_code(contract: &T::AccountId) -> Option<T::Hash> {
		ContractRecords::<T>::get(contract).map(|record| record.code_hash)
	}
}
