//! One chronological view of everything that happened to a lead (`leadctl timeline`), gathered
//! from the tables that record each kind of thing plus the audit entries of changes that have
//! no table of their own (edits, owners, tags, merges, erasure).

use rusqlite::params;
use serde::Serialize;

use super::audit::AuditFilter;
use super::{Reader, sql};
use crate::error::Result;

/// One thing that happened.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// When (RFC 3339 UTC).
    pub at: String,
    /// What kind: created, consent, status, note, event, task, task_done, outbox, meeting,
    /// edit, assign, tag, merge, forget.
    pub kind: String,
    /// Who, when known.
    pub actor: Option<String>,
    /// A one-line description.
    pub summary: String,
}

fn entry(at: String, kind: &str, actor: Option<String>, summary: String) -> TimelineEntry {
    TimelineEntry { at, kind: kind.to_string(), actor, summary }
}

/// The first line of a text, at most 80 characters.
fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or("");
    if line.chars().count() > 80 || s.lines().nth(1).is_some() {
        format!("{}...", line.chars().take(80).collect::<String>())
    } else {
        line.to_string()
    }
}

impl Reader<'_> {
    /// Everything that happened to a lead, oldest first.
    pub fn timeline(&self, org_id: i64, seq: i64) -> Result<Vec<TimelineEntry>> {
        let mut out = Vec::new();
        let (id, created, source): (String, String, Option<String>) = self
            .conn
            .query_row("SELECT id, created_at, source FROM leads WHERE seq = ?1", [seq], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(sql)?;
        let from = source.map(|s| format!(" from {s}")).unwrap_or_default();
        out.push(entry(created, "created", None, format!("lead created{from}")));
        self.collect(
            &mut out,
            "SELECT recorded_at, NULL, channel || ' consent ' || state || \
            coalesce(' (' || source || ')', '') FROM consents WHERE lead_seq = ?1",
            seq,
            "consent",
        )?;
        self.collect(
            &mut out,
            "SELECT changed_at, actor, 'status ' || coalesce(from_status, '-') \
            || ' -> ' || to_status FROM status_history WHERE lead_seq = ?1",
            seq,
            "status",
        )?;
        for n in self.notes_of(seq)? {
            out.push(entry(n.created_at, "note", Some(n.author), first_line(&n.body)));
        }
        for e in self.events_of(seq, None, None)? {
            let body = e.body.as_deref().map(|b| format!(": {}", first_line(b)));
            let via = e.provider.map(|p| format!(" ({p})")).unwrap_or_default();
            let text = format!("{}{via}{}", e.kind, body.unwrap_or_default());
            out.push(entry(e.occurred_at, "event", e.actor, text));
        }
        self.collect(&mut out, "SELECT created_at, created_by, 'task #' || id || ' added: ' || \
            title || coalesce(' (due ' || replace(due_at, 'T23:59:59.999Z', '') || ')', '') FROM tasks WHERE lead_seq = ?1",
            seq, "task")?;
        self.collect(
            &mut out,
            "SELECT done_at, done_by, 'task #' || id || ' done: ' || title \
            FROM tasks WHERE lead_seq = ?1 AND done_at IS NOT NULL",
            seq,
            "task_done",
        )?;
        self.collect(
            &mut out,
            "SELECT created_at, NULL, kind || ' queued' FROM outbox \
            WHERE lead_seq = ?1",
            seq,
            "outbox",
        )?;
        self.collect(
            &mut out,
            "SELECT delivered_at, NULL, kind || ' sent' FROM outbox \
            WHERE lead_seq = ?1 AND delivered_at IS NOT NULL",
            seq,
            "outbox",
        )?;
        self.collect(
            &mut out,
            "SELECT updated_at, NULL, kind || ' gave up after ' || attempts \
            || ' attempts' FROM outbox WHERE lead_seq = ?1 AND state = 'dead'",
            seq,
            "outbox",
        )?;
        self.collect(
            &mut out,
            "SELECT coalesce(m.starts_at, m.created_at), NULL, 'meeting (' || \
            m.provider || ')' || coalesce(': ' || m.title, '') FROM meeting_attendees a \
            JOIN meetings m ON m.id = a.meeting_id WHERE a.lead_seq = ?1",
            seq,
            "meeting",
        )?;
        let filter = AuditFilter {
            lead_id: Some(id),
            actions: vec!["lead.edit", "lead.assign", "lead.tag", "lead.merge", "lead.forget"],
            ..AuditFilter::default()
        };
        for a in self.audit_entries(org_id, &filter, None)? {
            let kind = a.action.trim_start_matches("lead.").to_string();
            let summary = audit_summary(&kind, &a.after, &a.details);
            out.push(entry(a.at, &kind, Some(a.actor), summary));
        }
        out.sort_by(|a, b| a.at.cmp(&b.at));
        Ok(out)
    }

    fn collect(
        &self,
        out: &mut Vec<TimelineEntry>,
        query: &str,
        seq: i64,
        kind: &str,
    ) -> Result<()> {
        let mut st = self.conn.prepare_cached(query).map_err(sql)?;
        let rows = st
            .query_map(params![seq], |r| {
                Ok(entry(
                    r.get(0)?,
                    kind,
                    r.get(1)?,
                    r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                ))
            })
            .map_err(sql)?;
        for row in rows {
            out.push(row.map_err(sql)?);
        }
        Ok(())
    }
}

/// A one-line summary of an audit entry for the timeline.
fn audit_summary(
    kind: &str,
    after: &Option<serde_json::Value>,
    details: &Option<serde_json::Value>,
) -> String {
    let fields = |v: &Option<serde_json::Value>| -> Vec<String> {
        v.as_ref()
            .and_then(|v| v.as_object())
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    let list = |v: Option<&serde_json::Value>| -> String {
        v.and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join(", "))
            .unwrap_or_default()
    };
    match kind {
        "edit" => format!("edited {}", fields(after).join(", ")),
        "assign" => {
            let owner = after.as_ref().and_then(|a| a.get("owner")).and_then(|o| o.as_str());
            owner.map_or("owner cleared".to_string(), |o| format!("assigned to {o}"))
        }
        "tag" => {
            let d = details.as_ref();
            let (added, removed) =
                (list(d.and_then(|d| d.get("added"))), list(d.and_then(|d| d.get("removed"))));
            match (added.is_empty(), removed.is_empty()) {
                (false, false) => format!("tags +{added} -{removed}"),
                (false, true) => format!("tagged {added}"),
                _ => format!("untagged {removed}"),
            }
        }
        "merge" => {
            let filled = list(details.as_ref().and_then(|d| d.get("filled")));
            if filled.is_empty() {
                "merged a repeat submission".into()
            } else {
                format!("merged a repeat submission (filled {filled})")
            }
        }
        "forget" => "personal data erased".into(),
        _ => kind.to_string(),
    }
}
