//! The listener's one writer: a thread that owns a write connection and commits the leads of
//! many concurrent requests together (group commit). A request gets its answer only after the
//! transaction holding its lead is committed (and, with `synchronous=full`, flushed to disk by
//! a second thread while the writer goes on with the next group), so a 201 is never lost to a
//! crash; many requests share one commit, so the disk's flush rate is not
//! the request rate's ceiling. Webhook deliveries go through the same writer: stored, applied
//! and answered after the same commit.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread::JoinHandle;

use tokio::sync::oneshot;

use crate::error::{Error, Result};
use crate::ingest::FieldError;
use crate::ingest::write::{Outcome, Written, write_lead};
use crate::model::NewLead;
use crate::queue::OutboxConfig;
use crate::store::webhooks::NewDelivery;
use crate::store::{Act, LogSync, Store};
use crate::time;
use crate::webhooks::Kind;
use crate::webhooks::map::{self, Applied, ApplyCtx};

/// At most this many leads share one transaction.
const MAX_GROUP: usize = 1024;

/// What the writer answers for one lead: written (created, merged or a repeat), rejected by
/// the store's rules, or failed (the database).
pub type Reply = std::result::Result<std::result::Result<Written, FieldError>, String>;

/// What the writer answers for one webhook delivery, or why the database failed.
pub type WebhookReply = std::result::Result<WebhookOutcome, String>;

/// What became of a webhook delivery.
#[derive(Debug)]
pub enum WebhookOutcome {
    /// The provider sent it before: the stored delivery's id; nothing applied again.
    Duplicate(i64),
    /// Stored as this id; applied (or why it could not be mapped: kept as failed).
    Stored(i64, std::result::Result<Applied, String>),
}

/// One lead to write.
pub struct LeadJob {
    /// The organisation's slug.
    pub org: String,
    /// The normalised lead.
    pub lead: NewLead,
    /// The stored token it was posted with (its last use is noted).
    pub token: Option<i64>,
    /// Where the answer goes.
    pub reply: oneshot::Sender<Reply>,
}

/// One verified webhook delivery to store and apply.
pub struct WebhookJob {
    /// The organisation's slug.
    pub org: String,
    /// The sender's name and how it signs.
    pub provider: String,
    pub kind: Kind,
    /// What identifies the delivery ([`crate::webhooks::delivery_key`]).
    pub key: String,
    pub event_type: Option<String>,
    /// The provider's own signature was verified.
    pub signature_ok: bool,
    /// The kept headers, as JSON.
    pub headers: String,
    /// The raw body and its parsed form.
    pub body: Vec<u8>,
    pub value: serde_json::Value,
    /// Where the answer goes.
    pub reply: oneshot::Sender<WebhookReply>,
}

/// Work for the writer. (A lead travels unboxed: it is the common case.)
#[allow(clippy::large_enum_variant)]
pub enum Job {
    Lead(LeadJob),
    Webhook(Box<WebhookJob>),
    /// Answered when the writer gets to it: proof that it is alive and not stuck.
    Ping(oneshot::Sender<()>),
}

/// The handle requests send work through; dropping every clone stops the writer once it has
/// written what it was sent.
#[derive(Clone)]
pub struct WriterHandle {
    tx: mpsc::Sender<Job>,
}

const STOPPED: &str = "the writer has stopped";

impl WriterHandle {
    /// Queues `lead` for the next group commit and waits for its answer.
    pub async fn write(&self, org: String, lead: NewLead, token: Option<i64>) -> Reply {
        let (reply, answer) = oneshot::channel();
        self.tx
            .send(Job::Lead(LeadJob { org, lead, token, reply }))
            .map_err(|_| STOPPED.to_string())?;
        answer.await.map_err(|_| STOPPED.to_string())?
    }

    /// Queues a webhook delivery for the next group commit and waits for its answer.
    pub async fn webhook(&self, job: WebhookJob) -> WebhookReply {
        let (reply, answer) = oneshot::channel();
        let job = WebhookJob { reply, ..job };
        self.tx.send(Job::Webhook(Box::new(job))).map_err(|_| STOPPED.to_string())?;
        answer.await.map_err(|_| STOPPED.to_string())?
    }

    /// Waits until the writer has reached this request (it is alive and working).
    pub async fn ping(&self) -> std::result::Result<(), String> {
        let (reply, answer) = oneshot::channel();
        self.tx.send(Job::Ping(reply)).map_err(|_| STOPPED.to_string())?;
        answer.await.map_err(|_| STOPPED.to_string())
    }
}

