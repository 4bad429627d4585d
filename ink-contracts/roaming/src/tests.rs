//! Off-chain unit tests against the mock chain: every message, its success and each refusal.
use crate::roaming::*;
use ink::{
	env::test::{self, DefaultAccounts},
	primitives::{AccountId, Hash},
	scale::Encode,
};
use pactum_env::{mock::MockChain, PactumEnvironment, PactumError, ParticipantKind};

type Env = PactumEnvironment;
type Balance = u128;

/// The settlement asset, its flat transfer fee, and the operator role.
const ASSET: u32 = 3;
const FEE: Balance = 1;
const OPERATOR: u8 = 9;

const TARIFF_A: Balance = 3;
const TARIFF_B: Balance = 5;
const START: u64 = 1_700_000_000_000;
const END: u64 = START + 86_400_000;

fn accounts() -> DefaultAccounts<Env> {
	test::default_accounts::<Env>()
}

fn hash(n: u8) -> Hash {
	Hash::from([n; 32])
}

fn as_caller(who: AccountId) {
	test::set_caller::<Env>(who);
}

fn contract_account() -> AccountId {
	accounts().frank
}

/// The chain: Alice (who deploys), Bob, Charlie and Django are participants holding the
/// operator role, Eve one without it; the asset admits contracts and charges `FEE` per
/// transfer, to Eve.
fn chain() -> MockChain {
	let a = accounts();
	test::set_callee::<Env>(contract_account());
	let chain = MockChain::install(contract_account());
	for who in [a.alice, a.bob, a.charlie, a.django, a.eve] {
		chain.admit(who, ParticipantKind::Verified, 2);
	}
	for who in [a.alice, a.bob, a.charlie, a.django] {
		chain.grant(who, OPERATOR);
	}
	chain.create_asset(ASSET, FEE, a.eve, true);
	chain.set_caller(a.alice);
	chain
}

fn balance(chain: &MockChain, who: AccountId) -> Balance {
	chain.balance(ASSET, who)
}

fn events() -> Vec<Vec<u8>> {
	test::recorded_events().map(|event| event.data).collect()
}

fn last_event() -> Vec<u8> {
	events().pop().expect("an event was emitted")
}

/// A contract at Frank's account owned by Alice, with Bob (tariff 3) and Charlie (tariff 5) joined.
fn agreement(chain: &MockChain) -> Roaming {
	let a = accounts();
	as_caller(a.alice);
	chain.set_caller(a.alice);
	let mut contract = Roaming::new(ASSET, OPERATOR).expect("deploys");
	contract.invite(a.bob).unwrap();
	contract.invite(a.charlie).unwrap();
	as_caller(a.bob);
	contract.join(TARIFF_A).unwrap();
	as_caller(a.charlie);
	contract.join(TARIFF_B).unwrap();
	contract
}

/// `who` sends `amount` of the asset to the contract and credits it to its deposit.
fn deposit(chain: &MockChain, contract: &mut Roaming, who: AccountId, amount: Balance) -> Result<()> {
	chain.mint(ASSET, contract_account(), amount);
	as_caller(who);
	contract.deposit(amount)
}

#[ink::test]
fn new_makes_the_caller_owner() {
	let a = accounts();
	let chain = chain();
	as_caller(a.django);
	chain.set_caller(a.django);
	let contract = Roaming::new(ASSET, OPERATOR).expect("deploys");
	assert_eq!(contract.owner(), a.django);
	assert_eq!(contract.terms(), (ASSET, OPERATOR));
	assert_eq!(contract.operator(a.django), None);
	// The contract registered itself, Django answering for it.
	assert_eq!(chain.state().registrars.get(&contract_account()), Some(&a.django));
}

#[ink::test]
fn invite_and_join() {
	let a = accounts();
	let chain = chain();
	as_caller(a.alice);
	let mut contract = Roaming::new(ASSET, OPERATOR).expect("deploys");
	assert_eq!(contract.invite(a.bob), Ok(()));
	assert_eq!(last_event(), Invited { operator: a.bob }.encode());
	as_caller(a.bob);
	assert_eq!(contract.join(7), Ok(()));
	assert_eq!(last_event(), Joined { operator: a.bob, tariff: 7 }.encode());
	assert_eq!(contract.operator(a.bob), Some(Operator { tariff: 7, deposit: 0, debts: 0 }));
}

