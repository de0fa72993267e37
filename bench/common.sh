# Shared by bench/ingest.sh, bench/list.sh and bench/export.sh (sourced, not run). Sets BENCH_DIR, ROOT,
# DATA_DIR, BIN and defines helpers. The caller has `set -euo pipefail` and has cd'ed to ROOT.

BENCH_DIR="$ROOT/bench"
DATA_DIR="$BENCH_DIR/data"
mkdir -p "$DATA_DIR"

log() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs a Debian package when its command is missing (apt-get needs root).
need_pkg() { # need_pkg COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    log "installing $2 (for $1) with apt-get ..."
    if [ "$(id -u)" != 0 ]; then
        die "$1 is missing; install the '$2' package (apt-get install -y $2)"
    fi
    apt-get update -qq >/dev/null || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null || return 1
}

# GNU time at /usr/bin/time (the shell keyword `time` cannot report max RSS).
need_gnu_time() {
    if ! /usr/bin/time -f '%e' true >/dev/null 2>&1; then
        log "installing GNU time with apt-get ..."
        [ "$(id -u)" = 0 ] || die "GNU time is missing; apt-get install -y time"
        apt-get update -qq >/dev/null || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
    fi
}

# Builds the release binary; sets BIN.
build_release() {
    log "building: cargo build --release ..."
    cargo build --release --quiet --bin leadctl
    BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/leadctl"
    [ -x "$BIN" ] || die "no binary at $BIN"
}

# Copies the binary into the work folder and runs the copy: a `cargo build` elsewhere during
# a long benchmark would otherwise swap the binary under test between runs.
snapshot_bin() { # snapshot_bin WORKDIR
    cp "$BIN" "$1/leadctl"
    log "  (measuring a copy of $BIN built $(date -r "$BIN" '+%Y-%m-%d %H:%M:%S'))"
    BIN="$1/leadctl"
}

# Warn about settings that would change what is measured.
warn_env() {
    local v
    for v in $(compgen -e | grep '^LEADCTL_' || true); do
        log "warning: $v=${!v} is set and applies to the measured runs"
    done
}

