//! The outbox: what must happen when a lead arrives (forward it upstream, welcome it by email,
//! alert an admin), written as outbox items in the same transaction as the lead (a
//! transactional outbox), so an acknowledged lead never misses them and a rolled-back one never
//! triggers them. Delivery (`leadctl queue flush`) comes in a later step.

pub mod enqueue;
pub mod retry;

use crate::config::Settings;

/// What the configuration asks to enqueue for each new lead.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutboxConfig {
    /// `forward.url` is set: forward each submission upstream.
    pub forward: bool,
    /// SMTP (`smtp.host` and `from_email`) is set: welcome leads that consented to email.
    pub welcome_email: bool,
    /// SMTP and `admin_email` are set: alert this address of each new lead.
    pub admin_alert: Option<String>,
}

impl OutboxConfig {
    /// Reads the outbox part of the configuration.
    pub fn from_settings(s: &Settings) -> OutboxConfig {
        let set = |k: &str| s.get(k).is_some_and(|v| !v.trim().is_empty());
        let email = set("smtp.host") && set("from_email");
        OutboxConfig {
            forward: set("forward.url"),
            welcome_email: email,
            admin_alert: if email && set("admin_email") {
                s.get("admin_email").map(|a| a.trim().to_string())
            } else {
                None
            },
        }
    }

    /// Whether anything at all is configured to be queued.
    pub fn any(&self) -> bool {
        self.forward || self.welcome_email || self.admin_alert.is_some()
    }
}
