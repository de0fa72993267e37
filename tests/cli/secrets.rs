//! Secrets never reach a log or an output: with every secret leadctl knows configured, the
//! listener at debug level answers good and bad requests of every kind, and the CLI runs
//! `config show`, `queue flush -vv` (failing deliveries) and `token create`; then the captured
//! logs and outputs are searched for each secret. And request bodies over the limit are
//! refused without being read whole: the server's memory stays far below the body's size.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use base64::Engine;

use crate::common::TestEnv;
use crate::server::{Server, agent, post};

/// (variable, value): each value is distinctive, so finding it anywhere is a leak.
fn secrets() -> Vec<(&'static str, String)> {
    let std_key = base64::engine::general_purpose::STANDARD.encode(b"S3CRET-standard-key-7a1c");
    vec![
        ("LEADCTL_INGEST_TOKEN", "S3CRET-ingest-token-0b9d".into()),
        ("LEADCTL_FORWARD_TOKEN", "S3CRET-forward-token-55e1".into()),
        ("SMTP_PASSWORD", "S3CRET-smtp-password-c4a2".into()),
        ("LEADCTL_HASH_SALT", "S3CRET-hash-salt-91fe".into()),
        ("LEADCTL_WEBHOOK_SENDERS", format!("billing=whsec_{std_key}")),
        ("CALENDLY_PROVIDER_SECRET", "S3CRET-calendly-shared-3d3d".into()),
        ("CALENDLY_SIGNING_KEY", "S3CRET-calendly-signing-6b6b".into()),
        ("ZOOM_PROVIDER_SECRET", "S3CRET-zoom-shared-8c8c".into()),
        ("ZOOM_SECRET_TOKEN", "S3CRET-zoom-token-2f2f".into()),
        ("FIREFLIES_PROVIDER_SECRET", "S3CRET-fireflies-shared-4e4e".into()),
        ("FIREFLIES_SIGNING_SECRET", "S3CRET-fireflies-signing-9a9a".into()),
    ]
}

/// Every text that must not appear: the values, and the Standard Webhooks key inside its
/// `whsec_` form (raw and base64).
fn needles(secrets: &[(&str, String)]) -> Vec<String> {
    let mut out: Vec<String> = secrets.iter().map(|(_, v)| v.clone()).collect();
    out.push("S3CRET-standard-key-7a1c".into());
    out.push(base64::engine::general_purpose::STANDARD.encode(b"S3CRET-standard-key-7a1c"));
    out
}

