//! `queue flush` of forwards against a real HTTP upstream (tiny_http on 127.0.0.1:0, scripted
//! per test): delivery with its headers and body, retries with backoff and `Retry-After`,
//! permanent failures, timeouts, `--dry-run` / `--limit` / `--kind`, the queue management
//! commands around them (list, show, retry, clear, stats), leases, signals, and erased leads.

use std::collections::{BTreeMap, VecDeque};
use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::common::{Run, TestEnv, keys, sorted};

/// The bearer token configured for the upstream: it must never be printed.
const TOKEN: &str = "tok-5ecret-Zq81x";

// ---------------------------------------------------------------------------------------------
// The upstream: a real HTTP server on a thread
// ---------------------------------------------------------------------------------------------

/// One scripted response of the upstream.
#[derive(Debug, Clone)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    /// How long to wait before answering (on another thread: the server keeps accepting).
    delay: Duration,
    body: String,
}

impl Reply {
    fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            delay: Duration::ZERO,
            body: format!("upstream answers {status}"),
        }
    }

    fn ok() -> Reply {
        Reply::status(200)
    }

    fn retry_after(self, v: &str) -> Reply {
        self.header("Retry-After", v)
    }

    fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    fn delay(mut self, d: Duration) -> Reply {
        self.delay = d;
        self
    }
}

/// One request as the upstream received it.
#[derive(Debug, Clone)]
struct Received {
    method: String,
    path: String,
    /// Names lower-cased.
    headers: Vec<(String, String)>,
    body: String,
    /// When the whole request had been read.
    at: Instant,
}

impl Received {
    /// The value of the only header called `name` (case-insensitive); panics when repeated.
    fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        let found: Vec<&str> =
            self.headers.iter().filter(|(k, _)| *k == name).map(|(_, v)| v.as_str()).collect();
        assert!(found.len() <= 1, "header {name} repeated: {:?}", self.headers);
        found.first().copied()
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("request body is not JSON ({e}): {}", self.body))
    }

    /// The Idempotency-Key header (required).
    fn key(&self) -> String {
        self.header("Idempotency-Key").expect("Idempotency-Key header").to_string()
    }
}

type Responder = Box<dyn FnMut(&Received) -> Reply + Send>;

/// A scripted HTTP upstream; stops its server thread when dropped.
struct Upstream {
    addr: SocketAddr,
    server: Arc<tiny_http::Server>,
    log: Arc<Mutex<Vec<Received>>>,
    thread: Option<JoinHandle<()>>,
}

impl Upstream {
    /// Answers with `script` in order; once it is used up, its last reply again (an empty
    /// script answers 200 to everything).
    fn start(script: Vec<Reply>) -> Upstream {
        let mut queue: VecDeque<Reply> = script.into();
        let mut last = Reply::ok();
        Upstream::routed(move |_| {
            if let Some(r) = queue.pop_front() {
                last = r;
            }
            last.clone()
        })
    }

    /// Answers each request with what `route` says.
    fn routed(route: impl FnMut(&Received) -> Reply + Send + 'static) -> Upstream {
        let mut route: Responder = Box::new(route);
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("start upstream"));
        let addr = server.server_addr().to_ip().expect("an IP address");
        let log = Arc::new(Mutex::new(Vec::new()));
        let (srv, lg) = (Arc::clone(&server), Arc::clone(&log));
        let thread = std::thread::spawn(move || {
            // Err: unblocked by Drop (or the listener failed): stop.
            while let Ok(mut rq) = srv.recv() {
                let mut body = String::new();
                let _ = rq.as_reader().read_to_string(&mut body);
                let got = Received {
                    method: rq.method().to_string(),
                    path: rq.url().to_string(),
                    headers: rq
                        .headers()
                        .iter()
                        .map(|h| {
                            (h.field.as_str().as_str().to_ascii_lowercase(), h.value.to_string())
                        })
                        .collect(),
                    body,
                    at: Instant::now(),
                };
                let reply = route(&got);
                lg.lock().unwrap().push(got);
                if reply.delay.is_zero() {
                    answer(rq, &reply);
                } else {
                    // Not joined: a client that gave up must not hold the test.
                    std::thread::spawn(move || {
                        std::thread::sleep(reply.delay);
                        answer(rq, &reply);
                    });
                }
            }
        });
        Upstream { addr, server, log, thread: Some(thread) }
    }

    /// The forward URL pointing at this upstream.
    fn url(&self) -> String {
        format!("http://{}/leads", self.addr)
    }

    /// Every request received so far, in order.
    fn requests(&self) -> Vec<Received> {
        self.log.lock().unwrap().clone()
    }

    fn count(&self) -> usize {
        self.log.lock().unwrap().len()
    }

    /// The Idempotency-Keys received so far, in order.
    fn keys(&self) -> Vec<String> {
        self.requests().iter().map(Received::key).collect()
    }
}

/// Writes the reply as raw HTTP/1.1 with `Connection: close` (tiny_http's `Response` drops
/// that header). Closing matters: tiny_http serves each connection on one thread of a pool
/// that can leave a fifth simultaneous connection queued behind four kept-alive ones, so
/// kept-alive connections would stall a flush that opens more than four.
fn answer(rq: tiny_http::Request, reply: &Reply) {
    let reason = tiny_http::StatusCode(reply.status).default_reason_phrase();
    let mut head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\
         Connection: close\r\n",
        reply.status,
        reply.body.len()
    );
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let mut w = rq.into_writer();
    // the client may have given up already (a timeout test)
    let _ = w.write_all(head.as_bytes());
    let _ = w.write_all(reply.body.as_bytes());
    let _ = w.flush();
}

impl Drop for Upstream {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The leadctl side
// ---------------------------------------------------------------------------------------------

/// A test database with forwarding configured through the environment; every run's output is
/// kept so a test can check that the token never shows.
struct Fx {
    env: TestEnv,
    vars: Vec<(String, String)>,
    outputs: Mutex<Vec<String>>,
}

impl Fx {
    /// Forwarding to `url` with the token, plus `extra` variables (which win).
    fn new(url: &str, extra: &[(&str, &str)]) -> Fx {
        let mut vars: Vec<(String, String)> = vec![
            ("LEADCTL_FORWARD_URL".into(), url.into()),
            ("LEADCTL_FORWARD_TOKEN".into(), TOKEN.into()),
        ];
        for (k, v) in extra {
            vars.retain(|(name, _)| name != k);
            vars.push((k.to_string(), v.to_string()));
        }
        Fx { env: TestEnv::new(), vars, outputs: Mutex::new(Vec::new()) }
    }

    fn run_with(&self, args: &[&str], more: &[(&str, &str)]) -> Run {
        let mut vars: Vec<(&str, &str)> =
            self.vars.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        vars.extend_from_slice(more);
        let r = self.env.run_env(args, &vars);
        self.outputs.lock().unwrap().push(format!("{args:?}\n{}\n{}", r.stdout, r.stderr));
        r
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    /// Starts `leadctl ARGS` in the background, its output piped.
    fn spawn(&self, args: &[&str], more: &[(&str, &str)]) -> std::process::Child {
        let mut c = self.env.cmd(args);
        for (k, v) in &self.vars {
            c.env(k, v);
        }
        for (k, v) in more {
            c.env(k, v);
        }
        c.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
        c.spawn().expect("spawn leadctl")
    }

    /// Waits for a background run and records its output.
    fn wait(&self, child: std::process::Child) -> Run {
        let o = child.wait_with_output().expect("wait for leadctl");
        let r = Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        };
        crate::common::assert_no_panic(&r.stderr);
        self.outputs.lock().unwrap().push(format!("(background)\n{}\n{}", r.stdout, r.stderr));
        r
    }

    /// Runs and asserts exit 0.
    fn ok(&self, args: &[&str]) -> Run {
        let r = self.run(args);
        r.code(0);
        r
    }

