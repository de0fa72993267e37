//! The audit log: append-only (the database's triggers refuse UPDATE and DELETE). Callers pass
//! values with emails already truncated.

use rusqlite::params;

use super::{Tx, sql};
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
    /// Entity type, e.g. `lead`, `ingest_run`.
    pub entity_type: Option<&'a str>,
    /// Entity id.
    pub entity_id: Option<&'a str>,
    /// JSON before.
    pub before: Option<String>,
    /// JSON after.
    pub after: Option<String>,
    /// Request id of an HTTP request, if any.
    pub request_id: Option<&'a str>,
    /// JSON details.
    pub details: Option<String>,
}

impl Tx<'_> {
    /// Appends an audit entry.
    pub fn audit(&self, e: &AuditEntry<'_>) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO audit_log (at, actor, action, org_id, entity_type, entity_id, before, \
                 after, request_id, details) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )
            .and_then(|mut st| {
                st.execute(params![
                    e.at,
                    e.actor,
                    e.action,
                    e.org_id,
                    e.entity_type,
                    e.entity_id,
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
