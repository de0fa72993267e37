//! Deciding and writing the outbox items of one written lead.
//!
//! - `forward` for every new lead and every repeat submission that carries a request id; the
//!   idempotency key is the request id (the receiver drops repeats), or `lead:<id>` for a new
//!   lead without one. The payload is the site-form shape of the submission.
//! - `welcome_email` for a new lead with an email and a granted email consent.
//! - `admin_alert` for a new lead.

use serde_json::json;

use super::OutboxConfig;
use crate::error::Result;
use crate::ingest::{Outcome, Written};
use crate::model::{Channel, ConsentState, NewLead};
use crate::store::{Act, Tx};

/// Writes the outbox items `config` asks for after `lead` was written as `written`; returns
/// how many were added (a repeated idempotency key adds none).
pub fn enqueue(
    tx: &Tx<'_>,
    act: &Act<'_>,
    config: &OutboxConfig,
    lead: &NewLead,
    written: &Written,
) -> Result<usize> {
    let created = written.outcome == Outcome::Created;
    if written.outcome == Outcome::Duplicate || !config.any() {
        return Ok(0);
    }
    let mut added = 0;
    if config.forward {
        let key = match (&lead.request_id, created) {
            (Some(rid), _) => Some(rid.clone()),
            (None, true) => Some(format!("lead:{}", written.id)),
            (None, false) => None,
        };
        if let Some(key) = key {
            let payload = form_payload(lead, &written.id);
            added += tx.enqueue(act, written.seq, "forward", &key, &payload.to_string())?;
        }
    }
    if !created {
        return Ok(added);
    }
    let consented = lead.consents.contains(&(Channel::Email, ConsentState::Granted));
    if config.welcome_email && consented {
        if let Some(to) = &lead.email {
            let payload = json!({"to": to, "lead_id": written.id});
            let key = format!("welcome:{}", written.id);
            added += tx.enqueue(act, written.seq, "welcome_email", &key, &payload.to_string())?;
        }
    }
    if let Some(admin) = &config.admin_alert {
        let payload = json!({"to": admin, "lead_id": written.id});
        let key = format!("admin:{}", written.id);
        added += tx.enqueue(act, written.seq, "admin_alert", &key, &payload.to_string())?;
    }
    Ok(added)
}

/// The site-form shape of a submission: name, email, phone, company, service, message,
/// consent, meta (source, request_id, timestamp_utc, lead_id).
fn form_payload(lead: &NewLead, id: &str) -> serde_json::Value {
    let name = [lead.first_name.as_deref(), lead.last_name.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let consent = |c: Channel| {
        lead.consents.iter().find(|(ch, _)| *ch == c).map(|(_, s)| *s == ConsentState::Granted)
    };
    json!({
        "name": (!name.is_empty()).then_some(name),
        "email": lead.email,
        "phone": lead.phone.as_ref().or(lead.phone_raw.as_ref()),
        "company": lead.company,
        "service": lead.service,
        "message": lead.message,
        "consent": {"email": consent(Channel::Email), "sms": consent(Channel::Sms)},
        "meta": {
            "source": lead.source,
            "request_id": lead.request_id,
            "timestamp_utc": lead.consent_at,
            "lead_id": id,
        },
    })
}
