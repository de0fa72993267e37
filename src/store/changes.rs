//! Changes operators make to the lead row itself: status (with its history), owner, and
//! contact fields. Each writes its audit entry in the caller's transaction, with personal
//! values masked (`privacy::audit_value`), and keeps the counters and the search index in step.

use rusqlite::params;
use rusqlite::types::Value;
use serde::Serialize;
use serde_json::json;

use super::leads::LeadRef;
use super::{Act, Reader, Tx, search, sql};
use crate::error::Result;
use crate::model::Status;
use crate::privacy::audit_value;

/// Columns `leadctl edit` may set (names are constants, never input).
pub const EDITABLE: &[&str] = &[
    "first_name",
    "last_name",
    "email",
    "email_norm",
    "phone",
    "phone_raw",
    "company",
    "service",
    "source",
];

/// A status change.
#[derive(Debug, Clone, Serialize)]
pub struct StatusChange {
    pub from: Option<String>,
    pub to: String,
    pub actor: String,
    pub note: Option<String>,
    pub changed_at: String,
}

impl Reader<'_> {
    /// Status changes, oldest first.
    pub fn status_history_of(&self, seq: i64) -> Result<Vec<StatusChange>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT from_status, to_status, actor, note, changed_at FROM status_history \
                 WHERE lead_seq = ?1 ORDER BY changed_at, id",
            )
            .map_err(sql)?;
        st.query_map([seq], |r| {
            Ok(StatusChange {
                from: r.get(0)?,
                to: r.get(1)?,
                actor: r.get(2)?,
                note: r.get(3)?,
                changed_at: r.get(4)?,
            })
        })
        .and_then(|r| r.collect())
        .map_err(sql)
    }

    /// The current values of `cols` (from [`EDITABLE`]) of a lead.
    pub fn contact_values(&self, seq: i64, cols: &[&'static str]) -> Result<Vec<Option<String>>> {
        let cols: Vec<&str> = cols.iter().copied().filter(|c| EDITABLE.contains(c)).collect();
        if cols.is_empty() {
            return Ok(Vec::new());
        }
        let sql_text = format!("SELECT {} FROM leads WHERE seq = ?1", cols.join(", "));
        self.conn
            .prepare_cached(&sql_text)
            .and_then(|mut st| st.query_row([seq], |r| (0..cols.len()).map(|i| r.get(i)).collect()))
            .map_err(sql)
    }
}

