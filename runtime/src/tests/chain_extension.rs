//! Pactum's chain extension on the composed runtime, driven by a real contract: a proxy that
//! passes its input to one extension function (or, read-only, through a call to itself) and
//! returns the status and output. Every function's success and refusals, the weight charged for
//! an oversized input, and that a contract acts only for its own account.

use super::{account, ext_from_preset};
use crate::{
	chain_extension::weight_of, AccountId, Balances, Registry, Runtime, RuntimeOrigin, Tokens,
	UNIT,
};
use codec::{Decode, Encode};
use frame_support::{assert_ok, traits::fungible::Mutate, weights::Weight};
use pactum_extension_types::{self as abi, func, PactumError, EXTENSION_ID};
use pallet_contracts::{CollectEvents, DebugInfo, Determinism};
use pallet_tokens::HolderPolicy;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Eve};
use sp_runtime::FixedU128;

/// Input: `mode: u32`, `function: u32` (the extension's id in the high half), the arguments.
/// Mode 0 calls the extension and returns `status: u32` then the output; mode 1 calls the
/// contract itself read-only, in mode 0, and returns what that returned. The constructor does
/// the same with its input (mode 0 only), or nothing with none.
const PROXY: &str = r#"
(module
  (import "seal0" "seal_input" (func $input (param i32 i32)))
  (import "seal0" "seal_return" (func $return (param i32 i32 i32)))
  (import "seal0" "seal_address" (func $address (param i32 i32)))
  (import "seal0" "call_chain_extension" (func $extension (param i32 i32 i32 i32 i32) (result i32)))
  (import "seal1" "call" (func $call (param i32 i32 i64 i32 i32 i32 i32 i32) (result i32)))
  (import "env" "memory" (memory 2 2))
  (func $read_input
    (i32.store (i32.const 0) (i32.const 60000))
    (call $input (i32.const 4) (i32.const 0)))
  (func $forward
    (i32.store (i32.const 65532) (i32.const 60000))
    (if (i32.eqz (i32.load (i32.const 4)))
      (then
        (i32.store (i32.const 65536)
          (call $extension (i32.load (i32.const 8)) (i32.const 12)
            (i32.sub (i32.load (i32.const 0)) (i32.const 8))
            (i32.const 65540) (i32.const 65532)))
        (if (i32.load (i32.const 65536))
          (then (i32.store (i32.const 65532) (i32.const 0))))
        (call $return (i32.const 0) (i32.const 65536)
          (i32.add (i32.load (i32.const 65532)) (i32.const 4))))
      (else
        (i32.store (i32.const 4) (i32.const 0))
        (i32.store (i32.const 130000) (i32.const 32))
        (call $address (i32.const 130004) (i32.const 130000))
        (drop (call $call (i32.const 24) (i32.const 130004) (i64.const 0) (i32.const 130100)
          (i32.const 4) (i32.load (i32.const 0)) (i32.const 65536) (i32.const 65532)))
        (call $return (i32.const 0) (i32.const 65536) (i32.load (i32.const 65532))))))
  (func (export "deploy")
    (call $read_input)
    (if (i32.load (i32.const 0)) (then (call $forward))))
  (func (export "call")
    (call $read_input)
    (call $forward)))
"#;

const GAS: Weight = Weight::from_parts(100_000_000_000, 4 * 1024 * 1024);
const ASSET: u32 = 1;

/// The proxy, deployed by `deployer` with an endowment of `value`; its constructor calls
/// `function` with `args` if given. Yields the contract and what its constructor returned.
fn instantiate(
	deployer: Sr25519Keyring,
	salt: u8,
	value: crate::Balance,
	call: Option<(u16, Vec<u8>)>,
) -> (AccountId, Option<Answer>) {
	let code = wat::parse_str(PROXY).expect("the proxy assembles");
	let input = call.as_ref().map_or_else(Vec::new, |(function, args)| proxy_input(0, *function, args));
	let result = pallet_contracts::Pallet::<Runtime>::bare_instantiate(
		account(deployer),
		value,
		GAS,
		None,
		pallet_contracts::Code::Upload(code),
		input,
		vec![salt],
		DebugInfo::Skip,
		CollectEvents::Skip,
	);
	let deployed = result.result.expect("the proxy deploys");
	let answer = call.map(|_| Answer::of(&deployed.result.data, result.gas_consumed));
	(deployed.account_id, answer)
}

