//! Webhook signature verification: pure, synchronous checks over the raw request bytes.
//!
//! Every function here takes the request headers, the raw body exactly as received (never
//! re-serialised JSON), the key material and, where the scheme signs a timestamp, the current
//! Unix time in seconds (`now`) plus a symmetric tolerance. Nothing here reads a clock, does I/O
//! or logs, so the checks can be unit-tested at fixed times.
//!
//! Supported schemes (details and sources in `reference/webhooks.md`):
//!
//! - [`calendly`]: `calendly-webhook-signature: t=<unix>,v1=<hex>`, HMAC-SHA256 over
//!   `"<t>.<body>"`.
//! - [`zoom`]: `x-zm-request-timestamp` + `x-zm-signature: v0=<hex>`, HMAC-SHA256 over
//!   `"v0:<ts>:<body>"`; [`zoom_encrypted_token`] answers the `endpoint.url_validation`
//!   challenge (only after the challenge request itself has passed [`zoom`]).
//! - [`fireflies`]: `x-hub-signature: [sha256=]<hex>`, HMAC-SHA256 over the body; no timestamp.
//! - [`standard`]: Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`),
//!   HMAC-SHA256 over `"<id>.<ts>.<body>"`, base64; [`decode_whsec`] turns a `whsec_...` secret
//!   into key bytes.
//! - [`shared_secret`]: a fixed secret header, compared in constant time.
//!
//! Common rules:
//!
//! - MACs are compared in constant time (`hmac::Mac::verify_slice`) after decoding the hex or
//!   base64 signature; bad encodings and wrong lengths are rejections, never panics.
//! - A header the scheme needs that is absent gives [`Reject::Missing`]. A header that is present
//!   more than once, empty, not visible ASCII, or otherwise unparsable gives
//!   [`Reject::Malformed`]. Timestamps must be base-10 integers of ASCII digits only (no sign, no
//!   fraction) that fit in an `i64`.
//! - The signature is checked before freshness: a correctly signed request whose timestamp is
//!   outside `|now - ts| <= tolerance_secs` (boundary inclusive) gives [`Reject::Stale`] with its
//!   age, so the caller can log how far off it was; a wrongly signed one gives
//!   [`Reject::Mismatch`] whatever its timestamp. A negative tolerance counts as zero.
//! - [`Reject`]'s `Display` never contains a secret, a signature or a body.

use std::fmt;

use axum::http::{HeaderMap, HeaderName};

use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

type HmacSha256 = Hmac<Sha256>;

/// Standard base64 alphabet that accepts input with or without `=` padding.
const BASE64_ANY_PADDING: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

const CALENDLY_SIGNATURE: &str = "calendly-webhook-signature";
const ZOOM_SIGNATURE: &str = "x-zm-signature";
const ZOOM_TIMESTAMP: &str = "x-zm-request-timestamp";
const FIREFLIES_SIGNATURE: &str = "x-hub-signature";
const STANDARD_ID: &str = "webhook-id";
const STANDARD_TIMESTAMP: &str = "webhook-timestamp";
const STANDARD_SIGNATURE: &str = "webhook-signature";
const DEFAULT_SHARED_SECRET_HEADER: &str = "x-webhook-secret";
const GENERIC_SHARED_SECRET_HEADER: &str = "shared secret header";

/// Why a request was refused. Display gives a short reason with no secret or signature value in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reject {
    /// A header the scheme needs is absent (its lower-case name).
    Missing(&'static str),
    /// A header is present but cannot be parsed (which header, lower-case).
    Malformed(&'static str),
    /// Well-formed, but no signature (or shared secret) matches.
    Mismatch,
    /// Signed, but the timestamp is outside the tolerance; age = now - timestamp in seconds
    /// (negative when in the future).
    Stale {
        /// `now - timestamp` in seconds (saturating); negative when the timestamp is in the future.
        age_secs: i64,
    },
}

impl Reject {
    /// A stable machine-readable code for logs and metrics: `"missing_signature"`,
    /// `"malformed_signature"`, `"bad_signature"` or `"stale_timestamp"`.
    pub fn code(&self) -> &'static str {
        match self {
            Reject::Missing(_) => "missing_signature",
            Reject::Malformed(_) => "malformed_signature",
            Reject::Mismatch => "bad_signature",
            Reject::Stale { .. } => "stale_timestamp",
        }
    }
}

impl fmt::Display for Reject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reject::Missing(header) => write!(f, "missing header {header}"),
            Reject::Malformed(header) => write!(f, "malformed header {header}"),
            Reject::Mismatch => f.write_str("signature does not match"),
            Reject::Stale { age_secs } => {
                write!(f, "timestamp outside tolerance (age {age_secs} s)")
            }
        }
    }
}

impl std::error::Error for Reject {}

/// Calendly: header `calendly-webhook-signature: t=<unix>,v1=<hex>`; `HMAC-SHA256(key, "<t>.<body>")`;
/// accept if ANY v1 element matches; elements split on ',', each on first '='; unknown elements
/// ignored; symmetric tolerance |now - t| <= tolerance_secs.
///
/// Elements are trimmed of surrounding whitespace; elements without `=` are ignored like unknown
/// ones. No `t`, more than one `t`, a non-integer `t`, or no `v1` element that is valid hex gives
/// `Malformed("calendly-webhook-signature")`; `v1` elements that are not hex are skipped.
pub fn calendly(
    headers: &HeaderMap,
    body: &[u8],
    key: &[u8],
    now: i64,
    tolerance_secs: i64,
) -> Result<(), Reject> {
    let value = single_header(headers, CALENDLY_SIGNATURE)?;

    let mut timestamp: Option<&str> = None;
    let mut candidates: Vec<Vec<u8>> = Vec::new();
    for element in value.split(',') {
        let Some((name, content)) = element.trim().split_once('=') else {
            continue;
        };
        match name {
            "t" if timestamp.is_some() => return Err(Reject::Malformed(CALENDLY_SIGNATURE)),
            "t" => timestamp = Some(content),
            "v1" => {
                if let Some(tag) = decode_hex(content) {
                    candidates.push(tag);
                }
            }
            _ => {}
        }
    }
    let raw_ts = timestamp.ok_or(Reject::Malformed(CALENDLY_SIGNATURE))?;
    let ts = parse_timestamp(raw_ts, CALENDLY_SIGNATURE)?;
    if candidates.is_empty() {
        return Err(Reject::Malformed(CALENDLY_SIGNATURE));
    }

    let mut mac = new_mac(key);
    mac.update(raw_ts.as_bytes());
    mac.update(b".");
    mac.update(body);
    if !any_tag_matches(&mac, &candidates) {
        return Err(Reject::Mismatch);
    }
    check_fresh(ts, now, tolerance_secs)
}

