//! Builds the runtime's Wasm with its metadata hash (RFC 78) compiled in: the builder compiles the
//! Wasm, reads its metadata, then compiles it again with `RUNTIME_METADATA_HASH` set, which
//! `CheckMetadataHash` puts in what a transaction signs when its signer asks for mode 1 (Ledger's
//! generic app, PAPI's `withMetadataHash`). The symbol and decimals are the chain's
//! (`TOKEN_SYMBOL`, `TOKEN_DECIMALS` in src/lib.rs; a test checks they agree).

fn main() {
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("PACT", 12)
		.build();
}
