//! Concurrent use of one database, as in production: the listener under a steady load, a
//! `queue flush` every second (cron beside it), and an operator running `list`, `status` and
//! `export`, all at once for 30 s. No "database is locked" reaches anyone, no request or
//! command fails, and the counts add up: one lead per 201, one forward per lead, each
//! delivered exactly once.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::common::TestEnv;
use crate::serve_forms::Upstream;
use crate::server::{Server, TOKEN, agent, json_auth, post};

const RUN: Duration = Duration::from_secs(30);

#[test]
fn listener_flushes_and_an_operator_share_one_database_for_30_seconds() {
    let env = TestEnv::new();
    env.ingest_ok("operator.ndjson", r#"{"email":"operator@example.com"}"#);
    let up = Upstream::start(Duration::ZERO);
    let url = up.url();
    let vars: Vec<(&str, &str)> =
        vec![("LEADCTL_INGEST_TOKEN", TOKEN), ("LEADCTL_FORWARD_URL", url.as_str())];
    let srv = Server::start(&env, &vars);
    let stop = Arc::new(AtomicBool::new(false));
    let env = Arc::new(env);

    // Three site backends posting steadily (a few hundred leads a second in all).
    let posters: Vec<_> = (0..3)
        .map(|t| {
            let (stop, url) = (Arc::clone(&stop), srv.url("/inbound/leads"));
            std::thread::spawn(move || {
                let agent = agent();
                let (mut created, mut other) = (0u64, Vec::new());
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    let body = format!(
                        r#"{{"email":"p{t}-{i}@example.com","meta":{{"request_id":"p{t}-{i}"}}}}"#
                    );
                    match post(&agent, &url, &json_auth(), &body) {
                        Ok(r) if r.status == 201 => created += 1,
                        Ok(r) => other.push(format!("{} {}", r.status, r.body)),
                        Err(e) => other.push(e.to_string()),
                    }
                    i += 1;
                    std::thread::sleep(Duration::from_millis(8));
                }
                (created, other)
            })
        })
        .collect();

    // cron: `queue flush` every second.
    let flusher = {
        let (stop, env) = (Arc::clone(&stop), Arc::clone(&env));
        let url = url.clone();
        std::thread::spawn(move || {
            let mut runs = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let r =
                    env.run_env(&["queue", "flush", "--quiet"], &[("LEADCTL_FORWARD_URL", &url)]);
                runs.push((r.code, r.stderr));
                std::thread::sleep(Duration::from_secs(1));
            }
            runs
        })
    };

    // The operator: list, move a lead back and forth, export.
    let operator = {
        let (stop, env) = (Arc::clone(&stop), Arc::clone(&env));
        std::thread::spawn(move || {
            let mut failures = Vec::new();
            let mut runs = 0;
            let mut slowest = Duration::ZERO;
            let commands: [&[&str]; 4] = [
                &["--format", "json", "list", "--limit", "20"],
                &["status", "operator@example.com", "invited", "--quiet"],
                &["export", "--format", "csv", "--columns", "id,email"],
                &["status", "operator@example.com", "new", "--quiet"],
            ];
            while !stop.load(Ordering::Relaxed) {
                for args in commands {
                    let started = Instant::now();
                    let r = env.run(args);
                    slowest = slowest.max(started.elapsed());
                    runs += 1;
                    if r.code != 0 {
                        failures.push(format!("{args:?}: exit {}: {}", r.code, r.stderr));
                    }
                }
            }
            (runs, failures, slowest)
        })
    };

    std::thread::sleep(RUN);
    stop.store(true, Ordering::Relaxed);
    let mut created = 0;
    for p in posters {
        let (c, other) = p.join().unwrap();
        assert!(other.is_empty(), "answers other than 201: {:?}", &other[..other.len().min(5)]);
        created += c;
    }
    let flushes = flusher.join().unwrap();
    let (operator_runs, failures, slowest) = operator.join().unwrap();
    srv.stop();

    assert!(failures.is_empty(), "operator commands failed: {failures:#?}");
    assert!(operator_runs >= 8, "the operator ran {operator_runs} commands");
    assert!(flushes.len() >= 10, "{} flushes in {RUN:?}", flushes.len());
    for (code, stderr) in &flushes {
        assert_eq!(*code, 0, "a flush failed: {stderr}");
        assert!(!stderr.contains("locked") && !stderr.contains("busy"), "{stderr}");
    }
    assert!(created > 100, "only {created} leads posted");
    eprintln!(
        "{created} leads posted, {} flushes, {operator_runs} operator commands (slowest {slowest:?})",
        flushes.len()
    );

    // Deliver what the last flush did not reach, then count.
    let last = env.run_env(&["queue", "flush", "--quiet"], &[("LEADCTL_FORWARD_URL", &url)]);
    assert_eq!(last.code, 0, "{}", last.stderr);
    let leads: i64 = env.sql().query_row("SELECT count(*) FROM leads", [], |r| r.get(0)).unwrap();
    assert_eq!(leads as u64, created + 1, "one lead per 201, plus the operator's");
    let got = up.requests();
    let keys: Vec<String> =
        got.iter().map(|r| r.header("idempotency-key").unwrap_or("").to_string()).collect();
    let distinct: BTreeSet<&String> = keys.iter().collect();
    assert_eq!(distinct.len(), keys.len(), "a forward was delivered twice");
    assert_eq!(keys.len() as u64, created, "one forward per posted lead");
    env.ok(&["db", "check"]);
}
