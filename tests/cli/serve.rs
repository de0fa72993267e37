//! `leadctl serve-webhooks` (alias `serve`), first step: the real binary listening on a free
//! port of 127.0.0.1, driven over HTTP by a real client (ureq) and, for what a client library
//! would not send (a chunked body), by hand over a TcpStream. Every server is stopped with
//! SIGTERM and must exit 0; its stderr is drained all along and kept for assertions.

use std::collections::BTreeSet;
use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::{TestEnv, assert_no_panic, keys, sorted};
use crate::server::*;

/// The site form's body, as a site backend posts it.
const SITE_FORM: &str = r#"{"name":"Ann Lee","email":"ann@example.com","phone":"+44 20 7946 0958","company":"Acme","service":"Audit","message":"Hi","consent":{"email":true,"sms":false},"meta":{"source":"site","request_id":"req-1","timestamp_utc":"2026-11-20T10:00:00Z"}}"#;

/// [`json_auth`] plus an X-Request-Id.
fn with_id(id: &str) -> Vec<(&'static str, &str)> {
    let mut h = json_auth();
    h.push(("X-Request-Id", id));
    h
}

/// A small valid lead.
fn lead(email: &str, request_id: &str) -> String {
    json!({"name": "Test Person", "email": email, "meta": {"request_id": request_id}}).to_string()
}

/// Leads in the database, every organisation.
fn lead_rows(env: &TestEnv) -> i64 {
    env.sql().query_row("SELECT count(*) FROM leads", [], |r| r.get(0)).unwrap()
}

fn valid_request_id(v: &str) -> bool {
    (1..=128).contains(&v.len())
        && v.bytes().all(|b| b.is_ascii_alphanumeric() || b"._:-".contains(&b))
}

/// Sends raw bytes (the request must ask for `Connection: close`) and reads the whole answer:
/// (status, head, body). A reset after the answer arrived is tolerated.
fn raw(addr: &str, request: &[u8]) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(10))).unwrap();
    // The server may answer (and stop reading) before the whole body is sent.
    let _ = s.write_all(request);
    let _ = s.flush();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if !got.is_empty() => {
                eprintln!("read ended with {e} after {} bytes", got.len());
                break;
            }
            Err(e) => panic!("no answer: {e}"),
        }
    }
    let text = String::from_utf8_lossy(&got).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or_else(|| panic!("no head: {text:?}"));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status: {head:?}"));
    (status, head.to_string(), body.to_string())
}

// 1 ---------------------------------------------------------------------------------------

#[test]
fn without_a_token_it_refuses_to_start_unless_allow_no_auth() {
    let env = TestEnv::new();
    let mut c = env.cmd(&["serve-webhooks", "--listen", "127.0.0.1:0"]);
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn");
    let code = wait_bounded(&mut child, LIMIT);
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_no_panic(&stderr);
    assert_eq!(code, 2, "usage error expected:\n{stderr}");
    let error = stderr.lines().find(|l| l.starts_with("error:"));
    assert!(error.is_some(), "no `error:` line:\n{stderr}");
    let hint = stderr.lines().find(|l| l.trim_start().starts_with("hint:"));
    let hint = hint.unwrap_or_else(|| panic!("no `hint:` line:\n{stderr}"));
    assert!(hint.contains("LEADCTL_INGEST_TOKEN"), "{hint}");
    assert!(hint.contains("--allow-no-auth"), "{hint}");
    assert!(!stderr.contains("Listening"), "{stderr}");

    // --allow-no-auth: serves, a post without Authorization is accepted
    let srv = Server::start_with(&env, &["--allow-no-auth"], &[]);
    assert!(srv.log().contains("warning:"), "no warning about serving openly:\n{}", srv.log());
    let a = one_shot();
    let r = post(
        &a,
        &srv.url("/inbound/leads"),
        &[("Content-Type", "application/json")],
        &lead("open@example.com", "open-1"),
    )
    .unwrap();
    let id = r.accepted(201, "received");
    srv.stop();
    let leads = env.leads();
    assert_eq!(leads.len(), 1);
    assert_eq!(leads[0]["id"], id.as_str());
    assert_eq!(leads[0]["email"], "open@example.com");

    // a configured token is still required with --allow-no-auth
    let srv = Server::start_with(&env, &["--allow-no-auth"], &token_env());
    let r = post(
        &a,
        &srv.url("/inbound/leads"),
        &[("Content-Type", "application/json")],
        &lead("open2@example.com", "open-2"),
    )
    .unwrap();
    r.error(401, "unauthorized");
    srv.stop();
    assert_eq!(lead_rows(&env), 1);
}

// 2 ---------------------------------------------------------------------------------------

