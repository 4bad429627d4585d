//! What the runtime API hands out: an account's licence of a content, and a content's rights.

use crate::{pallet::*, ContentId, LicenceView, RightsView};

impl<T: Config> Pallet<T> {
	/// What `content_licence(account, content)` returns.
	pub fn licence_view(
		who: &T::AccountId,
		content: ContentId,
	) -> Option<LicenceView<BalanceOf<T>, frame_system::pallet_prelude::BlockNumberFor<T>>> {
		let licence = Licences::<T>::get(content, who)?;
		Some(LicenceView {
			valid: licence.usable(frame_system::Pallet::<T>::block_number()),
			accesses_left: licence.accesses_left(),
			expires_at: licence.expires_at,
			terms: licence.terms,
			transferable: licence.transferable,
			ask: licence.ask,
		})
	}

	/// What `content_rights(content)` returns.
	pub fn rights_view(content: ContentId) -> Option<RightsView<T::AccountId>> {
		let record = Contents::<T>::get(content)?;
		Some(RightsView {
			content_hash: record.content_hash,
			owner: Self::owner_of(content)?,
			creators: record.creators.into_inner(),
			royalties: record.royalties,
			rights: record
				.rights
				.iter()
				.map(|right| (*right, Rights::<T>::get(content, right).into_inner()))
				.collect(),
		})
	}
}