    /// `queue flush` with `extra` args.
    fn flush(&self, extra: &[&str]) -> Run {
        let mut args = vec!["queue", "flush"];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// Ingests NDJSON text, which must be accepted completely.
    fn ingest(&self, text: &str) {
        self.ingest_with(text, &[]);
    }

    /// Ingests NDJSON text with more environment variables (e.g. SMTP, to enqueue emails).
    fn ingest_with(&self, text: &str, more: &[(&str, &str)]) {
        let path = self.env.write("in.ndjson", text);
        let r =
            self.run_with(&["ingest", "--format", "json", "--file", path.to_str().unwrap()], more);
        r.code(0);
        assert_eq!(r.json()["rejected"], 0, "{}", r.stdout);
    }

    /// `queue show ID --format json`.
    fn item(&self, id: i64) -> Value {
        self.ok(&["queue", "show", &id.to_string(), "--format", "json"]).json()
    }

    /// `queue list --format json` with `extra` filters.
    fn list(&self, extra: &[&str]) -> Vec<Value> {
        let mut args = vec!["queue", "list", "--format", "json", "--limit", "1000"];
        args.extend_from_slice(extra);
        self.ok(&args).json().as_array().expect("an array of items").clone()
    }

    /// The id of the item with this idempotency key.
    fn id_of(&self, key: &str) -> i64 {
        let all = self.list(&[]);
        let found: Vec<i64> = all
            .iter()
            .filter(|i| i["idempotency_key"] == key)
            .map(|i| i["id"].as_i64().unwrap())
            .collect();
        assert_eq!(found.len(), 1, "one item keyed {key}: {all:?}");
        found[0]
    }

    /// (idempotency key, state, attempts) of every item, by id.
    fn states(&self) -> Vec<(String, String, i64)> {
        self.list(&[])
            .iter()
            .map(|i| {
                (
                    i["idempotency_key"].as_str().unwrap().to_string(),
                    i["state"].as_str().unwrap().to_string(),
                    i["attempts"].as_i64().unwrap(),
                )
            })
            .collect()
    }

    /// Every row of the tables a flush or queue command may change, as text.
    fn snapshot(&self) -> String {
        crate::common::table_snapshot(&self.env)
    }

    /// Asserts the token is in none of the outputs so far.
    fn assert_token_never_shown(&self) {
        for out in self.outputs.lock().unwrap().iter() {
            assert!(!out.contains(TOKEN), "the token was printed:\n{out}");
        }
    }
}

/// People to ingest: name, email.
const PEOPLE: [(&str, &str); 6] = [
    ("Ann Lee", "ann@example.com"),
    ("Bob Stone", "bob@example.com"),
    ("Cy Young", "cy@example.com"),
    ("Dee Park", "dee@example.com"),
    ("Eve Moss", "eve@example.com"),
    ("Fay Wong", "fay@example.com"),
];

/// `n` site-form submissions with request ids r-1 .. r-n.
fn submissions(n: usize) -> String {
    let mut s = String::new();
    for (i, (name, email)) in PEOPLE.iter().take(n).enumerate() {
        let rec = json!({
            "name": name,
            "email": email,
            "meta": {"request_id": format!("r-{}", i + 1), "source": "site"},
        });
        s.push_str(&rec.to_string());
        s.push('\n');
    }
    s
}

/// A stored or printed timestamp.
fn ts(v: &Value) -> DateTime<Utc> {
    let s = v.as_str().unwrap_or_else(|| panic!("not a timestamp: {v}"));
    DateTime::parse_from_rfc3339(s)
        .unwrap_or_else(|e| panic!("bad timestamp {s}: {e}"))
        .with_timezone(&Utc)
}

/// Sleeps until the wall clock has passed `t` (by a little more, for clock granularity).
fn sleep_until(t: DateTime<Utc>) {
    let wait = (t - Utc::now()).to_std().unwrap_or(Duration::ZERO);
    std::thread::sleep(wait + Duration::from_millis(30));
}

/// The `attempt_history` of `queue show --format json` as (outcome, http_status, error).
fn history(item: &Value) -> Vec<(String, Option<i64>, String)> {
    item["attempt_history"]
        .as_array()
        .expect("attempt_history")
        .iter()
        .map(|a| {
            (
                a["outcome"].as_str().unwrap().to_string(),
                a["http_status"].as_i64(),
                a["error"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// Waits (bounded) until `cond` holds.
fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !cond() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Sends `signal` (INT, TERM, KILL) to a background leadctl.
fn signal(child: &std::process::Child, signal: &str) {
    let st = std::process::Command::new("kill")
        .args([format!("-{signal}"), child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(st.success(), "kill -{signal} failed");
}

/// The lines of stderr starting with `prefix`.
fn lines_starting<'a>(stderr: &'a str, prefix: &str) -> Vec<&'a str> {
    stderr.lines().filter(|l| l.starts_with(prefix)).collect()
}

// ---------------------------------------------------------------------------------------------
// 1. Delivery
// ---------------------------------------------------------------------------------------------

#[test]
fn forwards_are_delivered_with_headers_and_body_and_recorded_on_the_lead() {
    let up = Upstream::start(vec![]);
    let fx = Fx::new(&up.url(), &[]);
    let first = json!({
        "name": "Ann Lee", "email": "ann@example.com", "phone": "+15551234567",
        "company": "Lee & Co", "service": "Roofing", "message": "Call me after 5",
        "consent": true,
        "meta": {"request_id": "r-1", "source": "site"},
    });
    let text =
        format!("{first}\n{}", submissions(3).lines().skip(1).collect::<Vec<_>>().join("\n"));
    fx.ingest(&text);
    let payloads: BTreeMap<String, String> = {
        let conn = fx.env.sql();
        let mut st = conn.prepare("SELECT idempotency_key, payload FROM outbox").unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(payloads.keys().collect::<Vec<_>>(), ["r-1", "r-2", "r-3"]);

    let r = fx.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout, "Delivered 3, will retry 0, dead 0.\n");
    assert_eq!(r.stderr, "");

    let reqs = up.requests();
    assert_eq!(reqs.len(), 3, "{reqs:?}");
    let mut seen: Vec<String> = Vec::new();
    for rq in &reqs {
        assert_eq!(rq.method, "POST");
        assert_eq!(rq.path, "/leads");
        assert_eq!(rq.header("Authorization"), Some(format!("Bearer {TOKEN}").as_str()));
        assert_eq!(rq.header("Content-Type"), Some("application/json"));
        assert!(rq.header("User-Agent").is_some_and(|u| u.starts_with("leadctl/")), "{rq:?}");
        let key = rq.key();
        let body = rq.json();
        assert_eq!(
            keys(&body),
            sorted(&["company", "consent", "email", "message", "meta", "name", "phone", "service"])
        );
        assert_eq!(
            keys(&body["meta"]),
            sorted(&["lead_id", "request_id", "source", "timestamp_utc"])
        );
        assert_eq!(body["meta"]["request_id"], key.as_str(), "Idempotency-Key is the request id");
        assert_eq!(body["meta"]["source"], "site");
        let email = body["email"].as_str().unwrap();
        let lead = fx.env.show(email);
        assert_eq!(body["meta"]["lead_id"], lead["id"]);
        assert_eq!(rq.body, payloads[&key], "the body is the queued payload as is");
        seen.push(key);
    }
    seen.sort();
    assert_eq!(seen, ["r-1", "r-2", "r-3"]);
    let ann = reqs.iter().find(|r| r.key() == "r-1").unwrap().json();
    assert_eq!(ann["name"], "Ann Lee");
    assert_eq!(ann["email"], "ann@example.com");
    assert_eq!(ann["phone"], "+15551234567");
    assert_eq!(ann["company"], "Lee & Co");
    assert_eq!(ann["service"], "Roofing");
    assert_eq!(ann["message"], "Call me after 5");
    assert_eq!(ann["consent"]["email"], true);
    let bob = reqs.iter().find(|r| r.key() == "r-2").unwrap().json();
    assert_eq!(bob["name"], "Bob Stone");
    assert_eq!(bob["phone"], Value::Null);

    // every item is done after one delivered attempt
    for (key, state, attempts) in fx.states() {
        assert_eq!((state.as_str(), attempts), ("done", 1), "{key}");
    }
    let item = fx.item(1);
    assert_eq!(history(&item), [("delivered".to_string(), Some(200), String::new())]);
    assert!(item["delivered_at"].is_string());
    assert_eq!(item["last_error"], Value::Null);

    // each lead has a `forwarded` event naming the upstream (host and port, no token)
    for (_, email) in PEOPLE.iter().take(3) {
        let events = fx.ok(&["events", email, "--format", "json"]).json();
        let fwd: Vec<&Value> =
            events.as_array().unwrap().iter().filter(|e| e["kind"] == "forwarded").collect();
        assert_eq!(fwd.len(), 1, "{email}: {events}");
        assert_eq!(fwd[0]["channel"], "http");
        assert_eq!(fwd[0]["body"], format!("Forwarded to {}", up.addr).as_str());
    }
    let n: i64 = fx
        .env
        .sql()
        .query_row("SELECT count(*) FROM message_events WHERE kind = 'forwarded'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3);

    // nothing more to do: said once, silent with --quiet, counted in JSON
    let r = fx.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout, "Nothing to deliver.\n");
    let r = fx.flush(&["--quiet"]);
    r.code(0);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str()), ("", ""));
    let r = fx.flush(&["--format", "json"]);
    r.code(0);
    let doc = r.json();
    for k in ["claimed", "delivered", "retry", "dead"] {
        assert_eq!(doc[k], 0, "{k}: {doc}");
    }
    assert_eq!(doc["dead_items"], json!([]));
    assert_eq!(up.count(), 3, "nothing was sent again");

    // the preview shows the request with the token redacted
    let r = fx.ok(&["queue", "preview", "1"]);
    assert!(r.stdout.contains("Authorization: Bearer <redacted>"), "{}", r.stdout);
    assert!(r.stdout.contains("Idempotency-Key: r-1"), "{}", r.stdout);
    assert!(r.stdout.starts_with(&format!("POST {}\n", up.url())), "{}", r.stdout);
    let doc = fx.ok(&["queue", "preview", "1", "--format", "json"]).json();
    assert_eq!(doc["headers"]["Authorization"], "Bearer <redacted>");
    assert_eq!(doc["body"], serde_json::from_str::<Value>(&payloads["r-1"]).unwrap());

    // and nowhere else either
    fx.ok(&["queue", "show", "1"]);
    fx.ok(&["queue", "list"]);
    fx.ok(&["queue", "stats", "--format", "json"]);
    fx.ok(&["config", "show"]);
    fx.ok(&["timeline", "ann@example.com"]);
    fx.ok(&["audit", "--format", "json"]);
    fx.assert_token_never_shown();
    let db = std::fs::read(fx.env.db()).unwrap();
    let wal = std::fs::read(fx.env.path("leads.db-wal")).unwrap_or_default();
    let hit = |hay: &[u8]| hay.windows(TOKEN.len()).any(|w| w == TOKEN.as_bytes());
    assert!(!hit(&db) && !hit(&wal), "the token was written to the database");
}

// ---------------------------------------------------------------------------------------------
// 2, 3. Retries
// ---------------------------------------------------------------------------------------------

#[test]
fn a_failure_is_retried_after_the_backoff_and_then_delivered() {
    let up = Upstream::start(vec![Reply::status(500), Reply::ok()]);
    let fx = Fx::new(&up.url(), &[("LEADCTL_QUEUE_FIRST_RETRY_DELAY", "1s")]);
    fx.ingest(&submissions(1));

    let r = fx.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout, "Delivered 0, will retry 1, dead 0.\n");
    let item = fx.item(1);
    assert_eq!(item["state"], "retrying");
    assert_eq!(item["attempts"], 1);
    let err = item["last_error"].as_str().unwrap();
    assert!(err.contains("500") && err.contains("upstream answers 500"), "{err}");
    let attempted = ts(&item["attempt_history"][0]["attempted_at"]);
    let next = ts(&item["next_attempt_at"]);
    let wait = (next - attempted).num_milliseconds();
    assert!((500..=1000).contains(&wait), "the first retry waits 0.5-1 s, not {wait} ms");

    // not due yet: a flush before the retry time leaves it (on a loaded machine the process
    // may start only after the retry time, and then delivers it)
    let r = fx.flush(&[]);
    r.code(0);
    let r = if r.stdout == "Nothing to deliver.\n" {
        assert_eq!(up.count(), 1);
        assert_eq!(fx.item(1)["attempts"], 1);
        sleep_until(next);
        fx.flush(&[])
    } else {
        assert!(Utc::now() >= next, "delivered before its retry time: {}", r.stdout);
        r
    };
    r.code(0);
    assert_eq!(r.stdout, "Delivered 1, will retry 0, dead 0.\n");
    assert_eq!(up.count(), 2);
    assert_eq!(up.keys(), ["r-1", "r-1"], "the same idempotency key on each attempt");
    let item = fx.item(1);
    assert_eq!(item["state"], "done");
    assert_eq!(item["attempts"], 2);
    let h = history(&item);
    assert_eq!(h.len(), 2, "{item}");
    assert_eq!((h[0].0.as_str(), h[0].1), ("failed", Some(500)));
    assert!(h[0].2.contains("HTTP 500"), "{:?}", h[0]);
    assert_eq!(h[1], ("delivered".to_string(), Some(200), String::new()));
    let reqs = up.requests();
    assert!(reqs[1].at - reqs[0].at >= Duration::from_millis(500));
}

#[test]
fn attempts_run_out_and_the_item_dies_on_the_last_one() {
    let up = Upstream::start(vec![Reply::status(500)]);
    let fx = Fx::new(
        &up.url(),
        &[
            ("LEADCTL_QUEUE_MAX_ATTEMPTS", "3"),
            ("LEADCTL_QUEUE_FIRST_RETRY_DELAY", "200ms"),
            ("LEADCTL_QUEUE_MAX_RETRY_DELAY", "1s"),
        ],
    );
    fx.ingest(&submissions(1));
    let deadline = Instant::now() + Duration::from_secs(6);
    let mut runs: Vec<Run> = Vec::new();
    loop {
        runs.push(fx.flush(&[]));
        let item = fx.item(1);
        if item["state"] == "dead" {
            break;
        }
        assert_eq!(item["state"], "retrying", "{item}");
        assert!(Instant::now() < deadline, "not dead in time: {item}");
        sleep_until(ts(&item["next_attempt_at"]));
    }
    let busy: Vec<&Run> = runs.iter().filter(|r| r.stdout != "Nothing to deliver.\n").collect();
    let outs: Vec<(i32, &str)> = busy.iter().map(|r| (r.code, r.stdout.as_str())).collect();
    assert_eq!(
        outs,
        [
            (0, "Delivered 0, will retry 1, dead 0.\n"),
            (0, "Delivered 0, will retry 1, dead 0.\n"),
            (6, "Delivered 0, will retry 0, dead 1.\n"),
        ]
    );
    assert!(runs.iter().all(|r| r.code == 0 || std::ptr::eq(r, *busy.last().unwrap())));
    let last = busy[2];
    let errors = lines_starting(&last.stderr, "error:");
    assert_eq!(errors.len(), 1, "{}", last.stderr);
    assert!(errors[0].contains("1 item went dead: forward #1: HTTP 500"), "{}", errors[0]);
    let hints = lines_starting(&last.stderr, "hint:");
    assert_eq!(hints.len(), 1, "{}", last.stderr);
    assert!(hints[0].contains("queue list --state dead"), "{}", hints[0]);

    let item = fx.item(1);
    assert_eq!(item["attempts"], 3);
    assert_eq!(item["next_attempt_at"], Value::Null);
    let outcomes: Vec<(String, Option<i64>)> =
        history(&item).into_iter().map(|(o, s, _)| (o, s)).collect();
    assert_eq!(
        outcomes,
        [("failed".into(), Some(500)), ("failed".into(), Some(500)), ("dead".into(), Some(500))]
    );
    let reqs = up.requests();
    assert_eq!(reqs.len(), 3);
    // backoff: at least half of 200 ms, then at least half of 400 ms
    assert!(reqs[1].at - reqs[0].at >= Duration::from_millis(100));
    assert!(reqs[2].at - reqs[1].at >= Duration::from_millis(200));

    // a dead item is not tried again
    let r = fx.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout, "Nothing to deliver.\n");
    assert_eq!(up.count(), 3);
}

// ---------------------------------------------------------------------------------------------
// 4. Permanent failures
// ---------------------------------------------------------------------------------------------

#[test]
fn a_bad_request_is_dead_at_once() {
    let up = Upstream::start(vec![Reply::status(400)]);
    let fx = Fx::new(&up.url(), &[("LEADCTL_QUEUE_FIRST_RETRY_DELAY", "200ms")]);
    fx.ingest(&submissions(1));
    let r = fx.flush(&[]);
    r.code(6);
    assert_eq!(r.stdout, "Delivered 0, will retry 0, dead 1.\n");
    let errors = lines_starting(&r.stderr, "error:");
    assert_eq!(errors.len(), 1, "{}", r.stderr);
    assert!(errors[0].contains("forward #1: HTTP 400 Bad Request"), "{}", errors[0]);
    assert_eq!(lines_starting(&r.stderr, "hint:").len(), 1, "{}", r.stderr);
    let item = fx.item(1);
    assert_eq!((item["state"].as_str(), item["attempts"].as_i64()), (Some("dead"), Some(1)));
    assert_eq!(history(&item)[0].1, Some(400));
    std::thread::sleep(Duration::from_millis(250));
    fx.flush(&[]).code(0);
    assert_eq!(up.count(), 1, "a permanent failure is not retried");
    // dead items can be cleared, with their attempts
    let r = fx.ok(&["queue", "clear", "--state", "dead", "--yes"]);
    assert!(r.stderr.contains("Deleted 1 dead item(s)."), "{}{}", r.stdout, r.stderr);
    assert!(fx.list(&[]).is_empty());
    assert_eq!(attempt_rows(&fx, 1), 0);
}

#[test]
fn only_408_429_and_5xx_are_retried_and_redirects_are_not_followed() {
    let up = Upstream::routed(|rq| match rq.key().as_str() {
        "r-1" => Reply::status(400),
        "r-2" => Reply::status(404),
        "r-3" => Reply::status(301).header("Location", "/elsewhere"),
        "r-4" => Reply::status(408),
        "r-5" => Reply::status(503),
        _ => Reply::status(204),
    });
    let fx = Fx::new(&up.url(), &[]);
    fx.ingest(&submissions(6));
    let r = fx.flush(&[]);
    r.code(6);
    assert_eq!(r.stdout, "Delivered 1, will retry 2, dead 3.\n");
    let errors = lines_starting(&r.stderr, "error:");
    assert_eq!(errors.len(), 1, "{}", r.stderr);
    assert!(
        errors[0].contains("3 items went dead: forward #") && errors[0].contains("(and 2 more)"),
        "{}",
        errors[0]
    );
    let states: Vec<(String, String, i64)> = fx.states();
    let want: Vec<(String, String, i64)> = [
        ("r-1", "dead"),
        ("r-2", "dead"),
        ("r-3", "dead"),
        ("r-4", "retrying"),
        ("r-5", "retrying"),
    ]
    .into_iter()
    .chain([("r-6", "done")])
    .map(|(k, s)| (k.to_string(), s.to_string(), 1))
    .collect();
    assert_eq!(states, want, "any 2xx is delivered");
    for (key, status) in [("r-1", 400), ("r-2", 404), ("r-3", 301), ("r-4", 408), ("r-5", 503)] {
        let item = fx.item(fx.id_of(key));
        let err = item["last_error"].as_str().unwrap_or_default();
        assert!(err.starts_with(&format!("HTTP {status} ")), "{key}: {err}");
        assert_eq!(history(&item)[0].1, Some(status), "{key}");
    }
    // one POST each, no request to the redirect target
    let reqs = up.requests();
    assert_eq!(reqs.len(), 6);
    assert!(reqs.iter().all(|r| r.method == "POST" && r.path == "/leads"), "{reqs:?}");
}

// ---------------------------------------------------------------------------------------------
// 5. Retry-After
// ---------------------------------------------------------------------------------------------

#[test]
fn retry_after_is_honoured() {
    let up = Upstream::start(vec![Reply::status(429).retry_after("4"), Reply::ok()]);
    let fx = Fx::new(&up.url(), &[("LEADCTL_QUEUE_FIRST_RETRY_DELAY", "200ms")]);
    fx.ingest(&submissions(1));
    let r = fx.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout, "Delivered 0, will retry 1, dead 0.\n");
    let item = fx.item(1);
    assert_eq!(item["state"], "retrying");
    assert!(item["last_error"].as_str().unwrap().contains("HTTP 429"), "{item}");
    let attempted = ts(&item["attempt_history"][0]["attempted_at"]);
    let next = ts(&item["next_attempt_at"]);
    let wait = (next - attempted).num_milliseconds();
    assert!((4000..4100).contains(&wait), "Retry-After: 4 gives 4 s, not {wait} ms");

    // at +1 s (3 s of slack for a slow process start on a loaded machine)
    sleep_until(attempted + chrono::Duration::seconds(1));
    let r = fx.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout, "Nothing to deliver.\n", "at +1 s the item is not due");
    assert_eq!(up.count(), 1);

