//! `queue flush` under faults, one regression test per defect found in review: overlapping
//! flushes with a short lease, a database held busy mid-run, durations too long to be times,
//! the spread of retry jitter, malformed sender and admin addresses, a `Retry-After` beyond
//! `queue.max_retry_delay`, and items of a kind the configuration cannot deliver.
//!
//! The upstream is a real HTTP server on 127.0.0.1:0 that records the Idempotency-Key of every
//! request as it arrives and answers each connection on a thread of its own.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::common::{TestEnv, assert_no_panic, outbox_keys, queue_forwards, table_snapshot};

// ---------------------------------------------------------------------------------------------
// The upstream
// ---------------------------------------------------------------------------------------------

/// The one reply the upstream gives to every request.
#[derive(Debug, Clone)]
struct Reply {
    status: u16,
    reason: &'static str,
    headers: Vec<(&'static str, &'static str)>,
    /// How long to wait before answering (each connection has its own thread).
    delay: Duration,
}

impl Reply {
    fn ok_after(delay: Duration) -> Reply {
        Reply { status: 200, reason: "OK", headers: Vec::new(), delay }
    }
}

/// A minimal HTTP/1.1 upstream: a thread accepts connections and starts a thread for each,
/// which reads one request, records its Idempotency-Key, waits the reply's delay, answers
/// with `Connection: close` and closes. Stops accepting when dropped.
///
/// Not tiny_http (as flush_http.rs and flush_concurrency.rs use): its connection pool can lose
/// a wake-up when connections arrive together (see flush_concurrency.rs), leaving one queued
/// until another connection ends. With the 0.8 s replies and 1 s client timeout the
/// short-lease tests need, that wait alone makes a request time out (seen about once in ten
/// runs). A thread per connection never queues one.
struct Upstream {
    url: String,
    addr: SocketAddr,
    keys: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl Upstream {
    fn start(reply: Reply) -> Upstream {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind upstream");
        let addr = listener.local_addr().expect("local address");
        let keys = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (k, st) = (Arc::clone(&keys), Arc::clone(&stop));
        let accept = std::thread::spawn(move || {
            for conn in listener.incoming() {
                if st.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (k, reply) = (Arc::clone(&k), reply.clone());
                // Not joined: a client that gave up must not hold the test.
                std::thread::spawn(move || serve(conn, &k, &reply));
            }
        });
        Upstream { url: format!("http://{addr}/leads"), addr, keys, stop, accept: Some(accept) }
    }

    /// Every key received so far, in arrival order (repeats included).
    fn keys(&self) -> Vec<String> {
        self.keys.lock().unwrap().clone()
    }

    fn received(&self) -> usize {
        self.keys.lock().unwrap().len()
    }

    /// Waits (at most `limit`) until at least `n` requests arrived.
    fn wait_for(&self, n: usize, limit: Duration) {
        let start = Instant::now();
        while self.received() < n {
            assert!(start.elapsed() < limit, "only {} of {n} requests arrived", self.received());
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for Upstream {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // wake the accepting thread so it sees the flag
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
    }
}

/// Reads one request from `conn` (headers, then a body of Content-Length bytes), records its
/// Idempotency-Key, and answers after the reply's delay.
fn serve(conn: TcpStream, keys: &Mutex<Vec<String>>, reply: &Reply) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(10)));
    let Ok(clone) = conn.try_clone() else { return };
    let mut reader = BufReader::new(clone);
    let (mut key, mut length) = (None, 0usize);
    let mut first = true;
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return, // closed (or the wake-up connection of Drop)
            Ok(_) => {}
        }
        let line = line.trim_end();
        if first {
            first = false;
            continue; // the request line
        }
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            let value = value.trim();
            if name.eq_ignore_ascii_case("Idempotency-Key") {
                key = Some(value.to_string());
            } else if name.eq_ignore_ascii_case("Content-Length") {
                length = value.parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    if reader.read_exact(&mut body).is_err() {
        return;
    }
    keys.lock().unwrap().push(key.unwrap_or_default());
    std::thread::sleep(reply.delay);
    let text = format!("upstream answers {}", reply.status);
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\
         Connection: close\r\n",
        reply.status,
        reply.reason,
        text.len()
    );
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let mut w = conn;
    // the client may have given up already
    let _ = w.write_all(head.as_bytes());
    let _ = w.write_all(text.as_bytes());
    let _ = w.flush();
    let _ = w.shutdown(std::net::Shutdown::Both);
}

