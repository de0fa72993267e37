#!/usr/bin/env bash
# Outbox benchmark: `leadctl queue flush` delivering N queued forwards to a local HTTP sink
# (bench/http_sink.py, keep-alive HTTP/1.1 on 127.0.0.1) with the default concurrency (8).
# RUNS runs, each on a fresh copy of the same database; median and max reported, PASS/FAIL
# against TARGET_S (10 s for 10,000). Every run must deliver every item exactly once (the sink
# counts requests and distinct Idempotency-Keys).
# The baseline, in the same run: a Python asyncio client POSTing N bodies over 8 keep-alive
# connections to the same sink (what the sink itself can take).
#
#   bench/flush.sh                       # N=10000 RUNS=5
#   N=2000 RUNS=3 bench/flush.sh         # quick check
#
# Not run in CI. See bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"

N=${N:-10000}
RUNS=${RUNS:-5}
SEED=${SEED:-42}
TARGET_S=${TARGET_S:-10}
REBUILD=0
bench_args "$@"

need_gnu_time
build_release
warn_env
bench_workdir flush
gen_data "$N" "$SEED" ndjson

SINK_PID=
stop_sink() {
    if [ -n "$SINK_PID" ]; then
        kill -TERM "$SINK_PID" 2>/dev/null || true
        wait "$SINK_PID" 2>/dev/null || true
        SINK_PID=
    fi
}
trap 'stop_sink; rm -rf "$WORK"' EXIT
start_sink() {
    rm -f "$WORK/port" "$WORK/sink"
    python3 "$BENCH_DIR/http_sink.py" "$WORK/port" "$WORK/sink" &
    SINK_PID=$!
    for _ in $(seq 100); do [ -s "$WORK/port" ] && break; sleep 0.05; done
    [ -s "$WORK/port" ] || die "the HTTP sink did not start"
    PORT=$(cat "$WORK/port")
}

log "queueing $N forwards (ingest with forward.url set) ..."
TEMPLATE="$WORK/template.db"
LEADCTL_FORWARD_URL=http://127.0.0.1:9/leads "$BIN" --config "$CONFIG" --db "$TEMPLATE" \
    ingest --file "$NDJSON_FILE" --quiet
QUEUED=$(LEADCTL_FORWARD_URL=http://127.0.0.1:9/leads "$BIN" --config "$CONFIG" --db "$TEMPLATE" \
    queue stats --format json | python3 -c 'import json,sys; print(sum(i["items"] for i in json.load(sys.stdin)["items"] if i["kind"] == "forward"))')
[ "$QUEUED" = "$N" ] || die "expected $N queued forwards, found $QUEUED"

declare -a FLUSH BASE RSS
for r in $(seq "$RUNS"); do
    cp "$TEMPLATE" "$WORK/run.db"
    rm -f "$WORK/run.db-wal" "$WORK/run.db-shm"
    start_sink
    rc=0
    LEADCTL_FORWARD_URL="http://127.0.0.1:$PORT/leads" LEADCTL_FORWARD_TOKEN=bench \
        /usr/bin/time -f '%e %M' -o "$WORK/time" "$BIN" --config "$CONFIG" --db "$WORK/run.db" \
        queue flush > "$WORK/out" 2> "$WORK/err" || rc=$?
    stop_sink
    read -r secs rss < <(tail -1 "$WORK/time")
    read -r reqs distinct < "$WORK/sink"
    if [ "$rc" != 0 ] || [ "$reqs" != "$N" ] || [ "$distinct" != "$N" ]; then
        cat "$WORK/out" "$WORK/err" >&2
        die "run $r: exit $rc, the sink got $reqs requests ($distinct distinct) of $N"
    fi
    FLUSH+=("$secs"); RSS+=("$rss")
    log "  run $r: flush $secs s ($(cat "$WORK/out")), max RSS $((rss / 1024)) MB"
    start_sink
    b=$(python3 "$BENCH_DIR/http_post.py" "http://127.0.0.1:$PORT/leads" "$N" 8)
    stop_sink
    BASE+=("$b")
    log "  run $r: baseline $b s"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
maxof() { printf '%s\n' "$@" | sort -g | tail -1; }
M=$(median "${FLUSH[@]}"); MX=$(maxof "${FLUSH[@]}"); B=$(median "${BASE[@]}")
R=$(( $(maxof "${RSS[@]}") / 1024 ))
VERDICT=$(awk -v m="$M" -v t="$TARGET_S" 'BEGIN {print (m < t) ? "PASS" : "FAIL"}')
printf '\n%-52s %10s %10s %8s\n' "what ($N items, $RUNS runs)" "median s" "max s" "target"
printf '%-52s %10s %10s %8s\n' "leadctl queue flush (concurrency 8)" "$M" "$MX" "<$TARGET_S s $VERDICT"
printf '%-52s %10s %10s %8s\n' "baseline: python asyncio POSTs, 8 connections" "$B" "$(maxof "${BASE[@]}")" ""
printf '%-52s %10s\n' "leadctl items/s (median)" "$(awk -v m="$M" -v n="$N" 'BEGIN {printf "%.0f", n / m}')"
printf '%-52s %10s\n' "leadctl max RSS MB" "$R"
printf 'runs: flush %s | baseline %s\n' "${FLUSH[*]}" "${BASE[*]}"
