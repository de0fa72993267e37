//! Demo data (`leadctl seed-demo`): finding, deleting and writing it.
//!
//! Demo rows carry marks that operators' data cannot: demo leads a request id starting with
//! `demo:`, the rows written with them the actor `seed-demo` (notes' author, tasks' creator,
//! events' and status changes' actor) or an outbox key starting with `demo:`, and the demo
//! meeting is provider `google`, external reference `demo-google-event-1`. Everything here
//! works inside the caller's transaction and keeps the counters (statuses, tags, facets) and
//! the search index in step, as every other write does.

use rusqlite::{OptionalExtension, params};

use super::{Tx, sql};
use crate::error::Result;

/// The actor of demo rows.
pub const DEMO_ACTOR: &str = "seed-demo";
/// The request-id prefix that marks a demo lead (and the outbox-key prefix of demo items).
pub const DEMO_PREFIX: &str = "demo:";
/// The demo meeting's provider and external reference.
pub const DEMO_MEETING: (&str, &str) = ("google", "demo-google-event-1");

/// A demo lead found in the database.
#[derive(Debug, Clone)]
pub struct DemoLead {
    /// Row number.
    pub seq: i64,
    /// Its demo request id (`demo:...`).
    pub request_id: String,
    /// Whether data that is not demo data refers to it (an operator's note, task, event,
    /// status change or audit entry, a merged form post, another meeting, an outbox item).
    pub referenced: bool,
}

/// A message event to write.
#[derive(Debug, Clone)]
pub struct DemoEvent<'a> {
    pub lead_seq: i64,
    pub occurred_at: &'a str,
    pub kind: &'a str,
    pub channel: Option<&'a str>,
    pub body: &'a str,
}

/// An outbox item to write in a given state.
#[derive(Debug, Clone)]
pub struct DemoOutboxItem<'a> {
    pub org_id: i64,
    pub lead_seq: i64,
    pub kind: &'a str,
    pub state: &'a str,
    /// Its key, after the `demo:` prefix.
    pub key: &'a str,
    pub payload: &'a str,
    pub attempts: i64,
    pub last_error: Option<&'a str>,
    pub created_at: &'a str,
    pub next_attempt_at: &'a str,
}

/// The `meta` key holding when the demo leads of an organisation were last wiped by force.
/// Demo leads keep stable ids, and the audit log keeps every entry: without it, an operator's
/// entry about a wiped demo lead would make its fresh copy look referenced forever.
fn wiped_key(org_id: i64) -> String {
    format!("demo_wiped_at:{org_id}")
}

