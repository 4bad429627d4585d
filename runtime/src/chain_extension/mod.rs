//! Pactum's chain extension: what an ink! contract may ask of the native pallets (the registry,
//! documents, regulated tokens and the auditor court), with the ABI of
//! `pactum-extension-types` (function ids, the typed error, the views).
//!
//! Every function:
//! 1. charges its benchmarked weight and the copying of its input (per byte of what the contract
//!    passed, whatever its size) *before* anything else, so an oversized or malformed input is
//!    paid for;
//! 2. refuses with [`PactumError::ReadOnly`] if it changes state and the call is read-only;
//! 3. decodes its arguments from exactly the bytes given (anything else: `InvalidInput`);
//! 4. acts for the calling contract's own account only (a transfer spends the contract's tokens,
//!    a case is staked by the contract) inside a storage transaction, so a refusal leaves no
//!    trace;
//! 5. returns status 0 and the SCALE-encoded result, or the [`PactumError`]'s status code.
//!    A read (a function that changes no state) has no error in its ABI: the contract decodes its
//!    output whatever the status, so a read that cannot answer (its input does not decode) traps
//!    the contract instead of leaving it to decode a buffer nothing was written to.
//!
//! The pallets are reached only through `pactum-primitives`' traits ([`functions`]).

mod errors;
mod functions;
mod weights;

use crate::Runtime;
use codec::{DecodeAll, Encode};
use frame_support::storage::{transactional::with_transaction_opaque_err, TransactionOutcome};
use pactum_extension_types::{self as abi, func, PactumError, EXTENSION_ID};
use pallet_contracts::chain_extension::{
	ChainExtension, Environment, Ext, InitState, RegisteredChainExtension, Result, RetVal,
};
use sp_runtime::DispatchError;

pub use weights::{per_byte, weight_of};

/// The chain extension registered with pallet-contracts under [`EXTENSION_ID`].
#[derive(Default)]
pub struct PactumExtension;

impl RegisteredChainExtension<Runtime> for PactumExtension {
	const ID: u16 = EXTENSION_ID;
}

impl ChainExtension<Runtime> for PactumExtension {
	fn call<E: Ext<T = Runtime>>(&mut self, env: Environment<E, InitState>) -> Result<RetVal> {
		let mut env = env.buf_in_buf_out();
		let id = env.func_id();
		let Some(weight) = weight_of(id) else {
			return Err(DispatchError::Other("unknown Pactum chain extension function"));
		};
		let in_len = env.in_len();
		env.charge_weight(weight.saturating_add(weights::per_byte(in_len)))?;
		if func::changes_state(id) && env.ext().is_read_only() {
			return Ok(RetVal::Converging(PactumError::ReadOnly.status()));
		}
		let input = env.read(in_len)?;
		let outcome = match id {
			func::STANDING => run(&input, |who: abi::AccountId| Ok(functions::standing(&who))),
			func::REGISTER_SELF => {
				let caller = functions::signed_caller(env.ext());
				let (contract, code) = functions::own(env.ext());
				// pallet-contracts stores a contract when its constructor returns.
				let deployed = env.ext().is_contract(&contract);
				run(&input, |()| functions::register_self(&contract, deployed, caller.as_ref(), code))
			},
			func::LEAVE => {
				let (contract, _) = functions::own(env.ext());
				run(&input, |()| functions::leave(&contract))
			},
			func::DOCUMENT => run(&input, |id: abi::DocumentId| Ok(functions::document(id))),
			func::SIGNED => run(
				&input,
				|(id, version, who): (abi::DocumentId, abi::VersionIndex, abi::AccountId)| {
					Ok(functions::signed(id, version, &who))
				},
			),
			func::CERTIFICATE => run(&input, |hash: abi::Hash| Ok(functions::certificate(&hash))),
			func::BALANCE => run(&input, |(asset, who): (abi::AssetId, abi::AccountId)| {
				Ok(functions::balance(asset, &who))
			}),
			func::QUOTE => {
				let (contract, _) = functions::own(env.ext());
				run(&input, |(asset, to, amount): (abi::AssetId, abi::AccountId, abi::Balance)| {
					Ok(functions::quote(&contract, asset, &to, amount))
				})
			},
			func::TRANSFER => {
				let (contract, code) = functions::own(env.ext());
				run(&input, |(asset, to, amount): (abi::AssetId, abi::AccountId, abi::Balance)| {
					functions::transfer(&contract, code, asset, &to, amount)
				})
			},
			func::OPEN_CASE => {
				let caller = functions::signed_caller(env.ext());
				let (contract, code) = functions::own(env.ext());
				run(&input, |request: abi::CaseRequest| {
					functions::open_case(&contract, code, caller.as_ref(), request)
				})
			},
			func::CASE => {
				let (contract, _) = functions::own(env.ext());
				run(&input, |case: abi::CaseId| Ok(functions::case(&contract, case)))
			},
			func::FORGET_CASE => {
				let (contract, _) = functions::own(env.ext());
				run(&input, |case: abi::CaseId| functions::forget_case(&contract, case))
			},
			_ => Err(PactumError::Other),
		};
		match outcome {
			Ok(output) => {
				env.write(&output, false, Some(weights::per_byte(1)))?;
				Ok(RetVal::Converging(0))
			},
			Err(error) if func::changes_state(id) => Ok(RetVal::Converging(error.status())),
			Err(_) => Err(DispatchError::Other("a Pactum chain extension read could not decode its input")),
		}
	}
}

/// Decodes `input` as exactly the arguments `A` (nothing left over) and runs `f` on them in a
/// storage transaction, kept only if `f` succeeds; yields the encoded result.
fn run<A: DecodeAll, R: Encode>(
	input: &[u8],
	f: impl FnOnce(A) -> core::result::Result<R, PactumError>,
) -> core::result::Result<alloc::vec::Vec<u8>, PactumError> {
	let args = A::decode_all(&mut &input[..]).map_err(|_| PactumError::InvalidInput)?;
	with_transaction_opaque_err(|| match f(args) {
		Ok(result) => TransactionOutcome::Commit(Ok(result.encode())),
		Err(error) => TransactionOutcome::Rollback(Err(error)),
	})
	// Out of nested transactions: nothing ran.
	.unwrap_or(Err(PactumError::Other))
}
