//! Benchmarks of every call and hook task in its most expensive path: full panels, a full first
//! panel under objection, payouts to every seat, slashes of every seat, stakes released.
//!
//! A commit needs a real VRF ticket, which the runtime cannot make (it has no secret keys): the
//! benchmark uses one made once on the host for a fixed key, seed and draw ([`TICKET`], checked
//! by a unit test) and writes that seed as the draw epoch's seed.

use super::*;
use crate::pallet::{BalanceOf, Config, Pallet};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Mutate, MutateHold},
		Get, Hooks,
	},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use crate::roles::Auditor as AuditorRole;
use pactum_primitives::{ParticipantRegistry, Role};
use sp_core::H256;
use sp_runtime::traits::{Bounded, Zero};

/// The seed written for the benchmark's draw epoch.
const SEED: [u8; 32] = [0x42; 32];
/// The sr25519 public key of the secret seed `[0x17; 32]`.
const KEY: [u8; 32] = [
	20, 184, 234, 102, 82, 83, 97, 148, 169, 36, 255, 190, 137, 210, 155, 55, 150, 79, 69, 10, 200,
	151, 148, 82, 161, 15, 153, 90, 224, 192, 70, 70,
];
/// That key's ticket for case 0, round 1, attempt 0 under [`SEED`].
const TICKET_PRE_OUTPUT: [u8; 32] = [
	22, 209, 144, 64, 140, 71, 84, 252, 249, 45, 173, 246, 213, 91, 118, 227, 214, 90, 144, 5, 124,
	21, 124, 39, 108, 138, 250, 202, 175, 76, 214, 101,
];
const TICKET_PROOF: [u8; 64] = [
	255, 101, 181, 228, 59, 225, 163, 168, 255, 243, 215, 253, 113, 53, 46, 56, 33, 192, 88, 68,
	176, 156, 86, 167, 4, 202, 199, 135, 30, 143, 205, 1, 143, 181, 122, 106, 124, 122, 126, 100,
	63, 169, 58, 225, 239, 95, 213, 86, 218, 172, 224, 246, 255, 69, 183, 199, 175, 201, 134, 127,
	230, 10, 205, 0,
];

fn ticket() -> Ticket {
	Ticket { pre_output: TICKET_PRE_OUTPUT, proof: TICKET_PROOF }
}

fn units<T: Config>(n: u32) -> BalanceOf<T> {
	BalanceOf::<T>::from(n)
}

/// A funded participant.
fn participant<T: Config>(name: &'static str, index: u32, roles: &[Role]) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Registry::register_for_benchmarks(&who, 1, roles);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / units::<T>(1_000_000));
	who
}

/// A bonded auditor with `open_seats` open seats, its last epoch long over (a closed seat
/// releases its stake: the expensive path).
fn bonded<T: Config>(index: u32, open_seats: u32) -> T::AccountId {
	let who = participant::<T>("auditor", index, &[AuditorRole::ROLE]);
	let stake = T::MinAuditorStake::get();
	assert!(T::Currency::hold(&HoldReason::AuditorStake.into(), &who, stake).is_ok());
	Auditors::<T>::insert(
		&who,
		Auditor { stake, vrf_key: KEY, last_epoch: 0, open_seats, keep_bonded: false },
	);
	who
}

/// A seat of a fresh bonded auditor, its deposit held.
fn seat<T: Config>(index: u32, vote: Option<Verdict>) -> Seat<T> {
	let who = bonded::<T>(index, 1);
	let deposit = T::PanelDeposit::get();
	assert!(T::Currency::hold(&HoldReason::PanelDeposit.into(), &who, deposit).is_ok());
	let mut output = [0xff; 16];
	output[12..].copy_from_slice(&index.to_be_bytes());
	Seat { auditor: who, output, commitment: H256::zero(), vote, deposit }
}

fn seats<T: Config>(from: u32, count: u32, vote: impl Fn(u32) -> Option<Verdict>) -> Vec<Seat<T>> {
	(0..count).map(|i| seat::<T>(from + i, vote(i))).collect()
}

/// Sets the chain to block `epoch * EpochLength + offset`.
fn at_epoch<T: Config>(epoch: EpochIndex, offset: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(Pallet::<T>::epoch_start(epoch) + offset);
}

