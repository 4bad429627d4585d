#!/usr/bin/env bash
# Runs the repository's tests, all of them or some stages:
#
#   scripts/test.sh [rust|pallets|ink|gateway|e2e|fuzz|all]...      (default: all)
#
#   rust     builds the workspace (release), then `cargo test --release` of every crate but the
#            pallets: runtime, node, RPC crates, primitives, the audit client, the fuzzer (the
#            release profile shares every artifact with the node build); then try-runtime's
#            tests, in a build of their own (the runtime with its `try-runtime` feature) — with
#            e2e, those run in e2e's background builds instead. Beside it, at the lowest priority,
#            the builds of the later stages that have target directories of their own (contract
#            bundles, portal, gateway and their test binaries) take the core the workspace's
#            build leaves idle; those stages wait for them
#   pallets  each pallet's unit tests and benchmarks (run once as tests) in one build with
#            `--features runtime-benchmarks`: the pallets are compiled for tests once, not twice
#            (`bench` is another name for it)
#   ink      the ink! contracts built to .contract bundles, then their unit tests
#   gateway  pactum-gateway (gateway/, a workspace of its own) and the portal (portal/, type-checked
#            and bundled) built, then the gateway's tests: the OAuth server, problem details,
#            OpenAPI, sealing, the portal's files, in process against SQLite, then PostgreSQL
#   e2e    end-to-end tests: real pactum-node processes on 127.0.0.1 (2-second slots) driven by
#          @polkadot/api (and @polkadot/api-contract for the contracts), pactum-gateway beside
#          one driven by plain HTTP, the portal in headless Chromium; it builds the node, the
#          contract bundles unless the ink stage ran and the gateway and portal unless the gateway
#          stage ran first, then the next runtime (the upgrade test's target) and
#          pactum-try-runtime — and, with the rust stage, try-runtime's tests — at low priority
#          while the dev-chain files run (all no-ops when up to date)
#   fuzz   the runtime fuzzer (fuzz/, `pactum-fuzz`) on a fixed set of cases (PACTUM_FUZZ_INPUTS,
#          default 20,000, about two and a half minutes alone) from a fixed seed on two threads, so
#          that every run checks the same cases; `scripts/fuzz.sh` runs longer campaigns. With
#          e2e, it runs beside the end-to-end files at the lowest priority once e2e's builds are
#          done, and its stage waits for what is left
#   all    the six above
#
# Stages run in the order above, whatever the order they are given in. The machine set-up
# (scripts/setup.sh) runs first; it returns at once when nothing is missing. Every run ends with
# each stage's wall time, also when a stage fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STAGES=(rust pallets ink gateway e2e fuzz)

usage() {
  cat <<USAGE
usage: scripts/test.sh [rust|pallets|ink|gateway|e2e|fuzz|all]...   (default: all)
  rust     workspace build (release) and the tests of every crate but the pallets
  pallets  the pallets' unit tests and benchmarks (--features runtime-benchmarks); alias: bench
  ink      ink! contract bundles and their unit tests
  gateway  pactum-gateway and the portal built, the gateway's in-process tests
  e2e      end-to-end tests against a real pactum-node and gateway (builds what they need first)
  fuzz     the runtime fuzzer on PACTUM_FUZZ_INPUTS cases (default 20000) from a fixed seed
  all      every stage
USAGE
}

declare -A want=()
[ "$#" -gt 0 ] || set -- all
for arg in "$@"; do
  case "$arg" in
    all) for stage in "${STAGES[@]}"; do want[$stage]=1; done ;;
    rust | pallets | ink | gateway | e2e | fuzz) want[$arg]=1 ;;
    bench) want[pallets]=1 ;;
    -h | --help) usage; exit 0 ;;
    *) printf 'unknown stage: %s\n' "$arg" >&2; usage >&2; exit 2 ;;
  esac
done

