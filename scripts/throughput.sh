#!/usr/bin/env bash
# Throughput benchmarks on a running dev node; they print numbers, they are not tests.
#   bash scripts/throughput.sh documents   relayed document signatures per block, by weight and
#                                          under load (tests/e2e/bench-documents.mjs;
#                                          SIGNATURES default 4000, BULK default 100)
#   bash scripts/throughput.sh tokens      regulated token transfers against plain balance
#                                          transfers: per block, per second, latency
#                                          (tests/e2e/bench-tokens.mjs; ACCOUNTS default 200,
#                                          PER_ACCOUNT default 60)
#   bash scripts/throughput.sh extension   the chain extension: each function's weight
#                                          (runtime/examples/extension_weights.rs), and a
#                                          contract-driven regulated transfer against a native
#                                          tokens.transfer (tests/e2e/bench-extension.mjs; ROUNDS
#                                          default 20)
#   bash scripts/throughput.sh gateway     pactum-gateway: authenticated document reads per second
#                                          and their latency, document creations per second end
#                                          to end to finality, the gateway's memory
#                                          (tests/e2e/bench-gateway.mjs; READ_SECONDS default 20,
#                                          CONCURRENCY default 32, CREATIONS default 300)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case "${1:-}" in
	documents | tokens | extension | gateway) bench="bench-$1.mjs" ;;
	*) echo "usage: $0 documents|tokens|extension|gateway" >&2; exit 2 ;;
esac
bash "$PACTUM_ROOT/scripts/setup.sh"
build_workspace
[ "$1" != gateway ] || build_gateway
if [ "$1" = extension ]; then
	bash "$PACTUM_ROOT/scripts/build-contracts.sh"
	(cd "$PACTUM_ROOT" && cargo run --release --locked -q -p pactum-runtime --example extension_weights)
fi
npm_ci "$PACTUM_ROOT/tests/e2e"
(cd "$PACTUM_ROOT/tests/e2e" && PACTUM_NODE="$PACTUM_NODE" PACTUM_GATEWAY="$PACTUM_GATEWAY" node "$bench")
