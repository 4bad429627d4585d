//! # SLA escrow in a regulated token
//!
//! One instance is one service agreement between a **customer** and a **provider**, paid in a
//! regulated asset of the tokens pallet. The deployer instantiates it (it registers itself as a
//! participant of kind `Contract`, the deployer answering for it and its endowment paying the
//! registration deposit) with the milestones: how much the provider may claim from which block.
//!
//! - The customer **funds** the escrow: it sends the milestones' total, plus the transfer fees
//!   the payouts will cost, to the contract's account with an ordinary `tokens.transfer`, then
//!   calls `fund`, which checks the balance through the chain extension.
//! - The provider **claims** every milestone that is due; once the service period ended without
//!   a dispute it may claim all that is left.
//! - The customer may **dispute** before the period ends: the contract opens an auditor-court
//!   case (the contract as requester, staking from its own PACT; the customer as claimant, the
//!   provider as respondent). Claims wait for the verdict. The court counts in PACT, the escrow
//!   in its asset, whose PACT value the chain does not know: the deployer states the
//!   agreement's worth in PACT (`dispute_value`), the value a case puts at risk; the court
//!   stakes its share of it (on Pactum 5 %, at least 100 PACT) from the contract's balance, so
//!   the endowment covers the registration deposit and that stake.
//! - Anyone **resolves** a closed case: upheld (the customer's claim holds) returns what is left
//!   to the customer; rejected pays it to the provider; undecided lifts the dispute (claims go on,
//!   the customer may dispute again, at most [`MAX_UNDECIDED`] times).
//! - Before funding, the customer may **cancel**; the contract's tokens go back to it.
//!
//! Every payout is a regulated transfer from the contract's own account: the asset's holder
//! policy, limits and fee apply. Both parties must be participants in good standing at every
//! step, checked through the extension. Every refusal is an [`Error`]; every change emits an
//! event.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract(env = pactum_env::PactumEnvironment)]
pub mod sla_escrow {
	use ink::prelude::vec::Vec;
	use pactum_env::{AssetId, CaseId, CaseRequest, CaseView, PactumError, Verdict};

	/// How often a dispute may close undecided before the customer can dispute no more.
	pub const MAX_UNDECIDED: u8 = 2;
	/// The most milestones an agreement has.
	pub const MAX_MILESTONES: usize = 12;

