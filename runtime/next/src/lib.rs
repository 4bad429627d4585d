//! The Pactum runtime's Wasm reporting the next `spec_version` (see `build.rs`), for tests that
//! upgrade a running chain.
#![no_std]

include!(concat!(env!("OUT_DIR"), "/pactum_runtime_next"));
