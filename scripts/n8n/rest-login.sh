#!/usr/bin/env bash
# Get an authenticated cookie jar for the REST API of the running n8n (start.sh), creating the
# instance owner on first use. Needed e.g. for GET /types/nodes.json and /types/credentials.json
# (401 without login) or /rest/* endpoints.
#
# Usage: source scripts/n8n/env.sh; jar="$(scripts/n8n/rest-login.sh [cookieJar])"
#        curl -fsS -b "$jar" "$N8N_BASE_URL/types/nodes.json"
# Env: N8N_OWNER_EMAIL (default owner@example.com), N8N_OWNER_PASSWORD (default E2e-password-123).
# Prints the cookie jar path (default $N8N_USER_FOLDER/rest-cookies.txt).
set -euo pipefail
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
[[ -n "${N8N_BASE_URL:-}" && -n "${N8N_USER_FOLDER:-}" ]] || { n8n_log "source scripts/n8n/env.sh first"; exit 2; }

JAR="${1:-$N8N_USER_FOLDER/rest-cookies.txt}"
EMAIL="${N8N_OWNER_EMAIL:-owner@example.com}"
PASSWORD="${N8N_OWNER_PASSWORD:-E2e-password-123}"
rm -f "$JAR"

body="$(python3 -c 'import json,sys; print(json.dumps({"email": sys.argv[1], "firstName": "E2E", "lastName": "Owner", "password": sys.argv[2]}))' "$EMAIL" "$PASSWORD")"
code="$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -H 'content-type: application/json' \
  -X POST "$N8N_BASE_URL/rest/owner/setup" -d "$body")"
if [[ "$code" != 200 ]]; then
  # Owner already set up: log in instead (n8n 1.x/2.x field name: emailOrLdapLoginId).
  body="$(python3 -c 'import json,sys; print(json.dumps({"emailOrLdapLoginId": sys.argv[1], "email": sys.argv[1], "password": sys.argv[2]}))' "$EMAIL" "$PASSWORD")"
  code="$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -H 'content-type: application/json' \
    -X POST "$N8N_BASE_URL/rest/login" -d "$body")"
  [[ "$code" == 200 ]] || { n8n_log "owner setup and login both failed (login HTTP $code)"; exit 1; }
fi
printf '%s\n' "$JAR"
