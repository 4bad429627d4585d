//! `try_state`: every index (parties, hashes, supplements, holders) agrees with the records,
//! signatures come from distinct required signers, a document has at most one open version, and
//! what is held from each account (or the account a recovery moved it to) is the deposits its
//! records name.

use crate::{lifecycle::has_duplicates, pallet::*, VersionKind, VersionStatus};
use pactum_primitives::ParticipantRegistry;
use alloc::vec::Vec;
use frame_support::ensure;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// The pallet's invariants: every index agrees with the records, signatures come from
	/// distinct required signers, and the deposits held equal the deposits recorded. Run by
	/// `try-runtime` and by the tests.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		// A deposit is held from whoever made the record, or where recoveries moved it.
		let mut add = |who: &T::AccountId, amount: BalanceOf<T>| {
			let holder = T::Registry::current_account(who);
			let sum = deposits.entry(holder).or_insert_with(Zero::zero);
			*sum = sum.saturating_add(amount);
		};
		let next = NextDocumentId::<T>::get();
		let mut party_entries = 0usize;
		let mut supplement_entries = 0usize;
		let mut hash_entries = 0usize;
		for (id, doc) in Documents::<T>::iter() {
			ensure!(id < next, "document id not below NextDocumentId");
			add(&doc.creator, doc.deposit);
			for party in doc.parties.iter() {
				ensure!(
					PartyDocuments::<T>::contains_key(party, id),
					"party not indexed to its document"
				);
			}
			party_entries = party_entries.saturating_add(doc.parties.len());
			ensure!(doc.signers.iter().all(|s| doc.parties.contains(s)), "signer not a party");
			if let Some(parent) = doc.parent {
				ensure!(Supplements::<T>::contains_key(parent, id), "supplement not indexed");
				supplement_entries = supplement_entries.saturating_add(1);
			}
			let indexed = Supplements::<T>::iter_prefix(id).count();
			ensure!(indexed == doc.supplements as usize, "supplement count differs from index");
			let mut versions = 0u32;
			let mut open = None;
			for (index, version) in Versions::<T>::iter_prefix(id) {
				versions = versions.saturating_add(1);
				ensure!(index < doc.versions, "version index out of range");
				add(&version.proposed_by, version.deposit);
				if version.kind != VersionKind::Termination {
					ensure!(
						ByHash::<T>::contains_key(version.hash.digest, (id, index)),
						"version hash not indexed"
					);
					hash_entries = hash_entries.saturating_add(1);
				}
				let signed: Vec<_> = version.signatures.iter().map(|s| &s.signer).collect();
				// A signer recovered since it signed is named by its new account.
				ensure!(
					signed.iter().all(|s| doc.signers.contains(&T::Registry::current_account(s))),
					"signature of a non-signer"
				);
				ensure!(!has_duplicates(&signed), "two signatures of one signer");
				if version.status == VersionStatus::Open {
					ensure!(open.is_none(), "two open versions");
					open = Some(index);
				}
			}
			ensure!(versions == doc.versions, "version count differs from records");
			ensure!(open == doc.open_version, "open version differs from records");
		}
		ensure!(
			PartyDocuments::<T>::iter().count() == party_entries,
			"party index has entries of no document"
		);
		ensure!(
			Supplements::<T>::iter().count() == supplement_entries,
			"supplement index has entries of no document"
		);
		ensure!(ByHash::<T>::iter().count() == hash_entries, "hash index has stale entries");
		for (_, _, grant) in AccessGrants::<T>::iter() {
			add(&grant.granted_by, grant.deposit);
		}
		for (hash, cert) in Certificates::<T>::iter() {
			add(&cert.issuer, cert.deposit);
			ensure!(
				HolderCertificates::<T>::contains_key(&cert.holder, hash),
				"certificate not indexed to its holder"
			);
		}
		ensure!(
			HolderCertificates::<T>::iter().count() == Certificates::<T>::iter().count(),
			"holder index has stale entries"
		);
		for (who, recorded) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::Records.into(), &who);
			ensure!(held == recorded, "records hold differs from the recorded deposits");
		}
		Ok(())
	}
}
