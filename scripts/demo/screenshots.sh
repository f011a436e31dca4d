#!/usr/bin/env bash
# Re-takes docs/screenshots/*.png from a running `npm run demo` (in another terminal).
# Needs Debian's chromium (apt-get install -y chromium); installs playwright-core into
# .cache/tools/playwright (not a project dependency) on first use. Executes the two manual-start
# examples in the demo's n8n (a shipment in the simulator, stock levels).
#
# Usage: scripts/demo/screenshots.sh [outDir]   (default docs/screenshots)
# Env: DEMO_N8N_PORT, DEMO_SIMULATOR_PORT, DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD (as for the demo),
#      CHROMIUM (/usr/bin/chromium), SCENES (comma-separated scene names: only those).
# One scene per README picture and per issue-13 item; a failing scene does not stop the others, the
# list of scenes with ok / FAILED is printed last (exit code 1 if any failed).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
unset npm_config_local_prefix npm_config_prefix npm_config_legacy_peer_deps npm_config_ignore_scripts npm_config_nodedir
OUT="${1:-$REPO/docs/screenshots}"
URL="http://127.0.0.1:${DEMO_N8N_PORT:-5678}"
[[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] || { echo "chromium missing: apt-get update && apt-get install -y chromium" >&2; exit 1; }
curl -fsS -m 5 -o /dev/null "$URL/healthz" || { echo "no n8n on $URL: start npm run demo first" >&2; exit 1; }
TOOLS="$REPO/.cache/tools/playwright"
if [[ ! -d "$TOOLS/node_modules/playwright-core" ]]; then
  mkdir -p "$TOOLS"
  printf '{ "name": "demo-screenshot-tools", "private": true }\n' >"$TOOLS/package.json"
  : >"$TOOLS/.npmrc"
  # --ignore-scripts: playwright must not download a browser; Debian's chromium is used.
  (cd "$TOOLS" && npm install playwright-core@1 --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
PLAYWRIGHT_TOOLS_DIR="$TOOLS" node "$REPO/scripts/demo/screenshots.mjs" "$URL" \
  "${DEMO_OWNER_EMAIL:-demo@example.com}" "${DEMO_OWNER_PASSWORD:-Demo-password-1}" "$OUT" \
  "http://127.0.0.1:${DEMO_SIMULATOR_PORT:-4010}"
