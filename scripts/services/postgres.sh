#!/usr/bin/env bash
# A private PostgreSQL server for tests, on loopback only, never the machine's own cluster.
#
#   postgres.sh start DIR PORT   installs Debian's `postgresql` if missing, creates a cluster in DIR
#                                (once), starts it on 127.0.0.1:PORT, and makes role/database n8n
#                                (password n8n). Prints nothing on stdout.
#   postgres.sh stop DIR         stops it (fast shutdown); safe when it is not running.
#
# As root the cluster belongs to the `postgres` user (initdb refuses root), so DIR must be in a folder
# that user can reach (e.g. under /tmp).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pg_bin() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  [[ -n "$bin" && -x "$bin/initdb" ]] && echo "$bin"
}

as_owner() { # runs a command as the cluster's owner
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd="${1:-}"; dir="${2:-}"
[[ -n "$cmd" && -n "$dir" ]] || { echo "usage: postgres.sh start DIR PORT | stop DIR" >&2; exit 2; }

case "$cmd" in
  start)
    port="${3:?PORT}"
    BIN="$(pg_bin || true)"
    if [[ -z "$BIN" ]]; then svc_apt_install postgresql; BIN="$(pg_bin)"; fi
    mkdir -p "$dir"
    if [[ "$(id -u)" == 0 ]]; then chown postgres:postgres "$dir"; fi
    if [[ ! -f "$dir/PG_VERSION" ]]; then
      as_owner "$BIN/initdb" -D "$dir" -U postgres -A trust -E UTF8 >"$dir.initdb.log" 2>&1 \
        || { cat "$dir.initdb.log" >&2; exit 1; }
    fi
    as_owner "$BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k /tmp -c fsync=off -c max_connections=200" start >/dev/null
    psql_() { "$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
    if [[ "$(psql_ -c "select 1 from pg_roles where rolname='n8n'")" != 1 ]]; then
      psql_ -c "create role n8n login password 'n8n' createdb"
    fi
    if [[ "$(psql_ -c "select 1 from pg_database where datname='n8n'")" != 1 ]]; then
      psql_ -c "create database n8n owner n8n"
    fi
    ;;
  stop)
    BIN="$(pg_bin || true)"
    if [[ -n "$BIN" && -f "$dir/postmaster.pid" ]]; then
      as_owner "$BIN/pg_ctl" -D "$dir" -m fast -w -t 30 stop >/dev/null || true
    fi
    ;;
  *) echo "usage: postgres.sh start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
