//! Consent history (`consents`): append-only per lead and channel; the latest row is current.

use rusqlite::{OptionalExtension, params};

use super::{Reader, Tx, sql};
use crate::error::Result;
use crate::model::{Channel, ConsentState};

/// One consent record.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ConsentRecord {
    /// `email` or `sms`.
    pub channel: String,
    /// `granted` or `withdrawn`.
    pub state: String,
    /// Where it came from (form, import file ...).
    pub source: Option<String>,
    /// When it was given or withdrawn.
    pub recorded_at: String,
}

impl Reader<'_> {
    /// The current consent state for a channel, if any was ever recorded.
    pub fn latest_consent(&self, seq: i64, channel: Channel) -> Result<Option<ConsentRecord>> {
        self.conn
            .prepare_cached(
                "SELECT channel, state, source, recorded_at FROM consents \
                 WHERE lead_seq = ?1 AND channel = ?2 ORDER BY recorded_at DESC, id DESC LIMIT 1",
            )
            .and_then(|mut st| {
                st.query_row(params![seq, channel.as_str()], |r| {
                    Ok(ConsentRecord {
                        channel: r.get(0)?,
                        state: r.get(1)?,
                        source: r.get(2)?,
                        recorded_at: r.get(3)?,
                    })
                })
                .optional()
            })
            .map_err(sql)
    }
}

impl Tx<'_> {
    /// Appends a consent record.
    pub fn record_consent(
        &self,
        seq: i64,
        channel: Channel,
        state: ConsentState,
        source: Option<&str>,
        at: &str,
        request_id: Option<&str>,
    ) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO consents (lead_seq, channel, state, source, recorded_at, request_id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .and_then(|mut st| {
                st.execute(params![seq, channel.as_str(), state.as_str(), source, at, request_id])
            })
            .map_err(sql)?;
        Ok(())
    }
}
