#!/usr/bin/env bash
# n8n's verification checks on the packed package, offline.
#
# `npx @n8n/scan-community-package <name>` cannot run here: it downloads the published package from
# the npm registry, requires npm provenance and fetches the attested source from GitHub. This script
# runs the same analysis it then does, with the scanner's own code (pinned @n8n/scan-community-package,
# installed into .cache/ on first use): its ESLint config (@n8n/eslint-plugin-community-nodes
# recommended + eslint-plugin-n8n-nodes-base community/credentials/nodes rules + no-console) on
#   - the tarball: every shipped **/*.js and package.json (the scanner's "dist" leg),
#   - the source the tarball is built from: package.json, {nodes,credentials}/**/*.{js,ts,json}
#     (the scanner's "source" leg, which it takes from the provenance commit).
# Plus package checks: no runtime dependencies (n8n provides n8n-workflow, luxon and zod), every
# node/credential listed in package.json's n8n section and its icons shipped, no sources or tests shipped.
#
# Usage: scripts/e2e/check-tarball.sh <package.tgz>
# Ends with `check-tarball: N passed, N failed`; exit code 0 only if all passed.
set -euo pipefail
{
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TARBALL="${1:?usage: check-tarball.sh <package.tgz>}"
SCANNER_VERSION="${SCAN_COMMUNITY_PACKAGE_VERSION:-0.32.0}"
SCANNER_DIR="${N8N_CACHE_ROOT:-$REPO/.cache}/scan-community-package/$SCANNER_VERSION"

if [[ ! -f "$SCANNER_DIR/.install-complete" ]]; then
  mkdir -p "$SCANNER_DIR"
  printf '{ "name": "scan-community-package-runtime", "private": true }\n' >"$SCANNER_DIR/package.json"
  : >"$SCANNER_DIR/.npmrc"
  (cd "$SCANNER_DIR" && npm install "@n8n/scan-community-package@$SCANNER_VERSION" --save-exact --ignore-scripts \
    --no-audit --no-fund --no-update-notifier --loglevel=error >&2)
  touch "$SCANNER_DIR/.install-complete"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/cartcom-tarball.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
tar -xzf "$TARBALL" -C "$WORK"

node "$REPO/scripts/e2e/check-tarball.mjs" "$SCANNER_DIR" "$WORK/package" "$REPO"
}
