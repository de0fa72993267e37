//! What a verified delivery changes, inside the writer's transaction. Applying the same
//! delivery again (a replay) changes nothing more: leads are found by email before one is
//! made, meetings are keyed on the provider's reference, attendees on their email and phone,
//! and lead events on the delivery's key.
//!
//! - Calendly `invitee.created`: the lead found or created by the invitee's email (name, UTM
//!   tracking, source `calendly`), a meeting with the invitee as attendee, a `meeting_booked`
//!   event. `invitee.canceled`: a `meeting_canceled` event, the invitee marked canceled, and
//!   the meeting canceled when the event itself is (a group event goes on for the others).
//! - Zoom `meeting.started` / `meeting.ended` / `meeting.participant_joined`: the meeting
//!   upserted; participants resolved to leads by email or phone.
//! - Fireflies `meeting.transcribed` (V1 "Transcription completed"): the meeting upserted with
//!   the attendees the payload names; a `transcript_ready` event on each resolved lead.
//! - Standard Webhooks senders: `lead.created` with a lead in `data` goes through the ingest
//!   core; other types are stored only.
//!
//! Attendees that match no lead are kept unresolved; every apply (and `webhooks replay`)
//! tries to resolve the meeting's unresolved attendees again.

use serde_json::{Value, json};

use super::Kind;
use crate::error::Result;
use crate::ingest::normalize::{normalize, normalize_email, normalize_phone};
use crate::ingest::record::{Field, InputRecord};
use crate::ingest::write::{Outcome, write_lead};
use crate::queue::OutboxConfig;
use crate::store::webhooks::{Attendee, MeetingFields, ProviderEvent};
use crate::store::{Act, Tx};

/// What applying needs besides the transaction.
pub struct ApplyCtx<'a> {
    /// Organisation, actor and time.
    pub act: Act<'a>,
    /// Region for phones without a country code.
    pub region: phonenumber::country::Id,
    /// Which outbox items a new lead gets.
    pub outbox: &'a OutboxConfig,
}

/// What a delivery changed, for the log and the stored state.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    /// `applied`, or `ignored` for an event leadctl does not map.
    pub state: &'static str,
    /// Leads created or merged: (id, outcome).
    pub leads: Vec<(String, Outcome)>,
    /// Meetings created or updated: (id, new).
    pub meetings: Vec<(i64, bool)>,
    /// Attendees resolved to a lead: (meeting, lead id).
    pub resolved: Vec<(i64, String)>,
    /// Lead events recorded now (not on an earlier apply).
    pub events: usize,
}

/// Applies a delivery. `Ok(Err(reason))`: the payload cannot be mapped (the delivery is kept,
/// marked failed, and can be replayed after a fix); `Err`: the database failed.
pub fn apply(
    tx: &Tx<'_>,
    cx: &ApplyCtx<'_>,
    kind: Kind,
    provider: &str,
    key: &str,
    v: &Value,
) -> Result<std::result::Result<Applied, String>> {
    let mut out = Applied { state: "applied", ..Default::default() };
    let r = match kind {
        Kind::Calendly => calendly(tx, cx, key, v, &mut out)?,
        Kind::Zoom => zoom(tx, cx, v, &mut out)?,
        Kind::Fireflies => fireflies(tx, cx, key, v, &mut out)?,
        Kind::Standard => standard(tx, cx, provider, key, v, &mut out)?,
    };
    Ok(r.map(|()| out))
}

type Mapped = Result<std::result::Result<(), String>>;

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A provider's time (RFC 3339) in leadctl's stored format.
fn time_of(v: &Value) -> Option<String> {
    let s = v.as_str()?;
    crate::time::parse_timestamp(s).ok().map(crate::time::format)
}

/// A Unix time in milliseconds (Zoom `event_ts`, Fireflies `timestamp`) in the stored format.
fn time_of_ms(v: &Value) -> Option<String> {
    let ms = v.as_i64().or_else(|| v.as_str()?.parse().ok())?;
    chrono::DateTime::from_timestamp_millis(ms)
        .filter(|t| (1970..=9999).contains(&chrono::Datelike::year(t)))
        .map(crate::time::format)
}

