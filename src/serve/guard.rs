//! What guards `POST /inbound/leads` besides the token: the client's IP, per-client rate
//! limits (token buckets, via `governor`), and CORS for the configured origins and the form
//! keys' origins (never a wildcard, never a reflected unknown origin).

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::error::{Error, Result};
use crate::store::Store;

/// A per-client token bucket.
pub struct Limiter {
    limiter: DefaultKeyedRateLimiter<IpAddr>,
    /// The configured text (`600/min`), for logs.
    pub text: String,
}

impl Limiter {
    /// Parses `N/s`, `N/min` or `N/h` (a bucket of N that refills over that period); `off`
    /// is `None`.
    pub fn parse(key: &str, text: &str) -> Result<Option<Limiter>> {
        let t = text.trim().to_ascii_lowercase();
        if t == "off" || t == "0" || t == "none" {
            return Ok(None);
        }
        let bad = || {
            Error::usage(format!(
                "{key} must look like 600/min, 10/s or 100/h (or off), got '{text}'"
            ))
        };
        let (n, unit) = t.split_once('/').ok_or_else(bad)?;
        let n: u32 =
            n.trim().parse().ok().filter(|n| (1..=1_000_000).contains(n)).ok_or_else(bad)?;
        let period = match unit.trim() {
            "s" | "sec" | "second" => Duration::from_secs(1),
            "m" | "min" | "minute" => Duration::from_secs(60),
            "h" | "hour" => Duration::from_secs(3600),
            _ => return Err(bad()),
        };
        let burst = NonZeroU32::new(n).ok_or_else(bad)?;
        let quota = Quota::with_period(period / n).ok_or_else(bad)?.allow_burst(burst);
        Ok(Some(Limiter { limiter: RateLimiter::keyed(quota), text: t }))
    }

    /// Takes one token from `ip`'s bucket; `Err(seconds)` to wait when it is empty.
    pub fn check(&self, ip: IpAddr) -> std::result::Result<(), u64> {
        self.limiter.check_key(&ip).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })
    }

    /// Forgets clients whose buckets are full again (bounds memory under a flood of IPs).
    pub fn tidy(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }
}

/// The rate limits of the listener.
pub struct RateLimits {
    /// Every request to `/inbound/leads`, per client IP.
    pub general: Option<Limiter>,
    /// Posts with a form key, per client IP.
    pub form: Option<Limiter>,
    /// Limit loopback clients too.
    pub loopback: bool,
}

impl RateLimits {
    /// Whether `ip` is rate limited at all.
    pub fn applies_to(&self, ip: IpAddr) -> bool {
        self.loopback || !ip.is_loopback()
    }
}

/// The client's IP: the peer, or with `trust_forwarded_for` the last address in
/// `X-Forwarded-For` (the one the operator's own proxy appended; earlier ones are the
/// client's word).
/// An IPv4 client of a dual-stack listener (`::ffff:a.b.c.d`) is that IPv4 address.
pub fn client_ip(peer: SocketAddr, headers: &HeaderMap, trust_forwarded_for: bool) -> IpAddr {
    if trust_forwarded_for {
        // The last entry only: when it is not an address (`unknown`, garbage), the peer is
        // used, never an earlier entry the client may have written.
        let last = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .next_back()
            .map(str::trim);
        let parsed = last.and_then(|s| {
            s.parse::<IpAddr>().ok().or_else(|| s.parse::<SocketAddr>().ok().map(|a| a.ip()))
        });
        if let Some(ip) = parsed {
            return ip.to_canonical();
        }
    }
    peer.ip().to_canonical()
}

/// The origins browsers may post from: the configured ones, and the live form keys' (read
/// from the database, refreshed every few seconds so a new form key works without a restart).
pub struct Cors {
    configured: Vec<String>,
    form_keys: Mutex<(Option<Instant>, Vec<String>)>,
}

const REFRESH: Duration = Duration::from_secs(5);

impl Cors {
    /// Origins from `--cors-origin` and `serve.cors_origins`.
    pub fn new(configured: Vec<String>) -> Cors {
        Cors { configured, form_keys: Mutex::new((None, Vec::new())) }
    }

    /// Whether `origin` is allowed; `reader` refreshes the form keys' origins when stale.
    pub fn allows(&self, origin: &str, reader: &Mutex<Store>) -> bool {
        let origin = origin.trim().to_ascii_lowercase();
        if self.configured.contains(&origin) {
            return true;
        }
        let Ok(mut cache) = self.form_keys.lock() else { return false };
        if cache.0.is_none_or(|at| at.elapsed() > REFRESH) {
            if let Ok(store) = reader.lock() {
                if let Ok(list) = store.reader().form_key_origins() {
                    *cache = (Some(Instant::now()), list);
                }
            }
        }
        cache.1.contains(&origin)
    }

    /// Forgets the cached form-key origins (after a key is created or revoked in-process).
    pub fn invalidate(&self) {
        if let Ok(mut cache) = self.form_keys.lock() {
            cache.0 = None;
        }
    }
}

/// Adds the CORS headers of an allowed origin to an answer.
pub fn allow_origin(resp: &mut Response, origin: &str) {
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(origin) {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
    }
    h.append(header::VARY, HeaderValue::from_static("Origin"));
    h.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("x-request-id, retry-after"),
    );
}

/// The `Origin` header, if any.
pub fn origin_of(headers: &HeaderMap) -> Option<String> {
    headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()).map(|s| s.trim().to_string())
}
