//! The listener's one writer: a thread that owns a write connection and commits the leads of
//! many concurrent requests together (group commit). A request gets its answer only after the
//! transaction holding its lead is committed (and, with `synchronous=full`, on disk), so a 201
//! is never lost to a crash; many requests share one commit, so the disk's flush rate is not
//! the request rate's ceiling.

use std::sync::mpsc;
use std::thread::JoinHandle;

use tokio::sync::oneshot;

use crate::error::{Error, Result};
use crate::ingest::FieldError;
use crate::ingest::write::{Outcome, Written, write_lead};
use crate::model::NewLead;
use crate::queue::OutboxConfig;
use crate::store::{Act, Store};
use crate::time;

/// At most this many leads share one transaction.
const MAX_GROUP: usize = 1024;

/// What the writer answers for one lead: written (created, merged or a repeat), rejected by
/// the store's rules, or failed (the database).
pub type Reply = std::result::Result<std::result::Result<Written, FieldError>, String>;

/// One lead to write.
pub struct Job {
    /// The organisation's slug.
    pub org: String,
    /// The normalised lead.
    pub lead: NewLead,
    /// The stored token it was posted with (its last use is noted).
    pub token: Option<i64>,
    /// Where the answer goes.
    pub reply: oneshot::Sender<Reply>,
}

/// The handle requests send leads through; dropping every clone stops the writer once it has
/// written what it was sent.
#[derive(Clone)]
pub struct WriterHandle {
    tx: mpsc::Sender<Job>,
}

impl WriterHandle {
    /// Queues `lead` for the next group commit and waits for its answer.
    pub async fn write(&self, org: String, lead: NewLead, token: Option<i64>) -> Reply {
        let (reply, answer) = oneshot::channel();
        let job = Job { org, lead, token, reply };
        self.tx.send(job).map_err(|_| "the writer has stopped".to_string())?;
        answer.await.map_err(|_| "the writer has stopped".to_string())?
    }
}

/// Starts the writer thread over `store`.
pub fn start(
    mut store: Store,
    outbox: OutboxConfig,
    actor: String,
) -> Result<(WriterHandle, JoinHandle<()>)> {
    let (tx, rx) = mpsc::channel::<Job>();
    let handle = std::thread::Builder::new()
        .name("leadctl-writer".into())
        .spawn(move || {
            while let Ok(first) = rx.recv() {
                let mut group = vec![first];
                while group.len() < MAX_GROUP {
                    match rx.try_recv() {
                        Ok(job) => group.push(job),
                        Err(_) => break,
                    }
                }
                write_group(&mut store, &outbox, &actor, group);
            }
        })
        .map_err(|e| Error::failure("cannot start the writer thread").with_cause(e))?;
    Ok((WriterHandle { tx }, handle))
}

/// Writes a group in one transaction and answers each job after the commit.
fn write_group(store: &mut Store, outbox: &OutboxConfig, actor: &str, group: Vec<Job>) {
    let n = group.len();
    let result = (|| -> Result<Vec<std::result::Result<Written, FieldError>>> {
        let tx = store.begin_write()?;
        let now = time::now_string();
        let mut out = Vec::with_capacity(n);
        let mut orgs: Vec<(String, i64)> = Vec::new();
        for job in &group {
            let org_id = match orgs.iter().find(|(slug, _)| *slug == job.org) {
                Some((_, id)) => *id,
                None => {
                    let id = tx.ensure_org(&job.org, &now)?;
                    orgs.push((job.org.clone(), id));
                    id
                }
            };
            let act = Act { org_id, actor, now: &now };
            let written = write_lead(&tx, &act, &job.lead)?;
            if let Ok(w) = &written {
                crate::queue::enqueue::enqueue(&tx, &act, outbox, &job.lead, w)?;
                if w.outcome != Outcome::Duplicate {
                    audit(&tx, &act, &job.lead, w)?;
                }
            }
            out.push(written);
        }
        let mut used: Vec<i64> = group.iter().filter_map(|j| j.token).collect();
        used.sort_unstable();
        used.dedup();
        tx.touch_tokens(&used, &now)?;
        tx.commit()?;
        Ok(out)
    })();
    match result {
        Ok(results) => {
            tracing::debug!(leads = n, "group committed");
            for (job, r) in group.into_iter().zip(results) {
                let _ = job.reply.send(Ok(r));
            }
        }
        Err(e) => {
            tracing::error!(leads = n, error = %e, "group commit failed");
            for job in group {
                let _ = job.reply.send(Err(e.message().to_string()));
            }
        }
    }
}

/// The audit entry of one lead received over HTTP (the CLI writes one per batch).
fn audit(tx: &crate::store::Tx<'_>, act: &Act<'_>, lead: &NewLead, w: &Written) -> Result<()> {
    let details = serde_json::json!({"origin": "http", "outcome": w.outcome});
    tx.audit(&crate::store::audit::AuditEntry {
        at: act.now,
        actor: act.actor,
        action: "ingest",
        org_id: Some(act.org_id),
        entity_type: Some("lead"),
        entity_id: Some(&w.id),
        lead_id: Some(&w.id),
        request_id: lead.request_id.as_deref(),
        details: Some(details.to_string()),
        ..Default::default()
    })
}
