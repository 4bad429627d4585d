#!/usr/bin/env bash
# Sets up the machine, builds, and starts a development node and the REST gateway beside it on
# 127.0.0.1, each with a temporary database (removed when they stop). The gateway gets a new master
# key, Alice (the dev chain's operator account) as its signer, and one API client with every scope
# acting for her, whose credentials are printed; it serves the client portal, with a person
# `bob` (Bob's account, a new password printed) who can sign in to it. Extra arguments go to
# pactum-node.
#   RPC_PORT (default 9944), P2P_PORT (default 30333), GATEWAY_PORT (default 8080)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$PACTUM_ROOT/scripts/setup.sh"
build_workspace
build_gateway
build_portal

RPC_PORT="${RPC_PORT:-9944}"
P2P_PORT="${P2P_PORT:-30333}"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
BASE_PATH="$(mktemp -d -t pactum-dev-XXXXXX)"
GATEWAY_DIR="$(mktemp -d -t pactum-gateway-dev-XXXXXX)"
node_pid=""
gateway_pid=""
# However this script ends (Ctrl-C, a signal, an error), both stop and their databases go.
cleanup() {
  local pid
  for pid in $gateway_pid $node_pid; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$BASE_PATH" "$GATEWAY_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$PACTUM_NODE" --dev --base-path "$BASE_PATH" \
  --rpc-port "$RPC_PORT" --rpc-cors all \
  --listen-addr "/ip4/127.0.0.1/tcp/$P2P_PORT" \
  --no-telemetry --no-mdns "$@" &
node_pid=$!

# The gateway's configuration, by environment (gateway/README.md lists every setting).
export PACTUM_GATEWAY_LISTEN="127.0.0.1:$GATEWAY_PORT"
export PACTUM_GATEWAY_DATA_DIR="$GATEWAY_DIR"
export PACTUM_GATEWAY_NODE_URL="ws://127.0.0.1:$RPC_PORT"
export PACTUM_GATEWAY_MASTER_KEY_FILE="$GATEWAY_DIR/master.key"
# A development machine: webhooks may call receivers on this machine (refused by default).
export PACTUM_GATEWAY_WEBHOOK_ALLOW_PRIVATE_NETWORKS=true
"$PACTUM_GATEWAY" admin master-key generate --out "$PACTUM_GATEWAY_MASTER_KEY_FILE"
"$PACTUM_GATEWAY" migrate
printf '//Alice' | "$PACTUM_GATEWAY" admin signer add --label operator --secret-file - >/dev/null
DEV_CLIENT="$("$PACTUM_GATEWAY" admin api-client create --name development --refresh-tokens --act-as operator \
  --scopes "documents:read documents:write clients:read clients:write certificates:read certificates:issue attestations:read tokens:read tokens:write submissions:read webhooks:manage events:read")"
# FIELD of the JSON object JSON (the admin commands print one).
json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2" <<<"$1"; }
client_field() { json_field "$DEV_CLIENT" "$1"; }
# The portal: its build, its public OAuth client (what clients and staff may do; each person's
# own scopes narrow it), a client (Bob) and a member of the operator's staff (ops, acting for the
# operator's account) to sign in as.
PORTAL_CLIENT="$("$PACTUM_GATEWAY" admin api-client create --name portal \
  --scopes "documents:read documents:write documents:sign clients:read clients:write submissions:read events:read certificates:read attestations:read" \
  --redirect-uri "http://127.0.0.1:$GATEWAY_PORT/portal/callback")"
export PACTUM_GATEWAY_PORTAL_DIR="$PACTUM_ROOT/portal/dist"
export PACTUM_GATEWAY_PORTAL_CLIENT_ID="$(json_field "$PORTAL_CLIENT" client_id)"
# the portal links each transaction to polkadot.js apps' block view on this node
export PACTUM_GATEWAY_PORTAL_EXPLORER_URL="${PACTUM_GATEWAY_PORTAL_EXPLORER_URL:-https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$RPC_PORT#/explorer/query/{block_hash}}"
PORTAL_PASSWORD="$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')"
printf '%s\n' "$PORTAL_PASSWORD" | "$PACTUM_GATEWAY" admin user create --username bob \
  --account 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty --password-file - >/dev/null
printf '%s\n' "$PORTAL_PASSWORD" | "$PACTUM_GATEWAY" admin user create --username ops \
  --account 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY --password-file - \
  --scopes "documents:read documents:write clients:write submissions:read events:read" >/dev/null
"$PACTUM_GATEWAY" serve &
gateway_pid=$!

cat <<INFO

  Pactum development node
  RPC (WebSocket and HTTP): ws://127.0.0.1:$RPC_PORT
  polkadot.js apps:         https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$RPC_PORT#/explorer
                            (or a local build of polkadot.js apps: Settings -> custom endpoint)
  Database:                 $BASE_PATH (removed on exit)

  Pactum gateway (REST, OAuth 2.0)
  URL:                      http://127.0.0.1:$GATEWAY_PORT   (API docs: /docs, OpenAPI: /openapi.json)
  API client (every scope): client_id     $(client_field client_id)
                            client_secret $(client_field client_secret)
                            (its writes are signed by Alice, the gateway's signer "operator")
  A token:                  curl -u CLIENT_ID:CLIENT_SECRET -d grant_type=client_credentials \\
                              http://127.0.0.1:$GATEWAY_PORT/oauth/token
  Data:                     $GATEWAY_DIR (removed on exit)

  Client portal:            http://127.0.0.1:$GATEWAY_PORT/portal/
  Sign in as:               bob / $PORTAL_PASSWORD   (a client: Bob's account and contracts)
                            ops / $PORTAL_PASSWORD   (the operator's staff: Alice's account; signs
                            what awaits the operator, creates contracts, registers clients)

  Stop with Ctrl-C.

INFO

# Either process ending ends the script (and, through cleanup, the other).
wait -n "$node_pid" "$gateway_pid"
