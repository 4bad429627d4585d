//! The at-rest envelope: round trip, place binding (AAD), key rotation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use pactum_gateway::seal::{aad, Sealer};
use zeroize::Zeroizing;

#[test]
fn seals_and_opens_only_in_its_place() {
	let sealer = Sealer::new(&[1u8; 32], &[]).unwrap();
	let here = aad("jwt_keys", "private_sealed", "k1");
	let sealed = sealer.seal(b"secret", &here).unwrap();
	assert_eq!(&sealer.open(&sealed, &here).unwrap()[..], b"secret");
	assert!(sealer.open(&sealed, &aad("jwt_keys", "private_sealed", "k2")).is_err());
	let mut tampered = sealed.clone();
	if let Some(last) = tampered.last_mut() {
		*last ^= 1;
	}
	assert!(sealer.open(&tampered, &here).is_err());
	assert_ne!(sealer.seal(b"secret", &here).unwrap(), sealed, "fresh nonces");
}

#[test]
fn an_older_master_key_still_opens() {
	let old = Sealer::new(&[1u8; 32], &[]).unwrap();
	let sealed = old.seal(b"v", b"t/c/1").unwrap();
	let rotated = Sealer::new(&[2u8; 32], &[Zeroizing::new([1u8; 32])]).unwrap();
	assert_eq!(&rotated.open(&sealed, b"t/c/1").unwrap()[..], b"v");
	assert!(rotated.needs_reseal(&sealed));
	let fresh = Sealer::new(&[2u8; 32], &[]).unwrap();
	assert!(fresh.open(&sealed, b"t/c/1").is_err());
}
