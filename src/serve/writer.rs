//! The listener's one writer: a thread that owns a write connection and commits the leads of
//! many concurrent requests together (group commit). A request gets its answer only after the
//! transaction holding its lead is committed (and, with `synchronous=full`, flushed to disk by
//! a second thread while the writer goes on with the next group), so a 201 is never lost to a
//! crash; many requests share one commit, so the disk's flush rate is not
//! the request rate's ceiling. Webhook deliveries go through the same writer: stored, applied
//! and answered after the same commit.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crossbeam_channel as channel;
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
    tx: channel::Sender<Job>,
    stats: Arc<WriterStats>,
}

/// What the writer has committed so far.
#[derive(Debug, Default)]
pub struct WriterStats {
    /// Leads and deliveries committed.
    jobs: std::sync::atomic::AtomicU64,
    /// Transactions they were committed in.
    groups: std::sync::atomic::AtomicU64,
    /// Flushes of the log by the flusher (`synchronous=full`).
    flushes: std::sync::atomic::AtomicU64,
}

impl WriterStats {
    /// Jobs and groups committed so far.
    pub fn get(&self) -> (u64, u64) {
        (self.jobs.load(Ordering::Relaxed), self.groups.load(Ordering::Relaxed))
    }

    /// Flushes of the log so far.
    pub fn flushes(&self) -> u64 {
        self.flushes.load(Ordering::Relaxed)
    }
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

