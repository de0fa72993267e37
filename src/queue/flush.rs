//! `queue flush`: claim due items under a lease, deliver them with bounded concurrency, record
//! every attempt, and move each item on (done, retry later, dead).
//!
//! The database work runs on a blocking thread, in few transactions: each one records the
//! attempts finished since the last and claims the next batch, so a flush of thousands of
//! items commits a few hundred times, not twice per item. An item whose attempt finished but
//! was not yet recorded when the process died is still leased: after the lease it is claimed
//! and sent again (at least once; the receiver drops the repeat by its idempotency key or
//! Message-ID). Two flushes never hold the same item: claiming is one `UPDATE ... RETURNING`
//! in a write transaction, and an attempt is recorded only while its lease is held.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use serde::Serialize;
use tokio::sync::watch;
use tokio::task::JoinSet;

use super::QueueSettings;
use super::deliver::{Attempt, Deliverer, Job, Verdict, Work, prepare};
use super::templates::Templates;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::outbox::AttemptOutcome;
use crate::time;

/// Record finished attempts at least this often (in items) while others are in flight.
const RECORD_BATCH: usize = 64;

/// What one flush is asked to do.
#[derive(Debug, Clone)]
pub struct FlushOptions {
    /// Kinds to deliver (those the configuration can deliver, narrowed by `--kind`).
    pub kinds: Vec<&'static str>,
    /// At most this many items.
    pub limit: Option<u64>,
    /// Deliveries in flight at once.
    pub concurrency: usize,
}

/// An item that went dead in this flush.
#[derive(Debug, Clone, Serialize)]
pub struct DeadItem {
    pub id: i64,
    pub kind: String,
    pub error: Option<String>,
}

/// What a flush did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FlushSummary {
    /// Items claimed.
    pub claimed: u64,
    pub delivered: u64,
    /// Failed, scheduled for another attempt.
    pub retry: u64,
    /// Failed for good in this flush.
    pub dead: u64,
    /// Claimed but given back unattempted (stopped by a signal).
    pub released: u64,
    /// Attempted, but the lease had expired and another flush had taken the item: not
    /// recorded here (the other flush records its own attempt).
    pub lease_lost: u64,
    /// Stopped by SIGINT or SIGTERM.
    pub interrupted: bool,
    /// The items that went dead.
    pub dead_items: Vec<DeadItem>,
}

impl FlushSummary {
    /// Whether the flush did nothing at all.
    pub fn idle(&self) -> bool {
        self.claimed == 0
    }

    /// "Delivered 12, will retry 2, dead 1."
    pub fn line(&self) -> String {
        if self.idle() {
            return "Nothing to deliver.".to_string();
        }
        let mut s =
            format!("Delivered {}, will retry {}, dead {}", self.delivered, self.retry, self.dead);
        if self.released > 0 {
            s.push_str(&format!(", released {} unattempted", self.released));
        }
        if self.lease_lost > 0 {
            s.push_str(&format!(", {} taken over by another flush", self.lease_lost));
        }
        s.push('.');
        s
    }
}

/// Everything a flush shares between its loop and its database thread.
pub struct Flusher {
    store: Arc<Mutex<Store>>,
    deliverer: Deliverer,
    templates: Templates,
    from: Option<String>,
    q: QueueSettings,
    /// Lease owner name: unique per flush.
    owner: String,
    /// Who delivers, for the message events.
    actor: String,
}

/// One finished attempt waiting to be recorded.
struct Finished {
    job: Job,
    attempt: Attempt,
    at: String,
}

impl Flusher {
    /// A flusher over `store`.
    pub fn new(
        store: Arc<Mutex<Store>>,
        deliverer: Deliverer,
        templates: Templates,
        from: Option<String>,
        q: QueueSettings,
        actor: String,
    ) -> Flusher {
        let host = std::env::var("HOSTNAME").unwrap_or_default();
        let owner = format!("{host}:{}:{}", std::process::id(), uuid::Uuid::now_v7().simple());
        Flusher { store, deliverer, templates, from, q, owner, actor }
    }

    /// The lease owner name of this flusher.
    pub fn owner(&self) -> &str {
        &self.owner
    }

