use super::*;
use crate::{
	roles::ClientRegistrar, AccountKind, ClientRecord, Clients, Error, Event, HoldReason,
	ParticipantCount, Participants,
};
use frame_support::{assert_noop, traits::fungible::InspectHold};
use pactum_primitives::ParticipantRegistry;

/// Clients: accounts with no funds of their own.
const CLIENT: AccountId = 30;
const CLIENT2: AccountId = 31;
/// The account a lost key's participant is recovered to, funded in the tests that need it.
const NEW: AccountId = 40;

fn sponsored(who: AccountId) -> u64 {
	Balances::balance_on_hold(&HoldReason::SponsoredRegistration.into(), &who)
}

fn own_deposit(who: AccountId) -> u64 {
	Balances::balance_on_hold(&HoldReason::Registration.into(), &who)
}

/// `who` registers and is made a client registrar by the super admin.
fn operator(who: AccountId) -> RuntimeOrigin {
	let origin = register(who);
	assert_ok!(Registry::grant_role(signed(ROOT_ADMIN), who, ClientRegistrar::ROLE));
	origin
}

/// KYC and security admins recover `lost` to `new` (funded with 10).
fn recover(lost: AccountId, new: AccountId) {
	assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), new, 10));
	assert_ok!(Registry::propose_recovery(signed(KYC), lost, new));
	assert_ok!(Registry::approve_recovery(signed(SECURITY), lost));
	run_to_block(System::block_number() + 10);
	assert_ok!(Registry::finish_recovery(signed(BOB), lost));
}

#[test]
fn a_registrar_registers_a_client_holding_the_deposit_from_itself() {
	test(|| {
		let alice = operator(ALICE);
		assert_ok!(Registry::register_client(alice, CLIENT, hash(1)));
		let p = Participants::<Test>::get(CLIENT).unwrap();
		assert_eq!((p.kind, p.deposit, p.references), (AccountKind::Unverified, 0, 0));
		assert_eq!(
			Clients::<Test>::get(CLIENT),
			Some(ClientRecord {
				registrar: ALICE,
				data_hash: hash(1),
				deposit: DEPOSIT,
				updated_at: 1
			})
		);
		assert_eq!(sponsored(ALICE), DEPOSIT);
		assert_eq!(own_deposit(ALICE), DEPOSIT, "its own deposit besides");
		assert_eq!((own_deposit(CLIENT), Balances::free_balance(CLIENT)), (0, 0));
		assert_eq!(Participants::<Test>::get(ALICE).unwrap().references, 1);
		assert_eq!(ParticipantCount::<Test>::get(), 6);
		System::assert_has_event(Event::Registered { who: CLIENT, deposit: 0 }.into());
		System::assert_last_event(
			Event::ClientRegistered {
				who: CLIENT,
				registrar: ALICE,
				data_hash: hash(1),
				deposit: DEPOSIT,
			}
			.into(),
		);
		let view = Registry::participant_view(&CLIENT).unwrap();
		assert_eq!(view.client.map(|c| c.registrar), Some(ALICE));
		assert_eq!(Registry::participant_view(&ALICE).unwrap().client, None);
	});
}

