#!/usr/bin/env bash
# Stats benchmark: whole-process wall time of `leadctl stats VIEW --format json` on an N-lead
# database for every view (status, funnel, sources, volume, owners, and all of them at once),
# unfiltered and with typical filters (a 90-day age, a mid-day date range, a source, the most
# common tag). RUNS runs each (GNU time), median and max reported, PASS/FAIL against 500 ms.
# The baseline, in the same run: the sqlite3 shell's plain GROUP BY status over the table.
#
#   bench/stats.sh                       # N=1000000 RUNS=7
#   N=20000 RUNS=3 bench/stats.sh        # quick check
#
# The database is the one bench/list.sh builds (cached in bench/data/). Warm OS page cache.
# Exit status 0 when everything was measured (targets met or not), 1 when a command failed.
# Not run in CI. See bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"

N=${N:-1000000}
RUNS=${RUNS:-7}
SEED=${SEED:-42}
TARGET_MS=${TARGET_MS:-500}
REBUILD=${REBUILD:-0}
bench_args "$@"

need_sqlite3
need_gnu_time
build_release
warn_env

bench_workdir stats
cached_db "$N" "$SEED"

TAG=$("$SQLITE3" -readonly "$DB" "SELECT name FROM tags ORDER BY lead_count DESC LIMIT 1")
SOURCE=$("$SQLITE3" -readonly "$DB" "SELECT source FROM leads WHERE source IS NOT NULL LIMIT 1")
HI=$("$SQLITE3" -readonly "$DB" "SELECT substr(max(created_at), 1, 10) FROM leads")
# A range of about four months, starting and ending in the middle of a day.
RANGE_SINCE=$(python3 -c "import datetime,sys; d=datetime.date.fromisoformat(sys.argv[1]); print((d-datetime.timedelta(days=200)).isoformat()+'T13:30:00Z')" "$HI")
RANGE_UNTIL=$(python3 -c "import datetime,sys; d=datetime.date.fromisoformat(sys.argv[1]); print((d-datetime.timedelta(days=80)).isoformat()+'T09:15:00Z')" "$HI")
log "filters: tag '$TAG', source '$SOURCE', range $RANGE_SINCE .. $RANGE_UNTIL"

: > "$WORK/results"
measure() { # measure LABEL ARGS...
    local label=$1; shift
    "$BIN" --config "$CONFIG" --db "$DB" stats "$@" --format json > /dev/null 2> "$WORK/err" || {
        cat "$WORK/err" >&2; die "stats $* failed"; }
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f '%e' -o "$WORK/t" "$BIN" --config "$CONFIG" --db "$DB" stats "$@" \
            --format json > /dev/null 2>> "$WORK/err"
        printf '%s\t%s\n' "$label" "$(tail -1 "$WORK/t")" >> "$WORK/results"
    done
}
for view in status funnel sources volume owners all; do
    v=(); [ "$view" = all ] || v=("$view")
    measure "$view" "${v[@]}"
    measure "$view --since 90d" "${v[@]}" --since 90d
    measure "$view range" "${v[@]}" --since "$RANGE_SINCE" --until "$RANGE_UNTIL"
    measure "$view --source" "${v[@]}" --source "$SOURCE"
    measure "$view --tag" "${v[@]}" --tag "$TAG"
done
for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e' -o "$WORK/t" "$SQLITE3" -readonly "$DB" \
        "SELECT status, count(*) FROM leads NOT INDEXED GROUP BY status" > /dev/null
    printf 'sqlite3 GROUP BY status (table scan)\t%s\n' "$(tail -1 "$WORK/t")" >> "$WORK/results"
done

python3 - "$WORK/results" "$TARGET_MS" "$N" "$RUNS" <<'PY'
import statistics, sys
path, target, n, runs = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rows = {}
for line in open(path):
    label, secs = line.rstrip("\n").split("\t")
    rows.setdefault(label, []).append(float(secs) * 1000)
print(f"stats on {n:,} leads, whole process, ms (median / max of {runs} runs):")
worst = 0.0
for label, xs in rows.items():
    med = statistics.median(xs)
    base = label.startswith("sqlite3")
    if not base:
        worst = max(worst, med)
    verdict = "" if base else ("PASS" if med < target else "FAIL")
    print(f"  {label:<40} {med:7.0f} {max(xs):7.0f}  {verdict}")
print(f"  slowest leadctl median: {worst:.0f} ms (target < {target:.0f} ms) "
      f"{'PASS' if worst < target else 'FAIL'}")
PY
