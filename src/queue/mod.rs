//! The outbox: what must happen when a lead arrives (forward it upstream, welcome it by email,
//! alert an admin), written as outbox items in the same transaction as the lead (a
//! transactional outbox), so an acknowledged lead never misses them and a rolled-back one never
//! triggers them. `leadctl queue flush` ([`flush`]) delivers them: claimed under a lease,
//! sent with bounded concurrency ([`deliver`]), retried with backoff ([`retry`]).

pub mod deliver;
pub mod enqueue;
pub mod flush;
pub mod retry;
pub mod templates;

use std::time::Duration;

use crate::config::Settings;
use crate::error::{Error, Result};
use retry::RetryPolicy;

/// Every kind of outbox item, in the order they are listed.
pub const KINDS: [&str; 3] = ["forward", "welcome_email", "admin_alert"];

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

/// The timings and limits of delivery (`queue.*` keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueSettings {
    /// Backoff and attempts.
    pub retry: RetryPolicy,
    /// How long a claim holds an item.
    pub lease: Duration,
    /// Whole-request timeout of a forward.
    pub http_timeout: Duration,
    /// Timeout of one email (the whole SMTP conversation, and each command).
    pub smtp_timeout: Duration,
    /// Deliveries in flight at once.
    pub concurrency: usize,
}

impl QueueSettings {
    /// Reads and checks the `queue.*` keys.
    pub fn from_settings(s: &Settings) -> Result<QueueSettings> {
        let d = |k: &str, default: u64| -> Result<Duration> {
            Ok(s.get_duration(k)?.unwrap_or(Duration::from_secs(default)))
        };
        let max_attempts = s.get_u64("queue.max_attempts")?.unwrap_or(3);
        if !(1..=100).contains(&max_attempts) {
            return Err(Error::usage(format!(
                "queue.max_attempts must be between 1 and 100, got {max_attempts}"
            )));
        }
        let q = QueueSettings {
            retry: RetryPolicy {
                first_delay: d("queue.first_retry_delay", 600)?,
                max_delay: d("queue.max_retry_delay", 6 * 3600)?,
                max_attempts: max_attempts as u32,
            },
            lease: d("queue.lease", 300)?,
            http_timeout: d("queue.http_timeout", 10)?,
            smtp_timeout: d("queue.smtp_timeout", 30)?,
            concurrency: s.get_u64("queue.concurrency")?.unwrap_or(8) as usize,
        };
        q.check()?;
        Ok(q)
    }

    /// Refuses settings that would break the promises: a lease shorter than a delivery may
    /// take would let a second flush send an item that is still in flight.
    pub fn check(&self) -> Result<()> {
        if !(1..=256).contains(&self.concurrency) {
            return Err(Error::usage(format!(
                "the concurrency (queue.concurrency or --concurrency) must be between 1 and 256, \
                 got {}",
                self.concurrency
            )));
        }
        const HOUR: u64 = 3600;
        let limits = [
            ("queue.http_timeout", self.http_timeout, HOUR, "1h"),
            ("queue.smtp_timeout", self.smtp_timeout, HOUR, "1h"),
            ("queue.lease", self.lease, 24 * HOUR, "1d"),
            ("queue.first_retry_delay", self.retry.first_delay, 30 * 24 * HOUR, "30d"),
            ("queue.max_retry_delay", self.retry.max_delay, 30 * 24 * HOUR, "30d"),
        ];
        for (key, d, max, shown) in limits {
            if d > Duration::from_secs(max) {
                return Err(Error::usage(format!(
                    "{key} must be at most {shown}, got {}",
                    crate::time::human_duration(d)
                )));
            }
        }
        for (key, t) in
            [("queue.http_timeout", self.http_timeout), ("queue.smtp_timeout", self.smtp_timeout)]
        {
            if t.is_zero() {
                return Err(Error::usage(format!("{key} must be longer than 0")));
            }
            // A claimed item may wait for one delivery to end before its own starts, then
            // take its own: three timeouts leave room for recording it.
            if self.lease < t * 3 {
                return Err(Error::usage(format!(
                    "queue.lease ({}) must be at least three times {key} ({})",
                    crate::time::human_duration(self.lease),
                    crate::time::human_duration(t)
                ))
                .with_hint("a delivery must end well within its lease, or another flush could send the item again"));
            }
        }
        if self.retry.max_delay < self.retry.first_delay {
            return Err(Error::usage(
                "queue.max_retry_delay must not be shorter than queue.first_retry_delay",
            ));
        }
        Ok(())
    }
}

