//! The search index (`leads_fts`, FTS5 trigram over the `leads_search` view), kept in step with
//! `leads` here rather than by triggers (see migration 0001 for why). The indexed text always
//! comes from the view, the one definition of a lead's haystack, through a scalar subquery in a
//! single-row `VALUES` insert: that form opens no statement journal, so FTS5 keeps buffering
//! terms in memory until the transaction commits.

use super::{Tx, sql};
use crate::error::Result;

/// Columns whose change must re-index a lead.
pub const SEARCHED: &[&str] =
    &["first_name", "last_name", "email", "phone", "phone_raw", "company"];

impl Tx<'_> {
    /// Adds a lead's current haystack to the index.
    pub fn index_lead(&self, seq: i64) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO leads_fts (rowid, haystack) \
                 VALUES (?1, (SELECT haystack FROM leads_search WHERE seq = ?1))",
            )
            .and_then(|mut st| st.execute([seq]))
            .map_err(sql)?;
        Ok(())
    }

    /// Removes a lead's current haystack from the index (call before changing or deleting it).
    pub fn unindex_lead(&self, seq: i64) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO leads_fts (leads_fts, rowid, haystack) \
                 VALUES ('delete', ?1, (SELECT haystack FROM leads_search WHERE seq = ?1))",
            )
            .and_then(|mut st| st.execute([seq]))
            .map_err(sql)?;
        Ok(())
    }
}
