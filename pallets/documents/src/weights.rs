//! BOOTSTRAP ONLY: replaced by `scripts/benchmark.sh pallet_documents` before commit.
#![allow(unused_parens, unused_imports, dead_code)]
use core::marker::PhantomData;
use frame_support::weights::Weight;
pub trait WeightInfo {
	fn create(p: u32) -> Weight;
	fn sign() -> Weight;
	fn sign_relayed() -> Weight;
	fn sign_many(o: u32, r: u32) -> Weight;
	fn propose_amendment() -> Weight;
	fn propose_termination() -> Weight;
	fn grant_access() -> Weight;
	fn revoke_access() -> Weight;
	fn issue_certificate() -> Weight;
	fn revoke_certificate() -> Weight;
}
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create(p: u32) -> Weight {
		Weight::from_parts(1, 0)
	}
	fn sign() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn sign_relayed() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn sign_many(o: u32, r: u32) -> Weight {
		Weight::from_parts(1, 0)
	}
	fn propose_amendment() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn propose_termination() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn grant_access() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn revoke_access() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn issue_certificate() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn revoke_certificate() -> Weight {
		Weight::from_parts(1, 0)
	}
}
impl WeightInfo for () {
	fn create(p: u32) -> Weight {
		Weight::from_parts(1, 0)
	}
	fn sign() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn sign_relayed() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn sign_many(o: u32, r: u32) -> Weight {
		Weight::from_parts(10 + o as u64 + 2 * r as u64, 0)
	}
	fn propose_amendment() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn propose_termination() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn grant_access() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn revoke_access() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn issue_certificate() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn revoke_certificate() -> Weight {
		Weight::from_parts(1, 0)
	}
}