/// How `smtp.tls` asks to connect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain text (only for a relay on the same host or network).
    None,
    /// Plain connection upgraded with STARTTLS, required (port 587).
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
}

/// The SMTP server emails go through.
#[derive(Clone)]
pub struct SmtpTarget {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    pub user: Option<String>,
    pub password: Option<String>,
}

/// Where deliveries go: the forward URL and token, the SMTP server and sender.
#[derive(Clone, Default)]
pub struct Transports {
    /// `forward.url`.
    pub forward_url: Option<String>,
    /// `forward.token` (a secret: never printed).
    pub forward_token: Option<String>,
    /// SMTP, when `smtp.host` and `from_email` are set.
    pub smtp: Option<SmtpTarget>,
    /// `from_email`.
    pub from: Option<String>,
}

// Secrets (the SMTP password, the forward token) are never in a debug print.
impl std::fmt::Debug for SmtpTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpTarget")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl std::fmt::Debug for Transports {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transports")
            .field("forward_url", &self.forward_url)
            .field("forward_token", &self.forward_token.as_ref().map(|_| "<redacted>"))
            .field("smtp", &self.smtp)
            .field("from", &self.from)
            .finish()
    }
}

impl Transports {
    /// Reads the transports from the configuration, checking what can be checked early.
    pub fn from_settings(s: &Settings) -> Result<Transports> {
        let get = |k: &str| s.get(k).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        let forward_url = get("forward.url");
        if let Some(u) = &forward_url {
            let ok = u.starts_with("https://") || u.starts_with("http://");
            if !ok || reqwest::Url::parse(u).is_err() {
                return Err(Error::usage(format!("forward.url is not an http(s) URL: '{u}'"))
                    .with_hint("set it like https://crm.example.com/api/leads"));
            }
        }
        let from = get("from_email");
        // An address that is not one would make every email dead: refuse it up front.
        for key in ["from_email", "admin_email"] {
            if let Some(v) = get(key) {
                if let Err(e) = v.parse::<lettre::message::Mailbox>() {
                    return Err(Error::usage(format!(
                        "{key} is not an email address: '{v}' ({e})"
                    ))
                    .with_hint(
                        "write it like hello@example.com or \"Sales <sales@example.com>\"",
                    ));
                }
            }
        }
        let smtp = match (get("smtp.host"), &from) {
            (Some(host), Some(_)) => {
                let tls = match get("smtp.tls").as_deref().map(str::to_ascii_lowercase).as_deref() {
                    None | Some("starttls") => SmtpTls::StartTls,
                    Some("tls") => SmtpTls::Tls,
                    Some("none") => SmtpTls::None,
                    Some(other) => {
                        return Err(Error::usage(format!(
                            "smtp.tls must be none, starttls or tls, got '{other}'"
                        )));
                    }
                };
                let default_port = match tls {
                    SmtpTls::None => 25,
                    SmtpTls::StartTls => 587,
                    SmtpTls::Tls => 465,
                };
                let port = match s.get_u64("smtp.port")? {
                    None => default_port,
                    Some(p) if (1..=65535).contains(&p) => p as u16,
                    Some(p) => {
                        return Err(Error::usage(format!("smtp.port must be 1-65535, got {p}")));
                    }
                };
                Some(SmtpTarget {
                    host,
                    port,
                    tls,
                    user: get("smtp.user"),
                    password: get("smtp.password"),
                })
            }
            _ => None,
        };
        Ok(Transports { forward_url, forward_token: get("forward.token"), smtp, from })
    }

    /// The kinds these transports can deliver.
    pub fn deliverable(&self) -> Vec<&'static str> {
        let mut kinds = Vec::new();
        if self.forward_url.is_some() {
            kinds.push("forward");
        }
        if self.smtp.is_some() {
            kinds.extend(["welcome_email", "admin_alert"]);
        }
        kinds
    }
}
