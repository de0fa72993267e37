//! Provider webhooks: who may send them and how they are checked ([`WebhookConfig`],
//! [`verify`]), what identifies a delivery so a provider's retry is not applied twice
//! ([`delivery_key`]), and what a delivery changes ([`map`]).
//!
//! Order of checks for `POST /webhooks/{provider}`: the provider must be known (else 404);
//! a provider with neither a shared secret nor a signing key is refused unless unsigned
//! webhooks are allowed for it; the shared-secret header (`PROVIDER_WEBHOOK_HEADER`, default
//! `X-Webhook-Secret`), when a secret is configured; then the provider's own signature over
//! the raw body, with a timestamp tolerance. Only then is the body parsed.

pub mod map;
pub mod verify;

use axum::http::{HeaderMap, HeaderName};

use crate::config::Settings;
use crate::error::{Error, Result};
use verify::Reject;

/// How a sender signs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `Calendly-Webhook-Signature: t=..,v1=..`.
    Calendly,
    /// `x-zm-signature: v0=..` and the `endpoint.url_validation` challenge.
    Zoom,
    /// `X-Hub-Signature: sha256=..`.
    Fireflies,
    /// The Standard Webhooks specification (`webhook-id`, `webhook-timestamp`,
    /// `webhook-signature`), for senders an operator names.
    Standard,
}

/// One sender leadctl accepts webhooks from.
#[derive(Debug, Clone)]
pub struct Provider {
    /// The name in the URL (`/webhooks/<name>`).
    pub name: String,
    /// How it signs.
    pub kind: Kind,
    /// The shared secret expected in the shared-secret header, if configured.
    pub shared_secret: Option<String>,
    /// The keys its signatures are made with (empty: not configured).
    pub signing_keys: Vec<Vec<u8>>,
    /// Accept its deliveries with neither a shared secret nor a signing key.
    pub allow_unsigned: bool,
}

/// Everything `POST /webhooks/{provider}` checks against.
#[derive(Debug, Clone)]
pub struct WebhookConfig {
    /// The known senders.
    pub providers: Vec<Provider>,
    /// The shared-secret header.
    pub secret_header: HeaderName,
    /// A configured shared secret must be present in every request.
    pub require_secret: bool,
    /// How far a signed timestamp may be from now, in seconds, either way.
    pub tolerance_secs: i64,
}

/// The built-in providers and their configuration keys: (name, kind, shared-secret key,
/// signing-key key).
const BUILT_IN: &[(&str, Kind, &str, &str)] = &[
    (
        "calendly",
        Kind::Calendly,
        "webhooks.calendly.provider_secret",
        "webhooks.calendly.signing_key",
    ),
    ("zoom", Kind::Zoom, "webhooks.zoom.provider_secret", "webhooks.zoom.secret_token"),
    (
        "fireflies",
        Kind::Fireflies,
        "webhooks.fireflies.provider_secret",
        "webhooks.fireflies.signing_secret",
    ),
];

/// The names of the built-in providers.
pub const BUILT_IN_NAMES: &[&str] = &["calendly", "zoom", "fireflies"];

