#!/usr/bin/env bash
# Measures pallet weights with frame-benchmarking and writes each pallet's `weights.rs`.
#
#   scripts/benchmark.sh [PALLET_CRATE...]   (default: every Pactum pallet)
#
# The benchmarks run inside the Wasm runtime. This script builds that runtime once more with
# `--features runtime-benchmarks` into its own target directory,
# ${PACTUM_BENCH_TARGET_DIR:-$HOME/.cache/pactum/target-bench} (`cargo check` on the host side: only
# the Wasm is needed), so the runtime the chain runs never contains benchmarking code, and runs it
# with the ordinary `pactum-node benchmark pallet --runtime <wasm>`. Run it on the reference
# machine; the header of each generated file records the command and the machine.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
BENCH_TARGET="${PACTUM_BENCH_TARGET_DIR:-$HOME/.cache/pactum/target-bench}"

# crate name -> weights file
declare -A WEIGHTS=(
  [pallet_registry]="pallets/registry/src/weights.rs"
  [pallet_documents]="pallets/documents/src/weights.rs"
  [pallet_tokens]="pallets/tokens/src/weights.rs"
  [pallet_content]="pallets/content/src/weights.rs"
  [pallet_audit]="pallets/audit/src/weights.rs"
  [pallet_validator_set]="pallets/validator-set/src/weights.rs"
)
pallets=("$@")
[ ${#pallets[@]} -gt 0 ] || pallets=("${!WEIGHTS[@]}")
for pallet in "${pallets[@]}"; do
  [ -n "${WEIGHTS[$pallet]:-}" ] || { echo "unknown pallet crate '$pallet' (one of: ${!WEIGHTS[*]})" >&2; exit 2; }
done

bash "$PACTUM_ROOT/scripts/setup.sh"
build_workspace
log "building the benchmarking runtime into $BENCH_TARGET"
start=$SECONDS
(cd "$PACTUM_ROOT" && CARGO_TARGET_DIR="$BENCH_TARGET" WASM_BUILD_TYPE=release \
  cargo check --release --locked -p pactum-runtime --features runtime-benchmarks)
log "benchmarking runtime built in $((SECONDS - start)) s"
wasm="$BENCH_TARGET/release/wbuild/pactum-runtime/pactum_runtime.compact.compressed.wasm"
[ -f "$wasm" ] || { echo "no benchmarking runtime at $wasm" >&2; exit 1; }

for pallet in "${pallets[@]}"; do
  out="${WEIGHTS[$pallet]}"
  log "benchmarking $pallet -> $out"
  "$PACTUM_NODE" benchmark pallet --runtime "$wasm" --genesis-builder runtime \
    --genesis-builder-preset development --pallet "$pallet" --extrinsic '*' \
    --steps "$STEPS" --repeat "$REPEAT" --wasm-execution compiled \
    --template "$PACTUM_ROOT/scripts/templates/pallet-weights.hbs" \
    --output "$PACTUM_ROOT/$out"
done
log "done: review the diff of the weights files and commit them"
