//! `POST /webhooks/{provider}` on the real listener and `leadctl webhooks list|show|replay`:
//! Calendly, Zoom, Fireflies and a Standard Webhooks sender, signed here with the documented
//! schemes (HMAC-SHA256 over the raw body, timestamps from the real clock); the shared-secret
//! layer; Zoom's URL validation challenge; duplicates; what a delivery changes in the database
//! (read with rusqlite); replays; and what the server logs (and never logs).

use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::common::{TestEnv, keys, sorted};
use crate::server::*;

type HmacSha256 = Hmac<Sha256>;

const CAL_KEY: &str = "cal-signing-key-7d1e94a0";
const ZOOM_TOKEN: &str = "zoom-secret-token-5c2a81f3";
const FF_SECRET: &str = "fireflies-signing-3b9f07aa";
/// Standard Webhooks' published test secret (reference, section 4).
const ACME_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
/// Another valid secret: signing with it is signing with the wrong key.
const OTHER_WHSEC: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
const ZOOM_SHARED: &str = "zoom-shared-secret-e4b6c2d9";

const EVENT_URI: &str = "https://api.calendly.com/scheduled_events/CCCC7f3a9d21";
const INVITEE_URI: &str =
    "https://api.calendly.com/scheduled_events/CCCC7f3a9d21/invitees/BBBB5e8c1b04";
const INVITEE: &str = "jordan.lee@example.com";

// helpers ---------------------------------------------------------------------------------

fn hmac_raw(key: &[u8], msg: &[u8]) -> Vec<u8> {
    let mut mac = HmacSha256::new_from_slice(key).unwrap();
    mac.update(msg);
    mac.finalize().into_bytes().to_vec()
}

fn hmac_hex(key: &[u8], msg: &[u8]) -> String {
    hex::encode(hmac_raw(key, msg))
}

/// The current Unix time in seconds.
fn now() -> i64 {
    i64::try_from(SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs()).unwrap()
}

type Headers = Vec<(String, String)>;

fn h(pairs: &[(&str, &str)]) -> Headers {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// `Calendly-Webhook-Signature: t=<t>,v1=<hex hmac of "<t>.<body>">`.
fn cal_value(key: &str, t: i64, body: &str) -> String {
    format!("t={t},v1={}", hmac_hex(key.as_bytes(), format!("{t}.{body}").as_bytes()))
}

fn cal_sig(key: &str, t: i64, body: &str) -> Headers {
    h(&[("Calendly-Webhook-Signature", &cal_value(key, t, body))])
}

/// `v0=<hex hmac of "v0:<ts>:<body>">`.
fn zoom_value(key: &str, ts: &str, body: &str) -> String {
    format!("v0={}", hmac_hex(key.as_bytes(), format!("v0:{ts}:{body}").as_bytes()))
}

fn zoom_sig(key: &str, ts: i64, body: &str) -> Headers {
    let ts = ts.to_string();
    h(&[("x-zm-request-timestamp", &ts), ("x-zm-signature", &zoom_value(key, &ts, body))])
}

fn ff_value(key: &str, body: &str) -> String {
    format!("sha256={}", hmac_hex(key.as_bytes(), body.as_bytes()))
}

fn ff_sig(key: &str, body: &str) -> Headers {
    h(&[("X-Hub-Signature", &ff_value(key, body))])
}

/// `v1,<base64 hmac of "<id>.<ts>.<body>">`, keyed with the decoded `whsec_` secret.
fn std_value(secret: &str, id: &str, ts: &str, body: &str) -> String {
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap())
        .unwrap();
    let tag = hmac_raw(&key, format!("{id}.{ts}.{body}").as_bytes());
    format!("v1,{}", base64::engine::general_purpose::STANDARD.encode(tag))
}

fn std_sig(secret: &str, id: &str, ts: i64, body: &str) -> Headers {
    let ts = ts.to_string();
    h(&[
        ("webhook-id", id),
        ("webhook-timestamp", &ts),
        ("webhook-signature", &std_value(secret, id, &ts, body)),
    ])
}

/// Every signing key configured, plus the ingest token.
fn signed_vars() -> Vec<(&'static str, &'static str)> {
    let mut v = token_env().to_vec();
    v.extend([
        ("CALENDLY_SIGNING_KEY", CAL_KEY),
        ("ZOOM_SECRET_TOKEN", ZOOM_TOKEN),
        ("FIREFLIES_SIGNING_SECRET", FF_SECRET),
        ("LEADCTL_WEBHOOK_SENDERS", "acme=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
    ]);
    v
}

/// The ingest token plus `vars`.
fn with_token<'a>(vars: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v = token_env().to_vec();
    v.extend_from_slice(vars);
    v
}

