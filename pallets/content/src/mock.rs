//! A test runtime: system, balances, pallet-nfts and the content pallet, with the registry and
//! regulated-ledger doubles of `pactum-primitives` (prices in a regulated asset pay through the
//! ledger double, which charges the asset's fee as the tokens pallet does).

use crate::{self as pallet_content, ContentId, LicenceTerms, PaymentAsset, RoleShares, Royalties};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, ConstU64, NeverEnsureOrigin},
	BoundedVec, PalletId,
};
use frame_system::EnsureRoot;
pub use pactum_primitives::mock::{MockLedger, MockRegistry};
use sp_runtime::{
	testing::{TestSignature, UintAuthorityId},
	BuildStorage, Permill,
};

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
	#[runtime::pallet_index(6)]
	pub type Nfts = pallet_nfts;
	#[runtime::pallet_index(7)]
	pub type Content = pallet_content;
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

parameter_types! {
	pub const ContentPalletId: PalletId = PalletId(*b"pct/cont");
	pub NftFeatures: pallet_nfts::PalletFeatures = pallet_nfts::PalletFeatures::all_enabled();
}

/// pallet-nfts' benchmark helper for this runtime's `u64` accounts.
#[cfg(feature = "runtime-benchmarks")]
pub struct NftsHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_nfts::BenchmarkHelper<u32, u32, UintAuthorityId, AccountId, TestSignature>
	for NftsHelper
{
	fn collection(i: u16) -> u32 {
		i.into()
	}
	fn item(i: u16) -> u32 {
		i.into()
	}
	fn signer() -> (UintAuthorityId, AccountId) {
		(UintAuthorityId(0), 0)
	}
	fn sign(signer: &UintAuthorityId, message: &[u8]) -> TestSignature {
		TestSignature(signer.0, message.to_vec())
	}
}

impl pallet_nfts::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type CollectionId = u32;
	type ItemId = ContentId;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<NeverEnsureOrigin<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Locker = ();
	/// The content pallet holds its own deposits.
	type CollectionDeposit = ConstU64<0>;
	type ItemDeposit = ConstU64<0>;
	type MetadataDepositBase = ConstU64<0>;
	type AttributeDepositBase = ConstU64<0>;
	type DepositPerByte = ConstU64<0>;
	type StringLimit = ConstU32<64>;
	type KeyLimit = ConstU32<32>;
	type ValueLimit = ConstU32<64>;
	type ApprovalsLimit = ConstU32<4>;
	type ItemAttributesApprovalsLimit = ConstU32<2>;
	type MaxTips = ConstU32<4>;
	type MaxDeadlineDuration = ConstU64<1000>;
	type MaxAttributesPerCall = ConstU32<2>;
	type Features = NftFeatures;
	type OffchainSignature = TestSignature;
	type OffchainPublic = UintAuthorityId;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type Helper = NftsHelper;
	type BlockNumberProvider = System;
}

pub const MAX_CREATORS: u32 = 3;
pub const MAX_HOLDERS: u32 = 3;
pub const MAX_RIGHTS: u32 = 4;
pub const MAX_TERMS: u32 = 2;
pub const MAX_GATEWAYS: u32 = 2;
pub const CONTENT_DEPOSIT: u64 = 50;
pub const TERMS_DEPOSIT: u64 = 20;
pub const LICENCE_DEPOSIT: u64 = 10;
pub const REFERRAL_DEPOSIT: u64 = 5;

parameter_types! {
	pub const ReferralCredit: Permill = Permill::from_percent(5);
}

impl pallet_content::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registry = MockRegistry;
	type Tokens = MockLedger<u64>;
	type ContentDeposit = ConstU64<CONTENT_DEPOSIT>;
	type TermsDeposit = ConstU64<TERMS_DEPOSIT>;
	type LicenceDeposit = ConstU64<LICENCE_DEPOSIT>;
	type ReferralDeposit = ConstU64<REFERRAL_DEPOSIT>;
	type ReferralCredit = ReferralCredit;
	type PalletId = ContentPalletId;
	type MaxCreators = ConstU32<MAX_CREATORS>;
	type MaxRightHolders = ConstU32<MAX_HOLDERS>;
	type MaxRights = ConstU32<MAX_RIGHTS>;
	type MaxTerms = ConstU32<MAX_TERMS>;
	type MaxGateways = ConstU32<MAX_GATEWAYS>;
	type MaxUriLen = ConstU32<64>;
	type MaxCodeLen = ConstU32<16>;
	type WeightInfo = ();
}

