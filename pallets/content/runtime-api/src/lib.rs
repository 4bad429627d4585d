//! The runtime API behind the content JSON-RPC (`content_licence`, `content_rights`).
#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;
pub use pallet_content::{ContentId, LicenceView, Right, RightsView, RoleShares, Royalties};

sp_api::decl_runtime_apis! {
	/// Reads of contents and licences, as of the block they are called at.
	pub trait ContentApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// `account`'s licence of `content`: whether an access may be recorded now, accesses
		/// left, expiry; `None` if it holds none.
		fn licence(account: AccountId, content: ContentId) -> Option<LicenceView<Balance, BlockNumber>>;
		/// The content's owner, creators, royalty table and every right's holders with their
		/// shares; `None` if no such content.
		fn rights(content: ContentId) -> Option<RightsView<AccountId>>;
	}
}
