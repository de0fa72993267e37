//! The demo CRM of `leadctl seed-demo`: 30 leads across every status, source, campaign and
//! tag, with consents, notes, events, status history, tasks, a meeting and outbox items.
//!
//! The data is fixed and its times are counted back from the start of the current UTC day,
//! and lead ids are derived from the organisation and the lead's demo key: two runs on one day
//! write the same rows, and a later run the same data moved to that day.

use chrono::{DateTime, Duration, Utc};

use crate::error::Result;
use crate::model::{Channel, ConsentState, NewLead, Status};
use crate::store::Tx;
use crate::store::demo::{DEMO_PREFIX, DemoEvent, DemoOutboxItem};

/// The coach who owns most demo leads and their tasks.
pub const COACH: &str = "demo_coach@example.com";
/// The person known only by an email.
pub const EMAIL_ONLY: &str = "alice.client@example.com";
/// The person known only by a phone.
pub const PHONE_ONLY: &str = "+15551234567";

/// One regular demo lead.
struct Person {
    first: &'static str,
    last: &'static str,
    company: &'static str,
    domain: &'static str,
    phone: Option<&'static str>,
    status: Status,
    source: &'static str,
    /// Index into [`CAMPAIGNS`], if the lead came from a campaign.
    campaign: Option<usize>,
    tags: &'static [&'static str],
    service: &'static str,
    days_ago: i64,
}

/// utm_source, utm_medium, utm_campaign.
const CAMPAIGNS: [(&str, &str, &str); 4] = [
    ("google", "cpc", "spring-launch"),
    ("newsletter", "email", "november-newsletter"),
    ("linkedin", "social", "founder-webinar"),
    ("partner", "referral", "partner-program"),
];

#[allow(clippy::too_many_arguments)]
const fn p(
    first: &'static str,
    last: &'static str,
    company: &'static str,
    domain: &'static str,
    phone: Option<&'static str>,
    status: Status,
    source: &'static str,
    campaign: Option<usize>,
    tags: &'static [&'static str],
    service: &'static str,
    days_ago: i64,
) -> Person {
    Person {
        first,
        last,
        company,
        domain,
        phone,
        status,
        source,
        campaign,
        tags,
        service,
        days_ago,
    }
}

use Status::{Converted, Invited, Lost, New, Waitlist};

