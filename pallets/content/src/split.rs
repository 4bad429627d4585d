//! How a payment is split by a royalty table.
//!
//! Each role's part is `share × amount` rounded down, and each holder's leg within a role is
//! `holder share × role part` rounded down. Whatever rounding leaves goes to the first creator
//! listed, so the legs always add up to exactly the amount paid. Legs to the same account are
//! merged into one.

use crate::RoleShares;
use alloc::vec::Vec;
use sp_runtime::{traits::AtLeast32BitUnsigned, Permill};

/// Who receives each role's part of a payment.
pub(crate) struct Payees<'a, AccountId> {
	/// Never empty: registration requires a creator.
	pub creators: &'a [(AccountId, Permill)],
	pub owner: &'a AccountId,
	pub distributors: &'a [(AccountId, Permill)],
	pub promoters: &'a [(AccountId, Permill)],
}

/// The legs of a payment of `amount` split by `table`, adding up to exactly `amount`.
pub(crate) fn split<AccountId: Clone + PartialEq, Balance: AtLeast32BitUnsigned + Copy>(
	amount: Balance,
	table: &RoleShares,
	payees: &Payees<'_, AccountId>,
) -> Vec<(AccountId, Balance)> {
	let owner = [(payees.owner.clone(), Permill::one())];
	let roles: [(Permill, &[(AccountId, Permill)]); 4] = [
		(table.creators, payees.creators),
		(table.owner, &owner),
		(table.distributors, payees.distributors),
		(table.promoters, payees.promoters),
	];
	let mut legs = Legs(Vec::new());
	let mut paid = Balance::zero();
	for (part, holders) in roles {
		let role_part = part.mul_floor(amount);
		for (who, share) in holders {
			let leg = share.mul_floor(role_part);
			paid = paid.saturating_add(leg);
			legs.add(who, leg);
		}
	}
	if let Some((first, _)) = payees.creators.first() {
		legs.add(first, amount.saturating_sub(paid));
	}
	legs.0
}

struct Legs<AccountId, Balance>(Vec<(AccountId, Balance)>);

impl<AccountId: Clone + PartialEq, Balance: AtLeast32BitUnsigned + Copy> Legs<AccountId, Balance> {
	fn add(&mut self, who: &AccountId, value: Balance) {
		if value.is_zero() {
			return;
		}
		match self.0.iter_mut().find(|(a, _)| a == who) {
			Some((_, v)) => *v = v.saturating_add(value),
			None => self.0.push((who.clone(), value)),
		}
	}
}
