//! Benchmarks of every call and hook task in its most expensive path: full panels, a full first
//! panel under objection, payouts to every seat, slashes of every seat, stakes released.
//!
//! A commit needs a real VRF ticket, which the runtime cannot make (it has no secret keys): the
//! benchmark uses one made once on the host for a fixed key, seed, draw and account ([`TICKETS`],
//! one for each way the mock and the runtime encode the benchmark's auditor, checked by a unit
//! test) and writes that seed as the draw epoch's seed.

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
use pactum_primitives::{ContractCourt, ParticipantRegistry, Role};
use sp_core::H256;
use sp_runtime::traits::{Bounded, Zero};

/// The seed written for the benchmark's draw epoch.
const SEED: [u8; 32] = [0x42; 32];
/// The sr25519 public key of the secret seed `[0x17; 32]`.
const KEY: [u8; 32] = [
	20, 184, 234, 102, 82, 83, 97, 148, 169, 36, 255, 190, 137, 210, 155, 55, 150, 79, 69, 10, 200,
	151, 148, 82, 161, 15, 153, 90, 224, 192, 70, 70,
];
/// That key's tickets for case 0, round 1, attempt 0 under [`SEED`], for the benchmark's auditor
/// `account("auditor", 0, 0)` as a `u64` (the mock) and as an `AccountId32` (the runtime).
const TICKETS: [([u8; 32], [u8; 64]); 2] = [TICKET_U64, TICKET_ACCOUNT_ID32];
const TICKET_U64: ([u8; 32], [u8; 64]) = (
	[
		84, 209, 53, 238, 166, 115, 82, 119, 99, 94, 154, 101, 94, 45, 3, 169, 28, 124, 147, 178,
		173, 84, 65, 171, 158, 165, 37, 41, 106, 175, 176, 53,
	],
	[
		143, 248, 202, 201, 207, 41, 239, 135, 26, 159, 63, 59, 142, 162, 17, 182, 38, 72, 68, 158,
		130, 136, 177, 243, 169, 81, 204, 111, 81, 136, 188, 1, 201, 188, 129, 130, 102, 60, 173,
		193, 80, 83, 162, 125, 167, 122, 214, 76, 139, 139, 253, 173, 49, 226, 40, 46, 173, 167, 143,
		87, 31, 130, 2, 13,
	],
);
const TICKET_ACCOUNT_ID32: ([u8; 32], [u8; 64]) = (
	[
		210, 214, 62, 130, 194, 196, 146, 255, 159, 23, 199, 136, 119, 78, 187, 93, 199, 214, 12, 55,
		150, 54, 203, 35, 216, 202, 4, 125, 23, 158, 1, 85,
	],
	[
		159, 53, 196, 26, 136, 217, 130, 101, 71, 42, 124, 245, 180, 119, 144, 102, 135, 34, 12, 133,
		248, 230, 247, 86, 110, 15, 50, 33, 191, 224, 211, 13, 152, 252, 245, 20, 71, 181, 169, 85,
		41, 203, 89, 1, 55, 48, 147, 221, 117, 69, 196, 176, 61, 154, 145, 225, 94, 13, 242, 85, 103,
		251, 222, 6,
	],
);

/// The ticket of [`TICKETS`] that verifies for `who`.
fn ticket<T: Config>(who: &T::AccountId) -> Ticket {
	let tickets = TICKETS.map(|(pre_output, proof)| Ticket { pre_output, proof });
	let verifies =
		|ticket: &Ticket| sortition::verify(&KEY, &H256(SEED), 0, 1, 0, who, ticket).is_some();
	let found = tickets.iter().find(|ticket| verifies(ticket));
	assert!(found.is_some(), "a benchmark ticket for the auditor's account encoding");
	found.cloned().unwrap_or_else(|| tickets[0].clone())
}

/// A service fee the pallet accepts: at least `MinServiceFee`.
fn fee<T: Config>() -> BalanceOf<T> {
	T::MinServiceFee::get().max(units::<T>(1_000_000))
}

