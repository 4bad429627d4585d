//! What clients read (through the runtime API, once the pallet is in the runtime): an
//! attestation with its status now, attestations by subject, issuer or schema page by page, a
//! schema, a DID (the node renders it as a W3C DID document), and a device's trust summary that a
//! relying party filters by its own policy.

use crate::*;
use alloc::{string::String, vec::Vec};
use codec::{Decode, Encode};
use frame_support::storage::IterableStorageDoubleMap;
use frame_system::pallet_prelude::BlockNumberFor;
use pactum_primitives::{AccountKind, ParticipantRegistry};
use scale_info::TypeInfo;
use sp_runtime::{Deserialize, Serialize};

/// The largest page of the lookups.
pub const MAX_PAGE: u32 = 100;
/// The most attestations a trust summary reads; past it the summary says it is truncated.
pub const MAX_SUMMARIZED: usize = 1_000;

/// An attestation's status as of a block: expiry shown.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub enum StatusNow<AccountId, BlockNumber> {
	Pending,
	Active,
	/// Active, but past its `expires_at`.
	Expired,
	Revoked {
		at: BlockNumber,
		by: AccountId,
		reason: RevocationReason,
	},
	Superseded {
		at: BlockNumber,
		by: AttestationId,
	},
}

/// An attestation as clients see it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct AttestationView<AccountId, BlockNumber> {
	pub id: AttestationId,
	pub schema: SchemaId,
	pub issuer: AccountId,
	pub subject: Subject<AccountId>,
	#[serde(with = "pactum_primitives::serde_helpers::hex")]
	pub claim_hash: Digest,
	pub issued_at: BlockNumber,
	pub expires_at: Option<BlockNumber>,
	pub status: StatusNow<AccountId, BlockNumber>,
	pub lineage: AttestationId,
	pub version: u16,
	pub previous: Option<AttestationId>,
	pub renewals: u16,
	pub endorsements: u32,
}

/// One schema's attestations about a device.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct SchemaTally<AccountId, BlockNumber> {
	pub schema: SchemaId,
	pub in_force: u32,
	pub revoked: u32,
	/// The latest attestation of the schema about the device.
	pub latest: AttestationView<AccountId, BlockNumber>,
}

/// The attestations in force about a device from attesters of one kind (`None`: attesters no
/// longer registered).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct KindTally {
	pub kind: Option<AccountKind>,
	pub in_force: u32,
}

/// What the chain says about a device, for a relying party to judge by its own policy (which
/// schemas it trusts, from which kinds of attester, how many reports of malicious activity it
/// tolerates).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct TrustSummary<AccountId, BlockNumber> {
	#[serde(with = "pactum_primitives::serde_helpers::hex")]
	pub device: DeviceId,
	pub controller: AccountId,
	pub model: String,
	pub registered_at: BlockNumber,
	pub by_schema: Vec<SchemaTally<AccountId, BlockNumber>>,
	pub by_attester_kind: Vec<KindTally>,
	/// More than [`MAX_SUMMARIZED`] attestations: the tallies cover the first of them.
	pub truncated: bool,
}

/// A DID's record as clients see it (the node renders it as a W3C DID document).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct DidView<AccountId, BlockNumber> {
	/// The account the DID is of: `did:pactum:<account>`.
	pub account: AccountId,
	pub controller: AccountId,
	pub keys: Vec<DidKey<BlockNumber>>,
	/// Services with their id, type and endpoint as text.
	pub services: Vec<Service<String, String>>,
	pub created_at: BlockNumber,
	pub updated_at: BlockNumber,
	pub deactivated_at: Option<BlockNumber>,
}

/// An attribute of a schema as clients see it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct AttributeView {
	pub name: String,
	pub kind: AttributeType,
	pub required: bool,
}

/// A schema version as clients see it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
pub struct SchemaView<AccountId, BlockNumber> {
	pub id: SchemaId,
	pub owner: AccountId,
	pub name: String,
	pub subject: SubjectKind,
	pub attributes: Vec<AttributeView>,
	pub version: u16,
	pub previous: Option<SchemaId>,
	pub superseded_by: Option<SchemaId>,
	pub deprecated: bool,
	pub created_at: BlockNumber,
}

pub type DidViewOf<T> = DidView<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
pub type SchemaViewOf<T> = SchemaView<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
pub type AttestationViewOf<T> =
	AttestationView<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
