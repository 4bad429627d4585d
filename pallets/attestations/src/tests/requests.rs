use super::*;
use crate::{
	AttestationStatus, Attestations as Records, DenialReason, Error, Event, RequestOf,
	RequestState, Requests,
};
use codec::MaxEncodedLen;
use frame_support::{assert_noop, assert_ok};
use pactum_primitives::CertificateState;

fn request_deposit() -> u64 {
	crate::Pallet::<Test>::deposit_for(1, RequestOf::<Test>::max_encoded_len())
}

/// Alice asks the partner for a discount attestation, presenting `presented`; yields the id.
fn ask_partner(presented: Vec<AttestationId>) -> crate::RequestId {
	let id = crate::NextRequestId::<Test>::get();
	let schema = 1; // the discount schema, registered second by `flow`.
	assert_ok!(Attestations::request(
		signed(ALICE),
		PARTNER,
		schema,
		claims(5),
		presented,
		vec![],
		20
	));
	id
}

/// The EEA identity flow's setting: DIDs, the ISP's account schema (0) and the partner's
/// discount schema (1), and Alice's registered-account attestation from the ISP.
fn flow() -> AttestationId {
	let account = setup();
	let discount = discount_schema();
	assert_eq!((account, discount), (0, 1));
	attest(ALICE, account, None)
}

#[test]
fn a_holder_requests_presenting_what_it_holds_and_accepts_the_offer() {
	test(|| {
		let registered = flow();
		run_to_block(2);
		let before = held(ALICE);
		let request = ask_partner(vec![registered]);
		assert_eq!(
			last_event(),
			Event::Requested { request, holder: ALICE, issuer: PARTNER, schema: 1, expires_at: 22 }
		);
		assert_eq!(held(ALICE), before + request_deposit());
		let stored = Requests::<Test>::get(request).unwrap();
		assert_eq!(stored.presented.to_vec(), vec![registered]);
		assert_eq!(stored.state, RequestState::Open);

		let partner_before = held(PARTNER);
		assert_ok!(Attestations::offer(signed(PARTNER), request, claims(6), Some(90)));
		assert_eq!(
			last_event(),
			Event::Offered { request, claim_hash: claims(6), expires_at: Some(90) }
		);
		assert_eq!(held(PARTNER), partner_before + Attestations::attestation_deposit());

		let id = crate::NextAttestationId::<Test>::get();
		assert_ok!(Attestations::accept_offer(signed(ALICE), request));
		assert!(Requests::<Test>::get(request).is_none());
		let discount = Records::<Test>::get(id).unwrap();
		assert_eq!(discount.status, AttestationStatus::Active);
		assert_eq!((discount.issuer, discount.schema), (PARTNER, 1));
		assert_eq!((discount.claim_hash, discount.expires_at), (claims(6), Some(90)));
		assert_eq!(held(ALICE), before);
		assert_eq!(held(PARTNER), partner_before + Attestations::attestation_deposit());
		assert!(matches!(last_event(), Event::Issued { pending: false, .. }));
	});
}

#[test]
fn a_request_is_refused_for_bad_lifetimes_issuers_schemas_and_presentations() {
	test(|| {
		let registered = flow();
		let request = |holder, issuer, schema, presented: Vec<u64>, lifetime| {
			Attestations::request(
				signed(holder),
				issuer,
				schema,
				claims(5),
				presented,
				vec![],
				lifetime,
			)
		};
		assert_noop!(request(ALICE, PARTNER, 1, vec![], 0), Error::<Test>::BadLifetime);
		assert_noop!(request(ALICE, PARTNER, 1, vec![], 101), Error::<Test>::BadLifetime);
		assert_noop!(request(ALICE, ALICE, 1, vec![], 10), Error::<Test>::SelfAttestation);
		assert_noop!(request(ALICE, PARTNER, 9, vec![], 10), Error::<Test>::UnknownSchema);
		assert_noop!(request(OEM, PARTNER, 1, vec![], 10), Error::<Test>::NoDid);
		assert_noop!(request(OUTSIDER, PARTNER, 1, vec![], 10), Error::<Test>::NotParticipant);
		// Bob presents Alice's attestation; Alice presents too many, or an unknown one.
		assert_noop!(
			request(BOB, PARTNER, 1, vec![registered], 10),
			Error::<Test>::BadPrecondition
		);
		assert_noop!(
			request(ALICE, PARTNER, 1, vec![registered; 3], 10),
			Error::<Test>::TooManyPreconditions
		);
		assert_noop!(request(ALICE, PARTNER, 1, vec![77], 10), Error::<Test>::BadPrecondition);
		assert_ok!(Attestations::revoke(
			signed(ISP),
			registered,
			crate::RevocationReason::Unspecified
		));
		assert_noop!(
			request(ALICE, PARTNER, 1, vec![registered], 10),
			Error::<Test>::BadPrecondition
		);
		assert_ok!(Attestations::deprecate_schema(signed(PARTNER), 1));
		assert_noop!(request(ALICE, PARTNER, 1, vec![], 10), Error::<Test>::SchemaRetired);
		// A device schema is not requested by a holder.
		let device = device_schema();
		assert_noop!(request(ALICE, ISP, device, vec![], 10), Error::<Test>::WrongSubjectKind);
	});
}

