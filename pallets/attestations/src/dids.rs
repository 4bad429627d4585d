//! DID documents: `did:pactum:<account>`, created by the account with its keys and services,
//! changed by its controller (key rotation, services, a new controller), deactivated for good.

use crate::*;
use alloc::vec::Vec;
use codec::MaxEncodedLen;
use frame_support::{ensure, pallet_prelude::DispatchResult};
use pactum_primitives::ParticipantRegistry;
use sp_runtime::traits::Zero;

/// A service as a call gives it: id, type and endpoint.
pub type ServiceInput = (Vec<u8>, Vec<u8>, Vec<u8>);

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create_did(
		who: T::AccountId,
		keys: Vec<(PublicKey, KeyPurposes)>,
		services: Vec<ServiceInput>,
	) -> DispatchResult {
		ensure!(!Dids::<T>::contains_key(&who), Error::<T>::DidExists);
		let now = frame_system::Pallet::<T>::block_number();
		let mut did = Did {
			controller: who.clone(),
			keys: Default::default(),
			services: Default::default(),
			next_key: 0,
			created_at: now,
			updated_at: now,
			deactivated_at: None,
			deposit: Self::deposit_for(1, DidOf::<T>::max_encoded_len()),
		};
		for (public, purposes) in keys {
			Self::push_key(&mut did, public, purposes)?;
		}
		ensure!(Self::authenticates(&did), Error::<T>::NoAuthenticationKey);
		for service in services {
			Self::push_service(&mut did, service)?;
		}
		Self::hold(&who, did.deposit)?;
		let deposit = did.deposit;
		Dids::<T>::insert(&who, did);
		Self::deposit_event(Event::DidCreated { did: who.clone(), controller: who, deposit });
		Ok(())
	}

	pub(crate) fn do_add_did_key(
		by: T::AccountId,
		account: T::AccountId,
		public: PublicKey,
		purposes: KeyPurposes,
	) -> DispatchResult {
		Self::change_did(&by, &account, |did| {
			let key = Self::push_key(did, public, purposes)?;
			Ok(Event::DidKeyAdded { did: account.clone(), key })
		})
	}

	pub(crate) fn do_remove_did_key(
		by: T::AccountId,
		account: T::AccountId,
		key: KeyId,
	) -> DispatchResult {
		Self::change_did(&by, &account, |did| {
			let before = did.keys.len();
			did.keys.retain(|k| k.id != key);
			ensure!(did.keys.len() < before, Error::<T>::UnknownKey);
			ensure!(Self::authenticates(did), Error::<T>::NoAuthenticationKey);
			Ok(Event::DidKeyRemoved { did: account.clone(), key })
		})
	}

	/// Replaces the key `key` by `public` with the same purposes (a new key id).
	pub(crate) fn do_rotate_did_key(
		by: T::AccountId,
		account: T::AccountId,
		key: KeyId,
		public: PublicKey,
	) -> DispatchResult {
		Self::change_did(&by, &account, |did| {
			let index = did.keys.iter().position(|k| k.id == key).ok_or(Error::<T>::UnknownKey)?;
			ensure!(did.keys.iter().all(|k| k.public != public), Error::<T>::DuplicateKey);
			let old = did.keys.remove(index);
			let new = Self::push_key(did, public, old.purposes)?;
			Ok(Event::DidKeyRotated { did: account.clone(), old: key, new })
		})
	}

	pub(crate) fn do_add_did_service(
		by: T::AccountId,
		account: T::AccountId,
		service: ServiceInput,
	) -> DispatchResult {
		Self::change_did(&by, &account, |did| {
			let id = Self::push_service(did, service)?;
			Ok(Event::DidServiceAdded { did: account.clone(), service: id })
		})
	}

	pub(crate) fn do_remove_did_service(
		by: T::AccountId,
		account: T::AccountId,
		id: Vec<u8>,
	) -> DispatchResult {
		Self::change_did(&by, &account, |did| {
			let before = did.services.len();
			did.services.retain(|s| s.id.as_slice() != id.as_slice());
			ensure!(did.services.len() < before, Error::<T>::UnknownService);
			let service = Self::to_name(id)?;
			Ok(Event::DidServiceRemoved { did: account.clone(), service })
		})
	}

	pub(crate) fn do_set_did_controller(
		by: T::AccountId,
		account: T::AccountId,
		controller: T::AccountId,
	) -> DispatchResult {
		ensure!(
			T::Registry::ensure_active(&controller).is_ok(),
			Error::<T>::ControllerNotParticipant
		);
		Self::change_did(&by, &account, |did| {
			did.controller = controller.clone();
			Ok(Event::DidControllerChanged { did: account.clone(), controller: controller.clone() })
		})
	}

	/// Deactivates `account`'s DID: its keys and services go, its deposit is released; the
	/// record stays (deactivated), so the DID is never created again.
	pub(crate) fn do_deactivate_did(by: T::AccountId, account: T::AccountId) -> DispatchResult {
		let mut deposit = Zero::zero();
		Self::change_did(&by, &account, |did| {
			did.keys = Default::default();
			did.services = Default::default();
			did.deactivated_at = Some(frame_system::Pallet::<T>::block_number());
			deposit = core::mem::take(&mut did.deposit);
			Ok(Event::DidDeactivated { did: account.clone() })
		})?;
		Self::release(&account, deposit);
		Ok(())
	}

	/// Applies `change` to `account`'s active DID if `by` controls it, and emits the event it
	/// returns; nothing changes if it fails.
	fn change_did(
		by: &T::AccountId,
		account: &T::AccountId,
		change: impl FnOnce(&mut DidOf<T>) -> Result<Event<T>, Error<T>>,
	) -> DispatchResult {
		let mut did = Dids::<T>::get(account).ok_or(Error::<T>::NoDid)?;
		ensure!(did.deactivated_at.is_none(), Error::<T>::DidDeactivated);
		// The DID's own account keeps control beside a controller it named: it can take it back
		// (or deactivate) if that controller is gone.
		let controls = Self::acts_for(by, &did.controller) || Self::acts_for(by, account);
		ensure!(controls, Error::<T>::NotController);
		let event = change(&mut did)?;
		did.updated_at = frame_system::Pallet::<T>::block_number();
		Dids::<T>::insert(account, did);
		Self::deposit_event(event);
		Ok(())
	}

	/// Adds a key with the next id; yields the id.
	fn push_key(
		did: &mut DidOf<T>,
		public: PublicKey,
		purposes: KeyPurposes,
	) -> Result<KeyId, Error<T>> {
		ensure!(purposes.fit(&public), Error::<T>::InvalidKeyPurposes);
		ensure!(did.keys.iter().all(|k| k.public != public), Error::<T>::DuplicateKey);
		let id = did.next_key;
		did.next_key = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let added_at = frame_system::Pallet::<T>::block_number();
		did.keys
			.try_push(DidKey { id, public, purposes, added_at })
			.map_err(|_| Error::<T>::TooManyKeys)?;
		Ok(id)
	}

	/// Adds a service; yields its id.
	/// A service id, used as the fragment `#<id>` of the DID: letters, digits, `-`, `_`, `.`.
	fn fragment(id: Vec<u8>) -> Result<NameOf<T>, Error<T>> {
		let safe = |c: &u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.');
		ensure!(id.iter().all(safe), Error::<T>::InvalidText);
		Self::to_name(id)
	}

	fn push_service(
		did: &mut DidOf<T>,
		(id, kind, endpoint): ServiceInput,
	) -> Result<NameOf<T>, Error<T>> {
		let service = Service {
			id: Self::fragment(id)?,
			kind: Self::to_name(kind)?,
			endpoint: Self::to_url(endpoint)?,
		};
		ensure!(did.services.iter().all(|s| s.id != service.id), Error::<T>::DuplicateService);
		let id = service.id.clone();
		did.services.try_push(service).map_err(|_| Error::<T>::TooManyServices)?;
		Ok(id)
	}

	fn authenticates(did: &DidOf<T>) -> bool {
		did.keys.iter().any(|k| k.purposes.contains(KeyPurposes::AUTHENTICATION))
	}
}
