//! Certificate writes the pipeline carries: `documents.issue_certificate` and
//! `documents.revoke_certificate`, checked at intake like every [`super::calls::Call`].

use std::str::FromStr;

use pactum_chain_api::pactum;
use serde::{Deserialize, Serialize};
use subxt::utils::{AccountId32, H256};

use super::calls::digest;

/// The longest certificate type the runtime accepts (`MaxCertTypeLen`).
pub const MAX_CERT_TYPE_LEN: usize = 64;

/// A certificate issued by the caller's organisation (its account needs the `Issuer` role and an
/// organisation code) to a registered holder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueCertificate {
	/// The holder (SS58), a registered participant.
	pub holder: String,
	/// The certificate file's blake2-256 digest (`0x` and 64 hex characters): what a verifier
	/// hashes to check it.
	pub hash: String,
	/// Printable ASCII, 1 to 64 characters (e.g. `diploma`, `licence/telecom`).
	pub cert_type: String,
	/// The block after which it is expired, if it expires.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub expires_at: Option<u32>,
}

/// A revocation by the issuing organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevokeCertificate {
	/// Set from the path.
	#[serde(default)]
	pub hash: String,
	/// `0x`-hex blake2-256 of the reason's text (the text stays off chain).
	pub reason_hash: String,
}

impl IssueCertificate {
	pub fn check(&self) -> Result<(), String> {
		AccountId32::from_str(&self.holder)
			.map_err(|e| format!("holder: {:?} is not an SS58 address ({e})", self.holder))?;
		digest(&self.hash)?;
		let printable = self.cert_type.bytes().all(|c| (b' '..=b'~').contains(&c));
		if self.cert_type.is_empty() || self.cert_type.len() > MAX_CERT_TYPE_LEN || !printable {
			return Err(format!(
				"cert_type must be 1 to {MAX_CERT_TYPE_LEN} printable ASCII characters"
			));
		}
		Ok(())
	}

	pub fn payload(&self) -> Result<impl subxt::transactions::Payload, String> {
		let holder = AccountId32::from_str(&self.holder).map_err(|e| format!("holder: {e}"))?;
		Ok(pactum::tx().documents().issue_certificate(
			holder,
			digest(&self.hash)?,
			self.cert_type.clone().into_bytes(),
			self.expires_at,
		))
	}
}

impl RevokeCertificate {
	pub fn check(&self) -> Result<(), String> {
		digest(&self.hash)?;
		digest(&self.reason_hash).map(|_| ()).map_err(|e| format!("reason_{e}"))
	}

	pub fn payload(&self) -> Result<impl subxt::transactions::Payload, String> {
		Ok(pactum::tx()
			.documents()
			.revoke_certificate(digest(&self.hash)?, H256(digest(&self.reason_hash)?)))
	}
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;

	const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

	fn issue() -> IssueCertificate {
		IssueCertificate {
			holder: BOB.into(),
			hash: format!("0x{}", "cd".repeat(32)),
			cert_type: "diploma".into(),
			expires_at: None,
		}
	}

	#[test]
	fn a_certificate_is_checked_before_it_is_stored() {
		assert_eq!(issue().check(), Ok(()));
		let refused = |change: fn(&mut IssueCertificate)| {
			let mut c = issue();
			change(&mut c);
			c.check().unwrap_err()
		};
		assert!(refused(|c| c.holder = "bob".into()).contains("SS58"));
		assert!(refused(|c| c.hash = "0x12".into()).contains("32 bytes"));
		assert!(refused(|c| c.cert_type.clear()).contains("cert_type"));
		assert!(refused(|c| c.cert_type = "x".repeat(65)).contains("cert_type"));
		assert!(refused(|c| c.cert_type = "дипломы".into()).contains("printable"));
		assert!(issue().payload().is_ok());
	}

	#[test]
	fn a_revocation_needs_both_hashes() {
		let ok = RevokeCertificate {
			hash: format!("0x{}", "cd".repeat(32)),
			reason_hash: format!("0x{}", "01".repeat(32)),
		};
		assert_eq!(ok.check(), Ok(()));
		let no_reason = RevokeCertificate { reason_hash: "0x".into(), ..ok.clone() };
		assert!(no_reason.check().unwrap_err().starts_with("reason_"));
		let no_hash = RevokeCertificate { hash: String::new(), ..ok };
		assert!(no_hash.check().is_err());
	}
}
