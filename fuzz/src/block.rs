//! Block production on the composed runtime, the way a BABE author's block builder does it: a
//! header whose digest holds a BABE pre-digest for the next slot, `initialize_block` (every
//! pallet's `on_initialize`), the timestamp inherent for that slot, each transaction in a storage
//! transaction of its own that is rolled back when the transaction is invalid (the block builder
//! leaves it out of the block), then `finalize_block` (`on_idle`, `on_finalize`, the header).
//!
//! Everything the runtime executes for the block is timed (the CPU time of the case's thread), and the weight it declares for it is
//! added up: the mandatory weight `frame_system` registered (base block, hooks, inherents) and,
//! for every transaction in the block, its declared (pre-dispatch) weight with the base
//! extrinsic weight.

use crate::origins::Signer;
use codec::Encode;
use frame_support::{
	dispatch::{DispatchClass, DispatchInfo, GetDispatchInfo},
	traits::GetCallMetadata,
	weights::Weight,
};
use pactum_runtime::{
	configs::RuntimeBlockWeights, Balance, BlockNumber, Executive, Hash, Header, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, SignedPayload, TxExtension, UncheckedExtrinsic,
	SLOT_DURATION,
};
use sp_consensus_babe::{
	digests::{PreDigest, SecondaryPlainPreDigest},
	Slot, BABE_ENGINE_ID,
};
use sp_core::Pair as _;
use sp_runtime::{
	generic::{Digest, Era},
	traits::Dispatchable,
	transaction_validity::TransactionValidityError,
	DigestItem, DispatchError, MultiAddress, MultiSignature,
};
use crate::cpu_time::CpuInstant;
use std::time::Duration;

/// The slot of block 1: mid-June 2025 in six-second slots, so that timestamps look like real
/// ones to the pallets that keep time (tokens' limit periods).
pub const FIRST_SLOT: u64 = 291_666_666;

/// What became of one call.
#[derive(Clone, Copy, Debug)]
pub enum Outcome {
	/// Dispatched, and the call returned `Ok`.
	Succeeded,
	/// Dispatched (in the block, fees paid), and the call returned this error.
	Failed(DispatchError),
	/// Refused before dispatch (nonce, fees, weight, ...): left out of the block.
	Invalid(TransactionValidityError),
}

/// The chain being built: the last block's number and hash, and the slot it was authored in.
pub struct Chain {
	number: BlockNumber,
	parent: Hash,
	slot: u64,
}

/// The call of a block that took the most time, and what it declared.
#[derive(Clone, Debug)]
pub struct Slowest {
	pub call: (&'static str, &'static str),
	pub took: Duration,
	pub declared: Weight,
}

/// A block between `initialize_block` (and its timestamp) and `finalize_block`.
pub struct OpenBlock {
	pub number: BlockNumber,
	/// The block's timestamp (milliseconds).
	pub now_ms: u64,
	issuance_before: Balance,
	elapsed: Duration,
	declared: Weight,
	slowest: Option<Slowest>,
}

/// A finalized block: what the checks need.
pub struct ClosedBlock {
	pub number: BlockNumber,
	/// `TotalIssuance` before `initialize_block`.
	pub issuance_before: Balance,
	/// CPU time the runtime spent on the block (initialization, inherent, transactions,
	/// finalization), on the case's thread.
	pub elapsed: Duration,
	/// The weight declared for all of it.
	pub declared: Weight,
	pub slowest: Option<Slowest>,
}

impl Chain {
	/// The chain at genesis (inside the case's externalities).
	pub fn after_genesis() -> Self {
		// Block 1's parent is the genesis hash `frame_system` stored at genesis: the hash the
		// transactions' `CheckGenesis` signs.
		Self {
			number: 0,
			parent: frame_system::BlockHash::<Runtime>::get(0u32),
			slot: FIRST_SLOT - 1,
		}
	}

	/// The number the next block will have.
	pub fn next_number(&self) -> BlockNumber {
		self.number.saturating_add(1)
	}

	/// Starts the next block, `slots` slots after the last one (more than one: slots nobody
	/// authored in, as after a stall), and applies its timestamp inherent. `Err` if the runtime
	/// refuses the inherent.
	pub fn open(&mut self, slots: u64) -> Result<OpenBlock, String> {
		self.number = self.next_number();
		self.slot = self.slot.saturating_add(slots.max(1));
		let pre_digest = PreDigest::SecondaryPlain(SecondaryPlainPreDigest {
			authority_index: 0,
			slot: Slot::from(self.slot),
		});
		let header = Header {
			parent_hash: self.parent,
			number: self.number,
			state_root: Default::default(),
			extrinsics_root: Default::default(),
			digest: Digest {
				logs: vec![DigestItem::PreRuntime(BABE_ENGINE_ID, pre_digest.encode())],
			},
		};
		// BABE checks that the timestamp falls in the digest's slot.
		let now_ms = self.slot.saturating_mul(SLOT_DURATION);
		let issuance_before = pallet_balances::TotalIssuance::<Runtime>::get();
		let start = CpuInstant::now();
		let _mode = Executive::initialize_block(&header);
		let timestamp =
			UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
				now: now_ms,
			}));
		let applied = Executive::apply_extrinsic(timestamp);
		// What the executive does before the first transaction (`on_poll`); done here because
		// council and root calls may come first.
		Executive::inherents_applied();
		let elapsed = start.elapsed();
		match applied {
			Ok(Ok(())) => Ok(OpenBlock {
				number: self.number,
				now_ms,
				issuance_before,
				elapsed,
				declared: Weight::zero(),
				slowest: None,
			}),
			other => Err(format!("the timestamp inherent was refused: {other:?}")),
		}
	}
}