impl Tx<'_> {
    /// Moves a lead to `to`; returns the previous status, or `None` when it already had it
    /// (nothing is written then).
    pub fn set_status(
        &self,
        act: &Act<'_>,
        lead: &LeadRef,
        to: Status,
        note: Option<&str>,
    ) -> Result<Option<Status>> {
        let from = lead.status;
        if from == to {
            return Ok(None);
        }
        self.move_facet(lead.seq, |f| f.status = to.as_str().to_string())?;
        self.conn()
            .prepare_cached("UPDATE leads SET status = ?2, updated_at = ?3 WHERE seq = ?1")
            .and_then(|mut st| st.execute(params![lead.seq, to.as_str(), act.now]))
            .map_err(sql)?;
        self.conn()
            .prepare_cached(
                "INSERT INTO status_history (lead_seq, from_status, to_status, actor, note, \
                 changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .and_then(|mut st| {
                st.execute(params![lead.seq, from.as_str(), to.as_str(), act.actor, note, act.now])
            })
            .map_err(sql)?;
        self.count_lead(act.org_id, from, -1);
        self.count_lead(act.org_id, to, 1);
        let details = note.map(|n| json!({"note": audit_value("note", n)}));
        self.audit_lead(
            act,
            lead,
            "lead.status",
            Some(json!({"status": from.as_str()})),
            Some(json!({"status": to.as_str()})),
            details,
        )?;
        Ok(Some(from))
    }

    /// Sets (or with `None` clears) a lead's owner; returns false when it already had it.
    pub fn set_owner(&self, act: &Act<'_>, lead: &LeadRef, owner: Option<&str>) -> Result<bool> {
        let current: Option<String> = self
            .conn()
            .prepare_cached("SELECT owner FROM leads WHERE seq = ?1")
            .and_then(|mut st| st.query_row([lead.seq], |r| r.get(0)))
            .map_err(sql)?;
        if current.as_deref() == owner {
            return Ok(false);
        }
        self.move_facet(lead.seq, |f| f.owner = owner.unwrap_or_default().to_string())?;
        self.conn()
            .prepare_cached("UPDATE leads SET owner = ?2, updated_at = ?3 WHERE seq = ?1")
            .and_then(|mut st| st.execute(params![lead.seq, owner, act.now]))
            .map_err(sql)?;
        self.audit_lead(
            act,
            lead,
            "lead.assign",
            Some(json!({"owner": current})),
            Some(json!({"owner": owner})),
            None,
        )?;
        Ok(true)
    }

    /// Sets contact columns (from [`EDITABLE`]; `None` clears) and re-indexes the lead for
    /// search when a searched column changed. Returns the columns that really changed.
    pub fn edit_lead(
        &self,
        act: &Act<'_>,
        lead: &LeadRef,
        changes: &[(&'static str, Option<String>)],
    ) -> Result<Vec<&'static str>> {
        let cols: Vec<&'static str> = changes.iter().map(|(c, _)| *c).collect();
        let current = self.reader().contact_values(lead.seq, &cols)?;
        let changed: Vec<(&'static str, &Option<String>, Option<String>)> = changes
            .iter()
            .filter(|(c, _)| EDITABLE.contains(c))
            .zip(current)
            .filter(|((_, new), old)| new != old)
            .map(|((c, new), old)| (*c, new, old))
            .collect();
        if changed.is_empty() {
            return Ok(Vec::new());
        }
        let reindex = changed.iter().any(|(c, _, _)| search::SEARCHED.contains(c));
        if reindex {
            self.unindex_lead(lead.seq)?;
        }
        let sets: Vec<String> = changed.iter().map(|(c, _, _)| format!("{c} = ?")).collect();
        let sql_text =
            format!("UPDATE leads SET {}, updated_at = ? WHERE seq = ?", sets.join(", "));
        let mut args: Vec<Value> = changed
            .iter()
            .map(|(_, new, _)| new.as_ref().map_or(Value::Null, |v| Value::Text(v.clone())))
            .collect();
        args.push(Value::Text(act.now.to_string()));
        args.push(Value::Integer(lead.seq));
        if let Some((_, new, _)) = changed.iter().find(|(c, _, _)| *c == "source") {
            let source = new.as_deref().unwrap_or_default().to_string();
            self.move_facet(lead.seq, |f| f.source = source)?;
        }
        self.conn()
            .prepare_cached(&sql_text)
            .and_then(|mut st| st.execute(rusqlite::params_from_iter(args)))
            .map_err(sql)?;
        if reindex {
            self.reindex_lead(lead.seq)?;
        }
        let masked = |v: &Option<String>, c: &str| v.as_deref().map(|v| audit_value(c, v));
        let shown = changed.iter().filter(|(c, _, _)| *c != "email_norm");
        let before: serde_json::Map<String, serde_json::Value> =
            shown.clone().map(|(c, _, old)| (c.to_string(), json!(masked(old, c)))).collect();
        let after: serde_json::Map<String, serde_json::Value> =
            shown.map(|(c, new, _)| (c.to_string(), json!(masked(new, c)))).collect();
        self.audit_lead(act, lead, "lead.edit", Some(before.into()), Some(after.into()), None)?;
        Ok(changed.into_iter().map(|(c, _, _)| c).collect())
    }

    /// Bumps `updated_at` (a note or tag changed what the lead shows).
    pub fn touch_lead(&self, seq: i64, now: &str) -> Result<()> {
        self.conn()
            .prepare_cached("UPDATE leads SET updated_at = ?2 WHERE seq = ?1")
            .and_then(|mut st| st.execute(params![seq, now]))
            .map_err(sql)?;
        Ok(())
    }

    /// Appends an audit entry about a lead.
    pub fn audit_lead(
        &self,
        act: &Act<'_>,
        lead: &LeadRef,
        action: &str,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
        details: Option<serde_json::Value>,
    ) -> Result<()> {
        self.audit(&super::audit::AuditEntry {
            at: act.now,
            actor: act.actor,
            action,
            org_id: Some(act.org_id),
            entity_type: Some("lead"),
            entity_id: Some(&lead.id),
            lead_id: Some(&lead.id),
            before: before.map(|v| v.to_string()),
            after: after.map(|v| v.to_string()),
            request_id: None,
            details: details.map(|v| v.to_string()),
        })
    }
}
