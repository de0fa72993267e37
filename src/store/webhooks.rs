//! Provider webhook deliveries (`webhook_deliveries`), the meetings they describe (`meetings`,
//! `meeting_attendees`) and the lead events they record (`message_events` with a provider
//! event id, so a re-applied delivery never records an event twice).

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Reader, Tx, sql};
use crate::error::Result;

/// A stored delivery, without its body (for `webhooks list`).
#[derive(Debug, Clone, Serialize)]
pub struct DeliverySummary {
    pub id: i64,
    pub provider: String,
    pub event_type: Option<String>,
    pub received_at: String,
    /// The provider's native signature was verified (false: accepted by shared secret only,
    /// or unsigned webhooks allowed for the provider).
    pub signature_ok: bool,
    /// `applied`, `ignored` (an event leadctl does not map) or `failed` (see `error`).
    pub state: String,
    pub error: Option<String>,
    pub processed_at: Option<String>,
}

/// A stored delivery with what arrived.
#[derive(Debug, Clone, Serialize)]
pub struct Delivery {
    #[serde(flatten)]
    pub summary: DeliverySummary,
    /// What identifies the provider's event (duplicates are not stored again).
    pub delivery_key: Option<String>,
    /// The headers that matter (signature values are not kept).
    pub headers: serde_json::Value,
    /// The raw body.
    #[serde(skip)]
    pub body: Vec<u8>,
    pub org_id: i64,
}

/// Which deliveries `webhooks list` shows.
#[derive(Debug, Clone, Default)]
pub struct DeliveryFilter {
    pub org_id: i64,
    pub provider: Option<String>,
    pub failed_only: bool,
    /// Received at or after this time (RFC 3339 UTC).
    pub since: Option<String>,
    pub limit: Option<u64>,
}

/// A delivery to store.
#[derive(Debug, Clone)]
pub struct NewDelivery<'a> {
    pub org_id: i64,
    pub provider: &'a str,
    pub delivery_key: &'a str,
    pub event_type: Option<&'a str>,
    pub received_at: &'a str,
    pub signature_ok: bool,
    pub headers: &'a str,
    pub body: &'a [u8],
}

/// A meeting as a provider describes it; `None` fields keep what is stored.
#[derive(Debug, Clone, Default)]
pub struct MeetingFields {
    pub title: Option<String>,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub join_url: Option<String>,
    pub status: Option<String>,
}

/// A lead event a provider's delivery records (`meeting_booked`, `transcript_ready` ...).
#[derive(Debug, Clone)]
pub struct ProviderEvent<'a> {
    pub lead_seq: i64,
    pub kind: &'a str,
    pub provider: &'a str,
    /// Unique per provider: the same id is never recorded twice.
    pub event_id: &'a str,
    pub occurred_at: &'a str,
    pub payload: &'a serde_json::Value,
}

/// One attendee of a meeting.
#[derive(Debug, Clone, Default)]
pub struct Attendee {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub name: Option<String>,
    pub role: Option<String>,
}

const SUMMARY_COLUMNS: &str =
    "id, provider, event_type, received_at, signature_ok, state, error, processed_at";

fn summary(r: &rusqlite::Row<'_>) -> rusqlite::Result<DeliverySummary> {
    Ok(DeliverySummary {
        id: r.get(0)?,
        provider: r.get(1)?,
        event_type: r.get(2)?,
        received_at: r.get(3)?,
        signature_ok: r.get::<_, i64>(4)? != 0,
        state: r.get(5)?,
        error: r.get(6)?,
        processed_at: r.get(7)?,
    })
}

