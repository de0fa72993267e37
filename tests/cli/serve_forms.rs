//! `leadctl serve-webhooks` for browser forms and under stress: form keys (`token create
//! --form --origin`), the honeypot field, CORS (preflights and the headers of every answer),
//! per-client rate limits (general, form keys, `X-Forwarded-For`), the in-server flusher
//! (`--flush-every`) against a real upstream (tiny_http on 127.0.0.1:0) beside a cron flush,
//! the request deadline, and a SIGKILL under load. Every server is the real binary on a free
//! port of 127.0.0.1, driven by a real HTTP client (ureq) or, for a stalled body, by hand.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::{TestEnv, assert_no_panic, keys, sorted};
use crate::server::{LIMIT, Server, TOKEN, agent, one_shot, spawn_serve, token_env, wait_bounded};

/// The site a form key is made for.
const SITE: &str = "https://site.example";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// An HTTP answer with every header (names lower-cased).
#[derive(Debug)]
struct Http {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Http {
    /// Every value of the header `name`.
    fn all(&self, name: &str) -> Vec<&str> {
        let name = name.to_ascii_lowercase();
        self.headers.iter().filter(|(k, _)| *k == name).map(|(_, v)| v.as_str()).collect()
    }

    /// The only value of `name`, if any (panics when repeated).
    fn header(&self, name: &str) -> Option<&str> {
        let all = self.all(name);
        assert!(all.len() <= 1, "header {name} repeated: {self:?}");
        all.first().copied()
    }

    /// The comma-separated items of every `name` header, trimmed and lower-cased.
    fn list(&self, name: &str) -> Vec<String> {
        self.all(name)
            .iter()
            .flat_map(|v| v.split(','))
            .map(|s| s.trim().to_ascii_lowercase())
            .filter(|s| !s.is_empty())
            .collect()
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {} {:?}", self.status, self.body))
    }