/// Case 0 between two parties, its stake held, with an escrow under dispute; `panel` is the
/// current round's; with `first_panel`, an objection by the counterparty is pending.
fn case<T: Config>(
	phase: Phase,
	panel: Vec<Seat<T>>,
	first_panel: Option<Vec<Seat<T>>>,
) -> (T::AccountId, T::AccountId) {
	let requester = participant::<T>("requester", 0, &[]);
	let counterparty = participant::<T>("counterparty", 0, &[]);
	let stake = T::MinCaseStake::get();
	assert!(T::Currency::hold(&HoldReason::CaseStake.into(), &requester, stake).is_ok());
	assert!(Pallet::<T>::do_pay_service_fee(
		requester.clone(),
		counterparty.clone(),
		units::<T>(1_000_000)
	)
	.is_ok());
	Escrows::<T>::mutate(0, |escrow| {
		if let Some(escrow) = escrow {
			escrow.disputes = 1;
		}
	});
	let objection = first_panel.map(|first| {
		let stake = T::MinObjectionStake::get().max(stake);
		assert!(T::Currency::hold(&HoldReason::Objection.into(), &counterparty, stake).is_ok());
		Objection {
			objector: counterparty.clone(),
			stake,
			first_verdict: Verdict::Upheld,
			first_panel: BoundedVec::truncate_from(first),
		}
	});
	let excluded: Vec<T::AccountId> = (0..T::MaxExcluded::get()
		.saturating_sub(T::AppealPanelSize::get() * 2))
		.map(|i| account("excluded", i, 0))
		.collect();
	Cases::<T>::insert(
		0,
		Case {
			requester: requester.clone(),
			counterparty: counterparty.clone(),
			outcome: H256::repeat_byte(1),
			value_at_risk: units::<T>(1_000),
			stake,
			escrow: Some(0),
			phase,
			attempt: 0,
			panel: BoundedVec::truncate_from(panel),
			excluded: BoundedVec::truncate_from(excluded),
			objection,
			opened_at: 0u32.into(),
		},
	);
	NextCase::<T>::put(1);
	(requester, counterparty)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn signal() {
		at_epoch::<T>(1, 0u32.into());
		let who = participant::<T>("auditor", 0, &[AuditorRole::ROLE]);
		let stake = T::MinAuditorStake::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), stake, 5, KEY);
		assert_eq!(SignalCount::<T>::get(2), 1);
	}

	#[benchmark]
	fn set_keep_bonded() {
		at_epoch::<T>(3, 0u32.into());
		let who = bonded::<T>(0, 0);
		Auditors::<T>::mutate(&who, |a| {
			if let Some(a) = a {
				a.keep_bonded = true
			}
		});
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), false);
		assert!(Auditors::<T>::get(&who).is_none());
	}

	#[benchmark]
	fn unbond() {
		at_epoch::<T>(3, 0u32.into());
		let who = bonded::<T>(0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(Auditors::<T>::get(&who).is_none());
	}

	#[benchmark]
	fn open_case() {
		at_epoch::<T>(1, 0u32.into());
		let requester = participant::<T>("requester", 0, &[]);
		let counterparty = participant::<T>("counterparty", 0, &[]);
		assert!(Pallet::<T>::do_pay_service_fee(
			requester.clone(),
			counterparty.clone(),
			units::<T>(1_000_000)
		)
		.is_ok());
		#[extrinsic_call]
		_(
			RawOrigin::Signed(requester),
			counterparty,
			H256::repeat_byte(1),
			units::<T>(1_000_000),
			Some(0),
		);
		assert!(Cases::<T>::contains_key(0));
	}

	/// A lower output takes the highest seat of a full objection panel, under a full first panel.
	#[benchmark]
	fn commit() {
		let epoch = 2;
		at_epoch::<T>(epoch, 0u32.into());
		EpochSeed::<T>::insert(epoch, H256(SEED));
		let size = T::AppealPanelSize::get();
		let panel = seats::<T>(100, size, |_| None);
		let first = seats::<T>(200, T::PanelSize::get(), |_| Some(Verdict::Upheld));
		case::<T>(Phase::Voting { round: 1, epoch }, panel, Some(first));
		let who = participant::<T>("auditor", 0, &[AuditorRole::ROLE]);
		let stake = T::MinAuditorStake::get();
		assert!(T::Currency::hold(&HoldReason::AuditorStake.into(), &who, stake).is_ok());
		Auditors::<T>::insert(
			&who,
			Auditor { stake, vrf_key: KEY, last_epoch: epoch, open_seats: 0, keep_bonded: false },
		);
		Signals::<T>::insert(epoch, &who, Signal { capacity: 5, seats: 0 });
		SignalCount::<T>::insert(epoch, 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), 0, ticket(), H256::repeat_byte(2));
		assert_eq!(Cases::<T>::get(0).map(|c| c.panel[0].auditor == who), Some(true));
	}

	/// The last seat of a full objection panel reveals.
	#[benchmark]
	fn reveal() {
		let epoch = 2;
		at_epoch::<T>(epoch, T::CommitPeriod::get());
		let size = T::AppealPanelSize::get();
		let mut panel = seats::<T>(100, size, |_| None);
		let first = seats::<T>(200, T::PanelSize::get(), |_| Some(Verdict::Upheld));
		let last = panel.len() - 1;
		let who = panel[last].auditor.clone();
		let salt = [7; 32];
		panel[last].commitment = sortition::commitment(0, 1, 0, &who, Verdict::Rejected, &salt);
		case::<T>(Phase::Voting { round: 1, epoch }, panel, Some(first));
		#[extrinsic_call]
		_(RawOrigin::Signed(who), 0, Verdict::Rejected, salt);
		assert_eq!(Cases::<T>::get(0).map(|c| c.panel[last].vote), Some(Some(Verdict::Rejected)));
	}

	#[benchmark]
	fn object() {
		let epoch = 2;
		at_epoch::<T>(epoch, 0u32.into());
		let panel = seats::<T>(100, T::PanelSize::get(), |_| Some(Verdict::Upheld));
		let (_, counterparty) =
			case::<T>(Phase::Decided { verdict: Verdict::Upheld, epoch }, panel, None);
		let stake = T::MinObjectionStake::get().max(T::MinCaseStake::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(counterparty), 0, stake);
		assert!(Cases::<T>::get(0).map(|c| c.objection.is_some()).unwrap_or(false));
	}

	#[benchmark]
	fn pay_service_fee() {
		let recipient = participant::<T>("recipient", 0, &[]);
		let provider = participant::<T>("provider", 0, &[]);
		#[extrinsic_call]
		_(RawOrigin::Signed(recipient), provider, units::<T>(1_000_000));
		assert!(Escrows::<T>::contains_key(0));
	}

	/// A block that is not an epoch boundary, with nothing on the agenda.
	#[benchmark]
	fn on_initialize_idle() {
		let now = Pallet::<T>::epoch_start(1) + 1u32.into();
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
	}

	#[benchmark]
	fn on_initialize_epoch() {
		let now = Pallet::<T>::epoch_start(3);
		EpochSeed::<T>::insert(1, H256(SEED));
		SignalCount::<T>::insert(1, 5);
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
		assert!(EpochSeed::<T>::contains_key(3));
		assert!(!EpochSeed::<T>::contains_key(1));
	}

	/// The objection panel of `p` seats decides against the first decision: its minority pays its
	/// majority, the full first panel loses its deposits, the objector is rewarded, the rejected
	/// requester's stake is shared, the escrow goes back, every seat's stake is released. Or,
	/// where that costs more, `p` seats that did not reveal are slashed and the round re-runs.
	#[benchmark]
	fn settle(p: Linear<1, { T::AppealPanelSize::get() }>) {
		let epoch = 2;
		at_epoch::<T>(epoch, T::CommitPeriod::get() + T::RevealPeriod::get());
		let majority = p / 2 + 1;
		let panel = seats::<T>(100, p, |i| {
			Some(if i < majority { Verdict::Rejected } else { Verdict::Upheld })
		});
		let first = seats::<T>(200, T::PanelSize::get(), |_| Some(Verdict::Upheld));
		case::<T>(Phase::Voting { round: 1, epoch }, panel, Some(first));
		#[block]
		{
			Pallet::<T>::settle(0);
		}
		assert!(!Cases::<T>::contains_key(0));
	}

	/// `p` seats that did not reveal are slashed and the round re-runs.
	#[benchmark]
	fn settle_slash(p: Linear<1, { T::AppealPanelSize::get() }>) {
		let epoch = 2;
		at_epoch::<T>(epoch, T::CommitPeriod::get() + T::RevealPeriod::get());
		let panel = seats::<T>(100, p, |_| None);
		let first = seats::<T>(200, T::PanelSize::get(), |_| Some(Verdict::Upheld));
		case::<T>(Phase::Voting { round: 1, epoch }, panel, Some(first));
		#[block]
		{
			Pallet::<T>::settle(0);
		}
		// The highest seat of an even panel is cut, not slashed.
		let seated = Pallet::<T>::seated(p as usize);
		assert_eq!(PendingBurn::<T>::iter().count(), seated);
	}

	/// A first panel of `p` seats, its minority paying its majority, the requester's claim
	/// rejected, the escrow returned.
	#[benchmark]
	fn finalize(p: Linear<1, { T::PanelSize::get() }>) {
		let epoch = 2;
		at_epoch::<T>(epoch + 2, 0u32.into());
		let majority = p / 2 + 1;
		let panel = seats::<T>(100, p, |i| {
			Some(if i < majority { Verdict::Rejected } else { Verdict::Upheld })
		});
		case::<T>(Phase::Decided { verdict: Verdict::Rejected, epoch }, panel, None);
		#[block]
		{
			Pallet::<T>::finalize(0);
		}
		assert!(!Cases::<T>::contains_key(0));
	}

	#[benchmark]
	fn unbond_task() {
		at_epoch::<T>(3, 0u32.into());
		let who = bonded::<T>(0, 0);
		Signals::<T>::insert(2, &who, Signal { capacity: 1, seats: 0 });
		#[block]
		{
			Pallet::<T>::epoch_over(&who, 2);
		}
		assert!(Auditors::<T>::get(&who).is_none());
	}

	#[benchmark]
	fn burn_task() {
		let who = participant::<T>("auditor", 0, &[AuditorRole::ROLE]);
		let amount = T::PanelDeposit::get();
		assert!(T::Currency::hold(&HoldReason::Slashed.into(), &who, amount).is_ok());
		PendingBurn::<T>::insert(&who, amount);
		#[block]
		{
			Pallet::<T>::burn(&who);
		}
		assert_eq!(Burned::<T>::get(), amount);
	}

	#[benchmark]
	fn release_task() {
		let recipient = participant::<T>("recipient", 0, &[]);
		let provider = participant::<T>("provider", 0, &[]);
		assert!(Pallet::<T>::do_pay_service_fee(recipient, provider, units::<T>(1_000_000)).is_ok());
		#[block]
		{
			Pallet::<T>::release_matured(0);
		}
		assert!(!Escrows::<T>::contains_key(0));
	}

	/// A recovered auditor with something held under every reason, signals for three epochs
	/// and slashes waiting to be burned.
	#[benchmark]
	fn recover_auditor() {
		at_epoch::<T>(5, Zero::zero());
		let lost = bonded::<T>(0, 1);
		for reason in crate::recovery::HOLD_REASONS.into_iter().skip(1) {
			assert!(T::Currency::hold(&reason.into(), &lost, units::<T>(1_000)).is_ok());
		}
		PendingBurn::<T>::insert(&lost, units::<T>(1_000));
		for epoch in 4..=6 {
			Signals::<T>::insert(epoch, &lost, Signal { capacity: 1, seats: 0 });
		}
		let new = participant::<T>("new", 0, &[]);

		#[block]
		{
			Pallet::<T>::move_state(&lost, &new);
		}

		assert!(Auditors::<T>::contains_key(&new));
		assert!(Signals::<T>::contains_key(6, &new));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

#[cfg(test)]
mod fixture {
	use super::*;
	use sp_core::Pair;

	/// The benchmark's ticket verifies for its key, and the key is the one of its secret seed.
	#[test]
	fn the_benchmark_ticket_is_a_valid_vrf_proof() {
		let pair = sp_core::sr25519::Pair::from_seed(&[0x17; 32]);
		assert_eq!(pair.public().0, KEY);
		let output = sortition::verify(&KEY, &H256(SEED), 0, 1, 0, &ticket());
		assert_eq!(output, Some(sortition::sign(&pair, &H256(SEED), 0, 1, 0).1));
	}
}
