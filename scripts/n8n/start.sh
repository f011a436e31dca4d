#!/usr/bin/env bash
# Start `n8n start` in the background for the current env.sh instance and wait until it is fully up:
#   1. http://127.0.0.1:$N8N_PORT/healthz answers 200 (HTTP server listening; REST routes may still
#      be missing for ~1-2 s: /rest/* answer 404 then),
#   2. /rest/settings answers 200 (REST controllers registered),
#   3. n8n logged "Editor is now accessible via" (printed after all active workflows were activated,
#      i.e. after the activation poll of polling triggers was started).
#
# Usage: source scripts/n8n/env.sh [INSTANCE]; scripts/n8n/start.sh
#   pid file: $N8N_PID_FILE, log file: $N8N_LOG_FILE (appended), timeout: N8N_START_TIMEOUT (s, default 180)
# Idempotent: if our n8n is already running and healthy, returns at once.
# Active workflows are activated during start-up; a polling trigger polls once at activation.
# Stop it with scripts/n8n/stop.sh.
set -euo pipefail
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

[[ -n "${N8N_USER_FOLDER:-}" && -n "${N8N_PID_FILE:-}" ]] || { n8n_log "source scripts/n8n/env.sh first"; exit 2; }
command -v n8n >/dev/null || { n8n_log "n8n not on PATH: run scripts/n8n/install.sh, then source env.sh"; exit 2; }
TIMEOUT="${N8N_START_TIMEOUT:-180}"
HEALTH_URL="http://127.0.0.1:$N8N_PORT/healthz"

healthy() { curl -fsS -m 2 -o /dev/null "$HEALTH_URL" 2>/dev/null; }
alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

pid=""
[[ -f "$N8N_PID_FILE" ]] && pid="$(cat "$N8N_PID_FILE" 2>/dev/null || true)"
if alive "$pid"; then
  if healthy; then
    n8n_log "n8n already running (pid $pid) on $N8N_BASE_URL"
    exit 0
  fi
else
  rm -f "$N8N_PID_FILE"
  pid=""
  if healthy; then
    n8n_log "something else already answers on $HEALTH_URL (port $N8N_PORT busy); set N8N_PORT"
    exit 1
  fi
fi

mkdir -p "$N8N_USER_FOLDER"
touch "$N8N_LOG_FILE"
LOG_OFFSET=0
if [[ -z "$pid" ]]; then
  LOG_OFFSET="$(stat -c %s "$N8N_LOG_FILE")"
  printf '\n===== %s n8n start (n8n %s, node %s, port %s) =====\n' \
    "$(date -u +%FT%TZ)" "$(n8n --version 2>/dev/null | tail -n1)" "$(node --version)" "$N8N_PORT" >>"$N8N_LOG_FILE"
  # setsid: own process group, so stop.sh can end n8n and any child (task runner) together.
  # From a non-interactive shell the background child is not a group leader, so setsid does not
  # fork and $! is n8n's own pid.
  setsid n8n start </dev/null >>"$N8N_LOG_FILE" 2>&1 &
  pid=$!
  echo "$pid" >"$N8N_PID_FILE"
  n8n_log "started n8n (pid $pid), log: $N8N_LOG_FILE"
fi

fully_up() {
  healthy || return 1
  [[ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$N8N_PORT/rest/settings" 2>/dev/null)" == 200 ]] || return 1
  # grep -c reads all input (grep -q could SIGPIPE tail and fail the pipeline under pipefail)
  [[ "$(tail -c +"$((LOG_OFFSET + 1))" "$N8N_LOG_FILE" | grep -c 'Editor is now accessible via' || true)" -gt 0 ]]
}

t0=$SECONDS
until fully_up; do
  if ! alive "$pid"; then
    n8n_log "n8n (pid $pid) exited during start-up; last log lines:"
    tail -n 40 "$N8N_LOG_FILE" >&2
    rm -f "$N8N_PID_FILE"
    exit 1
  fi
  if (( SECONDS - t0 >= TIMEOUT )); then
    n8n_log "n8n was not fully up ($HEALTH_URL, /rest/settings, log line) within $TIMEOUT s; last log lines:"
    tail -n 40 "$N8N_LOG_FILE" >&2
    exit 1
  fi
  sleep 0.5
done
n8n_log "n8n up on $N8N_BASE_URL after $((SECONDS - t0)) s (pid $pid)"