pub type TrustSummaryOf<T> =
	TrustSummary<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// `id` with its status now.
	pub fn attestation_view(id: AttestationId) -> Option<AttestationViewOf<T>> {
		Attestations::<T>::get(id).map(|attestation| Self::view(id, attestation))
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) attestations about `subject`, in the index's order,
	/// after the attestation `after` (a page's last id: pass it to get the next page).
	pub fn attestations_about(
		subject: &SubjectOf<T>,
		after: Option<AttestationId>,
		limit: u32,
	) -> Vec<AttestationViewOf<T>> {
		Self::page::<BySubject<T>, _>(subject, after, limit)
	}

	/// The same for the attestations `issuer` issued.
	pub fn attestations_by(
		issuer: &T::AccountId,
		after: Option<AttestationId>,
		limit: u32,
	) -> Vec<AttestationViewOf<T>> {
		Self::page::<ByIssuer<T>, _>(issuer, after, limit)
	}

	/// The same for the attestations of `schema`.
	pub fn attestations_of(
		schema: SchemaId,
		after: Option<AttestationId>,
		limit: u32,
	) -> Vec<AttestationViewOf<T>> {
		Self::page::<BySchema<T>, _>(&schema, after, limit)
	}

	/// The DID of `account` (deactivated ones too: a resolver says so).
	pub fn did_view(account: T::AccountId) -> Option<DidViewOf<T>> {
		let did = Dids::<T>::get(&account)?;
		let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
		let services = did
			.services
			.iter()
			.map(|s| Service { id: text(&s.id), kind: text(&s.kind), endpoint: text(&s.endpoint) })
			.collect();
		Some(DidView {
			account,
			controller: T::Registry::current_account(&did.controller),
			keys: did.keys.into_inner(),
			services,
			created_at: did.created_at,
			updated_at: did.updated_at,
			deactivated_at: did.deactivated_at,
		})
	}

	/// The schema version `id`.
	pub fn schema_view(id: SchemaId) -> Option<SchemaViewOf<T>> {
		let schema = Schemas::<T>::get(id)?;
		let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
		let attributes = schema
			.attributes
			.iter()
			.map(|a| AttributeView { name: text(&a.name), kind: a.kind, required: a.required })
			.collect();
		Some(SchemaView {
			id,
			owner: schema.owner,
			name: text(&schema.name),
			subject: schema.subject,
			attributes,
			version: schema.version,
			previous: schema.previous,
			superseded_by: schema.superseded_by,
			deprecated: schema.deprecated,
			created_at: schema.created_at,
		})
	}

	/// The trust summary of `device`: per schema the attestations in force and revoked and the
	/// latest, and per kind of attester the attestations in force.
	pub fn trust_summary(device: DeviceId) -> Option<TrustSummaryOf<T>> {
		let record = Devices::<T>::get(device)?;
		let mut by_schema: Vec<SchemaTally<_, _>> = Vec::new();
		let mut by_attester_kind: Vec<KindTally> = Vec::new();
		let mut ids = BySubject::<T>::iter_key_prefix(Subject::Device(device));
		let mut read = 0usize;
		let mut truncated = false;
		for id in ids.by_ref() {
			if read == MAX_SUMMARIZED {
				truncated = true;
				break;
			}
			read = read.saturating_add(1);
			let Some(attestation) = Attestations::<T>::get(id) else { continue };
			let in_force = Self::in_force(&attestation);
			let revoked = matches!(attestation.status, AttestationStatus::Revoked { .. });
			if in_force {
				let kind = T::Registry::standing(&attestation.issuer).map(|s| s.kind);
				match by_attester_kind.iter_mut().find(|t| t.kind == kind) {
					Some(tally) => tally.in_force = tally.in_force.saturating_add(1),
					None => by_attester_kind.push(KindTally { kind, in_force: 1 }),
				}
			}
			let view = Self::view(id, attestation);
			match by_schema.iter_mut().find(|t| t.schema == view.schema) {
				Some(tally) => {
					tally.in_force = tally.in_force.saturating_add(in_force.into());
					tally.revoked = tally.revoked.saturating_add(revoked.into());
					if view.id > tally.latest.id {
						tally.latest = view;
					}
				},
				None => by_schema.push(SchemaTally {
					schema: view.schema,
					in_force: in_force.into(),
					revoked: revoked.into(),
					latest: view,
				}),
			}
		}
		by_schema.sort_by_key(|t| t.schema);
		Some(TrustSummary {
			device,
			controller: record.controller,
			model: String::from_utf8_lossy(&record.model).into_owned(),
			registered_at: record.registered_at,
			by_schema,
			by_attester_kind,
			truncated,
		})
	}

	/// Up to `limit` attestations of the index `Index` under `key`, after `after`.
	fn page<Index, K>(
		key: &K,
		after: Option<AttestationId>,
		limit: u32,
	) -> Vec<AttestationViewOf<T>>
	where
		Index: IterableStorageDoubleMap<K, AttestationId, ()>,
		K: codec::FullCodec + Clone,
	{
		let limit = limit.min(MAX_PAGE) as usize;
		let ids: Vec<AttestationId> = match after {
			Some(after) => {
				Index::iter_key_prefix_from(key.clone(), Index::hashed_key_for(key.clone(), after))
					.take(limit)
					.collect()
			},
			None => Index::iter_key_prefix(key.clone()).take(limit).collect(),
		};
		ids.into_iter().filter_map(Self::attestation_view).collect()
	}

	fn view(id: AttestationId, attestation: AttestationOf<T>) -> AttestationViewOf<T> {
		let in_force = Self::in_force(&attestation);
		let status = match attestation.status {
			AttestationStatus::Pending => StatusNow::Pending,
			AttestationStatus::Active if in_force => StatusNow::Active,
			AttestationStatus::Active => StatusNow::Expired,
			AttestationStatus::Revoked { at, by, reason } => StatusNow::Revoked { at, by, reason },
			AttestationStatus::Superseded { at, by } => StatusNow::Superseded { at, by },
		};
		AttestationView {
			id,
			schema: attestation.schema,
			issuer: attestation.issuer,
			subject: attestation.subject,
			claim_hash: attestation.claim_hash,
			issued_at: attestation.issued_at,
			expires_at: attestation.expires_at,
			status,
			lineage: attestation.lineage,
			version: attestation.version,
			previous: attestation.previous,
			renewals: attestation.renewals,
			endorsements: attestation.endorsements,
		}
	}
}