#[rustfmt::skip]
const PEOPLE: [Person; 28] = [
    p("Maya", "Okafor", "Brightpath Labs", "brightpath.example.com", Some("+14155550132"), New, "website", Some(0), &["hot"], "coaching", 1),
    p("Lucas", "Moreau", "Atelier Nord", "ateliernord.example.org", Some("+33612345678"), New, "website", Some(1), &[], "workshop", 2),
    p("Priya", "Raman", "Kestrel Analytics", "kestrel.example.com", None, New, "linkedin", Some(2), &["webinar"], "coaching", 3),
    p("Tom", "Becker", "Becker & Sons", "becker.example.net", Some("+4915112345678"), New, "referral", None, &["follow-up"], "audit", 4),
    p("Sofia", "Rossi", "Verde Studio", "verdestudio.example.org", Some("+393471234567"), New, "event", None, &[], "workshop", 6),
    p("Daniel", "Kim", "Harbor Freight Co", "harbor.example.com", Some("+12125550178"), New, "website", Some(0), &["enterprise"], "audit", 9),
    p("Amara", "Nwosu", "Lagos Digital", "lagosdigital.example.net", None, New, "calendly", None, &["hot", "follow-up"], "coaching", 12),
    p("Jonas", "Lindqvist", "Fjord Systems", "fjord.example.com", Some("+46701234567"), New, "partner", Some(3), &["partner"], "audit", 15),
    p("Elena", "García", "Sol y Mar", "solymar.example.org", Some("+34612345678"), Waitlist, "website", Some(1), &["newsletter"], "workshop", 20),
    p("Kenji", "Watanabe", "Sakura Robotics", "sakura.example.com", None, Waitlist, "linkedin", Some(2), &["webinar"], "coaching", 26),
    p("Grace", "Mensah", "Mensah Consulting", "mensah.example.net", Some("+447700900123"), Waitlist, "referral", None, &[], "coaching", 33),
    p("Omar", "Haddad", "Cedar Logistics", "cedar.example.com", Some("+12065550199"), Waitlist, "event", None, &["enterprise"], "audit", 41),
    p("Chloé", "Dubois", "Maison Claire", "maisonclaire.example.org", None, Waitlist, "import", None, &["newsletter"], "workshop", 55),
    p("Noah", "Fischer", "Alpine Health", "alpine.example.com", Some("+41791234567"), Invited, "website", Some(0), &["follow-up"], "coaching", 18),
    p("Aisha", "Khan", "Indus Ventures", "indus.example.net", Some("+919812345678"), Invited, "calendly", None, &["vip"], "coaching", 24),
    p("Mateo", "Silva", "Rio Craft", "riocraft.example.com", Some("+5511987654321"), Invited, "partner", Some(3), &["partner"], "workshop", 30),
    p("Hannah", "Schmidt", "Nordlicht GmbH", "nordlicht.example.org", None, Invited, "linkedin", Some(2), &["webinar", "follow-up"], "audit", 38),
    p("Liam", "O'Brien", "Shamrock Media", "shamrock.example.com", Some("+353871234567"), Invited, "referral", None, &[], "coaching", 47),
    p("Yuki", "Tanaka", "Tanaka Design", "tanaka.example.net", Some("+819012345678"), Invited, "website", Some(1), &["newsletter"], "workshop", 62),
    p("Isabella", "Costa", "Lisbon Labs", "lisbonlabs.example.com", Some("+351912345678"), Converted, "referral", None, &["vip", "enterprise"], "audit", 70),
    p("Ethan", "Walker", "Walker Outdoor", "walker.example.org", Some("+61412345678"), Converted, "website", Some(0), &["hot"], "coaching", 84),
    p("Fatima", "Zahra", "Atlas Foods", "atlas.example.com", None, Converted, "event", None, &["enterprise"], "workshop", 97),
    p("Oliver", "Nielsen", "Nordic Cycle", "nordic.example.net", Some("+4520123456"), Converted, "calendly", None, &["vip"], "coaching", 120),
    p("Zoe", "Martin", "Martin & Co", "martinco.example.com", Some("+15035550111"), Converted, "partner", Some(3), &["partner", "vip"], "audit", 150),
    p("Ravi", "Patel", "Saffron Retail", "saffron.example.org", Some("+447700900456"), Lost, "website", Some(0), &[], "coaching", 45),
    p("Mia", "Johansson", "Birch & Pine", "birchpine.example.com", None, Lost, "import", None, &["newsletter"], "workshop", 90),
    p("Samuel", "Adeyemi", "Delta Freight", "deltafreight.example.net", Some("+2348031234567"), Lost, "linkedin", Some(2), &["webinar"], "audit", 130),
    p("Lena", "Vogel", "Vogel Architekten", "vogel.example.org", Some("+436641234567"), Lost, "referral", None, &[], "coaching", 200),
];

/// How far a lead went through the pipeline to reach its status.
fn path_to(status: Status) -> &'static [Status] {
    match status {
        New => &[],
        Waitlist => &[Waitlist],
        Invited => &[Waitlist, Invited],
        Converted => &[Invited, Converted],
        Lost => &[Invited, Lost],
    }
}

/// What one run wrote.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct DemoCounts {
    pub leads: u64,
    pub notes: u64,
    pub events: u64,
    pub status_changes: u64,
    pub consents: u64,
    pub tasks: u64,
    pub outbox_items: u64,
    pub meetings: u64,
    pub attendees: u64,
    /// Demo leads kept from an earlier run (non-demo data refers to them), not written again.
    pub kept: u64,
    /// Demo people not written because a lead that is not demo data has their email or phone.
    pub skipped: Vec<String>,
}

/// A lead id that is the same for the same organisation and key: a UUIDv7 of the lead's
/// creation time whose random bits come from a hash.
pub(crate) fn stable_id(org: &str, key: &str, created: DateTime<Utc>) -> String {
    use sha2::{Digest, Sha256};
    let h = Sha256::digest(format!("{org}\n{key}").as_bytes());
    let mut bytes = [0u8; 10];
    bytes.copy_from_slice(&h[..10]);
    let ms = u64::try_from(created.timestamp_millis()).unwrap_or(0);
    uuid::Builder::from_unix_timestamp_millis(ms, &bytes).into_uuid().hyphenated().to_string()
}

