#!/usr/bin/env bash
# Regenerates chain-spec/local.json and chain-spec/local-raw.json from the built node.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -x "$PACTUM_NODE" ] || build_workspace
"$PACTUM_NODE" build-spec --chain local --disable-default-bootnode >"$PACTUM_ROOT/chain-spec/local.json"
"$PACTUM_NODE" build-spec --chain local --disable-default-bootnode --raw >"$PACTUM_ROOT/chain-spec/local-raw.json"
log "wrote chain-spec/local.json and chain-spec/local-raw.json"