#[test]
fn a_site_form_post_is_stored_repeated_merged_audited_and_forwarded() {
    let env = TestEnv::new();
    let srv = Server::start(
        &env,
        &[("LEADCTL_INGEST_TOKEN", TOKEN), ("LEADCTL_FORWARD_URL", "http://127.0.0.1:9/leads")],
    );
    let a = agent();
    let r = srv.post_lead(&a, SITE_FORM);
    let id = r.accepted(201, "received");

    // visible while the server runs
    let leads = env.leads();
    assert_eq!(leads.len(), 1, "{leads:?}");
    let l = &leads[0];
    assert_eq!(l["id"], id.as_str());
    assert_eq!(l["first_name"], "Ann");
    assert_eq!(l["last_name"], "Lee");
    assert_eq!(l["email"], "ann@example.com");
    assert_eq!(l["phone"], "+442079460958");
    assert_eq!(l["company"], "Acme");
    assert_eq!(l["service"], "Audit");
    assert_eq!(l["message"], "Hi");
    assert_eq!(l["source"], "site");
    assert_eq!(l["request_id"], "req-1");
    assert_eq!(l["org"], "default");

    // the same request again: 200, the same lead, nothing new
    let again = srv.post_lead(&a, SITE_FORM);
    assert_eq!(again.accepted(200, "duplicate"), id);
    assert_eq!(env.count(), 1);

    // the same person with a new request id: merged into the same lead
    let second = SITE_FORM.replace("req-1", "req-2").replace("\"Hi\"", "\"Hello again\"");
    let merged = srv.post_lead(&a, &second);
    assert_eq!(merged.accepted(201, "received"), id, "merged into the first lead");
    srv.stop();

    assert_eq!(env.count(), 1);
    assert_eq!(lead_rows(&env), 1);
    assert_eq!(env.leads()[0]["id"], id.as_str());

    // audit: an ingest entry for the lead with the request id
    let audit = env.ok(&["audit", "--format", "json"]).json();
    let entries = audit.as_array().unwrap_or_else(|| audit["items"].as_array().unwrap());
    let ingest: Vec<&Value> = entries.iter().filter(|e| e["action"] == "ingest").collect();
    assert!(
        ingest.iter().any(|e| e["lead_id"] == id.as_str() && e["request_id"] == "req-1"),
        "no ingest audit entry for {id} / req-1: {audit:#}"
    );
    assert!(
        ingest.iter().all(|e| e["lead_id"] == id.as_str()),
        "ingest entries for another lead: {audit:#}"
    );

    // outbox: one forward per submission (the repeat adds none), for the lead
    let queue = env.ok(&["queue", "list", "--format", "json"]).json();
    let items = queue.as_array().unwrap_or_else(|| queue["items"].as_array().unwrap());
    let forwards: Vec<&Value> = items.iter().filter(|i| i["kind"] == "forward").collect();
    assert!(forwards.iter().all(|f| f["lead_id"] == id.as_str()), "{queue:#}");
    let mut fkeys: Vec<&str> =
        forwards.iter().map(|f| f["idempotency_key"].as_str().unwrap_or("")).collect();
    fkeys.sort();
    assert_eq!(fkeys, ["req-1", "req-2"], "{queue:#}");
}

// 3 ---------------------------------------------------------------------------------------

#[test]
fn a_missing_or_wrong_token_is_401_and_the_fastcore_name_works_too() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &token_env());
    let a = one_shot();
    let url = srv.url("/inbound/leads");
    let body = lead("x@example.com", "auth-1");
    let ct = ("Content-Type", "application/json");
    let cases: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("no header", vec![ct]),
        ("wrong token", vec![ct, ("Authorization", "Bearer not-the-token")]),
        ("token prefix", vec![ct, ("Authorization", "Bearer tok-9f2c1e7a")]),
        ("empty bearer", vec![ct, ("Authorization", "Bearer ")]),
        ("basic scheme", vec![ct, ("Authorization", "Basic dG9rLTlmMmMxZTdhLXNlY3JldA==")]),
        ("basic with the token", vec![ct, ("Authorization", "Basic tok-9f2c1e7a-secret")]),
        ("token alone", vec![ct, ("Authorization", TOKEN)]),
    ];
    for (what, headers) in &cases {
        let r = post(&a, &url, headers, &body).unwrap();
        assert_eq!(r.status, 401, "{what}: {r:?}");
        r.error(401, "unauthorized");
    }
    assert_eq!(lead_rows(&env), 0, "nothing written for a 401");
    srv.post_lead(&a, &body).accepted(201, "received");
    srv.stop();
    assert_eq!(lead_rows(&env), 1);

    // FASTCORE_SITE_INGEST_TOKEN alone
    let env = TestEnv::new();
    let srv = Server::start(&env, &[("FASTCORE_SITE_INGEST_TOKEN", "fastcore-tok-42")]);
    let url = srv.url("/inbound/leads");
    let r = post(&a, &url, &[ct, ("Authorization", "Bearer fastcore-tok-42")], &body).unwrap();
    r.accepted(201, "received");
    let r = post(&a, &url, &[ct, ("Authorization", BEARER)], &body).unwrap();
    r.error(401, "unauthorized");
    srv.stop();
    assert_eq!(lead_rows(&env), 1);

    // both names set: either token works
    let env = TestEnv::new();
    let srv = Server::start(
        &env,
        &[("LEADCTL_INGEST_TOKEN", TOKEN), ("FASTCORE_SITE_INGEST_TOKEN", "fastcore-tok-42")],
    );
    let url = srv.url("/inbound/leads");
    let r = post(&a, &url, &[ct, ("Authorization", "Bearer fastcore-tok-42")], &body).unwrap();
    r.accepted(201, "received");
    let r = post(&a, &url, &[ct, ("Authorization", BEARER)], &body).unwrap();
    r.accepted(200, "duplicate");
    srv.stop();
}

// 4 ---------------------------------------------------------------------------------------

