#!/usr/bin/env bash
# npm run demo — the Cart.com and CartRover nodes in a real, local n8n, against the offline simulators.
#
#   1. npm ci (only if node_modules is missing), npm run build, npm pack,
#   2. the simulators (test/simulator/cli.ts: a seeded Cart.com store and CartRover) in the background on 127.0.0.1,
#   3. the pinned n8n (scripts/n8n/install.sh, into .cache/, never globally; the first time only),
#   4. the packed package into n8n's user folder (.cache/n8n-user/demo), the credentials (Cart.com access
#      token and Central API Router, CartRover Cart API; pointing at the simulators) and examples/,
#   5. n8n on http://127.0.0.1:5678 with an owner account, whose login is printed.
# Ctrl-C stops n8n and the simulator (by their PIDs).
# Each step prints one line; installer and build output goes to log files in .cache/demo/ (named on
# the step's line), and on a failure the end of that log is shown.
#
# Env knobs: DEMO_N8N_VERSION (default 1.123.81; 2.41.1 also works), DEMO_N8N_PORT (5678),
#   DEMO_SIMULATOR_PORT (4010), DEMO_CARTROVER_PORT (4011), DEMO_OWNER_EMAIL / DEMO_OWNER_PASSWORD, DEMO_RESET=1 (fresh n8n data).
set -euo pipefail
{
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
# `npm run` exports this repo's npm settings (.npmrc: legacy-peer-deps, ignore-scripts; and local-prefix,
# nodedir) as npm_config_* variables; they must not reach the npm that installs n8n into .cache/.
unset npm_config_local_prefix npm_config_prefix npm_config_legacy_peer_deps npm_config_ignore_scripts npm_config_nodedir
say() { printf '\033[1m[demo]\033[0m %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }
T0=$SECONDS
# step LOG DESCRIPTION -- COMMAND...: one progress line, all output to LOG; on failure the log's tail.
step() {
  local log="$1" what="$2" t=$SECONDS
  shift 3
  say "$what (log: ${log#"$REPO"/})"
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    die "$what failed; the whole log: $log"
  fi
  say "  done in $((SECONDS - t)) s"
}

SIM_PORT="${DEMO_SIMULATOR_PORT:-4010}"
CARTROVER_PORT="${DEMO_CARTROVER_PORT:-4011}"
OWNER_EMAIL="${DEMO_OWNER_EMAIL:-demo@example.com}"
OWNER_PASSWORD="${DEMO_OWNER_PASSWORD:-Demo-password-1}"
export N8N_VERSION="${DEMO_N8N_VERSION:-1.123.81}"
export N8N_PORT="${DEMO_N8N_PORT:-5678}"
DEMO_DIR="$REPO/.cache/demo"
mkdir -p "$DEMO_DIR"

node_major="$(node -p 'process.versions.node.split(".")[0]')"
(( node_major >= 20 )) || die "Node.js 20 or newer is needed (found $(node --version))"
port_busy() { curl -s -m 2 -o /dev/null "http://127.0.0.1:$1/" 2>/dev/null; }
port_busy "$SIM_PORT" && die "port $SIM_PORT is in use (set DEMO_SIMULATOR_PORT)"
port_busy "$CARTROVER_PORT" && die "port $CARTROVER_PORT is in use (set DEMO_CARTROVER_PORT)"

# ---- 1. build and pack --------------------------------------------------------------------------
if [[ ! -x node_modules/.bin/tsc || ! -x node_modules/.bin/ts-node ]]; then
  step "$DEMO_DIR/npm-ci.log" "installing the project's dependencies (npm ci)" -- npm ci --no-audit --no-fund
fi
step "$DEMO_DIR/build.log" "building the package" -- npm run --silent build
rm -f "$DEMO_DIR"/*.tgz
TARBALL="$DEMO_DIR/$(npm pack --silent --pack-destination "$DEMO_DIR" 2>/dev/null | tail -n1)"
[[ -f "$TARBALL" ]] || die "npm pack produced no tarball"

# ---- 2. n8n (pinned, local) -----------------------------------------------------------------------
if [[ ! -f "${N8N_CACHE_ROOT:-$REPO/.cache}/n8n/$N8N_VERSION/.install-complete" ]]; then
  step "$DEMO_DIR/install-n8n-$N8N_VERSION.log" "installing n8n $N8N_VERSION into .cache/n8n (first time only, several minutes; npm's warnings go to the log)" -- "$REPO/scripts/n8n/install.sh" "$N8N_VERSION"
else
  "$REPO/scripts/n8n/install.sh" "$N8N_VERSION" >"$DEMO_DIR/install-n8n-$N8N_VERSION.log" 2>&1 \
    || { tail -n 40 "$DEMO_DIR/install-n8n-$N8N_VERSION.log" >&2; die "n8n $N8N_VERSION is not usable; see $DEMO_DIR/install-n8n-$N8N_VERSION.log"; }
fi
# shellcheck source=../n8n/env.sh
source "$REPO/scripts/n8n/env.sh" demo
"$REPO/scripts/n8n/stop.sh" >/dev/null 2>&1 || true   # an n8n left over from an interrupted demo
port_busy "$N8N_PORT" && die "port $N8N_PORT is in use (set DEMO_N8N_PORT)"
if [[ "${DEMO_RESET:-0}" == 1 ]]; then rm -rf "$N8N_USER_FOLDER"; mkdir -p "$N8N_USER_FOLDER"; fi

# ---- 3. simulator -------------------------------------------------------------------------------
SIM_PID=""
cleanup() {
  trap - INT TERM EXIT
  say "stopping n8n and the simulator"
  "$REPO/scripts/n8n/stop.sh" >/dev/null 2>&1 || true
  if [[ -n "$SIM_PID" ]] && kill -0 "$SIM_PID" 2>/dev/null; then
    kill -TERM "$SIM_PID" 2>/dev/null || true
    wait "$SIM_PID" 2>/dev/null || true
  fi
  say "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

SIM_LOG="$DEMO_DIR/simulator.log"
# setsid: Ctrl-C reaches only this script, which then stops n8n and the simulator in order.
setsid node "$REPO/node_modules/.bin/ts-node" --transpile-only "$REPO/test/simulator/cli.ts" --port "$SIM_PORT" --cartrover-port "$CARTROVER_PORT" >"$SIM_LOG" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 100); do grep -q 'CartRover simulator listening' "$SIM_LOG" 2>/dev/null && break; kill -0 "$SIM_PID" 2>/dev/null || break; sleep 0.2; done
grep -q 'CartRover simulator listening' "$SIM_LOG" || { cat "$SIM_LOG" >&2; die "the simulators did not start"; }
say "$(head -n1 "$SIM_LOG")"
say "$(grep -m1 'CartRover simulator listening' "$SIM_LOG")"

# ---- 4. package, credentials, example workflows ----------------------------------------------------
step "$DEMO_DIR/install-package.log" "installing the package into n8n's user folder" -- "$REPO/scripts/n8n/install-package.sh" "$TARBALL" "$N8N_USER_FOLDER"
say "importing the credentials and the example workflows (log: ${DEMO_DIR#"$REPO"/}/import.log)"
node "$REPO/scripts/demo/simulator-credentials.js" "http://127.0.0.1:$SIM_PORT" "$DEMO_DIR/credentials.json" "http://127.0.0.1:$CARTROVER_PORT"
n8n import:credentials --input="$DEMO_DIR/credentials.json" >"$DEMO_DIR/import.log" 2>&1 \
  || { cat "$DEMO_DIR/import.log" >&2; die "import:credentials failed"; }
rm -rf "$DEMO_DIR/workflows"; mkdir -p "$DEMO_DIR/workflows"; cp "$REPO"/examples/*.json "$DEMO_DIR/workflows/"
n8n import:workflow --separate --input="$DEMO_DIR/workflows" >>"$DEMO_DIR/import.log" 2>&1 \
  || { cat "$DEMO_DIR/import.log" >&2; die "import:workflow failed"; }

# ---- 5. n8n -----------------------------------------------------------------------------------
step "$DEMO_DIR/start.log" "starting n8n $N8N_VERSION (n8n's own log: $N8N_LOG_FILE)" -- "$REPO/scripts/n8n/start.sh"
JAR="$(N8N_OWNER_EMAIL="$OWNER_EMAIL" N8N_OWNER_PASSWORD="$OWNER_PASSWORD" "$REPO/scripts/n8n/rest-login.sh")" \
  || die "could not log in as $OWNER_EMAIL (an earlier demo used another password? run with DEMO_RESET=1)"
NODES="$(curl -fsS -b "$JAR" "$N8N_BASE_URL/types/nodes.json" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).map(n=>n.name).filter(n=>n.startsWith("n8n-nodes-cartcom.")).sort().join(" ")))')"
[[ "$NODES" == *n8n-nodes-cartcom.cartCom* && "$NODES" == *n8n-nodes-cartcom.cartRover* ]] \
  || die "n8n did not load the Cart.com and CartRover nodes (see $N8N_LOG_FILE)"

say "ready after $((SECONDS - T0)) s"
cat <<EOF

  n8n $N8N_VERSION is running with the nodes:  $NODES

  Open        $N8N_BASE_URL
  Log in as   $OWNER_EMAIL
  Password    $OWNER_PASSWORD

  Workflows (examples/):
    $N8N_BASE_URL/workflow/cartcomExShip001   new order → create shipment with tracking
    $N8N_BASE_URL/workflow/cartcomExStock01   inventory sync by SKU
    $N8N_BASE_URL/workflow/cartcomExProd001   updated products → summary
    $N8N_BASE_URL/workflow/cartroverExSend1  Cart.com new order → CartRover
    $N8N_BASE_URL/workflow/cartroverExShip1  CartRover shipped → Cart.com shipment → confirm
    $N8N_BASE_URL/workflow/cartcomExReplica   store replica in Postgres (needs your Postgres credential, README)
    $N8N_BASE_URL/workflow/cartcomExBackfil   backfill of that replica
  Credentials "Cart.com simulator (token)" and "Cart.com simulator (Central API Router)"
  point at the store simulator on http://127.0.0.1:$SIM_PORT (token: sim-token);
  "CartRover simulator (Cart API)" at the CartRover simulator on http://127.0.0.1:$CARTROVER_PORT
  (Cart keys cart-user / cart-key). Once "Cart.com new order → CartRover" has sent an order (its cust_ref is the
  Cart.com order ID), ship it in CartRover and watch the second example bring the tracking back:
   curl -H 'content-type: application/json' -X POST http://127.0.0.1:$CARTROVER_PORT/_control/advance -d '{"cust_ref":"<order ID>","to":"at_wms"}'
   curl -H 'content-type: application/json' -X POST http://127.0.0.1:$CARTROVER_PORT/_control/advance -d '{"cust_ref":"<order ID>","to":"shipped"}'

  Press Ctrl-C to stop n8n and the simulator.

EOF

N8N_PID="$(cat "$N8N_PID_FILE")"
while kill -0 "$N8N_PID" 2>/dev/null && kill -0 "$SIM_PID" 2>/dev/null; do sleep 1; done
kill -0 "$N8N_PID" 2>/dev/null || say "n8n exited (see $N8N_LOG_FILE)"
kill -0 "$SIM_PID" 2>/dev/null || say "the simulator exited (see $SIM_LOG)"
exit 1
}
