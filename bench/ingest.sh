#!/usr/bin/env bash
# Ingest benchmark: N generated leads from NDJSON and from CSV into an empty database, RUNS times
# each (whole process: wall seconds and max RSS from GNU time), with the sqlite3 shell's
# `.import` of the same CSV into the same schema measured in the same run as a baseline.
#
#   bench/ingest.sh                      # N=1000000 RUNS=3
#   N=20000 RUNS=1 bench/ingest.sh       # quick check
#   bench/ingest.sh -n 200000 -r 5 --seed 7
#
# Targets: each format under 20 s for 1M leads (>= 50,000 leads/s), max RSS under 100 MB;
# the summary says PASS/FAIL per format. Exit status 0 when everything was measured (whether
# or not the targets were met), 1 when leadctl failed, rejected records or lost leads.
# Not run in CI. See bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"

N=${N:-1000000}
RUNS=${RUNS:-3}
SEED=${SEED:-42}
TARGET_S_PER_M=${TARGET_S_PER_M:-20}     # seconds per million leads
TARGET_RSS_MB=${TARGET_RSS_MB:-100}
INGEST_ARGS=${INGEST_ARGS:-}              # extra flags for leadctl ingest, e.g. --batch-size 50000
bench_args "$@"

SQLITE3=${SQLITE3:-/usr/bin/sqlite3}
[ -x "$SQLITE3" ] || need_pkg sqlite3 sqlite3 || die "no sqlite3 shell at $SQLITE3"
SQLITE3=$(command -v "$SQLITE3")
need_gnu_time
build_release
warn_env
gen_data "$N" "$SEED"

# Temporary databases live under bench/data (the real disk, as a user's database would), never
# on a tmpfs, and are removed on exit.
WORK=$(mktemp -d "$DATA_DIR/tmp.ingest.XXXXXX")
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
snapshot_bin "$WORK"
: > "$WORK/config.toml"          # an empty config file: no user config changes what is measured
RESULTS="$WORK/results.tsv"
: > "$RESULTS"

