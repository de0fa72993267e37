//! The SQLite store: opening a database file (owner-only permissions, pragmas on every
//! connection, migrations), transactions, and the error mapping from SQLite to leadctl.
//!
//! All SQL of leadctl lives under `store/`, one file per table or concern. Reads are methods of
//! [`Reader`] (available from both [`Store`] and a [`Tx`]); writes are methods of [`Tx`], so bulk
//! work shares one transaction. Commands never see SQL.
//!
//! Pragmas, set on every connection: WAL (readers never block the writer), `foreign_keys=ON`,
//! `busy_timeout` (default 5 s), and `synchronous=FULL` by default: a committed lead survives an
//! application crash under any setting, and with FULL also a power loss or OS crash. `normal`
//! may be configured where that trade is wanted. Write transactions start with
//! `BEGIN IMMEDIATE`, so two writers queue on the busy timeout instead of failing on upgrade.

pub mod audit;
pub mod bulk;
pub mod changes;
pub mod consents;
pub mod counts;
pub mod demo;
pub mod events;
pub mod export;
pub mod forget;
pub mod leads;
pub mod maint;
pub mod migrations;
pub mod notes;
pub mod orgs;
pub mod outbox;
pub mod search;
pub mod stats;
pub mod tags;
pub mod tasks;
pub mod timeline;
pub mod tokens;
pub mod webhooks;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, ErrorKind, Result};

/// Page cache per connection, in KiB.
pub(crate) const CACHE_KIB: u32 = 16 * 1024;

/// How to open the store.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// How long to wait for another writer.
    pub busy_timeout: Duration,
    /// `FULL` or `NORMAL`.
    pub synchronous: Synchronous,
    /// Memory-map the file for reading (for read-mostly commands such as `list`): random reads
    /// of a database larger than the page cache become memory accesses instead of syscalls.
    pub mmap: bool,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            busy_timeout: Duration::from_secs(5),
            synchronous: Synchronous::Full,
            mmap: false,
        }
    }
}

/// SQLite's `synchronous` setting, as leadctl offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Synchronous {
    /// fsync at every commit: survives power loss.
    Full,
    /// fsync at checkpoints: survives application crashes.
    Normal,
}

impl std::str::FromStr for Synchronous {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "full" => Ok(Synchronous::Full),
            "normal" => Ok(Synchronous::Normal),
            _ => Err(Error::usage(format!("synchronous must be full or normal, got '{s}'"))),
        }
    }
}

/// An open leadctl database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

/// Read access, from a [`Store`] or inside a [`Tx`].
#[derive(Clone, Copy)]
pub struct Reader<'a> {
    conn: &'a Connection,
}

/// Who makes a change, in which organisation, and when: every audited write takes one, so
/// the change and its audit entry agree.
#[derive(Debug, Clone, Copy)]
pub struct Act<'a> {
    /// Organisation.
    pub org_id: i64,
    /// Who, for the audit log.
    pub actor: &'a str,
    /// When (RFC 3339 UTC, leadctl's format).
    pub now: &'a str,
}

/// A write transaction (`BEGIN IMMEDIATE`); dropped without [`Tx::commit`] it rolls back.
pub struct Tx<'a> {
    tx: Transaction<'a>,
    /// Tag ids looked up or created in this transaction, by (org, name).
    tag_ids: std::cell::RefCell<std::collections::HashMap<(i64, String), i64>>,
    /// Changes to `lead_counts` and `tags.lead_count`, written at commit (see counts.rs).
    counts: std::cell::RefCell<counts::Deltas>,
    /// Search-index rows of leads inserted in this transaction, written at commit (or before
    /// the index is next changed): FTS5 flushes its pending rows at every statement savepoint,
    /// so indexing each lead as it is inserted would flush once per lead (see search.rs).
    pending_index: std::cell::RefCell<Vec<(i64, String)>>,
}

