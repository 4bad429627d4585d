#!/usr/bin/env bash
# Throughput benchmarks on a running dev node; they print numbers, they are not tests.
#   bash scripts/throughput.sh documents   relayed document signatures per block, by weight and
#                                          under load (tests/e2e/bench-documents.mjs;
#                                          SIGNATURES default 4000, BULK default 100)
#   bash scripts/throughput.sh tokens      regulated token transfers against plain balance
#                                          transfers and against the legs of batched
#                                          `tokens.transfer_many`s: per block, per second, latency
#                                          (tests/e2e/bench-tokens.mjs; ACCOUNTS default 200,
#                                          PER_ACCOUNT default 60, LEGS default 100, BATCHED
#                                          default 3: the batched load is 3 times the others;
#                                          PROFILE=1 samples the node with perf during each load
#                                          and prints the functions its CPU time went to)
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
#   bash scripts/throughput.sh network     regulated token transfers on the four-validator local
#                                          network at a steady offered rate: inclusion and
#                                          finality latency p50/p90/p99/max, per second and per
#                                          block, forks, lost (tests/e2e/bench-network.mjs; RATE
#                                          default 100/s, DURATION default 600 s, ACCOUNTS
#                                          default 1000; STEP=N raises the rate by N per step
#                                          until p90 inclusion passes 15 s)
#   bash scripts/throughput.sh network-hour  the tokenization platform's acceptance run: 200,000
#                                          transfers uniformly over one hour on that network
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case "${1:-}" in
	documents | tokens | extension | gateway | network) bench="bench-$1.mjs" ;;
	network-hour) bench=bench-network.mjs; export RATE=$((200000 / 3600)).$((200000 % 3600 * 10000 / 3600)) DURATION=3600 STEP= ;;
	*) echo "usage: $0 documents|tokens|extension|gateway|network|network-hour" >&2; exit 2 ;;
esac
bash "$PACTUM_ROOT/scripts/setup.sh"
if [ "${PROFILE:-}" = 1 ] && ! command -v perf >/dev/null; then
	log "installing perf (Debian's linux-perf) for PROFILE=1"
	apt-get install -y -qq linux-perf >/dev/null
fi
build_workspace
[ "$1" != gateway ] || build_gateway
if [ "$1" = extension ]; then
	bash "$PACTUM_ROOT/scripts/build-contracts.sh"
	(cd "$PACTUM_ROOT" && cargo run --release --locked -q -p pactum-runtime --example extension_weights)
fi
npm_ci_e2e
(cd "$PACTUM_ROOT/tests/e2e" && PACTUM_NODE="$PACTUM_NODE" PACTUM_GATEWAY="$PACTUM_GATEWAY" node "$bench")