fn calendly(tx: &Tx<'_>, cx: &ApplyCtx<'_>, key: &str, v: &Value, out: &mut Applied) -> Mapped {
    let event = v["event"].as_str().unwrap_or("");
    if event != "invitee.created" && event != "invitee.canceled" {
        out.state = "ignored";
        return Ok(Ok(()));
    }
    let p = &v["payload"];
    let Some(email) = text(&p["email"]) else {
        return Ok(Err("payload.email is missing".into()));
    };
    let ev = &p["scheduled_event"];
    let Some(meeting_ref) = text(&ev["uri"]).or_else(|| text(&p["uri"])) else {
        return Ok(Err("payload.scheduled_event.uri is missing".into()));
    };
    let occurred = time_of(&p["created_at"])
        .or_else(|| time_of(&v["created_at"]))
        .unwrap_or_else(|| cx.act.now.to_string());
    let name = text(&p["name"]).or_else(|| {
        let full = format!(
            "{} {}",
            text(&p["first_name"]).unwrap_or_default(),
            text(&p["last_name"]).unwrap_or_default()
        );
        Some(full.trim().to_string()).filter(|s| !s.is_empty())
    });
    let seq = if event == "invitee.created" {
        let mut rec = InputRecord::default();
        rec.set(Field::Email, &email);
        if let Some(n) = &name {
            rec.set(Field::Name, n);
        }
        rec.set(Field::Source, "calendly");
        let t = &p["tracking"];
        for (field, k) in [
            (Field::UtmSource, "utm_source"),
            (Field::UtmMedium, "utm_medium"),
            (Field::UtmCampaign, "utm_campaign"),
        ] {
            if let Some(val) = text(&t[k]) {
                rec.set(field, &val);
            }
        }
        match ingest(tx, cx, rec, "calendly", out)? {
            Ok(seq) => Some(seq),
            Err(e) => return Ok(Err(e)),
        }
    } else {
        match normalize_email(&email) {
            Ok((_, norm)) => tx.reader().lead_by_email(cx.act.org_id, &norm)?,
            Err(e) => return Ok(Err(format!("payload.email: {e}"))),
        }
    };
    let canceled = event == "invitee.canceled";
    let rescheduled = p["rescheduled"].as_bool() == Some(true);
    // One invitee of a group event canceling leaves the meeting on for the others: the
    // meeting is canceled only when Calendly says the event itself is.
    let status = if !canceled {
        Some("scheduled")
    } else if ev["status"].as_str() == Some("active") {
        None
    } else if rescheduled {
        Some("rescheduled")
    } else {
        Some("canceled")
    };
    let fields = MeetingFields {
        title: text(&ev["name"]),
        starts_at: time_of(&ev["start_time"]),
        ends_at: time_of(&ev["end_time"]),
        join_url: text(&ev["location"]["join_url"]),
        status: status.map(str::to_string),
    };
    let (meeting, new) =
        tx.upsert_meeting(cx.act.org_id, "calendly", &meeting_ref, &fields, cx.act.now)?;
    out.meetings.push((meeting, new));
    let attendee = Attendee {
        email: normalize_email(&email).ok().map(|(_, k)| k),
        phone: None,
        name,
        role: Some(if canceled { "invitee (canceled)" } else { "invitee" }.into()),
    };
    attend(tx, meeting, &attendee, seq, out)?;
    resolve_meeting(tx, cx, meeting, out)?;
    if let Some(seq) = seq {
        let kind = if canceled { "meeting_canceled" } else { "meeting_booked" };
        let mut payload = json!({
            "meeting_id": meeting, "title": fields.title, "starts_at": fields.starts_at,
        });
        if canceled {
            payload["reason"] = p["cancellation"]["reason"].clone();
            payload["canceled_by"] = p["cancellation"]["canceler_type"].clone();
        }
        let e = ProviderEvent {
            lead_seq: seq,
            kind,
            provider: "calendly",
            event_id: key,
            occurred_at: &occurred,
            payload: &payload,
        };
        if tx.provider_event(&e, cx.act.now)? {
            out.events += 1;
        }
    }
    Ok(Ok(()))
}