impl Tx<'_> {
    /// Notes that the organisation's demo leads were wiped by force at `now`: audit entries
    /// from before it no longer refer to the fresh copies.
    pub fn note_demo_wipe(&self, org_id: i64, now: &str) -> Result<()> {
        self.conn()
            .execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![wiped_key(org_id), now],
            )
            .map(|_| ())
            .map_err(sql)
    }

    /// The demo leads of an organisation, oldest first, each with whether non-demo data
    /// refers to it (audit entries count from the last forced wipe on).
    pub fn demo_leads(&self, org_id: i64) -> Result<Vec<DemoLead>> {
        let like = format!("{DEMO_PREFIX}%");
        let mut st = self
            .conn()
            .prepare(
                "SELECT l.seq, l.request_id, \
                 EXISTS (SELECT 1 FROM notes WHERE lead_seq = l.seq AND author != ?3) \
                 OR EXISTS (SELECT 1 FROM tasks WHERE lead_seq = l.seq AND created_by != ?3) \
                 OR EXISTS (SELECT 1 FROM message_events WHERE lead_seq = l.seq \
                            AND ifnull(actor, '') != ?3) \
                 OR EXISTS (SELECT 1 FROM status_history WHERE lead_seq = l.seq AND actor != ?3) \
                 OR EXISTS (SELECT 1 FROM audit_log WHERE lead_id = l.id AND actor != ?3 \
                            AND at > ifnull((SELECT value FROM meta WHERE key = ?6), '')) \
                 OR EXISTS (SELECT 1 FROM lead_request_ids WHERE lead_seq = l.seq) \
                 OR EXISTS (SELECT 1 FROM consents WHERE lead_seq = l.seq \
                            AND ifnull(request_id, '') NOT LIKE ?2) \
                 OR EXISTS (SELECT 1 FROM outbox WHERE lead_seq = l.seq \
                            AND idempotency_key NOT LIKE ?2) \
                 OR EXISTS (SELECT 1 FROM meeting_attendees a JOIN meetings m \
                            ON m.id = a.meeting_id WHERE a.lead_seq = l.seq \
                            AND NOT (m.provider = ?4 AND m.external_ref = ?5)) \
                 FROM leads l WHERE l.org_id = ?1 AND l.request_id LIKE ?2 ORDER BY l.seq",
            )
            .map_err(sql)?;
        let wiped = wiped_key(org_id);
        st.query_map(
            params![org_id, like, DEMO_ACTOR, DEMO_MEETING.0, DEMO_MEETING.1, wiped],
            |r| Ok(DemoLead { seq: r.get(0)?, request_id: r.get(1)?, referenced: r.get(2)? }),
        )
        .and_then(|rows| rows.collect())
        .map_err(sql)
    }

    /// Deletes a lead and everything that belongs to it (notes, tags, consents, events, tasks,
    /// outbox items, through the schema's cascades), keeping counters and the search index in
    /// step. Meeting attendees that were this lead become unresolved. Only for demo data:
    /// operators' leads are erased with `forget`, which keeps the row.
    pub fn delete_lead(&self, seq: i64) -> Result<()> {
        self.unindex_lead(seq)?;
        let facet = self.facet_of(seq)?;
        let status: String = self
            .conn()
            .query_row("SELECT status FROM leads WHERE seq = ?1", [seq], |r| r.get(0))
            .map_err(sql)?;
        let tag_ids: Vec<i64> = self
            .conn()
            .prepare_cached("SELECT tag_id FROM lead_tags WHERE lead_seq = ?1")
            .and_then(|mut st| st.query_map([seq], |r| r.get(0))?.collect())
            .map_err(sql)?;
        for tag_id in tag_ids {
            self.count_tag(tag_id, -1);
        }
        self.count_facet(facet.clone(), -1)?;
        if let Ok(status) = status.parse() {
            self.count_lead(facet.org_id, status, -1);
        }
        self.conn().execute("DELETE FROM leads WHERE seq = ?1", [seq]).map_err(sql)?;
        Ok(())
    }

    /// Deletes the demo meeting of an organisation (its attendees go with it); false when
    /// there was none.
    pub fn delete_demo_meeting(&self, org_id: i64) -> Result<bool> {
        let n = self
            .conn()
            .execute(
                "DELETE FROM meetings WHERE org_id = ?1 AND provider = ?2 AND external_ref = ?3",
                params![org_id, DEMO_MEETING.0, DEMO_MEETING.1],
            )
            .map_err(sql)?;
        Ok(n > 0)
    }

    /// The lead of the organisation with this normalised email or (when `email` is None)
    /// this E.164 phone, whoever made it.
    pub fn lead_with_identity(
        &self,
        org_id: i64,
        email_norm: Option<&str>,
        phone: Option<&str>,
    ) -> Result<Option<i64>> {
        let r = self.reader();
        match (email_norm, phone) {
            (Some(e), _) => r.lead_by_email(org_id, e),
            (None, Some(p)) => r.lead_by_phone(org_id, p),
            (None, None) => Ok(None),
        }
    }

    /// Writes a note by the demo actor.
    pub fn demo_note(&self, seq: i64, body: &str, at: &str) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO notes (lead_seq, author, body, created_at) VALUES (?1, ?2, ?3, ?4)",
            )
            .and_then(|mut st| st.execute(params![seq, DEMO_ACTOR, body, at]))
            .map_err(sql)?;
        Ok(())
    }

    /// Writes one status change by the demo actor (the lead's status itself is set when it is
    /// inserted).
    pub fn demo_status_change(
        &self,
        seq: i64,
        from: Option<&str>,
        to: &str,
        at: &str,
    ) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO status_history (lead_seq, from_status, to_status, actor, changed_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .and_then(|mut st| st.execute(params![seq, from, to, DEMO_ACTOR, at]))
            .map_err(sql)?;
        Ok(())
    }

    /// Writes a message event by the demo actor; `last_contacted_at` moves forward to it.
    pub fn demo_event(&self, e: &DemoEvent<'_>) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO message_events (lead_seq, occurred_at, kind, channel, provider, \
                 actor, body, created_at) VALUES (?1, ?2, ?3, ?4, 'leadctl', ?5, ?6, ?2)",
            )
            .and_then(|mut st| {
                st.execute(params![
                    e.lead_seq,
                    e.occurred_at,
                    e.kind,
                    e.channel,
                    DEMO_ACTOR,
                    e.body
                ])
            })
            .map_err(sql)?;
        self.conn()
            .prepare_cached(
                "UPDATE leads SET last_contacted_at = ?2 WHERE seq = ?1 \
                 AND (last_contacted_at IS NULL OR last_contacted_at < ?2)",
            )
            .and_then(|mut st| st.execute(params![e.lead_seq, e.occurred_at]))
            .map_err(sql)?;
        Ok(())
    }

    /// Writes a task created by the demo actor.
    #[allow(clippy::too_many_arguments)]
    pub fn demo_task(
        &self,
        org_id: i64,
        seq: i64,
        title: &str,
        due_at: &str,
        owner: &str,
        created_at: &str,
        done_at: Option<&str>,
    ) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO tasks (org_id, lead_seq, title, due_at, owner, created_by, \
                 created_at, done_at, done_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, \
                 CASE WHEN ?8 IS NULL THEN NULL ELSE ?5 END)",
            )
            .and_then(|mut st| {
                st.execute(params![
                    org_id, seq, title, due_at, owner, DEMO_ACTOR, created_at, done_at
                ])
            })
            .map_err(sql)?;
        Ok(())
    }

    /// Writes an outbox item in its given state (`queue flush` never claims demo items).
    pub fn demo_outbox_item(&self, o: &DemoOutboxItem<'_>) -> Result<()> {
        let delivered = (o.state == "delivered").then_some(o.next_attempt_at);
        self.conn()
            .prepare_cached(
                "INSERT INTO outbox (org_id, lead_seq, kind, state, idempotency_key, payload, \
                 attempts, next_attempt_at, last_error, created_at, updated_at, delivered_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?8, ?11)",
            )
            .and_then(|mut st| {
                st.execute(params![
                    o.org_id,
                    o.lead_seq,
                    o.kind,
                    o.state,
                    format!("{DEMO_PREFIX}{}", o.key),
                    o.payload,
                    o.attempts,
                    o.next_attempt_at,
                    o.last_error,
                    o.created_at,
                    delivered,
                ])
            })
            .map_err(sql)?;
        Ok(())
    }

    /// Writes the demo meeting; returns its id.
    pub fn demo_meeting(
        &self,
        org_id: i64,
        title: &str,
        starts_at: &str,
        ends_at: &str,
        created_at: &str,
    ) -> Result<i64> {
        self.conn()
            .prepare_cached(
                "INSERT INTO meetings (org_id, provider, external_ref, title, starts_at, ends_at, \
                 join_url, status, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'https://meet.example.com/demo-event-1', \
                 'scheduled', ?7, ?7)",
            )
            .and_then(|mut st| {
                st.execute(params![
                    org_id,
                    DEMO_MEETING.0,
                    DEMO_MEETING.1,
                    title,
                    starts_at,
                    ends_at,
                    created_at
                ])
            })
            .map_err(sql)?;
        Ok(self.conn().last_insert_rowid())
    }

    /// Writes an attendee of a meeting, resolved to `lead_seq` when given.
    pub fn demo_attendee(
        &self,
        meeting_id: i64,
        lead_seq: Option<i64>,
        email: Option<&str>,
        phone: Option<&str>,
        name: &str,
    ) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO meeting_attendees (meeting_id, lead_seq, email, phone, name, role) \
                 VALUES (?1, ?2, ?3, ?4, ?5, 'attendee')",
            )
            .and_then(|mut st| st.execute(params![meeting_id, lead_seq, email, phone, name]))
            .map_err(sql)?;
        Ok(())
    }

    /// Whether the organisation has leads that are not demo leads.
    pub fn has_leads_besides_demo(&self, org_id: i64) -> Result<bool> {
        self.conn()
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM leads WHERE org_id = ?1 \
                 AND (request_id IS NULL OR request_id NOT LIKE ?2))",
                params![org_id, format!("{DEMO_PREFIX}%")],
                |r| r.get(0),
            )
            .map_err(sql)
    }

    /// Whether a lead with this request id exists in the organisation; its row number.
    pub fn lead_seq_by_request_id(&self, org_id: i64, request_id: &str) -> Result<Option<i64>> {
        self.conn()
            .prepare_cached("SELECT seq FROM leads WHERE org_id = ?1 AND request_id = ?2")
            .and_then(|mut st| st.query_row(params![org_id, request_id], |r| r.get(0)).optional())
            .map_err(sql)
    }
}
