//! Signing a version: own and relayed signatures, bulk signing, and acceptance of a version once
//! every required signer signed it.

use crate::*;
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	dispatch::{DispatchErrorWithPostInfo, DispatchResultWithPostInfo, PostDispatchInfo},
	pallet_prelude::{DispatchError, Weight},
	traits::Get,
};
use frame_system::pallet_prelude::BlockNumberFor;
use pactum_primitives::{Inactive, ParticipantRegistry};
use sp_runtime::traits::{Verify, Zero};

/// The domain tag that starts every payload a party signs off chain.
pub const SIGNING_DOMAIN: &[u8] = b"pactum/documents/sign/v1";

/// Wallet extensions (polkadot.js `signRaw`) wrap what they sign in these tags.
const WRAP_PREFIX: &[u8] = b"<Bytes>";
const WRAP_SUFFIX: &[u8] = b"</Bytes>";

impl<T: Config> Pallet<T> {
	/// The bytes a party signs off chain to sign `version` of `document` with the hash `hash`:
	/// the SCALE encoding of `(SIGNING_DOMAIN, genesis hash, document, version, hash)`. The
	/// genesis hash keeps it from counting on another chain; the document, version and hash keep
	/// it from counting for another text. A signature of these bytes wrapped in
	/// `<Bytes>…</Bytes>`, as wallet extensions sign, is accepted too.
	pub fn signing_payload(
		document: DocumentId,
		version: VersionIndex,
		hash: &ContentHash,
	) -> Vec<u8> {
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		(SIGNING_DOMAIN, genesis, document, version, hash).encode()
	}

	fn verify_relayed(signature: &T::Signature, signer: &T::AccountId, payload: &[u8]) -> bool {
		if signature.verify(payload, signer) {
			return true;
		}
		let wrapped: Vec<u8> = [WRAP_PREFIX, payload, WRAP_SUFFIX].concat();
		signature.verify(&wrapped[..], signer)
	}

	/// Records `signer`'s signature of `version` of `document` (relayed by `relay`, if any),
	/// after every check, and accepts the version if it was the last one missing.
	pub(crate) fn do_sign(
		document: DocumentId,
		version: VersionIndex,
		hash: ContentHash,
		signer: T::AccountId,
		relay: Option<Relay<T::AccountId, T::Signature>>,
	) -> Result<(), SignRefusal> {
		T::Registry::ensure_active(&signer).map_err(|inactive| match inactive {
			Inactive::NotParticipant => SignRefusal::NotParticipant,
			Inactive::Banned => SignRefusal::Banned,
		})?;
		let mut doc = Documents::<T>::get(document).ok_or(SignRefusal::UnknownDocument)?;
		let now = frame_system::Pallet::<T>::block_number();
		Self::ensure_in_force(&doc, now).map_err(|status| match status {
			DocumentStatus::Terminated => SignRefusal::Terminated,
			_ => SignRefusal::Expired,
		})?;
		let open = doc.open_version.ok_or(SignRefusal::NothingToSign)?;
		if version != open {
			return Err(SignRefusal::WrongVersion);
		}
		let mut record = Versions::<T>::get(document, version).ok_or(SignRefusal::NothingToSign)?;
		if record.hash != hash {
			return Err(SignRefusal::HashMismatch);
		}
		if !doc.signers.contains(&signer) {
			return Err(SignRefusal::NotSigner);
		}
		if record.signatures.iter().any(|s| s.signer == signer) {
			return Err(SignRefusal::AlreadySigned);
		}
		if let Some(relay) = &relay {
			let payload = Self::signing_payload(document, version, &hash);
			if !Self::verify_relayed(&relay.signature, &signer, &payload) {
				return Err(SignRefusal::BadSignature);
			}
		}
		let relayed_by = relay.as_ref().map(|relay| relay.by.clone());
		// Signers are distinct parties, at most `MaxParties`: the bound cannot be hit.
		record
			.signatures
			.try_push(SignatureRecord { signer: signer.clone(), at: now, relayed: relay })
			.map_err(|_| SignRefusal::AlreadySigned)?;
		let complete = doc.signers.iter().all(|s| record.signatures.iter().any(|r| &r.signer == s));
		if complete {
			record.status = VersionStatus::Accepted { at: now };
			doc.open_version = None;
			doc.active_version = Some(version);
			doc.status = match record.kind {
				VersionKind::Termination => {
					Self::release_parties(&doc);
					DocumentStatus::Terminated
				}
				_ => DocumentStatus::Active,
			};
			Documents::<T>::insert(document, &doc);
		}
		Versions::<T>::insert(document, version, &record);
		Self::deposit_event(Event::Signed { document, version, signer, relayed_by });
		if complete {
			Self::deposit_event(match record.kind {
				VersionKind::Termination => Event::Terminated { document, version },
				_ => Event::Activated { document, version },
			});
		}
		Ok(())
	}

