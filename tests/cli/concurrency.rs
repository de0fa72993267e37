//! Several leadctl processes writing one database at once queue on the busy timeout instead
//! of failing, and deduplication still holds across them.

use std::collections::BTreeSet;
use std::process::{Child, Stdio};

use serde_json::json;

use crate::common::{TestEnv, assert_no_panic, ndjson_lines};

/// Four files of 500 leads; the first 100 emails of every file are the same (in different
/// case), the rest are the file's own.
fn files(env: &TestEnv) -> (Vec<String>, BTreeSet<String>) {
    let mut distinct = BTreeSet::new();
    let mut paths = Vec::new();
    for f in 0..4 {
        let text = ndjson_lines(500, |i| {
            let email = if i < 100 {
                format!("shared{i}@example.com")
            } else {
                format!("f{f}-u{i}@example.com")
            };
            distinct.insert(email.clone());
            let shown = if f % 2 == 0 { email.to_uppercase() } else { email };
            json!({"email": shown, "first_name": format!("F{f}"), "tags": [format!("file{f}")]})
        });
        paths.push(env.write(&format!("c{f}.ndjson"), &text).to_str().unwrap().to_string());
    }
    (paths, distinct)
}

fn spawn_all(env: &TestEnv, db: &str, paths: &[String]) -> Vec<Child> {
    paths
        .iter()
        .map(|p| {
            let mut c = env.cmd(&["--db", db, "ingest", "--format", "json", "--file", p]);
            // Processes queue on the busy timeout; a generous one keeps a slow, shared CI
            // machine from turning a long wait into a failure.
            c.env("LEADCTL_BUSY_TIMEOUT_MS", "30000");
            c.stdout(Stdio::piped()).stderr(Stdio::piped());
            c.spawn().expect("spawn")
        })
        .collect()
}

fn check(
    env: &TestEnv,
    db: &str,
    children: Vec<Child>,
    distinct: &BTreeSet<String>,
) -> Result<(), String> {
    let mut created = 0;
    let mut merged = 0;
    for child in children {
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_no_panic(&stderr);
        if !out.status.success() {
            return Err(format!("an ingest failed ({:?}): {stderr}", out.status.code()));
        }
        for bad in ["database is locked", "busy", "error"] {
            if stderr.to_lowercase().contains(bad) {
                return Err(format!("stderr mentions {bad:?}: {stderr}"));
            }
        }
        let s: serde_json::Value = serde_json::from_slice(&out.stdout).expect("summary");
        assert_eq!(s["rejected"], 0);
        created += s["created"].as_u64().unwrap();
        merged += s["merged"].as_u64().unwrap();
    }
    assert_eq!(created, distinct.len() as u64, "created once per distinct email");
    assert_eq!(merged, 2000 - distinct.len() as u64);
    let doc = env.ok(&["--db", db, "list", "--format", "json", "--limit", "100000"]).json();
    assert_eq!(doc["total"], distinct.len(), "one lead per distinct email");
    let emails: BTreeSet<String> = doc["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["email"].as_str().unwrap().to_lowercase())
        .collect();
    assert_eq!(&emails, distinct);
    // a shared lead carries the tags of all four files
    let shared = env.ok(&["--db", db, "show", "shared7@example.com", "--format", "json"]).json();
    assert_eq!(shared["tags"], json!(["file0", "file1", "file2", "file3"]));
    Ok(())
}

#[test]
fn four_concurrent_ingests_into_one_database() {
    let env = TestEnv::new();
    let (paths, distinct) = files(&env);
    assert_eq!(distinct.len(), 100 + 4 * 400);
    let db = env.p("shared.db");
    // the database exists (as after any first use) before the writers start
    env.ok(&["--db", &db, "list"]);
    let children = spawn_all(&env, &db, &paths);
    if let Err(e) = check(&env, &db, children, &distinct) {
        panic!("{e}");
    }
}

/// README: "concurrent leadctl processes queue on the busy timeout instead of failing". On a
/// database that does not exist yet, processes started together sometimes fail at once
/// (intermittent: about one round in 30-60 here; the next test reproduces it every time).
#[test]
fn four_concurrent_ingests_into_a_new_database() {
    let env = TestEnv::new();
    let (paths, distinct) = files(&env);
    for round in 0..60 {
        let db = env.p(&format!("fresh{round}.db"));
        let children = spawn_all(&env, &db, &paths);
        if let Err(e) = check(&env, &db, children, &distinct) {
            panic!("round {round}: {e}");
        }
    }
}

/// The same failure, made deterministic: another connection holds the write lock of a new,
/// empty database file (as a leadctl that is creating it does) for a short while.
#[test]
fn opening_a_new_database_waits_for_a_writer_instead_of_failing() {
    let env = TestEnv::new();
    let db = env.path("new.db");
    std::fs::write(&db, b"").unwrap();
    let lock = Lock::hold(&db, 800);
    let started = std::time::Instant::now();
    let r = env.run(&["--db", db.to_str().unwrap(), "ingest", "--email", "a@example.com"]);
    let took = started.elapsed();
    lock.release();
    assert_eq!(r.code, 0, "failed after {took:?} (busy timeout 5 s): {}", r.stderr);
}

/// Holds the write lock of `db` on another thread until `release` is called or `max_ms` pass.
struct Lock {
    release: std::sync::mpsc::Sender<()>,
    thread: std::thread::JoinHandle<()>,
}

impl Lock {
    fn hold(db: &std::path::Path, max_ms: u64) -> Lock {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        let (release, rx) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            let _ = rx.recv_timeout(std::time::Duration::from_millis(max_ms));
            conn.execute_batch("COMMIT").unwrap();
        });
        Lock { release, thread }
    }

    fn release(self) {
        let _ = self.release.send(());
        self.thread.join().unwrap();
    }
}

#[test]
fn a_writer_waits_for_the_busy_timeout_then_gives_up_with_exit_1() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "seed@example.com"]);
    // within the default timeout (5 s): it waits and succeeds
    let lock = Lock::hold(&env.db(), 700);
    let started = std::time::Instant::now();
    let r = env.run(&["ingest", "--email", "waited@example.com"]);
    let took = started.elapsed();
    lock.release();
    r.code(0);
    assert!(took >= std::time::Duration::from_millis(500), "did not wait: {took:?}");
    // with a short timeout it fails: exit 1, one error line with a hint, nothing written
    let lock = Lock::hold(&env.db(), 20_000);
    let r = env.run_env(
        &["ingest", "--email", "gaveup@example.com"],
        &[("LEADCTL_BUSY_TIMEOUT_MS", "100")],
    );
    lock.release();
    r.error(1);
    assert!(r.stderr.contains("busy"), "{}", r.stderr);
    assert!(r.stderr.contains("hint:"), "{}", r.stderr);
    assert_eq!(env.count(), 2);
    // readers are not blocked by a writer (WAL)
    let lock = Lock::hold(&env.db(), 20_000);
    let r = env.run_env(&["list", "--format", "json"], &[("LEADCTL_BUSY_TIMEOUT_MS", "100")]);
    lock.release();
    r.code(0);
    assert_eq!(r.json()["total"], 2);
}
