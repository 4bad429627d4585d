#!/usr/bin/env bash
# Measures weights on this machine and writes them as Rust files for the runtime.
#
#   scripts/benchmark.sh [TARGET...]   (default: every target)
#
# TARGET is one of
#   - a Pactum pallet crate (pallet_registry, ...): its `weights.rs`, from our template;
#   - a polkadot-sdk pallet whose calls every user pays for (pallet_balances,
#     pallet_transaction_payment, frame_system_extensions): `runtime/src/weights/<name>.rs`, from
#     frame's template (an implementation of that pallet's `WeightInfo`);
#   - `overhead`: the base weight of a block and of an extrinsic
#     (`runtime/src/weights/{block,extrinsic}_weights.rs`, `pactum-node benchmark overhead`);
#   - `storage`: the weight of a database read and write (`runtime/src/weights/paritydb_weights.rs`,
#     `pactum-node benchmark storage`) on the dev chain's state plus STORAGE_ACCOUNTS (default
#     100,000) endowed accounts. It needs a node built with `--features runtime-benchmarks`
#     (only that build exposes the database to the benchmark), built here into the benchmarking
#     target directory: about an hour the first time on two cores. Not part of the default set.
#
# The pallet benchmarks run inside the Wasm runtime. This script builds that runtime once more with
# `--features runtime-benchmarks` into its own target directory,
# ${PACTUM_BENCH_TARGET_DIR:-$HOME/.cache/pactum/target-bench} (`cargo check` on the host side: only
# the Wasm is needed), so the runtime the chain runs never contains benchmarking code, and runs it
# with the ordinary `pactum-node benchmark pallet --runtime <wasm>`. Run it on the reference
# machine with nothing else running; the header of each generated file records the command and
# the machine.
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
  [pallet_enactment]="pallets/enactment/src/weights.rs"
  [pallet_balances]="runtime/src/weights/pallet_balances.rs"
  [pallet_transaction_payment]="runtime/src/weights/pallet_transaction_payment.rs"
  [frame_system_extensions]="runtime/src/weights/frame_system_extensions.rs"
)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${!WEIGHTS[@]}" overhead)
pallets=()
overhead=false
storage=false
for target in "${targets[@]}"; do
  if [ "$target" = overhead ]; then
    overhead=true
  elif [ "$target" = storage ]; then
    storage=true
  elif [ -n "${WEIGHTS[$target]:-}" ]; then
    pallets+=("$target")
  else
    echo "unknown target '$target' (overhead, storage or one of: ${!WEIGHTS[*]})" >&2
    exit 2
  fi
done

bash "$PACTUM_ROOT/scripts/setup.sh"
build_workspace
if $overhead; then
  # Blocks of `system.remark`s imported into the dev chain's state, by the runtime the node runs.
  log "benchmarking the block and extrinsic overhead -> runtime/src/weights"
  "$PACTUM_NODE" benchmark overhead --chain dev --weight-path "$PACTUM_ROOT/runtime/src/weights"
fi
if $storage; then
  log "building a node with runtime-benchmarks into $BENCH_TARGET"
  (cd "$PACTUM_ROOT" && CARGO_TARGET_DIR="$BENCH_TARGET" WASM_BUILD_TYPE=release \
    cargo build --release --locked -p pactum-node --features runtime-benchmarks)
  state="$(mktemp -d)"
  trap 'rm -rf "$state"' EXIT
  "$BENCH_TARGET/release/pactum-node" build-spec --chain dev > "$state/spec.json" 2>/dev/null
  python3 - "$state/spec.json" "${STORAGE_ACCOUNTS:-100000}" <<'PY'
import hashlib, json, sys
# Endows `count` more accounts (SS58 addresses of derived 32-byte keys) in the chain spec.
path, count = sys.argv[1], int(sys.argv[2])
ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
def ss58(public, prefix=42):
    data = bytes([prefix]) + public
    data += hashlib.blake2b(b'SS58PRE' + data, digest_size=64).digest()[:2]
    n, out = int.from_bytes(data, 'big'), ''
    while n:
        n, r = divmod(n, 58)
        out = ALPHABET[r] + out
    return out
spec = json.load(open(path))
balances = spec['genesis']['runtimeGenesis']['patch']['balances']['balances']
amount = balances[0][1]
balances += [[ss58(hashlib.blake2b(i.to_bytes(8, 'little'), digest_size=32).digest()), amount]
             for i in range(count)]
json.dump(spec, open(path, 'w'))
PY
  log "benchmarking database reads and writes -> runtime/src/weights/paritydb_weights.rs"
  "$BENCH_TARGET/release/pactum-node" benchmark storage --chain "$state/spec.json" \
    --base-path "$state" --database paritydb --state-version 1 --disable-pov-recorder \
    --weight-path "$PACTUM_ROOT/runtime/src/weights"
fi
[ ${#pallets[@]} -gt 0 ] || { log "done: review the diff of the weights files and commit them"; exit 0; }

log "building the benchmarking runtime into $BENCH_TARGET"
start=$SECONDS
(cd "$PACTUM_ROOT" && CARGO_TARGET_DIR="$BENCH_TARGET" WASM_BUILD_TYPE=release \
  cargo check --release --locked -p pactum-runtime --features runtime-benchmarks)
log "benchmarking runtime built in $((SECONDS - start)) s"
wasm="$BENCH_TARGET/release/wbuild/pactum-runtime/pactum_runtime.compact.compressed.wasm"
[ -f "$wasm" ] || { echo "no benchmarking runtime at $wasm" >&2; exit 1; }

for pallet in "${pallets[@]}"; do
  out="${WEIGHTS[$pallet]}"
  # Pactum pallets get our template (trait, `SubstrateWeight`, `()`); polkadot-sdk pallets
  # frame's default one, an implementation of their `WeightInfo` for the runtime.
  template=()
  [[ "$out" == runtime/* ]] || template=(--template "$PACTUM_ROOT/scripts/templates/pallet-weights.hbs")
  log "benchmarking $pallet -> $out"
  "$PACTUM_NODE" benchmark pallet --runtime "$wasm" --genesis-builder runtime \
    --genesis-builder-preset development --pallet "$pallet" --extrinsic '*' \
    --steps "$STEPS" --repeat "$REPEAT" --wasm-execution compiled \
    "${template[@]}" --output "$PACTUM_ROOT/$out"
done
log "done: review the diff of the weights files and commit them"
