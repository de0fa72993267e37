//! Schema migrations: plain SQL files in `migrations/`, registered here in order and applied on
//! every open. The schema version lives in `PRAGMA user_version`. A database whose version is
//! newer than this binary knows is refused untouched. Landed files are never edited.

use rusqlite::{Connection, TransactionBehavior};

use super::sql;
use crate::error::{Error, Result};

/// One migration file.
#[derive(Debug)]
pub struct Migration {
    /// File name without `.sql`, e.g. `0001_initial`.
    pub name: &'static str,
    /// The SQL.
    pub sql: &'static str,
}

/// Every migration, in order; version N is `MIGRATIONS[N - 1]`.
pub const MIGRATIONS: &[Migration] = &[
    Migration { name: "0001_initial", sql: include_str!("../../migrations/0001_initial.sql") },
    Migration {
        name: "0002_lead_operations",
        sql: include_str!("../../migrations/0002_lead_operations.sql"),
    },
    Migration { name: "0003_listener", sql: include_str!("../../migrations/0003_listener.sql") },
    Migration {
        name: "0004_webhooks_forms",
        sql: include_str!("../../migrations/0004_webhooks_forms.sql"),
    },
    Migration {
        name: "0005_audit_insert",
        sql: include_str!("../../migrations/0005_audit_insert.sql"),
    },
    Migration {
        name: "0006_fewer_write_indexes",
        sql: include_str!("../../migrations/0006_fewer_write_indexes.sql"),
    },
];

/// The schema version this binary writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Reads the schema version.
pub fn version(conn: &Connection) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(sql)
}

/// Brings the schema up to date, or refuses a newer or foreign database.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let latest = latest_version();
    let current = version(conn)?;
    if current == latest {
        return Ok(());
    }
    if current > latest {
        // Versions only grow, so this needs no lock (and takes none: the file stays untouched).
        return check_known(conn, current);
    }
    // Everything else is decided under the write lock: another process may be migrating this
    // very file, and a version read outside the transaction may be stale by the time the
    // tables are counted (a fresh file would look like a foreign database).
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sql)?;
    // Another process may have migrated while we waited for the write lock.
    let current = version(&tx)?;
    check_known(&tx, current)?;
    for (i, m) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(m.sql)
            .map_err(|e| sql(e).context(format!("migration {} failed", m.name)))?;
        tx.pragma_update(None, "user_version", i as i64 + 1).map_err(sql)?;
    }
    tx.commit().map_err(sql)?;
    Ok(())
}

fn check_known(conn: &Connection, current: i64) -> Result<()> {
    let latest = latest_version();
    if current > latest {
        return Err(Error::database(format!(
            "the database has schema version {current}, newer than this leadctl knows ({latest})"
        ))
        .with_hint("upgrade leadctl; the database was left untouched"));
    }
    if current == 0 {
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table'", [], |r| r.get(0))
            .map_err(sql)?;
        if tables > 0 {
            return Err(Error::database(
                "the file is a SQLite database, but not a leadctl one (it has other tables)",
            )
            .with_hint("point --db at a leadctl database, or at a new file name"));
        }
    }
    Ok(())
}
