//! Operator maintenance of the database file (`leadctl db`): checks of SQLite's structure and
//! of leadctl's own invariants, online backups and restores through SQLite's backup API,
//! vacuum, and sizes and row counts.
//!
//! Checks open the file read-only and do not migrate it, so a check never changes what it
//! inspects. Backups and restores copy pages through `sqlite3_backup_step(-1)`: one step under
//! one read transaction of the source, so the copy is one consistent snapshot even while other
//! processes keep writing (WAL lets them), and a restore takes the live database's write lock
//! for the copy, so other processes see the old database or the new one, never a mixture.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::migrations;
use super::{map_open_error, sql};
use crate::error::{Error, Result};

/// What `db check` found. Empty lists mean healthy.
#[derive(Debug, Default, Serialize)]
pub struct CheckReport {
    /// The schema version of the file.
    pub schema_version: i64,
    /// `PRAGMA integrity_check` messages other than "ok".
    pub integrity: Vec<String>,
    /// `PRAGMA foreign_key_check` rows: "table row N: no parent in PARENT".
    pub foreign_keys: Vec<String>,
    /// leadctl's own invariants that do not hold, one line each.
    pub invariants: Vec<String>,
}

impl CheckReport {
    /// Nothing wrong was found.
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty() && self.foreign_keys.is_empty() && self.invariants.is_empty()
    }
}

/// Opens `path` for reading only, without creating or migrating it (SQLite still reads the
/// write-ahead log, so committed work of other processes is seen).
pub fn open_read_only(path: &Path) -> Result<Connection> {
    if !path.exists() {
        return Err(Error::not_found(format!("no database at {}", path.display()))
            .with_hint("check --db (or LEADCTL_DB)"));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| map_open_error(e, path))?;
    conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(sql)?;
    // Reading the header here turns "not a database" into its own clear error.
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0))
        .map_err(|e| map_open_error(e, path))?;
    Ok(conn)
}

/// Runs every check on `conn` (one read transaction: one snapshot).
pub fn check(conn: &Connection) -> Result<CheckReport> {
    let mut report =
        CheckReport { schema_version: migrations::version(conn)?, ..Default::default() };
    conn.execute_batch("BEGIN").map_err(sql)?;
    let result = check_in_snapshot(conn, &mut report);
    let _ = conn.execute_batch("COMMIT");
    result.map(|()| report)
}

fn check_in_snapshot(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let mut st = conn.prepare("PRAGMA integrity_check").map_err(sql)?;
    let messages = st.query_map([], |r| r.get::<_, String>(0)).map_err(sql)?;
    for m in messages {
        let m = m.map_err(sql)?;
        if m != "ok" {
            report.integrity.push(m);
        }
    }
    let mut st = conn.prepare("PRAGMA foreign_key_check").map_err(sql)?;
    let rows = st
        .query_map([], |r| {
            Ok(format!(
                "{} row {}: no {} row it refers to",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.map_or("?".to_string(), |n| n.to_string()),
                r.get::<_, String>(2)?
            ))
        })
        .map_err(sql)?;
    for row in rows {
        report.foreign_keys.push(row.map_err(sql)?);
    }
    if report.schema_version == 0 {
        // Not (yet) a leadctl database: its invariants do not apply.
        return Ok(());
    }
    for (what, query) in INVARIANTS {
        let broken: i64 = conn.query_row(query, [], |r| r.get(0)).map_err(sql)?;
        if broken > 0 {
            report.invariants.push(format!("{broken} {what}"));
        }
    }
    Ok(())
}

