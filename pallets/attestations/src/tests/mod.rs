//! Tests of every call's success and refusals: DIDs, schemas, devices, attestations from issue
//! to removal, the request flow and endorsements. Each test runs through `mock::test`, which
//! checks the invariants at the end.

mod access;
mod devices;
mod dids;
mod endorsements;
mod issuance;
mod recovery;
mod refusals;
mod requests;
mod schemas;
mod views;

use crate::{mock::*, AttestationId, AttributeType, SchemaId, Subject, SubjectKind};
use frame_support::assert_ok;

/// The ISP's schema of "registered account" attestations about participants (version 1).
pub(super) fn account_schema() -> SchemaId {
	schema_of(ISP, b"isp-account", SubjectKind::Account)
}

/// The partner's schema of discount attestations about participants.
pub(super) fn discount_schema() -> SchemaId {
	schema_of(PARTNER, b"discount", SubjectKind::Account)
}

/// The ISP's schema of attestations about devices.
pub(super) fn device_schema() -> SchemaId {
	schema_of(ISP, b"verified-boot", SubjectKind::Device)
}

pub(super) fn schema_of(owner: AccountId, name: &[u8], subject: SubjectKind) -> SchemaId {
	let id = crate::NextSchemaId::<Test>::get();
	assert_ok!(Attestations::register_schema(
		signed(owner),
		name.to_vec(),
		subject,
		vec![(b"customer-id".to_vec(), AttributeType::Text, true)],
	));
	id
}

/// The ISP and the holders Alice and Bob get DIDs; the ISP registers its account schema.
pub(super) fn setup() -> SchemaId {
	for who in [ALICE, BOB, ISP, PARTNER, CAROL] {
		give_did(who);
	}
	account_schema()
}

/// The claims hash made of the byte `n`.
pub(super) fn claims(n: u8) -> [u8; 32] {
	[n; 32]
}

/// The ISP issues an attestation of `schema` about `holder` (claims `claims(1)`, expiring at
/// `expires_at`), and the holder accepts it; yields its id.
pub(super) fn attest(
	holder: AccountId,
	schema: SchemaId,
	expires_at: Option<u64>,
) -> AttestationId {
	let id = crate::NextAttestationId::<Test>::get();
	assert_ok!(Attestations::issue(
		signed(ISP),
		Subject::Account(holder),
		schema,
		claims(1),
		expires_at,
	));
	assert_ok!(Attestations::accept(signed(holder), id));
	id
}

/// What `who` has on hold for its records.
pub(super) fn held(who: AccountId) -> u64 {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&crate::HoldReason::Records.into(), &who)
}
