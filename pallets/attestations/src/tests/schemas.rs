use super::*;
use crate::{AttributeType, Error, Event, SchemaOf, Schemas};
use codec::MaxEncodedLen;
use frame_support::{assert_noop, assert_ok};

fn attribute(name: &[u8]) -> (Vec<u8>, AttributeType, bool) {
	(name.to_vec(), AttributeType::Date, false)
}

#[test]
fn an_attester_registers_a_schema_with_typed_attributes() {
	test(|| {
		assert_ok!(Attestations::register_schema(
			signed(ISP),
			b"isp-account".to_vec(),
			SubjectKind::Account,
			vec![(b"customer-id".to_vec(), AttributeType::Text, true), attribute(b"since")],
		));
		let schema = Schemas::<Test>::get(0).unwrap();
		assert_eq!((schema.owner, schema.version, schema.previous), (ISP, 1, None));
		assert_eq!(schema.attributes.len(), 2);
		assert_eq!(schema.attributes[1].kind, AttributeType::Date);
		assert!(schema.attributes[0].required && !schema.attributes[1].required);
		let deposit = crate::Pallet::<Test>::deposit_for(1, SchemaOf::<Test>::max_encoded_len());
		assert_eq!(held(ISP), deposit);
		assert_eq!(
			last_event(),
			Event::SchemaRegistered {
				schema: 0,
				owner: ISP,
				name: b"isp-account".to_vec().try_into().unwrap(),
				version: 1,
				previous: None,
			}
		);
		assert_eq!(crate::NextSchemaId::<Test>::get(), 1);
	});
}

#[test]
fn registering_a_schema_is_refused_without_the_role_or_with_bad_attributes() {
	test(|| {
		let register = |who, attributes| {
			Attestations::register_schema(
				signed(who),
				b"s".to_vec(),
				SubjectKind::Account,
				attributes,
			)
		};
		assert_noop!(register(ALICE, vec![attribute(b"a")]), Error::<Test>::NotAttester);
		assert_noop!(register(OUTSIDER, vec![attribute(b"a")]), Error::<Test>::NotParticipant);
		assert_noop!(register(ISP, vec![]), Error::<Test>::NoAttributes);
		let four = vec![attribute(b"a"), attribute(b"b"), attribute(b"c"), attribute(b"d")];
		assert_noop!(register(ISP, four), Error::<Test>::TooManyAttributes);
		assert_noop!(
			register(ISP, vec![attribute(b"a"), attribute(b"a")]),
			Error::<Test>::DuplicateAttribute
		);
		assert_noop!(register(ISP, vec![attribute(b"")]), Error::<Test>::BadName);
		assert_noop!(register(ISP, vec![attribute("é".as_bytes())]), Error::<Test>::InvalidText);
		assert_noop!(
			Attestations::register_schema(
				signed(ISP),
				vec![],
				SubjectKind::Account,
				vec![attribute(b"a")]
			),
			Error::<Test>::BadName
		);
		MockRegistry::ban(&ISP);
		assert_noop!(register(ISP, vec![attribute(b"a")]), Error::<Test>::Banned);
	});
}

#[test]
fn a_new_version_links_the_old_which_takes_no_more_attestations() {
	test(|| {
		let v1 = setup();
		assert_ok!(Attestations::new_schema_version(signed(ISP), v1, vec![attribute(b"since")]));
		let v2 = v1 + 1;
		assert_eq!(
			last_event(),
			Event::SchemaRegistered {
				schema: v2,
				owner: ISP,
				name: b"isp-account".to_vec().try_into().unwrap(),
				version: 2,
				previous: Some(v1),
			}
		);
		assert_eq!(Schemas::<Test>::get(v1).unwrap().superseded_by, Some(v2));
		assert_eq!(Schemas::<Test>::get(v2).unwrap().previous, Some(v1));
		assert_noop!(
			Attestations::issue(signed(ISP), Subject::Account(ALICE), v1, claims(1), None),
			Error::<Test>::SchemaRetired
		);
		assert_ok!(Attestations::issue(signed(ISP), Subject::Account(ALICE), v2, claims(1), None));
		// Only the latest version gets a successor, and only from its owner.
		assert_noop!(
			Attestations::new_schema_version(signed(ISP), v1, vec![attribute(b"a")]),
			Error::<Test>::SchemaRetired
		);
		assert_noop!(
			Attestations::new_schema_version(signed(PARTNER), v2, vec![attribute(b"a")]),
			Error::<Test>::NotSchemaOwner
		);
		assert_noop!(
			Attestations::new_schema_version(signed(ISP), 99, vec![attribute(b"a")]),
			Error::<Test>::UnknownSchema
		);
		assert_noop!(
			Attestations::new_schema_version(signed(ISP), v2, vec![]),
			Error::<Test>::NoAttributes
		);
	});
}

#[test]
fn a_deprecated_schema_takes_no_more_attestations() {
	test(|| {
		let schema = setup();
		assert_noop!(
			Attestations::deprecate_schema(signed(PARTNER), schema),
			Error::<Test>::NotSchemaOwner
		);
		assert_noop!(Attestations::deprecate_schema(signed(ISP), 99), Error::<Test>::UnknownSchema);
		assert_ok!(Attestations::deprecate_schema(signed(ISP), schema));
		assert_eq!(last_event(), Event::SchemaDeprecated { schema });
		assert_noop!(
			Attestations::deprecate_schema(signed(ISP), schema),
			Error::<Test>::SchemaRetired
		);
		assert_noop!(
			Attestations::new_schema_version(signed(ISP), schema, vec![attribute(b"a")]),
			Error::<Test>::SchemaRetired
		);
		assert_noop!(
			Attestations::issue(signed(ISP), Subject::Account(ALICE), schema, claims(1), None),
			Error::<Test>::SchemaRetired
		);
	});
}