#[ink::test]
fn invite_refusals() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.bob);
	assert_eq!(contract.invite(a.django), Err(Error::NotOwner));
	as_caller(a.alice);
	assert_eq!(contract.invite(a.bob), Err(Error::AlreadyJoined));
}

#[ink::test]
fn join_refusals() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.django);
	assert_eq!(contract.join(1), Err(Error::NotInvited));
	as_caller(a.bob);
	assert_eq!(contract.join(1), Err(Error::AlreadyJoined));
	as_caller(a.alice);
	contract.invite(a.django).unwrap();
	as_caller(a.django);
	assert_eq!(contract.join(0), Err(Error::ZeroTariff));
	assert_eq!(contract.operator(a.django), None);
}

#[ink::test]
fn set_tariff_applies_to_later_batches() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.bob);
	let first = contract.post_usage(a.charlie, hash(1), 10, START, END).unwrap();
	assert_eq!(contract.set_tariff(4), Ok(()));
	assert_eq!(last_event(), TariffChanged { operator: a.bob, tariff: 4 }.encode());
	let second = contract.post_usage(a.charlie, hash(2), 10, START, END).unwrap();
	assert_eq!(contract.batch(first).unwrap().amount, 30);
	assert_eq!(contract.batch(second).unwrap().amount, 40);
}

#[ink::test]
fn set_tariff_refusals() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.django);
	assert_eq!(contract.set_tariff(1), Err(Error::NotOperator));
	as_caller(a.bob);
	assert_eq!(contract.set_tariff(0), Err(Error::ZeroTariff));
	assert_eq!(contract.operator(a.bob).unwrap().tariff, TARIFF_A);
}

#[ink::test]
fn deposit_and_withdraw() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	assert_eq!(deposit(&chain, &mut contract, a.bob, 100), Ok(()));
	assert_eq!(last_event(), Deposited { operator: a.bob, amount: 100, deposit: 100 }.encode());
	assert_eq!(contract.credited(), 100);
	as_caller(a.bob);
	assert_eq!(contract.withdraw(40), Ok(()));
	// The transfer's fee comes out of the deposit.
	assert_eq!(
		last_event(),
		Withdrawn { operator: a.bob, amount: 40, fee: FEE, deposit: 60 - FEE }.encode()
	);
	assert_eq!(contract.operator(a.bob).unwrap().deposit, 60 - FEE);
	assert_eq!(balance(&chain, a.bob), 40);
	assert_eq!(balance(&chain, contract_account()), 60 - FEE);
	assert_eq!(contract.credited(), 60 - FEE);
}

#[ink::test]
fn deposit_refusals() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	assert_eq!(deposit(&chain, &mut contract, a.django, 10), Err(Error::NotOperator));
	assert_eq!(deposit(&chain, &mut contract, a.bob, 0), Err(Error::ZeroDeposit));
	// Tokens nobody sent cannot be credited (Django's 10 are already in the contract).
	as_caller(a.bob);
	assert_eq!(contract.deposit(11), Err(Error::NotReceived));
	assert_eq!(contract.deposit(10), Ok(()));
	assert_eq!(contract.deposit(1), Err(Error::NotReceived));
	// An operator who lost its role, or is banned, deposits no more.
	chain.state().participants.get_mut(&a.charlie).unwrap().roles = 0;
	assert_eq!(deposit(&chain, &mut contract, a.charlie, 10), Err(Error::NotEligible));
	assert_eq!(contract.operator(a.charlie).unwrap().deposit, 0);
}

#[ink::test]
fn withdraw_keeps_what_debts_need() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	deposit(&chain, &mut contract, a.bob, 100).unwrap();
	// Charlie serves 10 units to Bob's subscribers at 5: Bob owes 50.
	as_caller(a.charlie);
	let batch = contract.post_usage(a.bob, hash(1), 10, START, END).unwrap();
	as_caller(a.bob);
	contract.confirm(batch).unwrap();
	// 50 stays for the debts; a withdrawal pays its fee out of the deposit too.
	assert_eq!(contract.withdraw(50), Err(Error::DepositNeededForDebts));
	assert_eq!(contract.withdraw(50 - FEE), Ok(()));
	assert_eq!(contract.operator(a.bob).unwrap().deposit, 50);
	as_caller(a.django);
	assert_eq!(contract.withdraw(1), Err(Error::NotOperator));
}

