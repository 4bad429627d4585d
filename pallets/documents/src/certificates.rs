//! Certificates (e-licences): issued by an organisation's `Issuer` to a holder, verified by
//! anyone, revoked by the issuing organisation.

use crate::*;
use alloc::vec::Vec;
use codec::MaxEncodedLen;
use frame_support::{ensure, pallet_prelude::DispatchResult};
use frame_system::pallet_prelude::BlockNumberFor;
use crate::roles::Issuer;
use pactum_primitives::ParticipantRegistry;

impl<T: Config> Pallet<T> {
	/// The organisation code of `who` if it is an unbanned `Issuer`.
	fn issuer_org_code(who: &T::AccountId) -> Result<OrgCodeOf<T>, Error<T>> {
		ensure!(T::Registry::has_role(who, Issuer::ROLE), Error::<T>::NotIssuer);
		T::Registry::org_code(who)
			.and_then(|code| code.try_into().ok())
			.ok_or(Error::<T>::NoOrgCode)
	}

	pub(crate) fn do_issue_certificate(
		issuer: T::AccountId,
		holder: T::AccountId,
		hash: Digest,
		cert_type: Vec<u8>,
		expires_at: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		let org_code = Self::issuer_org_code(&issuer)?;
		let cert_type: CertTypeOf<T> =
			cert_type.try_into().map_err(|_| Error::<T>::CertTypeTooLong)?;
		// Clients read the type as text: it must be text, so every reader sees the same name.
		ensure!(cert_type.iter().all(|c| (b' '..=b'~').contains(c)), Error::<T>::InvalidCertType);
		ensure!(T::Registry::standing(&holder).is_some(), Error::<T>::HolderNotParticipant);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(expires_at.map_or(true, |end| end > now), Error::<T>::ExpiryInPast);
		ensure!(!Certificates::<T>::contains_key(hash), Error::<T>::CertificateExists);
		let deposit = Self::deposit_for(2, CertificateOf::<T>::max_encoded_len());
		Self::hold(&issuer, deposit)?;
		Certificates::<T>::insert(
			hash,
			Certificate {
				issuer: issuer.clone(),
				org_code: org_code.clone(),
				holder: holder.clone(),
				cert_type: cert_type.clone(),
				issued_at: now,
				expires_at,
				revoked: None,
				deposit,
			},
		);
		HolderCertificates::<T>::insert(&holder, hash, ());
		Self::deposit_event(Event::CertificateIssued {
			hash,
			issuer,
			org_code,
			holder,
			cert_type,
			expires_at,
		});
		Ok(())
	}

	pub(crate) fn do_revoke_certificate(
		by: T::AccountId,
		hash: Digest,
		reason: T::Hash,
	) -> DispatchResult {
		let mut cert = Certificates::<T>::get(hash).ok_or(Error::<T>::UnknownCertificate)?;
		let same_org = Self::issuer_org_code(&by).is_ok_and(|code| code == cert.org_code);
		ensure!(same_org, Error::<T>::NotCertificateIssuer);
		ensure!(cert.revoked.is_none(), Error::<T>::AlreadyRevoked);
		let now = frame_system::Pallet::<T>::block_number();
		cert.revoked = Some(Revocation { by: by.clone(), at: now, reason });
		Certificates::<T>::insert(hash, cert);
		Self::deposit_event(Event::CertificateRevoked { hash, by, reason });
		Ok(())
	}
}
