//! Contract documents and certificates: signed on chain by the parties' own extrinsics or by an
//! operator relaying their off-chain signatures.

use crate::{deposit, Balance, Balances, Registry, Runtime, RuntimeHoldReason, Signature};
use frame_support::{parameter_types, traits::ConstU32};
use sp_runtime::traits::Verify;

parameter_types! {
	/// Held per storage item a document, version, access grant or certificate adds...
	pub const DocumentDepositPerItem: Balance = deposit(1, 0);
	/// ...and per byte (at the records' largest size).
	pub const DocumentDepositPerByte: Balance = deposit(0, 1);
}

impl pallet_documents::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Registry = Registry;
	/// The chain's transaction signature: sr25519, ed25519 or ECDSA.
	type Signature = Signature;
	type Signer = <Signature as Verify>::Signer;
	type DepositPerItem = DocumentDepositPerItem;
	type DepositPerByte = DocumentDepositPerByte;
	type MaxParties = ConstU32<16>;
	type MaxUriLen = ConstU32<512>;
	type MaxVersions = ConstU32<64>;
	type MaxSupplements = ConstU32<64>;
	type MaxBulkSign = ConstU32<100>;
	/// The registry's own bound.
	type MaxOrgCodeLen = ConstU32<32>;
	type MaxCertTypeLen = ConstU32<64>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkSigner;
	type WeightInfo = pallet_documents::weights::SubstrateWeight<Runtime>;
}

/// Signs benchmark payloads the most expensive way the pallet accepts them: with a new ECDSA key
/// of the benchmark's keystore (recovering an ECDSA key costs more than checking an sr25519
/// signature), over the payload wrapped in `<Bytes>…</Bytes>` (so the pallet checks the
/// signature twice: as it is, then wrapped).
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkSigner;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_documents::BenchmarkHelper<crate::AccountId, Signature> for BenchmarkSigner {
	fn sign(payload: &[u8]) -> (crate::AccountId, Signature) {
		use sp_core::{crypto::KeyTypeId, ecdsa};
		use sp_runtime::{traits::IdentifyAccount, MultiSigner};
		const KEY_TYPE: KeyTypeId = KeyTypeId(*b"docs");
		let public = sp_io::crypto::ecdsa_generate(KEY_TYPE, None);
		let wrapped = [b"<Bytes>".as_slice(), payload, b"</Bytes>".as_slice()].concat();
		// Without a keystore the signature is empty: the benchmark's check of the signed
		// document then fails, naming the problem.
		let signature = sp_io::crypto::ecdsa_sign(KEY_TYPE, &public, &wrapped)
			.unwrap_or_else(|| ecdsa::Signature::from_raw([0; 65]));
		(MultiSigner::from(public).into_account(), signature.into())
	}
}