#[ink::test]
fn post_usage_records_the_batch() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.bob);
	assert_eq!(contract.post_usage(a.charlie, hash(1), 10, START, END), Ok(0));
	assert_eq!(
		last_event(),
		UsagePosted {
			batch: 0,
			visited: a.bob,
			home: a.charlie,
			batch_hash: hash(1),
			units: 10,
			amount: 30,
			period_start: START,
			period_end: END,
		}
		.encode()
	);
	let batch = contract.batch(0).unwrap();
	assert_eq!(batch.status, BatchStatus::Posted);
	assert_eq!((batch.visited, batch.home, batch.tariff), (a.bob, a.charlie, TARIFF_A));
	assert_eq!(contract.post_usage(a.charlie, hash(2), 1, START, END), Ok(1));
}

#[ink::test]
fn post_usage_refusals() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.django);
	assert_eq!(contract.post_usage(a.bob, hash(1), 1, START, END), Err(Error::NotOperator));
	as_caller(a.bob);
	assert_eq!(contract.post_usage(a.django, hash(1), 1, START, END), Err(Error::NotOperator));
	assert_eq!(contract.post_usage(a.bob, hash(1), 1, START, END), Err(Error::SelfRoaming));
	assert_eq!(contract.post_usage(a.charlie, hash(1), 0, START, END), Err(Error::ZeroUnits));
	assert_eq!(contract.post_usage(a.charlie, hash(1), 1, END, START), Err(Error::InvalidPeriod));
	assert_eq!(contract.post_usage(a.charlie, hash(1), 1, START, START), Err(Error::InvalidPeriod));
	contract.set_tariff(Balance::MAX).unwrap();
	assert_eq!(contract.post_usage(a.charlie, hash(1), 2, START, END), Err(Error::Overflow));
	contract.set_tariff(TARIFF_A).unwrap();
	contract.post_usage(a.charlie, hash(1), 1, START, END).unwrap();
	assert_eq!(contract.post_usage(a.charlie, hash(1), 1, START, END), Err(Error::DuplicateBatch));
	assert_eq!(contract.batch(1), None);
}

#[ink::test]
fn confirm_accrues_what_home_owes() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.bob);
	contract.post_usage(a.charlie, hash(1), 10, START, END).unwrap();
	contract.post_usage(a.charlie, hash(2), 2, START, END).unwrap();
	as_caller(a.charlie);
	assert_eq!(contract.confirm(0), Ok(()));
	assert_eq!(
		last_event(),
		BatchConfirmed { batch: 0, visited: a.bob, home: a.charlie, amount: 30, owed: 30 }.encode()
	);
	assert_eq!(contract.confirm(1), Ok(()));
	assert_eq!(contract.owed_by(a.charlie, a.bob), 36);
	assert_eq!(contract.owed_by(a.bob, a.charlie), 0);
	assert_eq!(contract.operator(a.charlie).unwrap().debts, 36);
	assert_eq!(contract.batch(0).unwrap().status, BatchStatus::Confirmed);
}

#[ink::test]
fn confirm_refusals() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.bob);
	contract.post_usage(a.charlie, hash(1), 10, START, END).unwrap();
	assert_eq!(contract.confirm(0), Err(Error::NotHomeOperator));
	assert_eq!(contract.confirm(7), Err(Error::UnknownBatch));
	as_caller(a.charlie);
	contract.confirm(0).unwrap();
	assert_eq!(contract.confirm(0), Err(Error::NotPending));
	assert_eq!(contract.owed_by(a.charlie, a.bob), 30);
}

#[ink::test]
fn dispute_holds_the_batch_open() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.bob);
	contract.post_usage(a.charlie, hash(1), 10, START, END).unwrap();
	as_caller(a.charlie);
	assert_eq!(contract.dispute(0, hash(9)), Ok(()));
	assert_eq!(last_event(), BatchDisputed { batch: 0, home: a.charlie, reason: hash(9) }.encode());
	let batch = contract.batch(0).unwrap();
	assert_eq!((batch.status, batch.dispute_reason), (BatchStatus::Disputed, Some(hash(9))));
	assert_eq!(contract.confirm(0), Err(Error::NotPending));
	assert_eq!(contract.owed_by(a.charlie, a.bob), 0);
}

#[ink::test]
fn dispute_refusals() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.bob);
	contract.post_usage(a.charlie, hash(1), 10, START, END).unwrap();
	assert_eq!(contract.dispute(0, hash(9)), Err(Error::NotHomeOperator));
	assert_eq!(contract.dispute(3, hash(9)), Err(Error::UnknownBatch));
	as_caller(a.charlie);
	contract.dispute(0, hash(9)).unwrap();
	assert_eq!(contract.dispute(0, hash(9)), Err(Error::NotPending));
}

