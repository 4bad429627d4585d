//! An in-memory model of the chain behind the extension, for contracts' unit tests: participants
//! and bans, contracts registering themselves, regulated balances with a flat transfer fee, the
//! admission of contracts as holders, documents, certificates and cases the test decides.
//!
//! ```ignore
//! let chain = MockChain::install(contract_account);
//! chain.admit(alice, ParticipantKind::Verified, 2);
//! chain.mint(ASSET, contract_account, 1_000);
//! // ... call the contract's messages ...
//! assert_eq!(chain.balance(ASSET, bob), 100);
//! ```
//!
//! The functions answer as the runtime's do for what the model covers; what it does not model
//! (limits, KYC levels in policies, panels) a test sets up directly (a case's verdict, say).

use crate::{
	AccountId, Balance, CaseRequest, CaseView, CertificateView, DocumentView, PactumError,
	ParticipantKind, QuoteView, StandingView,
};
use pactum_extension_types::{func, AssetId, CaseId, DocumentId, VersionIndex, EXTENSION_ID};
use scale::{Decode, DecodeAll, Encode};
use std::{
	cell::RefCell,
	collections::{BTreeMap, BTreeSet},
	rc::Rc,
};

/// What the mock chain holds.
#[derive(Default)]
pub struct State {
	/// The contract under test: the account every function acts for.
	pub contract: Option<AccountId>,
	/// Who calls the contract now (the registrar of `register_self`, the claimant of a case).
	pub caller: Option<AccountId>,
	/// Whether the contract's constructor returned (`register_self` is refused from then on).
	pub deployed: bool,
	pub participants: BTreeMap<AccountId, StandingView>,
	/// Registered contracts -> their registrar.
	pub registrars: BTreeMap<AccountId, AccountId>,
	pub balances: BTreeMap<(AssetId, AccountId), Balance>,
	/// Assets -> (flat fee paid by the sender to the collector, whether contracts may hold it).
	pub assets: BTreeMap<AssetId, (Balance, bool)>,
	pub fee_collector: Option<AccountId>,
	pub documents: BTreeMap<DocumentId, DocumentView>,
	pub signatures: BTreeSet<(DocumentId, VersionIndex, AccountId)>,
	pub certificates: BTreeMap<[u8; 32], CertificateView>,
	/// Cases the contract opened, with the request and what became of them.
	pub cases: BTreeMap<CaseId, (CaseRequest, CaseView)>,
	/// The id the next case gets (ids are never reused).
	pub next_case: CaseId,
	/// Every function id called, in order.
	pub calls: Vec<u16>,
}

/// A handle on the mock chain a test installed; clones share the chain.
#[derive(Clone, Default)]
pub struct MockChain(Rc<RefCell<State>>);

impl MockChain {
	/// Installs a fresh chain as the extension of this test, acting for `contract`.
	pub fn install(contract: AccountId) -> Self {
		let chain = Self::default();
		chain.0.borrow_mut().contract = Some(contract);
		ink::env::test::register_chain_extension(chain.clone());
		chain
	}

