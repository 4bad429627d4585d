#!/usr/bin/env bash
# Sets up the machine, builds, and starts a development node on 127.0.0.1 with a temporary
# database (removed when the node stops). Extra arguments go to pactum-node.
#   RPC_PORT (default 9944), P2P_PORT (default 30333)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$PACTUM_ROOT/scripts/setup.sh"
build_workspace

RPC_PORT="${RPC_PORT:-9944}"
P2P_PORT="${P2P_PORT:-30333}"
BASE_PATH="$(mktemp -d -t pactum-dev-XXXXXX)"
node_pid=""
# However this script ends (Ctrl-C, a signal, an error), the node stops and its database goes.
cleanup() {
  if [ -n "$node_pid" ]; then kill -TERM "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true; fi
  rm -rf "$BASE_PATH"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cat <<INFO

  Pactum development node
  RPC (WebSocket and HTTP): ws://127.0.0.1:$RPC_PORT
  polkadot.js apps:         https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$RPC_PORT#/explorer
                            (or a local build of polkadot.js apps: Settings -> custom endpoint)
  Database:                 $BASE_PATH (removed on exit)
  Stop with Ctrl-C.

INFO

"$PACTUM_NODE" --dev --base-path "$BASE_PATH" \
  --rpc-port "$RPC_PORT" --rpc-cors all \
  --listen-addr "/ip4/127.0.0.1/tcp/$P2P_PORT" \
  --no-telemetry --no-mdns "$@" &
node_pid=$!
wait "$node_pid"