impl Reader<'_> {
    /// Deliveries matching `f`, newest first.
    pub fn deliveries(&self, f: &DeliveryFilter) -> Result<Vec<DeliverySummary>> {
        let sql_text = format!(
            "SELECT {SUMMARY_COLUMNS} FROM webhook_deliveries WHERE org_id = ?1 \
             AND (?2 IS NULL OR provider = ?2) AND (?3 = 0 OR state = 'failed') \
             AND (?4 IS NULL OR received_at >= ?4) ORDER BY id DESC LIMIT ?5"
        );
        let limit = f.limit.map(|l| l.min(i64::MAX as u64) as i64).unwrap_or(-1);
        let mut st = self.conn.prepare_cached(&sql_text).map_err(sql)?;
        st.query_map(params![f.org_id, f.provider, f.failed_only as i64, f.since, limit], summary)
            .and_then(|rows| rows.collect())
            .map_err(sql)
    }

    /// One delivery of the organisation, with its body.
    pub fn delivery(&self, org_id: i64, id: i64) -> Result<Option<Delivery>> {
        let sql_text = format!(
            "SELECT {SUMMARY_COLUMNS}, delivery_key, headers, raw_payload, org_id \
             FROM webhook_deliveries WHERE id = ?1 AND org_id = ?2"
        );
        self.conn
            .prepare_cached(&sql_text)
            .and_then(|mut st| {
                st.query_row(params![id, org_id], |r| {
                    let headers: Option<String> = r.get(9)?;
                    Ok(Delivery {
                        summary: summary(r)?,
                        delivery_key: r.get(8)?,
                        headers: headers
                            .and_then(|h| serde_json::from_str(&h).ok())
                            .unwrap_or(serde_json::Value::Null),
                        body: r.get(10)?,
                        org_id: r.get(11)?,
                    })
                })
                .optional()
            })
            .map_err(sql)
    }
}

