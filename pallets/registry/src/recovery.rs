//! Recovery: a KYC admin and a security admin together move a participant whose key is lost to a
//! new account (proposal, approval, cancellation, and the move itself after `RecoveryDelay`, which
//! tells `OnRecovered`, in steps of `RecoveryBudget`: `continue_recovery` moves what one call could
//! not).

use crate::{pallet::*, roles, AccountKind, Recovery, WeightInfo};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
	},
};
use frame_support::weights::WeightMeter;
use pactum_primitives::{OnParticipantRecovered, RecoveryProgress, MAX_RECOVERY_HOPS};
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_propose_recovery(
		proposer: T::AccountId,
		lost: T::AccountId,
		new: T::AccountId,
	) -> DispatchResult {
		let proposer_role = if Self::holds_role(&proposer, roles::KycAdmin::ROLE) {
			roles::KycAdmin::ROLE
		} else if Self::holds_role(&proposer, roles::SecurityAdmin::ROLE) {
			roles::SecurityAdmin::ROLE
		} else {
			return Err(Self::missing_role_error(&proposer));
		};
		let participant = Participants::<T>::get(&lost).ok_or(Error::<T>::NotParticipant)?;
		ensure!(participant.kind != AccountKind::Contract, Error::<T>::ContractAccount);
		ensure!(lost != new, Error::<T>::SameAccount);
		ensure!(!Participants::<T>::contains_key(&new), Error::<T>::NewAccountInUse);
		ensure!(!RecoveryDepth::<T>::contains_key(&new), Error::<T>::NewAccountInUse);
		ensure!(!RecoveredTo::<T>::contains_key(&new), Error::<T>::AccountRecovered);
		ensure!(!Moving::<T>::contains_key(&lost), Error::<T>::StillMoving);
		ensure!(!Recoveries::<T>::contains_key(&lost), Error::<T>::RecoveryPending);
		Self::next_recovery_depth(&lost)?;
		Recoveries::<T>::insert(
			&lost,
			Recovery {
				new: new.clone(),
				proposer: proposer.clone(),
				proposer_role,
				approver: None,
				executable_at: None,
			},
		);
		Self::deposit_event(Event::RecoveryProposed { lost, new, proposer });
		Ok(())
	}

	pub(crate) fn do_approve_recovery(
		approver: T::AccountId,
		lost: T::AccountId,
	) -> DispatchResult {
		ensure!(!Self::banned(&approver), Error::<T>::Banned);
		let (new, executable_at) =
			Recoveries::<T>::try_mutate(&lost, |r| -> Result<_, DispatchError> {
				let r = r.as_mut().ok_or(Error::<T>::NoRecovery)?;
				ensure!(r.approver.is_none(), Error::<T>::RecoveryAlreadyApproved);
				let needed = match r.proposer_role {
					roles::KycAdmin::ROLE => roles::SecurityAdmin::ROLE,
					_ => roles::KycAdmin::ROLE,
				};
				ensure!(
					approver != r.proposer && Self::holds_role(&approver, needed),
					Error::<T>::InvalidApprover
				);
				let executable_at = frame_system::Pallet::<T>::block_number()
					.saturating_add(T::RecoveryDelay::get());
				r.approver = Some(approver.clone());
				r.executable_at = Some(executable_at);
				Ok((r.new.clone(), executable_at))
			})?;
		Self::deposit_event(Event::RecoveryApproved { lost, new, approver, executable_at });
		Ok(())
	}

	pub(crate) fn do_cancel_recovery(by: T::AccountId, lost: T::AccountId) -> DispatchResult {
		ensure!(
			by == lost
				|| Self::holds_role(&by, roles::KycAdmin::ROLE)
				|| Self::holds_role(&by, roles::SecurityAdmin::ROLE),
			Self::missing_role_error(&by)
		);
		ensure!(Recoveries::<T>::take(&lost).is_some(), Error::<T>::NoRecovery);
		Self::deposit_event(Event::RecoveryCancelled { lost, by });
		Ok(())
	}

	pub(crate) fn do_finish_recovery(lost: T::AccountId) -> DispatchResultWithPostInfo {
		let recovery = Recoveries::<T>::get(&lost).ok_or(Error::<T>::NoRecovery)?;
		let executable_at = recovery.executable_at.ok_or(Error::<T>::RecoveryNotApproved)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() >= executable_at,
			Error::<T>::RecoveryDelayNotOver
		);
		let new = recovery.new;
		ensure!(!Participants::<T>::contains_key(&new), Error::<T>::NewAccountInUse);
		ensure!(!RecoveryDepth::<T>::contains_key(&new), Error::<T>::NewAccountInUse);
		ensure!(!Moving::<T>::contains_key(&lost), Error::<T>::StillMoving);
		let participant = Participants::<T>::get(&lost).ok_or(Error::<T>::NotParticipant)?;
		// Holds (this pallet's and other pallets' deposits) need an existing account.
		ensure!(
			T::Currency::balance(&new) >= T::Currency::minimum_balance(),
			Error::<T>::NewAccountNotFunded
		);
		if !participant.deposit.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::Registration.into(),
				&lost,
				&new,
				participant.deposit,
				Precision::Exact,
				Restriction::OnHold,
				Fortitude::Force,
			)?;
		}
		Self::recover_clients(&lost, &new)?;
		if let Some(code) = &participant.org_code {
			OrgCodes::<T>::insert(code, &new);
		}
		if let Some(key) = OperatorKeys::<T>::take(&lost) {
			OperatorKeys::<T>::insert(&new, key);
		}
		if let Some(ban) = Bans::<T>::take(&lost) {
			Bans::<T>::insert(&new, ban);
		}
		let depth = Self::next_recovery_depth(&lost)?;
		Recoveries::<T>::remove(&lost);
		RecoveryDepth::<T>::remove(&lost);
		RecoveryDepth::<T>::insert(&new, depth);
		Participants::<T>::remove(&lost);
		Participants::<T>::insert(&new, participant);
		RecoveredTo::<T>::insert(&lost, &new);
		Self::deposit_event(Event::Recovered { lost: lost.clone(), new: new.clone() });
		let hooks = Self::move_state(lost, new);
		Ok(Some(Self::finish_recovery_weight().saturating_add(hooks)).into())
	}

	/// The registry's part of `finish_recovery`, whichever way the participant's deposit is held:
	/// by itself, or by the registrar of a client.
	pub(crate) fn finish_recovery_weight() -> Weight {
		T::WeightInfo::finish_recovery().max(T::WeightInfo::finish_recovery_client())
	}

	pub(crate) fn do_continue_recovery(lost: T::AccountId) -> DispatchResultWithPostInfo {
		let new = RecoveredTo::<T>::get(&lost).ok_or(Error::<T>::NothingToMove)?;
		ensure!(Moving::<T>::get(&new).as_ref() == Some(&lost), Error::<T>::NothingToMove);
		let hooks = Self::move_state(lost, new);
		Ok(Some(T::WeightInfo::continue_recovery().saturating_add(hooks)).into())
	}

	/// How many recoveries will have led to the participant at `lost` once it is recovered again;
	/// refused beyond what
	/// [`current_account`](pactum_primitives::ParticipantRegistry::current_account) follows.
	fn next_recovery_depth(lost: &T::AccountId) -> Result<u32, DispatchError> {
		let depth = RecoveryDepth::<T>::get(lost).unwrap_or(0).saturating_add(1);
		ensure!(depth <= MAX_RECOVERY_HOPS, Error::<T>::TooManyRecoveries);
		Ok(depth)
	}

	/// Lets `OnRecovered` move `lost`'s state to `new` within `RecoveryBudget`; records whether
	/// some is left (`Moving`). Returns the weight the hooks used.
	fn move_state(lost: T::AccountId, new: T::AccountId) -> Weight {
		let mut meter = WeightMeter::with_limit(T::RecoveryBudget::get());
		let complete = T::OnRecovered::on_recovered(&lost, &new, &mut meter) ==
			RecoveryProgress::Done;
		if complete {
			Moving::<T>::remove(&new);
		} else {
			Moving::<T>::insert(&new, &lost);
		}
		Self::deposit_event(Event::StateMoved { lost, new, complete });
		meter.consumed()
	}
}
