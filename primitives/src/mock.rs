//! Test doubles (feature `test-utils`), so a pallet's unit tests build only that pallet.
//!
//! [`MockRegistry`] and [`MockLedger`] keep their state in the test externalities' storage
//! (under keys of their own), so each test starts empty, a failed call's changes roll back with
//! the call's, and `assert_noop!` sees any change they make. Tests set them up with their
//! associated functions (`admit`, `ban`, `create_asset`, `mint`, …); pallets see them through
//! [`ParticipantRegistry`] and [`RegulatedTransfer`]. [`MockContracts`] is the code contract
//! accounts run, for the registry's contract participants.

use crate::{
	AccountKind, AssetId, ContractCode, Inactive, ParticipantRegistry, RegulatedTransfer, Role,
	RoleSet, Standing,
};
use sp_core::H256;
use alloc::vec::Vec;
use codec::{Decode, Encode};
use core::marker::PhantomData;
use frame_support::{pallet_prelude::DispatchResult, storage::unhashed, weights::Weight};
use sp_runtime::{traits::AtLeast32BitUnsigned, DispatchError, Permill};

const PARTICIPANT: &[u8] = b":pactum-mock-registry:participant:";
const BAN: &[u8] = b":pactum-mock-registry:ban:";
const RECOVERED: &[u8] = b":pactum-mock-registry:recovered:";
const ASSET: &[u8] = b":pactum-mock-ledger:asset:";
const BALANCE: &[u8] = b":pactum-mock-ledger:balance:";
const HELD: &[u8] = b":pactum-mock-ledger:held:";
const CODE: &[u8] = b":pactum-mock-contracts:code:";

#[derive(Clone, Encode, Decode)]
struct Record {
	kind: AccountKind,
	kyc_level: u8,
	roles: RoleSet,
	org_code: Option<Vec<u8>>,
	references: u32,
}

fn key<A: Encode>(prefix: &[u8], who: &A) -> Vec<u8> {
	let mut key = prefix.to_vec();
	who.encode_to(&mut key);
	key
}

fn record<A: Encode>(who: &A) -> Option<Record> {
	unhashed::get(&key(PARTICIPANT, who))
}

fn update<A: Encode>(who: &A, f: impl FnOnce(&mut Record)) {
	if let Some(mut r) = record(who) {
		f(&mut r);
		unhashed::put(&key(PARTICIPANT, who), &r);
	}
}

/// A registry double: participants, roles, bans, organisation codes and reference counts.
pub struct MockRegistry;

impl MockRegistry {
	/// Makes `who` a participant (or updates it): `Verified` at `kyc_level`, or `Unverified` for
	/// 0, holding `roles` besides any it held.
	pub fn admit<A: Encode>(who: &A, kyc_level: u8, roles: &[Role]) {
		let mut r = record(who).unwrap_or(Record {
			kind: AccountKind::Unverified,
			kyc_level: 0,
			roles: RoleSet::default(),
			org_code: None,
			references: 0,
		});
		r.kyc_level = kyc_level;
		r.kind = if kyc_level > 0 { AccountKind::Verified } else { AccountKind::Unverified };
		for role in roles {
			r.roles.insert(*role);
		}
		unhashed::put(&key(PARTICIPANT, who), &r);
	}
	/// Sets a participant's kind.
	pub fn set_kind<A: Encode>(who: &A, kind: AccountKind) {
		update(who, |r| r.kind = kind);
	}
	/// Sets a participant's KYC level in force (0: expired or never verified).
	pub fn set_kyc_level<A: Encode>(who: &A, level: u8) {
		update(who, |r| r.kyc_level = level);
	}
	/// Takes `role` from a participant.
	pub fn revoke<A: Encode>(who: &A, role: Role) {
		update(who, |r| r.roles.remove(role));
	}
	/// Gives a participant the organisation code `code`.
	pub fn set_org_code<A: Encode>(who: &A, code: &[u8]) {
		update(who, |r| r.org_code = Some(code.to_vec()));
	}
	/// Takes a participant's organisation code away.
	pub fn clear_org_code<A: Encode>(who: &A) {
		update(who, |r| r.org_code = None);
	}
	/// Bans `who` (registered or not) until [`Self::unban`].
	pub fn ban<A: Encode>(who: &A) {
		unhashed::put(&key(BAN, who), &());
	}
	/// Lifts `who`'s ban.
	pub fn unban<A: Encode>(who: &A) {
		unhashed::kill(&key(BAN, who));
	}
	/// Removes the participant, as if it had left.
	pub fn remove<A: Encode>(who: &A) {
		unhashed::kill(&key(PARTICIPANT, who));
	}
	/// Moves the participant `lost` to `new`, as a finished recovery does (references included);
	/// the pallet's own hook is the test's to call.
	pub fn recover<A: Encode>(lost: &A, new: &A) {
		if let Some(r) = record(lost) {
			unhashed::kill(&key(PARTICIPANT, lost));
			unhashed::put(&key(PARTICIPANT, new), &r);
		}
		unhashed::put(&key(RECOVERED, lost), new);
	}
	/// How many references other records hold on `who` (0 if not a participant).
	pub fn references<A: Encode>(who: &A) -> u32 {
		record(who).map_or(0, |r| r.references)
	}
}

