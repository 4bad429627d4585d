#!/usr/bin/env bash
# Sets up the machine, builds, and runs every test of the repository:
#   1. Rust unit and runtime tests (cargo test, release profile: the same artifacts as the node)
#   2. The pallets' benchmarks, run once each as tests
#   3. The ink! contracts: built to .contract bundles, then their unit tests
#   4. End-to-end tests: a real pactum-node on 127.0.0.1 driven by @polkadot/api (and
#      @polkadot/api-contract for the contracts)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

start=$SECONDS
bash "$PACTUM_ROOT/scripts/setup.sh"
build_workspace

log "cargo test (release)"
(cd "$PACTUM_ROOT" && cargo test --release --locked --workspace)

# Each pallet's benchmarks run once as tests (impl_benchmark_test_suite), so benchmark code
# cannot rot between weight regenerations. Only the pallet crates are built with the feature.
log "benchmark tests (runtime-benchmarks)"
(cd "$PACTUM_ROOT" && cargo test --release --locked -p pallet-registry -p pallet-validator-set -p pallet-documents -p pallet-tokens -p pallet-content -p pallet-audit \
  --features runtime-benchmarks)

log "ink! contracts: bundles and unit tests"
bash "$PACTUM_ROOT/scripts/build-contracts.sh"
(cd "$PACTUM_ROOT/ink-contracts" && CARGO_TARGET_DIR="$PACTUM_INK_TARGET_DIR" cargo test --locked --workspace)

log "end-to-end tests"
(cd "$PACTUM_ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
(cd "$PACTUM_ROOT/tests/e2e" && PACTUM_NODE="$PACTUM_NODE" npm test)

log "all tests passed in $((SECONDS - start)) s"