#[test]
fn bad_content_types_bad_json_and_invalid_fields_are_rejected_and_write_nothing() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &token_env());
    let a = one_shot();
    let url = srv.url("/inbound/leads");
    let good = lead("valid@example.com", "ct-1");

    let r = post(&a, &url, &[("Authorization", BEARER), ("Content-Type", "text/plain")], &good);
    r.unwrap().error(415, "unsupported_media_type");
    // no Content-Type header at all (by hand, so no client adds one)
    let req = format!(
        "POST /inbound/leads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {BEARER}\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{good}",
        good.len()
    );
    let (status, head, body) = raw(&srv.addr, req.as_bytes());
    assert_eq!(status, 415, "no content type:\n{head}\n\n{body}");
    let doc: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body:?}"));
    assert_eq!(doc["error"]["code"], "unsupported_media_type", "{doc}");

    let r = post(&a, &url, &json_auth(), "{\"email\": \"a@example.com\",").unwrap();
    r.error(400, "invalid_json");
    let r = post(&a, &url, &json_auth(), "").unwrap();
    r.error(400, "invalid_json");

    let bad_email = json!({"name": "Bo", "email": "not-an-email", "meta": {"request_id": "ct-2"}});
    let r = post(&a, &url, &json_auth(), &bad_email.to_string()).unwrap();
    let err = r.error(422, "invalid_fields");
    let fields = err["fields"].as_array().unwrap_or_else(|| panic!("no fields list: {err}"));
    assert!(!fields.is_empty(), "{err}");
    for f in fields {
        assert_eq!(keys(f), sorted(&["field", "reason"]), "{err}");
        assert!(f["reason"].as_str().is_some_and(|s| !s.is_empty()), "{err}");
    }
    assert!(fields.iter().any(|f| f["field"] == "email"), "email is named: {err}");

    let r = post(&a, &url, &json_auth(), &format!("[{good}]")).unwrap();
    let err = r.error(422, "invalid_fields");
    if let Some(fields) = err.get("fields") {
        assert!(fields.is_array(), "{err}");
    }
    let r = post(&a, &url, &json_auth(), "\"just a string\"").unwrap();
    r.error(422, "invalid_fields");

    assert_eq!(lead_rows(&env), 0, "nothing was written");
    assert_eq!(env.count(), 0);
    // the good body itself is fine
    srv.post_lead(&a, &good).accepted(201, "received");
    srv.stop();
    assert_eq!(lead_rows(&env), 1);
}

// 5 ---------------------------------------------------------------------------------------

/// A valid lead JSON of exactly `size` bytes (the message pads it).
fn lead_of_size(size: usize, email: &str, request_id: &str) -> String {
    let base =
        json!({"email": email, "message": "", "meta": {"request_id": request_id}}).to_string();
    assert!(base.len() < size);
    let padded = json!({
        "email": email,
        "message": "m".repeat(size - base.len()),
        "meta": {"request_id": request_id},
    })
    .to_string();
    assert_eq!(padded.len(), size);
    padded
}

/// A chunked POST of `body` in chunks of `chunk` bytes, closing the connection after.
fn chunked_request(body: &str, chunk: usize) -> Vec<u8> {
    let mut req = format!(
        "POST /inbound/leads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n\
         Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    )
    .into_bytes();
    for part in body.as_bytes().chunks(chunk) {
        req.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        req.extend_from_slice(part);
        req.extend_from_slice(b"\r\n");
    }
    req.extend_from_slice(b"0\r\n\r\n");
    req
}

#[test]
fn bodies_over_max_request_bytes_are_413_with_or_without_content_length() {
    let env = TestEnv::new();
    let srv =
        Server::start(&env, &[("LEADCTL_INGEST_TOKEN", TOKEN), ("MAX_REQUEST_BYTES", "1000")]);
    let a = one_shot();
    let url = srv.url("/inbound/leads");

    // (a) with Content-Length
    let big = lead_of_size(2000, "big1@example.com", "big-1");
    let r = post(&a, &url, &json_auth(), &big)
        .unwrap_or_else(|e| panic!("no 413 answer for a 2000-byte body: {e}"));
    r.error(413, "payload_too_large");
    assert!(r.request_id.is_some(), "{r:?}");
    srv.post_lead(&one_shot(), &lead("after-a@example.com", "after-a")).accepted(201, "received");

    // (b) chunked, no Content-Length
    let (status, head, body) =
        raw(&srv.addr, &chunked_request(&lead_of_size(5000, "big2@example.com", "big-2"), 500));
    assert_eq!(status, 413, "{head}\n\n{body}");
    let doc: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body:?}"));
    assert_eq!(doc["error"]["code"], "payload_too_large", "{doc}");
    assert!(head.to_ascii_lowercase().contains("x-request-id:"), "{head}");
    srv.post_lead(&one_shot(), &lead("after-b@example.com", "after-b")).accepted(201, "received");

    // a chunked body under the limit is read whole and accepted
    let small = lead_of_size(900, "chunked@example.com", "small-chunked");
    let (status, head, body) = raw(&srv.addr, &chunked_request(&small, 100));
    assert_eq!(status, 201, "{head}\n\n{body}");
    // exactly at the limit (with Content-Length) is accepted
    srv.post_lead(&a, &lead_of_size(1000, "exact@example.com", "exact")).accepted(201, "received");
    srv.stop();

    let emails: BTreeSet<String> = env.emails_with(&[]).into_iter().collect();
    let want: BTreeSet<String> =
        ["after-a@example.com", "after-b@example.com", "chunked@example.com", "exact@example.com"]
            .into_iter()
            .map(String::from)
            .collect();
    assert_eq!(emails, want, "neither oversized body was written");
    assert_eq!(lead_rows(&env), 4);
}