/// What the writer needs besides its connection.
pub struct WriterConfig {
    /// Which outbox items a new lead gets.
    pub outbox: OutboxConfig,
    /// Who, for the audit log.
    pub actor: String,
    /// Region for phones without a country code (webhook attendees).
    pub region: phonenumber::country::Id,
}

/// Starts the writer thread over `store`.
///
/// With `synchronous=full` the writer does not flush the log itself: a second thread does
/// (see [`Store::defer_commit_flush`]) and answers a group only once its commit is on disk,
/// while the writer already builds and commits the next group. One flush then often covers
/// several commits.
pub fn start(mut store: Store, config: WriterConfig) -> Result<(WriterHandle, JoinHandle<()>)> {
    store.tune_for_small_writes()?;
    let log = store.defer_commit_flush()?;
    let (tx, rx) = mpsc::channel::<Job>();
    let broken = Arc::new(AtomicBool::new(false));
    let flusher = match log {
        Some(log) => Some(Flusher::start(log, broken.clone())?),
        None => None,
    };
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
                if broken.load(Ordering::Acquire) {
                    Finished::refuse(group, BROKEN);
                    continue;
                }
                let done = write_group(&mut store, &config, group);
                match (&flusher, done.answers.is_ok()) {
                    (Some(f), true) => f.send(done),
                    _ => done.send(),
                }
            }
            // Every committed group is answered before the writer counts as stopped.
            if let Some(f) = flusher {
                f.finish();
            }
        })
        .map_err(|e| Error::failure("cannot start the writer thread").with_cause(e))?;
    Ok((WriterHandle { tx }, handle))
}

/// What a request is told once the log could not be flushed: after a failed `fsync` the
/// kernel may have dropped the unwritten pages, so no later commit can be trusted either
/// (the server answers 503 until it is restarted; /health fails).
const BROKEN: &str = "the database log could not be flushed to disk; restart leadctl";

/// The thread that flushes the log after commits and then answers their requests.
struct Flusher {
    tx: mpsc::Sender<Finished>,
    thread: JoinHandle<()>,
}

impl Flusher {
    fn start(log: LogSync, broken: Arc<AtomicBool>) -> Result<Flusher> {
        let (tx, rx) = mpsc::channel::<Finished>();
        let thread = std::thread::Builder::new()
            .name("leadctl-flusher".into())
            .spawn(move || {
                while let Ok(first) = rx.recv() {
                    let mut batch = vec![first];
                    batch.extend(rx.try_iter());
                    if broken.load(Ordering::Acquire) {
                        batch.into_iter().for_each(|f| f.fail(BROKEN));
                        continue;
                    }
                    match log.flush() {
                        Ok(()) => batch.into_iter().for_each(Finished::send),
                        Err(e) => {
                            broken.store(true, Ordering::Release);
                            tracing::error!(error = %e, "cannot flush the database log");
                            batch.into_iter().for_each(|f| f.fail(BROKEN));
                        }
                    }
                }
            })
            .map_err(|e| Error::failure("cannot start the flusher thread").with_cause(e))?;
        Ok(Flusher { tx, thread })
    }

    fn send(&self, done: Finished) {
        // The flusher only stops after the writer: a failed send cannot happen; answer anyway.
        if let Err(mpsc::SendError(done)) = self.tx.send(done) {
            done.fail(STOPPED);
        }
    }

    /// Waits until every group sent has been flushed and answered.
    fn finish(self) {
        drop(self.tx);
        let _ = self.thread.join();
    }
}

/// One job's answer, sent after the commit.
enum Answer {
    Lead(std::result::Result<Written, FieldError>),
    Webhook(WebhookOutcome),
}

/// A group's jobs and what to answer them: the answers once committed, or why not.
struct Finished {
    jobs: Vec<Job>,
    answers: std::result::Result<Vec<Answer>, String>,
}

impl Finished {
    /// Answers every job of a group that is not written (pings go unanswered: the writer is
    /// not healthy).
    fn refuse(jobs: Vec<Job>, msg: &str) {
        Finished { jobs, answers: Err(msg.to_string()) }.send();
    }

    fn fail(self, msg: &str) {
        Finished { answers: Err(msg.to_string()), ..self }.send();
    }

    fn send(self) {
        match self.answers {
            Ok(answers) => {
                for (job, a) in self.jobs.into_iter().zip(answers) {
                    match (job, a) {
                        (Job::Lead(j), Answer::Lead(r)) => drop(j.reply.send(Ok(r))),
                        (Job::Webhook(j), Answer::Webhook(r)) => drop(j.reply.send(Ok(r))),
                        _ => {}
                    }
                }
            }
            Err(msg) => {
                for job in self.jobs {
                    match job {
                        Job::Lead(j) => drop(j.reply.send(Err(msg.clone()))),
                        Job::Webhook(j) => drop(j.reply.send(Err(msg.clone()))),
                        Job::Ping(_) => {}
                    }
                }
            }
        }
    }
}