/// The proxy, deployed by `deployer` with 100 PACT; its constructor does nothing.
fn deploy(deployer: Sr25519Keyring, salt: u8) -> AccountId {
	instantiate(deployer, salt, 100 * UNIT, None).0
}

/// The proxy, deployed by `deployer` with `value`, registering itself in its constructor;
/// yields the contract and the registration's answer.
fn deploy_registering(deployer: Sr25519Keyring, salt: u8, value: crate::Balance) -> (AccountId, Answer) {
	let (contract, answer) = instantiate(deployer, salt, value, Some((func::REGISTER_SELF, vec![])));
	(contract, answer.expect("the constructor answered"))
}

fn proxy_input(mode: u32, function: u16, args: &[u8]) -> Vec<u8> {
	let id = (u32::from(EXTENSION_ID) << 16) | u32::from(function);
	let mut input = (mode, id).encode();
	input.extend_from_slice(args);
	input
}

/// What a call returned: the status and the output, and the weight it used.
struct Answer {
	status: u32,
	output: Vec<u8>,
	gas: Weight,
}

impl Answer {
	fn of(data: &[u8], gas: Weight) -> Self {
		let status = u32::decode(&mut &data[..4]).expect("a status");
		Answer { status, output: data[4..].to_vec(), gas }
	}
	fn error(&self) -> Option<PactumError> {
		PactumError::from_status(self.status)
	}
	fn decode<T: Decode>(&self) -> T {
		assert_eq!(self.status, 0, "the call failed: {:?}", self.error());
		T::decode(&mut &self.output[..]).expect("the output decodes")
	}
}

fn call_raw(caller: Sr25519Keyring, contract: &AccountId, mode: u32, function: u16, args: &[u8]) -> Result<Answer, sp_runtime::DispatchError> {
	let input = proxy_input(mode, function, args);
	let result = pallet_contracts::Pallet::<Runtime>::bare_call(
		account(caller),
		contract.clone(),
		0,
		GAS,
		None,
		input,
		DebugInfo::Skip,
		CollectEvents::Skip,
		Determinism::Enforced,
	);
	let gas = result.gas_consumed;
	Ok(Answer::of(&result.result?.data, gas))
}

fn call(caller: Sr25519Keyring, contract: &AccountId, function: u16, args: impl Encode) -> Answer {
	call_raw(caller, contract, 0, function, &args.encode()).expect("the contract returns")
}

fn read_only(caller: Sr25519Keyring, contract: &AccountId, function: u16, args: impl Encode) -> Answer {
	call_raw(caller, contract, 1, function, &args.encode()).expect("the contract returns")
}

fn bytes(who: &AccountId) -> abi::AccountId {
	*<AccountId as AsRef<[u8; 32]>>::as_ref(who)
}

/// A proxy Bob deployed, registering itself in its constructor (so Bob is its registrar).
fn registered_proxy() -> AccountId {
	registered_by(Bob, 0)
}

fn registered_by(deployer: Sr25519Keyring, salt: u8) -> AccountId {
	let (contract, answer) = deploy_registering(deployer, salt, 100 * UNIT);
	assert_eq!(answer.status, 0, "registers: {:?}", answer.error());
	contract
}

fn registration_deposit() -> crate::Balance {
	<Runtime as pallet_registry::Config>::RegistrationDeposit::get()
}

/// `ASSET`, admitting contracts, with 1 000 issued to Bob.
fn asset_admitting_contracts() {
	let alice = RuntimeOrigin::signed(account(Alice));
	let policy = HolderPolicy {
		unverified: false,
		verified: true,
		corporate: true,
		min_kyc_level: 1,
		contract: true,
	};
	assert_ok!(Tokens::create_asset(alice.clone(), ASSET, 1, policy, account(Alice), FixedU128::from_u32(1)));
	assert_ok!(Tokens::set_authorised_supply(alice.clone(), ASSET, 1_000_000));
	assert_ok!(Tokens::add_collateral(alice.clone(), ASSET, 1_000_000, [1; 32]));
	assert_ok!(Tokens::issue(alice, ASSET, account(Bob), 1_000));
}