    /// The writer's counters (they outlive the handle).
    pub fn stats(&self) -> Arc<WriterStats> {
        Arc::clone(&self.stats)
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
/// (see [`Store::defer_commit_flush`]) and answers a group only once its commit is on disk.
/// While a flush is under way the writer keeps writing the jobs that arrive into one open
/// transaction, and commits it as soon as the flusher is free: a request that arrives during
/// a flush cannot be answered before the next flush anyway, so waiting costs it nothing, and
/// each commit then carries as many leads as arrived during one flush (the pages a commit
/// rewrites, such as the last page of every index, are written once per group, not per lead).
pub fn start(mut store: Store, config: WriterConfig) -> Result<(WriterHandle, JoinHandle<()>)> {
    store.tune_for_small_writes()?;
    let log = store.defer_commit_flush()?;
    let (tx, rx) = channel::unbounded::<Job>();
    let broken = Arc::new(AtomicBool::new(false));
    let (flushed_tx, flushed_rx) = channel::unbounded::<usize>();
    let stats = Arc::new(WriterStats::default());
    let counted = Arc::clone(&stats);
    let flusher = match log {
        Some(log) => Some(Flusher::start(log, broken.clone(), flushed_tx, Arc::clone(&stats))?),
        None => None,
    };
    let handle = std::thread::Builder::new()
        .name("leadctl-writer".into())
        .spawn(move || {
            // Without a flusher nothing ever reports a flush (and a closed channel would
            // wake the loop forever).
            let flushed = if flusher.is_some() { flushed_rx } else { channel::never() };
            let mut w = Writer { store: &mut store, config: &config, flusher, broken, flushed };
            w.run(&rx, &counted);
            // Every committed group is answered before the writer counts as stopped.
            if let Some(f) = w.flusher.take() {
                f.finish();
            }
        })
        .map_err(|e| Error::failure("cannot start the writer thread").with_cause(e))?;
    Ok((WriterHandle { tx, stats }, handle))
}

/// The writer thread's state.
struct Writer<'a> {
    store: &'a mut Store,
    config: &'a WriterConfig,
    flusher: Option<Flusher>,
    /// Set once a flush failed: nothing more is written.
    broken: Arc<AtomicBool>,
    /// How many groups each finished flush covered.
    flushed: channel::Receiver<usize>,
}

/// What the writer waited for. (A job is moved on at once: no need to box it.)
#[allow(clippy::large_enum_variant)]
enum Event {
    Job(Job),
    /// The flusher finished this many groups.
    Flushed(usize),
    /// The flusher thread is gone.
    FlusherGone,
    /// Every handle is gone: write what is open and stop.
    Closed,
}

impl Writer<'_> {
    /// Takes jobs until every handle is dropped, writing them in groups.
    fn run(&mut self, rx: &channel::Receiver<Job>, stats: &WriterStats) {
        // Groups handed to the flusher and not yet flushed.
        let mut flushing = 0usize;
        let mut closed = false;
        while !closed {
            // Idle: wait for a job to open a group with.
            let first = match Self::wait_on(rx, &self.flushed) {
                Event::Job(job) => job,
                Event::Flushed(n) => {
                    flushing = flushing.saturating_sub(n);
                    continue;
                }
                Event::FlusherGone => {
                    flushing = 0;
                    flusher_gone(&self.broken, &mut self.flushed);
                    continue;
                }
                Event::Closed => break,
            };
            let Some(first) = admit(&self.broken, first) else { continue };
            let config = self.config;
            let mut group = match Group::begin(self.store) {
                Ok(g) => g,
                Err(e) => {
                    // The write lock stayed busy (or the database failed): every job already
                    // waiting would wait as long again, one after the other; refuse them all.
                    tracing::error!(error = %e, "cannot start a write transaction");
                    let mut jobs = vec![first];
                    jobs.extend(rx.try_iter().filter_map(|j| admit(&self.broken, j)));
                    Finished::refuse(jobs, e.message());
                    continue;
                }
            };
            let mut failed = group.add(config, first).err();
            // Take what arrives while the last group is being flushed; commit once the
            // flusher is free (or the group is full, or the server stops).
            while failed.is_none() && group.jobs.len() < MAX_GROUP {
                match self.flushed.try_recv() {
                    Ok(n) => flushing = flushing.saturating_sub(n),
                    Err(channel::TryRecvError::Disconnected) => {
                        flushing = 0;
                        flusher_gone(&self.broken, &mut self.flushed);
                    }
                    Err(channel::TryRecvError::Empty) => {}
                }
                if flushing == 0 {
                    // The flusher is free: take what is queued (also what arrives meanwhile,
                    // up to a full group: fewer, bigger commits when requests keep coming),
                    // then commit.
                    while failed.is_none() && group.jobs.len() < MAX_GROUP {
                        let Ok(job) = rx.try_recv() else { break };
                        if let Some(job) = admit(&self.broken, job) {
                            failed = group.add(config, job).err();
                        }
                    }
                    break;
                }
                match Self::wait_on(rx, &self.flushed) {
                    Event::Job(job) => {
                        if let Some(job) = admit(&self.broken, job) {
                            failed = group.add(config, job).err();
                        }
                    }
                    Event::Flushed(n) => flushing = flushing.saturating_sub(n),
                    Event::FlusherGone => {
                        flushing = 0;
                        flusher_gone(&self.broken, &mut self.flushed);
                    }
                    Event::Closed => {
                        closed = true;
                        break;
                    }
                }
            }
            // A flush that failed meanwhile: nothing more may be committed as if durable.
            if failed.is_none() && self.broken.load(Ordering::Acquire) {
                failed = Some(Error::failure(BROKEN));
            }
            let done = match failed {
                None => group.commit(),
                Some(e) => group.fail(e),
            };
            if let Ok(answers) = &done.answers {
                stats.jobs.fetch_add(answers.len() as u64, Ordering::Relaxed);
                stats.groups.fetch_add(1, Ordering::Relaxed);
            }
            match (&self.flusher, done.answers.is_ok()) {
                (Some(f), true) => {
                    if f.send(done) {
                        flushing += 1;
                    }
                }
                _ => done.send(),
            }
        }
    }

    fn wait_on(rx: &channel::Receiver<Job>, flushed: &channel::Receiver<usize>) -> Event {
        channel::select! {
            recv(rx) -> job => job.map_or(Event::Closed, Event::Job),
            recv(flushed) -> n => n.map_or(Event::FlusherGone, Event::Flushed),
        }
    }
}

/// The flusher thread ended while the writer runs (it only ends after the writer, so it
/// failed): nothing can be flushed any more, so nothing more is written (503s, and /health
/// fails), and the writer stops listening for flushes.
fn flusher_gone(broken: &AtomicBool, flushed: &mut channel::Receiver<usize>) {
    tracing::error!("the flusher thread stopped; refusing writes until restarted");
    broken.store(true, Ordering::Release);
    *flushed = channel::never();
}

