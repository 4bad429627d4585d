//! Service-fee escrow: part of a fee paid at once, the rest held until released or clawed back.

use crate::{pallet::*, Case, Deadline, Escrow, EscrowId, Verdict};
use pactum_primitives::ParticipantRegistry;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_pay_service_fee(
		recipient: T::AccountId,
		provider: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		T::Registry::ensure_active(&recipient).map_err(Error::<T>::from)?;
		ensure!(recipient != provider, Error::<T>::SameParty);
		T::Registry::ensure_active(&provider).map_err(|_| Error::<T>::CounterpartyNotParticipant)?;
		ensure!(amount >= T::MinServiceFee::get() && !amount.is_zero(), Error::<T>::FeeTooLow);
		let paid = T::ImmediateShare::get() * amount;
		let held = amount.saturating_sub(paid);
		let id = NextEscrow::<T>::get();
		NextEscrow::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let release_at =
			frame_system::Pallet::<T>::block_number().saturating_add(T::EscrowPeriod::get());
		Self::schedule(release_at, Deadline::Release(id))?;
		T::Currency::transfer(&recipient, &provider, paid, Preservation::Preserve)?;
		T::Currency::hold(&HoldReason::Escrow.into(), &recipient, held)?;
		Escrows::<T>::insert(
			id,
			Escrow {
				recipient: recipient.clone(),
				provider: provider.clone(),
				held,
				release_at,
				disputes: 0,
			},
		);
		Self::deposit_event(Event::EscrowOpened {
			escrow: id,
			recipient,
			provider,
			paid,
			held,
			release_at,
		});
		Ok(())
	}

	/// A case between `a` and `b` about escrow `id`, with `value_at_risk`, opens: its parties must
	/// be the escrow's, and it puts at least the held amount at risk.
	pub(crate) fn add_dispute(
		id: EscrowId,
		a: &T::AccountId,
		b: &T::AccountId,
		value_at_risk: BalanceOf<T>,
	) -> DispatchResult {
		Escrows::<T>::try_mutate(id, |escrow| -> DispatchResult {
			let escrow = escrow.as_mut().ok_or(Error::<T>::UnknownEscrow)?;
			let (recipient, provider) = (Self::holder(&escrow.recipient), Self::holder(&escrow.provider));
			let parties = (&recipient, &provider);
			ensure!(parties == (a, b) || parties == (b, a), Error::<T>::NotEscrowParty);
			ensure!(value_at_risk >= escrow.held, Error::<T>::ValueBelowEscrow);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now < escrow.release_at, Error::<T>::EscrowMatured);
			escrow.disputes = escrow.disputes.checked_add(1).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})
	}

	/// Whether `verdict` on `case` goes against the provider of escrow `id`: the recipient's claim
	/// upheld, or the provider's claim rejected.
	pub(crate) fn against_provider(case: &Case<T>, id: EscrowId, verdict: Verdict) -> bool {
		let Some(escrow) = Escrows::<T>::get(id) else { return false };
		let recipient_claims = Self::holder(&case.requester) == Self::holder(&escrow.recipient);
		recipient_claims == (verdict == Verdict::Upheld)
	}

	/// A case about escrow `id` ended: a verdict against the provider returns the held part to
	/// the recipient; otherwise it is released to the provider if its time has come and no other
	/// case is open.
	pub(crate) fn dispute_ended(id: EscrowId, against_provider: Option<bool>) {
		let Some(mut escrow) = Escrows::<T>::get(id) else { return };
		escrow.disputes.saturating_dec();
		if against_provider == Some(true) {
			Self::release_held(HoldReason::Escrow, &escrow.recipient, escrow.held);
			Escrows::<T>::remove(id);
			Self::deposit_event(Event::EscrowClawedBack {
				escrow: id,
				recipient: escrow.recipient,
				amount: escrow.held,
			});
			return;
		}
		let due = frame_system::Pallet::<T>::block_number() >= escrow.release_at;
		if due && escrow.disputes == 0 {
			Self::pay_provider(id, escrow);
		} else {
			Escrows::<T>::insert(id, escrow);
		}
	}

	/// Hook task: the escrow's hold period is over.
	pub(crate) fn release_matured(id: EscrowId) {
		let Some(escrow) = Escrows::<T>::get(id) else { return };
		if escrow.disputes == 0 {
			Self::pay_provider(id, escrow);
		}
	}

	/// Pays the held part to the provider and closes the escrow. When the provider's account
	/// cannot take it now, the escrow (with `escrow`'s record) stays and the release is tried
	/// again `EscrowPeriod` later: the funds stay held for the provider, never lost or returned.
	fn pay_provider(id: EscrowId, escrow: Escrow<T>) {
		let paid = T::Currency::transfer_on_hold(
			&HoldReason::Escrow.into(),
			&Self::holder(&escrow.recipient),
			&Self::holder(&escrow.provider),
			escrow.held,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Polite,
		);
		match paid {
			Ok(amount) => {
				Escrows::<T>::remove(id);
				Self::deposit_event(Event::EscrowReleased {
					escrow: id,
					provider: escrow.provider,
					amount,
				});
			},
			Err(error) => {
				let retry_at =
					frame_system::Pallet::<T>::block_number().saturating_add(T::EscrowPeriod::get());
				let retry_at =
					Self::schedule(retry_at, Deadline::Release(id)).is_ok().then_some(retry_at);
				let provider = escrow.provider.clone();
				Escrows::<T>::insert(id, escrow);
				Self::deposit_event(Event::EscrowReleaseDeferred {
					escrow: id,
					provider,
					error,
					retry_at,
				});
			},
		}
	}
}