/// A body that breaks off or breaks the chunked framing is a bad request, not one that is too
/// large: the answer must not claim a size the client never sent.
#[test]
fn a_malformed_chunked_body_is_400_not_413() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &token_env());
    let head = format!(
        "POST /inbound/leads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {BEARER}\r\n\
         Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    // a chunk size that is not hex; a chunk longer than its declared size
    for bad in ["zz\r\n{}\r\n0\r\n\r\n", "5\r\n{\"email\"\r\n0\r\n\r\n"] {
        let (status, rhead, body) = raw(&srv.addr, format!("{head}{bad}").as_bytes());
        assert_eq!(status, 400, "{bad:?} (a few bytes, limit 1 MiB):\n{rhead}\n\n{body}");
        if let Ok(doc) = serde_json::from_str::<Value>(&body) {
            assert_ne!(doc["error"]["code"], "payload_too_large", "{doc}");
        }
    }
    srv.post_lead(&one_shot(), &lead("fine@example.com", "fine-1")).accepted(201, "received");
    srv.stop();
    assert_eq!(lead_rows(&env), 1);
}

/// Reads one response (head and a Content-Length body) without waiting for the connection to
/// close: (status, head).
fn read_one(s: &mut TcpStream) -> Result<(u16, String), String> {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = got.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        match s.read(&mut buf) {
            Ok(0) => return Err(format!("closed after {} bytes", got.len())),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) => return Err(format!("read failed: {e}")),
        }
    };
    let head = String::from_utf8_lossy(&got[..head_end]).into_owned();
    let len: usize = head
        .lines()
        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(str::to_string))
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| format!("no content-length: {head}"))?;
    while got.len() < head_end + 4 + len {
        match s.read(&mut buf) {
            Ok(0) => return Err("closed in the body".into()),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) => return Err(format!("read failed: {e}")),
        }
    }
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Ok((status, head))
}

