#!/usr/bin/env bash
# Listener benchmark: `leadctl serve-webhooks` under wrk load on POST /inbound/leads (unique
# request ids and emails), synchronous=full, on a fresh database per run:
#   - throughput at 64 connections (target 15,000 requests/s),
#   - p99 latency at 16 connections (target 10 ms),
#   - durability: after each run every 201 answered has its lead (the database holds between
#     the number of 201s and that plus the connections, whose last requests wrk cuts off).
# The baseline, in the same run: wrk on GET /openapi.json of the same server (a static
# document: the HTTP stack alone, no database).
# RUNS runs of each, medians reported.
#
#   bench/serve.sh                       # RUNS=3 DURATION=10s
#   RUNS=1 DURATION=3s bench/serve.sh    # quick check
#
# Needs wrk and sqlite3 (installed with apt-get when run as root). Not run in CI.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"

N=1
RUNS=${RUNS:-3}
SEED=42
DURATION=${DURATION:-10s}
TARGET_RPS=${TARGET_RPS:-15000}
TARGET_P99_MS=${TARGET_P99_MS:-10}
bench_args "$@"

need_pkg wrk wrk || die "wrk is needed"
need_sqlite3
build_release
warn_env
bench_workdir serve

trap 'stop_listener; rm -rf "$WORK"' EXIT
export BENCH_TOKEN=bench-token
# Logs at error level only (LEADCTL_LOG), so stderr holds just "Listening on ...".
start_server() { # start_server DB
    start_listener "$1" LEADCTL_INGEST_TOKEN="$BENCH_TOKEN" LEADCTL_LOG=error
}

# run_post CONNS: one wrk run against a fresh database; sets RPS P99 OK201 LEADS
run_post() {
    local conns=$1 db="$WORK/serve.db"
    start_server "$db"
    wrk -t2 -c"$conns" -d"$DURATION" --latency -s "$BENCH_DIR/serve_post.lua" \
        "http://127.0.0.1:$PORT" > "$WORK/wrk.out" 2>&1 || { cat "$WORK/wrk.out" >&2; die "wrk failed"; }
    stop_listener
    RPS=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.out")
    P99=$(awk '/^p99_ms/ {print $2}' "$WORK/wrk.out")
    OK201=$(awk '/^status 201/ {print $3}' "$WORK/wrk.out"); OK201=${OK201:-0}
    OTHER=$(awk '/^status / && $2 != 201 {s += $3} END {print s + 0}' "$WORK/wrk.out")
    LEADS=$("$SQLITE3" -readonly "$db" 'SELECT count(*) FROM leads')
    # Every 201 has its lead; wrk stops with up to one request per connection in flight, whose
    # leads may be committed without wrk counting the answer.
    if [ "$LEADS" -lt "$OK201" ] || [ "$LEADS" -gt $((OK201 + conns)) ]; then
        die "durability: $OK201 answered 201 but the database holds $LEADS leads"
    fi
    if [ "$OTHER" != 0 ]; then grep '^status' "$WORK/wrk.out" >&2; log "warning: $OTHER answers were not 201"; fi
}

run_health() { # run_health CONNS; sets HRPS
    start_server "$WORK/health.db"
    wrk -t2 -c"$1" -d"$DURATION" "http://127.0.0.1:$PORT/openapi.json" > "$WORK/wrk.out" 2>&1
    stop_listener
    HRPS=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.out")
}

declare -a R64 P16 H64
for r in $(seq "$RUNS"); do
    run_post 64; R64+=("$RPS"); log "  run $r: POST, 64 connections: $RPS req/s, p99 $P99 ms, $LEADS leads for $OK201 answers 201"
    run_post 16; P16+=("$P99"); log "  run $r: POST, 16 connections: $RPS req/s, p99 $P99 ms, $LEADS leads for $OK201 answers 201"
    run_health 64; H64+=("$HRPS"); log "  run $r: GET /openapi.json, 64 connections: $HRPS req/s"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
M64=$(median "${R64[@]}"); MP=$(median "${P16[@]}"); MH=$(median "${H64[@]}")
v1=$(awk -v m="$M64" -v t="$TARGET_RPS" 'BEGIN {print (m >= t) ? "PASS" : "FAIL"}')
v2=$(awk -v m="$MP" -v t="$TARGET_P99_MS" 'BEGIN {print (m < t) ? "PASS" : "FAIL"}')
printf '\n%-50s %12s %16s\n' "what ($RUNS runs of $DURATION)" "median" "target"
printf '%-50s %12s %16s\n' "POST /inbound/leads, 64 connections, req/s" "$M64" ">= $TARGET_RPS $v1"
printf '%-50s %12s %16s\n' "POST /inbound/leads, 16 connections, p99 ms" "$MP" "< $TARGET_P99_MS $v2"
printf '%-50s %12s %16s\n' "baseline: GET /openapi.json, 64 conns, req/s" "$MH" ""
printf 'runs: 64c req/s %s | 16c p99 ms %s | openapi req/s %s\n' "${R64[*]}" "${P16[*]}" "${H64[*]}"
