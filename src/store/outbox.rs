//! The outbox (`outbox`, `outbox_attempts`) as seen from a lead: pending items for `show` and
//! what was sent for `timeline`. Claiming and delivery come with `leadctl queue`.

use rusqlite::params;
use serde::Serialize;

use super::{Act, Reader, Tx, sql};
use crate::error::Result;

/// An outbox item not yet delivered.
#[derive(Debug, Serialize)]
pub struct PendingItem {
    pub id: i64,
    pub kind: String,
    pub state: String,
    pub attempts: i64,
    pub next_attempt_at: String,
    pub last_error: Option<String>,
}

impl Reader<'_> {
    /// Outbox items of the lead that are still pending.
    pub fn pending_outbox_of(&self, seq: i64) -> Result<Vec<PendingItem>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, kind, state, attempts, next_attempt_at, last_error FROM outbox \
                 WHERE lead_seq = ?1 AND state = 'pending' ORDER BY next_attempt_at, id",
            )
            .map_err(sql)?;
        st.query_map([seq], |r| {
            Ok(PendingItem {
                id: r.get(0)?,
                kind: r.get(1)?,
                state: r.get(2)?,
                attempts: r.get(3)?,
                next_attempt_at: r.get(4)?,
                last_error: r.get(5)?,
            })
        })
        .and_then(|r| r.collect())
        .map_err(sql)
    }
}

impl Tx<'_> {
    /// Adds an outbox item due now, unless one of this kind with this idempotency key exists;
    /// returns 1 when added, 0 when it was there already.
    pub fn enqueue(
        &self,
        act: &Act<'_>,
        lead_seq: i64,
        kind: &str,
        key: &str,
        payload: &str,
    ) -> Result<usize> {
        self.conn()
            .prepare_cached(
                "INSERT OR IGNORE INTO outbox (org_id, lead_seq, kind, idempotency_key, payload, \
                 next_attempt_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?6)",
            )
            .and_then(|mut st| {
                st.execute(params![act.org_id, lead_seq, kind, key, payload, act.now])
            })
            .map_err(sql)
    }
}

/// Outbox counts of one kind and state (`retrying`: pending after a failed attempt).
#[derive(Debug, Clone, Serialize)]
pub struct QueueCount {
    pub kind: String,
    pub state: String,
    pub items: u64,
}

impl Reader<'_> {
    /// Items per kind and state of the organisation (pending items that were tried before are
    /// counted as `retrying`, delivered ones as `done`).
    pub fn queue_counts(&self, org_id: i64) -> Result<Vec<QueueCount>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT kind, CASE WHEN state = 'pending' AND attempts > 0 THEN 'retrying' \
                 WHEN state = 'delivered' THEN 'done' ELSE state END AS s, count(*) \
                 FROM outbox WHERE org_id = ?1 GROUP BY kind, s ORDER BY kind, s",
            )
            .map_err(sql)?;
        st.query_map([org_id], |r| {
            Ok(QueueCount { kind: r.get(0)?, state: r.get(1)?, items: r.get::<_, i64>(2)? as u64 })
        })
        .and_then(|rows| rows.collect())
        .map_err(sql)
    }

    /// The creation time of the oldest pending item and the next attempt time of any.
    pub fn queue_times(&self, org_id: i64) -> Result<(Option<String>, Option<String>)> {
        self.conn
            .prepare_cached(
                "SELECT min(created_at), min(next_attempt_at) FROM outbox \
                 WHERE org_id = ?1 AND state = 'pending'",
            )
            .and_then(|mut st| st.query_row([org_id], |r| Ok((r.get(0)?, r.get(1)?))))
            .map_err(sql)
    }
}

/// An item claimed for delivery under a lease.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub kind: String,
    pub idempotency_key: String,
    pub payload: String,
    /// Attempts made before this one.
    pub attempts: i64,
    pub lead_seq: Option<i64>,
}

/// How one delivery attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttemptOutcome {
    /// Delivered: the item is done.
    Delivered,
    /// Failed; try again at this time (RFC 3339), or give up when `dead`.
    Failed { retry_at: Option<String>, permanent: bool },
}

