//! The outbox (`outbox`, `outbox_attempts`) as seen from a lead: pending items for `show` and
//! what was sent for `timeline`. Claiming and delivery come with `leadctl queue`.

use serde::Serialize;

use super::{Reader, sql};
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
