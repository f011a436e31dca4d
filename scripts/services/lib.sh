#!/usr/bin/env bash
# Shared by postgres.sh and redis.sh: install a Debian package when its program is missing.
# CI runs as root on a fresh machine, so apt-get is allowed there; elsewhere sudo is tried.
set -euo pipefail

svc_log() { printf '[services] %s\n' "$*" >&2; }

# svc_apt_install PACKAGE...: installs with apt-get, quietly, once per machine.
svc_apt_install() {
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  svc_log "installing Debian packages: $*"
  if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/tmp/services-apt.log 2>&1; then
    $sudo apt-get update -qq >>/tmp/services-apt.log 2>&1 || true
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>/tmp/services-apt.log 2>&1 \
      || { tail -n 20 /tmp/services-apt.log >&2; return 1; }
  fi
}

# svc_wait_port PORT SECONDS: waits until something listens on 127.0.0.1:PORT, or fails.
svc_wait_port() {
  local port="$1" deadline=$((SECONDS + $2))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if (( SECONDS >= deadline )); then svc_log "nothing listens on port $port after $2 s"; return 1; fi
    sleep 0.2
  done
}