    /// Asserts `status` and the error shape {"error": {"code", "message"}} with `code`.
    fn error(&self, status: u16, code: &str) {
        assert_eq!(self.status, status, "{self:?}");
        let ct = self.header("content-type").unwrap_or("");
        assert!(ct.starts_with("application/json"), "content type {ct:?}: {self:?}");
        let doc = self.json();
        assert_eq!(keys(&doc), sorted(&["error"]), "{doc}");
        assert_eq!(doc["error"]["code"], code, "{doc}");
        assert!(doc["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{doc}");
    }

    /// Asserts a 201 {"leadId", "timestamp", "status": "received"}; returns the lead id.
    fn created(&self) -> String {
        assert_eq!(self.status, 201, "{self:?}");
        let doc = self.json();
        assert_eq!(keys(&doc), sorted(&["leadId", "status", "timestamp"]), "{doc}");
        assert_eq!(doc["status"], "received", "{doc}");
        let ts = doc["timestamp"].as_str().unwrap_or_else(|| panic!("timestamp: {doc}"));
        assert!(ts.len() >= 20 && ts.contains('T') && ts.ends_with('Z'), "timestamp {ts:?}");
        let id = doc["leadId"].as_str().unwrap_or_else(|| panic!("leadId: {doc}"));
        assert!(!id.is_empty(), "{doc}");
        id.to_string()
    }

    /// The Access-Control-Allow-Origin header.
    fn acao(&self) -> Option<&str> {
        self.header("access-control-allow-origin")
    }

    /// Retry-After as whole seconds (required).
    fn retry_after(&self) -> u64 {
        let v = self.header("retry-after").unwrap_or_else(|| panic!("no Retry-After: {self:?}"));
        v.parse().unwrap_or_else(|_| panic!("Retry-After {v:?} is not whole seconds"))
    }
}

/// One request; `body` None sends none. Each request on a new connection.
fn request(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Result<Http, ureq::Error> {
    request_on(&one_shot(), method, url, headers, body)
}

fn request_on(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Result<Http, ureq::Error> {
    let mut b = ureq::http::Request::builder().method(method).uri(url);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    let resp = match body {
        Some(text) => agent.run(b.body(text.to_string()).expect("request")),
        None => agent.run(b.body(()).expect("request")),
    };
    let mut r = resp?;
    let headers = r
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_ascii_lowercase(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let body = r.body_mut().read_to_string()?;
    Ok(Http { status: r.status().as_u16(), headers, body })
}

/// POSTs a lead to /inbound/leads with `headers` (Content-Type JSON is added).
fn post_lead(srv: &Server, headers: &[(&str, &str)], body: &str) -> Http {
    let mut h = vec![("Content-Type", "application/json")];
    h.extend_from_slice(headers);
    request("POST", &srv.url("/inbound/leads"), &h, Some(body))
        .unwrap_or_else(|e| panic!("POST failed: {e}\nserver log:\n{}", srv.log()))
}

/// An `OPTIONS /inbound/leads` preflight from `origin` as a browser sends it.
fn preflight(srv: &Server, origin: &str) -> Http {
    let h = [
        ("Origin", origin),
        ("Access-Control-Request-Method", "POST"),
        ("Access-Control-Request-Headers", "authorization, content-type"),
    ];
    request("OPTIONS", &srv.url("/inbound/leads"), &h, None)
        .unwrap_or_else(|e| panic!("OPTIONS failed: {e}\nserver log:\n{}", srv.log()))
}

/// Asserts a successful preflight naming exactly `origin`.
fn assert_preflight_ok(r: &Http, origin: &str) {
    assert_eq!(r.status, 204, "preflight from {origin}: {r:?}");
    assert_eq!(r.all("access-control-allow-origin"), [origin], "{r:?}");
    assert!(r.list("access-control-allow-methods").contains(&"post".to_string()), "{r:?}");
    let allowed = r.list("access-control-allow-headers");
    for h in ["authorization", "content-type"] {
        assert!(allowed.contains(&h.to_string()), "{h} not allowed: {r:?}");
    }
    assert!(r.list("vary").contains(&"origin".to_string()), "no Vary: Origin: {r:?}");
    assert!(r.header("access-control-allow-credentials").is_none(), "{r:?}");
    assert!(r.body.is_empty(), "{r:?}");
}

/// Asserts a refused preflight: 403 origin_not_allowed and no CORS grant.
fn assert_preflight_refused(r: &Http) {
    r.error(403, "origin_not_allowed");
    assert!(r.all("access-control-allow-origin").is_empty(), "{r:?}");
    assert!(r.all("access-control-allow-methods").is_empty(), "{r:?}");
}

/// A small valid lead.
fn lead(email: &str) -> String {
    json!({"name": "Form Person", "email": email}).to_string()
}

/// A small valid lead with an extra top-level field.
fn lead_with(email: &str, field: &str, value: Value) -> String {
    let mut v = json!({"name": "Form Person", "email": email});
    v[field] = value;
    v.to_string()
}

/// Leads in the database, every organisation.
fn lead_rows(env: &TestEnv) -> i64 {
    env.sql().query_row("SELECT count(*) FROM leads", [], |r| r.get(0)).unwrap()
}

/// Whether a lead with this id is stored (any organisation).
fn lead_exists(env: &TestEnv, id: &str) -> bool {
    let n: i64 = env
        .sql()
        .query_row("SELECT count(*) FROM leads WHERE id = ?1", [id], |r| r.get(0))
        .unwrap();
    n == 1
}

/// `token create` with `args` (run as `leadctl [--org ORG] token create ARGS`); must succeed;
/// returns stdout (the token) trimmed.
fn create_token(env: &TestEnv, org: Option<&str>, args: &[&str]) -> String {
    let mut all: Vec<&str> = Vec::new();
    if let Some(o) = org {
        all.extend(["--org", o]);
    }
    all.extend(["token", "create"]);
    all.extend_from_slice(args);
    let r = env.ok(&all);
    assert_eq!(r.stdout.lines().count(), 1, "one line on stdout: {:?}", r.stdout);
    r.stdout.trim().to_string()
}

/// A form key for `origin` named `name` in the default organisation.
fn form_key(env: &TestEnv, origin: &str, name: &str) -> String {
    let key = create_token(env, None, &["--form", "--origin", origin, "--name", name]);
    assert_form_key_shape(&key);
    key
}

fn assert_form_key_shape(key: &str) {
    let hex = key.strip_prefix("lfk_").unwrap_or_else(|| panic!("not a form key: {key:?}"));
    assert_eq!(hex.len(), 64, "{key}");
    assert!(hex.bytes().all(|b| b.is_ascii_hexdigit()), "{key}");
}

/// Polls `f` every 100 ms until it is true or `limit` passes; returns whether it became true.
fn wait_until(limit: Duration, mut f: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    loop {
        if f() {
            return true;
        }
        if start.elapsed() > limit {
            return false;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Runs `leadctl serve --listen 127.0.0.1:0 EXTRA` with `vars`, which must exit (it must not
/// start); returns (code, stderr).
fn serve_must_exit(env: &TestEnv, extra: &[&str], vars: &[(&str, &str)]) -> (i32, String) {
    let mut child = spawn_serve(env, extra, vars);
    let code = wait_bounded(&mut child, LIMIT);
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_no_panic(&stderr);
    (code, stderr)
}

// ---------------------------------------------------------------------------------------------
// An upstream for forwards: a real HTTP server on a thread
// ---------------------------------------------------------------------------------------------

/// The bearer token of the upstream.
const FORWARD_TOKEN: &str = "fwd-tok-77aa";

/// One request as the upstream received it.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    /// Names lower-cased.
    headers: Vec<(String, String)>,
    body: String,
}

impl Received {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// An upstream that answers 200 to every request after `delay`; stops when dropped.
pub(crate) struct Upstream {
    addr: SocketAddr,
    server: Arc<tiny_http::Server>,
    log: Arc<Mutex<Vec<Received>>>,
    thread: Option<JoinHandle<()>>,
}

impl Upstream {
    pub(crate) fn start(delay: Duration) -> Upstream {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("start upstream"));
        let addr = server.server_addr().to_ip().expect("an IP address");
        let log = Arc::new(Mutex::new(Vec::new()));
        let (srv, lg) = (Arc::clone(&server), Arc::clone(&log));
        let thread = std::thread::spawn(move || {
            while let Ok(mut rq) = srv.recv() {
                let mut body = String::new();
                let _ = rq.as_reader().read_to_string(&mut body);
                let headers = rq
                    .headers()
                    .iter()
                    .map(|h| (h.field.as_str().as_str().to_ascii_lowercase(), h.value.to_string()))
                    .collect();
                lg.lock().unwrap().push(Received { headers, body });
                // Answered on another thread (not joined): the upstream keeps accepting.
                std::thread::spawn(move || {
                    std::thread::sleep(delay);
                    answer_ok(rq);
                });
            }
        });
        Upstream { addr, server, log, thread: Some(thread) }
    }

    pub(crate) fn url(&self) -> String {
        format!("http://{}/leads", self.addr)
    }

    pub(crate) fn requests(&self) -> Vec<Received> {
        self.log.lock().unwrap().clone()
    }
}

/// A raw `200 OK` with `Connection: close` (tiny_http's own response would keep the
/// connection open, and its small thread pool can then stall a fifth connection).
fn answer_ok(rq: tiny_http::Request) {
    let body = "ok";
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        body.len()
    );
    let mut w = rq.into_writer();
    let _ = w.write_all(head.as_bytes());
    let _ = w.write_all(body.as_bytes());
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

// 1 Form keys --------------------------------------------------------------------------------

#[test]
fn form_keys_are_shown_once_listed_with_their_origin_and_validated() {
    let env = TestEnv::new();
    let r =
        env.ok(&["token", "create", "--form", "--origin", "https://Site.Example/", "--name", "f1"]);
    let key = r.stdout.trim().to_string();
    assert_eq!(r.stdout, format!("{key}\n"), "only the key on stdout");
    assert_form_key_shape(&key);
    assert!(r.stderr.contains("form key") && r.stderr.contains("only this once"), "{}", r.stderr);
    assert!(!r.stderr.contains(&key), "the key is printed on stdout only: {}", r.stderr);

    // only a hash is stored
    let stored: i64 = env
        .sql()
        .query_row(
            "SELECT count(*) FROM api_tokens WHERE token_hash = ?1 OR token_hash LIKE '%' || ?2 || '%'",
            [key.as_str(), &key[4..]],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, 0, "the key itself is in the database");

    // a bearer token beside it
    let bearer = create_token(&env, None, &["--name", "backend"]);
    assert!(bearer.starts_with("lct_") && bearer.len() == 68, "{bearer}");

    let list = env.ok(&["token", "list", "--format", "json"]);
    assert!(!list.stdout.contains(&key) && !list.stdout.contains(&bearer), "{}", list.stdout);
    let items = list.json();
    let items = items.as_array().expect("an array");
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0]["name"], "f1");
    assert_eq!(items[0]["kind"], "form");
    assert_eq!(items[0]["origins"], json!([SITE]), "the origin is normalised");
    assert_eq!(items[0]["revoked_at"], Value::Null);
    assert_eq!(items[1]["name"], "backend");
    assert_eq!(items[1]["kind"], "bearer");
    assert_eq!(items[1]["origins"], json!([]));
    let table = env.ok(&["token", "list"]).stdout;
    assert!(table.contains("form key (https://site.example)"), "{table}");

    // a form key for two sites
    let two = create_token(
        &env,
        None,
        &["--form", "--origin", SITE, "--origin", "http://localhost:3000", "--name", "f2"],
    );
    assert_form_key_shape(&two);
    assert_ne!(two, key);
    let items = env.ok(&["token", "list", "--format", "json"]).json();
    assert_eq!(items[2]["origins"], json!([SITE, "http://localhost:3000"]), "{items}");

    // usage errors, and nothing is created by them
    for args in [
        vec!["token", "create", "--form", "--name", "x1"],
        vec!["token", "create", "--origin", SITE, "--name", "x2"],
        vec!["token", "create", "--form", "--origin", "ftp://x", "--name", "x3"],
        vec!["token", "create", "--form", "--origin", "https://site.example/path", "--name", "x4"],
        vec!["token", "create", "--form", "--origin", "site.example", "--name", "x5"],
        vec!["token", "create", "--form", "--origin", "https://", "--name", "x6"],
    ] {
        let r = env.run(&args);
        r.error(2);
        assert!(r.stdout.trim().is_empty(), "{args:?} printed {:?}", r.stdout);
    }
    let n: i64 = env.sql().query_row("SELECT count(*) FROM api_tokens", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 3, "a refused create stored a token");
}

#[test]
fn a_form_key_posts_only_from_its_origin_into_its_org_and_stops_when_revoked() {
    let env = TestEnv::new();
    let key = create_token(&env, Some("acme"), &["--form", "--origin", SITE, "--name", "f1"]);
    assert_form_key_shape(&key);
    let bearer = format!("Bearer {key}");
    let srv = Server::start(&env, &token_env());

    let ok = post_lead(
        &srv,
        &[("Authorization", &bearer), ("Origin", SITE)],
        &lead("form1@example.com"),
    );
    let id = ok.created();
    assert_eq!(ok.acao(), Some(SITE), "a form key's origin is a CORS origin: {ok:?}");

    // refused: no Origin, other origins, look-alikes; nothing stored
    for origin in [
        None,
        Some("https://other.example"),
        Some("http://site.example"),
        Some("https://site.example.evil.test"),
        Some("https://site.example:8443"),
        Some("null"),
    ] {
        let mut h = vec![("Authorization", bearer.as_str())];
        if let Some(o) = origin {
            h.push(("Origin", o));
        }
        let r = post_lead(&srv, &h, &lead("form2@example.com"));
        r.error(403, "origin_not_allowed");
        assert!(r.acao().is_none(), "{origin:?}: {r:?}");
    }
    // the browser sends the origin in lower case, but case does not matter
    let upper = post_lead(
        &srv,
        &[("Authorization", &bearer), ("Origin", "https://SITE.example")],
        &lead("form3@example.com"),
    );
    upper.created();
    assert_eq!(lead_rows(&env), 2);

    // the leads are in the key's organisation, not the server's
    let acme = env.leads_with(&["--org", "acme"]);
    let emails: BTreeSet<&str> = acme.iter().filter_map(|l| l["email"].as_str()).collect();
    assert_eq!(emails, BTreeSet::from(["form1@example.com", "form3@example.com"]));
    assert!(acme.iter().all(|l| l["org"] == "acme"), "{acme:?}");
    assert!(acme.iter().any(|l| l["id"] == id.as_str()));
    assert_eq!(env.count(), 0, "nothing in the default organisation");

    // revoked: 401 at once, from the right origin too
    env.ok(&["--org", "acme", "token", "revoke", "f1"]);
    let r = post_lead(
        &srv,
        &[("Authorization", &bearer), ("Origin", SITE)],
        &lead("form4@example.com"),
    );
    r.error(401, "unauthorized");
    srv.stop();
    assert_eq!(lead_rows(&env), 2);
}

#[test]
fn a_server_with_only_a_form_key_starts_and_still_requires_the_key() {
    let env = TestEnv::new();
    let key = form_key(&env, SITE, "only");
    let srv = Server::start(&env, &[]);
    assert!(!srv.log().contains("without authentication"), "{}", srv.log());
    let r = post_lead(&srv, &[("Origin", SITE)], &lead("nokey@example.com"));
    r.error(401, "unauthorized");
    let r = post_lead(
        &srv,
        &[("Origin", SITE), ("Authorization", "Bearer lfk_0000")],
        &lead("badkey@example.com"),
    );
    r.error(401, "unauthorized");
    let bearer = format!("Bearer {key}");
    post_lead(&srv, &[("Origin", SITE), ("Authorization", &bearer)], &lead("key@example.com"))
        .created();
    srv.stop();
    assert_eq!(lead_rows(&env), 1);
}

// 2 Honeypot ---------------------------------------------------------------------------------

#[test]
fn a_filled_honeypot_on_a_form_post_is_answered_201_and_dropped() {
    let env = TestEnv::new();
    let key = form_key(&env, SITE, "f1");
    let stored_bearer = create_token(&env, None, &["--name", "backend"]);
    let form = format!("Bearer {key}");
    let stored = format!("Bearer {stored_bearer}");
    let env_bearer = format!("Bearer {TOKEN}");
    let srv = Server::start(&env, &token_env());
    let from_form = [("Authorization", form.as_str()), ("Origin", SITE)];

    // a bot: the usual answer, nothing stored
    let mut dropped = Vec::new();
    for (i, value) in [json!("http://spam"), json!(" x "), json!(true), json!(1), json!({"a": 1})]
        .into_iter()
        .enumerate()
    {
        let r = post_lead(
            &srv,
            &from_form,
            &lead_with(&format!("bot{i}@example.com"), "website", value),
        );
        let id = r.created();
        assert_eq!(r.acao(), Some(SITE), "{r:?}");
        assert!(!lead_exists(&env, &id), "honeypot lead {id} stored");
        dropped.push(id);
    }
    let distinct: BTreeSet<&String> = dropped.iter().collect();
    assert_eq!(distinct.len(), dropped.len(), "every dropped post gets its own id: {dropped:?}");
    assert_eq!(lead_rows(&env), 0);
    assert_eq!(env.count(), 0);
    for id in &dropped {
        env.run(&["show", id]).error(3);
    }

    // an empty honeypot is a person
    for (i, value) in [json!(""), json!("  "), Value::Null, json!(false)].into_iter().enumerate() {
        let r = post_lead(
            &srv,
            &from_form,
            &lead_with(&format!("human{i}@example.com"), "website", value),
        );
        let id = r.created();
        assert!(lead_exists(&env, &id), "lead {id} with an empty honeypot not stored");
    }
    assert_eq!(lead_rows(&env), 4);

    // the same field from a server-side token is data, not a bot
    for (auth, email) in [(&env_bearer, "envtok@example.com"), (&stored, "stored@example.com")] {
        let r = post_lead(
            &srv,
            &[("Authorization", auth.as_str())],
            &lead_with(email, "website", json!("http://spam")),
        );
        let id = r.created();
        assert!(lead_exists(&env, &id), "{email}: a bearer post with `website` was dropped");
    }
    srv.stop();
    assert_eq!(lead_rows(&env), 6);
    let emails: BTreeSet<String> =
        env.emails_with(&[]).into_iter().filter(|e| e.starts_with("bot")).collect();
    assert!(emails.is_empty(), "{emails:?}");

    // LEADCTL_HONEYPOT_FIELD renames the field
    let srv =
        Server::start(&env, &[("LEADCTL_INGEST_TOKEN", TOKEN), ("LEADCTL_HONEYPOT_FIELD", "fax")]);
    let id = post_lead(
        &srv,
        &from_form,
        &lead_with("renamed1@example.com", "website", json!("http://not-a-bot")),
    )
    .created();
    assert!(lead_exists(&env, &id), "`website` is no longer the honeypot");
    let id = post_lead(&srv, &from_form, &lead_with("renamed2@example.com", "fax", json!("123")))
        .created();
    assert!(!lead_exists(&env, &id), "the renamed honeypot did not drop the post");
    srv.stop();
    assert_eq!(lead_rows(&env), 7);
}

// 3 CORS -------------------------------------------------------------------------------------

#[test]
fn preflights_name_each_allowed_origin_and_refuse_unknown_ones() {
    let env = TestEnv::new();
    form_key(&env, "https://form.example", "f1");
    let srv = Server::start_with(
        &env,
        &["--cors-origin", "https://flag.example", "--cors-origin", "http://localhost:3000"],
        &[
            ("LEADCTL_INGEST_TOKEN", TOKEN),
            ("LEADCTL_CORS_ORIGINS", "https://conf.example, https://conf2.example/"),
        ],
    );
    for origin in [
        "https://flag.example",
        "http://localhost:3000",
        "https://conf.example",
        "https://conf2.example",
        "https://form.example",
    ] {
        let r = preflight(&srv, origin);
        assert_preflight_ok(&r, origin);
        assert_ne!(r.acao(), Some("*"));
    }
    for origin in [
        "https://evil.example",
        "https://flag.example.evil.example",
        "http://flag.example",
        "https://flag.example:444",
        "null",
        "*",
    ] {
        let r = preflight(&srv, origin);
        assert_preflight_refused(&r);
    }
    // no Origin at all
    let r = request("OPTIONS", &srv.url("/inbound/leads"), &[], None).unwrap();
    assert_preflight_refused(&r);
    srv.stop();
    assert_eq!(lead_rows(&env), 0);

    // bad configured origins refuse to start
    for (extra, vars) in [
        (vec!["--cors-origin", "ftp://x"], vec![]),
        (vec!["--cors-origin", "https://site.example/path"], vec![]),
        (vec![], vec![("LEADCTL_CORS_ORIGINS", "https://ok.example,https://a.example/x")]),
    ] {
        let mut vars = vars;
        vars.push(("LEADCTL_INGEST_TOKEN", TOKEN));
        let (code, stderr) = serve_must_exit(&env, &extra, &vars);
        assert_eq!(code, 2, "{extra:?} {vars:?}:\n{stderr}");
        assert!(stderr.lines().any(|l| l.starts_with("error:")), "{stderr}");
        assert!(!stderr.contains("Listening"), "{stderr}");
    }
}

#[test]
fn posts_from_an_allowed_origin_carry_cors_headers_on_every_answer_and_others_none() {
    let env = TestEnv::new();
    let flag = "https://flag.example";
    let srv = Server::start_with(&env, &["--cors-origin", flag], &token_env());
    let env_bearer = format!("Bearer {TOKEN}");
    let auth = ("Authorization", env_bearer.as_str());

    let r = post_lead(&srv, &[auth, ("Origin", flag)], &lead("c1@example.com"));
    r.created();
    assert_eq!(r.all("access-control-allow-origin"), [flag], "{r:?}");
    assert!(r.list("vary").contains(&"origin".to_string()), "{r:?}");

    // error answers carry it too, so a page can read them
    let r = post_lead(&srv, &[("Origin", flag)], &lead("c2@example.com"));
    r.error(401, "unauthorized");
    assert_eq!(r.all("access-control-allow-origin"), [flag], "401: {r:?}");
    let r = post_lead(&srv, &[auth, ("Origin", flag)], r#"{"name":"X","email":"not-an-email"}"#);
    r.error(422, "invalid_fields");
    assert_eq!(r.all("access-control-allow-origin"), [flag], "422: {r:?}");
    let r = post_lead(&srv, &[auth, ("Origin", flag)], "{not json");
    r.error(400, "invalid_json");
    assert_eq!(r.all("access-control-allow-origin"), [flag], "400: {r:?}");

    // an unknown origin (a server-side token works from anywhere) and no origin: no grant
    let r = post_lead(&srv, &[auth, ("Origin", "https://evil.example")], &lead("c3@example.com"));
    r.created();
    assert!(r.all("access-control-allow-origin").is_empty(), "{r:?}");
    let r = post_lead(&srv, &[("Origin", "https://evil.example")], &lead("c4@example.com"));
    r.error(401, "unauthorized");
    assert!(r.all("access-control-allow-origin").is_empty(), "{r:?}");
    let r = post_lead(&srv, &[auth], &lead("c5@example.com"));
    r.created();
    assert!(r.all("access-control-allow-origin").is_empty(), "{r:?}");
    srv.stop();
    assert_eq!(lead_rows(&env), 3);
}

#[test]
fn a_form_key_created_or_revoked_while_serving_changes_preflights_within_seconds() {
    let env = TestEnv::new();
    let late = "https://late.example";
    let srv = Server::start(&env, &token_env());
    // refused, and the origins are now cached
    assert_preflight_refused(&preflight(&srv, late));

    let key = form_key(&env, late, "late");
    let created = Instant::now();
    // the key itself works at once (looked up per request)
    let bearer = format!("Bearer {key}");
    post_lead(&srv, &[("Authorization", &bearer), ("Origin", late)], &lead("late@example.com"))
        .created();
    let allowed = wait_until(Duration::from_secs(8), || preflight(&srv, late).status == 204);
    let took = created.elapsed();
    assert!(allowed, "a new form key's origin was not allowed after {took:?}\n{}", srv.log());
    assert!(took < Duration::from_millis(6500), "took {took:?}");
    assert_preflight_ok(&preflight(&srv, late), late);

    env.ok(&["token", "revoke", "late"]);
    let revoked = Instant::now();
    let refused = wait_until(Duration::from_secs(8), || preflight(&srv, late).status == 403);
    let took = revoked.elapsed();
    assert!(refused, "a revoked form key's origin was still allowed after {took:?}");
    assert!(took < Duration::from_millis(6500), "took {took:?}");
    assert_preflight_refused(&preflight(&srv, late));
    srv.stop();
    assert_eq!(lead_rows(&env), 1);
}

// 4 Rate limits ------------------------------------------------------------------------------

#[test]
fn the_sixth_request_in_a_burst_is_429_with_retry_after() {
    let env = TestEnv::new();
    let flag = "https://flag.example";
    let srv = Server::start_with(
        &env,
        &["--cors-origin", flag],
        &[
            ("LEADCTL_INGEST_TOKEN", TOKEN),
            ("LEADCTL_RATE_LIMIT_LOOPBACK", "true"),
            ("LEADCTL_RATE_LIMIT", "5/min"),
        ],
    );
    let env_bearer = format!("Bearer {TOKEN}");
    let auth = ("Authorization", env_bearer.as_str());
    for i in 0..5 {
        post_lead(&srv, &[auth], &lead(&format!("burst{i}@example.com"))).created();
    }
    let r = post_lead(&srv, &[auth, ("Origin", flag)], &lead("burst5@example.com"));
    r.error(429, "rate_limited");
    let wait = r.retry_after();
    assert!((1..=12).contains(&wait), "Retry-After {wait} for 5/min");
    assert_eq!(r.acao(), Some(flag), "a 429 to an allowed origin carries CORS: {r:?}");
    // every request counts, with or without a valid token
    let r = post_lead(&srv, &[], &lead("burst6@example.com"));
    r.error(429, "rate_limited");
    assert!(r.retry_after() >= 1);
    let log = srv.stop();
    assert!(log.contains("rate_limited"), "no log line for the 429:\n{log}");
    assert_eq!(lead_rows(&env), 5);
}

#[test]
fn loopback_clients_are_exempt_unless_rate_limit_loopback() {
    let env = TestEnv::new();
    let srv =
        Server::start(&env, &[("LEADCTL_INGEST_TOKEN", TOKEN), ("LEADCTL_RATE_LIMIT", "5/min")]);
    let env_bearer = format!("Bearer {TOKEN}");
    let a = agent();
    for i in 0..20 {
        let r = request_on(
            &a,
            "POST",
            &srv.url("/inbound/leads"),
            &[("Authorization", &env_bearer), ("Content-Type", "application/json")],
            Some(&lead(&format!("loop{i}@example.com"))),
        )
        .unwrap();
        assert_eq!(r.status, 201, "post {i}: {r:?}");
    }
    srv.stop();
    assert_eq!(lead_rows(&env), 20);
}

#[test]
fn form_key_posts_have_their_own_tighter_limit() {
    let env = TestEnv::new();
    let key = form_key(&env, SITE, "f1");
    let srv = Server::start(
        &env,
        &[
            ("LEADCTL_INGEST_TOKEN", TOKEN),
            ("LEADCTL_RATE_LIMIT_LOOPBACK", "true"),
            ("LEADCTL_FORM_RATE_LIMIT", "2/min"),
        ],
    );
    let form = format!("Bearer {key}");
    let from_form = [("Authorization", form.as_str()), ("Origin", SITE)];
    post_lead(&srv, &from_form, &lead("f1@example.com")).created();
    post_lead(&srv, &from_form, &lead("f2@example.com")).created();
    let r = post_lead(&srv, &from_form, &lead("f3@example.com"));
    r.error(429, "rate_limited");
    let wait = r.retry_after();
    assert!((1..=30).contains(&wait), "Retry-After {wait} for 2/min");
    assert_eq!(r.acao(), Some(SITE), "{r:?}");
    // the general limit (600/min) still lets the server-side token through
    let env_bearer = format!("Bearer {TOKEN}");
    for i in 0..5 {
        post_lead(&srv, &[("Authorization", &env_bearer)], &lead(&format!("b{i}@example.com")))
            .created();
    }
    // and the form limit still holds
    post_lead(&srv, &from_form, &lead("f4@example.com")).error(429, "rate_limited");
    srv.stop();
    assert_eq!(lead_rows(&env), 7);
}

#[test]
fn x_forwarded_for_gives_each_client_its_bucket_only_when_trusted() {
    let env = TestEnv::new();
    let env_bearer = format!("Bearer {TOKEN}");
    let post_from = |srv: &Server, xff: &str, email: &str| {
        post_lead(srv, &[("Authorization", &env_bearer), ("X-Forwarded-For", xff)], &lead(email))
    };

    // trusted: the last address is the client (loopback peers are limited through it too)
    let srv = Server::start(
        &env,
        &[
            ("LEADCTL_INGEST_TOKEN", TOKEN),
            ("LEADCTL_RATE_LIMIT", "2/min"),
            ("LEADCTL_TRUST_FORWARDED_FOR", "true"),
        ],
    );
    for ip in ["203.0.113.1", "203.0.113.2", "2001:db8::7"] {
        for n in 0..2 {
            post_from(&srv, ip, &format!("t{n}-{}@example.com", ip.replace(':', "_"))).created();
        }
    }
    post_from(&srv, "203.0.113.1", "t-over@example.com").error(429, "rate_limited");
    // earlier addresses are the client's word: the bucket is the last one's
    post_from(&srv, "198.51.100.1, 203.0.113.9", "x1@example.com").created();
    post_from(&srv, "198.51.100.2, 203.0.113.9", "x2@example.com").created();
    let r = post_from(&srv, "198.51.100.3, 203.0.113.9", "x3@example.com");
    r.error(429, "rate_limited");
    assert!(r.retry_after() >= 1);
    srv.stop();
    assert_eq!(lead_rows(&env), 8);

    // not trusted: the header is ignored, every request is the loopback peer's
    let srv = Server::start(
        &env,
        &[
            ("LEADCTL_INGEST_TOKEN", TOKEN),
            ("LEADCTL_RATE_LIMIT", "2/min"),
            ("LEADCTL_RATE_LIMIT_LOOPBACK", "true"),
        ],
    );
    post_from(&srv, "203.0.113.21", "u1@example.com").created();
    post_from(&srv, "203.0.113.22", "u2@example.com").created();
    post_from(&srv, "203.0.113.23", "u3@example.com").error(429, "rate_limited");
    srv.stop();
    assert_eq!(lead_rows(&env), 10);
}

#[test]
fn malformed_listener_settings_and_flush_every_values_refuse_to_start() {
    let env = TestEnv::new();
    /// Extra arguments, variables, and what the `error:` line names.
    type Case<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>, &'a str);
    let cases: Vec<Case> = vec![
        (vec![], vec![("LEADCTL_RATE_LIMIT", "lots")], "serve.rate_limit"),
        (vec![], vec![("LEADCTL_RATE_LIMIT", "0/min")], "serve.rate_limit"),
        (vec![], vec![("LEADCTL_RATE_LIMIT", "5/fortnight")], "serve.rate_limit"),
        (vec![], vec![("LEADCTL_FORM_RATE_LIMIT", "many/min")], "serve.form_rate_limit"),
        (vec![], vec![("LEADCTL_RATE_LIMIT_LOOPBACK", "maybe")], "serve.rate_limit_loopback"),
        (vec![], vec![("LEADCTL_TRUST_FORWARDED_FOR", "perhaps")], "serve.trust_forwarded_for"),
        (vec![], vec![("LEADCTL_REQUEST_TIMEOUT", "soon")], "serve.request_timeout"),
        (vec![], vec![("LEADCTL_REQUEST_TIMEOUT", "0s")], "serve.request_timeout"),
        (vec!["--flush-every", "0s"], vec![], "--flush-every"),
        (vec!["--flush-every", "xyz"], vec![], "--flush-every"),
        (vec!["--flush-every", "2d"], vec![], "--flush-every"),
        // nothing to deliver
        (vec!["--flush-every", "5s"], vec![], "--flush-every"),
    ];
    for (extra, vars, mention) in cases {
        let mut all = vars.clone();
        all.push(("LEADCTL_INGEST_TOKEN", TOKEN));
        let (code, stderr) = serve_must_exit(&env, &extra, &all);
        assert_eq!(code, 2, "{extra:?} {vars:?}:\n{stderr}");
        let error = stderr.lines().find(|l| l.starts_with("error:"));
        let error =
            error.unwrap_or_else(|| panic!("no `error:` line for {extra:?} {vars:?}:\n{stderr}"));
        assert!(error.contains(mention), "{extra:?} {vars:?}: {error}");
        assert!(!stderr.contains("Listening"), "{stderr}");
    }
    // `off` turns a limit off
    let srv = Server::start(
        &env,
        &[
            ("LEADCTL_INGEST_TOKEN", TOKEN),
            ("LEADCTL_RATE_LIMIT", "off"),
            ("LEADCTL_RATE_LIMIT_LOOPBACK", "true"),
        ],
    );
    let env_bearer = format!("Bearer {TOKEN}");
    for i in 0..12 {
        post_lead(&srv, &[("Authorization", &env_bearer)], &lead(&format!("off{i}@example.com")))
            .created();
    }
    srv.stop();
    assert_eq!(lead_rows(&env), 12);
}

// 5 --flush-every ----------------------------------------------------------------------------

/// `queue list --format json` items.
fn queue_items(env: &TestEnv, vars: &[(&str, &str)]) -> Vec<Value> {
    let r = env.run_env(&["queue", "list", "--format", "json", "--limit", "1000"], vars);
    r.code(0);
    r.json().as_array().expect("an array of items").clone()
}

/// Runs `leadctl queue flush` over and over on a thread until `stop` (at most 10 s); returns
/// each run's exit code and stderr.
fn cron_flusher(
    env: &TestEnv,
    vars: &[(&str, &str)],
    stop: Arc<AtomicBool>,
) -> JoinHandle<Vec<(i32, String)>> {
    let (db, home) = (env.db(), env.home().to_path_buf());
    let vars: Vec<(String, String)> =
        vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    std::thread::spawn(move || {
        let mut runs = Vec::new();
        let start = Instant::now();
        while !stop.load(Ordering::SeqCst) && start.elapsed() < Duration::from_secs(10) {
            let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_leadctl"));
            c.env_clear()
                .env("HOME", &home)
                .env("PATH", std::env::var_os("PATH").unwrap_or_default())
                .env("LEADCTL_DB", &db)
                .env("LEADCTL_ACTOR", "cron")
                .args(["queue", "flush"])
                .stdin(Stdio::null());
            for (k, v) in &vars {
                c.env(k, v);
            }
            let o = c.output().expect("run queue flush");
            let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
            assert_no_panic(&stderr);
            runs.push((o.status.code().unwrap_or(-1), stderr));
        }
        runs
    })
}

/// Whether `queue list` shows `n` items, all delivered.
fn all_done(env: &TestEnv, n: usize) -> bool {
    let items = queue_items(env, &[]);
    items.len() == n && items.iter().all(|i| i["state"] == "done")
}

#[test]
fn flush_every_delivers_posted_leads_exactly_once_even_beside_a_cron_flush() {
    let env = TestEnv::new();
    // A slow upstream keeps deliveries in flight while the other flusher looks for work.
    let up = Upstream::start(Duration::from_millis(300));
    let url = up.url();
    let vars = [
        ("LEADCTL_INGEST_TOKEN", TOKEN),
        ("LEADCTL_FORWARD_URL", url.as_str()),
        ("LEADCTL_FORWARD_TOKEN", FORWARD_TOKEN),
    ];
    let srv = Server::start_with(&env, &["--flush-every", "1s"], &vars);
    let env_bearer = format!("Bearer {TOKEN}");
    let mut ids = BTreeSet::new();
    let mut post = |i: usize| {
        let r = post_lead(
            &srv,
            &[("Authorization", &env_bearer)],
            &lead(&format!("fw{i}@example.com")),
        );
        ids.insert(r.created());
    };

    // the server alone delivers within a few seconds
    for i in 0..3 {
        post(i);
    }
    let alone = wait_until(Duration::from_secs(6), || all_done(&env, 3));
    assert!(alone, "not delivered: {:?}\n{}", queue_items(&env, &[]), srv.log());
    assert_eq!(up.requests().len(), 3, "{:?}", up.requests());
    assert!(
        wait_until(Duration::from_secs(2), || srv.log().contains("queue_flushed")),
        "no queue_flushed line:\n{}",
        srv.log()
    );

    // a cron flush beside it, over and over, while more leads arrive
    let stop = Arc::new(AtomicBool::new(false));
    let cron = cron_flusher(&env, &vars, Arc::clone(&stop));
    for i in 3..9 {
        post(i);
        std::thread::sleep(Duration::from_millis(150));
    }
    let delivered = wait_until(Duration::from_secs(8), || all_done(&env, 9));
    stop.store(true, Ordering::SeqCst);
    let cron_runs = cron.join().unwrap();
    assert!(delivered, "not delivered: {:?}\n{}", queue_items(&env, &[]), srv.log());
    // nothing more arrives later
    std::thread::sleep(Duration::from_millis(1500));
    srv.stop();
    assert!(!cron_runs.is_empty());
    for (code, stderr) in &cron_runs {
        assert_eq!(*code, 0, "queue flush beside the server failed:\n{stderr}");
    }

    let got = up.requests();
    let keys: Vec<&str> =
        got.iter().map(|r| r.header("idempotency-key").expect("Idempotency-Key")).collect();
    let distinct: BTreeSet<&str> = keys.iter().copied().collect();
    assert_eq!(distinct.len(), keys.len(), "a lead was delivered twice: {keys:?}");
    assert_eq!(got.len(), 9, "forwards received: {keys:?}");
    let auth = format!("Bearer {FORWARD_TOKEN}");
    let mut emails = BTreeSet::new();
    for r in &got {
        assert_eq!(r.header("authorization"), Some(auth.as_str()), "{r:?}");
        let body: Value = serde_json::from_str(&r.body).expect("a JSON forward");
        let text = body.to_string();
        emails.extend((0..9).filter(|i| text.contains(&format!("\"fw{i}@example.com\""))));
    }
    assert_eq!(emails, (0..9).collect(), "each lead forwarded: {got:?}");

    let items = queue_items(&env, &[]);
    assert_eq!(items.len(), 9, "{items:?}");
    let lead_ids: BTreeSet<String> =
        items.iter().map(|i| i["lead_id"].as_str().unwrap_or("").to_string()).collect();
    assert_eq!(lead_ids, ids, "{items:?}");
    for i in &items {
        assert_eq!(i["kind"], "forward", "{i}");
        assert_eq!(i["state"], "done", "{i}");
        assert_eq!(i["attempts"], 1, "delivered more than once: {i}");
    }
    let item_keys: BTreeSet<&str> =
        items.iter().filter_map(|i| i["idempotency_key"].as_str()).collect();
    assert_eq!(item_keys, distinct);
    // one `forwarded` event per lead, recorded by whichever flusher delivered it (the
    // server's runs as LEADCTL_ACTOR `tester`, the cron flush as `cron`)
    let conn = env.sql();
    let by_actor = |actor: &str| -> i64 {
        conn.query_row(
            "SELECT count(*) FROM message_events WHERE kind = 'forwarded' AND actor = ?1",
            [actor],
            |r| r.get(0),
        )
        .unwrap()
    };
    let (server, cron) = (by_actor("tester"), by_actor("cron"));
    assert_eq!(server + cron, 9, "forwarded events: server {server}, cron {cron}");
    assert!(server >= 3, "the server's flusher delivered {server}");
}

#[test]
fn sigterm_with_flush_every_finishes_the_delivery_in_flight_and_exits_0() {
    let env = TestEnv::new();
    // The upstream takes 1 s: SIGTERM arrives while the forward is in flight.
    let up = Upstream::start(Duration::from_millis(1000));
    let url = up.url();
    let mut srv = Server::start_with(
        &env,
        &["--flush-every", "1s"],
        &[
            ("LEADCTL_INGEST_TOKEN", TOKEN),
            ("LEADCTL_FORWARD_URL", url.as_str()),
            ("LEADCTL_FORWARD_TOKEN", FORWARD_TOKEN),
        ],
    );
    let env_bearer = format!("Bearer {TOKEN}");
    let id =
        post_lead(&srv, &[("Authorization", &env_bearer)], &lead("term@example.com")).created();
    assert!(wait_until(Duration::from_secs(5), || up.requests().len() == 1), "{}", srv.log());
    srv.sigterm();
    let started = Instant::now();
    let (code, log) = srv.wait_exit(LIMIT);
    assert_eq!(code, 0, "{log}");
    assert!(started.elapsed() < Duration::from_secs(6), "took {:?}", started.elapsed());
    assert!(log.contains("Stopped."), "{log}");
    assert_eq!(up.requests().len(), 1);
    // the answer that arrived after the signal was recorded
    let items = queue_items(&env, &[]);
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["lead_id"], id.as_str());
    assert_eq!(items[0]["state"], "done", "{items:?}");
    assert_eq!(items[0]["attempts"], 1, "{items:?}");
}

// 6 Timeouts and health ----------------------------------------------------------------------

#[test]
fn a_stalled_body_is_408_after_the_request_timeout_and_the_server_keeps_answering() {
    let env = TestEnv::new();
    let srv =
        Server::start(&env, &[("LEADCTL_INGEST_TOKEN", TOKEN), ("LEADCTL_REQUEST_TIMEOUT", "1s")]);
    let mut s = TcpStream::connect(&srv.addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(8))).unwrap();
    let head = format!(
        "POST /inbound/leads HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {TOKEN}\r\n\
         Content-Type: application/json\r\nContent-Length: 100\r\n\r\n",
        srv.addr
    );
    let started = Instant::now();
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(br#"{"name":"Slow","email":"#).unwrap();
    s.flush().unwrap();
    // read the answer (the server closes the connection after it)
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                got.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&got);
                // a complete answer: head plus Content-Length bytes
                if let Some((h, b)) = text.split_once("\r\n\r\n") {
                    let len = h
                        .lines()
                        .find_map(|l| {
                            let (k, v) = l.split_once(':')?;
                            k.eq_ignore_ascii_case("content-length")
                                .then(|| v.trim().parse().ok())?
                        })
                        .unwrap_or(usize::MAX);
                    if b.len() >= len {
                        break;
                    }
                }
            }
            Err(e) if !got.is_empty() => {
                eprintln!("read ended with {e}");
                break;
            }
            Err(e) => panic!("no answer to a stalled body within 8 s: {e}\n{}", srv.log()),
        }
    }
    let took = started.elapsed();
    let text = String::from_utf8_lossy(&got).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or_else(|| panic!("no head: {text:?}"));
    let status: u16 = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    assert_eq!(status, 408, "{text}");
    assert!(took >= Duration::from_millis(900), "408 after only {took:?}");
    assert!(took < Duration::from_secs(5), "408 after {took:?}");
    let doc: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body:?}"));
    assert_eq!(doc["error"]["code"], "request_timeout", "{doc}");
    let lower = head.to_ascii_lowercase();
    assert!(lower.contains("content-type: application/json"), "{head}");
    assert!(lower.contains("connection: close"), "{head}");
    drop(s);

