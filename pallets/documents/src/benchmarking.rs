//! Benchmarks of every call, each in its most expensive path: documents with `MaxParties`
//! required signers, the last signature accepting a termination (which releases every party),
//! the longest URI and codes; the recovery hook's steps at their largest.

use super::*;
use crate::pallet::{AccessGrants, Certificates, Config, Documents, NextDocumentId, Pallet};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, InspectHold, Mutate},
	Get,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use crate::roles::Issuer;
use pactum_primitives::{DocumentRecords, ParticipantRegistry};
use sp_runtime::traits::{BlakeTwo256, Bounded, Hash, Saturating};

fn participant<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	enrol::<T>(&who);
	who
}

/// Registers `who` (verified) and funds it for many deposits.
fn enrol<T: Config>(who: &T::AccountId) {
	T::Registry::register_for_benchmarks(who, 1, &[]);
	let amount =
		Pallet::<T>::deposit_for(1_000, 1_000_000).saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(who, amount);
}

fn content(seed: u32) -> ContentHash {
	ContentHash {
		algorithm: HashAlgorithm::Sha2_256,
		digest: BlakeTwo256::hash(&seed.to_le_bytes()).0,
	}
}

fn longest_uri<T: Config>() -> Vec<u8> {
	vec![b'u'; T::MaxUriLen::get() as usize]
}

fn reason<T: Config>() -> T::Hash {
	T::Hashing::hash(b"reason")
}

/// An active document with `MaxParties` parties, all required signers (`creator`, `last` and
/// others). Returns its id and hash.
fn active<T: Config>(creator: &T::AccountId, last: &T::AccountId, seed: u32) -> (DocumentId, ContentHash) {
	let others = T::MaxParties::get().saturating_sub(2);
	let mut parties = vec![creator.clone()];
	parties.extend((0..others).map(|i| participant::<T>("party", seed * 1_000 + i)));
	parties.push(last.clone());
	let id = NextDocumentId::<T>::get();
	let hash = content(seed);
	assert!(Pallet::<T>::create(
		RawOrigin::Signed(creator.clone()).into(),
		None,
		hash,
		longest_uri::<T>(),
		parties.clone(),
		parties.clone(),
		Some(BlockNumberFor::<T>::max_value()),
	)
	.is_ok());
	for party in parties.iter() {
		assert!(Pallet::<T>::sign(RawOrigin::Signed(party.clone()).into(), id, 0, hash).is_ok());
	}
	(id, hash)
}

/// A document like [`active`] whose termination (version 1) every signer but `last` signed: the
/// last signature ends it and releases every party's reference. Returns its id and hash.
fn awaiting<T: Config>(
	creator: &T::AccountId,
	last: &T::AccountId,
	seed: u32,
) -> (DocumentId, ContentHash) {
	let (id, hash) = active::<T>(creator, last, seed);
	assert!(Pallet::<T>::propose_termination(
		RawOrigin::Signed(creator.clone()).into(),
		id,
		reason::<T>()
	)
	.is_ok());
	let parties = Documents::<T>::get(id).map(|d| d.parties.into_inner()).unwrap_or_default();
	for party in parties.iter().filter(|p| *p != last) {
		assert!(Pallet::<T>::sign(RawOrigin::Signed(party.clone()).into(), id, 1, hash).is_ok());
	}
	(id, hash)
}

/// A document like [`awaiting`] whose missing signer is a key the runtime signs with, and that
/// signer's signature of its termination.
fn awaiting_relayed<T: Config>(
	creator: &T::AccountId,
	seed: u32,
) -> (DocumentId, ContentHash, T::AccountId, T::Signature) {
	let id = NextDocumentId::<T>::get();
	let hash = content(seed);
	let (signer, signature) = T::BenchmarkHelper::sign(&Pallet::<T>::signing_payload(id, 1, &hash));
	enrol::<T>(&signer);
	assert_eq!(awaiting::<T>(creator, &signer, seed), (id, hash));
	(id, hash, signer, signature)
}

/// An active document with `MaxParties` signers and an amendment waiting for signatures.
fn active_with_open_amendment<T: Config>(creator: &T::AccountId) -> DocumentId {
	let last = participant::<T>("last", 0);
	let (id, _) = active::<T>(creator, &last, 0);
	assert!(Pallet::<T>::propose_amendment(
		RawOrigin::Signed(creator.clone()).into(),
		id,
		content(1),
		longest_uri::<T>(),
		reason::<T>(),
	)
	.is_ok());
	id
}

