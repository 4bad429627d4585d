//! How the runtime-API views read in JSON. The views derive serde once, in the pallet that
//! defines them, and the pallets' JSON-RPC returns them as they are; these modules, used as
//! `#[serde(with = "pactum_primitives::serde_helpers::…")]`, give the fields serde has no
//! fitting form for:
//!
//! - [`hex`], [`option_hex`]: bytes (`Vec<u8>`, `BoundedVec<u8, _>`, `[u8; N]`) as a `0x`
//!   hex string;
//! - [`scale_hex`]: an opaque value (a `MultiSignature`, say) as the `0x` hex of its SCALE
//!   encoding, which polkadot.js decodes as the type;
//! - [`decimal`], [`option_decimal`]: balances and other `u128`s as decimal strings (a JSON
//!   number loses precision past 2^53);
//! - [`ratio`]: a `FixedU128` as a plain decimal (`"1"`, `"0.5"`).
//!
//! A struct whose balance fields use [`decimal`] states the bound itself, as serde does not
//! infer it for fields with `with`: `#[serde(bound(serialize = "Balance: core::fmt::Display",
//! deserialize = "Balance: core::str::FromStr"))]` (with the bounds of its other type
//! parameters, e.g. `AccountId: Serialize`).

use alloc::{format, string::String, vec::Vec};
use core::{fmt::Display, str::FromStr};
use sp_runtime::{
	serde::{de::Error as DeError, Deserialize, Deserializer, Serialize, Serializer},
	FixedPointNumber, FixedU128,
};

/// Bytes as a `0x`-prefixed hex string.
pub mod hex {
	use super::*;

	pub fn serialize<T: AsRef<[u8]>, S: Serializer>(
		bytes: &T,
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		sp_core::bytes::serialize(bytes.as_ref(), serializer)
	}

	pub fn deserialize<'de, T: TryFrom<Vec<u8>>, D: Deserializer<'de>>(
		deserializer: D,
	) -> Result<T, D::Error> {
		let bytes = sp_core::bytes::deserialize(deserializer)?;
		let len = bytes.len();
		T::try_from(bytes).map_err(|_| D::Error::custom(format!("{len} bytes do not fit")))
	}
}

/// Optional bytes as a `0x`-prefixed hex string or `null`.
pub mod option_hex {
	use super::*;

	struct Hex<'a>(&'a [u8]);

	impl Serialize for Hex<'_> {
		fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
			sp_core::bytes::serialize(self.0, serializer)
		}
	}

	struct Bytes(Vec<u8>);

	impl<'de> Deserialize<'de> for Bytes {
		fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
			sp_core::bytes::deserialize(deserializer).map(Bytes)
		}
	}

	pub fn serialize<T: AsRef<[u8]>, S: Serializer>(
		bytes: &Option<T>,
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		match bytes {
			Some(bytes) => serializer.serialize_some(&Hex(bytes.as_ref())),
			None => serializer.serialize_none(),
		}
	}

	pub fn deserialize<'de, T: TryFrom<Vec<u8>>, D: Deserializer<'de>>(
		deserializer: D,
	) -> Result<Option<T>, D::Error> {
		let Some(Bytes(bytes)) = Option::<Bytes>::deserialize(deserializer)? else {
			return Ok(None);
		};
		let len = bytes.len();
		T::try_from(bytes)
			.map(Some)
			.map_err(|_| D::Error::custom(format!("{len} bytes do not fit")))
	}
}

/// A SCALE-encodable value as the `0x` hex of its encoding.
pub mod scale_hex {
	use super::*;
	use codec::{Decode, DecodeAll, Encode};

	pub fn serialize<T: Encode, S: Serializer>(
		value: &T,
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		sp_core::bytes::serialize(&value.encode(), serializer)
	}

	pub fn deserialize<'de, T: Decode, D: Deserializer<'de>>(
		deserializer: D,
	) -> Result<T, D::Error> {
		let bytes = sp_core::bytes::deserialize(deserializer)?;
		T::decode_all(&mut &bytes[..])
			.map_err(|_| D::Error::custom("not a SCALE encoding of the type"))
	}
}

/// A number (a balance, any `u128`) as a decimal string.
pub mod decimal {
	use super::*;

	pub fn serialize<B: Display, S: Serializer>(
		value: &B,
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		serializer.collect_str(value)
	}

	pub fn deserialize<'de, B: FromStr, D: Deserializer<'de>>(
		deserializer: D,
	) -> Result<B, D::Error> {
		parse(String::deserialize(deserializer)?)
	}

	pub(super) fn parse<B: FromStr, E: DeError>(text: String) -> Result<B, E> {
		text.parse().map_err(|_| E::custom(format!("{text:?} is not a decimal number in range")))
	}
}

/// An optional number as a decimal string or `null`.
pub mod option_decimal {
	use super::*;

	struct Decimal<'a, B>(&'a B);

	impl<B: Display> Serialize for Decimal<'_, B> {
		fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
			serializer.collect_str(self.0)
		}
	}

	pub fn serialize<B: Display, S: Serializer>(
		value: &Option<B>,
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		match value {
			Some(value) => serializer.serialize_some(&Decimal(value)),
			None => serializer.serialize_none(),
		}
	}

	pub fn deserialize<'de, B: FromStr, D: Deserializer<'de>>(
		deserializer: D,
	) -> Result<Option<B>, D::Error> {
		Option::<String>::deserialize(deserializer)?.map(decimal::parse).transpose()
	}
}

