//! The `leads` table: lookups used by deduplication, insert and merge-fill, one lead in full,
//! and the filtered, sorted, paginated list with its total.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params, params_from_iter};

use super::{Reader, Tx, search, sql};
use crate::error::Result;
use crate::model::{Lead, NewLead, Status};

/// Filters of `list` (and later `export` and bulk commands).
#[derive(Debug, Clone, Default)]
pub struct LeadFilter {
    /// Case-insensitive substring over names, email, phone, company.
    pub search: Option<String>,
    /// Any of these statuses.
    pub statuses: Vec<Status>,
    /// All of these tags.
    pub tags: Vec<String>,
    /// Exact source.
    pub source: Option<String>,
    /// Exact owner.
    pub owner: Option<String>,
    /// created_at >= since.
    pub since: Option<String>,
    /// created_at < until.
    pub until: Option<String>,
}

/// Sort orders offered by `list`; the column names are fixed here, never taken from input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Creation time.
    CreatedAt,
    /// Last update.
    UpdatedAt,
    /// Last contact (leads never contacted sort last).
    LastContactedAt,
    /// Email address.
    Email,
    /// Last name, then first name.
    Name,
    /// Status.
    Status,
}

impl SortKey {
    /// Names accepted by `--sort` (with an optional leading `-` for descending).
    pub const NAMES: &'static [&'static str] =
        &["created_at", "updated_at", "last_contacted_at", "email", "name", "status"];

    /// Parses a `--sort` name.
    pub fn parse(name: &str) -> Option<SortKey> {
        Some(match name {
            "created_at" | "created" => SortKey::CreatedAt,
            "updated_at" | "updated" => SortKey::UpdatedAt,
            "last_contacted_at" | "last_contacted" => SortKey::LastContactedAt,
            "email" => SortKey::Email,
            "name" => SortKey::Name,
            "status" => SortKey::Status,
            _ => return None,
        })
    }

    /// ORDER BY terms; `{dir}` is ASC or DESC. Empty values sort last either way; status
    /// sorts in pipeline order.
    pub(super) fn columns(self) -> &'static [&'static str] {
        match self {
            SortKey::CreatedAt => &["l.created_at {dir}"],
            SortKey::UpdatedAt => &["l.updated_at {dir}"],
            SortKey::LastContactedAt => &["l.last_contacted_at {dir} NULLS LAST"],
            SortKey::Email => &["l.email_norm {dir} NULLS LAST"],
            SortKey::Name => &["l.last_name {dir} NULLS LAST", "l.first_name {dir} NULLS LAST"],
            SortKey::Status => {
                &["CASE l.status WHEN 'new' THEN 0 WHEN 'waitlist' THEN 1 WHEN 'invited' THEN 2 \
                 WHEN 'converted' THEN 3 ELSE 4 END {dir}"]
            }
        }
    }
}

/// A sort key and direction.
#[derive(Debug, Clone, Copy)]
pub struct Sort {
    /// What to sort by.
    pub key: SortKey,
    /// Descending when true.
    pub descending: bool,
}

/// The result of resolving an id, id prefix or email.
#[derive(Debug)]
pub enum Resolved {
    /// Exactly one lead (its row number).
    One(i64),
    /// None matched.
    None,
    /// Several matched: their ids.
    Many(Vec<String>),
}

/// A lead named by a command: its row number, public id and current status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadRef {
    /// Internal row number.
    pub seq: i64,
    /// Public id.
    pub id: String,
    /// Status when it was looked up.
    pub status: Status,
}

fn row_to_ref(r: &rusqlite::Row<'_>) -> rusqlite::Result<LeadRef> {
    let status: String = r.get(2)?;
    Ok(LeadRef { seq: r.get(0)?, id: r.get(1)?, status: status.parse().unwrap_or(Status::New) })
}