    sleep_until(next);
    let r = fx.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout, "Delivered 1, will retry 0, dead 0.\n");
    let reqs = up.requests();
    assert_eq!(reqs.len(), 2);
    let gap = reqs[1].at - reqs[0].at;
    assert!(gap >= Duration::from_secs(4), "the second request came after {gap:?}");
    assert_eq!(fx.item(1)["state"], "done");
}

// ---------------------------------------------------------------------------------------------
// 6. Timeouts and connection errors
// ---------------------------------------------------------------------------------------------

#[test]
fn a_slow_upstream_times_out_and_is_retried() {
    let up = Upstream::start(vec![Reply::ok().delay(Duration::from_secs(3))]);
    let fx = Fx::new(&up.url(), &[("LEADCTL_QUEUE_HTTP_TIMEOUT", "500ms")]);
    fx.ingest(&submissions(1));
    let started = Instant::now();
    let r = fx.flush(&[]);
    let took = started.elapsed();
    r.code(0);
    assert_eq!(r.stdout, "Delivered 0, will retry 1, dead 0.\n");
    assert!(took < Duration::from_millis(2500), "the flush took {took:?}");
    assert!(took >= Duration::from_millis(450), "the flush took only {took:?}");
    assert_eq!(up.count(), 1);
    let item = fx.item(1);
    assert_eq!(item["state"], "retrying");
    assert_eq!(item["attempts"], 1);
    let h = history(&item);
    assert_eq!(h.len(), 1);
    assert_eq!((h[0].0.as_str(), h[0].1), ("failed", None));
    assert!(h[0].2.contains("timed out"), "{:?}", h[0]);
    assert!(item["last_error"].as_str().unwrap().contains("timed out"), "{item}");
    assert!(item["next_attempt_at"].is_string());
}