impl Tx<'_> {
    /// Stores a delivery; `None` when one with the same provider and key is already stored
    /// (a provider's retry).
    pub fn insert_delivery(&self, d: &NewDelivery<'_>) -> Result<Option<i64>> {
        self.conn()
            .prepare_cached(
                "INSERT INTO webhook_deliveries (org_id, provider, delivery_key, event_type, \
                 received_at, signature_ok, headers, raw_payload) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING RETURNING id",
            )
            .and_then(|mut st| {
                st.query_row(
                    params![
                        d.org_id,
                        d.provider,
                        d.delivery_key,
                        d.event_type,
                        d.received_at,
                        d.signature_ok as i64,
                        d.headers,
                        d.body
                    ],
                    |r| r.get(0),
                )
                .optional()
            })
            .map_err(sql)
    }

    /// The stored delivery with this provider and key.
    pub fn delivery_by_key(&self, provider: &str, key: &str) -> Result<Option<i64>> {
        self.conn()
            .prepare_cached(
                "SELECT id FROM webhook_deliveries WHERE provider = ?1 AND delivery_key = ?2",
            )
            .and_then(|mut st| st.query_row(params![provider, key], |r| r.get(0)).optional())
            .map_err(sql)
    }

    /// Records how applying a delivery went.
    pub fn finish_delivery(
        &self,
        id: i64,
        state: &str,
        error: Option<&str>,
        now: &str,
    ) -> Result<()> {
        self.conn()
            .prepare_cached(
                "UPDATE webhook_deliveries SET state = ?2, error = ?3, processed_at = ?4 \
                 WHERE id = ?1",
            )
            .and_then(|mut st| st.execute(params![id, state, error, now]))
            .map_err(sql)?;
        Ok(())
    }

    /// Creates or updates the meeting `(org, provider, external_ref)`; returns its id and
    /// whether it is new.
    pub fn upsert_meeting(
        &self,
        org_id: i64,
        provider: &str,
        external_ref: &str,
        m: &MeetingFields,
        now: &str,
    ) -> Result<(i64, bool)> {
        if let Some(id) = self.meeting_id(org_id, provider, external_ref)? {
            self.conn()
                .prepare_cached(
                    "UPDATE meetings SET title = coalesce(?2, title), \
                     starts_at = coalesce(?3, starts_at), ends_at = coalesce(?4, ends_at), \
                     join_url = coalesce(?5, join_url), status = coalesce(?6, status), \
                     updated_at = ?7 WHERE id = ?1",
                )
                .and_then(|mut st| {
                    st.execute(params![
                        id,
                        m.title,
                        m.starts_at,
                        m.ends_at,
                        m.join_url,
                        m.status,
                        now
                    ])
                })
                .map_err(sql)?;
            return Ok((id, false));
        }
        self.conn()
            .prepare_cached(
                "INSERT INTO meetings (org_id, provider, external_ref, title, starts_at, ends_at, \
                 join_url, status, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            )
            .and_then(|mut st| {
                st.execute(params![
                    org_id,
                    provider,
                    external_ref,
                    m.title,
                    m.starts_at,
                    m.ends_at,
                    m.join_url,
                    m.status,
                    now
                ])
            })
            .map_err(sql)?;
        Ok((self.conn().last_insert_rowid(), true))
    }

    /// The meeting `(org, provider, external_ref)`, if stored.
    pub fn meeting_id(
        &self,
        org_id: i64,
        provider: &str,
        external_ref: &str,
    ) -> Result<Option<i64>> {
        self.conn()
            .prepare_cached(
                "SELECT id FROM meetings WHERE org_id = ?1 AND provider = ?2 AND external_ref = ?3",
            )
            .and_then(|mut st| {
                st.query_row(params![org_id, provider, external_ref], |r| r.get(0)).optional()
            })
            .map_err(sql)
    }

    /// Adds an attendee to a meeting, or updates the one with the same email and phone
    /// (a known lead is never unlinked). Returns whether the attendee is linked to a lead
    /// now and was not before.
    pub fn upsert_attendee(
        &self,
        meeting_id: i64,
        a: &Attendee,
        lead_seq: Option<i64>,
    ) -> Result<bool> {
        let existing: Option<(i64, Option<i64>)> = self
            .conn()
            .prepare_cached(
                "SELECT id, lead_seq FROM meeting_attendees WHERE meeting_id = ?1 \
                 AND ifnull(email, '') = ifnull(?2, '') AND ifnull(phone, '') = ifnull(?3, '')",
            )
            .and_then(|mut st| {
                st.query_row(params![meeting_id, a.email, a.phone], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
            })
            .map_err(sql)?;
        match existing {
            Some((id, linked)) => {
                let seq = linked.or(lead_seq);
                self.conn()
                    .prepare_cached(
                        "UPDATE meeting_attendees SET lead_seq = ?2, name = coalesce(?3, name), \
                         role = coalesce(?4, role) WHERE id = ?1",
                    )
                    .and_then(|mut st| st.execute(params![id, seq, a.name, a.role]))
                    .map_err(sql)?;
                Ok(linked.is_none() && seq.is_some())
            }
            None => {
                self.conn()
                    .prepare_cached(
                        "INSERT INTO meeting_attendees (meeting_id, lead_seq, email, phone, name, \
                         role) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    )
                    .and_then(|mut st| {
                        st.execute(params![meeting_id, lead_seq, a.email, a.phone, a.name, a.role])
                    })
                    .map_err(sql)?;
                Ok(lead_seq.is_some())
            }
        }
    }

    /// Every attendee of a meeting: (email, phone, lead).
    pub fn attendees(&self, meeting_id: i64) -> Result<Vec<Attendee>> {
        let mut st = self
            .conn()
            .prepare_cached(
                "SELECT email, phone, name, role FROM meeting_attendees WHERE meeting_id = ?1 \
                 ORDER BY id",
            )
            .map_err(sql)?;
        st.query_map([meeting_id], |r| {
            Ok(Attendee { email: r.get(0)?, phone: r.get(1)?, name: r.get(2)?, role: r.get(3)? })
        })
        .and_then(|rows| rows.collect())
        .map_err(sql)
    }

    /// Records a provider event on a lead once: a second call with the same provider and
    /// event id does nothing. Returns whether it was recorded now.
    pub fn provider_event(&self, e: &ProviderEvent<'_>, now: &str) -> Result<bool> {
        let n = self
            .conn()
            .prepare_cached(
                "INSERT INTO message_events (lead_seq, occurred_at, kind, channel, provider, \
                 provider_event_id, payload, actor, created_at) \
                 VALUES (?1, ?2, ?3, 'meeting', ?4, ?5, ?6, ?4, ?7) ON CONFLICT DO NOTHING",
            )
            .and_then(|mut st| {
                st.execute(params![
                    e.lead_seq,
                    e.occurred_at,
                    e.kind,
                    e.provider,
                    e.event_id,
                    e.payload.to_string(),
                    now
                ])
            })
            .map_err(sql)?;
        Ok(n > 0)
    }
}