/// POSTs `body` to /webhooks/`provider` with `headers` (and a JSON content type).
fn hook(srv: &Server, provider: &str, headers: &[(String, String)], body: &str) -> Resp {
    let mut hs: Vec<(&str, &str)> = vec![("Content-Type", "application/json")];
    hs.extend(headers.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    post(&one_shot(), &srv.url(&format!("/webhooks/{provider}")), &hs, body)
        .unwrap_or_else(|e| panic!("POST failed: {e}\nserver log:\n{}", srv.log()))
}

/// Asserts a 200 {"deliveryId", "status"} with this status; returns the delivery id.
fn delivered(r: &Resp, status: &str) -> i64 {
    assert_eq!(r.status, 200, "{r:?}");
    let doc = r.json();
    assert_eq!(keys(&doc), sorted(&["deliveryId", "status"]), "{doc}");
    assert_eq!(doc["status"], status, "{doc}");
    let id = doc["deliveryId"].as_i64().unwrap_or_else(|| panic!("deliveryId: {doc}"));
    assert!(id > 0, "{doc}");
    id
}

/// Asserts a 401 with this error code, and that the body carries no token of Zoom's challenge.
fn refused(r: &Resp, code: &str) {
    r.error(401, code);
    assert!(!r.body.contains("encryptedToken"), "{r:?}");
}

/// One integer from SQL.
fn n(env: &TestEnv, sql: &str) -> i64 {
    env.sql().query_row(sql, [], |r| r.get(0)).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn deliveries(env: &TestEnv) -> i64 {
    n(env, "SELECT count(*) FROM webhook_deliveries")
}

/// The seq of the lead with this (normalised) email.
fn seq_of(env: &TestEnv, email: &str) -> i64 {
    env.sql()
        .query_row("SELECT seq FROM leads WHERE email_norm = ?1", [email], |r| r.get(0))
        .unwrap_or_else(|e| panic!("no lead {email}: {e}"))
}

/// (email, phone, lead_seq) of every attendee, in insertion order.
fn attendees(env: &TestEnv) -> Vec<(Option<String>, Option<String>, Option<i64>)> {
    let conn = env.sql();
    let mut st =
        conn.prepare("SELECT email, phone, lead_seq FROM meeting_attendees ORDER BY id").unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// (provider, external_ref, status) of every meeting.
fn meetings(env: &TestEnv) -> Vec<(String, String, Option<String>)> {
    let conn = env.sql();
    let mut st =
        conn.prepare("SELECT provider, external_ref, status FROM meetings ORDER BY id").unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// (lead_seq, kind, provider) of every lead event a provider recorded.
fn provider_events(env: &TestEnv) -> Vec<(i64, String, String)> {
    let conn = env.sql();
    let mut st = conn
        .prepare(
            "SELECT lead_seq, kind, provider FROM message_events \
             WHERE provider_event_id IS NOT NULL ORDER BY id",
        )
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Row counts that a replay must not change.
fn counts(env: &TestEnv) -> [i64; 6] {
    [
        n(env, "SELECT count(*) FROM leads"),
        n(env, "SELECT count(*) FROM meetings"),
        n(env, "SELECT count(*) FROM meeting_attendees"),
        n(env, "SELECT count(*) FROM meeting_attendees WHERE lead_seq IS NOT NULL"),
        n(env, "SELECT count(*) FROM message_events"),
        n(env, "SELECT count(*) FROM webhook_deliveries"),
    ]
}

/// A Calendly delivery shaped like the reference's realistic `invitee.created`.
fn calendly_body(event: &str, email: &str, invitee_uri: &str) -> String {
    let canceled = event == "invitee.canceled";
    let mut payload = json!({
        "email": email, "name": "Jordan Lee", "first_name": "Jordan", "last_name": "Lee",
        "status": if canceled { "canceled" } else { "active" },
        "rescheduled": false, "old_invitee": null, "new_invitee": null,
        "timezone": "America/New_York",
        "questions_and_answers": [{"question": "Company", "answer": "Acme Robotics", "position": 0}],
        "tracking": {"utm_source": "google", "utm_medium": "cpc", "utm_campaign": "q1-launch",
                     "utm_content": null, "utm_term": null, "salesforce_uuid": null},
        "cancel_url": "https://calendly.com/cancellations/BBBB5e8c1b04",
        "reschedule_url": "https://calendly.com/reschedulings/BBBB5e8c1b04",
        "scheduled_event": {
            "uri": EVENT_URI, "name": "30 Minute Discovery Call",
            "status": if canceled { "canceled" } else { "active" },
            "start_time": "2026-01-08T15:00:00.000000Z", "end_time": "2026-01-08T15:30:00.000000Z",
            "location": {"type": "zoom", "join_url": "https://us02web.zoom.us/j/81234567890"}
        },
        "uri": invitee_uri
    });
    if canceled {
        payload["cancellation"] = json!({"canceled_by": "Jordan Lee", "canceler_type": "invitee",
            "reason": "double booked", "created_at": "2026-01-02T09:00:00.000000Z"});
    }
    json!({
        "created_at": "2026-01-01T11:59:52.000000Z",
        "created_by": "https://api.calendly.com/users/AAAAAAAAAAAAAAAA",
        "event": event,
        "payload": payload
    })
    .to_string()
}

/// A Zoom meeting event with participants.
fn zoom_body(event: &str, uuid: &str, event_ts: i64, participants: Value) -> String {
    json!({
        "event": event,
        "event_ts": event_ts,
        "payload": {"account_id": "AAAA1111", "object": {
            "uuid": uuid, "id": "81234567890", "topic": "Discovery call",
            "start_time": "2026-01-08T15:00:00Z", "participants": participants
        }}
    })
    .to_string()
}

fn fireflies_body(event: &str, meeting_id: &str, attendees: Value) -> String {
    json!({"event": event, "timestamp": 1_710_876_543_210_i64, "meeting_id": meeting_id,
           "title": "Discovery call", "attendees": attendees})
    .to_string()
}

fn acme_lead(email: &str) -> String {
    json!({"type": "lead.created", "timestamp": "2026-01-01T12:00:00Z",
           "data": {"name": "Sam Acme", "email": email, "company": "Acme"}})
    .to_string()
}

// 1 ----------------------------------------------------------------------------------------

#[test]
fn signing_helpers_reproduce_the_reference_hand_check_values() {
    // If these fail, the other tests' signatures prove nothing.
    assert_eq!(
        cal_value("calendly-test-key", 1_700_000_000, r#"{"event":"invitee.created"}"#),
        "t=1700000000,v1=eae6b46584e3adf786d5c63da9fb1f0f6d70f38ad2c3105255cd688a477f6aee"
    );
    assert_eq!(
        zoom_value("zoom-test-secret", "1700000000", r#"{"event":"meeting.started"}"#),
        "v0=6bc8fdfa3bbe4f5d1ad90d99219d95b3e9a5399213229c8f9e4d591bdf5e4b02"
    );
    assert_eq!(
        ff_value("fireflies-test-secret-01", r#"{"event":"meeting.transcribed"}"#),
        "sha256=296f0c6718055f1a3825cfc6e867dcc693e072798e4340e67d8962f809088f8b"
    );
    assert_eq!(
        std_value(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            "1614265330",
            r#"{"test": 2432232314}"#
        ),
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    );
    assert_eq!(
        hmac_hex(b"zoom-test-secret", b"qgg8vlvZRS6UYooatFL8Aw"),
        "ae7c940e5051b2a17c1c49f4818fff9a88e210f5d820ff3c862635e27c93a4d9"
    );
}

// 2 ----------------------------------------------------------------------------------------

#[test]
fn an_unknown_provider_is_a_json_404_and_stores_nothing() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &signed_vars());
    let body = r#"{"event":"invitee.created"}"#;
    for name in ["stripe", "Calendly", "calendly2", "acme-x"] {
        let r = hook(&srv, name, &cal_sig(CAL_KEY, now(), body), body);
        r.error(404, "unknown_provider");
    }
    // /webhooks without a provider is no route at all
    let r = post(&one_shot(), &srv.url("/webhooks/"), &[], body).unwrap();
    assert_eq!(r.status, 404, "{r:?}");
    assert_eq!(deliveries(&env), 0);
    srv.stop();
}

// 3 ----------------------------------------------------------------------------------------

#[test]
fn calendly_accepts_only_a_fresh_valid_signature_and_refusals_store_nothing() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &signed_vars());
    let body = calendly_body("invitee.created", INVITEE, INVITEE_URI);
    let t = now();
    let sig = hmac_hex(CAL_KEY.as_bytes(), format!("{t}.{body}").as_bytes());

    let tampered = body.replace("q1-launch", "q2-launch");
    refused(&hook(&srv, "calendly", &cal_sig(CAL_KEY, t, &body), &tampered), "bad_signature");
    refused(&hook(&srv, "calendly", &cal_sig("not-the-key", t, &body), &body), "bad_signature");
    // a signature made for another timestamp
    let moved = h(&[("Calendly-Webhook-Signature", &format!("t={},v1={sig}", t - 1))]);
    refused(&hook(&srv, "calendly", &moved, &body), "bad_signature");
    // stale: beyond the 5 minute default, in the past and in the future
    for off in [-330, -3600, 360, 86_400] {
        let r = hook(&srv, "calendly", &cal_sig(CAL_KEY, t + off, &body), &body);
        refused(&r, "stale_timestamp");
    }
    for bad in [
        format!("t=abc,v1={sig}"),
        format!("v1={sig}"),
        format!("t={t}"),
        format!("t={t},v1=not-hex"),
        format!("t=-{t},v1={sig}"),
        format!("t={t},t={t},v1={sig}"),
        sig.clone(),
        "garbage".to_string(),
    ] {
        let r = hook(&srv, "calendly", &h(&[("Calendly-Webhook-Signature", &bad)]), &body);
        refused(&r, "malformed_signature");
    }
    refused(&hook(&srv, "calendly", &[], &body), "missing_signature");
    // another provider's signature header is not Calendly's
    refused(&hook(&srv, "calendly", &ff_sig(CAL_KEY, &body), &body), "missing_signature");
    assert_eq!(deliveries(&env), 0, "a refused delivery was stored");
    assert_eq!(n(&env, "SELECT count(*) FROM leads"), 0);

    // Older than Calendly's sample 3 minutes but inside the 5 minute default: accepted.
    let r = hook(&srv, "calendly", &cal_sig(CAL_KEY, t - 240, &body), &body);
    let id = delivered(&r, "applied");
    assert_eq!(deliveries(&env), 1);
    let (provider, state, sig_ok, headers): (String, String, i64, String) = env
        .sql()
        .query_row(
            "SELECT provider, state, signature_ok, headers FROM webhook_deliveries WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!((provider.as_str(), state.as_str(), sig_ok), ("calendly", "applied", 1));
    let headers: Value = serde_json::from_str(&headers).unwrap();
    assert_eq!(headers["calendly-webhook-signature"], "(present)", "{headers}");
    assert!(!headers.to_string().contains(&sig[..16]), "{headers}");
    srv.stop();
}

// 4 ----------------------------------------------------------------------------------------

#[test]
fn zoom_accepts_only_a_fresh_valid_signature_and_refusals_store_nothing() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &signed_vars());
    let body = zoom_body("meeting.started", "gkABCDEnCkPuA==", 1_767_884_400_000, json!([]));
    let ts = now();
    let good = zoom_value(ZOOM_TOKEN, &ts.to_string(), &body);

    let tampered = body.replace("Discovery call", "Discovery calls");
    refused(&hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, ts, &body), &tampered), "bad_signature");
    refused(
        &hook(&srv, "zoom", &zoom_sig("zoom-secret-token-5c2a81f4", ts, &body), &body),
        "bad_signature",
    );
    // the signature of one timestamp under another
    let moved = h(&[("x-zm-request-timestamp", &(ts + 1).to_string()), ("x-zm-signature", &good)]);
    refused(&hook(&srv, "zoom", &moved, &body), "bad_signature");
    for off in [-330, -7200, 360] {
        refused(
            &hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, ts + off, &body), &body),
            "stale_timestamp",
        );
    }
    let tss = ts.to_string();
    // Zoom's docs placeholder (61 characters, an `s` in it), no v0= prefix, not hex, v1=
    for bad_sig in [
        "v0=a05d830fa017433bc47887f835a00b9ff33d3882f22f63a2986a8es270341".to_string(),
        good.trim_start_matches("v0=").to_string(),
        "v0=zzzz".to_string(),
        good.replace("v0=", "v1="),
        "v0=".to_string(),
    ] {
        let hs = h(&[("x-zm-request-timestamp", &tss), ("x-zm-signature", &bad_sig)]);
        refused(&hook(&srv, "zoom", &hs, &body), "malformed_signature");
    }
    for bad_ts in ["17e8", "-5", "1.5", "soon", "99999999999999999999999"] {
        let hs = h(&[
            ("x-zm-request-timestamp", bad_ts),
            ("x-zm-signature", &zoom_value(ZOOM_TOKEN, bad_ts, &body)),
        ]);
        refused(&hook(&srv, "zoom", &hs, &body), "malformed_signature");
    }
    refused(&hook(&srv, "zoom", &[], &body), "missing_signature");
    refused(
        &hook(&srv, "zoom", &h(&[("x-zm-request-timestamp", &tss)]), &body),
        "missing_signature",
    );
    refused(&hook(&srv, "zoom", &h(&[("x-zm-signature", &good)]), &body), "missing_signature");
    assert_eq!(deliveries(&env), 0, "a refused delivery was stored");
    assert_eq!(n(&env, "SELECT count(*) FROM meetings"), 0);

    let id = delivered(&hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, ts, &body), &body), "applied");
    assert_eq!(deliveries(&env), 1);
    let sig_ok = n(&env, &format!("SELECT signature_ok FROM webhook_deliveries WHERE id = {id}"));
    assert_eq!(sig_ok, 1);
    srv.stop();
}

