#!/usr/bin/env bash
# A private Redis server for tests, on loopback only, no persistence.
#
#   redis.sh start DIR PORT   installs Debian's `redis-server` if missing and starts one on
#                             127.0.0.1:PORT with its pid and log in DIR. Prints nothing on stdout.
#   redis.sh stop DIR         stops it; safe when it is not running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cmd="${1:-}"; dir="${2:-}"
[[ -n "$cmd" && -n "$dir" ]] || { echo "usage: redis.sh start DIR PORT | stop DIR" >&2; exit 2; }

case "$cmd" in
  start)
    port="${3:?PORT}"
    command -v redis-server >/dev/null || svc_apt_install redis-server
    mkdir -p "$dir"
    redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --save '' --appendonly no \
      --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
    svc_wait_port "$port" 30
    ;;
  stop)
    if [[ -f "$dir/redis.pid" ]]; then
      kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
      rm -f "$dir/redis.pid"
    fi
    ;;
  *) echo "usage: redis.sh start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
