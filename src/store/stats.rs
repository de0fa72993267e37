//! What `leadctl stats` counts: one pass over the matching leads (their creation time,
//! status, source and owner), read from the covering index `leads_stats`
//! (migration 0002) rather than the table rows, or driven by the rarest filter tag's list of
//! leads; plus the leads whose status history shows they reached invited or converted before
//! moving on, and open tasks per owner. The caller aggregates (commands/stats.rs).

use rusqlite::params_from_iter;

use super::leads::{LeadFilter, where_clause};
use super::{Reader, sql};
use crate::error::Result;

/// One cell of `lead_facets`: `n` leads created on `day` with this status, source, owner.
#[derive(Debug, Clone, Copy)]
pub struct FacetCell<'a> {
    pub day: &'a [u8],
    pub status: &'a [u8],
    pub source: Option<&'a [u8]>,
    pub owner: Option<&'a [u8]>,
    pub n: u64,
}

/// One lead as `stats` sees it: text as stored (UTF-8 bytes, not validated again here).
#[derive(Debug, Clone, Copy)]
pub struct StatsLead<'a> {
    /// RFC 3339 UTC.
    pub created_at: &'a [u8],
    pub status: &'a [u8],
    pub source: Option<&'a [u8]>,
    pub owner: Option<&'a [u8]>,
}

impl Reader<'_> {
    /// Calls `f` for every lead matching `filter` (no search), in no particular order.
    pub fn stats_scan(
        &self,
        org_id: i64,
        filter: &LeadFilter,
        f: &mut dyn FnMut(StatsLead<'_>),
    ) -> Result<()> {
        // With tags, the rarest one's list of leads drives the scan; the others are checked
        // per lead.
        let mut rest = filter.clone();
        let mut driver = None;
        if !filter.tags.is_empty() {
            let mut best: Option<(String, i64, u64)> = None;
            for name in &filter.tags {
                match self.tag(org_id, name)? {
                    None => return Ok(()),
                    Some((id, n)) if best.as_ref().is_none_or(|b| n < b.2) => {
                        best = Some((name.clone(), id, n));
                    }
                    Some(_) => {}
                }
            }
            if let Some((name, id, _)) = best {
                rest.tags.retain(|t| *t != name);
                driver = Some(id);
            }
        }
        let Some(tag_ids) = self.tag_ids(org_id, &rest.tags)? else {
            return Ok(());
        };
        let (where_sql, mut args) = where_clause(org_id, &rest, &tag_ids);
        let cols = "l.created_at, l.status, l.source, l.owner";
        let sql_text = match driver {
            Some(tag_id) => {
                args.insert(0, rusqlite::types::Value::Integer(tag_id));
                format!(
                    "SELECT {cols} FROM lead_tags lt JOIN leads l ON l.seq = lt.lead_seq \
                     WHERE lt.tag_id = ? AND {where_sql}"
                )
            }
            None => format!("SELECT {cols} FROM leads l INDEXED BY leads_stats WHERE {where_sql}"),
        };
        let mut st = self.conn.prepare(&sql_text).map_err(sql)?;
        let mut rows = st.query(params_from_iter(args)).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            use rusqlite::types::ValueRef;
            let s = |i: usize| -> Option<&[u8]> {
                match r.get_ref(i) {
                    Ok(ValueRef::Text(t)) => Some(t),
                    _ => None,
                }
            };
            f(StatsLead {
                created_at: s(0).unwrap_or_default(),
                status: s(1).unwrap_or_default(),
                source: s(2),
                owner: s(3),
            });
        }
        Ok(())
    }

    /// Leads whose status is not invited/converted (resp. not converted) now but was once:
    /// they reached that step of the funnel before moving on (to lost, say). A change to or
    /// from a step shows it was reached (a lead may have arrived with that status). Driven by
    /// the status history, which is far smaller than the leads.
    pub fn stats_reached_before(&self, org_id: i64, filter: &LeadFilter) -> Result<(u64, u64)> {
        let Some(tag_ids) = self.tag_ids(org_id, &filter.tags)? else {
            return Ok((0, 0));
        };
        let (where_sql, args) = where_clause(org_id, filter, &tag_ids);
        let sql_text = format!(
            "SELECT coalesce(sum(inv), 0), coalesce(sum(conv), 0) FROM (SELECT \
               l.status NOT IN ('invited', 'converted') AS inv, \
               max(h.to_status = 'converted' OR h.from_status = 'converted') \
                 AND l.status <> 'converted' AS conv \
             FROM status_history h CROSS JOIN leads l ON l.seq = h.lead_seq \
             WHERE (h.to_status IN ('invited', 'converted') \
                    OR h.from_status IN ('invited', 'converted')) \
               AND {where_sql} GROUP BY h.lead_seq)"
        );
        let mut st = self.conn.prepare(&sql_text).map_err(sql)?;
        st.query_row(params_from_iter(args), |r| {
            Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64))
        })
        .map_err(sql)
    }

    /// Sums of the `lead_facets` counters for whole days in [from_day, to_day) (open ends when
    /// `None`), narrowed by the filter's source and owner (no tags, no search).
    pub fn stats_facets(
        &self,
        org_id: i64,
        filter: &LeadFilter,
        from_day: Option<&str>,
        to_day: Option<&str>,
        f: &mut dyn FnMut(FacetCell<'_>),
    ) -> Result<()> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT day, status, source, owner, n FROM lead_facets WHERE org_id = ?1 \
                 AND (?2 IS NULL OR day >= ?2) AND (?3 IS NULL OR day < ?3) \
                 AND (?4 IS NULL OR source = ?4) AND (?5 IS NULL OR owner = ?5) AND n > 0 \
                 ORDER BY day",
            )
            .map_err(sql)?;
        let mut rows = st
            .query(rusqlite::params![org_id, from_day, to_day, filter.source, filter.owner])
            .map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            use rusqlite::types::ValueRef;
            let text = |i: usize| match r.get_ref(i) {
                Ok(ValueRef::Text(t)) => t,
                _ => &[],
            };
            let (source, owner) = (text(2), text(3));
            f(FacetCell {
                day: text(0),
                status: text(1),
                source: (!source.is_empty()).then_some(source),
                owner: (!owner.is_empty()).then_some(owner),
                n: r.get::<_, i64>(4).map_err(sql)?.max(0) as u64,
            });
        }
        Ok(())
    }

    /// The latest change to any lead of an owner (`None`: the unassigned leads), through the
    /// index `leads_owner_activity`.
    pub fn owner_last_activity(&self, org_id: i64, owner: Option<&str>) -> Result<Option<String>> {
        self.conn
            .prepare_cached(
                "SELECT max(updated_at) FROM leads INDEXED BY leads_owner_activity \
                 WHERE org_id = ?1 AND owner IS ?2",
            )
            .and_then(|mut st| st.query_row(rusqlite::params![org_id, owner], |r| r.get(0)))
            .map_err(sql)
    }

    /// Open tasks per owner (`None`: tasks without an owner).
    pub fn open_tasks_by_owner(&self, org_id: i64) -> Result<Vec<(Option<String>, u64)>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT owner, count(*) FROM tasks WHERE org_id = ?1 AND done_at IS NULL \
                 GROUP BY owner",
            )
            .map_err(sql)?;
        st.query_map([org_id], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))
            .and_then(|rows| rows.collect())
            .map_err(sql)
    }
}
