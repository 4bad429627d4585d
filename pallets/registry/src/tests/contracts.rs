use super::*;
use crate::{
	AccountKind, ContractParticipants, ContractRecord, ContractRecords, Error, Event, HoldReason,
	ParticipantCount, ParticipantRegistry, Participants,
};
use frame_support::{assert_noop, traits::fungible::InspectHold};

fn held(who: AccountId) -> u64 {
	Balances::balance_on_hold(&HoldReason::Registration.into(), &who)
}

/// ALICE registers, verified at level 2, and registers `CONTRACT` (running `CODE_A`).
fn alice_registers_the_contract() {
	register(ALICE);
	assert_ok!(Registry::verify_kyc(signed(KYC), ALICE, 2, hash(1), 100));
	assert_ok!(Registry::register_contract(&CONTRACT, &ALICE, CODE_A));
}

#[test]
fn a_contract_registers_with_its_registrar_holding_the_deposit_from_itself() {
	test(|| {
		alice_registers_the_contract();
		let p = Participants::<Test>::get(CONTRACT).unwrap();
		assert_eq!((p.kind, p.deposit, p.references), (AccountKind::Contract, DEPOSIT, 0));
		assert_eq!(held(CONTRACT), DEPOSIT);
		assert_eq!(held(ALICE), DEPOSIT, "the registrar's own deposit only");
		assert_eq!(Participants::<Test>::get(ALICE).unwrap().references, 1);
		assert_eq!(
			ContractRecords::<Test>::get(CONTRACT),
			Some(ContractRecord { registrar: ALICE, code_hash: CODE_A })
		);
		assert_eq!(Registry::registered_code(&CONTRACT), Some(CODE_A));
		assert_eq!(ParticipantCount::<Test>::get(), 6);
		System::assert_last_event(
			Event::ContractRegistered {
				contract: CONTRACT,
				registrar: ALICE,
				code_hash: CODE_A,
				deposit: DEPOSIT,
			}
			.into(),
		);
	});
}

#[test]
fn register_contract_refusals() {
	test(|| {
		register(ALICE);
		// The code named is not what the account runs.
		assert_noop!(
			Registry::register_contract(&CONTRACT, &ALICE, CODE_B),
			Error::<Test>::NotAContract
		);
		// The registrar must be an unbanned participant, not a contract.
		assert_noop!(
			Registry::register_contract(&CONTRACT, &BOB, CODE_A),
			Error::<Test>::RegistrarNotParticipant
		);
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		assert_noop!(
			Registry::register_contract(&CONTRACT, &ALICE, CODE_A),
			Error::<Test>::RegistrarNotParticipant
		);
		assert_ok!(Registry::unban(signed(SECURITY), ALICE));
		deploy(BOB, CODE_B);
		assert_ok!(Registry::register_contract(&BOB, &ALICE, CODE_B));
		assert_noop!(
			Registry::register_contract(&CONTRACT, &BOB, CODE_A),
			Error::<Test>::ContractAccount
		);
		// The contract pays its deposit.
		deploy(POOR, CODE_A);
		assert_noop!(
			Registry::register_contract(&POOR, &ALICE, CODE_A),
			Error::<Test>::InsufficientBalance
		);
		// A banned contract, and one registered already.
		assert_ok!(Registry::ban(signed(SECURITY), CONTRACT, 1, None));
		assert_noop!(
			Registry::register_contract(&CONTRACT, &ALICE, CODE_A),
			Error::<Test>::Banned
		);
		assert_noop!(Registry::register_contract(&BOB, &ALICE, CODE_B), Error::<Test>::AlreadyRegistered);
	});
}

#[test]
fn a_contract_registers_in_its_constructor_before_its_code_is_recorded() {
	test(|| {
		register(ALICE);
		// Being instantiated, `BOB` runs no recorded code yet: it names the code it runs.
		assert_ok!(Registry::register_contract(&BOB, &ALICE, CODE_B));
		assert_eq!(Registry::standing(&BOB), None, "no participant until its code is recorded");
		deploy(BOB, CODE_B);
		assert_eq!(Registry::standing(&BOB).map(|s| s.kind), Some(AccountKind::Contract));
	});
}

#[test]
fn a_contract_stands_as_its_registrar_while_it_runs_its_registered_code() {
	test(|| {
		alice_registers_the_contract();
		let standing = Registry::standing(&CONTRACT).unwrap();
		assert_eq!((standing.kind, standing.kyc_level, standing.banned), (AccountKind::Contract, 2, false));
		assert_ok!(Registry::grant_role(RuntimeOrigin::root(), CONTRACT, Issuer::ROLE));
		assert!(Registry::has_role(&CONTRACT, Issuer::ROLE));

		// The registrar's verification lapses: so does the contract's.
		run_to_block(100);
		assert_eq!(Registry::standing(&CONTRACT).unwrap().kyc_level, 0);
		// A ban on the registrar is a ban on the contract.
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		assert!(Registry::standing(&CONTRACT).unwrap().banned);
		assert!(!Registry::has_role(&CONTRACT, Issuer::ROLE));
		assert_ok!(Registry::unban(signed(SECURITY), ALICE));

		// Other code: no participant (and no role) until it runs the registered code again.
		set_code(CONTRACT, CODE_B);
		assert_eq!(Registry::standing(&CONTRACT), None);
		assert!(!Registry::has_role(&CONTRACT, Issuer::ROLE));
		assert_eq!(Registry::ensure_active(&CONTRACT), Err(pactum_primitives::Inactive::NotParticipant));
		set_code(CONTRACT, CODE_A);
		assert!(Registry::ensure_active(&CONTRACT).is_ok());
	});
}

