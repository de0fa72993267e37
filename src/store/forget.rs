//! The right to erasure (`leadctl forget`): a lead's personal data is erased everywhere leadctl
//! stored it, in one transaction. The lead row stays as an anonymous record (status, source,
//! campaign, tags, times) so counts and statistics stay right; its email and phone no longer
//! match, so a later ingest of the same person makes a new lead.
//!
//! Erased: names, email, phone, company, message, IP and user-agent hashes, the search index
//! entry (FTS5 `secure-delete`, so no trace stays in old index segments), notes, note texts of
//! status changes, event payloads and bodies, task titles, outbox payloads and delivery
//! replies, meeting attendee details, and raw webhook payloads that carry the email or phone.
//! SQLite's `secure_delete` is on meanwhile, so freed space is zeroed rather than left behind.
//! The audit log is not touched (append-only): its entries never held more than a truncated
//! email and masked names (see `privacy::audit_value`).

use rusqlite::params;
use serde::Serialize;

use super::leads::LeadRef;
use super::{Act, Tx, sql};
use crate::error::Result;

/// What one erasure touched (counts only).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ForgetReport {
    pub notes: u64,
    pub status_notes: u64,
    pub events: u64,
    pub tasks: u64,
    pub outbox_items: u64,
    pub meeting_attendees: u64,
    pub webhook_deliveries: u64,
}

impl Tx<'_> {
    /// Erases the personal data of one lead (see the module documentation).
    pub fn forget_lead(&self, act: &Act<'_>, lead: &LeadRef) -> Result<ForgetReport> {
        let c = self.conn();
        c.execute_batch(
            "PRAGMA secure_delete = ON; \
             INSERT INTO leads_fts (leads_fts, rank) VALUES ('secure-delete', 1);",
        )
        .map_err(sql)?;
        let (email, phone, phone_raw): (Option<String>, Option<String>, Option<String>) = c
            .query_row(
                "SELECT email_norm, phone, phone_raw FROM leads WHERE seq = ?1",
                [lead.seq],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(sql)?;
        self.unindex_lead(lead.seq)?;
        c.execute(
            "UPDATE leads SET first_name = NULL, last_name = NULL, email = NULL, \
             email_norm = NULL, phone = NULL, phone_raw = NULL, company = NULL, message = NULL, \
             ip_hash = NULL, user_agent_hash = NULL, haystack = '', erased_at = ?2, \
             updated_at = ?2 WHERE seq = ?1",
            params![lead.seq, act.now],
        )
        .map_err(sql)?;
        let run = |q: &str| c.execute(q, [lead.seq]).map(|n| n as u64).map_err(sql);
        let mut report = ForgetReport {
            notes: run("DELETE FROM notes WHERE lead_seq = ?1")?,
            status_notes: run(
                "UPDATE status_history SET note = NULL WHERE lead_seq = ?1 AND note IS NOT NULL",
            )?,
            events: run(
                "UPDATE message_events SET payload = NULL, body = NULL WHERE lead_seq = ?1",
            )?,
            tasks: run("UPDATE tasks SET title = '(erased)' WHERE lead_seq = ?1")?,
            outbox_items: run("UPDATE outbox SET payload = '{}', last_error = NULL, \
                 state = CASE state WHEN 'pending' THEN 'cancelled' ELSE state END \
                 WHERE lead_seq = ?1")?,
            ..ForgetReport::default()
        };
        run("UPDATE outbox_attempts SET smtp_reply = NULL, error = NULL \
             WHERE outbox_id IN (SELECT id FROM outbox WHERE lead_seq = ?1)")?;
        report.meeting_attendees = c
            .execute(
                "UPDATE meeting_attendees SET email = NULL, phone = NULL, name = NULL \
                 WHERE lead_seq = ?1 OR (?2 IS NOT NULL AND lower(email) = ?2) \
                 OR (?3 IS NOT NULL AND phone = ?3)",
                params![lead.seq, email, phone],
            )
            .map_err(sql)? as u64;
        // Raw provider payloads are not linked to leads; any that carries the email or the
        // phone is emptied.
        for needle in [email, phone, phone_raw].into_iter().flatten().filter(|n| n.len() >= 5) {
            report.webhook_deliveries += c
                .execute(
                    "UPDATE webhook_deliveries SET raw_payload = x'', headers = NULL, \
                     state = 'erased' WHERE org_id = ?1 \
                     AND instr(lower(CAST(raw_payload AS TEXT)), ?2) > 0",
                    params![act.org_id, needle.to_lowercase()],
                )
                .map_err(sql)? as u64;
        }
        c.execute_batch(
            "INSERT INTO leads_fts (leads_fts, rank) VALUES ('secure-delete', 0); \
             PRAGMA secure_delete = OFF;",
        )
        .map_err(sql)?;
        let details = serde_json::to_value(&report)?;
        self.audit_lead(act, lead, "lead.forget", None, None, Some(details))?;
        Ok(report)
    }
}
