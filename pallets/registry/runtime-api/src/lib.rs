//! The runtime API behind the registry's JSON-RPC (`registry_participant`, `registry_roles`).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::{string::String, vec::Vec};
use codec::Codec;
pub use pallet_registry::{AccountKind, Ban, KeyScheme, Kyc, OperatorKey, ParticipantView};

sp_api::decl_runtime_apis! {
	/// Reads of the participant registry, as of the block they are called at.
	pub trait RegistryApi<AccountId, Hash, Balance, BlockNumber>
	where
		AccountId: Codec,
		Hash: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Everything recorded about `who`, with the KYC level and ban in force; `None` if
		/// `who` is not registered.
		fn participant(who: AccountId) -> Option<ParticipantView<AccountId, Hash, Balance, BlockNumber>>;
		/// The names of the roles `who` holds (a ban suspends them; see `participant`).
		fn roles(who: AccountId) -> Vec<String>;
	}
}
