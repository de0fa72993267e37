#!/usr/bin/env bash
# Export benchmark: `leadctl export` of every lead of an N-lead database to CSV (the default
# columns, written to /dev/null) against the sqlite3 shell's `-csv` output of the same columns
# (tags joined with ';' in name order, phone or raw phone) from the same database, measured
# alternately in one run, RUNS times each (whole process: wall seconds and max RSS from GNU
# time). Prints the medians, the ratio and PASS/FAIL against the targets: at most 1.5x the
# sqlite3 shell's time, max RSS under 30 MB. Also exports NDJSON once for its figure.
#
#   bench/export.sh                      # N=1000000 RUNS=5
#   N=20000 RUNS=3 bench/export.sh       # quick check
#   REBUILD=1 bench/export.sh            # rebuild the cached database first
#
# The database is the one bench/list.sh builds (cached in bench/data/ by N, seed, generator
# and migrations). Runs with a warm OS page cache (one unmeasured run of each first).
# Exit status 0 when everything was measured (targets met or not), 1 when a command failed
# or the row counts differ. Not run in CI. See bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"

N=${N:-1000000}
RUNS=${RUNS:-5}
SEED=${SEED:-42}
TARGET_RATIO=${TARGET_RATIO:-1.5}
TARGET_RSS_MB=${TARGET_RSS_MB:-30}
REBUILD=${REBUILD:-0}
bench_args "$@"

need_sqlite3
need_gnu_time
build_release
warn_env

bench_workdir export
cached_db "$N" "$SEED"

# The same columns as `leadctl export`'s default, in the same order (sqlite3 3.40 has no
# ORDER BY inside group_concat, hence the ordered subquery for the tags).
QUERY="SELECT l.id, l.created_at, l.status, l.first_name, l.last_name, l.email,
  coalesce(l.phone, l.phone_raw) AS phone,
  (SELECT group_concat(name, ';') FROM (SELECT t.name FROM lead_tags lt JOIN tags t
     ON t.id = lt.tag_id WHERE lt.lead_seq = l.seq ORDER BY t.name)) AS tags,
  l.source, l.utm_source, l.utm_medium, l.utm_campaign, l.last_contacted_at
  FROM leads l WHERE l.org_id = (SELECT id FROM organisations WHERE slug = 'default')
  ORDER BY l.seq"

run_leadctl() { "$BIN" --config "$CONFIG" --db "$DB" export "$@"; }
run_sqlite() { "$SQLITE3" -readonly -csv -header "$DB" "$QUERY"; }

log "warming up (one unmeasured run of each) ..."
lines_l=$(run_leadctl | wc -l)
lines_s=$(run_sqlite | wc -l)
log "  rows: leadctl $((lines_l - 1)), sqlite3 $((lines_s - 1)) (CSV records may span lines)"
if [ "$lines_l" -lt 2 ]; then die "leadctl exported nothing"; fi

measure() { # measure NAME CMD...; appends "NAME seconds kb" to results
    local name=$1; shift
    /usr/bin/time -f '%e %M' -o "$WORK/t" "$@" > /dev/null 2> "$WORK/err" || {
        cat "$WORK/err" >&2; die "$name failed"; }
    echo "$name $(tail -1 "$WORK/t")" >> "$WORK/results"
}
: > "$WORK/results"
for i in $(seq "$RUNS"); do
    log "run $i/$RUNS ..."
    measure leadctl_csv "$BIN" --config "$CONFIG" --db "$DB" export
    measure sqlite3_csv "$SQLITE3" -readonly -csv -header "$DB" "$QUERY"
done
measure leadctl_ndjson "$BIN" --config "$CONFIG" --db "$DB" export --format ndjson

python3 - "$WORK/results" "$TARGET_RATIO" "$TARGET_RSS_MB" "$N" <<'PY'
import statistics, sys
path, ratio_target, rss_target, n = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
runs = {}
for line in open(path):
    name, secs, kb = line.split()
    runs.setdefault(name, []).append((float(secs), int(kb) / 1024))
def med(name):
    xs = runs[name]
    return statistics.median(s for s, _ in xs), max(m for _, m in xs), [s for s, _ in xs]
l, lrss, lruns = med("leadctl_csv")
s, srss, sruns = med("sqlite3_csv")
nd, ndrss, _ = med("leadctl_ndjson")
ratio = l / s if s else float("inf")
print(f"export of {n:,} leads, CSV to /dev/null (median of {len(lruns)} runs each, same run):")
print(f"  leadctl export      {l:6.2f} s  max RSS {lrss:5.1f} MB   runs {' '.join(f'{x:.2f}' for x in lruns)}")
print(f"  sqlite3 -csv        {s:6.2f} s  max RSS {srss:5.1f} MB   runs {' '.join(f'{x:.2f}' for x in sruns)}")
print(f"  leadctl --format ndjson {nd:6.2f} s  max RSS {ndrss:5.1f} MB (one run)")
print(f"  ratio leadctl / sqlite3: {ratio:.2f} (target <= {ratio_target}) "
      f"{'PASS' if ratio <= ratio_target else 'FAIL'}")
print(f"  max RSS {lrss:.1f} MB (target < {rss_target:.0f} MB) {'PASS' if lrss < rss_target else 'FAIL'}")
PY