// 5 ----------------------------------------------------------------------------------------

#[test]
fn fireflies_accepts_only_a_valid_signature_and_refusals_store_nothing() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &signed_vars());
    let body = fireflies_body("meeting.transcribed", "ASxwZxCstx", json!([]));
    let good = ff_value(FF_SECRET, &body);

    let tampered = body.replace("ASxwZxCstx", "ASxwZxCstX");
    refused(&hook(&srv, "fireflies", &ff_sig(FF_SECRET, &body), &tampered), "bad_signature");
    refused(
        &hook(&srv, "fireflies", &ff_sig("fireflies-signing-3b9f07ab", &body), &body),
        "bad_signature",
    );
    // a truncated digest is well-formed hex of the wrong length
    let short = h(&[("X-Hub-Signature", &good[..good.len() - 2])]);
    refused(&hook(&srv, "fireflies", &short, &body), "bad_signature");
    for bad in ["sha256=not-hex", "sha256=", "sha256=abc", "md5"] {
        let r = hook(&srv, "fireflies", &h(&[("X-Hub-Signature", bad)]), &body);
        refused(&r, "malformed_signature");
    }
    refused(&hook(&srv, "fireflies", &[], &body), "missing_signature");
    // correctly signed, but not a JSON object: 400, not stored
    for junk in ["not json", "[1,2]", ""] {
        hook(&srv, "fireflies", &ff_sig(FF_SECRET, junk), junk).error(400, "invalid_json");
    }
    assert_eq!(deliveries(&env), 0, "a refused delivery was stored");

    delivered(&hook(&srv, "fireflies", &ff_sig(FF_SECRET, &body), &body), "applied");
    // V1 sends the bare hex digest; same MAC
    let v1 = fireflies_body("meeting.transcribed", "V1meeting01", json!([]));
    let bare = h(&[("x-hub-signature", &hmac_hex(FF_SECRET.as_bytes(), v1.as_bytes()))]);
    delivered(&hook(&srv, "fireflies", &bare, &v1), "applied");
    assert_eq!(deliveries(&env), 2);
    srv.stop();
}

// 6 ----------------------------------------------------------------------------------------

#[test]
fn a_standard_webhooks_sender_is_verified_with_its_decoded_secret_and_creates_leads() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &signed_vars());
    let body = acme_lead("sam@acme.example");
    let ts = now();
    let tss = ts.to_string();
    let id = "msg_2mT8rLQ0a1";
    let good = std_value(ACME_SECRET, id, &tss, &body);

    let tampered = body.replace("Sam Acme", "Sam Acmf");
    refused(&hook(&srv, "acme", &std_sig(ACME_SECRET, id, ts, &body), &tampered), "bad_signature");
    refused(&hook(&srv, "acme", &std_sig(OTHER_WHSEC, id, ts, &body), &body), "bad_signature");
    // keyed with the literal `whsec_...` string instead of the decoded bytes
    let literal = base64::engine::general_purpose::STANDARD
        .encode(hmac_raw(ACME_SECRET.as_bytes(), format!("{id}.{tss}.{body}").as_bytes()));
    let hs = h(&[
        ("webhook-id", id),
        ("webhook-timestamp", &tss),
        ("webhook-signature", &format!("v1,{literal}")),
    ]);
    refused(&hook(&srv, "acme", &hs, &body), "bad_signature");
    // the signature of another message id
    let hs = h(&[
        ("webhook-id", "msg_other"),
        ("webhook-timestamp", &tss),
        ("webhook-signature", &good),
    ]);
    refused(&hook(&srv, "acme", &hs, &body), "bad_signature");
    for off in [-330, 360] {
        refused(
            &hook(&srv, "acme", &std_sig(ACME_SECRET, id, ts + off, &body), &body),
            "stale_timestamp",
        );
    }
    for bad_sig in ["v1,!!!not-base64!!!", "v2,abcd", "v1", "garbage", "v1a,abcd"] {
        let hs =
            h(&[("webhook-id", id), ("webhook-timestamp", &tss), ("webhook-signature", bad_sig)]);
        refused(&hook(&srv, "acme", &hs, &body), "malformed_signature");
    }
    // an id with a full stop cannot be signed unambiguously
    refused(
        &hook(&srv, "acme", &std_sig(ACME_SECRET, "msg.1", ts, &body), &body),
        "malformed_signature",
    );
    for missing in ["webhook-id", "webhook-timestamp", "webhook-signature"] {
        let hs: Headers =
            std_sig(ACME_SECRET, id, ts, &body).into_iter().filter(|(k, _)| k != missing).collect();
        refused(&hook(&srv, "acme", &hs, &body), "missing_signature");
    }
    assert_eq!(deliveries(&env), 0, "a refused delivery was stored");
    assert_eq!(n(&env, "SELECT count(*) FROM leads"), 0);

    // key rotation: decoys and an unknown version beside the valid entry
    let decoys = format!(
        "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= {good}"
    );
    let hs = h(&[("webhook-id", id), ("webhook-timestamp", &tss), ("webhook-signature", &decoys)]);
    delivered(&hook(&srv, "acme", &hs, &body), "applied");
    // the same message again (the sender's retry, new timestamp): not a second lead
    let r = hook(&srv, "acme", &std_sig(ACME_SECRET, id, ts + 1, &body), &body);
    delivered(&r, "duplicate");
    // a type leadctl does not map is stored, not applied
    let other = json!({"type": "invoice.paid", "data": {"amount": 5}}).to_string();
    delivered(
        &hook(&srv, "acme", &std_sig(ACME_SECRET, "msg_other_2", ts, &other), &other),
        "ignored",
    );
    assert_eq!(deliveries(&env), 2);
    srv.stop();

    let lead = env.show("sam@acme.example");
    assert_eq!(lead["first_name"], "Sam", "{lead}");
    assert_eq!(lead["last_name"], "Acme", "{lead}");
    assert_eq!(lead["company"], "Acme", "{lead}");
    assert_eq!(lead["source"], "acme", "{lead}");
    assert_eq!(lead["request_id"], format!("acme:{id}"), "{lead}");
    assert_eq!(env.count(), 1);

    // the same name twice: both keys verify (rotation); a third does not
    let env = TestEnv::new();
    let rotation = format!("acme={ACME_SECRET}, acme={OTHER_WHSEC}");
    let srv = Server::start(&env, &with_token(&[("LEADCTL_WEBHOOK_SENDERS", &rotation)]));
    let ts = now();
    let b = acme_lead("old.key@acme.example");
    delivered(&hook(&srv, "acme", &std_sig(ACME_SECRET, "msg_rot_1", ts, &b), &b), "applied");
    let b = acme_lead("new.key@acme.example");
    delivered(&hook(&srv, "acme", &std_sig(OTHER_WHSEC, "msg_rot_2", ts, &b), &b), "applied");
    let third = "whsec_dGhpcmQta2V5LW5vdC1jb25maWd1cmVkLTEyMzQ1";
    refused(&hook(&srv, "acme", &std_sig(third, "msg_rot_3", ts, &b), &b), "bad_signature");
    assert_eq!(deliveries(&env), 2);
    srv.stop();

    for (senders, says) in [
        ("calendly=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "built-in"),
        ("acme=whsec_***not-base64***", "acme"),
        ("acme", "whsec_"),
        ("bad name=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "bad name"),
    ] {
        let r = env.run_env(
            &["serve", "--listen", "127.0.0.1:0"],
            &with_token(&[("LEADCTL_WEBHOOK_SENDERS", senders)]),
        );
        r.error(2);
        assert!(r.stderr.contains(says), "{senders}: {}", r.stderr);
        for secret in ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "***not-base64***"] {
            assert!(!r.stderr.contains(secret), "the error shows the secret: {}", r.stderr);
        }
    }
}