fn zoom(tx: &Tx<'_>, cx: &ApplyCtx<'_>, v: &Value, out: &mut Applied) -> Mapped {
    let event = v["event"].as_str().unwrap_or("");
    let status = match event {
        "meeting.started" | "meeting.participant_joined" => "started",
        "meeting.ended" => "ended",
        _ => {
            out.state = "ignored";
            return Ok(Ok(()));
        }
    };
    let o = &v["payload"]["object"];
    let Some(uuid) = text(&o["uuid"]) else {
        return Ok(Err("payload.object.uuid is missing".into()));
    };
    let fields = MeetingFields {
        title: text(&o["topic"]),
        starts_at: time_of(&o["start_time"]),
        ends_at: time_of(&o["end_time"]),
        join_url: text(&o["join_url"]),
        // A participant joining does not reopen an ended meeting.
        status: (event != "meeting.participant_joined").then(|| status.to_string()),
    };
    let (meeting, new) = tx.upsert_meeting(cx.act.org_id, "zoom", &uuid, &fields, cx.act.now)?;
    out.meetings.push((meeting, new));
    let mut people: Vec<&Value> =
        o["participants"].as_array().map(|a| a.iter().collect()).unwrap_or_default();
    if o["participant"].is_object() {
        people.push(&o["participant"]);
    }
    for person in people {
        let a = attendee_of(person, cx.region, "participant");
        if a.email.is_some() || a.phone.is_some() {
            let seq = find_lead(tx, cx, &a)?;
            attend(tx, meeting, &a, seq, out)?;
        }
    }
    resolve_meeting(tx, cx, meeting, out)?;
    Ok(Ok(()))
}

fn fireflies(tx: &Tx<'_>, cx: &ApplyCtx<'_>, key: &str, v: &Value, out: &mut Applied) -> Mapped {
    let event = text(&v["event"]).or_else(|| text(&v["eventType"])).unwrap_or_default();
    if event != "meeting.transcribed" && !event.eq_ignore_ascii_case("transcription completed") {
        out.state = "ignored";
        return Ok(Ok(()));
    }
    let Some(id) = text(&v["meeting_id"]).or_else(|| text(&v["meetingId"])) else {
        return Ok(Err("meeting_id is missing".into()));
    };
    let occurred = time_of_ms(&v["timestamp"]).unwrap_or_else(|| cx.act.now.to_string());
    let fields = MeetingFields {
        title: text(&v["title"]),
        status: Some("transcribed".into()),
        ..Default::default()
    };
    let (meeting, new) = tx.upsert_meeting(cx.act.org_id, "fireflies", &id, &fields, cx.act.now)?;
    out.meetings.push((meeting, new));
    for list in ["attendees", "participants", "meeting_attendees"] {
        for person in v[list].as_array().into_iter().flatten() {
            let a = attendee_of(person, cx.region, "attendee");
            if a.email.is_some() || a.phone.is_some() {
                let seq = find_lead(tx, cx, &a)?;
                attend(tx, meeting, &a, seq, out)?;
            }
        }
    }
    resolve_meeting(tx, cx, meeting, out)?;
    // The event goes on every lead resolved among the meeting's attendees, now or on a replay.
    let payload = json!({"meeting_id": meeting, "transcript_id": id});
    for a in tx.attendees(meeting)? {
        if let Some(seq) = find_lead(tx, cx, &a)? {
            let event_id = format!("{key}:{seq}");
            let e = ProviderEvent {
                lead_seq: seq,
                kind: "transcript_ready",
                provider: "fireflies",
                event_id: &event_id,
                occurred_at: &occurred,
                payload: &payload,
            };
            if tx.provider_event(&e, cx.act.now)? {
                out.events += 1;
            }
        }
    }
    Ok(Ok(()))
}