/// A `FixedU128` as a plain decimal: `"1"`, `"0.5"`, `"1.25"`.
pub mod ratio {
	use super::*;

	/// `ratio` as a plain decimal.
	pub fn to_text(ratio: &FixedU128) -> String {
		let inner = ratio.into_inner();
		let unit = FixedU128::DIV;
		let (whole, fraction) = (inner / unit, inner % unit);
		if fraction == 0 {
			return format!("{whole}");
		}
		let digits = format!("{fraction:018}");
		format!("{whole}.{}", digits.trim_end_matches('0'))
	}

	/// A plain decimal (`"2"`, `"0.5"`) as a `FixedU128`.
	pub fn from_text(text: &str) -> Option<FixedU128> {
		let (whole, fraction) = match text.split_once('.') {
			Some((_, "")) => return None,
			Some(parts) => parts,
			None => (text, ""),
		};
		let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
		if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 18 {
			return None;
		}
		let whole: u128 = whole.parse().ok()?;
		let fraction: u128 =
			if fraction.is_empty() { 0 } else { format!("{fraction:0<18}").parse().ok()? };
		whole.checked_mul(FixedU128::DIV)?.checked_add(fraction).map(FixedU128::from_inner)
	}

	pub fn serialize<S: Serializer>(ratio: &FixedU128, serializer: S) -> Result<S::Ok, S::Error> {
		serializer.serialize_str(&to_text(ratio))
	}

	pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<FixedU128, D::Error> {
		let text = String::deserialize(deserializer)?;
		from_text(&text).ok_or_else(|| D::Error::custom(format!("{text:?} is not a plain decimal")))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::{traits::ConstU32, BoundedVec};

	#[derive(Debug, PartialEq, Serialize, Deserialize)]
	#[serde(crate = "sp_runtime::serde", rename_all = "camelCase")]
	struct View {
		#[serde(with = "hex")]
		digest: [u8; 4],
		#[serde(with = "hex")]
		uri: BoundedVec<u8, ConstU32<4>>,
		#[serde(with = "option_hex")]
		key: Option<Vec<u8>>,
		#[serde(with = "decimal")]
		deposit: u128,
		#[serde(with = "option_decimal")]
		ask: Option<u128>,
		#[serde(with = "ratio")]
		collateral_ratio: FixedU128,
	}

	#[derive(Debug, PartialEq, Serialize, Deserialize)]
	#[serde(crate = "sp_runtime::serde")]
	struct Signed {
		#[serde(with = "scale_hex")]
		signature: Option<u16>,
	}

	#[test]
	fn views_read_as_hex_and_decimal_strings() {
		let view = View {
			digest: [0, 1, 0xab, 0xff],
			uri: b"ipfs".to_vec().try_into().unwrap(),
			key: None,
			deposit: u128::MAX,
			ask: Some(5),
			collateral_ratio: FixedU128::from_rational(1, 2),
		};
		let json = serde_json::to_string(&view).unwrap();
		assert_eq!(
			json,
			r#"{"digest":"0x0001abff","uri":"0x69706673","key":null,"deposit":"340282366920938463463374607431768211455","ask":"5","collateralRatio":"0.5"}"#
		);
		assert_eq!(serde_json::from_str::<View>(&json).unwrap(), view);
	}

	#[test]
	fn wrong_lengths_and_numbers_are_refused() {
		let json = r#"{"digest":"0x00","uri":"0x","key":"0x01","deposit":"1","ask":null,"collateralRatio":"1"}"#;
		assert!(serde_json::from_str::<View>(json).is_err());
		let json = r#"{"digest":"0x00000000","uri":"0x","key":"0x01","deposit":1,"ask":null,"collateralRatio":"1"}"#;
		assert!(serde_json::from_str::<View>(json).is_err());
		let json = r#"{"digest":"0x00000000","uri":"0x","key":"0x01","deposit":"1","ask":null,"collateralRatio":"1"}"#;
		let view = serde_json::from_str::<View>(json).unwrap();
		assert_eq!(
			(view.key, view.collateral_ratio),
			(Some(alloc::vec![1]), FixedU128::from_u32(1))
		);
	}

	#[test]
	fn opaque_values_read_as_the_hex_of_their_encoding() {
		let signed = Signed { signature: Some(0x0201) };
		let json = serde_json::to_string(&signed).unwrap();
		assert_eq!(json, r#"{"signature":"0x010102"}"#);
		assert_eq!(serde_json::from_str::<Signed>(&json).unwrap(), signed);
		assert!(serde_json::from_str::<Signed>(r#"{"signature":"0x01010203"}"#).is_err());
	}

	#[test]
	fn ratios_read_as_plain_decimals() {
		for (ratio, text) in [
			(FixedU128::from_u32(1), "1"),
			(FixedU128::from_rational(1, 2), "0.5"),
			(FixedU128::from_rational(5, 4), "1.25"),
			(FixedU128::from_inner(1), "0.000000000000000001"),
		] {
			assert_eq!(ratio::to_text(&ratio), text);
			assert_eq!(ratio::from_text(text), Some(ratio));
		}
		assert_eq!(ratio::from_text("1.0"), Some(FixedU128::from_u32(1)));
		for bad in ["", ".5", "1.", "-1", "1e3", "0.0000000000000000001"] {
			assert_eq!(ratio::from_text(bad), None, "{bad}");
		}
	}
}
