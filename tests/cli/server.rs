//! A real `leadctl serve --listen 127.0.0.1:0` process and a real HTTP client (ureq), shared by
//! the listener's test files.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::{TestEnv, assert_no_panic, keys, sorted};

/// The environment token the servers of these tests accept.
pub const TOKEN: &str = "tok-9f2c1e7a-secret";
/// Its Authorization header value.
pub const BEARER: &str = "Bearer tok-9f2c1e7a-secret";

/// `LEADCTL_INGEST_TOKEN` set to [`TOKEN`].
pub fn token_env() -> [(&'static str, &'static str); 1] {
    [("LEADCTL_INGEST_TOKEN", TOKEN)]
}

/// Authorization and Content-Type for a normal post.
pub fn json_auth() -> Vec<(&'static str, &'static str)> {
    vec![("Authorization", BEARER), ("Content-Type", "application/json")]
}

/// How long a server may take to print its address, or to exit after SIGTERM.
pub const LIMIT: Duration = Duration::from_secs(10);

/// A `leadctl serve --listen 127.0.0.1:0` process.
pub struct Server {
    pub child: Child,
    pub addr: String,
    log: Arc<Mutex<String>>,
    reader: Option<JoinHandle<()>>,
    exited: bool,
}

impl Server {
    /// Starts a server with `vars` in its environment.
    pub fn start(env: &TestEnv, vars: &[(&str, &str)]) -> Server {
        Server::start_with(env, &[], vars)
    }

    /// Starts a server with extra arguments and `vars`; waits for `Listening on http://…`.
    pub fn start_with(env: &TestEnv, extra: &[&str], vars: &[(&str, &str)]) -> Server {
        let mut child = spawn_serve(env, extra, vars);
        let stderr = child.stderr.take().expect("stderr");
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        let sink = Arc::clone(&log);
        // Reads stderr until EOF, so the pipe never fills; hands over the address line.
        let reader = std::thread::spawn(move || {
            let mut r = BufReader::new(stderr);
            let mut buf = Vec::new();
            loop {
                buf.clear();
                match r.read_until(b'\n', &mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {}
                }
                let line = String::from_utf8_lossy(&buf);
                let line = line.trim_end_matches(['\r', '\n']);
                if let Some(addr) = line.strip_prefix("Listening on http://") {
                    let _ = tx.send(addr.trim().to_string());
                }
                let mut l = sink.lock().unwrap();
                l.push_str(line);
                l.push('\n');
            }
        });
        match rx.recv_timeout(LIMIT) {
            Ok(addr) => Server { child, addr, log, reader: Some(reader), exited: false },
            Err(_) => {
                let _ = child.kill();
                let status = child.wait();
                let _ = reader.join();
                panic!(
                    "the server did not print its address ({status:?}):\n{}",
                    log.lock().unwrap()
                );
            }
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Everything the server wrote to stderr so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    pub fn sigterm(&self) {
        let pid = self.child.id().to_string();
        let st = Command::new("kill").args(["-TERM", &pid]).status().expect("run kill");
        assert!(st.success(), "kill -TERM {pid} failed");
    }

    /// Waits (at most `limit`) for the process to exit; returns its exit code and stderr.
    pub fn wait_exit(&mut self, limit: Duration) -> (i32, String) {
        let start = Instant::now();
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("try_wait") {
                break s;
            }
            if start.elapsed() > limit {
                let _ = self.child.kill();
                let _ = self.child.wait();
                self.exited = true;
                panic!("the server did not exit within {limit:?}:\n{}", self.log());
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        self.exited = true;
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        let log = self.log();
        assert_no_panic(&log);
        (status.code().unwrap_or(-1), log)
    }

    /// SIGTERM; the server must exit 0 within [`LIMIT`]. Returns its stderr.
    pub fn stop(mut self) -> String {
        self.sigterm();
        let (code, log) = self.wait_exit(LIMIT);
        assert_eq!(code, 0, "the server did not exit 0 after SIGTERM:\n{log}");
        assert!(log.contains("Stopped."), "no `Stopped.` line:\n{log}");
        log
    }

    /// POSTs `body` to /inbound/leads with the token and JSON content type.
    pub fn post_lead(&self, agent: &ureq::Agent, body: &str) -> Resp {
        post(agent, &self.url("/inbound/leads"), &json_auth(), body)
            .unwrap_or_else(|e| panic!("POST failed: {e}\nserver log:\n{}", self.log()))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if !self.exited {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub request_id: Option<String>,
    pub content_type: Option<String>,
    pub body: String,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {} {:?}", self.status, self.body))
    }

    /// Asserts `status` and the error shape {"error": {"code", "message", "fields"?}}; returns
    /// the error object.
    pub fn error(&self, status: u16, code: &str) -> Value {
        assert_eq!(self.status, status, "{self:?}");
        let ct = self.content_type.as_deref().unwrap_or("");
        assert!(ct.starts_with("application/json"), "content type {ct:?}: {self:?}");
        let doc = self.json();
        assert_eq!(keys(&doc), sorted(&["error"]), "{doc}");
        let err = doc["error"].clone();
        assert_eq!(err["code"], code, "{doc}");
        assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()), "{doc}");
        let k = keys(&err);
        assert!(
            k == sorted(&["code", "message"]) || k == sorted(&["code", "fields", "message"]),
            "{doc}"
        );
        err
    }

    /// Asserts a 201/200 answer with exactly leadId, timestamp and status; returns the lead id.
    pub fn accepted(&self, status: u16, label: &str) -> String {
        assert_eq!(self.status, status, "{self:?}");
        let doc = self.json();
        assert_eq!(keys(&doc), sorted(&["leadId", "status", "timestamp"]), "{doc}");
        assert_eq!(doc["status"], label, "{doc}");
        let ts = doc["timestamp"].as_str().unwrap_or_else(|| panic!("timestamp: {doc}"));
        assert!(ts.len() >= 20 && ts.contains('T') && ts.ends_with('Z'), "timestamp {ts:?}");
        let id = doc["leadId"].as_str().unwrap_or_else(|| panic!("leadId: {doc}"));
        assert!(!id.is_empty());
        id.to_string()
    }
}

/// A keep-alive client that returns 4xx/5xx answers instead of errors, with a bounded wait.
/// Only for requests whose bodies the server reads (see [`one_shot`]).
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(15)))
        .build()
        .into()
}

