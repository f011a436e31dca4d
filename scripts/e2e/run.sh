#!/usr/bin/env bash
# npm run test:e2e — the packed package in real n8n, offline, against the store simulator.
#
#   1. npm run build, npm pack (into .cache/e2e/),
#   2. scripts/e2e/check-tarball.sh: n8n's community-package scan rules on the tarball, no runtime deps,
#   3. for each n8n version: scripts/n8n/install.sh (pinned, into .cache/, only if missing), a fresh
#      user folder, then test/e2e/suite.ts (install the tarball, import credentials + workflows,
#      CLI executions, polling trigger under `n8n start`, REST credential tests),
#   4. once, for the newest version: the store replica examples with PostgreSQL (scripts/e2e/replica.sh).
#
# Env knobs:
#   E2E_N8N_VERSIONS  versions to run (default "1.123.81 2.41.1")
#   E2E_SKIP_N8N2=1   leave out n8n 2.x (saves its ~3 min install on a cold machine and ~1.5 min of run)
#   E2E_N8N2_SUITE    suite for the versions after the first: full (default) or quick (load, import, CLI executions)
#   E2E_SKIP_BUILD=1  pack the existing dist/ (CI's `npm test` has just built it)
#   E2E_N8N_PORT      first HTTP port for n8n (default 5690; each version uses port+2*i, runner broker +1)
#   E2E_SKIP_QUEUE=1  leave out the queue-mode run (step 4: main + 2 workers, PostgreSQL, Redis)
#   E2E_SKIP_REPLICA=1  leave out the store replica test (5.; about 3 min: PostgreSQL, backfill, 200 changes)
#   E2E_REPLICA_N8N_PORT, E2E_REPLICA_PG_PORT  its ports (default E2E_N8N_PORT+60 and 55432)
#   E2E_ONLY=oauth    only install, import and the OAuth credential checks (test/e2e/oauth.ts)
# Ends with the line `e2e: N passed, N failed`; exit code 0 only if all passed.
set -euo pipefail
{
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
# `npm run` exports this repo's npm settings (.npmrc: legacy-peer-deps, ignore-scripts; and local-prefix,
# nodedir) as npm_config_* variables; they must not reach the npm that installs n8n into .cache/.
unset npm_config_local_prefix npm_config_prefix npm_config_legacy_peer_deps npm_config_ignore_scripts npm_config_nodedir
T0=$SECONDS
log() { printf '[e2e] %s\n' "$*" >&2; }

VERSIONS="${E2E_N8N_VERSIONS:-1.123.81 2.41.1}"
if [[ "${E2E_SKIP_N8N2:-0}" == 1 ]]; then
  VERSIONS="$(for v in $VERSIONS; do [[ "${v%%.*}" -lt 2 ]] && echo "$v"; done | xargs)"
fi
PORT="${E2E_N8N_PORT:-5690}"
OUT_DIR="$REPO/.cache/e2e"
mkdir -p "$OUT_DIR"

# ---- 1. build and pack ------------------------------------------------------------------------
if [[ "${E2E_SKIP_BUILD:-0}" != 1 || ! -d dist ]]; then
  t=$SECONDS; npm run --silent build >"$OUT_DIR/build.log" 2>&1 || { cat "$OUT_DIR/build.log" >&2; exit 1; }
  log "build: $((SECONDS - t)) s"
fi
rm -f "$OUT_DIR"/*.tgz
TARBALL_NAME="$(npm pack --silent --pack-destination "$OUT_DIR" 2>/dev/null | tail -n1)"
TARBALL="$OUT_DIR/$TARBALL_NAME"
[[ -f "$TARBALL" ]] || { log "npm pack produced no tarball"; exit 1; }
log "packed $TARBALL ($(du -k "$TARBALL" | cut -f1) KiB)"

PASSED=0
FAILED=0
tally() { # tally FILE: adds the "N passed, N failed" of the file's last summary line
  local line
  line="$(grep -E '[0-9]+ passed, [0-9]+ failed' "$1" | tail -n1 || true)"
  if [[ -z "$line" ]]; then FAILED=$((FAILED + 1)); return; fi
  PASSED=$((PASSED + $(sed -E 's/.* ([0-9]+) passed.*/\1/' <<<"$line")))
  FAILED=$((FAILED + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")))
}

# ---- 2. static checks of the tarball ------------------------------------------------------------
t=$SECONDS
bash "$REPO/scripts/e2e/check-tarball.sh" "$TARBALL" | tee "$OUT_DIR/check-tarball.out" || true
tally "$OUT_DIR/check-tarball.out"
log "check-tarball: $((SECONDS - t)) s"

# ---- 3. real n8n, per version --------------------------------------------------------------------
TS_NODE="$REPO/node_modules/.bin/ts-node"
i=0
for VERSION in $VERSIONS; do
  SUITE=full
  if (( i > 0 )); then SUITE="${E2E_N8N2_SUITE:-full}"; fi
  t=$SECONDS
  if ! "$REPO/scripts/n8n/install.sh" "$VERSION" >"$OUT_DIR/install-$VERSION.log" 2>&1; then
    tail -n 40 "$OUT_DIR/install-$VERSION.log" >&2
    log "n8n $VERSION could not be installed"
    FAILED=$((FAILED + 1)); i=$((i + 1)); continue
  fi
  log "install.sh $VERSION: $((SECONDS - t)) s"
  t=$SECONDS
  (
    export N8N_VERSION="$VERSION" N8N_INSTANCE="e2e-$VERSION" N8N_PORT=$((PORT + 2 * i))
    unset N8N_RUNNERS_BROKER_PORT
    # shellcheck source=../n8n/env.sh
    source "$REPO/scripts/n8n/env.sh"
    "$REPO/scripts/n8n/stop.sh" >/dev/null 2>&1 || true   # a left-over n8n of an interrupted run
    rm -rf "$N8N_USER_FOLDER"; mkdir -p "$N8N_USER_FOLDER"
    export E2E_TARBALL="$TARBALL" E2E_SUITE="$SUITE" E2E_WORK_DIR="$OUT_DIR/work-$VERSION"
    rm -rf "$E2E_WORK_DIR"
    "$TS_NODE" --transpile-only --project "$REPO/tsconfig.json" "$REPO/test/e2e/suite.ts"
  ) 2>&1 | tee "$OUT_DIR/run-$VERSION.out" || true
  tally "$OUT_DIR/run-$VERSION.out"
  log "n8n $VERSION ($SUITE suite): $((SECONDS - t)) s"
  i=$((i + 1))
done

# ---- 4. queue mode: one main and two workers on PostgreSQL + Redis, once ---------------------------
# test/e2e/queueMode.ts starts and stops PostgreSQL, Redis (scripts/services: Debian packages installed
# when missing), the main and the workers itself. One version, to keep CI short: the newest, 2.41.1
# (what new installs run; 1.123.81 is not run in queue mode).
#   E2E_SKIP_QUEUE=1   leave it out
#   E2E_QUEUE_VERSION  n8n version (default 2.41.1); E2E_QUEUE_PORT first of 8 ports (default 5700)
if [[ "${E2E_SKIP_QUEUE:-0}" != 1 ]]; then
  QVERSION="${E2E_QUEUE_VERSION:-2.41.1}"
  t=$SECONDS
  if "$REPO/scripts/n8n/install.sh" "$QVERSION" >"$OUT_DIR/install-$QVERSION.log" 2>&1; then
    (
      export N8N_VERSION="$QVERSION" N8N_INSTANCE="e2e-queue-$QVERSION" N8N_PORT="${E2E_QUEUE_PORT:-5700}"
      unset N8N_RUNNERS_BROKER_PORT
      # shellcheck source=../n8n/env.sh
      source "$REPO/scripts/n8n/env.sh"
      "$REPO/scripts/n8n/stop.sh" >/dev/null 2>&1 || true
      rm -rf "$N8N_USER_FOLDER"; mkdir -p "$N8N_USER_FOLDER"
      export E2E_TARBALL="$TARBALL" E2E_WORK_DIR="$OUT_DIR/work-queue-$QVERSION"
      rm -rf "$E2E_WORK_DIR"
      "$TS_NODE" --transpile-only --project "$REPO/tsconfig.json" "$REPO/test/e2e/queueMode.ts"
    ) 2>&1 | tee "$OUT_DIR/run-queue-$QVERSION.out" || true
    tally "$OUT_DIR/run-queue-$QVERSION.out"
  else
    tail -n 40 "$OUT_DIR/install-$QVERSION.log" >&2
    log "n8n $QVERSION could not be installed (queue mode)"
    FAILED=$((FAILED + 1))
  fi
  log "queue mode, n8n $QVERSION: $((SECONDS - t)) s"
fi
# ---- end of queue mode ----------------------------------------------------------------------------
# ---- 5. store replica in Postgres (issue 15), once, for the newest version tested ----------------
# scripts/e2e/replica.sh → test/e2e/replica.ts: backfill, 200 random changes, replica = store row by row.
if [[ "${E2E_SKIP_REPLICA:-0}" != 1 && -n "$VERSIONS" ]]; then
  t=$SECONDS
  REPLICA_VERSION="$(tr ' ' '\n' <<<"$VERSIONS" | sort -V | tail -n1)"
  E2E_TARBALL="$TARBALL" REPLICA_N8N_VERSION="$REPLICA_VERSION" \
    REPLICA_N8N_PORT="${E2E_REPLICA_N8N_PORT:-$((PORT + 60))}" REPLICA_PG_PORT="${E2E_REPLICA_PG_PORT:-55432}" \
    bash "$REPO/scripts/e2e/replica.sh" check 2>&1 | tee "$OUT_DIR/run-replica.out" || true
  tally "$OUT_DIR/run-replica.out"
  log "store replica (n8n $REPLICA_VERSION): $((SECONDS - t)) s"
fi
# ---- end of 5 ----------------------------------------------------------------------------------

log "versions tested: $VERSIONS; total $((SECONDS - T0)) s"
echo "e2e: $PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 && $PASSED -gt 0 ]]
}
