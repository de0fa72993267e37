//! Tags (`tags`, `lead_tags`): names are normalised by the caller; ids are per organisation.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params, params_from_iter};

use super::{Reader, Tx, sql};
use crate::error::Result;

impl Reader<'_> {
    /// The id and lead count of a tag, if it exists in the organisation.
    pub fn tag(&self, org_id: i64, name: &str) -> Result<Option<(i64, u64)>> {
        self.conn
            .prepare_cached("SELECT id, lead_count FROM tags WHERE org_id = ?1 AND name = ?2")
            .and_then(|mut st| {
                st.query_row(params![org_id, name], |r| {
                    Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as u64))
                })
                .optional()
            })
            .map_err(sql)
    }

    /// Sorted tag names of one lead.
    pub fn tags_of(&self, seq: i64) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT t.name FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id \
                 WHERE lt.lead_seq = ?1 ORDER BY t.name",
            )
            .map_err(sql)?;
        st.query_map([seq], |r| r.get(0)).and_then(|r| r.collect()).map_err(sql)
    }

    /// Sorted tag names of several leads at once.
    pub fn tags_of_many(&self, seqs: &[i64]) -> Result<HashMap<i64, Vec<String>>> {
        let mut out: HashMap<i64, Vec<String>> = HashMap::new();
        for chunk in seqs.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let sql_text = format!(
                "SELECT lt.lead_seq, t.name FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id \
                 WHERE lt.lead_seq IN ({marks}) ORDER BY t.name"
            );
            let mut st = self.conn.prepare(&sql_text).map_err(sql)?;
            let rows = st
                .query_map(params_from_iter(chunk), |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))
                .map_err(sql)?;
            for row in rows {
                let (seq, name) = row.map_err(sql)?;
                out.entry(seq).or_default().push(name);
            }
        }
        Ok(out)
    }
}

/// A tag and how many leads carry it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TagCount {
    pub name: String,
    pub leads: u64,
}

impl Reader<'_> {
    /// Every tag of the organisation with its lead count, most used first.
    pub fn tag_counts(&self, org_id: i64) -> Result<Vec<TagCount>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT name, lead_count FROM tags WHERE org_id = ?1 \
                 ORDER BY lead_count DESC, name",
            )
            .map_err(sql)?;
        st.query_map([org_id], |r| {
            Ok(TagCount { name: r.get(0)?, leads: r.get::<_, i64>(1)?.max(0) as u64 })
        })
        .and_then(|r| r.collect())
        .map_err(sql)
    }
}

impl Tx<'_> {
    /// Adds and removes tags of one lead and audits what really changed; returns (added,
    /// removed).
    pub fn change_tags(
        &self,
        act: &super::Act<'_>,
        lead: &super::leads::LeadRef,
        add: &[String],
        remove: &[String],
    ) -> Result<(Vec<String>, Vec<String>)> {
        let mut added = Vec::new();
        for name in add {
            if self.add_tags(act.org_id, lead.seq, std::slice::from_ref(name))? > 0 {
                added.push(name.clone());
            }
        }
        let mut removed = Vec::new();
        for name in remove {
            if self.remove_tag(act.org_id, lead.seq, name)? {
                removed.push(name.clone());
            }
        }
        if !added.is_empty() || !removed.is_empty() {
            self.touch_lead(lead.seq, act.now)?;
            let details = serde_json::json!({"added": added, "removed": removed});
            self.audit_lead(act, lead, "lead.tag", None, None, Some(details))?;
        }
        Ok((added, removed))
    }

    /// Removes a tag from a lead; false when the lead did not have it.
    pub fn remove_tag(&self, org_id: i64, seq: i64, name: &str) -> Result<bool> {
        let n = self
            .conn()
            .prepare_cached(
                "DELETE FROM lead_tags WHERE lead_seq = ?1 AND tag_id = \
                 (SELECT id FROM tags WHERE org_id = ?2 AND name = ?3) RETURNING tag_id",
            )
            .and_then(|mut st| {
                st.query_row(params![seq, org_id, name], |r| r.get::<_, i64>(0)).optional()
            })
            .map_err(sql)?;
        match n {
            Some(tag_id) => {
                self.count_tag(tag_id, -1);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Adds tags to a lead (creating tag rows as needed); already-present tags are kept.
    pub fn add_tags(&self, org_id: i64, seq: i64, names: &[String]) -> Result<usize> {
        let mut added = 0;
        for name in names {
            let tag_id = self.tag_id(org_id, name)?;
            let n = self
                .conn()
                .prepare_cached(
                    "INSERT OR IGNORE INTO lead_tags (tag_id, lead_seq) VALUES (?1, ?2)",
                )
                .and_then(|mut st| st.execute(params![tag_id, seq]))
                .map_err(sql)?;
            self.count_tag(tag_id, n as i64);
            added += n;
        }
        Ok(added)
    }

    fn tag_id(&self, org_id: i64, name: &str) -> Result<i64> {
        let key = (org_id, name.to_string());
        if let Some(id) = self.tag_ids.borrow().get(&key) {
            return Ok(*id);
        }
        let id = self.tag_id_uncached(org_id, name)?;
        self.tag_ids.borrow_mut().insert(key, id);
        Ok(id)
    }

    fn tag_id_uncached(&self, org_id: i64, name: &str) -> Result<i64> {
        let found: Option<i64> = self
            .conn()
            .prepare_cached("SELECT id FROM tags WHERE org_id = ?1 AND name = ?2")
            .and_then(|mut st| st.query_row(params![org_id, name], |r| r.get(0)).optional())
            .map_err(sql)?;
        if let Some(id) = found {
            return Ok(id);
        }
        self.conn()
            .prepare_cached("INSERT INTO tags (org_id, name) VALUES (?1, ?2)")
            .and_then(|mut st| st.execute(params![org_id, name]))
            .map_err(sql)?;
        Ok(self.conn().last_insert_rowid())
    }
}