#[test]
fn a_holder_presents_certificates_it_holds_that_are_valid() {
	test(|| {
		flow();
		let (valid, bobs, revoked, expired) = ([0xc1; 32], [0xc2; 32], [0xc3; 32], [0xc4; 32]);
		MockCertificates::put(valid, ALICE, CertificateState::Valid);
		MockCertificates::put(bobs, BOB, CertificateState::Valid);
		MockCertificates::put(revoked, ALICE, CertificateState::Revoked);
		MockCertificates::put(expired, ALICE, CertificateState::Expired);
		let request = |certificates: Vec<[u8; 32]>| {
			Attestations::request(signed(ALICE), PARTNER, 1, claims(5), vec![], certificates, 20)
		};
		for bad in [bobs, revoked, expired, [0xc5; 32]] {
			assert_noop!(request(vec![bad]), Error::<Test>::BadCertificate);
		}
		assert_noop!(request(vec![valid; 3]), Error::<Test>::TooManyPreconditions);
		let id = crate::NextRequestId::<Test>::get();
		assert_ok!(request(vec![valid]));
		assert_eq!(Requests::<Test>::get(id).unwrap().certificates.to_vec(), vec![valid]);
	});
}

#[test]
fn the_issuer_demands_preconditions_the_holder_supplies() {
	test(|| {
		let registered = flow();
		let request = ask_partner(vec![]);
		assert_ok!(Attestations::demand_preconditions(signed(PARTNER), request, vec![0]));
		assert_eq!(
			last_event(),
			Event::PreconditionsDemanded { request, schemas: vec![0].try_into().unwrap() }
		);
		// Nothing else happens until the holder supplies them.
		assert_noop!(
			Attestations::offer(signed(PARTNER), request, claims(6), None),
			Error::<Test>::WrongRequestState
		);
		assert_noop!(
			Attestations::supply_preconditions(signed(ALICE), request, vec![]),
			Error::<Test>::PreconditionsUnmet
		);
		assert_noop!(
			Attestations::supply_preconditions(signed(BOB), request, vec![registered]),
			Error::<Test>::NotRequester
		);
		assert_ok!(Attestations::supply_preconditions(signed(ALICE), request, vec![registered]));
		assert_eq!(
			last_event(),
			Event::PreconditionsSupplied {
				request,
				attestations: vec![registered].try_into().unwrap()
			}
		);
		let stored = Requests::<Test>::get(request).unwrap();
		assert_eq!(
			(stored.state, stored.presented.to_vec()),
			(RequestState::Open, vec![registered])
		);
		assert_noop!(
			Attestations::supply_preconditions(signed(ALICE), request, vec![registered]),
			Error::<Test>::WrongRequestState
		);
		assert_ok!(Attestations::offer(signed(PARTNER), request, claims(6), None));
	});
}

#[test]
fn demanding_preconditions_is_the_issuers_with_known_schemas() {
	test(|| {
		flow();
		let request = ask_partner(vec![]);
		assert_noop!(
			Attestations::demand_preconditions(signed(ISP), request, vec![0]),
			Error::<Test>::NotRequestIssuer
		);
		assert_noop!(
			Attestations::demand_preconditions(signed(PARTNER), request, vec![]),
			Error::<Test>::NoPreconditions
		);
		assert_noop!(
			Attestations::demand_preconditions(signed(PARTNER), request, vec![0, 0, 0]),
			Error::<Test>::TooManyPreconditions
		);
		assert_noop!(
			Attestations::demand_preconditions(signed(PARTNER), request, vec![9]),
			Error::<Test>::UnknownSchema
		);
		assert_noop!(
			Attestations::demand_preconditions(signed(PARTNER), 9, vec![0]),
			Error::<Test>::UnknownRequest
		);
	});
}