/// Writes the demo data set into `tx` for organisation `org_id` (slug `org`), with times
/// counted back from `today` (the start of a UTC day). Demo leads still in the database (kept
/// by the caller) are skipped by their request id.
pub fn write_demo(tx: &Tx<'_>, org_id: i64, org: &str, today: DateTime<Utc>) -> Result<DemoCounts> {
    let mut c = DemoCounts::default();
    let at = |days: i64, hours: i64| {
        crate::time::format(today - Duration::days(days) + Duration::hours(hours))
    };
    let mut seqs = Vec::new();
    for (i, person) in PEOPLE.iter().enumerate() {
        let key = format!("lead-{:02}", i + 1);
        let email =
            format!("{}.{}@{}", ascii_lower(person.first), ascii_lower(person.last), person.domain);
        let created = today - Duration::days(person.days_ago) + Duration::hours(9 + (i as i64 % 8));
        let campaign = person.campaign.map(|k| CAMPAIGNS[k]);
        let lead = NewLead {
            id: Some(stable_id(org, &key, created)),
            created_at: Some(crate::time::format(created)),
            status: Some(person.status),
            first_name: Some(person.first.into()),
            last_name: Some(person.last.into()),
            email_norm: Some(email.to_lowercase()),
            email: Some(email),
            phone: person.phone.map(str::to_string),
            company: Some(person.company.into()),
            service: Some(person.service.into()),
            message: Some(format!(
                "Hi, we are looking for help with a {} this quarter.",
                person.service
            )),
            source: Some(person.source.into()),
            utm_source: campaign.map(|c| c.0.into()),
            utm_medium: campaign.map(|c| c.1.into()),
            utm_campaign: campaign.map(|c| c.2.into()),
            owner: (person.status != New || i % 2 == 0).then(|| COACH.to_string()),
            request_id: Some(format!("{DEMO_PREFIX}{key}")),
            tags: person.tags.iter().map(|t| t.to_string()).collect(),
            ..NewLead::default()
        };
        let Some(seq) = insert(tx, org_id, &lead, &mut c)? else {
            seqs.push(None);
            continue;
        };
        seqs.push(Some(seq));
        let rid = lead.request_id.as_deref();
        let created_s = lead.created_at.as_deref().unwrap_or_default();
        // Consents: email from the form; sms for leads with a phone; some withdrawn later.
        let consent = |channel, state, at: &str| {
            tx.record_consent(seq, channel, state, Some(person.source), at, rid)
        };
        consent(Channel::Email, ConsentState::Granted, created_s)?;
        c.consents += 1;
        if person.phone.is_some() && i % 3 != 2 {
            consent(Channel::Sms, ConsentState::Granted, created_s)?;
            c.consents += 1;
        }
        if i % 7 == 3 {
            consent(Channel::Email, ConsentState::Withdrawn, &at(person.days_ago / 2, 11))?;
            c.consents += 1;
        }
        if i % 9 == 4 && person.phone.is_some() {
            consent(Channel::Sms, ConsentState::Withdrawn, &at(person.days_ago / 3, 15))?;
            c.consents += 1;
        }
        // Status history: created as new, then each step of its path.
        tx.demo_status_change(seq, None, "new", created_s)?;
        let mut from = New;
        let steps = path_to(person.status);
        for (k, to) in steps.iter().enumerate() {
            let day = person.days_ago * (steps.len() - k) as i64 / (steps.len() + 1) as i64;
            tx.demo_status_change(seq, Some(from.as_str()), to.as_str(), &at(day, 10))?;
            from = *to;
        }
        c.status_changes += 1 + steps.len() as u64;
        // Interactions: a welcome email for everyone, more the further they went.
        let mut event = |kind: &str, channel: &str, body: &str, day: i64| {
            c.events += 1;
            tx.demo_event(&DemoEvent {
                lead_seq: seq,
                occurred_at: &at(day, 14),
                kind,
                channel: Some(channel),
                body,
            })
        };
        event("email", "email", "Sent the welcome email with the booking link.", person.days_ago)?;
        if person.status != New {
            event(
                "call",
                "phone",
                "Intro call: goals, timeline and budget.",
                person.days_ago * 2 / 3,
            )?;
        }
        if matches!(person.status, Invited | Converted) {
            event("email", "email", "Sent the proposal and two time slots.", person.days_ago / 3)?;
        }
        if person.phone.is_some() && i % 4 == 1 {
            event("sms", "sms", "Reminder: our call is tomorrow at 10:00.", person.days_ago / 4)?;
        }
        if i % 3 == 0 {
            let body = match person.status {
                Lost => "Went with another provider; ask again next year.",
                Converted => "Signed. Kick-off scheduled with the whole team.",
                _ => "Prefers email over calls. Decision maker is the COO.",
            };
            tx.demo_note(seq, body, &at(person.days_ago / 2, 16))?;
            c.notes += 1;
        }
        // Tasks: open ones due soon, overdue ones, and some done.
        let task = |title: &str, due: i64, done: Option<i64>| {
            let done_at = done.map(|d| at(d, 17));
            tx.demo_task(org_id, seq, title, &at(-due, 17), COACH, created_s, done_at.as_deref())
                .map(|()| true)
        };
        let due = i as i64 % 5;
        let half = person.days_ago / 2;
        let wrote = match i % 4 {
            0 if person.status != Lost => task("Follow up on the proposal", 3 + due, None),
            1 if person.status != Converted => task("Call back about pricing", -(2 + due), None),
            2 => task("Send the case study", -half, Some(half + 1)),
            _ => Ok(false),
        }?;
        c.tasks += u64::from(wrote);
        // Outbox: what the queue did with this lead.
        outbox(tx, org_id, seq, &key, i, created_s, &today, &mut c)?;
    }
    meeting_and_people(tx, org_id, org, today, &mut c)?;
    Ok(c)
}

