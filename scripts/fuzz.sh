#!/usr/bin/env bash
# The runtime fuzzer (fuzz/, crate pactum-fuzz): builds it (release) and runs a campaign of
# generated calls on the composed runtime, checking every block. Arguments go to the fuzzer:
#
#   bash scripts/fuzz.sh                      60 seconds on one thread
#   bash scripts/fuzz.sh --seconds 600 --threads 2
#   bash scripts/fuzz.sh --inputs 1000 --seed 42
#   bash scripts/fuzz.sh --replay <seed>      one failing case again, every call printed
#   bash scripts/fuzz.sh --help
#
# It prints progress every ten seconds and, at the end, the calls that succeeded per pallet,
# the most frequent errors and every failing case as `pactum-fuzz --replay <seed>`; it exits
# with 1 if any case failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$PACTUM_ROOT/scripts/setup.sh"
# The workspace build contains pactum-fuzz, with the features the node's build gives the runtime:
# `-p pactum-fuzz` alone would compile the runtime once more.
build_workspace
exec "$CARGO_TARGET_DIR/release/pactum-fuzz" "$@"