/// An `Issuer` with the longest organisation code.
fn issuer<T: Config>() -> T::AccountId {
	let who = participant::<T>("issuer", 0);
	T::Registry::register_for_benchmarks(&who, 1, &[Issuer::ROLE]);
	T::Registry::set_org_code_for_benchmarks(&who, vec![b'O'; T::MaxOrgCodeLen::get() as usize]);
	who
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A supplement with `p` parties.
	#[benchmark]
	fn create(p: Linear<2, { T::MaxParties::get() }>) {
		let creator = participant::<T>("creator", 0);
		let parent = active_with_open_amendment::<T>(&creator);
		let mut parties = vec![creator.clone()];
		parties.extend((1..p).map(|i| participant::<T>("new-party", i)));
		let id = NextDocumentId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(creator),
			Some(parent),
			content(7),
			longest_uri::<T>(),
			parties.clone(),
			parties,
			Some(BlockNumberFor::<T>::max_value()),
		);

		assert!(Documents::<T>::contains_key(id));
	}

	/// The last of `MaxParties` signatures of a termination: the document ends and releases
	/// its parties.
	#[benchmark]
	fn sign() {
		let creator = participant::<T>("creator", 0);
		let last = participant::<T>("last", 0);
		let (id, hash) = awaiting::<T>(&creator, &last, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(last), id, 1, hash);

		assert_eq!(Documents::<T>::get(id).map(|d| d.status), Some(DocumentStatus::Terminated));
	}

	/// The last of `MaxParties` signatures of a termination, relayed.
	#[benchmark]
	fn sign_relayed() {
		let creator = participant::<T>("creator", 0);
		let (id, hash, signer, signature) = awaiting_relayed::<T>(&creator, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), id, 1, hash, signer, signature);

		assert_eq!(Documents::<T>::get(id).map(|d| d.status), Some(DocumentStatus::Terminated));
	}

	/// `o` own and `r` relayed signatures, each the last one its document's termination needed.
	#[benchmark]
	fn sign_many(
		o: Linear<0, { T::MaxBulkSign::get() / 2 }>,
		r: Linear<1, { T::MaxBulkSign::get() / 2 }>,
	) {
		let caller = participant::<T>("caller", 0);
		let creator = participant::<T>("creator", 0);
		let mut items = Vec::new();
		for i in 0..o {
			let (document, hash) = awaiting::<T>(&creator, &caller, i);
			items.push(SignItem { document, version: 1, hash, relayed: None });
		}
		for i in 0..r {
			let (document, hash, signer, signature) = awaiting_relayed::<T>(&creator, o + i);
			items.push(SignItem {
				document,
				version: 1,
				hash,
				relayed: Some(RelayedSignature { signer, signature }),
			});
		}
		let last = NextDocumentId::<T>::get().saturating_sub(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), items);

		assert_eq!(Documents::<T>::get(last).map(|d| d.status), Some(DocumentStatus::Terminated));
	}

	/// An amendment superseding another that waits for signatures.
	#[benchmark]
	fn propose_amendment() {
		let creator = participant::<T>("creator", 0);
		let id = active_with_open_amendment::<T>(&creator);

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), id, content(2), longest_uri::<T>(), reason::<T>());

		assert_eq!(Documents::<T>::get(id).and_then(|d| d.open_version), Some(2));
	}

	/// A termination superseding an amendment that waits for signatures.
	#[benchmark]
	fn propose_termination() {
		let creator = participant::<T>("creator", 0);
		let id = active_with_open_amendment::<T>(&creator);

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), id, reason::<T>());

		assert_eq!(Documents::<T>::get(id).and_then(|d| d.open_version), Some(2));
	}

	#[benchmark]
	fn grant_access() {
		let creator = participant::<T>("creator", 0);
		let last = participant::<T>("last", 0);
		let (id, _) = awaiting::<T>(&creator, &last, 0);
		let viewer: T::AccountId = account("viewer", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(creator), id, viewer.clone(), Some(BlockNumberFor::<T>::max_value()));

		assert!(AccessGrants::<T>::contains_key(id, viewer));
	}

	#[benchmark]
	fn revoke_access() {
		let creator = participant::<T>("creator", 0);
		let last = participant::<T>("last", 0);
		let (id, _) = awaiting::<T>(&creator, &last, 0);
		let viewer: T::AccountId = account("viewer", 0, 0);
		assert!(Pallet::<T>::grant_access(
			RawOrigin::Signed(creator.clone()).into(),
			id,
			viewer.clone(),
			None
		)
		.is_ok());

		#[extrinsic_call]
		_(RawOrigin::Signed(last), id, viewer.clone());

		assert!(!AccessGrants::<T>::contains_key(id, viewer));
	}

	#[benchmark]
	fn issue_certificate() {
		let issuer = issuer::<T>();
		let holder = participant::<T>("holder", 0);
		let hash = content(9).digest;

		#[extrinsic_call]
		_(
			RawOrigin::Signed(issuer),
			holder,
			hash,
			vec![b't'; T::MaxCertTypeLen::get() as usize],
			Some(BlockNumberFor::<T>::max_value()),
		);

		assert!(Certificates::<T>::contains_key(hash));
	}

	#[benchmark]
	fn revoke_certificate() {
		let issuer = issuer::<T>();
		let holder = participant::<T>("holder", 0);
		let hash = content(9).digest;
		assert!(Pallet::<T>::issue_certificate(
			RawOrigin::Signed(issuer.clone()).into(),
			holder,
			hash,
			vec![b't'; T::MaxCertTypeLen::get() as usize],
			None,
		)
		.is_ok());

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), hash, reason::<T>());

		assert!(Certificates::<T>::get(hash).is_some_and(|c| c.revoked.is_some()));
	}

	/// A live document of `MaxParties` parties past its validity end.
	#[benchmark]
	fn close_expired() {
		let creator = participant::<T>("creator", 0);
		let last = participant::<T>("last", 0);
		let (id, _) = active::<T>(&creator, &last, 0);
		Documents::<T>::mutate(id, |doc| {
			if let Some(doc) = doc {
				doc.valid_until = Some(frame_system::Pallet::<T>::block_number());
			}
		});
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert_eq!(Documents::<T>::get(id).map(|d| d.status), Some(DocumentStatus::Expired));
	}

	/// Moving the deposits held from a lost account to its new account.
	#[benchmark]
	fn recover_deposits() {
		let lost = participant::<T>("lost", 0);
		let last = participant::<T>("last", 0);
		active::<T>(&lost, &last, 0);
		let new = participant::<T>("new", 0);
		let held = T::Currency::balance_on_hold(&HoldReason::Records.into(), &lost);

		#[block]
		{
			Pallet::<T>::move_deposits(&lost, &new, held);
		}

		assert_eq!(T::Currency::balance_on_hold(&HoldReason::Records.into(), &new), held);
	}

	/// Moving a lost account's place in a document of `MaxParties` parties, all signers, with
	/// an amendment waiting for signatures.
	#[benchmark]
	fn recover_document() {
		let creator = participant::<T>("creator", 0);
		let id = active_with_open_amendment::<T>(&creator);
		let lost: T::AccountId = account("last", 0, 0);
		let new = participant::<T>("new", 0);

		#[block]
		{
			Pallet::<T>::move_party(id, &lost, &new);
		}

		assert!(Documents::<T>::get(id).is_some_and(|d| d.signers.contains(&new)));
	}

	/// Moving a certificate a lost account holds.
	#[benchmark]
	fn recover_certificate() {
		let issuer = issuer::<T>();
		let lost = participant::<T>("lost", 0);
		let new = participant::<T>("new", 0);
		let hash = content(9).digest;
		assert!(Pallet::<T>::issue_certificate(
			RawOrigin::Signed(issuer).into(),
			lost.clone(),
			hash,
			vec![b't'; T::MaxCertTypeLen::get() as usize],
			None,
		)
		.is_ok());

		#[block]
		{
			Pallet::<T>::move_certificate(hash, &lost, &new);
		}

		assert!(Certificates::<T>::get(hash).is_some_and(|c| c.holder == new));
	}

	/// A contract reads a document of `MaxParties` required signers, all of whom signed: every
	/// signer is looked up among the signatures.
	#[benchmark]
	fn document_summary() {
		let creator = participant::<T>("creator", 0);
		let last = participant::<T>("last", 0);
		let (id, _) = active::<T>(&creator, &last, 0);
		let summary;
		#[block]
		{
			summary = <Pallet<T> as DocumentRecords<_, _>>::document(id);
		}
		assert!(summary.is_some_and(|s| s.fully_signed));
	}

	/// Whether the last of `MaxParties` signers signed a version.
	#[benchmark]
	fn signed_by() {
		let creator = participant::<T>("creator", 0);
		let last = participant::<T>("last", 0);
		let (id, _) = active::<T>(&creator, &last, 0);
		let signed;
		#[block]
		{
			signed = <Pallet<T> as DocumentRecords<_, _>>::signed(id, 0, &last);
		}
		assert!(signed);
	}

	#[benchmark]
	fn certificate_summary() {
		let issuer = issuer::<T>();
		let holder = participant::<T>("holder", 0);
		let hash = content(9).digest;
		assert!(Pallet::<T>::issue_certificate(
			RawOrigin::Signed(issuer).into(),
			holder,
			hash,
			vec![b't'; T::MaxCertTypeLen::get() as usize],
			Some(BlockNumberFor::<T>::max_value()),
		)
		.is_ok());
		let summary;
		#[block]
		{
			summary = <Pallet<T> as DocumentRecords<_, _>>::certificate(&hash);
		}
		assert!(summary.is_some());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
