#!/usr/bin/env bash
# Installs everything a Pactum build needs on a Debian/Ubuntu machine. Idempotent.
#
#  * Debian packages: the Rust 1.96 toolchain with its std sources (rustc-web, cargo-web,
#    rust-web-src), lld-22 (rust-lld for Wasm), mold (host linker), protoc, wabt (Wasm validator),
#    binaryen (wasm-opt, shrinks contract code),
#    clippy/rustfmt for that toolchain, Node.js + npm for the end-to-end tests, PostgreSQL (the
#    gateway's tests run on it as well as on SQLite; no server is started by the package here),
#    Chromium (the portal's browser tests drive it headless through playwright-core), zstd (the
#    node's backups, scripts/node-backup.sh) and systemd (its unit check, `systemd-analyze verify`).
#  * Links that toolchain into rustup as `pactum` (rust-toolchain.toml selects it).
#  * Builds core/alloc/compiler_builtins for wasm32v1-none once per compiler version and installs
#    them into the toolchain sysroot, so substrate-wasm-builder finds the target "installed".
#
# A complete run leaves a stamp, ${XDG_CACHE_HOME:-$HOME/.cache}/pactum/setup-stamp: the hash of
# this script and the compiler's version. While the stamp matches and the tools are there, the
# script returns at once (the scripts that call it every time pay nothing); delete the stamp to
# run everything again.
set -euo pipefail

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

PACKAGES=(rustc-web cargo-web rust-web-src rust-web-clippy rustfmt-web lld-22 mold
          protobuf-compiler wabt binaryen build-essential pkg-config git curl ca-certificates nodejs npm
          postgresql chromium zstd systemd)

# The packages of PACKAGES that are not installed, one per line (one dpkg query for all). Node.js
# may come from elsewhere (nvm, a tarball): nodejs and npm count as missing only when there is no
# `node` and `npm` on the PATH.
missing_packages() {
  local skip="" installed p
  if command -v node >/dev/null && command -v npm >/dev/null; then skip=" nodejs npm "; fi
  installed=" $( (dpkg-query -W -f='${Package} ${Status}\n' "${PACKAGES[@]}" 2>/dev/null || true) |
    awk '$(NF-2) == "install" && $(NF-1) == "ok" && $NF == "installed" { printf "%s ", $1 }')"
  for p in "${PACKAGES[@]}"; do
    case "$skip" in *" $p "*) continue ;; esac
    case "$installed" in *" $p "*) ;; *) echo "$p" ;; esac
  done
}

# --- fast path: nothing missing --------------------------------------------------------------
SETUP_STAMP="${XDG_CACHE_HOME:-$HOME/.cache}/pactum/setup-stamp"
# What the stamp holds: this script's content hash and the compiler's version.
setup_key() {
  printf '%s\n%s\n' "$(sha256sum <"${BASH_SOURCE[0]}" | cut -d' ' -f1)" "$(/usr/bin/rustc --version)"
}
nothing_missing() {
  [ -f "$SETUP_STAMP" ] && [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] || return 1
  [ -z "$(missing_packages)" ] || return 1
  # rust-lld is a link setup makes, not a package; the packages' tools came with the packages.
  command -v rust-lld >/dev/null || return 1
  compgen -G "/usr/lib/rustlib/wasm32v1-none/lib/libcore-*.rlib" >/dev/null || return 1
  if command -v rustup >/dev/null; then
    [ -e "${RUSTUP_HOME:-$HOME/.rustup}/toolchains/pactum" ] || return 1
  fi
  [ "$(cat "$SETUP_STAMP")" = "$(setup_key)" ]
}
if nothing_missing; then
  log "nothing missing ($SETUP_STAMP matches; delete it to run the whole set-up)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "not root and no sudo: run as root or install sudo"
  SUDO="sudo"
fi
command -v apt-get >/dev/null || die "apt-get not found: Pactum's setup supports Debian/Ubuntu only"

mapfile -t missing < <(missing_packages)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages already installed"
fi

[ -x /usr/bin/rustc ] || die "/usr/bin/rustc missing after installing rustc-web"
RUSTC_VERSION="$(/usr/bin/rustc --version)"
log "toolchain: $RUSTC_VERSION (sysroot /usr)"

# rustc links Wasm with `rust-lld -flavor wasm`. Some rustc-web builds ship /usr/bin/rust-lld as a
# link to lld-22, others don't: provide it when it is missing.
if ! command -v rust-lld >/dev/null; then
  [ -x /usr/lib/llvm-22/bin/lld ] || die "/usr/lib/llvm-22/bin/lld missing after installing lld-22"
  $SUDO ln -sf /usr/lib/llvm-22/bin/lld /usr/bin/rust-lld
  log "linked /usr/bin/rust-lld -> /usr/lib/llvm-22/bin/lld"
fi

if command -v rustup >/dev/null; then
  if rustup toolchain list | grep -q '^pactum'; then
    log "rustup toolchain 'pactum' already linked"
  else
    rustup toolchain link pactum /usr
    log "linked /usr as rustup toolchain 'pactum'"
  fi
fi

# --- core/alloc for wasm32v1-none ------------------------------------------------------------
TARGET=wasm32v1-none
LIBDIR=/usr/lib/rustlib/$TARGET/lib
STAMP=/usr/lib/rustlib/$TARGET/pactum-stamp
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$RUSTC_VERSION" ] && ls "$LIBDIR"/libcore-*.rlib >/dev/null 2>&1; then
  log "$TARGET core/alloc already built for this compiler"
else
  log "building core/alloc/compiler_builtins for $TARGET (once per compiler version)"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/src"
  cat >"$work/Cargo.toml" <<'TOML'
[package]
name = "sysroot-seed"
version = "0.0.0"
edition = "2021"
[lib]
path = "src/lib.rs"
[profile.release]
panic = "abort"
TOML
  printf '#![no_std]\npub fn seed() {}\n' >"$work/src/lib.rs"
  # CARGO_TARGET_DIR is set by the scripts that call this one: build in the temporary folder.
  (cd "$work" && CARGO_TARGET_DIR="$work/target" RUSTC_BOOTSTRAP=1 RUSTFLAGS=-Cembed-bitcode=yes RUSTUP_TOOLCHAIN= \
     /usr/bin/cargo build -q --release --target "$TARGET" -Zbuild-std=core,alloc \
     --config 'build.rustc="/usr/bin/rustc"')
  $SUDO mkdir -p "$LIBDIR"
  $SUDO rm -f "$LIBDIR"/*.rlib
  for crate in core alloc compiler_builtins; do
    f="$(ls "$work/target/$TARGET/release/deps/lib${crate}-"*.rlib | head -n1)"
    [ -n "$f" ] || die "build-std produced no lib$crate"
    $SUDO cp "$f" "$LIBDIR/"
  done
  echo "$RUSTC_VERSION" | $SUDO tee "$STAMP" >/dev/null
  # Wasm artifacts built against an older core cannot be reused ("can't find crate").
  TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pactum/target}"
  rm -rf "$TARGET_DIR"/*/wbuild/*/target/$TARGET
  log "installed $(ls "$LIBDIR" | tr '\n' ' ')"
fi

mkdir -p "$(dirname "$SETUP_STAMP")"
setup_key >"$SETUP_STAMP"
log "done (stamp $SETUP_STAMP)"