fn dev(test: impl FnOnce()) {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		test();
		assert_ok!(Registry::do_try_state());
		assert_ok!(Tokens::do_try_state());
		assert_ok!(crate::Audit::do_try_state());
	});
}

#[test]
fn standing_of_any_account() {
	dev(|| {
		let contract = deploy(Alice, 0);
		let bob: Option<abi::StandingView> = call(Alice, &contract, func::STANDING, bytes(&account(Bob))).decode();
		let bob = bob.expect("Bob is a participant");
		assert_eq!((bob.kind, bob.kyc_level, bob.banned), (abi::ParticipantKind::Verified, 3, false));
		assert!(bob.has_role(pallet_registry::roles::KycAdmin::ROLE.0));
		let eve: Option<abi::StandingView> = call(Alice, &contract, func::STANDING, bytes(&account(Eve))).decode();
		assert_eq!(eve, None);
	});
}

#[test]
fn a_contract_registers_itself_in_its_constructor_with_its_deployer_as_registrar() {
	dev(|| {
		let contract = registered_proxy();
		let standing: Option<abi::StandingView> = call(Alice, &contract, func::STANDING, bytes(&contract)).decode();
		assert_eq!(standing.map(|s| (s.kind, s.kyc_level)), Some((abi::ParticipantKind::Contract, 3)));
		let record = pallet_registry::ContractRecords::<Runtime>::get(&contract).expect("recorded");
		assert_eq!(record.registrar, account(Bob));
		assert_eq!(Some(record.code_hash), pallet_contracts::Pallet::<Runtime>::code_hash(&contract));
	});
}

#[test]
fn register_self_refusals() {
	dev(|| {
		// Once deployed, whoever calls a contract is no registrar: Alice calling Bob's proxy
		// does not answer for it, nor does Bob.
		let deployed = deploy(Bob, 0);
		assert_eq!(call(Alice, &deployed, func::REGISTER_SELF, ()).error(), Some(PactumError::NotInConstructor));
		assert_eq!(call(Bob, &deployed, func::REGISTER_SELF, ()).error(), Some(PactumError::NotInConstructor));
		assert!(pallet_registry::ContractRecords::<Runtime>::get(&deployed).is_none());
		let registered = registered_proxy_salted(1);
		assert_eq!(call(Bob, &registered, func::REGISTER_SELF, ()).error(), Some(PactumError::NotInConstructor));
		// Eve is no participant: she cannot answer for a contract (it deploys unregistered).
		let (by_eve, answer) = deploy_registering(Eve, 2, 100 * UNIT);
		assert_eq!(answer.error(), Some(PactumError::RegistrarNotParticipant));
		assert!(pallet_registry::Participants::<Runtime>::get(&by_eve).is_none());
		// An endowment short of the deposit registers nothing.
		let (poor, answer) = deploy_registering(Bob, 3, registration_deposit() / 2);
		assert_eq!(answer.error(), Some(PactumError::InsufficientBalance));
		assert!(pallet_registry::Participants::<Runtime>::get(&poor).is_none());
		// A banned deployer answers for nothing.
		assert_ok!(Registry::ban(RuntimeOrigin::signed(account(Alice)), account(Charlie), 6, None));
		let (banned, answer) = deploy_registering(Charlie, 4, 100 * UNIT);
		assert_eq!(answer.error(), Some(PactumError::RegistrarNotParticipant));
		assert!(pallet_registry::Participants::<Runtime>::get(&banned).is_none());
		// A read-only call changes nothing.
		assert_eq!(read_only(Bob, &deployed, func::REGISTER_SELF, ()).error(), Some(PactumError::ReadOnly));
	});
}

fn registered_proxy_salted(salt: u8) -> AccountId {
	registered_by(Bob, salt)
}

#[test]
fn a_contract_leaves_and_its_deposit_comes_back() {
	dev(|| {
		let contract = registered_proxy();
		let before = Balances::free_balance(&contract);
		assert_eq!(call(Alice, &contract, func::LEAVE, ()).status, 0);
		assert_eq!(Balances::free_balance(&contract), before + registration_deposit());
		assert!(pallet_registry::Participants::<Runtime>::get(&contract).is_none());
		assert_eq!(call(Alice, &contract, func::LEAVE, ()).error(), Some(PactumError::NotParticipant));
	});
}