/// Inserts a demo lead unless it is still there (kept) or a non-demo lead holds its email or
/// phone (never touched); returns its row number when written.
fn insert(tx: &Tx<'_>, org_id: i64, lead: &NewLead, c: &mut DemoCounts) -> Result<Option<i64>> {
    let rid = lead.request_id.as_deref().unwrap_or_default();
    if tx.lead_seq_by_request_id(org_id, rid)?.is_some() {
        return Ok(None);
    }
    let who = lead.email.as_deref().or(lead.phone.as_deref()).unwrap_or_default();
    let email_taken = match &lead.email_norm {
        Some(e) => tx.lead_with_identity(org_id, Some(e), None)?.is_some(),
        None => false,
    };
    let phone_taken = lead.email_norm.is_none()
        && tx.lead_with_identity(org_id, None, lead.phone.as_deref())?.is_some();
    if email_taken || phone_taken {
        c.skipped.push(crate::privacy::truncate_email(who));
        return Ok(None);
    }
    let now = lead.created_at.clone().unwrap_or_default();
    let id = lead.id.clone().unwrap_or_else(crate::model::new_id);
    let seq = tx.insert_lead(org_id, &id, &now, lead)?;
    if !lead.tags.is_empty() {
        tx.add_tags(org_id, seq, &lead.tags)?;
    }
    c.leads += 1;
    Ok(Some(seq))
}

#[allow(clippy::too_many_arguments)]
fn outbox(
    tx: &Tx<'_>,
    org_id: i64,
    seq: i64,
    key: &str,
    i: usize,
    created: &str,
    today: &DateTime<Utc>,
    c: &mut DemoCounts,
) -> Result<()> {
    // (kind, state, attempts, last error): most delivered, a few of everything else.
    let (kind, state, attempts, error) = match i {
        0 | 1 => ("forward", "pending", 0, None),
        2 => ("welcome_email", "pending", 1, Some("SMTP 451 4.7.1 greylisted, try again later")),
        5 => ("forward", "dead", 3, Some("HTTP 500 from https://crm.example.com/hooks/leads")),
        9 => ("welcome_email", "cancelled", 0, None),
        _ if i % 2 == 0 => ("forward", "delivered", 1, None),
        _ => ("welcome_email", "delivered", 1, None),
    };
    let next = match state {
        "pending" => crate::time::format(*today + Duration::days(1)),
        _ => created.to_string(),
    };
    let payload = serde_json::json!({"demo": true, "lead": key}).to_string();
    tx.demo_outbox_item(&DemoOutboxItem {
        org_id,
        lead_seq: seq,
        kind,
        state,
        key,
        payload: &payload,
        attempts,
        last_error: error,
        created_at: created,
        next_attempt_at: &next,
    })?;
    c.outbox_items += 1;
    Ok(())
}