/// HTTP/1.1 keep-alive: when the server answers before the request's body arrived (a client
/// sends the head and the body in two writes; the answer can come in between), it must
/// either read and drop the body and keep serving the connection, or say `Connection: close`
/// so the client does not reuse it (RFC 9112 9.6). Closing silently makes the client's next
/// request on that connection fail, a POST that a client will not retry.
#[test]
fn a_request_rejected_before_its_body_arrived_leaves_the_connection_usable_or_says_close() {
    let env = TestEnv::new();
    let srv =
        Server::start(&env, &[("LEADCTL_INGEST_TOKEN", TOKEN), ("MAX_REQUEST_BYTES", "1000")]);
    let small = lead("ka@example.com", "ka-1");
    let big = lead_of_size(2000, "ka-big@example.com", "ka-2");
    let cases = [
        (401, "Content-Type: application/json\r\n".to_string(), &small),
        (415, format!("Authorization: {BEARER}\r\nContent-Type: text/plain\r\n"), &small),
        (413, format!("Authorization: {BEARER}\r\nContent-Type: application/json\r\n"), &big),
    ];
    let mut broken = Vec::new();
    for (want, headers, body) in &cases {
        let mut s = TcpStream::connect(&srv.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        s.set_write_timeout(Some(Duration::from_secs(5))).unwrap();
        let head = format!(
            "POST /inbound/leads HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}Content-Length: {}\r\n\r\n",
            body.len()
        );
        s.write_all(head.as_bytes()).expect("send head");
        let (status, rhead) = read_one(&mut s).unwrap_or_else(|e| panic!("{want}: {e}"));
        assert_eq!(status, *want, "{rhead}");
        let says_close = rhead.lines().any(|l| {
            let l = l.to_ascii_lowercase();
            l.starts_with("connection:") && l.contains("close")
        });
        if says_close {
            continue;
        }
        // Not closing, then: the connection stays open while the body is late (a closed
        // connection shows as EOF within the wait) ...
        s.set_read_timeout(Some(Duration::from_millis(300))).unwrap();
        match s.read(&mut [0u8; 64]) {
            Ok(0) => {
                broken.push(format!("{want} without `Connection: close`, then closed"));
                continue;
            }
            Ok(n) => panic!("{want}: {n} unexpected bytes after the answer"),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(e) => {
                broken.push(format!("{want} without `Connection: close`, then {e}"));
                continue;
            }
        }
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        // ... and serves the next request after the late body
        let next = s
            .write_all(body.as_bytes())
            .and_then(|()| {
                std::thread::sleep(Duration::from_millis(50));
                s.write_all(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            })
            .map_err(|e| format!("write failed: {e}"))
            .and_then(|()| read_one(&mut s));
        match next {
            Ok((200, _)) => {}
            Ok((other, h)) => broken.push(format!("{want}: next request answered {other}: {h}")),
            Err(e) => broken.push(format!(
                "{want} without `Connection: close`, then the connection was dropped: {e}"
            )),
        }
    }
    srv.stop();
    assert!(broken.is_empty(), "{broken:#?}");
    assert_eq!(lead_rows(&env), 0);
}

// 6 ---------------------------------------------------------------------------------------

#[test]
fn x_request_id_is_kept_when_valid_else_generated_on_every_response() {
    let env = TestEnv::new();
    let srv =
        Server::start(&env, &[("LEADCTL_INGEST_TOKEN", TOKEN), ("MAX_REQUEST_BYTES", "1000")]);
    let a = one_shot();
    let url = srv.url("/inbound/leads");
    let rid = |r: &Resp| r.request_id.clone().unwrap_or_else(|| panic!("no X-Request-Id: {r:?}"));

    // valid: echoed unchanged
    let r = post(&a, &url, &with_id("abc-123"), &lead("rid@example.com", "rid-1")).unwrap();
    r.accepted(201, "received");
    assert_eq!(rid(&r), "abc-123");
    let r = get(&a, &srv.url("/health"), &[("X-Request-Id", "Z.y:9-x_w")]);
    assert_eq!(rid(&r), "Z.y:9-x_w");
    let max = "A".repeat(128);
    let r = get(&a, &srv.url("/health"), &[("X-Request-Id", &max)]);
    assert_eq!(rid(&r), max, "128 characters are allowed");

    // invalid: replaced by a generated one
    let long = "a".repeat(200);
    let too_long = "b".repeat(129);
    for bad in [long.as_str(), too_long.as_str(), "abc 123", "semi;colon", "slash/id"] {
        let r = get(&a, &srv.url("/health"), &[("X-Request-Id", bad)]);
        let got = rid(&r);
        assert_ne!(got, bad, "an invalid id was echoed");
        assert!(valid_request_id(&got), "generated id {got:?}");
    }

    // none given: generated, a new one each time
    let ids: BTreeSet<String> = (0..3).map(|_| rid(&get(&a, &srv.url("/health"), &[]))).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids.iter().all(|i| valid_request_id(i)), "{ids:?}");

    // every answer has one: 200 duplicate, 401, 404, 413, 415, 400, 422
    let r = post(&a, &url, &with_id("dup-rid"), &lead("rid@example.com", "rid-1")).unwrap();
    r.accepted(200, "duplicate");
    assert_eq!(rid(&r), "dup-rid");
    let r = post(
        &a,
        &url,
        &[("X-Request-Id", "unauth-rid"), ("Content-Type", "application/json")],
        "{}",
    )
    .unwrap();
    r.error(401, "unauthorized");
    assert_eq!(rid(&r), "unauth-rid");
    let r = post(&a, &url, &[("Content-Type", "application/json")], "{}").unwrap();
    r.error(401, "unauthorized");
    assert!(valid_request_id(&rid(&r)));
    let r = get(&a, &srv.url("/no/such/route"), &[("X-Request-Id", "nf-1")]);
    r.error(404, "not_found");
    assert_eq!(rid(&r), "nf-1");
    let r = get(&a, &srv.url("/no/such/route"), &[]);
    r.error(404, "not_found");
    assert!(valid_request_id(&rid(&r)));
    let r = post(&a, &url, &with_id("big-rid"), &"x".repeat(2000)).unwrap();
    r.error(413, "payload_too_large");
    assert_eq!(rid(&r), "big-rid");
    let r = post(
        &a,
        &url,
        &[("Authorization", BEARER), ("Content-Type", "text/plain"), ("X-Request-Id", "t-1")],
        "{}",
    )
    .unwrap();
    r.error(415, "unsupported_media_type");
    assert_eq!(rid(&r), "t-1");
    let r = post(&a, &url, &with_id("bad-json"), "{").unwrap();
    r.error(400, "invalid_json");
    assert_eq!(rid(&r), "bad-json");
    let r = post(&a, &url, &with_id("bad-field"), "{\"email\":\"nope\"}").unwrap();
    r.error(422, "invalid_fields");
    assert_eq!(rid(&r), "bad-field");
    srv.stop();
}

// 7 ---------------------------------------------------------------------------------------

#[test]
fn health_is_ok_with_the_version_and_unknown_routes_are_json_404() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &token_env());
    let a = one_shot();
    let r = get(&a, &srv.url("/health"), &[]);
    assert_eq!(r.status, 200, "{r:?}");
    let doc = r.json();
    assert_eq!(keys(&doc), sorted(&["status", "version"]), "{doc}");
    assert_eq!(doc["status"], "ok");
    assert!(doc["version"].is_string(), "{doc}");
    assert_eq!(doc["version"], env!("CARGO_PKG_VERSION"));

    for path in ["/", "/nope", "/inbound", "/inbound/leads/extra", "/health/x"] {
        let r = get(&a, &srv.url(path), &[]);
        r.error(404, "not_found");
    }
    let r =
        post(&a, &srv.url("/inbound/lead"), &json_auth(), &lead("a@example.com", "nf")).unwrap();
    r.error(404, "not_found");
    srv.stop();
    assert_eq!(lead_rows(&env), 0);
}

// 8 ---------------------------------------------------------------------------------------

