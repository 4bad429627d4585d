//! Names and URLs as the pallet keeps them: non-empty printable ASCII within their bounds, so
//! every client reads the same text (the length is checked first: nothing longer is scanned).

use crate::{pallet::*, NameOf, UrlOf};
use alloc::vec::Vec;

fn printable(bytes: &[u8]) -> bool {
	bytes.iter().all(|c| (b' '..=b'~').contains(c))
}

impl<T: Config> Pallet<T> {
	/// `bytes` as a name: `BadName` if empty or too long, `InvalidText` if not printable.
	pub(crate) fn to_name(bytes: Vec<u8>) -> Result<NameOf<T>, Error<T>> {
		let name = NameOf::<T>::try_from(bytes).map_err(|_| Error::<T>::BadName)?;
		frame_support::ensure!(!name.is_empty(), Error::<T>::BadName);
		frame_support::ensure!(printable(&name), Error::<T>::InvalidText);
		Ok(name)
	}

	/// `bytes` as a URL: `BadUrl` if empty or too long, `InvalidText` if not printable.
	pub(crate) fn to_url(bytes: Vec<u8>) -> Result<UrlOf<T>, Error<T>> {
		let url = UrlOf::<T>::try_from(bytes).map_err(|_| Error::<T>::BadUrl)?;
		frame_support::ensure!(!url.is_empty(), Error::<T>::BadUrl);
		frame_support::ensure!(printable(&url), Error::<T>::InvalidText);
		Ok(url)
	}
}