/// Refuses every job once the log could not be flushed (pings then go unanswered: the
/// writer is not healthy, and /health says so); otherwise answers a ping at once (it needs no
/// transaction, and an empty commit would still cost a flush) and passes the rest.
fn admit(broken: &AtomicBool, job: Job) -> Option<Job> {
    if broken.load(Ordering::Acquire) {
        Finished::refuse(vec![job], BROKEN);
        return None;
    }
    if let Job::Ping(reply) = job {
        let _ = reply.send(());
        return None;
    }
    Some(job)
}

/// What a request is told once the log could not be flushed: after a failed `fsync` the
/// kernel may have dropped the unwritten pages, so no later commit can be trusted either
/// (the server answers 503 until it is restarted; /health fails).
const BROKEN: &str = "the database log could not be flushed to disk; restart leadctl";

/// The thread that flushes the log after commits and then answers their requests.
struct Flusher {
    tx: channel::Sender<Finished>,
    thread: JoinHandle<()>,
}

impl Flusher {
    fn start(
        log: LogSync,
        broken: Arc<AtomicBool>,
        flushed: channel::Sender<usize>,
        stats: Arc<WriterStats>,
    ) -> Result<Flusher> {
        let (tx, rx) = channel::unbounded::<Finished>();
        let thread = std::thread::Builder::new()
            .name("leadctl-flusher".into())
            .spawn(move || {
                while let Ok(first) = rx.recv() {
                    let mut batch = vec![first];
                    batch.extend(rx.try_iter());
                    let n = batch.len();
                    if broken.load(Ordering::Acquire) {
                        let _ = flushed.send(n);
                        batch.into_iter().for_each(|f| f.fail(BROKEN));
                        continue;
                    }
                    let result = log.flush();
                    stats.flushes.fetch_add(1, Ordering::Relaxed);
                    if let Err(e) = &result {
                        broken.store(true, Ordering::Release);
                        tracing::error!(error = %e, "cannot flush the database log");
                    }
                    // The writer may commit its next group now; then the answers go out.
                    let _ = flushed.send(n);
                    match result {
                        Ok(()) => batch.into_iter().for_each(Finished::send),
                        Err(_) => batch.into_iter().for_each(|f| f.fail(BROKEN)),
                    }
                }
            })
            .map_err(|e| Error::failure("cannot start the flusher thread").with_cause(e))?;
        Ok(Flusher { tx, thread })
    }