/// Writes a group in one transaction. Pings are answered at once: they need no transaction
/// (and an empty commit would still cost a flush).
fn write_group(store: &mut Store, config: &WriterConfig, mut group: Vec<Job>) -> Finished {
    group.retain_mut(|job| match job {
        Job::Ping(reply) => {
            let (done, _) = oneshot::channel();
            let _ = std::mem::replace(reply, done).send(());
            false
        }
        _ => true,
    });
    if group.is_empty() {
        return Finished { jobs: group, answers: Ok(Vec::new()) };
    }
    let n = group.len();
    let actor = config.actor.as_str();
    let result = (|| -> Result<Vec<Answer>> {
        let tx = store.begin_write()?;
        let now = time::now_string();
        let mut out = Vec::with_capacity(n);
        let mut orgs: Vec<(String, i64)> = Vec::new();
        let mut org_id = |tx: &crate::store::Tx<'_>, slug: &str| -> Result<i64> {
            if let Some((_, id)) = orgs.iter().find(|(s, _)| s == slug) {
                return Ok(*id);
            }
            let id = tx.ensure_org(slug, &now)?;
            orgs.push((slug.to_string(), id));
            Ok(id)
        };
        for job in &group {
            match job {
                Job::Lead(job) => {
                    let act = Act { org_id: org_id(&tx, &job.org)?, actor, now: &now };
                    let written = write_lead(&tx, &act, &job.lead)?;
                    if let Ok(w) = &written {
                        crate::queue::enqueue::enqueue(&tx, &act, &config.outbox, &job.lead, w)?;
                        if w.outcome != Outcome::Duplicate {
                            audit_ingest(&tx, &act, &job.lead, w, "http")?;
                        }
                    }
                    out.push(Answer::Lead(written));
                }
                Job::Webhook(job) => {
                    let act = Act { org_id: org_id(&tx, &job.org)?, actor, now: &now };
                    out.push(Answer::Webhook(store_webhook(&tx, act, config, job)?));
                }
                // Answered and removed above.
                Job::Ping(_) => {}
            }
        }
        let mut used: Vec<i64> = group
            .iter()
            .filter_map(|j| match j {
                Job::Lead(j) => j.token,
                _ => None,
            })
            .collect();
        used.sort_unstable();
        used.dedup();
        tx.touch_tokens(&used, &now)?;
        tx.commit()?;
        Ok(out)
    })();
    let answers = match result {
        Ok(answers) => {
            tracing::debug!(jobs = n, "group committed");
            Ok(answers)
        }
        Err(e) => {
            tracing::error!(jobs = n, error = %e, "group commit failed");
            Err(e.message().to_string())
        }
    };
    Finished { jobs: group, answers }
}

/// Stores a delivery (unless the provider sent it before) and applies it.
fn store_webhook(
    tx: &crate::store::Tx<'_>,
    act: Act<'_>,
    config: &WriterConfig,
    job: &WebhookJob,
) -> Result<WebhookOutcome> {
    let d = NewDelivery {
        org_id: act.org_id,
        provider: &job.provider,
        delivery_key: &job.key,
        event_type: job.event_type.as_deref(),
        received_at: act.now,
        signature_ok: job.signature_ok,
        headers: &job.headers,
        body: &job.body,
    };
    let Some(id) = tx.insert_delivery(&d)? else {
        let id = tx.delivery_by_key(&job.provider, &job.key)?.unwrap_or_default();
        return Ok(WebhookOutcome::Duplicate(id));
    };
    let now = act.now;
    let cx = ApplyCtx { act, region: config.region, outbox: &config.outbox };
    let applied = map::apply(tx, &cx, job.kind, &job.provider, &job.key, &job.value)?;
    match &applied {
        Ok(a) => tx.finish_delivery(id, a.state, None, now)?,
        Err(reason) => tx.finish_delivery(id, "failed", Some(reason), now)?,
    }
    Ok(WebhookOutcome::Stored(id, applied))
}

/// The audit entry of one lead received over HTTP or from a webhook (the CLI writes one per
/// batch); `origin` is `http` or `webhook:<provider>`.
pub fn audit_ingest(
    tx: &crate::store::Tx<'_>,
    act: &Act<'_>,
    lead: &NewLead,
    w: &Written,
    origin: &str,
) -> Result<()> {
    let details = serde_json::json!({"origin": origin, "outcome": w.outcome});
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
