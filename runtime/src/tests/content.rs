//! The content pallet in the composed runtime: pallet-nfts' own calls are refused however they
//! are dispatched, a licence priced in a tokens asset pays each leg under the asset's rules,
//! a leg to a banned payee is held for it, payments are not "non-transfer" proxy calls, and the
//! worst payment fits in a block.

use super::{
	account, ext_from_preset,
	tokens::{with_asset, ASSET},
};
use crate::{
	configs::{ProxyType, RuntimeBlockWeights},
	Content, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System, Tokens,
};
use frame_support::{
	assert_noop, assert_ok, dispatch::GetDispatchInfo, traits::InstanceFilter, BoundedVec,
};
use pallet_content::{LicenceTerms, PaymentAsset, RoleShares, Royalties};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve};
use sp_runtime::{traits::Dispatchable, Permill};

/// Content 0 by Charlie (creators Charlie and Dave, half each; every part of a payment to the
/// creators), with licence terms at 1 000 of the tokens asset `ASSET`, of which Bob holds 1 000.
fn content_priced_in_tokens() {
	with_asset();
	let to_creators = RoleShares {
		creators: Permill::one(),
		owner: Permill::zero(),
		distributors: Permill::zero(),
		promoters: Permill::zero(),
	};
	let half = Permill::from_percent(50);
	let charlie = RuntimeOrigin::signed(account(Charlie));
	assert_ok!(Content::register(
		charlie.clone(),
		[9; 32],
		BoundedVec::truncate_from(b"ipfs://film".to_vec()),
		BoundedVec::truncate_from(vec![(account(Charlie), half), (account(Dave), half)]),
		Royalties { first_sale: to_creators, later: to_creators, resale: Permill::zero() },
	));
	let terms = LicenceTerms {
		price: 1_000,
		asset: PaymentAsset::Token(ASSET),
		max_accesses: Some(2),
		duration: None,
		transferable: false,
		credit_price: None,
	};
	assert_ok!(Content::publish_terms(charlie, 0, terms));
}

#[test]
fn pallet_nfts_calls_are_refused_directly_and_in_a_batch() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		content_priced_in_tokens();
		let collection = pallet_content::ContentCollection::<Runtime>::get().expect("created");
		let steal = RuntimeCall::Nfts(pallet_nfts::Call::transfer {
			collection,
			item: 0,
			dest: account(Eve).into(),
		});
		let charlie = RuntimeOrigin::signed(account(Charlie));
		assert_noop!(
			steal.clone().dispatch(charlie.clone()),
			frame_system::Error::<Runtime>::CallFiltered
		);
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![steal] });
		assert!(batch.dispatch(charlie).is_err());
		let create = RuntimeCall::Nfts(pallet_nfts::Call::create {
			admin: account(Alice).into(),
			config: Default::default(),
		});
		assert_noop!(
			create.dispatch(RuntimeOrigin::signed(account(Alice))),
			frame_system::Error::<Runtime>::CallFiltered
		);
		assert_eq!(Content::owner_of(0), Some(account(Charlie)));
	});
}

#[test]
fn a_licence_in_tokens_pays_each_leg_as_a_regulated_transfer() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		content_priced_in_tokens();
		assert_ok!(Content::buy_licence(RuntimeOrigin::signed(account(Bob)), 0, 0, None));
		for creator in [Charlie, Dave] {
			assert_eq!(pallet_assets::Pallet::<Runtime>::balance(ASSET, account(creator)), 500);
			System::assert_has_event(RuntimeEvent::Tokens(pallet_tokens::Event::Transferred {
				asset: ASSET,
				from: account(Bob),
				to: account(creator),
				amount: 500,
				fee: 0,
			}));
		}
		assert_eq!(Content::licence_view(&account(Bob), 0).map(|l| l.accesses_left), Some(Some(2)));
		// Eve is not registered: she may not buy.
		assert_noop!(
			Content::buy_licence(RuntimeOrigin::signed(account(Eve)), 0, 0, None),
			pallet_content::Error::<Runtime>::NotParticipant
		);
		assert_ok!(Content::do_try_state());
		assert_ok!(Tokens::do_try_state());
	});
}