    // the server is fine: a normal post, health
    let env_bearer = format!("Bearer {TOKEN}");
    let id =
        post_lead(&srv, &[("Authorization", &env_bearer)], &lead("after@example.com")).created();
    let h = request("GET", &srv.url("/health"), &[], None).unwrap();
    assert_eq!(h.status, 200, "{h:?}");
    assert_eq!(h.json(), json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")}));
    srv.stop();
    assert_eq!(lead_rows(&env), 1, "the stalled request stored something");
    assert!(lead_exists(&env, &id));
}

#[test]
fn a_request_within_the_timeout_is_served_and_health_reports_the_version() {
    let env = TestEnv::new();
    let srv =
        Server::start(&env, &[("LEADCTL_INGEST_TOKEN", TOKEN), ("LEADCTL_REQUEST_TIMEOUT", "2s")]);
    // a body sent in two parts 500 ms apart is within 2 s
    let body = lead("split@example.com");
    let mut s = TcpStream::connect(&srv.addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(8))).unwrap();
    let head = format!(
        "POST /inbound/leads HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {TOKEN}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        srv.addr,
        body.len()
    );
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(&body.as_bytes()[..10]).unwrap();
    s.flush().unwrap();
    std::thread::sleep(Duration::from_millis(500));
    s.write_all(&body.as_bytes()[10..]).unwrap();
    let mut text = String::new();
    let _ = s.read_to_string(&mut text);
    assert!(text.starts_with("HTTP/1.1 201"), "{text}");

