//! Prints the weight Pactum's chain extension charges for each function before it runs (without
//! the per-byte copying of its input and output), next to a native `tokens.transfer`'s:
//! `cargo run --release -p pactum-runtime --example extension_weights`
//! (`bash scripts/throughput.sh extension` runs it).

use pactum_extension_types::func;
use pactum_runtime::{chain_extension::{per_byte, weight_of}, Runtime};
use pallet_tokens::WeightInfo;

fn main() {
	let names = [
		(func::STANDING, "standing"),
		(func::REGISTER_SELF, "register_self"),
		(func::LEAVE, "leave"),
		(func::DOCUMENT, "document"),
		(func::SIGNED, "signed"),
		(func::CERTIFICATE, "certificate"),
		(func::BALANCE, "balance"),
		(func::QUOTE, "quote"),
		(func::TRANSFER, "transfer"),
		(func::OPEN_CASE, "open_case"),
		(func::CASE, "case"),
		(func::FORGET_CASE, "forget_case"),
	];
	println!("{:<8} {:<14} {:>14} {:>12}", "id", "function", "refTime (ps)", "proofSize (B)");
	for (id, name) in names {
		let w = weight_of(id).expect("every ABI function has a weight");
		println!("{id:#06x}   {name:<14} {:>14} {:>12}", w.ref_time(), w.proof_size());
	}
	let byte = per_byte(1);
	println!("per byte of input or output: {} ps", byte.ref_time());
	let native = <Runtime as pallet_tokens::Config>::WeightInfo::transfer();
	println!(
		"native tokens.transfer: refTime {} ps, proofSize {} B",
		native.ref_time(),
		native.proof_size()
	);
}
