//! The extension's functions, on the ABI's types: each converts to the runtime's types and asks
//! the pallet through its `pactum-primitives` trait. The contract's own account and code come
//! from pallet-contracts' environment, never from the input.

use super::errors::classify;
use crate::{AccountId, Audit, BlockNumber, Documents, Hash, Registry, Runtime, Tokens};
use pactum_extension_types::{self as abi, PactumError};
use pactum_primitives::{
	AccountKind, CaseState, CertificateState, ContractCourt, ContractParticipants,
	DocumentRecords, DocumentState, ParticipantRegistry, RegulatedLedger, RegulatedTransfer,
	Verdict,
};
use pallet_contracts::{chain_extension::Ext, Origin};

type Outcome<T> = Result<T, PactumError>;

/// The account that called the contract, if an account did (not root).
pub fn signed_caller<E: Ext<T = Runtime>>(ext: &E) -> Option<AccountId> {
	match ext.caller() {
		Origin::Signed(who) => Some(who),
		Origin::Root => None,
	}
}

/// The calling contract's account and the code it runs.
pub fn own<E: Ext<T = Runtime>>(ext: &mut E) -> (AccountId, Hash) {
	(ext.address().clone(), *ext.own_code_hash())
}

fn account(bytes: abi::AccountId) -> AccountId {
	AccountId::from(bytes)
}

fn bytes(who: &AccountId) -> abi::AccountId {
	*<AccountId as AsRef<[u8; 32]>>::as_ref(who)
}

/// A registered contract acts only while it runs the code it registered with.
fn ensure_registered_code(contract: &AccountId, code: Hash) -> Outcome<()> {
	match Registry::registered_code(contract) {
		Some(registered) if registered != code => Err(PactumError::CodeChanged),
		_ => Ok(()),
	}
}

pub fn standing(who: &abi::AccountId) -> Option<abi::StandingView> {
	let standing = <Registry as ParticipantRegistry<AccountId>>::standing(&account(*who))?;
	Some(abi::StandingView {
		kind: match standing.kind {
			AccountKind::Unverified => abi::ParticipantKind::Unverified,
			AccountKind::Verified => abi::ParticipantKind::Verified,
			AccountKind::Corporate => abi::ParticipantKind::Corporate,
			AccountKind::Contract => abi::ParticipantKind::Contract,
		},
		kyc_level: standing.kyc_level,
		roles: standing.roles.0,
		banned: standing.banned,
	})
}

/// The contract registers itself in its constructor (`deployed`: the constructor returned);
/// whoever instantiates it, its deployer, is its registrar and answers for it. Once deployed,
/// whoever calls it is no registrar: a participant calling an unknown contract must not find
/// itself answering for it. Root is no registrar.
pub fn register_self(
	contract: &AccountId,
	deployed: bool,
	caller: Option<&AccountId>,
	code: Hash,
) -> Outcome<()> {
	if deployed {
		return Err(PactumError::NotInConstructor);
	}
	let registrar = caller.ok_or(PactumError::RegistrarNotParticipant)?;
	Registry::register_contract(contract, registrar, code).map_err(classify)
}

/// The contract leaves the registry (whatever code it runs now: leaving frees its deposit).
pub fn leave(contract: &AccountId) -> Outcome<()> {
	Registry::leave_contract(contract).map_err(classify)
}

pub fn document(id: abi::DocumentId) -> Option<abi::DocumentView> {
	let doc = <Documents as DocumentRecords<AccountId, BlockNumber>>::document(id)?;
	Some(abi::DocumentView {
		state: match doc.state {
			DocumentState::Pending => abi::DocumentState::Pending,
			DocumentState::Active => abi::DocumentState::Active,
			DocumentState::Terminated => abi::DocumentState::Terminated,
			DocumentState::Expired => abi::DocumentState::Expired,
		},
		version: doc.version,
		hash: doc.hash,
		fully_signed: doc.fully_signed,
	})
}

pub fn signed(id: abi::DocumentId, version: abi::VersionIndex, who: &abi::AccountId) -> bool {
	<Documents as DocumentRecords<AccountId, BlockNumber>>::signed(id, version, &account(*who))
}

pub fn certificate(hash: &abi::Hash) -> Option<abi::CertificateView> {
	let cert = <Documents as DocumentRecords<AccountId, BlockNumber>>::certificate(hash)?;
	Some(abi::CertificateView {
		state: match cert.state {
			CertificateState::Valid => abi::CertificateState::Valid,
			CertificateState::Expired => abi::CertificateState::Expired,
			CertificateState::Revoked => abi::CertificateState::Revoked,
		},
		issuer: bytes(&cert.issuer),
		holder: bytes(&cert.holder),
		issued_at: cert.issued_at,
		expires_at: cert.expires_at,
	})
}

pub fn balance(asset: abi::AssetId, who: &abi::AccountId) -> abi::Balance {
	<Tokens as RegulatedLedger<AccountId>>::balance(asset, &account(*who))
}

/// What a transfer from the contract would cost, or why it would be refused.
pub fn quote(
	contract: &AccountId,
	asset: abi::AssetId,
	to: &abi::AccountId,
	amount: abi::Balance,
) -> abi::QuoteView {
	let quote = <Tokens as RegulatedLedger<AccountId>>::quote(asset, contract, &account(*to), amount);
	abi::QuoteView {
		fee: quote.fee,
		refusal: quote.refusal.map(classify),
		daily_remaining: quote.daily_remaining,
		monthly_remaining: quote.monthly_remaining,
	}
}

/// A regulated transfer of the contract's own tokens: every rule of the tokens pallet applies,
/// the contract as the sender.
pub fn transfer(
	contract: &AccountId,
	code: Hash,
	asset: abi::AssetId,
	to: &abi::AccountId,
	amount: abi::Balance,
) -> Outcome<()> {
	ensure_registered_code(contract, code)?;
	<Tokens as RegulatedTransfer<AccountId>>::transfer(asset, contract, &account(*to), amount)
		.map_err(classify)
}

/// The contract opens a case, as its requester, for its caller (the claimant) against the
/// respondent. The claimant must be the caller: a contract cannot name any participant as
/// claimant (which keeps the claimant's organisation off the panels and lets it object).
pub fn open_case(
	contract: &AccountId,
	code: Hash,
	caller: Option<&AccountId>,
	request: abi::CaseRequest,
) -> Outcome<abi::CaseId> {
	ensure_registered_code(contract, code)?;
	if caller != Some(&account(request.claimant)) {
		return Err(PactumError::InvalidParty);
	}
	<Audit as ContractCourt<AccountId, abi::Balance, Hash>>::open_case(
		contract,
		&account(request.claimant),
		&account(request.respondent),
		Hash::from(request.outcome),
		request.value_at_risk,
	)
	.map_err(classify)
}

pub fn case(contract: &AccountId, id: abi::CaseId) -> Option<abi::CaseView> {
	let state = <Audit as ContractCourt<AccountId, abi::Balance, Hash>>::case_state(contract, id)?;
	Some(match state {
		CaseState::Open => abi::CaseView::Open,
		CaseState::Decided(Verdict::Upheld) => abi::CaseView::Decided(abi::Verdict::Upheld),
		CaseState::Decided(Verdict::Rejected) => abi::CaseView::Decided(abi::Verdict::Rejected),
		CaseState::Undecided => abi::CaseView::Undecided,
	})
}

pub fn forget_case(contract: &AccountId, id: abi::CaseId) -> Outcome<()> {
	<Audit as ContractCourt<AccountId, abi::Balance, Hash>>::forget_case(contract, id)
		.map_err(classify)
}
