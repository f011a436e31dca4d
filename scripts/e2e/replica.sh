#!/usr/bin/env bash
# The store replica examples (examples/backfill-store-to-postgres.json, replicate-store-to-postgres.json)
# in one real n8n with a private PostgreSQL: test/e2e/replica.ts.
#
#   scripts/e2e/replica.sh [check|lag]
#     check (default): backfill, 200 random changes, the replica must equal the store row by row
#     lag: the time from a change to its row in Postgres at 1-minute polling (npm run bench -- --only replicaLag)
#
# Env knobs:
#   E2E_TARBALL          the package tarball to install (default: npm run build + npm pack into .cache/e2e/)
#   REPLICA_N8N_VERSION  n8n version (default 2.41.1; installed into .cache/ if missing)
#   REPLICA_N8N_PORT     n8n's HTTP port (default 5750; the task runner broker uses port+1)
#   REPLICA_PG_PORT      PostgreSQL's port (default 55432); REPLICA_PG_DIR its data folder
#   REPLICA_LAG_MINUTES  length of the lag run (default 5)
# Ends with the line `e2e replica …: N passed, N failed`; exit code 0 only if all passed.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
unset npm_config_local_prefix npm_config_prefix npm_config_legacy_peer_deps npm_config_ignore_scripts npm_config_nodedir
MODE="${1:-check}"
VERSION="${REPLICA_N8N_VERSION:-2.41.1}"
OUT_DIR="$REPO/.cache/e2e"
mkdir -p "$OUT_DIR"
log() { printf '[replica] %s\n' "$*" >&2; }

if [[ -z "${E2E_TARBALL:-}" ]]; then
  npm run --silent build >"$OUT_DIR/replica-build.log" 2>&1 || { cat "$OUT_DIR/replica-build.log" >&2; exit 1; }
  E2E_TARBALL="$OUT_DIR/$(npm pack --silent --pack-destination "$OUT_DIR" 2>/dev/null | tail -n1)"
fi
[[ -f "$E2E_TARBALL" ]] || { log "no tarball: $E2E_TARBALL"; exit 1; }
"$REPO/scripts/n8n/install.sh" "$VERSION" >"$OUT_DIR/install-$VERSION.log" 2>&1 \
  || { tail -n 40 "$OUT_DIR/install-$VERSION.log" >&2; log "n8n $VERSION could not be installed"; exit 1; }

export N8N_VERSION="$VERSION" N8N_INSTANCE="replica-$MODE-$VERSION" N8N_PORT="${REPLICA_N8N_PORT:-5750}"
unset N8N_RUNNERS_BROKER_PORT
# shellcheck source=../n8n/env.sh
source "$REPO/scripts/n8n/env.sh"
"$REPO/scripts/n8n/stop.sh" >/dev/null 2>&1 || true   # a left-over n8n of an interrupted run
rm -rf "$N8N_USER_FOLDER"; mkdir -p "$N8N_USER_FOLDER"
export E2E_TARBALL REPLICA_MODE="$MODE" E2E_WORK_DIR="$OUT_DIR/work-replica-$MODE-$VERSION"
rm -rf "$E2E_WORK_DIR"
exec "$REPO/node_modules/.bin/ts-node" --transpile-only --project "$REPO/tsconfig.json" "$REPO/test/e2e/replica.ts"