/// The fields a merge may fill, as currently stored.
#[derive(Debug, Default)]
pub struct Fillable {
    pub values: Vec<(&'static str, Option<String>)>,
}

/// Columns a merge fills when empty, in a fixed order (names are constants, not input).
pub const FILLABLE: &[&str] = &[
    "first_name",
    "last_name",
    "email",
    "email_norm",
    "phone",
    "phone_raw",
    "company",
    "service",
    "message",
    "source",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "last_contacted_at",
    "owner",
    "request_id",
    "ip_hash",
    "user_agent_hash",
];

/// The value of a fillable column in `lead`.
pub fn fillable_value<'a>(lead: &'a NewLead, col: &str) -> Option<&'a str> {
    let v = match col {
        "first_name" => &lead.first_name,
        "last_name" => &lead.last_name,
        "email" => &lead.email,
        "email_norm" => &lead.email_norm,
        "phone" => &lead.phone,
        "phone_raw" => &lead.phone_raw,
        "company" => &lead.company,
        "service" => &lead.service,
        "message" => &lead.message,
        "source" => &lead.source,
        "utm_source" => &lead.utm_source,
        "utm_medium" => &lead.utm_medium,
        "utm_campaign" => &lead.utm_campaign,
        "last_contacted_at" => &lead.last_contacted_at,
        "owner" => &lead.owner,
        "request_id" => &lead.request_id,
        "ip_hash" => &lead.ip_hash,
        "user_agent_hash" => &lead.user_agent_hash,
        _ => return None,
    };
    v.as_deref()
}

const SELECT_LEAD: &str = "SELECT l.seq, l.id, o.slug, l.created_at, l.updated_at, l.status, \
    l.first_name, l.last_name, l.email, l.phone, l.phone_raw, l.company, l.service, l.message, \
    l.source, l.utm_source, l.utm_medium, l.utm_campaign, l.last_contacted_at, l.owner, \
    l.request_id, l.erased_at FROM leads l JOIN organisations o ON o.id = l.org_id";

fn row_to_lead(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, Lead)> {
    Ok((
        r.get(0)?,
        Lead {
            id: r.get(1)?,
            org: r.get(2)?,
            created_at: r.get(3)?,
            updated_at: r.get(4)?,
            status: r.get(5)?,
            first_name: r.get(6)?,
            last_name: r.get(7)?,
            email: r.get(8)?,
            phone: r.get(9)?,
            phone_raw: r.get(10)?,
            company: r.get(11)?,
            service: r.get(12)?,
            message: r.get(13)?,
            source: r.get(14)?,
            utm_source: r.get(15)?,
            utm_medium: r.get(16)?,
            utm_campaign: r.get(17)?,
            last_contacted_at: r.get(18)?,
            owner: r.get(19)?,
            request_id: r.get(20)?,
            erased_at: r.get(21)?,
            tags: Vec::new(),
        },
    ))
}

