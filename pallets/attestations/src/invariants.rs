//! `try_state`: ids below their counters, every index entry agrees with an attestation and every
//! attestation is indexed, endorsement and access counts match their records, schema versions
//! link both ways and lineages agree with versions, active DIDs authenticate, and what is held
//! from each account is the deposits its records name.

use crate::{
	pallet::*, AccessState, AttestationStatus, BalanceOf, KeyPurposes, RequestState, Subject,
};
use alloc::collections::btree_map::BTreeMap;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use pactum_primitives::ParticipantRegistry;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// The pallet's invariants. Run by `try-runtime` and by the tests.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		// A deposit is held from whoever made the record, or where recoveries moved it.
		let mut add = |who: &T::AccountId, amount: BalanceOf<T>| {
			let holder = T::Registry::current_account(who);
			let sum = deposits.entry(holder).or_insert_with(Zero::zero);
			*sum = sum.saturating_add(amount);
		};
		for (account, did) in Dids::<T>::iter() {
			if did.deactivated_at.is_some() {
				ensure!(did.keys.is_empty() && did.services.is_empty(), "deactivated DID in use");
				ensure!(did.deposit.is_zero(), "deactivated DID holds a deposit");
			} else {
				let authenticates =
					did.keys.iter().any(|k| k.purposes.contains(KeyPurposes::AUTHENTICATION));
				ensure!(authenticates, "active DID without an authentication key");
			}
			ensure!(did.keys.iter().all(|k| k.id < did.next_key), "key id not below next_key");
			let mut ids: Vec<_> = did.keys.iter().map(|k| k.id).collect();
			ids.sort();
			ids.dedup();
			ensure!(ids.len() == did.keys.len(), "key ids repeat");
			add(&account, did.deposit);
		}
		let next_schema = NextSchemaId::<T>::get();
		for (id, schema) in Schemas::<T>::iter() {
			ensure!(id < next_schema, "schema id not below NextSchemaId");
			if let Some(previous) = schema.previous {
				let old = Schemas::<T>::get(previous).ok_or("schema's previous version missing")?;
				ensure!(old.superseded_by == Some(id), "schema versions not linked both ways");
				ensure!(old.version.saturating_add(1) == schema.version, "schema versions skip");
				ensure!(old.name == schema.name && old.subject == schema.subject, "schema renamed");
			} else {
				ensure!(schema.version == 1, "a first schema version not numbered 1");
			}
			if let Some(next) = schema.superseded_by {
				let new = Schemas::<T>::get(next).ok_or("schema's next version missing")?;
				ensure!(new.previous == Some(id), "schema versions not linked both ways");
			}
			add(&schema.owner, schema.deposit);
		}
		for (_, device) in Devices::<T>::iter() {
			add(&device.controller, device.deposit);
		}
		let next = NextAttestationId::<T>::get();
		let mut count = 0usize;
		for (id, attestation) in Attestations::<T>::iter() {
			count = count.saturating_add(1);
			ensure!(id < next, "attestation id not below NextAttestationId");
			ensure!(attestation.lineage <= id, "lineage starts after the attestation");
			ensure!(attestation.previous.map_or(true, |p| p < id), "amends a later attestation");
			if let AttestationStatus::Superseded { by, .. } = attestation.status {
				ensure!(by > id, "superseded by an earlier attestation");
			}
			let schema = Schemas::<T>::get(attestation.schema).ok_or("attestation of no schema")?;
			ensure!(schema.subject == attestation.subject.kind(), "subject of the wrong kind");
			if let Subject::Device(device) = &attestation.subject {
				ensure!(Devices::<T>::contains_key(device), "attestation of no device");
				ensure!(attestation.status != AttestationStatus::Pending, "a device's pending");
			}
			let first = attestation.previous.is_none();
			ensure!(first == (attestation.version == 1), "version and previous disagree");
			ensure!(first == (attestation.lineage == id), "lineage and previous disagree");
			ensure!(BySubject::<T>::contains_key(&attestation.subject, id), "subject not indexed");
			ensure!(ByIssuer::<T>::contains_key(&attestation.issuer, id), "issuer not indexed");
			ensure!(BySchema::<T>::contains_key(attestation.schema, id), "schema not indexed");
			let mut endorsements = 0u32;
			for (endorser, endorsement) in Endorsements::<T>::iter_prefix(id) {
				endorsements = endorsements.saturating_add(1);
				add(&endorser, endorsement.deposit);
			}
			ensure!(endorsements == attestation.endorsements, "endorsement count differs");
			ensure!(endorsements <= T::MaxEndorsements::get(), "too many endorsements");
			let (mut requests, mut grants) = (0u32, 0u32);
			for (_, access) in Accesses::<T>::iter_prefix(id) {
				match access.state {
					AccessState::Requested => requests = requests.saturating_add(1),
					AccessState::Granted => grants = grants.saturating_add(1),
				}
				add(&access.depositor, access.deposit);
			}
			ensure!(requests == attestation.access_requests, "access request count differs");
			ensure!(grants == attestation.access_grants, "access grant count differs");
			ensure!(requests.max(grants) <= T::MaxAccesses::get(), "too many accesses");
			ensure!(
				requests.saturating_add(grants) == 0 || attestation.subject.holder().is_some(),
				"access to a device's"
			);
			add(&attestation.issuer, attestation.deposit);
		}
		ensure!(BySubject::<T>::iter().count() == count, "stale subject index entry");
		ensure!(ByIssuer::<T>::iter().count() == count, "stale issuer index entry");
		ensure!(BySchema::<T>::iter().count() == count, "stale schema index entry");
		ensure!(
			Endorsements::<T>::iter_keys().all(|(id, _)| Attestations::<T>::contains_key(id)),
			"endorsement of no attestation"
		);
		ensure!(
			Accesses::<T>::iter_keys().all(|(id, _)| Attestations::<T>::contains_key(id)),
			"access to no attestation"
		);
		let next_request = NextRequestId::<T>::get();
		for (id, request) in Requests::<T>::iter() {
			ensure!(id < next_request, "request id not below NextRequestId");
			ensure!(request.expires_at > request.created_at, "request expires when made");
			let lifetime = request.expires_at.saturating_sub(request.created_at);
			ensure!(lifetime <= T::MaxRequestLifetime::get(), "request lives too long");
			let offered = matches!(request.state, RequestState::Offered { .. });
			ensure!(offered != request.offer_deposit.is_zero(), "offer deposit without an offer");
			add(&request.holder, request.deposit);
			add(&request.issuer, request.offer_deposit);
		}
		let reason = HoldReason::Records.into();
		for (who, expected) in deposits {
			let held = T::Currency::balance_on_hold(&reason, &who);
			ensure!(held == expected, "held deposits differ from the records' deposits");
		}
		Ok(())
	}
}
