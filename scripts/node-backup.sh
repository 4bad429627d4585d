#!/usr/bin/env bash
# Backs up and restores a stopped pactum-node: its whole base path (the ParityDB database, the
# keystore with the session keys, the network key when it is kept there).
#
#   node-backup.sh backup BASE_PATH ARCHIVE    archive BASE_PATH (the node must be stopped)
#   node-backup.sh verify ARCHIVE              check ARCHIVE against its checksum (ARCHIVE.sha256)
#   node-backup.sh restore ARCHIVE BASE_PATH   restore into BASE_PATH, which must be absent or
#                                              empty (--force moves what is there aside first)
#
# A node holds its database's lock while it runs (ParityDB's `lock` file, flock): backup and
# restore refuse a base path whose database is in use. Backup holds that lock while it archives,
# so the node cannot start in the middle; restore unpacks beside the base path
# (BASE_PATH.restoring) and moves the result in only when it is complete, but keep the node's
# service stopped until it is done (docs/operators.md). The archive is a zstd-compressed tar,
# readable by its owner only, with a SHA-256 checksum beside it; it holds the validator's secret
# keys: keep it as you keep those keys. Never run a restored validator while the original runs.
set -euo pipefail

usage() {
  sed -n '4,8p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

fail() { printf 'node-backup: %s\n' "$*" >&2; exit 1; }

# The lock files of every database under a base path (one per chain the node ran).
db_locks() { find "$1" -path '*/paritydb/*' -name lock -type f 2>/dev/null; }

# Runs the rest of the arguments with every database lock under $1 held, or fails if a node
# holds one. flock's descriptors are inherited by the command and released when it exits.
with_locks() {
  local base=$1 lock fd=9 locks=()
  shift
  mapfile -t locks < <(db_locks "$base")
  for lock in "${locks[@]}"; do
    eval "exec $fd<>\"\$lock\"" 2>/dev/null ||
      fail "cannot open $lock: run as the node's user (or root)"
    flock -n "$fd" || fail "the database at $(dirname "$lock") is in use: stop the node first"
    fd=$((fd + 1))
  done
  "$@"
}

backup() {
  local base=$1 archive=$2
  [ -d "$base" ] || fail "no base path at $base"
  [ -n "$(db_locks "$base")" ] || fail "no ParityDB database under $base: not a node's base path?"
  [ ! -e "$archive" ] || fail "$archive exists: give a new name"
  # One chain of steps: a failed step stops the rest (set -e does not act inside a subshell
  # tested with ||), and no archive is published.
  (
    umask 077 &&
      with_locks "$base" tar --zstd -cf "$archive.partial" -C "$base" . &&
      sync "$archive.partial" &&
      mv "$archive.partial" "$archive" &&
      (cd "$(dirname "$archive")" && sha256sum "$(basename "$archive")") >"$archive.sha256" &&
      sync "$archive" "$archive.sha256"
  ) || { rm -f "$archive.partial" "$archive.sha256"; fail "backup of $base failed (nothing written)"; }
  printf 'backed up %s to %s (%s bytes), checksum in %s.sha256\n' \
    "$base" "$archive" "$(stat -c %s "$archive")" "$archive"
}

verify() {
  local archive=$1
  [ -f "$archive" ] || fail "no archive at $archive"
  [ -f "$archive.sha256" ] || fail "no checksum at $archive.sha256"
  local expected actual
  expected=$(cut -d' ' -f1 <"$archive.sha256")
  actual=$(sha256sum <"$archive" | cut -d' ' -f1)
  [ "$expected" = "$actual" ] ||
    fail "$archive does not match its checksum: it is damaged or not the archive the checksum is of"
  tar --zstd -tf "$archive" >/dev/null || fail "$archive is not a readable archive"
  printf '%s: checksum and archive good\n' "$archive"
}

restore() {
  local archive=$1 base=$2 force=$3 staging="$2.restoring"
  verify "$archive" >/dev/null
  if [ -d "$base" ] && [ -n "$(ls -A "$base")" ]; then
    $force || fail "$base is not empty: restore into an empty directory, or give --force to move its contents aside"
    with_locks "$base" true
  fi
  rm -rf "$staging"
  (umask 077 && mkdir -p "$staging") && tar --zstd -xf "$archive" -C "$staging" ||
    { rm -rf "$staging"; fail "extracting $archive failed: $base is unchanged"; }
  mkdir -p "$base"
  if [ -n "$(ls -A "$base")" ]; then
    # The contents, not the directory: the base path may be a mount point.
    local aside
    aside="$base.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "$aside"
    with_locks "$base" find "$base" -mindepth 1 -maxdepth 1 -exec mv -t "$aside" {} +
    printf 'moved what was in %s to %s\n' "$base" "$aside"
  fi
  find "$staging" -mindepth 1 -maxdepth 1 -exec mv -t "$base" {} +
  rmdir "$staging"
  chmod 700 "$base"
  sync
  printf 'restored %s into %s\n' "$archive" "$base"
}

force=false
args=()
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    -h | --help) usage ;;
    *) args+=("$arg") ;;
  esac
done
set -- "${args[@]}"
case "${1:-}" in
  backup) [ $# -eq 3 ] || usage; backup "$2" "$3" ;;
  verify) [ $# -eq 2 ] || usage; verify "$2" ;;
  restore) [ $# -eq 3 ] || usage; restore "$2" "$3" "$force" ;;
  *) usage ;;
esac