#[test]
fn leave_refusals() {
	dev(|| {
		let contract = registered_proxy();
		assert_ok!(Registry::grant_role(RuntimeOrigin::root(), contract.clone(), pallet_registry::roles::KycAdmin::ROLE));
		assert_eq!(call(Alice, &contract, func::LEAVE, ()).error(), Some(PactumError::StillReferenced));
		assert_eq!(read_only(Alice, &contract, func::LEAVE, ()).error(), Some(PactumError::ReadOnly));
		assert!(pallet_registry::Participants::<Runtime>::get(&contract).is_some());
	});
}

#[test]
fn regulated_tokens_from_the_contracts_own_account() {
	dev(|| {
		asset_admitting_contracts();
		let contract = registered_proxy();
		assert_ok!(Tokens::transfer(RuntimeOrigin::signed(account(Bob)), ASSET, contract.clone(), 500));
		let balance: u128 = call(Eve, &contract, func::BALANCE, (ASSET, bytes(&contract))).decode();
		assert_eq!(balance, 500);
		let quote: abi::QuoteView = call(Eve, &contract, func::QUOTE, (ASSET, bytes(&account(Alice)), 100u128)).decode();
		assert_eq!((quote.fee, quote.refusal), (0, None));
		// Whoever calls it, the contract spends its own tokens only.
		assert_eq!(call(Eve, &contract, func::TRANSFER, (ASSET, bytes(&account(Alice)), 100u128)).status, 0);
		assert_eq!(crate::Assets::balance(ASSET, &contract), 400);
		assert_eq!(crate::Assets::balance(ASSET, account(Alice)), 100);
		assert_eq!(crate::Assets::balance(ASSET, account(Bob)), 500);
	});
}

#[test]
fn transfer_refusals() {
	dev(|| {
		asset_admitting_contracts();
		let contract = registered_proxy();
		assert_ok!(Tokens::transfer(RuntimeOrigin::signed(account(Bob)), ASSET, contract.clone(), 500));
		let to = |who: Sr25519Keyring, amount: u128| (ASSET, bytes(&account(who)), amount);
		let refusal = |args| call(Bob, &contract, func::TRANSFER, args).error();
		assert_eq!(refusal(to(Eve, 10)), Some(PactumError::NotAdmitted));
		assert_eq!(refusal(to(Alice, 501)), Some(PactumError::InsufficientBalance));
		assert_eq!(refusal(to(Alice, 0)), Some(PactumError::InvalidAmount));
		assert_eq!(refusal((ASSET + 1, bytes(&account(Alice)), 10u128)), Some(PactumError::UnknownAsset));
		let quote: abi::QuoteView = call(Bob, &contract, func::QUOTE, to(Eve, 10)).decode();
		assert_eq!(quote.refusal, Some(PactumError::NotAdmitted));
		// The caller's tokens are not the contract's: an unfunded contract has none to send.
		let unfunded = registered_proxy_salted(1);
		assert_eq!(call(Bob, &unfunded, func::TRANSFER, to(Alice, 10)).error(), Some(PactumError::InsufficientBalance));
		// Not registered: no holder.
		let stranger = deploy(Bob, 2);
		assert_eq!(call(Bob, &stranger, func::TRANSFER, to(Alice, 10)).error(), Some(PactumError::NotParticipant));
		// Registered for other code.
		pallet_registry::ContractRecords::<Runtime>::mutate(&contract, |r| {
			if let Some(r) = r {
				r.code_hash = crate::Hash::repeat_byte(9);
			}
		});
		assert_eq!(refusal(to(Alice, 10)), Some(PactumError::CodeChanged));
		pallet_registry::ContractRecords::<Runtime>::mutate(&contract, |r| {
			if let Some(r) = r {
				r.code_hash = pallet_contracts::Pallet::<Runtime>::code_hash(&contract).unwrap();
			}
		});
		assert_eq!(read_only(Bob, &contract, func::TRANSFER, to(Alice, 10)).error(), Some(PactumError::ReadOnly));
		assert_eq!(crate::Assets::balance(ASSET, &contract), 500, "no refusal moved anything");
	});
}