# --- the sqlite3 shell baseline ---------------------------------------------------------------
# Fair "same schema, same indexes, same search index": a fresh file gets the pragmas
# leadctl sets on every connection (src/store/mod.rs: 8 KiB pages, WAL,
# synchronous=FULL, foreign keys, in-memory temp store, 32 MiB page cache, 2 sorter threads),
# then every migrations/*.sql in order, as leadctl applies them. The CSV goes into a TEMP staging
# table with `.import --csv --skip 1` (temp store in memory: no disk writes for the raw rows).
# Then INSERT ... SELECT maps the columns into `leads` (so every lead goes through the same
# UNIQUE and partial indexes), tags split on ';' (json_each) go into tags and lead_tags, the
# consent columns into consents. By default all of it is one transaction (BASELINE_BATCH=0),
# as a plain `.import` load is, and as leadctl's bulk load mode is for a big file into an empty
# database; BASELINE_BATCH=10000 commits every 10,000 leads (one fsync each) like leadctl's
# batched mode (slower here: about 120 s vs 80-90 s for 1M, from WAL and checkpoint churn).
# Unlike leadctl's bulk mode, the baseline keeps every index in place while loading.
# The id is UUID-shaped text increasing like leadctl's UUIDv7 ids; org_id = 1 (the 'default'
# organisation the migration inserts);
# updated_at = created_at; status defaults to 'new'; email_norm = lower(email).
# The FTS5 trigram index gets the same content whichever way the schema keeps it: through the
# schema's FTS triggers if it has them (the original 0001), otherwise with the FTS5 'rebuild'
# command the migration prescribes for tools that write `leads` directly (as the last
# statement), after filling `leads.haystack` when the schema has that column (names, email,
# phone and company joined by spaces and lowercased; SQLite's lower() is ASCII-only).
# What the baseline does NOT do, and leadctl does: parse NDJSON/CSV in application code,
# validate and normalise each record (email syntax, phones parsed to E.164, tags checked), look
# up request_id/email/phone for deduplication before each insert, audit entries. Its phones
# stay as typed. Everything is timed, from the empty file to the last commit, as leadctl's
# run includes creating the file and applying the migrations.
BASELINE_BATCH=${BASELINE_BATCH:-0}
write_baseline_sql() { # write_baseline_sql FILE
    # The shell here may predate FTS5's 'secure-delete' option (SQLite 3.42); it only changes
    # how deletes are written, and a load deletes nothing, so the baseline's copies of the
    # migrations leave that one statement out.
    local m migrations=()
    mkdir -p "$WORK/migrations"
    for m in "$ROOT"/migrations/*.sql; do
        grep -v "'secure-delete'" "$m" > "$WORK/migrations/$(basename "$m")"
        migrations+=("$WORK/migrations/$(basename "$m")")
    done
    local has_haystack has_triggers a b
    local probe=(-cmd '.output /dev/null')
    for m in "${migrations[@]}"; do probe+=(-cmd ".read $m"); done
    read -r has_haystack has_triggers < <("$SQLITE3" "${probe[@]}" -cmd '.output stdout' \
        -separator ' ' :memory: "SELECT
            (SELECT count(*) FROM pragma_table_info('leads') WHERE name = 'haystack'),
            (SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'leads'
                AND sql LIKE '%leads_fts%')")
    local hay_col="" hay_val=""
    if [ "$has_haystack" = 1 ]; then
        hay_col=", haystack"
        hay_val=", lower(substr(coalesce(' ' || nullif(first_name, ''), '') ||
              coalesce(' ' || nullif(last_name, ''), '') || coalesce(' ' || nullif(email, ''), '') ||
              coalesce(' ' || nullif(phone, ''), '') || coalesce(' ' || nullif(company, ''), ''), 2))"
    fi
    local batch=$BASELINE_BATCH begin="" commit="" commits="one transaction"
    if [ "$batch" -gt 0 ]; then
        begin="BEGIN;" commit="COMMIT;" commits="a commit every $batch leads"
    else
        batch=$N
    fi
    log "  baseline: ${#migrations[@]} migration(s); search index via $([ "$has_triggers" -gt 0 ] && echo "the schema's triggers" || echo "FTS5 'rebuild'")$([ "$has_haystack" = 1 ] && echo ", leads.haystack filled"); $commits"
    {
        cat <<SQL
.bail on
PRAGMA page_size = 8192;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA foreign_keys = ON;
PRAGMA temp_store = MEMORY;
PRAGMA cache_size = -32768;
PRAGMA threads = 2;
.output /dev/null
BEGIN;
SQL
        for m in "${migrations[@]}"; do echo ".read $m"; done
        cat <<SQL
PRAGMA user_version = ${#migrations[@]};
COMMIT;
.output stdout
CREATE TEMP TABLE staging (
    first_name TEXT, last_name TEXT, email TEXT, phone TEXT, company TEXT, service TEXT,
    message TEXT, source TEXT, utm_source TEXT, utm_medium TEXT, utm_campaign TEXT, tags TEXT,
    status TEXT, created_at TEXT, consent_email TEXT, consent_sms TEXT
);
.import --csv --skip 1 --schema temp $CSV_FILE staging
CREATE TEMP TABLE staging_tags AS
SELECT s.rowid AS lead_seq, j.value AS name
FROM temp.staging s, json_each('["' || replace(s.tags, ';', '","') || '"]') j
WHERE s.tags <> '';
CREATE INDEX temp.staging_tags_seq ON staging_tags (lead_seq);
BEGIN;
INSERT OR IGNORE INTO tags (org_id, name) SELECT DISTINCT 1, name FROM temp.staging_tags;
$commit
SQL
        for ((a = 1; a <= N; a += batch)); do
            b=$((a + batch - 1))
            cat <<SQL
$begin
INSERT INTO leads (seq, id, org_id, created_at, updated_at, status, first_name, last_name,
                   email, email_norm, phone, company, service, message, source, utm_source,
                   utm_medium, utm_campaign$hay_col)
SELECT rowid, printf('01900000-0000-7000-8000-%012x', rowid), 1, created_at, created_at,
       coalesce(nullif(status, ''), 'new'), nullif(first_name, ''), nullif(last_name, ''),
       nullif(email, ''), nullif(lower(email), ''), nullif(phone, ''), nullif(company, ''),
       nullif(service, ''), nullif(message, ''), nullif(source, ''), nullif(utm_source, ''),
       nullif(utm_medium, ''), nullif(utm_campaign, '')$hay_val
FROM temp.staging WHERE rowid BETWEEN $a AND $b ORDER BY rowid;
INSERT OR IGNORE INTO lead_tags (tag_id, lead_seq)
SELECT t.id, s.lead_seq FROM temp.staging_tags s JOIN tags t ON t.org_id = 1 AND t.name = s.name
WHERE s.lead_seq BETWEEN $a AND $b;
INSERT INTO consents (lead_seq, channel, state, source, recorded_at)
SELECT rowid, 'email', consent_email, coalesce(nullif(source, ''), 'ingest'), created_at
FROM temp.staging WHERE rowid BETWEEN $a AND $b AND consent_email <> '';
INSERT INTO consents (lead_seq, channel, state, source, recorded_at)
SELECT rowid, 'sms', consent_sms, coalesce(nullif(source, ''), 'ingest'), created_at
FROM temp.staging WHERE rowid BETWEEN $a AND $b AND consent_sms <> '';
$commit
SQL
        done
        if [ "$has_triggers" = 0 ]; then
            echo "$begin"
            echo "INSERT INTO leads_fts (leads_fts) VALUES ('rebuild');"
            echo "$commit"
        fi
        if [ -z "$commit" ]; then echo "COMMIT;"; fi
    } > "$1"
}
write_baseline_sql "$WORK/baseline.sql"

count_leads() { "$SQLITE3" -readonly "$1" 'SELECT count(*) FROM leads' 2>/dev/null || echo '?'; }
db_mb() { du -cb "$1"* 2>/dev/null | tail -1 | awk '{printf "%.0f", $1 / 1048576}'; }

# Explains a non-zero exit: a dry run with --rejects, reasons grouped.
explain_rejects() { # explain_rejects FILE FORMAT
    local rej="$WORK/rejects.$2"
    log "  checking the input with --dry-run --rejects ..."
    "$BIN" --config "$WORK/config.toml" --db "$WORK/dry.db" ingest --file "$1" --dry-run \
        --rejects "$rej" --format json > "$WORK/dry.json" 2>/dev/null || true
    python3 - "$WORK/dry.json" "$rej" "$2" <<'PY' >&2
import collections, csv, json, re, sys
summary = json.load(open(sys.argv[1]))
print("  dry run: " + ", ".join(f"{k} {summary.get(k)}" for k in
      ("total", "created", "merged", "duplicates", "rejected", "warnings")))
reasons, examples = collections.Counter(), {}
try:
    if sys.argv[3] == "csv":
        rows = [r.get("_rejected") or r.get("_errors") or str(r) for r in csv.DictReader(open(sys.argv[2]))]
    else:
        rows = [json.dumps(json.loads(l).get("_rejected")) for l in open(sys.argv[2])]
except FileNotFoundError:
    rows = [json.dumps(r["errors"]) for r in summary.get("rejections", [])]
for r in rows:
    key = re.sub(r"'[^']*'", "'…'", r)
    reasons[key] += 1
    examples.setdefault(key, r)
for key, n in reasons.most_common(10):
    print(f"  {n:>8}  {key}\n            e.g. {examples[key][:200]}")
PY
}

# shellcheck disable=SC2086  # INGEST_ARGS splits into flags on purpose
run_leadctl() { # run_leadctl FORMAT FILE RUN
    local fmt=$1 file=$2 run=$3 db="$WORK/leadctl-$1.db" rc=0
    rm -f "$db" "$db-wal" "$db-shm"
    /usr/bin/time -f '%e %M' -o "$WORK/time" \
        "$BIN" --config "$WORK/config.toml" --db "$db" ingest --file "$file" --quiet $INGEST_ARGS \
        > "$WORK/stdout" 2> "$WORK/stderr" || rc=$?
    local secs kb rows mb
    read -r secs kb < <(tail -1 "$WORK/time")
    rows=$(count_leads "$db")
    mb=$(db_mb "$db")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "leadctl-$fmt" "$run" "$secs" "$kb" "$rows" "$rc" \
        "$mb" >> "$RESULTS"
    log "$(printf '  leadctl %-6s run %d: %7.2f s  %9s leads/s  max RSS %6.1f MB  leads %s  db %s MB  exit %s  (load %s)' \
        "$fmt" "$run" "$secs" "$(awk -v n="$N" -v s="$secs" 'BEGIN{printf "%d", (s > 0 ? n / s : 0)}')" \
        "$(awk -v k="$kb" 'BEGIN{print k / 1024}')" "$rows" "$mb" "$rc" "$(cut -d' ' -f1 /proc/loadavg)")"
    if [ -s "$WORK/stderr" ]; then
        log "  stderr ($(wc -l < "$WORK/stderr") lines), first lines:"
        head -5 "$WORK/stderr" | sed 's/^/    /' >&2
    fi
    if [ "$rc" != 0 ] || [ "$rows" != "$N" ]; then
        log "  ! expected exit 0 and $N leads"
        [ "$run" = 1 ] && explain_rejects "$file" "$fmt"
    fi
    rm -f "$db" "$db-wal" "$db-shm"
}

run_baseline() { # run_baseline RUN
    local run=$1 db="$WORK/sqlite3.db" rc=0
    rm -f "$db" "$db-wal" "$db-shm"
    /usr/bin/time -f '%e %M' -o "$WORK/time" "$SQLITE3" "$db" < "$WORK/baseline.sql" \
        > "$WORK/stdout" 2> "$WORK/stderr" || rc=$?
    local secs kb rows mb
    read -r secs kb < <(tail -1 "$WORK/time")
    rows=$(count_leads "$db")
    mb=$(db_mb "$db")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "sqlite3-import" "$run" "$secs" "$kb" "$rows" "$rc" \
        "$mb" >> "$RESULTS"
    log "$(printf '  sqlite3 .import run %d: %7.2f s  %9s leads/s  max RSS %6.1f MB  leads %s  db %s MB  exit %s  (load %s)' \
        "$run" "$secs" "$(awk -v n="$N" -v s="$secs" 'BEGIN{printf "%d", (s > 0 ? n / s : 0)}')" \
        "$(awk -v k="$kb" 'BEGIN{print k / 1024}')" "$rows" "$mb" "$rc" "$(cut -d' ' -f1 /proc/loadavg)")"
    if [ "$rc" != 0 ] || [ -s "$WORK/stderr" ]; then
        log "  sqlite3 stderr:"; head -5 "$WORK/stderr" | sed 's/^/    /' >&2
    fi
    # The search index must have been filled, or the baseline skipped work leadctl does.
    if [ "$run" = 1 ] && [ "$("$SQLITE3" -readonly "$db" \
        "SELECT count(*) FROM leads_fts WHERE haystack LIKE '%gmail%'" 2>/dev/null)" = 0 ]; then
        log "  ! the baseline's search index is empty: has the schema changed? (bench/ingest.sh)"
    fi
    rm -f "$db" "$db-wal" "$db-shm"
}

log ""
log "leadctl ingest benchmark: N=$N leads, $RUNS runs of each, seed $SEED"
log "  binary:  $BIN"
log "  command: leadctl --db <new file> ingest --file <file> --quiet${INGEST_ARGS:+ $INGEST_ARGS}"
log "  sqlite3: $SQLITE3 ($("$SQLITE3" --version | cut -d' ' -f1))"
log "  data:    $NDJSON_FILE ($(du -m "$NDJSON_FILE" | cut -f1) MB), $CSV_FILE ($(du -m "$CSV_FILE" | cut -f1) MB)"
log "  machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# Runs alternate (NDJSON, CSV, baseline, NDJSON, ...) so slow phases of a noisy machine are
# spread over all three instead of hitting one.
for run in $(seq 1 "$RUNS"); do
    log "round $run/$RUNS"
    run_leadctl ndjson "$NDJSON_FILE" "$run"
    run_leadctl csv "$CSV_FILE" "$run"
    run_baseline "$run"
done

mkdir -p "$BENCH_DIR/results"
python3 - "$RESULTS" "$N" "$TARGET_S_PER_M" "$TARGET_RSS_MB" \
    "$BENCH_DIR/results/ingest-$(date -u +%Y%m%dT%H%M%SZ).json" <<'PY'
import json, statistics, sys
path, n, s_per_m, rss_mb, out = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
rows = [l.rstrip("\n").split("\t") for l in open(path) if l.strip()]
kinds = {}
for kind, run, secs, kb, leads, rc, mb in rows:
    kinds.setdefault(kind, []).append(dict(run=int(run), secs=float(secs), rss_kb=int(kb),
                                           leads=leads, rc=int(rc), db_mb=mb))
limit_s = s_per_m * n / 1e6
base = statistics.median(r["secs"] for r in kinds.get("sqlite3-import", [{"secs": 0}]))
names = {"leadctl-ndjson": "leadctl ingest NDJSON", "leadctl-csv": "leadctl ingest CSV",
         "sqlite3-import": "sqlite3 .import CSV (baseline)"}
print()
print(f"== ingest: {n:,} leads, median of {len(rows) // max(1, len(kinds))} runs; "
      f"target < {limit_s:g} s (>= {n / limit_s:,.0f} leads/s) and max RSS < {rss_mb:g} MB ==")
hdr = f"{'':31} {'median s':>9} {'leads/s':>9} {'max RSS MB':>10} {'vs sqlite3':>10} {'DB MB':>6}  {'runs (s)':<24} {'result'}"
print(hdr)
print("-" * len(hdr))
summary = {"n": n, "target_seconds": limit_s, "target_rss_mb": rss_mb, "results": {}}
failed = False
for kind in ("leadctl-ndjson", "leadctl-csv", "sqlite3-import"):
    rs = kinds.get(kind)
    if not rs:
        continue
    med = statistics.median(r["secs"] for r in rs)
    rss = max(r["rss_kb"] for r in rs) / 1024
    ok_rows = all(r["rc"] == 0 and r["leads"] == str(n) for r in rs)
    runs = " / ".join(f"{r['secs']:.2f}" for r in rs)
    if kind.startswith("leadctl"):
        checks = []
        checks.append("time ok" if med < limit_s else "TOO SLOW")
        checks.append("memory ok" if rss < rss_mb else "TOO MUCH MEMORY")
        if not ok_rows:
            checks.append("REJECTS/ERRORS")
        verdict = ("PASS" if all(c.endswith("ok") for c in checks) else "FAIL") + " (" + ", ".join(checks) + ")"
        failed |= not ok_rows
        ratio = f"{med / base:.2f}x" if base else "-"
    else:
        verdict = "baseline" if ok_rows else "baseline (ERROR)"
        ratio = "1.00x"
    print(f"{names[kind]:31} {med:9.2f} {n / med:9,.0f} {rss:10.1f} {ratio:>10} {rs[-1]['db_mb']:>6}  {runs:<24} {verdict}")
    summary["results"][kind] = {"median_s": med, "leads_per_s": n / med, "max_rss_mb": rss,
                                "runs": rs}
print("(max RSS: the largest of the runs; leads/s from the median; vs sqlite3: median / baseline median)")
json.dump(summary, open(out, "w"), indent=2)
print(f"results saved to {out}")
sys.exit(1 if failed else 0)
PY
