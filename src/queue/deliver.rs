//! One delivery attempt: a forward over HTTP (reqwest) or an email over SMTP (lettre), and what
//! its result means for the item: delivered, worth retrying, or failed for good.
//!
//! - HTTP 2xx: delivered. 408, 429 and 5xx, timeouts and connection errors: retry (honouring
//!   `Retry-After`). Any other status (other 4xx, and 3xx: redirects are not followed, since a
//!   POST must not silently turn into a GET elsewhere): permanent.
//! - SMTP 2xx: delivered. 4xx and connection trouble: retry. 5xx, and an address that is not
//!   one: permanent.

use std::time::Duration;

use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::templates::{Rendered, Templates};
use super::{QueueSettings, SmtpTls, Transports};
use crate::error::{Error, Result};
use crate::model::Lead;
use crate::store::outbox::Claimed;

/// What one attempt means for its item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The receiver took it.
    Delivered,
    /// It may work later.
    Retry,
    /// It will never work as it is.
    Permanent,
}

/// The result of one attempt, as recorded.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub verdict: Verdict,
    pub http_status: Option<u16>,
    /// The SMTP server's reply (code and text).
    pub reply: Option<String>,
    pub error: Option<String>,
    /// How long the receiver asked us to wait (HTTP `Retry-After`).
    pub retry_after: Option<Duration>,
}

impl Attempt {
    fn refused(error: impl Into<String>) -> Attempt {
        Attempt {
            verdict: Verdict::Permanent,
            http_status: None,
            reply: None,
            error: Some(error.into()),
            retry_after: None,
        }
    }
}

/// What to send for one claimed item.
#[derive(Debug, Clone)]
pub enum Work {
    /// POST this JSON body to `forward.url`.
    Forward { body: String },
    /// Send this email.
    Email { message: Box<Message>, to: String, rendered: Rendered, message_id: String },
    /// Nothing can be sent (no such lead, an address that is not one): fails for good.
    Refused(String),
}

/// A claimed item with what to send.
#[derive(Debug, Clone)]
pub struct Job {
    pub item: Claimed,
    pub work: Work,
}

/// Builds the work of a claimed item: the forward body as queued, or the email rendered from
/// the lead as it is now. `lead` is `None` when the lead no longer exists.
pub fn prepare(
    item: Claimed,
    lead: Option<&Lead>,
    templates: &Templates,
    from: Option<&str>,
) -> Job {
    let work = match item.kind.as_str() {
        // `forget` empties the payload of an erased lead's items.
        "forward" if item.payload.trim() == "{}" => Work::Refused("the lead was erased".into()),
        "forward" => Work::Forward { body: item.payload.clone() },
        kind => match email(&item, kind, lead, templates, from) {
            Ok(w) => w,
            Err(e) => Work::Refused(e),
        },
    };
    Job { item, work }
}

fn email(
    item: &Claimed,
    kind: &str,
    lead: Option<&Lead>,
    templates: &Templates,
    from: Option<&str>,
) -> Result<Work, String> {
    let lead = lead.ok_or("the lead no longer exists")?;
    if lead.erased_at.is_some() {
        return Err("the lead was erased".into());
    }
    let payload: serde_json::Value =
        serde_json::from_str(&item.payload).map_err(|e| format!("unreadable payload: {e}"))?;
    let to = payload["to"].as_str().ok_or("the item names no recipient")?.to_string();
    let from = from.ok_or("from_email is not set")?;
    let to_box: Mailbox =
        to.parse().map_err(|e| format!("invalid recipient address '{to}': {e}"))?;
    let from_box: Mailbox =
        from.parse().map_err(|e| format!("invalid from_email address '{from}': {e}"))?;
    let rendered = templates.render(kind, lead).map_err(|e| e.message().to_string())?;
    let message_id = message_id(&item.idempotency_key, &from_box);
    let message = Message::builder()
        .from(from_box)
        .to(to_box)
        .subject(rendered.subject.clone())
        .message_id(Some(message_id.clone()))
        .multipart(MultiPart::alternative_plain_html(rendered.text.clone(), rendered.html.clone()))
        .map_err(|e| format!("cannot build the email: {e}"))?;
    Ok(Work::Email { message: Box::new(message), to, rendered, message_id })
}