#[test]
fn fifty_concurrent_posts_with_one_request_id_make_one_lead() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &token_env());
    let url = srv.url("/inbound/leads");
    let n = 50;
    let barrier = Arc::new(Barrier::new(n));
    let body = SITE_FORM.replace("req-1", "same-req");
    let threads: Vec<JoinHandle<Resp>> = (0..n)
        .map(|_| {
            let (barrier, url, body) = (Arc::clone(&barrier), url.clone(), body.clone());
            std::thread::spawn(move || {
                let a = agent();
                barrier.wait();
                post(&a, &url, &json_auth(), &body).expect("POST")
            })
        })
        .collect();
    let answers: Vec<Resp> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let created: Vec<&Resp> = answers.iter().filter(|r| r.status == 201).collect();
    let repeats: Vec<&Resp> = answers.iter().filter(|r| r.status == 200).collect();
    assert_eq!(created.len(), 1, "exactly one 201: {answers:?}");
    assert_eq!(repeats.len(), n - 1, "the rest are 200: {answers:?}");
    let id = created[0].accepted(201, "received");
    for r in &repeats {
        assert_eq!(r.accepted(200, "duplicate"), id);
    }
    srv.stop();
    assert_eq!(lead_rows(&env), 1);
    assert_eq!(env.leads()[0]["id"], id.as_str());
}

// 9 ---------------------------------------------------------------------------------------

#[test]
fn two_hundred_concurrent_distinct_posts_are_all_stored() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &token_env());
    let url = srv.url("/inbound/leads");
    let (threads, per) = (16, 200 / 16 + 1);
    let next = Arc::new(AtomicUsize::new(0));
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<JoinHandle<Vec<(usize, Resp)>>> = (0..threads)
        .map(|_| {
            let (next, barrier, url) = (Arc::clone(&next), Arc::clone(&barrier), url.clone());
            std::thread::spawn(move || {
                let a = agent();
                barrier.wait();
                let mut out = Vec::with_capacity(per);
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= 200 {
                        break;
                    }
                    let body = lead(&format!("many{i}@example.com"), &format!("many-{i}"));
                    out.push((i, post(&a, &url, &json_auth(), &body).expect("POST")));
                }
                out
            })
        })
        .collect();
    let answers: Vec<(usize, Resp)> = handles.into_iter().flat_map(|t| t.join().unwrap()).collect();
    assert_eq!(answers.len(), 200);
    let bad: Vec<&(usize, Resp)> = answers.iter().filter(|(_, r)| r.status != 201).collect();
    assert!(bad.is_empty(), "not all 201: {bad:?}");
    let ids: BTreeSet<String> = answers.iter().map(|(_, r)| r.accepted(201, "received")).collect();
    assert_eq!(ids.len(), 200, "200 distinct lead ids");
    srv.stop();
    assert_eq!(lead_rows(&env), 200);
    let stored: BTreeSet<String> =
        env.leads().iter().map(|l| l["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(stored, ids, "the answered ids are the stored ones");
}

// 10 --------------------------------------------------------------------------------------

#[test]
fn sigterm_finishes_requests_in_flight_and_every_201_is_stored() {
    let env = TestEnv::new();
    let mut srv = Server::start(&env, &token_env());
    let url = srv.url("/inbound/leads");
    let threads = 20;
    let created = Arc::new(AtomicUsize::new(0));
    let after_signal = Arc::new(AtomicUsize::new(0));
    let signalled = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let deadline = Instant::now() + Duration::from_secs(15);
    let handles: Vec<JoinHandle<(Vec<Resp>, usize)>> = (0..threads)
        .map(|t| {
            let (created, after, signalled, url) = (
                Arc::clone(&created),
                Arc::clone(&after_signal),
                Arc::clone(&signalled),
                url.clone(),
            );
            std::thread::spawn(move || {
                let a = agent();
                let (mut others, mut failed) = (Vec::new(), 0);
                for j in 0.. {
                    if Instant::now() > deadline {
                        break;
                    }
                    let body = lead(&format!("t{t}-{j}@example.com"), &format!("term-{t}-{j}"));
                    match post(&a, &url, &json_auth(), &body) {
                        Ok(r) if r.status == 201 => {
                            created.fetch_add(1, Ordering::SeqCst);
                            if signalled.load(Ordering::SeqCst) {
                                after.fetch_add(1, Ordering::SeqCst);
                            }
                        }
                        Ok(r) => others.push(r),
                        Err(_) => {
                            // no answer: the server has stopped
                            failed += 1;
                            break;
                        }
                    }
                }
                (others, failed)
            })
        })
        .collect();
    let start = Instant::now();
    while created.load(Ordering::SeqCst) < 40 {
        assert!(start.elapsed() < LIMIT, "requests are not being answered:\n{}", srv.log());
        std::thread::sleep(Duration::from_millis(2));
    }
    let t0 = Instant::now();
    signalled.store(true, Ordering::SeqCst);
    srv.sigterm();
    let (code, log) = srv.wait_exit(LIMIT);
    let took = t0.elapsed();
    let results: Vec<(Vec<Resp>, usize)> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(code, 0, "exit code after SIGTERM:\n{log}");
    assert!(took < Duration::from_secs(5), "took {took:?} to stop");
    assert!(log.contains("Stopped."), "{log}");
    let others: Vec<&Resp> = results.iter().flat_map(|(o, _)| o).collect();
    assert!(others.is_empty(), "answers other than 201: {others:?}");
    let failed: usize = results.iter().map(|(_, f)| f).sum();
    assert_eq!(failed, threads, "every client thread ended by the server going away");
    let n = created.load(Ordering::SeqCst);
    eprintln!(
        "{n} leads answered 201, {} of them after SIGTERM",
        after_signal.load(Ordering::SeqCst)
    );
    assert_eq!(lead_rows(&env) as usize, n, "leads stored == 201 answers");
}

// 11 --------------------------------------------------------------------------------------

#[test]
fn client_ip_and_user_agent_are_hashed_and_the_log_keeps_no_secrets() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &token_env());
    let a = one_shot();
    let url = srv.url("/inbound/leads");
    let ua = "Mozilla/5.0 (X11; Linux x86_64) PrivacyProbe/7.3 ua-marker-5e1d";
    let email = "ann.private@example.com";
    let body = json!({"name": "Ann Private", "email": email, "meta": {"request_id": "priv-1"}});
    let mut sent: Vec<(String, u16)> = Vec::new();

    let mut h = json_auth();
    h.extend([("User-Agent", ua), ("X-Request-Id", "priv-req-1")]);
    let r = post(&a, &url, &h, &body.to_string()).unwrap();
    r.accepted(201, "received");
    sent.push(("priv-req-1".into(), 201));
    let r = post(&a, &url, &h, &body.to_string()).unwrap();
    r.accepted(200, "duplicate");
    sent.push(("priv-req-1".into(), 200));
    let r = post(
        &a,
        &url,
        &[
            ("Content-Type", "application/json"),
            ("Authorization", "Bearer wrong-secret-guess-77"),
            ("User-Agent", ua),
        ],
        &body.to_string(),
    )
    .unwrap();
    assert_eq!(r.status, 401);
    sent.push((r.request_id.clone().expect("request id"), 401));
    let invalid = json!({"email": "bob.private@@example.com", "meta": {"request_id": "priv-2"}});
    let r = post(&a, &url, &h, &invalid.to_string()).unwrap();
    assert_eq!(r.status, 422, "{r:?}");
    sent.push(("priv-req-1".into(), 422));
    let r = get(&a, &srv.url("/health"), &[("User-Agent", ua)]);
    sent.push((r.request_id.clone().expect("request id"), 200));
    let r = get(&a, &srv.url("/missing"), &[]);
    sent.push((r.request_id.clone().expect("request id"), 404));
    // a query string is not logged either
    let q = srv.url(&format!("/health?email={email}&token={TOKEN}"));
    let r = get(&a, &q, &[]);
    sent.push((r.request_id.clone().expect("request id"), 200));
    let log = srv.stop();

    // stored: salted hashes, never the raw values
    let (ip, uah): (Option<String>, Option<String>) = env
        .sql()
        .query_row("SELECT ip_hash, user_agent_hash FROM leads", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    let hex64 = |v: &str| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit());
    let ip = ip.expect("an ip hash");
    let uah = uah.expect("a user agent hash");
    assert!(hex64(&ip), "ip_hash {ip:?}");
    assert!(hex64(&uah), "user_agent_hash {uah:?}");
    assert_ne!(ip, uah);
    for h in [&ip, &uah] {
        assert!(!h.contains("127.0.0.1") && !h.contains("ua-marker") && !h.contains("Mozilla"));
    }

    // the log: JSON lines, one per request with its id, status and latency
    let lines: Vec<Value> = log
        .lines()
        .filter(|l| l.trim_start().starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad log line {l:?}: {e}")))
        .collect();
    assert!(!lines.is_empty(), "no JSON log lines (stderr is not a terminal):\n{log}");
    let field = |v: &Value, k: &str| v.get("fields").and_then(|f| f.get(k)).or(v.get(k)).cloned();
    let request_lines: Vec<(String, u64, f64)> = lines
        .iter()
        .filter_map(|v| {
            let rid = field(v, "request_id")?.as_str()?.to_string();
            let status = field(v, "status")?.as_u64()?;
            let latency = field(v, "latency_ms")?.as_f64()?;
            Some((rid, status, latency))
        })
        .collect();
    assert_eq!(request_lines.len(), sent.len(), "one request line per request:\n{log}");
    for (rid, status) in &sent {
        assert!(
            request_lines.iter().any(|(r, s, l)| r == rid && *s == u64::from(*status) && *l >= 0.0),
            "no log line for {rid} / {status}:\n{log}"
        );
    }
    for secret in
        [TOKEN, "wrong-secret-guess-77", email, "bob.private@@example.com", ua, "ua-marker"]
    {
        assert!(!log.contains(secret), "the log contains {secret:?}:\n{log}");
    }
}