impl<A: Encode + Decode> ParticipantRegistry<A> for MockRegistry {
	fn standing(who: &A) -> Option<Standing> {
		let r = record(who)?;
		Some(Standing {
			kind: r.kind,
			kyc_level: r.kyc_level,
			roles: r.roles,
			banned: Self::is_banned(who),
		})
	}
	fn is_banned(who: &A) -> bool {
		unhashed::exists(&key(BAN, who))
	}
	fn has_role(who: &A, role: Role) -> bool {
		record(who).is_some_and(|r| r.roles.contains(role)) && !Self::is_banned(who)
	}
	fn org_code(who: &A) -> Option<Vec<u8>> {
		record(who)?.org_code
	}
	fn add_reference(who: &A) -> DispatchResult {
		let mut r = record(who).ok_or(DispatchError::Other("not a participant"))?;
		r.references = r.references.checked_add(1).ok_or(DispatchError::Other("too many references"))?;
		unhashed::put(&key(PARTICIPANT, who), &r);
		Ok(())
	}
	fn remove_reference(who: &A) {
		update(who, |r| r.references = r.references.saturating_sub(1));
	}
	fn recovered_to(who: &A) -> Option<A> {
		unhashed::get(&key(RECOVERED, who))
	}
	fn standing_weight() -> Weight {
		Weight::from_parts(200_000, 1_000)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmarks(who: &A, kyc_level: u8, roles: &[Role]) {
		Self::admit(who, kyc_level, roles);
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_org_code_for_benchmarks(who: &A, code: Vec<u8>) {
		Self::set_org_code(who, &code);
	}
}

/// A regulated-ledger double: assets with a fee collector and a percentage fee the sender pays on
/// top of the amount (rounded up, as the tokens pallet rounds); both parties must be active
/// participants of [`MockRegistry`]. Refusals are `DispatchError::Other` with the name the tokens
/// pallet's error has (`UnknownAsset`, `SenderNotParticipant`, `SenderBanned`,
/// `RecipientNotParticipant`, `RecipientBanned`, `InsufficientBalance`, `Overflow`). A held
/// payment ([`RegulatedTransfer::transfer_held`]) is recorded for its recipient
/// ([`MockLedger::held_for`]). Holder policies, limits and freezing are the tokens pallet's own
/// tests' business.
pub struct MockLedger<Balance>(PhantomData<Balance>);

#[derive(Encode, Decode)]
struct MockAsset {
	collector: Vec<u8>,
	fee: Permill,
}

impl<B: AtLeast32BitUnsigned + Encode + Decode + Copy> MockLedger<B> {
	/// Creates `asset`, whose transfers pay `fee` of the amount to `collector`.
	pub fn create_asset<A: Encode>(asset: AssetId, collector: &A, fee: Permill) {
		unhashed::put(&key(ASSET, &asset), &MockAsset { collector: collector.encode(), fee });
	}
	/// Adds `amount` of `asset` to `who`.
	pub fn mint<A: Encode>(asset: AssetId, who: &A, amount: B) {
		let now = Self::balance(asset, who);
		unhashed::put(&key(BALANCE, &(asset, who)), &now.saturating_add(amount));
	}
	/// `who`'s balance of `asset`.
	pub fn balance<A: Encode>(asset: AssetId, who: &A) -> B {
		unhashed::get(&key(BALANCE, &(asset, who))).unwrap_or_else(B::zero)
	}
	/// What is held of `asset` for `who` (payments it could not receive).
	pub fn held_for<A: Encode>(asset: AssetId, who: &A) -> B {
		unhashed::get(&key(HELD, &(asset, who))).unwrap_or_else(B::zero)
	}

	fn asset(asset: AssetId) -> Option<MockAsset> {
		unhashed::get(&key(ASSET, &asset))
	}

	/// The asset, if it exists and `from` may send it.
	fn sender_side<A: Encode + Decode>(asset: AssetId, from: &A) -> Result<MockAsset, DispatchError> {
		let details = Self::asset(asset).ok_or(DispatchError::Other("UnknownAsset"))?;
		<MockRegistry as ParticipantRegistry<A>>::ensure_active(from).map_err(|e| match e {
			Inactive::NotParticipant => DispatchError::Other("SenderNotParticipant"),
			Inactive::Banned => DispatchError::Other("SenderBanned"),
		})?;
		Ok(details)
	}

	/// `from` pays `amount` and the fee (to the collector) of an asset with `details`.
	fn pay<A: Encode + Decode>(details: MockAsset, asset: AssetId, from: &A, amount: B) -> DispatchResult {
		let fee = details.fee.mul_ceil(amount);
		let total = amount.checked_add(&fee).ok_or(DispatchError::Other("Overflow"))?;
		Self::debit(asset, from, total)?;
		if !fee.is_zero() {
			let collector =
				A::decode(&mut &details.collector[..]).map_err(|_| DispatchError::Corruption)?;
			Self::mint(asset, &collector, fee);
		}
		Ok(())
	}

	fn debit<A: Encode>(asset: AssetId, who: &A, amount: B) -> DispatchResult {
		let left = Self::balance(asset, who)
			.checked_sub(&amount)
			.ok_or(DispatchError::Other("InsufficientBalance"))?;
		unhashed::put(&key(BALANCE, &(asset, who)), &left);
		Ok(())
	}
}

impl<A: Encode + Decode, B: AtLeast32BitUnsigned + Encode + Decode + Copy> RegulatedTransfer<A>
	for MockLedger<B>
{
	type Balance = B;

	fn asset_exists(asset: AssetId) -> bool {
		Self::asset(asset).is_some()
	}

	fn transfer(asset: AssetId, from: &A, to: &A, amount: B) -> DispatchResult {
		let details = Self::sender_side(asset, from)?;
		<MockRegistry as ParticipantRegistry<A>>::ensure_active(to).map_err(|e| match e {
			Inactive::NotParticipant => DispatchError::Other("RecipientNotParticipant"),
			Inactive::Banned => DispatchError::Other("RecipientBanned"),
		})?;
		Self::pay(details, asset, from, amount)?;
		Self::mint(asset, to, amount);
		Ok(())
	}

	fn transfer_held(asset: AssetId, from: &A, to: &A, amount: B) -> DispatchResult {
		let details = Self::sender_side(asset, from)?;
		Self::pay(details, asset, from, amount)?;
		let held = Self::held_for(asset, to).saturating_add(amount);
		unhashed::put(&key(HELD, &(asset, to)), &held);
		Ok(())
	}

	fn transfer_weight() -> Weight {
		Weight::from_parts(1_000_000, 1_000)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_mock_registry_answers_as_the_registry_would() {
		sp_io::TestExternalities::default().execute_with(|| {
			let (alice, bob) = (1u64, 2u64);
			assert_eq!(<MockRegistry as ParticipantRegistry<u64>>::standing(&alice), None);
			MockRegistry::admit(&alice, 2, &[Role(7)]);
			let standing = <MockRegistry as ParticipantRegistry<u64>>::standing(&alice).unwrap();
			assert_eq!((standing.kind, standing.kyc_level), (AccountKind::Verified, 2));
			assert!(<MockRegistry as ParticipantRegistry<u64>>::has_role(&alice, Role(7)));
			assert!(!<MockRegistry as ParticipantRegistry<u64>>::has_role(&alice, Role(8)));
			MockRegistry::ban(&alice);
			assert!(!<MockRegistry as ParticipantRegistry<u64>>::has_role(&alice, Role(7)));
			assert_eq!(
				<MockRegistry as ParticipantRegistry<u64>>::ensure_active(&alice),
				Err(crate::Inactive::Banned)
			);
			assert_eq!(
				<MockRegistry as ParticipantRegistry<u64>>::ensure_active(&bob),
				Err(crate::Inactive::NotParticipant)
			);
			MockRegistry::unban(&alice);
			assert!(<MockRegistry as ParticipantRegistry<u64>>::add_reference(&alice).is_ok());
			assert!(<MockRegistry as ParticipantRegistry<u64>>::add_reference(&bob).is_err());
			assert_eq!(MockRegistry::references(&alice), 1);
			<MockRegistry as ParticipantRegistry<u64>>::remove_reference(&alice);
			assert_eq!(MockRegistry::references(&alice), 0);
		});
	}

	#[test]
	fn the_mock_ledger_charges_its_fee_and_refuses_inactive_parties() {
		sp_io::TestExternalities::default().execute_with(|| {
			let (alice, bob, collector, outsider) = (1u64, 2u64, 3u64, 4u64);
			type Ledger = MockLedger<u64>;
			MockRegistry::admit(&alice, 1, &[]);
			MockRegistry::admit(&bob, 1, &[]);
			Ledger::create_asset(7, &collector, Permill::from_percent(1));
			Ledger::mint(7, &alice, 1_000);
			assert!(<Ledger as RegulatedTransfer<u64>>::asset_exists(7));
			assert_eq!(<Ledger as RegulatedTransfer<u64>>::transfer(7, &alice, &bob, 150), Ok(()));
			// 1 % of 150 is 1.5, rounded up.
			assert_eq!(
				(Ledger::balance(7, &alice), Ledger::balance(7, &bob), Ledger::balance(7, &collector)),
				(848, 150, 2)
			);
			let refused = |from: &u64, to: &u64, amount| {
				<Ledger as RegulatedTransfer<u64>>::transfer(7, from, to, amount)
			};
			assert_eq!(refused(&alice, &outsider, 1), Err(DispatchError::Other("RecipientNotParticipant")));
			assert_eq!(refused(&outsider, &alice, 1), Err(DispatchError::Other("SenderNotParticipant")));
			assert_eq!(refused(&alice, &bob, 900), Err(DispatchError::Other("InsufficientBalance")));
			MockRegistry::ban(&bob);
			assert_eq!(refused(&alice, &bob, 1), Err(DispatchError::Other("RecipientBanned")));
			assert_eq!(
				<Ledger as RegulatedTransfer<u64>>::transfer(8, &alice, &bob, 1),
				Err(DispatchError::Other("UnknownAsset"))
			);
		});
	}
}

/// The code contract accounts run ([`ContractCode`]), as pallet-contracts records it:
/// [`MockContracts::deploy`] and [`MockContracts::terminate`] change it.
pub struct MockContracts;

impl MockContracts {
	/// `contract` runs `code` (a new contract, or one that replaced its code).
	pub fn deploy<A: Encode>(contract: &A, code: H256) {
		unhashed::put(&key(CODE, contract), &code);
	}
	/// `contract` was terminated.
	pub fn terminate<A: Encode>(contract: &A) {
		unhashed::kill(&key(CODE, contract));
	}
}

impl<A: Encode + Decode> ContractCode<A, H256> for MockContracts {
	fn code_hash(contract: &A) -> Option<H256> {
		unhashed::get(&key(CODE, contract))
	}
	/// A contract account derived from `deployer`, running the code `[0xc0; 32]`.
	#[cfg(feature = "runtime-benchmarks")]
	fn deploy_for_benchmarks(deployer: &A) -> (A, H256) {
		use sp_runtime::traits::{BlakeTwo256, Hash, TrailingZeroInput};
		let seed = BlakeTwo256::hash(&(b"contract", deployer).encode());
		let contract = A::decode(&mut TrailingZeroInput::new(seed.as_ref()))
			.expect("any account decodes from enough bytes");
		let code = H256::repeat_byte(0xc0);
		Self::deploy(&contract, code);
		(contract, code)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn terminate_for_benchmarks(contract: &A) {
		Self::terminate(contract);
	}
}
