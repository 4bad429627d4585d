//! Builds `runtime/` to Wasm once more with its `next-spec-version` feature. The Wasm builder
//! shares its target directory with the runtime's own build, so only the runtime crate itself is
//! compiled again; the blob is `<target>/<profile>/wbuild/pactum-runtime/pactum_runtime_next.compact.compressed.wasm`.

fn main() {
	// Absolute: the Wasm builder writes this path into the project it generates elsewhere. Read
	// when the script runs, not when it is compiled: clones in other directories (CI's) share
	// the compiled script through the target directory.
	let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
	let runtime = std::path::Path::new(&manifest_dir).join("../Cargo.toml");
	let runtime = std::fs::canonicalize(runtime).expect("runtime/Cargo.toml exists");
	substrate_wasm_builder::WasmBuilder::new()
		.with_project(runtime)
		.expect("runtime/Cargo.toml exists")
		.set_file_name("pactum_runtime_next")
		.enable_feature("next-spec-version")
		// As runtime/build.rs: an upgrade must keep offline signers working.
		.enable_metadata_hash("PACT", 12)
		.build();
}
