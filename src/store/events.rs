//! Message events (`message_events`): interactions with a lead, logged by `leadctl log` (calls,
//! emails, sms, meetings) and, later, recorded by deliveries and provider webhooks.

use rusqlite::params;
use serde::Serialize;

use super::leads::LeadRef;
use super::{Act, Reader, Tx, sql};
use crate::error::Result;

/// Kinds an operator may log.
pub const LOG_KINDS: &[&str] = &["call", "email", "sms", "meeting", "other"];

/// A message event.
#[derive(Debug, Clone, Serialize)]
pub struct MessageEvent {
    pub id: i64,
    pub occurred_at: String,
    pub kind: String,
    pub channel: Option<String>,
    pub provider: Option<String>,
    pub actor: Option<String>,
    pub body: Option<String>,
}

impl Reader<'_> {
    /// The latest `limit` message events (all when `None`), newest first, optionally of one
    /// kind.
    pub fn events_of(
        &self,
        seq: i64,
        kind: Option<&str>,
        limit: Option<u64>,
    ) -> Result<Vec<MessageEvent>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, occurred_at, kind, channel, provider, actor, body FROM message_events \
                 WHERE lead_seq = ?1 AND (?2 IS NULL OR kind = ?2) \
                 ORDER BY occurred_at DESC, id DESC LIMIT ?3",
            )
            .map_err(sql)?;
        let limit = limit.map_or(-1, |l| l.min(i64::MAX as u64) as i64);
        st.query_map(params![seq, kind, limit], |r| {
            Ok(MessageEvent {
                id: r.get(0)?,
                occurred_at: r.get(1)?,
                kind: r.get(2)?,
                channel: r.get(3)?,
                provider: r.get(4)?,
                actor: r.get(5)?,
                body: r.get(6)?,
            })
        })
        .and_then(|r| r.collect())
        .map_err(sql)
    }
}

impl Tx<'_> {
    /// Logs an interaction that happened at `at`; `last_contacted_at` moves forward to it.
    /// The audit entry records the kind and time, not the text.
    pub fn log_event(
        &self,
        act: &Act<'_>,
        lead: &LeadRef,
        kind: &str,
        body: &str,
        at: &str,
    ) -> Result<i64> {
        let channel = match kind {
            "call" => Some("phone"),
            "email" => Some("email"),
            "sms" => Some("sms"),
            "meeting" => Some("meeting"),
            _ => None,
        };
        self.conn()
            .prepare_cached(
                "INSERT INTO message_events (lead_seq, occurred_at, kind, channel, provider, \
                 actor, body, created_at) VALUES (?1, ?2, ?3, ?4, 'leadctl', ?5, ?6, ?7)",
            )
            .and_then(|mut st| {
                st.execute(params![lead.seq, at, kind, channel, act.actor, body, act.now])
            })
            .map_err(sql)?;
        let id = self.conn().last_insert_rowid();
        self.conn()
            .prepare_cached(
                "UPDATE leads SET last_contacted_at = ?2, updated_at = ?3 WHERE seq = ?1 \
                 AND (last_contacted_at IS NULL OR last_contacted_at < ?2)",
            )
            .and_then(|mut st| st.execute(params![lead.seq, at, act.now]))
            .map_err(sql)?;
        let details = serde_json::json!({
            "event_id": id, "kind": kind, "at": at, "characters": body.chars().count(),
        });
        self.audit_lead(act, lead, "lead.log", None, None, Some(details))?;
        Ok(id)
    }
}