// 7 ----------------------------------------------------------------------------------------

#[test]
fn the_timestamp_tolerance_can_be_narrowed_widened_and_is_validated() {
    let env = TestEnv::new();
    let srv = Server::start(
        &env,
        &with_token(&[
            ("CALENDLY_SIGNING_KEY", CAL_KEY),
            ("ZOOM_SECRET_TOKEN", ZOOM_TOKEN),
            ("LEADCTL_WEBHOOK_TOLERANCE", "60s"),
        ]),
    );
    let body = calendly_body("invitee.created", INVITEE, INVITEE_URI);
    let t = now();
    refused(&hook(&srv, "calendly", &cal_sig(CAL_KEY, t - 120, &body), &body), "stale_timestamp");
    refused(&hook(&srv, "calendly", &cal_sig(CAL_KEY, t + 120, &body), &body), "stale_timestamp");
    let zb = zoom_body("meeting.started", "tol-narrow==", 1, json!([]));
    refused(&hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, t - 120, &zb), &zb), "stale_timestamp");
    assert_eq!(deliveries(&env), 0);
    delivered(&hook(&srv, "calendly", &cal_sig(CAL_KEY, t - 20, &body), &body), "applied");
    srv.stop();

    let env = TestEnv::new();
    let srv = Server::start(
        &env,
        &with_token(&[("ZOOM_SECRET_TOKEN", ZOOM_TOKEN), ("LEADCTL_WEBHOOK_TOLERANCE", "2h")]),
    );
    let t = now();
    let old = zoom_body("meeting.started", "tol-wide==", 2, json!([]));
    // an hour old: stale by default, fine within 2h
    delivered(&hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, t - 3600, &old), &old), "applied");
    let older = zoom_body("meeting.started", "tol-wide==", 3, json!([]));
    refused(
        &hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, t - 7300, &older), &older),
        "stale_timestamp",
    );
    refused(
        &hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, t + 7300, &older), &older),
        "stale_timestamp",
    );
    assert_eq!(deliveries(&env), 1);
    srv.stop();

    for bad in ["0s", "8d", "soon"] {
        let r = env.run_env(
            &["serve", "--listen", "127.0.0.1:0"],
            &with_token(&[("LEADCTL_WEBHOOK_TOLERANCE", bad)]),
        );
        r.error(2);
        assert!(r.stderr.contains("tolerance"), "{bad}: {}", r.stderr);
    }
}

// 8 ----------------------------------------------------------------------------------------

#[test]
fn a_zoom_shared_secret_must_be_sent_and_right_and_stacks_with_the_signature() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &with_token(&[("ZOOM_PROVIDER_SECRET", ZOOM_SHARED)]));
    let body = |n: i64| zoom_body("meeting.started", "shared-1==", n, json!([]));
    refused(&hook(&srv, "zoom", &[], &body(1)), "bad_shared_secret");
    let wrong = h(&[("X-Webhook-Secret", "zoom-shared-secret-e4b6c2d8")]);
    refused(&hook(&srv, "zoom", &wrong, &body(1)), "bad_shared_secret");
    let empty = h(&[("X-Webhook-Secret", "")]);
    refused(&hook(&srv, "zoom", &empty, &body(1)), "bad_shared_secret");
    // a prefix of the secret is not the secret
    let prefix = h(&[("X-Webhook-Secret", &ZOOM_SHARED[..10])]);
    refused(&hook(&srv, "zoom", &prefix, &body(1)), "bad_shared_secret");
    // a valid Zoom signature does not replace the configured shared secret
    let b = body(1);
    refused(&hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, now(), &b), &b), "bad_shared_secret");
    // other providers are still not configured
    refused(&hook(&srv, "calendly", &wrong, &body(1)), "provider_not_configured");
    assert_eq!(deliveries(&env), 0);

    let right = h(&[("X-Webhook-Secret", ZOOM_SHARED)]);
    let id = delivered(&hook(&srv, "zoom", &right, &body(1)), "applied");
    // header names are case-insensitive
    let lower = h(&[("x-webhook-secret", ZOOM_SHARED)]);
    delivered(&hook(&srv, "zoom", &lower, &body(2)), "applied");
    let (sig_ok, headers): (i64, String) = env
        .sql()
        .query_row(
            "SELECT signature_ok, headers FROM webhook_deliveries WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(sig_ok, 0, "accepted on the shared secret alone");
    assert!(!headers.contains(ZOOM_SHARED), "the stored headers keep the secret: {headers}");
    assert_eq!(
        serde_json::from_str::<Value>(&headers).unwrap()["x-webhook-secret"],
        "(present)",
        "{headers}"
    );
    let log = srv.stop();
    assert!(!log.contains(ZOOM_SHARED), "the log contains the shared secret:\n{log}");

    // shared secret and signing key: both are needed
    let env = TestEnv::new();
    let srv = Server::start(
        &env,
        &with_token(&[("ZOOM_PROVIDER_SECRET", ZOOM_SHARED), ("ZOOM_SECRET_TOKEN", ZOOM_TOKEN)]),
    );
    let b = body(3);
    refused(&hook(&srv, "zoom", &right, &b), "missing_signature");
    refused(&hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, now(), &b), &b), "bad_shared_secret");
    let mut both = zoom_sig(ZOOM_TOKEN, now(), &b);
    both.extend(wrong.clone());
    refused(&hook(&srv, "zoom", &both, &b), "bad_shared_secret");
    assert_eq!(deliveries(&env), 0);
    let mut both = zoom_sig(ZOOM_TOKEN, now(), &b);
    both.extend(right.clone());
    let id = delivered(&hook(&srv, "zoom", &both, &b), "applied");
    assert_eq!(n(&env, &format!("SELECT signature_ok FROM webhook_deliveries WHERE id = {id}")), 1);
    srv.stop();
}

// 9 ----------------------------------------------------------------------------------------

#[test]
fn provider_webhook_header_renames_the_shared_secret_header() {
    let env = TestEnv::new();
    let srv = Server::start(
        &env,
        &with_token(&[
            ("ZOOM_PROVIDER_SECRET", ZOOM_SHARED),
            ("PROVIDER_WEBHOOK_HEADER", "X-Zoom-Auth"),
        ]),
    );
    let b = zoom_body("meeting.started", "renamed==", 1, json!([]));
    let old_name = h(&[("X-Webhook-Secret", ZOOM_SHARED)]);
    refused(&hook(&srv, "zoom", &old_name, &b), "bad_shared_secret");
    refused(&hook(&srv, "zoom", &h(&[("X-Zoom-Auth", "nope")]), &b), "bad_shared_secret");
    assert_eq!(deliveries(&env), 0);
    let id = delivered(&hook(&srv, "zoom", &h(&[("X-Zoom-Auth", ZOOM_SHARED)]), &b), "applied");
    let headers: String = env
        .sql()
        .query_row("SELECT headers FROM webhook_deliveries WHERE id = ?1", [id], |r| r.get(0))
        .unwrap();
    assert!(!headers.contains(ZOOM_SHARED), "{headers}");
    srv.stop();

    let r = env.run_env(
        &["serve", "--listen", "127.0.0.1:0"],
        &with_token(&[("PROVIDER_WEBHOOK_HEADER", "Bad Header:")]),
    );
    r.error(2);
    assert!(r.stderr.contains("PROVIDER_WEBHOOK_HEADER"), "{}", r.stderr);
}

// 10 ---------------------------------------------------------------------------------------