    /// Hands a committed group over; false (and the group answered with a failure) when
    /// the flusher thread is gone.
    fn send(&self, done: Finished) -> bool {
        match self.tx.send(done) {
            Ok(()) => true,
            Err(channel::SendError(done)) => {
                done.fail(BROKEN);
                false
            }
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

/// One open transaction and the jobs written into it so far.
struct Group<'s> {
    tx: crate::store::Tx<'s>,
    jobs: Vec<Job>,
    answers: Vec<Answer>,
    /// Organisation ids looked up in this transaction, by slug.
    orgs: Vec<(String, i64)>,
}

impl<'s> Group<'s> {
    fn begin(store: &'s mut Store) -> Result<Group<'s>> {
        Ok(Group {
            tx: store.begin_write()?,
            jobs: Vec::new(),
            answers: Vec::new(),
            orgs: Vec::new(),
        })
    }

    fn org_id(&mut self, slug: &str, now: &str) -> Result<i64> {
        if let Some((_, id)) = self.orgs.iter().find(|(s, _)| s == slug) {
            return Ok(*id);
        }
        let id = self.tx.ensure_org(slug, now)?;
        self.orgs.push((slug.to_string(), id));
        Ok(id)
    }

    /// Writes `job` into the transaction. On an error the job is kept (to be answered with
    /// the group's failure) and the group must not be committed.
    fn add(&mut self, config: &WriterConfig, job: Job) -> Result<()> {
        let now = time::now_string();
        let actor = config.actor.as_str();
        let answer = match &job {
            Job::Lead(j) => self.org_id(&j.org, &now).and_then(|org_id| {
                let act = Act { org_id, actor, now: &now };
                let written = write_lead(&self.tx, &act, &j.lead)?;
                if let Ok(w) = &written {
                    crate::queue::enqueue::enqueue(&self.tx, &act, &config.outbox, &j.lead, w)?;
                    if w.outcome != Outcome::Duplicate {
                        audit_ingest(&self.tx, &act, &j.lead, w, "http")?;
                    }
                }
                Ok(Answer::Lead(written))
            }),
            Job::Webhook(j) => self.org_id(&j.org, &now).and_then(|org_id| {
                let act = Act { org_id, actor, now: &now };
                Ok(Answer::Webhook(store_webhook(&self.tx, act, config, j)?))
            }),
            // Pings never reach a group (see admit); one would need no answer here.
            Job::Ping(_) => return Ok(()),
        };
        self.jobs.push(job);
        self.answers.push(answer?);
        Ok(())
    }

    /// Notes the tokens' last use and commits; the answers are sent after the flush.
    fn commit(self) -> Finished {
        let n = self.jobs.len();
        let mut used: Vec<i64> = self
            .jobs
            .iter()
            .filter_map(|j| match j {
                Job::Lead(j) => j.token,
                _ => None,
            })
            .collect();
        used.sort_unstable();
        used.dedup();
        let tx = self.tx;
        let committed = tx.touch_tokens(&used, &time::now_string()).and_then(|()| tx.commit());
        match committed {
            Ok(()) => {
                tracing::debug!(jobs = n, "group committed");
                Finished { jobs: self.jobs, answers: Ok(self.answers) }
            }
            Err(e) => Self::failed(self.jobs, e),
        }
    }

    /// Rolls back after `e`: every job of the group is answered with the failure.
    fn fail(self, e: Error) -> Finished {
        drop(self.tx);
        Self::failed(self.jobs, e)
    }

    fn failed(jobs: Vec<Job>, e: Error) -> Finished {
        tracing::error!(jobs = jobs.len(), error = %e, "group commit failed");
        Finished { jobs, answers: Err(e.message().to_string()) }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{StoreOptions, Synchronous};
    use std::time::Duration;

    fn lead(i: usize) -> NewLead {
        NewLead {
            email: Some(format!("w{i}@example.com")),
            email_norm: Some(format!("w{i}@example.com")),
            request_id: Some(format!("req-{i}")),
            source: Some("test".into()),
            ..Default::default()
        }
    }

    fn start_writer(
        path: &std::path::Path,
        synchronous: Synchronous,
    ) -> (WriterHandle, JoinHandle<()>) {
        start_writer_with(path, StoreOptions { synchronous, ..Default::default() })
    }

    fn start_writer_with(
        path: &std::path::Path,
        opts: StoreOptions,
    ) -> (WriterHandle, JoinHandle<()>) {
        let store = Store::open(path, &opts).unwrap();
        let config = WriterConfig {
            outbox: OutboxConfig::default(),
            actor: "test".into(),
            region: phonenumber::country::Id::US,
        };
        start(store, config).unwrap()
    }

    fn count(path: &std::path::Path, sql: &str) -> i64 {
        let conn = rusqlite::Connection::open(path).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    /// Many concurrent leads, with the flush deferred to the flusher (FULL) and without it
    /// (NORMAL): each answered as created, each in the database once, and (with a flusher)
    /// committed in fewer transactions than leads, since leads that arrive during a flush
    /// share the next commit.
    #[test]
    fn concurrent_leads_are_committed_in_groups_and_each_answered() {
        for sync in [Synchronous::Full, Synchronous::Normal] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("w.db");
            let (handle, thread) = start_writer(&path, sync);
            let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).build().unwrap();
            let n = 400;
            let answers = rt.block_on(async {
                let tasks: Vec<_> = (0..n)
                    .map(|i| {
                        let h = handle.clone();
                        tokio::spawn(async move { h.write("default".into(), lead(i), None).await })
                    })
                    .collect();
                let mut out = Vec::new();
                for t in tasks {
                    out.push(t.await.unwrap());
                }
                out
            });
            let mut ids: Vec<String> = answers
                .into_iter()
                .map(|a| {
                    let w = a.expect("written").expect("valid");
                    assert_eq!(w.outcome, Outcome::Created);
                    w.id
                })
                .collect();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), n, "{sync:?}: one lead each");
            let handle_stats = handle.stats();
            drop(handle);
            thread.join().unwrap();
            let (jobs, groups) = handle_stats.get();
            assert_eq!(count(&path, "SELECT count(*) FROM leads"), n as i64, "{sync:?}");
            assert_eq!(
                count(&path, "SELECT count(*) FROM audit_log WHERE action = 'ingest'"),
                n as i64
            );
            assert_eq!(jobs, n as u64, "{sync:?}");
            if sync == Synchronous::Full {
                assert!(groups < jobs, "{groups} commits for {jobs} leads: no grouping");
                // No commit while a flush is under way: one group per flush (the last one
                // may be committed as the writer stops).
                let flushes = handle_stats.flushes();
                assert!(groups <= flushes + 1, "{groups} commits for {flushes} flushes");
            }
        }
    }

    /// Jobs still queued when the last handle is dropped are written, flushed and answered
    /// before the writer thread ends; a repeated request id within one group is a duplicate.
    #[test]
    fn queued_jobs_are_answered_when_the_handles_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let (handle, thread) = start_writer(&path, Synchronous::Full);
        let mut answers = Vec::new();
        for i in 0..100 {
            let (reply, answer) = oneshot::channel();
            // Leads 50-99 repeat the request ids of 0-49.
            let job = LeadJob { org: "default".into(), lead: lead(i % 50), token: None, reply };
            handle.tx.send(Job::Lead(job)).unwrap();
            answers.push(answer);
        }
        drop(handle);
        thread.join().unwrap();
        let outcomes: Vec<Outcome> = answers
            .into_iter()
            .map(|a| a.blocking_recv().unwrap().unwrap().unwrap().outcome)
            .collect();
        assert!(outcomes[..50].iter().all(|o| *o == Outcome::Created));
        assert!(outcomes[50..].iter().all(|o| *o == Outcome::Duplicate));
        assert_eq!(count(&path, "SELECT count(*) FROM leads"), 50);
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap()
    }

