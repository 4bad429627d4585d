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
#     100,000) endowed accounts. Not part of the default set.
#
# Every target runs on one node built with `--features runtime-benchmarks` into a target directory
# of its own, ${PACTUM_BENCH_TARGET_DIR:-$HOME/.cache/pactum/target-bench}: the ordinary node has
# no `benchmark` sub-command (frame-benchmarking-cli is about 190 crates that no test needs), and
# only that build exposes the database to the storage benchmark. About an hour the first time on
# two cores. The pallet benchmarks run inside that build's Wasm runtime (`--runtime <wasm>`), so
# the runtime the chain runs never contains benchmarking code. Run it on the reference machine
# with nothing else running; the header of each generated file records the command and the
# machine.
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
  [pallet_attestations]="pallets/attestations/src/weights.rs"
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
log "building a node with runtime-benchmarks into $BENCH_TARGET"
start=$SECONDS
(cd "$PACTUM_ROOT" && CARGO_TARGET_DIR="$BENCH_TARGET" WASM_BUILD_TYPE=release \
  cargo build --release --locked -p pactum-node --features runtime-benchmarks)
log "benchmarking node built in $((SECONDS - start)) s"
bench_node="$BENCH_TARGET/release/pactum-node"
if $overhead; then
  # Blocks of `system.remark`s imported into the dev chain's state (remarks run no benchmarking
  # code: the runtime's feature adds benchmark functions, it does not change a call's path).
  log "benchmarking the block and extrinsic overhead -> runtime/src/weights"
  "$bench_node" benchmark overhead --chain dev --weight-path "$PACTUM_ROOT/runtime/src/weights"
fi
if $storage; then
  state="$(mktemp -d)"
  trap 'rm -rf "$state"' EXIT
  "$bench_node" build-spec --chain dev > "$state/spec.json" 2>/dev/null
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
  "$bench_node" benchmark storage --chain "$state/spec.json" \
    --base-path "$state" --database paritydb --state-version 1 --disable-pov-recorder \
    --weight-path "$PACTUM_ROOT/runtime/src/weights"
fi
[ ${#pallets[@]} -gt 0 ] || { log "done: review the diff of the weights files and commit them"; exit 0; }

wasm="$BENCH_TARGET/release/wbuild/pactum-runtime/pactum_runtime.compact.compressed.wasm"
[ -f "$wasm" ] || { echo "no benchmarking runtime at $wasm" >&2; exit 1; }

for pallet in "${pallets[@]}"; do
  out="${WEIGHTS[$pallet]}"
  # Pactum pallets get our template (trait, `SubstrateWeight`, `()`); polkadot-sdk pallets
  # frame's default one, an implementation of their `WeightInfo` for the runtime.
  template=()
  [[ "$out" == runtime/* ]] || template=(--template "$PACTUM_ROOT/scripts/templates/pallet-weights.hbs")
  log "benchmarking $pallet -> $out"
  "$bench_node" benchmark pallet --runtime "$wasm" --genesis-builder runtime \
    --genesis-builder-preset development --pallet "$pallet" --extrinsic '*' \
    --steps "$STEPS" --repeat "$REPEAT" --wasm-execution compiled \
    "${template[@]}" --output "$PACTUM_ROOT/$out"
done
log "done: review the diff of the weights files and commit them"
