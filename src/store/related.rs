//! Read-only views of what surrounds a lead for `show`: notes, status history, message events
//! and pending outbox items. Later features write these tables in files of their own.

use serde::Serialize;

use super::{Reader, sql};
use crate::error::Result;

/// A note on a lead.
#[derive(Debug, Serialize)]
pub struct Note {
    pub author: String,
    pub body: String,
    pub created_at: String,
}

/// A status change.
#[derive(Debug, Serialize)]
pub struct StatusChange {
    pub from: Option<String>,
    pub to: String,
    pub actor: String,
    pub note: Option<String>,
    pub changed_at: String,
}

/// A message event (email sent, call logged, ...).
#[derive(Debug, Serialize)]
pub struct MessageEvent {
    pub occurred_at: String,
    pub kind: String,
    pub channel: Option<String>,
    pub provider: Option<String>,
}

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
    /// Notes, oldest first.
    pub fn notes_of(&self, seq: i64) -> Result<Vec<Note>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT author, body, created_at FROM notes WHERE lead_seq = ?1 ORDER BY created_at, id",
            )
            .map_err(sql)?;
        st.query_map([seq], |r| {
            Ok(Note { author: r.get(0)?, body: r.get(1)?, created_at: r.get(2)? })
        })
        .and_then(|r| r.collect())
        .map_err(sql)
    }

    /// Status changes, oldest first.
    pub fn status_history_of(&self, seq: i64) -> Result<Vec<StatusChange>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT from_status, to_status, actor, note, changed_at FROM status_history \
                 WHERE lead_seq = ?1 ORDER BY changed_at, id",
            )
            .map_err(sql)?;
        st.query_map([seq], |r| {
            Ok(StatusChange {
                from: r.get(0)?,
                to: r.get(1)?,
                actor: r.get(2)?,
                note: r.get(3)?,
                changed_at: r.get(4)?,
            })
        })
        .and_then(|r| r.collect())
        .map_err(sql)
    }

    /// The latest `limit` message events, newest first.
    pub fn recent_events_of(&self, seq: i64, limit: u32) -> Result<Vec<MessageEvent>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT occurred_at, kind, channel, provider FROM message_events \
                 WHERE lead_seq = ?1 ORDER BY occurred_at DESC, id DESC LIMIT ?2",
            )
            .map_err(sql)?;
        st.query_map(rusqlite::params![seq, limit], |r| {
            Ok(MessageEvent {
                occurred_at: r.get(0)?,
                kind: r.get(1)?,
                channel: r.get(2)?,
                provider: r.get(3)?,
            })
        })
        .and_then(|r| r.collect())
        .map_err(sql)
    }

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
