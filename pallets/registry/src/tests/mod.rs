//! Tests of every call's success and refusals, lazy expiry, recovery and the interface other
//! pallets use. Each test runs through `mock::test`, which checks the invariants at the end.

mod bans;
mod clients;
mod contracts;
mod interface;
mod kyc;
mod org_codes_and_keys;
mod participants;
mod recovery;
mod roles;

use crate::mock::*;
use frame_support::assert_ok;

/// Registers `who` and returns its origin.
pub(super) fn register(who: AccountId) -> RuntimeOrigin {
	assert_ok!(Registry::register(RuntimeOrigin::signed(who)));
	RuntimeOrigin::signed(who)
}

pub(super) fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub(super) fn hash(n: u8) -> sp_core::H256 {
	sp_core::H256::repeat_byte(n)
}