	pub fn state(&self) -> std::cell::RefMut<'_, State> {
		self.0.borrow_mut()
	}

	/// `who` becomes a participant of `kind` at `kyc_level`.
	pub fn admit(&self, who: AccountId, kind: ParticipantKind, kyc_level: u8) {
		let standing = StandingView { kind, kyc_level, roles: 0, banned: false };
		self.state().participants.insert(who, standing);
	}
	/// Gives `who` role number `role`.
	pub fn grant(&self, who: AccountId, role: u8) {
		if let Some(s) = self.state().participants.get_mut(&who) {
			s.roles |= 1 << role;
		}
	}
	pub fn ban(&self, who: AccountId) {
		if let Some(s) = self.state().participants.get_mut(&who) {
			s.banned = true;
		}
	}
	/// The contract's constructor returned: from now on it is a deployed contract.
	pub fn deployed(&self) {
		self.state().deployed = true;
	}

	/// The caller of the next messages.
	pub fn set_caller(&self, who: AccountId) {
		self.state().caller = Some(who);
	}
	/// A regulated asset with a flat transfer fee paid to `collector`; `contracts`: whether
	/// contracts may hold it.
	pub fn create_asset(&self, asset: AssetId, fee: Balance, collector: AccountId, contracts: bool) {
		let mut state = self.state();
		state.assets.insert(asset, (fee, contracts));
		state.fee_collector = Some(collector);
	}
	pub fn mint(&self, asset: AssetId, who: AccountId, amount: Balance) {
		*self.state().balances.entry((asset, who)).or_default() += amount;
	}
	pub fn balance(&self, asset: AssetId, who: AccountId) -> Balance {
		self.0.borrow().balances.get(&(asset, who)).copied().unwrap_or_default()
	}
	/// What became of case `id` (the court's verdict, in a test).
	pub fn decide(&self, id: CaseId, view: CaseView) {
		if let Some(case) = self.state().cases.get_mut(&id) {
			case.1 = view;
		}
	}
	pub fn case(&self, id: CaseId) -> Option<(CaseRequest, CaseView)> {
		self.0.borrow().cases.get(&id).copied()
	}
	/// Every function id called so far.
	pub fn calls(&self) -> Vec<u16> {
		self.0.borrow().calls.clone()
	}
}

impl State {
	fn active(&self, who: &AccountId) -> Result<StandingView, PactumError> {
		let standing = self.participants.get(who).copied().ok_or(PactumError::NotParticipant)?;
		if standing.banned {
			return Err(PactumError::Banned);
		}
		Ok(standing)
	}

	fn admitted(&self, asset: AssetId, who: &AccountId) -> Result<StandingView, PactumError> {
		let (_, contracts) = self.assets.get(&asset).ok_or(PactumError::UnknownAsset)?;
		let standing = self.active(who).map_err(|_| PactumError::NotAdmitted)?;
		if standing.kind == ParticipantKind::Contract && !contracts {
			return Err(PactumError::NotAdmitted);
		}
		Ok(standing)
	}

	/// The fee of a transfer, or why no rule can price it (as the runtime's assessment: an
	/// unknown asset, a party not admitted, a zero amount or a self-transfer).
	fn price(&self, asset: AssetId, from: &AccountId, to: &AccountId, amount: Balance) -> Result<Balance, PactumError> {
		let (fee, _) = *self.assets.get(&asset).ok_or(PactumError::UnknownAsset)?;
		self.admitted(asset, from).map_err(|e| match e {
			PactumError::NotAdmitted if !self.participants.contains_key(from) =>
				PactumError::NotParticipant,
			e => e,
		})?;
		self.admitted(asset, to)?;
		if amount == 0 || from == to {
			return Err(PactumError::InvalidAmount);
		}
		Ok(fee)
	}

	/// Why a priced transfer is refused: the sender lacks the amount and the fee.
	fn funds(&self, asset: AssetId, from: &AccountId, amount: Balance, fee: Balance) -> Option<PactumError> {
		let held = self.balances.get(&(asset, *from)).copied().unwrap_or_default();
		(held < amount.saturating_add(fee)).then_some(PactumError::InsufficientBalance)
	}

	fn transfer(&mut self, asset: AssetId, from: AccountId, to: AccountId, amount: Balance) -> Result<(), PactumError> {
		let fee = self.price(asset, &from, &to, amount)?;
		if let Some(refusal) = self.funds(asset, &from, amount, fee) {
			return Err(refusal);
		}
		*self.balances.entry((asset, from)).or_default() -= amount + fee;
		*self.balances.entry((asset, to)).or_default() += amount;
		if let Some(collector) = self.fee_collector {
			*self.balances.entry((asset, collector)).or_default() += fee;
		}
		Ok(())
	}

	fn contract(&self) -> AccountId {
		self.contract.expect("MockChain::install names the contract")
	}

