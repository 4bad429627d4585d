//! Benchmarks of every weight the pallet declares, each in its most expensive path: DID
//! documents full of keys and services with the longest names, schemas with `MaxAttributes`
//! attributes, the most endorsements and access grants, the most presented attestations; the
//! recovery hook's steps.

use super::*;
use crate::pallet::{Config, Pallet};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{InspectHold, Mutate},
	Get,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use pactum_primitives::ParticipantRegistry;
use sp_runtime::traits::{Bounded, Saturating, Zero};

/// A verified participant holding `roles`, funded for many deposits.
fn participant<T: Config>(
	name: &'static str,
	index: u32,
	roles: &[pactum_primitives::Role],
) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Registry::register_for_benchmarks(&who, 1, roles);
	let amount = Pallet::<T>::deposit_for(1_000, 1_000_000);
	T::Currency::set_balance(&who, amount);
	who
}

fn attester<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who = participant::<T>(name, index, &[crate::roles::Attester::ROLE]);
	full_did::<T>(&who);
	who
}

/// A holder with a full DID.
fn new_holder<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who = participant::<T>(name, index, &[]);
	full_did::<T>(&who);
	who
}

/// The longest name, made distinct by `n`: its first letters are `n` in base 26 (seven letters
/// tell every `u32` apart).
fn name<T: Config>(n: u32) -> Vec<u8> {
	let mut name = vec![b'n'; T::MaxNameLen::get() as usize];
	let mut rest = n;
	for byte in name.iter_mut().take(7) {
		*byte = b'a' + (rest % 26) as u8;
		rest /= 26;
	}
	name
}

fn url<T: Config>() -> Vec<u8> {
	vec![b'u'; T::MaxUrlLen::get() as usize]
}

/// `k` keys: a signing key for authentication and assertion, then a key-agreement key, then
/// assertion keys.
fn keys(k: u32) -> Vec<(PublicKey, KeyPurposes)> {
	(0..k)
		.map(|i| {
			let seed = [i as u8; 32];
			match i {
				0 => (
					PublicKey::Sr25519(seed),
					KeyPurposes(KeyPurposes::AUTHENTICATION | KeyPurposes::ASSERTION),
				),
				1 => (PublicKey::X25519(seed), KeyPurposes(KeyPurposes::KEY_AGREEMENT)),
				_ => (PublicKey::Ed25519(seed), KeyPurposes(KeyPurposes::ASSERTION)),
			}
		})
		.collect()
}

fn services<T: Config>(s: u32) -> Vec<(Vec<u8>, Vec<u8>, Vec<u8>)> {
	(0..s).map(|i| (name::<T>(i), name::<T>(i), url::<T>())).collect()
}

/// Gives `who` a DID with `MaxKeys` keys and `MaxServices` services.
fn full_did<T: Config>(who: &T::AccountId) {
	assert!(Pallet::<T>::create_did(
		RawOrigin::Signed(who.clone()).into(),
		keys(T::MaxKeys::get()),
		services::<T>(T::MaxServices::get()),
	)
	.is_ok());
}

fn attributes<T: Config>(a: u32) -> Vec<(Vec<u8>, AttributeType, bool)> {
	(0..a).map(|i| (name::<T>(i), AttributeType::Text, true)).collect()
}

/// A schema of `MaxAttributes` attributes about `subject`s, owned by `owner`.
fn new_schema<T: Config>(owner: &T::AccountId, subject: SubjectKind) -> SchemaId {
	let id = NextSchemaId::<T>::get();
	assert!(Pallet::<T>::register_schema(
		RawOrigin::Signed(owner.clone()).into(),
		name::<T>(0),
		subject,
		attributes::<T>(T::MaxAttributes::get()),
	)
	.is_ok());
	id
}

fn far<T: Config>() -> Option<BlockNumberFor<T>> {
	Some(BlockNumberFor::<T>::max_value())
}

/// An attestation of `schema` by `issuer` about `holder`, accepted.
fn new_attestation<T: Config>(
	issuer: &T::AccountId,
	holder: &T::AccountId,
	schema: SchemaId,
) -> AttestationId {
	let id = NextAttestationId::<T>::get();
	assert!(Pallet::<T>::issue(
		RawOrigin::Signed(issuer.clone()).into(),
		Subject::Account(holder.clone()),
		schema,
		[1; 32],
		far::<T>(),
	)
	.is_ok());
	assert!(Pallet::<T>::accept(RawOrigin::Signed(holder.clone()).into(), id).is_ok());
	id
}

