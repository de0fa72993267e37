//! TestEnv: runs the real `leadctl` binary with a cleared environment, HOME and the database in
//! a temporary folder.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// A temporary home with its own database.
pub struct TestEnv {
    pub dir: tempfile::TempDir,
}

/// The result of one run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// One parsed CSV document: the header and the rows as column -> value maps.
pub struct Csv {
    pub header: Vec<String>,
    pub rows: Vec<BTreeMap<String, String>>,
}

impl Run {
    /// Parses stdout as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!("stdout is not JSON ({e}):\n{}\nstderr:\n{}", self.stdout, self.stderr)
        })
    }

    /// Parses stdout as NDJSON (one JSON value per non-empty line).
    pub fn ndjson(&self) -> Vec<Value> {
        parse_ndjson(&self.stdout)
    }

    /// Parses stdout as CSV with a header row.
    pub fn csv(&self) -> Csv {
        parse_csv(&self.stdout)
    }

    /// Asserts the exit code, printing both streams when it differs.
    pub fn code(&self, expected: i32) -> &Run {
        assert_eq!(
            self.code, expected,
            "unexpected exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts a usage-style error: the code, a first stderr line starting with `error:`.
    pub fn error(&self, expected: i32) -> &Run {
        self.code(expected);
        assert!(
            self.stderr.lines().any(|l| l.starts_with("error:")),
            "stderr has no `error:` line:\n{}",
            self.stderr
        );
        self
    }
}

/// Parses NDJSON text.
pub fn parse_ndjson(text: &str) -> Vec<Value> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad NDJSON line {l:?}: {e}")))
        .collect()
}

