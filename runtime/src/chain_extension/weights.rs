//! What each function of the extension costs, charged before it runs: the benchmarked weight
//! of the pallet work behind it (from each pallet's `WeightInfo`, as the runtime configures it),
//! the code check the acting functions make, and the entry into the runtime any host function
//! costs; plus, for every call, the copying of its input and output per byte.

use crate::Runtime;
use frame_support::weights::Weight;
use pactum_extension_types::func;
use pallet_audit::WeightInfo as _;
use pallet_contracts::WeightInfo as _;
use pallet_documents::WeightInfo as _;
use pallet_registry::WeightInfo as _;
use pallet_tokens::WeightInfo as _;

type Registry = <Runtime as pallet_registry::Config>::WeightInfo;
type Documents = <Runtime as pallet_documents::Config>::WeightInfo;
type Tokens = <Runtime as pallet_tokens::Config>::WeightInfo;
type Audit = <Runtime as pallet_audit::Config>::WeightInfo;
type Contracts = <Runtime as pallet_contracts::Config>::WeightInfo;

/// The weight of function `id` before its input and output, `None` for no such function.
pub fn weight_of(id: u16) -> Option<Weight> {
	// An acting function first reads the code the contract registered with.
	let code_check = <Runtime as frame_system::Config>::DbWeight::get().reads(1);
	// The pallets' benchmarks look up ordinary participants; a contract's standing also reads
	// its record, its code and its registrar: charged for each side that may be a contract.
	let contract_party = Registry::contract_standing();
	let work = match id {
		func::STANDING => Registry::contract_standing(),
		func::REGISTER_SELF => Registry::register_contract(),
		func::LEAVE => Registry::leave_contract(),
		func::DOCUMENT => Documents::document_summary(),
		func::SIGNED => Documents::signed_by(),
		func::CERTIFICATE => Documents::certificate_summary(),
		func::BALANCE => Tokens::ledger_balance(),
		func::QUOTE => Tokens::quote().saturating_add(contract_party.saturating_mul(2)),
		func::TRANSFER => Tokens::transfer()
			.saturating_add(code_check)
			.saturating_add(contract_party.saturating_mul(2)),
		// The requester is a contract; the claimant and the respondent may be.
		func::OPEN_CASE => Audit::open_contract_case()
			.saturating_add(code_check)
			.saturating_add(contract_party.saturating_mul(3)),
		func::CASE => Audit::contract_case_state(),
		func::FORGET_CASE => Audit::forget_case(),
		_ => return None,
	};
	// Entering the runtime from a contract: what pallet-contracts charges its cheapest host
	// function (`seal_caller`), which `call_chain_extension` itself does not charge.
	Some(work.saturating_add(Contracts::seal_caller()))
}

/// Copying `len` bytes between the contract's memory and the runtime, at pallet-contracts'
/// benchmarked rate (`seal_input`'s per-byte cost).
pub fn per_byte(len: u32) -> Weight {
	Contracts::seal_input(len).saturating_sub(Contracts::seal_input(0))
}