impl Tx<'_> {
    /// Claims up to `limit` due items for `owner` until `lease_until`: pending items whose
    /// next attempt was due by `due_by` and that no live lease (at `now`) holds. A flush passes
    /// its start time as `due_by`, so it makes one pass: an item it failed is not claimed again
    /// by the same flush. Run inside one write transaction
    /// (`BEGIN IMMEDIATE`), so two flushes at once never claim the same item; an item whose
    /// lease expired (its flush died) is claimed again (at least once, never lost).
    /// Demo items (`seed-demo`, keys `demo:...`) are never claimed: demo data is not sent.
    #[allow(clippy::too_many_arguments)]
    pub fn claim_due(
        &self,
        owner: &str,
        now: &str,
        due_by: &str,
        lease_until: &str,
        kinds: &[&str],
        limit: u64,
    ) -> Result<Vec<Claimed>> {
        let mut st = self
            .conn()
            .prepare_cached(
                "UPDATE outbox SET lease_owner = ?1, lease_expires_at = ?3, updated_at = ?2 \
                 WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' \
                   AND next_attempt_at <= ?6 AND (lease_expires_at IS NULL OR lease_expires_at <= ?2) \
                   AND kind IN (SELECT value FROM json_each(?4)) \
                   AND idempotency_key NOT LIKE 'demo:%' \
                   ORDER BY next_attempt_at, id LIMIT ?5) \
                 RETURNING id, kind, idempotency_key, payload, attempts, lead_seq",
            )
            .map_err(sql)?;
        let limit = limit.min(i64::MAX as u64) as i64;
        let kinds = serde_json::to_string(kinds)?;
        let mut items: Vec<Claimed> = st
            .query_map(params![owner, now, lease_until, kinds, limit, due_by], |r| {
                Ok(Claimed {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    idempotency_key: r.get(2)?,
                    payload: r.get(3)?,
                    attempts: r.get(4)?,
                    lead_seq: r.get(5)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(sql)?;
        items.sort_by_key(|c| c.id);
        Ok(items)
    }

    /// Records an attempt of an item `owner` holds and moves the item on: done, back to
    /// pending at `retry_at`, or dead (permanent failure, or `dead` because attempts ran out).
    /// Returns false when the lease was lost (it expired and another flush took the item, or
    /// `forget` cancelled it): the item is left alone and the attempt is recorded as `late`.
    #[allow(clippy::too_many_arguments)]
    pub fn finish_attempt(
        &self,
        item: i64,
        owner: &str,
        now: &str,
        outcome: &AttemptOutcome,
        http_status: Option<u16>,
        reply: Option<&str>,
        error: Option<&str>,
    ) -> Result<bool> {
        let (state, next, label) = match outcome {
            AttemptOutcome::Delivered => ("delivered", None, "delivered"),
            AttemptOutcome::Failed { retry_at: Some(at), permanent: false } => {
                ("pending", Some(at.as_str()), "failed")
            }
            AttemptOutcome::Failed { .. } => ("dead", None, "dead"),
        };
        let changed = self
            .conn()
            .prepare_cached(
                "UPDATE outbox SET state = ?3, attempts = attempts + 1, \
                 next_attempt_at = coalesce(?4, next_attempt_at), lease_owner = NULL, \
                 lease_expires_at = NULL, last_error = ?5, updated_at = ?2, \
                 delivered_at = CASE WHEN ?3 = 'delivered' THEN ?2 ELSE delivered_at END \
                 WHERE id = ?1 AND lease_owner = ?6 AND state = 'pending'",
            )
            .and_then(|mut st| st.execute(params![item, now, state, next, error, owner]))
            .map_err(sql)?;
        let label = if changed == 0 { "late" } else { label };
        self.add_attempt(item, now, label, http_status, reply, error)?;
        Ok(changed > 0)
    }

    /// Records an attempt a stopping flush abandoned mid-way (the receiver may have it). The
    /// item keeps its lease, so no flush sends it again before the lease runs out.
    pub fn record_abandoned(&self, item: i64, now: &str) -> Result<()> {
        let why =
            "abandoned: the flush was stopped during the attempt; tried again after the lease";
        self.add_attempt(item, now, "abandoned", None, None, Some(why))
    }

    fn add_attempt(
        &self,
        item: i64,
        now: &str,
        outcome: &str,
        http_status: Option<u16>,
        reply: Option<&str>,
        error: Option<&str>,
    ) -> Result<()> {
        // Only while the item exists (`queue clear` may have deleted it meanwhile).
        self.conn()
            .prepare_cached(
                "INSERT INTO outbox_attempts (outbox_id, attempted_at, outcome, http_status, \
                 smtp_reply, error) SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS \
                 (SELECT 1 FROM outbox WHERE id = ?1)",
            )
            .and_then(|mut st| st.execute(params![item, now, outcome, http_status, reply, error]))
            .map_err(sql)?;
        Ok(())
    }

    /// Gives back the leases of `owner` without an attempt (a flush stopping early).
    pub fn release_leases(&self, owner: &str) -> Result<usize> {
        self.conn()
            .prepare_cached(
                "UPDATE outbox SET lease_owner = NULL, lease_expires_at = NULL \
                 WHERE lease_owner = ?1 AND state = 'pending'",
            )
            .and_then(|mut st| st.execute([owner]))
            .map_err(sql)
    }
}

impl Tx<'_> {
    /// Records on the lead what a delivered item did: a message event (`forwarded`,
    /// `email_sent`) at `at`, and for an email to the lead, `last_contacted_at` moved forward.
    #[allow(clippy::too_many_arguments)]
    pub fn record_delivery(
        &self,
        lead_seq: i64,
        kind: &str,
        channel: &str,
        body: &str,
        payload: &str,
        actor: &str,
        at: &str,
        contacted: bool,
    ) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO message_events (lead_seq, occurred_at, kind, channel, provider, \
                 payload, actor, body, created_at) \
                 SELECT ?1, ?2, ?3, ?4, 'leadctl', ?5, ?6, ?7, ?2 FROM leads \
                 WHERE seq = ?1 AND erased_at IS NULL",
            )
            .and_then(|mut st| {
                st.execute(params![lead_seq, at, kind, channel, payload, actor, body])
            })
            .map_err(sql)?;
        if contacted {
            self.conn()
                .prepare_cached(
                    "UPDATE leads SET last_contacted_at = ?2, updated_at = ?2 WHERE seq = ?1 \
                     AND (last_contacted_at IS NULL OR last_contacted_at < ?2)",
                )
                .and_then(|mut st| st.execute(params![lead_seq, at]))
                .map_err(sql)?;
        }
        Ok(())
    }
}