    for _ in 0..2 {
        let h = request("GET", &srv.url("/health"), &[], None).unwrap();
        assert_eq!(h.status, 200, "{h:?}");
        assert!(h.header("content-type").unwrap_or("").starts_with("application/json"));
        let doc = h.json();
        assert_eq!(keys(&doc), sorted(&["status", "version"]), "{doc}");
        assert_eq!(doc["status"], "ok");
        assert_eq!(doc["version"], env!("CARGO_PKG_VERSION"));
    }
    srv.stop();
    assert_eq!(lead_rows(&env), 1);
}

// 7 SIGKILL under load ------------------------------------------------------------------------

#[test]
fn sigkill_under_load_loses_no_acknowledged_lead() {
    let env = TestEnv::new();
    let mut srv = Server::start(&env, &token_env());
    let url = srv.url("/inbound/leads");
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let mut workers = Vec::new();
    for t in 0..8 {
        let (url, stop) = (url.clone(), Arc::clone(&stop));
        workers.push(std::thread::spawn(move || {
            let a = agent();
            let auth = format!("Bearer {TOKEN}");
            let mut acked = Vec::new();
            let mut errors = 0;
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) && started.elapsed() < Duration::from_secs(4) {
                i += 1;
                let body = lead(&format!("k{t}-{i}@example.com"));
                let h = [("Authorization", auth.as_str()), ("Content-Type", "application/json")];
                match request_on(&a, "POST", &url, &h, Some(&body)) {
                    Ok(r) if r.status == 201 => acked.push(r.created()),
                    Ok(r) => panic!("unexpected answer under load: {r:?}"),
                    Err(_) => {
                        // the server is gone (killed); a few retries see the refusal
                        errors += 1;
                        if errors > 3 {
                            break;
                        }
                        std::thread::sleep(Duration::from_millis(20));
                    }
                }
            }
            acked
        }));
    }
    std::thread::sleep(Duration::from_millis(900));
    srv.child.kill().expect("kill -9");
    let status = srv.child.wait().expect("wait");
    assert!(!status.success(), "{status:?}");
    std::thread::sleep(Duration::from_millis(600));
    stop.store(true, Ordering::SeqCst);
    let mut acked = Vec::new();
    for w in workers {
        acked.extend(w.join().unwrap());
    }
    assert!(acked.len() >= 8, "too few leads were acknowledged before the kill: {}", acked.len());
    let distinct: BTreeSet<&String> = acked.iter().collect();
    assert_eq!(distinct.len(), acked.len(), "one id answered twice");