/// leadctl's own invariants: each query counts the rows that break one.
const INVARIANTS: &[(&str, &str)] = &[
    (
        "lead(s) in no organisation",
        "SELECT count(*) FROM leads WHERE org_id NOT IN (SELECT id FROM organisations)",
    ),
    (
        "tag link(s) to a missing tag or lead",
        "SELECT count(*) FROM lead_tags WHERE tag_id NOT IN (SELECT id FROM tags) \
         OR lead_seq NOT IN (SELECT seq FROM leads)",
    ),
    (
        "tag(s) in no organisation",
        "SELECT count(*) FROM tags WHERE org_id NOT IN (SELECT id FROM organisations)",
    ),
    (
        "tag(s) whose lead count is wrong",
        "SELECT count(*) FROM tags t WHERE t.lead_count != \
         (SELECT count(*) FROM lead_tags lt WHERE lt.tag_id = t.id)",
    ),
    (
        "outbox item(s) for a missing lead",
        "SELECT count(*) FROM outbox WHERE lead_seq IS NOT NULL \
         AND lead_seq NOT IN (SELECT seq FROM leads)",
    ),
    (
        "outbox item(s) in no organisation",
        "SELECT count(*) FROM outbox WHERE org_id NOT IN (SELECT id FROM organisations)",
    ),
    (
        "lead count(s) per status that differ from the leads",
        // Both ways (compound SELECTs group left to right, so each EXCEPT has its own).
        "SELECT (SELECT count(*) FROM ( \
           SELECT org_id, status, count(*) FROM leads GROUP BY org_id, status \
           EXCEPT SELECT org_id, status, n FROM lead_counts WHERE n != 0)) \
         + (SELECT count(*) FROM ( \
           SELECT org_id, status, n FROM lead_counts WHERE n != 0 \
           EXCEPT SELECT org_id, status, count(*) FROM leads GROUP BY org_id, status))",
    ),
    (
        "statistics cell(s) that differ from the leads",
        "SELECT (SELECT count(*) FROM ( \
           SELECT org_id, day, status, source, owner, n FROM lead_facets WHERE n != 0 \
           EXCEPT SELECT org_id, substr(created_at, 1, 10), status, coalesce(source, ''), \
                  coalesce(owner, ''), count(*) FROM leads GROUP BY 1, 2, 3, 4, 5)) \
         + (SELECT count(*) FROM ( \
           SELECT org_id, substr(created_at, 1, 10), status, coalesce(source, ''), \
                  coalesce(owner, ''), count(*) FROM leads GROUP BY 1, 2, 3, 4, 5 \
           EXCEPT SELECT org_id, day, status, source, owner, n FROM lead_facets WHERE n != 0))",
    ),
    (
        "note(s), event(s) or task(s) of a missing lead",
        "SELECT (SELECT count(*) FROM notes WHERE lead_seq NOT IN (SELECT seq FROM leads)) \
         + (SELECT count(*) FROM message_events WHERE lead_seq IS NOT NULL \
            AND lead_seq NOT IN (SELECT seq FROM leads)) \
         + (SELECT count(*) FROM tasks WHERE lead_seq IS NOT NULL \
            AND lead_seq NOT IN (SELECT seq FROM leads))",
    ),
];

/// Checks the search index against the leads (FTS5's `integrity-check` with the content
/// table compared too). It is an INSERT to SQLite, so it runs on a writable connection in a
/// transaction that is rolled back, and holds the write lock while it runs; None when it
/// passes, else the problem.
pub fn check_search_index(path: &Path) -> Result<Option<String>> {
    let mut conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(|e| map_open_error(e, path))?;
    conn.busy_timeout(std::time::Duration::from_secs(30)).map_err(sql)?;
    let tx = conn.transaction().map_err(sql)?;
    let result =
        tx.execute("INSERT INTO leads_fts (leads_fts, rank) VALUES ('integrity-check', 1)", []);
    drop(tx);
    match result {
        Ok(_) => Ok(None),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ffi::ErrorCode::DatabaseCorrupt) => {
            Ok(Some(format!("the search index does not match the leads ({e})")))
        }
        Err(e) => Err(sql(e)),
    }
}

/// Copies the database at `from` into a new file `to`, atomically (a temporary file in the
/// same folder, flushed, then renamed over `to`). Returns the bytes written.
pub fn backup(from: &Path, to: &Path) -> Result<u64> {
    let src = open_read_only(from)?;
    let dir = match to.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Error::not_found(format!("no folder {}", dir.display()))
            .with_hint("create it first, or choose another --output"));
    }
    // A private temporary file beside `to`, renamed over it once complete (removed if not).
    let file = crate::output::AtomicFile::create(to)?;
    let tmp = file.temp_path().to_path_buf();
    let result = (|| -> Result<()> {
        let mut dst = Connection::open(&tmp).map_err(|e| map_open_error(e, &tmp))?;
        copy_pages(&src, &mut dst)?;
        // A single file: the copy keeps no log beside it.
        let _mode: String =
            dst.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0)).map_err(sql)?;
        Ok(())
    })();
    if let Err(e) = result {
        remove_sidecars(&tmp);
        return Err(e);
    }
    file.finish()?;
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(std::fs::metadata(to)?.len())
}

/// A new, empty database file only its owner can read (it will hold personal data; SQLite
/// would create it with the umask's mode), opened for a copy.
fn open_private_copy(path: &Path) -> Result<Connection> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    o.open(path)
        .map_err(|e| Error::failure(format!("cannot create {}", path.display())).with_cause(e))?;
    Connection::open(path).map_err(|e| map_open_error(e, path))
}

/// Removes what SQLite kept beside a database file.
fn remove_sidecars(path: &Path) {
    for suffix in ["-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(super::sidecar(path, suffix));
    }
}

/// Removes a database file and whatever SQLite kept beside it.
fn remove_with_sidecars(path: &Path) {
    let _ = std::fs::remove_file(path);
    remove_sidecars(path);
}