/// Which items `queue list` shows.
#[derive(Debug, Clone, Default)]
pub struct ItemFilter {
    /// pending, retrying, done, dead or cancelled.
    pub state: Option<String>,
    /// forward, welcome_email or admin_alert.
    pub kind: Option<String>,
    /// Items of this lead.
    pub lead_seq: Option<i64>,
    /// Only items due now (pending, next attempt passed, no live lease), for `flush --dry-run`;
    /// the value is the time "now".
    pub due_at: Option<String>,
    /// Only these kinds (`flush --dry-run`); empty: all.
    pub kinds: Vec<String>,
    /// Every organisation, not only `org_id`.
    pub all_orgs: bool,
}

/// An outbox item as `queue list` and `queue show` print it.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub id: i64,
    pub kind: String,
    /// pending, retrying (pending after a failed attempt), done, dead or cancelled.
    pub state: String,
    pub attempts: i64,
    pub lead_id: Option<String>,
    /// Where it goes: the email recipient, or the forward URL (`forward.url` at delivery).
    pub to: Option<String>,
    pub idempotency_key: String,
    pub created_at: String,
    pub next_attempt_at: Option<String>,
    pub delivered_at: Option<String>,
    pub lease_owner: Option<String>,
    pub lease_expires_at: Option<String>,
    pub last_error: Option<String>,
    #[serde(skip)]
    pub payload: String,
    #[serde(skip)]
    pub lead_seq: Option<i64>,
}

/// One recorded delivery attempt.
#[derive(Debug, Clone, Serialize)]
pub struct Attempt {
    pub attempted_at: String,
    /// delivered, failed (will retry) or dead.
    pub outcome: String,
    pub http_status: Option<i64>,
    pub smtp_reply: Option<String>,
    pub error: Option<String>,
}

const SELECT_ITEM: &str = "SELECT o.id, o.kind, \
    CASE WHEN o.state = 'pending' AND o.attempts > 0 THEN 'retrying' \
         WHEN o.state = 'delivered' THEN 'done' ELSE o.state END, \
    o.attempts, l.id, json_extract(o.payload, '$.to'), o.idempotency_key, o.created_at, \
    CASE WHEN o.state = 'pending' THEN o.next_attempt_at END, o.delivered_at, o.lease_owner, \
    o.lease_expires_at, o.last_error, o.payload, o.lead_seq \
    FROM outbox o LEFT JOIN leads l ON l.seq = o.lead_seq";

