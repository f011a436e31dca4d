#!/usr/bin/env bash
# Print the node type names n8n loads (one per line, sorted), e.g. n8n-nodes-cartcom.cartCom,
# using the CLI (`n8n export:nodes`; n8n does not need to be running). Installed community
# packages in $N8N_USER_FOLDER/.n8n/nodes are included.
#
# Usage: source scripts/n8n/env.sh; scripts/n8n/list-node-types.sh [--json] [name-prefix]
#   --json   print the full node descriptions (JSON array) instead of names
#   prefix   only types starting with it, e.g. n8n-nodes-cartcom.
# With n8n running, the same list is in $N8N_USER_FOLDER/.cache/n8n/public/types/nodes.json and at
# GET $N8N_BASE_URL/types/nodes.json (needs a login cookie: scripts/n8n/rest-login.sh).
set -euo pipefail
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
command -v n8n >/dev/null || { n8n_log "n8n not on PATH: source scripts/n8n/env.sh first"; exit 2; }
AS_JSON=0
if [[ "${1:-}" == --json ]]; then AS_JSON=1; shift; fi
PREFIX="${1:-}"
OUT="$(mktemp "${TMPDIR:-/tmp}/n8n-nodes.XXXXXX.json")"
LOG="$(mktemp "${TMPDIR:-/tmp}/n8n-nodes.XXXXXX.log")"
trap 'rm -f "$OUT" "$LOG"' EXIT
n8n export:nodes --output="$OUT" >"$LOG" 2>&1 || { cat "$LOG" >&2; n8n_log "n8n export:nodes failed"; exit 1; }
python3 - "$OUT" "$PREFIX" "$AS_JSON" <<'PY'
import json, sys
path, prefix, as_json = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
nodes = [n for n in json.load(open(path)) if n.get("name", "").startswith(prefix)]
if as_json:
    json.dump(nodes, sys.stdout, indent=1); print()
else:
    for name in sorted({n["name"] for n in nodes}):
        print(name)
PY