impl Reader<'_> {
    /// The lead (seq, id) holding `request_id` in the organisation.
    pub fn lead_by_request_id(
        &self,
        org_id: i64,
        request_id: &str,
    ) -> Result<Option<(i64, String)>> {
        self.conn
            .prepare_cached(
                "SELECT seq, id FROM leads WHERE org_id = ?1 AND request_id = ?2 \
                 UNION ALL SELECT l.seq, l.id FROM lead_request_ids r JOIN leads l \
                 ON l.seq = r.lead_seq WHERE r.org_id = ?1 AND r.request_id = ?2 LIMIT 1",
            )
            .and_then(|mut st| {
                st.query_row(params![org_id, request_id], |r| Ok((r.get(0)?, r.get(1)?))).optional()
            })
            .map_err(sql)
    }

    /// The (seq, org_id) of the lead with this exact id, in any organisation.
    pub fn lead_by_id(&self, id: &str) -> Result<Option<(i64, i64)>> {
        self.conn
            .prepare_cached("SELECT seq, org_id FROM leads WHERE id = ?1")
            .and_then(|mut st| st.query_row([id], |r| Ok((r.get(0)?, r.get(1)?))).optional())
            .map_err(sql)
    }

    /// The lead with this normalised email in the organisation.
    pub fn lead_by_email(&self, org_id: i64, email_norm: &str) -> Result<Option<i64>> {
        self.conn
            .prepare_cached("SELECT seq FROM leads WHERE org_id = ?1 AND email_norm = ?2")
            .and_then(|mut st| st.query_row(params![org_id, email_norm], |r| r.get(0)).optional())
            .map_err(sql)
    }

    /// The oldest lead with this E.164 phone in the organisation.
    pub fn lead_by_phone(&self, org_id: i64, phone: &str) -> Result<Option<i64>> {
        self.conn
            .prepare_cached(
                "SELECT seq FROM leads WHERE org_id = ?1 AND phone = ?2 ORDER BY seq LIMIT 1",
            )
            .and_then(|mut st| st.query_row(params![org_id, phone], |r| r.get(0)).optional())
            .map_err(sql)
    }

    /// The public id of a lead.
    pub fn lead_id(&self, seq: i64) -> Result<String> {
        self.conn
            .prepare_cached("SELECT id FROM leads WHERE seq = ?1")
            .and_then(|mut st| st.query_row([seq], |r| r.get(0)))
            .map_err(sql)
    }

    /// The current values of the fillable columns of a lead.
    pub fn fillable(&self, seq: i64) -> Result<Fillable> {
        let sql_text = format!("SELECT {} FROM leads WHERE seq = ?1", FILLABLE.join(", "));
        self.conn
            .prepare_cached(&sql_text)
            .and_then(|mut st| {
                st.query_row([seq], |r| {
                    let mut values = Vec::with_capacity(FILLABLE.len());
                    for (i, c) in FILLABLE.iter().enumerate() {
                        values.push((*c, r.get::<_, Option<String>>(i)?));
                    }
                    Ok(Fillable { values })
                })
            })
            .map_err(sql)
    }

    /// One lead in full, with its tags.
    pub fn lead(&self, seq: i64) -> Result<Lead> {
        let (_, mut lead) = self
            .conn
            .prepare_cached(&format!("{SELECT_LEAD} WHERE l.seq = ?1"))
            .and_then(|mut st| st.query_row([seq], row_to_lead))
            .map_err(sql)?;
        lead.tags = self.tags_of(seq)?;
        Ok(lead)
    }

    /// One lead in full, or `None` when there is no lead `seq`.
    pub fn find_lead(&self, seq: i64) -> Result<Option<Lead>> {
        use rusqlite::OptionalExtension;
        let found = self
            .conn
            .prepare_cached(&format!("{SELECT_LEAD} WHERE l.seq = ?1"))
            .and_then(|mut st| st.query_row([seq], row_to_lead).optional())
            .map_err(sql)?;
        match found {
            Some((_, mut lead)) => {
                lead.tags = self.tags_of(seq)?;
                Ok(Some(lead))
            }
            None => Ok(None),
        }
    }

    /// Whether `forget` erased this lead.
    pub fn is_erased(&self, seq: i64) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT erased_at IS NOT NULL FROM leads WHERE seq = ?1")
            .and_then(|mut st| st.query_row([seq], |r| r.get(0)))
            .map_err(sql)
    }

    /// The [`LeadRef`] of a lead.
    pub fn lead_ref(&self, seq: i64) -> Result<LeadRef> {
        self.conn
            .prepare_cached("SELECT seq, id, status FROM leads WHERE seq = ?1")
            .and_then(|mut st| st.query_row([seq], row_to_ref))
            .map_err(sql)
    }

    /// Every lead matching `filter`, in row order (for bulk changes).
    pub fn matching_leads(&self, org_id: i64, filter: &LeadFilter) -> Result<Vec<LeadRef>> {
        let Some(tag_ids) = self.tag_ids(org_id, &filter.tags)? else {
            return Ok(Vec::new());
        };
        let (where_sql, args) = where_clause(org_id, filter, &tag_ids);
        let sql_text =
            format!("SELECT l.seq, l.id, l.status FROM leads l WHERE {where_sql} ORDER BY l.seq");
        let mut st = self.conn.prepare(&sql_text).map_err(sql)?;
        st.query_map(params_from_iter(args), row_to_ref)
            .and_then(|rows| rows.collect())
            .map_err(sql)
    }

    /// Resolves a full id, an id prefix (4+ characters) or an email within the organisation.
    pub fn resolve_lead(&self, org_id: i64, key: &str) -> Result<Resolved> {
        let key = key.trim();
        if key.contains('@') {
            let norm = key.to_lowercase();
            return Ok(match self.lead_by_email(org_id, &norm)? {
                Some(seq) => Resolved::One(seq),
                None => Resolved::None,
            });
        }
        let prefix = key.to_ascii_lowercase();
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT seq, id FROM leads WHERE id >= ?1 AND id < ?1 || '~' AND org_id = ?2 \
                 ORDER BY id LIMIT 11",
            )
            .map_err(sql)?;
        let rows: Vec<(i64, String)> = st
            .query_map(params![prefix, org_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(sql)?;
        Ok(match rows.len() {
            0 => Resolved::None,
            1 => Resolved::One(rows[0].0),
            _ => Resolved::Many(rows.into_iter().map(|(_, id)| id).collect()),
        })
    }

    /// The shortest prefix (at least `min` characters) that names `id` uniquely in its org.
    pub fn short_id(&self, org_id: i64, id: &str, min: usize) -> Result<String> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT (SELECT id FROM leads WHERE org_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT 1), \
                        (SELECT id FROM leads WHERE org_id = ?1 AND id > ?2 ORDER BY id LIMIT 1)",
            )
            .map_err(sql)?;
        let (prev, next): (Option<String>, Option<String>) =
            st.query_row(params![org_id, id], |r| Ok((r.get(0)?, r.get(1)?))).map_err(sql)?;
        let common = |o: &Option<String>| {
            o.as_ref().map_or(0, |o| o.bytes().zip(id.bytes()).take_while(|(a, b)| a == b).count())
        };
        let n = (common(&prev).max(common(&next)) + 1).max(min).min(id.len());
        Ok(id[..n].to_string())
    }

    /// One page of leads matching `filter`, with tags.
    pub fn list_leads(
        &self,
        org_id: i64,
        filter: &LeadFilter,
        sort: Sort,
        limit: Option<u64>,
        offset: u64,
    ) -> Result<Vec<Lead>> {
        let Some(tag_ids) = self.tag_ids(org_id, &filter.tags)? else {
            return Ok(Vec::new());
        };
        let (where_sql, mut args) = where_clause(org_id, filter, &tag_ids);
        let dir = if sort.descending { "DESC" } else { "ASC" };
        let order: Vec<String> =
            sort.key.columns().iter().map(|c| c.replace("{dir}", dir)).collect();
        let sql_text = format!(
            "{SELECT_LEAD} WHERE {where_sql} ORDER BY {}, l.seq {dir} LIMIT ? OFFSET ?",
            order.join(", ")
        );
        args.push(Value::Integer(limit.map_or(-1, |l| l.min(i64::MAX as u64) as i64)));
        args.push(Value::Integer(offset.min(i64::MAX as u64) as i64));
        let mut st = self.conn.prepare(&sql_text).map_err(sql)?;
        let rows: Vec<(i64, Lead)> = st
            .query_map(params_from_iter(args), row_to_lead)
            .and_then(|rows| rows.collect())
            .map_err(sql)?;
        let seqs: Vec<i64> = rows.iter().map(|(s, _)| *s).collect();
        let mut tags = self.tags_of_many(&seqs)?;
        Ok(rows
            .into_iter()
            .map(|(seq, mut lead)| {
                lead.tags = tags.remove(&seq).unwrap_or_default();
                lead
            })
            .collect())
    }

    /// How many leads match `filter`.
    pub fn count_leads(&self, org_id: i64, filter: &LeadFilter) -> Result<u64> {
        let f = filter;
        if (LeadFilter { statuses: Vec::new(), ..f.clone() }).is_empty() {
            return self.counted_leads(org_id, &f.statuses);
        }
        let Some(tag_ids) = self.tag_ids(org_id, &f.tags)? else {
            return Ok(0);
        };
        if f.tags.len() == 1 && (LeadFilter { tags: Vec::new(), ..f.clone() }).is_empty() {
            return Ok(self.tag(org_id, &f.tags[0])?.map_or(0, |(_, n)| n));
        }
        // A search alone, in an organisation that holds every lead of the database (the usual
        // single-organisation case): count in the search index, without visiting each lead.
        let search_only = (LeadFilter { search: None, ..f.clone() }).is_empty();
        if let (true, Some(q)) = (search_only, f.search.as_deref()) {
            if let search::SearchPlan::Match(phrase) = search::search_plan(q) {
                if self.org_has_all_leads(org_id)? {
                    return self.count_matches(&phrase);
                }
            }
        }
        let (where_sql, args) = where_clause(org_id, filter, &tag_ids);
        let sql_text = format!("SELECT count(*) FROM leads l WHERE {where_sql}");
        let mut st = self.conn.prepare(&sql_text).map_err(sql)?;
        let n: i64 = st.query_row(params_from_iter(args), |r| r.get(0)).map_err(sql)?;
        Ok(n as u64)
    }
}

