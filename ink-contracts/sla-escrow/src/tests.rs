//! Off-chain unit tests against the mock chain: every message, its success and each refusal.

use crate::*;
use ink::{
	env::test::{self, DefaultAccounts},
	primitives::{AccountId, Hash},
};
use pactum_env::{mock::MockChain, CaseView, PactumEnvironment, PactumError, ParticipantKind, Verdict};

type Env = PactumEnvironment;

const ASSET: u32 = 7;
const FEE: u128 = 2;
/// The agreement's worth in PACT, stated at deployment.
const WORTH: u128 = 5_000;

fn accounts() -> DefaultAccounts<Env> {
	test::default_accounts::<Env>()
}

fn contract() -> AccountId {
	accounts().frank
}

fn at_block(n: u32) {
	while ink::env::block_number::<Env>() < n {
		test::advance_block::<Env>();
	}
}

fn as_caller(chain: &MockChain, who: AccountId) {
	test::set_caller::<Env>(who);
	chain.set_caller(who);
}

/// The chain: Alice (customer), Bob (provider) and Django (the deployer) are participants, the
/// asset admits contracts with a flat fee of 2 paid to Eve.
fn chain() -> MockChain {
	let a = accounts();
	test::set_callee::<Env>(contract());
	let chain = MockChain::install(contract());
	for who in [a.alice, a.bob, a.django, a.eve] {
		chain.admit(who, ParticipantKind::Verified, 2);
	}
	chain.create_asset(ASSET, FEE, a.eve, true);
	chain
}

/// Milestones of 100 at block 10 and 200 at block 20; the period ends at block 30.
fn deployed(chain: &MockChain) -> SlaEscrow {
	let a = accounts();
	as_caller(chain, a.django);
	let escrow = SlaEscrow::new(a.alice, a.bob, ASSET, vec![(10, 100), (20, 200)], 30, WORTH).expect("deploys");
	chain.deployed();
	escrow
}

/// Deployed and funded with the milestones and their fees.
fn funded(chain: &MockChain) -> SlaEscrow {
	let mut escrow = deployed(chain);
	chain.mint(ASSET, contract(), 300 + 2 * FEE);
	as_caller(chain, accounts().alice);
	escrow.fund().expect("funds");
	escrow
}

#[test]
fn deploying_registers_the_contract_with_its_deployer_answering_for_it() {
	let chain = chain();
	let escrow = deployed(&chain);
	assert_eq!(escrow.phase(), Phase::AwaitingFunds);
	assert_eq!(chain.state().registrars.get(&contract()), Some(&accounts().django));
	assert_eq!(escrow.remaining(), Ok(300));
	assert_eq!(escrow.needed(), Ok(300 + 2 * FEE));
	assert_eq!(escrow.dispute_value(), WORTH);
}

#[test]
fn deploy_refusals() {
	let chain = chain();
	let a = accounts();
	as_caller(&chain, a.django);
	assert_eq!(SlaEscrow::new(a.alice, a.alice, ASSET, vec![(10, 1)], 30, WORTH).err(), Some(Error::SameParty));
	assert_eq!(SlaEscrow::new(a.alice, a.bob, ASSET, vec![], 30, WORTH).err(), Some(Error::InvalidMilestones));
	assert_eq!(SlaEscrow::new(a.alice, a.bob, ASSET, vec![(10, 0)], 30, WORTH).err(), Some(Error::InvalidMilestones));
	assert_eq!(SlaEscrow::new(a.alice, a.bob, ASSET, vec![(31, 1)], 30, WORTH).err(), Some(Error::InvalidMilestones));
	let many = vec![(1, 1); MAX_MILESTONES + 1];
	assert_eq!(SlaEscrow::new(a.alice, a.bob, ASSET, many, 30, WORTH).err(), Some(Error::InvalidMilestones));
	// Charlie is no participant.
	assert_eq!(
		SlaEscrow::new(a.alice, a.charlie, ASSET, vec![(10, 1)], 30, WORTH).err(),
		Some(Error::PartyNotInGoodStanding)
	);
	// Charlie cannot answer for the contract.
	as_caller(&chain, a.charlie);
	assert_eq!(
		SlaEscrow::new(a.alice, a.bob, ASSET, vec![(10, 1)], 30, WORTH).err(),
		Some(Error::Chain(PactumError::RegistrarNotParticipant))
	);
}

#[test]
fn funding_needs_the_milestones_and_their_fees() {
	let chain = chain();
	let mut escrow = deployed(&chain);
	let a = accounts();
	as_caller(&chain, a.bob);
	assert_eq!(escrow.fund(), Err(Error::NotCustomer));
	as_caller(&chain, a.alice);
	chain.mint(ASSET, contract(), 300);
	assert_eq!(escrow.fund(), Err(Error::Underfunded));
	chain.mint(ASSET, contract(), 2 * FEE);
	assert_eq!(escrow.fund(), Ok(()));
	assert_eq!(escrow.phase(), Phase::Active);
	assert_eq!(escrow.fund(), Err(Error::NotAwaitingFunds));
}

#[test]
fn the_provider_claims_what_is_due_and_all_that_is_left_after_the_period() {
	let chain = chain();
	let mut escrow = funded(&chain);
	let a = accounts();
	as_caller(&chain, a.bob);
	assert_eq!(escrow.claim(), Err(Error::NothingDue));
	at_block(10);
	assert_eq!(escrow.claim(), Ok(100));
	assert_eq!(chain.balance(ASSET, a.bob), 100);
	assert_eq!(chain.balance(ASSET, a.eve), FEE, "the contract paid the transfer's fee");
	assert_eq!(escrow.claim(), Err(Error::NothingDue));
	at_block(31);
	assert_eq!(escrow.claim(), Ok(200));
	assert_eq!(escrow.phase(), Phase::Settled);
	assert_eq!(chain.balance(ASSET, contract()), 0);
	assert_eq!(escrow.claim(), Err(Error::NotActive));
}

