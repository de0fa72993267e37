#!/bin/sh
# A site's backend posting one contact-form submission to leadctl, server to server.
# The bearer token stays on the server; the request id makes a retry safe (200, same lead).
#
#   LEADCTL_URL=http://127.0.0.1:8080 LEADCTL_INGEST_TOKEN=change-me sh examples/site-backend.sh
set -eu
url="${LEADCTL_URL:-http://127.0.0.1:8080}"
request_id="site-$(date +%s)-$$"
curl -sS --fail-with-body --retry 3 --retry-all-errors -X POST "$url/inbound/leads" \
  -H "Authorization: Bearer ${LEADCTL_INGEST_TOKEN:?set LEADCTL_INGEST_TOKEN}" \
  -H 'Content-Type: application/json' \
  -H "X-Request-Id: $request_id" \
  --data @- <<JSON
{"name": "Ann Lee", "email": "ann@example.com", "phone": "+44 20 7946 0958",
 "company": "Acme", "service": "Audit", "message": "Please call me back",
 "consent": {"email": true, "sms": false},
 "meta": {"source": "site", "request_id": "$request_id",
          "timestamp_utc": "$(date -u +%Y-%m-%dT%H:%M:%SZ)"}}
JSON
echo