#[test]
fn an_optional_shared_secret_lets_a_missing_header_through_but_not_a_wrong_one() {
    let env = TestEnv::new();
    let srv = Server::start(
        &env,
        &with_token(&[
            ("ZOOM_PROVIDER_SECRET", ZOOM_SHARED),
            ("REQUIRE_PROVIDER_WEBHOOK_SECRET", "false"),
        ]),
    );
    let b = |n: i64| zoom_body("meeting.started", "optional==", n, json!([]));
    refused(&hook(&srv, "zoom", &h(&[("X-Webhook-Secret", "guess")]), &b(1)), "bad_shared_secret");
    refused(&hook(&srv, "zoom", &h(&[("X-Webhook-Secret", "")]), &b(1)), "bad_shared_secret");
    assert_eq!(deliveries(&env), 0);
    let id = delivered(&hook(&srv, "zoom", &[], &b(1)), "applied");
    assert_eq!(n(&env, &format!("SELECT signature_ok FROM webhook_deliveries WHERE id = {id}")), 0);
    delivered(&hook(&srv, "zoom", &h(&[("X-Webhook-Secret", ZOOM_SHARED)]), &b(2)), "applied");
    assert_eq!(deliveries(&env), 2);
    srv.stop();
}

// 11 ---------------------------------------------------------------------------------------

#[test]
fn a_provider_with_nothing_configured_is_refused_unless_allowed_unsigned() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &token_env());
    let cb = calendly_body("invitee.created", INVITEE, INVITEE_URI);
    let zb = zoom_body("meeting.started", "nothing==", 1, json!([]));
    let fb = fireflies_body("meeting.transcribed", "nothing", json!([]));
    refused(&hook(&srv, "calendly", &cal_sig(CAL_KEY, now(), &cb), &cb), "provider_not_configured");
    refused(&hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, now(), &zb), &zb), "provider_not_configured");
    refused(&hook(&srv, "fireflies", &[], &fb), "provider_not_configured");
    refused(
        &hook(&srv, "fireflies", &h(&[("X-Webhook-Secret", "x")]), &fb),
        "provider_not_configured",
    );
    // no Standard Webhooks sender is configured, so `acme` is no provider at all
    hook(&srv, "acme", &std_sig(ACME_SECRET, "m1", now(), &fb), &fb).error(404, "unknown_provider");
    assert_eq!(deliveries(&env), 0);
    srv.stop();

    let env = TestEnv::new();
    let srv = Server::start(
        &env,
        &with_token(&[
            ("LEADCTL_WEBHOOKS_ALLOW_UNSIGNED", "fireflies, zoom"),
            ("ZOOM_SECRET_TOKEN", ZOOM_TOKEN),
        ]),
    );
    let id = delivered(&hook(&srv, "fireflies", &[], &fb), "applied");
    assert_eq!(n(&env, &format!("SELECT signature_ok FROM webhook_deliveries WHERE id = {id}")), 0);
    // allowed unsigned, but a signing key is configured: the signature is still required
    refused(&hook(&srv, "zoom", &[], &zb), "missing_signature");
    refused(&hook(&srv, "zoom", &zoom_sig("wrong", now(), &zb), &zb), "bad_signature");
    refused(&hook(&srv, "calendly", &cal_sig(CAL_KEY, now(), &cb), &cb), "provider_not_configured");
    assert_eq!(deliveries(&env), 1);
    srv.stop();

    let r = env.run_env(
        &["serve", "--listen", "127.0.0.1:0"],
        &with_token(&[("LEADCTL_WEBHOOKS_ALLOW_UNSIGNED", "stripe")]),
    );
    r.error(2);
    assert!(r.stderr.contains("stripe"), "{}", r.stderr);
}

// 12 ---------------------------------------------------------------------------------------

#[test]
fn zoom_url_validation_is_answered_only_for_a_verified_challenge() {
    const CHALLENGE: &str = r#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
    const ENCRYPTED: &str = "ae7c940e5051b2a17c1c49f4818fff9a88e210f5d820ff3c862635e27c93a4d9";
    let env = TestEnv::new();
    let srv = Server::start(&env, &with_token(&[("ZOOM_SECRET_TOKEN", "zoom-test-secret")]));
    let r = hook(&srv, "zoom", &zoom_sig("zoom-test-secret", now(), CHALLENGE), CHALLENGE);
    assert_eq!(r.status, 200, "{r:?}");
    let doc = r.json();
    assert_eq!(keys(&doc), sorted(&["encryptedToken", "plainToken"]), "{doc}");
    assert_eq!(doc["plainToken"], "qgg8vlvZRS6UYooatFL8Aw");
    assert_eq!(doc["encryptedToken"], ENCRYPTED);

    refused(&hook(&srv, "zoom", &[], CHALLENGE), "missing_signature");
    refused(
        &hook(&srv, "zoom", &zoom_sig("zoom-test-secreT", now(), CHALLENGE), CHALLENGE),
        "bad_signature",
    );
    refused(
        &hook(&srv, "zoom", &zoom_sig("zoom-test-secret", now() - 400, CHALLENGE), CHALLENGE),
        "stale_timestamp",
    );
    // The oracle: asking for HMAC("v0:<ts>:<forged body>") without a signature gets nothing.
    let ts = now();
    let forged = r#"{"event":"meeting.started","payload":{"object":{"uuid":"forged=="}}}"#;
    let oracle = json!({"event": "endpoint.url_validation",
                        "payload": {"plainToken": format!("v0:{ts}:{forged}")}})
    .to_string();
    let r = hook(&srv, "zoom", &[], &oracle);
    refused(&r, "missing_signature");
    let would_be = zoom_value("zoom-test-secret", &ts.to_string(), forged);
    assert!(!r.body.contains(would_be.trim_start_matches("v0=")), "{r:?}");
    // a challenge is answered, not stored
    assert_eq!(deliveries(&env), 0);
    srv.stop();

    // accepted by shared secret only, or unsigned: no challenge answer
    for vars in
        [[("ZOOM_PROVIDER_SECRET", ZOOM_SHARED)], [("LEADCTL_WEBHOOKS_ALLOW_UNSIGNED", "zoom")]]
    {
        let env = TestEnv::new();
        let srv = Server::start(&env, &with_token(&vars));
        let r = hook(&srv, "zoom", &h(&[("X-Webhook-Secret", ZOOM_SHARED)]), CHALLENGE);
        refused(&r, "signature_required");
        assert!(!r.body.contains(ENCRYPTED), "{r:?}");
        assert_eq!(deliveries(&env), 0);
        srv.stop();
    }
}

// 13 ---------------------------------------------------------------------------------------

#[test]
fn a_calendly_retry_is_a_duplicate_and_applied_once() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &signed_vars());
    let body = calendly_body("invitee.created", INVITEE, INVITEE_URI);
    let t = now();
    let first =
        delivered(&hook(&srv, "calendly", &cal_sig(CAL_KEY, t - 2, &body), &body), "applied");
    // the provider's retry, freshly signed
    let again = delivered(&hook(&srv, "calendly", &cal_sig(CAL_KEY, t, &body), &body), "duplicate");
    assert_eq!(again, first);
    // a retry is verified before it is recognised
    refused(&hook(&srv, "calendly", &cal_sig("wrong", t, &body), &body), "bad_signature");
    delivered(&hook(&srv, "calendly", &cal_sig(CAL_KEY, t, &body), &body), "duplicate");
    srv.stop();

    assert_eq!(deliveries(&env), 1);
    assert_eq!(n(&env, "SELECT count(*) FROM leads"), 1);
    assert_eq!(n(&env, "SELECT count(*) FROM meetings"), 1);
    assert_eq!(n(&env, "SELECT count(*) FROM meeting_attendees"), 1);
    let seq = seq_of(&env, INVITEE);
    assert_eq!(provider_events(&env), vec![(seq, "meeting_booked".into(), "calendly".into())]);
    let ingests = n(&env, "SELECT count(*) FROM audit_log WHERE action = 'ingest'");
    assert_eq!(ingests, 1, "one ingest audited");
}

// 14 ---------------------------------------------------------------------------------------

