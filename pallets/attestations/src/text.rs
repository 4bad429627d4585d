//! Names and URLs as the pallet keeps them: non-empty printable ASCII within their bounds, so
//! every client reads the same text.

use crate::{pallet::*, NameOf, UrlOf};
use alloc::vec::Vec;

fn printable(bytes: &[u8]) -> bool {
	bytes.iter().all(|c| (b' '..=b'~').contains(c))
}

impl<T: Config> Pallet<T> {
	/// `bytes` as a name: `BadName` if empty or too long, `InvalidText` if not printable.
	pub(crate) fn to_name(bytes: Vec<u8>) -> Result<NameOf<T>, Error<T>> {
		frame_support::ensure!(printable(&bytes), Error::<T>::InvalidText);
		match NameOf::<T>::try_from(bytes) {
			Ok(name) if !name.is_empty() => Ok(name),
			_ => Err(Error::<T>::BadName),
		}
	}

	/// `bytes` as a URL: `BadUrl` if empty or too long, `InvalidText` if not printable.
	pub(crate) fn to_url(bytes: Vec<u8>) -> Result<UrlOf<T>, Error<T>> {
		frame_support::ensure!(printable(&bytes), Error::<T>::InvalidText);
		match UrlOf::<T>::try_from(bytes) {
			Ok(url) if !url.is_empty() => Ok(url),
			_ => Err(Error::<T>::BadUrl),
		}
	}
}
