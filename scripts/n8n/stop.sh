#!/usr/bin/env bash
# Stop the n8n started by scripts/n8n/start.sh for the current env.sh instance (by its pid file).
# Sends SIGTERM to n8n's process group (n8n shuts down gracefully and saves state), waits up to
# N8N_STOP_TIMEOUT seconds (default 45), then SIGKILL. Idempotent: no pid file / dead pid = done.
#
# Usage: source scripts/n8n/env.sh [INSTANCE]; scripts/n8n/stop.sh
set -euo pipefail
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

[[ -n "${N8N_PID_FILE:-}" ]] || { n8n_log "source scripts/n8n/env.sh first"; exit 2; }
TIMEOUT="${N8N_STOP_TIMEOUT:-45}"

if [[ ! -f "$N8N_PID_FILE" ]]; then
  n8n_log "no pid file ($N8N_PID_FILE): n8n not running"
  exit 0
fi
pid="$(cat "$N8N_PID_FILE" 2>/dev/null || true)"
if ! [[ "$pid" =~ ^[0-9]+$ ]] || ! kill -0 "$pid" 2>/dev/null; then
  n8n_log "n8n (pid ${pid:-?}) is not running"
  rm -f "$N8N_PID_FILE"
  exit 0
fi
# Safety: only signal a process that is really n8n.
if ! grep -qa 'n8n' "/proc/$pid/cmdline" 2>/dev/null; then
  n8n_log "pid $pid is not an n8n process; removing stale pid file"
  rm -f "$N8N_PID_FILE"
  exit 0
fi

# start.sh runs n8n under setsid, so its pid is also its process-group id.
target="$pid"
if [[ "$(ps -o pgid= -p "$pid" | tr -d ' ')" == "$pid" ]]; then target="-$pid"; fi
kill -TERM -- "$target" 2>/dev/null || true
t0=$SECONDS
while kill -0 "$pid" 2>/dev/null; do
  if (( SECONDS - t0 >= TIMEOUT )); then
    n8n_log "n8n (pid $pid) still running after $TIMEOUT s; sending SIGKILL"
    kill -KILL -- "$target" 2>/dev/null || true
    sleep 1
    break
  fi
  sleep 0.5
done
rm -f "$N8N_PID_FILE"
n8n_log "n8n (pid $pid) stopped after $((SECONDS - t0)) s"
