//! Writing one normalised lead inside a transaction: deduplication and merge rules.
//!
//! Order of matching, within the organisation: the same `request_id` is a duplicate (a no-op,
//! so retries are idempotent); then the same `id` (an export read back); then the same
//! normalised email; then, only when the input has no email, the same E.164 phone. A match is
//! merged: empty fields are filled, tags united, consent appended as history. A merge never
//! changes status, notes, or a recorded consent withdrawal.

use super::FieldError;
use crate::error::Result;
use crate::model::{ConsentState, NewLead};
use crate::privacy::truncate_email;
use crate::store::leads::fillable_value;
use crate::store::{Act, Tx};

/// What happened to one lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A new lead.
    Created,
    /// Merged into an existing lead.
    Merged,
    /// The same request was seen before; nothing written.
    Duplicate,
}

/// The result of writing one lead.
#[derive(Debug, Clone)]
pub struct Written {
    /// What happened.
    pub outcome: Outcome,
    /// The lead's public id.
    pub id: String,
    /// The lead's row number.
    pub seq: i64,
    /// Non-fatal notes (e.g. an email not filled because another lead has it).
    pub warnings: Vec<FieldError>,
}

/// Writes `lead` into the organisation of `act` inside `tx`. `Ok(Err(..))` is a rejection of
/// this lead only. A merge writes a `lead.merge` audit entry naming the fields it filled.
pub fn write_lead(
    tx: &Tx<'_>,
    act: &Act<'_>,
    lead: &NewLead,
) -> Result<std::result::Result<Written, FieldError>> {
    let (org_id, now) = (act.org_id, act.now);
    let r = tx.reader();
    if let Some(rid) = &lead.request_id {
        if let Some((seq, id)) = r.lead_by_request_id(org_id, rid)? {
            return Ok(Ok(Written { outcome: Outcome::Duplicate, id, seq, warnings: Vec::new() }));
        }
    }
    let mut target = None;
    if let Some(id) = &lead.id {
        match r.lead_by_id(id)? {
            // An erased lead never takes personal data again: the record is matched by email
            // or phone as if it had no id, and makes a new lead (with a new id) if none matches.
            Some((seq, o)) if o == org_id && r.is_erased(seq)? => {
                let fresh = NewLead { id: None, ..lead.clone() };
                let mut written = match write_lead(tx, act, &fresh)? {
                    Ok(w) => w,
                    Err(e) => return Ok(Err(e)),
                };
                written.warnings.push(FieldError::new(
                    "id",
                    "this id belongs to an erased lead; the record was not merged into it",
                ));
                return Ok(Ok(written));
            }
            Some((seq, o)) if o == org_id => target = Some(seq),
            Some(_) => {
                return Ok(Err(FieldError::new("id", "this id belongs to another organisation")));
            }
            None => {}
        }
    }
    if target.is_none() {
        if let Some(key) = &lead.email_norm {
            target = r.lead_by_email(org_id, key)?;
        } else if let Some(phone) = &lead.phone {
            target = r.lead_by_phone(org_id, phone)?;
        }
    }
    let written = match target {
        Some(seq) => merge(tx, act, seq, lead)?,
        None => create(tx, org_id, lead, now)?,
    };
    if tracing::enabled!(tracing::Level::DEBUG) {
        // Logs carry truncated emails only.
        let email = lead.email.as_deref().map(truncate_email).unwrap_or_default();
        tracing::debug!(id = %written.id, outcome = ?written.outcome, %email, "lead written");
    }
    Ok(Ok(written))
}

fn create(tx: &Tx<'_>, org_id: i64, lead: &NewLead, now: &str) -> Result<Written> {
    let id = lead.id.clone().unwrap_or_else(crate::model::new_id);
    let seq = tx.insert_lead(org_id, &id, now, lead)?;
    if !lead.tags.is_empty() {
        tx.add_tags(org_id, seq, &lead.tags)?;
    }
    let at = lead.consent_at.as_deref().unwrap_or(now);
    for (channel, state) in &lead.consents {
        let source = lead.source.as_deref().or(Some("ingest"));
        tx.record_consent(seq, *channel, *state, source, at, lead.request_id.as_deref())?;
    }
    Ok(Written { outcome: Outcome::Created, id, seq, warnings: Vec::new() })
}

fn merge(tx: &Tx<'_>, act: &Act<'_>, seq: i64, lead: &NewLead) -> Result<Written> {
    let (org_id, now) = (act.org_id, act.now);
    let r = tx.reader();
    let current = r.fillable(seq)?;
    let has = |col: &str| current.values.iter().any(|(c, v)| *c == col && v.is_some());
    let mut warnings = Vec::new();
    let mut changes: Vec<(&'static str, String)> = Vec::new();
    for (col, value) in &current.values {
        if value.is_some() {
            continue;
        }
        // A raw phone only fills in when there is no parsed phone either.
        if *col == "phone_raw" && (has("phone") || lead.phone.is_some()) {
            continue;
        }
        if let Some(v) = fillable_value(lead, col) {
            changes.push((*col, v.to_string()));
        }
    }
    if let Some(key) = changes.iter().find(|(c, _)| *c == "email_norm").map(|(_, v)| v.clone()) {
        if r.lead_by_email(org_id, &key)?.is_some_and(|other| other != seq) {
            changes.retain(|(c, _)| *c != "email" && *c != "email_norm");
            warnings.push(FieldError::new("email", "another lead has this email; not merged in"));
        }
    }
    // The lead keeps the request id that created it; later ones are remembered beside it.
    if let Some(rid) = &lead.request_id {
        if has("request_id") {
            tx.add_request_id(org_id, seq, rid, now)?;
        }
    }
    tx.fill_lead(seq, now, &changes)?;
    let tags_added = if lead.tags.is_empty() { 0 } else { tx.add_tags(org_id, seq, &lead.tags)? };
    let at = lead.consent_at.as_deref().unwrap_or(now);
    for (channel, state) in &lead.consents {
        let latest = r.latest_consent(seq, *channel)?;
        let record = match latest.as_ref().map(|c| c.state.as_str()) {
            None => true,
            // A recorded withdrawal is never overwritten by a merge.
            Some("withdrawn") => false,
            Some(s) => s != state.as_str() && *state == ConsentState::Withdrawn,
        };
        if record {
            let source = lead.source.as_deref().or(Some("ingest"));
            tx.record_consent(seq, *channel, *state, source, at, lead.request_id.as_deref())?;
        } else if latest.is_some_and(|c| c.state == "withdrawn") && *state == ConsentState::Granted
        {
            warnings.push(FieldError::new(
                format!("consent_{}", channel.as_str()),
                "consent was withdrawn before; a merge does not grant it again",
            ));
        }
    }
    let target = r.lead_ref(seq)?;
    let filled: Vec<&str> =
        changes.iter().map(|(c, _)| *c).filter(|c| *c != "email_norm").collect();
    let details = serde_json::json!({
        "filled": filled, "tags_added": tags_added, "source": lead.source,
    });
    tx.audit(&crate::store::audit::AuditEntry {
        at: now,
        actor: act.actor,
        action: "lead.merge",
        org_id: Some(org_id),
        entity_type: Some("lead"),
        entity_id: Some(&target.id),
        lead_id: Some(&target.id),
        request_id: lead.request_id.as_deref(),
        details: Some(details.to_string()),
        ..Default::default()
    })?;
    Ok(Written { outcome: Outcome::Merged, id: target.id, seq, warnings })
}
