#!/usr/bin/env bash
# End-to-end smoke proof of the real-n8n runtime, independent of this repo's own nodes:
#   1. builds a throwaway community package (one node, one polling trigger, one credential) in a
#      temp dir outside the repo, packs it, installs it with install-package.sh,
#   2. imports a credential and a Manual -> node workflow, runs it with run-workflow.sh
#      (n8n execute --rawOutput) against a local mock API and checks the JSON and the auth header,
#   3. lists the loaded node types with `n8n export:nodes`,
#   4. activates a polling-trigger workflow (with prefilled static data), starts n8n in the
#      background (start.sh), waits for the activation poll, reads workflow_entity.staticData
#      from sqlite (sqlite-query.py), checks /healthz, /types/nodes.json, and stops n8n (stop.sh).
#
# Usage: scripts/n8n/smoke.sh [VERSION]     (installs n8n VERSION first if needed)
# Env: N8N_PORT (default 5678), SMOKE_MOCK_PORT (default 18787), SMOKE_KEEP=1 keeps the temp dir.
# Uses its own user folder <cache>/n8n-user/smoke-<version>, wiped at the start.
# Prints "smoke: N passed, 0 failed" at the end; exits non-zero on the first failed check.
set -euo pipefail
# The whole body is one { ... } block: bash parses it completely before running it, so editing
# this file while an install runs cannot corrupt the running instance.
{
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$HERE/lib.sh"

VERSION="${1:-${N8N_VERSION:-$N8N_DEFAULT_VERSION}}"
MOCK_PORT="${SMOKE_MOCK_PORT:-18787}"
T_ALL=$SECONDS
declare -a TIMINGS=()
timed() { # timed LABEL cmd...  (keeps stdout)
  local label="$1"; shift
  local s=$EPOCHREALTIME
  "$@"
  TIMINGS+=("$(awk -v l="$label" -v a="$s" -v b="$EPOCHREALTIME" 'BEGIN { printf "%-34s %6.1f s", l, b - a }')")
}
PASSED=0
ok() { PASSED=$((PASSED + 1)); printf '[smoke] ok %d - %s\n' "$PASSED" "$*" >&2; }
fail() { printf '[smoke] FAIL - %s\n' "$*" >&2; printf 'smoke: %d passed, 1 failed\n' "$PASSED"; exit 1; }

timed "install.sh $VERSION" "$HERE/install.sh" "$VERSION" >/dev/null

export N8N_VERSION="$VERSION"
# shellcheck source=env.sh
source "$HERE/env.sh" "smoke-$VERSION"
rm -rf "$N8N_USER_FOLDER"; mkdir -p "$N8N_USER_FOLDER"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/n8n-smoke.XXXXXX")"
MOCK_PID=""
cleanup() {
  "$HERE/stop.sh" >/dev/null 2>&1 || true
  if [[ -n "$MOCK_PID" ]]; then kill "$MOCK_PID" 2>/dev/null || true; wait "$MOCK_PID" 2>/dev/null || true; fi
  if [[ "${SMOKE_KEEP:-0}" == 1 ]]; then echo "[smoke] kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# ---------------------------------------------------------------- 1. throwaway package
PKG="$WORK/pkg"
mkdir -p "$PKG/dist/credentials" "$PKG/dist/nodes/SmokeDemo" "$PKG/dist/nodes/SmokeDemoTrigger"
cat >"$PKG/package.json" <<'J'
{ "name": "n8n-nodes-smoketest", "version": "0.1.0", "main": "index.js", "license": "MIT",
  "keywords": ["n8n-community-node-package"], "files": ["dist", "index.js"],
  "n8n": { "n8nNodesApiVersion": 1,
    "credentials": ["dist/credentials/SmokeDemoApi.credentials.js"],
    "nodes": ["dist/nodes/SmokeDemo/SmokeDemo.node.js", "dist/nodes/SmokeDemoTrigger/SmokeDemoTrigger.node.js"] },
  "peerDependencies": { "n8n-workflow": "*" } }
J
echo "module.exports = {};" >"$PKG/index.js"
cat >"$PKG/dist/credentials/SmokeDemoApi.credentials.js" <<'J'
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
class SmokeDemoApi {
  constructor() {
    this.name = 'smokeDemoApi';
    this.displayName = 'Smoke Demo API';
    this.properties = [
      { displayName: 'Access Token', name: 'accessToken', type: 'string', typeOptions: { password: true }, default: '' },
    ];
    this.authenticate = { type: 'generic', properties: { headers: { 'X-Smoke-Token': '={{$credentials.accessToken}}' } } };
  }
}
exports.SmokeDemoApi = SmokeDemoApi;
J
cat >"$PKG/dist/nodes/SmokeDemo/SmokeDemo.node.js" <<'J'
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
class SmokeDemo {
  constructor() {
    this.description = {
      displayName: 'Smoke Demo', name: 'smokeDemo', group: ['transform'], version: 1,
      description: 'GET a path from the smoke mock API', defaults: { name: 'Smoke Demo' },
      inputs: ['main'], outputs: ['main'],
      credentials: [{ name: 'smokeDemoApi', required: true }],
      properties: [
        { displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
        { displayName: 'Path', name: 'path', type: 'string', default: '/items' },
      ],
    };
  }
  async execute() {
    const items = this.getInputData(); const out = [];
    for (let i = 0; i < items.length; i++) {
      const baseUrl = this.getNodeParameter('baseUrl', i); const path = this.getNodeParameter('path', i);
      const res = await this.helpers.httpRequestWithAuthentication.call(this, 'smokeDemoApi',
        { method: 'GET', url: baseUrl.replace(/\/$/, '') + path, json: true });
      out.push({ json: res, pairedItem: { item: i } });
    }
    return [out];
  }
}
exports.SmokeDemo = SmokeDemo;
J
cat >"$PKG/dist/nodes/SmokeDemoTrigger/SmokeDemoTrigger.node.js" <<'J'
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
class SmokeDemoTrigger {
  constructor() {
    this.description = {
      displayName: 'Smoke Demo Trigger', name: 'smokeDemoTrigger', group: ['trigger'], version: 1,
      description: 'Polls the smoke mock API', defaults: { name: 'Smoke Demo Trigger' },
      polling: true, inputs: [], outputs: ['main'],
      credentials: [{ name: 'smokeDemoApi', required: true }],
      properties: [{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' }],
    };
  }
  async poll() {
    const sd = this.getWorkflowStaticData('node');
    const cursor = sd.cursor === undefined ? 0 : sd.cursor;
    const baseUrl = this.getNodeParameter('baseUrl');
    const res = await this.helpers.httpRequestWithAuthentication.call(this, 'smokeDemoApi',
      { method: 'GET', url: baseUrl.replace(/\/$/, '') + '/events?cursor=' + cursor, json: true });
    sd.cursor = res.nextCursor;
    const events = res.events || [];
    if (!events.length) return null;
    return [this.helpers.returnJsonArray(events.map((e) => ({ ...e, _cursorBefore: cursor })))];
  }
}
exports.SmokeDemoTrigger = SmokeDemoTrigger;
J
TARBALL="$(cd "$PKG" && npm pack --pack-destination "$WORK" --loglevel=error 2>/dev/null | tail -n1)"
[[ -f "$WORK/$TARBALL" ]] || fail "npm pack produced no tarball"
timed "install-package.sh" "$HERE/install-package.sh" "$WORK/$TARBALL" "$N8N_USER_FOLDER" >/dev/null
ok "package installed into $N8N_NODES_DIR/node_modules"

# ---------------------------------------------------------------- mock API
cat >"$WORK/mock.js" <<'J'
const http = require('http'), fs = require('fs');
const [port, log] = process.argv.slice(2);
http.createServer((req, res) => {
  fs.appendFileSync(log, JSON.stringify({ method: req.method, url: req.url, token: req.headers['x-smoke-token'] || null }) + '\n');
  const u = new URL(req.url, 'http://x'); res.setHeader('content-type', 'application/json');
  if (req.headers['x-smoke-token'] !== 'smoke-secret-123') { res.statusCode = 401; return res.end('{"error":"bad token"}'); }
  if (u.pathname === '/items') return res.end(JSON.stringify({ ok: true, items: [{ id: 1 }, { id: 2 }] }));
  if (u.pathname === '/events') { const c = parseInt(u.searchParams.get('cursor') || '0', 10);
    return res.end(JSON.stringify({ events: [{ id: 'ev' + (c + 1), seq: c + 1 }], nextCursor: c + 1 })); }
  res.statusCode = 404; res.end('{}');
}).listen(Number(port), '127.0.0.1', () => console.log('mock listening'));
J
: >"$WORK/mock.log"
node "$WORK/mock.js" "$MOCK_PORT" "$WORK/mock.log" >"$WORK/mock.out" 2>&1 &
MOCK_PID=$!
for _ in $(seq 1 50); do grep -q listening "$WORK/mock.out" 2>/dev/null && break; sleep 0.1; done
grep -q listening "$WORK/mock.out" || fail "mock server did not start on port $MOCK_PORT: $(cat "$WORK/mock.out")"

# ---------------------------------------------------------------- 2. credential + workflows
cat >"$WORK/creds.json" <<'J'
[{ "id": "smokeCred0000001", "name": "Smoke cred", "type": "smokeDemoApi",
   "data": { "accessToken": "smoke-secret-123" } }]
J
python3 - "$WORK" "http://127.0.0.1:$MOCK_PORT" <<'P'
import json, sys
work, base = sys.argv[1:3]
cred = {"smokeDemoApi": {"id": "smokeCred0000001", "name": "Smoke cred"}}
http = {"id": "smokeHttpWf00001", "name": "Smoke http", "active": False, "settings": {"executionOrder": "v1"},
  "connections": {"Manual": {"main": [[{"node": "Smoke Demo", "type": "main", "index": 0}]]}},
  "nodes": [
    {"id": "11111111-1111-4111-8111-111111111111", "name": "Manual", "type": "n8n-nodes-base.manualTrigger",
     "typeVersion": 1, "position": [0, 0], "parameters": {}},
    {"id": "22222222-2222-4222-8222-222222222222", "name": "Smoke Demo", "type": "n8n-nodes-smoketest.smokeDemo",
     "typeVersion": 1, "position": [220, 0], "parameters": {"baseUrl": base, "path": "/items"}, "credentials": cred}]}
poll = {"id": "smokePollWf00001", "name": "Smoke poll", "active": False, "settings": {"executionOrder": "v1"},
  "connections": {}, "staticData": {"node:Smoke Trigger": {"cursor": 5}},
  "nodes": [
    {"id": "33333333-3333-4333-8333-333333333333", "name": "Smoke Trigger", "type": "n8n-nodes-smoketest.smokeDemoTrigger",
     "typeVersion": 1, "position": [0, 0],
     "parameters": {"baseUrl": base, "pollTimes": {"item": [{"mode": "everyHour"}]}}, "credentials": cred}]}
json.dump(http, open(f"{work}/wf-http.json", "w"), indent=1)
json.dump(poll, open(f"{work}/wf-poll.json", "w"), indent=1)
P
timed "import:credentials (1st cmd, migrations)" n8n import:credentials --input="$WORK/creds.json" >"$WORK/import.log" 2>&1 \
  || { cat "$WORK/import.log" >&2; fail "import:credentials"; }
timed "import:workflow" n8n import:workflow --input="$WORK/wf-http.json" >>"$WORK/import.log" 2>&1 \
  || { cat "$WORK/import.log" >&2; fail "import:workflow http"; }
n8n import:workflow --input="$WORK/wf-poll.json" >>"$WORK/import.log" 2>&1 || { cat "$WORK/import.log" >&2; fail "import:workflow poll"; }
ok "credential and 2 workflows imported"

timed "run-workflow.sh (n8n execute)" "$HERE/run-workflow.sh" smokeHttpWf00001 >"$WORK/exec.json" 2>"$WORK/exec.err" \
  || { cat "$WORK/exec.err" "$WORK/exec.json" >&2; fail "run-workflow.sh smokeHttpWf00001"; }
python3 - "$WORK/exec.json" <<'P' || fail "execution JSON check"
import json, sys
d = json.load(open(sys.argv[1]))
assert d.get("status") == "success", d.get("status")
out = d["data"]["resultData"]["runData"]["Smoke Demo"][0]["data"]["main"][0]
assert out[0]["json"]["items"] == [{"id": 1}, {"id": 2}], out
P
ok "n8n execute --rawOutput: status success, node output parsed"
grep -q '"url":"/items","token":"smoke-secret-123"' "$WORK/mock.log" || fail "mock did not see the credential header"
ok "credential header reached the mock API"

# ---------------------------------------------------------------- 3. node types (CLI)
timed "list-node-types.sh (export:nodes)" "$HERE/list-node-types.sh" >"$WORK/node-types.txt" 2>"$WORK/node-types.err" \
  || { cat "$WORK/node-types.err" >&2; fail "list-node-types.sh"; }
for t in n8n-nodes-smoketest.smokeDemo n8n-nodes-smoketest.smokeDemoTrigger n8n-nodes-base.manualTrigger; do
  grep -qx "$t" "$WORK/node-types.txt" || fail "list-node-types.sh lacks $t"
done
echo "[smoke] n8n export:nodes: $(wc -l <"$WORK/node-types.txt") node types" >&2
ok "list-node-types.sh (n8n export:nodes) lists n8n-nodes-smoketest.smokeDemo and .smokeDemoTrigger"

# ---------------------------------------------------------------- 4. polling trigger under n8n start
n8n update:workflow --id=smokePollWf00001 --active=true >"$WORK/activate.log" 2>&1 \
  || { cat "$WORK/activate.log" >&2; fail "update:workflow --active=true"; }
timed "start.sh (until /healthz)" "$HERE/start.sh"
ok "n8n start answered /healthz"
s=$SECONDS; cursor=""
while (( SECONDS - s < 90 )); do
  cursor="$("$HERE/sqlite-query.py" --json-cols "$N8N_DB_FILE" \
    'select staticData from workflow_entity where id = ?' smokePollWf00001 \
    | python3 -c 'import json,sys; r=json.load(sys.stdin); sd=(r[0]["staticData"] if r else None) or {}; print(sd.get("node:Smoke Trigger",{}).get("cursor",""))')"
  [[ "$cursor" == 6 ]] && break
  sleep 1
done
TIMINGS+=("$(printf '%-34s %6d s' "activation poll -> staticData" "$((SECONDS - s))")")
[[ "$cursor" == 6 ]] || { tail -n 40 "$N8N_LOG_FILE" >&2; fail "staticData cursor after activation poll: '$cursor' (want 6)"; }
grep -q '"url":"/events?cursor=5"' "$WORK/mock.log" || fail "activation poll did not use the prefilled cursor 5"
ok "activation poll read prefilled staticData (cursor 5) and saved cursor 6 to workflow_entity.staticData"

curl -fsS "$N8N_BASE_URL/healthz/readiness" | grep -q '"ok"' || fail "/healthz/readiness"
ok "/healthz/readiness answers ok"
code="$(curl -s -o /dev/null -w '%{http_code}' "$N8N_BASE_URL/types/nodes.json")"
[[ "$code" == 401 ]] || fail "/types/nodes.json without login: HTTP $code (want 401)"
TYPES_FILE="$N8N_USER_FOLDER/.cache/n8n/public/types/nodes.json"
for _ in $(seq 1 30); do [[ -s "$TYPES_FILE" ]] && break; sleep 1; done
grep -q '"n8n-nodes-smoketest.smokeDemo"' "$TYPES_FILE" || fail "$TYPES_FILE lacks n8n-nodes-smoketest.smokeDemo"
ok "n8n start wrote $TYPES_FILE with the package's nodes"
JAR="$("$HERE/rest-login.sh")" || fail "rest-login.sh"
curl -fsS -b "$JAR" "$N8N_BASE_URL/types/nodes.json" >"$WORK/rest-nodes.json" || fail "GET /types/nodes.json with login"
curl -fsS -b "$JAR" "$N8N_BASE_URL/types/credentials.json" >"$WORK/rest-creds.json" || fail "GET /types/credentials.json with login"
python3 - "$WORK/rest-nodes.json" "$WORK/rest-creds.json" <<'P2' || fail "REST type lists"
import json, sys
nodes = {n["name"] for n in json.load(open(sys.argv[1]))}
creds = {c["name"] for c in json.load(open(sys.argv[2]))}
assert "n8n-nodes-smoketest.smokeDemo" in nodes and "n8n-nodes-smoketest.smokeDemoTrigger" in nodes
assert "smokeDemoApi" in creds
P2
ok "REST: /types/nodes.json (401 without login) lists the nodes after owner setup/login; /types/credentials.json lists smokeDemoApi"

timed "stop.sh" "$HERE/stop.sh"
[[ ! -f "$N8N_PID_FILE" ]] || fail "pid file still present after stop.sh"
ok "n8n stopped"

echo "[smoke] n8n $VERSION on node $(node --version): timings" >&2
printf '[smoke]   %s\n' "${TIMINGS[@]}" >&2
printf '[smoke]   %-34s %6d s\n' "total" "$((SECONDS - T_ALL))" >&2
printf 'smoke: %d passed, 0 failed\n' "$PASSED"
exit
}