#[test]
fn a_refused_connection_is_retried() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    // a secret in the query string must not reach the recorded error either
    let fx = Fx::new(&format!("http://127.0.0.1:{port}/leads?key=q5ecret"), &[]);
    fx.ingest(&submissions(2));
    let r = fx.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout, "Delivered 0, will retry 2, dead 0.\n");
    for id in [1, 2] {
        let item = fx.item(id);
        assert_eq!(item["state"], "retrying");
        assert_eq!(item["attempts"], 1);
        let err = item["last_error"].as_str().unwrap();
        assert!(err.contains("cannot connect"), "{err}");
        assert!(!err.contains("q5ecret"), "{err}");
        assert_eq!(history(&item)[0].1, None);
    }
}

// ---------------------------------------------------------------------------------------------
// 7. --dry-run, --limit, --kind
// ---------------------------------------------------------------------------------------------

#[test]
fn dry_run_limit_and_kind() {
    let up = Upstream::start(vec![]);
    let fx = Fx::new(&up.url(), &[]);
    fx.ingest(&submissions(5));
    let before = fx.snapshot();

    let r = fx.flush(&["--dry-run"]);
    r.code(0);
    assert!(r.stdout.ends_with("Would deliver 5 items (dry run).\n"), "{}", r.stdout);
    for h in ["item", "kind", "lead", "to", "attempts"] {
        assert!(r.stdout.contains(h), "{}", r.stdout);
    }
    assert_eq!(r.stdout.matches("forward.url").count(), 5, "{}", r.stdout);
    let doc = fx.ok(&["queue", "flush", "--dry-run", "--format", "json"]).json();
    assert_eq!(doc["dry_run"], true);
    assert_eq!(doc["due"], 5);
    let ids: Vec<i64> =
        doc["items"].as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    let doc = fx.ok(&["queue", "flush", "--dry-run", "--limit", "2", "--format", "json"]).json();
    assert_eq!(doc["due"], 2);
    assert_eq!(up.count(), 0, "a dry run sends nothing");
    assert_eq!(fx.snapshot(), before, "a dry run changes nothing");

    let r = fx.flush(&["--limit", "2"]);
    r.code(0);
    assert_eq!(r.stdout, "Delivered 2, will retry 0, dead 0.\n");
    let mut sent = up.keys();
    sent.sort();
    assert_eq!(sent, ["r-1", "r-2"], "the oldest due first");
    let done: Vec<String> =
        fx.states().into_iter().filter(|(_, s, _)| s == "done").map(|(k, _, _)| k).collect();
    assert_eq!(done, ["r-1", "r-2"], "the oldest due first");
    let doc = fx.ok(&["queue", "flush", "--dry-run", "--format", "json"]).json();
    assert_eq!(doc["due"], 3);

    let r = fx.flush(&["--kind", "forward", "--format", "json"]);
    r.code(0);
    let doc = r.json();
    assert_eq!(
        keys(&doc),
        sorted(&[
            "abandoned",
            "claimed",
            "dead",
            "dead_items",
            "delivered",
            "interrupted",
            "lease_lost",
            "retry"
        ])
    );
    assert_eq!((doc["claimed"].as_u64(), doc["delivered"].as_u64()), (Some(3), Some(3)));
    assert_eq!((doc["retry"].as_u64(), doc["dead"].as_u64()), (Some(0), Some(0)));
    assert_eq!(doc["interrupted"], false);
    let mut sent = up.keys();
    sent.sort();
    assert_eq!(sent, ["r-1", "r-2", "r-3", "r-4", "r-5"], "each item sent once");

    for kind in ["welcome_email", "admin_alert"] {
        let before = fx.snapshot();
        let r = fx.flush(&["--kind", kind]);
        r.error(2);
        assert!(
            r.stderr.contains(&format!("cannot deliver {kind} items: smtp.host and from_email")),
            "{}",
            r.stderr
        );
        assert_eq!(lines_starting(&r.stderr, "hint:").len(), 1, "{}", r.stderr);
        assert_eq!(r.stdout, "");
        assert_eq!(fx.snapshot(), before);
        fx.flush(&["--kind", kind, "--dry-run"]).error(2);
    }
    assert_eq!(up.count(), 5);
}

