//! Tests of the composed runtime: genesis presets, governance-only validator management, the
//! registry's admin origins and (in `contracts`) the contracts configuration.

use crate::{
	configs::CouncilCollective,
	genesis_config_presets::{get_preset, json_merge, preset_names, PRODUCTION_PRESET},
	AccountId, Balances, Registry, Runtime, RuntimeGenesisConfig, RuntimeOrigin, Session, Sudo,
	System, ValidatorSet,
};
use frame_support::{assert_noop, assert_ok};
use pactum_primitives::ParticipantRegistry;
use pallet_audit::roles::Auditor;
use pallet_documents::roles::Issuer;
use pallet_registry::roles::{KycAdmin, SecurityAdmin, SuperAdmin};
use pallet_tokens::roles::IssuanceAdmin;
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{BuildStorage, DispatchError};

/// Genesis state from a preset, merged over the default config exactly as the node does.
pub(crate) fn ext_from_preset(name: &str) -> sp_io::TestExternalities {
	let patch: serde_json::Value =
		serde_json::from_slice(&get_preset(&name.into()).expect("preset exists"))
			.expect("preset is JSON");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	json_merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).expect("preset deserializes");
	let mut ext = sp_io::TestExternalities::new(config.build_storage().expect("genesis builds"));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

pub(crate) fn account(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}

#[test]
fn every_preset_is_listed_and_builds() {
	let names: Vec<String> = preset_names()
		.into_iter()
		.map(|id| {
			let bytes: &[u8] = id.as_ref();
			String::from_utf8(bytes.to_vec()).expect("utf8")
		})
		.collect();
	assert_eq!(names, vec![DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET, PRODUCTION_PRESET]);
	for name in names {
		ext_from_preset(&name).execute_with(|| {
			assert!(!Session::validators().is_empty(), "{name}: no validators");
			assert!(!pallet_babe::Authorities::<Runtime>::get().is_empty(), "{name}: no BABE");
			assert!(!pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().is_empty());
		});
	}
	assert!(get_preset(&"no-such-preset".into()).is_none());
}

/// The metadata hash an offline signer checks includes the token's symbol and decimals: both
/// build scripts (the runtime's and the upgrade test's next runtime) must give the chain's.
#[test]
fn the_metadata_hash_is_built_with_the_chains_token() {
	let expected =
		format!(".enable_metadata_hash(\"{}\", {})", crate::TOKEN_SYMBOL, crate::TOKEN_DECIMALS);
	for (name, script) in [
		("build.rs", include_str!("../../build.rs")),
		("next/build.rs", include_str!("../../next/build.rs")),
	] {
		assert!(script.contains(&expected), "runtime/{name} does not call {expected}");
	}
}

/// Six-second slots unless the genesis stores a shorter `MinimumPeriod` (the node's test chains):
/// BABE's slot, its expected block time and the timestamp's minimum period all follow it.
#[test]
fn slots_last_six_seconds_unless_the_genesis_sets_them() {
	use crate::{configs::MinimumPeriod, Babe, SLOT_DURATION};
	use frame_support::traits::Get;
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(SLOT_DURATION, 6_000);
		assert_eq!(Babe::slot_duration(), 6_000);
		assert_eq!(<Runtime as pallet_babe::Config>::ExpectedBlockTime::get(), 6_000);
		assert_eq!(<Runtime as pallet_timestamp::Config>::MinimumPeriod::get(), 3_000);
	});
	// No preset sets it (a preset cannot: it is a genesis config, and the key is a raw one): only
	// the node's `dev-fast` and `local-fast` specs put it into their genesis storage.
	for name in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET, PRODUCTION_PRESET] {
		ext_from_preset(name).execute_with(|| {
			assert!(!sp_io::storage::exists(&MinimumPeriod::key()), "the {name} preset sets it");
		});
	}
	let mut ext = ext_from_preset(DEV_RUNTIME_PRESET);
	ext.insert(MinimumPeriod::key().to_vec(), codec::Encode::encode(&1_000u64));
	ext.execute_with(|| {
		assert_eq!(Babe::slot_duration(), 2_000);
		assert_eq!(<Runtime as pallet_babe::Config>::ExpectedBlockTime::get(), 2_000);
		assert_eq!(<Runtime as pallet_timestamp::Config>::MinimumPeriod::get(), 1_000);
	});
}

#[test]
fn development_preset_has_one_validator_and_sudo() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(Session::validators(), vec![account(Sr25519Keyring::Alice)]);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(account(Sr25519Keyring::Alice)));
		assert!(Balances::free_balance(account(Sr25519Keyring::Bob)) > 0);
	});
}

#[test]
fn local_testnet_preset_has_four_validators() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(
			Session::validators(),
			vec![
				account(Sr25519Keyring::Alice),
				account(Sr25519Keyring::Bob),
				account(Sr25519Keyring::Charlie),
				account(Sr25519Keyring::Dave),
			]
		);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 4);
		// Every validator's node is well known, or validators would refuse each other.
		assert_eq!(pallet_node_authorization::WellKnownNodes::<Runtime>::get().len(), 4);
	});
}