	/// Why a message was refused.
	#[derive(Debug, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	pub enum Error {
		/// The chain refused: the extension's error.
		Chain(PactumError),
		/// Only the customer may do this.
		NotCustomer,
		/// Only the provider may do this.
		NotProvider,
		/// A party is not a participant in good standing.
		PartyNotInGoodStanding,
		/// No milestones, too many, one of zero amount, or due after the period's end.
		InvalidMilestones,
		/// The customer and the provider are one account.
		SameParty,
		/// The escrow is not waiting for funding.
		NotAwaitingFunds,
		/// The contract holds less than the milestones and the fees of paying them.
		Underfunded,
		/// The escrow is not funded (or already settled).
		NotActive,
		/// Nothing is due to the provider now.
		NothingDue,
		/// A dispute is open: claims wait for the verdict.
		Disputed,
		/// No dispute is open.
		NoDispute,
		/// The service period is over: it can no longer be disputed.
		PeriodOver,
		/// Disputes closed undecided `MAX_UNDECIDED` times.
		TooManyDisputes,
		/// The court has not closed the case yet.
		CaseOpen,
		/// A total does not fit a balance.
		Overflow,
	}

	impl From<PactumError> for Error {
		fn from(error: PactumError) -> Self {
			Error::Chain(error)
		}
	}

	pub type Result<T> = core::result::Result<T, Error>;

	/// A payment the provider may claim from block `due` on.
	#[derive(Debug, Clone, Copy, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
	pub struct Milestone {
		pub due: BlockNumber,
		pub amount: Balance,
		pub paid: bool,
	}

	/// Where the agreement stands.
	#[derive(Debug, Clone, Copy, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
	pub enum Phase {
		/// Waiting for the customer's funds.
		AwaitingFunds,
		/// Funded: the provider claims milestones.
		Active,
		/// The customer disputes: case `0` decides.
		Disputed(CaseId),
		/// Everything was paid out or returned.
		Settled,
		/// Cancelled before funding.
		Cancelled,
	}

	#[ink(event)]
	pub struct Funded {
		pub total: Balance,
	}

	#[ink(event)]
	pub struct Claimed {
		pub amount: Balance,
	}

	#[ink(event)]
	pub struct DisputeOpened {
		pub case: CaseId,
		pub outcome: Hash,
	}

	#[ink(event)]
	pub struct Resolved {
		pub case: CaseId,
		/// `None`: closed undecided.
		pub verdict: Option<Verdict>,
		pub to_customer: Balance,
		pub to_provider: Balance,
	}

	#[ink(event)]
	pub struct Cancelled {
		pub returned: Balance,
	}

	#[ink(storage)]
	pub struct SlaEscrow {
		customer: AccountId,
		provider: AccountId,
		asset: AssetId,
		milestones: Vec<Milestone>,
		/// The last block of the service period.
		period_end: BlockNumber,
		/// The agreement's worth in PACT: what a dispute puts at risk before the court.
		dispute_value: Balance,
		phase: Phase,
		undecided: u8,
	}

	impl SlaEscrow {
		/// A new agreement. The contract registers itself as a participant: its deployer (the
		/// caller) answers for it, its endowment pays the deposit (and later a dispute's stake,
		/// a share of `dispute_value`, in PACT).
		#[ink(constructor, payable)]
		pub fn new(
			customer: AccountId,
			provider: AccountId,
			asset: AssetId,
			milestones: Vec<(BlockNumber, Balance)>,
			period_end: BlockNumber,
			dispute_value: Balance,
		) -> Result<Self> {
			if customer == provider {
				return Err(Error::SameParty);
			}
			let valid = !milestones.is_empty() &&
				milestones.len() <= MAX_MILESTONES &&
				milestones.iter().all(|(due, amount)| *amount > 0 && *due <= period_end);
			if !valid {
				return Err(Error::InvalidMilestones);
			}
			let escrow = Self {
				customer,
				provider,
				asset,
				milestones: milestones
					.into_iter()
					.map(|(due, amount)| Milestone { due, amount, paid: false })
					.collect(),
				period_end,
				dispute_value,
				phase: Phase::AwaitingFunds,
				undecided: 0,
			};
			escrow.ensure_parties()?;
			escrow.env().extension().register_self()?;
			Ok(escrow)
		}

		/// The customer confirms it sent the funds: the contract must hold what is left to pay
		/// and the fees of paying it.
		#[ink(message)]
		pub fn fund(&mut self) -> Result<()> {
			self.ensure_caller(self.customer, Error::NotCustomer)?;
			self.ensure_parties()?;
			if self.phase != Phase::AwaitingFunds {
				return Err(Error::NotAwaitingFunds);
			}
			let needed = self.needed()?;
			let held = self.env().extension().balance(self.asset, self.env().account_id());
			if held < needed {
				return Err(Error::Underfunded);
			}
			self.phase = Phase::Active;
			self.env().emit_event(Funded { total: self.remaining()? });
			Ok(())
		}

		/// The provider takes every milestone that is due (all that is left once the period is
		/// over); yields the amount paid.
		#[ink(message)]
		pub fn claim(&mut self) -> Result<Balance> {
			self.ensure_caller(self.provider, Error::NotProvider)?;
			self.ensure_parties()?;
			match self.phase {
				Phase::Active => {},
				Phase::Disputed(_) => return Err(Error::Disputed),
				_ => return Err(Error::NotActive),
			}
			let now = self.env().block_number();
			let all = now > self.period_end;
			let mut amount: Balance = 0;
			for milestone in self.milestones.iter_mut().filter(|m| !m.paid && (all || m.due <= now)) {
				amount = amount.checked_add(milestone.amount).ok_or(Error::Overflow)?;
				milestone.paid = true;
			}
			if amount == 0 {
				return Err(Error::NothingDue);
			}
			self.env().extension().transfer(self.asset, self.provider, amount)?;
			if self.milestones.iter().all(|m| m.paid) {
				self.phase = Phase::Settled;
			}
			self.env().emit_event(Claimed { amount });
			Ok(amount)
		}

		/// The customer disputes the service (`outcome`: the hash of its claim, whose evidence
		/// stays off chain): the contract takes it to the auditor court.
		#[ink(message)]
		pub fn dispute(&mut self, outcome: Hash) -> Result<CaseId> {
			self.ensure_caller(self.customer, Error::NotCustomer)?;
			self.ensure_parties()?;
			match self.phase {
				Phase::Active => {},
				Phase::Disputed(_) => return Err(Error::Disputed),
				_ => return Err(Error::NotActive),
			}
			if self.env().block_number() > self.period_end {
				return Err(Error::PeriodOver);
			}
			if self.undecided >= MAX_UNDECIDED {
				return Err(Error::TooManyDisputes);
			}
			let request = CaseRequest {
				claimant: bytes(&self.customer),
				respondent: bytes(&self.provider),
				outcome: outcome.into(),
				value_at_risk: self.dispute_value,
			};
			let case = self.env().extension().open_case(request)?;
			self.phase = Phase::Disputed(case);
			self.env().emit_event(DisputeOpened { case, outcome });
			Ok(case)
		}

		/// Applies the verdict of the closed case: upheld returns what is left to the customer,
		/// rejected pays it to the provider, undecided lifts the dispute.
		#[ink(message)]
		pub fn resolve(&mut self) -> Result<()> {
			let Phase::Disputed(case) = self.phase else { return Err(Error::NoDispute) };
			let verdict = match self.env().extension().case(case) {
				Some(CaseView::Decided(verdict)) => Some(verdict),
				Some(CaseView::Undecided) => None,
				Some(CaseView::Open) => return Err(Error::CaseOpen),
				None => return Err(Error::Chain(PactumError::UnknownCase)),
			};
			let left = self.remaining()?;
			let (to_customer, to_provider) = match verdict {
				Some(Verdict::Upheld) => (left, 0),
				Some(Verdict::Rejected) => (0, left),
				None => (0, 0),
			};
			if verdict.is_some() {
				self.ensure_parties()?;
				let to = if to_customer > 0 { self.customer } else { self.provider };
				self.env().extension().transfer(self.asset, to, left)?;
				self.milestones.iter_mut().for_each(|m| m.paid = true);
				self.phase = Phase::Settled;
			} else {
				self.undecided = self.undecided.saturating_add(1);
				self.phase = Phase::Active;
			}
			self.env().extension().forget_case(case)?;
			self.env().emit_event(Resolved { case, verdict, to_customer, to_provider });
			Ok(())
		}

		/// The customer cancels before funding; the asset the contract holds goes back to it
		/// (less the transfer's fee).
		#[ink(message)]
		pub fn cancel(&mut self) -> Result<Balance> {
			self.ensure_caller(self.customer, Error::NotCustomer)?;
			if self.phase != Phase::AwaitingFunds {
				return Err(Error::NotAwaitingFunds);
			}
			let contract = self.env().account_id();
			let held = self.env().extension().balance(self.asset, contract);
			let returned = if held > 0 {
				let quote = self.env().extension().quote(self.asset, self.customer, held);
				let amount = held.saturating_sub(quote.fee);
				if amount > 0 {
					self.env().extension().transfer(self.asset, self.customer, amount)?;
				}
				amount
			} else {
				0
			};
			self.phase = Phase::Cancelled;
			self.env().emit_event(Cancelled { returned });
			Ok(returned)
		}

		#[ink(message)]
		pub fn phase(&self) -> Phase {
			self.phase
		}

		#[ink(message)]
		pub fn milestones(&self) -> Vec<Milestone> {
			self.milestones.clone()
		}

		/// The agreement's worth in PACT, which a dispute puts at risk before the court.
		#[ink(message)]
		pub fn dispute_value(&self) -> Balance {
			self.dispute_value
		}

		/// What is left to pay out.
		#[ink(message)]
		pub fn remaining(&self) -> Result<Balance> {
			self.milestones
				.iter()
				.filter(|m| !m.paid)
				.try_fold(0 as Balance, |sum, m| sum.checked_add(m.amount))
				.ok_or(Error::Overflow)
		}

		/// What the contract must hold to pay every unpaid milestone separately, fees included
		/// (a transfer's fee, quoted now, for each).
		#[ink(message)]
		pub fn needed(&self) -> Result<Balance> {
			let mut total: Balance = 0;
			for m in self.milestones.iter().filter(|m| !m.paid) {
				let fee = self.env().extension().quote(self.asset, self.provider, m.amount).fee;
				total = total
					.checked_add(m.amount)
					.and_then(|t| t.checked_add(fee))
					.ok_or(Error::Overflow)?;
			}
			Ok(total)
		}

		fn ensure_caller(&self, who: AccountId, error: Error) -> Result<()> {
			if self.env().caller() == who {
				Ok(())
			} else {
				Err(error)
			}
		}

		/// Both parties are participants and no ban is in force on either.
		fn ensure_parties(&self) -> Result<()> {
			for who in [self.customer, self.provider] {
				match self.env().extension().standing(who) {
					Some(standing) if !standing.banned => {},
					_ => return Err(Error::PartyNotInGoodStanding),
				}
			}
			Ok(())
		}
	}

	fn bytes(who: &AccountId) -> [u8; 32] {
		*<AccountId as AsRef<[u8; 32]>>::as_ref(who)
	}

}

pub use sla_escrow::{Error, Milestone, Phase, SlaEscrow, MAX_MILESTONES, MAX_UNDECIDED};

#[cfg(test)]
mod tests;