/// The two people known by one identifier each, and the meeting they attend.
fn meeting_and_people(
    tx: &Tx<'_>,
    org_id: i64,
    org: &str,
    today: DateTime<Utc>,
    c: &mut DemoCounts,
) -> Result<()> {
    let created = today - Duration::days(5) + Duration::hours(8);
    let created_s = crate::time::format(created);
    let alice = NewLead {
        id: Some(stable_id(org, "alice", created)),
        created_at: Some(created_s.clone()),
        first_name: Some("Alice".into()),
        email: Some(EMAIL_ONLY.into()),
        email_norm: Some(EMAIL_ONLY.into()),
        source: Some("calendly".into()),
        owner: Some(COACH.into()),
        request_id: Some(format!("{DEMO_PREFIX}alice")),
        ..NewLead::default()
    };
    let phone_only = NewLead {
        id: Some(stable_id(org, "phone-only", created)),
        created_at: Some(created_s.clone()),
        phone: Some(PHONE_ONLY.into()),
        source: Some("phone".into()),
        owner: Some(COACH.into()),
        request_id: Some(format!("{DEMO_PREFIX}phone-only")),
        ..NewLead::default()
    };
    let mut written = [None, None];
    for (slot, lead) in written.iter_mut().zip([&alice, &phone_only]) {
        *slot = insert(tx, org_id, lead, c)?;
        if let Some(seq) = *slot {
            tx.demo_status_change(seq, None, "new", &created_s)?;
            c.status_changes += 1;
        }
    }
    // The meeting is always new; its attendees resolve to whichever lead has the identity,
    // whether this run wrote it or not.
    let starts = today + Duration::days(2) + Duration::hours(15);
    let meeting = tx.demo_meeting(
        org_id,
        "Discovery call with Alice",
        &crate::time::format(starts),
        &crate::time::format(starts + Duration::minutes(45)),
        &created_s,
    )?;
    let alice_seq = tx.lead_with_identity(org_id, Some(EMAIL_ONLY), None)?;
    tx.demo_attendee(meeting, alice_seq, Some(EMAIL_ONLY), None, "Alice")?;
    let phone_seq = tx.lead_with_identity(org_id, None, Some(PHONE_ONLY))?;
    tx.demo_attendee(meeting, phone_seq, None, Some(PHONE_ONLY), "Caller +1 555")?;
    // The booking event goes with a demo Alice this run wrote: a kept one has hers already.
    if let Some(seq) = written[0] {
        tx.demo_event(&DemoEvent {
            lead_seq: seq,
            occurred_at: &created_s,
            kind: "meeting_booked",
            channel: Some("meeting"),
            body: "Booked a discovery call (demo-google-event-1).",
        })?;
        c.events += 1;
    }
    c.meetings += 1;
    c.attendees += 2;
    Ok(())
}

/// Lowercases ASCII letters and drops accents and other characters an email local part would
/// not carry ("Chloé" -> "chloe", "O'Brien" -> "obrien").
fn ascii_lower(s: &str) -> String {
    s.chars()
        .filter_map(|ch| match ch {
            'é' | 'è' | 'ê' => Some('e'),
            'á' | 'à' => Some('a'),
            'í' => Some('i'),
            'ó' | 'ö' => Some('o'),
            'ü' | 'ú' => Some('u'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::normalize::{normalize_email, normalize_phone, parse_region};

    /// The demo people are what ingest would store: valid emails, E.164 phones as the
    /// normaliser writes them, and every status, several sources, campaigns and tags.
    #[test]
    fn demo_people_are_valid_and_varied() {
        let region = parse_region("US").unwrap();
        for p in &PEOPLE {
            let email = format!("{}.{}@{}", ascii_lower(p.first), ascii_lower(p.last), p.domain);
            assert_eq!(normalize_email(&email).unwrap().0, email);
            if let Some(phone) = p.phone {
                assert_eq!(normalize_phone(phone, region).unwrap(), phone);
            }
        }
        assert_eq!(normalize_phone(PHONE_ONLY, region).unwrap(), PHONE_ONLY);
        for s in Status::ALL {
            assert!(PEOPLE.iter().any(|p| p.status == s), "{s} missing");
        }
        let sources: std::collections::HashSet<_> = PEOPLE.iter().map(|p| p.source).collect();
        assert!(sources.len() >= 6);
        for k in 0..CAMPAIGNS.len() {
            assert!(PEOPLE.iter().any(|p| p.campaign == Some(k)), "campaign {k} unused");
        }
        assert_eq!(ascii_lower("Chloé"), "chloe");
        assert_eq!(ascii_lower("O'Brien"), "obrien");
    }

    #[test]
    fn stable_ids_depend_on_org_and_key_only() {
        let t = crate::time::parse_timestamp("2026-11-01T09:00:00Z").unwrap();
        assert_eq!(stable_id("default", "lead-01", t), stable_id("default", "lead-01", t));
        assert_ne!(stable_id("default", "lead-01", t), stable_id("acme", "lead-01", t));
        assert_ne!(stable_id("default", "lead-01", t), stable_id("default", "lead-02", t));
        let id = uuid::Uuid::parse_str(&stable_id("default", "x", t)).unwrap();
        assert_eq!(id.get_version_num(), 7);
    }
}