/// Parses CSV text with a header row.
pub fn parse_csv(text: &str) -> Csv {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let header: Vec<String> =
        rdr.headers().expect("CSV header").iter().map(str::to_string).collect();
    let rows = rdr
        .records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("bad CSV ({e}):\n{text}"));
            header.iter().cloned().zip(r.iter().map(str::to_string)).collect()
        })
        .collect();
    Csv { header, rows }
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn home(&self) -> &Path {
        self.dir.path()
    }

    /// The database file used by default.
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("leads.db")
    }

    /// A path inside the temp folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A path inside the temp folder, as a string (for arguments).
    pub fn p(&self, name: &str) -> String {
        self.path(name).to_str().expect("UTF-8 temp path").to_string()
    }

    /// Writes a file into the temp folder and returns its path.
    pub fn write(&self, name: &str, content: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, content).expect("write file");
        p
    }

    /// A command with a cleared environment and the test database.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_leadctl"));
        c.env_clear()
            .env("HOME", self.home())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("LEADCTL_DB", self.db())
            .env("LEADCTL_ACTOR", "tester")
            .args(args)
            .stdin(Stdio::null());
        c
    }

    /// `bash -c script` with the environment `cmd` gives leadctl; the script finds the
    /// binary in `$0`.
    pub fn shell(&self, script: &str) -> Command {
        let mut c = Command::new("bash");
        c.env_clear()
            .env("HOME", self.home())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("LEADCTL_DB", self.db())
            .env("LEADCTL_ACTOR", "tester")
            .arg("-c")
            .arg(script)
            .arg(env!("CARGO_BIN_EXE_leadctl"))
            .stdin(Stdio::null());
        c
    }

    /// Runs with the given args.
    pub fn run(&self, args: &[&str]) -> Run {
        to_run(self.cmd(args).output().expect("run leadctl"))
    }

    /// Runs with extra environment variables.
    pub fn run_env(&self, args: &[&str], vars: &[(&str, &str)]) -> Run {
        let mut c = self.cmd(args);
        for (k, v) in vars {
            c.env(k, v);
        }
        to_run(c.output().expect("run leadctl"))
    }

    /// Runs with `stdin` piped in.
    pub fn run_stdin(&self, args: &[&str], stdin: &str) -> Run {
        let mut c = self.cmd(args);
        c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = c.spawn().expect("spawn leadctl");
        let mut input = child.stdin.take().expect("stdin");
        let data = stdin.as_bytes().to_vec();
        let writer = std::thread::spawn(move || {
            let _ = input.write_all(&data);
        });
        let out = child.wait_with_output().expect("wait");
        let _ = writer.join();
        to_run(out)
    }

    /// Runs and asserts success.
    pub fn ok(&self, args: &[&str]) -> Run {
        let r = self.run(args);
        assert_eq!(
            r.code, 0,
            "leadctl {args:?} failed:\nstdout: {}\nstderr: {}",
            r.stdout, r.stderr
        );
        r
    }

    /// Writes `content` to `name` and ingests it with `--format json` plus `extra` args;
    /// returns the run (the summary is `run.json()`).
    pub fn ingest_file(&self, name: &str, content: &str, extra: &[&str]) -> Run {
        let path = self.write(name, content);
        let path = path.to_str().expect("UTF-8 path").to_string();
        let mut args = vec!["ingest", "--format", "json", "--file", path.as_str()];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// Ingests a file that must be accepted completely (exit 0); returns the summary.
    pub fn ingest_ok(&self, name: &str, content: &str) -> Value {
        let r = self.ingest_file(name, content, &[]);
        r.code(0);
        r.json()
    }

    /// Every lead of the default organisation, as `list --format json` items (newest first).
    pub fn leads(&self) -> Vec<Value> {
        self.leads_with(&[])
    }

    /// `list --format json --limit 100000` plus `extra` args; returns the items.
    pub fn leads_with(&self, extra: &[&str]) -> Vec<Value> {
        let mut args = vec!["list", "--format", "json", "--limit", "100000"];
        args.extend_from_slice(extra);
        let doc = self.ok(&args).json();
        doc["items"].as_array().expect("items array").clone()
    }

    /// The emails of `list --format json` with `extra` args, in list order.
    pub fn emails_with(&self, extra: &[&str]) -> Vec<String> {
        self.leads_with(extra)
            .iter()
            .map(|l| l["email"].as_str().unwrap_or("").to_string())
            .collect()
    }

    /// How many leads the default organisation holds (`list`'s total).
    pub fn count(&self) -> u64 {
        self.ok(&["list", "--format", "json", "--limit", "1"]).json()["total"]
            .as_u64()
            .expect("total")
    }

    /// `show KEY --format json`, which must succeed.
    pub fn show(&self, key: &str) -> Value {
        self.ok(&["show", key, "--format", "json"]).json()
    }

    /// Opens the test database directly.
    pub fn sql(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.db()).expect("open database")
    }
}

fn to_run(o: Output) -> Run {
    let run = Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    };
    assert_no_panic(&run.stderr);
    run
}

/// Whatever happens, leadctl never shows a panic or backtrace text.
pub fn assert_no_panic(stderr: &str) {
    for bad in ["panicked", "RUST_BACKTRACE", "internal error", "stack backtrace"] {
        assert!(!stderr.contains(bad), "stderr contains {bad:?}:\n{stderr}");
    }
}

/// Builds `n` NDJSON lines with `f(i)` as each object.
pub fn ndjson_lines(n: usize, mut f: impl FnMut(usize) -> Value) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&f(i).to_string());
        s.push('\n');
    }
    s
}

/// The sorted keys of a JSON object.
pub fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> =
        v.as_object().unwrap_or_else(|| panic!("not an object: {v}")).keys().cloned().collect();
    k.sort();
    k
}

/// Sorted owned strings, for comparing key sets.
pub fn sorted(items: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = items.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

/// The string values of a JSON array.
pub fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|x| x.as_str().expect("string").to_string())
        .collect()
}

impl TestEnv {
    /// A new environment whose database is a copy of `template` (the bytes of a database file
    /// built once per test binary; see [`template_db`]).
    pub fn with_db(template: &[u8]) -> TestEnv {
        let env = TestEnv::new();
        std::fs::write(env.db(), template).expect("copy template database");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(env.db(), std::fs::Permissions::from_mode(0o600))
                .expect("chmod");
        }
        env
    }
}

