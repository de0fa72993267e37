//! Bulk-load support: inside one transaction, the secondary indexes of `leads` that ingest does
//! not look up through are dropped and recreated at the end. SQLite then builds each by sorting
//! (on two threads, `PRAGMA threads`) instead of inserting a million keys at random places, which
//! made a million-lead load about a third faster. Because drop, load and rebuild share one
//! transaction, a crash rolls all of it back and the indexes are never missing; readers keep
//! their snapshot meanwhile.

use rusqlite::params;

use super::{Reader, Tx, sql};
use crate::error::Result;

/// Indexes that ingest's deduplication reads, so they stay during a bulk load.
const KEPT: &[&str] = &["leads_org_email", "leads_org_request", "leads_org_phone"];

/// Indexes set aside during a bulk load, with the SQL that recreates them.
#[derive(Debug, Default)]
pub struct SuspendedIndexes {
    indexes: Vec<(String, String)>,
}

impl Reader<'_> {
    /// How many leads the database holds, in all organisations (from the counters).
    pub fn lead_count_all(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT coalesce(sum(n), 0) FROM lead_counts", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(sql)
    }
}

impl Tx<'_> {
    /// Drops the deferrable secondary indexes of `leads`; [`Tx::restore_indexes`] recreates them.
    pub fn suspend_indexes(&self) -> Result<SuspendedIndexes> {
        self.suspend_indexes_but(KEPT)
    }

    /// Drops every secondary index of `leads`, also those deduplication reads: for a load
    /// that cannot collide with what is there (`seed-demo --leads` into an organisation with
    /// no leads of its own). A unique index that cannot be rebuilt fails the transaction.
    pub fn suspend_all_indexes(&self) -> Result<SuspendedIndexes> {
        self.suspend_indexes_but(&[])
    }

    fn suspend_indexes_but(&self, kept: &[&str]) -> Result<SuspendedIndexes> {
        let mut st = self
            .conn()
            .prepare(
                "SELECT name, sql FROM sqlite_schema \
                 WHERE type = 'index' AND tbl_name = 'leads' AND sql IS NOT NULL ORDER BY name",
            )
            .map_err(sql)?;
        let all: Vec<(String, String)> = st
            .query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(sql)?;
        let indexes: Vec<(String, String)> =
            all.into_iter().filter(|(name, _)| !kept.contains(&name.as_str())).collect();
        for (name, _) in &indexes {
            // Names come from sqlite_schema, quoted as identifiers.
            self.conn()
                .execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))
                .map_err(sql)?;
        }
        Ok(SuspendedIndexes { indexes })
    }

    /// Recreates indexes dropped by [`Tx::suspend_indexes`].
    pub fn restore_indexes(&self, s: SuspendedIndexes) -> Result<()> {
        // SQLite's sorter sizes each in-memory run from cache_size, one per thread: a smaller
        // cache while sorting keeps peak memory flat, and runs spill to temporary files.
        self.conn().execute_batch("PRAGMA cache_size = -4096").map_err(sql)?;
        for (_, create) in &s.indexes {
            self.conn().execute_batch(create).map_err(sql)?;
        }
        self.conn()
            .execute_batch(&format!("PRAGMA cache_size = -{}", super::CACHE_KIB))
            .map_err(sql)?;
        Ok(())
    }
}
