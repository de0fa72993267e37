//! The outbox (`outbox`, `outbox_attempts`) as seen from a lead: pending items for `show` and
//! what was sent for `timeline`. Claiming and delivery come with `leadctl queue`.

use rusqlite::params;
use serde::Serialize;

use super::{Act, Reader, Tx, sql};
use crate::error::Result;

/// An outbox item not yet delivered.
#[derive(Debug, Serialize)]
pub struct PendingItem {
    pub id: i64,
    pub kind: String,
    pub state: String,
    pub attempts: i64,
    pub next_attempt_at: String,
    pub last_error: Option<String>,
}

impl Reader<'_> {
    /// Outbox items of the lead that are still pending.
    pub fn pending_outbox_of(&self, seq: i64) -> Result<Vec<PendingItem>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, kind, state, attempts, next_attempt_at, last_error FROM outbox \
                 WHERE lead_seq = ?1 AND state = 'pending' ORDER BY next_attempt_at, id",
            )
            .map_err(sql)?;
        st.query_map([seq], |r| {
            Ok(PendingItem {
                id: r.get(0)?,
                kind: r.get(1)?,
                state: r.get(2)?,
                attempts: r.get(3)?,
                next_attempt_at: r.get(4)?,
                last_error: r.get(5)?,
            })
        })
        .and_then(|r| r.collect())
        .map_err(sql)
    }
}

impl Tx<'_> {
    /// Adds an outbox item due now, unless one of this kind with this idempotency key exists;
    /// returns 1 when added, 0 when it was there already.
    pub fn enqueue(
        &self,
        act: &Act<'_>,
        lead_seq: i64,
        kind: &str,
        key: &str,
        payload: &str,
    ) -> Result<usize> {
        self.conn()
            .prepare_cached(
                "INSERT OR IGNORE INTO outbox (org_id, lead_seq, kind, idempotency_key, payload, \
                 next_attempt_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?6)",
            )
            .and_then(|mut st| {
                st.execute(params![act.org_id, lead_seq, kind, key, payload, act.now])
            })
            .map_err(sql)
    }
}

/// Outbox counts of one kind and state (`retrying`: pending after a failed attempt).
#[derive(Debug, Clone, Serialize)]
pub struct QueueCount {
    pub kind: String,
    pub state: String,
    pub items: u64,
}

impl Reader<'_> {
    /// Items per kind and state of the organisation (pending items that were tried before are
    /// counted as `retrying`, delivered ones as `done`).
    pub fn queue_counts(&self, org_id: i64) -> Result<Vec<QueueCount>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT kind, CASE WHEN state = 'pending' AND attempts > 0 THEN 'retrying' \
                 WHEN state = 'delivered' THEN 'done' ELSE state END AS s, count(*) \
                 FROM outbox WHERE org_id = ?1 GROUP BY kind, s ORDER BY kind, s",
            )
            .map_err(sql)?;
        st.query_map([org_id], |r| {
            Ok(QueueCount { kind: r.get(0)?, state: r.get(1)?, items: r.get::<_, i64>(2)? as u64 })
        })
        .and_then(|rows| rows.collect())
        .map_err(sql)
    }

    /// The creation time of the oldest pending item and the next attempt time of any.
    pub fn queue_times(&self, org_id: i64) -> Result<(Option<String>, Option<String>)> {
        self.conn
            .prepare_cached(
                "SELECT min(created_at), min(next_attempt_at) FROM outbox \
                 WHERE org_id = ?1 AND state = 'pending'",
            )
            .and_then(|mut st| st.query_row([org_id], |r| Ok((r.get(0)?, r.get(1)?))))
            .map_err(sql)
    }
}
