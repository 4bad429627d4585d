#!/usr/bin/env bash
# Measures pallet weights with frame-benchmarking and writes each pallet's `weights.rs`.
#
#   scripts/benchmark.sh [PALLET_CRATE...]   (default: every Pactum pallet)
#
# Builds a benchmarking node (`--features runtime-benchmarks`) into its own target directory,
# ${PACTUM_BENCH_TARGET_DIR:-$HOME/.cache/pactum/target-bench}, so the runtime that the chain
# runs never contains benchmarking code and the main build is not disturbed. Run it on the
# reference machine; the header of each generated file records the command and the machine.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
BENCH_TARGET="${PACTUM_BENCH_TARGET_DIR:-$HOME/.cache/pactum/target-bench}"

# crate name -> weights file
declare -A WEIGHTS=(
  [pallet_validator_set]="pallets/validator-set/src/weights.rs"
)
pallets=("$@")
[ ${#pallets[@]} -gt 0 ] || pallets=("${!WEIGHTS[@]}")

bash "$PACTUM_ROOT/scripts/setup.sh"
log "building the benchmarking node into $BENCH_TARGET"
(cd "$PACTUM_ROOT" && CARGO_TARGET_DIR="$BENCH_TARGET" \
  cargo build --release --locked -p pactum-node --features runtime-benchmarks)
bench_node="$BENCH_TARGET/release/pactum-node"

for pallet in "${pallets[@]}"; do
  out="${WEIGHTS[$pallet]:-}"
  [ -n "$out" ] || { echo "unknown pallet crate '$pallet' (one of: ${!WEIGHTS[*]})" >&2; exit 2; }
  log "benchmarking $pallet -> $out"
  "$bench_node" benchmark pallet --chain dev --pallet "$pallet" --extrinsic '*' \
    --steps "$STEPS" --repeat "$REPEAT" --wasm-execution compiled \
    --template "$PACTUM_ROOT/scripts/templates/pallet-weights.hbs" \
    --output "$PACTUM_ROOT/$out"
done
log "done: review the diff of the weights files and commit them"