/// A client that opens a new connection for every request. The server closes a connection
/// after answering a request whose body had not arrived yet (401, 415, 413, 404 answered
/// before the body is read) without saying `Connection: close`, so a pooled connection can
/// be dead when reused; that is tested on its own in
/// [`a_request_rejected_before_its_body_arrived_leaves_the_connection_usable_or_says_close`].
pub fn one_shot() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(15)))
        .max_idle_connections(0)
        .max_idle_connections_per_host(0)
        .build()
        .into()
}

pub fn finish(mut r: ureq::http::Response<ureq::Body>) -> Result<Resp, ureq::Error> {
    let header = |name: &str| r.headers().get(name).and_then(|v| v.to_str().ok()).map(String::from);
    let (request_id, content_type) = (header("x-request-id"), header("content-type"));
    let body = r.body_mut().read_to_string()?;
    Ok(Resp { status: r.status().as_u16(), request_id, content_type, body })
}

pub fn post(
    agent: &ureq::Agent,
    url: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<Resp, ureq::Error> {
    let mut rq = agent.post(url);
    for (k, v) in headers {
        rq = rq.header(*k, *v);
    }
    finish(rq.send(body)?)
}

pub fn get(agent: &ureq::Agent, url: &str, headers: &[(&str, &str)]) -> Resp {
    let mut rq = agent.get(url);
    for (k, v) in headers {
        rq = rq.header(*k, *v);
    }
    finish(rq.call().expect("GET")).expect("read body")
}

/// Waits for a child with a bound; kills it and fails when the bound passes.
pub fn wait_bounded(child: &mut Child, limit: Duration) -> i32 {
    let start = Instant::now();
    loop {
        if let Some(s) = child.try_wait().expect("try_wait") {
            return s.code().unwrap_or(-1);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("leadctl did not exit within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Spawns `leadctl serve --listen 127.0.0.1:0 EXTRA` with `vars`; stdout discarded, stderr
/// piped.
pub fn spawn_serve(env: &TestEnv, extra: &[&str], vars: &[(&str, &str)]) -> Child {
    let mut args = vec!["serve", "--listen", "127.0.0.1:0"];
    args.extend_from_slice(extra);
    let mut c = env.cmd(&args);
    for (k, v) in vars {
        c.env(k, v);
    }
    c.stdout(Stdio::null()).stderr(Stdio::piped());
    c.spawn().expect("spawn leadctl serve")
}