    /// Once a flush has failed, every later write is refused and pings go unanswered (so
    /// /health reports the writer unhealthy) instead of looking fine.
    #[test]
    fn after_a_failed_flush_writes_are_refused_and_pings_unanswered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let (handle, thread) = start_writer(&path, Synchronous::Full);
        let rt = runtime();
        rt.block_on(async {
            assert!(handle.write("default".into(), lead(1), None).await.is_ok());
            assert!(handle.ping().await.is_ok());
            // The files vanish under the writer: the next flush cannot find them.
            for suffix in ["", "-wal", "-shm"] {
                let mut p = path.clone().into_os_string();
                p.push(suffix);
                let _ = std::fs::remove_file(&p);
            }
            let failed = handle.write("default".into(), lead(2), None).await;
            assert!(failed.is_err(), "{failed:?}");
            let later = handle.write("default".into(), lead(3), None).await;
            assert_eq!(later.err().as_deref(), Some(BROKEN));
            let ping = tokio::time::timeout(Duration::from_millis(300), handle.ping()).await;
            assert!(!matches!(ping, Ok(Ok(()))), "a broken writer must not answer pings");
        });
        drop(handle);
        thread.join().unwrap();
    }

    /// When the write lock stays busy past the busy timeout, the jobs already queued are all
    /// refused at once, not one busy timeout after another.
    #[test]
    fn a_busy_lock_refuses_the_whole_queue_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let busy = Duration::from_millis(300);
        let opts = StoreOptions { busy_timeout: busy, ..Default::default() };
        let (handle, thread) = start_writer_with(&path, opts);
        let blocker = rusqlite::Connection::open(&path).unwrap();
        blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
        let mut answers = Vec::new();
        for i in 0..6 {
            let (reply, answer) = oneshot::channel();
            let job = LeadJob { org: "default".into(), lead: lead(i), token: None, reply };
            handle.tx.send(Job::Lead(job)).unwrap();
            answers.push(answer);
        }
        let started = std::time::Instant::now();
        let outcomes: Vec<Reply> =
            answers.into_iter().map(|a| a.blocking_recv().unwrap()).collect();
        let took = started.elapsed();
        blocker.execute_batch("ROLLBACK").unwrap();
        assert!(outcomes.iter().all(Result::is_err), "{outcomes:?}");
        assert!(took < busy * 3, "refused one by one: {took:?}");
        // The lock is free again: the writer works.
        let ok = runtime().block_on(handle.write("default".into(), lead(9), None));
        assert!(matches!(ok, Ok(Ok(_))), "{ok:?}");
        drop(handle);
        thread.join().unwrap();
    }
}
