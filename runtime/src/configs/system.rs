//! `frame-system` and `pallet-timestamp`.

use super::{
	consensus::NodeClaimCalls, content::NftsCalls, contracts::RelaxedCodeUpload,
	tokens::AssetsCalls,
};
use crate::{
	weights, AccountId, Babe, Balance, Block, BlockNumber, Hash, Moment, Nonce, PalletInfo,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, RuntimeTask, SLOT_DURATION, SS58_PREFIX,
	VERSION,
};
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstU32, EverythingBut},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;

/// Share of a block's weight and length that ordinary (not operational) transactions may fill.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// Two seconds of execution per six-second block.
const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(2 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);

parameter_types! {
	pub const Version: sp_version::RuntimeVersion = VERSION;
	pub const BlockHashCount: BlockNumber = 2_400;
	/// frame's sensible defaults for that block, with the base costs of a block and of an
	/// extrinsic measured on the reference machine instead of frame's reference numbers.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(weights::BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |class| {
			class.base_extrinsic = weights::ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |class| {
			class.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |class| {
			class.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			class.reserved =
				Some(MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(frame_support::dispatch::DispatchClass::Normal, |m| {
			*m = NORMAL_DISPATCH_RATIO * *m
		})
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

parameter_types! {
	/// Half the slot duration: the least time between two blocks' timestamps, from which BABE
	/// derives its slot (`slot = timestamp / (2 × MinimumPeriod)`). Kept in storage under
	/// `twox_128(b":MinimumPeriod:")`, absent on every chain Pactum ships, where it is 3 s
	/// (6-second slots). A chain spec may set it in its genesis to run shorter slots (the
	/// node's `dev-fast` and `local-fast` chains do, for tests). Set it in the genesis only,
	/// never on a live chain: BABE would refuse every later block's slot. Read once per block
	/// (then from the block's cache) by the timestamp inherent, beyond its generic weight.
	pub storage MinimumPeriod: Moment = SLOT_DURATION / 2;
}

/// The slot duration in force: twice [`MinimumPeriod`] (BABE's expected block time).
pub struct SlotDuration;
impl frame_support::traits::Get<Moment> for SlotDuration {
	fn get() -> Moment {
		MinimumPeriod::get().saturating_mul(2)
	}
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// A ParityDB read and write as measured on the reference machine (`weights/paritydb_weights.rs`,
	/// `scripts/benchmark.sh storage`), the node's database.
	type DbWeight = weights::ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	/// Everything but uploads of contract code that could not run on chain, pallet-assets' own
	/// calls (the tokens pallet's rules are the only way to move a regulated asset), pallet-nfts'
	/// own calls (a content's NFT moves only through the content pallet) and node-authorization's
	/// signed calls (which nodes connect is governance's).
	type BaseCallFilter =
		EverythingBut<(RelaxedCodeUpload, AssetsCalls, NftsCalls, NodeClaimCalls)>;
	type SystemWeightInfo = frame_system::weights::SubstrateWeight<Runtime>;
	/// The transaction extensions' weights, measured on the reference machine.
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type RuntimeTask = RuntimeTask;
	type PalletInfo = PalletInfo;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = Moment;
	/// BABE checks every block's timestamp against its slot.
	type OnTimestampSet = Babe;
	type MinimumPeriod = MinimumPeriod;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}