#[test]
fn register_client_refusals() {
	test(|| {
		let alice = operator(ALICE);
		// Not a client registrar (a participant without the role; root is no account).
		let bob = register(BOB);
		assert_noop!(Registry::register_client(bob, CLIENT, hash(1)), Error::<Test>::MissingRole);
		assert_noop!(
			Registry::register_client(RuntimeOrigin::root(), CLIENT, hash(1)),
			sp_runtime::DispatchError::BadOrigin
		);
		// Already a participant: another one, or the registrar itself.
		assert_noop!(
			Registry::register_client(alice.clone(), BOB, hash(1)),
			Error::<Test>::AlreadyRegistered
		);
		assert_noop!(
			Registry::register_client(alice.clone(), ALICE, hash(1)),
			Error::<Test>::AlreadyRegistered
		);
		// A banned client.
		assert_ok!(Registry::ban(signed(SECURITY), CLIENT, 1, None));
		assert_noop!(
			Registry::register_client(alice.clone(), CLIENT, hash(1)),
			Error::<Test>::Banned
		);
		// A recovered (lost) account.
		crate::RecoveredTo::<Test>::insert(CLIENT2, NEW);
		assert_noop!(
			Registry::register_client(alice.clone(), CLIENT2, hash(1)),
			Error::<Test>::AccountRecovered
		);
		crate::RecoveredTo::<Test>::remove(CLIENT2);
		// An account running contract code.
		deploy(CLIENT2, hash(9));
		assert_noop!(
			Registry::register_client(alice.clone(), CLIENT2, hash(1)),
			Error::<Test>::ContractAccount
		);
		terminate(CLIENT2);
		// A banned registrar.
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		assert_noop!(Registry::register_client(alice, CLIENT2, hash(1)), Error::<Test>::Banned);
		// A registrar that cannot cover the deposit.
		Registry::admit(&POOR, 0, &[ClientRegistrar::ROLE]);
		assert_noop!(
			Registry::register_client(signed(POOR), CLIENT2, hash(1)),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn the_registrar_records_each_change_of_the_client_data() {
	test(|| {
		let alice = operator(ALICE);
		assert_ok!(Registry::register_client(alice.clone(), CLIENT, hash(1)));
		run_to_block(5);
		assert_ok!(Registry::set_client_data(alice, CLIENT, hash(2)));
		System::assert_last_event(
			Event::ClientDataUpdated { who: CLIENT, data_hash: hash(2), by: ALICE }.into(),
		);
		let record = Clients::<Test>::get(CLIENT).unwrap();
		assert_eq!((record.data_hash, record.updated_at), (hash(2), 5));
	});
}

#[test]
fn set_client_data_refusals() {
	test(|| {
		let alice = operator(ALICE);
		let bob = operator(BOB);
		assert_ok!(Registry::register_client(alice.clone(), CLIENT, hash(1)));
		// Not a client (a participant that registered itself, or nobody).
		assert_noop!(
			Registry::set_client_data(alice.clone(), BOB, hash(2)),
			Error::<Test>::NotClient
		);
		assert_noop!(
			Registry::set_client_data(alice.clone(), CLIENT2, hash(2)),
			Error::<Test>::NotClient
		);
		// Another registrar, or the client itself.
		assert_noop!(
			Registry::set_client_data(bob, CLIENT, hash(2)),
			Error::<Test>::NotClientRegistrar
		);
		assert_noop!(
			Registry::set_client_data(signed(CLIENT), CLIENT, hash(2)),
			Error::<Test>::NotClientRegistrar
		);
		// Its registrar, banned or without the role any more.
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		assert_noop!(
			Registry::set_client_data(alice.clone(), CLIENT, hash(2)),
			Error::<Test>::Banned
		);
		assert_ok!(Registry::unban(signed(SECURITY), ALICE));
		assert_ok!(Registry::revoke_role(signed(ROOT_ADMIN), ALICE, ClientRegistrar::ROLE));
		assert_noop!(Registry::set_client_data(alice, CLIENT, hash(2)), Error::<Test>::MissingRole);
	});
}

#[test]
fn a_client_that_leaves_pays_its_registrar_back() {
	test(|| {
		let alice = operator(ALICE);
		assert_ok!(Registry::register_client(alice, CLIENT, hash(1)));
		assert_ok!(Registry::leave(signed(CLIENT)));
		assert_eq!(sponsored(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), 1_000 - DEPOSIT, "only its own deposit held");
		assert_eq!(Clients::<Test>::get(CLIENT), None);
		assert_eq!(Participants::<Test>::get(ALICE).unwrap().references, 0);
		System::assert_last_event(Event::Left { who: CLIENT, deposit: 0 }.into());
	});
}

#[test]
fn a_registrar_answering_for_clients_cannot_leave_even_without_its_role() {
	test(|| {
		let alice = operator(ALICE);
		assert_ok!(Registry::register_client(alice.clone(), CLIENT, hash(1)));
		assert_ok!(Registry::revoke_role(signed(ROOT_ADMIN), ALICE, ClientRegistrar::ROLE));
		assert_noop!(Registry::leave(alice.clone()), Error::<Test>::StillReferenced);
		assert_ok!(Registry::leave(signed(CLIENT)));
		assert_ok!(Registry::leave(alice));
		assert_eq!(Balances::free_balance(ALICE), 1_000);
	});
}

#[test]
fn a_recovered_client_keeps_its_record() {
	test(|| {
		let alice = operator(ALICE);
		assert_ok!(Registry::register_client(alice.clone(), CLIENT, hash(1)));
		recover(CLIENT, NEW);
		assert_eq!(Clients::<Test>::get(CLIENT), None);
		assert_eq!(Clients::<Test>::get(NEW).map(|r| r.registrar), Some(ALICE));
		assert_ok!(Registry::set_client_data(alice, NEW, hash(2)));
		assert_ok!(Registry::leave(signed(NEW)));
		assert_eq!(sponsored(ALICE), 0);
	});
}

#[test]
fn a_recovered_registrar_takes_its_clients_deposits_along() {
	test(|| {
		let alice = operator(ALICE);
		assert_ok!(Registry::register_client(alice.clone(), CLIENT, hash(1)));
		assert_ok!(Registry::register_client(alice, CLIENT2, hash(2)));
		recover(ALICE, NEW);
		assert_eq!((sponsored(ALICE), sponsored(NEW)), (0, 2 * DEPOSIT));
		assert_eq!(Participants::<Test>::get(NEW).unwrap().references, 2);
		// The records still name the lost account; the new one answers for them.
		assert_eq!(Clients::<Test>::get(CLIENT).map(|r| r.registrar), Some(ALICE));
		assert_noop!(
			Registry::set_client_data(signed(ALICE), CLIENT, hash(3)),
			Error::<Test>::NotClientRegistrar
		);
		assert_ok!(Registry::set_client_data(signed(NEW), CLIENT, hash(3)));
		System::assert_last_event(
			Event::ClientDataUpdated { who: CLIENT, data_hash: hash(3), by: NEW }.into(),
		);
		assert_ok!(Registry::leave(signed(CLIENT)));
		assert_eq!(sponsored(NEW), DEPOSIT, "the deposit went back to the new account");
		assert_eq!(Balances::free_balance(NEW), 10 + DEPOSIT);
	});
}

#[test]
fn the_registrar_deregisters_a_client_and_gets_the_deposit_back() {
	test(|| {
		let alice = operator(ALICE);
		assert_ok!(Registry::register_client(alice.clone(), CLIENT, hash(1)));
		// A registrar whose role was revoked still winds down.
		assert_ok!(Registry::revoke_role(signed(ROOT_ADMIN), ALICE, ClientRegistrar::ROLE));
		assert_ok!(Registry::deregister_client(alice.clone(), CLIENT));
		assert_eq!((Clients::<Test>::get(CLIENT), Participants::<Test>::get(CLIENT)), (None, None));
		assert_eq!(sponsored(ALICE), 0);
		assert_eq!(Participants::<Test>::get(ALICE).unwrap().references, 0);
		System::assert_has_event(Event::Left { who: CLIENT, deposit: 0 }.into());
		System::assert_last_event(
			Event::ClientDeregistered { who: CLIENT, registrar: ALICE }.into(),
		);
		assert_ok!(Registry::leave(alice));
		assert_eq!(Balances::free_balance(ALICE), 1_000);
	});
}

#[test]
fn a_recovered_registrar_deregisters_its_clients_from_its_new_account() {
	test(|| {
		let alice = operator(ALICE);
		assert_ok!(Registry::register_client(alice, CLIENT, hash(1)));
		recover(ALICE, NEW);
		assert_noop!(
			Registry::deregister_client(signed(ALICE), CLIENT),
			Error::<Test>::NotClientRegistrar
		);
		assert_ok!(Registry::deregister_client(signed(NEW), CLIENT));
		assert_eq!(Balances::free_balance(NEW), 10 + DEPOSIT);
	});
}

#[test]
fn deregister_client_refusals() {
	test(|| {
		let alice = operator(ALICE);
		let bob = operator(BOB);
		assert_ok!(Registry::register_client(alice.clone(), CLIENT, hash(1)));
		// Not a client: a participant that registered itself, or nobody.
		assert_noop!(Registry::deregister_client(alice.clone(), BOB), Error::<Test>::NotClient);
		assert_noop!(
			Registry::deregister_client(alice.clone(), CLIENT2),
			Error::<Test>::NotClient
		);
		// Another registrar, or the client itself (it leaves instead).
		assert_noop!(
			Registry::deregister_client(bob, CLIENT),
			Error::<Test>::NotClientRegistrar
		);
		assert_noop!(
			Registry::deregister_client(signed(CLIENT), CLIENT),
			Error::<Test>::NotClientRegistrar
		);
		// What `leave` refuses: records of other pallets name it, it holds a role, a recovery
		// of it is pending, it is banned.
		assert_ok!(<Registry as ParticipantRegistry<AccountId>>::add_reference(&CLIENT));
		assert_noop!(
			Registry::deregister_client(alice.clone(), CLIENT),
			Error::<Test>::StillReferenced
		);
		<Registry as ParticipantRegistry<AccountId>>::remove_reference(&CLIENT);
		assert_ok!(Registry::grant_role(signed(ROOT_ADMIN), CLIENT, ClientRegistrar::ROLE));
		assert_noop!(
			Registry::deregister_client(alice.clone(), CLIENT),
			Error::<Test>::HoldsRoles
		);
		assert_ok!(Registry::revoke_role(signed(ROOT_ADMIN), CLIENT, ClientRegistrar::ROLE));
		assert_ok!(Registry::propose_recovery(signed(KYC), CLIENT, NEW));
		assert_noop!(
			Registry::deregister_client(alice.clone(), CLIENT),
			Error::<Test>::RecoveryPending
		);
		assert_ok!(Registry::cancel_recovery(signed(KYC), CLIENT));
		assert_ok!(Registry::ban(signed(SECURITY), CLIENT, 1, None));
		assert_noop!(Registry::deregister_client(alice.clone(), CLIENT), Error::<Test>::Banned);
		assert_ok!(Registry::unban(signed(SECURITY), CLIENT));
		// A verified client leaves itself; a banned registrar acts for no one.
		assert_ok!(Registry::verify_kyc(signed(KYC), CLIENT, 1, hash(7), 1_000));
		assert_noop!(
			Registry::deregister_client(alice.clone(), CLIENT),
			Error::<Test>::ClientVerified
		);
		assert_ok!(Registry::revoke_verification(signed(KYC), CLIENT));
		assert_ok!(Registry::ban(signed(SECURITY), ALICE, 1, None));
		assert_noop!(Registry::deregister_client(alice, CLIENT), Error::<Test>::Banned);
	});
}