impl Reader<'_> {
    /// The named tags as SQL filters; `None` when one does not exist (so nothing can match).
    /// A common tag (5% of the organisation's leads or more) is checked per lead with a
    /// primary-key probe, so a page sorted by date stops after a few hundred leads; a rarer
    /// tag is read as a list of its leads.
    pub(super) fn tag_ids(&self, org_id: i64, names: &[String]) -> Result<Option<Vec<TagFilter>>> {
        let mut ids = Vec::with_capacity(names.len());
        let total = if names.is_empty() { 0 } else { self.counted_leads(org_id, &[])? };
        for n in names {
            match self.tag(org_id, n)? {
                Some((id, count)) => ids.push(TagFilter { id, common: count * 20 >= total }),
                None => return Ok(None),
            }
        }
        Ok(Some(ids))
    }
}

impl LeadFilter {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        self.search.is_none()
            && self.statuses.is_empty()
            && self.tags.is_empty()
            && self.source.is_none()
            && self.owner.is_none()
            && self.since.is_none()
            && self.until.is_none()
    }
}

/// A tag filter and how to apply it.
pub(super) struct TagFilter {
    id: i64,
    common: bool,
}

/// Builds the WHERE clause for a filter; every value is a bound parameter.
pub(super) fn where_clause(
    org_id: i64,
    f: &LeadFilter,
    tags: &[TagFilter],
) -> (String, Vec<Value>) {
    let mut parts = vec!["l.org_id = ?".to_string()];
    let mut args = vec![Value::Integer(org_id)];
    if !f.statuses.is_empty() {
        let marks = vec!["?"; f.statuses.len()].join(", ");
        parts.push(format!("l.status IN ({marks})"));
        args.extend(f.statuses.iter().map(|s| Value::Text(s.as_str().into())));
    }
    if let Some(s) = &f.source {
        parts.push("l.source = ?".into());
        args.push(Value::Text(s.clone()));
    }
    if let Some(o) = &f.owner {
        parts.push("l.owner = ?".into());
        args.push(Value::Text(o.clone()));
    }
    if let Some(s) = &f.since {
        parts.push("l.created_at >= ?".into());
        args.push(Value::Text(s.clone()));
    }
    if let Some(u) = &f.until {
        parts.push("l.created_at < ?".into());
        args.push(Value::Text(u.clone()));
    }
    for t in tags {
        parts.push(if t.common {
            "EXISTS (SELECT 1 FROM lead_tags WHERE tag_id = ? AND lead_seq = l.seq)".into()
        } else {
            "l.seq IN (SELECT lead_seq FROM lead_tags WHERE tag_id = ?)".into()
        });
        args.push(Value::Integer(t.id));
    }
    if let Some(q) = f.search.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        match search::search_plan(q) {
            search::SearchPlan::Match(phrase) => {
                parts.push("l.seq IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?)".into());
                args.push(Value::Text(phrase));
            }
            search::SearchPlan::Scan(text) => {
                parts.push("instr(l.haystack, ?) > 0".into());
                args.push(Value::Text(text));
            }
        }
    }
    (parts.join(" AND "), args)
}