#[test]
fn documents_and_certificates_read_as_they_stand() {
	dev(|| {
		let alice = RuntimeOrigin::signed(account(Alice));
		let text = pallet_documents::ContentHash {
			algorithm: pallet_documents::HashAlgorithm::Sha2_256,
			digest: [4; 32],
		};
		let parties = vec![account(Alice), account(Bob)];
		assert_ok!(crate::Documents::create(alice.clone(), None, text, b"uri".to_vec(), parties.clone(), parties, None));
		assert_ok!(crate::Documents::sign(alice, 0, 0, text));
		let contract = deploy(Eve, 0);
		let doc: Option<abi::DocumentView> = call(Eve, &contract, func::DOCUMENT, 0u64).decode();
		assert_eq!(
			doc,
			Some(abi::DocumentView { state: abi::DocumentState::Pending, version: 0, hash: [4; 32], fully_signed: false })
		);
		let signed = |who: Sr25519Keyring| -> bool { call(Eve, &contract, func::SIGNED, (0u64, 0u32, bytes(&account(who)))).decode() };
		assert!(signed(Alice));
		assert!(!signed(Bob));
		let none: Option<abi::DocumentView> = call(Eve, &contract, func::DOCUMENT, 7u64).decode();
		assert_eq!(none, None);
		let cert: Option<abi::CertificateView> = call(Eve, &contract, func::CERTIFICATE, [5u8; 32]).decode();
		assert_eq!(cert, None);
	});
}

#[test]
fn a_contract_escalates_to_the_court_and_reads_the_case() {
	dev(|| {
		let contract = registered_proxy();
		Balances::set_balance(&contract, 1_000_000 * UNIT);
		let request = abi::CaseRequest {
			claimant: bytes(&account(Bob)),
			respondent: bytes(&account(Alice)),
			outcome: [8; 32],
			value_at_risk: 10 * UNIT,
		};
		let id: abi::CaseId = call(Bob, &contract, func::OPEN_CASE, request).decode();
		let case = pallet_audit::Cases::<Runtime>::get(id).expect("the case is open");
		assert_eq!((case.requester, case.counterparty), (contract.clone(), account(Alice)));
		let view: Option<abi::CaseView> = call(Eve, &contract, func::CASE, id).decode();
		assert_eq!(view, Some(abi::CaseView::Open));
		assert_eq!(call(Eve, &contract, func::FORGET_CASE, id).error(), Some(PactumError::CaseStillOpen));
		// Another contract reads nothing of it.
		let other = deploy(Eve, 1);
		let view: Option<abi::CaseView> = call(Eve, &other, func::CASE, id).decode();
		assert_eq!(view, None);
		// Refusals: a claimant other than the caller, a claimant who is no participant, a banned
		// respondent, an unregistered contract, a read-only call.
		assert_eq!(call(Alice, &contract, func::OPEN_CASE, request).error(), Some(PactumError::InvalidParty));
		let eve = abi::CaseRequest { claimant: bytes(&account(Eve)), ..request };
		assert_eq!(call(Eve, &contract, func::OPEN_CASE, eve).error(), Some(PactumError::InvalidParty));
		assert_eq!(call(Bob, &other, func::OPEN_CASE, request).error(), Some(PactumError::NotParticipant));
		assert_eq!(read_only(Bob, &contract, func::OPEN_CASE, request).error(), Some(PactumError::ReadOnly));
		let cases = pallet_audit::ContractCaseCount::<Runtime>::get(&contract);
		assert_ok!(Registry::ban(RuntimeOrigin::signed(account(Alice)), account(Charlie), 6, None));
		let banned = abi::CaseRequest { respondent: bytes(&account(Charlie)), ..request };
		assert_eq!(call(Bob, &contract, func::OPEN_CASE, banned).error(), Some(PactumError::InvalidParty));
		assert_eq!(pallet_audit::ContractCaseCount::<Runtime>::get(&contract), cases, "no refusal opened a case");
	});
}

