//! Attestations: DIDs, attestation schemas, and attestations about participants and devices from
//! request to revocation. Certificates stay in `Documents`; a request presents them from there.

use crate::{deposit, Balance, Balances, Registry, Runtime, RuntimeHoldReason, DAYS};
use frame_support::{parameter_types, traits::ConstU32};

parameter_types! {
	/// Held per storage item a DID, key, schema, device, attestation, request or grant adds...
	pub const AttestationDepositPerItem: Balance = deposit(1, 0);
	/// ...and per byte it stores.
	pub const AttestationDepositPerByte: Balance = deposit(0, 1);
	/// A request waits at most a month for its issuer.
	pub const MaxRequestLifetime: crate::BlockNumber = 30 * DAYS;
	/// An access request waits, and a grant lasts, at most a year.
	pub const MaxAccessLifetime: crate::BlockNumber = 365 * DAYS;
}

impl pallet_attestations::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registry = Registry;
	/// The certificates of `pallet-documents`, found by their file hash.
	type Certificates = crate::Documents;
	type DepositPerItem = AttestationDepositPerItem;
	type DepositPerByte = AttestationDepositPerByte;
	type MaxKeys = ConstU32<8>;
	type MaxServices = ConstU32<8>;
	type MaxNameLen = ConstU32<64>;
	type MaxUrlLen = ConstU32<256>;
	type MaxAttributes = ConstU32<32>;
	type MaxPreconditions = ConstU32<8>;
	type MaxEndorsements = ConstU32<16>;
	type MaxRequestLifetime = MaxRequestLifetime;
	type MaxAccesses = ConstU32<16>;
	type MaxAccessLifetime = MaxAccessLifetime;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkRecords;
	type WeightInfo = pallet_attestations::weights::SubstrateWeight<Runtime>;
}

/// Companies and certificates for the benchmarks, written into the registry's and the documents'
/// storage directly (their own calls are benchmarked in their pallets).
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkRecords;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_attestations::BenchmarkHelper<crate::AccountId> for BenchmarkRecords {
	fn make_corporate(who: &crate::AccountId) {
		pallet_registry::Participants::<Runtime>::mutate(who, |participant| {
			if let Some(participant) = participant {
				participant.kind = pactum_primitives::AccountKind::Corporate;
				participant.company = Some(sp_core::H256::repeat_byte(0xc0));
			}
		});
	}

	fn certificate(holder: &crate::AccountId, seed: u32) -> pactum_primitives::Digest {
		use codec::Encode;
		let hash = sp_io::hashing::blake2_256(&(b"benchmark certificate", holder, seed).encode());
		let certificate = pallet_documents::Certificate {
			issuer: holder.clone(),
			org_code: Default::default(),
			holder: holder.clone(),
			cert_type: Default::default(),
			issued_at: frame_system::Pallet::<Runtime>::block_number(),
			expires_at: None,
			revoked: None,
			deposit: 0,
		};
		pallet_documents::Certificates::<Runtime>::insert(hash, certificate);
		pallet_documents::HolderCertificates::<Runtime>::insert(holder, hash, ());
		hash
	}
}