#[test]
fn a_calendly_booking_makes_the_lead_meeting_attendee_and_event_and_a_cancel_updates_them() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &signed_vars());
    let body = calendly_body("invitee.created", INVITEE, INVITEE_URI);
    delivered(&hook(&srv, "calendly", &cal_sig(CAL_KEY, now(), &body), &body), "applied");

    let lead = env.show(INVITEE);
    assert_eq!(lead["email"], INVITEE, "{lead}");
    assert_eq!(lead["first_name"], "Jordan", "{lead}");
    assert_eq!(lead["last_name"], "Lee", "{lead}");
    assert_eq!(lead["source"], "calendly", "{lead}");
    assert_eq!(lead["utm_source"], "google", "{lead}");
    assert_eq!(lead["utm_medium"], "cpc", "{lead}");
    assert_eq!(lead["utm_campaign"], "q1-launch", "{lead}");
    assert_eq!(lead["status"], "new", "{lead}");
    let seq = seq_of(&env, INVITEE);

    assert_eq!(
        meetings(&env),
        vec![("calendly".into(), EVENT_URI.into(), Some("scheduled".into()))]
    );
    let (title, starts, ends, join): (String, String, String, String) = env
        .sql()
        .query_row("SELECT title, starts_at, ends_at, join_url FROM meetings", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .unwrap();
    assert_eq!(title, "30 Minute Discovery Call");
    assert!(starts.starts_with("2026-01-08T15:00:00"), "{starts}");
    assert!(ends.starts_with("2026-01-08T15:30:00"), "{ends}");
    assert_eq!(join, "https://us02web.zoom.us/j/81234567890");
    assert_eq!(attendees(&env), vec![(Some(INVITEE.into()), None, Some(seq))]);
    let role: String =
        env.sql().query_row("SELECT role FROM meeting_attendees", [], |r| r.get(0)).unwrap();
    assert_eq!(role, "invitee");
    assert_eq!(provider_events(&env), vec![(seq, "meeting_booked".into(), "calendly".into())]);

    let cancel = calendly_body("invitee.canceled", INVITEE, INVITEE_URI);
    delivered(&hook(&srv, "calendly", &cal_sig(CAL_KEY, now(), &cancel), &cancel), "applied");
    srv.stop();

    assert_eq!(
        meetings(&env),
        vec![("calendly".into(), EVENT_URI.into(), Some("canceled".into()))]
    );
    assert_eq!(attendees(&env), vec![(Some(INVITEE.into()), None, Some(seq))]);
    assert_eq!(
        provider_events(&env),
        vec![
            (seq, "meeting_booked".into(), "calendly".into()),
            (seq, "meeting_canceled".into(), "calendly".into())
        ]
    );
    let payload: String = env
        .sql()
        .query_row("SELECT payload FROM message_events WHERE kind = 'meeting_canceled'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let payload: Value = serde_json::from_str(&payload).unwrap();
    assert_eq!(payload["reason"], "double booked", "{payload}");
    assert_eq!(payload["canceled_by"], "invitee", "{payload}");
    assert_eq!(n(&env, "SELECT count(*) FROM leads"), 1);
    assert_eq!(deliveries(&env), 2);
}

// 15 ---------------------------------------------------------------------------------------

#[test]
fn zoom_participants_resolve_to_existing_leads_and_others_stay_unresolved() {
    let env = TestEnv::new();
    env.ingest_ok(
        "known.ndjson",
        "{\"name\":\"Ann Lee\",\"email\":\"ann.lee@example.com\"}\n\
         {\"name\":\"Bob Ray\",\"email\":\"bob.ray@example.com\",\"phone\":\"+44 20 7946 0958\"}\n",
    );
    let (ann, bob) = (seq_of(&env, "ann.lee@example.com"), seq_of(&env, "bob.ray@example.com"));
    let srv = Server::start(&env, &signed_vars());
    let people = json!([
        {"user_name": "Ann Lee", "email": "Ann.Lee@Example.com"},
        {"phone_number": "+44 20 7946 0958"},
        {"user_name": "Pat Doe", "email": "pat.doe@example.com"},
        {"user_name": "Dial-in", "phone_number": "+1 646 558 8656"}
    ]);
    let body = zoom_body("meeting.started", "4444AAAiAAAAAiAiAiiAii==", 1_767_884_400_000, people);
    delivered(&hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, now(), &body), &body), "applied");
    assert_eq!(
        meetings(&env),
        vec![("zoom".into(), "4444AAAiAAAAAiAiAiiAii==".into(), Some("started".into()))]
    );
    assert_eq!(
        attendees(&env),
        vec![
            (Some("ann.lee@example.com".into()), None, Some(ann)),
            (None, Some("+442079460958".into()), Some(bob)),
            (Some("pat.doe@example.com".into()), None, None),
            (None, Some("+16465588656".into()), None),
        ]
    );
    assert_eq!(n(&env, "SELECT count(*) FROM leads"), 2, "zoom participants make no leads");

    let ended =
        zoom_body("meeting.ended", "4444AAAiAAAAAiAiAiiAii==", 1_767_886_200_000, json!([]));
    delivered(&hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, now(), &ended), &ended), "applied");
    // a participant joining late does not reopen it
    let joined = json!({"event": "meeting.participant_joined", "event_ts": 1_767_886_300_000_i64,
        "payload": {"object": {"uuid": "4444AAAiAAAAAiAiAiiAii==",
                               "participant": {"user_name": "Late", "email": "late@example.com"}}}})
    .to_string();
    delivered(&hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, now(), &joined), &joined), "applied");
    // an event leadctl does not map is stored as ignored
    let other = json!({"event": "recording.completed", "event_ts": 5, "payload": {"object": {"uuid": "x"}}})
        .to_string();
    delivered(&hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, now(), &other), &other), "ignored");
    srv.stop();
    assert_eq!(
        meetings(&env),
        vec![("zoom".into(), "4444AAAiAAAAAiAiAiiAii==".into(), Some("ended".into()))]
    );
    assert_eq!(n(&env, "SELECT count(*) FROM meeting_attendees"), 5);
    assert_eq!(n(&env, "SELECT count(*) FROM meeting_attendees WHERE lead_seq IS NULL"), 3);
    assert_eq!(deliveries(&env), 4);
    assert_eq!(n(&env, "SELECT count(*) FROM webhook_deliveries WHERE state = 'ignored'"), 1);
}

#[test]
fn forgetting_two_attendees_of_one_meeting_erases_both() {
    let env = TestEnv::new();
    env.ingest_ok(
        "known.ndjson",
        "{\"name\":\"Ann Lee\",\"email\":\"ann.lee@example.com\"}\n\
         {\"name\":\"Bob Ray\",\"email\":\"bob.ray@example.com\"}\n",
    );
    let srv = Server::start(&env, &signed_vars());
    let people = json!([
        {"user_name": "Ann Lee", "email": "ann.lee@example.com"},
        {"user_name": "Bob Ray", "email": "bob.ray@example.com"}
    ]);
    let body = zoom_body("meeting.started", "5555BBB==", 1_767_884_400_000, people);
    delivered(&hook(&srv, "zoom", &zoom_sig(ZOOM_TOKEN, now(), &body), &body), "applied");
    srv.stop();
    for email in ["ann.lee@example.com", "bob.ray@example.com"] {
        let out = env.run(&["forget", email, "--yes"]);
        assert_eq!(out.code, 0, "forget {email}: {}", out.stderr);
    }
    assert_eq!(
        n(
            &env,
            "SELECT count(*) FROM meeting_attendees WHERE email IS NOT NULL OR name IS NOT NULL"
        ),
        0
    );
    assert_eq!(n(&env, "SELECT count(*) FROM meeting_attendees"), 2);
}

// 16 ---------------------------------------------------------------------------------------

#[test]
fn a_fireflies_transcript_records_transcript_ready_on_resolved_leads() {
    let env = TestEnv::new();
    env.ingest_ok("carol.ndjson", "{\"name\":\"Carol Kim\",\"email\":\"carol.kim@example.com\"}\n");
    let carol = seq_of(&env, "carol.kim@example.com");
    let srv = Server::start(&env, &signed_vars());
    let body = fireflies_body(
        "meeting.transcribed",
        "ASxwZxCstx",
        json!([{"email": "carol.kim@example.com"}, {"email": "stranger@example.org"}]),
    );
    delivered(&hook(&srv, "fireflies", &ff_sig(FF_SECRET, &body), &body), "applied");
    // Fireflies signs no timestamp: the same delivery again is recognised by its key
    delivered(&hook(&srv, "fireflies", &ff_sig(FF_SECRET, &body), &body), "duplicate");
    let summarized = json!({"event": "meeting.summarized", "timestamp": 1_710_876_789_456_i64,
                            "meeting_id": "ASxwZxCstx"})
    .to_string();
    delivered(&hook(&srv, "fireflies", &ff_sig(FF_SECRET, &summarized), &summarized), "ignored");
    srv.stop();

    assert_eq!(
        meetings(&env),
        vec![("fireflies".into(), "ASxwZxCstx".into(), Some("transcribed".into()))]
    );
    assert_eq!(
        attendees(&env),
        vec![
            (Some("carol.kim@example.com".into()), None, Some(carol)),
            (Some("stranger@example.org".into()), None, None),
        ]
    );
    assert_eq!(provider_events(&env), vec![(carol, "transcript_ready".into(), "fireflies".into())]);
    assert_eq!(n(&env, "SELECT count(*) FROM leads"), 1);
    assert_eq!(deliveries(&env), 2);
}

