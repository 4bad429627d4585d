//! The generated code comes from the metadata file, which cargo does not watch by itself: this
//! makes a new `metadata/pactum.scale` recompile the crate.
fn main() {
	println!("cargo::rerun-if-changed=../metadata/pactum.scale");
}
