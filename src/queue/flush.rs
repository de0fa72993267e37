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

use std::collections::HashSet;
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

/// How many times in a row a database step may find the database busy (each after waiting
/// the busy timeout) before the flush gives up.
const BUSY_RETRIES: u32 = 10;

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
    /// Items claimed (each at most once per flush).
    pub claimed: u64,
    pub delivered: u64,
    /// Failed, scheduled for another attempt.
    pub retry: u64,
    /// Failed for good in this flush.
    pub dead: u64,
    /// Attempts abandoned by a second signal: the receiver may have them; the items stay
    /// leased and are tried again once the lease runs out.
    pub abandoned: u64,
    /// Attempts that ended after the item was no longer this flush's (its lease expired and
    /// another flush took it, or `forget` cancelled it): recorded as `late`, item untouched.
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
        if self.abandoned > 0 {
            s.push_str(&format!(", abandoned {} in flight", self.abandoned));
        }
        if self.lease_lost > 0 {
            s.push_str(&format!(", {} no longer ours when done", self.lease_lost));
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

/// One database step of a flush.
struct Step<'a> {
    finished: Vec<Finished>,
    want: u64,
    due_by: &'a str,
    kinds: &'a [&'static str],
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

    /// Delivers the items due when it starts until none are left, the limit is reached, or
    /// `stop` says so: at 1, no more claims (attempts in flight finish and are recorded); at
    /// 2, attempts in flight are abandoned too (recorded as such; their items stay leased).
    ///
    /// Only as many items are claimed as there are free delivery slots, so a claimed item's
    /// attempt starts at once, and a finished attempt is recorded with the next claim: an item
    /// is held for one delivery timeout plus a database step, well within its lease.
    pub async fn run(
        self: &Arc<Self>,
        opts: &FlushOptions,
        mut stop: watch::Receiver<u8>,
    ) -> Result<FlushSummary> {
        let mut summary = FlushSummary::default();
        if opts.kinds.is_empty() {
            return Ok(summary);
        }
        let due_by = time::now_string();
        let concurrency = opts.concurrency.max(1);
        let mut remaining = opts.limit.unwrap_or(u64::MAX);
        let mut inflight: JoinSet<Finished> = JoinSet::new();
        let mut started: HashSet<i64> = HashSet::new();
        let mut done: Vec<Finished> = Vec::new();
        let mut drained = false;
        let mut stop_open = true;
        let mut busy = 0;
        loop {
            if *stop.borrow() > 0 {
                summary.interrupted = true;
                drained = true;
            }
            while let Some(joined) = inflight.try_join_next() {
                if let Ok(f) = joined {
                    done.push(f);
                }
            }
            let free = (concurrency - inflight.len()) as u64;
            let want = if drained { 0 } else { free.min(remaining) };
            if want > 0 || !done.is_empty() {
                let finished = std::mem::take(&mut done);
                for f in &finished {
                    started.remove(&f.job.item.id);
                }
                let step = Step { finished, want, due_by: &due_by, kinds: &opts.kinds };
                match self.step(step, &mut summary).await {
                    Ok(jobs) => {
                        busy = 0;
                        let got = jobs.len() as u64;
                        summary.claimed += got;
                        remaining -= got.min(remaining);
                        if got < want {
                            drained = true;
                        }
                        for job in jobs {
                            started.insert(job.item.id);
                            let deliverer = self.deliverer.clone();
                            inflight.spawn(async move {
                                let attempt = deliverer.deliver(&job).await;
                                Finished { job, attempt, at: time::now_string() }
                            });
                        }
                    }
                    // Another writer held the database past the busy timeout: keep the
                    // results and try again while the deliveries go on.
                    Err((e, finished)) if e.is_busy() && busy < BUSY_RETRIES => {
                        busy += 1;
                        tracing::warn!(attempt = busy, "database busy; recording again shortly");
                        done = finished;
                        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                    }
                    Err((e, _)) => return Err(e),
                }
                continue;
            }
            if inflight.is_empty() {
                break;
            }
            tokio::select! {
                joined = inflight.join_next() => {
                    // Err: abandoned (second signal) or a bug in a delivery; see below.
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
        // Attempts that never came back (abandoned, or a bug in a delivery) keep their leases:
        // the receiver may have them, so no flush sends them again before the lease runs out.
        // Every claimed item was started at once, so nothing else is left to give back.
        let abandoned: Vec<i64> = started.into_iter().collect();
        summary.abandoned = abandoned.len() as u64;
        if !abandoned.is_empty() {
            let me = Arc::clone(self);
            tokio::task::spawn_blocking(move || me.record_abandoned(&abandoned))
                .await
                .map_err(|e| Error::failure("the database thread failed").with_cause(e))??;
        }
        Ok(summary)
    }

    /// One database transaction on the blocking pool: record the finished attempts, then
    /// claim up to `want` more (rendering emails from their leads). On failure the finished
    /// attempts come back with the error, to be recorded again.
    async fn step(
        self: &Arc<Self>,
        step: Step<'_>,
        summary: &mut FlushSummary,
    ) -> std::result::Result<Vec<Job>, (Error, Vec<Finished>)> {
        let me = Arc::clone(self);
        let (want, due_by) = (step.want, step.due_by.to_string());
        let kinds = step.kinds.to_vec();
        let finished = step.finished;
        let joined = tokio::task::spawn_blocking(move || {
            let r = me.step_blocking(&finished, want, &due_by, &kinds);
            (r, finished)
        })
        .await;
        let (result, finished) = match joined {
            Ok(x) => x,
            Err(e) => {
                return Err((
                    Error::failure("the database thread failed").with_cause(e),
                    Vec::new(),
                ));
            }
        };
        let (jobs, records) = match result {
            Ok(x) => x,
            Err(e) => return Err((e, finished)),
        };
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
        finished: &[Finished],
        want: u64,
        due_by: &str,
        kinds: &[&str],
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
            let lease_until = time::shift(
                now,
                chrono::Duration::from_std(self.q.lease).unwrap_or_default(),
                true,
            )
            .ok_or_else(|| Error::usage("queue.lease is too long"))?;
            let (now, lease_until) = (time::format(now), time::format(lease_until));
            let claimed = tx.claim_due(&self.owner, &now, due_by, &lease_until, kinds, want)?;
            for item in claimed {
                let lead = match (item.kind.as_str(), item.lead_seq) {
                    ("forward", _) | (_, None) => None,
                    (_, Some(seq)) => tx.reader().find_lead(seq)?,
                };
                jobs.push(prepare(item, lead.as_ref(), &self.templates, self.from.as_deref()));
            }
        }
        tx.commit()?;
        Ok((jobs, records))
    }

    /// Records attempts abandoned by a stop (items keep their leases).
    fn record_abandoned(&self, items: &[i64]) -> Result<()> {
        let mut store =
            self.store.lock().map_err(|_| Error::failure("the database lock failed"))?;
        let tx = store.begin_write()?;
        let now = time::now_string();
        for id in items {
            tx.record_abandoned(*id, &now)?;
        }
        tx.commit()
    }

    /// Records one finished attempt and moves its item on.
    fn record(&self, tx: &crate::store::Tx<'_>, f: &Finished) -> Result<Recorded> {
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
                let wait = policy.delay(failed, jitter(job.item.id, failed), attempt.retry_after);
                let from = time::parse_timestamp(at).unwrap_or_else(|_| time::now());
                let at = chrono::Duration::from_std(wait)
                    .ok()
                    .and_then(|w| time::shift(from, w, true))
                    .ok_or_else(|| Error::usage("the retry delay is too long"))?;
                AttemptOutcome::Failed { retry_at: Some(time::format(at)), permanent: false }
            }
        };
        let held = tx.finish_attempt(
            job.item.id,
            &self.owner,
            at,
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
                    self.note_delivery(tx, seq, job, at)?;
                }
                Recorded::Delivered
            }
            AttemptOutcome::Failed { retry_at: Some(_), .. } => Recorded::Retry,
            AttemptOutcome::Failed { .. } => Recorded::Dead(DeadItem {
                id: job.item.id,
                kind: job.item.kind.clone(),
                error: attempt.error.clone(),
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

/// A random number in [0, 1) for one retry of one item: std's per-process random hash keys
/// over the item and attempt, so items failing together spread out.
fn jitter(item: i64, attempt: u32) -> f64 {
    use std::hash::BuildHasher;
    let bits = std::collections::hash_map::RandomState::new().hash_one((item, attempt)) >> 11;
    bits as f64 / (1u64 << 53) as f64
}
