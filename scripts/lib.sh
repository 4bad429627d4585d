# Shared by the scripts: paths and the build. Source it, don't run it; in an interactive bash,
# sourcing it lets you run cargo by hand with the scripts' target directory (README, "Tests").

PACTUM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The target directory lives outside the clone so that fresh clones (CI) reuse the build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pactum/target}"
export PATH="$HOME/.cargo/bin:$PATH"
# The runtime's Wasm build runs in the target directory: tell it where the workspace (and its
# Cargo.lock) is, so the Wasm is built from the locked versions.
export WASM_BUILD_WORKSPACE_HINT="$PACTUM_ROOT"
# frame-benchmarking-cli's storage benchmark carries a parachain test runtime whose Wasm (cumulus
# and XCM for wasm32, ~500 crates) only its `--validate-block` mode runs, a mode for parachains:
# not built (on a cold build it took a core beside the runtime's own Wasm for about 7 minutes of
# the critical path; docs/performance.md).
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
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

# The release profile builds the workspace's crates incrementally (Cargo.toml). Cargo keeps that
# state per crate build (a clone elsewhere, another feature set) and never removes it: the state
# of builds untouched for a week goes.
prune_incremental() {
  local dir="$CARGO_TARGET_DIR/release/incremental"
  [ -d "$dir" ] || return 0
  find "$dir" -mindepth 1 -maxdepth 1 -type d -mtime +7 -exec rm -rf {} +
}

# Builds every crate of the workspace in the release profile (the node binary included), but the
# upgrade test's runtime (`build_next_runtime`) and try-runtime (`build_try_runtime`). One profile
# for everything: the run command and the test command share all artifacts.
build_workspace() {
  log "building the workspace (release) into $CARGO_TARGET_DIR"
  local start=$SECONDS
  prune_incremental
  (cd "$PACTUM_ROOT" && cargo build --release --locked --workspace --exclude pactum-runtime-next \
    --exclude pactum-try-runtime)
  log "build finished in $((SECONDS - start)) s"
}

# Builds the runtime once more reporting the next spec_version ($PACTUM_NEXT_RUNTIME): only the
# runtime crate is compiled again, for Wasm. As part of the workspace (everything else is up to
# date after build_workspace): alone (`-p pactum-runtime-next`), its build script's dependencies
# (syn, serde, wasm-opt's C++ library, …) get other features and were all compiled a second
# time, several minutes on a cold machine. The workspace is built first: both runtimes' build
# scripts use the same Wasm project (`wbuild/pactum-runtime`, the runtime crate's name), and when
# one cargo run starts both they race on its files and the node can embed the next runtime.
build_next_runtime() {
  build_workspace
  log "building the next runtime (spec_version + 1) for the upgrade test"
  local start=$SECONDS
  (cd "$PACTUM_ROOT" && cargo build --release --locked --workspace --exclude pactum-try-runtime)
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

# `npm ci` in the npm project `dir`, unless its node_modules were installed from the same lock
# file (a copy of which is kept in node_modules): a reinstall costs seconds for nothing.
npm_ci() {
  local dir="$1" stamp="$1/node_modules/.installed-package-lock.json"
  cmp -s "$dir/package-lock.json" "$stamp" && return 0
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$stamp"
}

# The end-to-end tests' (and benchmarks') JavaScript: @pactum/client (clients/js) first, since
# tests/e2e depends on it and its install generates PAPI's descriptors from
# gateway/metadata/pactum.scale (again only when that file changed), then tests/e2e.
npm_ci_e2e() {
  npm_ci "$PACTUM_ROOT/clients/js"
  (cd "$PACTUM_ROOT/clients/js" && npm run --silent generate)
  npm_ci "$PACTUM_ROOT/tests/e2e"
}

# Builds the client portal (portal/: the TypeScript checked, then bundled by Vite) into
# portal/dist, which the gateway serves under /portal/ (`portal_dir`).
build_portal() {
  log "building the portal into $PACTUM_ROOT/portal/dist"
  local start=$SECONDS
  npm_ci "$PACTUM_ROOT/portal"
  (cd "$PACTUM_ROOT/portal" && npm run --silent build)
  log "portal built in $((SECONDS - start)) s"
}

# Runs the bash command line `$1` in the background at the lowest priority, in a session of its own
# (`kill -- -PID` stops all of it; the PID is in $!). The kernel's autogroup scheduling shares the
# cores between sessions whatever the processes' nice values, so the new session's group is niced
# too, from inside it: done from outside, a race could nice the caller's group instead.
start_niced_session() {
  setsid bash -c '{ echo 19 >/proc/self/autogroup; } 2>/dev/null || true; exec nice -n 19 bash -c "$0"' "$1" &
}

# Starts a throwaway PostgreSQL server (Debian's `postgresql` package, which setup.sh installs) on
# a free loopback port, its files in a temporary directory, and exports PACTUM_TEST_PG_URL (a
# superuser's URL: tests create their own databases). `stop_test_postgres` stops it and removes
# its files. As root it runs as the package's `postgres` user (the server refuses root).
start_test_postgres() {
  local bin port
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [ -x "$bin/initdb" ] || { log "no PostgreSQL server installed (scripts/setup.sh installs it)" >&2; return 1; }
  PACTUM_PG_DIR="$(mktemp -d /tmp/pactum-pg.XXXXXX)"
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PACTUM_PG_DIR"
    as=(runuser -u postgres --)
  fi
  port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
  "${as[@]}" "$bin/initdb" -D "$PACTUM_PG_DIR/data" -U pactum --auth=trust -E UTF8 >"$PACTUM_PG_DIR/initdb.log"
  "${as[@]}" "$bin/pg_ctl" -D "$PACTUM_PG_DIR/data" -l "$PACTUM_PG_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PACTUM_PG_DIR -c fsync=off" start >/dev/null
  PACTUM_PG_STOP=("${as[@]}" "$bin/pg_ctl" -D "$PACTUM_PG_DIR/data" -m fast -w stop)
  export PACTUM_TEST_PG_URL="postgres://pactum@127.0.0.1:$port/postgres"
  log "PostgreSQL for the tests at 127.0.0.1:$port"
}

stop_test_postgres() {
  [ -n "${PACTUM_PG_DIR:-}" ] || return 0
  "${PACTUM_PG_STOP[@]}" >/dev/null 2>&1 || true
  rm -rf "$PACTUM_PG_DIR"
  unset PACTUM_PG_DIR PACTUM_TEST_PG_URL
}

# Builds `pactum-gateway` (gateway/, its own workspace and target directory) and the Rust client's
# example (pactum-chain-api's `regulated_transfer`, which an end-to-end test runs). The typed
# chain client is generated from the checked-in gateway/metadata/pactum.scale: no node is needed.
build_gateway() {
  log "building pactum-gateway (release) into $PACTUM_GATEWAY_TARGET_DIR"
  local start=$SECONDS
  (cd "$PACTUM_ROOT/gateway" && CARGO_TARGET_DIR="$PACTUM_GATEWAY_TARGET_DIR" \
    cargo build --release --locked --workspace --bins --examples)
  log "pactum-gateway built in $((SECONDS - start)) s"
}
