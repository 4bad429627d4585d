#!/usr/bin/env bash
# A four-validator Pactum network on 127.0.0.1 (the `local` chain: Alice, Bob, Charlie, Dave).
#
#   local-net.sh start [NAME]   start all validators, or one (it resumes from its database)
#   local-net.sh stop [NAME]    stop one validator (keeping its database), or all (removing them)
#   local-net.sh status         pid, peers, best and finalized block of each validator
#
# Environment: PACTUM_NET_DIR (databases, logs, pids; default $TMPDIR/pactum-local-net),
# PACTUM_NET_P2P_BASE (default 31333) and PACTUM_NET_RPC_BASE (default 9951): validator i
# listens on base + i. PACTUM_CHAIN (default `local`) may be `local-fast` (2-second slots, as the
# tests run it) or name a chain spec file.
# PACTUM_NET_ARGS adds arguments to every node (e.g. `-lgrandpa=debug`).
# The node binary must be built (scripts/run.sh or scripts/test.sh build it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NET_DIR="${PACTUM_NET_DIR:-${TMPDIR:-/tmp}/pactum-local-net}"
P2P_BASE="${PACTUM_NET_P2P_BASE:-31333}"
RPC_BASE="${PACTUM_NET_RPC_BASE:-9951}"
CHAIN="${PACTUM_CHAIN:-local}"
NAMES=(alice bob charlie dave)
# Alice's fixed node key and the libp2p peer id it gives: the others find the network through her.
ALICE_PEER_ID=12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp

index_of() {
  local i
  for i in "${!NAMES[@]}"; do [ "${NAMES[$i]}" = "$1" ] && { echo "$i"; return; }; done
  echo "unknown validator '$1' (one of: ${NAMES[*]})" >&2; exit 2
}

running() { [ -f "$NET_DIR/$1.pid" ] && kill -0 "$(cat "$NET_DIR/$1.pid")" 2>/dev/null; }

start_one() {
  local name=$1 i; i=$(index_of "$name")
  if running "$name"; then log "$name already running (pid $(cat "$NET_DIR/$name.pid"))"; return; fi
  [ -x "$PACTUM_NODE" ] || { echo "no node binary at $PACTUM_NODE: build it first" >&2; exit 1; }
  mkdir -p "$NET_DIR/$name"
  # What an operator's validator has on disk, in its base path (and so in a backup of it,
  # scripts/node-backup.sh): the node key in a file, and the session keys (the validator's
  # development keys, BABE and GRANDPA) in the keystore, put there before the first start. The
  # node signs with what the keystore holds (`--validator`, no `--alice`: that flag's keys live
  # in memory only).
  local key_file="$NET_DIR/$name/node-key"
  if [ ! -f "$key_file" ]; then
    (umask 077 && printf '%064x' $((i + 1)) >"$key_file")
    local scheme_type scheme type
    for scheme_type in sr25519:babe ed25519:gran; do
      scheme=${scheme_type%%:*} type=${scheme_type##*:}
      "$PACTUM_NODE" key insert --chain "$CHAIN" --base-path "$NET_DIR/$name" \
        --scheme "$scheme" --key-type "$type" --suri "//${name^}"
    done
  fi
  local args=(--chain "$CHAIN" --validator --name "${name^}" --base-path "$NET_DIR/$name"
    --node-key-file "$key_file"
    --listen-addr "/ip4/127.0.0.1/tcp/$((P2P_BASE + i))"
    --rpc-port "$((RPC_BASE + i))" --rpc-cors all
    --no-mdns --no-telemetry --no-prometheus ${PACTUM_NET_ARGS:-})
  [ "$i" -eq 0 ] || args+=(--bootnodes "/ip4/127.0.0.1/tcp/$P2P_BASE/p2p/$ALICE_PEER_ID")
  nohup "$PACTUM_NODE" "${args[@]}" >>"$NET_DIR/$name.log" 2>&1 &
  echo $! >"$NET_DIR/$name.pid"
  log "$name started: pid $!, rpc ws://127.0.0.1:$((RPC_BASE + i)), p2p $((P2P_BASE + i)), log $NET_DIR/$name.log"
}

stop_one() {
  local name=$1
  if running "$name"; then
    local pid; pid=$(cat "$NET_DIR/$name.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
    log "$name stopped"
  fi
  rm -f "$NET_DIR/$name.pid"
}

rpc() { # port method [params as a JSON list body]
  curl -s --max-time 2 -H 'Content-Type: application/json' \
    -d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":[${3:-}]}" "http://127.0.0.1:$1"
}

field() { sed -n "s/.*\"$1\":\"\{0,1\}\([0-9a-fx]*\).*/\1/p"; }

status() {
  local name i port
  printf '%-8s %-8s %-6s %-10s %-10s\n' NAME PID PEERS BEST FINALIZED
  for name in "${NAMES[@]}"; do
    i=$(index_of "$name"); port=$((RPC_BASE + i))
    if running "$name"; then
      local peers best fin_hash fin
      peers=$(rpc "$port" system_health | field peers)
      best=$(rpc "$port" chain_getHeader | field number)
      fin_hash=$(rpc "$port" chain_getFinalizedHead | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')
      fin=$(rpc "$port" chain_getHeader "\"$fin_hash\"" | field number)
      printf '%-8s %-8s %-6s %-10s %-10s\n' "$name" "$(cat "$NET_DIR/$name.pid")" "${peers:-?}" \
        "$((${best:-0}))" "$((${fin:-0}))"
    else
      printf '%-8s %-8s\n' "$name" stopped
    fi
  done
}

cmd="${1:-}"; target="${2:-}"
case "$cmd" in
  start) if [ -n "$target" ]; then start_one "$target"; else for n in "${NAMES[@]}"; do start_one "$n"; done; fi ;;
  stop)
    if [ -n "$target" ]; then stop_one "$target"
    else for n in "${NAMES[@]}"; do stop_one "$n"; done; rm -rf "$NET_DIR"; log "network removed"; fi ;;
  status) status ;;
  *) echo "usage: $0 start|stop [alice|bob|charlie|dave] | status" >&2; exit 2 ;;
esac
