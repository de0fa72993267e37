//! Streaming leads out for `leadctl export`: the columns an export may hold (each a fixed SQL
//! expression, never input), and one query that hands rows to a callback as SQLite steps
//! through them, so memory stays flat however many leads match.

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::leads::{LeadFilter, Sort, where_clause};
use super::{Reader, sql};
use crate::error::Result;

/// One exportable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Name in the header (and the JSON key).
    pub name: &'static str,
    /// The SQL expression over `leads l` that yields it (text or NULL).
    sql: &'static str,
    /// Whether the value is a list of tags (`;`-joined in CSV, an array in JSON).
    pub is_tags: bool,
}

const fn col(name: &'static str, sql: &'static str) -> Column {
    Column { name, sql, is_tags: false }
}

/// Tags of a lead, sorted, joined with `;` (the separator `ingest` reads back).
const TAGS_SQL: &str = "(SELECT group_concat(t.name, ';' ORDER BY t.name) FROM lead_tags lt \
    JOIN tags t ON t.id = lt.tag_id WHERE lt.lead_seq = l.seq)";

/// Every column `--columns` accepts, in the order `export --help` lists them.
pub const COLUMNS: &[Column] = &[
    col("id", "l.id"),
    col("created_at", "l.created_at"),
    col("updated_at", "l.updated_at"),
    col("status", "l.status"),
    col("first_name", "l.first_name"),
    col("last_name", "l.last_name"),
    col("email", "l.email"),
    col("phone", "coalesce(l.phone, l.phone_raw)"),
    col("phone_raw", "l.phone_raw"),
    col("company", "l.company"),
    col("service", "l.service"),
    col("message", "l.message"),
    Column { name: "tags", sql: TAGS_SQL, is_tags: true },
    col("source", "l.source"),
    col("utm_source", "l.utm_source"),
    col("utm_medium", "l.utm_medium"),
    col("utm_campaign", "l.utm_campaign"),
    col("last_contacted_at", "l.last_contacted_at"),
    col("owner", "l.owner"),
    col("request_id", "l.request_id"),
    col(
        "consent_email",
        "(SELECT state FROM consents WHERE lead_seq = l.seq AND channel = 'email' \
         ORDER BY recorded_at DESC, id DESC LIMIT 1)",
    ),
    col(
        "consent_email_at",
        "(SELECT recorded_at FROM consents WHERE lead_seq = l.seq AND channel = 'email' \
         ORDER BY recorded_at DESC, id DESC LIMIT 1)",
    ),
    col(
        "consent_sms",
        "(SELECT state FROM consents WHERE lead_seq = l.seq AND channel = 'sms' \
         ORDER BY recorded_at DESC, id DESC LIMIT 1)",
    ),
    col(
        "consent_sms_at",
        "(SELECT recorded_at FROM consents WHERE lead_seq = l.seq AND channel = 'sms' \
         ORDER BY recorded_at DESC, id DESC LIMIT 1)",
    ),
    col("org", "(SELECT slug FROM organisations WHERE id = l.org_id)"),
    col("erased_at", "l.erased_at"),
];

/// The default columns, in this order (a stable interface for scripts).
pub const DEFAULT_COLUMNS: &[&str] = &[
    "id",
    "created_at",
    "status",
    "first_name",
    "last_name",
    "email",
    "phone",
    "tags",
    "source",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "last_contacted_at",
];

/// The column named `name`, if there is one.
pub fn column(name: &str) -> Option<Column> {
    COLUMNS.iter().copied().find(|c| c.name == name)
}

impl Reader<'_> {
    /// Streams the leads matching `filter` (all of them, or the first `limit`) to `row`, one
    /// row of `columns` at a time; in arrival order unless `sort` is given.
    pub fn export_leads(
        &self,
        org_id: i64,
        filter: &LeadFilter,
        sort: Option<Sort>,
        limit: Option<u64>,
        columns: &[Column],
        row: &mut dyn FnMut(&ExportRow<'_, '_>) -> Result<()>,
    ) -> Result<u64> {
        let Some(tag_ids) = self.tag_ids(org_id, &filter.tags)? else {
            return Ok(0);
        };
        let (where_sql, mut args) = where_clause(org_id, filter, &tag_ids);
        let order = match sort {
            Some(s) => {
                let dir = if s.descending { "DESC" } else { "ASC" };
                let cols: Vec<String> =
                    s.key.columns().iter().map(|c| c.replace("{dir}", dir)).collect();
                format!("{}, l.seq {dir}", cols.join(", "))
            }
            None => "l.seq".to_string(),
        };
        let select: Vec<&str> = columns.iter().map(|c| c.sql).collect();
        let sql_text = format!(
            "SELECT {} FROM leads l WHERE {where_sql} ORDER BY {order} LIMIT ?",
            select.join(", ")
        );
        args.push(Value::Integer(limit.map_or(-1, |l| l.min(i64::MAX as u64) as i64)));
        let mut st = self.conn.prepare(&sql_text).map_err(sql)?;
        let mut rows = st.query(params_from_iter(args)).map_err(sql)?;
        let mut n = 0u64;
        while let Some(r) = rows.next().map_err(sql)? {
            row(&ExportRow { row: r })?;
            n += 1;
        }
        Ok(n)
    }
}

/// One exported row: its values are borrowed from SQLite, not copied.
pub struct ExportRow<'a, 'b> {
    row: &'a rusqlite::Row<'b>,
}

impl ExportRow<'_, '_> {
    /// The text of column `i` (NULL is `None`).
    pub fn get(&self, i: usize) -> Result<Option<&str>> {
        use rusqlite::types::ValueRef;
        match self.row.get_ref(i).map_err(sql)? {
            ValueRef::Null => Ok(None),
            ValueRef::Text(t) => Ok(Some(std::str::from_utf8(t).map_err(|e| {
                crate::error::Error::failure(format!("a stored value is not UTF-8: {e}"))
            })?)),
            _ => Err(crate::error::Error::failure("a stored value is not text")),
        }
    }
}