/// Zoom: `x-zm-request-timestamp` (unix seconds) and `x-zm-signature: v0=<hex>`;
/// `HMAC-SHA256(secret, "v0:<ts>:<body>")`; tolerance symmetric.
///
/// A signature without the `v0=` prefix or whose rest is not hex (such as the 61-character
/// placeholder in Zoom's docs) gives `Malformed("x-zm-signature")`.
pub fn zoom(
    headers: &HeaderMap,
    body: &[u8],
    secret: &[u8],
    now: i64,
    tolerance_secs: i64,
) -> Result<(), Reject> {
    let signature = single_header(headers, ZOOM_SIGNATURE)?;
    let raw_ts = single_header(headers, ZOOM_TIMESTAMP)?;
    let ts = parse_timestamp(raw_ts, ZOOM_TIMESTAMP)?;
    let tag = signature
        .strip_prefix("v0=")
        .and_then(decode_hex)
        .ok_or(Reject::Malformed(ZOOM_SIGNATURE))?;

    let mut mac = new_mac(secret);
    mac.update(b"v0:");
    mac.update(raw_ts.as_bytes());
    mac.update(b":");
    mac.update(body);
    if mac.verify_slice(&tag).is_err() {
        return Err(Reject::Mismatch);
    }
    check_fresh(ts, now, tolerance_secs)
}