#[test]
fn a_banned_creators_leg_is_held_and_claimed_after_the_ban() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		content_priced_in_tokens();
		let alice = RuntimeOrigin::signed(account(Alice));
		assert_ok!(crate::Registry::ban(alice.clone(), account(Dave), 1, None));
		// The sale goes through; Dave's half waits for him in the tokens escrow.
		assert_ok!(Content::buy_licence(RuntimeOrigin::signed(account(Bob)), 0, 0, None));
		let balance = |who| pallet_assets::Pallet::<Runtime>::balance(ASSET, account(who));
		assert_eq!((balance(Charlie), balance(Dave)), (500, 0));
		assert_eq!(pallet_tokens::HeldFor::<Runtime>::get(ASSET, account(Dave)), 500);
		assert_noop!(
			Tokens::claim_held(RuntimeOrigin::signed(account(Dave)), ASSET),
			pallet_tokens::Error::<Runtime>::RecipientBanned
		);
		assert_ok!(crate::Registry::unban(alice, account(Dave)));
		assert_ok!(Tokens::claim_held(RuntimeOrigin::signed(account(Dave)), ASSET));
		assert_eq!(balance(Dave), 500);
		assert_ok!(Content::do_try_state());
		assert_ok!(Tokens::do_try_state());
	});
}

#[test]
fn a_non_transfer_proxy_cannot_pay_for_content() {
	let buy = RuntimeCall::Content(pallet_content::Call::buy_licence {
		content: 0,
		terms_id: 0,
		referral: None,
	});
	let tip = RuntimeCall::Content(pallet_content::Call::tip {
		content: 0,
		asset: PaymentAsset::Native,
		amount: 1,
	});
	for call in [buy, tip] {
		assert!(!ProxyType::NonTransfer.filter(&call));
		assert!(ProxyType::Any.filter(&call));
	}
	let access = RuntimeCall::Content(pallet_content::Call::record_access {
		content: 0,
		holder: account(Bob),
	});
	assert!(ProxyType::NonTransfer.filter(&access));
}

#[test]
fn the_worst_payment_fits_in_a_block() {
	let call = RuntimeCall::Content(pallet_content::Call::buy_resale {
		content: 0,
		seller: account(Bob),
		max_price: 1,
	});
	let weight = call.get_dispatch_info().call_weight;
	let max = RuntimeBlockWeights::get().max_block;
	assert!(weight.all_lt(max), "{weight:?} of {max:?}");
}

/// The most one content can hold in storage, as `(items, bytes)` (keys after their prefix and
/// values, at their largest): its record and hash index; every right, each with a full table of
/// holders; each of those holders' index entries; its gateways; its NFT (item, owner index,
/// config, metadata). Licence terms, licences and referral codes hold deposits of their own.
fn content_footprint() -> (u32, u32) {
	use frame_support::traits::{Get, StorageInfoTrait};
	let mut info = pallet_content::Pallet::<Runtime>::storage_info();
	info.extend(pallet_nfts::Pallet::<Runtime>::storage_info());
	let size = |pallet: &str, name: &str| -> u32 {
		info.iter()
			.find(|i| i.pallet_name == pallet.as_bytes() && i.storage_name == name.as_bytes())
			.and_then(|i| i.max_size)
			.unwrap_or_else(|| panic!("{pallet}::{name} has no largest size"))
	};
	let rights: u32 = <Runtime as pallet_content::Config>::MaxRights::get();
	let holders: u32 = <Runtime as pallet_content::Config>::MaxRightHolders::get();
	let holders = rights * holders;
	[
		("Content", "Contents", 1),
		("Content", "ByHash", 1),
		("Content", "Rights", rights),
		("Content", "HeldRights", holders),
		("Content", "Gateways", 1),
		("Nfts", "Item", 1),
		("Nfts", "Account", 1),
		("Nfts", "ItemConfigOf", 1),
		("Nfts", "ItemMetadataOf", 1),
	]
	.into_iter()
	.fold((0, 0), |(items, bytes), (pallet, name, n)| (items + n, bytes + n * size(pallet, name)))
}

#[test]
fn the_content_deposit_covers_all_a_content_can_hold() {
	let (items, bytes) = content_footprint();
	let deposit = <Runtime as pallet_content::Config>::ContentDeposit::get();
	assert!(
		deposit >= crate::deposit(items, bytes),
		"ContentDeposit {deposit} is below deposit({items}, {bytes}) = {}",
		crate::deposit(items, bytes)
	);
}
