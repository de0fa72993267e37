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
    /// Empties the raw webhook payloads of the organisation that mention the email (any case,
    /// also URL-encoded) or one of the phones (in any formatting: digits compared with
    /// separators removed). Provider payloads are not linked to leads, so each is read once.
    fn erase_payloads(
        &self,
        org_id: i64,
        email: Option<&str>,
        phones: &[Option<String>],
    ) -> Result<u64> {
        let c = self.conn();
        let email = email.map(str::to_lowercase);
        let encoded = email.as_ref().map(|e| e.replace('@', "%40"));
        let phones: Vec<String> = phones
            .iter()
            .flatten()
            .map(|p| p.chars().filter(char::is_ascii_digit).collect::<String>())
            .filter(|d| d.len() >= 7)
            .collect();
        let mut st = c
            .prepare(
                "SELECT id, CAST(raw_payload AS TEXT) FROM webhook_deliveries \
                 WHERE org_id = ?1 AND length(raw_payload) > 0",
            )
            .map_err(sql)?;
        let mut hits = Vec::new();
        let rows = st
            .query_map([org_id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?)))
            .map_err(sql)?;
        for row in rows {
            let (id, text) = row.map_err(sql)?;
            let text = text.unwrap_or_default().to_lowercase();
            let by_email =
                [&email, &encoded].into_iter().flatten().any(|e| text.contains(e.as_str()));
            if by_email || phones.iter().any(|p| mentions_phone(&text, p)) {
                hits.push(id);
            }
        }
        for id in &hits {
            c.execute(
                "UPDATE webhook_deliveries SET raw_payload = x'', headers = NULL, \
                 state = 'erased' WHERE id = ?1",
                [id],
            )
            .map_err(sql)?;
        }
        Ok(hits.len() as u64)
    }

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
        // Meetings of this organisation the person attended: their details and the meeting
        // titles (which often name them).
        let attended = "SELECT a.id FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id \
             WHERE m.org_id = ?1 AND (a.lead_seq = ?2 OR (?3 IS NOT NULL AND lower(a.email) = ?3) \
             OR (?4 IS NOT NULL AND a.phone = ?4))";
        let args = params![act.org_id, lead.seq, email, phone];
        c.execute(
            &format!(
                "UPDATE meetings SET title = NULL WHERE id IN \
                 (SELECT meeting_id FROM meeting_attendees WHERE id IN ({attended}))"
            ),
            args,
        )
        .map_err(sql)?;
        report.meeting_attendees = c
            .execute(
                &format!(
                    "UPDATE meeting_attendees SET email = NULL, phone = NULL, name = NULL \
                     WHERE id IN ({attended})"
                ),
                args,
            )
            .map_err(sql)? as u64;
        report.webhook_deliveries =
            self.erase_payloads(act.org_id, email.as_deref(), &[phone, phone_raw])?;
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

/// Whether `text` holds the phone whose digits are `digits` (country code included), written
/// with any separators (spaces, dashes, dots, brackets, slashes, a + or its URL encoding %2B):
/// a run of digits and separators whose digits equal `digits`, or are its national part (at
/// least 8 digits and all but at most 3 leading ones).
fn mentions_phone(text: &str, digits: &str) -> bool {
    let text = text.replace("%2b", "+");
    let mut run = String::new();
    let check = |run: &str| {
        run == digits
            || run.ends_with(digits)
            || (run.len() >= 8 && run.len() + 3 >= digits.len() && digits.ends_with(run))
    };
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            run.push(ch);
        } else if matches!(ch, ' ' | '-' | '.' | '(' | ')' | '/' | '+') && !run.is_empty() {
            continue;
        } else if !run.is_empty() {
            if check(&run) {
                return true;
            }
            run.clear();
        }
    }
    !run.is_empty() && check(&run)
}

#[cfg(test)]
mod tests {
    use super::mentions_phone;

    #[test]
    fn finds_phones_in_any_formatting() {
        let d = "12025550143";
        assert!(mentions_phone(r#"{"tel":"+1 202-555-0143"}"#, d));
        assert!(mentions_phone(r#"{"tel":"(202) 555.0143"}"#, d));
        assert!(mentions_phone("phone=%2B12025550143&x=1", d));
        assert!(mentions_phone("+12025550143", d));
        assert!(!mentions_phone(r#"{"tel":"555-0143"}"#, d));
        assert!(!mentions_phone(r#"{"tel":"+1 202-555-0144"}"#, d));
        assert!(!mentions_phone(r#"{"a": 2025, "b": 5550143}"#, d));
    }
}
