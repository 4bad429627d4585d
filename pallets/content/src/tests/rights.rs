//! Rights held in shares, rights the owner adds, and gateways.

use crate::{mock::*, Error, Event, Gateways, Right, Rights};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Permill;

fn pct(p: u32) -> Permill {
	Permill::from_percent(p)
}

#[test]
fn a_holder_transfers_part_then_all_of_its_share() {
	test(|| {
		let content = register();
		let d = Right::Distribution;
		assert_ok!(Content::transfer_right(signed(CREATOR), content, d, DISTRIBUTOR, pct(30)));
		assert_eq!(
			Rights::<Test>::get(content, d).to_vec(),
			vec![(CREATOR, pct(70)), (DISTRIBUTOR, pct(30))]
		);
		assert!(events().contains(&Event::RightTransferred {
			content,
			right: d,
			from: CREATOR,
			to: DISTRIBUTOR,
			share: pct(30)
		}));
		// A share to an existing holder is merged; a holder left with nothing is removed.
		assert_ok!(Content::transfer_right(signed(CREATOR), content, d, DISTRIBUTOR, pct(70)));
		assert_eq!(Rights::<Test>::get(content, d).to_vec(), vec![(DISTRIBUTOR, Permill::one())]);
		// The other rights did not move.
		assert_eq!(Content::share_of(content, Right::Promotion, &CREATOR), Permill::one());
	});
}

#[test]
fn transfer_right_refusals() {
	test(|| {
		let content = register();
		let d = Right::Distribution;
		let transfer = |from, right, to, share| {
			Content::transfer_right(signed(from), content, right, to, share)
		};
		assert_noop!(transfer(CREATOR, d, BUYER, Permill::zero()), Error::<Test>::ZeroShare);
		assert_noop!(transfer(CREATOR, d, CREATOR, pct(10)), Error::<Test>::SameAccount);
		assert_noop!(
			Content::transfer_right(signed(CREATOR), content + 1, d, BUYER, pct(10)),
			Error::<Test>::UnknownContent
		);
		assert_noop!(
			transfer(CREATOR, Right::Other(9), BUYER, pct(10)),
			Error::<Test>::UnknownRight
		);
		assert_noop!(transfer(CREATOR, d, OUTSIDER, pct(10)), Error::<Test>::NotParticipant);
		assert_noop!(transfer(BUYER, d, BUYER2, pct(10)), Error::<Test>::NotRightHolder);
		assert_ok!(transfer(CREATOR, d, BUYER, pct(10)));
		assert_noop!(transfer(BUYER, d, BUYER2, pct(11)), Error::<Test>::InsufficientShare);
		// MAX_HOLDERS is 3: creator, buyer, buyer2.
		assert_ok!(transfer(CREATOR, d, BUYER2, pct(10)));
		assert_noop!(transfer(CREATOR, d, PROMOTER, pct(10)), Error::<Test>::TooManyHolders);
	});
}

#[test]
fn the_owner_adds_rights_it_holds_in_full() {
	test(|| {
		let content = register();
		let subtitles = Right::Other(1);
		assert_ok!(Content::add_right(signed(CREATOR), content, subtitles));
		assert_eq!(
			Rights::<Test>::get(content, subtitles).to_vec(),
			vec![(CREATOR, Permill::one())]
		);
		assert!(events().contains(&Event::RightAdded {
			content,
			right: subtitles,
			holder: CREATOR
		}));
		// The new right trades like the standard ones.
		assert_ok!(Content::transfer_right(signed(CREATOR), content, subtitles, BUYER, pct(50)));
		assert_eq!(Content::rights_view(content).map(|v| v.rights.len()), Some(4));
	});
}

#[test]
fn add_right_refusals() {
	test(|| {
		let content = register();
		assert_noop!(
			Content::add_right(signed(BUYER), content, Right::Other(1)),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Content::add_right(signed(CREATOR), content, Right::Promotion),
			Error::<Test>::RightExists
		);
		assert_noop!(
			Content::add_right(signed(CREATOR), content + 1, Right::Other(1)),
			Error::<Test>::UnknownContent
		);
		// MAX_RIGHTS is 4: three standard ones and one more.
		assert_ok!(Content::add_right(signed(CREATOR), content, Right::Other(1)));
		assert_noop!(
			Content::add_right(signed(CREATOR), content, Right::Other(2)),
			Error::<Test>::TooManyRights
		);
	});
}

#[test]
fn the_owner_authorises_and_revokes_gateways() {
	test(|| {
		let content = register();
		assert_ok!(Content::authorise_gateway(signed(CREATOR), content, GATEWAY));
		assert_eq!(Gateways::<Test>::get(content).to_vec(), vec![GATEWAY]);
		assert!(events().contains(&Event::GatewayAuthorised { content, gateway: GATEWAY }));
		assert_ok!(Content::revoke_gateway(signed(CREATOR), content, GATEWAY));
		assert!(Gateways::<Test>::get(content).is_empty());
		assert!(events().contains(&Event::GatewayRevoked { content, gateway: GATEWAY }));
	});
}

#[test]
fn gateway_refusals() {
	test(|| {
		let content = register();
		let authorise = |who, gateway| Content::authorise_gateway(signed(who), content, gateway);
		assert_noop!(authorise(BUYER, GATEWAY), Error::<Test>::NotOwner);
		assert_noop!(authorise(CREATOR, OUTSIDER), Error::<Test>::NotParticipant);
		assert_noop!(
			Content::authorise_gateway(signed(CREATOR), content + 1, GATEWAY),
			Error::<Test>::UnknownContent
		);
		assert_ok!(authorise(CREATOR, GATEWAY));
		assert_noop!(authorise(CREATOR, GATEWAY), Error::<Test>::GatewayExists);
		assert_ok!(authorise(CREATOR, BUYER));
		assert_noop!(authorise(CREATOR, BUYER2), Error::<Test>::TooManyGateways);
		assert_noop!(
			Content::revoke_gateway(signed(BUYER), content, GATEWAY),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Content::revoke_gateway(signed(CREATOR), content, BUYER2),
			Error::<Test>::UnauthorisedGateway
		);
	});
}

#[test]
fn banned_participants_cannot_act() {
	test(|| {
		let content = market();
		assert_ok!(Content::buy_licence(signed(BUYER), content, 0, None));
		for who in [CREATOR, DISTRIBUTOR, GATEWAY, BUYER] {
			MockRegistry::ban(&who);
		}
		assert_noop!(
			Content::transfer_ownership(signed(CREATOR), content, BUYER2),
			Error::<Test>::Banned
		);
		assert_noop!(
			Content::add_right(signed(CREATOR), content, Right::Other(1)),
			Error::<Test>::Banned
		);
		assert_noop!(
			Content::authorise_gateway(signed(CREATOR), content, BUYER2),
			Error::<Test>::Banned
		);
		assert_noop!(
			Content::transfer_right(
				signed(DISTRIBUTOR),
				content,
				Right::Distribution,
				BUYER2,
				pct(1)
			),
			Error::<Test>::Banned
		);
		assert_noop!(
			Content::record_access(signed(GATEWAY), content, BUYER),
			Error::<Test>::Banned
		);
		assert_noop!(
			Content::offer_licence(signed(BUYER), content, Some(10)),
			Error::<Test>::Banned
		);
		// Giving back stays open: the publisher withdraws its terms.
		assert_ok!(Content::withdraw_terms(signed(DISTRIBUTOR), content, 0));
	});
}
