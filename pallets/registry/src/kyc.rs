//! KYC: verifications a KYC admin records and withdraws, the company record of a legal entity,
//! and the KYC level in force at a block (0 once expired).

use crate::{pallet::*, AccountKind, Kyc};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_verify_kyc(
		by: T::AccountId,
		who: T::AccountId,
		level: u8,
		evidence: T::Hash,
		expires_at: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(level > 0 && level <= T::MaxKycLevel::get(), Error::<T>::InvalidKycLevel);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(expires_at > now, Error::<T>::ExpiryInPast);
		Participants::<T>::try_mutate(&who, |p| -> DispatchResult {
			let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
			ensure!(p.kind != AccountKind::Contract, Error::<T>::ContractAccount);
			p.kyc = Some(Kyc { level, evidence, expires_at, verified_at: now });
			if p.kind == AccountKind::Unverified {
				p.kind = AccountKind::Verified;
			}
			Ok(())
		})?;
		Self::deposit_event(Event::Verified { who, level, evidence, expires_at, by });
		Ok(())
	}

	pub(crate) fn do_revoke_verification(by: T::AccountId, who: T::AccountId) -> DispatchResult {
		Participants::<T>::try_mutate(&who, |p| -> DispatchResult {
			let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
			ensure!(p.kyc.is_some(), Error::<T>::NotVerified);
			p.kyc = None;
			p.company = None;
			p.kind = AccountKind::Unverified;
			Ok(())
		})?;
		Self::deposit_event(Event::VerificationRevoked { who, by });
		Ok(())
	}

	pub(crate) fn do_set_corporate(
		by: T::AccountId,
		who: T::AccountId,
		company: T::Hash,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		Participants::<T>::try_mutate(&who, |p| -> DispatchResult {
			let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
			ensure!(p.kind != AccountKind::Contract, Error::<T>::ContractAccount);
			ensure!(Self::kyc_level_at(p, &now) > 0, Error::<T>::NotVerified);
			p.kind = AccountKind::Corporate;
			p.company = Some(company);
			Ok(())
		})?;
		Self::deposit_event(Event::MarkedCorporate { who, company, by });
		Ok(())
	}

	/// The KYC level of `p` in force at block `now`: 0 once expired.
	pub(crate) fn kyc_level_at(p: &ParticipantOf<T>, now: &BlockNumberFor<T>) -> u8 {
		p.kyc.as_ref().filter(|kyc| now < &kyc.expires_at).map_or(0, |kyc| kyc.level)
	}
}
