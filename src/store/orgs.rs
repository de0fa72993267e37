//! Organisations: every lead belongs to one, every query is scoped to one.

use rusqlite::{OptionalExtension, params};

use super::{Reader, Tx, sql};
use crate::error::{Error, Result};

/// Checks an organisation slug: 1-63 of `a-z 0-9 -`, starting with a letter or digit.
pub fn validate_slug(slug: &str) -> Result<()> {
    let ok = !slug.is_empty()
        && slug.len() <= 63
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!("invalid organisation '{slug}'"))
            .with_hint("use 1-63 lowercase letters, digits and dashes, e.g. --org acme"))
    }
}

impl Reader<'_> {
    /// The id of an organisation by slug.
    pub fn org_id(&self, slug: &str) -> Result<Option<i64>> {
        self.conn
            .prepare_cached("SELECT id FROM organisations WHERE slug = ?1")
            .and_then(|mut st| st.query_row([slug], |r| r.get(0)).optional())
            .map_err(sql)
    }

    /// Whether the database answers a read (for health checks).
    pub fn check_readable(&self) -> Result<()> {
        self.conn
            .query_row("SELECT count(*) FROM organisations", [], |r| r.get::<_, i64>(0))
            .map(|_| ())
            .map_err(sql)
    }

    /// The id of an existing organisation, or a not-found error with a hint.
    pub fn require_org(&self, slug: &str) -> Result<i64> {
        self.org_id(slug)?.ok_or_else(|| {
            Error::not_found(format!("organisation '{slug}' does not exist"))
                .with_hint("organisations are created by the first ingest into them")
        })
    }
}

impl Tx<'_> {
    /// The id of an organisation, creating it on first use.
    pub fn ensure_org(&self, slug: &str, now: &str) -> Result<i64> {
        validate_slug(slug)?;
        if let Some(id) = self.reader().org_id(slug)? {
            return Ok(id);
        }
        self.conn()
            .prepare_cached(
                "INSERT INTO organisations (slug, name, created_at) VALUES (?1, ?1, ?2)",
            )
            .and_then(|mut st| st.execute(params![slug, now]))
            .map_err(sql)?;
        Ok(self.conn().last_insert_rowid())
    }
}
