//! A chain's whole state at one block: the top trie and every default child trie (the contracts'
//! storage), kept in a file so the checks can run again without the node.

use codec::{Decode, DecodeAll, Encode};
use sp_core::{
	storage::{
		well_known_keys::DEFAULT_CHILD_STORAGE_KEY_PREFIX, ChildInfo, Storage, StorageChild,
	},
	H256,
};
use std::{fs, path::Path};

/// What a snapshot file starts with, then the SCALE encoding of [`Snapshot`].
const MAGIC: &[u8; 16] = b"pactum-state/v1\n";

/// Key-value pairs of one trie, ordered by key.
pub type Pairs = Vec<(Vec<u8>, Vec<u8>)>;

/// The state of a chain at one block.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode)]
pub struct Snapshot {
	/// The block whose post-state this is.
	pub block_hash: H256,
	/// Its number.
	pub block_number: u32,
	/// Its header's state root: what the pairs below hash to.
	pub state_root: H256,
	/// The top trie, `:code` included.
	pub top: Pairs,
	/// Each default child trie by its key without the `:child_storage:default:` prefix.
	pub children: Vec<(Vec<u8>, Pairs)>,
}

impl Snapshot {
	/// Writes the snapshot to `path`.
	pub fn save(&self, path: &Path) -> Result<(), String> {
		let mut bytes = MAGIC.to_vec();
		self.encode_to(&mut bytes);
		fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
	}

	/// Reads a snapshot written by [`Snapshot::save`].
	pub fn load(path: &Path) -> Result<Self, String> {
		let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
		let body = bytes
			.strip_prefix(MAGIC.as_slice())
			.ok_or_else(|| format!("{} is not a Pactum state snapshot", path.display()))?;
		Self::decode_all(&mut &body[..]).map_err(|e| format!("{} is damaged: {e}", path.display()))
	}

	/// The number of key-value pairs, child tries included.
	pub fn pairs(&self) -> usize {
		self.top.len() + self.children.iter().map(|(_, pairs)| pairs.len()).sum::<usize>()
	}

	/// The state as externalities take it. The child tries' root entries in the top trie are
	/// left out: the externalities compute them from the child tries' contents.
	pub fn into_storage(self) -> Storage {
		let top = self
			.top
			.into_iter()
			.filter(|(key, _)| !key.starts_with(DEFAULT_CHILD_STORAGE_KEY_PREFIX))
			.collect();
		let children_default = self
			.children
			.into_iter()
			.map(|(key, pairs)| {
				let child_info = ChildInfo::new_default(&key);
				(key, StorageChild { data: pairs.into_iter().collect(), child_info })
			})
			.collect();
		Storage { top, children_default }
	}

	/// A snapshot of `storage` (a genesis, or a state a test made).
	pub fn from_storage(
		block_hash: H256,
		block_number: u32,
		state_root: H256,
		storage: Storage,
	) -> Self {
		let top = storage.top.into_iter().collect();
		let children = storage
			.children_default
			.into_iter()
			.map(|(key, child)| (key, child.data.into_iter().collect()))
			.collect();
		Self { block_hash, block_number, state_root, top, children }
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_snapshot_survives_its_file_and_a_foreign_file_is_refused() {
		let snapshot = Snapshot {
			block_hash: H256::repeat_byte(7),
			block_number: 42,
			state_root: H256::repeat_byte(8),
			top: vec![(b"key".to_vec(), b"value".to_vec())],
			children: vec![(b"trie".to_vec(), vec![(b"k".to_vec(), b"v".to_vec())])],
		};
		let dir = std::env::temp_dir().join(format!("pactum-snapshot-{}", std::process::id()));
		fs::create_dir_all(&dir).unwrap();
		let path = dir.join("state.snap");
		snapshot.save(&path).unwrap();
		assert_eq!(Snapshot::load(&path).unwrap(), snapshot);
		assert_eq!(snapshot.pairs(), 2);

		fs::write(&path, b"something else").unwrap();
		assert!(Snapshot::load(&path).unwrap_err().contains("not a Pactum state snapshot"));
		let mut cut = MAGIC.to_vec();
		cut.extend_from_slice(&snapshot.encode()[..10]);
		fs::write(&path, cut).unwrap();
		assert!(Snapshot::load(&path).unwrap_err().contains("is damaged"));
		fs::remove_dir_all(&dir).unwrap();
	}

	#[test]
	fn child_tries_go_to_their_own_storage() {
		let mut root_key = DEFAULT_CHILD_STORAGE_KEY_PREFIX.to_vec();
		root_key.extend_from_slice(b"trie");
		let snapshot = Snapshot {
			top: vec![(b"key".to_vec(), b"value".to_vec()), (root_key, vec![0; 32])],
			children: vec![(b"trie".to_vec(), vec![(b"k".to_vec(), b"v".to_vec())])],
			..Default::default()
		};
		let storage = snapshot.into_storage();
		assert_eq!(storage.top.len(), 1, "the child root entry is computed, not copied");
		let child = &storage.children_default[b"trie".as_slice()];
		assert_eq!(child.data.get(b"k".as_slice()), Some(&b"v".to_vec()));
		assert_eq!(child.child_info, ChildInfo::new_default(b"trie"));
	}
}
