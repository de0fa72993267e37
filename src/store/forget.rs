//! The right to erasure (`leadctl forget`): a lead's personal data is erased everywhere leadctl
//! stored it, in one transaction. The lead row stays as an anonymous record (status, source,
//! campaign, tags, times) so counts and statistics stay right; its email and phone no longer
//! match, so a later ingest of the same person makes a new lead.
//!
//! Erased: names, email, phone, company, message, IP and user-agent hashes, the search index
//! entry (FTS5 `secure-delete`, on since migration 0002, so no trace stays in old index
//! segments), notes, note texts of
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

/// A meeting attendee row: id, meeting, linked to the lead, lowercased email, phone.
type Attendee = (i64, i64, Option<bool>, Option<String>, Option<String>);

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
        phones: &[PhoneForms],
    ) -> Result<u64> {
        let c = self.conn();
        let email = email.map(str::to_lowercase);
        let encoded = email.as_ref().map(|e| e.replace('@', "%40"));
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
            if by_email || phones.iter().any(|p| p.found_in(&text)) {
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
        // The search index deletes securely since migration 0002 (see there).
        c.execute_batch("PRAGMA secure_delete = ON;").map_err(sql)?;
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
                 state = CASE WHEN state IN ('pending', 'dead') THEN 'cancelled' ELSE state END, \
                 lease_owner = NULL, lease_expires_at = NULL \
                 WHERE lead_seq = ?1")?,
            ..ForgetReport::default()
        };
        run("UPDATE outbox_attempts SET smtp_reply = NULL, error = NULL \
             WHERE outbox_id IN (SELECT id FROM outbox WHERE lead_seq = ?1)")?;
        // Meetings of this organisation the person attended: their details and the meeting
        // titles (which often name them).
        let forms: Vec<PhoneForms> =
            [&phone, &phone_raw].into_iter().flatten().filter_map(|p| PhoneForms::of(p)).collect();
        let mut st = c
            .prepare(
                "SELECT a.id, a.meeting_id, a.lead_seq = ?2, lower(a.email), a.phone \
                 FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id \
                 WHERE m.org_id = ?1",
            )
            .map_err(sql)?;
        let rows: Vec<Attendee> = st
            .query_map(params![act.org_id, lead.seq], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .and_then(|rows| rows.collect())
            .map_err(sql)?;
        drop(st);
        for (id, meeting, linked, a_email, a_phone) in rows {
            let by_email = a_email.is_some() && a_email == email;
            let by_phone = a_phone.as_deref().is_some_and(|p| forms.iter().any(|f| f.found_in(p)));
            if linked == Some(true) || by_email || by_phone {
                c.execute("UPDATE meetings SET title = NULL WHERE id = ?1", [meeting])
                    .map_err(sql)?;
                c.execute(
                    "UPDATE meeting_attendees SET email = NULL, phone = NULL, name = NULL \
                     WHERE id = ?1",
                    [id],
                )
                .map_err(sql)?;
                report.meeting_attendees += 1;
            }
        }
        report.webhook_deliveries = self.erase_payloads(act.org_id, email.as_deref(), &forms)?;
        c.execute_batch("PRAGMA secure_delete = OFF;").map_err(sql)?;
        let details = serde_json::to_value(&report)?;
        self.audit_lead(act, lead, "lead.forget", None, None, Some(details))?;
        Ok(report)
    }
}

/// The digit strings a phone number may be written as: all its digits (country code
/// included) and, when it parses, its country code and national number.
pub(crate) struct PhoneForms {
    digits: String,
    country: String,
    national: String,
}

impl PhoneForms {
    /// The forms of a stored phone (E.164 or raw text); `None` below 7 digits.
    pub(crate) fn of(phone: &str) -> Option<PhoneForms> {
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        if digits.len() < 7 {
            return None;
        }
        let parsed = phone.starts_with('+').then(|| phonenumber::parse(None, phone).ok()).flatten();
        let (country, national) = match parsed {
            Some(n) => (n.code().value().to_string(), n.national().value().to_string()),
            None => (String::new(), String::new()),
        };
        Some(PhoneForms { digits, country, national })
    }

    /// Whether a run of digits is this phone: the same digits; the national number, with or
    /// without trunk zeros (`020 7946 0958`); the country code and a `(0)` (`+44 (0)20 ...`).
    fn is(&self, run: &str) -> bool {
        let unzeroed = run.trim_start_matches('0');
        let national = !self.national.is_empty()
            && self.national.len() >= 7
            && (run == self.national || unzeroed == self.national);
        let trunk = !self.country.is_empty()
            && run
                .strip_prefix(&self.country)
                .and_then(|r| r.strip_prefix('0'))
                .is_some_and(|rest| format!("{}{rest}", self.country) == self.digits);
        run == self.digits || run.ends_with(&self.digits) || national || trunk
    }

    /// Whether `text` holds this phone written with any separators (spaces, dashes, dots,
    /// brackets, slashes, a + or its URL encoding %2B between the digits).
    pub(crate) fn found_in(&self, text: &str) -> bool {
        let text = text.to_lowercase().replace("%2b", "+");
        let mut run = String::new();
        for ch in text.chars() {
            if ch.is_ascii_digit() {
                run.push(ch);
            } else if matches!(ch, ' ' | '-' | '.' | '(' | ')' | '/' | '+') && !run.is_empty() {
                continue;
            } else if !run.is_empty() {
                if self.is(&run) {
                    return true;
                }
                run.clear();
            }
        }
        !run.is_empty() && self.is(&run)
    }
}

#[cfg(test)]
mod tests {
    use super::PhoneForms;

    #[test]
    fn finds_phones_in_any_formatting() {
        let us = PhoneForms::of("+12025550143").unwrap();
        assert!(us.found_in(r#"{"tel":"+1 202-555-0143"}"#));
        assert!(us.found_in(r#"{"tel":"(202) 555.0143"}"#));
        assert!(us.found_in("phone=%2B12025550143&x=1"));
        assert!(us.found_in("+12025550143"));
        assert!(!us.found_in(r#"{"tel":"555-0143"}"#));
        assert!(!us.found_in(r#"{"tel":"+1 202-555-0144"}"#));
        assert!(!us.found_in(r#"{"a": 2025, "b": 5550143}"#));
        let uk = PhoneForms::of("+442079460958").unwrap();
        assert!(uk.found_in("020 7946 0958"));
        assert!(uk.found_in("+44 (0)20 7946 0958"));
        assert!(uk.found_in("tel:+44-20-7946-0958"));
        assert!(!uk.found_in("020 7946 0959"));
    }
}