/// A Message-ID that is the same on every attempt of an item (`welcome:<lead id>` gives
/// `<welcome.<lead id>@<sender's domain>>`), so a receiver that sees a repeat can tell.
fn message_id(key: &str, from: &Mailbox) -> String {
    let local: String = key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '.' })
        .collect();
    format!("<{local}@{}>", from.email.domain())
}

/// Sends jobs: one HTTP client (a connection pool) and one SMTP transport (pooled) shared by
/// every delivery of a flush.
#[derive(Clone)]
pub struct Deliverer {
    http: reqwest::Client,
    forward_url: Option<String>,
    forward_token: Option<String>,
    smtp: Option<AsyncSmtpTransport<Tokio1Executor>>,
    smtp_timeout: Duration,
}

impl std::fmt::Debug for Deliverer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The token is a secret: never in a debug print.
        f.debug_struct("Deliverer").field("forward_url", &self.forward_url).finish_non_exhaustive()
    }
}

impl Deliverer {
    /// A deliverer for `transports` with the timeouts of `q`.
    pub fn new(transports: &Transports, q: &QueueSettings) -> Result<Deliverer> {
        // reqwest is built without a bundled crypto provider; ring is the one lettre uses too.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .timeout(q.http_timeout)
            .connect_timeout(q.http_timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::none())
            .pool_max_idle_per_host(q.concurrency)
            .user_agent(concat!("leadctl/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::failure("cannot set up the HTTP client").with_cause(e))?;
        let smtp = match &transports.smtp {
            None => None,
            Some(t) => {
                let builder = match t.tls {
                    SmtpTls::None => {
                        Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&t.host))
                    }
                    SmtpTls::StartTls => {
                        AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&t.host)
                    }
                    SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&t.host),
                }
                .map_err(|e| {
                    Error::usage(format!("cannot use smtp.host '{}'", t.host)).with_cause(e)
                })?;
                let mut builder = builder.port(t.port).timeout(Some(q.smtp_timeout));
                if let Some(user) = &t.user {
                    let password = t.password.clone().unwrap_or_default();
                    builder = builder.credentials(Credentials::new(user.clone(), password));
                }
                Some(builder.build())
            }
        };
        Ok(Deliverer {
            http,
            forward_url: transports.forward_url.clone(),
            forward_token: transports.forward_token.clone(),
            smtp,
            smtp_timeout: q.smtp_timeout,
        })
    }

    /// The host (and port) of `forward.url`, for messages.
    pub fn forward_host(&self) -> Option<String> {
        let url = reqwest::Url::parse(self.forward_url.as_deref()?).ok()?;
        let host = url.host_str()?.to_string();
        Some(match url.port() {
            Some(p) => format!("{host}:{p}"),
            None => host,
        })
    }

    /// Makes one attempt at `job`.
    pub async fn deliver(&self, job: &Job) -> Attempt {
        match &job.work {
            Work::Refused(why) => Attempt::refused(why.clone()),
            Work::Forward { body } => self.forward(&job.item.idempotency_key, body).await,
            Work::Email { message, .. } => self.send_email(message).await,
        }
    }

    async fn forward(&self, key: &str, body: &str) -> Attempt {
        let Some(url) = &self.forward_url else {
            return Attempt::refused("forward.url is not set");
        };
        let mut req = self
            .http
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header("Idempotency-Key", key)
            .body(body.to_string());
        if let Some(token) = &self.forward_token {
            req = req.bearer_auth(token);
        }
        let resp = match req.send().await {
            Ok(r) => r,
            Err(e) => {
                return Attempt {
                    verdict: Verdict::Retry,
                    http_status: None,
                    reply: None,
                    error: Some(describe_http_error(&e)),
                    retry_after: None,
                };
            }
        };
        let status = resp.status();
        let retry_after = resp
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        // Read the start of the body (for errors); a small body is read whole, so the
        // connection can be reused. Never more than 4 KiB is kept.
        let text = read_start(resp, 4096).await;
        let verdict = match status.as_u16() {
            200..=299 => Verdict::Delivered,
            408 | 429 | 500..=599 => Verdict::Retry,
            _ => Verdict::Permanent,
        };
        let error = (verdict != Verdict::Delivered).then(|| {
            let snippet: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let snippet: String = snippet.chars().take(200).collect();
            let reason = status.canonical_reason().unwrap_or("");
            if snippet.is_empty() {
                format!("HTTP {} {reason}", status.as_u16())
            } else {
                format!("HTTP {} {reason}: {snippet}", status.as_u16())
            }
        });
        Attempt { verdict, http_status: Some(status.as_u16()), reply: None, error, retry_after }
    }

    async fn send_email(&self, message: &Message) -> Attempt {
        let Some(smtp) = &self.smtp else {
            return Attempt::refused("SMTP is not configured (smtp.host, from_email)");
        };
        // lettre's timeout is per command; this bounds the whole conversation, so an email
        // ends well within its lease.
        let sent = tokio::time::timeout(self.smtp_timeout, smtp.send(message.clone())).await;
        let Ok(sent) = sent else {
            return Attempt {
                verdict: Verdict::Retry,
                http_status: None,
                reply: None,
                error: Some(format!(
                    "timed out after {}",
                    crate::time::human_duration(self.smtp_timeout)
                )),
                retry_after: None,
            };
        };
        match sent {
            Ok(resp) => Attempt {
                verdict: Verdict::Delivered,
                http_status: None,
                reply: Some(format!(
                    "{} {}",
                    resp.code(),
                    resp.message().collect::<Vec<_>>().join(" ")
                )),
                error: None,
                retry_after: None,
            },
            Err(e) => {
                let verdict = if e.is_permanent() { Verdict::Permanent } else { Verdict::Retry };
                // lettre's message already carries its cause; the reply is the server's code
                // and text, as on success.
                let reply = e.status().map(|code| match std::error::Error::source(&e) {
                    Some(text) => format!("{code} {text}"),
                    None => code.to_string(),
                });
                Attempt {
                    verdict,
                    http_status: None,
                    reply,
                    error: Some(e.to_string()),
                    retry_after: None,
                }
            }
        }
    }
}

