//! The weights of the attestations pallet's calls.
//!
//! The pallet is not in the runtime yet, so no benchmarking node has run its benchmarks
//! (`benchmarking.rs`): `()` weighs nothing, for its unit tests only. The runtime takes the
//! weights the benchmarks generate, as every other pallet's.

use frame_support::weights::Weight;

/// The weight of each call; `k` keys, `s` services, `a` attributes, `p` attestations presented
/// or schemas demanded, `c` certificates presented, `e` endorsements and `g` access requests and grants removed (at most `MaxAccesses` of each).
pub trait WeightInfo {
	fn create_did(k: u32, s: u32) -> Weight;
	fn change_did() -> Weight;
	fn deactivate_did() -> Weight;
	fn register_schema(a: u32) -> Weight;
	fn deprecate_schema() -> Weight;
	fn register_device() -> Weight;
	fn issue() -> Weight;
	fn accept() -> Weight;
	fn respond() -> Weight;
	fn amend() -> Weight;
	fn change_attestation() -> Weight;
	fn remove(e: u32, g: u32) -> Weight;
	fn present() -> Weight;
	fn endorse() -> Weight;
	fn remove_endorsement() -> Weight;
	fn request(p: u32, c: u32) -> Weight;
	fn answer_request(p: u32) -> Weight;
	fn offer() -> Weight;
	fn accept_offer() -> Weight;
	fn close_request() -> Weight;
	fn access() -> Weight;
	fn recover_deposits() -> Weight;
	fn recover_attestation() -> Weight;
}

impl WeightInfo for () {
	fn create_did(_k: u32, _s: u32) -> Weight {
		Weight::zero()
	}
	fn change_did() -> Weight {
		Weight::zero()
	}
	fn deactivate_did() -> Weight {
		Weight::zero()
	}
	fn register_schema(_a: u32) -> Weight {
		Weight::zero()
	}
	fn deprecate_schema() -> Weight {
		Weight::zero()
	}
	fn register_device() -> Weight {
		Weight::zero()
	}
	fn issue() -> Weight {
		Weight::zero()
	}
	fn accept() -> Weight {
		Weight::zero()
	}
	fn respond() -> Weight {
		Weight::zero()
	}
	fn amend() -> Weight {
		Weight::zero()
	}
	fn change_attestation() -> Weight {
		Weight::zero()
	}
	fn remove(_e: u32, _g: u32) -> Weight {
		Weight::zero()
	}
	fn present() -> Weight {
		Weight::zero()
	}
	fn endorse() -> Weight {
		Weight::zero()
	}
	fn remove_endorsement() -> Weight {
		Weight::zero()
	}
	fn request(_p: u32, _c: u32) -> Weight {
		Weight::zero()
	}
	fn answer_request(_p: u32) -> Weight {
		Weight::zero()
	}
	fn offer() -> Weight {
		Weight::zero()
	}
	fn accept_offer() -> Weight {
		Weight::zero()
	}
	fn close_request() -> Weight {
		Weight::zero()
	}
	fn access() -> Weight {
		Weight::zero()
	}
	fn recover_deposits() -> Weight {
		Weight::zero()
	}
	fn recover_attestation() -> Weight {
		Weight::zero()
	}
}