fn row_to_item(r: &rusqlite::Row<'_>) -> rusqlite::Result<Item> {
    Ok(Item {
        id: r.get(0)?,
        kind: r.get(1)?,
        state: r.get(2)?,
        attempts: r.get(3)?,
        lead_id: r.get(4)?,
        to: r.get(5)?,
        idempotency_key: r.get(6)?,
        created_at: r.get(7)?,
        next_attempt_at: r.get(8)?,
        delivered_at: r.get(9)?,
        lease_owner: r.get(10)?,
        lease_expires_at: r.get(11)?,
        last_error: r.get(12)?,
        payload: r.get(13)?,
        lead_seq: r.get(14)?,
    })
}

impl Reader<'_> {
    /// Items of the organisation matching `f`, oldest first (at most `limit`).
    pub fn outbox_items(&self, org_id: i64, f: &ItemFilter, limit: u64) -> Result<Vec<Item>> {
        use rusqlite::types::Value;
        let mut parts: Vec<&str> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        if !f.all_orgs {
            parts.push("o.org_id = ?");
            args.push(Value::Integer(org_id));
        }
        if let Some(state) = &f.state {
            parts.push(match state.as_str() {
                "pending" => "o.state = 'pending' AND o.attempts = 0",
                "retrying" => "o.state = 'pending' AND o.attempts > 0",
                "done" => "o.state = 'delivered'",
                "dead" => "o.state = 'dead'",
                _ => "o.state = 'cancelled'",
            });
        }
        if let Some(kind) = &f.kind {
            parts.push("o.kind = ?");
            args.push(Value::Text(kind.clone()));
        }
        if !f.kinds.is_empty() {
            parts.push("o.kind IN (SELECT value FROM json_each(?))");
            args.push(Value::Text(serde_json::to_string(&f.kinds)?));
        }
        if let Some(seq) = f.lead_seq {
            parts.push("o.lead_seq = ?");
            args.push(Value::Integer(seq));
        }
        let order = if let Some(now) = &f.due_at {
            parts.push(
                "o.state = 'pending' AND o.next_attempt_at <= ? \
                 AND (o.lease_expires_at IS NULL OR o.lease_expires_at <= ?)",
            );
            args.push(Value::Text(now.clone()));
            args.push(Value::Text(now.clone()));
            "o.next_attempt_at, o.id"
        } else {
            "o.id"
        };
        let wher = if parts.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", parts.join(" AND "))
        };
        args.push(Value::Integer(limit.min(i64::MAX as u64) as i64));
        let q = format!("{SELECT_ITEM}{wher} ORDER BY {order} LIMIT ?");
        let mut st = self.conn.prepare(&q).map_err(sql)?;
        st.query_map(rusqlite::params_from_iter(args), row_to_item)
            .and_then(|rows| rows.collect())
            .map_err(sql)
    }

    /// One item of the organisation, if it exists.
    pub fn outbox_item(&self, org_id: i64, id: i64) -> Result<Option<Item>> {
        use rusqlite::OptionalExtension;
        self.conn
            .prepare_cached(&format!("{SELECT_ITEM} WHERE o.id = ?1 AND o.org_id = ?2"))
            .and_then(|mut st| st.query_row(params![id, org_id], row_to_item).optional())
            .map_err(sql)
    }

    /// How many items `clear_items` would delete.
    pub fn clearable_items(&self, org_id: i64, state: &str, before: &str) -> Result<u64> {
        self.conn
            .prepare_cached(
                "SELECT count(*) FROM outbox WHERE org_id = ?1 AND state = ?2 AND updated_at < ?3",
            )
            .and_then(|mut st| st.query_row(params![org_id, state, before], |r| r.get::<_, i64>(0)))
            .map(|n| n as u64)
            .map_err(sql)
    }

    /// The attempts of an item, oldest first.
    pub fn outbox_attempts(&self, id: i64) -> Result<Vec<Attempt>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT attempted_at, outcome, http_status, smtp_reply, error FROM outbox_attempts \
                 WHERE outbox_id = ?1 ORDER BY attempted_at, id",
            )
            .map_err(sql)?;
        st.query_map([id], |r| {
            Ok(Attempt {
                attempted_at: r.get(0)?,
                outcome: r.get(1)?,
                http_status: r.get(2)?,
                smtp_reply: r.get(3)?,
                error: r.get(4)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(sql)
    }
}

impl Tx<'_> {
    /// Puts an item back to pending, due now, with a fresh count of attempts (its earlier
    /// attempts stay in its history); audited. Returns false when the item is not dead or
    /// pending (delivered and cancelled items are never sent again).
    pub fn retry_item(&self, act: &Act<'_>, id: i64) -> Result<bool> {
        let changed = self
            .conn()
            .prepare_cached(
                "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?3, \
                 updated_at = ?3 WHERE id = ?1 AND org_id = ?2 AND state IN ('pending', 'dead') \
                 AND (lease_expires_at IS NULL OR lease_expires_at <= ?3)",
            )
            .and_then(|mut st| st.execute(params![id, act.org_id, act.now]))
            .map_err(sql)?;
        if changed > 0 {
            self.audit_queue(act, "queue.retry", Some(&id.to_string()), None)?;
        }
        Ok(changed > 0)
    }

    /// Deletes items in `state` (`delivered` or `dead`) last changed before `before`, with
    /// their attempts; audited with the count. Returns how many were deleted.
    pub fn clear_items(&self, act: &Act<'_>, state: &str, before: &str) -> Result<u64> {
        let n = self
            .conn()
            .prepare_cached(
                "DELETE FROM outbox WHERE org_id = ?1 AND state = ?2 AND updated_at < ?3",
            )
            .and_then(|mut st| st.execute(params![act.org_id, state, before]))
            .map_err(sql)? as u64;
        let details = serde_json::json!({"state": state, "before": before, "items": n});
        self.audit_queue(act, "queue.clear", None, Some(details))?;
        Ok(n)
    }

    fn audit_queue(
        &self,
        act: &Act<'_>,
        action: &str,
        item: Option<&str>,
        details: Option<serde_json::Value>,
    ) -> Result<()> {
        self.audit(&super::audit::AuditEntry {
            at: act.now,
            actor: act.actor,
            action,
            org_id: Some(act.org_id),
            entity_type: Some("outbox"),
            entity_id: item,
            details: details.map(|d| d.to_string()),
            ..Default::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, StoreOptions};

    fn store(path: &std::path::Path) -> Store {
        Store::open(path, &StoreOptions::default()).unwrap()
    }

    /// Items queued directly (the enqueue path is tested through the CLI).
    fn queue(s: &mut Store, n: usize) {
        let tx = s.begin_write().unwrap();
        let act = Act { org_id: 1, actor: "t", now: "2026-11-22T10:00:00.000Z" };
        for i in 0..n {
            tx.enqueue(&act, 0, "forward", &format!("k{i}"), "{}").unwrap();
        }
        tx.commit().unwrap();
    }

    #[test]
    fn concurrent_claims_are_disjoint_and_expired_leases_are_claimed_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.db");
        let mut s = store(&path);
        // lead_seq 0 does not exist: foreign keys would refuse it, so queue without a lead
        s.reader().conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
        queue(&mut s, 200);
        let now = "2026-11-22T10:00:01.000Z";
        let lease = "2026-11-22T10:05:00.000Z";
        let claimed: Vec<Vec<i64>> = std::thread::scope(|sc| {
            let handles: Vec<_> = (0..3)
                .map(|w| {
                    let path = path.clone();
                    sc.spawn(move || {
                        let mut s = store(&path);
                        let mut mine = Vec::new();
                        loop {
                            let tx = s.begin_write().unwrap();
                            let got = tx
                                .claim_due(&format!("w{w}"), now, now, lease, &["forward"], 7)
                                .unwrap();
                            tx.commit().unwrap();
                            if got.is_empty() {
                                break mine;
                            }
                            mine.extend(got.iter().map(|c| c.id));
                        }
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let mut all: Vec<i64> = claimed.concat();
        all.sort_unstable();
        let before = all.len();
        all.dedup();
        assert_eq!(before, all.len(), "an item was claimed twice");
        assert_eq!(all.len(), 200, "every item was claimed");
        // a worker that claimed items finishes one; its lease on the others expires; a later
        // flush takes them
        let (w, ids) = claimed.iter().enumerate().find(|(_, ids)| !ids.is_empty()).unwrap();
        let (first, owner, other) = (ids[0], format!("w{w}"), format!("w{}", (w + 1) % 3));
        let tx = s.begin_write().unwrap();
        let done = AttemptOutcome::Delivered;
        assert!(tx.finish_attempt(first, &owner, now, &done, Some(200), None, None).unwrap());
        let stolen = tx.finish_attempt(first, &other, now, &done, None, None, None).unwrap();
        assert!(!stolen, "a lease held by another is not finished");
        let later = "2026-11-22T10:06:00.000Z";
        let again = tx
            .claim_due("w9", later, later, "2026-11-22T10:11:00.000Z", &["forward"], 1000)
            .unwrap();
        tx.commit().unwrap();
        assert_eq!(again.len(), 199, "expired leases are claimed again, the delivered item not");
        assert!(again.iter().all(|c| c.id != first));
    }
}
