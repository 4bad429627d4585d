//! A cap on the event streams one caller (an API client, or a person signed in through a portal
//! client: the token's subject) keeps open at once: each open stream holds a slot until its
//! connection ends, so a caller that opens streams and never reads them cannot hold the gateway's
//! connections and database polling without bound, nor take another caller's share.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::error::ApiError;

/// Open streams per caller (token subject).
#[derive(Default)]
pub struct StreamSlots {
	open: Mutex<HashMap<String, usize>>,
}

/// One open stream's slot, given back when dropped.
pub struct StreamSlot {
	slots: Arc<StreamSlots>,
	subject: String,
}

impl StreamSlots {
	/// A slot for `subject`, or a 429 when it holds `limit` already.
	pub fn take(self: &Arc<Self>, subject: &str, limit: usize) -> Result<StreamSlot, ApiError> {
		let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
		let held = open.entry(subject.to_string()).or_default();
		if *held >= limit {
			return Err(ApiError::TooMany(format!(
				"this caller has {limit} event streams open already: close one first"
			)));
		}
		*held += 1;
		Ok(StreamSlot { slots: self.clone(), subject: subject.to_string() })
	}

	/// How many streams `subject` holds open.
	pub fn held(&self, subject: &str) -> usize {
		self.open.lock().unwrap_or_else(|p| p.into_inner()).get(subject).copied().unwrap_or(0)
	}
}

impl Drop for StreamSlot {
	fn drop(&mut self) {
		let mut open = self.slots.open.lock().unwrap_or_else(|p| p.into_inner());
		if let Some(held) = open.get_mut(&self.subject) {
			*held = held.saturating_sub(1);
			if *held == 0 {
				open.remove(&self.subject);
			}
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_client_holds_at_most_the_limit_and_gets_slots_back() {
		let slots = Arc::new(StreamSlots::default());
		let first = slots.take("crm", 2);
		let second = slots.take("crm", 2);
		assert!(first.is_ok() && second.is_ok());
		assert!(matches!(slots.take("crm", 2), Err(ApiError::TooMany(_))));
		assert!(slots.take("other", 2).is_ok(), "per client");
		drop(first);
		assert_eq!(slots.held("crm"), 1);
		assert!(slots.take("crm", 2).is_ok());
	}
}
