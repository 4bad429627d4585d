//! Token writes the pipeline carries for custodial accounts: `tokens.transfer` (a regulated
//! transfer: the asset's policy, bans, KYC level, limits and fee apply on chain) and
//! `tokens.request_withdrawal` (redeem off chain).

use std::str::FromStr;

use pactum_chain_api::pactum;
use serde::{Deserialize, Serialize};
use subxt::utils::AccountId32;

use super::calls::digest;

/// A transfer of `amount` of `asset` from the caller's account to `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransferTokens {
	pub asset: u32,
	/// The recipient (SS58).
	pub to: String,
	/// In the asset's smallest unit, as a decimal string (it may exceed 2^53).
	pub amount: String,
}

/// A request to redeem `amount` of `asset` off chain, paid out as the instruction whose hash is
/// `payout_hash` says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestWithdrawal {
	pub asset: u32,
	/// Decimal string, in the asset's smallest unit.
	pub amount: String,
	/// `0x`-hex blake2-256 of the payout instruction (it stays off chain).
	pub payout_hash: String,
}

/// A positive amount in a decimal string.
pub fn amount(text: &str) -> Result<u128, String> {
	let value = text
		.parse::<u128>()
		.map_err(|_| format!("amount must be a decimal integer string, not {text:?}"))?;
	if value == 0 {
		return Err("amount must be positive".into());
	}
	// One spelling per amount: no sign, no leading zeros.
	if value.to_string() != text {
		return Err(format!("amount must be written plainly, as {value}"));
	}
	Ok(value)
}

impl TransferTokens {
	pub fn check(&self, signer: &str) -> Result<(), String> {
		let to = AccountId32::from_str(&self.to)
			.map_err(|e| format!("to: {:?} is not an SS58 address ({e})", self.to))?;
		if AccountId32::from_str(signer).is_ok_and(|from| from == to) {
			return Err("to is the sending account itself".into());
		}
		amount(&self.amount).map(|_| ())
	}

	pub fn payload(&self) -> Result<impl subxt::transactions::Payload, String> {
		let to = AccountId32::from_str(&self.to).map_err(|e| format!("to: {e}"))?;
		Ok(pactum::tx().tokens().transfer(self.asset, to, amount(&self.amount)?))
	}
}

impl RequestWithdrawal {
	pub fn check(&self) -> Result<(), String> {
		amount(&self.amount)?;
		digest(&self.payout_hash).map(|_| ()).map_err(|e| format!("payout_{e}"))
	}

	pub fn payload(&self) -> Result<impl subxt::transactions::Payload, String> {
		Ok(pactum::tx().tokens().request_withdrawal(
			self.asset,
			amount(&self.amount)?,
			digest(&self.payout_hash)?,
		))
	}
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;

	const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

	#[test]
	fn amounts_are_positive_decimal_strings_up_to_u128() {
		assert_eq!(amount("1"), Ok(1));
		assert_eq!(amount(&u128::MAX.to_string()), Ok(u128::MAX));
		assert!(amount("0").unwrap_err().contains("positive"));
		assert!(amount("-1").is_err());
		assert!(amount("1.5").is_err());
		assert!(amount("0x10").is_err());
		assert!(amount("+5").is_err());
		assert!(amount("007").is_err());
		assert!(amount("340282366920938463463374607431768211456").is_err());
	}

	#[test]
	fn a_transfer_and_a_withdrawal_are_checked_before_they_are_stored() {
		let transfer = TransferTokens { asset: 1, to: BOB.into(), amount: "100".into() };
		assert_eq!(transfer.check(ALICE), Ok(()));
		assert!(transfer.check(BOB).unwrap_err().contains("itself"));
		let bad_to = TransferTokens { to: "bob".into(), ..transfer.clone() };
		assert!(bad_to.check(ALICE).unwrap_err().contains("SS58"));
		let zero = TransferTokens { amount: "0".into(), ..transfer };
		assert!(zero.check(ALICE).is_err());

		let withdrawal = RequestWithdrawal {
			asset: 1,
			amount: "5".into(),
			payout_hash: format!("0x{}", "ab".repeat(32)),
		};
		assert_eq!(withdrawal.check(), Ok(()));
		let bad = RequestWithdrawal { payout_hash: "0x1".into(), ..withdrawal };
		assert!(bad.check().unwrap_err().starts_with("payout_"));
	}
}
