#!/usr/bin/env bash
# try-runtime on a live chain: this tree's runtime checks against the state of a running node.
#
#   scripts/try-runtime.sh [URI]          (default ws://127.0.0.1:9944, e.g. `scripts/run.sh`'s node)
#   scripts/try-runtime.sh -- ARGS...     pactum-try-runtime with ARGS (see `-- --help`)
#
# Without arguments after `--` it runs, on the node's last finalized block:
#   on-runtime-upgrade  the upgrade to this tree's runtime: every migration with its pre- and
#                       post-upgrade checks, the whole state decoded, every pallet's try_state;
#   execute-block       that block executed again on its parent's state: signatures, every
#                       pallet's try_state, the state root.
# Save a state for later with `-- snapshot --uri URI --out FILE`, and check it with
# `-- on-runtime-upgrade --snapshot FILE`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$PACTUM_ROOT/scripts/setup.sh"
build_try_runtime
tool="$CARGO_TARGET_DIR/release/pactum-try-runtime"
if [ "${1:-}" = "--" ]; then
  shift
  exec "$tool" "$@"
fi
uri="${1:-ws://127.0.0.1:9944}"
"$tool" on-runtime-upgrade --uri "$uri"
"$tool" execute-block --uri "$uri"