#[ink::test]
fn correction_agreed_by_both_sides_confirms_the_batch() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.bob);
	contract.post_usage(a.charlie, hash(1), 10, START, END).unwrap();
	as_caller(a.charlie);
	contract.dispute(0, hash(9)).unwrap();
	// Charlie proposes 8 units, then Bob counter-proposes 9: the later proposal replaces it.
	assert_eq!(contract.propose_correction(0, hash(2), 8), Ok(()));
	as_caller(a.bob);
	assert_eq!(contract.propose_correction(0, hash(3), 9), Ok(()));
	assert_eq!(
		last_event(),
		CorrectionProposed { batch: 0, proposer: a.bob, batch_hash: hash(3), units: 9, amount: 27 }
			.encode()
	);
	as_caller(a.charlie);
	assert_eq!(contract.accept_correction(0), Ok(()));
	let emitted = events();
	assert_eq!(
		emitted[emitted.len() - 2],
		CorrectionAccepted {
			batch: 0,
			accepter: a.charlie,
			batch_hash: hash(3),
			units: 9,
			amount: 27,
		}
		.encode()
	);
	let batch = contract.batch(0).unwrap();
	assert_eq!((batch.status, batch.units, batch.amount), (BatchStatus::Confirmed, 9, 27));
	assert_eq!(batch.batch_hash, hash(3));
	assert_eq!(contract.owed_by(a.charlie, a.bob), 27);
	// The corrected hash is now taken, the original one free again.
	as_caller(a.bob);
	assert_eq!(contract.post_usage(a.charlie, hash(3), 1, START, END), Err(Error::DuplicateBatch));
	assert_eq!(contract.post_usage(a.charlie, hash(1), 1, START, END), Ok(1));
}

#[ink::test]
fn propose_correction_refusals() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.bob);
	contract.post_usage(a.charlie, hash(1), 10, START, END).unwrap();
	contract.post_usage(a.charlie, hash(5), 10, START, END).unwrap();
	assert_eq!(contract.propose_correction(0, hash(2), 8), Err(Error::NotDisputed));
	assert_eq!(contract.propose_correction(9, hash(2), 8), Err(Error::UnknownBatch));
	as_caller(a.charlie);
	contract.dispute(0, hash(9)).unwrap();
	as_caller(a.django);
	assert_eq!(contract.propose_correction(0, hash(2), 8), Err(Error::NotBatchParty));
	as_caller(a.charlie);
	assert_eq!(contract.propose_correction(0, hash(2), 0), Err(Error::ZeroUnits));
	assert_eq!(contract.propose_correction(0, hash(5), 8), Err(Error::DuplicateBatch));
	assert_eq!(contract.batch(0).unwrap().correction, None);
	// The disputed batch's own hash may be kept, with other units.
	assert_eq!(contract.propose_correction(0, hash(1), 8), Ok(()));
}

#[ink::test]
fn accept_correction_refusals() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.bob);
	contract.post_usage(a.charlie, hash(1), 10, START, END).unwrap();
	assert_eq!(contract.accept_correction(0), Err(Error::NotDisputed));
	assert_eq!(contract.accept_correction(4), Err(Error::UnknownBatch));
	as_caller(a.charlie);
	contract.dispute(0, hash(9)).unwrap();
	assert_eq!(contract.accept_correction(0), Err(Error::NoCorrection));
	contract.propose_correction(0, hash(2), 8).unwrap();
	assert_eq!(contract.accept_correction(0), Err(Error::OwnCorrection));
	as_caller(a.django);
	assert_eq!(contract.accept_correction(0), Err(Error::NotBatchParty));
	assert_eq!(contract.batch(0).unwrap().status, BatchStatus::Disputed);
	assert_eq!(contract.owed_by(a.charlie, a.bob), 0);
}