/// The creator who registers the content.
pub const CREATOR: AccountId = 10;
/// A co-creator.
pub const COAUTHOR: AccountId = 11;
pub const DISTRIBUTOR: AccountId = 12;
pub const PROMOTER: AccountId = 13;
pub const BUYER: AccountId = 14;
pub const BUYER2: AccountId = 15;
pub const GATEWAY: AccountId = 16;
/// Receives the tokens asset's fees.
pub const COLLECTOR: AccountId = 17;
/// Funded, not registered.
pub const OUTSIDER: AccountId = 20;
pub const FUNDS: u64 = 1_000_000;

pub const ASSET: pactum_primitives::AssetId = 7;
pub const HASH: [u8; 32] = [0xC7; 32];

pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let funded = [CREATOR, COAUTHOR, DISTRIBUTOR, PROMOTER, BUYER, BUYER2, GATEWAY]
		.into_iter()
		.chain([COLLECTOR, OUTSIDER]);
	pallet_balances::GenesisConfig::<Test> {
		balances: funded.map(|who| (who, FUNDS)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		for who in [CREATOR, COAUTHOR, DISTRIBUTOR, PROMOTER, BUYER, BUYER2, GATEWAY, COLLECTOR] {
			MockRegistry::admit(&who, 1, &[]);
		}
	});
	ext
}

/// Runs `test`, then checks the pallets' invariants.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Content::do_try_state().expect("content invariants hold");
	});
}

/// Creators 60 %, owner 10 %, distributors 20 %, promoters 10 % on the first sale; creators
/// 50 %, owner 30 %, distributors 10 %, promoters 10 % later; resale royalty 20 %.
pub fn royalties() -> Royalties {
	let pct = Permill::from_percent;
	Royalties {
		first_sale: RoleShares {
			creators: pct(60),
			owner: pct(10),
			distributors: pct(20),
			promoters: pct(10),
		},
		later: RoleShares {
			creators: pct(50),
			owner: pct(30),
			distributors: pct(10),
			promoters: pct(10),
		},
		resale: pct(20),
	}
}

pub fn uri() -> BoundedVec<u8, ConstU32<64>> {
	BoundedVec::truncate_from(b"ipfs://content".to_vec())
}

pub fn creators(
	list: &[(AccountId, u32)],
) -> BoundedVec<(AccountId, Permill), ConstU32<MAX_CREATORS>> {
	BoundedVec::truncate_from(list.iter().map(|(a, p)| (*a, Permill::from_percent(*p))).collect())
}

/// Registers content 0 by `CREATOR` with `CREATOR` 75 % and `COAUTHOR` 25 % as creators.
pub fn register() -> ContentId {
	let id = pallet_content::NextContent::<Test>::get();
	assert_ok!(Content::register(
		signed(CREATOR),
		HASH,
		uri(),
		creators(&[(CREATOR, 75), (COAUTHOR, 25)]),
		royalties()
	));
	id
}

/// Native-priced terms: 1,000 per licence, 3 accesses, 100 blocks, transferable, 500 credits.
pub fn terms() -> LicenceTerms<u64, u64> {
	LicenceTerms {
		price: 1_000,
		asset: PaymentAsset::Native,
		max_accesses: Some(3),
		duration: Some(100),
		transferable: true,
		credit_price: Some(500),
	}
}

/// Registers content 0, gives `DISTRIBUTOR` all of its distribution right and `PROMOTER` all of
/// its promotion right, authorises `GATEWAY`, and publishes `terms()` as `DISTRIBUTOR` (id 0).
pub fn market() -> ContentId {
	let content = register();
	let all = Permill::one();
	assert_ok!(Content::transfer_right(
		signed(CREATOR),
		content,
		crate::Right::Distribution,
		DISTRIBUTOR,
		all
	));
	assert_ok!(Content::transfer_right(
		signed(CREATOR),
		content,
		crate::Right::Promotion,
		PROMOTER,
		all
	));
	assert_ok!(Content::authorise_gateway(signed(CREATOR), content, GATEWAY));
	assert_ok!(Content::publish_terms(signed(DISTRIBUTOR), content, terms()));
	System::reset_events();
	content
}

/// Creates the regulated asset `ASSET` (fee 1 % to `COLLECTOR`) and gives `BUYER` 100,000.
pub fn token_asset() {
	MockLedger::<u64>::create_asset(ASSET, &COLLECTOR, Permill::from_percent(1));
	MockLedger::<u64>::mint(ASSET, &BUYER, 100_000);
}

pub fn free(who: AccountId) -> u64 {
	pallet_balances::Pallet::<Test>::free_balance(who)
}

pub fn tokens(who: AccountId) -> u64 {
	MockLedger::<u64>::balance(ASSET, &who)
}

pub fn events() -> Vec<pallet_content::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Content(e) => Some(e),
			_ => None,
		})
		.collect()
}

pub fn code(text: &[u8]) -> BoundedVec<u8, ConstU32<16>> {
	BoundedVec::truncate_from(text.to_vec())
}