#[test]
fn stored_tokens_post_into_their_organisation_are_listed_and_revoked() {
    let env = TestEnv::new();
    // created before the server starts: the server then starts without any env token
    let r =
        env.ok(&["--org", "acme", "token", "create", "--name", "acme-site", "--format", "json"]);
    let doc = r.json();
    let token = doc["token"].as_str().unwrap().to_string();
    assert!(token.starts_with("lct_") && token.len() == 68, "{token}");
    assert_eq!((doc["name"].as_str(), doc["org"].as_str()), (Some("acme-site"), Some("acme")));
    assert!(r.stderr.contains("shown only this once"), "{}", r.stderr);
    // only a hash is stored
    let stored: String =
        env.sql().query_row("SELECT token_hash FROM api_tokens", [], |r| r.get(0)).unwrap();
    assert_eq!(stored.len(), 64);
    assert!(!stored.contains(&token[4..]));
    let dup = env.run(&["--org", "acme", "token", "create", "--name", "acme-site"]);
    dup.error(2);

    let srv = Server::start(&env, &[]);
    let a = one_shot();
    let url = srv.url("/inbound/leads");
    let auth = format!("Bearer {token}");
    let ct = ("Content-Type", "application/json");
    let body = lead("t@example.com", "tok-1");
    let r = post(&a, &url, &[ct, ("Authorization", auth.as_str())], &body).unwrap();
    r.accepted(201, "received");
    let r = post(&a, &url, &[ct, ("Authorization", "Bearer lct_0000")], &body).unwrap();
    r.error(401, "unauthorized");
    // the lead is in the token's organisation, not the server's
    assert_eq!(env.leads_with(&["--org", "acme"]).len(), 1);
    let default_org = env.run(&["list", "--format", "json"]);
    assert!(
        default_org.code != 0 || default_org.json()["items"] == serde_json::json!([]),
        "nothing in the server's own organisation: {}",
        default_org.stdout
    );
    let list = env.ok(&["--org", "acme", "token", "list", "--format", "json"]).json();
    assert!(list[0]["last_used_at"].is_string(), "{list}");
    assert!(!list.to_string().contains(&token), "token list never shows the token");

    // revoked: refused at once, by the running server
    let r = env.run(&["--org", "acme", "token", "revoke", "acme-site"]);
    r.code(0);
    let r =
        post(&a, &url, &[ct, ("Authorization", auth.as_str())], &lead("u@example.com", "tok-2"))
            .unwrap();
    r.error(401, "unauthorized");
    srv.stop();
    let r = env.run(&["--org", "acme", "token", "revoke", "acme-site"]);
    r.error(3);
    let audit =
        env.ok(&["--org", "acme", "audit", "--action", "token.", "--format", "json"]).json();
    let actions: Vec<&str> =
        audit.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"token.create") && actions.contains(&"token.revoke"), "{actions:?}");
    assert!(!audit.to_string().contains(&token));
}

