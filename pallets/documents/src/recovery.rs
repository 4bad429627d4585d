//! When the registry recovers a participant from a lost account to a new one: the new account
//! takes the lost one's place as party and signer of each of its documents and as holder of
//! its certificates, and the deposits held from the lost account are held from the new one.
//!
//! Records of what happened stay as they were: accepted versions keep their signatures, and a
//! document's creator, a version's proposer, a certificate's issuer and a grant's grantor stay
//! named as they acted (their deposits are found through the registry's recoveries). A
//! signature the lost account
//! gave to a version still waiting for signatures no longer counts: the new account signs it
//! again, since the lost key may be in other hands.
//!
//! A participant can be party to more documents than fit in a block: each document, each
//! certificate and the deposits are one metered step, and the registry calls again until all
//! moved.

use crate::{pallet::*, DocumentId, WeightInfo};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{InspectHold, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
		Defensive,
	},
	weights::WeightMeter,
};
use pactum_primitives::{OnParticipantRecovered, RecoveryProgress};
use sp_runtime::traits::Zero;

impl<T: Config> OnParticipantRecovered<T::AccountId> for Pallet<T> {
	fn on_recovered(
		lost: &T::AccountId,
		new: &T::AccountId,
		meter: &mut WeightMeter,
	) -> RecoveryProgress {
		let held = T::Currency::balance_on_hold(&HoldReason::Records.into(), lost);
		if !held.is_zero() {
			if meter.try_consume(T::WeightInfo::recover_deposits()).is_err() {
				return RecoveryProgress::Incomplete;
			}
			Self::move_deposits(lost, new, held);
		}
		while let Some(document) = PartyDocuments::<T>::iter_key_prefix(lost).next() {
			if meter.try_consume(T::WeightInfo::recover_document()).is_err() {
				return RecoveryProgress::Incomplete;
			}
			Self::move_party(document, lost, new);
		}
		while let Some(hash) = HolderCertificates::<T>::iter_key_prefix(lost).next() {
			if meter.try_consume(T::WeightInfo::recover_certificate()).is_err() {
				return RecoveryProgress::Incomplete;
			}
			Self::move_certificate(hash, lost, new);
		}
		RecoveryProgress::Done
	}

	fn max_step() -> Weight {
		T::WeightInfo::recover_deposits()
			.max(T::WeightInfo::recover_document())
			.max(T::WeightInfo::recover_certificate())
	}
}

impl<T: Config> Pallet<T> {
	/// Everything held from `lost` for its records (`held`) is held from `new`.
	pub(crate) fn move_deposits(lost: &T::AccountId, new: &T::AccountId, held: BalanceOf<T>) {
		// The registry only recovers to an existing (funded) account, so this cannot fail.
		let _ = T::Currency::transfer_on_hold(
			&HoldReason::Records.into(),
			lost,
			new,
			held,
			Precision::BestEffort,
			Restriction::OnHold,
			Fortitude::Force,
		)
		.defensive();
	}

	/// `new` takes `lost`'s place among `document`'s parties and signers.
	pub(crate) fn move_party(document: DocumentId, lost: &T::AccountId, new: &T::AccountId) {
		PartyDocuments::<T>::remove(lost, document);
		let Some(mut doc) = Documents::<T>::get(document) else { return };
		// `new` may be a party already only of a document that no longer binds anyone: a live
		// document holds a reference on each party, and a recovery's new account was no
		// participant. There, `lost` is dropped instead.
		if doc.parties.contains(new) {
			doc.parties.retain(|p| p != lost);
		} else {
			doc.parties.iter_mut().filter(|p| *p == lost).for_each(|p| *p = new.clone());
			PartyDocuments::<T>::insert(new, document, ());
		}
		if doc.signers.contains(new) {
			doc.signers.retain(|p| p != lost);
		} else {
			doc.signers.iter_mut().filter(|p| *p == lost).for_each(|p| *p = new.clone());
		}
		Documents::<T>::insert(document, doc);
		Self::deposit_event(Event::PartyRecovered { document, lost: lost.clone(), new: new.clone() });
	}

	/// `new` holds the certificate `hash` that `lost` held.
	pub(crate) fn move_certificate(hash: crate::Digest, lost: &T::AccountId, new: &T::AccountId) {
		HolderCertificates::<T>::remove(lost, hash);
		Certificates::<T>::mutate(hash, |cert| {
			if let Some(cert) = cert {
				cert.holder = new.clone();
			}
		});
		HolderCertificates::<T>::insert(new, hash, ());
	}
}