/// A port of 127.0.0.1 nothing listens on (bound, then freed): connections are refused.
fn closed_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    l.local_addr().expect("local address").port()
}

// ---------------------------------------------------------------------------------------------
// The leadctl side
// ---------------------------------------------------------------------------------------------

/// Times short enough for a test, within the lease rule (the lease is at least three times
/// each timeout).
const SHORT_LEASE: [(&str, &str); 3] = [
    ("LEADCTL_QUEUE_LEASE", "3s"),
    ("LEADCTL_QUEUE_HTTP_TIMEOUT", "1s"),
    ("LEADCTL_QUEUE_SMTP_TIMEOUT", "1s"),
];

/// How many rows of `table` match `cond`.
fn rows(env: &TestEnv, table: &str, cond: &str) -> i64 {
    env.sql()
        .query_row(&format!("SELECT count(*) FROM {table} WHERE {cond}"), [], |r| r.get(0))
        .unwrap()
}

/// The distinct last errors of the outbox items (for failure messages).
fn errors(env: &TestEnv) -> Vec<String> {
    let conn = env.sql();
    let mut st = conn
        .prepare("SELECT DISTINCT last_error FROM outbox WHERE last_error IS NOT NULL")
        .unwrap();
    st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

/// (key, outcome, error, attempted_at) of every attempt that did not deliver (for failure
/// messages).
fn attempts(env: &TestEnv) -> Vec<(String, String, Option<String>, String)> {
    let conn = env.sql();
    let mut st = conn
        .prepare(
            "SELECT o.idempotency_key, a.outcome, a.error, a.attempted_at FROM outbox_attempts a \
             JOIN outbox o ON o.id = a.outbox_id WHERE a.outcome <> 'delivered' ORDER BY a.id",
        )
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// How many times each key was received.
fn tally(keys: &[String]) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for k in keys {
        *m.entry(k.clone()).or_insert(0) += 1;
    }
    m
}

/// A `queue flush` process forwarding to `url` (plus `vars`), its output piped.
fn spawn_flush(env: &TestEnv, url: &str, args: &[&str], vars: &[(&str, &str)]) -> Child {
    let mut all = vec!["queue", "flush"];
    all.extend_from_slice(args);
    let mut c = env.cmd(&all);
    c.env("LEADCTL_FORWARD_URL", url);
    for (k, v) in vars {
        c.env(k, v);
    }
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    c.spawn().expect("spawn leadctl queue flush")
}

/// Waits (at most `limit`, then kills it and fails) for a flush process; returns (exit code,
/// stdout, stderr).
fn finish(mut child: Child, limit: Duration) -> (i32, String, String) {
    let start = Instant::now();
    while child.try_wait().expect("poll the flush").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().expect("reap the flush");
            panic!(
                "the flush ran longer than {limit:?}:\nstdout: {}\nstderr: {}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("wait for the flush");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_no_panic(&stderr);
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

/// The N of "Delivered N, will retry M, dead 0." (0 for "Nothing to deliver."); anything else
/// fails. (Retries are timeouts on a loaded machine; the callers check that.)
fn delivered(stdout: &str) -> usize {
    let line = stdout.trim();
    if line == "Nothing to deliver." {
        return 0;
    }
    let n = line
        .strip_prefix("Delivered ")
        .and_then(|r| r.split_once(", will retry "))
        .filter(|(_, rest)| rest.ends_with(", dead 0."))
        .and_then(|(n, _)| n.parse().ok());
    n.unwrap_or_else(|| panic!("not a clean flush summary: {stdout:?}"))
}

/// A stored timestamp.
fn ts(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("bad timestamp {s}: {e}"))
        .with_timezone(&Utc)
}

/// (item id, attempted_at, next_attempt_at) of every item with exactly one attempt, by id.
fn attempt_and_next(env: &TestEnv) -> Vec<(i64, DateTime<Utc>, DateTime<Utc>)> {
    let conn = env.sql();
    let mut st = conn
        .prepare(
            "SELECT o.id, a.attempted_at, o.next_attempt_at FROM outbox o \
             JOIN outbox_attempts a ON a.outbox_id = o.id WHERE o.attempts = 1 ORDER BY o.id",
        )
        .unwrap();
    st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .map(|(id, at, next)| (id, ts(&at), ts(&next)))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 1. Overlapping flushes with a short lease
// ---------------------------------------------------------------------------------------------

/// Two flushes of `--concurrency c` started at the same moment over `n` forwards, with a 3 s
/// lease, 1 s timeouts and an upstream that takes 0.8 s per request: a claimed item never
/// waits behind others long enough for its lease to run out, so every item is sent exactly
/// once. (Before the fix a flush claimed 2c items whenever its local queue ran dry and recorded
/// them only at its next claim, holding an item for up to four deliveries, 3.2 s here: the
/// other flush took the expired leases and sent those items again.)
fn two_flushes_with_a_short_lease(n: usize, c: usize) {
    let env = TestEnv::new();
    let keys = queue_forwards(&env, n);
    let up = Upstream::start(Reply::ok_after(Duration::from_millis(800)));
    let conc = c.to_string();
    let args = ["--concurrency", conc.as_str()];
    let children: Vec<Child> =
        (0..2).map(|_| spawn_flush(&env, &up.url, &args, &SHORT_LEASE)).collect();
    let mut outs = Vec::new();
    for child in children {
        let (code, stdout, stderr) = finish(child, Duration::from_secs(30));
        assert_eq!(
            code,
            0,
            "a flush failed:\nstdout: {stdout}\nstderr: {stderr}\nerrors: {:?}",
            errors(&env)
        );
        outs.push(stdout);
    }
    let got = up.keys();
    let t = tally(&got);
    let repeats: Vec<_> = t.iter().filter(|(_, k)| **k > 1).collect();
    assert!(repeats.is_empty(), "sent more than once: {repeats:?}\nsummaries: {outs:?}");
    // On a loaded machine an 0.8 s answer can miss the 1 s timeout: such an item is retrying
    // (legitimately, not sent again by this pass). Anything else than a timeout is a failure.
    let timeouts =
        rows(&env, "outbox_attempts", "outcome = 'failed' AND error LIKE '%timed out%'") as usize;
    assert_eq!(
        rows(&env, "outbox_attempts", "outcome <> 'delivered'") as usize,
        timeouts,
        "only timeouts may fail: {outs:?}\nattempts: {:?}",
        attempts(&env)
    );
    let counts: Vec<usize> = outs.iter().map(|o| delivered(o)).collect();
    assert!(got.len() <= n && got.len() + timeouts >= n, "{} received of {n}", got.len());
    assert_eq!(
        counts.iter().sum::<usize>(),
        n - timeouts,
        "the Delivered counts add up: {counts:?}"
    );
    let done = outbox_keys(&env, "state = 'delivered' AND attempts = 1");
    assert_eq!(done.len(), n - timeouts, "all done but the timeouts");
    assert!(done.is_subset(&keys));
    assert_eq!(rows(&env, "outbox", "lease_owner IS NOT NULL"), 0, "no lease left behind");
    assert_eq!(rows(&env, "outbox_attempts", "1 = 1"), n as i64, "one attempt per item");
    assert!(timeouts <= n / 2, "{timeouts} timeouts: the machine is too loaded for this test");
}

#[test]
fn two_single_slot_flushes_with_a_short_lease_send_every_item_once() {
    two_flushes_with_a_short_lease(12, 1);
}

/// 60 items, not 30: with 30, two four-slot flushes claim everything within their first
/// second, so even a flush that holds claimed items too long finishes before a lease runs out.
#[test]
fn two_four_slot_flushes_with_a_short_lease_send_every_item_once() {
    two_flushes_with_a_short_lease(60, 4);
}

// ---------------------------------------------------------------------------------------------
// 2. The database held busy mid-run
// ---------------------------------------------------------------------------------------------

#[test]
fn a_database_held_busy_mid_run_loses_no_finished_result() {
    let env = TestEnv::new();
    let keys = queue_forwards(&env, 20);
    let up = Upstream::start(Reply::ok_after(Duration::from_millis(300)));
    let child =
        spawn_flush(&env, &up.url, &["--concurrency", "4"], &[("LEADCTL_BUSY_TIMEOUT_MS", "1000")]);
    up.wait_for(1, Duration::from_secs(10));

    // another writer holds the database for three busy timeouts while deliveries finish
    let conn = env.sql();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let held = Instant::now();
    std::thread::sleep(Duration::from_secs(3));
    let during = up.received();
    conn.execute_batch("ROLLBACK").unwrap();
    drop(conn);
    let held = held.elapsed();

    let (code, stdout, stderr) = finish(child, Duration::from_secs(30));
    assert_eq!(code, 0, "held {held:?}\nstdout: {stdout}\nstderr: {stderr}");
    assert_eq!(stdout, "Delivered 20, will retry 0, dead 0.\n", "stderr: {stderr}");
    assert!(during < 20, "the lock was taken mid-run ({during} requests by its end)");
    assert!(stderr.contains("database busy"), "the flush found the database busy: {stderr}");
    let t = tally(&up.keys());
    assert_eq!(t.keys().cloned().collect::<BTreeSet<_>>(), keys, "every key arrived");
    assert!(t.values().all(|k| *k == 1), "nothing was sent twice: {t:?}");
    assert_eq!(outbox_keys(&env, "state = 'delivered' AND attempts = 1"), keys, "all done");
    assert_eq!(rows(&env, "outbox", "lease_owner IS NOT NULL"), 0, "no lease left behind");
    assert_eq!(rows(&env, "outbox_attempts", "outcome = 'delivered'"), 20);
    assert_eq!(rows(&env, "outbox_attempts", "1 = 1"), 20, "one attempt per item");
}

// ---------------------------------------------------------------------------------------------
// 3. Durations too long to be times
// ---------------------------------------------------------------------------------------------

#[test]
fn huge_queue_durations_are_usage_errors_before_anything_is_sent() {
    let env = TestEnv::new();
    queue_forwards(&env, 2);
    let up = Upstream::start(Reply::ok_after(Duration::ZERO));
    let before = table_snapshot(&env);
    let cases = [
        ("LEADCTL_QUEUE_HTTP_TIMEOUT", "18446744073709551615", "queue.http_timeout"),
        ("LEADCTL_QUEUE_SMTP_TIMEOUT", "18446744073709551615", "queue.smtp_timeout"),
        ("LEADCTL_QUEUE_LEASE", "99999999999999", "queue.lease"),
        ("LEADCTL_QUEUE_MAX_RETRY_DELAY", "99999d", "queue.max_retry_delay"),
        ("LEADCTL_QUEUE_FIRST_RETRY_DELAY", "3650000d", "queue.first_retry_delay"),
    ];
    for (var, value, key) in cases {
        for extra in [&[][..], &["--dry-run"][..]] {
            let mut args = vec!["queue", "flush"];
            args.extend_from_slice(extra);
            let r = env.run_env(&args, &[("LEADCTL_FORWARD_URL", &up.url), (var, value)]);
            assert_no_panic(&r.stderr);
            r.error(2);
            let line = r.stderr.lines().find(|l| l.starts_with("error:")).unwrap();
            assert!(line.contains(key), "{var}={value} {extra:?}: the error names {key}: {line}");
            assert_eq!(r.stdout, "", "{var}={value}");
        }
    }
    assert_eq!(up.received(), 0, "nothing was sent");
    assert_eq!(table_snapshot(&env), before, "the database is unchanged");
}

// ---------------------------------------------------------------------------------------------
// 4. Jitter spreads items that fail together
// ---------------------------------------------------------------------------------------------

#[test]
fn items_failing_together_get_spread_out_retry_times() {
    let env = TestEnv::new();
    queue_forwards(&env, 40);
    let url = format!("http://127.0.0.1:{}/leads", closed_port());
    let (code, stdout, stderr) = finish(
        spawn_flush(&env, &url, &[], &[("LEADCTL_QUEUE_FIRST_RETRY_DELAY", "1h")]),
        Duration::from_secs(30),
    );
    assert_eq!(code, 0, "stdout: {stdout}\nstderr: {stderr}");
    assert_eq!(stdout, "Delivered 0, will retry 40, dead 0.\n", "{:?}", errors(&env));
    assert_eq!(rows(&env, "outbox", "state = 'pending' AND attempts = 1"), 40, "all retrying");
    let r = env.ok(&["queue", "list", "--state", "retrying", "--format", "json", "--limit", "100"]);
    assert_eq!(r.json().as_array().map(Vec::len), Some(40), "queue list says retrying");

    let got = attempt_and_next(&env);
    assert_eq!(got.len(), 40);
    for (id, at, next) in &got {
        let wait = *next - *at;
        assert!(
            wait >= chrono::Duration::minutes(30) && wait <= chrono::Duration::minutes(60),
            "item {id}: the first retry is half to all of 1h after the attempt, got {wait}"
        );
    }
    let nexts: Vec<DateTime<Utc>> = got.iter().map(|(_, _, n)| *n).collect();
    let distinct: BTreeSet<DateTime<Utc>> = nexts.iter().copied().collect();
    assert!(distinct.len() >= 30, "only {} distinct retry times: {nexts:?}", distinct.len());
    let spread = *distinct.last().unwrap() - *distinct.first().unwrap();
    assert!(spread > chrono::Duration::minutes(5), "retry times within {spread}: {nexts:?}");
    assert!(nexts.windows(2).any(|w| w[0] > w[1]), "retry times follow item order: {nexts:?}");

    // The waits themselves (next attempt minus attempt, which takes out when each attempt
    // ended) are spread too, not in clusters of near-identical values: 40 uniform draws over
    // 30 minutes rarely share a whole second, and five within one second are out of reach.
    let mut waits: Vec<i64> =
        got.iter().map(|(_, at, next)| (*next - *at).num_milliseconds()).collect();
    waits.sort_unstable();
    let seconds: BTreeSet<i64> = waits.iter().map(|w| w / 1000).collect();
    assert!(
        seconds.len() >= 30,
        "only {} distinct waits (whole seconds): {waits:?}",
        seconds.len()
    );
    let clustered = waits.windows(5).find(|w| w[4] - w[0] < 1000);
    assert!(clustered.is_none(), "five waits within one second: {clustered:?} of {waits:?}");
}

// ---------------------------------------------------------------------------------------------
// 5. Malformed sender or admin address
// ---------------------------------------------------------------------------------------------

#[test]
fn a_malformed_from_or_admin_address_stops_the_flush_before_it_claims_anything() {
    let env = TestEnv::new();
    let port = closed_port().to_string();
    let smtp = [
        ("SMTP_HOST", "127.0.0.1"),
        ("SMTP_PORT", port.as_str()),
        ("SMTP_TLS", "none"),
        ("FROM_EMAIL", "hello@example.com"),
        ("ADMIN_EMAIL", "sales@example.com"),
    ];
    let path = env.write(
        "a.ndjson",
        &format!("{}\n", json!({"name": "Ann Lee", "email": "ann@example.com", "consent": true})),
    );
    let r = env.run_env(&["ingest", "--format", "json", "--file", path.to_str().unwrap()], &smtp);
    r.code(0);
    assert_eq!(r.json()["created"], 1);
    let kinds: BTreeSet<String> = {
        let conn = env.sql();
        let mut st = conn
            .prepare("SELECT kind FROM outbox WHERE state = 'pending' AND attempts = 0")
            .unwrap();
        st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(kinds, BTreeSet::from(["admin_alert".into(), "welcome_email".into()]));
    let before = table_snapshot(&env);

    for (var, key, bad) in [
        ("FROM_EMAIL", "from_email", "Sales team at example.com"),
        ("ADMIN_EMAIL", "admin_email", "sales at example.com"),
    ] {
        let vars: Vec<(&str, &str)> =
            smtp.iter().map(|(k, v)| (*k, if *k == var { bad } else { *v })).collect();
        for extra in [&[][..], &["--kind", "welcome_email"][..]] {
            let mut args = vec!["queue", "flush"];
            args.extend_from_slice(extra);
            let r = env.run_env(&args, &vars);
            r.error(2);
            let line = r.stderr.lines().find(|l| l.starts_with("error:")).unwrap();
            assert!(line.contains(key), "{var}={bad:?} {extra:?}: names {key}: {line}");
            assert!(line.contains(bad), "{var}={bad:?}: shows the value: {line}");
            assert_eq!(r.stdout, "");
            assert_eq!(table_snapshot(&env), before, "{var}: nothing was claimed or recorded");
        }
    }
    assert_eq!(rows(&env, "outbox", "state = 'pending' AND attempts = 0"), 2);
    assert_eq!(rows(&env, "outbox", "lease_owner IS NOT NULL"), 0);
}

// ---------------------------------------------------------------------------------------------
// 6. Retry-After beyond queue.max_retry_delay
// ---------------------------------------------------------------------------------------------

#[test]
fn a_retry_after_longer_than_the_max_retry_delay_is_honoured() {
    let env = TestEnv::new();
    queue_forwards(&env, 1);
    let reply = Reply {
        status: 429,
        reason: "Too Many Requests",
        headers: vec![("Retry-After", "7200")],
        delay: Duration::ZERO,
    };
    let up = Upstream::start(reply);
    let vars =
        [("LEADCTL_QUEUE_MAX_RETRY_DELAY", "1m"), ("LEADCTL_QUEUE_FIRST_RETRY_DELAY", "10s")];
    let (code, stdout, stderr) =
        finish(spawn_flush(&env, &up.url, &[], &vars), Duration::from_secs(30));
    assert_eq!(code, 0, "stdout: {stdout}\nstderr: {stderr}");
    assert_eq!(stdout, "Delivered 0, will retry 1, dead 0.\n");
    assert_eq!(up.keys(), ["req-0000"]);
    let got = attempt_and_next(&env);
    assert_eq!(got.len(), 1, "one attempt, still pending");
    let (_, at, next) = got[0];
    let wait = next - at;
    assert!(
        wait >= chrono::Duration::hours(2),
        "Retry-After: 7200 asks for 2 h; the next attempt is {wait} after the attempt"
    );
    assert!(wait <= chrono::Duration::hours(2) + chrono::Duration::minutes(1), "{wait}");
    assert_eq!(rows(&env, "outbox", "state = 'pending' AND lease_owner IS NULL"), 1);
    assert_eq!(rows(&env, "outbox_attempts", "http_status = 429"), 1);
}

// ---------------------------------------------------------------------------------------------
// 7. Items of a kind the configuration cannot deliver
// ---------------------------------------------------------------------------------------------

#[test]
fn forwards_waiting_for_an_unset_forward_url_are_warned_about_even_when_quiet() {
    let env = TestEnv::new();
    queue_forwards(&env, 2);
    let before = table_snapshot(&env);
    let r = env.run(&["queue", "flush", "--quiet"]);
    r.code(0);
    assert_eq!(r.stdout, "", "nothing to say on stdout: {}", r.stderr);
    let warnings: Vec<&str> = r.stderr.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(warnings.len(), 1, "{}", r.stderr);
    assert!(
        warnings[0].contains("forward items wait")
            && warnings[0].contains("forward.url is not set"),
        "{}",
        warnings[0]
    );
    assert!(!r.stderr.contains("error:"), "{}", r.stderr);
    assert_eq!(table_snapshot(&env), before, "nothing was claimed");
    assert_eq!(rows(&env, "outbox", "state = 'pending' AND attempts = 0"), 2);
}