	/// Signs every item or none (the call is transactional), naming the first refused item.
	pub(crate) fn do_sign_many(
		caller: T::AccountId,
		items: Vec<SignItemOf<T>>,
	) -> DispatchResultWithPostInfo {
		let fail = |error: DispatchError, own: usize, relayed: usize| DispatchErrorWithPostInfo {
			post_info: PostDispatchInfo {
				actual_weight: Some(Self::sign_many_weight(own, relayed)),
				pays_fee: Default::default(),
			},
			error,
		};
		if items.is_empty() {
			return Err(fail(Error::<T>::EmptyBulk.into(), 0, 0));
		}
		if items.len() > T::MaxBulkSign::get() as usize {
			return Err(fail(Error::<T>::TooManyItems.into(), 0, 0));
		}
		let (mut own, mut relayed) = (0usize, 0usize);
		// All or nothing, whether or not the caller dispatched through a transactional layer.
		frame_support::storage::with_storage_layer(|| {
			Self::sign_items(caller, items, &mut own, &mut relayed).map_err(|(index, reason)| {
				// `integrity_test` makes sure every index fits.
				let index = u16::try_from(index).unwrap_or(u16::MAX);
				fail(Error::<T>::BulkItemFailed { index, reason }.into(), own, relayed)
			})
		})?;
		Ok(PostDispatchInfo {
			actual_weight: Some(Self::sign_many_weight(own, relayed)),
			pays_fee: Default::default(),
		})
	}

	/// Signs `items` in order, counting own and relayed ones; stops at the first refusal.
	fn sign_items(
		caller: T::AccountId,
		items: Vec<SignItemOf<T>>,
		own: &mut usize,
		relayed: &mut usize,
	) -> Result<(), (usize, SignRefusal)> {
		for (index, item) in items.into_iter().enumerate() {
			let (signer, relay) = match item.relayed {
				Some(RelayedSignature { signer, signature }) => {
					*relayed = relayed.saturating_add(1);
					(signer, Some(Relay { by: caller.clone(), signature }))
				}
				None => {
					*own = own.saturating_add(1);
					(caller.clone(), None)
				}
			};
			Self::do_sign(item.document, item.version, item.hash, signer, relay)
				.map_err(|reason| (index, reason))?;
		}
		Ok(())
	}

	/// The weight of a bulk signature of `own` own and `relayed` relayed items.
	pub fn sign_many_weight(own: usize, relayed: usize) -> Weight {
		let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
		T::WeightInfo::sign_many(count(own), count(relayed))
	}

	/// The pallet error of the same name as `refusal`.
	pub(crate) fn refusal_error(refusal: SignRefusal) -> DispatchError {
		match refusal {
			SignRefusal::NotParticipant => Error::<T>::NotParticipant,
			SignRefusal::Banned => Error::<T>::Banned,
			SignRefusal::UnknownDocument => Error::<T>::UnknownDocument,
			SignRefusal::Terminated => Error::<T>::Terminated,
			SignRefusal::Expired => Error::<T>::Expired,
			SignRefusal::NothingToSign => Error::<T>::NothingToSign,
			SignRefusal::WrongVersion => Error::<T>::WrongVersion,
			SignRefusal::HashMismatch => Error::<T>::HashMismatch,
			SignRefusal::NotSigner => Error::<T>::NotSigner,
			SignRefusal::AlreadySigned => Error::<T>::AlreadySigned,
			SignRefusal::BadSignature => Error::<T>::BadSignature,
		}
		.into()
	}
}