fn nonempty(s: Option<&str>) -> Option<String> {
    s.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

impl WebhookConfig {
    /// Reads the configuration; malformed values are usage errors.
    pub fn from_settings(settings: &Settings) -> Result<WebhookConfig> {
        let allowed: Vec<String> = settings
            .get("webhooks.allow_unsigned")
            .unwrap_or("")
            .split(',')
            .map(|s| s.trim().to_ascii_lowercase())
            .filter(|s| !s.is_empty())
            .collect();
        let mut providers = Vec::new();
        for (name, kind, secret_key, signing_key) in BUILT_IN {
            providers.push(Provider {
                name: name.to_string(),
                kind: *kind,
                shared_secret: nonempty(settings.get(secret_key)),
                signing_keys: nonempty(settings.get(signing_key))
                    .map(|k| vec![k.into_bytes()])
                    .unwrap_or_default(),
                allow_unsigned: false,
            });
        }
        for entry in settings.get("webhooks.senders").unwrap_or("").split([',', '\n']) {
            let entry = entry.trim();
            if entry.is_empty() {
                continue;
            }
            let bad = || {
                Error::usage("webhooks.senders must be a list of name=whsec_... entries")
                    .with_hint("e.g. LEADCTL_WEBHOOK_SENDERS='billing=whsec_MfKQ9r8G...'")
            };
            let (name, secret) = entry.split_once('=').ok_or_else(bad)?;
            let name = name.trim().to_ascii_lowercase();
            if name.is_empty()
                || name.len() > 40
                || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                return Err(Error::usage(format!(
                    "webhook sender name '{name}' must be 1-40 letters, digits, - or _"
                )));
            }
            if BUILT_IN_NAMES.contains(&name.as_str()) {
                return Err(Error::usage(format!(
                    "webhook sender '{name}' is a built-in provider; pick another name"
                )));
            }
            let key = verify::decode_whsec(secret.trim()).map_err(|e| {
                Error::usage(format!("the secret of webhook sender '{name}' is not usable: {e}"))
                    .with_hint("Standard Webhooks secrets look like whsec_<base64>")
            })?;
            match providers.iter_mut().find(|p| p.name == name) {
                // The same name twice: both keys are accepted (key rotation).
                Some(p) => p.signing_keys.push(key),
                None => providers.push(Provider {
                    name,
                    kind: Kind::Standard,
                    shared_secret: None,
                    signing_keys: vec![key],
                    allow_unsigned: false,
                }),
            }
        }
        for name in &allowed {
            match providers.iter_mut().find(|p| &p.name == name) {
                Some(p) => p.allow_unsigned = true,
                None => {
                    return Err(Error::usage(format!(
                        "webhooks.allow_unsigned names '{name}', which is not a provider"
                    ))
                    .with_hint("known: calendly, zoom, fireflies and the webhooks.senders names"));
                }
            }
        }
        let header = settings.get("webhooks.secret_header").unwrap_or("X-Webhook-Secret");
        let secret_header = HeaderName::try_from(header.trim()).map_err(|_| {
            Error::usage(format!("'{header}' is not a valid header name (PROVIDER_WEBHOOK_HEADER)"))
        })?;
        let require_secret = settings.get_bool("webhooks.require_secret")?.unwrap_or(true);
        let tolerance = settings
            .get_duration("webhooks.tolerance")?
            .unwrap_or(std::time::Duration::from_secs(300));
        if tolerance.as_secs() == 0 || tolerance.as_secs() > 7 * 86_400 {
            return Err(Error::usage("webhooks.tolerance must be between 1s and 7d"));
        }
        Ok(WebhookConfig {
            providers,
            secret_header,
            require_secret,
            tolerance_secs: tolerance.as_secs() as i64,
        })
    }

    /// What an operator should know at start: providers accepted without a shared secret
    /// or without any check at all.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        for p in &self.providers {
            let built_in = BUILT_IN_NAMES.contains(&p.name.as_str());
            match (p.shared_secret.is_some(), !p.signing_keys.is_empty(), p.allow_unsigned) {
                (false, false, true) => out.push(format!(
                    "webhooks from {} are accepted unsigned (webhooks.allow_unsigned)",
                    p.name
                )),
                (false, true, _) if built_in => out.push(format!(
                    "no shared secret configured for {}: its requests are allowed on the signature alone",
                    p.name
                )),
                _ => {}
            }
        }
        out
    }

    /// The sender named `name`.
    pub fn provider(&self, name: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.name == name)
    }

    /// Checks a delivery's shared secret and signature. `Ok(true)`: the provider's own
    /// signature was verified; `Ok(false)`: accepted without one (shared secret only, or
    /// unsigned webhooks allowed for this provider).
    pub fn check(
        &self,
        p: &Provider,
        headers: &HeaderMap,
        body: &[u8],
        now: i64,
    ) -> std::result::Result<bool, Refusal> {
        if p.shared_secret.is_none() && p.signing_keys.is_empty() && !p.allow_unsigned {
            return Err(Refusal::NotConfigured);
        }
        // A provider without a shared secret is warned about once, at start
        // ([`WebhookConfig::warnings`]).
        if let Some(secret) = &p.shared_secret {
            let present = headers.contains_key(&self.secret_header);
            if present || self.require_secret {
                verify::shared_secret(headers, &self.secret_header, secret)
                    .map_err(Refusal::SharedSecret)?;
            }
        }
        if p.signing_keys.is_empty() {
            if p.shared_secret.is_none() {
                tracing::warn!(provider = %p.name, "unsigned webhook accepted (webhooks.allow_unsigned)");
            }
            return Ok(false);
        }
        let tol = self.tolerance_secs;
        let keys = &p.signing_keys;
        let verdict = match p.kind {
            Kind::Calendly => verify::calendly(headers, body, &keys[0], now, tol),
            Kind::Zoom => verify::zoom(headers, body, &keys[0], now, tol),
            Kind::Fireflies => verify::fireflies(headers, body, &keys[0]),
            Kind::Standard => verify::standard(headers, body, keys, now, tol),
        };
        verdict.map(|()| true).map_err(Refusal::Signature)
    }
}