#[test]
fn claim_refusals() {
	let chain = chain();
	let mut escrow = deployed(&chain);
	let a = accounts();
	as_caller(&chain, a.bob);
	assert_eq!(escrow.claim(), Err(Error::NotActive));
	chain.mint(ASSET, contract(), 300 + 2 * FEE);
	as_caller(&chain, a.alice);
	assert_eq!(escrow.fund(), Ok(()));
	at_block(10);
	assert_eq!(escrow.claim(), Err(Error::NotProvider));
	// A banned party stops every step.
	chain.ban(a.alice);
	as_caller(&chain, a.bob);
	assert_eq!(escrow.claim(), Err(Error::PartyNotInGoodStanding));
}

#[test]
fn a_dispute_goes_to_the_court_and_an_upheld_claim_returns_the_rest() {
	let chain = chain();
	let mut escrow = funded(&chain);
	let a = accounts();
	at_block(10);
	as_caller(&chain, a.bob);
	assert_eq!(escrow.claim(), Ok(100));
	as_caller(&chain, a.alice);
	let case = escrow.dispute(Hash::from([9; 32])).expect("disputes");
	let (request, view) = chain.case(case).expect("a case");
	assert_eq!(view, CaseView::Open);
	assert_eq!((AccountId::from(request.claimant), AccountId::from(request.respondent)), (a.alice, a.bob));
	// The court counts in PACT: the case puts the agreement's stated worth at risk, not the
	// 200 units of the asset left in escrow.
	assert_eq!(request.value_at_risk, WORTH);
	as_caller(&chain, a.bob);
	at_block(20);
	assert_eq!(escrow.claim(), Err(Error::Disputed));
	assert_eq!(escrow.resolve(), Err(Error::CaseOpen));
	chain.decide(case, CaseView::Decided(Verdict::Upheld));
	assert_eq!(escrow.resolve(), Ok(()));
	assert_eq!(chain.balance(ASSET, a.alice), 200);
	assert_eq!(escrow.phase(), Phase::Settled);
	assert_eq!(chain.case(case), None, "the contract dropped the case record");
}

#[test]
fn a_rejected_claim_pays_the_provider() {
	let chain = chain();
	let mut escrow = funded(&chain);
	let a = accounts();
	as_caller(&chain, a.alice);
	let case = escrow.dispute(Hash::from([9; 32])).unwrap();
	chain.decide(case, CaseView::Decided(Verdict::Rejected));
	assert_eq!(escrow.resolve(), Ok(()));
	assert_eq!(chain.balance(ASSET, a.bob), 300);
	assert_eq!(escrow.phase(), Phase::Settled);
}

#[test]
fn an_undecided_case_lifts_the_dispute_a_bounded_number_of_times() {
	let chain = chain();
	let mut escrow = funded(&chain);
	let a = accounts();
	for _ in 0..MAX_UNDECIDED {
		as_caller(&chain, a.alice);
		let case = escrow.dispute(Hash::from([9; 32])).unwrap();
		chain.decide(case, CaseView::Undecided);
		assert_eq!(escrow.resolve(), Ok(()));
		assert_eq!(escrow.phase(), Phase::Active);
	}
	as_caller(&chain, a.alice);
	assert_eq!(escrow.dispute(Hash::from([9; 32])), Err(Error::TooManyDisputes));
}

#[test]
fn dispute_refusals() {
	let chain = chain();
	let mut escrow = deployed(&chain);
	let a = accounts();
	as_caller(&chain, a.alice);
	assert_eq!(escrow.dispute(Hash::from([1; 32])), Err(Error::NotActive));
	assert_eq!(escrow.resolve(), Err(Error::NoDispute));
	chain.mint(ASSET, contract(), 300 + 2 * FEE);
	assert_eq!(escrow.fund(), Ok(()));
	as_caller(&chain, a.bob);
	assert_eq!(escrow.dispute(Hash::from([1; 32])), Err(Error::NotCustomer));
	as_caller(&chain, a.alice);
	assert!(escrow.dispute(Hash::from([1; 32])).is_ok());
	assert_eq!(escrow.dispute(Hash::from([1; 32])), Err(Error::Disputed));
}

#[test]
fn the_period_over_no_dispute() {
	let chain = chain();
	let mut escrow = funded(&chain);
	at_block(31);
	as_caller(&chain, accounts().alice);
	assert_eq!(escrow.dispute(Hash::from([1; 32])), Err(Error::PeriodOver));
}

#[test]
fn the_customer_cancels_before_funding_and_gets_the_tokens_back() {
	let chain = chain();
	let mut escrow = deployed(&chain);
	let a = accounts();
	chain.mint(ASSET, contract(), 50);
	as_caller(&chain, a.bob);
	assert_eq!(escrow.cancel(), Err(Error::NotCustomer));
	as_caller(&chain, a.alice);
	assert_eq!(escrow.cancel(), Ok(50 - FEE));
	assert_eq!(chain.balance(ASSET, a.alice), 50 - FEE);
	assert_eq!(escrow.phase(), Phase::Cancelled);
	assert_eq!(escrow.cancel(), Err(Error::NotAwaitingFunds));
}
