//! Schemas: attestation types registered by attesters, with typed attribute definitions,
//! versioned (a new version links the one it replaces, which takes no new attestations) and
//! retired by their owner.

use crate::*;
use alloc::vec::Vec;
use codec::MaxEncodedLen;
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};

/// An attribute as a call gives it: name, type, required.
pub type AttributeInput = (Vec<u8>, AttributeType, bool);

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_schema(
		owner: T::AccountId,
		name: Vec<u8>,
		subject: SubjectKind,
		attributes: Vec<AttributeInput>,
	) -> DispatchResult {
		let name = Self::to_name(name)?;
		Self::insert_schema(owner, name, subject, attributes, None)
	}

	/// A new version of `previous` (the latest of its schema) with `attributes`.
	pub(crate) fn do_new_schema_version(
		owner: T::AccountId,
		previous: SchemaId,
		attributes: Vec<AttributeInput>,
	) -> DispatchResult {
		let old = Schemas::<T>::get(previous).ok_or(Error::<T>::UnknownSchema)?;
		ensure!(Self::acts_for(&owner, &old.owner), Error::<T>::NotSchemaOwner);
		ensure!(old.superseded_by.is_none() && !old.deprecated, Error::<T>::SchemaRetired);
		Self::insert_schema(owner, old.name, old.subject, attributes, Some((previous, old.version)))
	}

	pub(crate) fn do_deprecate_schema(owner: T::AccountId, schema: SchemaId) -> DispatchResult {
		Schemas::<T>::try_mutate(schema, |stored| {
			let stored = stored.as_mut().ok_or(Error::<T>::UnknownSchema)?;
			ensure!(Self::acts_for(&owner, &stored.owner), Error::<T>::NotSchemaOwner);
			ensure!(
				stored.superseded_by.is_none() && !stored.deprecated,
				Error::<T>::SchemaRetired
			);
			stored.deprecated = true;
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::SchemaDeprecated { schema });
		Ok(())
	}

	/// `schema` takes new attestations about a subject of `kind`.
	pub(crate) fn ensure_issuable(schema: SchemaId, kind: SubjectKind) -> Result<(), Error<T>> {
		let schema = Schemas::<T>::get(schema).ok_or(Error::<T>::UnknownSchema)?;
		ensure!(schema.superseded_by.is_none() && !schema.deprecated, Error::<T>::SchemaRetired);
		ensure!(schema.subject == kind, Error::<T>::WrongSubjectKind);
		Ok(())
	}

	fn insert_schema(
		owner: T::AccountId,
		name: NameOf<T>,
		subject: SubjectKind,
		attributes: Vec<AttributeInput>,
		previous: Option<(SchemaId, u16)>,
	) -> DispatchResult {
		ensure!(!attributes.is_empty(), Error::<T>::NoAttributes);
		ensure!(
			attributes.len() <= T::MaxAttributes::get() as usize,
			Error::<T>::TooManyAttributes
		);
		let mut defs = AttributesOf::<T>::default();
		for (name, kind, required) in attributes {
			let name = Self::to_name(name)?;
			ensure!(defs.iter().all(|d| d.name != name), Error::<T>::DuplicateAttribute);
			defs.try_push(AttributeDef { name, kind, required })
				.map_err(|_| Error::<T>::TooManyAttributes)?;
		}
		let version = match previous {
			Some((_, version)) => version.checked_add(1).ok_or(Error::<T>::Overflow)?,
			None => 1,
		};
		let id = NextSchemaId::<T>::get();
		NextSchemaId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let deposit = Self::deposit_for(1, SchemaOf::<T>::max_encoded_len());
		Self::hold(&owner, deposit)?;
		let previous = previous.map(|(id, _)| id);
		if let Some(previous) = previous {
			Schemas::<T>::mutate(previous, |old| {
				if let Some(old) = old {
					old.superseded_by = Some(id);
				}
			});
		}
		Schemas::<T>::insert(
			id,
			Schema {
				owner: owner.clone(),
				name: name.clone(),
				subject,
				attributes: defs,
				version,
				previous,
				superseded_by: None,
				deprecated: false,
				created_at: frame_system::Pallet::<T>::block_number(),
				deposit,
			},
		);
		Self::deposit_event(Event::SchemaRegistered { schema: id, owner, name, version, previous });
		Ok(())
	}
}