impl Store {
    /// Opens (creating if needed, with 0700 folder and 0600 file) and migrates the database.
    pub fn open(path: &Path, opts: &StoreOptions) -> Result<Store> {
        create_private(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| map_open_error(e, path))?;
        let mut store = Store { conn, path: Some(path.to_path_buf()) };
        // Switching a new file to WAL and migrating it need locks that SQLite's busy handler
        // does not always wait for (it returns BUSY at once to avoid deadlocks), so the whole
        // sequence is retried until the busy timeout is spent.
        let started = std::time::Instant::now();
        let mut pause = Duration::from_millis(5);
        loop {
            let attempt = store.configure(opts).and_then(|()| store.migrate());
            match attempt {
                Err(e) if e.is_busy() && started.elapsed() < opts.busy_timeout => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(100));
                }
                other => {
                    return other
                        .map(|()| store)
                        .map_err(|e| e.context(format!("cannot open {}", path.display())));
                }
            }
        }
    }

    /// An in-memory database with the full schema (used by `--dry-run` without a database).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().map_err(sql)?;
        let mut store = Store { conn, path: None };
        store.configure(&StoreOptions::default())?;
        store.migrate()?;
        Ok(store)
    }

    /// The file this store lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn configure(&mut self, opts: &StoreOptions) -> Result<()> {
        self.conn.busy_timeout(opts.busy_timeout).map_err(sql)?;
        // A lead's write runs a few dozen distinct statements; the default cache of 16 would
        // evict and re-prepare (parse and plan) them for every lead.
        self.conn.set_prepared_statement_cache_capacity(256);
        let sync = match opts.synchronous {
            Synchronous::Full => "FULL",
            Synchronous::Normal => "NORMAL",
        };
        // Page size only takes effect on a new, empty file (before WAL and the first table):
        // 8 KiB pages make shallower B-trees, which bulk ingest and list scans both like.
        self.conn.execute_batch("PRAGMA page_size = 8192;").map_err(sql)?;
        // journal_mode answers with a row; a file that is not SQLite fails here first.
        let _mode: String =
            self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).map_err(|e| {
                map_open_error(e, self.path.as_deref().unwrap_or(Path::new(":memory:")))
            })?;
        // recursive_triggers: the delete of an INSERT OR REPLACE fires DELETE triggers, so the
        // audit log's append-only trigger refuses it too (migration 0005).
        self.conn
            .execute_batch(&format!(
                "PRAGMA synchronous = {sync}; PRAGMA foreign_keys = ON; \
                 PRAGMA recursive_triggers = ON; \
                 PRAGMA cache_size = -{CACHE_KIB}; PRAGMA threads = 2;"
            ))
            .map_err(sql)?;
        if opts.mmap {
            self.conn.execute_batch("PRAGMA mmap_size = 4294967296;").map_err(sql)?;
        }
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        migrations::migrate(&mut self.conn)
    }

    /// Read access outside a transaction.
    pub fn reader(&self) -> Reader<'_> {
        Reader { conn: &self.conn }
    }

    /// Tunes a connection that writes many small transactions of single-row statements (the
    /// listener's writer); measured with `bench/serve.sh`:
    /// - query plans independent of bound values (SQLite's query planner stability
    ///   guarantee): a cached statement whose plan looked at a bound value is otherwise
    ///   re-prepared (parsed and planned again) on every use, because its bindings are cleared
    ///   when it goes back to the cache; that was a quarter of the writer's time. Not for read
    ///   commands: a `LIKE ?` prefix search needs the bound value to use an index.
    /// - statement journals in memory (`temp_store = MEMORY`): a single-row insert into a
    ///   table with foreign keys and several indexes journals the pages it touches, and in a
    ///   file that is a write system call per page. Not for bulk commands, whose one statement
    ///   may touch the whole database.
    pub fn tune_for_small_writes(&self) -> Result<()> {
        self.conn
            .set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
            .map_err(sql)?;
        self.conn.execute_batch("PRAGMA temp_store = MEMORY;").map_err(sql)
    }

    /// Moves this connection's commit-time flush to the caller: with `synchronous=FULL`, the
    /// connection switches to `NORMAL` (a commit writes the log but does not flush it) and the
    /// returned [`LogSync`] flushes it, from any thread. The listener's writer commits the
    /// next group while the last one is flushed, and answers a group only after the flush, so
    /// an acknowledged write is as durable as with `FULL`. `None` when there is nothing to
    /// flush: `synchronous=NORMAL` was chosen, or the store is in memory.
    ///
    /// Sound because SQLite in WAL mode with `NORMAL` still flushes the log before every
    /// checkpoint and the database file after it, and deletes the log only after a complete
    /// checkpoint: frames a commit wrote are either in the log file (flushed by
    /// [`LogSync::flush`]) or already flushed into the database file.
    pub fn defer_commit_flush(&self) -> Result<Option<LogSync>> {
        let level: i64 =
            self.conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).map_err(sql)?;
        let Some(path) = self.path.clone() else { return Ok(None) };
        // 2 = FULL (3 = EXTRA is never set by leadctl); NORMAL has nothing to add.
        if level < 2 {
            return Ok(None);
        }
        self.conn.execute_batch("PRAGMA synchronous = NORMAL").map_err(sql)?;
        let wal = sidecar(&path, "-wal");
        Ok(Some(LogSync { db: path, wal }))
    }

    /// Starts a write transaction (`BEGIN IMMEDIATE`, waiting up to the busy timeout).
    pub fn begin_write(&mut self) -> Result<Tx<'_>> {
        let tx =
            self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sql)?;
        Ok(Tx {
            tx,
            tag_ids: Default::default(),
            counts: Default::default(),
            pending_index: Default::default(),
        })
    }
}