// 17 ---------------------------------------------------------------------------------------

#[test]
fn webhooks_list_show_and_replay_link_a_late_lead_once() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &signed_vars());
    let uuid = "replay-meeting-1==";
    let people = json!([{"user_name": "Pat Doe", "email": "pat.doe@example.com"}]);
    let body = zoom_body("meeting.started", uuid, 1_767_884_400_000, people);
    let zsig = zoom_sig(ZOOM_TOKEN, now(), &body);
    let zid = delivered(&hook(&srv, "zoom", &zsig, &body), "applied");
    let cb = calendly_body("invitee.created", INVITEE, INVITEE_URI);
    let cid = delivered(&hook(&srv, "calendly", &cal_sig(CAL_KEY, now(), &cb), &cb), "applied");
    assert_eq!(attendees(&env)[0], (Some("pat.doe@example.com".into()), None, None));

    // the lead arrives later, through the form endpoint; the attendee stays unresolved
    srv.post_lead(
        &one_shot(),
        &json!({"name": "Pat Doe", "email": "pat.doe@example.com", "meta": {"request_id": "late-1"}})
            .to_string(),
    )
    .accepted(201, "received");
    let pat = seq_of(&env, "pat.doe@example.com");
    assert_eq!(attendees(&env)[0].2, None);

    // list
    let items = env.ok(&["webhooks", "list", "--format", "json"]).json();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0]["id"], cid, "newest first: {items:?}");
    assert_eq!(items[1]["id"], zid);
    assert_eq!(items[1]["provider"], "zoom");
    assert_eq!(items[1]["event_type"], "meeting.started");
    assert_eq!(items[1]["state"], "applied");
    assert_eq!(items[1]["signature_ok"], true);
    let only = env.ok(&["webhooks", "list", "--provider", "zoom", "--format", "json"]).json();
    assert_eq!(only.as_array().unwrap().len(), 1, "{only}");
    assert_eq!(only[0]["id"], zid);
    let none = env.ok(&["webhooks", "list", "--failed", "--format", "json"]).json();
    assert_eq!(none, json!([]));

    // show: the body, not the signature
    let shown = env.ok(&["webhooks", "show", &zid.to_string()]);
    assert!(shown.stdout.contains("pat.doe@example.com"), "{}", shown.stdout);
    assert!(shown.stdout.contains("meeting.started"), "{}", shown.stdout);
    assert!(shown.stdout.contains("(present)"), "{}", shown.stdout);
    let sig = &zsig[1].1;
    assert!(!shown.stdout.contains(sig.trim_start_matches("v0=")), "{}", shown.stdout);
    let doc = env.ok(&["webhooks", "show", &zid.to_string(), "--format", "json"]).json();
    assert_eq!(doc["body"], serde_json::from_str::<Value>(&body).unwrap(), "{doc}");
    assert_eq!(doc["headers"]["x-zm-signature"], "(present)", "{doc}");
    assert!(!doc.to_string().contains(sig.trim_start_matches("v0=")), "{doc}");

    // replay links the attendee
    let r = env.ok(&["webhooks", "replay", &zid.to_string()]);
    assert!(r.stdout.contains("1 attendee(s) newly resolved"), "{}", r.stdout);
    assert_eq!(attendees(&env)[0], (Some("pat.doe@example.com".into()), None, Some(pat)));
    let before = counts(&env);
    let r = env.ok(&["webhooks", "replay", &zid.to_string()]);
    assert!(r.stdout.contains("0 attendee(s) newly resolved"), "{}", r.stdout);
    assert!(r.stdout.contains("0 new event(s)"), "{}", r.stdout);
    assert_eq!(counts(&env), before, "a second replay changed something");
    let r = env.ok(&["webhooks", "replay", "--since", "1h", "--format", "json"]).json();
    assert_eq!(
        r,
        json!([{"id": zid, "provider": "zoom", "state": "applied"},
               {"id": cid, "provider": "calendly", "state": "applied"}])
    );
    assert_eq!(counts(&env), before, "replay --since changed something");
    assert_eq!(provider_events(&env).len(), 1, "one meeting_booked, not two");
    srv.stop();

    // unknown ids and bad ids
    env.run(&["webhooks", "show", "999"]).error(3);
    env.run(&["webhooks", "replay", "999"]).error(3);
    env.run(&["webhooks", "show", "abc"]).error(2);
    env.run(&["webhooks", "replay"]).error(2);
}

// 18 ---------------------------------------------------------------------------------------

#[test]
fn an_unmappable_delivery_is_stored_failed_listed_and_its_replay_exits_4() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &signed_vars());
    let mut v: Value =
        serde_json::from_str(&calendly_body("invitee.created", INVITEE, INVITEE_URI)).unwrap();
    v["payload"].as_object_mut().unwrap().remove("email");
    let body = v.to_string();
    let r = hook(&srv, "calendly", &cal_sig(CAL_KEY, now(), &body), &body);
    assert_eq!(r.status, 200, "{r:?}");
    let doc = r.json();
    assert_eq!(keys(&doc), sorted(&["deliveryId", "error", "status"]), "{doc}");
    assert_eq!(doc["status"], "failed");
    assert!(doc["error"].as_str().unwrap().contains("payload.email"), "{doc}");
    let failed_id = doc["deliveryId"].as_i64().unwrap();
    // a good delivery beside it
    let good = calendly_body(
        "invitee.created",
        "other@example.com",
        "https://api.calendly.com/scheduled_events/D/invitees/E",
    );
    delivered(&hook(&srv, "calendly", &cal_sig(CAL_KEY, now(), &good), &good), "applied");
    // the provider's retry of the failed one is not stored twice
    delivered(&hook(&srv, "calendly", &cal_sig(CAL_KEY, now(), &body), &body), "duplicate");
    srv.stop();

    assert_eq!(deliveries(&env), 2);
    let (state, error): (String, String) = env
        .sql()
        .query_row("SELECT state, error FROM webhook_deliveries WHERE id = ?1", [failed_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(state, "failed");
    assert!(error.contains("payload.email"), "{error}");
    assert_eq!(n(&env, "SELECT count(*) FROM leads"), 1);

    let failed = env.ok(&["webhooks", "list", "--failed", "--format", "json"]).json();
    let failed = failed.as_array().unwrap();
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0]["id"], failed_id);
    assert_eq!(failed[0]["state"], "failed");
    assert!(failed[0]["error"].as_str().unwrap().contains("payload.email"));
    let table = env.ok(&["webhooks", "list", "--failed"]);
    assert!(table.stdout.contains("failed"), "{}", table.stdout);
    assert!(table.stdout.contains("payload.email"), "{}", table.stdout);

    let before = counts(&env);
    let r = env.run(&["webhooks", "replay", &failed_id.to_string()]);
    r.error(4);
    assert!(r.stderr.contains("payload.email"), "{}", r.stderr);
    assert_eq!(counts(&env), before);
    let r = env.run(&["webhooks", "replay", "--since", "1h", "--failed"]);
    r.error(4);
    assert!(r.stdout.contains(&format!("#{failed_id} calendly: failed")), "{}", r.stdout);
    assert_eq!(counts(&env), before);
    let state: String = env
        .sql()
        .query_row("SELECT state FROM webhook_deliveries WHERE id = ?1", [failed_id], |r| r.get(0))
        .unwrap();
    assert_eq!(state, "failed");
}

// 19 ---------------------------------------------------------------------------------------

