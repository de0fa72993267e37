#!/usr/bin/env bash
# Schema fuzzing of the listener: schemathesis (from PyPI, into a virtualenv under
# bench/data/) generates requests from the server's own GET /openapi.json and checks every
# answer: no 5xx (not_a_server_error), only documented status codes, content types and
# headers, and bodies that match the documented schemas. Bounded: at most EXAMPLES examples
# per operation and MAX_TIME seconds for the whole run. The server runs as in production
# (release build, synchronous=full) with an ingest token and a signing key for every
# provider, so requests get past authentication where a valid token helps.
#
#   bench/schemathesis.sh                          # EXAMPLES=40 MAX_TIME=120 SEED=1
#   EXAMPLES=200 MAX_TIME=900 bench/schemathesis.sh   # a longer run
#
# Exit status: 0 when every check passed, 1 when schemathesis found a failure (its report
# says which request; replay it with curl), 2 when it could not run. Not run in CI (it needs
# PyPI and minutes). Reports: bench/results/schemathesis-<time>/ (JUnit XML).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"

EXAMPLES=${EXAMPLES:-40}
MAX_TIME=${MAX_TIME:-120}
SEED=${SEED:-1}
N=1
RUNS=1
bench_args "$@"

VENV="$DATA_DIR/schemathesis-venv"
if [ ! -x "$VENV/bin/schemathesis" ]; then
    log "installing schemathesis into $VENV ..."
    python3 -m venv "$VENV" || die "python3 -m venv failed"
    "$VENV/bin/pip" install -q "schemathesis>=4,<5" || die "pip install schemathesis failed"
fi
log "$("$VENV/bin/schemathesis" --version)"
build_release
bench_workdir schemathesis

TOKEN=schema-fuzz-token
trap 'stop_listener; rm -rf "$WORK"' EXIT
start_listener "$WORK/fuzz.db" LEADCTL_INGEST_TOKEN="$TOKEN" CALENDLY_SIGNING_KEY=fuzz-calendly \
    ZOOM_SECRET_TOKEN=fuzz-zoom FIREFLIES_SIGNING_SECRET=fuzz-fireflies LEADCTL_LOG=warn

REPORT="$BENCH_DIR/results/schemathesis-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$REPORT"
set +e
"$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/openapi.json" \
    -H "Authorization: Bearer $TOKEN" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
    --max-examples "$EXAMPLES" --max-time "$MAX_TIME" --seed "$SEED" --workers 2 \
    --report junit --report-dir "$REPORT"
status=$?
set -e
# The server must still be up and healthy after the run.
if ! python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=5)" \
    "http://127.0.0.1:$PORT/health" 2>/dev/null; then
    log "error: the server is not healthy after the run"; status=1
fi
if grep -q "panicked" "$WORK/server.err"; then
    log "error: the server logged a panic"; grep "panicked" "$WORK/server.err" >&2; status=1
fi
stop_listener
log "report: $REPORT"
exit "$status"
