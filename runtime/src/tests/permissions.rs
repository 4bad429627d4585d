//! What ordinary accounts and "non-transfer" proxies may not do: claim nodes or manage node
//! connections (governance's), and — for a `NonTransfer` proxy — any call that moves value out of
//! the account, judged by an allow-list.

use super::{account, ext_from_preset};
use crate::{configs::ProxyType, Runtime, RuntimeCall, RuntimeOrigin};
use frame_support::{assert_noop, traits::InstanceFilter, weights::Weight};
use pallet_content::PaymentAsset;
use sp_core::{OpaquePeerId, H256};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Eve};
use sp_runtime::traits::Dispatchable;

#[test]
fn an_ordinary_account_cannot_claim_a_node_or_manage_connections() {
	use pallet_node_authorization::Call;
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		let node = OpaquePeerId(vec![7u8; 38]);
		let other = OpaquePeerId(vec![8u8; 38]);
		let calls = [
			Call::claim_node { node: node.clone() },
			Call::remove_claim { node: node.clone() },
			Call::transfer_node { node: node.clone(), owner: account(Bob).into() },
			Call::add_connections { node: node.clone(), connections: vec![other.clone()] },
			Call::remove_connections { node: node.clone(), connections: vec![other.clone()] },
		];
		for call in calls {
			let call = RuntimeCall::NodeAuthorization(call);
			// Not even the sudo key's own account, nor inside a batch.
			for who in [Eve, Alice] {
				assert_noop!(
					call.clone().dispatch(RuntimeOrigin::signed(account(who))),
					frame_system::Error::<Runtime>::CallFiltered
				);
			}
			let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![call] });
			assert!(batch.dispatch(RuntimeOrigin::signed(account(Eve))).is_err());
		}
		assert!(pallet_node_authorization::Owners::<Runtime>::get(node).is_none());
	});
}

#[test]
fn a_non_transfer_proxy_makes_only_calls_that_move_no_value() {
	let contract_call = |value| {
		RuntimeCall::Contracts(pallet_contracts::Call::call {
			dest: account(Bob).into(),
			value,
			gas_limit: Weight::from_parts(1_000_000, 10_000),
			storage_deposit_limit: None,
			data: vec![],
		})
	};
	let refused = [
		RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: account(Bob).into(),
			value: 1,
		}),
		contract_call(1),
		RuntimeCall::Audit(pallet_audit::Call::pay_service_fee { provider: account(Bob), amount: 1 }),
		RuntimeCall::Audit(pallet_audit::Call::open_case {
			counterparty: account(Bob),
			outcome: H256::zero(),
			value_at_risk: 1,
			escrow: None,
		}),
		RuntimeCall::Audit(pallet_audit::Call::object { case: 0, stake: 1 }),
		RuntimeCall::Content(pallet_content::Call::offer_licence { content: 0, ask: Some(1) }),
		RuntimeCall::Content(pallet_content::Call::buy_resale {
			content: 0,
			seller: account(Bob),
			max_price: 1,
		}),
		RuntimeCall::Content(pallet_content::Call::buy_licence_with_credits {
			content: 0,
			terms_id: 0,
		}),
		RuntimeCall::Content(pallet_content::Call::tip {
			content: 0,
			asset: PaymentAsset::Native,
			amount: 1,
		}),
		RuntimeCall::Registry(pallet_registry::Call::register_client {
			who: account(Bob),
			data_hash: H256::zero(),
		}),
		RuntimeCall::Sudo(pallet_sudo::Call::sudo {
			call: Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] })),
		}),
	];
	for call in &refused {
		assert!(!ProxyType::NonTransfer.filter(call), "allowed: {call:?}");
		assert!(ProxyType::Any.filter(call));
	}
	let allowed = [
		contract_call(0),
		RuntimeCall::Registry(pallet_registry::Call::register {}),
		RuntimeCall::Registry(pallet_registry::Call::deregister_client { who: account(Bob) }),
		RuntimeCall::Documents(pallet_documents::Call::close_expired { document: 0 }),
		RuntimeCall::Audit(pallet_audit::Call::unbond {}),
		RuntimeCall::Tokens(pallet_tokens::Call::claim_held { asset: 1 }),
		RuntimeCall::Content(pallet_content::Call::record_access { content: 0, holder: account(Bob) }),
		RuntimeCall::Attestations(pallet_attestations::Call::endorse { attestation: 0 }),
	];
	for call in &allowed {
		assert!(ProxyType::NonTransfer.filter(call), "refused: {call:?}");
	}
}
