# shellcheck shell=bash
# Source me:  source scripts/n8n/env.sh [INSTANCE]
#
# Exports a headless, offline n8n environment and puts the cached n8n (scripts/n8n/install.sh)
# first on PATH. Nothing here installs anything; it only sets variables. It does not change
# shell options of the caller (no set -e here on purpose, since it is sourced).
#
# Inputs (set before sourcing; all optional):
#   N8N_VERSION      n8n version to use (default 1.123.81); must be installed by install.sh
#   N8N_INSTANCE     name of the user folder: <cache>/n8n-user/<name> (default "default");
#                    the first argument of `source env.sh NAME` wins over the variable
#   N8N_PORT         HTTP port for `n8n start` (default 5678); the task-runner broker uses N8N_PORT+1
#   N8N_ENCRYPTION_KEY  (default: a fixed test key; the same key must be used for every command
#                    on one user folder, or stored credentials cannot be decrypted)
#   N8N_CACHE_ROOT   (default <repo>/.cache)
# Exports in addition (helpers for the other scripts/tests):
#   N8N_USER_FOLDER, N8N_DB_FILE (sqlite file), N8N_PID_FILE, N8N_LOG_FILE, N8N_BIN_DIR,
#   N8N_BASE_URL (http://127.0.0.1:$N8N_PORT), N8N_NODES_DIR (<user>/.n8n/nodes: installed packages)

# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

export N8N_VERSION="${N8N_VERSION:-$N8N_DEFAULT_VERSION}"
if [[ -n "${1:-}" ]]; then N8N_INSTANCE="$1"; fi
export N8N_INSTANCE="${N8N_INSTANCE:-default}"
export N8N_CACHE_ROOT

# --- where things are -----------------------------------------------------------------------
export N8N_USER_FOLDER="$N8N_CACHE_ROOT/n8n-user/$N8N_INSTANCE"   # n8n keeps its data in $N8N_USER_FOLDER/.n8n
export N8N_DB_FILE="$N8N_USER_FOLDER/.n8n/database.sqlite"
export N8N_NODES_DIR="$N8N_USER_FOLDER/.n8n/nodes"
export N8N_PID_FILE="$N8N_USER_FOLDER/n8n.pid"
export N8N_LOG_FILE="$N8N_USER_FOLDER/n8n.log"
export N8N_BIN_DIR="$(n8n_install_dir "$N8N_VERSION")/node_modules/.bin"

# --- server / network ------------------------------------------------------------------------
export N8N_PORT="${N8N_PORT:-5678}"
export N8N_LISTEN_ADDRESS=127.0.0.1
export N8N_HOST=127.0.0.1
export N8N_PROTOCOL=http
export N8N_BASE_URL="http://127.0.0.1:$N8N_PORT"
export N8N_SECURE_COOKIE=false
export N8N_RUNNERS_BROKER_PORT="${N8N_RUNNERS_BROKER_PORT:-$((N8N_PORT + 1))}"

# --- storage / security ----------------------------------------------------------------------
export DB_TYPE=sqlite
export N8N_ENCRYPTION_KEY="${N8N_ENCRYPTION_KEY:-cartcom-e2e-test-encryption-key-0123456789}"
export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false
export GENERIC_TIMEZONE="${GENERIC_TIMEZONE:-UTC}"

# --- offline: no telemetry, banners, templates, license or version checks ----------------------
export N8N_DIAGNOSTICS_ENABLED=false
export N8N_DIAGNOSTICS_CONFIG_FRONTEND=
export N8N_DIAGNOSTICS_CONFIG_BACKEND=
export EXTERNAL_FRONTEND_HOOKS_URLS=
export N8N_VERSION_NOTIFICATIONS_ENABLED=false
export N8N_TEMPLATES_ENABLED=false
export N8N_PERSONALIZATION_ENABLED=false
export N8N_HIRING_BANNER_ENABLED=false
export N8N_AI_ENABLED=false
export N8N_LICENSE_AUTO_RENEW_ENABLED=false
export N8N_METRICS=false

# --- community packages: load what is installed in $N8N_NODES_DIR, never npm-install by itself --
export N8N_COMMUNITY_PACKAGES_ENABLED=true
export N8N_REINSTALL_MISSING_PACKAGES=false
export N8N_UNVERIFIED_PACKAGES_ENABLED=false
export N8N_VERIFIED_PACKAGES_ENABLED=false

# --- execution engine / version specifics --------------------------------------------------------
if n8n_needs_node24 "$N8N_VERSION"; then
  # n8n 2.x on Node 24: isolated-vm ships a prebuilt binary for Node 24, so the default 'vm'
  # expression engine works; task runners are always on (internal mode: a child process using
  # N8N_RUNNERS_BROKER_PORT), and N8N_RUNNERS_ENABLED is deprecated there.
  export N8N_EXPRESSION_ENGINE="${N8N_EXPRESSION_ENGINE:-vm}"
  # The mcp-registry module fetches https://api.n8n.io/api/mcp-servers on start; keep n8n offline.
  # Only set it when this n8n knows the module (unknown module names abort start-up).
  if [[ -z "${N8N_DISABLED_MODULES+x}" ]] && grep -qs "'mcp-registry'" \
      "$(n8n_install_dir "$N8N_VERSION")/node_modules/@n8n/backend-common/dist/modules/modules.config.js"; then
    export N8N_DISABLED_MODULES=mcp-registry
  fi
else
  # Node 20 cannot build isolated-vm, so n8n 1.123's default 'vm' expression engine crashes
  # ("IsolatePool failed to create any bridges"); the legacy engine works (deprecation warning only).
  export N8N_EXPRESSION_ENGINE="${N8N_EXPRESSION_ENGINE:-legacy}"
  export N8N_RUNNERS_ENABLED="${N8N_RUNNERS_ENABLED:-false}"
fi
export N8N_GIT_NODE_DISABLE_BARE_REPOS=true
export N8N_LOG_LEVEL="${N8N_LOG_LEVEL:-info}"
export N8N_LOG_OUTPUT=console

# --- PATH: cached n8n (and Node 24 for n8n >= 2) first --------------------------------------------
if n8n_needs_node24 "$N8N_VERSION"; then
  export PATH="$(n8n_node24_bin_dir):$PATH"
fi
export PATH="$N8N_BIN_DIR:$PATH"
if [[ ! -x "$N8N_BIN_DIR/n8n" ]]; then
  n8n_log "env.sh: n8n $N8N_VERSION is not installed yet; run scripts/n8n/install.sh $N8N_VERSION"
elif n8n_needs_node24 "$N8N_VERSION" && [[ ! -x "$(n8n_node24_bin_dir)/node" ]]; then
  n8n_log "env.sh: Node 24 for n8n $N8N_VERSION is missing; run scripts/n8n/install.sh $N8N_VERSION"
fi
mkdir -p "$N8N_USER_FOLDER"
