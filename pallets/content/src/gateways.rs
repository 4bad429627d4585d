//! Gateways: the accounts a content's owner authorises to record accesses to it, and the
//! accesses they record against a holder's licence.

use crate::{pallet::*, ContentId};
use frame_support::pallet_prelude::*;
use pactum_primitives::ParticipantRegistry;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_authorise_gateway(
		who: T::AccountId,
		content: ContentId,
		gateway: T::AccountId,
	) -> DispatchResult {
		Self::ensure_owner(content, &who)?;
		T::Registry::ensure_active(&who).map_err(Error::<T>::from)?;
		T::Registry::ensure_active(&gateway).map_err(Error::<T>::from)?;
		Gateways::<T>::try_mutate(content, |gateways| -> DispatchResult {
			ensure!(!gateways.contains(&gateway), Error::<T>::GatewayExists);
			gateways.try_push(gateway.clone()).map_err(|_| Error::<T>::TooManyGateways)?;
			Ok(())
		})?;
		Self::deposit_event(Event::GatewayAuthorised { content, gateway });
		Ok(())
	}

	pub(crate) fn do_revoke_gateway(
		who: T::AccountId,
		content: ContentId,
		gateway: T::AccountId,
	) -> DispatchResult {
		Self::ensure_owner(content, &who)?;
		Gateways::<T>::try_mutate(content, |gateways| -> DispatchResult {
			let at = gateways
				.iter()
				.position(|g| g == &gateway)
				.ok_or(Error::<T>::UnauthorisedGateway)?;
			gateways.remove(at);
			Ok(())
		})?;
		Self::deposit_event(Event::GatewayRevoked { content, gateway });
		Ok(())
	}

	pub(crate) fn do_record_access(
		gateway: T::AccountId,
		content: ContentId,
		holder: T::AccountId,
	) -> DispatchResult {
		ensure!(
			Gateways::<T>::get(content).iter().any(|g| Self::is_recorded(g, &gateway)),
			Error::<T>::UnauthorisedGateway
		);
		T::Registry::ensure_active(&gateway).map_err(Error::<T>::from)?;
		let licence = Licences::<T>::try_mutate(content, &holder, |licence| {
			let licence = licence.as_mut().ok_or(Error::<T>::NoLicence)?;
			Self::ensure_usable(licence)?;
			licence.accesses = licence.accesses.saturating_add(1);
			Ok::<_, DispatchError>(licence.clone())
		})?;
		Self::deposit_event(Event::AccessRecorded {
			content,
			holder,
			gateway,
			accesses: licence.accesses,
			accesses_left: licence.accesses_left(),
		});
		Ok(())
	}
}