/// The EEA flow's setting: an attester with a schema and a holder with an attestation of it.
fn setting<T: Config>() -> (T::AccountId, T::AccountId, SchemaId, AttestationId) {
	let issuer = attester::<T>("issuer", 0);
	let holder = new_holder::<T>("holder", 0);
	let schema = new_schema::<T>(&issuer, SubjectKind::Account);
	let id = new_attestation::<T>(&issuer, &holder, schema);
	(issuer, holder, schema, id)
}

/// A request from `holder` to `issuer` for `schema`, presenting `presented`.
fn new_request<T: Config>(
	holder: &T::AccountId,
	issuer: &T::AccountId,
	schema: SchemaId,
	presented: Vec<AttestationId>,
) -> RequestId {
	let id = NextRequestId::<T>::get();
	assert!(Pallet::<T>::request(
		RawOrigin::Signed(holder.clone()).into(),
		issuer.clone(),
		schema,
		[5; 32],
		presented,
		vec![],
		T::MaxRequestLifetime::get(),
	)
	.is_ok());
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_did(k: Linear<1, { T::MaxKeys::get() }>, s: Linear<0, { T::MaxServices::get() }>) {
		let who = participant::<T>("who", 0, &[]);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), keys(k), services::<T>(s));

		assert!(Dids::<T>::contains_key(&who));
	}

	/// A key rotated in a full document (every change of a DID reads and writes the record;
	/// this one scans the keys twice).
	#[benchmark]
	fn change_did() {
		let who = new_holder::<T>("who", 0);

		#[extrinsic_call]
		rotate_did_key(
			RawOrigin::Signed(who.clone()),
			who.clone(),
			0,
			PublicKey::Sr25519([255; 32]),
		);

		assert!(Dids::<T>::get(&who).is_some_and(|d| d.keys.iter().all(|k| k.id != 0)));
	}

	#[benchmark]
	fn deactivate_did() {
		let who = new_holder::<T>("who", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), who.clone());

		assert!(Dids::<T>::get(&who).is_some_and(|d| d.deactivated_at.is_some()));
	}

	/// A new version of a schema (registering one writes one record fewer).
	#[benchmark]
	fn register_schema(a: Linear<1, { T::MaxAttributes::get() }>) {
		let owner = attester::<T>("owner", 0);
		let previous = new_schema::<T>(&owner, SubjectKind::Account);

		#[extrinsic_call]
		new_schema_version(RawOrigin::Signed(owner), previous, attributes::<T>(a));

		assert!(Schemas::<T>::get(previous).is_some_and(|s| s.superseded_by.is_some()));
	}

	#[benchmark]
	fn deprecate_schema() {
		let owner = attester::<T>("owner", 0);
		let id = new_schema::<T>(&owner, SubjectKind::Account);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);

		assert!(Schemas::<T>::get(id).is_some_and(|s| s.deprecated));
	}

	#[benchmark]
	fn register_device() {
		let company = participant::<T>("company", 0, &[]);
		T::BenchmarkHelper::make_corporate(&company);

		#[extrinsic_call]
		_(RawOrigin::Signed(company), [7; 32], name::<T>(0));

		assert!(Devices::<T>::contains_key([7; 32]));
	}

	/// About a participant: the holder's standing and DID are read besides the issuer's.
	#[benchmark]
	fn issue() {
		let issuer = attester::<T>("issuer", 0);
		let holder = new_holder::<T>("holder", 0);
		let schema = new_schema::<T>(&issuer, SubjectKind::Account);
		let id = NextAttestationId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), Subject::Account(holder), schema, [1; 32], far::<T>());

		assert!(Attestations::<T>::contains_key(id));
	}

	/// A holder accepts an amendment: the issuer and the schema checked again, the amended
	/// attestation superseded.
	#[benchmark]
	fn accept() {
		let (issuer, holder, _, id) = setting::<T>();
		assert!(
			Pallet::<T>::amend(RawOrigin::Signed(issuer).into(), id, [2; 32], far::<T>()).is_ok()
		);
		let amendment = id.saturating_add(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(holder), amendment);

		assert!(Attestations::<T>::get(id)
			.is_some_and(|a| matches!(a.status, AttestationStatus::Superseded { .. })));
	}

	/// A holder declines (removing the attestation and its index entries).
	#[benchmark]
	fn respond() {
		let issuer = attester::<T>("issuer", 0);
		let holder = new_holder::<T>("holder", 0);
		let schema = new_schema::<T>(&issuer, SubjectKind::Account);
		let id = NextAttestationId::<T>::get();
		assert!(Pallet::<T>::issue(
			RawOrigin::Signed(issuer).into(),
			Subject::Account(holder.clone()),
			schema,
			[1; 32],
			far::<T>(),
		)
		.is_ok());

		#[extrinsic_call]
		decline(RawOrigin::Signed(holder), id);

		assert!(!Attestations::<T>::contains_key(id));
	}

	#[benchmark]
	fn amend() {
		let (issuer, _, _, id) = setting::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id, [2; 32], far::<T>());

		assert!(Attestations::<T>::contains_key(id.saturating_add(1)));
	}

	/// A renewal (revoking reads and writes the same record).
	#[benchmark]
	fn change_attestation() {
		let issuer = attester::<T>("issuer", 0);
		let holder = new_holder::<T>("holder", 0);
		let schema = new_schema::<T>(&issuer, SubjectKind::Account);
		let id = NextAttestationId::<T>::get();
		let soon = frame_system::Pallet::<T>::block_number().saturating_add(10u32.into());
		assert!(Pallet::<T>::issue(
			RawOrigin::Signed(issuer.clone()).into(),
			Subject::Account(holder.clone()),
			schema,
			[1; 32],
			Some(soon),
		)
		.is_ok());
		assert!(Pallet::<T>::accept(RawOrigin::Signed(holder).into(), id).is_ok());

		#[extrinsic_call]
		renew(RawOrigin::Signed(issuer), id, far::<T>());

		assert!(Attestations::<T>::get(id).is_some_and(|a| a.renewals == 1));
	}

	/// A revoked attestation with `e` endorsements and `g` access grants and requests.
	#[benchmark]
	fn remove(
		e: Linear<0, { T::MaxEndorsements::get() }>,
		g: Linear<0, { T::MaxAccesses::get() * 2 }>,
	) {
		let (issuer, holder, _, id) = setting::<T>();
		for i in 0..e {
			let endorser = new_holder::<T>("endorser", i);
			assert!(Pallet::<T>::endorse(RawOrigin::Signed(endorser).into(), id).is_ok());
		}
		for i in 0..g {
			let verifier = new_holder::<T>("verifier", i);
			let lifetime = T::MaxAccessLifetime::get();
			let origin = RawOrigin::Signed(if i < T::MaxAccesses::get() {
				holder.clone()
			} else {
				verifier.clone()
			});
			let done = if i < T::MaxAccesses::get() {
				Pallet::<T>::grant_access(origin.into(), id, verifier, lifetime)
			} else {
				Pallet::<T>::request_access(origin.into(), id, lifetime)
			};
			assert!(done.is_ok());
		}
		let reason = RevocationReason::Fraud;
		assert!(Pallet::<T>::revoke(RawOrigin::Signed(issuer.clone()).into(), id, reason).is_ok());

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id);

		assert!(!Attestations::<T>::contains_key(id));
	}

	#[benchmark]
	fn present() {
		let (issuer, holder, _, id) = setting::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(holder), id, issuer, [3; 32]);
	}

	#[benchmark]
	fn endorse() {
		let (_, _, _, id) = setting::<T>();
		let endorser = new_holder::<T>("endorser", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(endorser.clone()), id);

		assert!(Endorsements::<T>::contains_key(id, &endorser));
	}

	/// The holder removes an endorsement (the endorser's own removal reads less).
	#[benchmark]
	fn remove_endorsement() {
		let (_, holder, _, id) = setting::<T>();
		let endorser = new_holder::<T>("endorser", 0);
		assert!(Pallet::<T>::endorse(RawOrigin::Signed(endorser.clone()).into(), id).is_ok());

		#[extrinsic_call]
		_(RawOrigin::Signed(holder), id, endorser.clone());

		assert!(!Endorsements::<T>::contains_key(id, &endorser));
	}

	/// A request presenting `p` attestations and `c` certificates.
	#[benchmark]
	fn request(
		p: Linear<0, { T::MaxPreconditions::get() }>,
		c: Linear<0, { T::MaxPreconditions::get() }>,
	) {
		let (issuer, holder, schema, _) = setting::<T>();
		let presented: Vec<_> =
			(0..p).map(|_| new_attestation::<T>(&issuer, &holder, schema)).collect();
		let certificates: Vec<_> =
			(0..c).map(|i| T::BenchmarkHelper::certificate(&holder, i)).collect();
		let other = attester::<T>("other", 0);
		let wanted = new_schema::<T>(&other, SubjectKind::Account);
		let id = NextRequestId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(holder),
			other,
			wanted,
			[5; 32],
			presented,
			certificates,
			T::MaxRequestLifetime::get(),
		);

		assert!(Requests::<T>::contains_key(id));
	}

	/// The holder supplies `p` attestations for as many demanded schemas (demanding reads the
	/// schemas and writes the request).
	#[benchmark]
	fn answer_request(p: Linear<1, { T::MaxPreconditions::get() }>) {
		let (issuer, holder, _, _) = setting::<T>();
		let schemas: Vec<_> =
			(0..p).map(|_| new_schema::<T>(&issuer, SubjectKind::Account)).collect();
		let presented: Vec<_> =
			schemas.iter().map(|schema| new_attestation::<T>(&issuer, &holder, *schema)).collect();
		let other = attester::<T>("other", 0);
		let wanted = new_schema::<T>(&other, SubjectKind::Account);
		let id = new_request::<T>(&holder, &other, wanted, vec![]);
		assert!(
			Pallet::<T>::demand_preconditions(RawOrigin::Signed(other).into(), id, schemas).is_ok()
		);

		#[extrinsic_call]
		supply_preconditions(RawOrigin::Signed(holder), id, presented);

		assert!(Requests::<T>::get(id).is_some_and(|r| r.state == RequestState::Open));
	}

	/// An offer for a request presenting `MaxPreconditions` attestations and certificates,
	/// checked again.
	#[benchmark]
	fn offer() {
		let (issuer, holder, schema, _) = setting::<T>();
		let presented: Vec<_> = (0..T::MaxPreconditions::get())
			.map(|_| new_attestation::<T>(&issuer, &holder, schema))
			.collect();
		let certificates: Vec<_> = (0..T::MaxPreconditions::get())
			.map(|i| T::BenchmarkHelper::certificate(&holder, i))
			.collect();
		let other = attester::<T>("other", 0);
		let wanted = new_schema::<T>(&other, SubjectKind::Account);
		let id = NextRequestId::<T>::get();
		assert!(Pallet::<T>::request(
			RawOrigin::Signed(holder).into(),
			other.clone(),
			wanted,
			[5; 32],
			presented,
			certificates,
			T::MaxRequestLifetime::get(),
		)
		.is_ok());

		#[extrinsic_call]
		_(RawOrigin::Signed(other), id, [6; 32], far::<T>());

		assert!(Requests::<T>::get(id).is_some_and(|r| !r.offer_deposit.is_zero()));
	}

	#[benchmark]
	fn accept_offer() {
		let (issuer, holder, schema, _) = setting::<T>();
		let id = new_request::<T>(&holder, &issuer, schema, vec![]);
		assert!(
			Pallet::<T>::offer(RawOrigin::Signed(issuer).into(), id, [6; 32], far::<T>()).is_ok()
		);
		let attestation = NextAttestationId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(holder), id);

		assert!(Attestations::<T>::contains_key(attestation));
	}

	/// An offered request closed past its expiry (both deposits released; denying and
	/// withdrawing do the same).
	#[benchmark]
	fn close_request() {
		let (issuer, holder, schema, _) = setting::<T>();
		let id = new_request::<T>(&holder, &issuer, schema, vec![]);
		assert!(
			Pallet::<T>::offer(RawOrigin::Signed(issuer.clone()).into(), id, [6; 32], None).is_ok()
		);
		let end =
			frame_system::Pallet::<T>::block_number().saturating_add(T::MaxRequestLifetime::get());
		frame_system::Pallet::<T>::set_block_number(end);

		#[extrinsic_call]
		close_expired_request(RawOrigin::Signed(issuer), id);

		assert!(!Requests::<T>::contains_key(id));
	}

	/// A grant the holder gives unasked (holding its deposit; the other access calls read and
	/// write as much or less).
	#[benchmark]
	fn access() {
		let (_, holder, _, id) = setting::<T>();
		let verifier = new_holder::<T>("verifier", 0);

		#[extrinsic_call]
		grant_access(RawOrigin::Signed(holder), id, verifier.clone(), T::MaxAccessLifetime::get());

		assert!(Pallet::<T>::has_access(id, &verifier));
	}

	/// Everything held from the lost account moves to the new one.
	#[benchmark]
	fn recover_deposits() {
		let (_, holder, _, _) = setting::<T>();
		let new = participant::<T>("new", 0, &[]);
		let reason = HoldReason::Records.into();
		let held = T::Currency::balance_on_hold(&reason, &holder);

		#[block]
		{
			Pallet::<T>::move_deposits(&holder, &new, held);
		}

		assert_eq!(T::Currency::balance_on_hold(&reason, &new), held);
	}

	/// An attestation about the lost account moves to the new one.
	#[benchmark]
	fn recover_attestation() {
		let (_, holder, _, id) = setting::<T>();
		let new = participant::<T>("new", 0, &[]);

		#[block]
		{
			Pallet::<T>::move_attestation(id, &holder, &new);
		}

		assert!(Attestations::<T>::get(id).is_some_and(|a| a.subject == Subject::Account(new)));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

#[cfg(test)]
mod tests {
	/// A runtime's schemas have more attributes than the alphabet has letters.
	#[test]
	fn benchmark_names_stay_distinct_past_the_alphabet() {
		let names: std::collections::BTreeSet<_> =
			(0..1_000).map(super::name::<crate::mock::Test>).collect();
		assert_eq!(names.len(), 1_000);
	}
}