fn standard(
    tx: &Tx<'_>,
    cx: &ApplyCtx<'_>,
    provider: &str,
    key: &str,
    v: &Value,
    out: &mut Applied,
) -> Mapped {
    let ty = v["type"].as_str().unwrap_or("");
    if ty != "lead.created" || !v["data"].is_object() {
        out.state = "ignored";
        return Ok(Ok(()));
    }
    let mut rec = match InputRecord::from_json(&v["data"]) {
        Ok(r) => r,
        Err(fields) => return Ok(Err(field_errors(&fields))),
    };
    if rec.source.is_none() {
        rec.set(Field::Source, provider);
    }
    // The message id makes a replay of the same message a duplicate, not a second lead.
    rec.set(Field::RequestId, &format!("{provider}:{key}"));
    ingest(tx, cx, rec, provider, out).map(|r| r.map(|_| ()))
}

/// Creates or merges a lead through the ingest core; returns its row.
fn ingest(
    tx: &Tx<'_>,
    cx: &ApplyCtx<'_>,
    rec: InputRecord,
    provider: &str,
    out: &mut Applied,
) -> Result<std::result::Result<i64, String>> {
    let lead = match normalize(rec, cx.region) {
        Ok(n) => n.lead,
        Err(fields) => return Ok(Err(field_errors(&fields))),
    };
    let w = match write_lead(tx, &cx.act, &lead)? {
        Ok(w) => w,
        Err(e) => return Ok(Err(field_errors(&[e]))),
    };
    if w.outcome == Outcome::Created {
        crate::queue::enqueue::enqueue(tx, &cx.act, cx.outbox, &lead, &w)?;
    }
    if w.outcome != Outcome::Duplicate {
        crate::serve::writer::audit_ingest(tx, &cx.act, &lead, &w, &format!("webhook:{provider}"))?;
    }
    out.leads.push((w.id.clone(), w.outcome));
    Ok(Ok(w.seq))
}

fn field_errors(fields: &[crate::ingest::FieldError]) -> String {
    fields.iter().map(|f| format!("{}: {}", f.field, f.reason)).collect::<Vec<_>>().join("; ")
}

/// An attendee from a provider's person: an email string, or an object with email / phone /
/// name under the names providers use.
fn attendee_of(person: &Value, region: phonenumber::country::Id, role: &str) -> Attendee {
    let (email, phone, name) = match person {
        Value::String(s) => (Some(s.clone()), None, None),
        p => (
            text(&p["email"]).or_else(|| text(&p["user_email"])),
            text(&p["phone"]).or_else(|| text(&p["phone_number"])),
            text(&p["name"]).or_else(|| text(&p["user_name"])).or_else(|| text(&p["displayName"])),
        ),
    };
    Attendee {
        email: email.and_then(|e| normalize_email(&e).ok()).map(|(_, k)| k),
        phone: phone.and_then(|p| normalize_phone(&p, region).ok()),
        name,
        role: Some(role.into()),
    }
}

/// The lead an attendee is: by email, else by phone.
fn find_lead(tx: &Tx<'_>, cx: &ApplyCtx<'_>, a: &Attendee) -> Result<Option<i64>> {
    let r = tx.reader();
    if let Some(e) = &a.email {
        if let Some(seq) = r.lead_by_email(cx.act.org_id, e)? {
            return Ok(Some(seq));
        }
    }
    match &a.phone {
        Some(p) => r.lead_by_phone(cx.act.org_id, p),
        None => Ok(None),
    }
}

fn attend(
    tx: &Tx<'_>,
    meeting: i64,
    a: &Attendee,
    seq: Option<i64>,
    out: &mut Applied,
) -> Result<()> {
    if let (true, Some(seq)) = (tx.upsert_attendee(meeting, a, seq)?, seq) {
        out.resolved.push((meeting, tx.reader().lead_id(seq)?));
    }
    Ok(())
}

/// Tries to resolve the meeting's attendees that match no lead yet.
fn resolve_meeting(tx: &Tx<'_>, cx: &ApplyCtx<'_>, meeting: i64, out: &mut Applied) -> Result<()> {
    for a in tx.attendees(meeting)? {
        if let Some(seq) = find_lead(tx, cx, &a)? {
            attend(tx, meeting, &a, Some(seq), out)?;
        }
    }
    Ok(())
}
