//! Content NFTs: pallet-nfts holds the items, the content pallet the rights, licences and
//! royalty splits. Every pallet-nfts call is refused by the runtime's call filter, so a content's
//! NFT moves only through the content pallet.

use crate::{
	deposit, AccountId, Balance, Balances, BlockNumber, Registry, Runtime, RuntimeCall,
	RuntimeHoldReason, Signature, System, Tokens, DAYS,
};
use frame_support::{
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, Contains, NeverEnsureOrigin},
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::{traits::Verify, Permill};

/// pallet-nfts' own calls: all refused (see `configs::system`'s `BaseCallFilter`).
pub struct NftsCalls;
impl Contains<RuntimeCall> for NftsCalls {
	fn contains(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::Nfts(_))
	}
}

parameter_types! {
	pub NftFeatures: pallet_nfts::PalletFeatures = pallet_nfts::PalletFeatures::all_enabled();
	pub const NftsMaxDeadline: BlockNumber = 30 * DAYS;
}

impl pallet_nfts::Config for Runtime {
	type RuntimeEvent = crate::RuntimeEvent;
	type CollectionId = u32;
	type ItemId = pallet_content::ContentId;
	type Currency = Balances;
	/// Only the content pallet creates the collection and mints (through the traits).
	type CreateOrigin = AsEnsureOriginWithArg<NeverEnsureOrigin<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Locker = ();
	/// No deposits here: the content pallet holds its own for every content.
	type CollectionDeposit = ConstU128<0>;
	type ItemDeposit = ConstU128<0>;
	type MetadataDepositBase = ConstU128<0>;
	type AttributeDepositBase = ConstU128<0>;
	type DepositPerByte = ConstU128<0>;
	type StringLimit = ConstU32<256>;
	type KeyLimit = ConstU32<64>;
	type ValueLimit = ConstU32<256>;
	type ApprovalsLimit = ConstU32<20>;
	type ItemAttributesApprovalsLimit = ConstU32<20>;
	type MaxTips = ConstU32<10>;
	type MaxDeadlineDuration = NftsMaxDeadline;
	type MaxAttributesPerCall = ConstU32<10>;
	type Features = NftFeatures;
	type OffchainSignature = Signature;
	type OffchainPublic = <Signature as Verify>::Signer;
	type WeightInfo = pallet_nfts::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type Helper = ();
	type BlockNumberProvider = System;
}

parameter_types! {
	pub const ContentPalletId: PalletId = PalletId(*b"pct/cont");
	/// All one content can come to hold in storage: its record and hash index, its NFT (item,
	/// owner index, config, metadata), its gateways, `MaxRights` rights with `MaxRightHolders`
	/// holders each, and each of those holders' index entry: 143 items of 15,609 bytes at most
	/// (`tests::content::the_content_deposit_covers_all_a_content_can_hold` recomputes it from the
	/// storage's largest sizes). About 4.4 PACT.
	pub const ContentDeposit: Balance = deposit(143, 15_609);
	pub const TermsDeposit: Balance = deposit(1, 80);
	pub const LicenceDeposit: Balance = deposit(1, 80);
	pub const ReferralDeposit: Balance = deposit(1, 100);
	/// A buyer earns 5 % of the price in credits when it buys through a referral code.
	pub const ReferralCredit: Permill = Permill::from_percent(5);
}

impl pallet_content::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registry = Registry;
	type Tokens = Tokens;
	type ContentDeposit = ContentDeposit;
	type TermsDeposit = TermsDeposit;
	type LicenceDeposit = LicenceDeposit;
	type ReferralDeposit = ReferralDeposit;
	type ReferralCredit = ReferralCredit;
	type PalletId = ContentPalletId;
	type MaxCreators = ConstU32<8>;
	type MaxRightHolders = ConstU32<16>;
	type MaxRights = ConstU32<8>;
	type MaxTerms = ConstU32<16>;
	type MaxGateways = ConstU32<16>;
	/// pallet-nfts' `StringLimit`.
	type MaxUriLen = ConstU32<256>;
	type MaxCodeLen = ConstU32<32>;
	type WeightInfo = pallet_content::weights::SubstrateWeight<Runtime>;
}