#[test]
fn a_contract_leaves_and_gets_its_deposit_back() {
	test(|| {
		alice_registers_the_contract();
		assert_ok!(Registry::leave_contract(&CONTRACT));
		assert_eq!(held(CONTRACT), 0);
		assert_eq!(Balances::free_balance(CONTRACT), 1_000);
		assert!(!Participants::<Test>::contains_key(CONTRACT));
		assert!(!ContractRecords::<Test>::contains_key(CONTRACT));
		assert_eq!(Participants::<Test>::get(ALICE).unwrap().references, 0);
		System::assert_last_event(Event::Left { who: CONTRACT, deposit: DEPOSIT }.into());
		// Its registrar may leave now.
		assert_ok!(Registry::leave(signed(ALICE)));
	});
}

#[test]
fn leave_contract_refusals() {
	test(|| {
		register(BOB);
		assert_noop!(Registry::leave_contract(&BOB), Error::<Test>::NotAContract);
		assert_noop!(Registry::leave_contract(&CONTRACT), Error::<Test>::NotAContract);
		alice_registers_the_contract();
		// The registrar cannot leave while its contract is registered.
		assert_noop!(Registry::leave(signed(ALICE)), Error::<Test>::StillReferenced);
		assert_ok!(Registry::add_reference(&CONTRACT));
		assert_noop!(Registry::leave_contract(&CONTRACT), Error::<Test>::StillReferenced);
		Registry::remove_reference(&CONTRACT);
		assert_ok!(Registry::grant_role(RuntimeOrigin::root(), CONTRACT, Issuer::ROLE));
		assert_noop!(Registry::leave_contract(&CONTRACT), Error::<Test>::HoldsRoles);
	});
}

#[test]
fn anyone_clears_a_terminated_contract_and_the_registrar_gets_the_deposit() {
	test(|| {
		alice_registers_the_contract();
		assert_ok!(Registry::grant_role(RuntimeOrigin::root(), CONTRACT, Issuer::ROLE));
		terminate(CONTRACT);
		let alice_free = Balances::free_balance(ALICE);
		assert_ok!(Registry::deregister_contract(signed(BOB), CONTRACT));
		assert_eq!(Balances::free_balance(ALICE), alice_free + DEPOSIT);
		assert_eq!(held(CONTRACT), 0);
		assert!(!Participants::<Test>::contains_key(CONTRACT));
		assert!(!ContractRecords::<Test>::contains_key(CONTRACT));
		assert_eq!(crate::RoleHolders::<Test>::get(Issuer::ROLE), 0);
		assert_eq!(Participants::<Test>::get(ALICE).unwrap().references, 0);
		assert_eq!(ParticipantCount::<Test>::get(), 5);
		System::assert_last_event(
			Event::ContractDeregistered { contract: CONTRACT, registrar: ALICE, deposit: DEPOSIT }
				.into(),
		);
	});
}

#[test]
fn a_contract_whose_code_changed_can_be_cleared_and_lives_on() {
	test(|| {
		alice_registers_the_contract();
		set_code(CONTRACT, CODE_B);
		let alice_free = Balances::free_balance(ALICE);
		assert_ok!(Registry::deregister_contract(signed(BOB), CONTRACT));
		assert_eq!(Balances::free_balance(ALICE), alice_free + DEPOSIT);
		assert!(!ContractRecords::<Test>::contains_key(CONTRACT));
		assert!(Balances::free_balance(CONTRACT) > 0, "the running contract keeps its account");
		assert_eq!(Participants::<Test>::get(ALICE).unwrap().references, 0);
	});
}

#[test]
fn deregister_contract_refusals() {
	test(|| {
		register(BOB);
		assert_noop!(Registry::deregister_contract(signed(BOB), BOB), Error::<Test>::NotAContract);
		alice_registers_the_contract();
		assert_noop!(
			Registry::deregister_contract(signed(BOB), CONTRACT),
			Error::<Test>::ContractLive
		);
		terminate(CONTRACT);
		assert_ok!(Registry::add_reference(&CONTRACT));
		assert_noop!(
			Registry::deregister_contract(signed(BOB), CONTRACT),
			Error::<Test>::StillReferenced
		);
		assert_noop!(
			Registry::deregister_contract(RuntimeOrigin::root(), CONTRACT),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_contract_has_no_kyc_company_or_recovery_of_its_own() {
	test(|| {
		alice_registers_the_contract();
		assert_noop!(
			Registry::verify_kyc(signed(KYC), CONTRACT, 1, hash(1), 100),
			Error::<Test>::ContractAccount
		);
		assert_noop!(
			Registry::set_corporate(signed(KYC), CONTRACT, hash(2)),
			Error::<Test>::ContractAccount
		);
		assert_noop!(
			Registry::propose_recovery(signed(KYC), CONTRACT, BOB),
			Error::<Test>::ContractAccount
		);
	});
}

#[test]
fn the_view_shows_the_contract_record_and_the_registrars_level() {
	test(|| {
		alice_registers_the_contract();
		let view = Registry::participant_view(&CONTRACT).unwrap();
		assert_eq!((view.kind, view.kyc_level), (AccountKind::Contract, 2));
		assert_eq!(view.contract, Some(ContractRecord { registrar: ALICE, code_hash: CODE_A }));
		assert_eq!(Registry::participant_view(&ALICE).unwrap().contract, None);
	});
}

#[test]
fn try_state_catches_a_contract_participant_without_its_record() {
	new_test_ext().execute_with(|| {
		alice_registers_the_contract();
		ContractRecords::<Test>::remove(CONTRACT);
		assert!(Registry::do_try_state().is_err());
	});
}