    /// Delivers due items until none are left, the limit is reached, or `stop` says so: at 1,
    /// no more claims and unstarted items are given back; at 2, attempts in flight are
    /// abandoned too (their leases are given back; they are tried again later).
    pub async fn run(
        self: &Arc<Self>,
        opts: &FlushOptions,
        mut stop: watch::Receiver<u8>,
    ) -> Result<FlushSummary> {
        let mut summary = FlushSummary::default();
        if opts.kinds.is_empty() {
            return Ok(summary);
        }
        let concurrency = opts.concurrency.max(1);
        let batch = (concurrency * 2) as u64;
        let mut remaining = opts.limit.unwrap_or(u64::MAX);
        let mut local: VecDeque<Job> = VecDeque::new();
        let mut inflight: JoinSet<Finished> = JoinSet::new();
        let mut done: Vec<Finished> = Vec::new();
        let mut drained = false;
        let mut stop_open = true;
        loop {
            if *stop.borrow() > 0 {
                summary.interrupted = true;
                drained = true;
                local.clear();
            }
            while inflight.len() < concurrency {
                let Some(job) = local.pop_front() else { break };
                let deliverer = self.deliverer.clone();
                inflight.spawn(async move {
                    let attempt = deliverer.deliver(&job).await;
                    Finished { job, attempt, at: time::now_string() }
                });
            }
            let want = if !drained && local.is_empty() { batch.min(remaining) } else { 0 };
            if want > 0 || done.len() >= RECORD_BATCH || (inflight.is_empty() && !done.is_empty()) {
                let finished = std::mem::take(&mut done);
                let jobs = self.step(finished, want, &opts.kinds, false, &mut summary).await?;
                let got = jobs.len() as u64;
                summary.claimed += got;
                remaining -= got.min(remaining);
                if got < want {
                    drained = true;
                }
                local.extend(jobs);
                continue;
            }
            if inflight.is_empty() {
                break;
            }
            tokio::select! {
                joined = inflight.join_next() => {
                    // Err: abandoned (second signal) or a bug in a delivery; its lease is
                    // given back below and the item is tried again later.
                    if let Some(Ok(f)) = joined {
                        done.push(f);
                    }
                }
                changed = stop.changed(), if stop_open => match changed {
                    Ok(()) if *stop.borrow() >= 2 => inflight.abort_all(),
                    Ok(()) => {}
                    Err(_) => stop_open = false,
                },
            }
        }
        // Give back whatever was claimed and not attempted.
        self.step(Vec::new(), 0, &opts.kinds, true, &mut summary).await?;
        summary.released = summary.claimed
            - (summary.delivered + summary.retry + summary.dead + summary.lease_lost)
                .min(summary.claimed);
        Ok(summary)
    }

