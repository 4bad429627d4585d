//! Opening cases.

use crate::{mock::*, Cases, Error, Event, HoldReason, Phase};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

#[test]
fn open_case_holds_a_stake_proportional_to_the_value_at_risk() {
	test(|| {
		assert_ok!(Audit::open_case(signed(REQUESTER), PROVIDER, H256([1; 32]), 2_000, None));
		assert_eq!(held(HoldReason::CaseStake, REQUESTER), 200);
		let case = Cases::<Test>::get(0).unwrap();
		assert_eq!(case.phase, Phase::Voting { round: 0, epoch: 1 });
		System::assert_last_event(
			Event::CaseOpened {
				case: 0,
				requester: REQUESTER,
				counterparty: PROVIDER,
				outcome: H256([1; 32]),
				value_at_risk: 2_000,
				stake: 200,
				escrow: None,
				draw_epoch: 1,
			}
			.into(),
		);
		// A small value at risk still holds the minimum stake.
		assert_ok!(Audit::open_case(signed(REQUESTER), PROVIDER, H256([2; 32]), 10, None));
		assert_eq!(held(HoldReason::CaseStake, REQUESTER), 200 + MIN_CASE_STAKE);
		// The settle task is on the agenda at the end of the reveal window.
		let settle = (crate::TaskKind::Court, EPOCH + COMMIT + REVEAL, 0);
		assert_eq!(crate::Agenda::<Test>::get(settle).len(), 2);
	});
}

#[test]
fn a_case_opened_in_the_last_block_of_an_epoch_is_drawn_one_epoch_later() {
	test(|| {
		run_to(EPOCH - 1);
		let case = open_case();
		assert_eq!(Cases::<Test>::get(case).unwrap().phase, Phase::Voting { round: 0, epoch: 2 });
	});
}

#[test]
fn open_case_refusals() {
	test(|| {
		let outcome = H256([1; 32]);
		assert_noop!(
			Audit::open_case(signed(OUTSIDER), PROVIDER, outcome, 100, None),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			Audit::open_case(signed(REQUESTER), REQUESTER, outcome, 100, None),
			Error::<Test>::SameParty
		);
		assert_noop!(
			Audit::open_case(signed(REQUESTER), OUTSIDER, outcome, 100, None),
			Error::<Test>::CounterpartyNotParticipant
		);
		assert_noop!(
			Audit::open_case(signed(REQUESTER), PROVIDER, outcome, 100, Some(0)),
			Error::<Test>::UnknownEscrow
		);
		assert_ok!(Audit::pay_service_fee(signed(REQUESTER), PROVIDER, 1_000));
		assert_noop!(
			Audit::open_case(signed(REQUESTER), PLAIN, outcome, 100, Some(0)),
			Error::<Test>::NotEscrowParty
		);
		MockRegistry::ban(&PROVIDER);
		assert_noop!(
			Audit::open_case(signed(REQUESTER), PROVIDER, outcome, 100, None),
			Error::<Test>::CounterpartyBanned
		);
		assert_noop!(
			Audit::open_case(signed(PROVIDER), REQUESTER, outcome, 100, None),
			Error::<Test>::Banned
		);
	});
}

#[test]
fn a_stake_the_requester_cannot_hold_is_refused() {
	test(|| {
		assert!(Audit::open_case(signed(PLAIN), PROVIDER, H256([1; 32]), 10 * FUNDS, None).is_err());
		assert_eq!(held(HoldReason::CaseStake, PLAIN), 0);
		assert!(Cases::<Test>::get(0).is_none());
	});
}

#[test]
fn open_case_is_weighed_for_a_counterparty_that_may_be_a_contract() {
	use frame_support::dispatch::GetDispatchInfo;
	use pactum_primitives::ParticipantRegistry;
	let call = crate::Call::<Test>::open_case {
		counterparty: PROVIDER,
		outcome: H256::repeat_byte(1),
		value_at_risk: 1_000,
		escrow: None,
	};
	let standing = <MockRegistry as ParticipantRegistry<AccountId>>::standing_weight();
	assert!(standing.ref_time() > 0);
	assert_eq!(
		call.get_dispatch_info().call_weight,
		<() as crate::WeightInfo>::open_case().saturating_add(standing)
	);
}