#[test]
fn operator_only_fields_are_refused_over_http() {
    let env = TestEnv::new();
    let srv = Server::start(&env, &token_env());
    let a = one_shot();
    let first = srv.post_lead(&a, &lead("own@example.com", "op-1"));
    let id = first.accepted(201, "received");
    for (field, value) in [
        ("id", serde_json::json!(id)),
        ("status", serde_json::json!("won")),
        ("owner", serde_json::json!("mallory@example.com")),
        ("created_at", serde_json::json!("2020-01-01T00:00:00Z")),
        ("last_contacted_at", serde_json::json!("2026-01-01T00:00:00Z")),
    ] {
        let mut body = serde_json::json!({"email": "other@example.com", "meta": {"request_id": format!("op-{field}")}});
        body[field] = value;
        let r = srv.post_lead(&a, &body.to_string());
        let err = r.error(422, "invalid_fields");
        assert_eq!(err["fields"][0]["field"], field, "{err}");
    }
    srv.stop();
    assert_eq!(lead_rows(&env), 1, "nothing written, nothing merged");
    let leads = env.leads();
    assert_eq!(leads[0]["status"], "new");
    assert_eq!(leads[0]["owner"], serde_json::Value::Null);
}

#[test]
fn the_openapi_document_lists_exactly_the_routes_the_server_answers() {
    let env = TestEnv::new();
    let server = Server::start(&env, &token_env());
    let a = agent();
    let doc = get(&a, &server.url("/openapi.json"), &[]);
    assert_eq!(doc.status, 200, "{doc:?}");
    assert!(doc.content_type.as_deref().unwrap_or("").starts_with("application/json"));
    let doc = doc.json();
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")), "{doc}");
    assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            if ["get", "post", "put", "patch", "delete", "options", "head"]
                .contains(&method.as_str())
            {
                documented.push((method.clone(), path.clone()));
            }
        }
    }
    documented.sort();
    let expected: Vec<(String, String)> = [
        ("get", "/health"),
        ("get", "/openapi.json"),
        ("options", "/inbound/leads"),
        ("post", "/inbound/leads"),
        ("post", "/webhooks/{provider}"),
    ]
    .iter()
    .map(|(m, p)| (m.to_string(), p.to_string()))
    .collect();
    assert_eq!(documented, expected);
    // Every documented route is answered by its handler (not the 404 fallback, not 405), and
    // every documented status of it is described with a JSON error body where it is an error.
    let one = one_shot();
    for (method, path) in &documented {
        let url = server.url(&path.replace("{provider}", "calendly"));
        let rq = ureq::http::Request::builder()
            .method(method.to_uppercase().as_str())
            .uri(&url)
            .header("Origin", "https://unknown.example")
            .body(())
            .unwrap();
        let mut r = one.run(rq).expect("request");
        let status = r.status().as_u16();
        let body = r.body_mut().read_to_string().unwrap_or_default();
        assert_ne!(status, 405, "{method} {path}: {body}");
        assert!(
            !(status == 404 && body.contains("no such route")),
            "{method} {path} is documented but not routed: {body}"
        );
        let responses = doc["paths"][path][method]["responses"].as_object().expect("responses");
        assert!(
            responses.contains_key(&status.to_string()),
            "{method} {path} answered {status}, which the document does not list: {body}"
        );
    }
    // A route the document does not list is not served, with the usual JSON error.
    for (method, path, status, code) in [
        ("GET", "/inbound/leads", 405, "method_not_allowed"),
        ("POST", "/health", 405, "method_not_allowed"),
        ("GET", "/admin", 404, "not_found"),
    ] {
        let rq =
            ureq::http::Request::builder().method(method).uri(server.url(path)).body(()).unwrap();
        let r = finish(one.run(rq).expect("request")).expect("read body");
        r.error(status, code);
    }
    server.stop();
}