#[test]
fn the_log_names_what_happened_with_request_ids_and_keeps_no_secrets() {
    let env = TestEnv::new();
    env.ingest_ok("pat.ndjson", "{\"name\":\"Pat Doe\",\"email\":\"pat.doe@example.com\"}\n");
    let mut vars = signed_vars();
    vars.push(("ZOOM_PROVIDER_SECRET", ZOOM_SHARED));
    let srv = Server::start(&env, &vars);
    let mut sent_signatures: Vec<String> = Vec::new();
    let mut remember = |hs: &Headers| {
        for (k, v) in hs {
            if k != "x-zm-request-timestamp" && k != "webhook-timestamp" && k != "webhook-id" {
                sent_signatures.push(v.clone());
            }
        }
    };

    let cb = calendly_body("invitee.created", INVITEE, INVITEE_URI);
    let hs = cal_sig(CAL_KEY, now(), &cb);
    remember(&hs);
    let booked = hook(&srv, "calendly", &hs, &cb);
    delivered(&booked, "applied");
    let wrong = cal_sig("wrong-key", now(), &cb);
    remember(&wrong);
    refused(&hook(&srv, "calendly", &wrong, &cb), "bad_signature");
    let stale = cal_sig(CAL_KEY, now() - 900, &cb);
    remember(&stale);
    refused(&hook(&srv, "calendly", &stale, &cb), "stale_timestamp");

    let zb = zoom_body("meeting.started", "log-1==", 7, json!([{"email": "pat.doe@example.com"}]));
    let mut hs = zoom_sig(ZOOM_TOKEN, now(), &zb);
    hs.push(("X-Webhook-Secret".into(), ZOOM_SHARED.into()));
    remember(&hs);
    delivered(&hook(&srv, "zoom", &hs, &zb), "applied");
    let fb = fireflies_body("meeting.transcribed", "log-ff", json!([{"email": INVITEE}]));
    let hs = ff_sig(FF_SECRET, &fb);
    remember(&hs);
    delivered(&hook(&srv, "fireflies", &hs, &fb), "applied");
    let ab = acme_lead("sam@acme.example");
    let hs = std_sig(ACME_SECRET, "msg_log_1", now(), &ab);
    remember(&hs);
    delivered(&hook(&srv, "acme", &hs, &ab), "applied");
    let log = srv.stop();

    let lines: Vec<Value> = log
        .lines()
        .filter(|l| l.trim_start().starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad log line {l:?}: {e}")))
        .collect();
    let message = |v: &Value| v["fields"]["message"].as_str().unwrap_or("").to_string();
    let request_id = |v: &Value| {
        v["span"]["request_id"].as_str().or(v["fields"]["request_id"].as_str()).map(str::to_string)
    };
    for event in ["webhook_received", "meeting_upserted", "attendee_resolved", "lead_ingested"] {
        let hits: Vec<&Value> = lines.iter().filter(|v| message(v) == event).collect();
        assert!(!hits.is_empty(), "no {event} line:\n{log}");
        for v in hits {
            assert!(
                request_id(v).is_some_and(|r| !r.is_empty()),
                "{event} without request_id: {v}"
            );
        }
    }
    // the booking's lines carry the id its answer echoed
    let rid = booked.request_id.clone().expect("x-request-id");
    let of_booking: Vec<String> = lines
        .iter()
        .filter(|v| request_id(v).as_deref() == Some(rid.as_str()))
        .map(message)
        .collect();
    for event in ["webhook_received", "lead_ingested", "meeting_upserted", "attendee_resolved"] {
        assert!(of_booking.iter().any(|m| m == event), "{event} not under {rid}: {of_booking:?}");
    }
    let received = lines
        .iter()
        .find(|v| {
            message(v) == "webhook_received" && request_id(v).as_deref() == Some(rid.as_str())
        })
        .unwrap();
    assert_eq!(received["fields"]["provider"], "calendly", "{received}");
    assert_eq!(received["fields"]["event_type"], "invitee.created", "{received}");
    // refusals are logged loudly, with the reason
    let refusals: Vec<&Value> = lines.iter().filter(|v| message(v) == "webhook_refused").collect();
    assert_eq!(refusals.len(), 2, "{log}");
    assert!(refusals.iter().any(|v| v["fields"]["reason"] == "stale_timestamp"), "{log}");

    let mut never: Vec<String> = vec![
        CAL_KEY.into(),
        ZOOM_TOKEN.into(),
        FF_SECRET.into(),
        ACME_SECRET.into(),
        ACME_SECRET.trim_start_matches("whsec_").into(),
        ZOOM_SHARED.into(),
        TOKEN.into(),
        INVITEE.into(),
        "pat.doe@example.com".into(),
        "sam@acme.example".into(),
    ];
    for s in &sent_signatures {
        never.push(s.clone());
        // the bare digest too (after `v1=`, `v0=`, `sha256=`, `v1,`)
        if let Some(tail) = s.rsplit(['=', ',']).find(|p| p.len() >= 40) {
            never.push(tail.to_string());
        }
    }
    for s in &never {
        assert!(!log.contains(s.as_str()), "the log contains {s:?}:\n{log}");
    }
}

// Bugs found in src/ (ignored so the suite stays green) -----------------------------------

/// `forget` empties the raw payloads of deliveries that name the person and marks them
/// `erased`; `webhooks replay --since` then tries to apply those empty bodies, exits 4
/// ("the stored body is not JSON: EOF ...") and overwrites `erased` with `failed`, so
/// `webhooks list --failed` shows them as failures and the trace of the erasure is lost.
#[test]
fn replay_since_leaves_deliveries_erased_by_forget_alone() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &signed_vars());
    let body = calendly_body("invitee.created", INVITEE, INVITEE_URI);
    let id = delivered(&hook(&srv, "calendly", &cal_sig(CAL_KEY, now(), &body), &body), "applied");
    srv.stop();
    env.ok(&["forget", INVITEE, "--yes"]);
    let state = |env: &TestEnv| -> String {
        env.sql()
            .query_row("SELECT state FROM webhook_deliveries WHERE id = ?1", [id], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(state(&env), "erased");
    let before = counts(&env);
    let r = env.run(&["webhooks", "replay", "--since", "1h"]);
    r.code(0);
    assert_eq!(state(&env), "erased", "{}", r.stdout);
    assert_eq!(counts(&env), before);
    let failed = env.ok(&["webhooks", "list", "--failed", "--format", "json"]).json();
    assert_eq!(failed, json!([]));
}

/// A Calendly group event has several invitees on one scheduled event. When one of them
/// cancels, Calendly sends `invitee.canceled` with `scheduled_event.status` still `active`
/// (the event goes on for the others), but the mapping sets the shared meeting's status to
/// `canceled` for every `invitee.canceled`, whatever `scheduled_event.status` says.
#[test]
fn one_group_invitee_canceling_leaves_the_meeting_scheduled() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &signed_vars());
    let invitee = |event: &str, email: &str, who: &str| {
        let mut v: Value = serde_json::from_str(&calendly_body(
            event,
            email,
            &format!("{EVENT_URI}/invitees/{who}"),
        ))
        .unwrap();
        // a group event: it stays active while other invitees remain
        v["payload"]["scheduled_event"]["status"] = json!("active");
        v.to_string()
    };
    for b in [
        invitee("invitee.created", "ann.group@example.com", "A"),
        invitee("invitee.created", "bob.group@example.com", "B"),
        invitee("invitee.canceled", "ann.group@example.com", "A"),
    ] {
        delivered(&hook(&srv, "calendly", &cal_sig(CAL_KEY, now(), &b), &b), "applied");
    }
    srv.stop();
    let ann = seq_of(&env, "ann.group@example.com");
    let kinds: Vec<(i64, String, String)> =
        provider_events(&env).into_iter().filter(|e| e.0 == ann).collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert_eq!(kinds[1].1, "meeting_canceled");
    assert_eq!(
        meetings(&env),
        vec![("calendly".into(), EVENT_URI.into(), Some("scheduled".into()))],
        "Bob still attends"
    );
}

/// For a provider with a signing key and no shared secret (the recommended set-up for Calendly
/// and Fireflies, which cannot send one), every request logs a WARN "no shared secret
/// configured for this provider; request allowed", even one refused a moment later for a bad
/// signature: the log says "request allowed" and "webhook_refused" for the same request id.
#[test]
fn a_refused_delivery_is_never_logged_as_allowed() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &signed_vars());
    let body = calendly_body("invitee.created", INVITEE, INVITEE_URI);
    let r = hook(&srv, "calendly", &cal_sig("wrong-key", now(), &body), &body);
    refused(&r, "bad_signature");
    let rid = r.request_id.clone().expect("x-request-id");
    let log = srv.stop();
    let of_request: Vec<&str> = log.lines().filter(|l| l.contains(&rid)).collect();
    assert!(of_request.iter().any(|l| l.contains("webhook_refused")), "{log}");
    for l in &of_request {
        assert!(!l.contains("request allowed"), "a refused request logged as allowed: {l}");
    }
}