# The crates the pallets stage tests: every pallet crate (pallets/<name>/) whose Cargo.toml
# declares a `runtime-benchmarks` feature. Other crates (runtime, node, primitives) only pass the
# feature on; they hold no pallet benchmarks.
pallet_packages() {
  local manifest
  for manifest in "$PACTUM_ROOT"/pallets/*/Cargo.toml; do
    grep -q '^runtime-benchmarks[[:space:]]*=' "$manifest" || continue
    sed -n 's/^name[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' "$manifest" | head -n1
  done
}

stage_rust() {
  local excluded=() p
  for p in $(pallet_packages); do excluded+=(--exclude "$p"); done
  excluded+=(--exclude pactum-runtime-next --exclude pactum-try-runtime)
  start_side_builds
  build_workspace
  (cd "$PACTUM_ROOT" && cargo test --release --locked --workspace "${excluded[@]}")
  # try-runtime's own tests need the runtime compiled once more (its `try-runtime` feature): with
  # e2e asked for too, they run in e2e's background builds, beside the end-to-end files.
  if [ -n "${want[e2e]:-}" ]; then
    log "pactum-try-runtime's tests run beside the end-to-end files (stage e2e)"
  else
    test_try_runtime
  fi
}

# try-runtime's own tests, with its own features (see build_try_runtime in lib.sh).
test_try_runtime() {
  (cd "$PACTUM_ROOT" && SKIP_WASM_BUILD=1 cargo test --release --locked -p pactum-try-runtime)
}

# Each pallet's unit tests and its benchmarks (impl_benchmark_test_suite, so benchmark code cannot
# rot between weight regenerations) in one test build per pallet.
stage_pallets() {
  local packages=() args=() p
  mapfile -t packages < <(pallet_packages)
  [ "${#packages[@]}" -gt 0 ] || { log "no pallet under pallets/ declares runtime-benchmarks" >&2; return 1; }
  for p in "${packages[@]}"; do args+=(-p "$p"); done
  log "unit and benchmark tests of ${packages[*]}"
  (cd "$PACTUM_ROOT" && cargo test --release --locked "${args[@]}" --features runtime-benchmarks)
}

# The builds of the stages after rust that have target directories of their own (the contracts,
# the portal, the gateway and their test binaries) run in a session at the lowest priority beside
# the rust and pallets stages: the workspace's build keeps both cores busy only part of the time
# (the runtime's Wasm link, the native runtime and the node service each compile on one core for
# minutes), and those builds take the idle one. They share no target directory with the workspace.
start_side_builds() {
  local steps=() root ink gateway
  root=$(printf %q "$PACTUM_ROOT")
  ink=$(printf %q "$PACTUM_INK_TARGET_DIR")
  gateway=$(printf %q "$PACTUM_GATEWAY_TARGET_DIR")
  if [ -n "${want[ink]:-}${want[e2e]:-}" ]; then steps+=("bash $root/scripts/build-contracts.sh"); fi
  if [ -n "${want[ink]:-}" ]; then
    steps+=("(cd $root/ink-contracts && CARGO_TARGET_DIR=$ink cargo test --locked --workspace --no-run)")
  fi
  if [ -n "${want[gateway]:-}${want[e2e]:-}" ]; then steps+=(build_portal build_gateway); fi
  if [ -n "${want[gateway]:-}" ]; then
    steps+=("(cd $root/gateway && CARGO_TARGET_DIR=$gateway cargo test --release --locked --workspace --no-run)")
  fi
  [ "${#steps[@]}" -gt 0 ] || return 0
  local IFS=$'\n'
  mkdir -p "$CARGO_TARGET_DIR"
  log "building the contracts, the portal and the gateway beside it at the lowest priority (log: $SIDE_LOG)"
  start_niced_session "set -e; source $root/scripts/lib.sh; log() { printf '[side-builds] %s\n' \"\$*\"; }
${steps[*]}" >"$SIDE_LOG" 2>&1
  side_builds=$!
}

# Waits for what start_side_builds started (a no-op when nothing is running) and shows its log.
wait_side_builds() {
  [ -n "$side_builds" ] || return 0
  log "waiting for the builds started beside the rust stage (log: $SIDE_LOG)"
  local rc=0
  wait "$side_builds" || rc=$?
  side_builds=""
  if [ "$rc" -ne 0 ]; then
    tail -n 40 "$SIDE_LOG" >&2
    return "$rc"
  fi
  grep -E '^\[(side-builds|build-contracts)\] ' "$SIDE_LOG" || true
}

stage_ink() {
  wait_side_builds
  bash "$PACTUM_ROOT/scripts/build-contracts.sh"
  (cd "$PACTUM_ROOT/ink-contracts" && CARGO_TARGET_DIR="$PACTUM_INK_TARGET_DIR" cargo test --locked --workspace)
}

# The gateway's tests on SQLite, then the same test binaries on a throwaway PostgreSQL server.
stage_gateway() {
  wait_side_builds
  build_gateway
  build_portal
  (cd "$PACTUM_ROOT/gateway" && CARGO_TARGET_DIR="$PACTUM_GATEWAY_TARGET_DIR" cargo test --release --locked --workspace)
  (
    start_test_postgres
    trap stop_test_postgres EXIT
    log "the gateway's tests again, on PostgreSQL"
    cd "$PACTUM_ROOT/gateway"
    CARGO_TARGET_DIR="$PACTUM_GATEWAY_TARGET_DIR" cargo test --release --locked --workspace
  )
}

stage_e2e() {
  # The tests start the node and the gateway and load the contract bundles: bring them up to date.
  wait_side_builds
  build_workspace
  [ -n "${want[ink]:-}" ] || bash "$PACTUM_ROOT/scripts/build-contracts.sh"
  [ -n "${want[gateway]:-}" ] || build_gateway
  [ -n "${want[gateway]:-}" ] || build_portal
  npm_ci_e2e
  # The next runtime (the upgrade test's) and pactum-try-runtime are built, and try-runtime's own
  # tests run, at the lowest priority while the dev-chain files run, which leave the cores mostly
  # idle between blocks; the files that need them run once they are built, the four-validator
  # network last, alone.
  local builds_log="$CARGO_TARGET_DIR/e2e-builds.log"
  # try-runtime's tests belong to the rust stage: run here only when that stage was asked for.
  local try_tests=""
  [ -z "${want[rust]:-}" ] || try_tests="&& test_try_runtime"
  start_niced_session "$(declare -f test_try_runtime)
    source '$PACTUM_ROOT/scripts/lib.sh' && build_next_runtime && build_try_runtime $try_tests" \
    >"$builds_log" 2>&1
  builds=$!
  # The fuzz stage, when it is asked for too, runs beside them at the same lowest priority once
  # those builds are done; `stage_fuzz` waits for what is left of it. Its time check measures CPU
  # time, and a block over the limit counts only if two more runs of it, alone among the
  # fuzzer's workers, are over it too: single runs go past it alone as well (noise).
  if [ -n "${want[fuzz]:-}" ]; then
    start_niced_session "while kill -0 $builds 2>/dev/null; do sleep 1; done; $(declare -f run_fuzz); run_fuzz" \
      >"$FUZZ_LOG" 2>&1
    fuzz_beside_e2e=$!
  fi
  e2e() { (cd "$PACTUM_ROOT/tests/e2e" && PACTUM_NODE="$PACTUM_NODE" PACTUM_GATEWAY="$PACTUM_GATEWAY" npm run --silent "$1"); }
  e2e test:chains
  log "waiting for the next runtime, pactum-try-runtime and its tests (log: $builds_log)"
  if ! wait "$builds"; then
    builds=""
    tail -n 40 "$builds_log" >&2
    return 1
  fi
  builds=
  cat "$builds_log"
  e2e test:upgrades
  e2e test:network
}

run_fuzz() {
  "$CARGO_TARGET_DIR/release/pactum-fuzz" --inputs "${PACTUM_FUZZ_INPUTS:-20000}" \
    --seed 20261203 --threads 2
}

stage_fuzz() {
  if [ -n "$fuzz_beside_e2e" ]; then
    log "the fuzzer started beside the end-to-end files; waiting for it (log: $FUZZ_LOG)"
    local rc=0
    wait "$fuzz_beside_e2e" || rc=$?
    fuzz_beside_e2e=""
    cat "$FUZZ_LOG"
    return "$rc"
  fi
  # pactum-fuzz is a workspace member: built with the workspace's features, it shares the
  # runtime's compiled code with the node (`-p pactum-fuzz` alone would compile it again).
  build_workspace
  run_fuzz
}

# --- timing: one line per step at the end of every run, also a failed one ---------------------
FUZZ_LOG="$CARGO_TARGET_DIR/fuzz.log"
SIDE_LOG="$CARGO_TARGET_DIR/side-builds.log"
side_builds=""     # the session of start_side_builds, while it runs
builds=""          # the session of e2e's background builds, while they run
fuzz_beside_e2e=""  # the session of a fuzzer started by stage_e2e
start=$SECONDS
timings=()       # "label|seconds|note"
current=""       # the label of the step running now
current_start=0

report() {
  local rc=$? entry label secs note
  # what a failed (or interrupted) e2e stage left running in its own sessions
  local group
  for group in $side_builds $builds $fuzz_beside_e2e; do kill -- "-$group" 2>/dev/null || true; done
  if [ -n "$current" ]; then timings+=("$current|$((SECONDS - current_start))|failed"); fi
  for entry in "${timings[@]}"; do
    IFS='|' read -r label secs note <<<"$entry"
    log "$label: $secs s${note:+ ($note)}"
  done
  log "total: $((SECONDS - start)) s"
  if [ "$rc" -eq 0 ]; then
    log "all tests passed in $((SECONDS - start)) s"
  else
    log "FAILED${current:+ in $current} after $((SECONDS - start)) s (exit $rc)"
  fi
}
trap report EXIT
trap 'exit 130' INT TERM

# Runs `step` (a function) under `label`, timed.
timed() {
  local label=$1 step=$2
  current=$label
  current_start=$SECONDS
  "$step"
  timings+=("$label|$((SECONDS - current_start))|")
  current=""
}

setup() { bash "$PACTUM_ROOT/scripts/setup.sh"; }
timed setup setup
for stage in "${STAGES[@]}"; do
  [ -n "${want[$stage]:-}" ] || continue
  log "stage $stage"
  timed "stage $stage" "stage_$stage"
done