#[test]
fn offers_are_refused_to_others_past_expiry_and_to_issuers_who_may_not_attest() {
	test(|| {
		flow();
		let request = ask_partner(vec![]);
		assert_noop!(
			Attestations::offer(signed(ISP), request, claims(6), None),
			Error::<Test>::NotRequestIssuer
		);
		assert_noop!(
			Attestations::offer(signed(PARTNER), request, claims(6), Some(1)),
			Error::<Test>::ExpiryInPast
		);
		MockRegistry::revoke(&PARTNER, crate::roles::Attester::ROLE);
		assert_noop!(
			Attestations::offer(signed(PARTNER), request, claims(6), None),
			Error::<Test>::NotAttester
		);
		MockRegistry::admit(&PARTNER, 2, &[crate::roles::Attester::ROLE]);
		assert_ok!(Attestations::offer(signed(PARTNER), request, claims(6), None));
		assert_noop!(
			Attestations::offer(signed(PARTNER), request, claims(7), None),
			Error::<Test>::WrongRequestState
		);
		run_to_block(21);
		assert_noop!(
			Attestations::accept_offer(signed(ALICE), request),
			Error::<Test>::RequestExpired
		);
	});
}

#[test]
fn accepting_an_offer_checks_the_issuer_again_and_is_the_holders() {
	test(|| {
		flow();
		let request = ask_partner(vec![]);
		assert_noop!(
			Attestations::accept_offer(signed(ALICE), request),
			Error::<Test>::WrongRequestState
		);
		assert_ok!(Attestations::offer(signed(PARTNER), request, claims(6), Some(30)));
		assert_noop!(Attestations::accept_offer(signed(BOB), request), Error::<Test>::NotRequester);
		// The schema was retired since the offer.
		assert_ok!(Attestations::deprecate_schema(signed(PARTNER), 1));
		assert_noop!(
			Attestations::accept_offer(signed(ALICE), request),
			Error::<Test>::SchemaRetired
		);
	});
}

#[test]
fn accepting_an_offer_is_refused_once_the_issuer_is_banned() {
	test(|| {
		flow();
		let request = ask_partner(vec![]);
		assert_ok!(Attestations::offer(signed(PARTNER), request, claims(6), Some(30)));
		MockRegistry::ban(&PARTNER);
		assert_noop!(
			Attestations::accept_offer(signed(ALICE), request),
			Error::<Test>::NotAttester
		);
	});
}

#[test]
fn the_issuer_denies_and_the_deposits_go_back() {
	test(|| {
		flow();
		let (alice, partner) = (held(ALICE), held(PARTNER));
		let request = ask_partner(vec![]);
		assert_ok!(Attestations::offer(signed(PARTNER), request, claims(6), None));
		assert_noop!(
			Attestations::deny(signed(ALICE), request, DenialReason::NotServed),
			Error::<Test>::NotRequestIssuer
		);
		assert_ok!(Attestations::deny(signed(PARTNER), request, DenialReason::NotServed));
		assert_eq!(last_event(), Event::Denied { request, reason: DenialReason::NotServed });
		assert!(Requests::<Test>::get(request).is_none());
		assert_eq!((held(ALICE), held(PARTNER)), (alice, partner));
		assert_noop!(
			Attestations::deny(signed(PARTNER), request, DenialReason::NotServed),
			Error::<Test>::UnknownRequest
		);
	});
}

#[test]
fn the_holder_withdraws_and_anyone_closes_an_expired_request() {
	test(|| {
		flow();
		let (alice, partner) = (held(ALICE), held(PARTNER));
		let first = ask_partner(vec![]);
		assert_ok!(Attestations::offer(signed(PARTNER), first, claims(6), None));
		assert_noop!(
			Attestations::withdraw_request(signed(BOB), first),
			Error::<Test>::NotRequester
		);
		assert_ok!(Attestations::withdraw_request(signed(ALICE), first));
		assert_eq!(last_event(), Event::RequestClosed { request: first, expired: false });
		assert_eq!((held(ALICE), held(PARTNER)), (alice, partner));

		let second = ask_partner(vec![]);
		assert_noop!(
			Attestations::close_expired_request(signed(OUTSIDER), second),
			Error::<Test>::RequestNotExpired
		);
		run_to_block(21);
		// Past its expiry, nothing but closing it works.
		assert_noop!(
			Attestations::withdraw_request(signed(ALICE), second),
			Error::<Test>::RequestExpired
		);
		assert_noop!(
			Attestations::deny(signed(PARTNER), second, DenialReason::Unspecified),
			Error::<Test>::RequestExpired
		);
		assert_ok!(Attestations::close_expired_request(signed(OUTSIDER), second));
		assert_eq!(last_event(), Event::RequestClosed { request: second, expired: true });
		assert_eq!(held(ALICE), alice);
		assert_noop!(
			Attestations::close_expired_request(signed(OUTSIDER), second),
			Error::<Test>::UnknownRequest
		);
	});
}