/// Up to `limit` bytes of a response body, as text.
async fn read_start(mut resp: reqwest::Response, limit: usize) -> String {
    let mut buf = Vec::new();
    while buf.len() < limit {
        match resp.chunk().await {
            Ok(Some(chunk)) => buf.extend_from_slice(&chunk),
            _ => break,
        }
    }
    buf.truncate(limit);
    String::from_utf8_lossy(&buf).into_owned()
}

/// One line for an HTTP failure, without the URL (it may carry a secret in its query).
fn describe_http_error(e: &reqwest::Error) -> String {
    let what = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else {
        "request failed"
    };
    let mut msg = what.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(&format!(": {s}"));
        source = s.source();
    }
    msg
}

/// `Retry-After`: a number of seconds, or an HTTP date (time from now; past dates give 0).
pub fn parse_retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    let wait = at.with_timezone(&chrono::Utc) - crate::time::now();
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_takes_seconds_and_dates() {
        assert_eq!(parse_retry_after("120"), Some(Duration::from_secs(120)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(Duration::ZERO));
        let later = (crate::time::now() + chrono::Duration::seconds(90)).to_rfc2822();
        let d = parse_retry_after(&later).unwrap();
        assert!(d > Duration::from_secs(80) && d <= Duration::from_secs(90), "{d:?}");
        assert_eq!(parse_retry_after("soon"), None);
        assert_eq!(parse_retry_after("-5"), None);
    }

    #[test]
    fn message_ids_are_stable_per_item() {
        let from: Mailbox = "Hello <hello@example.com>".parse().unwrap();
        assert_eq!(message_id("welcome:0190-ab", &from), "<welcome.0190-ab@example.com>");
    }
}
