//! Access grants the pipeline carries: `documents.grant_access` and `documents.revoke_access`. A
//! party lets a viewer (an auditor, a regulator) fetch a document's file, until a block or until
//! revoked; the grant's deposit is held from the party.

use std::str::FromStr;

use pactum_chain_api::pactum;
use serde::{Deserialize, Serialize};
use subxt::utils::AccountId32;

/// Access to a document's file for `viewer`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessGrant {
	/// Set from the path.
	#[serde(default)]
	pub document: u64,
	/// The viewer (SS58).
	pub viewer: String,
	/// The block from which the grant no longer counts; absent: until revoked.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub expires_at: Option<u32>,
}

/// The end of `viewer`'s access to `document`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessRevocation {
	pub document: u64,
	pub viewer: String,
}

fn viewer(text: &str) -> Result<AccountId32, String> {
	AccountId32::from_str(text)
		.map_err(|e| format!("viewer: {text:?} is not an SS58 address ({e})"))
}

impl AccessGrant {
	pub fn check(&self, signer: &str) -> Result<(), String> {
		if viewer(&self.viewer)?.to_string() == signer {
			return Err("a party has access already: the viewer is the caller's own account".into());
		}
		Ok(())
	}

	pub fn payload(&self) -> Result<impl subxt::transactions::Payload, String> {
		Ok(pactum::tx().documents().grant_access(
			self.document,
			viewer(&self.viewer)?,
			self.expires_at,
		))
	}
}

impl AccessRevocation {
	pub fn check(&self) -> Result<(), String> {
		viewer(&self.viewer).map(|_| ())
	}

	pub fn payload(&self) -> Result<impl subxt::transactions::Payload, String> {
		Ok(pactum::tx().documents().revoke_access(self.document, viewer(&self.viewer)?))
	}
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

	#[test]
	fn a_grant_names_another_account() {
		let grant = AccessGrant { document: 3, viewer: BOB.into(), expires_at: Some(900) };
		assert_eq!(grant.check(ALICE), Ok(()));
		assert!(grant.payload().is_ok());
		assert!(grant.check(BOB).unwrap_err().contains("own account"));
		let bad = AccessGrant { viewer: "bob".into(), ..grant };
		assert!(bad.check(ALICE).unwrap_err().contains("SS58"));
		let revocation = AccessRevocation { document: 3, viewer: "bob".into() };
		assert!(revocation.check().is_err());
	}
}