// ---------------------------------------------------------------------------------------------
// 8, 9. Queue management around deliveries
// ---------------------------------------------------------------------------------------------

/// SMTP configured at ingest only: admin alerts (and welcome emails) are queued, but `queue
/// flush` without SMTP leaves them pending.
const SMTP_AT_INGEST: [(&str, &str); 3] = [
    ("SMTP_HOST", "127.0.0.1"),
    ("FROM_EMAIL", "hello@example.com"),
    ("ADMIN_EMAIL", "sales@example.com"),
];

/// The idempotency keys of `queue list --format json` items.
fn item_keys(items: &[Value]) -> Vec<String> {
    items.iter().map(|i| i["idempotency_key"].as_str().unwrap().to_string()).collect()
}

/// Audit entries of the queue.* actions, oldest first: (action, entity_id, details).
fn queue_audit(fx: &Fx) -> Vec<(String, Option<String>, Value)> {
    let doc = fx.ok(&["audit", "--action", "queue.", "--format", "json"]).json();
    let mut v: Vec<(String, Option<String>, Value)> = doc
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_string(),
                e["entity_id"].as_str().map(str::to_string),
                e["details"].clone(),
            )
        })
        .collect();
    v.reverse();
    v
}

fn attempt_rows(fx: &Fx, id: i64) -> i64 {
    fx.env
        .sql()
        .query_row("SELECT count(*) FROM outbox_attempts WHERE outbox_id = ?1", [id], |r| r.get(0))
        .unwrap()
}

