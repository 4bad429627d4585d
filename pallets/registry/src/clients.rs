//! Clients a registrar registers on their behalf: the registrar (a `ClientRegistrar`, an operator)
//! holds the deposit from its own balance and answers for the client (a reference, so it cannot
//! leave while it does); the client's data stays off chain and its hash is recorded, each change
//! an event. A client that leaves, or that its registrar deregisters, pays the registrar back;
//! recovery moves a client's record and a registrar's deposits.

use crate::{pallet::*, roles, AccountKind, ClientRecord};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{InspectHold, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
	},
};
use pactum_primitives::{ContractCode, ParticipantRegistry};
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_client(
		registrar: T::AccountId,
		who: T::AccountId,
		data_hash: T::Hash,
	) -> DispatchResult {
		ensure!(!Participants::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
		ensure!(!Self::banned(&who), Error::<T>::Banned);
		ensure!(!RecoveredTo::<T>::contains_key(&who), Error::<T>::AccountRecovered);
		// A contract registers itself (with its own code and registrar), never as a client.
		ensure!(T::Contracts::code_hash(&who).is_none(), Error::<T>::ContractAccount);
		let deposit = T::RegistrationDeposit::get();
		T::Currency::hold(&HoldReason::SponsoredRegistration.into(), &registrar, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Self::add_reference(&registrar)?;
		Participants::<T>::insert(&who, Self::new_participant(Zero::zero()));
		ParticipantCount::<T>::mutate(|n| *n = n.saturating_add(1));
		Clients::<T>::insert(
			&who,
			ClientRecord {
				registrar: registrar.clone(),
				data_hash,
				deposit,
				updated_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::deposit_event(Event::Registered { who: who.clone(), deposit: Zero::zero() });
		Self::deposit_event(Event::ClientRegistered { who, registrar, data_hash, deposit });
		Ok(())
	}

	pub(crate) fn do_set_client_data(
		by: T::AccountId,
		who: T::AccountId,
		data_hash: T::Hash,
	) -> DispatchResult {
		Clients::<T>::try_mutate(&who, |record| -> DispatchResult {
			let record = record.as_mut().ok_or(Error::<T>::NotClient)?;
			ensure!(Self::current_account(&record.registrar) == by, Error::<T>::NotClientRegistrar);
			ensure!(
				Self::holds_role(&by, roles::ClientRegistrar::ROLE),
				Self::missing_role_error(&by)
			);
			record.data_hash = data_hash;
			record.updated_at = frame_system::Pallet::<T>::block_number();
			Ok(())
		})?;
		Self::deposit_event(Event::ClientDataUpdated { who, data_hash, by });
		Ok(())
	}

	/// The registrar answering for `who` (its current account, unbanned; the role is not needed,
	/// so a registrar whose role was revoked can still wind down) takes it out of the registry, as
	/// the client's own `leave` would, while the client is unverified.
	pub(crate) fn do_deregister_client(by: T::AccountId, who: T::AccountId) -> DispatchResult {
		let record = Clients::<T>::get(&who).ok_or(Error::<T>::NotClient)?;
		ensure!(Self::current_account(&record.registrar) == by, Error::<T>::NotClientRegistrar);
		ensure!(!Self::banned(&by), Error::<T>::Banned);
		// A client whose identity was verified has a standing of its own to keep: it leaves
		// itself, or stays.
		let client = Participants::<T>::get(&who).ok_or(Error::<T>::NotParticipant)?;
		ensure!(client.kind == AccountKind::Unverified, Error::<T>::ClientVerified);
		Self::do_leave(who.clone())?;
		Self::deposit_event(Event::ClientDeregistered { who, registrar: by });
		Ok(())
	}

	/// When the client `who` leaves: its record goes, its deposit is released to the registrar
	/// answering for it, which no longer does.
	pub(crate) fn release_client(who: &T::AccountId) -> DispatchResult {
		if let Some(record) = Clients::<T>::take(who) {
			let registrar = Self::current_account(&record.registrar);
			T::Currency::release(
				&HoldReason::SponsoredRegistration.into(),
				&registrar,
				record.deposit,
				Precision::BestEffort,
			)?;
			Self::remove_reference(&registrar);
		}
		Ok(())
	}

	/// Recovery of `lost` to `new`: a client's record follows it; a registrar's deposits for its
	/// clients move to the new account (the records keep naming `lost`, which `current_account`
	/// resolves).
	pub(crate) fn recover_clients(lost: &T::AccountId, new: &T::AccountId) -> DispatchResult {
		if let Some(record) = Clients::<T>::take(lost) {
			Clients::<T>::insert(new, record);
		}
		let reason = HoldReason::SponsoredRegistration.into();
		let held = T::Currency::balance_on_hold(&reason, lost);
		if !held.is_zero() {
			T::Currency::transfer_on_hold(
				&reason,
				lost,
				new,
				held,
				Precision::Exact,
				Restriction::OnHold,
				Fortitude::Force,
			)?;
		}
		Ok(())
	}
}
