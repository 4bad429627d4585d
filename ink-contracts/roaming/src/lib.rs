//! # Roaming settlement between operators
//!
//! One instance is one roaming agreement. Its owner (the account that instantiated it) invites
//! operators; an invited operator joins with its tariff: the price, in the agreement's settlement
//! asset, of one service unit its network serves to a visiting subscriber.
//!
//! - The **visited** operator posts a usage batch about the subscribers of a **home** operator:
//!   the hash of the call detail records (which stay off chain), the number of units and the
//!   period. Its amount is the units at the visited operator's tariff when posted.
//! - The home operator **confirms** the batch (the amount accrues to what it owes the visited
//!   operator) or **disputes** it. A disputed batch stays open until one side proposes a corrected
//!   batch (hash and units) and the other side accepts it; it then counts as confirmed.
//! - Operators **deposit** the agreement's settlement asset, a regulated token of the tokens
//!   pallet: an operator sends it to the contract with `tokens.transfer` and credits it with
//!   `deposit(amount)` (both in one `utility.batchAll`, so nobody else can credit the tokens).
//!   **Settle** nets what two operators owe each other and pays the difference from the debtor's
//!   deposit to the creditor's account. An operator can withdraw only the part of its deposit
//!   that its unsettled debts do not need.
//! - Tariffs and amounts are in the settlement asset. Every payout (a withdrawal, a settlement)
//!   is a regulated transfer from the contract's own account through Pactum's chain extension:
//!   the asset's holder policy, limits and fee apply, and the fee comes out of the paying
//!   operator's deposit.
//! - Only registered, unbanned participants holding the agreement's operator role take part:
//!   checked through the chain extension when an operator joins and at every step that moves
//!   money or books usage. The contract itself registers as a participant when instantiated (its
//!   deployer answers for it; its endowment pays the deposit), so the asset can admit it.
//!
//! Every refusal is an [`Error`]; every change of state emits an event.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract(env = pactum_env::PactumEnvironment)]
pub mod roaming {
	use ink::storage::Mapping;
	use pactum_env::{AssetId, PactumError};

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
		/// The debtor's deposit does not cover the net amount it owes and the transfer's fee.
		InsufficientDeposit,
		/// A deposit must be above zero.
		ZeroDeposit,
		/// The withdrawal and its fee would leave less than the operator's unsettled debts.
		DepositNeededForDebts,
		/// The contract did not receive the tokens to credit: send them first (in one batch).
		NotReceived,
		/// The account is not a participant in good standing holding the operator role.
		NotEligible,
		/// The chain refused: the extension's error.
		Chain(PactumError),
	}

	impl From<PactumError> for Error {
		fn from(error: PactumError) -> Self {
			Error::Chain(error)
		}
	}

	/// The result of every message that can be refused.
	pub type Result<T> = core::result::Result<T, Error>;

	/// An operator of the agreement.
	#[derive(Debug, Clone, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
	pub struct Operator {
		/// Price, in the settlement asset, of one service unit served to a visiting subscriber.
		pub tariff: Balance,
		/// Settlement tokens the operator holds in the contract.
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
		/// The regulated asset the agreement settles in.
		asset: AssetId,
		/// The registry role (its number) an operator must hold.
		operator_role: u8,
		/// The sum of the operators' deposits: what the contract holds for them.
		credited: Balance,
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
		/// The transfer's fee, paid out of the deposit too.
		pub fee: Balance,
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
		/// The transfer's fee, paid out of the payer's deposit.
		pub fee: Balance,
		/// The gross amounts each side owed before netting.
		pub payer_owed: Balance,
		pub payee_owed: Balance,
	}

	impl Roaming {
		/// A new agreement owned by the caller, settling in `asset`, for participants holding
		/// role `operator_role`; no operators yet. The contract registers itself as a
		/// participant, the caller answering for it.
		#[ink(constructor, payable)]
		pub fn new(asset: AssetId, operator_role: u8) -> Result<Self> {
			Self::env().extension().register_self()?;
			Ok(Self {
				owner: Self::env().caller(),
				asset,
				operator_role,
				credited: 0,
				invited: Mapping::default(),
				operators: Mapping::default(),
				batches: Mapping::default(),
				batch_by_hash: Mapping::default(),
				next_batch: 0,
				owed: Mapping::default(),
			})
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
			self.ensure_eligible(operator)?;
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

		/// Credit `amount` of the settlement asset the caller sent to the contract (with
		/// `tokens.transfer`, in the same batch) to its deposit.
		#[ink(message)]
		pub fn deposit(&mut self, amount: Balance) -> Result<()> {
			let operator = self.env().caller();
			let mut record = self.operator_of(operator)?;
			self.ensure_eligible(operator)?;
			if amount == 0 {
				return Err(Error::ZeroDeposit);
			}
			let credited = self.credited.checked_add(amount).ok_or(Error::Overflow)?;
			let held = self.env().extension().balance(self.asset, self.env().account_id());
			if held < credited {
				return Err(Error::NotReceived);
			}
			record.deposit = record.deposit.checked_add(amount).ok_or(Error::Overflow)?;
			self.credited = credited;
			self.operators.insert(operator, &record);
			self.env().emit_event(Deposited { operator, amount, deposit: record.deposit });
			Ok(())
		}

		/// Pay `amount` of the caller's deposit back to it; the transfer's fee comes out of the
		/// deposit too, and what its unsettled debts need stays.
		#[ink(message)]
		pub fn withdraw(&mut self, amount: Balance) -> Result<()> {
			let operator = self.env().caller();
			let mut record = self.operator_of(operator)?;
			self.ensure_eligible(operator)?;
			let fee = self.env().extension().quote(self.asset, operator, amount).fee;
			let total = amount.checked_add(fee).ok_or(Error::Overflow)?;
			let free = record.deposit.saturating_sub(record.debts);
			if total > free {
				return Err(Error::DepositNeededForDebts);
			}
			self.env().extension().transfer(self.asset, operator, amount)?;
			record.deposit = record.deposit.checked_sub(total).ok_or(Error::Overflow)?;
			self.credited = self.credited.saturating_sub(total);
			self.operators.insert(operator, &record);
			self.env().emit_event(Withdrawn { operator, amount, fee, deposit: record.deposit });
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
			self.ensure_eligible(visited)?;
			self.ensure_eligible(home)?;
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
			self.ensure_eligible(record.home)?;
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
			self.ensure_eligible(caller)?;
			self.ensure_eligible(counterparty)?;
			// Whoever owes more pays the difference.
			let (payer, payee, payer_owed, payee_owed) = if i_owe >= they_owe {
				(caller, counterparty, i_owe, they_owe)
			} else {
				(counterparty, caller, they_owe, i_owe)
			};
			let amount = payer_owed.checked_sub(payee_owed).ok_or(Error::Overflow)?;
			let fee = if amount > 0 {
				self.env().extension().quote(self.asset, payee, amount).fee
			} else {
				0
			};
			let total = amount.checked_add(fee).ok_or(Error::Overflow)?;
			let (payer_record, payee_record) =
				if payer == caller { (&mut mine, &mut theirs) } else { (&mut theirs, &mut mine) };
			payer_record.deposit =
				payer_record.deposit.checked_sub(total).ok_or(Error::InsufficientDeposit)?;
			payer_record.debts =
				payer_record.debts.checked_sub(payer_owed).ok_or(Error::Overflow)?;
			payee_record.debts =
				payee_record.debts.checked_sub(payee_owed).ok_or(Error::Overflow)?;
			self.operators.insert(caller, &mine);
			self.operators.insert(counterparty, &theirs);
			self.owed.remove((caller, counterparty));
			self.owed.remove((counterparty, caller));
			if amount > 0 {
				self.env().extension().transfer(self.asset, payee, amount)?;
				self.credited = self.credited.saturating_sub(total);
			}
			self.env().emit_event(Settled { payer, payee, amount, fee, payer_owed, payee_owed });
			Ok(amount)
		}

		/// The agreement's owner.
		#[ink(message)]
		pub fn owner(&self) -> AccountId {
			self.owner
		}

		/// The settlement asset and the operator role.
		#[ink(message)]
		pub fn terms(&self) -> (AssetId, u8) {
			(self.asset, self.operator_role)
		}

		/// What the contract holds for the operators.
		#[ink(message)]
		pub fn credited(&self) -> Balance {
			self.credited
		}

		/// `who` is a registered, unbanned participant holding the operator role.
		fn ensure_eligible(&self, who: AccountId) -> Result<()> {
			match self.env().extension().standing(who) {
				Some(s) if !s.banned && s.has_role(self.operator_role) => Ok(()),
				_ => Err(Error::NotEligible),
			}
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
}

pub use roaming::{Batch, BatchId, BatchStatus, Correction, Error, Operator, Roaming};

#[cfg(test)]
mod tests;
