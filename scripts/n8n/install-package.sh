#!/usr/bin/env bash
# Install a packed n8n community package (npm pack tarball) the way n8n's package loader finds it:
# into <userFolder>/.n8n/nodes/node_modules/<package>. Node types then appear as
# "<package-name>.<nodeName>" (e.g. n8n-nodes-cartcom.cartCom), credentials by their own name.
#
# Usage: scripts/n8n/install-package.sh <tarball.tgz> [userFolder]
#   userFolder defaults to $N8N_USER_FOLDER (from env.sh). Restart `n8n start` afterwards.
#
# Installs from the tarball (not a folder: `npm i <folder>` would make a symlink) with
# --legacy-peer-deps (so the n8n-workflow peer dependency is not pulled in: n8n provides it) and
# --ignore-scripts. Re-running with a new tarball of the same package replaces it.
set -euo pipefail
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 <tarball.tgz> [userFolder]" >&2
  exit 2
fi
TARBALL="$1"
USER_FOLDER="${2:-${N8N_USER_FOLDER:-}}"
[[ -n "$USER_FOLDER" ]] || { n8n_log "no userFolder given and N8N_USER_FOLDER is unset"; exit 2; }
[[ -f "$TARBALL" ]] || { n8n_log "tarball not found: $TARBALL"; exit 2; }
TARBALL="$(cd "$(dirname "$TARBALL")" && pwd)/$(basename "$TARBALL")"

NODES_DIR="$USER_FOLDER/.n8n/nodes"
mkdir -p "$NODES_DIR"
cd "$NODES_DIR"
[[ -f package.json ]] || printf '{ "name": "installed-nodes", "private": true, "dependencies": {} }\n' > package.json
: > .npmrc   # do not inherit the repo's .npmrc

# npm caches file: tarballs by integrity, so a rebuilt tarball with the same name/version is
# picked up correctly; --no-save would keep package.json clean but then a later install of another
# package would prune this one, so we save.
npm install "$TARBALL" --legacy-peer-deps --ignore-scripts --no-audit --no-fund \
  --no-update-notifier --loglevel=warn --install-links >&2

PKG_NAME="$(tar -xOzf "$TARBALL" package/package.json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).name))')"
[[ -f "node_modules/$PKG_NAME/package.json" ]] || { n8n_log "package $PKG_NAME not found after install"; exit 1; }
if [[ -L "node_modules/$PKG_NAME" ]]; then n8n_log "node_modules/$PKG_NAME is a symlink; expected a real copy"; exit 1; fi
n8n_log "installed $PKG_NAME into $NODES_DIR/node_modules/$PKG_NAME"
printf '%s\n' "$NODES_DIR/node_modules/$PKG_NAME"