#[test]
fn no_secret_appears_in_any_log_or_output() {
    let env = TestEnv::new();
    let secrets = secrets();
    let mut vars: Vec<(&str, &str)> = secrets.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // Deliveries that fail (nothing listens on port 9), with SMTP configured too.
    vars.extend([
        ("LEADCTL_FORWARD_URL", "http://127.0.0.1:9/leads"),
        ("SMTP_HOST", "127.0.0.1"),
        ("SMTP_PORT", "9"),
        ("SMTP_USERNAME", "mailer"),
        ("FROM_EMAIL", "leads@example.com"),
        ("ADMIN_EMAIL", "admin@example.com"),
        ("LEADCTL_LOG", "debug"),
    ]);
    let mut captured = String::new();
    let mut logs = String::new();

    let srv = Server::start(&env, &vars);
    let a = agent();
    let token = &secrets[0].1;
    let good = format!("Bearer {token}");
    let bad = format!("Bearer {token}x");
    let lead = r#"{"name":"Sec Ret","email":"secret.person@example.com","consent":true,
                   "meta":{"request_id":"sec-1"}}"#;
    let json = ("Content-Type", "application/json");
    let url = srv.url("/inbound/leads");
    for auth in [good.as_str(), bad.as_str()] {
        let r = post(&a, &url, &[("Authorization", auth), json], lead).unwrap();
        captured.push_str(&r.body);
    }
    // Webhooks with the right and a wrong shared secret, and signatures that do not verify.
    for (provider, var) in [
        ("calendly", "CALENDLY_PROVIDER_SECRET"),
        ("zoom", "ZOOM_PROVIDER_SECRET"),
        ("fireflies", "FIREFLIES_PROVIDER_SECRET"),
    ] {
        let secret = &secrets.iter().find(|(k, _)| *k == var).unwrap().1;
        let wrong = format!("{secret}-wrong");
        for shared in [secret.as_str(), wrong.as_str()] {
            let headers = [
                ("X-Webhook-Secret", shared),
                json,
                ("Calendly-Webhook-Signature", "t=1,v1=00"),
                ("x-zm-signature", "v0=00"),
                ("x-zm-request-timestamp", "1"),
                ("X-Hub-Signature", "sha256=00"),
            ];
            let r = post(&a, &srv.url(&format!("/webhooks/{provider}")), &headers, "{}").unwrap();
            captured.push_str(&r.body);
        }
    }
    let r = post(
        &a,
        &srv.url("/webhooks/billing"),
        &[
            ("webhook-id", "msg_1"),
            ("webhook-timestamp", "1"),
            ("webhook-signature", "v1,AAAA"),
            json,
        ],
        "{}",
    )
    .unwrap();
    captured.push_str(&r.body);
    let server_log = srv.stop();
    logs.push_str(&server_log);
    captured.push_str(&server_log);

    // The CLI: configuration in every format, a flush whose deliveries fail, a token.
    for format in ["table", "json", "ndjson", "csv"] {
        let r = env.run_env(&["--format", format, "config", "show"], &vars);
        assert_eq!(r.code, 0, "{}", r.stderr);
        captured.push_str(&r.stdout);
        captured.push_str(&r.stderr);
        logs.push_str(&r.stderr);
    }
    let r = env.run_env(&["-vv", "queue", "flush"], &vars);
    assert!(r.stderr.contains("127.0.0.1"), "the flush ran and failed: {}", r.stderr);
    captured.push_str(&r.stdout);
    captured.push_str(&r.stderr);
    logs.push_str(&r.stderr);
    let r = env.run_env(&["-vv", "queue", "list", "--format", "json"], &vars);
    captured.push_str(&r.stdout);
    captured.push_str(&r.stderr);
    logs.push_str(&r.stderr);
    // A new token is printed once on stdout (that is its point); never on stderr.
    let r = env.run_env(&["-vv", "token", "create", "--name", "site"], &vars);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let new_token = r.stdout.trim().to_string();
    assert!(!r.stderr.contains(&new_token), "{}", r.stderr);
    let r = env.run_env(&["-vv", "token", "list", "--format", "json"], &vars);
    assert!(!r.stdout.contains(&new_token) && !r.stderr.contains(&new_token));
    captured.push_str(&r.stdout);
    captured.push_str(&r.stderr);
    let r = env.run_env(&["-vv", "audit", "--format", "json"], &vars);
    assert!(!r.stdout.contains(&new_token), "the audit log holds no token");
    let audit = r.stdout.clone();
    assert!(audit.contains("ingest"), "the audit log was read: {audit}");
    captured.push_str(&r.stdout);
    captured.push_str(&r.stderr);
    logs.push_str(&r.stderr);

    assert!(captured.contains("request"), "logs were captured: {captured}");
    for needle in needles(&secrets) {
        assert!(!captured.contains(&needle), "{needle} leaked:\n{captured}");
    }
    // Logs (stderr, the server's log) and the audit log carry truncated emails only; data
    // output (queue list) may show the lead's address, which is what it is for.
    for text in [&logs, &audit] {
        assert!(!text.contains("secret.person@example.com"), "a full email leaked:\n{text}");
    }
    // The database keeps only hashes of tokens, IPs and user agents.
    let conn = env.sql();
    let hashes: i64 = conn
        .query_row("SELECT count(*) FROM api_tokens WHERE token_hash = ?1", [&new_token], |r| {
            r.get(0)
        })
        .unwrap_or(0);
    assert_eq!(hashes, 0, "the token itself is not stored");
}

/// Peak resident memory of a process, in KiB.
fn peak_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

#[test]
fn bodies_over_the_limit_are_refused_without_being_read_whole() {
    let env = TestEnv::new();
    let vars = [("LEADCTL_INGEST_TOKEN", "limit-token"), ("MAX_REQUEST_BYTES", "65536")];
    let srv = Server::start(&env, &vars);
    let addr = srv.url("").trim_start_matches("http://").to_string();
    let before = peak_kib(srv.child.id());
    // 256 MiB offered, chunked (no Content-Length to refuse up front): the server must
    // answer 413 after reading little more than its limit.
    let mut s = TcpStream::connect(&addr).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(10))).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let head = "POST /inbound/leads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer limit-token\r\n\
                Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    s.write_all(head.as_bytes()).unwrap();
    let chunk = vec![b' '; 1 << 20];
    let mut sent = 0usize;
    let started = Instant::now();
    for _ in 0..256 {
        let frame = format!("{:x}\r\n", chunk.len());
        if s.write_all(frame.as_bytes())
            .and_then(|()| s.write_all(&chunk))
            .and_then(|()| s.write_all(b"\r\n"))
            .is_err()
        {
            break; // the server stopped reading: refused
        }
        sent += chunk.len();
    }
    let mut answer = Vec::new();
    let _ = s.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(30));
    let grew = peak_kib(srv.child.id()).saturating_sub(before);
    assert!(grew < 32 * 1024, "the server's peak memory grew by {grew} KiB for {sent} bytes sent");
    // And it answers the next request.
    let r = post(
        &agent(),
        &srv.url("/inbound/leads"),
        &[("Authorization", "Bearer limit-token"), ("Content-Type", "application/json")],
        r#"{"email":"next@example.com"}"#,
    )
    .unwrap();
    assert_eq!(r.status, 201, "{r:?}");
    srv.stop();
}
