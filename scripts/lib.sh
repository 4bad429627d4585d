# Shared by the scripts: paths and the build. Source it, don't run it; in an interactive bash,
# sourcing it lets you run cargo by hand with the scripts' target directory (README, "Tests").

PACTUM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The target directory lives outside the clone so that fresh clones (CI) reuse the build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pactum/target}"
export PATH="$HOME/.cargo/bin:$PATH"
# The runtime's Wasm build runs in the target directory: tell it where the workspace (and its
# Cargo.lock) is, so the Wasm is built from the locked versions.
export WASM_BUILD_WORKSPACE_HINT="$PACTUM_ROOT"
PACTUM_NODE="${PACTUM_NODE:-$CARGO_TARGET_DIR/release/pactum-node}"
# The runtime reporting the next spec_version (runtime/next): what the upgrade test moves a chain to.
export PACTUM_NEXT_RUNTIME="$CARGO_TARGET_DIR/release/wbuild/pactum-runtime/pactum_runtime_next.compact.compressed.wasm"
# The ink! contracts are a workspace of their own, with their own target directory; their
# .contract bundles (scripts/build-contracts.sh) go to PACTUM_CONTRACTS_DIR, where tests find them.
PACTUM_INK_TARGET_DIR="${PACTUM_INK_TARGET_DIR:-$HOME/.cache/pactum/target-ink}"
export PACTUM_CONTRACTS_DIR="${PACTUM_CONTRACTS_DIR:-$PACTUM_INK_TARGET_DIR/bundles}"
# The REST gateway (gateway/) is a workspace of its own too (subxt, sqlx, axum never take part in
# the chain's feature unification), with its own target directory.
PACTUM_GATEWAY_TARGET_DIR="${PACTUM_GATEWAY_TARGET_DIR:-$HOME/.cache/pactum/target-gateway}"
export PACTUM_GATEWAY="${PACTUM_GATEWAY:-$PACTUM_GATEWAY_TARGET_DIR/release/pactum-gateway}"

log() { printf '[%s] %s\n' "$(basename -- "$0" .sh)" "$*"; }

# Builds every crate of the workspace in the release profile (the node binary included), but the
# upgrade test's runtime (`build_next_runtime`) and try-runtime (`build_try_runtime`). One profile
# for everything: the run command and the test command share all artifacts.
build_workspace() {
  log "building the workspace (release) into $CARGO_TARGET_DIR"
  local start=$SECONDS
  (cd "$PACTUM_ROOT" && cargo build --release --locked --workspace --exclude pactum-runtime-next \
    --exclude pactum-try-runtime)
  log "build finished in $((SECONDS - start)) s"
}

# Builds the runtime once more reporting the next spec_version ($PACTUM_NEXT_RUNTIME): only the
# runtime crate is compiled again, for Wasm.
build_next_runtime() {
  log "building the next runtime (spec_version + 1) for the upgrade test"
  local start=$SECONDS
  (cd "$PACTUM_ROOT" && cargo build --release --locked -p pactum-runtime-next)
  log "next runtime built in $((SECONDS - start)) s"
}

# Builds `pactum-try-runtime` (try-runtime/), the one crate that compiles the runtime with its
# `try-runtime` feature. Natively only (SKIP_WASM_BUILD): the Wasm the node embeds is never built
# with that feature. Its own feature set means its own copy of the runtime's dependencies in the
# target directory; the node's artifacts are untouched.
build_try_runtime() {
  log "building pactum-try-runtime (the runtime with try-runtime, native)"
  local start=$SECONDS
  (cd "$PACTUM_ROOT" && SKIP_WASM_BUILD=1 cargo build --release --locked -p pactum-try-runtime)
  log "pactum-try-runtime built in $((SECONDS - start)) s"
}

# Builds `pactum-gateway` (gateway/, its own workspace and target directory). Its typed chain
# client is generated from the checked-in gateway/metadata/pactum.scale, so no node is needed.
build_gateway() {
  log "building pactum-gateway (release) into $PACTUM_GATEWAY_TARGET_DIR"
  local start=$SECONDS
  (cd "$PACTUM_ROOT/gateway" && CARGO_TARGET_DIR="$PACTUM_GATEWAY_TARGET_DIR" cargo build --release --locked)
  log "pactum-gateway built in $((SECONDS - start)) s"
}