#[ink::test]
fn settle_nets_both_directions_and_pays_the_difference() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	deposit(&chain, &mut contract, a.bob, 1_000).unwrap();
	deposit(&chain, &mut contract, a.charlie, 1_000).unwrap();
	// Bob served 10 units at 3 to Charlie's subscribers (Charlie owes 30); Charlie served 20
	// units at 5 to Bob's (Bob owes 100). Net: Bob pays Charlie 70.
	as_caller(a.bob);
	contract.post_usage(a.charlie, hash(1), 10, START, END).unwrap();
	as_caller(a.charlie);
	contract.post_usage(a.bob, hash(2), 20, START, END).unwrap();
	contract.confirm(0).unwrap();
	as_caller(a.bob);
	contract.confirm(1).unwrap();
	let charlie_before = balance(&chain, a.charlie);
	let contract_before = balance(&chain, contract_account());

	as_caller(a.charlie);
	assert_eq!(contract.settle(a.bob), Ok(70));
	assert_eq!(
		last_event(),
		Settled {
			payer: a.bob,
			payee: a.charlie,
			amount: 70,
			fee: FEE,
			payer_owed: 100,
			payee_owed: 30
		}
		.encode()
	);
	assert_eq!(balance(&chain, a.charlie), charlie_before + 70);
	assert_eq!(balance(&chain, contract_account()), contract_before - 70 - FEE);
	assert_eq!(
		contract.operator(a.bob),
		Some(Operator { tariff: TARIFF_A, deposit: 930 - FEE, debts: 0 })
	);
	assert_eq!(contract.credited(), 2_000 - 70 - FEE);
	assert_eq!(
		contract.operator(a.charlie),
		Some(Operator { tariff: TARIFF_B, deposit: 1_000, debts: 0 })
	);
	assert_eq!(contract.owed_by(a.bob, a.charlie), 0);
	assert_eq!(contract.owed_by(a.charlie, a.bob), 0);
	assert_eq!(contract.settle(a.bob), Err(Error::NothingToSettle));
}

#[ink::test]
fn settle_of_equal_debts_pays_nothing() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	// 5 units at 3 = 15 one way, 3 units at 5 = 15 the other.
	as_caller(a.bob);
	contract.post_usage(a.charlie, hash(1), 5, START, END).unwrap();
	as_caller(a.charlie);
	contract.post_usage(a.bob, hash(2), 3, START, END).unwrap();
	contract.confirm(0).unwrap();
	as_caller(a.bob);
	contract.confirm(1).unwrap();
	assert_eq!(contract.settle(a.charlie), Ok(0));
	assert_eq!(contract.operator(a.bob).unwrap().debts, 0);
	assert_eq!(contract.operator(a.charlie).unwrap().debts, 0);
}

#[ink::test]
fn settle_refusals() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.django);
	assert_eq!(contract.settle(a.bob), Err(Error::NotOperator));
	as_caller(a.bob);
	assert_eq!(contract.settle(a.django), Err(Error::NotOperator));
	assert_eq!(contract.settle(a.charlie), Err(Error::NothingToSettle));
	// Charlie owes Bob 30 (and the fee) but deposited only 30.
	deposit(&chain, &mut contract, a.charlie, 30).unwrap();
	as_caller(a.bob);
	contract.post_usage(a.charlie, hash(1), 10, START, END).unwrap();
	as_caller(a.charlie);
	contract.confirm(0).unwrap();
	as_caller(a.bob);
	assert_eq!(contract.settle(a.charlie), Err(Error::InsufficientDeposit));
	assert_eq!(contract.owed_by(a.charlie, a.bob), 30);
	assert_eq!(contract.operator(a.charlie).unwrap().deposit, 30);
	// A banned counterparty stops the settlement.
	deposit(&chain, &mut contract, a.charlie, 1).unwrap();
	chain.ban(a.charlie);
	as_caller(a.bob);
	assert_eq!(contract.settle(a.charlie), Err(Error::NotEligible));
}

#[ink::test]
fn only_participants_holding_the_operator_role_join() {
	let a = accounts();
	let chain = chain();
	let mut contract = agreement(&chain);
	as_caller(a.alice);
	contract.invite(a.eve).unwrap();
	as_caller(a.eve);
	assert_eq!(contract.join(1), Err(Error::NotEligible));
	chain.grant(a.eve, OPERATOR);
	chain.ban(a.eve);
	assert_eq!(contract.join(1), Err(Error::NotEligible));
}

#[ink::test]
fn deploying_needs_a_registrar() {
	let a = accounts();
	let chain = chain();
	// Frank is no participant: he cannot answer for the contract.
	as_caller(a.frank);
	chain.set_caller(a.frank);
	assert_eq!(
		Roaming::new(ASSET, OPERATOR).err(),
		Some(Error::Chain(PactumError::RegistrarNotParticipant))
	);
}
