//! A test runtime: system, balances (deposits are holds) and the attestations pallet, with the
//! registry double of `pactum-primitives`.

use crate::{self as pallet_attestations, roles::Attester, KeyPurposes, PublicKey};
use frame_support::{
	assert_ok, derive_impl,
	traits::{ConstU32, ConstU64},
	weights::Weight,
};
pub use pactum_primitives::mock::MockRegistry;
use pactum_primitives::{
	AccountKind, CertificateState, CertificateSummary, DocumentRecords, DocumentSummary,
};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Attestations = pallet_attestations;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const PER_ITEM: u64 = 10;
pub const PER_BYTE: u64 = 1;
pub const MAX_KEYS: u32 = 3;
pub const MAX_SERVICES: u32 = 2;
pub const MAX_ATTRIBUTES: u32 = 3;
pub const MAX_PRECONDITIONS: u32 = 2;
pub const MAX_ENDORSEMENTS: u32 = 2;
pub const MAX_LIFETIME: u64 = 100;
pub const MAX_ACCESSES: u32 = 2;
pub const MAX_ACCESS_LIFETIME: u64 = 50;

impl pallet_attestations::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registry = MockRegistry;
	type Certificates = MockCertificates;
	type DepositPerItem = ConstU64<PER_ITEM>;
	type DepositPerByte = ConstU64<PER_BYTE>;
	type MaxKeys = ConstU32<MAX_KEYS>;
	type MaxServices = ConstU32<MAX_SERVICES>;
	type MaxNameLen = ConstU32<16>;
	type MaxUrlLen = ConstU32<32>;
	type MaxAttributes = ConstU32<MAX_ATTRIBUTES>;
	type MaxPreconditions = ConstU32<MAX_PRECONDITIONS>;
	type MaxEndorsements = ConstU32<MAX_ENDORSEMENTS>;
	type MaxRequestLifetime = ConstU64<MAX_LIFETIME>;
	type MaxAccesses = ConstU32<MAX_ACCESSES>;
	type MaxAccessLifetime = ConstU64<MAX_ACCESS_LIFETIME>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Companies;
	type WeightInfo = TestWeights;
}

/// Certificates of `pallet-documents` as this pallet reads them: kept in the test's storage.
pub struct MockCertificates;
const CERTIFICATE: &[u8] = b":attestations-mock:certificate:";

impl MockCertificates {
	/// The certificate `hash`, held by `holder`, in `state`.
	pub fn put(hash: [u8; 32], holder: AccountId, state: CertificateState) {
		let key = [CERTIFICATE, &hash].concat();
		frame_support::storage::unhashed::put(&key, &(holder, state as u8));
	}
}

impl DocumentRecords<AccountId, u64> for MockCertificates {
	fn document(_: u64) -> Option<DocumentSummary> {
		None
	}
	fn signed(_: u64, _: u32, _: &AccountId) -> bool {
		false
	}
	fn certificate(hash: &[u8; 32]) -> Option<CertificateSummary<AccountId, u64>> {
		let key = [CERTIFICATE, hash].concat();
		let (holder, state) = frame_support::storage::unhashed::get::<(AccountId, u8)>(&key)?;
		let state = match state {
			0 => CertificateState::Valid,
			1 => CertificateState::Expired,
			_ => CertificateState::Revoked,
		};
		Some(CertificateSummary { state, issuer: 0, holder, issued_at: 0, expires_at: None })
	}
}

/// Makes companies in the registry double.
#[cfg(feature = "runtime-benchmarks")]
pub struct Companies;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for Companies {
	fn make_corporate(who: &AccountId) {
		MockRegistry::set_kind(who, AccountKind::Corporate);
	}
	fn certificate(holder: &AccountId, seed: u32) -> [u8; 32] {
		let mut hash = [0xce; 32];
		hash[..4].copy_from_slice(&seed.to_le_bytes());
		MockCertificates::put(hash, *holder, CertificateState::Valid);
		hash
	}
}

