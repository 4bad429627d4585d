//! Benchmarks of every call, each in its most expensive path.

use super::*;
use crate::pallet::{
	Bans, Config, OperatorKeys, OrgCodes, Pallet, Participants, Recoveries, RecoveryDepth,
};
use crate::roles::{ClientRegistrar, KycAdmin, SecurityAdmin, SuperAdmin};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate, MutateHold},
	tokens::{Fortitude, Precision, Restriction},
	Get,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{Bounded, Hash, One, Saturating};

fn funded<T: Config>(name: &'static str) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	let amount = T::RegistrationDeposit::get()
		.saturating_mul(10u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(&who, amount);
	who
}

/// A participant that registered and paid its deposit.
fn registered<T: Config>(name: &'static str) -> T::AccountId {
	let who = funded::<T>(name);
	assert!(Pallet::<T>::register(RawOrigin::Signed(who.clone()).into()).is_ok());
	who
}

/// Registers `client` as a client of `registrar` (a client registrar), with evidence.
fn register_client_of<T: Config>(registrar: &T::AccountId, client: &T::AccountId) {
	assert!(Pallet::<T>::register_client(
		RawOrigin::Signed(registrar.clone()).into(),
		client.clone(),
		evidence::<T>()
	)
	.is_ok());
}

/// A participant that registered and was made a client registrar.
fn client_registrar<T: Config>(name: &'static str) -> T::AccountId {
	let who = registered::<T>(name);
	assert!(
		Pallet::<T>::grant_role(RawOrigin::Root.into(), who.clone(), ClientRegistrar::ROLE).is_ok()
	);
	who
}

/// A genesis-like holder of `roles`.
fn admin<T: Config>(name: &'static str, roles: &[Role]) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	<Pallet<T> as ParticipantRegistry<T::AccountId>>::register_for_benchmarks(&who, 1, roles);
	who
}

/// Publishes the largest key there is for `who`.
fn publish_key<T: Config>(who: &T::AccountId) {
	assert!(Pallet::<T>::set_operator_key(
		RawOrigin::Signed(who.clone()).into(),
		KeyScheme::P256,
		vec![4; MAX_KEY_LEN as usize],
	)
	.is_ok());
}

/// A contract `deployer` deployed, funded for its deposit.
fn contract_of<T: Config>(deployer: &T::AccountId) -> (T::AccountId, T::Hash) {
	let (contract, code) = T::Contracts::deploy_for_benchmarks(deployer);
	let amount = T::RegistrationDeposit::get()
		.saturating_mul(10u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(&contract, amount);
	(contract, code)
}

/// Moves the participant `first` through the longest chain of recoveries
/// [`ParticipantRegistry::current_account`] follows; yields the account it lives at now.
fn recovered_chain<T: Config>(first: &T::AccountId) -> T::AccountId {
	let mut current = first.clone();
	for hop in 0..pactum_primitives::MAX_RECOVERY_HOPS {
		let next: T::AccountId = account("recovered", hop, 0);
		let Some(p) = Participants::<T>::take(&current) else { break };
		Participants::<T>::insert(&next, p);
		RecoveredTo::<T>::insert(&current, &next);
		current = next;
	}
	current
}

/// Everything of the client registrar `lost` that a recovery moves (the deposit of a client it
/// registered, organisation code, key, ban, the recoveries before), and an approved recovery of
/// it whose delay is over; yields the account it is recovered to.
fn ready_to_recover<T: Config>(lost: &T::AccountId) -> T::AccountId {
	let kyc = admin::<T>("kyc", &[KycAdmin::ROLE, SuperAdmin::ROLE]);
	let security = admin::<T>("security", &[SecurityAdmin::ROLE]);
	let new = funded::<T>("new");
	register_client_of::<T>(lost, &account("client", 0, 0));
	assert!(Pallet::<T>::assign_org_code(
		RawOrigin::Signed(kyc.clone()).into(),
		lost.clone(),
		longest_code::<T>()
	)
	.is_ok());
	publish_key::<T>(lost);
	RecoveryDepth::<T>::insert(lost, pactum_primitives::MAX_RECOVERY_HOPS - 1);
	assert!(Pallet::<T>::propose_recovery(
		RawOrigin::Signed(kyc).into(),
		lost.clone(),
		new.clone()
	)
	.is_ok());
	assert!(Pallet::<T>::approve_recovery(
		RawOrigin::Signed(security.clone()).into(),
		lost.clone()
	)
	.is_ok());
	assert!(Pallet::<T>::ban(RawOrigin::Signed(security).into(), lost.clone(), 1, None).is_ok());
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(
		now.saturating_add(T::RecoveryDelay::get()).saturating_add(One::one()),
	);
	new
}

/// A client with a key, whose registrar moved through the longest chain of recoveries
/// [`recovered_chain`] makes, its sponsored hold with it; yields the client and the registrar's
/// current account.
fn client_of_recovered_registrar<T: Config>() -> (T::AccountId, T::AccountId) {
	let first = client_registrar::<T>("registrar");
	let client: T::AccountId = account("client", 0, 0);
	register_client_of::<T>(&first, &client);
	publish_key::<T>(&client);
	let registrar = recovered_chain::<T>(&first);
	T::Currency::set_balance(&registrar, T::Currency::minimum_balance());
	assert!(T::Currency::transfer_on_hold(
		&HoldReason::SponsoredRegistration.into(),
		&first,
		&registrar,
		T::RegistrationDeposit::get(),
		Precision::Exact,
		Restriction::OnHold,
		Fortitude::Force,
	)
	.is_ok());
	(client, registrar)
}

fn far_future<T: Config>() -> BlockNumberFor<T> {
	BlockNumberFor::<T>::max_value()
}

fn longest_code<T: Config>() -> Vec<u8> {
	vec![b'A'; T::MaxOrgCodeLen::get() as usize]
}

fn evidence<T: Config>() -> T::Hash {
	T::Hashing::hash(b"kyc evidence")
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register() {
		let who = funded::<T>("who");
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(Participants::<T>::contains_key(&who));
	}

	/// A client with a key, whose registrar moved through the longest chain of recoveries: its
	/// deposit is released on the registrar's current account.
	#[benchmark]
	fn leave() {
		let (who, _registrar) = client_of_recovered_registrar::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!Participants::<T>::contains_key(&who));
	}

	#[benchmark]
	fn verify_kyc() {
		let kyc = admin::<T>("kyc", &[KycAdmin::ROLE]);
		let who = registered::<T>("who");
		#[extrinsic_call]
		_(
			RawOrigin::Signed(kyc),
			who.clone(),
			T::MaxKycLevel::get(),
			evidence::<T>(),
			far_future::<T>(),
		);
		assert_eq!(Participants::<T>::get(&who).map(|p| p.kind), Some(AccountKind::Verified));
	}

	#[benchmark]
	fn revoke_verification() {
		let kyc = admin::<T>("kyc", &[KycAdmin::ROLE]);
		let who = admin::<T>("who", &[]);
		assert!(Pallet::<T>::set_corporate(
			RawOrigin::Signed(kyc.clone()).into(),
			who.clone(),
			evidence::<T>()
		)
		.is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(kyc), who.clone());
		assert_eq!(Participants::<T>::get(&who).map(|p| p.kind), Some(AccountKind::Unverified));
	}

	#[benchmark]
	fn set_corporate() {
		let kyc = admin::<T>("kyc", &[KycAdmin::ROLE]);
		let who = admin::<T>("who", &[]);
		#[extrinsic_call]
		_(RawOrigin::Signed(kyc), who.clone(), evidence::<T>());
		assert_eq!(Participants::<T>::get(&who).map(|p| p.kind), Some(AccountKind::Corporate));
	}

	#[benchmark]
	fn grant_role() {
		let root = admin::<T>("root", &[SuperAdmin::ROLE]);
		let who = registered::<T>("who");
		#[extrinsic_call]
		_(RawOrigin::Signed(root), who.clone(), SuperAdmin::ROLE);
		assert!(Pallet::<T>::holds_role(&who, SuperAdmin::ROLE));
	}

	#[benchmark]
	fn revoke_role() {
		let root = admin::<T>("root", &[SuperAdmin::ROLE]);
		let who = admin::<T>("who", &[SuperAdmin::ROLE]);
		#[extrinsic_call]
		_(RawOrigin::Signed(root), who.clone(), SuperAdmin::ROLE);
		assert!(!Pallet::<T>::holds_role(&who, SuperAdmin::ROLE));
	}

	#[benchmark]
	fn assign_org_code() {
		let root = admin::<T>("root", &[SuperAdmin::ROLE]);
		let who = registered::<T>("who");
		let code = longest_code::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(root), who.clone(), code.clone());
		let code: OrgCodeOf<T> = code.try_into().expect("longest code fits");
		assert_eq!(OrgCodes::<T>::get(code), Some(who));
	}

	#[benchmark]
	fn release_org_code() {
		let root = admin::<T>("root", &[SuperAdmin::ROLE]);
		let who = registered::<T>("who");
		let code = longest_code::<T>();
		assert!(Pallet::<T>::assign_org_code(
			RawOrigin::Signed(root.clone()).into(),
			who.clone(),
			code.clone()
		)
		.is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(root), who);
		let code: OrgCodeOf<T> = code.try_into().expect("longest code fits");
		assert!(!OrgCodes::<T>::contains_key(code));
	}

	#[benchmark]
	fn set_operator_key() {
		let who = registered::<T>("who");
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), KeyScheme::P256, vec![4; MAX_KEY_LEN as usize]);
		assert!(OperatorKeys::<T>::contains_key(&who));
	}

	#[benchmark]
	fn remove_operator_key() {
		let who = registered::<T>("who");
		publish_key::<T>(&who);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(!OperatorKeys::<T>::contains_key(&who));
	}

	#[benchmark]
	fn ban() {
		let security = admin::<T>("security", &[SecurityAdmin::ROLE]);
		let who = registered::<T>("who");
		#[extrinsic_call]
		_(RawOrigin::Signed(security), who.clone(), 1, Some(far_future::<T>()));
		assert!(Pallet::<T>::banned(&who));
	}

	#[benchmark]
	fn unban() {
		let security = admin::<T>("security", &[SecurityAdmin::ROLE]);
		let who = registered::<T>("who");
		assert!(Pallet::<T>::ban(RawOrigin::Signed(security.clone()).into(), who.clone(), 1, None)
			.is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(security), who.clone());
		assert!(!Bans::<T>::contains_key(&who));
	}

	#[benchmark]
	fn propose_recovery() {
		// The proposer holds only the second role checked.
		let security = admin::<T>("security", &[SecurityAdmin::ROLE]);
		let lost = registered::<T>("lost");
		let new: T::AccountId = account("new", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(security), lost.clone(), new);
		assert!(Recoveries::<T>::contains_key(&lost));
	}

	#[benchmark]
	fn approve_recovery() {
		let security = admin::<T>("security", &[SecurityAdmin::ROLE]);
		let kyc = admin::<T>("kyc", &[KycAdmin::ROLE]);
		let lost = registered::<T>("lost");
		let new: T::AccountId = account("new", 0, 0);
		assert!(Pallet::<T>::propose_recovery(
			RawOrigin::Signed(security).into(),
			lost.clone(),
			new
		)
		.is_ok());
		#[extrinsic_call]
		_(RawOrigin::Signed(kyc), lost.clone());
		assert!(Recoveries::<T>::get(&lost).is_some_and(|r| r.approver.is_some()));
	}

	#[benchmark]
	fn cancel_recovery() {
		let kyc = admin::<T>("kyc", &[KycAdmin::ROLE]);
		let security = admin::<T>("security", &[SecurityAdmin::ROLE]);
		let lost = registered::<T>("lost");
		let new: T::AccountId = account("new", 0, 0);
		assert!(
			Pallet::<T>::propose_recovery(RawOrigin::Signed(kyc).into(), lost.clone(), new).is_ok()
		);
		// The last of the three checks passes: a security admin, neither `lost` nor a KYC admin.
		#[extrinsic_call]
		_(RawOrigin::Signed(security), lost.clone());
		assert!(!Recoveries::<T>::contains_key(&lost));
	}

	#[benchmark]
	fn finish_recovery() {
		let lost = client_registrar::<T>("lost");
		let new = ready_to_recover::<T>(&lost);
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), lost.clone());
		assert!(Participants::<T>::contains_key(&new));
		assert!(!Participants::<T>::contains_key(&lost));
	}

	/// `finish_recovery` of a client (its deposit is its registrar's) that is a client
	/// registrar itself.
	#[benchmark]
	fn finish_recovery_client() {
		let sponsor = client_registrar::<T>("sponsor");
		let lost = funded::<T>("lost");
		register_client_of::<T>(&sponsor, &lost);
		assert!(
			Pallet::<T>::grant_role(RawOrigin::Root.into(), lost.clone(), ClientRegistrar::ROLE)
				.is_ok()
		);
		let new = ready_to_recover::<T>(&lost);
		let caller: T::AccountId = whitelisted_caller();
		#[block]
		{
			assert!(Pallet::<T>::finish_recovery(RawOrigin::Signed(caller).into(), lost.clone())
				.is_ok());
		}
		assert!(Clients::<T>::contains_key(&new));
	}

	#[benchmark]
	fn continue_recovery() {
		// The registry's own part: what the hooks move is charged by their steps.
		let lost: T::AccountId = account("lost", 0, 0);
		let new = registered::<T>("new");
		RecoveredTo::<T>::insert(&lost, &new);
		Moving::<T>::insert(&new, &lost);
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), lost);
		assert!(!Moving::<T>::contains_key(&new));
	}

	#[benchmark]
	fn register_contract() {
		let registrar = registered::<T>("registrar");
		let (contract, code) = contract_of::<T>(&registrar);
		#[block]
		{
			assert!(Pallet::<T>::register_contract(&contract, &registrar, code).is_ok());
		}
		assert!(ContractRecords::<T>::contains_key(&contract));
	}

	#[benchmark]
	fn leave_contract() {
		let registrar = registered::<T>("registrar");
		let (contract, code) = contract_of::<T>(&registrar);
		assert!(Pallet::<T>::register_contract(&contract, &registrar, code).is_ok());
		#[block]
		{
			assert!(Pallet::<T>::leave_contract(&contract).is_ok());
		}
		assert!(!Participants::<T>::contains_key(&contract));
	}

	/// A contract's standing: its record, its code, its registrar found through the longest
	/// chain of recoveries followed, the registrar's record and both bans.
	#[benchmark]
	fn contract_standing() {
		let first = registered::<T>("registrar");
		let (contract, code) = contract_of::<T>(&first);
		assert!(Pallet::<T>::register_contract(&contract, &first, code).is_ok());
		let registrar = recovered_chain::<T>(&first);
		let standing;
		#[block]
		{
			standing = <Pallet<T> as ParticipantRegistry<T::AccountId>>::standing(&contract);
		}
		assert!(standing.is_some());
		assert!(Participants::<T>::contains_key(&registrar));
	}

	#[benchmark]
	fn deregister_contract() {
		let registrar = registered::<T>("registrar");
		let (contract, code) = contract_of::<T>(&registrar);
		assert!(Pallet::<T>::register_contract(&contract, &registrar, code).is_ok());
		assert!(Pallet::<T>::grant_role(
			RawOrigin::Root.into(),
			contract.clone(),
			SuperAdmin::ROLE
		)
		.is_ok());
		T::Contracts::terminate_for_benchmarks(&contract);
		let caller: T::AccountId = whitelisted_caller();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), contract.clone());
		assert!(!ContractRecords::<T>::contains_key(&contract));
	}

	#[benchmark]
	fn register_client() {
		let registrar = client_registrar::<T>("registrar");
		let client: T::AccountId = account("client", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), client.clone(), evidence::<T>());
		assert!(Clients::<T>::contains_key(&client));
	}

	/// By a registrar found through the longest chain of recoveries followed.
	#[benchmark]
	fn set_client_data() {
		let first = client_registrar::<T>("registrar");
		let client: T::AccountId = account("client", 0, 0);
		register_client_of::<T>(&first, &client);
		let registrar = recovered_chain::<T>(&first);
		let data = T::Hashing::hash(b"client data, second version");
		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), client.clone(), data);
		assert_eq!(Clients::<T>::get(&client).map(|r| r.data_hash), Some(data));
	}

	/// A client with a key, by a registrar found through the longest chain of recoveries.
	#[benchmark]
	fn deregister_client() {
		let (client, registrar) = client_of_recovered_registrar::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), client.clone());
		assert!(!Participants::<T>::contains_key(&client));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
