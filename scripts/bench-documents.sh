#!/usr/bin/env bash
# Measures relayed document signatures per block: by weight, and included by a running dev
# node under load (tests/e2e/bench-documents.mjs). A benchmark that prints numbers, not a test.
#   SIGNATURES (default 2000), BULK (items per sign_many, default 100)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$PACTUM_ROOT/scripts/setup.sh"
build_workspace
(cd "$PACTUM_ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
(cd "$PACTUM_ROOT/tests/e2e" && PACTUM_NODE="$PACTUM_NODE" node bench-documents.mjs)