#[test]
fn list_show_retry_and_clear_around_real_deliveries() {
    // r-1 delivered; r-2, r-3, r-4 refused the first time (dead), fine afterwards; r-5 waits
    let tries: Arc<Mutex<BTreeMap<String, u32>>> = Arc::default();
    let t = Arc::clone(&tries);
    let up = Upstream::routed(move |rq| {
        let key = rq.key();
        let mut t = t.lock().unwrap();
        let n = t.entry(key.clone()).or_default();
        *n += 1;
        match (key.as_str(), *n) {
            ("r-2" | "r-3" | "r-4", 1) => Reply::status(400),
            ("r-5", _) => Reply::status(503),
            _ => Reply::ok(),
        }
    });
    let fx = Fx::new(&up.url(), &[]);
    fx.ingest_with(&submissions(5), &SMTP_AT_INGEST);
    let ann = fx.env.show("ann@example.com")["id"].as_str().unwrap().to_string();

    // before any flush: everything pending, filtered by kind and lead
    assert_eq!(fx.list(&[]).len(), 10);
    assert_eq!(fx.list(&["--state", "pending"]).len(), 10);
    assert_eq!(item_keys(&fx.list(&["--kind", "forward"])), ["r-1", "r-2", "r-3", "r-4", "r-5"]);
    let alerts = fx.list(&["--kind", "admin_alert"]);
    assert_eq!(alerts.len(), 5);
    assert!(alerts.iter().all(|i| i["to"] == "sales@example.com"), "{alerts:?}");
    assert_eq!(
        item_keys(&fx.list(&["--lead", "ann@example.com"])),
        ["r-1".to_string(), format!("admin:{ann}")]
    );
    fx.run(&["queue", "list", "--lead", "nobody@example.com"]).error(3);
    fx.run(&["queue", "list", "--state", "stuck"]).error(2);

    let r = fx.flush(&[]);
    r.code(6);
    assert_eq!(r.stdout, "Delivered 1, will retry 1, dead 3.\n");
    assert_eq!(up.count(), 5, "admin alerts are not sent without SMTP");

    assert_eq!(item_keys(&fx.list(&["--state", "done"])), ["r-1"]);
    assert_eq!(item_keys(&fx.list(&["--state", "dead"])), ["r-2", "r-3", "r-4"]);
    assert_eq!(item_keys(&fx.list(&["--state", "retrying"])), ["r-5"]);
    let pending = fx.list(&["--state", "pending"]);
    assert_eq!(pending.len(), 5);
    assert!(pending.iter().all(|i| i["kind"] == "admin_alert"), "{pending:?}");
    assert!(fx.list(&["--state", "dead", "--kind", "admin_alert"]).is_empty());
    assert_eq!(item_keys(&fx.list(&["--state", "dead", "--lead", "cy@example.com"])), ["r-3"]);

    // CSV: the columns, one row per item
    let csv = fx.ok(&["queue", "list", "--kind", "forward", "--format", "csv"]).csv();
    assert_eq!(
        csv.header,
        ["id", "kind", "state", "attempts", "lead_id", "to", "due_or_delivered_at", "last_error"]
    );
    let rows: Vec<(String, String, String)> = csv
        .rows
        .iter()
        .map(|r| (r["state"].clone(), r["attempts"].clone(), r["to"].clone()))
        .collect();
    let want: Vec<(String, String, String)> = ["done", "dead", "dead", "dead", "retrying"]
        .iter()
        .map(|s| (s.to_string(), "1".to_string(), "forward.url".to_string()))
        .collect();
    assert_eq!(rows, want);
    assert!(csv.rows[2]["last_error"].starts_with("HTTP 400 Bad Request"), "{:?}", csv.rows[2]);
    assert!(csv.rows[4]["last_error"].starts_with("HTTP 503"), "{:?}", csv.rows[4]);
    assert!(csv.rows[4]["due_or_delivered_at"].ends_with('Z'), "{:?}", csv.rows[4]);
    assert!(csv.rows[0]["due_or_delivered_at"].ends_with('Z'), "{:?}", csv.rows[0]);
    // the table, for people
    let table = fx.ok(&["queue", "list", "--state", "dead"]).stdout;
    assert_eq!(table.matches("HTTP 400 Bad Request").count(), 3, "{table}");
    assert_eq!(table.matches("forward.url").count(), 3, "{table}");
    assert_eq!(csv.rows[0]["last_error"], "");
    assert_eq!(csv.rows[0]["lead_id"], ann);

    // show: a missing item, a bad number
    fx.run(&["queue", "show", "999"]).error(3);
    fx.run(&["queue", "show", "abc"]).error(2);
    fx.run(&["queue", "show", "0"]).error(2);
    fx.run(&["queue", "retry", "999"]).error(3);

    let [r1, r2, r3, r4, r5] = ["r-1", "r-2", "r-3", "r-4", "r-5"].map(|k| fx.id_of(k));

    // retrying a delivered item is refused and changes nothing, even beside a dead one
    let before = fx.snapshot();
    let r = fx.run(&["queue", "retry", &r1.to_string()]);
    r.error(4);
    assert!(r.stderr.contains("delivered"), "{}", r.stderr);
    let r = fx.run(&["queue", "retry", &r4.to_string(), &r1.to_string()]);
    r.error(4);
    assert_eq!(fx.snapshot(), before, "a refused retry changes nothing");
    assert_eq!(fx.item(r4)["state"], "dead");

    // a dead item back to pending, its history kept; the next flush delivers it
    let r = fx.ok(&["queue", "retry", &r3.to_string()]);
    assert!(r.stderr.contains("1 item will be delivered"), "{}{}", r.stdout, r.stderr);
    let item = fx.item(r3);
    assert_eq!((item["state"].as_str(), item["attempts"].as_i64()), (Some("pending"), Some(0)));
    assert!(item["next_attempt_at"].is_string());
    assert_eq!(history(&item).iter().map(|h| h.1).collect::<Vec<_>>(), [Some(400)]);
    let r = fx.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout, "Delivered 1, will retry 0, dead 0.\n", "r-5 is not due yet");
    let item = fx.item(r3);
    assert_eq!((item["state"].as_str(), item["attempts"].as_i64()), (Some("done"), Some(1)));
    let outcomes: Vec<(String, Option<i64>)> =
        history(&item).into_iter().map(|(o, s, _)| (o, s)).collect();
    assert_eq!(outcomes, [("dead".into(), Some(400)), ("delivered".into(), Some(200))]);

    // --dead: every dead item (of a kind, when asked)
    let r = fx.ok(&["queue", "retry", "--dead", "--kind", "admin_alert"]);
    assert!(r.stderr.contains("No dead items."), "{}{}", r.stdout, r.stderr);
    assert_eq!(item_keys(&fx.list(&["--state", "dead"])), ["r-2", "r-4"]);
    let r = fx.ok(&["queue", "retry", "--dead"]);
    assert!(r.stderr.contains("2 items will be delivered"), "{}{}", r.stdout, r.stderr);
    for id in [r2, r4] {
        let item = fx.item(id);
        assert_eq!((item["state"].as_str(), item["attempts"].as_i64()), (Some("pending"), Some(0)));
    }
    assert_eq!(fx.flush(&[]).code(0).stdout, "Delivered 2, will retry 0, dead 0.\n");
    let r = fx.ok(&["queue", "retry", "--dead"]);
    assert!(r.stderr.contains("No dead items."), "{}{}", r.stdout, r.stderr);
    let sent = up.keys();
    assert_eq!(sent.len(), 8, "{sent:?}");
    let mut first: Vec<String> = sent[..5].to_vec();
    first.sort();
    assert_eq!(first, ["r-1", "r-2", "r-3", "r-4", "r-5"]);
    assert_eq!(sent[5], "r-3");
    let mut last: Vec<String> = sent[6..].to_vec();
    last.sort();
    assert_eq!(last, ["r-2", "r-4"], "each retried item sent once more");
    assert_eq!(item_keys(&fx.list(&["--state", "done"])), ["r-1", "r-2", "r-3", "r-4"]);

    // clear: refused without --yes off a terminal
    let before = fx.snapshot();
    let r = fx.run(&["queue", "clear", "--state", "done"]);
    r.error(2);
    assert!(lines_starting(&r.stderr, "hint:").iter().any(|h| h.contains("--yes")), "{}", r.stderr);
    fx.run(&["queue", "clear", "--state", "done", "--older-than", "soon", "--yes"]).error(2);
    assert_eq!(fx.snapshot(), before);

    // --older-than keeps recent items: only r-1, made 40 days old, goes
    let forty_days_ago = (Utc::now() - chrono::Duration::days(40))
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    fx.env
        .sql()
        .execute(
            "UPDATE outbox SET updated_at = ?1 WHERE id = ?2",
            rusqlite::params![forty_days_ago, r1],
        )
        .unwrap();
    assert_eq!(attempt_rows(&fx, r1), 1);
    assert_eq!(attempt_rows(&fx, r2), 2);
    let r = fx.ok(&["queue", "clear", "--state", "done", "--older-than", "30d", "--yes"]);
    assert!(r.stderr.contains("Deleted 1 done item(s)."), "{}{}", r.stdout, r.stderr);
    assert_eq!(item_keys(&fx.list(&["--state", "done"])), ["r-2", "r-3", "r-4"]);
    assert_eq!(attempt_rows(&fx, r1), 0, "its attempts went with it");
    fx.run(&["queue", "show", &r1.to_string()]).error(3);
    let r = fx.ok(&["queue", "clear", "--state", "done", "--older-than", "30d", "--yes"]);
    assert!(r.stderr.contains("No done items to clear."), "{}{}", r.stdout, r.stderr);

    // without --older-than: every done item and its attempts; the others stay
    let r = fx.ok(&["queue", "clear", "--state", "done", "--yes"]);
    assert!(r.stderr.contains("Deleted 3 done item(s)."), "{}{}", r.stdout, r.stderr);
    assert!(fx.list(&["--state", "done"]).is_empty());
    assert_eq!(attempt_rows(&fx, r2), 0);
    assert_eq!(attempt_rows(&fx, r3), 0);
    assert_eq!(attempt_rows(&fx, r4), 0);
    assert_eq!(attempt_rows(&fx, r5), 1, "the retrying item keeps its attempt");
    assert_eq!(fx.list(&[]).len(), 6, "r-5 and the five admin alerts remain");
    let total: i64 =
        fx.env.sql().query_row("SELECT count(*) FROM outbox_attempts", [], |r| r.get(0)).unwrap();
    assert_eq!(total, 1);
    let r = fx.ok(&["queue", "clear", "--state", "dead", "--yes"]);
    assert!(r.stderr.contains("No dead items to clear."), "{}{}", r.stdout, r.stderr);

    // the audit log: two retries (by item), two clears (with their counts), nothing refused
    let audit = queue_audit(&fx);
    let actions: Vec<(&str, Option<&str>)> =
        audit.iter().map(|(a, id, _)| (a.as_str(), id.as_deref())).collect();
    let [s2, s3, s4] = [r2, r3, r4].map(|id| id.to_string());
    assert_eq!(
        actions,
        [
            ("queue.retry", Some(s3.as_str())),
            ("queue.retry", Some(s2.as_str())),
            ("queue.retry", Some(s4.as_str())),
            ("queue.clear", None),
            ("queue.clear", None)
        ]
    );
    assert_eq!(audit[3].2["items"], 1);
    assert_eq!(audit[4].2["items"], 3);
    assert_eq!(audit[4].2["state"], "delivered");
    fx.assert_token_never_shown();
}

