//! The search index: `leads.haystack` (names, email, phone and company, lowercased) indexed by
//! `leads_fts` (FTS5 trigram, external content). Kept in step here rather than by triggers (see
//! migration 0001 for why), always with single-row `VALUES` inserts: that form opens no
//! statement journal, so FTS5 keeps buffering terms in memory until the transaction commits.

use rusqlite::params;

use super::{Reader, Tx, sql};
use crate::error::Result;

/// Columns whose change must re-index a lead.
pub const SEARCHED: &[&str] =
    &["first_name", "last_name", "email", "phone", "phone_raw", "company"];

/// What search matches for a lead: the present parts joined by spaces, lowercased (Unicode).
pub fn haystack(parts: [Option<&str>; 5]) -> String {
    let mut s = String::with_capacity(96);
    for p in parts.into_iter().flatten().filter(|p| !p.is_empty()) {
        if !s.is_empty() {
            s.push(' ');
        }
        for c in p.chars() {
            s.extend(c.to_lowercase());
        }
    }
    s
}

/// How to look for a search text.
#[derive(Debug, PartialEq, Eq)]
pub enum SearchPlan {
    /// An FTS5 phrase query (3 characters or more: every trigram of the text, in a row).
    Match(String),
    /// Too short for trigrams: a substring check of each haystack.
    Scan(String),
}

/// Plans a search: lowercased, whitespace collapsed (as names are stored), FTS5-quoted.
pub fn search_plan(text: &str) -> SearchPlan {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let q = haystack([Some(&collapsed), None, None, None, None]);
    if q.chars().count() >= 3 {
        SearchPlan::Match(format!("\"{}\"", q.replace('"', "\"\"")))
    } else {
        SearchPlan::Scan(q)
    }
}

impl Reader<'_> {
    /// How many leads, in all organisations, match an FTS5 phrase.
    pub fn count_matches(&self, phrase: &str) -> Result<u64> {
        self.conn
            .prepare_cached("SELECT count(*) FROM leads_fts WHERE leads_fts MATCH ?1")
            .and_then(|mut st| st.query_row([phrase], |r| r.get::<_, i64>(0)))
            .map(|n| n as u64)
            .map_err(sql)
    }
}

impl Tx<'_> {
    /// Adds a lead's haystack to the index.
    pub fn index_lead(&self, seq: i64, haystack: &str) -> Result<()> {
        self.flush_index()?;
        self.insert_index(seq, haystack)
    }

    /// Indexes a new lead at commit (with the other leads of the transaction), so the index's
    /// pending rows are flushed once per transaction rather than once per lead. A search
    /// inside the same transaction does not see it yet.
    pub fn index_new_lead(&self, seq: i64, haystack: String) {
        if !haystack.is_empty() {
            self.pending_index.borrow_mut().push((seq, haystack));
        }
    }

    /// Writes the deferred index rows of [`Tx::index_new_lead`].
    pub(crate) fn flush_index(&self) -> Result<()> {
        let pending = std::mem::take(&mut *self.pending_index.borrow_mut());
        for (seq, hay) in &pending {
            self.insert_index(*seq, hay)?;
        }
        Ok(())
    }

    fn insert_index(&self, seq: i64, haystack: &str) -> Result<()> {
        if haystack.is_empty() {
            return Ok(());
        }
        self.conn()
            .prepare_cached("INSERT INTO leads_fts (rowid, haystack) VALUES (?1, ?2)")
            .and_then(|mut st| st.execute(params![seq, haystack]))
            .map_err(sql)?;
        Ok(())
    }

    /// Removes a lead's stored haystack from the index (before changing or deleting the lead).
    pub fn unindex_lead(&self, seq: i64) -> Result<()> {
        // A lead inserted in this transaction must be in the index before it can leave it.
        self.flush_index()?;
        let hay: String = self
            .conn()
            .prepare_cached("SELECT haystack FROM leads WHERE seq = ?1")
            .and_then(|mut st| st.query_row([seq], |r| r.get(0)))
            .map_err(sql)?;
        // An empty haystack (an erased lead) was never indexed; FTS5 would even report a
        // 'delete' of it from an otherwise empty index as corruption.
        if hay.is_empty() {
            return Ok(());
        }
        self.conn()
            .prepare_cached(
                "INSERT INTO leads_fts (leads_fts, rowid, haystack) VALUES ('delete', ?1, ?2)",
            )
            .and_then(|mut st| st.execute(params![seq, hay]))
            .map_err(sql)?;
        Ok(())
    }

    /// Recomputes a lead's haystack from its stored fields, stores it and indexes it.
    pub fn reindex_lead(&self, seq: i64) -> Result<()> {
        let hay: String = self
            .conn()
            .prepare_cached(
                "SELECT first_name, last_name, email, coalesce(phone, phone_raw), company \
                 FROM leads WHERE seq = ?1",
            )
            .and_then(|mut st| {
                st.query_row([seq], |r| {
                    let v: [Option<String>; 5] =
                        [r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?];
                    Ok(haystack(v.each_ref().map(|o| o.as_deref())))
                })
            })
            .map_err(sql)?;
        self.conn()
            .prepare_cached("UPDATE leads SET haystack = ?2 WHERE seq = ?1")
            .and_then(|mut st| st.execute(params![seq, hay]))
            .map_err(sql)?;
        self.index_lead(seq, &hay)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haystack_is_lowercased_and_joined() {
        assert_eq!(
            haystack([Some("Élodie"), None, Some("E@X.io"), Some("+33"), Some("ÄRGER GmbH")]),
            "élodie e@x.io +33 ärger gmbh"
        );
    }

    #[test]
    fn searches_are_quoted_phrases_or_short_scans() {
        assert_eq!(search_plan(" Ann  LEE "), SearchPlan::Match("\"ann lee\"".into()));
        assert_eq!(search_plan("a\"b"), SearchPlan::Match("\"a\"\"b\"".into()));
        assert_eq!(search_plan("a_"), SearchPlan::Scan("a_".into()));
    }
}
