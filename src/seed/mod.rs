//! Demo and synthetic data (`leadctl seed-demo`): the library side, so tests and examples can
//! seed a store without the binary.
//!
//! [`seed_demo`] replaces the demo data set of an organisation in one transaction: demo leads
//! and the demo meeting of an earlier run are deleted (a demo lead that non-demo data refers to
//! is kept, unless `force_wipe`), then the set is written again. Leads that are not demo data
//! are never changed or deleted. [`generate`] adds synthetic leads in one transaction.

pub mod demo;
pub mod synthetic;

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};
use crate::model::NewLead;
use crate::store::audit::AuditEntry;
use crate::store::{Store, Tx};
use crate::time::parse_timestamp;

pub use demo::DemoCounts;

/// Synthetic leads made per message from the generator thread.
const CHUNK: u64 = 1024;

/// What a demo run did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DemoReport {
    /// Demo leads of earlier runs deleted.
    pub removed: u64,
    /// Whether an earlier demo meeting was deleted.
    pub meeting_replaced: bool,
    /// What was written.
    pub written: DemoCounts,
}

/// What a synthetic run did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct SyntheticReport {
    /// Leads written.
    pub created: u64,
    /// Leads of this seed already in the database (an earlier run), left as they were.
    pub existing: u64,
    /// Leads not written because another lead has their email.
    pub skipped: u64,
}

/// The start of the UTC day of `t`: demo times count back from it.
pub fn day_start(t: DateTime<Utc>) -> DateTime<Utc> {
    t.date_naive().and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

/// Replaces the demo data set of organisation `org` (created if missing).
pub fn seed_demo(
    store: &mut Store,
    org: &str,
    actor: &str,
    force_wipe: bool,
) -> Result<DemoReport> {
    let now = crate::time::now_string();
    let tx = store.begin_write()?;
    let org_id = tx.ensure_org(org, &now)?;
    let mut removed = 0;
    let mut kept = 0;
    for lead in tx.demo_leads(org_id)? {
        if lead.referenced && !force_wipe {
            kept += 1;
        } else {
            tx.delete_lead(lead.seq)?;
            removed += 1;
        }
    }
    if force_wipe {
        tx.note_demo_wipe(org_id, &now)?;
    }
    let meeting_replaced = tx.delete_demo_meeting(org_id)?;
    let mut written = demo::write_demo(&tx, org_id, org, day_start(crate::time::now()))?;
    written.kept = kept;
    let report = DemoReport { removed, meeting_replaced, written };
    audit(&tx, org_id, actor, &now, "demo.seed", &report)?;
    tx.commit()?;
    Ok(report)
}

/// Adds `n` synthetic leads of `seed` to organisation `org`; `progress` is called with the
/// number of leads handled since its last call.
pub fn generate(
    store: &mut Store,
    org: &str,
    actor: &str,
    n: u64,
    seed: u64,
    progress: &mut dyn FnMut(u64),
) -> Result<SyntheticReport> {
    let now = crate::time::now_string();
    let end = day_start(crate::time::now());
    let tx = store.begin_write()?;
    let org_id = tx.ensure_org(org, &now)?;
    // Where only demo leads exist nothing can collide (their emails have no digits before the
    // @, synthetic ones always do): no lookups per lead.
    let check = tx.has_leads_besides_demo(org_id)?;
    // Many leads: build the secondary indexes once at the end (see store::bulk).
    let suspended = match (n >= 10_000, check) {
        (false, _) => None,
        (true, true) => Some(tx.suspend_indexes()?),
        (true, false) => Some(tx.suspend_all_indexes()?),
    };
    let mut report = SyntheticReport::default();
    // A second thread makes the leads while this one writes them.
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<(u64, NewLead)>>(4);
    let maker = std::thread::Builder::new()
        .name("seed-generator".into())
        .spawn(move || {
            let mut i = 0;
            while i < n {
                let chunk: Vec<(u64, NewLead)> =
                    (i..n.min(i + CHUNK)).map(|k| (k, synthetic::lead(seed, k, n, end))).collect();
                i += chunk.len() as u64;
                if sender.send(chunk).is_err() {
                    break;
                }
            }
        })
        .map_err(|e| Error::failure(format!("cannot start the generator thread: {e}")))?;
    for chunk in receiver {
        let k = chunk.len() as u64;
        for (i, lead) in chunk {
            let rid = lead.request_id.clone().unwrap_or_default();
            if check && tx.lead_seq_by_request_id(org_id, &rid)?.is_some() {
                report.existing += 1;
                continue;
            }
            if check && tx.lead_with_identity(org_id, lead.email_norm.as_deref(), None)?.is_some() {
                report.skipped += 1;
                continue;
            }
            let created = lead.created_at.as_deref().and_then(|t| parse_timestamp(t).ok());
            let id = demo::stable_id(org, &synthetic::request_id(seed, i), created.unwrap_or(end));
            let seq = tx.insert_lead(org_id, &id, &now, &lead)?;
            if !lead.tags.is_empty() {
                tx.add_tags(org_id, seq, &lead.tags)?;
            }
            report.created += 1;
        }
        // Index rows wait for the commit otherwise: a million of them is 100 MB.
        tx.flush_index()?;
        progress(k);
    }
    let _ = maker.join();
    if let Some(s) = suspended {
        tx.restore_indexes(s)?;
    }
    let details = serde_json::json!({"seed": seed, "requested": n, "report": &report});
    audit(&tx, org_id, actor, &now, "demo.synthetic", &details)?;
    tx.commit()?;
    Ok(report)
}

fn audit(
    tx: &Tx<'_>,
    org_id: i64,
    actor: &str,
    now: &str,
    action: &str,
    details: &impl serde::Serialize,
) -> Result<()> {
    tx.audit(&AuditEntry {
        at: now,
        actor,
        action,
        org_id: Some(org_id),
        entity_type: Some("demo"),
        details: Some(serde_json::to_string(details)?),
        ..Default::default()
    })
}
