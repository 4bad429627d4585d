//! A test runtime: system with the chain's account type, balances (deposits are holds) and the
//! documents pallet, with the registry double of `pactum-primitives`. Accounts are real sr25519, ed25519 and ECDSA keys, so
//! relayed signatures are real signatures.

use crate::roles::Issuer;
use crate::{self as pallet_documents, DocumentId, VersionIndex};
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64},
};
pub use pactum_primitives::mock::MockRegistry;
use sp_core::{ecdsa, ed25519, sr25519, Pair};
use sp_runtime::{
	traits::{IdentifyAccount, IdentityLookup, Verify},
	AccountId32, BuildStorage, MultiSignature, MultiSigner,
};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = AccountId32;

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
	#[runtime::pallet_index(3)]
	pub type Documents = pallet_documents;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// Signs with a new key each time.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkSigner;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, MultiSignature> for BenchmarkSigner {
	/// As the runtime's helper does: the costliest accepted signature, ECDSA over the payload
	/// wrapped in `<Bytes>…</Bytes>`.
	fn sign(payload: &[u8]) -> (AccountId, MultiSignature) {
		let (pair, _) = ecdsa::Pair::generate();
		let wrapped = [b"<Bytes>".as_slice(), payload, b"</Bytes>".as_slice()].concat();
		(account_of(pair.public()), pair.sign(&wrapped).into())
	}
}

pub const PER_ITEM: u64 = 10;
pub const PER_BYTE: u64 = 1;
pub const MAX_PARTIES: u32 = 4;
pub const MAX_BULK: u32 = 4;

impl pallet_documents::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registry = MockRegistry;
	type Signature = MultiSignature;
	type Signer = <MultiSignature as Verify>::Signer;
	type DepositPerItem = ConstU64<PER_ITEM>;
	type DepositPerByte = ConstU64<PER_BYTE>;
	type MaxParties = ConstU32<MAX_PARTIES>;
	type MaxUriLen = ConstU32<64>;
	type MaxVersions = ConstU32<4>;
	type MaxSupplements = ConstU32<2>;
	type MaxBulkSign = ConstU32<MAX_BULK>;
	type MaxOrgCodeLen = ConstU32<8>;
	type MaxCertTypeLen = ConstU32<16>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkSigner;
	type WeightInfo = ();
}

pub fn account_of(public: impl Into<MultiSigner>) -> AccountId {
	public.into().into_account()
}

/// A party's key, in one of the three schemes the chain accepts.
#[derive(Clone)]
pub enum Key {
	Sr(sr25519::Pair),
	Ed(ed25519::Pair),
	Ecdsa(ecdsa::Pair),
}

impl Key {
	pub fn from_seed(scheme: &str, seed: &str) -> Key {
		match scheme {
			"sr25519" => Key::Sr(sr25519::Pair::from_string(seed, None).unwrap()),
			"ed25519" => Key::Ed(ed25519::Pair::from_string(seed, None).unwrap()),
			_ => Key::Ecdsa(ecdsa::Pair::from_string(seed, None).unwrap()),
		}
	}
	pub fn account(&self) -> AccountId {
		match self {
			Key::Sr(p) => account_of(p.public()),
			Key::Ed(p) => account_of(p.public()),
			Key::Ecdsa(p) => account_of(p.public()),
		}
	}
	pub fn sign(&self, message: &[u8]) -> MultiSignature {
		match self {
			Key::Sr(p) => p.sign(message).into(),
			Key::Ed(p) => p.sign(message).into(),
			Key::Ecdsa(p) => p.sign(message).into(),
		}
	}
	/// This key's signature of the payload for `version` of `document` with `hash`.
	pub fn sign_document(
		&self,
		document: DocumentId,
		version: VersionIndex,
		hash: &crate::ContentHash,
	) -> MultiSignature {
		self.sign(&Documents::signing_payload(document, version, hash))
	}
}

std::thread_local! {
	/// Derived keys by name: deriving a key from its seed phrase is slow.
	static KEYS: core::cell::RefCell<std::collections::BTreeMap<String, Key>> =
		const { core::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

pub fn key(name: &str) -> Key {
	KEYS.with(|keys| {
		keys.borrow_mut()
			.entry(name.into())
			.or_insert_with(|| match name {
				"Charlie" => Key::from_seed("ed25519", "//Charlie"),
				"Dave" => Key::from_seed("ecdsa", "//Dave"),
				_ => Key::from_seed("sr25519", &format!("//{name}")),
			})
			.clone()
	})
}

/// Parties: Alice (sr25519), Bob (sr25519), Charlie (ed25519), Dave (ECDSA).
pub fn alice() -> AccountId {
	key("Alice").account()
}
pub fn bob() -> AccountId {
	key("Bob").account()
}
pub fn charlie() -> AccountId {
	key("Charlie").account()
}
pub fn dave() -> AccountId {
	key("Dave").account()
}
/// A participant that relays signatures.
pub fn operator() -> AccountId {
	key("Operator").account()
}
/// An `Issuer` of organisation `KZ-TEL`, and another of `OTHER`.
pub fn issuer() -> AccountId {
	key("Issuer").account()
}
pub fn other_issuer() -> AccountId {
	key("OtherIssuer").account()
}
/// The security admin (bans).
pub fn security() -> AccountId {
	key("Security").account()
}
/// Funded, not registered.
pub fn outsider() -> AccountId {
	key("Outsider").account()
}
/// Registered, with too little to pay a deposit.
pub fn poor() -> AccountId {
	key("Poor").account()
}

pub const FUNDS: u64 = 1_000_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let funded = [
		alice(),
		bob(),
		charlie(),
		dave(),
		operator(),
		issuer(),
		other_issuer(),
		security(),
		outsider(),
	];
	let mut balances: Vec<_> = funded.iter().map(|who| (who.clone(), FUNDS)).collect();
	balances.push((poor(), 50));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		for who in [alice(), bob(), charlie(), dave(), operator(), poor(), security()] {
			MockRegistry::admit(&who, 1, &[]);
		}
		MockRegistry::admit(&issuer(), 1, &[Issuer::ROLE]);
		MockRegistry::admit(&other_issuer(), 1, &[Issuer::ROLE]);
		MockRegistry::set_org_code(&issuer(), b"KZ-TEL");
		MockRegistry::set_org_code(&other_issuer(), b"OTHER");
	});
	ext
}

/// Runs `test` in a fresh genesis and checks the pallet's invariants afterwards.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Documents::do_try_state().expect("documents invariants hold");
	});
}

pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}
