//! # Token vault
//!
//! The smallest contract on `pactum-env`, and its example: a vault that holds regulated tokens
//! and pays them out on its owner's order. Instantiating it registers it as a participant (the
//! deployer answers for it, the endowment pays the deposit), so an asset whose policy admits
//! contracts can be sent to it; `pay` is a regulated transfer from the vault's own account,
//! every rule of the asset applied, the fee paid on top.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract(env = pactum_env::PactumEnvironment)]
pub mod token_vault {
	use pactum_env::{AssetId, PactumError};

	#[derive(Debug, PartialEq, Eq)]
	#[ink::scale_derive(Encode, Decode, TypeInfo)]
	pub enum Error {
		/// Only the owner may pay out.
		NotOwner,
		/// The chain refused: the extension's error.
		Chain(PactumError),
	}

	impl From<PactumError> for Error {
		fn from(error: PactumError) -> Self {
			Error::Chain(error)
		}
	}

	#[ink(event)]
	pub struct Paid {
		#[ink(topic)]
		pub to: AccountId,
		pub asset: AssetId,
		pub amount: Balance,
	}

	#[ink(storage)]
	pub struct TokenVault {
		owner: AccountId,
	}

	impl TokenVault {
		/// A vault owned by the caller, registered as a participant the caller answers for.
		#[ink(constructor, payable)]
		pub fn new() -> Result<Self, Error> {
			Self::env().extension().register_self()?;
			Ok(Self { owner: Self::env().caller() })
		}

		/// Pays `amount` of `asset` to `to` from the vault. Owner only.
		#[ink(message)]
		pub fn pay(&mut self, asset: AssetId, to: AccountId, amount: Balance) -> Result<(), Error> {
			if self.env().caller() != self.owner {
				return Err(Error::NotOwner);
			}
			self.env().extension().transfer(asset, to, amount)?;
			self.env().emit_event(Paid { to, asset, amount });
			Ok(())
		}

		/// What the vault holds of `asset`.
		#[ink(message)]
		pub fn held(&self, asset: AssetId) -> Balance {
			self.env().extension().balance(asset, self.env().account_id())
		}

		#[ink(message)]
		pub fn owner(&self) -> AccountId {
			self.owner
		}
	}
}

pub use token_vault::{Error, TokenVault};

#[cfg(test)]
mod tests {
	use super::*;
	use ink::env::test;
	use pactum_env::{mock::MockChain, PactumEnvironment, PactumError, ParticipantKind};

	type Env = PactumEnvironment;
	const ASSET: u32 = 1;

	fn vault() -> (MockChain, TokenVault) {
		let a = test::default_accounts::<Env>();
		test::set_callee::<Env>(a.frank);
		let chain = MockChain::install(a.frank);
		for who in [a.alice, a.bob, a.eve] {
			chain.admit(who, ParticipantKind::Verified, 1);
		}
		chain.create_asset(ASSET, 1, a.eve, true);
		test::set_caller::<Env>(a.alice);
		chain.set_caller(a.alice);
		let vault = TokenVault::new().expect("deploys");
		chain.mint(ASSET, a.frank, 100);
		(chain, vault)
	}

	#[test]
	fn the_owner_pays_out_under_the_assets_rules() {
		let (chain, mut vault) = vault();
		let a = test::default_accounts::<Env>();
		assert_eq!(vault.pay(ASSET, a.bob, 40), Ok(()));
		assert_eq!((chain.balance(ASSET, a.bob), vault.held(ASSET)), (40, 59));
		assert_eq!(chain.balance(ASSET, a.eve), 1, "the fee went to the collector");
	}

	#[test]
	fn pay_refusals() {
		let (_chain, mut vault) = vault();
		let a = test::default_accounts::<Env>();
		assert_eq!(vault.pay(ASSET, a.charlie, 1), Err(Error::Chain(PactumError::NotAdmitted)));
		assert_eq!(vault.pay(ASSET, a.bob, 100), Err(Error::Chain(PactumError::InsufficientBalance)));
		assert_eq!(vault.pay(ASSET + 1, a.bob, 1), Err(Error::Chain(PactumError::UnknownAsset)));
		test::set_caller::<Env>(a.bob);
		assert_eq!(vault.pay(ASSET, a.bob, 1), Err(Error::NotOwner));
	}
}