#[test]
fn a_closed_case_reads_as_decided_and_its_record_can_be_dropped() {
	dev(|| {
		let contract = registered_proxy();
		Balances::set_balance(&contract, 1_000_000 * UNIT);
		let request = abi::CaseRequest {
			claimant: bytes(&account(Bob)),
			respondent: bytes(&account(Alice)),
			outcome: [8; 32],
			value_at_risk: 10 * UNIT,
		};
		let id: abi::CaseId = call(Bob, &contract, func::OPEN_CASE, request).decode();
		// As the court records a first verdict that became final.
		pallet_audit::ContractCases::<Runtime>::mutate(id, |record| {
			if let Some(record) = record {
				record.state = pactum_primitives::CaseState::Decided(pactum_primitives::Verdict::Upheld);
			}
		});
		let view: Option<abi::CaseView> = call(Eve, &contract, func::CASE, id).decode();
		assert_eq!(view, Some(abi::CaseView::Decided(abi::Verdict::Upheld)));
		assert_eq!(read_only(Eve, &contract, func::FORGET_CASE, id).error(), Some(PactumError::ReadOnly));
		let other = registered_proxy_salted(1);
		assert_eq!(call(Eve, &other, func::FORGET_CASE, id).error(), Some(PactumError::UnknownCase));
		assert_eq!(call(Eve, &contract, func::FORGET_CASE, id).status, 0);
		let view: Option<abi::CaseView> = call(Eve, &contract, func::CASE, id).decode();
		assert_eq!(view, None);
		assert_eq!(call(Eve, &contract, func::FORGET_CASE, id).error(), Some(PactumError::UnknownCase));
	});
}

#[test]
fn malformed_input_is_refused_and_oversized_input_paid_for() {
	dev(|| {
		let contract = deploy(Alice, 0);
		// TRANSFER's arguments are 52 bytes: asset (4), recipient (32), amount (16).
		let short = call_raw(Alice, &contract, 0, func::TRANSFER, &[0; 51]).unwrap();
		assert_eq!(short.error(), Some(PactumError::InvalidInput));
		let long = call_raw(Alice, &contract, 0, func::TRANSFER, &[0; 53]).unwrap();
		assert_eq!(long.error(), Some(PactumError::InvalidInput));
		let huge = call_raw(Alice, &contract, 0, func::TRANSFER, &[0; 50_000]).unwrap();
		assert_eq!(huge.error(), Some(PactumError::InvalidInput));
		let per_byte = crate::chain_extension::per_byte(50_000 - 53);
		assert!(
			huge.gas.ref_time() >= long.gas.ref_time() + per_byte.ref_time(),
			"{:?} charged for 50 000 bytes, {:?} for 53",
			huge.gas,
			long.gas
		);
		// A read has no error in its ABI (the contract decodes its output whatever the status):
		// input it cannot decode traps the contract.
		for input in [&[0u8; 31][..], &[0; 33], &[0; 50_000]] {
			assert!(call_raw(Alice, &contract, 0, func::STANDING, input).is_err());
		}
		assert!(call_raw(Alice, &contract, 0, func::DOCUMENT, &[0; 3]).is_err());
		assert!(call_raw(Alice, &contract, 0, func::STANDING, &[0; 32]).is_ok());
	});
}

#[test]
fn an_unknown_function_traps_the_contract() {
	dev(|| {
		let contract = deploy(Alice, 0);
		assert!(call_raw(Alice, &contract, 0, 0x0999, &[]).is_err());
		assert!(weight_of(0x0999).is_none());
		for id in func::ALL {
			assert!(weight_of(id).is_some_and(|w| w.ref_time() > 0), "{id:#06x} has a weight");
		}
	});
}

