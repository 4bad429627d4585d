//! The fuzzer's only source of randomness: SplitMix64, seeded by the case's seed, so that a case
//! is a pure function of its seed (and of the generator's version).

/// A SplitMix64 generator (Steele, Lea and Flood, 2014): small, fast and good enough to pick
/// calls and arguments; not for anything that needs secrecy.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
	pub fn new(seed: u64) -> Self {
		Self(seed)
	}

	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	pub fn next_u128(&mut self) -> u128 {
		(u128::from(self.next_u64()) << 64) | u128::from(self.next_u64())
	}

	/// A number below `n` (0 when `n` is 0). The modulo bias is irrelevant for the small `n` used.
	pub fn below(&mut self, n: u64) -> u64 {
		if n == 0 {
			0
		} else {
			self.next_u64() % n
		}
	}

	/// `true` with a probability of `percent` %.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}

	/// One item of `items`, all equally likely; `None` if there is none.
	pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
		items.get(self.below(items.len() as u64) as usize)
	}

	/// One item of `items`, each as likely as its weight; `None` if all weights are zero.
	pub fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> Option<&'a T> {
		let total: u64 = items.iter().map(|(_, weight)| u64::from(*weight)).sum();
		let mut ticket = self.below(total);
		for (item, weight) in items {
			let weight = u64::from(*weight);
			if ticket < weight {
				return Some(item);
			}
			ticket -= weight;
		}
		None
	}

	/// `len` random bytes.
	pub fn bytes(&mut self, len: usize) -> Vec<u8> {
		(0..len).map(|_| self.next_u64() as u8).collect()
	}
}

/// The seed of the `index`-th case of a campaign started from `base`: every case of a campaign
/// has its own seed, printed with any failure, and replays alone from it.
pub fn case_seed(base: u64, index: u64) -> u64 {
	Rng::new(base ^ index.wrapping_mul(0xD6E8_FEB8_6659_FD93)).next_u64()
}