#[test]
fn stats_count_items_per_kind_and_state_after_deliveries() {
    let up = Upstream::routed(|rq| match rq.key().as_str() {
        "r-1" => Reply::ok(),
        "r-2" => Reply::status(422),
        _ => Reply::status(502),
    });
    let fx = Fx::new(&up.url(), &[]);
    let consenting = json!({"name": "Gus Hall", "email": "gus@example.com", "consent": true,
        "meta": {"request_id": "r-4", "source": "site"}});
    fx.ingest_with(&format!("{}{consenting}\n", submissions(3)), &SMTP_AT_INGEST);
    fx.flush(&[]).code(6);

    let doc = fx.ok(&["queue", "stats", "--format", "json"]).json();
    assert_eq!(doc["configured"], json!(["forward"]));
    let counts: Vec<(String, String, u64)> = doc["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().into(),
                c["state"].as_str().unwrap().into(),
                c["items"].as_u64().unwrap(),
            )
        })
        .collect();
    let want: Vec<(String, String, u64)> = [
        ("admin_alert", "pending", 4),
        ("forward", "dead", 1),
        ("forward", "done", 1),
        ("forward", "retrying", 2),
        ("welcome_email", "pending", 1),
    ]
    .into_iter()
    .map(|(k, s, n)| (k.into(), s.into(), n))
    .collect();
    assert_eq!(counts, want);
    // the next attempt is the earliest retry or pending item: the pending alerts, due already
    let next = ts(&doc["next_attempt_at"]);
    assert!(next <= Utc::now(), "{doc}");
    assert!(doc["oldest_pending_at"].is_string());

    let csv = fx.ok(&["queue", "stats", "--format", "csv"]).csv();
    assert_eq!(csv.header, ["kind", "state", "items"]);
    let rows: Vec<(String, String, u64)> = csv
        .rows
        .iter()
        .map(|r| (r["kind"].clone(), r["state"].clone(), r["items"].parse().unwrap()))
        .collect();
    assert_eq!(rows, want);

    let table = fx.ok(&["queue", "stats"]).stdout;
    assert!(table.contains("Queued for each new lead: forward."), "{table}");
    for (kind, state, n) in &want {
        let line = table
            .lines()
            .find(|l| l.contains(kind.as_str()) && l.contains(state.as_str()))
            .unwrap_or_else(|| panic!("no row {kind} {state}:\n{table}"));
        assert!(line.contains(&format!(" {n} ")), "{line}");
    }
}

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

#[test]
fn unusable_queue_settings_are_refused_before_anything_is_sent() {
    let up = Upstream::start(vec![]);
    let fx = Fx::new(&up.url(), &[]);
    fx.ingest(&submissions(1));
    let before = fx.snapshot();
    let cases: [(&[(&str, &str)], &str); 6] = [
        (
            &[("LEADCTL_QUEUE_LEASE", "1s"), ("LEADCTL_QUEUE_HTTP_TIMEOUT", "1s")],
            "queue.lease (1s) must be at least three times queue.http_timeout (1s)",
        ),
        (
            &[("LEADCTL_QUEUE_LEASE", "40s")],
            "queue.lease (40s) must be at least three times queue.smtp_timeout (30s)",
        ),
        (&[("LEADCTL_QUEUE_MAX_ATTEMPTS", "0")], "queue.max_attempts must be between 1 and 100"),
        (&[("LEADCTL_QUEUE_FIRST_RETRY_DELAY", "soon")], "queue.first_retry_delay"),
        (
            &[("LEADCTL_QUEUE_FIRST_RETRY_DELAY", "2h"), ("LEADCTL_QUEUE_MAX_RETRY_DELAY", "1h")],
            "queue.max_retry_delay must not be shorter",
        ),
        (&[("LEADCTL_FORWARD_URL", "ftp://example.com/x")], "forward.url is not an http(s) URL"),
    ];
    for (vars, want) in cases {
        let r = fx.run_with(&["queue", "flush"], vars);
        r.error(2);
        assert!(r.stderr.contains(want), "{vars:?}: {}", r.stderr);
    }
    // a short lease is fine when both timeouts fit three times
    let short = [
        ("LEADCTL_QUEUE_LEASE", "3s"),
        ("LEADCTL_QUEUE_HTTP_TIMEOUT", "1s"),
        ("LEADCTL_QUEUE_SMTP_TIMEOUT", "1s"),
    ];
    fx.run_with(&["queue", "flush", "--dry-run"], &short).code(0);
    assert_eq!(fx.snapshot(), before, "nothing changed");
    assert_eq!(up.count(), 0, "nothing was sent");
    let r = fx.run_with(&["queue", "flush"], &short);
    r.code(0);
    assert_eq!(r.stdout, "Delivered 1, will retry 0, dead 0.\n");
}

// ---------------------------------------------------------------------------------------------
// Leases and signals
// ---------------------------------------------------------------------------------------------

#[test]
fn an_item_in_flight_is_leased_not_sent_twice_and_not_retried() {
    // 5 s in flight: room for four commands meanwhile, even on a loaded machine
    let up = Upstream::start(vec![Reply::ok().delay(Duration::from_secs(5)), Reply::ok()]);
    let fx = Fx::new(&up.url(), &[]);
    fx.ingest(&submissions(1));
    let first = fx.spawn(&["queue", "flush"], &[]);
    wait_for("the first request", || up.count() == 1);

    let item = fx.item(1);
    assert_eq!((item["state"].as_str(), item["attempts"].as_i64()), (Some("pending"), Some(0)));
    assert!(item["lease_owner"].as_str().is_some_and(|o| o.contains(':')), "{item}");
    let until = ts(&item["lease_expires_at"]);
    let left = (until - Utc::now()).num_seconds();
    assert!((290..=300).contains(&left), "the default lease is 5 minutes, {left} s left");

    let doc = fx.ok(&["queue", "flush", "--dry-run", "--format", "json"]).json();
    assert_eq!(doc["due"], 0, "a leased item is not due");
    let r = fx.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout, "Nothing to deliver.\n", "a second flush leaves it alone");
    let r = fx.run(&["queue", "retry", "1"]);
    r.error(4);
    assert!(r.stderr.contains("a flush holds it until"), "{}", r.stderr);

    let r = fx.wait(first);
    r.code(0);
    assert_eq!(r.stdout, "Delivered 1, will retry 0, dead 0.\n");
    assert_eq!(up.count(), 1, "sent once");
    let item = fx.item(1);
    assert_eq!(item["state"], "done");
    assert_eq!((&item["lease_owner"], &item["lease_expires_at"]), (&Value::Null, &Value::Null));
}

