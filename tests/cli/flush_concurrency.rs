//! Several `queue flush` processes at once, and flushes that die or are stopped: a real HTTP
//! upstream (tiny_http on a pool of threads, so concurrent requests are served concurrently)
//! records the Idempotency-Key of every forward it receives, so the tests can count exactly
//! what was sent how many times.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::common::{TestEnv, assert_no_panic, outbox_keys, queue_forwards};

/// Answers 200 and asks the client to close the connection.
///
/// tiny_http 0.12 serves each connection on a thread of its own task pool, and that pool can
/// lose a wake-up: when two connections arrive before the one idle thread wakes, the second
/// waits in the queue until some thread finishes a connection. With keep-alive connections
/// that stay open for the whole flush, that is until a client times out (seen here: a request
/// arriving exactly at reqwest's 1 s timeout). Closing every connection after its response
/// bounds the wait to one request. tiny_http drops a `Connection` header given to
/// `Response`, hence the raw writer.
fn respond_and_close(rq: tiny_http::Request) {
    let body = "{\"ok\":true}";
    let mut w = rq.into_writer();
    let _ = write!(
        w,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = w.flush();
}

/// An HTTP upstream on a free port of 127.0.0.1 that answers every request 200 after
/// `delay` milliseconds, recording each Idempotency-Key as the request arrives.
struct Upstream {
    url: String,
    keys: Arc<Mutex<Vec<String>>>,
    delay_ms: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    threads: Vec<JoinHandle<()>>,
}

impl Upstream {
    fn start(threads: usize, delay_ms: u64) -> Upstream {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind upstream"));
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let keys = Arc::new(Mutex::new(Vec::new()));
        let delay = Arc::new(AtomicU64::new(delay_ms));
        let stop = Arc::new(AtomicBool::new(false));
        let threads = (0..threads)
            .map(|_| {
                let (server, keys, delay, stop) =
                    (Arc::clone(&server), Arc::clone(&keys), Arc::clone(&delay), Arc::clone(&stop));
                std::thread::spawn(move || {
                    while !stop.load(Ordering::SeqCst) {
                        let Ok(Some(mut rq)) = server.recv_timeout(Duration::from_millis(50))
                        else {
                            continue;
                        };
                        let key = rq
                            .headers()
                            .iter()
                            .find(|h| h.field.equiv("Idempotency-Key"))
                            .map(|h| h.value.as_str().to_string())
                            .unwrap_or_default();
                        let mut body = String::new();
                        let _ = std::io::Read::read_to_string(rq.as_reader(), &mut body);
                        keys.lock().unwrap().push(key);
                        std::thread::sleep(Duration::from_millis(delay.load(Ordering::SeqCst)));
                        respond_and_close(rq);
                    }
                })
            })
            .collect();
        Upstream {
            url: format!("http://127.0.0.1:{port}/leads"),
            keys,
            delay_ms: delay,
            stop,
            threads,
        }
    }

    /// Every key received so far, in arrival order (repeats included).
    fn keys(&self) -> Vec<String> {
        self.keys.lock().unwrap().clone()
    }

    fn received(&self) -> usize {
        self.keys.lock().unwrap().len()
    }

    fn set_delay(&self, ms: u64) {
        self.delay_ms.store(ms, Ordering::SeqCst);
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
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

/// How many times each key was received.
fn tally(keys: &[String]) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for k in keys {
        *m.entry(k.clone()).or_insert(0) += 1;
    }
    m
}

/// The distinct last errors of the outbox items (for failure messages).
fn errors(env: &TestEnv) -> Vec<String> {
    let conn = env.sql();
    let mut st = conn
        .prepare("SELECT DISTINCT last_error FROM outbox WHERE last_error IS NOT NULL")
        .unwrap();
    st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

fn count(env: &TestEnv, cond: &str) -> usize {
    outbox_keys(env, cond).len()
}

/// A `queue flush` process with the forward URL (and `vars`), its output piped.
fn spawn_flush(env: &TestEnv, up: &Upstream, args: &[&str], vars: &[(&str, &str)]) -> Child {
    let mut all = vec!["queue", "flush"];
    all.extend_from_slice(args);
    let mut c = env.cmd(&all);
    c.env("LEADCTL_FORWARD_URL", &up.url);
    for (k, v) in vars {
        c.env(k, v);
    }
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    c.spawn().expect("spawn leadctl queue flush")
}

/// Waits for a flush process; returns (exit code, stdout, stderr).
fn finish(child: Child) -> (i32, String, String) {
    let out = child.wait_with_output().expect("wait for flush");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_no_panic(&stderr);
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

/// The N of "Delivered N, ..." (0 for "Nothing to deliver.").
fn delivered(stdout: &str) -> usize {
    let line = stdout.trim();
    if line == "Nothing to deliver." {
        return 0;
    }
    let n = line
        .strip_prefix("Delivered ")
        .and_then(|r| r.split(',').next())
        .and_then(|n| n.parse().ok());
    n.unwrap_or_else(|| panic!("not a flush summary: {stdout:?}"))
}

/// `procs` flushes started at the same moment over 200 queued forwards: every item is sent
/// exactly once and the processes' counts add up.
fn overlapping_flushes(procs: usize) {
    let env = TestEnv::new();
    let keys = queue_forwards(&env, 200);
    let up = Upstream::start(16, 20);
    let children: Vec<Child> =
        (0..procs).map(|_| spawn_flush(&env, &up, &["--concurrency", "4"], &[])).collect();
    let mut total = 0;
    let mut counts = Vec::new();
    for child in children {
        let (code, stdout, stderr) = finish(child);
        assert_eq!(code, 0, "a flush failed:\nstdout: {stdout}\nstderr: {stderr}");
        assert!(!stdout.contains("taken over"), "no lease was lost: {stdout}");
        assert!(stdout.trim() == "Nothing to deliver." || stdout.contains("will retry 0, dead 0"));
        counts.push(delivered(&stdout));
        total += delivered(&stdout);
    }
    let got = up.keys();
    let t = tally(&got);
    assert_eq!(got.len(), 200, "200 requests in all (counts per process: {counts:?})");
    assert_eq!(t.keys().cloned().collect::<BTreeSet<_>>(), keys, "every key arrived");
    let repeats: Vec<_> = t.iter().filter(|(_, n)| **n > 1).collect();
    assert!(repeats.is_empty(), "sent more than once: {repeats:?}");
    assert_eq!(total, 200, "the processes' Delivered counts add up: {counts:?}");
    assert_eq!(count(&env, "state = 'delivered'"), 200, "every item is done");
    assert_eq!(count(&env, "lease_owner IS NOT NULL"), 0, "no lease is left behind");
    let attempts: i64 =
        env.sql().query_row("SELECT count(*) FROM outbox_attempts", [], |r| r.get(0)).unwrap();
    assert_eq!(attempts, 200, "one attempt recorded per item");
}

#[test]
fn two_flushes_at_once_send_every_item_exactly_once() {
    overlapping_flushes(2);
}

#[test]
fn three_flushes_at_once_send_every_item_exactly_once() {
    overlapping_flushes(3);
}

/// Times short enough for a test, within the lease rule (the lease is at least three times
/// each timeout).
const SHORT_LEASE: [(&str, &str); 3] = [
    ("LEADCTL_QUEUE_LEASE", "3s"),
    ("LEADCTL_QUEUE_HTTP_TIMEOUT", "1s"),
    ("LEADCTL_QUEUE_SMTP_TIMEOUT", "1s"),
];

/// The lease of the flush that is killed.
const DEAD_LEASE: [(&str, &str); 3] = [
    ("LEADCTL_QUEUE_LEASE", "10s"),
    ("LEADCTL_QUEUE_HTTP_TIMEOUT", "1s"),
    ("LEADCTL_QUEUE_SMTP_TIMEOUT", "1s"),
];

/// A flush killed with SIGKILL leaves its claimed items leased: a flush right after it does
/// not touch them, a flush after the lease sends them. Only what the dead flush had sent but
/// not recorded is sent twice.
///
/// The bound: a flush of concurrency c claims 2c items whenever its local queue runs dry and
/// records finished attempts in the same transaction, so what it holds unrecorded at any
/// moment is at most the 2c of its last claim plus the c that were still in flight from the
/// claim before: 3c. Only those that reached the upstream can be repeated.
#[test]
fn a_killed_flush_leaves_its_leases_to_expire_and_repeats_at_most_what_was_in_flight() {
    const C: usize = 2;
    let env = TestEnv::new();
    let keys = queue_forwards(&env, 60);
    let up = Upstream::start(8, 100);
    // The dead flush's leases last 10 s, so that the next flush surely starts before they run
    // out, even on a slow machine.
    let mut child = spawn_flush(&env, &up, &["--concurrency", &C.to_string()], &DEAD_LEASE);
    up.wait_for(10, Duration::from_secs(10));
    child.kill().expect("SIGKILL the flush");
    let status = child.wait().expect("reap the flush");
    assert!(!status.success(), "killed: {status:?}");
    let sent_by_dead = tally(&up.keys());
    // The kill left a sound database (its claims and recorded attempts are whole).
    env.ok(&["db", "check"]);

    // what the dead flush still holds: pending items with a live lease
    let leased = outbox_keys(&env, "state = 'pending' AND lease_owner IS NOT NULL");
    let done_before = outbox_keys(&env, "state = 'delivered'");
    assert!(!leased.is_empty(), "the killed flush held leases");
    assert!(leased.len() <= 3 * C, "at most 3c items are held unrecorded: {leased:?}");
    let owners: i64 = env
        .sql()
        .query_row("SELECT count(DISTINCT lease_owner) FROM outbox", [], |r| r.get(0))
        .unwrap();
    assert_eq!(owners, 1, "one (dead) owner");
    // every item it recorded was received; what it held may or may not have been
    assert!(done_before.iter().all(|k| sent_by_dead.contains_key(k)));

    // right away: everything but the leased items is delivered, the leased ones are untouched
    up.set_delay(0);
    let before = up.received();
    let (code, stdout, stderr) =
        finish(spawn_flush(&env, &up, &["--concurrency", "8"], &SHORT_LEASE));
    assert_eq!(code, 0, "stdout: {stdout}\nstderr: {stderr}");
    let second: BTreeSet<String> = up.keys()[before..].iter().cloned().collect();
    assert!(second.is_disjoint(&leased), "a live lease was not respected: {second:?}");
    assert_eq!(
        delivered(&stdout),
        60 - done_before.len() - leased.len(),
        "{stdout}\nerrors: {:?}",
        errors(&env)
    );
    assert_eq!(
        outbox_keys(&env, "state = 'pending' AND lease_owner IS NOT NULL"),
        leased,
        "the dead flush's leases are still there"
    );
    assert_eq!(count(&env, "state = 'delivered'"), 60 - leased.len());

    // after the lease ran out (10 s after the last claim), the rest is delivered
    let wait: f64 = env
        .sql()
        .query_row(
            "SELECT (julianday(max(lease_expires_at)) - julianday('now')) * 86400.0 FROM outbox \
             WHERE lease_owner IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(wait <= 10.0, "the dead flush's lease is 10 s: {wait}");
    std::thread::sleep(Duration::from_secs_f64(wait.max(0.0) + 0.2));
    let before = up.received();
    let (code, stdout, stderr) =
        finish(spawn_flush(&env, &up, &["--concurrency", "8"], &SHORT_LEASE));
    assert_eq!(code, 0, "stdout: {stdout}\nstderr: {stderr}");
    assert_eq!(delivered(&stdout), leased.len(), "{stdout}");
    let third: BTreeSet<String> = up.keys()[before..].iter().cloned().collect();
    assert_eq!(third, leased, "exactly the expired leases were sent");

    assert_eq!(count(&env, "state = 'delivered'"), 60, "every item is done");
    assert_eq!(count(&env, "lease_owner IS NOT NULL"), 0);
    let t = tally(&up.keys());
    assert_eq!(t.keys().cloned().collect::<BTreeSet<_>>(), keys, "every key arrived");
    let repeated: BTreeSet<String> =
        t.iter().filter(|(_, n)| **n > 1).map(|(k, _)| k.clone()).collect();
    assert!(t.values().all(|n| *n <= 2), "at most one repeat per item: {t:?}");
    assert!(repeated.is_subset(&leased), "only held items are repeated: {repeated:?}");
    assert!(repeated.len() <= 3 * C, "{repeated:?}");
    // and those are exactly the held items the dead flush had already sent
    let sent_and_held: BTreeSet<String> =
        leased.iter().filter(|k| sent_by_dead.contains_key(*k)).cloned().collect();
    assert_eq!(repeated, sent_and_held);
}

/// SIGTERM: the flush stops claiming, finishes and records what is in flight, gives back the
/// rest, prints its summary and exits 130; the next flush sends the rest, nothing twice.
#[test]
fn a_terminated_flush_records_what_was_in_flight_and_gives_back_the_rest() {
    let env = TestEnv::new();
    let keys = queue_forwards(&env, 30);
    let up = Upstream::start(8, 200);
    let child = spawn_flush(&env, &up, &["--concurrency", "2"], &[]);
    up.wait_for(3, Duration::from_secs(10));
    let pid = child.id().to_string();
    let kill = Command::new("kill").args(["-TERM", &pid]).status().expect("run kill");
    assert!(kill.success());
    let sent_at_signal = up.received();
    let (code, stdout, stderr) = finish(child);
    assert_eq!(code, 130, "stdout: {stdout}\nstderr: {stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert!(stdout.starts_with("Delivered "), "the summary is printed: {stdout}");
    let n = delivered(&stdout);
    // what was in flight at the signal was finished: everything received is delivered
    let first = up.keys();
    assert!(first.len() >= sent_at_signal && first.len() <= sent_at_signal + 2, "{first:?}");
    assert_eq!(n, first.len(), "{stdout}");
    assert_eq!(
        outbox_keys(&env, "state = 'delivered'"),
        first.iter().cloned().collect::<BTreeSet<_>>(),
        "the finished deliveries were recorded"
    );
    assert!(n < 30, "stopped early: {stdout}");
    if stdout.contains("released") {
        assert!(stdout.contains("unattempted"), "{stdout}");
    }
    assert_eq!(count(&env, "lease_owner IS NOT NULL"), 0, "no item remains leased");
    assert_eq!(count(&env, "state = 'pending' AND attempts > 0"), 0, "nothing failed");

    up.set_delay(0);
    let (code, stdout, stderr) = finish(spawn_flush(&env, &up, &[], &[]));
    assert_eq!(code, 0, "stdout: {stdout}\nstderr: {stderr}");
    assert_eq!(delivered(&stdout), 30 - n, "{stdout}");
    let t = tally(&up.keys());
    assert_eq!(t.keys().cloned().collect::<BTreeSet<_>>(), keys, "every key arrived");
    assert!(t.values().all(|c| *c == 1), "nothing was sent twice: {t:?}");
    assert_eq!(count(&env, "state = 'delivered'"), 30);
}

/// Flushes SIGKILLed at three moments of one delivery run: after each kill the database
/// passes `db check`; once the dead flushes' leases have run out, a last flush delivers the
/// rest. Every item ends delivered exactly once in the outbox, the upstream saw every item,
/// and it saw an item twice only when a killed flush had it in flight (at most its claim of
/// 3c unrecorded items per kill).
#[test]
fn flushes_killed_at_several_moments_leave_a_sound_database_and_lose_nothing() {
    const C: usize = 2;
    const N: usize = 40;
    let env = TestEnv::new();
    let keys = queue_forwards(&env, N);
    let up = Upstream::start(8, 60);
    let short = SHORT_LEASE;
    let mut held_at_kills = 0;
    // Kill moments: after a random number of deliveries in each of three windows.
    let moments: Vec<usize> = [(2, 8), (10, 16), (18, 26)]
        .iter()
        .map(|&(lo, hi)| crate::common::random_between(lo, hi) as usize)
        .collect();
    for &received in &moments {
        let mut child = spawn_flush(&env, &up, &["--concurrency", &C.to_string()], &short);
        up.wait_for(received, Duration::from_secs(20));
        child.kill().expect("SIGKILL the flush");
        let _ = child.wait();
        let r = env.run(&["db", "check"]);
        assert_eq!(
            r.code, 0,
            "after a kill at {received} received of {moments:?}: {}{}",
            r.stdout, r.stderr
        );
        held_at_kills += count(&env, "state = 'pending' AND lease_owner IS NOT NULL");
        // Let the dead flush's leases (3 s) run out before the next one.
        std::thread::sleep(Duration::from_millis(3200));
    }
    up.set_delay(0);
    let (code, stdout, stderr) = finish(spawn_flush(&env, &up, &["--concurrency", "8"], &short));
    assert_eq!(code, 0, "stdout: {stdout}\nstderr: {stderr}");
    assert_eq!(count(&env, "state = 'delivered'"), N, "every item delivered: {:?}", errors(&env));
    env.ok(&["db", "check"]);
    let seen = tally(&up.keys());
    let seen_keys: BTreeSet<String> = seen.keys().cloned().collect();
    assert_eq!(seen_keys, keys, "the upstream saw every item");
    let repeats: usize = seen.values().map(|n| n - 1).sum();
    assert!(
        repeats <= held_at_kills && held_at_kills <= 3 * C * 3,
        "{repeats} repeats for {held_at_kills} items held unrecorded at the kills"
    );
}