/// Builds a database once with `build` and returns its bytes (leadctl checkpoints the WAL when
/// its last connection closes, so the file alone is the whole database).
pub fn template_db(
    cell: &'static std::sync::OnceLock<Vec<u8>>,
    build: fn(&TestEnv),
) -> &'static [u8] {
    cell.get_or_init(|| {
        let env = TestEnv::new();
        build(&env);
        // make sure nothing is left in a WAL file
        let conn = env.sql();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").expect("checkpoint");
        drop(conn);
        std::fs::read(env.db()).expect("read template database")
    })
}

/// The keys of a lead in JSON output (list items, show), in order.
pub const LEAD_KEYS: [&str; 22] = [
    "id",
    "org",
    "created_at",
    "updated_at",
    "status",
    "first_name",
    "last_name",
    "email",
    "phone",
    "phone_raw",
    "company",
    "service",
    "message",
    "source",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "last_contacted_at",
    "owner",
    "request_id",
    "erased_at",
    "tags",
];

/// The keys of `ingest --format json` for a file.
pub const SUMMARY_KEYS: [&str; 10] = [
    "total",
    "created",
    "merged",
    "duplicates",
    "rejected",
    "warnings",
    "dry_run",
    "committed",
    "rejections",
    "rejections_truncated",
];

/// Queues `n` forwards with request ids `req-0000`.. (one NDJSON file, forward configured);
/// returns their keys.
pub fn queue_forwards(env: &TestEnv, n: usize) -> std::collections::BTreeSet<String> {
    let text = ndjson_lines(n, |i| {
        let email = format!("lead{i}@example.com");
        serde_json::json!({"email": email, "meta": {"request_id": format!("req-{i:04}")}})
    });
    let path = env.write("leads.ndjson", &text);
    let r = env.run_env(
        &["ingest", "--format", "json", "--file", path.to_str().unwrap()],
        &[("LEADCTL_FORWARD_URL", "http://127.0.0.1:9/unused")],
    );
    r.code(0);
    assert_eq!(r.json()["created"], n);
    let keys: std::collections::BTreeSet<String> = (0..n).map(|i| format!("req-{i:04}")).collect();
    assert_eq!(outbox_keys(env, "1 = 1"), keys, "one forward per lead, keyed by its request id");
    keys
}

/// The idempotency keys of the outbox items matching `cond`.
pub fn outbox_keys(env: &TestEnv, cond: &str) -> std::collections::BTreeSet<String> {
    let conn = env.sql();
    let mut st = conn.prepare(&format!("SELECT idempotency_key FROM outbox WHERE {cond}")).unwrap();
    st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

/// Every row of the tables a flush or queue command may change, as text.
pub fn table_snapshot(env: &TestEnv) -> String {
    let conn = env.sql();
    let mut s = String::new();
    for table in ["outbox", "outbox_attempts", "message_events", "audit_log", "leads"] {
        let mut st = conn.prepare(&format!("SELECT * FROM {table} ORDER BY 1")).unwrap();
        let n = st.column_count();
        let all = st
            .query_map([], |r| {
                let cells: Vec<String> = (0..n)
                    .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect();
                Ok(cells.join("|"))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect::<Vec<_>>();
        s.push_str(&format!("[{table}]\n{}\n", all.join("\n")));
    }
    s
}

/// A random number in `lo..hi` (`lo` when the range is empty), different in every run: for
/// tests whose claims must hold at any moment (kill times), so each run tries other moments.
/// Print what was drawn in the test's failure messages, to replay it.
pub fn random_between(lo: u64, hi: u64) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(lo ^ hi.rotate_left(32));
    lo + h.finish().checked_rem(hi.saturating_sub(lo)).unwrap_or(0)
}