# Generates (once) the data files for N and SEED; sets NDJSON_FILE and CSV_FILE. The cache key
# includes a hash of gen_leads.py, so editing the generator makes new files.
gen_data() { # gen_data N SEED [FORMATS], FORMATS "ndjson csv" (default) or one of them
    local n=$1 seed=$2 formats=${3:-ndjson csv} hash base need=()
    hash=$(sha1sum "$BENCH_DIR/gen_leads.py" | cut -c1-8)
    base="$DATA_DIR/leads-n$n-s$seed-$hash"
    NDJSON_FILE="$base.ndjson"
    CSV_FILE="$base.csv"
    if [[ " $formats " == *" ndjson "* && ! -s "$NDJSON_FILE" ]]; then
        need+=(--ndjson "$NDJSON_FILE.tmp")
    fi
    if [[ " $formats " == *" csv "* && ! -s "$CSV_FILE" ]]; then
        need+=(--csv "$CSV_FILE.tmp")
    fi
    if [ ${#need[@]} -gt 0 ]; then
        log "generating $n leads (seed $seed) into $DATA_DIR ..."
        local t0=$SECONDS
        python3 "$BENCH_DIR/gen_leads.py" -n "$n" --seed "$seed" "${need[@]}"
        if [ -f "$NDJSON_FILE.tmp" ]; then mv "$NDJSON_FILE.tmp" "$NDJSON_FILE"; fi
        if [ -f "$CSV_FILE.tmp" ]; then mv "$CSV_FILE.tmp" "$CSV_FILE"; fi
        log "generated in $((SECONDS - t0)) s"
    else
        log "reusing cached data $base.* ($formats)"
    fi
}

# Builds (once) an N-lead database with `leadctl ingest` of the generated NDJSON and caches it
# in bench/data by N, seed, generator and migrations; sets DB. REBUILD=1 rebuilds it. Needs
# WORK, BIN, CONFIG and SQLITE3 set by the caller.
cached_db() { # cached_db N SEED
    local n=$1 seed=$2 gen_hash schema_hash tmpdb rc count
    gen_hash=$(sha1sum "$BENCH_DIR/gen_leads.py" | cut -c1-8)
    schema_hash=$(cat "$ROOT"/migrations/*.sql | sha1sum | cut -c1-8)
    DB="$DATA_DIR/list-n$n-s$seed-$gen_hash-$schema_hash.db"
    if [ "${REBUILD:-0}" = 1 ]; then
        rm -f "$DB" "$DB-wal" "$DB-shm"
    fi
    if [ -s "$DB" ]; then
        log "reusing the cached database $DB ($(du -m "$DB" | cut -f1) MB)"
        return 0
    fi
    gen_data "$n" "$seed" ndjson
    log "building the $n-lead database with leadctl ingest (cached as $DB) ..."
    tmpdb="$WORK/build.db"
    rc=0
    /usr/bin/time -f '%e %M' -o "$WORK/time" "$BIN" --config "$CONFIG" --db "$tmpdb" \
        ingest --file "$NDJSON_FILE" --quiet 2> "$WORK/ingest.err" || rc=$?
    count=$("$SQLITE3" -readonly "$tmpdb" 'SELECT count(*) FROM leads' 2>/dev/null || echo '?')
    log "  ingest: $(tail -1 "$WORK/time" | awk '{printf "%s s, max RSS %.1f MB", $1, $2 / 1024}'), exit $rc, $count leads"
    if [ "$rc" != 0 ] || [ "$count" != "$n" ]; then
        head -20 "$WORK/ingest.err" >&2
        die "ingest failed or lost leads (exit $rc, $count of $n); see bench/ingest.sh for details"
    fi
    # Fold the WAL back so the cached file stands alone (leadctl normally does this on close).
    "$SQLITE3" "$tmpdb" 'PRAGMA wal_checkpoint(TRUNCATE);' > /dev/null 2>&1 || true
    rm -f "$DB-wal" "$DB-shm" "$DB.terms.json"
    mv "$tmpdb" "$DB"
    for ext in wal shm; do if [ -f "$tmpdb-$ext" ]; then mv "$tmpdb-$ext" "$DB-$ext"; fi; done
}

# Parses the flags every benchmark shares (-n, -r, --seed, --rebuild, -h) into
# N, RUNS, SEED and REBUILD, and checks them.
bench_args() {
    while [ $# -gt 0 ]; do
        case "$1" in
            -n|--n) N=$2; shift 2 ;;
            -r|--runs) RUNS=$2; shift 2 ;;
            --seed) SEED=$2; shift 2 ;;
            --rebuild) REBUILD=1; shift ;;
            -h|--help) awk 'NR > 1 && !/^#/ {exit} NR > 1 {sub(/^# ?/, ""); print}' "$0"; exit 0 ;;
            *) die "unknown argument '$1' (try --help)" ;;
        esac
    done
    [[ "$N" =~ ^[0-9]+$ && "$N" -gt 0 ]] || die "N must be a positive number, got '$N'"
    [[ "$RUNS" =~ ^[0-9]+$ && "$RUNS" -gt 0 ]] || die "RUNS must be a positive number, got '$RUNS'"
}

# Sets SQLITE3 to the sqlite3 shell (installing it when missing and run as root).
need_sqlite3() {
    SQLITE3=${SQLITE3:-/usr/bin/sqlite3}
    [ -x "$SQLITE3" ] || need_pkg sqlite3 sqlite3 || die "no sqlite3 shell at $SQLITE3"
    SQLITE3=$(command -v "$SQLITE3")
}

# Makes the work folder WORK under bench/data (removed on exit), snapshots the binary into
# it and writes an empty config file CONFIG.
bench_workdir() { # bench_workdir NAME
    WORK=$(mktemp -d "$DATA_DIR/tmp.$1.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
    trap 'exit 130' INT TERM
    snapshot_bin "$WORK"
    CONFIG="$WORK/config.toml"
    : > "$CONFIG"
}

# The listener under test (serve.sh, schemathesis.sh): `start_listener DB [VAR=VALUE ...]`
# starts `leadctl serve-webhooks` on 127.0.0.1:0 over a fresh database DB with those variables,
# its stderr in $WORK/server.err, and sets SERVER_PID and PORT; `stop_listener` sends SIGTERM
# and waits. Call stop_listener from the script's EXIT trap.
SERVER_PID=
start_listener() { # start_listener DB [VAR=VALUE ...]
    local db=$1
    shift
    rm -f "$db" "$db-wal" "$db-shm" "$WORK/server.err"
    env "$@" "$BIN" --config "$CONFIG" --db "$db" serve-webhooks --listen 127.0.0.1:0 \
        2> "$WORK/server.err" &
    SERVER_PID=$!
    for _ in $(seq 200); do grep -q "Listening on" "$WORK/server.err" 2>/dev/null && break; sleep 0.05; done
    PORT=$(grep -o '127.0.0.1:[0-9]*' "$WORK/server.err" | head -1 | cut -d: -f2)
    [ -n "$PORT" ] || { cat "$WORK/server.err" >&2; die "the server did not start"; }
}
stop_listener() {
    if [ -n "$SERVER_PID" ]; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=
    fi
}
