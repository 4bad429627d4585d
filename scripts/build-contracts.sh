#!/usr/bin/env bash
# Builds every ink! contract of ink-contracts/ to a .contract bundle (Wasm + metadata JSON, what
# polkadot.js apps and @polkadot/api-contract load), without cargo-contract (see
# docs/design.md, "ink! 5 on this toolchain"):
#   1. the contract's Wasm: core/alloc built from the Debian rust-src (-Zbuild-std), MVP code,
#      imported memory (ink-contracts/.cargo/config.toml);
#   2. its metadata: the contract's `<name>-metadata` binary, built for the host;
#   3. `bundle` strips custom sections and exports other than call/deploy and caps the memory;
#      binaryen's wasm-opt -Oz then shrinks what is left (MVP + sign-ext only, as cargo-contract
#      runs it); `bundle` refuses Wasm pallet-contracts would refuse and writes
#      <name>.contract/.json/.wasm;
#   4. a second, independent check with wabt's wasm-validate, every post-MVP feature but
#      sign-ext disabled.
# Output: $PACTUM_CONTRACTS_DIR (see lib.sh). Needs scripts/setup.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

INK_DIR="$PACTUM_ROOT/ink-contracts"
export CARGO_TARGET_DIR="$PACTUM_INK_TARGET_DIR"
OUT="$PACTUM_CONTRACTS_DIR"
WASM_TARGET=wasm32-unknown-unknown

# The contracts: members of the ink-contracts workspace that depend on ink.
contracts=()
for manifest in "$INK_DIR"/*/Cargo.toml; do
  # A contract is a cdylib on ink! (pactum-env is a library contracts use, bundle a tool).
  grep -q '^ink\.workspace = true' "$manifest" && grep -q 'crate-type = \["cdylib"' "$manifest" \
    && contracts+=("$(basename "$(dirname "$manifest")")")
done
[ "${#contracts[@]}" -gt 0 ] || { echo "no contracts in $INK_DIR" >&2; exit 1; }

rustc_version="$(cd "$INK_DIR" && rustc --version | cut -d' ' -f2)"
ink_version="$(grep -A1 '^name = "ink"$' "$INK_DIR/Cargo.lock" | sed -n 's/^version = "\(.*\)"$/\1/p')"
mkdir -p "$OUT"
start=$SECONDS
for contract in "${contracts[@]}"; do
  log "$contract: Wasm"
  (cd "$INK_DIR" && RUSTC_BOOTSTRAP=1 cargo build --locked --release -p "$contract" --lib \
    --no-default-features --target "$WASM_TARGET" -Zbuild-std=core,alloc)
  # The Wasm is named after the crate's library: dashes become underscores.
  raw="$CARGO_TARGET_DIR/$WASM_TARGET/release/${contract//-/_}.wasm"

  log "$contract: metadata"
  metadata="$OUT/$contract.metadata-input.json"
  (cd "$INK_DIR" && cargo run --locked -q -p "$contract" --bin "$contract-metadata" \
    --features metadata) >"$metadata"

  log "$contract: bundle"
  stripped="$OUT/$contract.stripped.wasm"
  optimized="$OUT/$contract.optimized.wasm"
  (cd "$INK_DIR" && cargo run --locked -q -p bundle -- --wasm "$raw" --stripped "$stripped")
  wasm-opt -Oz --mvp-features --enable-sign-ext --zero-filled-memory "$stripped" -o "$optimized"
  (cd "$INK_DIR" && cargo run --locked -q -p bundle -- --metadata "$metadata" --wasm "$optimized" \
    --out "$OUT" --rustc "$rustc_version" --ink "$ink_version")
  rm -f "$metadata" "$stripped" "$optimized"

  wasm-validate --disable-bulk-memory --disable-reference-types --disable-multi-value \
    --disable-simd --disable-saturating-float-to-int "$OUT/$contract.wasm" \
    || { echo "$contract.wasm uses Wasm features pallet-contracts refuses" >&2; exit 1; }
done
log "built ${contracts[*]} into $OUT in $((SECONDS - start)) s"
