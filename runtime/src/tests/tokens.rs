//! The tokens pallet in the composed runtime: pallet-assets' own calls are refused however they
//! are dispatched, token transfers work and are not "non-transfer" proxy calls, and a recovery's
//! worst case fits in a block.

use super::{account, ext_from_preset};
use crate::{
	configs::{ProxyType, RuntimeBlockWeights},
	AccountId, Assets, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System, Tokens,
};
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo, traits::InstanceFilter};
use pactum_primitives::OnParticipantRecovered;
use pallet_tokens::{HolderPolicy, WeightInfo as _};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Eve};
use sp_runtime::{traits::Dispatchable, FixedU128};

pub(super) const ASSET: u32 = 1;

/// `ASSET` with 1 000 issued to Bob (Alice holds every admin role on the dev chain).
pub(super) fn with_asset() {
	let alice = RuntimeOrigin::signed(account(Alice));
	let policy =
		HolderPolicy {
			unverified: false,
			verified: true,
			corporate: true,
			min_kyc_level: 1,
			contract: false,
		};
	assert_ok!(Tokens::create_asset(
		alice.clone(),
		ASSET,
		1,
		policy,
		account(Charlie),
		FixedU128::from_u32(1)
	));
	assert_ok!(Tokens::set_authorised_supply(alice.clone(), ASSET, 1_000_000));
	assert_ok!(Tokens::add_collateral(alice.clone(), ASSET, 1_000_000, [1; 32]));
	assert_ok!(Tokens::issue(alice, ASSET, account(Bob), 1_000));
}

fn assets_transfer() -> RuntimeCall {
	RuntimeCall::Assets(pallet_assets::Call::transfer {
		id: ASSET.into(),
		target: account(Eve).into(),
		amount: 10,
	})
}

#[test]
fn pallet_assets_calls_are_refused_directly_and_in_a_batch() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		with_asset();
		let bob = RuntimeOrigin::signed(account(Bob));
		assert_noop!(
			assets_transfer().dispatch(bob.clone()),
			frame_system::Error::<Runtime>::CallFiltered
		);
		let mint = RuntimeCall::Assets(pallet_assets::Call::mint {
			id: ASSET.into(),
			beneficiary: account(Bob).into(),
			amount: 10,
		});
		assert_noop!(
			mint.dispatch(RuntimeOrigin::signed(account(Alice))),
			frame_system::Error::<Runtime>::CallFiltered
		);
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![assets_transfer()],
		});
		assert!(batch.dispatch(bob).is_err());
		assert_eq!(Assets::balance(ASSET, account(Eve)), 0);
		assert_eq!(Assets::balance(ASSET, account(Bob)), 1_000);
	});
}

#[test]
fn a_token_transfer_goes_through_the_rules() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		with_asset();
		let bob = RuntimeOrigin::signed(account(Bob));
		assert_ok!(Tokens::transfer(bob.clone(), ASSET, account(Alice), 100));
		System::assert_last_event(RuntimeEvent::Tokens(pallet_tokens::Event::Transferred {
			asset: ASSET,
			from: account(Bob),
			to: account(Alice),
			amount: 100,
			fee: 0,
		}));
		// Eve is not registered.
		assert_noop!(
			Tokens::transfer(bob, ASSET, account(Eve), 100),
			pallet_tokens::Error::<Runtime>::RecipientNotParticipant
		);
		assert_ok!(Tokens::do_try_state());
	});
}

#[test]
fn a_non_transfer_proxy_cannot_move_tokens() {
	let transfer = RuntimeCall::Tokens(pallet_tokens::Call::transfer {
		asset: ASSET,
		to: account(Eve),
		amount: 1,
	});
	assert!(!ProxyType::NonTransfer.filter(&transfer));
	assert!(ProxyType::Any.filter(&transfer));
}

#[test]
fn a_recovery_call_fits_in_a_block_and_always_progresses() {
	let budget = <Runtime as pallet_registry::Config>::RecoveryBudget::get();
	let hooks = <<Runtime as pallet_registry::Config>::OnRecovered as OnParticipantRecovered<
		AccountId,
	>>::max_step();
	assert!(budget.all_gte(hooks), "{budget:?} below the largest step {hooks:?}");
	assert!(budget.all_gte(<Tokens as OnParticipantRecovered<_>>::max_step()));
	let max = RuntimeBlockWeights::get().max_block;
	for call in [
		pallet_registry::Call::finish_recovery { lost: account(Bob) },
		pallet_registry::Call::continue_recovery { lost: account(Bob) },
	] {
		let weight = RuntimeCall::Registry(call).get_dispatch_info().call_weight;
		assert!(weight.all_gte(budget));
		assert!(weight.all_lt(max), "{weight:?} of {max:?}");
	}
	let one_asset = <Runtime as pallet_tokens::Config>::WeightInfo::on_recovered(1, 0);
	assert!(one_asset.ref_time() > 0);
}