    /// One database transaction on the blocking pool: record `finished`, claim up to `want`
    /// more (rendering emails from their leads), and give back this flush's leases when
    /// `release`.
    async fn step(
        self: &Arc<Self>,
        finished: Vec<Finished>,
        want: u64,
        kinds: &[&'static str],
        release: bool,
        summary: &mut FlushSummary,
    ) -> Result<Vec<Job>> {
        let me = Arc::clone(self);
        let kinds = kinds.to_vec();
        let (jobs, records) =
            tokio::task::spawn_blocking(move || me.step_blocking(finished, want, &kinds, release))
                .await
                .map_err(|e| Error::failure("the database thread failed").with_cause(e))??;
        for r in records {
            match r {
                Recorded::Delivered => summary.delivered += 1,
                Recorded::Retry => summary.retry += 1,
                Recorded::Dead(d) => {
                    summary.dead += 1;
                    summary.dead_items.push(d);
                }
                Recorded::Lost => summary.lease_lost += 1,
            }
        }
        Ok(jobs)
    }

    fn step_blocking(
        &self,
        finished: Vec<Finished>,
        want: u64,
        kinds: &[&str],
        release: bool,
    ) -> Result<(Vec<Job>, Vec<Recorded>)> {
        let mut store =
            self.store.lock().map_err(|_| Error::failure("the database lock failed"))?;
        let tx = store.begin_write()?;
        let mut records = Vec::with_capacity(finished.len());
        for f in finished {
            records.push(self.record(&tx, f)?);
        }
        let mut jobs = Vec::new();
        if want > 0 {
            let now = time::now();
            let lease_until = time::format(now + self.q.lease);
            let claimed =
                tx.claim_due(&self.owner, &time::format(now), &lease_until, kinds, want)?;
            for item in claimed {
                let lead = match (item.kind.as_str(), item.lead_seq) {
                    ("forward", _) | (_, None) => None,
                    (_, Some(seq)) => Some(tx.reader().lead(seq)?),
                };
                jobs.push(prepare(item, lead.as_ref(), &self.templates, self.from.as_deref()));
            }
        }
        if release {
            tx.release_leases(&self.owner)?;
        }
        tx.commit()?;
        Ok((jobs, records))
    }

    /// Records one finished attempt and moves its item on.
    fn record(&self, tx: &crate::store::Tx<'_>, f: Finished) -> Result<Recorded> {
        let Finished { job, attempt, at } = f;
        let failed = job.item.attempts.max(0) as u32 + 1;
        let policy = &self.q.retry;
        let outcome = match attempt.verdict {
            Verdict::Delivered => AttemptOutcome::Delivered,
            Verdict::Permanent => AttemptOutcome::Failed { retry_at: None, permanent: true },
            Verdict::Retry if policy.exhausted(failed) => {
                AttemptOutcome::Failed { retry_at: None, permanent: false }
            }
            Verdict::Retry => {
                let wait = policy.delay(failed, jitter(), attempt.retry_after);
                let from = time::parse_timestamp(&at).unwrap_or_else(|_| time::now());
                AttemptOutcome::Failed {
                    retry_at: Some(time::format(from + wait)),
                    permanent: false,
                }
            }
        };
        let held = tx.finish_attempt(
            job.item.id,
            &self.owner,
            &at,
            &outcome,
            attempt.http_status,
            attempt.reply.as_deref(),
            attempt.error.as_deref(),
        )?;
        tracing::info!(
            item = job.item.id,
            kind = %job.item.kind,
            verdict = ?attempt.verdict,
            http_status = attempt.http_status,
            error = attempt.error.as_deref().unwrap_or(""),
            recorded = held,
            "delivery attempt"
        );
        if !held {
            return Ok(Recorded::Lost);
        }
        Ok(match outcome {
            AttemptOutcome::Delivered => {
                if let Some(seq) = job.item.lead_seq {
                    self.note_delivery(tx, seq, &job, &at)?;
                }
                Recorded::Delivered
            }
            AttemptOutcome::Failed { retry_at: Some(_), .. } => Recorded::Retry,
            AttemptOutcome::Failed { .. } => Recorded::Dead(DeadItem {
                id: job.item.id,
                kind: job.item.kind.clone(),
                error: attempt.error,
            }),
        })
    }

    /// A delivered forward or welcome email becomes a message event on the lead; a welcome
    /// email moves its `last_contacted_at`. (An admin alert is not contact with the lead.)
    fn note_delivery(
        &self,
        tx: &crate::store::Tx<'_>,
        seq: i64,
        job: &Job,
        at: &str,
    ) -> Result<()> {
        let payload = |extra: (&str, &str)| {
            serde_json::json!({"outbox_id": job.item.id, extra.0: extra.1}).to_string()
        };
        match &job.work {
            Work::Forward { .. } => {
                let host =
                    self.deliverer.forward_host().unwrap_or_else(|| "the forward URL".to_string());
                let body = format!("Forwarded to {host}");
                let p = payload(("idempotency_key", &job.item.idempotency_key));
                tx.record_delivery(seq, "forwarded", "http", &body, &p, &self.actor, at, false)
            }
            Work::Email { rendered, message_id, .. } if job.item.kind == "welcome_email" => {
                let p = payload(("message_id", message_id));
                tx.record_delivery(
                    seq,
                    "email_sent",
                    "email",
                    &rendered.subject,
                    &p,
                    &self.actor,
                    at,
                    true,
                )
            }
            _ => Ok(()),
        }
    }
}

/// How a finished attempt was recorded.
enum Recorded {
    Delivered,
    Retry,
    Dead(DeadItem),
    Lost,
}

/// A number in [0, 1) from the random bits of a fresh UUIDv7.
fn jitter() -> f64 {
    let bits = uuid::Uuid::now_v7().as_u128() as u64 & ((1 << 53) - 1);
    bits as f64 / (1u64 << 53) as f64
}
