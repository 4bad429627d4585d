//! Client writes the pipeline carries: `registry.register_client` and `registry.set_client_data`,
//! both naming the client and the hash of its data (the data stays sealed in the gateway), and
//! `registry.deregister_client`.

use std::str::FromStr;

use pactum_chain_api::pactum;
use serde::{Deserialize, Serialize};
use subxt::utils::{AccountId32, H256};

use super::calls::digest;

/// The hash of a client's data recorded on chain for `account`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientData {
	/// The client (SS58).
	pub account: String,
	/// `0x`-hex SHA-256 of the salt and the data.
	pub data_hash: String,
}

/// The client's account, from its SS58 address.
fn client_account(text: &str) -> Result<AccountId32, String> {
	AccountId32::from_str(text)
		.map_err(|e| format!("account: {text:?} is not an SS58 address ({e})"))
}

impl ClientData {
	pub fn check(&self) -> Result<(), String> {
		self.parts().map(|_| ())
	}

	fn parts(&self) -> Result<(AccountId32, H256), String> {
		let account = client_account(&self.account)?;
		let hash = digest(&self.data_hash).map_err(|e| format!("data_{e}"))?;
		Ok((account, H256(hash)))
	}

	/// `registry.register_client`.
	pub fn register_payload(&self) -> Result<impl subxt::transactions::Payload, String> {
		let (account, hash) = self.parts()?;
		Ok(pactum::tx().registry().register_client(account, hash))
	}

	/// `registry.set_client_data`.
	pub fn update_payload(&self) -> Result<impl subxt::transactions::Payload, String> {
		let (account, hash) = self.parts()?;
		Ok(pactum::tx().registry().set_client_data(account, hash))
	}
}

/// The client `account` its registrar takes out of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientExit {
	/// The client (SS58).
	pub account: String,
}

impl ClientExit {
	pub fn check(&self) -> Result<(), String> {
		client_account(&self.account).map(|_| ())
	}

	/// `registry.deregister_client`.
	pub fn payload(&self) -> Result<impl subxt::transactions::Payload, String> {
		Ok(pactum::tx().registry().deregister_client(client_account(&self.account)?))
	}
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;

	#[test]
	fn a_client_write_names_an_account_and_a_hash() {
		let ok = ClientData {
			account: "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty".into(),
			data_hash: format!("0x{}", "ab".repeat(32)),
		};
		assert_eq!(ok.check(), Ok(()));
		assert!(ok.register_payload().is_ok() && ok.update_payload().is_ok());
		let bad_account = ClientData { account: "bob".into(), ..ok.clone() };
		assert!(bad_account.check().unwrap_err().contains("SS58"));
		let bad_hash = ClientData { data_hash: "0x12".into(), ..ok.clone() };
		assert!(bad_hash.check().unwrap_err().starts_with("data_"));
		let exit = ClientExit { account: ok.account };
		assert!(exit.check().is_ok() && exit.payload().is_ok());
		assert!(ClientExit { account: "bob".into() }.check().unwrap_err().contains("SS58"));
	}
}
