//! Tasks (`tasks`): follow-ups with a due time and an owner, usually about a lead.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params, params_from_iter};
use serde::Serialize;
use serde_json::json;

use super::leads::LeadRef;
use super::{Act, Reader, Tx, sql};
use crate::error::Result;

/// A task as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Task {
    pub id: i64,
    pub title: String,
    /// The lead's public id, if the task is about one.
    pub lead_id: Option<String>,
    pub due_at: Option<String>,
    pub owner: Option<String>,
    pub done_at: Option<String>,
    pub created_by: String,
    pub created_at: String,
    /// Open and due before now.
    pub overdue: bool,
}

/// Filters of `task list`.
#[derive(Debug, Clone, Default)]
pub struct TaskFilter {
    /// Only tasks not done.
    pub open: bool,
    /// Only open tasks due before now.
    pub overdue: bool,
    /// Only tasks due before this time.
    pub due_before: Option<String>,
    /// Exactly this owner.
    pub owner: Option<String>,
    /// Only tasks about this lead.
    pub lead_seq: Option<i64>,
}

const SELECT_TASK: &str = "SELECT t.id, t.title, l.id, t.due_at, t.owner, t.done_at, \
    t.created_by, t.created_at, (t.done_at IS NULL AND t.due_at IS NOT NULL AND t.due_at < ?) \
    FROM tasks t LEFT JOIN leads l ON l.seq = t.lead_seq";

fn row_to_task(r: &rusqlite::Row<'_>) -> rusqlite::Result<Task> {
    Ok(Task {
        id: r.get(0)?,
        title: r.get(1)?,
        lead_id: r.get(2)?,
        due_at: r.get(3)?,
        owner: r.get(4)?,
        done_at: r.get(5)?,
        created_by: r.get(6)?,
        created_at: r.get(7)?,
        overdue: r.get(8)?,
    })
}

impl Reader<'_> {
    /// Tasks of the organisation: open ones first, by due time (none last), then done ones.
    pub fn tasks(&self, org_id: i64, f: &TaskFilter, now: &str, limit: u64) -> Result<Vec<Task>> {
        let mut parts = vec!["t.org_id = ?".to_string()];
        let mut args = vec![Value::Text(now.to_string()), Value::Integer(org_id)];
        if f.open || f.overdue {
            parts.push("t.done_at IS NULL".into());
        }
        if f.overdue {
            parts.push("t.due_at < ?".into());
            args.push(Value::Text(now.to_string()));
        }
        if let Some(d) = &f.due_before {
            // <=: a bare date means the end of that day, which is also how a task due that
            // day is stored.
            parts.push("t.due_at <= ?".into());
            args.push(Value::Text(d.clone()));
        }
        if let Some(o) = &f.owner {
            parts.push("t.owner = ?".into());
            args.push(Value::Text(o.clone()));
        }
        if let Some(s) = f.lead_seq {
            parts.push("t.lead_seq = ?".into());
            args.push(Value::Integer(s));
        }
        args.push(Value::Integer(limit.min(i64::MAX as u64) as i64));
        let sql_text = format!(
            "{SELECT_TASK} WHERE {} ORDER BY t.done_at IS NOT NULL, t.due_at IS NULL, t.due_at, \
             t.id LIMIT ?",
            parts.join(" AND ")
        );
        let mut st = self.conn.prepare(&sql_text).map_err(sql)?;
        st.query_map(params_from_iter(args), row_to_task)
            .and_then(|rows| rows.collect())
            .map_err(sql)
    }

    /// One task of the organisation.
    pub fn task(&self, org_id: i64, id: i64, now: &str) -> Result<Option<Task>> {
        self.conn
            .prepare_cached(&format!("{SELECT_TASK} WHERE t.id = ? AND t.org_id = ?"))
            .and_then(|mut st| st.query_row(params![now, id, org_id], row_to_task).optional())
            .map_err(sql)
    }
}

impl Tx<'_> {
    /// Adds a task; returns its id. The audit entry has the title's length, not its text.
    pub fn add_task(
        &self,
        act: &Act<'_>,
        lead: Option<&LeadRef>,
        title: &str,
        due_at: Option<&str>,
        owner: Option<&str>,
    ) -> Result<i64> {
        self.conn()
            .prepare_cached(
                "INSERT INTO tasks (org_id, lead_seq, title, due_at, owner, created_by, \
                 created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .and_then(|mut st| {
                st.execute(params![
                    act.org_id,
                    lead.map(|l| l.seq),
                    title,
                    due_at,
                    owner,
                    act.actor,
                    act.now
                ])
            })
            .map_err(sql)?;
        let id = self.conn().last_insert_rowid();
        let after =
            json!({"due_at": due_at, "owner": owner, "title_characters": title.chars().count()});
        self.audit_task(act, id, lead.map(|l| l.id.as_str()), "task.add", None, Some(after))?;
        Ok(id)
    }

    /// Marks a task done (`done = true`) or open again; false when it already was.
    pub fn set_task_done(&self, act: &Act<'_>, task: &Task, done: bool) -> Result<bool> {
        if task.done_at.is_some() == done {
            return Ok(false);
        }
        let done_at = done.then_some(act.now);
        let done_by = done.then_some(act.actor);
        self.conn()
            .prepare_cached("UPDATE tasks SET done_at = ?2, done_by = ?3 WHERE id = ?1")
            .and_then(|mut st| st.execute(params![task.id, done_at, done_by]))
            .map_err(sql)?;
        let action = if done { "task.done" } else { "task.reopen" };
        self.audit_task(
            act,
            task.id,
            task.lead_id.as_deref(),
            action,
            Some(json!({"done_at": task.done_at})),
            Some(json!({"done_at": done_at})),
        )?;
        Ok(true)
    }

    fn audit_task(
        &self,
        act: &Act<'_>,
        id: i64,
        lead_id: Option<&str>,
        action: &str,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    ) -> Result<()> {
        let id = id.to_string();
        self.audit(&super::audit::AuditEntry {
            at: act.now,
            actor: act.actor,
            action,
            org_id: Some(act.org_id),
            entity_type: Some("task"),
            entity_id: Some(&id),
            lead_id,
            before: before.map(|v| v.to_string()),
            after: after.map(|v| v.to_string()),
            ..Default::default()
        })
    }
}
