#!/usr/bin/env bash
# Writes gateway/metadata/pactum.scale: the metadata (V16, `RuntimeMetadataPrefixed` SCALE bytes)
# of the runtime that `$PACTUM_NODE` embeds, from which gateway/chain-api generates the typed
# client. It starts `$PACTUM_NODE --dev --tmp` on a free loopback port, asks it over JSON-RPC, and
# stops it however the script ends.
#
#   PACTUM_NODE   the node binary (default: the release build in $CARGO_TARGET_DIR, see lib.sh)
#   OUT           the file to write (default: gateway/metadata/pactum.scale)
#
# V16 is asked for with `state_call("Metadata_metadata_at_version", 16)`: plain `state_getMetadata`
# answers V14, and subxt's codegen check hashes what the node serves at the newest version, so
# code generated from V14 could be reported as not matching. Without V16 the script fails (it does
# not fall back silently).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUT="${OUT:-$PACTUM_ROOT/gateway/metadata/pactum.scale}"
[ -x "$PACTUM_NODE" ] || { log "no node binary at $PACTUM_NODE (build it, or set PACTUM_NODE)"; exit 1; }
for tool in curl python3; do
  command -v "$tool" >/dev/null || { log "$tool is needed"; exit 1; }
done

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
RPC_PORT="$(free_port)"
P2P_PORT="$(free_port)"
WORK="$(mktemp -d -t pactum-metadata-XXXXXX)"
node_pid=""
cleanup() {
  if [ -n "$node_pid" ]; then
    kill -TERM "$node_pid" 2>/dev/null || true
    wait "$node_pid" 2>/dev/null || true
  fi
  rm -rf "$WORK" "$OUT.tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rpc() { # method [params as the inside of a JSON list]
  curl -sS --max-time 10 -H 'Content-Type: application/json' \
    -d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$1\",\"params\":[${2:-}]}" "http://127.0.0.1:$RPC_PORT"
}

log "starting $PACTUM_NODE --dev --tmp on 127.0.0.1:$RPC_PORT"
"$PACTUM_NODE" --dev --tmp --rpc-port "$RPC_PORT" \
  --listen-addr "/ip4/127.0.0.1/tcp/$P2P_PORT" --no-telemetry --no-mdns \
  >"$WORK/node.log" 2>&1 &
node_pid=$!

ready=false
for _ in $(seq 1 120); do
  if ! kill -0 "$node_pid" 2>/dev/null; then
    log "the node exited early; its log:"; tail -n 30 "$WORK/node.log" >&2; exit 1
  fi
  if rpc system_health >/dev/null 2>&1; then ready=true; break; fi
  sleep 0.5
done
$ready || { log "the node did not answer within 60 s; its log:"; tail -n 30 "$WORK/node.log" >&2; exit 1; }

# SCALE-encoded u32 16, little endian.
rpc state_call '"Metadata_metadata_at_version", "0x10000000"' >"$WORK/answer.json"
mkdir -p "$(dirname "$OUT")"
python3 - "$WORK/answer.json" "$OUT.tmp" <<'PY'
import json, sys
answer = json.load(open(sys.argv[1]))
if 'error' in answer:
    sys.exit(f"state_call failed: {answer['error']}")
raw = bytes.fromhex(answer['result'][2:])
# Option<OpaqueMetadata>: 0x01, then Vec<u8> (compact length, bytes).
if not raw or raw[0] != 1:
    sys.exit("the runtime has no metadata V16")
raw = raw[1:]
mode = raw[0] & 3
if mode == 0:
    length, offset = raw[0] >> 2, 1
elif mode == 1:
    length, offset = int.from_bytes(raw[:2], 'little') >> 2, 2
elif mode == 2:
    length, offset = int.from_bytes(raw[:4], 'little') >> 2, 4
else:
    size = (raw[0] >> 2) + 4
    length, offset = int.from_bytes(raw[1:1 + size], 'little'), 1 + size
body = raw[offset:offset + length]
if len(body) != length:
    sys.exit(f"truncated metadata: {len(body)} of {length} bytes")
# RuntimeMetadataPrefixed: the magic "meta", then the version byte.
if body[:4] != b'meta' or body[4] != 16:
    sys.exit(f"unexpected metadata prefix {body[:5].hex()}")
open(sys.argv[2], 'wb').write(body)
print(f"{length} bytes of metadata V16")
PY
mv "$OUT.tmp" "$OUT"
log "wrote $OUT"