impl OpenBlock {
	/// Signs `call` as `signer` (its current nonce, no mortality, `tip`) and applies it.
	pub fn apply_signed(&mut self, signer: &Signer, call: RuntimeCall, tip: Balance) -> Outcome {
		let nonce = frame_system::Pallet::<Runtime>::account_nonce(&signer.account);
		let extension: TxExtension = (
			frame_system::CheckNonZeroSender::<Runtime>::new(),
			frame_system::CheckSpecVersion::<Runtime>::new(),
			frame_system::CheckTxVersion::<Runtime>::new(),
			frame_system::CheckGenesis::<Runtime>::new(),
			frame_system::CheckEra::<Runtime>::from(Era::Immortal),
			frame_system::CheckNonce::<Runtime>::from(nonce),
			frame_system::CheckWeight::<Runtime>::new(),
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(tip),
			frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
			frame_system::WeightReclaim::<Runtime>::new(),
		);
		let payload = match SignedPayload::new(call, extension) {
			Ok(payload) => payload,
			Err(invalid) => return Outcome::Invalid(invalid),
		};
		let signature = payload.using_encoded(|bytes| signer.pair.sign(bytes));
		let (call, extension, _) = payload.deconstruct();
		let extrinsic = UncheckedExtrinsic::new_signed(
			call,
			MultiAddress::Id(signer.account.clone()),
			MultiSignature::Sr25519(signature),
			extension,
		);
		let mut info = extrinsic.function.get_dispatch_info();
		info.extension_weight = extrinsic.extension_weight();
		self.apply(extrinsic, info)
	}

	/// Applies `call` as a bare extrinsic: dispatched with no origin, as only a block author could
	/// include it.
	pub fn apply_bare(&mut self, call: RuntimeCall) -> Outcome {
		let extrinsic = UncheckedExtrinsic::new_bare(call);
		let info = extrinsic.function.get_dispatch_info();
		self.apply(extrinsic, info)
	}

	/// Dispatches `call` with `origin` directly, with the call filter `origin` carries, as
	/// `Council::close` dispatches an approved motion inside the transaction that closes it.
	pub fn dispatch(&mut self, origin: RuntimeOrigin, call: RuntimeCall) -> Outcome {
		let info = call.get_dispatch_info();
		let name = call_name(&call);
		let start = CpuInstant::now();
		let result = call.dispatch(origin);
		self.count(name, start.elapsed(), info.total_weight());
		match result {
			Ok(_) => Outcome::Succeeded,
			Err(error) => Outcome::Failed(error.error),
		}
	}

	/// Finalizes the block and moves the chain on to it.
	pub fn close(mut self, chain: &mut Chain) -> ClosedBlock {
		let start = CpuInstant::now();
		let header = Executive::finalize_block();
		self.elapsed = self.elapsed.saturating_add(start.elapsed());
		chain.parent = header.hash();
		// Kept until the next block's initialization: the base block weight, the hooks' and the
		// inherent's weight.
		let mandatory = *frame_system::BlockWeight::<Runtime>::get().get(DispatchClass::Mandatory);
		ClosedBlock {
			number: self.number,
			issuance_before: self.issuance_before,
			elapsed: self.elapsed,
			declared: self.declared.saturating_add(mandatory),
			slowest: self.slowest,
		}
	}

	fn apply(&mut self, extrinsic: UncheckedExtrinsic, info: DispatchInfo) -> Outcome {
		let name = call_name(&extrinsic.function);
		// The block builder applies each transaction in a storage transaction and rolls it back
		// when the transaction is invalid.
		sp_io::storage::start_transaction();
		let start = CpuInstant::now();
		let result = Executive::apply_extrinsic(extrinsic);
		let took = start.elapsed();
		match result {
			Ok(dispatched) => {
				sp_io::storage::commit_transaction();
				// Mandatory weight is in `frame_system`'s count already (see `close`).
				let declared = if info.class == DispatchClass::Mandatory {
					Weight::zero()
				} else {
					let base = RuntimeBlockWeights::get().get(info.class).base_extrinsic;
					info.total_weight().saturating_add(base)
				};
				self.count(name, took, declared);
				match dispatched {
					Ok(()) => Outcome::Succeeded,
					Err(error) => Outcome::Failed(error),
				}
			}
			Err(invalid) => {
				sp_io::storage::rollback_transaction();
				Outcome::Invalid(invalid)
			}
		}
	}

	fn count(&mut self, call: (&'static str, &'static str), took: Duration, declared: Weight) {
		self.elapsed = self.elapsed.saturating_add(took);
		self.declared = self.declared.saturating_add(declared);
		if self.slowest.as_ref().is_none_or(|slowest| took > slowest.took) {
			self.slowest = Some(Slowest { call, took, declared });
		}
	}
}

/// The pallet and the name of `call`.
pub fn call_name(call: &RuntimeCall) -> (&'static str, &'static str) {
	let metadata = call.get_call_metadata();
	(metadata.pallet_name, metadata.function_name)
}

/// The result `Sudo::sudo` reported for its call in this block's last `Sudid` event.
pub fn last_sudo_result() -> Option<Result<(), DispatchError>> {
	frame_system::Pallet::<Runtime>::read_events_no_consensus()
		.filter_map(|record| match &record.event {
			RuntimeEvent::Sudo(pallet_sudo::Event::Sudid { sudo_result }) => Some(*sudo_result),
			_ => None,
		})
		.last()
}
