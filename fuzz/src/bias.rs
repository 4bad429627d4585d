//! What the call generator favours, and what it never generates: the only knowledge of the
//! runtime the generator has, and all of it a bias (a pallet or call not named here is generated
//! all the same, at a default weight).

/// Calls inside calls inside calls, no deeper: a call at this depth is never a wrapper.
pub const MAX_CALL_NESTING: u32 = 2;

/// The Pactum pallets (`RuntimeCall` variants): the generator refuses a runtime without them.
pub const PACTUM_PALLETS: [&str; 7] =
	["Registry", "Documents", "Tokens", "Content", "Audit", "Attestations", "Enactment"];

/// How often each pallet (a `RuntimeCall` variant) is picked; any pallet not listed: 1.
pub const PALLET_WEIGHTS: &[(&str, u32)] = &[
	("Registry", 16),
	("Documents", 14),
	("Tokens", 14),
	("Content", 14),
	("Audit", 12),
	("Attestations", 12),
	("Enactment", 4),
	("Balances", 6),
	("Utility", 4),
	("Preimage", 4),
	("Proxy", 3),
	("Council", 3),
	("Multisig", 2),
	("Scheduler", 2),
	("Sudo", 2),
	("System", 2),
];

/// Pallets never generated. `Timestamp`: its call is the block's inherent, which the harness
/// applies once per block; a second one makes the block invalid by design.
pub const NEVER: &[&str] = &["Timestamp"];

/// Pallets generated only for the top-level call of an origin the call filter applies to (not
/// root, and not inside another call, whose origin may be root): `Assets` and `Nfts` are the
/// ledgers of `Tokens` and `Content`, refused to everyone but root by the call filter; what root
/// does to them breaks those pallets' invariants by design.
pub const FILTERED: &[&str] = &["Assets", "Nfts"];

/// Pallets whose calls hold calls: not picked at [`MAX_CALL_NESTING`].
pub const WRAPPERS: &[&str] = &["Utility", "Proxy", "Multisig", "Sudo", "Scheduler", "Council"];

/// Calls never generated (crate of the pallet, call), each for a reason of its own:
///
/// - `frame_system`'s code and raw storage calls: root may break any invariant with them, and a
///   code upgrade would leave the native runtime the fuzzer runs;
/// - `Balances::force_adjust_total_issuance`: sets the total issuance apart from the balances
///   by design (the ledger check would report it);
/// - `Balances::force_unreserve`: `Currency::unreserve` counts holds as reserved, so root frees
///   held balance behind the holds' back, and the pallets that hold it fail later by design;
/// - `Utility::with_weight` and `Sudo::sudo_unchecked_weight`: root declares the weight, so the
///   time-against-weight check would report them by design.
pub const EXCLUDED: &[(&str, &str)] = &[
	("frame_system", "set_heap_pages"),
	("frame_system", "set_code"),
	("frame_system", "set_code_without_checks"),
	("frame_system", "set_storage"),
	("frame_system", "kill_storage"),
	("frame_system", "kill_prefix"),
	("frame_system", "authorize_upgrade"),
	("frame_system", "authorize_upgrade_without_checks"),
	("pallet_balances", "force_adjust_total_issuance"),
	("pallet_balances", "force_unreserve"),
	("pallet_utility", "with_weight"),
	("pallet_sudo", "sudo_unchecked_weight"),
];

/// Calls generated more often than the other calls of their pallet (which weigh 2 each): what
/// gets participants registered, verified, banned; documents, assets, contents and cases created
/// and acted on; calls noted and voted on.
pub const FAVOURED: &[(&str, &str, u32)] = &[
	("pallet_registry", "register", 8),
	("pallet_registry", "verify_kyc", 8),
	("pallet_registry", "ban", 5),
	("pallet_registry", "grant_role", 4),
	("pallet_registry", "register_client", 4),
	("pallet_registry", "deregister_client", 3),
	("pallet_documents", "create", 6),
	("pallet_documents", "sign", 6),
	("pallet_tokens", "create_asset", 4),
	("pallet_tokens", "issue", 5),
	("pallet_tokens", "transfer", 6),
	("pallet_content", "register", 6),
	("pallet_content", "publish_terms", 4),
	("pallet_content", "buy_licence", 5),
	("pallet_audit", "signal", 5),
	("pallet_audit", "open_case", 5),
	("pallet_audit", "commit", 6),
	("pallet_audit", "reveal", 6),
	("pallet_audit", "pay_service_fee", 4),
	("pallet_preimage", "note_preimage", 6),
	("pallet_collective", "propose", 4),
	("pallet_collective", "vote", 4),
	("pallet_collective", "close", 3),
	("pallet_balances", "transfer_keep_alive", 4),
	("pallet_balances", "transfer_allow_death", 4),
];

/// 32-byte values (hashes, digests, ids) shared by every case, so that a value one call records
/// is likely to be the one a later call looks up.
pub const HASH_POOL: [[u8; 32]; 4] = [[0x11; 32], [0x22; 32], [0x33; 32], [0; 32]];

/// Byte strings shared by every case (codes, URIs, names): the same reason.
pub const BYTE_POOL: &[&[u8]] = &[
	b"",
	b"A",
	b"ACME",
	b"ORG-1",
	b"GLD",
	b"Gold",
	b"ref-1",
	b"ipfs://bafy-pactum-1",
	b"https://pactum.invalid/doc/1",
];

/// Lengths at or around the usual bounds of the runtime's byte strings (URIs, codes, names).
pub const EDGE_LENGTHS: &[u64] = &[31, 32, 33, 63, 64, 65, 100, 101, 255, 256, 257, 511, 512, 513];

/// Field names of block numbers (deadlines, expiries, timepoints).
pub const BLOCK_FIELDS: &[&str] =
	&["until", "expires_at", "valid_until", "when", "deadline", "height", "expiry", "at"];

/// Field names of call lengths (council motions, preimages).
pub const LENGTH_FIELDS: &[&str] = &["len", "length", "length_bound", "call_len", "proposal_len"];

/// How often a pallet is picked for a call `calls` deep: see [`PALLET_WEIGHTS`], [`NEVER`],
/// [`FILTERED`] and [`WRAPPERS`].
pub fn pallet_weight(pallet: &str, calls: u32, filtered_pallets: bool) -> u32 {
	if NEVER.iter().any(|name| *name == pallet) {
		return 0;
	}
	if FILTERED.iter().any(|name| *name == pallet) {
		return u32::from(calls == 0 && filtered_pallets);
	}
	if calls >= MAX_CALL_NESTING && WRAPPERS.iter().any(|name| *name == pallet) {
		return 0;
	}
	PALLET_WEIGHTS.iter().find(|(name, _)| *name == pallet).map_or(1, |(_, weight)| *weight)
}

/// How often a call of the pallet crate `krate` is picked: see [`EXCLUDED`] and [`FAVOURED`].
pub fn call_weight(krate: &str, call: &str) -> u32 {
	if EXCLUDED.iter().any(|(k, c)| *k == krate && *c == call) {
		return 0;
	}
	FAVOURED.iter().find(|(k, c, _)| *k == krate && *c == call).map_or(2, |(_, _, weight)| *weight)
}
