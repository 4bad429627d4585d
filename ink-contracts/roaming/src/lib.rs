//! # Roaming settlement between operators
//!
//! One instance is one roaming agreement. Its owner (the account that instantiated it) invites
//! operators; an invited operator joins with its tariff: the price, in the native token, of one
//! service unit its network serves to a visiting subscriber.
//!
//! - The **visited** operator posts a usage batch about the subscribers of a **home** operator:
//!   the hash of the call detail records (which stay off chain), the number of units and the
//!   period. Its amount is the units at the visited operator's tariff when posted.
//! - The home operator **confirms** the batch (the amount accrues to what it owes the visited
//!   operator) or **disputes** it. A disputed batch stays open until one side proposes a corrected
//!   batch (hash and units) and the other side accepts it; it then counts as confirmed.
//! - Operators **deposit** native tokens into the contract. **Settle** nets what two operators owe
//!   each other and pays the difference from the debtor's deposit to the creditor's account. An
//!   operator can withdraw only the part of its deposit that its unsettled debts do not need.
//!
//! Every refusal is an [`Error`]; every change of state emits an event.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract]
pub mod roaming {
	use ink::storage::Mapping;

	/// Identifies a usage batch.
	pub type BatchId = u64;

	/// Why a message was refused.
	#[derive(Debug, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	pub enum Error {
		/// Only the agreement's owner may do this.
		NotOwner,
		/// The account was not invited to the agreement.
		NotInvited,
		/// The account is already an operator of the agreement.
		AlreadyJoined,
		/// The account is not an operator of the agreement.
		NotOperator,
		/// A tariff must be above zero.
		ZeroTariff,
		/// A batch must count at least one unit.
		ZeroUnits,
		/// A period must end after it starts.
		InvalidPeriod,
		/// An operator cannot post usage about itself.
		SelfRoaming,
		/// A batch with this hash was already posted.
		DuplicateBatch,
		/// No batch has this id.
		UnknownBatch,
		/// Only the batch's home operator may confirm or dispute it.
		NotHomeOperator,
		/// Only the batch's two operators may do this.
		NotBatchParty,
		/// The batch is not waiting for the home operator's answer.
		NotPending,
		/// The batch is not disputed.
		NotDisputed,
		/// No correction of the batch has been proposed.
		NoCorrection,
		/// The operator that proposed a correction cannot accept it.
		OwnCorrection,
		/// Units times tariff, or a running total, does not fit a balance.
		Overflow,
		/// Nothing is owed in either direction between the two operators.
		NothingToSettle,
		/// The debtor's deposit does not cover the net amount it owes.
		InsufficientDeposit,
		/// A deposit must carry value.
		ZeroDeposit,
		/// The withdrawal would leave less than the operator's unsettled debts.
		DepositNeededForDebts,
		/// The chain refused the transfer out of the contract.
		TransferFailed,
	}

	/// The result of every message that can be refused.
	pub type Result<T> = core::result::Result<T, Error>;

	/// An operator of the agreement.
	#[derive(Debug, Clone, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
	pub struct Operator {
		/// Price of one service unit served to a visiting subscriber.
		pub tariff: Balance,
		/// Native tokens the operator holds in the contract.
		pub deposit: Balance,
		/// Sum of the confirmed amounts it owes and has not settled yet.
		pub debts: Balance,
	}

	/// Where a batch stands.
	#[derive(Debug, Clone, Copy, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
	pub enum BatchStatus {
		/// Waiting for the home operator.
		Posted,
		/// The home operator disputes it; waiting for an agreed correction.
		Disputed,
		/// Counted in what the home operator owes.
		Confirmed,
	}

	/// A correction of a disputed batch, proposed by one of its operators.
	#[derive(Debug, Clone, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
	pub struct Correction {
		pub proposer: AccountId,
		pub batch_hash: Hash,
		pub units: u64,
		pub amount: Balance,
	}

	/// A usage batch: units the visited operator served to the home operator's subscribers.
	#[derive(Debug, Clone, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
	pub struct Batch {
		pub visited: AccountId,
		pub home: AccountId,
		/// Hash of the call detail records, which stay off chain.
		pub batch_hash: Hash,
		pub units: u64,
		/// The visited operator's tariff when the batch was posted.
		pub tariff: Balance,
		/// `units * tariff`.
		pub amount: Balance,
		/// Start and end of the usage period (milliseconds since the Unix epoch).
		pub period_start: Timestamp,
		pub period_end: Timestamp,
		pub status: BatchStatus,
		/// Hash of the home operator's reason, once disputed.
		pub dispute_reason: Option<Hash>,
		pub correction: Option<Correction>,
	}

	/// The roaming agreement.
	#[ink(storage)]
	pub struct Roaming {
		owner: AccountId,
		invited: Mapping<AccountId, ()>,
		operators: Mapping<AccountId, Operator>,
		batches: Mapping<BatchId, Batch>,
		/// Batch hash -> its batch, so the same records are never billed twice.
		batch_by_hash: Mapping<Hash, BatchId>,
		next_batch: BatchId,
		/// `(debtor, creditor)` -> confirmed amount not settled yet.
		owed: Mapping<(AccountId, AccountId), Balance>,
	}

	#[ink(event)]
	pub struct Invited {
		#[ink(topic)]
		pub operator: AccountId,
	}

	#[ink(event)]
	pub struct Joined {
		#[ink(topic)]
		pub operator: AccountId,
		pub tariff: Balance,
	}

	#[ink(event)]
	pub struct TariffChanged {
		#[ink(topic)]
		pub operator: AccountId,
		pub tariff: Balance,
	}

	#[ink(event)]
	pub struct Deposited {
		#[ink(topic)]
		pub operator: AccountId,
		pub amount: Balance,
		pub deposit: Balance,
	}

	#[ink(event)]
	pub struct Withdrawn {
		#[ink(topic)]
		pub operator: AccountId,
		pub amount: Balance,
		pub deposit: Balance,
	}

	#[ink(event)]
	pub struct UsagePosted {
		#[ink(topic)]
		pub batch: BatchId,
		#[ink(topic)]
		pub visited: AccountId,
		#[ink(topic)]
		pub home: AccountId,
		pub batch_hash: Hash,
		pub units: u64,
		pub amount: Balance,
		pub period_start: Timestamp,
		pub period_end: Timestamp,
	}

	#[ink(event)]
	pub struct BatchConfirmed {
		#[ink(topic)]
		pub batch: BatchId,
		#[ink(topic)]
		pub visited: AccountId,
		#[ink(topic)]
		pub home: AccountId,
		pub amount: Balance,
		/// What `home` now owes `visited`, unsettled.
		pub owed: Balance,
	}

	#[ink(event)]
	pub struct BatchDisputed {
		#[ink(topic)]
		pub batch: BatchId,
		#[ink(topic)]
		pub home: AccountId,
		pub reason: Hash,
	}

	#[ink(event)]
	pub struct CorrectionProposed {
		#[ink(topic)]
		pub batch: BatchId,
		#[ink(topic)]
		pub proposer: AccountId,
		pub batch_hash: Hash,
		pub units: u64,
		pub amount: Balance,
	}

	#[ink(event)]
	pub struct CorrectionAccepted {
		#[ink(topic)]
		pub batch: BatchId,
		#[ink(topic)]
		pub accepter: AccountId,
		pub batch_hash: Hash,
		pub units: u64,
		pub amount: Balance,
	}

	#[ink(event)]
	pub struct Settled {
		#[ink(topic)]
		pub payer: AccountId,
		#[ink(topic)]
		pub payee: AccountId,
		/// The net amount paid (0 when both directions cancelled out).
		pub amount: Balance,
		/// The gross amounts each side owed before netting.
		pub payer_owed: Balance,
		pub payee_owed: Balance,
	}

	impl Roaming {
		/// A new agreement owned by the caller, with no operators yet.
		#[ink(constructor)]
		pub fn new() -> Self {
			Self {
				owner: Self::env().caller(),
				invited: Mapping::default(),
				operators: Mapping::default(),
				batches: Mapping::default(),
				batch_by_hash: Mapping::default(),
				next_batch: 0,
				owed: Mapping::default(),
			}
		}

		/// Invite `operator` to join. Owner only.
		#[ink(message)]
		pub fn invite(&mut self, operator: AccountId) -> Result<()> {
			if self.env().caller() != self.owner {
				return Err(Error::NotOwner);
			}
			if self.operators.contains(operator) {
				return Err(Error::AlreadyJoined);
			}
			self.invited.insert(operator, &());
			self.env().emit_event(Invited { operator });
			Ok(())
		}

		/// Join the agreement (the caller must be invited) with the price of one service unit.
		#[ink(message)]
		pub fn join(&mut self, tariff: Balance) -> Result<()> {
			let operator = self.env().caller();
			if self.operators.contains(operator) {
				return Err(Error::AlreadyJoined);
			}
			if !self.invited.contains(operator) {
				return Err(Error::NotInvited);
			}
			if tariff == 0 {
				return Err(Error::ZeroTariff);
			}
			self.invited.remove(operator);
			self.operators.insert(operator, &Operator { tariff, deposit: 0, debts: 0 });
			self.env().emit_event(Joined { operator, tariff });
			Ok(())
		}

		/// Change the caller's tariff; batches posted from now on use it.
		#[ink(message)]
		pub fn set_tariff(&mut self, tariff: Balance) -> Result<()> {
			let operator = self.env().caller();
			let mut record = self.operator_of(operator)?;
			if tariff == 0 {
				return Err(Error::ZeroTariff);
			}
			record.tariff = tariff;
			self.operators.insert(operator, &record);
			self.env().emit_event(TariffChanged { operator, tariff });
			Ok(())
		}

		/// Add the transferred value to the caller's deposit.
		#[ink(message, payable)]
		pub fn deposit(&mut self) -> Result<()> {
			let operator = self.env().caller();
			let amount = self.env().transferred_value();
			let mut record = self.operator_of(operator)?;
			if amount == 0 {
				return Err(Error::ZeroDeposit);
			}
			record.deposit = record.deposit.checked_add(amount).ok_or(Error::Overflow)?;
			self.operators.insert(operator, &record);
			self.env().emit_event(Deposited { operator, amount, deposit: record.deposit });
			Ok(())
		}

		/// Pay `amount` of the caller's deposit back to it; what its unsettled debts need stays.
		#[ink(message)]
		pub fn withdraw(&mut self, amount: Balance) -> Result<()> {
			let operator = self.env().caller();
			let mut record = self.operator_of(operator)?;
			let free = record.deposit.saturating_sub(record.debts);
			if amount > free {
				return Err(Error::DepositNeededForDebts);
			}
			record.deposit = record.deposit.checked_sub(amount).ok_or(Error::Overflow)?;
			self.operators.insert(operator, &record);
			self.env().transfer(operator, amount).map_err(|_| Error::TransferFailed)?;
			self.env().emit_event(Withdrawn { operator, amount, deposit: record.deposit });
			Ok(())
		}

		/// Post usage the caller's network served to `home`'s subscribers: the hash of the
		/// records, the units and the period. Returns the batch id.
		#[ink(message)]
		pub fn post_usage(
			&mut self,
			home: AccountId,
			batch_hash: Hash,
			units: u64,
			period_start: Timestamp,
			period_end: Timestamp,
		) -> Result<BatchId> {
			let visited = self.env().caller();
			let tariff = self.operator_of(visited)?.tariff;
			if home == visited {
				return Err(Error::SelfRoaming);
			}
			self.operator_of(home)?;
			if units == 0 {
				return Err(Error::ZeroUnits);
			}
			if period_end <= period_start {
				return Err(Error::InvalidPeriod);
			}
			if self.batch_by_hash.contains(batch_hash) {
				return Err(Error::DuplicateBatch);
			}
			let amount = Self::amount(units, tariff)?;
			let id = self.next_batch;
			self.next_batch = id.checked_add(1).ok_or(Error::Overflow)?;
			self.batches.insert(
				id,
				&Batch {
					visited,
					home,
					batch_hash,
					units,
					tariff,
					amount,
					period_start,
					period_end,
					status: BatchStatus::Posted,
					dispute_reason: None,
					correction: None,
				},
			);
			self.batch_by_hash.insert(batch_hash, &id);
			self.env().emit_event(UsagePosted {
				batch: id,
				visited,
				home,
				batch_hash,
				units,
				amount,
				period_start,
				period_end,
			});
			Ok(id)
		}

		/// Confirm a posted batch: its amount is added to what the caller (its home operator)
		/// owes the visited operator.
		#[ink(message)]
		pub fn confirm(&mut self, batch: BatchId) -> Result<()> {
			let mut record = self.batch_of(batch)?;
			if self.env().caller() != record.home {
				return Err(Error::NotHomeOperator);
			}
			if record.status != BatchStatus::Posted {
				return Err(Error::NotPending);
			}
			record.status = BatchStatus::Confirmed;
			self.accrue(batch, &record)
		}

		/// Dispute a posted batch, with the hash of the reason. Home operator only.
		#[ink(message)]
		pub fn dispute(&mut self, batch: BatchId, reason: Hash) -> Result<()> {
			let mut record = self.batch_of(batch)?;
			let home = self.env().caller();
			if home != record.home {
				return Err(Error::NotHomeOperator);
			}
			if record.status != BatchStatus::Posted {
				return Err(Error::NotPending);
			}
			record.status = BatchStatus::Disputed;
			record.dispute_reason = Some(reason);
			self.batches.insert(batch, &record);
			self.env().emit_event(BatchDisputed { batch, home, reason });
			Ok(())
		}

		/// Propose a corrected version (records hash and units, at the batch's tariff) of a
		/// disputed batch; replaces an earlier proposal. Either operator of the batch.
		#[ink(message)]
		pub fn propose_correction(
			&mut self,
			batch: BatchId,
			batch_hash: Hash,
			units: u64,
		) -> Result<()> {
			let proposer = self.env().caller();
			let mut record = self.disputed_batch_of(batch, proposer)?;
			if units == 0 {
				return Err(Error::ZeroUnits);
			}
			if batch_hash != record.batch_hash && self.batch_by_hash.contains(batch_hash) {
				return Err(Error::DuplicateBatch);
			}
			let amount = Self::amount(units, record.tariff)?;
			record.correction = Some(Correction { proposer, batch_hash, units, amount });
			self.batches.insert(batch, &record);
			self.env().emit_event(CorrectionProposed {
				batch,
				proposer,
				batch_hash,
				units,
				amount,
			});
			Ok(())
		}

		/// Accept the other operator's correction of a disputed batch: the batch takes the
		/// corrected hash and units and counts as confirmed.
		#[ink(message)]
		pub fn accept_correction(&mut self, batch: BatchId) -> Result<()> {
			let accepter = self.env().caller();
			let mut record = self.disputed_batch_of(batch, accepter)?;
			let correction = record.correction.take().ok_or(Error::NoCorrection)?;
			if correction.proposer == accepter {
				return Err(Error::OwnCorrection);
			}
			if correction.batch_hash != record.batch_hash {
				if self.batch_by_hash.contains(correction.batch_hash) {
					return Err(Error::DuplicateBatch);
				}
				self.batch_by_hash.remove(record.batch_hash);
				self.batch_by_hash.insert(correction.batch_hash, &batch);
			}
			record.batch_hash = correction.batch_hash;
			record.units = correction.units;
			record.amount = correction.amount;
			record.status = BatchStatus::Confirmed;
			self.env().emit_event(CorrectionAccepted {
				batch,
				accepter,
				batch_hash: correction.batch_hash,
				units: correction.units,
				amount: correction.amount,
			});
			self.accrue(batch, &record)
		}

		/// Net what the caller and `counterparty` owe each other and pay the difference from the
		/// debtor's deposit to the creditor's account. Either side may call it.
		#[ink(message)]
		pub fn settle(&mut self, counterparty: AccountId) -> Result<Balance> {
			let caller = self.env().caller();
			let mut mine = self.operator_of(caller)?;
			let mut theirs = self.operator_of(counterparty)?;
			let i_owe = self.owed_by(caller, counterparty);
			let they_owe = self.owed_by(counterparty, caller);
			if i_owe == 0 && they_owe == 0 {
				return Err(Error::NothingToSettle);
			}
			// Whoever owes more pays the difference.
			let (payer, payee, payer_owed, payee_owed) = if i_owe >= they_owe {
				(caller, counterparty, i_owe, they_owe)
			} else {
				(counterparty, caller, they_owe, i_owe)
			};
			let amount = payer_owed.checked_sub(payee_owed).ok_or(Error::Overflow)?;
			let (payer_record, payee_record) =
				if payer == caller { (&mut mine, &mut theirs) } else { (&mut theirs, &mut mine) };
			payer_record.deposit =
				payer_record.deposit.checked_sub(amount).ok_or(Error::InsufficientDeposit)?;
			payer_record.debts =
				payer_record.debts.checked_sub(payer_owed).ok_or(Error::Overflow)?;
			payee_record.debts =
				payee_record.debts.checked_sub(payee_owed).ok_or(Error::Overflow)?;
			self.operators.insert(caller, &mine);
			self.operators.insert(counterparty, &theirs);
			self.owed.remove((caller, counterparty));
			self.owed.remove((counterparty, caller));
			if amount > 0 {
				self.env().transfer(payee, amount).map_err(|_| Error::TransferFailed)?;
			}
			self.env().emit_event(Settled { payer, payee, amount, payer_owed, payee_owed });
			Ok(amount)
		}

		/// The agreement's owner.
		#[ink(message)]
		pub fn owner(&self) -> AccountId {
			self.owner
		}

		/// An operator's tariff, deposit and unsettled debts.
		#[ink(message)]
		pub fn operator(&self, operator: AccountId) -> Option<Operator> {
			self.operators.get(operator)
		}

		/// A usage batch.
		#[ink(message)]
		pub fn batch(&self, batch: BatchId) -> Option<Batch> {
			self.batches.get(batch)
		}

		/// The confirmed, unsettled amount `debtor` owes `creditor`.
		#[ink(message)]
		pub fn owed_by(&self, debtor: AccountId, creditor: AccountId) -> Balance {
			self.owed.get((debtor, creditor)).unwrap_or(0)
		}

		fn operator_of(&self, operator: AccountId) -> Result<Operator> {
			self.operators.get(operator).ok_or(Error::NotOperator)
		}

		fn batch_of(&self, batch: BatchId) -> Result<Batch> {
			self.batches.get(batch).ok_or(Error::UnknownBatch)
		}

		/// A disputed batch of which `party` is one of the two operators.
		fn disputed_batch_of(&self, batch: BatchId, party: AccountId) -> Result<Batch> {
			let record = self.batch_of(batch)?;
			if party != record.home && party != record.visited {
				return Err(Error::NotBatchParty);
			}
			if record.status != BatchStatus::Disputed {
				return Err(Error::NotDisputed);
			}
			Ok(record)
		}

		fn amount(units: u64, tariff: Balance) -> Result<Balance> {
			Balance::from(units).checked_mul(tariff).ok_or(Error::Overflow)
		}

		/// Stores a batch that just became confirmed and adds its amount to what its home
		/// operator owes the visited one.
		fn accrue(&mut self, batch: BatchId, record: &Batch) -> Result<()> {
			let (home, visited) = (record.home, record.visited);
			let owed =
				self.owed_by(home, visited).checked_add(record.amount).ok_or(Error::Overflow)?;
			let mut debtor = self.operator_of(home)?;
			debtor.debts = debtor.debts.checked_add(record.amount).ok_or(Error::Overflow)?;
			self.operators.insert(home, &debtor);
			self.owed.insert((home, visited), &owed);
			self.batches.insert(batch, record);
			self.env().emit_event(BatchConfirmed {
				batch,
				visited,
				home,
				amount: record.amount,
				owed,
			});
			Ok(())
		}
	}

	impl Default for Roaming {
		fn default() -> Self {
			Self::new()
		}
	}
}

pub use roaming::{Batch, BatchId, BatchStatus, Correction, Error, Operator, Roaming};

#[cfg(test)]
mod tests;