/// No weight but for a recovery's steps (`RECOVERY_STEP` each), so tests can meter them.
pub struct TestWeights;
pub const RECOVERY_STEP: u64 = 10;
impl crate::WeightInfo for TestWeights {
	fn create_did(k: u32, s: u32) -> Weight {
		<() as crate::WeightInfo>::create_did(k, s)
	}
	fn change_did() -> Weight {
		Weight::zero()
	}
	fn deactivate_did() -> Weight {
		Weight::zero()
	}
	fn register_schema(_a: u32) -> Weight {
		Weight::zero()
	}
	fn deprecate_schema() -> Weight {
		Weight::zero()
	}
	fn register_device() -> Weight {
		Weight::zero()
	}
	fn issue() -> Weight {
		Weight::zero()
	}
	fn accept() -> Weight {
		Weight::zero()
	}
	fn respond() -> Weight {
		Weight::zero()
	}
	fn amend() -> Weight {
		Weight::zero()
	}
	fn change_attestation() -> Weight {
		Weight::zero()
	}
	fn remove(_e: u32, _g: u32) -> Weight {
		Weight::zero()
	}
	fn present() -> Weight {
		Weight::zero()
	}
	fn endorse() -> Weight {
		Weight::zero()
	}
	fn remove_endorsement() -> Weight {
		Weight::zero()
	}
	fn request(_p: u32, _c: u32) -> Weight {
		Weight::zero()
	}
	fn answer_request(_p: u32) -> Weight {
		Weight::zero()
	}
	fn offer() -> Weight {
		Weight::zero()
	}
	fn accept_offer() -> Weight {
		Weight::zero()
	}
	fn close_request() -> Weight {
		Weight::zero()
	}
	fn access() -> Weight {
		Weight::zero()
	}
	fn recover_deposits() -> Weight {
		Weight::from_parts(RECOVERY_STEP, 0)
	}
	fn recover_attestation() -> Weight {
		Weight::from_parts(RECOVERY_STEP, 0)
	}
}

/// A holder (verified person).
pub const ALICE: AccountId = 1;
/// Another holder.
pub const BOB: AccountId = 2;
/// An attester (an ISP).
pub const ISP: AccountId = 3;
/// Another attester (a partner operator).
pub const PARTNER: AccountId = 4;
/// A company registering devices (an OEM).
pub const OEM: AccountId = 5;
/// A participant without roles (an endorser, a verifier).
pub const CAROL: AccountId = 6;
/// Funded, not registered.
pub const OUTSIDER: AccountId = 7;
/// Registered, with too little to pay a deposit.
pub const POOR: AccountId = 8;

pub const FUNDS: u64 = 1_000_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<_> =
		[ALICE, BOB, ISP, PARTNER, OEM, CAROL, OUTSIDER].map(|who| (who, FUNDS)).to_vec();
	balances.push((POOR, 50));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		for who in [ALICE, BOB, OEM, CAROL, POOR] {
			MockRegistry::admit(&who, 1, &[]);
		}
		for who in [ISP, PARTNER] {
			MockRegistry::admit(&who, 2, &[Attester::ROLE]);
			MockRegistry::set_kind(&who, AccountKind::Corporate);
		}
		MockRegistry::set_kind(&OEM, AccountKind::Corporate);
	});
	ext
}

/// Runs `test` in a fresh genesis and checks the pallet's invariants afterwards.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Attestations::do_try_state().expect("attestations invariants hold");
	});
}

pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}

pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// A signing key made of the byte `n`, for authentication and assertion.
pub fn signing_key(n: u8) -> (PublicKey, KeyPurposes) {
	(PublicKey::Sr25519([n; 32]), KeyPurposes(KeyPurposes::AUTHENTICATION | KeyPurposes::ASSERTION))
}

/// An encryption key made of the byte `n`, for key agreement.
pub fn encryption_key(n: u8) -> (PublicKey, KeyPurposes) {
	(PublicKey::X25519([n; 32]), KeyPurposes(KeyPurposes::KEY_AGREEMENT))
}

/// Gives `who` a DID with a signing key and an encryption key (both from `who`'s number).
pub fn give_did(who: AccountId) {
	let n = who as u8;
	assert_ok!(Attestations::create_did(
		signed(who),
		vec![signing_key(n), encryption_key(n.wrapping_add(100))],
		vec![],
	));
}

/// The last event the pallet emitted.
pub fn last_event() -> crate::Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Attestations(event) => Some(event),
			_ => None,
		})
		.last()
		.expect("an attestations event")
}