impl Tx<'_> {
    /// Read access inside this transaction (sees its own writes).
    pub fn reader(&self) -> Reader<'_> {
        Reader { conn: &self.tx }
    }
    /// Commits (after writing the accumulated counters); durable once this returns, unless
    /// the connection's flush was deferred ([`Store::defer_commit_flush`]).
    pub fn commit(self) -> Result<()> {
        self.flush_index()?;
        self.flush_counts()?;
        self.tx.commit().map_err(sql)
    }
    /// Rolls back explicitly (dropping does the same).
    pub fn rollback(self) -> Result<()> {
        self.tx.rollback().map_err(sql)
    }
    fn conn(&self) -> &Connection {
        &self.tx
    }
}

/// The file SQLite keeps beside the database `db` with `suffix` (`-wal`, `-shm`, `-journal`).
pub fn sidecar(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Whether `other` names the database `db` or one of the files SQLite keeps beside it:
/// writing over any of them would lose or damage data. Folders are resolved (the files need
/// not exist); unresolvable paths are compared as given.
pub fn is_database_file(db: &Path, other: &Path) -> bool {
    let resolve = |p: &Path| -> Option<PathBuf> {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Some(std::fs::canonicalize(dir).ok()?.join(p.file_name()?))
    };
    let (Some(db), Some(other)) = (resolve(db), resolve(other)) else { return db == other };
    other == db || ["-wal", "-shm", "-journal"].iter().any(|s| sidecar(&db, s) == other)
}

/// Creates the parent folder (0700) and the file (0600) when missing.
fn create_private(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !parent.exists() {
            let mut b = std::fs::DirBuilder::new();
            b.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
            b.create(parent).map_err(|e| {
                Error::failure(format!("cannot create folder {}: {e}", parent.display()))
                    .with_hint("pass --db PATH to a writable place")
            })?;
        }
    }
    if !path.exists() {
        let mut o = std::fs::OpenOptions::new();
        o.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
        match o.open(path) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Err(Error::failure(format!(
                    "cannot create database {}: {e}",
                    path.display()
                ))
                .with_hint("check the folder's permissions, or pass --db PATH"));
            }
        }
    }
    Ok(())
}

fn map_open_error(e: rusqlite::Error, path: &Path) -> Error {
    use rusqlite::ffi::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => {
            Error::database(format!("{} is not a SQLite database", path.display()))
                .with_hint("point --db at a leadctl database, or at a new file name")
        }
        Some(ErrorCode::DatabaseCorrupt) => {
            Error::database(format!("{} is corrupt", path.display()))
                .with_hint("restore it from a backup")
        }
        Some(ErrorCode::CannotOpen)
        | Some(ErrorCode::ReadOnly)
        | Some(ErrorCode::PermissionDenied) => {
            Error::failure(format!("cannot open {}: {e}", path.display()))
                .with_hint("check the file's and its folder's permissions")
        }
        _ => sql(e),
    }
}

/// Maps a SQLite error to a leadctl error without leaking SQL text.
pub(crate) fn sql(e: rusqlite::Error) -> Error {
    use rusqlite::ffi::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            Error::new(ErrorKind::Busy, "the database stayed busy: another leadctl is writing")
                .with_hint("try again, or raise busy_timeout_ms")
        }
        Some(ErrorCode::OperationInterrupted) => Error::new(ErrorKind::Interrupted, "interrupted"),
        Some(ErrorCode::DiskFull) => Error::failure("the disk is full; nothing was written")
            .with_hint("free some space and run the command again"),
        Some(ErrorCode::ReadOnly) => Error::failure("the database is read-only")
            .with_hint("check the file's and its folder's permissions"),
        Some(ErrorCode::NotADatabase) => Error::database("the file is not a SQLite database"),
        Some(ErrorCode::DatabaseCorrupt) => {
            Error::database("the database is corrupt").with_hint("restore it from a backup")
        }
        // A write refused by the system (no space, a file size limit, a failing disk): the
        // transaction is rolled back, so what was committed before is intact.
        Some(ErrorCode::SystemIoFailure) => {
            Error::failure("the database file could not be written or read (disk I/O error)")
                .with_hint(
                    "check free space, file size limits and the disk; what this command did not \
                     commit was rolled back (`leadctl db check` verifies the file)",
                )
        }
        _ => Error::new(ErrorKind::Failure, format!("database error: {}", short(&e))),
    }
}