/// Copies every page of `src` into `dst` in one step (one consistent snapshot of `src`).
fn copy_pages(src: &Connection, dst: &mut Connection) -> Result<()> {
    use rusqlite::backup::{Backup, StepResult};
    let b = Backup::new(src, dst).map_err(sql)?;
    let started = std::time::Instant::now();
    loop {
        match b.step(-1).map_err(sql)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            // Another connection holds a lock the copy needs: wait a moment, up to a minute.
            StepResult::Busy | StepResult::Locked => {
                if started.elapsed() > std::time::Duration::from_secs(60) {
                    return Err(Error::new(
                        crate::error::ErrorKind::Busy,
                        "the database stayed busy for a minute",
                    )
                    .with_hint("try again when fewer writers are running"));
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            _ => {}
        }
    }
}

/// Replaces the content of the live database at `live` with the database in `from`, through
/// the backup API under the live database's write lock. `from` must be a healthy leadctl
/// database this binary knows; it is checked first and the live one is left untouched if not.
pub fn restore(from: &Path, live: &Path) -> Result<CheckReport> {
    let src = open_read_only(from)?;
    let report = check(&src)?;
    let version = report.schema_version;
    if version == 0 {
        return Err(Error::rejected(format!("{} is not a leadctl database", from.display())));
    }
    if version > migrations::latest_version() {
        return Err(Error::rejected(format!(
            "{} has schema version {version}, newer than this leadctl knows ({})",
            from.display(),
            migrations::latest_version()
        ))
        .with_hint("restore it with the leadctl that wrote it"));
    }
    if !report.is_ok() {
        return Err(Error::rejected(format!(
            "{} fails its check; the database was left untouched",
            from.display()
        ))
        .with_hint(format!("see `leadctl --db {} db check`", from.display())));
    }
    let mut dst = Connection::open(live).map_err(|e| map_open_error(e, live))?;
    dst.busy_timeout(std::time::Duration::from_secs(30)).map_err(sql)?;
    let page_size: i64 = dst.query_row("PRAGMA page_size", [], |r| r.get(0)).map_err(sql)?;
    // The backup is prepared in a private copy beside the live file: given the live page size
    // (a database in WAL mode cannot change its own) and migrated to this binary's schema.
    // Only then is it copied in, in one step under the write lock, so a failure on the way
    // leaves the live database as it was.
    let dir = live.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".restore.{}.tmp", uuid::Uuid::new_v4().simple()));
    let result = (|| -> Result<()> {
        let mut copy = open_private_copy(&tmp)?;
        copy_pages(&src, &mut copy)?;
        let _mode: String =
            copy.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0)).map_err(sql)?;
        let theirs: i64 = copy.query_row("PRAGMA page_size", [], |r| r.get(0)).map_err(sql)?;
        if theirs != page_size {
            copy.execute_batch(&format!("PRAGMA page_size = {page_size}; VACUUM;")).map_err(sql)?;
        }
        migrations::migrate(&mut copy)?;
        copy_pages(&copy, &mut dst)
    })();
    remove_with_sidecars(&tmp);
    result.map(|()| report)
}

/// File sizes, schema version and row counts (`db stats`).
#[derive(Debug, Serialize)]
pub struct DbStats {
    pub path: String,
    pub schema_version: i64,
    pub latest_schema_version: i64,
    pub file_bytes: u64,
    pub wal_bytes: u64,
    pub page_size: i64,
    pub pages: i64,
    pub free_pages: i64,
    pub sqlite_version: String,
    /// Rows per table (leadctl's tables, not SQLite's or the search index's internals).
    pub tables: Vec<(String, i64)>,
}

/// Reads [`DbStats`] of the database at `path`.
pub fn stats(path: &Path) -> Result<DbStats> {
    let conn = open_read_only(path)?;
    let pragma = |name: &str| -> Result<i64> {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0)).map_err(sql)
    };
    let mut names: Vec<String> = {
        let mut st = conn
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'leads_fts_%' ORDER BY name",
            )
            .map_err(sql)?;
        st.query_map([], |r| r.get(0))
            .map_err(sql)?
            .collect::<rusqlite::Result<_>>()
            .map_err(sql)?
    };
    names.retain(|n| n != "leads_fts");
    let mut tables = Vec::with_capacity(names.len());
    conn.execute_batch("BEGIN").map_err(sql)?;
    for name in names {
        let q = format!("SELECT count(*) FROM \"{}\"", name.replace('"', "\"\""));
        let n: i64 = conn.query_row(&q, [], |r| r.get(0)).map_err(sql)?;
        tables.push((name, n));
    }
    let _ = conn.execute_batch("COMMIT");
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let wal = super::sidecar(path, "-wal");
    Ok(DbStats {
        path: path.display().to_string(),
        schema_version: migrations::version(&conn)?,
        latest_schema_version: migrations::latest_version(),
        file_bytes: size(path),
        wal_bytes: size(&wal),
        page_size: pragma("page_size")?,
        pages: pragma("page_count")?,
        free_pages: pragma("freelist_count")?,
        sqlite_version: rusqlite::version().to_string(),
        tables,
    })
}

impl super::Store {
    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        migrations::version(&self.conn)
    }

    /// Rebuilds the file without free pages (`VACUUM`), then empties the write-ahead log.
    pub fn vacuum(&self) -> Result<()> {
        self.conn.execute_batch("VACUUM").map_err(sql)?;
        self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").map_err(sql)
    }
}
