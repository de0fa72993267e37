#!/usr/bin/env bash
# List benchmark: whole-process wall time of `leadctl --format json list ...` (default limit 50,
# JSON so the total is counted too) on an N-lead database, for a set of typical filters, with
# hyperfine (--warmup 3 --runs RUNS) or, without it, a Python timing loop. Prints median and
# p90 per query, the `total` each query matched, PASS/FAIL against 50 ms (median), and the
# sqlite3 shell's plain LIKE scan over names and email as the baseline the search index avoids.
#
#   bench/list.sh                        # N=1000000 RUNS=15
#   N=20000 RUNS=5 bench/list.sh         # quick check
#   REBUILD=1 bench/list.sh              # rebuild the cached database first
#   bench/list.sh -n 200000 -r 30 --seed 7
#
# The database is built once with `leadctl ingest` (NDJSON from bench/gen_leads.py) and cached
# in bench/data/ by N, seed, generator and migrations; REBUILD=1 after changing how leadctl
# stores leads without a migration change. Queries run with a warm OS page cache.
# Exit status 0 when everything was measured (targets met or not), 1 when a query failed.
# Not run in CI. See bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"

N=${N:-1000000}
RUNS=${RUNS:-15}
SEED=${SEED:-42}
WARMUP=${WARMUP:-3}
TARGET_MS=${TARGET_MS:-50}
BASELINE_RUNS=${BASELINE_RUNS:-5}
REBUILD=${REBUILD:-0}
bench_args "$@"

SQLITE3=${SQLITE3:-/usr/bin/sqlite3}
[ -x "$SQLITE3" ] || need_pkg sqlite3 sqlite3 || die "no sqlite3 shell at $SQLITE3"
SQLITE3=$(command -v "$SQLITE3")
HYPERFINE=1
if [ "${NO_HYPERFINE:-0}" = 1 ] || ! need_pkg hyperfine hyperfine; then
    HYPERFINE=0
    log "hyperfine unavailable: timing with a Python loop instead"
fi
build_release
warn_env

WORK=$(mktemp -d "$DATA_DIR/tmp.list.XXXXXX")
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
snapshot_bin "$WORK"
CONFIG="$WORK/config.toml"
: > "$CONFIG"                    # an empty config file: no user config changes what is measured

# --- the database (cached) --------------------------------------------------------------------
cached_db "$N" "$SEED"
TERMS="$DB.terms.json"
if [ "$REBUILD" = 1 ]; then rm -f "$TERMS"; fi

# --- search terms, picked from the data (cached beside the database) ------------------------
if [ ! -s "$TERMS" ]; then
    log "picking search terms from the data ..."
    python3 "$BENCH_DIR/gen_leads.py" --print-free-domains > "$WORK/free-domains"
    "$SQLITE3" -readonly -tabs "$DB" "
        SELECT t.name, count(*) FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id
        GROUP BY t.name ORDER BY 2 DESC, 1;" > "$WORK/tags.tsv"
    "$SQLITE3" -readonly -tabs "$DB" "
        SELECT last_name, count(*) FROM leads WHERE last_name IS NOT NULL
        GROUP BY last_name ORDER BY 2 DESC, 1;" > "$WORK/surnames.tsv"
    "$SQLITE3" -readonly -tabs "$DB" "
        SELECT substr(email_norm, instr(email_norm, '@') + 1) AS d, count(*) FROM leads
        WHERE email_norm IS NOT NULL AND company IS NOT NULL GROUP BY d ORDER BY 2 DESC, 1
        LIMIT 200;" > "$WORK/domains.tsv"
    "$SQLITE3" -readonly -tabs "$DB" "SELECT min(created_at), max(created_at) FROM leads;" \
        > "$WORK/range.tsv"
    python3 - "$WORK" "$TERMS" <<'PY'
import calendar, json, re, sys
work, out = sys.argv[1], sys.argv[2]
def rows(name):
    return [l.rstrip("\n").split("\t") for l in open(f"{work}/{name}") if l.strip()]