#[test]
fn production_preset_has_no_sudo_and_a_council() {
	ext_from_preset(PRODUCTION_PRESET).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		// Nobody can use sudo: the pallet refuses every signer.
		let call =
			Box::new(crate::RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
		assert_noop!(
			Sudo::sudo(RuntimeOrigin::signed(account(Sr25519Keyring::Alice)), call),
			pallet_sudo::Error::<Runtime>::RequireSudo
		);
		assert_eq!(pallet_collective::Members::<Runtime, CouncilCollective>::get().len(), 4);
	});
}

#[test]
fn validator_set_refuses_signed_origin() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let alice = RuntimeOrigin::signed(account(Sr25519Keyring::Alice));
		assert_noop!(
			ValidatorSet::add_validator(alice.clone(), account(Sr25519Keyring::Eve)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(alice, account(Sr25519Keyring::Dave)),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn validator_set_refuses_a_council_minority() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let one_of_three: RuntimeOrigin =
			pallet_collective::RawOrigin::<AccountId, CouncilCollective>::Members(1, 3).into();
		assert_noop!(
			ValidatorSet::remove_validator(one_of_three, account(Sr25519Keyring::Dave)),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn validator_set_accepts_root_and_a_council_majority() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(
			RuntimeOrigin::root(),
			account(Sr25519Keyring::Dave)
		));
		let two_of_three: RuntimeOrigin =
			pallet_collective::RawOrigin::<AccountId, CouncilCollective>::Members(2, 3).into();
		assert_ok!(ValidatorSet::remove_validator(two_of_three, account(Sr25519Keyring::Charlie)));
		assert_eq!(
			pallet_validator_set::Validators::<Runtime>::get().into_inner(),
			vec![account(Sr25519Keyring::Alice), account(Sr25519Keyring::Bob)]
		);
	});
}

#[test]
fn development_preset_makes_the_dev_accounts_registry_admins() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = account(Sr25519Keyring::Alice);
		for role in [SuperAdmin::ROLE, KycAdmin::ROLE, SecurityAdmin::ROLE, IssuanceAdmin::ROLE] {
			assert!(Registry::has_role(&alice, role), "Alice lacks {role:?}");
		}
		let bob = account(Sr25519Keyring::Bob);
		assert!(Registry::has_role(&bob, KycAdmin::ROLE));
		assert!(Registry::has_role(&bob, SecurityAdmin::ROLE));
		assert!(Registry::has_role(&account(Sr25519Keyring::Charlie), Issuer::ROLE));
		assert!(Registry::has_role(&account(Sr25519Keyring::Dave), Auditor::ROLE));
		assert_eq!(Registry::standing(&alice).map(|s| s.kyc_level), Some(3));
		assert_eq!(Registry::standing(&account(Sr25519Keyring::Eve)), None);
		Registry::do_try_state().expect("registry invariants hold at genesis");
	});
}

#[test]
fn production_preset_has_one_super_admin_and_verified_members() {
	ext_from_preset(PRODUCTION_PRESET).execute_with(|| {
		assert_eq!(pallet_registry::RoleHolders::<Runtime>::get(SuperAdmin::ROLE), 1);
		assert!(Registry::has_role(&account(Sr25519Keyring::Alice), SuperAdmin::ROLE));
		for member in [Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave] {
			let standing = Registry::standing(&account(member)).expect("member registered");
			assert_eq!((standing.kyc_level, standing.roles.is_empty()), (3, true));
		}
	});
}

#[test]
fn a_council_majority_grants_registry_roles_and_a_minority_cannot() {
	ext_from_preset(PRODUCTION_PRESET).execute_with(|| {
		let bob = account(Sr25519Keyring::Bob);
		let one_of_four: RuntimeOrigin =
			pallet_collective::RawOrigin::<AccountId, CouncilCollective>::Members(1, 4).into();
		assert_noop!(
			Registry::grant_role(one_of_four, bob.clone(), KycAdmin::ROLE),
			DispatchError::BadOrigin
		);
		let three_of_four: RuntimeOrigin =
			pallet_collective::RawOrigin::<AccountId, CouncilCollective>::Members(3, 4).into();
		assert_ok!(Registry::grant_role(three_of_four, bob.clone(), KycAdmin::ROLE));
		assert!(Registry::has_role(&bob, KycAdmin::ROLE));
	});
}

#[test]
fn registration_holds_the_runtime_deposit() {
	ext_from_preset(DEV_RUNTIME_PRESET).execute_with(|| {
		let eve = account(Sr25519Keyring::Eve);
		let free = Balances::free_balance(&eve);
		assert_ok!(Registry::register(RuntimeOrigin::signed(eve.clone())));
		let deposit =
			<<Runtime as pallet_registry::Config>::RegistrationDeposit as frame_support::traits::Get<_>>::get();
		assert_eq!(deposit, crate::deposit(2, 256));
		assert_eq!(Balances::free_balance(&eve), free - deposit);
		assert_eq!(Balances::reserved_balance(&eve), deposit);
	});
}

mod attestations;
mod audit;
mod chain_extension;
mod content;
mod contracts;
mod documents;
mod governance;
mod permissions;
mod recovery;
mod tokens;