#[test]
fn a_flush_that_dies_leaves_its_item_to_the_next_after_the_lease() {
    // the first attempt hangs; the flush is killed; once the lease runs out, it is sent again
    let up = Upstream::start(vec![Reply::ok().delay(Duration::from_secs(5)), Reply::ok()]);
    let short = [
        ("LEADCTL_QUEUE_LEASE", "3s"),
        ("LEADCTL_QUEUE_HTTP_TIMEOUT", "1s"),
        ("LEADCTL_QUEUE_SMTP_TIMEOUT", "1s"),
    ];
    let fx = Fx::new(&up.url(), &short);
    fx.ingest(&submissions(1));
    let child = fx.spawn(&["queue", "flush"], &[]);
    wait_for("the first request", || up.count() == 1);
    signal(&child, "KILL");
    let r = fx.wait(child);
    assert_eq!(r.code, -1, "killed");
    let item = fx.item(1);
    let until = ts(&item["lease_expires_at"]);
    assert_eq!(item["attempts"], 0, "the attempt was never recorded");

    let r = fx.flush(&[]);
    if Utc::now() < until {
        assert_eq!(r.stdout, "Nothing to deliver.\n", "still leased");
    }
    sleep_until(until);
    let r = fx.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout, "Delivered 1, will retry 0, dead 0.\n");
    assert_eq!(up.keys(), ["r-1", "r-1"], "sent again, with the same idempotency key");
    let item = fx.item(1);
    assert_eq!((item["state"].as_str(), item["attempts"].as_i64()), (Some("done"), Some(1)));
}

#[test]
fn an_interrupted_flush_finishes_what_is_in_flight_and_abandons_it_on_a_second_signal() {
    let up = Upstream::start(vec![Reply::ok().delay(Duration::from_millis(800))]);
    let fx = Fx::new(&up.url(), &[]);
    fx.ingest(&submissions(3));
    // one at a time: item 1 in flight; only as many items are claimed as there are free slots
    let child = fx.spawn(&["queue", "flush", "--concurrency", "1"], &[]);
    wait_for("the first request", || up.count() == 1);
    signal(&child, "INT");
    let r = fx.wait(child);
    r.code(130);
    assert_eq!(r.stdout, "Delivered 1, will retry 0, dead 0.\n");
    assert!(r.stderr.contains("stopping: finishing deliveries in flight"), "{}", r.stderr);
    let errors = lines_starting(&r.stderr, "error:");
    assert_eq!(errors.len(), 1, "{}", r.stderr);
    assert!(errors[0].contains("interrupted"), "{}", errors[0]);
    assert_eq!(up.count(), 1, "nothing new was started after the signal");
    let items = fx.list(&[]);
    let got: Vec<(&str, &Value, &Value)> = items
        .iter()
        .map(|i| (i["state"].as_str().unwrap(), &i["attempts"], &i["lease_owner"]))
        .collect();
    assert_eq!(
        got,
        [
            ("done", &json!(1), &Value::Null),
            ("pending", &json!(0), &Value::Null),
            ("pending", &json!(0), &Value::Null)
        ]
    );
    // never claimed, so not leased: the next flush takes both at once
    let r = fx.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout, "Delivered 2, will retry 0, dead 0.\n");

    // a second signal abandons the delivery in flight too: recorded as abandoned, and the item
    // stays leased (the receiver may have it) until the lease runs out
    let up = Upstream::start(vec![Reply::ok().delay(Duration::from_secs(3))]);
    let fx = Fx::new(&up.url(), &[]);
    fx.ingest(&submissions(1));
    let started = Instant::now();
    let child = fx.spawn(&["queue", "flush"], &[]);
    wait_for("the first request", || up.count() == 1);
    signal(&child, "TERM");
    std::thread::sleep(Duration::from_millis(100));
    signal(&child, "TERM");
    let r = fx.wait(child);
    r.code(130);
    assert!(started.elapsed() < Duration::from_millis(2500), "it did not wait for the upstream");
    assert_eq!(r.stdout, "Delivered 0, will retry 0, dead 0, abandoned 1 in flight.\n");
    let item = fx.item(1);
    assert_eq!((item["state"].as_str(), item["attempts"].as_i64()), (Some("pending"), Some(0)));
    assert!(item["lease_owner"].is_string(), "still leased: {item}");
    let h = history(&item);
    assert_eq!(h.len(), 1, "{h:?}");
    assert_eq!(h[0].0, "abandoned");
    let r = fx.flush(&[]);
    assert_eq!(r.stdout, "Nothing to deliver.\n", "not sent again while leased");
}

// ---------------------------------------------------------------------------------------------
// NDJSON output
// ---------------------------------------------------------------------------------------------

#[test]
fn ndjson_output_of_the_queue_commands_is_one_line_per_document() {
    let up = Upstream::start(vec![Reply::status(503)]);
    let fx = Fx::new(&up.url(), &[]);
    fx.ingest(&submissions(2));
    let mut bad = Vec::new();
    for args in [
        &["queue", "flush", "--dry-run"][..],
        &["queue", "flush"],
        &["queue", "list"],
        &["queue", "stats"],
        &["queue", "show", "1"],
        &["queue", "preview", "1"],
    ] {
        let mut a = args.to_vec();
        a.extend(["--format", "ndjson"]);
        let r = fx.ok(&a);
        let lines: Vec<&str> = r.stdout.lines().collect();
        let ok = !lines.is_empty()
            && lines.iter().all(|l| serde_json::from_str::<Value>(l).is_ok_and(|v| v.is_object()));
        if !ok {
            bad.push(format!("{args:?}: {} lines", lines.len()));
        }
    }
    assert!(bad.is_empty(), "not NDJSON (one JSON object a line): {bad:?}");
}

// ---------------------------------------------------------------------------------------------
// Erased leads
// ---------------------------------------------------------------------------------------------

#[test]
fn a_dead_forward_of_an_erased_lead_is_never_sent_again() {
    let up = Upstream::start(vec![Reply::status(400), Reply::ok()]);
    let fx = Fx::new(&up.url(), &[]);
    fx.ingest(&submissions(1));
    fx.flush(&[]).code(6);
    assert_eq!(fx.item(1)["state"], "dead");
    fx.ok(&["forget", "ann@example.com", "--yes"]);
    // whatever `queue retry --dead` says, nothing of the erased lead may leave again
    let r = fx.run(&["queue", "retry", "--dead"]);
    assert!([0, 4].contains(&r.code), "{}{}", r.stdout, r.stderr);
    let r = fx.flush(&[]);
    assert!([0, 6].contains(&r.code), "{}{}", r.stdout, r.stderr);
    let bodies: Vec<String> = up.requests().iter().map(|r| r.body.clone()).collect();
    assert_eq!(bodies.len(), 1, "the erased lead's item was sent again: {bodies:?}");
}

#[test]
fn erasing_a_lead_while_its_forward_is_in_flight_keeps_the_item_cancelled() {
    let up =
        Upstream::start(vec![Reply::status(503).delay(Duration::from_millis(1000)), Reply::ok()]);
    let fx = Fx::new(&up.url(), &[("LEADCTL_QUEUE_FIRST_RETRY_DELAY", "200ms")]);
    fx.ingest(&submissions(1));
    let child = fx.spawn(&["queue", "flush"], &[]);
    wait_for("the first request", || up.count() == 1);
    fx.ok(&["forget", "ann@example.com", "--yes"]);
    assert_eq!(fx.item(1)["state"], "cancelled");
    fx.wait(child).code(0);
    let item = fx.item(1);
    assert_eq!(item["state"], "cancelled", "the late attempt revived the item: {item}");
    std::thread::sleep(Duration::from_millis(250));
    fx.flush(&[]).code(0);
    let bodies: Vec<String> = up.requests().iter().map(|r| r.body.clone()).collect();
    assert_eq!(bodies.len(), 1, "the erased lead's item was sent again: {bodies:?}");
}