    let conn = env.sql();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let mut missing = Vec::new();
    for id in &acked {
        let n: i64 =
            conn.query_row("SELECT count(*) FROM leads WHERE id = ?1", [id], |r| r.get(0)).unwrap();
        if n != 1 {
            missing.push(id.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "{} of {} acknowledged leads lost: {missing:?}",
        missing.len(),
        acked.len()
    );
    let rows: i64 = conn.query_row("SELECT count(*) FROM leads", [], |r| r.get(0)).unwrap();
    assert!(rows >= acked.len() as i64, "{rows} rows < {} acknowledged", acked.len());
    drop(conn);
    // the CLI reads the database after the crash
    let sample = &acked[acked.len() / 2];
    assert_eq!(env.show(sample)["id"], sample.as_str());
}

// Bugs found ----------------------------------------------------------------------------------

/// Starts `leadctl serve --listen LISTEN` (the [`Server`] helper always listens on
/// 127.0.0.1); returns the child and the port, or None when the address cannot be bound.
fn spawn_listen(env: &TestEnv, listen: &str, vars: &[(&str, &str)]) -> Option<(Child, u16)> {
    let mut c = env.cmd(&["serve", "--listen", listen]);
    for (k, v) in vars {
        c.env(k, v);
    }
    c.stdout(Stdio::null()).stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn leadctl serve");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if let Some(addr) = line.strip_prefix("Listening on http://") {
                let port = addr.trim().rsplit(':').next().and_then(|p| p.parse::<u16>().ok());
                let _ = tx.send(port);
            }
        }
    });
    match rx.recv_timeout(LIMIT) {
        Ok(Some(port)) => Some((child, port)),
        _ => {
            let _ = child.kill();
            let _ = child.wait();
            None
        }
    }
}