#[test]
fn fees_limits_and_freezes_bind_a_contract_as_sender() {
	use pallet_tokens::{FeeRule, FeeScope, LimitRule, LimitScope};
	dev(|| {
		asset_admitting_contracts();
		let contract = registered_proxy();
		assert_ok!(Tokens::transfer(RuntimeOrigin::signed(account(Bob)), ASSET, contract.clone(), 500));
		let alice = RuntimeOrigin::signed(account(Alice));
		let fee = FeeRule { flat: 5, percent: sp_runtime::Permill::zero(), min: 0, max: None };
		assert_ok!(Tokens::set_fee(alice.clone(), ASSET, FeeScope::Kind(pactum_primitives::AccountKind::Contract), Some(fee)));
		let to_charlie = |amount: u128| (ASSET, bytes(&account(Charlie)), amount);
		let quote: abi::QuoteView = call(Eve, &contract, func::QUOTE, to_charlie(100)).decode();
		assert_eq!((quote.fee, quote.refusal), (5, None));
		assert_eq!(call(Eve, &contract, func::TRANSFER, to_charlie(100)).status, 0);
		assert_eq!(crate::Assets::balance(ASSET, &contract), 395, "the amount and the fee");
		assert_eq!(crate::Assets::balance(ASSET, account(Charlie)), 100);
		let limit = LimitRule { per_payment: Some(50), per_day: None, per_month: None };
		assert_ok!(Tokens::set_limits(alice.clone(), ASSET, LimitScope::Account(contract.clone()), Some(limit)));
		assert_eq!(call(Eve, &contract, func::TRANSFER, to_charlie(51)).error(), Some(PactumError::OverPaymentLimit));
		let quote: abi::QuoteView = call(Eve, &contract, func::QUOTE, to_charlie(51)).decode();
		assert_eq!(quote.refusal, Some(PactumError::OverPaymentLimit));
		assert_ok!(Tokens::set_frozen(alice, ASSET, Some(contract.clone()), true));
		assert_eq!(call(Eve, &contract, func::TRANSFER, to_charlie(10)).error(), Some(PactumError::Frozen));
		assert_eq!(crate::Assets::balance(ASSET, &contract), 395, "no refusal moved anything");
	});
}

#[test]
fn a_contract_stands_as_its_registrar_and_not_once_its_code_changed() {
	dev(|| {
		let by_charlie = registered_by(Charlie, 0);
		let standing = |contract: &AccountId| -> Option<abi::StandingView> {
			call(Eve, contract, func::STANDING, bytes(contract)).decode()
		};
		assert_eq!(standing(&by_charlie).map(|s| s.banned), Some(false));
		assert_ok!(Registry::ban(RuntimeOrigin::signed(account(Alice)), account(Charlie), 6, None));
		assert_eq!(standing(&by_charlie).map(|s| s.banned), Some(true), "banned while its registrar is");
		assert_ok!(Registry::unban(RuntimeOrigin::signed(account(Alice)), account(Charlie)));
		assert_eq!(standing(&by_charlie).map(|s| s.banned), Some(false));

		// Root replaces the contract's code (`set_code_hash` does the same from inside).
		let variant = wat::parse_str(PROXY.replace("(func $read_input", "(func $variant)\n  (func $read_input"))
			.expect("the variant assembles");
		let new_code = pallet_contracts::Pallet::<Runtime>::bare_upload_code(account(Bob), variant, None, Determinism::Enforced)
			.expect("uploads")
			.code_hash;
		assert_ok!(pallet_contracts::Pallet::<Runtime>::set_code(RuntimeOrigin::root(), by_charlie.clone().into(), new_code));
		assert_eq!(standing(&by_charlie), None, "no participant while it runs other code");
		assert_eq!(call(Eve, &by_charlie, func::TRANSFER, (ASSET, bytes(&account(Bob)), 1u128)).error(), Some(PactumError::CodeChanged));
		// Anyone clears its record; the deposit goes to Charlie.
		let charlie_free = Balances::free_balance(account(Charlie));
		assert_ok!(Registry::deregister_contract(RuntimeOrigin::signed(account(Eve)), by_charlie.clone()));
		assert_eq!(Balances::free_balance(account(Charlie)), charlie_free + registration_deposit());
		assert!(pallet_registry::ContractRecords::<Runtime>::get(&by_charlie).is_none());
	});
}

#[test]
fn a_certificate_reads_as_issued() {
	dev(|| {
		let charlie = RuntimeOrigin::signed(account(Charlie));
		assert_ok!(Registry::assign_org_code(RuntimeOrigin::signed(account(Alice)), account(Charlie), b"PACT-CH".to_vec()));
		assert_ok!(crate::Documents::issue_certificate(charlie, account(Bob), [5; 32], b"licence".to_vec(), Some(1_000)));
		let contract = deploy(Eve, 0);
		let cert: Option<abi::CertificateView> = call(Eve, &contract, func::CERTIFICATE, [5u8; 32]).decode();
		let cert = cert.expect("issued");
		assert_eq!(cert.state, abi::CertificateState::Valid);
		assert_eq!((cert.issuer, cert.holder), (bytes(&account(Charlie)), bytes(&account(Bob))));
		assert_eq!(cert.expires_at, Some(1_000));
	});
}
