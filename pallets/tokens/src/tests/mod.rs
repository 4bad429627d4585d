use crate::mock::*;
use frame_support::assert_ok;

mod assets;
mod contracts;
mod deposits;
mod escrow;
mod fees;
mod issuance;
mod limits;
mod quote;
mod held;
mod recovery;
mod rules;
mod transfer;
mod transfer_many;
mod withdrawals;

/// The last event of the tokens pallet.
fn last_event() -> crate::Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::Tokens(event) => Some(event),
			_ => None,
		})
		.expect("a tokens event")
}

/// Sets the fee rule of `ASSET` at `scope`.
fn set_fee(scope: crate::FeeScope<AccountId>, flat: u64, percent: u32, min: u64, max: Option<u64>) {
	assert_ok!(Tokens::set_fee(
		signed(FEES),
		ASSET,
		scope,
		Some(crate::FeeRule {
			flat,
			percent: sp_runtime::Permill::from_percent(percent),
			min,
			max
		})
	));
}

/// Sets the limit rule of `ASSET` at `scope`.
fn set_limits(
	scope: crate::LimitScope<AccountId>,
	per_payment: Option<u64>,
	per_day: Option<u64>,
	per_month: Option<u64>,
) {
	assert_ok!(Tokens::set_limits(
		signed(LIMITS),
		ASSET,
		scope,
		Some(crate::LimitRule { per_payment, per_day, per_month })
	));
}
