//! The check of a client's own signature before its registrar pays for it.

use std::str::FromStr;

use subxt::utils::AccountId32;
use subxt_signer::sr25519;

use crate::pipeline::calls::Relayed;

/// How wallets wrap raw bytes before signing them (the chain accepts both).
const WRAP_OPEN: &[u8] = b"<Bytes>";
const WRAP_CLOSE: &[u8] = b"</Bytes>";

/// `Ok` if `relayed` is the signer's valid sr25519 or ed25519 signature of `payload`, bare
/// or wrapped in `<Bytes>…</Bytes>`.
pub fn check(relayed: &Relayed, payload: &[u8]) -> Result<(), String> {
	if !matches!(relayed.scheme.as_str(), "sr25519" | "ed25519") {
		return Err(format!(
			"relayed.scheme: a client's own signature is sr25519 or ed25519, not {:?}",
			relayed.scheme
		));
	}
	let account =
		AccountId32::from_str(&relayed.signer).map_err(|e| format!("relayed.signer: {e}"))?;
	let signature: [u8; 64] = hex::decode(relayed.signature.trim_start_matches("0x"))
		.ok()
		.and_then(|bytes| bytes.try_into().ok())
		.ok_or("relayed.signature must be 64 bytes of 0x-hex")?;
	let wrapped = [WRAP_OPEN, payload, WRAP_CLOSE].concat();
	let verifies = |message: &[u8]| match relayed.scheme.as_str() {
		"sr25519" => {
			sr25519::verify(&sr25519::Signature(signature), message, &sr25519::PublicKey(account.0))
		}
		_ => ed25519_zebra::VerificationKey::try_from(account.0)
			.and_then(|key| key.verify(&ed25519_zebra::Signature::from(signature), message))
			.is_ok(),
	};
	if verifies(payload) || verifies(&wrapped) {
		Ok(())
	} else {
		Err(format!(
			"the {} signature does not verify for {} over the version's signing payload \
			 (GET /v1/documents/{{id}}/signing-payload)",
			relayed.scheme, relayed.signer
		))
	}
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;

	fn relayed(scheme: &str, signer: [u8; 32], signature: &[u8]) -> Relayed {
		Relayed {
			signer: AccountId32(signer).to_string(),
			scheme: scheme.into(),
			signature: format!("0x{}", hex::encode(signature)),
		}
	}

	#[test]
	fn an_sr25519_signature_of_the_payload_bare_or_wrapped_verifies() {
		let alice = sr25519::dev::alice();
		let payload = b"pactum signing payload";
		let bare = alice.sign(payload);
		assert_eq!(check(&relayed("sr25519", alice.public_key().0, &bare.0), payload), Ok(()));
		let wrapped = alice.sign(&[WRAP_OPEN, payload.as_slice(), WRAP_CLOSE].concat());
		assert_eq!(check(&relayed("sr25519", alice.public_key().0, &wrapped.0), payload), Ok(()));
	}

	#[test]
	fn another_payload_or_signer_does_not_verify() {
		let alice = sr25519::dev::alice();
		let bob = sr25519::dev::bob();
		let signature = alice.sign(b"pactum signing payload");
		let err =
			check(&relayed("sr25519", alice.public_key().0, &signature.0), b"other").unwrap_err();
		assert!(err.contains("does not verify"), "{err}");
		assert!(check(
			&relayed("sr25519", bob.public_key().0, &signature.0),
			b"pactum signing payload"
		)
		.is_err());
	}

	#[test]
	fn an_ed25519_signature_verifies_by_the_account_as_public_key() {
		let key = ed25519_zebra::SigningKey::from([7u8; 32]);
		let public: [u8; 32] = ed25519_zebra::VerificationKey::from(&key).into();
		let signature: [u8; 64] = key.sign(b"payload").into();
		assert_eq!(check(&relayed("ed25519", public, &signature), b"payload"), Ok(()));
		assert!(check(&relayed("ed25519", public, &signature), b"other").is_err());
	}

	#[test]
	fn ecdsa_and_malformed_signatures_are_refused_with_the_cause() {
		let alice = sr25519::dev::alice().public_key().0;
		let err = check(&relayed("ecdsa", alice, &[0; 65]), b"p").unwrap_err();
		assert!(err.contains("sr25519 or ed25519"), "{err}");
		let err = check(&relayed("sr25519", alice, &[0; 63]), b"p").unwrap_err();
		assert!(err.contains("64 bytes"), "{err}");
	}
}