/// Why a delivery was refused (every one is a 401).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Neither a shared secret nor a signing key is configured for the provider.
    NotConfigured,
    /// The shared-secret header is missing or wrong.
    SharedSecret(Reject),
    /// The provider's signature is missing, malformed, wrong or stale.
    Signature(Reject),
}

impl Refusal {
    /// The `error.code` of the 401.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NotConfigured => "provider_not_configured",
            Refusal::SharedSecret(_) => "bad_shared_secret",
            Refusal::Signature(r) => r.code(),
        }
    }

    /// The `error.message` of the 401 (never a secret or a signature).
    pub fn message(&self) -> String {
        match self {
            Refusal::NotConfigured => {
                "webhooks from this provider are not configured (no shared secret or signing key)"
                    .into()
            }
            Refusal::SharedSecret(r) => format!("shared secret refused: {r}"),
            Refusal::Signature(r) => format!("signature refused: {r}"),
        }
    }
}

/// What identifies a delivery, so a provider's retry is recognised: Calendly `event` +
/// invitee URI, Zoom `event` + object uuid + `event_ts`, Fireflies `event` + meeting id,
/// Standard Webhooks `webhook-id`; a hash of the body when those are missing.
pub fn delivery_key(
    kind: Kind,
    headers: &HeaderMap,
    body: &[u8],
    value: &serde_json::Value,
) -> String {
    let s = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) if !s.is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let key = match kind {
        Kind::Calendly => match (s(&value["event"]), s(&value["payload"]["uri"])) {
            (Some(e), Some(u)) => Some(format!("{e}:{u}")),
            _ => None,
        },
        Kind::Zoom => {
            match (
                s(&value["event"]),
                s(&value["payload"]["object"]["uuid"]),
                s(&value["event_ts"]),
            ) {
                (Some(e), Some(u), Some(t)) => Some(format!("{e}:{u}:{t}")),
                _ => None,
            }
        }
        Kind::Fireflies => {
            let event = s(&value["event"]).or_else(|| s(&value["eventType"]));
            let meeting = s(&value["meeting_id"]).or_else(|| s(&value["meetingId"]));
            match (event, meeting) {
                (Some(e), Some(m)) => Some(format!("{e}:{m}")),
                _ => None,
            }
        }
        Kind::Standard => headers
            .get("webhook-id")
            .and_then(|v| v.to_str().ok())
            .filter(|v| !v.is_empty())
            .map(str::to_string),
    };
    key.unwrap_or_else(|| format!("sha256:{}", crate::privacy::sha256_hex(&[body])))
}

/// The event type a delivery names, for listing.
pub fn event_type(kind: Kind, value: &serde_json::Value) -> Option<String> {
    let field = match kind {
        Kind::Standard => &value["type"],
        Kind::Fireflies if value.get("event").is_none() => &value["eventType"],
        _ => &value["event"],
    };
    field.as_str().map(str::to_string)
}

/// The headers kept with a stored delivery: those that describe it, never a secret or a
/// signature (their presence is noted).
pub fn kept_headers(headers: &HeaderMap, secret_header: &HeaderName) -> serde_json::Value {
    const KEEP: &[&str] = &[
        "content-type",
        "user-agent",
        "x-zm-request-timestamp",
        "x-zm-request-id",
        "x-zm-trackingid",
        "webhook-id",
        "webhook-timestamp",
        "x-request-id",
        "x-webhook-delivery-id",
    ];
    const SIGNATURES: &[&str] =
        &["calendly-webhook-signature", "x-zm-signature", "x-hub-signature", "webhook-signature"];
    let mut out = serde_json::Map::new();
    for (name, value) in headers {
        let n = name.as_str();
        if SIGNATURES.contains(&n) || name == secret_header {
            out.insert(n.to_string(), serde_json::Value::String("(present)".into()));
        } else if KEEP.contains(&n) {
            let v = value.to_str().unwrap_or("(not text)");
            out.insert(n.to_string(), serde_json::Value::String(v.chars().take(200).collect()));
        }
    }
    serde_json::Value::Object(out)
}
