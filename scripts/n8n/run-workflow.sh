#!/usr/bin/env bash
# Run an imported workflow once with the n8n CLI and print the execution as raw JSON on stdout.
#
# Usage: source scripts/n8n/env.sh; scripts/n8n/run-workflow.sh <workflowId> [extra n8n execute flags]
#
# - The workflow must already be imported (n8n import:workflow) and start with a Manual Trigger
#   (or another STARTING_NODES type / executeWorkflowTrigger): `n8n execute` cannot start a
#   workflow whose first node is a polling trigger ("Missing node to start execution").
# - Workflow ids are at most 16 characters.
# - stdout: exactly one JSON document (the IRun object: {data:{resultData:{runData,...}}, status, ...}),
#   also on failure when n8n printed one. n8n's own log lines go to stderr.
# - Exit code: n8n's (0 = execution succeeded; non-zero = failed or not started).
#   If n8n exited 0 but printed no JSON, exits 3. Non-JSON stdout lines of n8n are copied to stderr.
set -euo pipefail
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

if [[ $# -lt 1 ]]; then
  echo "usage: $0 <workflowId> [extra n8n execute flags]" >&2
  exit 2
fi
WF_ID="$1"; shift
command -v n8n >/dev/null || { n8n_log "n8n not on PATH: source scripts/n8n/env.sh first"; exit 2; }
[[ -n "${N8N_USER_FOLDER:-}" ]] || { n8n_log "N8N_USER_FOLDER unset: source scripts/n8n/env.sh first"; exit 2; }

OUT="$(mktemp "${TMPDIR:-/tmp}/n8n-exec.XXXXXX")"
trap 'rm -f "$OUT"' EXIT
rc=0
n8n execute --id="$WF_ID" --rawOutput "$@" >"$OUT" || rc=$?

# n8n prints log lines (and, on failure, "Execution was NOT successful" banners) on stdout around
# the pretty-printed JSON; keep only the last complete top-level JSON object.
python3 - "$OUT" <<'PY' || { rc2=$?; [[ $rc -ne 0 ]] && exit "$rc"; exit "$rc2"; }
import json, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
lines = text.splitlines(keepends=True)
found, span = None, (0, 0)
offsets, pos = [], 0
for ln in lines:
    offsets.append(pos); pos += len(ln)
dec = json.JSONDecoder()
for i, ln in enumerate(lines):
    if ln.rstrip("\r\n") in ("{", "[") or ln.startswith("{\""):
        try:
            obj, end = dec.raw_decode(text, offsets[i])
        except ValueError:
            continue
        found, span = obj, (offsets[i], end)
non_json = [l for l in lines if l.strip()]
if found is None:
    sys.stderr.write("".join(non_json[-40:]))
    sys.stderr.write("[n8n-scripts] run-workflow.sh: no JSON in n8n's output\n")
    sys.exit(3)
rest = (text[:span[0]] + text[span[1]:]).strip()
if rest:
    sys.stderr.write(rest + "\n")
json.dump(found, sys.stdout, indent=2)
sys.stdout.write("\n")
PY
if [[ $rc -ne 0 ]]; then
  n8n_log "n8n execute --id=$WF_ID exited with $rc"
fi
exit "$rc"