#[test]
fn ipv4_loopback_clients_of_a_dual_stack_listener_are_exempt_from_the_rate_limit() {
    let env = TestEnv::new();
    let vars = [("LEADCTL_INGEST_TOKEN", TOKEN), ("LEADCTL_RATE_LIMIT", "3/min")];
    let Some((mut child, port)) = spawn_listen(&env, "[::]:0", &vars) else {
        eprintln!("no IPv6 here: skipped");
        return;
    };
    let url = format!("http://127.0.0.1:{port}/inbound/leads");
    let env_bearer = format!("Bearer {TOKEN}");
    let h = [("Authorization", env_bearer.as_str()), ("Content-Type", "application/json")];
    let statuses: Vec<u16> = (0..6)
        .map(|i| {
            let body = lead(&format!("dual{i}@example.com"));
            request("POST", &url, &h, Some(&body)).map(|r| r.status).unwrap_or(0)
        })
        .collect();
    let pid = child.id().to_string();
    let _ = std::process::Command::new("kill").args(["-TERM", &pid]).status();
    let code = wait_bounded(&mut child, LIMIT);
    assert_eq!(code, 0);
    // loopback is exempt by default (serve.rate_limit_loopback = false), whatever the listener
    assert_eq!(statuses, [201; 6], "127.0.0.1 through a [::] listener was rate limited");
}