/// Zoom url_validation: hex(HMAC-SHA256(secret, plain_token)), lowercase.
///
/// Only answer a challenge whose request has already passed [`zoom`]: answering unsigned
/// challenges turns the endpoint into a signing oracle for forged events.
pub fn zoom_encrypted_token(secret: &[u8], plain_token: &str) -> String {
    let mut mac = new_mac(secret);
    mac.update(plain_token.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Fireflies: `x-hub-signature: sha256=<hex>` (the `sha256=` prefix optional, as V1 may send bare
/// hex); HMAC-SHA256(secret, body). No timestamp.
///
/// A value that is not hex after the optional prefix gives `Malformed("x-hub-signature")`.
pub fn fireflies(headers: &HeaderMap, body: &[u8], secret: &[u8]) -> Result<(), Reject> {
    let signature = single_header(headers, FIREFLIES_SIGNATURE)?;
    let hex_part = signature.strip_prefix("sha256=").unwrap_or(signature);
    let tag = decode_hex(hex_part).ok_or(Reject::Malformed(FIREFLIES_SIGNATURE))?;

    let mut mac = new_mac(secret);
    mac.update(body);
    mac.verify_slice(&tag).map_err(|_| Reject::Mismatch)
}

/// Standard Webhooks: `webhook-id`, `webhook-timestamp` (unix s), `webhook-signature` =
/// space-separated `v1,<base64>` entries; signed content `"<id>.<ts>.<body>"`; each secret in
/// `secrets` is already-decoded key bytes; accept if any entry matches any secret; entries that
/// are not `v1,` or have bad base64 are skipped (never an error by themselves); if no v1 entry
/// parsed at all -> Malformed("webhook-signature"); id or ts containing '.' -> Malformed;
/// tolerance symmetric, boundary inclusive.
///
/// Signatures are accepted with or without base64 padding. An empty `secrets` slice never
/// matches (`Mismatch`).
pub fn standard(
    headers: &HeaderMap,
    body: &[u8],
    secrets: &[Vec<u8>],
    now: i64,
    tolerance_secs: i64,
) -> Result<(), Reject> {
    let signature = single_header(headers, STANDARD_SIGNATURE)?;
    let id = single_header(headers, STANDARD_ID)?;
    let raw_ts = single_header(headers, STANDARD_TIMESTAMP)?;
    if id.contains('.') {
        return Err(Reject::Malformed(STANDARD_ID));
    }
    // parse_timestamp accepts ASCII digits only, so a '.' in the timestamp is rejected here too.
    let ts = parse_timestamp(raw_ts, STANDARD_TIMESTAMP)?;

    let candidates: Vec<Vec<u8>> = signature
        .split_ascii_whitespace()
        .filter_map(|entry| entry.split_once(','))
        .filter(|(version, _)| *version == "v1")
        .filter_map(|(_, sig)| BASE64_ANY_PADDING.decode(sig).ok())
        .filter(|tag| !tag.is_empty())
        .collect();
    if candidates.is_empty() {
        return Err(Reject::Malformed(STANDARD_SIGNATURE));
    }

    let matched = secrets.iter().any(|secret| {
        let mut mac = new_mac(secret);
        mac.update(id.as_bytes());
        mac.update(b".");
        mac.update(raw_ts.as_bytes());
        mac.update(b".");
        mac.update(body);
        any_tag_matches(&mac, &candidates)
    });
    if !matched {
        return Err(Reject::Mismatch);
    }
    check_fresh(ts, now, tolerance_secs)
}

/// Decodes a Standard Webhooks secret: optional `whsec_` prefix, then standard base64 (accept
/// padded or unpadded). Err(message) if not base64 or empty.
///
/// Surrounding whitespace is ignored. The error message never contains the secret.
pub fn decode_whsec(secret: &str) -> Result<Vec<u8>, String> {
    let trimmed = secret.trim();
    let encoded = trimmed.strip_prefix("whsec_").unwrap_or(trimmed);
    if encoded.is_empty() {
        return Err("webhook secret is empty".to_owned());
    }
    let key = BASE64_ANY_PADDING
        .decode(encoded)
        .map_err(|_| "webhook secret is not valid base64 (expected whsec_<base64>)".to_owned())?;
    if key.is_empty() {
        return Err("webhook secret decodes to zero bytes".to_owned());
    }
    Ok(key)
}

/// The shared-secret layer: header `name` must equal `secret` (constant time, via subtle).
///
/// A missing header gives `Missing("x-webhook-secret")` when `name` is `x-webhook-secret`, else
/// the generic `Missing("shared secret header")` (the name is dynamic, the payload is
/// `&'static str`); `Malformed` uses the same two labels. A wrong value gives `Mismatch`. An
/// empty configured `secret` never matches. Both sides are hashed with SHA-256 before the
/// constant-time comparison, so the secret's length does not leak through timing either.
pub fn shared_secret(headers: &HeaderMap, name: &HeaderName, secret: &str) -> Result<(), Reject> {
    let label = if name.as_str() == DEFAULT_SHARED_SECRET_HEADER {
        DEFAULT_SHARED_SECRET_HEADER
    } else {
        GENERIC_SHARED_SECRET_HEADER
    };
    let mut values = headers.get_all(name).iter();
    let value = values.next().ok_or(Reject::Missing(label))?;
    if values.next().is_some() {
        return Err(Reject::Malformed(label));
    }
    let given = value.to_str().map_err(|_| Reject::Malformed(label))?.trim();

    let given_digest = Sha256::digest(given.as_bytes());
    let expected_digest = Sha256::digest(secret.as_bytes());
    let equal: bool = given_digest.as_slice().ct_eq(expected_digest.as_slice()).into();
    if equal && !secret.is_empty() { Ok(()) } else { Err(Reject::Mismatch) }
}

/// The one value of header `name`, trimmed. Absent -> `Missing`; repeated, not visible ASCII, or
/// empty -> `Malformed`.
fn single_header<'a>(headers: &'a HeaderMap, name: &'static str) -> Result<&'a str, Reject> {
    let mut values = headers.get_all(name).iter();
    let value = values.next().ok_or(Reject::Missing(name))?;
    if values.next().is_some() {
        return Err(Reject::Malformed(name));
    }
    let text = value.to_str().map_err(|_| Reject::Malformed(name))?.trim();
    if text.is_empty() {
        return Err(Reject::Malformed(name));
    }
    Ok(text)
}

/// Unix seconds as written by the sender: one or more ASCII digits that fit in an `i64`.
fn parse_timestamp(raw: &str, header: &'static str) -> Result<i64, Reject> {
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Reject::Malformed(header));
    }
    raw.parse::<i64>().map_err(|_| Reject::Malformed(header))
}

/// `Ok` when `|now - ts| <= tolerance_secs` (a negative tolerance counts as zero), else `Stale`.
fn check_fresh(ts: i64, now: i64, tolerance_secs: i64) -> Result<(), Reject> {
    let age_secs = now.saturating_sub(ts);
    let tolerance = u64::try_from(tolerance_secs).unwrap_or(0);
    if age_secs.unsigned_abs() <= tolerance { Ok(()) } else { Err(Reject::Stale { age_secs }) }
}

/// Hex (either case) to bytes; `None` for bad hex or an empty value.
fn decode_hex(text: &str) -> Option<Vec<u8>> {
    hex::decode(text).ok().filter(|tag| !tag.is_empty())
}

/// A fresh HMAC-SHA256 keyed with `key`.
fn new_mac(key: &[u8]) -> HmacSha256 {
    // HMAC takes keys of any length (long ones are hashed first): this never fails.
    <HmacSha256 as Mac>::new_from_slice(key).expect("HMAC-SHA256 accepts keys of any length")
}

/// Whether any candidate tag equals the MAC of what `mac` has absorbed (constant-time per tag).
fn any_tag_matches(mac: &HmacSha256, candidates: &[Vec<u8>]) -> bool {
    candidates.iter().any(|tag| mac.clone().verify_slice(tag).is_ok())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const NOW: i64 = 1_700_000_000;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(HeaderName::from_static(name), value.parse().unwrap());
        }
        map
    }

    fn with_raw(mut map: HeaderMap, name: &'static str, value: &[u8]) -> HeaderMap {
        map.append(HeaderName::from_static(name), value.to_vec().try_into().unwrap());
        map
    }

    fn hmac_hex(key: &[u8], msg: &[u8]) -> String {
        let mut mac = new_mac(key);
        mac.update(msg);
        hex::encode(mac.finalize().into_bytes())
    }

    fn hmac_b64(key: &[u8], msg: &[u8]) -> String {
        let mut mac = new_mac(key);
        mac.update(msg);
        base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
    }

    // ---------------------------------------------------------------- Reject

    #[test]
    fn reject_codes() {
        assert_eq!(Reject::Missing("x").code(), "missing_signature");
        assert_eq!(Reject::Malformed("x").code(), "malformed_signature");
        assert_eq!(Reject::Mismatch.code(), "bad_signature");
        assert_eq!(Reject::Stale { age_secs: 5 }.code(), "stale_timestamp");
    }

    #[test]
    fn reject_display() {
        assert_eq!(Reject::Missing("webhook-id").to_string(), "missing header webhook-id");
        assert_eq!(
            Reject::Malformed("x-zm-signature").to_string(),
            "malformed header x-zm-signature"
        );
        assert_eq!(Reject::Mismatch.to_string(), "signature does not match");
        assert_eq!(
            Reject::Stale { age_secs: -301 }.to_string(),
            "timestamp outside tolerance (age -301 s)"
        );
    }

    // ---------------------------------------------------------------- Calendly

    const CAL_KEY: &[u8] = b"calendly-test-key";
    const CAL_BODY: &[u8] = br#"{"event":"invitee.created"}"#;
    const CAL_SIG: &str = "eae6b46584e3adf786d5c63da9fb1f0f6d70f38ad2c3105255cd688a477f6aee";
    const CAL_TOL: i64 = 180;

    fn cal(value: &str) -> HeaderMap {
        headers(&[("calendly-webhook-signature", value)])
    }

    fn cal_signed(t: i64, body: &[u8]) -> HeaderMap {
        let mut msg = format!("{t}.").into_bytes();
        msg.extend_from_slice(body);
        cal(&format!("t={t},v1={}", hmac_hex(CAL_KEY, &msg)))
    }

    #[test]
    fn calendly_hand_check_value() {
        assert_eq!(hmac_hex(CAL_KEY, br#"1700000000.{"event":"invitee.created"}"#), CAL_SIG);
        let h = cal(&format!("t=1700000000,v1={CAL_SIG}"));
        assert_eq!(calendly(&h, CAL_BODY, CAL_KEY, NOW, CAL_TOL), Ok(()));
    }

    #[test]
    fn calendly_header_name_is_case_insensitive() {
        let mut h = HeaderMap::new();
        h.insert(
            HeaderName::from_bytes(b"Calendly-Webhook-Signature").unwrap(),
            format!("t=1700000000,v1={CAL_SIG}").parse().unwrap(),
        );
        assert_eq!(calendly(&h, CAL_BODY, CAL_KEY, NOW, CAL_TOL), Ok(()));
    }

    #[test]
    fn calendly_tampered_body() {
        let h = cal(&format!("t=1700000000,v1={CAL_SIG}"));
        let body = br#"{"event":"invitee.canceled"}"#;
        assert_eq!(calendly(&h, body, CAL_KEY, NOW, CAL_TOL), Err(Reject::Mismatch));
        // Trailing newline (re-serialised body) also fails.
        assert_eq!(
            calendly(&h, b"{\"event\":\"invitee.created\"}\n", CAL_KEY, NOW, CAL_TOL),
            Err(Reject::Mismatch)
        );
    }

    #[test]
    fn calendly_wrong_key() {
        let h = cal(&format!("t=1700000000,v1={CAL_SIG}"));
        assert_eq!(
            calendly(&h, CAL_BODY, b"calendly-test-kez", NOW, CAL_TOL),
            Err(Reject::Mismatch)
        );
    }

    #[test]
    fn calendly_tampered_timestamp() {
        // Same signature, different t: the signed content changes.
        let h = cal(&format!("t=1700000001,v1={CAL_SIG}"));
        assert_eq!(calendly(&h, CAL_BODY, CAL_KEY, NOW, CAL_TOL), Err(Reject::Mismatch));
    }

    #[test]
    fn calendly_stale_and_boundaries() {
        let old = cal_signed(NOW - CAL_TOL - 1, CAL_BODY);
        assert_eq!(
            calendly(&old, CAL_BODY, CAL_KEY, NOW, CAL_TOL),
            Err(Reject::Stale { age_secs: 181 })
        );
        let future = cal_signed(NOW + CAL_TOL + 1, CAL_BODY);
        assert_eq!(
            calendly(&future, CAL_BODY, CAL_KEY, NOW, CAL_TOL),
            Err(Reject::Stale { age_secs: -181 })
        );
        let edge_old = cal_signed(NOW - CAL_TOL, CAL_BODY);
        assert_eq!(calendly(&edge_old, CAL_BODY, CAL_KEY, NOW, CAL_TOL), Ok(()));
        let edge_future = cal_signed(NOW + CAL_TOL, CAL_BODY);
        assert_eq!(calendly(&edge_future, CAL_BODY, CAL_KEY, NOW, CAL_TOL), Ok(()));
    }

    #[test]
    fn calendly_stale_but_wrongly_signed_is_mismatch() {
        let old = cal_signed(NOW - 10_000, CAL_BODY);
        assert_eq!(calendly(&old, CAL_BODY, b"other-key", NOW, CAL_TOL), Err(Reject::Mismatch));
    }

    #[test]
    fn calendly_any_v1_matches_and_unknown_elements_ignored() {
        let bad = "0".repeat(64);
        let h = cal(&format!("t=1700000000, v0=zz, v1={bad}, v1={CAL_SIG},junk,x=y=z"));
        assert_eq!(calendly(&h, CAL_BODY, CAL_KEY, NOW, CAL_TOL), Ok(()));
        // Elements in another order.
        let h = cal(&format!("v1={CAL_SIG},t=1700000000"));
        assert_eq!(calendly(&h, CAL_BODY, CAL_KEY, NOW, CAL_TOL), Ok(()));
        // Only wrong v1 values.
        let h = cal(&format!("t=1700000000,v1={bad},v1={}", "ab".repeat(16)));
        assert_eq!(calendly(&h, CAL_BODY, CAL_KEY, NOW, CAL_TOL), Err(Reject::Mismatch));
        // A signature under an unknown version name does not count.
        let h = cal(&format!("t=1700000000,v2={CAL_SIG}"));
        assert_eq!(
            calendly(&h, CAL_BODY, CAL_KEY, NOW, CAL_TOL),
            Err(Reject::Malformed("calendly-webhook-signature"))
        );
    }

    #[test]
    fn calendly_malformed() {
        let m = Err(Reject::Malformed("calendly-webhook-signature"));
        for value in [
            "garbage",
            "t=1700000000",
            &format!("v1={CAL_SIG}"),
            &format!("t=abc,v1={CAL_SIG}"),
            &format!("t=1700000000.5,v1={CAL_SIG}"),
            &format!("t=-1700000000,v1={CAL_SIG}"),
            &format!("t=+1700000000,v1={CAL_SIG}"),
            &format!("t=,v1={CAL_SIG}"),
            &format!("t=99999999999999999999,v1={CAL_SIG}"),
            &format!("t=1700000000,t=1700000000,v1={CAL_SIG}"),
            "t=1700000000,v1=not-hex",
            "t=1700000000,v1=abc",
            ",,,",
        ] {
            assert_eq!(calendly(&cal(value), CAL_BODY, CAL_KEY, NOW, CAL_TOL), m, "{value}");
        }
        // Empty header value.
        assert_eq!(calendly(&cal(""), CAL_BODY, CAL_KEY, NOW, CAL_TOL), m);
        // Not visible ASCII.
        let h = with_raw(HeaderMap::new(), "calendly-webhook-signature", b"t=1700000000,v1=\xe9");
        assert_eq!(calendly(&h, CAL_BODY, CAL_KEY, NOW, CAL_TOL), m);
        // Repeated header.
        let mut h = cal(&format!("t=1700000000,v1={CAL_SIG}"));
        h.append(
            "calendly-webhook-signature",
            format!("t=1700000000,v1={CAL_SIG}").parse().unwrap(),
        );
        assert_eq!(calendly(&h, CAL_BODY, CAL_KEY, NOW, CAL_TOL), m);
    }

    #[test]
    fn calendly_wrong_length_hex_is_mismatch() {
        let h = cal(&format!("t=1700000000,v1={}", &CAL_SIG[..62]));
        assert_eq!(calendly(&h, CAL_BODY, CAL_KEY, NOW, CAL_TOL), Err(Reject::Mismatch));
        let h = cal(&format!("t=1700000000,v1={CAL_SIG}00"));
        assert_eq!(calendly(&h, CAL_BODY, CAL_KEY, NOW, CAL_TOL), Err(Reject::Mismatch));
    }

    #[test]
    fn calendly_missing() {
        let h = headers(&[("x-hub-signature", "sha256=00")]);
        assert_eq!(
            calendly(&h, CAL_BODY, CAL_KEY, NOW, CAL_TOL),
            Err(Reject::Missing("calendly-webhook-signature"))
        );
        assert_eq!(
            calendly(&HeaderMap::new(), CAL_BODY, CAL_KEY, NOW, CAL_TOL),
            Err(Reject::Missing("calendly-webhook-signature"))
        );
    }

    // ---------------------------------------------------------------- Zoom

    const ZOOM_SECRET: &[u8] = b"zoom-test-secret";
    const ZOOM_BODY: &[u8] = br#"{"event":"meeting.started"}"#;
    const ZOOM_SIG: &str = "v0=6bc8fdfa3bbe4f5d1ad90d99219d95b3e9a5399213229c8f9e4d591bdf5e4b02";
    const ZOOM_TOL: i64 = 300;
    const ZOOM_DOCS_PLACEHOLDER: &str =
        "v0=a05d830fa017433bc47887f835a00b9ff33d3882f22f63a2986a8es270341";

    fn zm(ts: &str, sig: &str) -> HeaderMap {
        headers(&[("x-zm-request-timestamp", ts), ("x-zm-signature", sig)])
    }

    fn zm_signed(ts: i64, body: &[u8]) -> HeaderMap {
        let mut msg = format!("v0:{ts}:").into_bytes();
        msg.extend_from_slice(body);
        zm(&ts.to_string(), &format!("v0={}", hmac_hex(ZOOM_SECRET, &msg)))
    }

    #[test]
    fn zoom_hand_check_value() {
        assert_eq!(
            format!(
                "v0={}",
                hmac_hex(ZOOM_SECRET, br#"v0:1700000000:{"event":"meeting.started"}"#)
            ),
            ZOOM_SIG
        );
        let h = zm("1700000000", ZOOM_SIG);
        assert_eq!(zoom(&h, ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL), Ok(()));
    }

    #[test]
    fn zoom_header_names_are_case_insensitive() {
        let mut h = HeaderMap::new();
        h.insert(
            HeaderName::from_bytes(b"X-Zm-Request-Timestamp").unwrap(),
            "1700000000".parse().unwrap(),
        );
        h.insert(HeaderName::from_bytes(b"X-ZM-Signature").unwrap(), ZOOM_SIG.parse().unwrap());
        assert_eq!(zoom(&h, ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL), Ok(()));
    }

    #[test]
    fn zoom_encrypted_token_hand_check_value() {
        assert_eq!(
            zoom_encrypted_token(ZOOM_SECRET, "qgg8vlvZRS6UYooatFL8Aw"),
            "ae7c940e5051b2a17c1c49f4818fff9a88e210f5d820ff3c862635e27c93a4d9"
        );
        assert_ne!(
            zoom_encrypted_token(b"other-secret", "qgg8vlvZRS6UYooatFL8Aw"),
            "ae7c940e5051b2a17c1c49f4818fff9a88e210f5d820ff3c862635e27c93a4d9"
        );
    }

    #[test]
    fn zoom_tampered_body_and_wrong_secret() {
        let h = zm("1700000000", ZOOM_SIG);
        assert_eq!(
            zoom(&h, br#"{"event":"meeting.ended"}"#, ZOOM_SECRET, NOW, ZOOM_TOL),
            Err(Reject::Mismatch)
        );
        assert_eq!(zoom(&h, ZOOM_BODY, b"zoom-test-secreT", NOW, ZOOM_TOL), Err(Reject::Mismatch));
        // Signature moved to another timestamp.
        let h = zm("1700000001", ZOOM_SIG);
        assert_eq!(zoom(&h, ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL), Err(Reject::Mismatch));
    }

    #[test]
    fn zoom_signature_is_over_raw_timestamp_text() {
        // Leading zeros are the sender's bytes: the MAC covers them as written.
        let mut msg = b"v0:01700000000:".to_vec();
        msg.extend_from_slice(ZOOM_BODY);
        let sig = format!("v0={}", hmac_hex(ZOOM_SECRET, &msg));
        assert_eq!(zoom(&zm("01700000000", &sig), ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL), Ok(()));
        assert_eq!(
            zoom(&zm("1700000000", &sig), ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL),
            Err(Reject::Mismatch)
        );
    }

    #[test]
    fn zoom_stale_and_boundaries() {
        assert_eq!(
            zoom(&zm_signed(NOW - 301, ZOOM_BODY), ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL),
            Err(Reject::Stale { age_secs: 301 })
        );
        assert_eq!(
            zoom(&zm_signed(NOW + 301, ZOOM_BODY), ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL),
            Err(Reject::Stale { age_secs: -301 })
        );
        assert_eq!(
            zoom(&zm_signed(NOW - 300, ZOOM_BODY), ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL),
            Ok(())
        );
        assert_eq!(
            zoom(&zm_signed(NOW + 300, ZOOM_BODY), ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL),
            Ok(())
        );
        // Stale and wrongly signed: Mismatch, not Stale.
        assert_eq!(
            zoom(&zm_signed(NOW - 10_000, ZOOM_BODY), ZOOM_BODY, b"nope", NOW, ZOOM_TOL),
            Err(Reject::Mismatch)
        );
        // Hand-check value seen much later (Zoom's ~85 min retry horizon).
        assert_eq!(
            zoom(&zm("1700000000", ZOOM_SIG), ZOOM_BODY, ZOOM_SECRET, NOW + 5_100, ZOOM_TOL),
            Err(Reject::Stale { age_secs: 5_100 })
        );
    }

    #[test]
    fn zoom_zero_and_negative_tolerance() {
        let h = zm("1700000000", ZOOM_SIG);
        assert_eq!(zoom(&h, ZOOM_BODY, ZOOM_SECRET, NOW, 0), Ok(()));
        assert_eq!(zoom(&h, ZOOM_BODY, ZOOM_SECRET, NOW, -5), Ok(()));
        assert_eq!(
            zoom(&h, ZOOM_BODY, ZOOM_SECRET, NOW + 1, -5),
            Err(Reject::Stale { age_secs: 1 })
        );
    }

    #[test]
    fn zoom_docs_placeholder_is_malformed() {
        assert_eq!(ZOOM_DOCS_PLACEHOLDER.len(), 64); // "v0=" + 61 characters
        let h = zm("1700000000", ZOOM_DOCS_PLACEHOLDER);
        assert_eq!(
            zoom(&h, ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL),
            Err(Reject::Malformed("x-zm-signature"))
        );
    }

    #[test]
    fn zoom_malformed_signature() {
        let hex_only = ZOOM_SIG.strip_prefix("v0=").unwrap();
        for sig in [
            "garbage",
            hex_only,
            &format!("v1={hex_only}"),
            &format!("V0={hex_only}"),
            "v0=",
            "v0=xyz",
        ] {
            assert_eq!(
                zoom(&zm("1700000000", sig), ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL),
                Err(Reject::Malformed("x-zm-signature")),
                "{sig}"
            );
        }
        // Valid hex of the wrong length is simply not a match.
        assert_eq!(
            zoom(&zm("1700000000", "v0=abcd"), ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL),
            Err(Reject::Mismatch)
        );
        let h = with_raw(
            headers(&[("x-zm-request-timestamp", "1700000000")]),
            "x-zm-signature",
            b"v0=\xff\xfe",
        );
        assert_eq!(
            zoom(&h, ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL),
            Err(Reject::Malformed("x-zm-signature"))
        );
    }

    #[test]
    fn zoom_malformed_timestamp() {
        for ts in [
            "abc",
            "1700000000.0",
            "1700000000000.5",
            "-1",
            "+1700000000",
            "0x65",
            "1 700 000 000",
            "99999999999999999999",
        ] {
            assert_eq!(
                zoom(&zm(ts, ZOOM_SIG), ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL),
                Err(Reject::Malformed("x-zm-request-timestamp")),
                "{ts}"
            );
        }
        let h = with_raw(
            headers(&[("x-zm-signature", ZOOM_SIG)]),
            "x-zm-request-timestamp",
            b"17000000\x80",
        );
        assert_eq!(
            zoom(&h, ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL),
            Err(Reject::Malformed("x-zm-request-timestamp"))
        );
    }

    #[test]
    fn zoom_missing_headers() {
        let only_ts = headers(&[("x-zm-request-timestamp", "1700000000")]);
        assert_eq!(
            zoom(&only_ts, ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL),
            Err(Reject::Missing("x-zm-signature"))
        );
        let only_sig = headers(&[("x-zm-signature", ZOOM_SIG)]);
        assert_eq!(
            zoom(&only_sig, ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL),
            Err(Reject::Missing("x-zm-request-timestamp"))
        );
        assert_eq!(
            zoom(&HeaderMap::new(), ZOOM_BODY, ZOOM_SECRET, NOW, ZOOM_TOL),
            Err(Reject::Missing("x-zm-signature"))
        );
    }

    #[test]
    fn zoom_timestamp_extremes_do_not_overflow() {
        let max = i64::MAX.to_string();
        let mut msg = format!("v0:{max}:").into_bytes();
        msg.extend_from_slice(ZOOM_BODY);
        let h = zm(&max, &format!("v0={}", hmac_hex(ZOOM_SECRET, &msg)));
        assert_eq!(
            zoom(&h, ZOOM_BODY, ZOOM_SECRET, i64::MIN, i64::MAX),
            Err(Reject::Stale { age_secs: i64::MIN })
        );
        assert_eq!(
            zoom(&h, ZOOM_BODY, ZOOM_SECRET, 0, ZOOM_TOL),
            Err(Reject::Stale { age_secs: -i64::MAX })
        );
        let h = zm_signed(0, ZOOM_BODY);
        assert_eq!(zoom(&h, ZOOM_BODY, ZOOM_SECRET, i64::MAX, i64::MAX), Ok(()));
        assert_eq!(
            zoom(&h, ZOOM_BODY, ZOOM_SECRET, i64::MIN, i64::MAX),
            Err(Reject::Stale { age_secs: i64::MIN })
        );
    }

    // ---------------------------------------------------------------- Fireflies

    const FF_SECRET: &[u8] = b"fireflies-test-secret-01";
    const FF_BODY: &[u8] = br#"{"event":"meeting.transcribed"}"#;
    const FF_HEX: &str = "296f0c6718055f1a3825cfc6e867dcc693e072798e4340e67d8962f809088f8b";

    fn ff(value: &str) -> HeaderMap {
        headers(&[("x-hub-signature", value)])
    }

    #[test]
    fn fireflies_hand_check_with_prefix() {
        assert_eq!(hmac_hex(FF_SECRET, FF_BODY), FF_HEX);
        assert_eq!(fireflies(&ff(&format!("sha256={FF_HEX}")), FF_BODY, FF_SECRET), Ok(()));
    }

    #[test]
    fn fireflies_hand_check_bare_hex() {
        assert_eq!(fireflies(&ff(FF_HEX), FF_BODY, FF_SECRET), Ok(()));
        assert_eq!(fireflies(&ff(&FF_HEX.to_uppercase()), FF_BODY, FF_SECRET), Ok(()));
    }

    #[test]
    fn fireflies_header_name_is_case_insensitive() {
        let mut h = HeaderMap::new();
        h.insert(
            HeaderName::from_bytes(b"X-Hub-Signature").unwrap(),
            format!("sha256={FF_HEX}").parse().unwrap(),
        );
        assert_eq!(fireflies(&h, FF_BODY, FF_SECRET), Ok(()));
    }

    #[test]
    fn fireflies_tampered_body_and_wrong_secret() {
        let h = ff(&format!("sha256={FF_HEX}"));
        assert_eq!(
            fireflies(&h, br#"{"event":"meeting.summarized"}"#, FF_SECRET),
            Err(Reject::Mismatch)
        );
        assert_eq!(
            fireflies(&h, b"{\"event\": \"meeting.transcribed\"}", FF_SECRET),
            Err(Reject::Mismatch)
        );
        assert_eq!(fireflies(&h, FF_BODY, b"fireflies-test-secret-02"), Err(Reject::Mismatch));
        assert_eq!(fireflies(&ff(&"0".repeat(64)), FF_BODY, FF_SECRET), Err(Reject::Mismatch));
        // Right length minus one byte.
        assert_eq!(fireflies(&ff(&FF_HEX[..62]), FF_BODY, FF_SECRET), Err(Reject::Mismatch));
    }

    #[test]
    fn fireflies_has_no_timestamp_so_old_requests_verify() {
        // Documented property of the scheme: replay defence lives elsewhere.
        assert_eq!(fireflies(&ff(FF_HEX), FF_BODY, FF_SECRET), Ok(()));
    }

    #[test]
    fn fireflies_malformed() {
        for value in [
            "garbage",
            "sha256=",
            "sha256=xyz",
            &format!("sha1={FF_HEX}"),
            &format!("SHA256={FF_HEX}"),
            &format!("sha256=sha256={FF_HEX}"),
            &FF_HEX[..63],
        ] {
            assert_eq!(
                fireflies(&ff(value), FF_BODY, FF_SECRET),
                Err(Reject::Malformed("x-hub-signature")),
                "{value}"
            );
        }
        let h = with_raw(HeaderMap::new(), "x-hub-signature", b"sha256=\xc3\xa9");
        assert_eq!(fireflies(&h, FF_BODY, FF_SECRET), Err(Reject::Malformed("x-hub-signature")));
    }

    #[test]
    fn fireflies_missing() {
        let h = headers(&[("x-fireflies-signature", FF_HEX)]);
        assert_eq!(fireflies(&h, FF_BODY, FF_SECRET), Err(Reject::Missing("x-hub-signature")));
    }

    // ---------------------------------------------------------------- Standard Webhooks

    const SW1_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const SW1_ID: &str = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    const SW1_TS: &str = "1614265330";
    const SW1_NOW: i64 = 1_614_265_330;
    const SW1_BODY: &[u8] = br#"{"test": 2432232314}"#;
    const SW1_SIG: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    const SW1_NEAR_MISS: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=";
    const SW1_DECOY: &str = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
    const SW1_DECOY_V2: &str = "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";

    const SW2_SECRET: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    const SW2_ID: &str = "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk";
    const SW2_TS: &str = "1649367553";
    const SW2_NOW: i64 = 1_649_367_553;
    const SW2_BODY: &[u8] = br#"{"email":"test@example.com","username":"test_user"}"#;
    const SW2_SIG: &str = "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=";

    const SW_TOL: i64 = 300;

    fn sw(id: &str, ts: &str, sig: &str) -> HeaderMap {
        headers(&[("webhook-id", id), ("webhook-timestamp", ts), ("webhook-signature", sig)])
    }

    fn sw1_key() -> Vec<Vec<u8>> {
        vec![decode_whsec(SW1_SECRET).unwrap()]
    }

    fn sw1_signed(ts: i64) -> HeaderMap {
        let key = decode_whsec(SW1_SECRET).unwrap();
        let mut msg = format!("{SW1_ID}.{ts}.").into_bytes();
        msg.extend_from_slice(SW1_BODY);
        sw(SW1_ID, &ts.to_string(), &format!("v1,{}", hmac_b64(&key, &msg)))
    }

    #[test]
    fn standard_published_example_python() {
        let h = sw(SW1_ID, SW1_TS, SW1_SIG);
        assert_eq!(standard(&h, SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL), Ok(()));
    }

    #[test]
    fn standard_published_example_rust() {
        let h = sw(SW2_ID, SW2_TS, SW2_SIG);
        let keys = vec![decode_whsec(SW2_SECRET).unwrap()];
        assert_eq!(standard(&h, SW2_BODY, &keys, SW2_NOW, SW_TOL), Ok(()));
        // The other example's key does not verify it.
        assert_eq!(standard(&h, SW2_BODY, &sw1_key(), SW2_NOW, SW_TOL), Err(Reject::Mismatch));
    }

    #[test]
    fn standard_near_miss_fails() {
        let h = sw(SW1_ID, SW1_TS, SW1_NEAR_MISS);
        assert_eq!(standard(&h, SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL), Err(Reject::Mismatch));
    }

    #[test]
    fn standard_tampered_body_id_or_timestamp() {
        let h = sw(SW1_ID, SW1_TS, SW1_SIG);
        assert_eq!(
            standard(&h, br#"{"test": 2432232315}"#, &sw1_key(), SW1_NOW, SW_TOL),
            Err(Reject::Mismatch)
        );
        let h = sw("msg_p5jXN8AQM9LWM0D4loKWxJeK", SW1_TS, SW1_SIG);
        assert_eq!(standard(&h, SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL), Err(Reject::Mismatch));
        let h = sw(SW1_ID, "1614265331", SW1_SIG);
        assert_eq!(standard(&h, SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL), Err(Reject::Mismatch));
    }

    #[test]
    fn standard_wrong_key() {
        let h = sw(SW1_ID, SW1_TS, SW1_SIG);
        let keys = vec![decode_whsec(SW2_SECRET).unwrap()];
        assert_eq!(standard(&h, SW1_BODY, &keys, SW1_NOW, SW_TOL), Err(Reject::Mismatch));
        // The literal "whsec_..." string as key (a known sender bug) does not verify.
        let literal = vec![SW1_SECRET.as_bytes().to_vec()];
        assert_eq!(standard(&h, SW1_BODY, &literal, SW1_NOW, SW_TOL), Err(Reject::Mismatch));
        // No secrets at all: fail closed.
        assert_eq!(standard(&h, SW1_BODY, &[], SW1_NOW, SW_TOL), Err(Reject::Mismatch));
    }

    #[test]
    fn standard_any_secret_matches() {
        let h = sw(SW1_ID, SW1_TS, SW1_SIG);
        let keys = vec![decode_whsec(SW2_SECRET).unwrap(), decode_whsec(SW1_SECRET).unwrap()];
        assert_eq!(standard(&h, SW1_BODY, &keys, SW1_NOW, SW_TOL), Ok(()));
    }

    #[test]
    fn standard_multi_signature_python_style() {
        // Valid signature among a v1 decoy and its v2 twin.
        let sig = format!("{SW1_DECOY} {SW1_SIG} {SW1_DECOY_V2}");
        let h = sw(SW1_ID, SW1_TS, &sig);
        assert_eq!(standard(&h, SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL), Ok(()));
    }

    #[test]
    fn standard_multi_signature_rust_style() {
        let sig = format!("{SW1_DECOY} {SW1_NEAR_MISS} {SW1_SIG} {SW1_DECOY}");
        let h = sw(SW1_ID, SW1_TS, &sig);
        assert_eq!(standard(&h, SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL), Ok(()));
        // Extra whitespace between entries is tolerated.
        let sig = format!("{SW1_DECOY}   {SW1_SIG}");
        let h = sw(SW1_ID, SW1_TS, &sig);
        assert_eq!(standard(&h, SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL), Ok(()));
    }

    #[test]
    fn standard_decoys_alone_fail() {
        let sig = format!("{SW1_DECOY} {SW1_NEAR_MISS} {SW1_DECOY_V2}");
        let h = sw(SW1_ID, SW1_TS, &sig);
        assert_eq!(standard(&h, SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL), Err(Reject::Mismatch));
    }

    #[test]
    fn standard_non_v1_entries_are_skipped() {
        // The valid MAC under "v2," or "v1a," does not count.
        let b64 = SW1_SIG.strip_prefix("v1,").unwrap();
        for sig in [
            format!("v2,{b64}"),
            format!("v1a,{b64}"),
            format!("V1,{b64}"),
            b64.to_owned(),
            format!("v2,{b64} v1a,{b64}"),
        ] {
            assert_eq!(
                standard(&sw(SW1_ID, SW1_TS, &sig), SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL),
                Err(Reject::Malformed("webhook-signature")),
                "{sig}"
            );
        }
        // Skipped entries never block a valid one.
        let sig = format!("v2,{b64} garbage v1,!!!notbase64!!! v1, {SW1_SIG}");
        assert_eq!(
            standard(&sw(SW1_ID, SW1_TS, &sig), SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL),
            Ok(())
        );
    }

    #[test]
    fn standard_bad_base64_entries_skipped_then_malformed() {
        for sig in [
            "garbage",
            "v1,!!!",
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE==",
            "v1,g0hM9SsE-OTPJTGt_tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            "v1,",
            "v1,=",
        ] {
            assert_eq!(
                standard(&sw(SW1_ID, SW1_TS, sig), SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL),
                Err(Reject::Malformed("webhook-signature")),
                "{sig}"
            );
        }
    }

    #[test]
    fn standard_unpadded_signature_accepted() {
        let sig = SW1_SIG.trim_end_matches('=');
        let h = sw(SW1_ID, SW1_TS, sig);
        assert_eq!(standard(&h, SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL), Ok(()));
    }

    #[test]
    fn standard_wrong_length_signature_is_mismatch() {
        let h = sw(SW1_ID, SW1_TS, "v1,AAAA");
        assert_eq!(standard(&h, SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL), Err(Reject::Mismatch));
    }

    #[test]
    fn standard_stale_and_boundaries() {
        let keys = sw1_key();
        assert_eq!(
            standard(&sw1_signed(SW1_NOW - 301), SW1_BODY, &keys, SW1_NOW, SW_TOL),
            Err(Reject::Stale { age_secs: 301 })
        );
        assert_eq!(
            standard(&sw1_signed(SW1_NOW + 301), SW1_BODY, &keys, SW1_NOW, SW_TOL),
            Err(Reject::Stale { age_secs: -301 })
        );
        assert_eq!(standard(&sw1_signed(SW1_NOW - 300), SW1_BODY, &keys, SW1_NOW, SW_TOL), Ok(()));
        assert_eq!(standard(&sw1_signed(SW1_NOW + 300), SW1_BODY, &keys, SW1_NOW, SW_TOL), Ok(()));
        // The published example checked at today's time: correctly signed but stale.
        let h = sw(SW1_ID, SW1_TS, SW1_SIG);
        assert_eq!(
            standard(&h, SW1_BODY, &keys, NOW, SW_TOL),
            Err(Reject::Stale { age_secs: NOW - SW1_NOW })
        );
        // Stale and wrongly signed: Mismatch.
        let h = sw(SW1_ID, SW1_TS, SW1_DECOY);
        assert_eq!(standard(&h, SW1_BODY, &keys, NOW, SW_TOL), Err(Reject::Mismatch));
    }

    #[test]
    fn standard_dots_in_id_or_timestamp_are_malformed() {
        let h = sw("msg.p5jX", SW1_TS, SW1_SIG);
        assert_eq!(
            standard(&h, SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL),
            Err(Reject::Malformed("webhook-id"))
        );
        let h = sw(SW1_ID, "1614265330.0", SW1_SIG);
        assert_eq!(
            standard(&h, SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL),
            Err(Reject::Malformed("webhook-timestamp"))
        );
    }

    #[test]
    fn standard_malformed_headers() {
        for ts in ["abc", "", "-1614265330", "1.6e9", "99999999999999999999"] {
            assert_eq!(
                standard(&sw(SW1_ID, ts, SW1_SIG), SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL),
                Err(Reject::Malformed("webhook-timestamp")),
                "{ts}"
            );
        }
        assert_eq!(
            standard(&sw("", SW1_TS, SW1_SIG), SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL),
            Err(Reject::Malformed("webhook-id"))
        );
        assert_eq!(
            standard(&sw(SW1_ID, SW1_TS, ""), SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL),
            Err(Reject::Malformed("webhook-signature"))
        );
        let h = with_raw(
            headers(&[("webhook-timestamp", SW1_TS), ("webhook-signature", SW1_SIG)]),
            "webhook-id",
            b"msg_\xff",
        );
        assert_eq!(
            standard(&h, SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL),
            Err(Reject::Malformed("webhook-id"))
        );
        // A repeated id is ambiguous.
        let mut h = sw(SW1_ID, SW1_TS, SW1_SIG);
        h.append("webhook-id", "msg_other".parse().unwrap());
        assert_eq!(
            standard(&h, SW1_BODY, &sw1_key(), SW1_NOW, SW_TOL),
            Err(Reject::Malformed("webhook-id"))
        );
    }

    #[test]
    fn standard_missing_headers() {
        let keys = sw1_key();
        let h = headers(&[("webhook-timestamp", SW1_TS), ("webhook-signature", SW1_SIG)]);
        assert_eq!(
            standard(&h, SW1_BODY, &keys, SW1_NOW, SW_TOL),
            Err(Reject::Missing("webhook-id"))
        );
        let h = headers(&[("webhook-id", SW1_ID), ("webhook-signature", SW1_SIG)]);
        assert_eq!(
            standard(&h, SW1_BODY, &keys, SW1_NOW, SW_TOL),
            Err(Reject::Missing("webhook-timestamp"))
        );
        let h = headers(&[("webhook-id", SW1_ID), ("webhook-timestamp", SW1_TS)]);
        assert_eq!(
            standard(&h, SW1_BODY, &keys, SW1_NOW, SW_TOL),
            Err(Reject::Missing("webhook-signature"))
        );
        assert_eq!(
            standard(&HeaderMap::new(), SW1_BODY, &keys, SW1_NOW, SW_TOL),
            Err(Reject::Missing("webhook-signature"))
        );
    }

    // ---------------------------------------------------------------- decode_whsec

    #[test]
    fn decode_whsec_with_and_without_prefix() {
        let with = decode_whsec(SW1_SECRET).unwrap();
        let without = decode_whsec(SW1_SECRET.strip_prefix("whsec_").unwrap()).unwrap();
        assert_eq!(with, without);
        assert_eq!(with.len(), 24);
        assert_eq!(with[..3], [0x31, 0xf2, 0x90]);
    }

    #[test]
    fn decode_whsec_padded_and_unpadded() {
        // "AQID" = [1, 2, 3]; "AQI" / "AQI=" = [1, 2].
        assert_eq!(decode_whsec("whsec_AQID").unwrap(), vec![1, 2, 3]);
        assert_eq!(decode_whsec("whsec_AQI=").unwrap(), vec![1, 2]);
        assert_eq!(decode_whsec("whsec_AQI").unwrap(), vec![1, 2]);
        assert_eq!(decode_whsec("AQ==").unwrap(), vec![1]);
        assert_eq!(decode_whsec("AQ").unwrap(), vec![1]);
        assert_eq!(decode_whsec("  whsec_AQID\n").unwrap(), vec![1, 2, 3]);
    }

    #[test]
    fn decode_whsec_bad_input() {
        for bad in [
            "",
            "whsec_",
            "   ",
            "whsec_!!!!",
            "whsec_abc$def",
            "whsec_A",
            "whsec_AQ-_",
            "whsk_AQID",
            "whsec_AQID===",
            "whsec_whsec_AQID",
        ] {
            assert!(decode_whsec(bad).is_err(), "{bad:?} should be rejected");
        }
        let err = decode_whsec("whsec_s3cr3t!value").unwrap_err();
        assert!(!err.contains("s3cr3t"), "error leaks the secret: {err}");
    }

    // ---------------------------------------------------------------- shared_secret

    fn x_webhook_secret() -> HeaderName {
        HeaderName::from_static("x-webhook-secret")
    }

    #[test]
    fn shared_secret_match() {
        let h = headers(&[("x-webhook-secret", "correct horse battery staple")]);
        assert_eq!(shared_secret(&h, &x_webhook_secret(), "correct horse battery staple"), Ok(()));
        // Configured (mixed-case) names are normalised by HeaderName::from_bytes.
        let name = HeaderName::from_bytes(b"X-Custom-Token").unwrap();
        let h = headers(&[("x-custom-token", "tok-123")]);
        assert_eq!(shared_secret(&h, &name, "tok-123"), Ok(()));
    }

    #[test]
    fn shared_secret_mismatch() {
        let h = headers(&[("x-webhook-secret", "correct horse battery staple")]);
        for secret in [
            "correct horse battery stapl",
            "correct horse battery staple!",
            "Correct horse battery staple",
            "x",
        ] {
            assert_eq!(
                shared_secret(&h, &x_webhook_secret(), secret),
                Err(Reject::Mismatch),
                "{secret}"
            );
        }
    }

    #[test]
    fn shared_secret_empty_never_matches() {
        let h = headers(&[("x-webhook-secret", "")]);
        assert_eq!(shared_secret(&h, &x_webhook_secret(), ""), Err(Reject::Mismatch));
        assert_eq!(shared_secret(&h, &x_webhook_secret(), "s"), Err(Reject::Mismatch));
    }

    #[test]
    fn shared_secret_missing() {
        let h = headers(&[("x-other", "value")]);
        assert_eq!(
            shared_secret(&h, &x_webhook_secret(), "value"),
            Err(Reject::Missing("x-webhook-secret"))
        );
        let name = HeaderName::from_static("x-custom-token");
        assert_eq!(shared_secret(&h, &name, "value"), Err(Reject::Missing("shared secret header")));
    }

    #[test]
    fn shared_secret_malformed() {
        let h = with_raw(HeaderMap::new(), "x-webhook-secret", b"caf\xc3\xa9");
        assert_eq!(
            shared_secret(&h, &x_webhook_secret(), "café"),
            Err(Reject::Malformed("x-webhook-secret"))
        );
        let mut h = headers(&[("x-webhook-secret", "a")]);
        h.append("x-webhook-secret", "a".parse().unwrap());
        assert_eq!(
            shared_secret(&h, &x_webhook_secret(), "a"),
            Err(Reject::Malformed("x-webhook-secret"))
        );
        let name = HeaderName::from_static("x-custom-token");
        let h = with_raw(HeaderMap::new(), "x-custom-token", b"\x80");
        assert_eq!(shared_secret(&h, &name, "x"), Err(Reject::Malformed("shared secret header")));
    }
}
