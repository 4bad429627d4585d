//! The content-addressed file store: `<data_dir>/files/sha256/ab/cd/<64 hex>`. A file is written
//! to `files/tmp/` while its SHA-256 is computed, synced to disk, then renamed into place, so a
//! stored path always holds the whole file with that digest; storing the same bytes twice keeps
//! one copy.

use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};
use tokio::io::AsyncWriteExt as _;

/// Why a file was not stored.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
	#[error("the file is larger than {0} bytes")]
	TooLarge(u64),
	#[error("the upload was cut off: {0}")]
	Upload(String),
	#[error("file store: {0}")]
	Io(#[from] std::io::Error),
}

/// A file as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
	pub sha256: [u8; 32],
	pub size: u64,
}

/// A file being written: hashed as it goes, moved into place by [`Writer::finish`]; dropped
/// before that (an error, a cancelled request), its temporary file is removed.
pub struct Writer {
	store: FileStore,
	/// `None` once the file is in place.
	tmp: Option<PathBuf>,
	file: tokio::fs::File,
	hasher: Sha256,
	size: u64,
	limit: u64,
}

impl Writer {
	/// Appends `chunk`; refused once the file would exceed the limit.
	pub async fn write(&mut self, chunk: &[u8]) -> Result<(), StoreError> {
		self.size += chunk.len() as u64;
		if self.size > self.limit {
			return Err(StoreError::TooLarge(self.limit));
		}
		self.hasher.update(chunk);
		self.file.write_all(chunk).await?;
		Ok(())
	}

	/// Syncs the file and moves it to the path of its digest.
	pub async fn finish(mut self) -> Result<Stored, StoreError> {
		self.file.sync_all().await?;
		let stored = Stored { sha256: self.hasher.clone().finalize().into(), size: self.size };
		let path = self.store.path_of(&stored.sha256);
		if let Some(parent) = path.parent() {
			tokio::fs::create_dir_all(parent).await?;
		}
		if let Some(tmp) = &self.tmp {
			tokio::fs::rename(tmp, &path).await?;
		}
		self.tmp = None;
		Ok(stored)
	}
}

impl Drop for Writer {
	fn drop(&mut self) {
		if let Some(tmp) = self.tmp.take() {
			let _ = std::fs::remove_file(tmp);
		}
	}
}

/// The store under one directory.
#[derive(Debug, Clone)]
pub struct FileStore {
	root: PathBuf,
}

impl FileStore {
	/// The store in `<data_dir>/files`.
	pub fn new(data_dir: &Path) -> FileStore {
		FileStore { root: data_dir.join("files") }
	}

	/// Where the file with digest `sha256` lives.
	pub fn path_of(&self, sha256: &[u8; 32]) -> PathBuf {
		let hex = hex::encode(sha256);
		self.root.join("sha256").join(&hex[0..2]).join(&hex[2..4]).join(hex)
	}

	/// A writer of a new file of at most `limit` bytes.
	pub async fn writer(&self, limit: u64) -> Result<Writer, StoreError> {
		let tmp_dir = self.root.join("tmp");
		tokio::fs::create_dir_all(&tmp_dir).await?;
		let tmp = tmp_dir.join(uuid::Uuid::now_v7().to_string());
		let file = tokio::fs::File::create(&tmp).await?;
		Ok(Writer {
			store: self.clone(),
			tmp: Some(tmp),
			file,
			hasher: Sha256::new(),
			size: 0,
			limit,
		})
	}

	/// Stores the chunks `next` yields (at most `limit` bytes in all); nothing is left behind
	/// when it fails.
	pub async fn put<S, E>(&self, limit: u64, mut chunks: S) -> Result<Stored, StoreError>
	where
		S: futures_util::Stream<Item = Result<bytes::Bytes, E>> + Unpin,
		E: std::fmt::Display,
	{
		use futures_util::StreamExt as _;
		let mut writer = self.writer(limit).await?;
		while let Some(chunk) = chunks.next().await {
			let written = match chunk {
				Ok(chunk) => writer.write(&chunk).await,
				Err(e) => Err(StoreError::Upload(e.to_string())),
			};
			written?;
		}
		writer.finish().await
	}

	/// Removes temporary files a crash left behind (at start, before any upload).
	pub async fn clean_tmp(&self) -> Result<(), StoreError> {
		match tokio::fs::remove_dir_all(self.root.join("tmp")).await {
			Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error.into()),
			_ => Ok(()),
		}
	}

	/// The stored file with digest `sha256`, if there is one.
	pub async fn open(&self, sha256: &[u8; 32]) -> Result<Option<tokio::fs::File>, StoreError> {
		match tokio::fs::File::open(self.path_of(sha256)).await {
			Ok(file) => Ok(Some(file)),
			Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
			Err(error) => Err(error.into()),
		}
	}
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;

	fn chunks(
		parts: Vec<Result<&'static [u8], &'static str>>,
	) -> impl futures_util::Stream<Item = Result<bytes::Bytes, &'static str>> + Unpin {
		futures_util::stream::iter(parts.into_iter().map(|p| p.map(bytes::Bytes::from_static)))
	}

	#[tokio::test]
	async fn a_file_is_stored_under_its_sha256_once() {
		let dir = tempfile::tempdir().unwrap();
		let store = FileStore::new(dir.path());
		let stored = store.put(100, chunks(vec![Ok(b"contract "), Ok(b"text")])).await.unwrap();
		// sha256("contract text"), from `printf 'contract text' | sha256sum`.
		assert_eq!(
			hex::encode(stored.sha256),
			"95ade9258c790a35a666571814090a3ab4f9cb9af14a7be7e9563c5519e6242f"
		);
		assert_eq!(stored.size, 13);
		let path = store.path_of(&stored.sha256);
		assert!(path.ends_with(format!("sha256/95/ad/{}", hex::encode(stored.sha256))));
		assert_eq!(std::fs::read(&path).unwrap(), b"contract text");
		let again = store.put(100, chunks(vec![Ok(b"contract text")])).await.unwrap();
		assert_eq!(again, stored);
		assert!(store.open(&stored.sha256).await.unwrap().is_some());
		assert!(store.open(&[0; 32]).await.unwrap().is_none());
		assert_eq!(std::fs::read_dir(dir.path().join("files/tmp")).unwrap().count(), 0);
	}

	#[tokio::test]
	async fn a_file_over_the_limit_or_cut_off_leaves_nothing() {
		let dir = tempfile::tempdir().unwrap();
		let store = FileStore::new(dir.path());
		let refused = store.put(5, chunks(vec![Ok(b"abc"), Ok(b"def")])).await;
		assert!(matches!(refused, Err(StoreError::TooLarge(5))));
		let cut = store.put(100, chunks(vec![Ok(b"part"), Err("connection reset")])).await;
		assert!(matches!(cut, Err(StoreError::Upload(e)) if e == "connection reset"));
		// A writer dropped half way (a cancelled request) leaves nothing either.
		let mut writer = store.writer(100).await.unwrap();
		writer.write(b"half").await.unwrap();
		drop(writer);
		assert_eq!(std::fs::read_dir(dir.path().join("files/tmp")).unwrap().count(), 0);
		assert!(!dir.path().join("files/sha256").exists());
	}
}
