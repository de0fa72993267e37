//! Ingest API tokens (`api_tokens`): only a SHA-256 hash of each token is stored; the token
//! itself is shown once, by `leadctl token create`.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Act, Reader, Tx, sql};
use crate::error::Result;

/// A token as `token list` shows it (never the token).
#[derive(Debug, Clone, Serialize)]
pub struct TokenInfo {
    pub id: i64,
    pub name: String,
    /// `bearer` (server-to-server) or `form` (a browser form key).
    pub kind: String,
    /// A form key's allowed origins.
    pub origins: Vec<String>,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

/// What a presented token maps to.
#[derive(Debug, Clone)]
pub struct TokenOwner {
    pub id: i64,
    pub org_id: i64,
    pub org: String,
    /// A form key's allowed origins; `None` for a bearer token.
    pub form_origins: Option<Vec<String>>,
}

fn origins_of(text: Option<String>) -> Vec<String> {
    text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
}

impl Reader<'_> {
    /// Tokens of the organisation, oldest first.
    pub fn tokens(&self, org_id: i64) -> Result<Vec<TokenInfo>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, name, created_at, last_used_at, revoked_at, kind, origins \
                 FROM api_tokens WHERE org_id = ?1 ORDER BY id",
            )
            .map_err(sql)?;
        st.query_map([org_id], |r| {
            Ok(TokenInfo {
                id: r.get(0)?,
                name: r.get(1)?,
                created_at: r.get(2)?,
                last_used_at: r.get(3)?,
                revoked_at: r.get(4)?,
                kind: r.get(5)?,
                origins: origins_of(r.get(6)?),
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(sql)
    }

    /// How many live tokens exist, in every organisation.
    pub fn live_token_count(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n as u64)
            .map_err(sql)
    }

    /// The live (not revoked) token with this hash.
    pub fn token_by_hash(&self, hash: &str) -> Result<Option<TokenOwner>> {
        self.conn
            .prepare_cached(
                "SELECT t.id, t.org_id, o.slug, t.kind, t.origins FROM api_tokens t \
                 JOIN organisations o ON o.id = t.org_id \
                 WHERE t.token_hash = ?1 AND t.revoked_at IS NULL",
            )
            .and_then(|mut st| {
                st.query_row([hash], |r| {
                    let kind: String = r.get(3)?;
                    Ok(TokenOwner {
                        id: r.get(0)?,
                        org_id: r.get(1)?,
                        org: r.get(2)?,
                        form_origins: (kind == "form").then(|| origins_of(r.get(4).ok().flatten())),
                    })
                })
                .optional()
            })
            .map_err(sql)
    }

    /// Every origin a live form key allows (for CORS preflights, which carry no key).
    pub fn form_key_origins(&self) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT origins FROM api_tokens WHERE kind = 'form' AND revoked_at IS NULL",
            )
            .map_err(sql)?;
        let lists: Vec<Option<String>> =
            st.query_map([], |r| r.get(0)).and_then(|rows| rows.collect()).map_err(sql)?;
        let mut all: Vec<String> = lists.into_iter().flat_map(origins_of).collect();
        all.sort();
        all.dedup();
        Ok(all)
    }
}

impl Tx<'_> {
    /// Stores a new token's hash under `name` (a form key when `form_origins` is given);
    /// audited (without the token). Returns its id.
    pub fn create_token(
        &self,
        act: &Act<'_>,
        name: &str,
        hash: &str,
        form_origins: Option<&[String]>,
    ) -> Result<i64> {
        let kind = if form_origins.is_some() { "form" } else { "bearer" };
        let origins = form_origins.map(|o| serde_json::json!(o).to_string());
        self.conn()
            .prepare_cached(
                "INSERT INTO api_tokens (org_id, name, token_hash, created_at, kind, origins) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .and_then(|mut st| st.execute(params![act.org_id, name, hash, act.now, kind, origins]))
            .map_err(sql)?;
        let id = self.conn().last_insert_rowid();
        self.audit_token(act, "token.create", id, name)?;
        Ok(id)
    }

    /// Revokes the live tokens of the organisation with this id or name; audited. Returns
    /// how many were revoked.
    pub fn revoke_token(&self, act: &Act<'_>, key: &str) -> Result<Vec<(i64, String)>> {
        let mut st = self
            .conn()
            .prepare_cached(
                "UPDATE api_tokens SET revoked_at = ?3 WHERE org_id = ?1 AND revoked_at IS NULL \
                 AND (name = ?2 OR CAST(id AS TEXT) = ?2) RETURNING id, name",
            )
            .map_err(sql)?;
        let revoked: Vec<(i64, String)> = st
            .query_map(params![act.org_id, key, act.now], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(sql)?;
        for (id, name) in &revoked {
            self.audit_token(act, "token.revoke", *id, name)?;
        }
        Ok(revoked)
    }

    /// Notes that tokens were used at `now`.
    pub fn touch_tokens(&self, ids: &[i64], now: &str) -> Result<()> {
        let mut st = self
            .conn()
            .prepare_cached("UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1")
            .map_err(sql)?;
        for id in ids {
            st.execute(params![id, now]).map_err(sql)?;
        }
        Ok(())
    }

    fn audit_token(&self, act: &Act<'_>, action: &str, id: i64, name: &str) -> Result<()> {
        let id = id.to_string();
        self.audit(&super::audit::AuditEntry {
            at: act.now,
            actor: act.actor,
            action,
            org_id: Some(act.org_id),
            entity_type: Some("api_token"),
            entity_id: Some(&id),
            details: Some(serde_json::json!({ "name": name }).to_string()),
            ..Default::default()
        })
    }
}

/// The stored form of a token: hex SHA-256. (A lookup by this hash reveals nothing that
/// helps guess a token, so it needs no constant-time comparison.)
pub fn token_hash(token: &str) -> String {
    crate::privacy::sha256_hex(&[token.as_bytes()])
}

/// A new random token: `lct_` (a form key: `lfk_`) and 64 hex digits (244 random bits).
pub fn new_token(form: bool) -> String {
    let prefix = if form { "lfk" } else { "lct" };
    format!("{prefix}_{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple())
}

/// A browser origin as browsers send it: `scheme://host[:port]`, lower case, no path.
pub fn normalize_origin(raw: &str) -> std::result::Result<String, String> {
    let o = raw.trim().trim_end_matches('/').to_ascii_lowercase();
    let (scheme, rest) = o
        .split_once("://")
        .ok_or_else(|| format!("'{raw}' is not an origin (expected https://site.example)"))?;
    if scheme != "https" && scheme != "http" {
        return Err(format!("'{raw}': an origin starts with https:// or http://"));
    }
    let host_ok = !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        && !rest.starts_with(['.', '-', ':']);
    if !host_ok {
        return Err(format!("'{raw}' is not an origin: only scheme://host[:port], no path"));
    }
    Ok(o)
}
