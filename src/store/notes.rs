//! Notes on a lead (`notes`): a list with author and time, added by `leadctl note`.

use rusqlite::params;
use serde::Serialize;

use super::leads::LeadRef;
use super::{Act, Reader, Tx, sql};
use crate::error::Result;

/// A note on a lead.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub id: i64,
    pub author: String,
    pub body: String,
    pub created_at: String,
}

impl Reader<'_> {
    /// Notes, oldest first.
    pub fn notes_of(&self, seq: i64) -> Result<Vec<Note>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, author, body, created_at FROM notes WHERE lead_seq = ?1 \
                 ORDER BY created_at, id",
            )
            .map_err(sql)?;
        st.query_map([seq], |r| {
            Ok(Note { id: r.get(0)?, author: r.get(1)?, body: r.get(2)?, created_at: r.get(3)? })
        })
        .and_then(|r| r.collect())
        .map_err(sql)
    }
}

impl Tx<'_> {
    /// Adds a note (the caller has checked it is not empty); returns its id. The audit entry
    /// records the note's id and length, never its text.
    pub fn add_note(&self, act: &Act<'_>, lead: &LeadRef, body: &str) -> Result<i64> {
        self.conn()
            .prepare_cached(
                "INSERT INTO notes (lead_seq, author, body, created_at) VALUES (?1, ?2, ?3, ?4)",
            )
            .and_then(|mut st| st.execute(params![lead.seq, act.actor, body, act.now]))
            .map_err(sql)?;
        let id = self.conn().last_insert_rowid();
        self.touch_lead(lead.seq, act.now)?;
        let details = serde_json::json!({"note_id": id, "characters": body.chars().count()});
        self.audit_lead(act, lead, "lead.note", None, None, Some(details))?;
        Ok(id)
    }
}