free = {l.strip() for l in open(f"{work}/free-domains") if l.strip()}
tags = rows("tags.tsv")
# A moderately common surname: plain ASCII letters (the trigram search needs 3+ characters),
# at a quarter of the way down the list of surnames by frequency.
surnames = [(s, int(c)) for s, c in rows("surnames.tsv") if re.fullmatch(r"[A-Za-z]{4,}", s)]
surname = surnames[len(surnames) // 4]
# A company domain with a moderate number of leads: the 10th most common non-free-mail domain.
domains = [(d, int(c)) for d, c in rows("domains.tsv") if d not in free]
domain = domains[min(9, len(domains) - 1)]
# About one month: the calendar month three months before the newest lead.
lo, hi = rows("range.tsv")[0]
y, m = int(hi[:4]), int(hi[5:7]) - 3
while m < 1:
    y, m = y - 1, m + 12
last = calendar.monthrange(y, m)[1]
terms = {"tag": tags[0][0], "tag_count": int(tags[0][1]),
         "surname": surname[0], "surname_count": surname[1],
         "domain": domain[0], "domain_count": domain[1],
         "since": f"{y:04d}-{m:02d}-01", "until": f"{y:04d}-{m:02d}-{last:02d}",
         "data_range": [lo, hi]}
json.dump(terms, open(out, "w"), indent=2)
PY
fi
read -r TAG SURNAME DOMAIN SINCE UNTIL < <(python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))
print(t["tag"], t["surname"], t["domain"], t["since"], t["until"])' "$TERMS")
log "terms: tag '$TAG', surname '$SURNAME', domain '$DOMAIN', month $SINCE..$UNTIL (from $TERMS)"

# --- the queries ------------------------------------------------------------------------------
NAMES=(
    "no filter"
    "--status new"
    "--tag $TAG"
    "--since/--until (one month)"
    "-q $SURNAME (surname)"
    "-q $DOMAIN (email domain)"
    "all combined"
)
ARGS=(
    ""
    "--status new"
    "--tag $TAG"
    "--since $SINCE --until $UNTIL"
    "-q $SURNAME"
    "-q $DOMAIN"
    "--status new --tag $TAG --since $SINCE --until $UNTIL -q $SURNAME"
)
BASE_CMD=$(printf '%q ' "$BIN" --config "$CONFIG" --db "$DB" --format json list)
LIKE_SQL="SELECT count(*) FROM leads WHERE first_name||' '||last_name||' '||email LIKE '%${SURNAME,,}%'"
LIKE_CMD=$(printf '%q ' "$SQLITE3" -readonly "$DB" "$LIKE_SQL")

log ""
log "leadctl list benchmark: $(du -m "$DB" | cut -f1) MB database of $N leads, $RUNS runs per query after $WARMUP warm-up runs ($([ "$HYPERFINE" = 1 ] && echo "hyperfine $(hyperfine --version | cut -d' ' -f2)" || echo "Python loop"))"
log "  binary:  $BIN"
log "  machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

