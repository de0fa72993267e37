//! Exact counters that let `list` answer totals without counting a million rows:
//! `lead_counts (org_id, status, n)` and `tags.lead_count`. Writers record deltas in their
//! transaction ([`Tx::count_lead`], [`Tx::count_tag`]); they are written once, just before
//! commit, so a bulk load adds a handful of statements rather than one per lead, and a rolled
//! back transaction changes nothing. Maintained in code rather than by triggers: a trigger on
//! `leads` opens a statement journal per row, which flushes the search index each time.

use std::collections::HashMap;

use rusqlite::params;

use super::{Reader, Tx, sql};
use crate::error::Result;
use crate::model::Status;

/// Pending facet cells kept in memory before they are written out (see `count_facet`).
const FACETS_IN_MEMORY: usize = 8192;

/// Pending counter changes of one transaction.
#[derive(Debug, Default)]
pub struct Deltas {
    leads: HashMap<(i64, Status), i64>,
    tags: HashMap<i64, i64>,
    facets: HashMap<Facet, i64>,
}

/// The cell of `lead_facets` a lead counts in: organisation, creation day, status, source
/// and owner ('' when absent).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Facet {
    pub org_id: i64,
    pub day: String,
    pub status: String,
    pub source: String,
    pub owner: String,
}

impl Tx<'_> {
    /// Counts `delta` leads into (org, status).
    pub fn count_lead(&self, org_id: i64, status: Status, delta: i64) {
        *self.counts.borrow_mut().leads.entry((org_id, status)).or_default() += delta;
    }

    /// Counts `delta` leads into a tag.
    pub fn count_tag(&self, tag_id: i64, delta: i64) {
        *self.counts.borrow_mut().tags.entry(tag_id).or_default() += delta;
    }

    /// Counts `delta` leads into a facet cell. A bulk load touches tens of thousands of cells:
    /// past `FACETS_IN_MEMORY` pending cells they are written out (in this transaction) to
    /// keep memory flat.
    pub fn count_facet(&self, facet: Facet, delta: i64) -> Result<()> {
        let full = {
            let mut d = self.counts.borrow_mut();
            *d.facets.entry(facet).or_default() += delta;
            d.facets.len() >= FACETS_IN_MEMORY
        };
        if full {
            let facets = std::mem::take(&mut self.counts.borrow_mut().facets);
            self.write_facets(facets)?;
        }
        Ok(())
    }

    /// The facet cell a stored lead counts in now.
    pub fn facet_of(&self, seq: i64) -> Result<Facet> {
        self.conn()
            .prepare_cached(
                "SELECT org_id, substr(created_at, 1, 10), status, coalesce(source, ''), \
                 coalesce(owner, '') FROM leads WHERE seq = ?1",
            )
            .and_then(|mut st| {
                st.query_row([seq], |r| {
                    Ok(Facet {
                        org_id: r.get(0)?,
                        day: r.get(1)?,
                        status: r.get(2)?,
                        source: r.get(3)?,
                        owner: r.get(4)?,
                    })
                })
            })
            .map_err(sql)
    }

    /// Moves a lead between facet cells for a change of its status, source or owner that
    /// `apply` describes (called before the UPDATE that makes it; one read of the lead).
    pub fn move_facet(&self, seq: i64, apply: impl FnOnce(&mut Facet)) -> Result<()> {
        let before = self.facet_of(seq)?;
        let mut after = before.clone();
        apply(&mut after);
        if before != after {
            self.count_facet(before, -1)?;
            self.count_facet(after, 1)?;
        }
        Ok(())
    }

    /// Writes the pending deltas (called by [`Tx::commit`]).
    pub(super) fn flush_counts(&self) -> Result<()> {
        let d = std::mem::take(&mut *self.counts.borrow_mut());
        for ((org_id, status), n) in d.leads.into_iter().filter(|(_, n)| *n != 0) {
            self.conn()
                .prepare_cached(
                    "INSERT INTO lead_counts (org_id, status, n) VALUES (?1, ?2, ?3) \
                     ON CONFLICT (org_id, status) DO UPDATE SET n = n + excluded.n",
                )
                .and_then(|mut st| st.execute(params![org_id, status.as_str(), n]))
                .map_err(sql)?;
        }
        self.write_facets(d.facets)?;
        for (tag_id, n) in d.tags.into_iter().filter(|(_, n)| *n != 0) {
            self.conn()
                .prepare_cached("UPDATE tags SET lead_count = lead_count + ?2 WHERE id = ?1")
                .and_then(|mut st| st.execute(params![tag_id, n]))
                .map_err(sql)?;
        }
        Ok(())
    }

    /// Adds pending facet deltas to `lead_facets`, dropping cells that reach zero.
    fn write_facets(&self, facets: HashMap<Facet, i64>) -> Result<()> {
        for (f, n) in facets.into_iter().filter(|(_, n)| *n != 0) {
            let key = params![f.org_id, f.day, f.status, f.source, f.owner];
            self.conn()
                .prepare_cached(
                    "INSERT INTO lead_facets (org_id, day, status, source, owner, n) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
                     ON CONFLICT (org_id, day, status, source, owner) DO UPDATE SET n = n + excluded.n",
                )
                .and_then(|mut st| {
                    st.execute(params![f.org_id, f.day, f.status, f.source, f.owner, n])
                })
                .map_err(sql)?;
            if n < 0 {
                self.conn()
                    .prepare_cached(
                        "DELETE FROM lead_facets WHERE org_id = ?1 AND day = ?2 AND status = ?3 \
                         AND source = ?4 AND owner = ?5 AND n = 0",
                    )
                    .and_then(|mut st| st.execute(key))
                    .map_err(sql)?;
            }
        }
        Ok(())
    }
}

impl Reader<'_> {
    /// Whether this organisation holds every lead in the database.
    pub fn org_has_all_leads(&self, org_id: i64) -> Result<bool> {
        self.conn
            .prepare_cached(
                "SELECT (SELECT coalesce(sum(n), 0) FROM lead_counts WHERE org_id = ?1) \
                      = (SELECT coalesce(sum(n), 0) FROM lead_counts)",
            )
            .and_then(|mut st| st.query_row([org_id], |r| r.get(0)))
            .map_err(sql)
    }

    /// Leads in the organisation with any of `statuses` (all statuses when empty).
    pub fn counted_leads(&self, org_id: i64, statuses: &[Status]) -> Result<u64> {
        let mut st = self
            .conn
            .prepare_cached("SELECT status, n FROM lead_counts WHERE org_id = ?1")
            .map_err(sql)?;
        let rows: Vec<(String, i64)> = st
            .query_map([org_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|r| r.collect())
            .map_err(sql)?;
        Ok(rows
            .into_iter()
            .filter(|(s, _)| statuses.is_empty() || statuses.iter().any(|x| x.as_str() == s))
            .map(|(_, n)| n.max(0) as u64)
            .sum())
    }
}