#[test]
fn a_408_to_an_allowed_origin_carries_cors_headers_like_every_other_answer() {
    let env = TestEnv::new();
    let flag = "https://flag.example";
    let srv = Server::start_with(
        &env,
        &["--cors-origin", flag],
        &[("LEADCTL_INGEST_TOKEN", TOKEN), ("LEADCTL_REQUEST_TIMEOUT", "1s")],
    );
    let mut s = TcpStream::connect(&srv.addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(8))).unwrap();
    let head = format!(
        "POST /inbound/leads HTTP/1.1\r\nHost: {}\r\nOrigin: {flag}\r\n\
         Authorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\n\
         Content-Length: 100\r\n\r\n{{\"name\":",
        srv.addr
    );
    s.write_all(head.as_bytes()).unwrap();
    let mut text = String::new();
    let _ = s.read_to_string(&mut text);
    drop(s);
    srv.stop();
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    let head = text.split("\r\n\r\n").next().unwrap_or("").to_ascii_lowercase();
    assert!(
        head.contains(&format!("access-control-allow-origin: {flag}")),
        "no CORS grant on the 408:\n{text}"
    );
}

#[test]
fn an_unparseable_last_forwarded_for_entry_does_not_let_the_client_pick_its_bucket() {
    let env = TestEnv::new();
    let srv = Server::start(
        &env,
        &[
            ("LEADCTL_INGEST_TOKEN", TOKEN),
            ("LEADCTL_RATE_LIMIT", "2/min"),
            ("LEADCTL_TRUST_FORWARDED_FOR", "true"),
            // a fix that falls back to the (loopback) peer is limited too
            ("LEADCTL_RATE_LIMIT_LOOPBACK", "true"),
        ],
    );
    let env_bearer = format!("Bearer {TOKEN}");
    // the proxy appends the client as ip:port (as some load balancers do); the client sends
    // a new made-up address every time
    let statuses: Vec<u16> = (1..=5)
        .map(|n| {
            let xff = format!("198.51.100.{n}, 203.0.113.9:4711");
            post_lead(
                &srv,
                &[("Authorization", &env_bearer), ("X-Forwarded-For", &xff)],
                &lead(&format!("spoof{n}@example.com")),
            )
            .status
        })
        .collect();
    srv.stop();
    assert_eq!(statuses, [201, 201, 429, 429, 429], "the client chose its own bucket");
}

#[test]
fn a_trusted_x_forwarded_for_is_the_ip_that_is_hashed() {
    let env = TestEnv::new();
    let srv = Server::start(
        &env,
        &[("LEADCTL_INGEST_TOKEN", TOKEN), ("LEADCTL_TRUST_FORWARDED_FOR", "true")],
    );
    let env_bearer = format!("Bearer {TOKEN}");
    let a = post_lead(
        &srv,
        &[("Authorization", &env_bearer), ("X-Forwarded-For", "203.0.113.1")],
        &lead("ipa@example.com"),
    )
    .created();
    let b = post_lead(
        &srv,
        &[("Authorization", &env_bearer), ("X-Forwarded-For", "203.0.113.2")],
        &lead("ipb@example.com"),
    )
    .created();
    srv.stop();
    let hash = |id: &str| -> Option<String> {
        env.sql().query_row("SELECT ip_hash FROM leads WHERE id = ?1", [id], |r| r.get(0)).unwrap()
    };
    let (ha, hb) = (hash(&a), hash(&b));
    assert!(ha.is_some() && hb.is_some(), "{ha:?} {hb:?}");
    assert_ne!(ha, hb, "two clients behind the trusted proxy got the same ip_hash");
}
