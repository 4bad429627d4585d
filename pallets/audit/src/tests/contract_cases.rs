//! Cases a contract opens through the chain extension for a claimant, and the outcome the court
//! keeps for it.

use crate::{mock::*, Cases, ContractCaseCount, ContractCases, Error, Event, HoldReason, Phase};
use frame_support::{assert_noop, assert_ok};
use pactum_primitives::{CaseState, ContractCourt, Verdict as Outcome};
use sp_core::H256;

fn open(claimant: AccountId, respondent: AccountId) -> Result<crate::CaseId, sp_runtime::DispatchError> {
	<Audit as ContractCourt<AccountId, u64, H256>>::open_case(
		&CONTRACT,
		&claimant,
		&respondent,
		H256([7; 32]),
		1_000,
	)
}

fn state(id: crate::CaseId) -> Option<CaseState> {
	<Audit as ContractCourt<AccountId, u64, H256>>::case_state(&CONTRACT, id)
}

fn forget(contract: AccountId, id: crate::CaseId) -> sp_runtime::DispatchResult {
	<Audit as ContractCourt<AccountId, u64, H256>>::forget_case(&contract, id)
}

/// Runs the case to the end of its objection window after a unanimous first panel.
fn decide(case: crate::CaseId, verdict: crate::Verdict) {
	all_vote(case, 3, verdict);
	to_settle(case);
	let Some(Phase::Decided { epoch, .. }) = Cases::<Test>::get(case).map(|c| c.phase) else {
		panic!("the case is decided");
	};
	run_to(Audit::epoch_start(epoch + 2));
}

#[test]
fn a_contract_opens_a_case_for_its_claimant_staking_from_itself() {
	test(|| {
		assert_eq!(open(REQUESTER, PROVIDER), Ok(0));
		let case = Cases::<Test>::get(0).unwrap();
		assert_eq!((case.requester, case.counterparty, case.stake), (CONTRACT, PROVIDER, 100));
		assert_eq!(held(HoldReason::CaseStake, CONTRACT), 100);
		assert_eq!(held(HoldReason::CaseStake, REQUESTER), 0);
		assert_eq!(state(0), Some(CaseState::Open));
		assert_eq!(
			<Audit as ContractCourt<AccountId, u64, H256>>::case_state(&REQUESTER, 0),
			None,
			"only the contract that opened it reads it"
		);
		assert_eq!(ContractCaseCount::<Test>::get(CONTRACT), 1);
		System::assert_last_event(
			Event::ContractCaseOpened { case: 0, contract: CONTRACT, claimant: REQUESTER }.into(),
		);
	});
}

#[test]
fn contract_case_refusals() {
	test(|| {
		assert_noop!(open(PROVIDER, PROVIDER), Error::<Test>::SameParty);
		assert_noop!(open(CONTRACT, PROVIDER), Error::<Test>::SameParty);
		assert_noop!(open(OUTSIDER, PROVIDER), Error::<Test>::ClaimantNotParticipant);
		assert_noop!(open(REQUESTER, OUTSIDER), Error::<Test>::CounterpartyNotParticipant);
		MockRegistry::ban(&REQUESTER);
		assert_noop!(open(REQUESTER, PROVIDER), Error::<Test>::ClaimantBanned);
		MockRegistry::unban(&REQUESTER);
		MockRegistry::ban(&PROVIDER);
		assert_noop!(open(REQUESTER, PROVIDER), Error::<Test>::CounterpartyBanned);
		MockRegistry::unban(&PROVIDER);
		MockRegistry::ban(&CONTRACT);
		assert_noop!(open(REQUESTER, PROVIDER), Error::<Test>::Banned);
		MockRegistry::unban(&CONTRACT);
		assert_noop!(
			<Audit as ContractCourt<AccountId, u64, H256>>::open_case(
				&OUTSIDER,
				&REQUESTER,
				&PROVIDER,
				H256([7; 32]),
				1_000
			),
			Error::<Test>::NotParticipant
		);
		// Two records at most (the mock's MaxContractCases).
		assert_ok!(open(REQUESTER, PROVIDER));
		assert_ok!(open(PLAIN, PROVIDER));
		assert_noop!(open(REQUESTER, PROVIDER), Error::<Test>::TooManyContractCases);
	});
}

#[test]
fn the_claimant_and_its_organisation_sit_on_no_panel() {
	test(|| {
		signal(3);
		let case = open(auditor(3), PROVIDER).unwrap();
		MockRegistry::set_org_code(&auditor(3), b"ACME");
		MockRegistry::set_org_code(&auditor(1), b"ACME.audit");
		to_commit(case);
		assert_noop!(commit(auditor(3), case, crate::Verdict::Upheld), Error::<Test>::Excluded);
		assert_noop!(commit(auditor(1), case, crate::Verdict::Upheld), Error::<Test>::Excluded);
		assert_ok!(commit(auditor(2), case, crate::Verdict::Upheld));
	});
}

#[test]
fn the_outcome_is_kept_for_the_contract_until_it_drops_it() {
	test(|| {
		signal(3);
		let case = open(REQUESTER, PROVIDER).unwrap();
		decide(case, crate::Verdict::Upheld);
		System::assert_has_event(
			Event::Closed { case, verdict: Some(crate::Verdict::Upheld) }.into(),
		);
		assert!(Cases::<Test>::get(case).is_none());
		assert_eq!(state(case), Some(CaseState::Decided(Outcome::Upheld)));
		assert_ok!(forget(CONTRACT, case));
		assert_eq!(state(case), None);
		assert!(!ContractCases::<Test>::contains_key(case));
		assert_eq!(ContractCaseCount::<Test>::get(CONTRACT), 0);
	});
}

#[test]
fn a_case_nobody_decides_is_kept_as_undecided() {
	test(|| {
		let case = open(REQUESTER, PROVIDER).unwrap();
		// No auditor at all: every attempt ties at zero votes.
		run_to(3 * EPOCH + COMMIT + REVEAL);
		System::assert_has_event(Event::Closed { case, verdict: None }.into());
		assert_eq!(state(case), Some(CaseState::Undecided));
		assert_eq!(held(HoldReason::CaseStake, CONTRACT), 0);
	});
}

#[test]
fn forget_case_refusals() {
	test(|| {
		let case = open(REQUESTER, PROVIDER).unwrap();
		assert_noop!(forget(CONTRACT, case), Error::<Test>::CaseStillOpen);
		assert_noop!(forget(REQUESTER, case), Error::<Test>::UnknownCase);
		assert_noop!(forget(CONTRACT, case + 1), Error::<Test>::UnknownCase);
	});
}

#[test]
fn the_claimant_may_object_to_a_first_verdict() {
	test(|| {
		signal(3);
		let case = open(REQUESTER, PROVIDER).unwrap();
		all_vote(case, 3, crate::Verdict::Rejected);
		to_settle(case);
		assert_ok!(Audit::object(signed(REQUESTER), case, MIN_OBJECTION.max(100)));
		assert_eq!(held(HoldReason::Objection, REQUESTER), 100);
		assert_noop!(Audit::object(signed(PLAIN), case, 100), Error::<Test>::NotDecided);
	});
}