	fn run(&mut self, id: u16, input: &[u8]) -> Result<Vec<u8>, PactumError> {
		fn args<T: DecodeAll>(input: &[u8]) -> Result<T, PactumError> {
			T::decode_all(&mut &input[..]).map_err(|_| PactumError::InvalidInput)
		}
		let contract = self.contract();
		Ok(match id {
			func::STANDING => {
				let who: AccountId = args(input)?;
				let mut standing = self.participants.get(&who).copied();
				if let (Some(s), Some(registrar)) = (standing.as_mut(), self.registrars.get(&who)) {
					s.banned |= self.participants.get(registrar).is_some_and(|r| r.banned);
				}
				standing.encode()
			},
			func::REGISTER_SELF => {
				if self.deployed {
					return Err(PactumError::NotInConstructor);
				}
				if self.participants.contains_key(&contract) {
					return Err(PactumError::AlreadyRegistered);
				}
				let registrar = self.caller.ok_or(PactumError::RegistrarNotParticipant)?;
				let by = self.active(&registrar).map_err(|_| PactumError::RegistrarNotParticipant)?;
				self.participants.insert(
					contract,
					StandingView { kind: ParticipantKind::Contract, kyc_level: by.kyc_level, roles: 0, banned: false },
				);
				self.registrars.insert(contract, registrar);
				().encode()
			},
			func::LEAVE => {
				self.participants.remove(&contract).ok_or(PactumError::NotParticipant)?;
				self.registrars.remove(&contract);
				().encode()
			},
			func::DOCUMENT => self.documents.get(&args::<DocumentId>(input)?).copied().encode(),
			func::SIGNED => self.signatures.contains(&args(input)?).encode(),
			func::CERTIFICATE => self.certificates.get(&args::<[u8; 32]>(input)?).copied().encode(),
			func::BALANCE => {
				let key: (AssetId, AccountId) = args(input)?;
				self.balances.get(&key).copied().unwrap_or_default().encode()
			},
			func::QUOTE => {
				let (asset, to, amount): (AssetId, AccountId, Balance) = args(input)?;
				let (fee, refusal) = match self.price(asset, &contract, &to, amount) {
					Ok(fee) => (fee, self.funds(asset, &contract, amount, fee)),
					Err(e) => (0, Some(e)),
				};
				QuoteView { fee, refusal, daily_remaining: None, monthly_remaining: None }.encode()
			},
			func::TRANSFER => {
				let (asset, to, amount): (AssetId, AccountId, Balance) = args(input)?;
				self.transfer(asset, contract, to, amount)?;
				().encode()
			},
			func::OPEN_CASE => {
				let request: CaseRequest = args(input)?;
				self.active(&contract)?;
				let (claimant, respondent) =
					(AccountId::from(request.claimant), AccountId::from(request.respondent));
				if claimant == respondent ||
					self.caller != Some(claimant) ||
					self.active(&claimant).is_err() ||
					self.active(&respondent).is_err()
				{
					return Err(PactumError::InvalidParty);
				}
				let id = self.next_case;
				self.next_case = id.checked_add(1).ok_or(PactumError::CaseRefused)?;
				self.cases.insert(id, (request, CaseView::Open));
				id.encode()
			},
			func::CASE => self.cases.get(&args::<CaseId>(input)?).map(|(_, view)| *view).encode(),
			func::FORGET_CASE => {
				let id: CaseId = args(input)?;
				match self.cases.get(&id) {
					None => return Err(PactumError::UnknownCase),
					Some((_, CaseView::Open)) => return Err(PactumError::CaseStillOpen),
					Some(_) => self.cases.remove(&id),
				};
				().encode()
			},
			_ => return Err(PactumError::Other),
		})
	}
}

impl ink::env::test::ChainExtension for MockChain {
	fn ext_id(&self) -> u16 {
		EXTENSION_ID
	}

	fn call(&mut self, func_id: u16, input: &[u8], output: &mut Vec<u8>) -> u32 {
		let mut state = self.state();
		state.calls.push(func_id);
		// The off-chain engine hands the encoded arguments over encoded once more (as bytes).
		let Ok(input) = <Vec<u8>>::decode(&mut &input[..]) else {
			return PactumError::InvalidInput.status();
		};
		match state.run(func_id, &input) {
			Ok(bytes) => {
				output.extend_from_slice(&bytes);
				0
			},
			Err(error) => error.status(),
		}
	}
}
