//! The audit log: append-only (the database's triggers refuse UPDATE and DELETE, and with
//! `recursive_triggers` the delete of an INSERT OR REPLACE). Callers pass
//! values already masked (`privacy::audit_value`): entries hold no more personal data than a
//! truncated email, so erasing a lead never needs to touch the log.

use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

use super::{Reader, Tx, sql};
use crate::error::Result;

/// One audit entry to append.
#[derive(Debug, Default)]
pub struct AuditEntry<'a> {
    /// When (RFC 3339 UTC).
    pub at: &'a str,
    /// Who.
    pub actor: &'a str,
    /// What, e.g. `ingest`, `lead.status`.
    pub action: &'a str,
    /// Organisation.
    pub org_id: Option<i64>,
    /// Entity type, e.g. `lead`, `ingest_run`, `task`.
    pub entity_type: Option<&'a str>,
    /// Entity id.
    pub entity_id: Option<&'a str>,
    /// The public id of the lead concerned, if any.
    pub lead_id: Option<&'a str>,
    /// JSON before.
    pub before: Option<String>,
    /// JSON after.
    pub after: Option<String>,
    /// Request id of an HTTP request, if any.
    pub request_id: Option<&'a str>,
    /// JSON details.
    pub details: Option<String>,
}

/// An audit entry as read back.
#[derive(Debug, Clone, Serialize)]
pub struct AuditRecord {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub lead_id: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub request_id: Option<String>,
    pub details: Option<serde_json::Value>,
}

/// Filters of `leadctl audit`.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Entries about this lead (public id).
    pub lead_id: Option<String>,
    /// Exactly this actor.
    pub actor: Option<String>,
    /// This action, or every action under it when it ends with `.` (`lead.`).
    pub action: Option<String>,
    /// at >= since.
    pub since: Option<String>,
    /// at < until.
    pub until: Option<String>,
    /// Only these actions (for the timeline).
    pub actions: Vec<&'static str>,
}

impl Tx<'_> {
    /// Appends an audit entry.
    pub fn audit(&self, e: &AuditEntry<'_>) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO audit_log (at, actor, action, org_id, entity_type, entity_id, \
                 lead_id, before, after, request_id, details) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )
            .and_then(|mut st| {
                st.execute(rusqlite::params![
                    e.at,
                    e.actor,
                    e.action,
                    e.org_id,
                    e.entity_type,
                    e.entity_id,
                    e.lead_id,
                    e.before,
                    e.after,
                    e.request_id,
                    e.details
                ])
            })
            .map_err(sql)?;
        Ok(())
    }
}

impl Reader<'_> {
    /// Audit entries of the organisation matching `f`, newest first.
    pub fn audit_entries(
        &self,
        org_id: i64,
        f: &AuditFilter,
        limit: Option<u64>,
    ) -> Result<Vec<AuditRecord>> {
        let mut parts = vec!["(org_id = ? OR org_id IS NULL)".to_string()];
        let mut args = vec![Value::Integer(org_id)];
        if let Some(l) = &f.lead_id {
            parts.push("lead_id = ?".into());
            args.push(Value::Text(l.clone()));
        }
        if let Some(a) = &f.actor {
            parts.push("actor = ?".into());
            args.push(Value::Text(a.clone()));
        }
        if let Some(a) = &f.action {
            if a.ends_with('.') {
                parts.push("substr(action, 1, ?) = ?".into());
                args.push(Value::Integer(a.len() as i64));
            } else {
                parts.push("action = ?".into());
            }
            args.push(Value::Text(a.clone()));
        }
        if !f.actions.is_empty() {
            parts.push(format!("action IN ({})", vec!["?"; f.actions.len()].join(", ")));
            args.extend(f.actions.iter().map(|a| Value::Text(a.to_string())));
        }
        if let Some(s) = &f.since {
            parts.push("at >= ?".into());
            args.push(Value::Text(s.clone()));
        }
        if let Some(u) = &f.until {
            parts.push("at < ?".into());
            args.push(Value::Text(u.clone()));
        }
        args.push(Value::Integer(limit.map_or(-1, |l| l.min(i64::MAX as u64) as i64)));
        let sql_text = format!(
            "SELECT id, at, actor, action, entity_type, entity_id, lead_id, before, after, \
             request_id, details FROM audit_log WHERE {} ORDER BY at DESC, id DESC LIMIT ?",
            parts.join(" AND ")
        );
        let json = |s: Option<String>| s.map(|s| serde_json::from_str(&s).unwrap_or(s.into()));
        let mut st = self.conn.prepare(&sql_text).map_err(sql)?;
        st.query_map(params_from_iter(args), |r| {
            Ok(AuditRecord {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                action: r.get(3)?,
                entity_type: r.get(4)?,
                entity_id: r.get(5)?,
                lead_id: r.get(6)?,
                before: json(r.get(7)?),
                after: json(r.get(8)?),
                request_id: r.get(9)?,
                details: json(r.get(10)?),
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(sql)
    }
}

#[cfg(test)]
mod tests {
    use super::AuditEntry;
    use crate::store::{Store, StoreOptions};

    /// Without an INSERT trigger (migration 0005), an insert that reuses an entry's id is
    /// still refused: the REPLACE's delete fires the DELETE trigger (recursive_triggers), an
    /// upsert's update the UPDATE trigger.
    #[test]
    fn an_entry_cannot_be_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db"), &StoreOptions::default()).unwrap();
        let tx = store.begin_write().unwrap();
        let e = AuditEntry {
            at: "2026-11-22T00:00:00Z",
            actor: "alice",
            action: "x",
            ..Default::default()
        };
        tx.audit(&e).unwrap();
        let id: i64 =
            tx.conn().query_row("SELECT max(id) FROM audit_log", [], |r| r.get(0)).unwrap();
        for stmt in [
            "INSERT OR REPLACE INTO audit_log (id, at, actor, action) VALUES (?1, 't', 'mallory', 'y')",
            "REPLACE INTO audit_log (id, at, actor, action) VALUES (?1, 't', 'mallory', 'y')",
            "INSERT INTO audit_log (id, at, actor, action) VALUES (?1, 't', 'mallory', 'y') \
             ON CONFLICT (id) DO UPDATE SET actor = excluded.actor",
        ] {
            let err = tx.conn().execute(stmt, [id]).expect_err(stmt).to_string();
            assert!(err.contains("append-only"), "{stmt}: {err}");
        }
        // A new entry is still an ordinary insert.
        tx.audit(&AuditEntry { actor: "bob", ..e }).unwrap();
        tx.commit().unwrap();
        let actors: Vec<String> = {
            let mut st = store.conn.prepare("SELECT actor FROM audit_log ORDER BY id").unwrap();
            st.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
        };
        assert_eq!(actors, ["alice", "bob"]);
    }
}