impl Tx<'_> {
    /// Remembers a further request id merged into a lead (so its retries are duplicates).
    pub fn add_request_id(&self, org_id: i64, seq: i64, request_id: &str, now: &str) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT OR IGNORE INTO lead_request_ids (org_id, request_id, lead_seq, received_at) \
                 VALUES (?1, ?2, ?3, ?4)",
            )
            .and_then(|mut st| st.execute(params![org_id, request_id, seq, now]))
            .map_err(sql)?;
        Ok(())
    }

    /// Inserts a new lead; returns its row number. `id` and `now` are decided by the caller.
    pub fn insert_lead(&self, org_id: i64, id: &str, now: &str, lead: &NewLead) -> Result<i64> {
        let mut st = self
            .conn()
            .prepare_cached(
                "INSERT INTO leads (id, org_id, created_at, updated_at, status, first_name, \
                 last_name, email, email_norm, phone, phone_raw, company, service, message, \
                 source, utm_source, utm_medium, utm_campaign, last_contacted_at, owner, \
                 request_id, ip_hash, user_agent_hash, haystack) VALUES (?1, ?2, ?3, ?4, ?5, ?6, \
                 ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, \
                 ?24)",
            )
            .map_err(sql)?;
        let hay = search::haystack([
            lead.first_name.as_deref(),
            lead.last_name.as_deref(),
            lead.email.as_deref(),
            lead.phone.as_deref().or(lead.phone_raw.as_deref()),
            lead.company.as_deref(),
        ]);
        st.execute(params![
            id,
            org_id,
            lead.created_at.as_deref().unwrap_or(now),
            now,
            lead.status.unwrap_or(Status::New).as_str(),
            lead.first_name,
            lead.last_name,
            lead.email,
            lead.email_norm,
            lead.phone,
            lead.phone_raw,
            lead.company,
            lead.service,
            lead.message,
            lead.source,
            lead.utm_source,
            lead.utm_medium,
            lead.utm_campaign,
            lead.last_contacted_at,
            lead.owner,
            lead.request_id,
            lead.ip_hash,
            lead.user_agent_hash,
            hay,
        ])
        .map_err(sql)?;
        let seq = self.conn().last_insert_rowid();
        self.index_new_lead(seq, hay);
        let status = lead.status.unwrap_or(Status::New);
        self.count_lead(org_id, status, 1);
        let created = lead.created_at.as_deref().unwrap_or(now);
        self.count_facet(
            super::counts::Facet {
                org_id,
                day: created.get(..10).unwrap_or(created).to_string(),
                status: status.as_str().to_string(),
                source: lead.source.clone().unwrap_or_default(),
                owner: lead.owner.clone().unwrap_or_default(),
            },
            1,
        )?;
        Ok(seq)
    }

    /// Sets the given (column, value) pairs on a lead and bumps `updated_at`. Column names must
    /// come from [`FILLABLE`]; anything else is ignored.
    pub fn fill_lead(&self, seq: i64, now: &str, changes: &[(&'static str, String)]) -> Result<()> {
        let cols: Vec<&(&str, String)> =
            changes.iter().filter(|(c, _)| FILLABLE.contains(c)).collect();
        if cols.is_empty() {
            return Ok(());
        }
        let sets: Vec<String> = cols.iter().map(|(c, _)| format!("{c} = ?")).collect();
        let sql_text =
            format!("UPDATE leads SET {}, updated_at = ? WHERE seq = ?", sets.join(", "));
        let mut args: Vec<Value> = cols.iter().map(|(_, v)| Value::Text(v.clone())).collect();
        args.push(Value::Text(now.to_string()));
        args.push(Value::Integer(seq));
        let reindex = cols.iter().any(|(c, _)| search::SEARCHED.contains(c));
        if reindex {
            self.unindex_lead(seq)?;
        }
        let value = |col: &str| cols.iter().find(|(c, _)| *c == col).map(|(_, v)| v.clone());
        let (source, owner) = (value("source"), value("owner"));
        if source.is_some() || owner.is_some() {
            self.move_facet(seq, |f| {
                if let Some(s) = source {
                    f.source = s;
                }
                if let Some(o) = owner {
                    f.owner = o;
                }
            })?;
        }
        self.conn()
            .prepare_cached(&sql_text)
            .and_then(|mut st| st.execute(params_from_iter(args)))
            .map_err(sql)?;
        if reindex {
            self.reindex_lead(seq)?;
        }
        Ok(())
    }
}