RESULTS="$WORK/results.tsv"
: > "$RESULTS"
failed=0
# time_cmd NAME COMMAND RUNS WARMUP: appends "name \t median \t p90 \t min \t max \t json" rows.
time_cmd() {
    local name=$1 cmd=$2 runs=$3 warmup=$4 out="$WORK/timing.json"
    if [ "$HYPERFINE" = 1 ]; then
        hyperfine -N --style none --warmup "$warmup" --runs "$runs" --export-json "$out" \
            "$cmd" > /dev/null
    else
        python3 - "$cmd" "$runs" "$warmup" "$out" <<'PY'
import json, shlex, subprocess, sys, time
cmd, runs, warmup, out = shlex.split(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
times = []
for i in range(warmup + runs):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    if i >= warmup:
        times.append(time.perf_counter() - t)
json.dump({"results": [{"times": times}]}, open(out, "w"))
PY
    fi
    python3 - "$out" "$name" >> "$RESULTS" <<'PY'
import json, math, statistics, sys
t = sorted(json.load(open(sys.argv[1]))["results"][0]["times"])
p90 = t[max(0, math.ceil(0.9 * len(t)) - 1)]
print("\t".join([sys.argv[2]] + [f"{x * 1000:.2f}" for x in (statistics.median(t), p90, t[0], t[-1])]))
PY
}

for i in "${!NAMES[@]}"; do
    name=${NAMES[$i]}
    # shellcheck disable=SC2086  # the query's flags split on spaces on purpose
    cmd="$BASE_CMD${ARGS[$i]}"
    # One checked run first: exit status, the total and the number of items returned.
    rc=0
    # shellcheck disable=SC2086
    "$BIN" --config "$CONFIG" --db "$DB" --format json list ${ARGS[$i]} > "$WORK/answer.json" \
        2> "$WORK/answer.err" || rc=$?
    if [ "$rc" != 0 ]; then
        log "  ! '$name' failed with exit $rc:"; head -5 "$WORK/answer.err" | sed 's/^/    /' >&2
        failed=1
        continue
    fi
    read -r total items < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["total"], len(d["items"]))' "$WORK/answer.json")
    if [ -s "$WORK/answer.err" ]; then
        log "  note: '$name' wrote to stderr: $(head -1 "$WORK/answer.err")"
    fi
    time_cmd "$name" "$cmd" "$RUNS" "$WARMUP"
    line=$(tail -1 "$RESULTS")
    printf '%s\t%s\t%s\t%s\n' "$line" "$total" "$items" "${ARGS[$i]}" > "$WORK/line"
    sed -i '$d' "$RESULTS"
    cat "$WORK/line" >> "$RESULTS"
    log "  $(awk -F'\t' '{printf "%-34s median %7.1f ms  p90 %7.1f ms  total %s", $1, $2, $3, $6}' "$WORK/line")"
done

# The baseline: a plain LIKE scan of every row (what the trigram index avoids).
like_count=$("$SQLITE3" -readonly "$DB" "$LIKE_SQL")
time_cmd "sqlite3 LIKE scan '%${SURNAME,,}%'" "$LIKE_CMD" "$BASELINE_RUNS" 1
line=$(tail -1 "$RESULTS")
sed -i '$d' "$RESULTS"
printf '%s\t%s\t%s\t%s\n' "$line" "$like_count" "-" "$LIKE_SQL" >> "$RESULTS"
log "  $(tail -1 "$RESULTS" | awk -F'\t' '{printf "%-34s median %7.1f ms  p90 %7.1f ms  count %s", $1, $2, $3, $6}')"

mkdir -p "$BENCH_DIR/results"
python3 - "$RESULTS" "$N" "$TARGET_MS" "$RUNS" "$BASELINE_RUNS" \
    "$BENCH_DIR/results/list-$(date -u +%Y%m%dT%H%M%SZ).json" <<'PY'
import json, sys
path, n, target, runs, bruns, out = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
rows = [l.rstrip("\n").split("\t") for l in open(path) if l.strip()]
print()
print(f"== leadctl --format json list, {n:,} leads: whole-process wall time, {runs} runs "
      f"(baseline {bruns}); target median < {target:g} ms ==")
hdr = f"{'query':42} {'total':>9} {'items':>5} {'median ms':>9} {'p90 ms':>7} {'min ms':>7} {'max ms':>7}  result"
print(hdr)
print("-" * len(hdr))
res = []
for name, med, p90, mn, mx, total, items, args in rows:
    base = name.startswith("sqlite3")
    verdict = "baseline" if base else ("PASS" if float(med) < target else "FAIL")
    print(f"{name[:42]:42} {int(total):>9,} {items:>5} {float(med):9.1f} {float(p90):7.1f} {float(mn):7.1f} {float(mx):7.1f}  {verdict}")
    res.append(dict(query=name, args=args, total=int(total), items=items, median_ms=float(med),
                    p90_ms=float(p90), min_ms=float(mn), max_ms=float(mx), result=verdict))
print("(total: leads matching the query, from its JSON answer; baseline: sqlite3 shell,"
      " count(*) with LIKE over first_name||' '||last_name||' '||email)")
json.dump({"n": n, "target_ms": target, "queries": res}, open(out, "w"), indent=2)
print(f"results saved to {out}")
PY
exit "$failed"
