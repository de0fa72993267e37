#!/usr/bin/env bash
# seed-demo benchmark: `leadctl seed-demo --leads N` into an empty database, RUNS times (whole
# process: wall seconds and max RSS from GNU time), with a sqlite3 shell baseline measured in
# the same run: the same schema (every migration, same pragmas), N rows made by a recursive CTE
# inside SQLite (names, emails, phones, companies, sources, UTM, statuses and times from small
# lists by row number, plus a tag for a third of them) inserted with every index in place, and
# the FTS5 search index built by 'rebuild'. The baseline does no work in application code at
# all, so it is a floor for "writing these rows into this schema", not a competitor.
#
#   bench/seed.sh                     # N=1000000 RUNS=3
#   bench/seed.sh -n 100000 -r 1      # quick check
#
# Target: 1,000,000 leads in under 60 s. Exit status 0 when everything was measured, 1 when
# leadctl failed or wrote the wrong number of leads. Not run in CI.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"

N=${N:-1000000}
RUNS=${RUNS:-3}
SEED=${SEED:-7}
TARGET_S_PER_M=${TARGET_S_PER_M:-60}
bench_args "$@"

need_sqlite3
need_gnu_time
build_release
warn_env
bench_workdir seed

baseline_sql() {
    local m
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
    # This shell may predate FTS5's 'secure-delete' (SQLite 3.42); a load deletes nothing.
    for m in "$ROOT"/migrations/*.sql; do grep -v "'secure-delete'" "$m"; done
    cat <<SQL
COMMIT;
BEGIN;
INSERT INTO leads (id, org_id, created_at, updated_at, status, first_name, last_name, email,
                   email_norm, phone, company, service, source, utm_source, utm_medium,
                   utm_campaign, owner, request_id, haystack)
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $N - 1),
v AS (SELECT i,
    json_extract('["James","Mary","Oliver","Amelia","Lukas","Anna","Louis","Chloe","Hugo","Lucia","Sofia","Miguel","Aarav","Noah","Haruto","Yui"]', '\$[' || (i * 7 % 16) || ']') AS f,
    json_extract('["Smith","Taylor","Muller","Martin","Garcia","Rossi","Silva","Sharma","Jones","Sato","Evans","Weber","Dubois","Lopez","Russo","Lima"]', '\$[' || (i * 11 % 16) || ']') AS l,
    json_extract('["Blue","North","Silver","Bright","Cedar","Harbor","Summit","Golden"]', '\$[' || (i % 8) || ']') || ' ' ||
    json_extract('["Labs","Systems","Studio","Partners","Works","Analytics"]', '\$[' || (i * 5 % 6) || ']') AS c,
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-730 days', '+' || (i * 63072 / $N) || ' seconds' ) AS t
  FROM n)
SELECT printf('%08x-0000-7000-8000-%012x', 400000000 + i, i), 1, t, t,
    json_extract('["new","waitlist","invited","converted","lost"]', '\$[' || (i % 5) || ']'),
    f, l, lower(f || '.' || l || i || '@example.com'), lower(f || '.' || l || i || '@example.com'),
    '+1415' || printf('%07d', i), c,
    json_extract('["coaching","workshop","audit","retainer"]', '\$[' || (i % 4) || ']'),
    json_extract('["website","referral","linkedin","calendly","event","partner","import"]', '\$[' || (i % 7) || ']'),
    CASE WHEN i % 2 = 0 THEN 'google' END, CASE WHEN i % 2 = 0 THEN 'cpc' END,
    CASE WHEN i % 2 = 0 THEN 'spring-launch' END,
    CASE WHEN i % 10 < 7 THEN 'sam@example.com' END, 'synthetic:$SEED:' || i,
    lower(f || ' ' || l || ' ' || f || '.' || l || i || '@example.com +1415' || printf('%07d', i) || ' ' || c)
FROM v;
INSERT INTO tags (org_id, name) VALUES (1, 'vip');
INSERT INTO lead_tags (tag_id, lead_seq) SELECT 1, seq FROM leads WHERE seq % 3 = 0;
INSERT INTO leads_fts (leads_fts) VALUES ('rebuild');
COMMIT;
SQL
}

RESULTS="$WORK/results.tsv"
: > "$RESULTS"
for run in $(seq 1 "$RUNS"); do
    # leadctl
    db="$WORK/leadctl.db"
    rm -f "$db" "$db-wal" "$db-shm"
    rc=0
    /usr/bin/time -f '%e %M' -o "$WORK/time" "$BIN" --config "$CONFIG" --db "$db" --quiet \
        seed-demo --leads "$N" --seed "$SEED" || rc=$?
    [ "$rc" = 0 ] || die "leadctl seed-demo failed (exit $rc)"
    count=$("$SQLITE3" -readonly "$db" "SELECT count(*) FROM leads WHERE request_id LIKE 'synthetic:%'")
    [ "$count" = "$N" ] || die "leadctl wrote $count synthetic leads, not $N"
    read -r secs rss < "$WORK/time"
    log "  run $run: leadctl seed-demo --leads $N: $secs s, max RSS $((rss / 1024)) MB"
    printf 'leadctl\t%s\t%s\n' "$secs" "$rss" >> "$RESULTS"
    rm -f "$db" "$db-wal" "$db-shm"
    # sqlite3 baseline
    db="$WORK/baseline.db"
    rm -f "$db" "$db-wal" "$db-shm"
    baseline_sql > "$WORK/baseline.sql"
    /usr/bin/time -f '%e %M' -o "$WORK/time" "$SQLITE3" "$db" < "$WORK/baseline.sql" > /dev/null
    count=$("$SQLITE3" -readonly "$db" "SELECT count(*) FROM leads")
    [ "$count" = "$N" ] || die "the baseline wrote $count leads, not $N"
    read -r secs rss < "$WORK/time"
    log "  run $run: sqlite3 baseline: $secs s, max RSS $((rss / 1024)) MB"
    printf 'sqlite3\t%s\t%s\n' "$secs" "$rss" >> "$RESULTS"
    rm -f "$db" "$db-wal" "$db-shm"
done

python3 - "$RESULTS" "$N" "$RUNS" "$TARGET_S_PER_M" <<'PY'
import statistics, sys
path, n, runs, target = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
rows = {}
for line in open(path):
    who, secs, rss = line.split('\t')
    rows.setdefault(who, []).append((float(secs), int(rss) / 1024))
limit = target * n / 1_000_000
print()
print(f"{'what (' + runs + ' runs, ' + format(n, ',') + ' leads)':<44} {'median s':>9} {'leads/s':>9} {'max MB':>7}  target")
for who in ('leadctl', 'sqlite3'):
    secs = statistics.median(s for s, _ in rows[who])
    rss = max(r for _, r in rows[who])
    verdict = ''
    if who == 'leadctl':
        verdict = f"< {limit:.0f} s " + ('PASS' if secs < limit else 'FAIL')
    label = 'leadctl seed-demo --leads' if who == 'leadctl' else 'baseline: sqlite3 CTE insert + FTS rebuild'
    print(f"{label:<44} {secs:>9.1f} {n / secs:>9,.0f} {rss:>7.0f}  {verdict}")
print('runs:', ' | '.join(f"{w} " + ' '.join(f"{s:.1f}" for s, _ in rows[w]) for w in rows))
PY