fn short(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(f, Some(msg)) => format!("{msg} ({:?})", f.code),
        other => other.to_string(),
    }
}

/// Maintenance and reading helpers beyond opening and transactions.
impl Store {
    /// The installation-wide value `key` (table `meta`), made with `init` and stored the first
    /// time it is asked for.
    pub fn meta_value_or_init(
        &mut self,
        key: &str,
        init: impl FnOnce() -> String,
    ) -> Result<String> {
        use rusqlite::OptionalExtension;
        let tx = self.begin_write()?;
        let found: Option<String> = tx
            .conn()
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(sql)?;
        if let Some(v) = found {
            tx.rollback()?;
            return Ok(v);
        }
        let value = init();
        tx.conn()
            .execute("INSERT INTO meta (key, value) VALUES (?1, ?2)", [key, &value])
            .map_err(sql)?;
        tx.commit()?;
        Ok(value)
    }

    /// Checkpoints the write-ahead log into the database file and truncates it. Fails with
    /// busy when another connection still reads an older snapshot.
    pub fn checkpoint_truncate(&self) -> Result<()> {
        let (busy, _, _): (i64, i64, i64) = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(sql)?;
        if busy != 0 {
            return Err(Error::new(ErrorKind::Busy, "another process is reading the database"));
        }
        Ok(())
    }

    /// Sets this connection's page cache (KiB), e.g. smaller for a one-pass scan.
    pub fn set_cache_kib(&self, kib: u32) -> Result<()> {
        self.conn.execute_batch(&format!("PRAGMA cache_size = -{kib}")).map_err(sql)
    }

    /// A handle that stops this connection's running query from another thread (the query
    /// then fails as interrupted).
    pub fn interrupt_handle(&self) -> rusqlite::InterruptHandle {
        self.conn.get_interrupt_handle()
    }

    /// Starts a read transaction (see [`Snapshot`]).
    pub fn read_snapshot(&self) -> Result<Snapshot<'_>> {
        self.conn.execute_batch("BEGIN DEFERRED").map_err(sql)?;
        Ok(Snapshot { conn: &self.conn })
    }
}

/// Flushes a database's write-ahead log to disk (see [`Store::defer_commit_flush`]).
#[derive(Debug, Clone)]
pub struct LogSync {
    db: PathBuf,
    wal: PathBuf,
}

impl LogSync {
    /// Flushes every commit written to the log so far (`fdatasync`, which on Linux covers
    /// writes made through any descriptor of the file). The log is opened each time: SQLite
    /// may have checkpointed and deleted it since; then the database file is flushed instead.
    pub fn flush(&self) -> std::io::Result<()> {
        match std::fs::File::open(&self.wal) {
            Ok(f) => f.sync_data(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::File::open(&self.db)?.sync_data()
            }
            Err(e) => Err(e),
        }
    }
}

/// A read transaction: every read through the store until it is dropped sees one snapshot of
/// the database (WAL), whatever commits meanwhile.
pub struct Snapshot<'a> {
    conn: &'a Connection,
}

impl Drop for Snapshot<'_> {
    fn drop(&mut self) {
        let _ = self.conn.execute_batch("COMMIT");
    }
}

#[cfg(test)]
mod tests {
    use super::{Store, StoreOptions, Synchronous};

    /// The deferred flush is offered only where it adds something (FULL, on a file), turns the
    /// connection's own flush off, and flushes both before the log exists and after commits.
    #[test]
    fn commit_flush_can_be_deferred() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let normal = StoreOptions { synchronous: Synchronous::Normal, ..Default::default() };
        assert!(Store::open(&path, &normal).unwrap().defer_commit_flush().unwrap().is_none());
        assert!(Store::open_in_memory().unwrap().defer_commit_flush().unwrap().is_none());

        let mut store = Store::open(&path, &StoreOptions::default()).unwrap();
        let sync = store.defer_commit_flush().unwrap().expect("FULL on a file defers");
        let level: i64 = store.conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
        assert_eq!(level, 1, "the connection itself now commits with NORMAL");

        // A checkpoint that truncates the log leaves it empty; with no log file at all the
        // database file is flushed instead.
        store.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
        sync.flush().unwrap();
        let tx = store.begin_write().unwrap();
        tx.reader();
        tx.commit().unwrap();
        sync.flush().unwrap();
        assert!(dir.path().join("t.db-wal").exists());
        let missing =
            super::LogSync { db: dir.path().join("none.db"), wal: dir.path().join("none") };
        assert!(missing.flush().is_err(), "a missing database is reported, not ignored");
    }
}
