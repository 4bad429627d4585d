//! Registering content and moving its NFT.

use crate::{mock::*, ByHash, Contents, Error, Event, HoldReason, Right, Rights, RoleShares};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, tokens::nonfungibles_v2::Inspect},
};
use sp_runtime::Permill;

fn held(who: AccountId, reason: HoldReason) -> u64 {
	Balances::balance_on_hold(&RuntimeHoldReason::Content(reason), &who)
}

#[test]
fn register_mints_the_nft_and_gives_the_registrant_every_right() {
	test(|| {
		let content = register();
		assert_eq!(Content::owner_of(content), Some(CREATOR));
		let collection = crate::ContentCollection::<Test>::get().expect("created on first use");
		assert_eq!(<Nfts as Inspect<AccountId>>::owner(&collection, &content), Some(CREATOR));
		assert_eq!(
			pallet_nfts::ItemMetadataOf::<Test>::get(collection, content).map(|m| m.data.to_vec()),
			Some(b"ipfs://content".to_vec())
		);
		for right in Right::STANDARD {
			assert_eq!(
				Rights::<Test>::get(content, right).to_vec(),
				vec![(CREATOR, Permill::one())]
			);
		}
		assert_eq!(ByHash::<Test>::get(HASH), Some(content));
		assert_eq!(held(CREATOR, HoldReason::Content), CONTENT_DEPOSIT);
		let record = Contents::<Test>::get(content).expect("stored");
		assert_eq!(record.creators.len(), 2);
		assert!(events().contains(&Event::ContentRegistered {
			content,
			owner: CREATOR,
			content_hash: HASH,
			uri: b"ipfs://content".to_vec(),
			creators: vec![
				(CREATOR, Permill::from_percent(75)),
				(COAUTHOR, Permill::from_percent(25))
			],
			royalties: royalties(),
		}));
		// A second content gets the next id in the same collection.
		assert_ok!(Content::register(
			signed(BUYER),
			[1; 32],
			uri(),
			creators(&[(BUYER, 100)]),
			royalties()
		));
		assert_eq!(Content::owner_of(content + 1), Some(BUYER));
	});
}

#[test]
fn register_refuses_bad_input() {
	test(|| {
		let reg = |who, hash, list: &[(AccountId, u32)], r| {
			Content::register(signed(who), hash, uri(), creators(list), r)
		};
		assert_noop!(
			reg(OUTSIDER, HASH, &[(OUTSIDER, 100)], royalties()),
			Error::<Test>::NotParticipant
		);
		assert_noop!(reg(CREATOR, HASH, &[], royalties()), Error::<Test>::NoCreators);
		assert_noop!(
			reg(CREATOR, HASH, &[(CREATOR, 50), (COAUTHOR, 40)], royalties()),
			Error::<Test>::SharesNotWhole
		);
		assert_noop!(
			reg(CREATOR, HASH, &[(CREATOR, 50), (CREATOR, 50)], royalties()),
			Error::<Test>::DuplicateCreator
		);
		assert_noop!(
			reg(CREATOR, HASH, &[(CREATOR, 50), (OUTSIDER, 50)], royalties()),
			Error::<Test>::NotParticipant
		);
		let mut uneven = royalties();
		uneven.later = RoleShares { promoters: Permill::from_percent(11), ..uneven.later };
		assert_noop!(reg(CREATOR, HASH, &[(CREATOR, 100)], uneven), Error::<Test>::SharesNotWhole);
		let mut uneven = royalties();
		uneven.first_sale = RoleShares { owner: Permill::zero(), ..uneven.first_sale };
		assert_noop!(reg(CREATOR, HASH, &[(CREATOR, 100)], uneven), Error::<Test>::SharesNotWhole);
		MockRegistry::ban(&COAUTHOR);
		assert_noop!(
			reg(CREATOR, HASH, &[(CREATOR, 50), (COAUTHOR, 50)], royalties()),
			Error::<Test>::Banned
		);
		MockRegistry::unban(&COAUTHOR);
		register();
		assert_noop!(reg(BUYER, HASH, &[(BUYER, 100)], royalties()), Error::<Test>::ContentExists);
	});
}

#[test]
fn the_owner_transfers_the_nft() {
	test(|| {
		let content = register();
		assert_ok!(Content::transfer_ownership(signed(CREATOR), content, BUYER));
		assert_eq!(Content::owner_of(content), Some(BUYER));
		assert!(events().contains(&Event::OwnershipTransferred {
			content,
			from: CREATOR,
			to: BUYER
		}));
		// Rights and the registrant's deposit stay where they were.
		assert_eq!(Content::share_of(content, Right::Distribution, &CREATOR), Permill::one());
		assert_eq!(held(CREATOR, HoldReason::Content), CONTENT_DEPOSIT);
	});
}

#[test]
fn transfer_ownership_refusals() {
	test(|| {
		let content = register();
		assert_noop!(
			Content::transfer_ownership(signed(BUYER), content, BUYER2),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Content::transfer_ownership(signed(CREATOR), content, CREATOR),
			Error::<Test>::SameAccount
		);
		assert_noop!(
			Content::transfer_ownership(signed(CREATOR), content, OUTSIDER),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			Content::transfer_ownership(signed(CREATOR), content + 1, BUYER),
			Error::<Test>::UnknownContent
		);
	});
}

#[test]
fn the_configuration_passes_the_integrity_test() {
	use frame_support::traits::Hooks;
	<Content as Hooks<u64>>::integrity_test();
}

#[test]
fn the_invariants_catch_a_deposit_without_its_record() {
	use frame_support::traits::fungible::MutateHold;
	new_test_ext().execute_with(|| {
		register();
		assert_ok!(Content::do_try_state());
		let reason = RuntimeHoldReason::Content(HoldReason::Licence);
		assert_ok!(<Balances as MutateHold<AccountId>>::hold(&reason, &CREATOR, 1));
		assert!(Content::do_try_state().is_err());
	});
}

#[test]
fn register_is_weighed_for_creators_that_may_be_contracts() {
	use frame_support::dispatch::GetDispatchInfo;
	use pactum_primitives::ParticipantRegistry;
	let call = crate::Call::<Test>::register {
		content_hash: HASH,
		uri: uri(),
		creators: creators(&[(CREATOR, 75), (COAUTHOR, 25)]),
		royalties: royalties(),
	};
	let standing = <MockRegistry as ParticipantRegistry<AccountId>>::standing_weight();
	assert!(standing.ref_time() > 0);
	assert_eq!(
		call.get_dispatch_info().call_weight,
		<() as crate::WeightInfo>::register().saturating_add(standing.saturating_mul(2))
	);
}