/// Fills the last page of `at` in `kind`'s queue, so that the next task scheduled there opens a
/// page: scheduling's most expensive path.
fn crowd<T: Config>(kind: TaskKind, at: BlockNumberFor<T>) {
	let task = match kind {
		TaskKind::Court => Deadline::Settle(u32::MAX),
		TaskKind::Auditors => Deadline::Burn(account("crowd", 0, 0)),
		TaskKind::Escrows => Deadline::Release(u32::MAX),
	};
	let full = alloc::vec![task; T::MaxTasksPerBlock::get() as usize];
	Agenda::<T>::insert((kind, at, 0), BoundedVec::truncate_from(full));
	AgendaPages::<T>::insert(kind, at, 1);
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
	let vrf_key = sp_io::hashing::blake2_256(&index.to_le_bytes());
	Auditors::<T>::insert(
		&who,
		Auditor { stake, vrf_key, last_epoch: 0, open_seats, keep_bonded: false },
	);
	DrawKeys::<T>::insert(vrf_key, &who);
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

fn party<T: Config>(name: &'static str, org: &[u8]) -> T::AccountId {
	let who = participant::<T>(name, 0, &[]);
	T::Registry::set_org_code_for_benchmarks(&who, org.to_vec());
	who
}

/// Case 0 between two parties, its stake held, with an escrow under dispute, recorded as a
/// contract's case for a claimant (every party check reads three parties and their
/// organisations); `panel` is the current round's; with `first_panel`, an objection by the
/// counterparty is pending. Yields the claimant.
fn case<T: Config>(
	phase: Phase,
	panel: Vec<Seat<T>>,
	first_panel: Option<Vec<Seat<T>>>,
) -> T::AccountId {
	let requester = party::<T>("requester", b"REQ");
	let counterparty = party::<T>("counterparty", b"CTP");
	let claimant = party::<T>("claimant", b"CLM");
	ContractCases::<T>::insert(
		0,
		ContractCase {
			contract: requester.clone(),
			claimant: claimant.clone(),
			state: pactum_primitives::CaseState::Open,
		},
	);
	ContractCaseCount::<T>::insert(&requester, 1);
	let stake = T::MinCaseStake::get();
	assert!(T::Currency::hold(&HoldReason::CaseStake.into(), &requester, stake).is_ok());
	assert!(Pallet::<T>::do_pay_service_fee(requester.clone(), counterparty.clone(), fee::<T>())
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
	claimant
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// An auditor's first signal: a registry reference, the whole stake held, its key taken, its
	/// unbond task opening a page.
	#[benchmark]
	fn signal() {
		at_epoch::<T>(1, 0u32.into());
		let who = participant::<T>("auditor", 0, &[AuditorRole::ROLE]);
		crowd::<T>(TaskKind::Auditors, Pallet::<T>::epoch_start(4));
		let stake = T::MinAuditorStake::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), stake, 5, KEY);
		assert_eq!(SignalCount::<T>::get(3), 1);
		assert_eq!(DrawKeys::<T>::get(KEY), Some(who));
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
		assert!(Pallet::<T>::do_pay_service_fee(requester.clone(), counterparty.clone(), fee::<T>())
			.is_ok());
		crowd::<T>(TaskKind::Court, Pallet::<T>::settle_at(2));
		#[extrinsic_call]
		_(RawOrigin::Signed(requester), counterparty, H256::repeat_byte(1), fee::<T>(), Some(0));
		assert!(Cases::<T>::contains_key(0));
	}

	/// A contract opens a case for a claimant (one more participant to check, and its record)
	/// into a crowded court queue.
	#[benchmark]
	fn open_contract_case() {
		at_epoch::<T>(1, 0u32.into());
		let contract = participant::<T>("contract", 0, &[]);
		let claimant = participant::<T>("claimant", 0, &[]);
		let respondent = participant::<T>("respondent", 0, &[]);
		crowd::<T>(TaskKind::Court, Pallet::<T>::settle_at(2));
		let id;
		#[block]
		{
			id = <Pallet<T> as ContractCourt<_, _, _>>::open_case(
				&contract,
				&claimant,
				&respondent,
				H256::repeat_byte(1),
				fee::<T>(),
			);
		}
		assert_eq!(id, Ok(0));
	}

	#[benchmark]
	fn contract_case_state() {
		at_epoch::<T>(1, 0u32.into());
		let contract = participant::<T>("contract", 0, &[]);
		let claimant = participant::<T>("claimant", 0, &[]);
		let respondent = participant::<T>("respondent", 0, &[]);
		assert!(<Pallet<T> as ContractCourt<_, _, _>>::open_case(
			&contract,
			&claimant,
			&respondent,
			H256::repeat_byte(1),
			fee::<T>(),
		)
		.is_ok());
		let state;
		#[block]
		{
			state = <Pallet<T> as ContractCourt<_, _, _>>::case_state(&contract, 0);
		}
		assert_eq!(state, Some(pactum_primitives::CaseState::Open));
	}

	#[benchmark]
	fn forget_case() {
		let contract = participant::<T>("contract", 0, &[]);
		let claimant = participant::<T>("claimant", 0, &[]);
		ContractCases::<T>::insert(
			0,
			ContractCase {
				contract: contract.clone(),
				claimant,
				state: pactum_primitives::CaseState::Undecided,
			},
		);
		ContractCaseCount::<T>::insert(&contract, 1);
		#[block]
		{
			assert!(<Pallet<T> as ContractCourt<_, _, _>>::forget_case(&contract, 0).is_ok());
		}
		assert!(!ContractCases::<T>::contains_key(0));
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
		DrawKeys::<T>::insert(KEY, &who);
		T::Registry::set_org_code_for_benchmarks(&who, b"AUD".to_vec());
		Signals::<T>::insert(epoch, &who, Signal { capacity: 5, seats: 0 });
		SignalCount::<T>::insert(epoch, 1);
		let ticket = ticket::<T>(&who);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), 0, ticket, H256::repeat_byte(2));
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
		// The claimant objects: the last of the three party checks.
		let claimant = case::<T>(Phase::Decided { verdict: Verdict::Upheld, epoch }, panel, None);
		let stake = T::MinObjectionStake::get().max(T::MinCaseStake::get());
		crowd::<T>(TaskKind::Court, Pallet::<T>::settle_at(epoch + 1));
		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), 0, stake);
		assert!(Cases::<T>::get(0).map(|c| c.objection.is_some()).unwrap_or(false));
	}

	#[benchmark]
	fn pay_service_fee() {
		let recipient = participant::<T>("recipient", 0, &[]);
		let provider = participant::<T>("provider", 0, &[]);
		let now = frame_system::Pallet::<T>::block_number();
		crowd::<T>(TaskKind::Escrows, now + T::EscrowPeriod::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(recipient), provider, fee::<T>());
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
	fn settle(p: Linear<{ T::AppealPanelSize::get().div_ceil(2) }, { T::AppealPanelSize::get() }>) {
		let epoch = 2;
		at_epoch::<T>(epoch, T::CommitPeriod::get() + T::RevealPeriod::get());
		let majority = p / 2 + 1;
		let panel = seats::<T>(100, p, |i| {
			Some(if i < majority { Verdict::Rejected } else { Verdict::Upheld })
		});
		let first = seats::<T>(200, T::PanelSize::get(), |_| Some(Verdict::Upheld));
		case::<T>(Phase::Voting { round: 1, epoch }, panel, Some(first));
		crowd::<T>(TaskKind::Court, Pallet::<T>::settle_at(epoch + 1));
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
		crowd::<T>(TaskKind::Court, Pallet::<T>::settle_at(epoch + 1));
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
		assert!(Pallet::<T>::do_pay_service_fee(recipient, provider, fee::<T>()).is_ok());
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number() + T::EscrowPeriod::get(),
		);
		#[block]
		{
			Pallet::<T>::release_matured(0);
		}
		assert!(!Escrows::<T>::contains_key(0));
	}

	/// A recovered auditor with something held under every reason, signals for four epochs
	/// and slashes waiting to be burned, moved to an account that bonded and signalled for the
	/// same epochs itself (the merge).
	#[benchmark]
	fn recover_auditor() {
		at_epoch::<T>(5, Zero::zero());
		let lost = bonded::<T>(0, 1);
		for reason in crate::recovery::HOLD_REASONS.into_iter().skip(1) {
			assert!(T::Currency::hold(&reason.into(), &lost, units::<T>(1_000)).is_ok());
		}
		PendingBurn::<T>::insert(&lost, units::<T>(1_000));
		for epoch in 4..=7 {
			Signals::<T>::insert(epoch, &lost, Signal { capacity: 1, seats: 0 });
		}
		let new = bonded::<T>(1, 0);
		for epoch in 4..=7 {
			Signals::<T>::insert(epoch, &new, Signal { capacity: 1, seats: 0 });
			SignalCount::<T>::insert(epoch, 2);
		}

		#[block]
		{
			Pallet::<T>::move_state(&lost, &new);
		}

		assert!(Auditors::<T>::contains_key(&new));
		assert!(Signals::<T>::contains_key(7, &new));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

#[cfg(test)]
mod fixture {
	use super::*;
	use sp_core::Pair;

	/// The benchmark's tickets verify for its key and the benchmark auditor as the mock and the
	/// runtime encode it, and the key is the one of its secret seed.
	#[test]
	fn the_benchmark_tickets_are_valid_vrf_proofs() {
		let pair = sp_core::sr25519::Pair::from_seed(&[0x17; 32]);
		assert_eq!(pair.public().0, KEY);
		let mock: u64 = account("auditor", 0, 0);
		let runtime: sp_runtime::AccountId32 = account("auditor", 0, 0);
		let (mock_ticket, mock_output) = sortition::sign(&pair, &H256(SEED), 0, 1, 0, &mock);
		let (runtime_ticket, runtime_output) =
			sortition::sign(&pair, &H256(SEED), 0, 1, 0, &runtime);
		// What to paste into `TICKET_U64` and `TICKET_ACCOUNT_ID32` when the draw changes.
		println!("TICKET_U64: ({:?}, {:?})", mock_ticket.pre_output, mock_ticket.proof);
		println!("TICKET_ACCOUNT_ID32: ({:?}, {:?})", runtime_ticket.pre_output, runtime_ticket.proof);
		let stored = |(pre_output, proof): ([u8; 32], [u8; 64])| Ticket { pre_output, proof };
		assert_eq!(
			sortition::verify(&KEY, &H256(SEED), 0, 1, 0, &mock, &stored(TICKET_U64)),
			Some(mock_output)
		);
		assert_eq!(
			sortition::verify(&KEY, &H256(SEED), 0, 1, 0, &runtime, &stored(TICKET_ACCOUNT_ID32)),
			Some(runtime_output)
		);
	}
}
