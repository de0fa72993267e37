//! `queue flush` over SMTP: a real SMTP server (mailin-embedded) on 127.0.0.1 receives the
//! welcome emails and admin alerts. Its replies are scripted (a permanent 550 on RCPT for some
//! addresses, a transient 451 at the end of DATA for the first messages), and what it received
//! is parsed as MIME (headers, encoded words, multipart/alternative, quoted-printable and
//! base64) so the tests assert on the decoded text, not on whatever encoding lettre chose.

use std::net::{IpAddr, TcpListener};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mailin_embedded::{Handler, Response, Server};
use serde_json::Value;

use crate::common::{Run, TestEnv};

const FROM: &str = "hello@example.com";
const ADMIN: &str = "sales@example.com";

// ---------------------------------------------------------------------------------------------
// The SMTP server

/// One message the server accepted: the envelope and the raw DATA (dot-unstuffed).
#[derive(Debug, Clone)]
struct Received {
    mail_from: String,
    rcpt_to: Vec<String>,
    raw: Vec<u8>,
}

/// How the server answers.
#[derive(Debug, Default)]
struct Script {
    /// RCPT TO these addresses gets a permanent 550.
    reject_rcpt: Vec<String>,
    /// The next this-many messages get a transient 451 to DATA. (Not to the final dot:
    /// mailin stays in its DATA state after a negative reply there, so the client's QUIT
    /// would be read as message text and never answered.)
    transient: usize,
    /// Never answer the final dot of a message (a server that hangs).
    stall: bool,
}

#[derive(Debug, Default)]
struct Shared {
    script: Mutex<Script>,
    received: Mutex<Vec<Received>>,
    /// Every negative reply given, as "<code> <command> <address>".
    refusals: Mutex<Vec<String>>,
    /// The recipients of every message whose final dot arrived (accepted or not).
    data_ends: Mutex<Vec<String>>,
    /// Ends a stall.
    released: AtomicBool,
}

/// The per-connection handler (mailin-embedded clones it for each connection).
#[derive(Clone)]
struct Recorder {
    shared: Arc<Shared>,
    mail_from: String,
    rcpt_to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Recorder {
    fn mail(&mut self, _ip: IpAddr, _domain: &str, from: &str) -> Response {
        self.mail_from = from.to_string();
        self.rcpt_to.clear();
        self.data.clear();
        mailin_embedded::response::OK
    }

    fn rcpt(&mut self, to: &str) -> Response {
        let reject = self.shared.script.lock().unwrap().reject_rcpt.iter().any(|a| a == to);
        if reject {
            self.shared.refusals.lock().unwrap().push(format!("550 RCPT {to}"));
            return Response::custom(550, format!("5.1.1 <{to}>: no such user here"));
        }
        mailin_embedded::response::OK
    }

    fn data_start(&mut self, _domain: &str, from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.mail_from = from.to_string();
        self.rcpt_to = to.to_vec();
        self.data.clear();
        let mut script = self.shared.script.lock().unwrap();
        if script.transient > 0 {
            script.transient -= 1;
            let to = self.rcpt_to.join(",");
            self.shared.refusals.lock().unwrap().push(format!("451 DATA {to}"));
            return Response::custom(451, "4.3.0 mailbox busy, try again later".to_string());
        }
        mailin_embedded::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let data = std::mem::take(&mut self.data);
        self.shared.data_ends.lock().unwrap().push(self.rcpt_to.join(","));
        if self.shared.script.lock().unwrap().stall {
            // never answer the final dot (until the test ends)
            let start = std::time::Instant::now();
            while !self.shared.released.load(Ordering::SeqCst)
                && start.elapsed() < Duration::from_secs(60)
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            return Response::custom(421, "4.3.2 going away".to_string());
        }
        self.shared.received.lock().unwrap().push(Received {
            mail_from: self.mail_from.clone(),
            rcpt_to: self.rcpt_to.clone(),
            raw: data,
        });
        Response::custom(250, "2.0.0 queued".to_string())
    }
}

/// An SMTP server on a free port of 127.0.0.1, serving on a thread for the rest of the test
/// binary (mailin-embedded has no shutdown; the thread only waits in accept()).
struct SmtpServer {
    port: u16,
    shared: Arc<Shared>,
}

impl SmtpServer {
    fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind SMTP listener");
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(Shared::default());
        let handler = Recorder {
            shared: Arc::clone(&shared),
            mail_from: String::new(),
            rcpt_to: Vec::new(),
            data: Vec::new(),
        };
        std::thread::spawn(move || {
            let mut server = Server::new(handler);
            server.with_name("mx.test").with_num_threads(4).with_tcp_listener(listener);
            let _ = server.serve();
        });
        SmtpServer { port, shared }
    }

    fn reject_rcpt(&self, address: &str) {
        self.shared.script.lock().unwrap().reject_rcpt.push(address.to_string());
    }

    fn transient_for_next(&self, n: usize) {
        self.shared.script.lock().unwrap().transient = n;
    }

    fn stall(&self) {
        self.shared.script.lock().unwrap().stall = true;
    }

    fn data_ends(&self) -> Vec<String> {
        self.shared.data_ends.lock().unwrap().clone()
    }

    fn received(&self) -> Vec<Received> {
        self.shared.received.lock().unwrap().clone()
    }

    fn refusals(&self) -> Vec<String> {
        self.shared.refusals.lock().unwrap().clone()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        // a stalled session answers and ends
        self.shared.released.store(true, Ordering::SeqCst);
    }
}

/// A test home with SMTP configured through the environment.
struct Mail {
    env: TestEnv,
    vars: Vec<(&'static str, String)>,
}

impl Mail {
    /// SMTP at `port` (plain text), FROM_EMAIL, and ADMIN_EMAIL when `admin`.
    fn new(port: u16, admin: bool) -> Mail {
        let mut vars = vec![
            ("SMTP_HOST", "127.0.0.1".to_string()),
            ("SMTP_PORT", port.to_string()),
            ("SMTP_TLS", "none".to_string()),
            ("FROM_EMAIL", FROM.to_string()),
        ];
        if admin {
            vars.push(("ADMIN_EMAIL", ADMIN.to_string()));
        }
        Mail { env: TestEnv::new(), vars }
    }

    fn run(&self, args: &[&str], extra: &[(&str, &str)]) -> Run {
        let mut vars: Vec<(&str, &str)> = self.vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        vars.extend_from_slice(extra);
        self.env.run_env(args, &vars)
    }

    /// Ingests NDJSON with the mail configuration (which enqueues the emails).
    fn ingest(&self, name: &str, text: &str) {
        let path = self.env.write(name, text);
        self.run(&["ingest", "--format", "json", "--file", path.to_str().unwrap()], &[]).code(0);
    }

    fn flush(&self, extra: &[(&str, &str)]) -> Run {
        self.run(&["queue", "flush"], extra)
    }

    /// `queue show ITEM --format json`.
    fn item(&self, id: i64) -> Value {
        let r = self.run(&["queue", "show", &id.to_string(), "--format", "json"], &[]);
        r.code(0);
        r.json()
    }

    /// (id, kind, to) of every outbox item.
    fn items(&self) -> Vec<(i64, String, String)> {
        let conn = self.env.sql();
        let mut st = conn
            .prepare("SELECT id, kind, json_extract(payload, '$.to') FROM outbox ORDER BY id")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    fn item_id(&self, kind: &str) -> i64 {
        self.items().into_iter().find(|(_, k, _)| k == kind).unwrap().0
    }

    /// Seconds until the item's next attempt is due (negative when it is due).
    fn due_in(&self, id: i64) -> f64 {
        self.env
            .sql()
            .query_row(
                "SELECT (julianday(next_attempt_at) - julianday('now')) * 86400.0 \
                 FROM outbox WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
    }
}

// ---------------------------------------------------------------------------------------------
// A small MIME reader

/// One MIME entity: unfolded headers and the raw (still encoded) body.
#[derive(Debug, Clone)]
struct Mime {
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Mime {
    fn parse(raw: &[u8]) -> Mime {
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n");
        let (head, body) = match split {
            Some(i) => (&raw[..i], raw[i + 4..].to_vec()),
            None => (raw, Vec::new()),
        };
        let head = String::from_utf8(head.to_vec()).expect("headers are ASCII");
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in head.split("\r\n") {
            if line.starts_with([' ', '\t']) {
                let last = headers.last_mut().expect("a continuation line follows a header");
                last.1.push_str(line);
            } else if let Some((k, v)) = line.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            } else {
                panic!("not a header line: {line:?}");
            }
        }
        Mime { headers, body }
    }

    /// Every value of a header, raw.
    fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The one value of a header, encoded words decoded.
    fn header(&self, name: &str) -> String {
        let all = self.all(name);
        assert_eq!(all.len(), 1, "header {name} appears {} times: {:?}", all.len(), self.headers);
        decode_words(all[0])
    }

    /// The media type (lower case) and the parameters of Content-Type.
    fn content_type(&self) -> (String, Vec<(String, String)>) {
        let all = self.all("Content-Type");
        let v = all.first().copied().unwrap_or("text/plain; charset=us-ascii");
        let mut it = v.split(';');
        let media = it.next().unwrap().trim().to_ascii_lowercase();
        let params = it
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().trim_matches('"').to_string()))
            .collect();
        (media, params)
    }

    /// The leaf parts, depth first (the entity itself when it is not multipart).
    fn leaves(&self) -> Vec<Mime> {
        let (media, params) = self.content_type();
        if !media.starts_with("multipart/") {
            return vec![self.clone()];
        }
        let boundary = params
            .iter()
            .find(|(k, _)| k == "boundary")
            .expect("a multipart has a boundary")
            .1
            .clone();
        let body = String::from_utf8(self.body.clone()).expect("a multipart body is ASCII");
        let (open, close) = (format!("--{boundary}"), format!("--{boundary}--"));
        let mut parts: Vec<Vec<&str>> = Vec::new();
        let mut current: Option<Vec<&str>> = None;
        let mut closed = false;
        for line in body.split("\r\n") {
            if line.trim_end() == close {
                parts.extend(current.take());
                closed = true;
                break;
            } else if line.trim_end() == open {
                parts.extend(current.take());
                current = Some(Vec::new());
            } else if let Some(c) = current.as_mut() {
                c.push(line);
            }
        }
        assert!(closed, "the multipart is not closed with {close}");
        parts.iter().flat_map(|lines| Mime::parse(lines.join("\r\n").as_bytes()).leaves()).collect()
    }

    /// The body decoded (Content-Transfer-Encoding, then UTF-8), line ends as LF.
    fn text(&self) -> String {
        let cte = self.all("Content-Transfer-Encoding").first().map(|v| v.to_ascii_lowercase());
        let bytes = match cte.as_deref() {
            None | Some("7bit" | "8bit" | "binary") => self.body.clone(),
            Some("quoted-printable") => quoted_printable(&self.body),
            Some("base64") => base64(&String::from_utf8_lossy(&self.body)).expect("valid base64"),
            Some(other) => panic!("unexpected Content-Transfer-Encoding {other}"),
        };
        let (_, params) = self.content_type();
        if let Some((_, cs)) = params.iter().find(|(k, _)| k == "charset") {
            let cs = cs.to_ascii_lowercase();
            assert!(["utf-8", "us-ascii"].contains(&cs.as_str()), "charset {cs}");
        }
        String::from_utf8(bytes).expect("UTF-8 text").replace("\r\n", "\n")
    }
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Quoted-printable (RFC 2045): `=XX` bytes and `=` soft line breaks.
fn quoted_printable(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'=' {
            if s[i + 1..].starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if s[i + 1..].starts_with(b"\n") {
                i += 2;
                continue;
            }
            if let (Some(h), Some(l)) =
                (s.get(i + 1).copied().and_then(hex), s.get(i + 2).copied().and_then(hex))
            {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

/// Standard base64, whitespace ignored.
fn base64(s: &str) -> Option<Vec<u8>> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let clean: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    let data: Vec<u8> = clean.iter().copied().take_while(|c| *c != b'=').collect();
    let mut out = Vec::new();
    for chunk in data.chunks(4) {
        let mut n = 0u32;
        for (k, c) in chunk.iter().enumerate() {
            n |= val(*c)? << (18 - 6 * k);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

/// Decodes RFC 2047 encoded words (`=?utf-8?b?...?=`, `=?utf-8?q?...?=`) in a header value;
/// the whitespace between two adjacent encoded words is dropped.
fn decode_words(v: &str) -> String {
    let mut out = String::new();
    let mut rest = v;
    let mut after_word = false;
    while let Some(i) = rest.find("=?") {
        let (before, tail) = rest.split_at(i);
        match encoded_word(tail) {
            Some((text, len)) => {
                if !(after_word && before.trim().is_empty()) {
                    out.push_str(before);
                }
                out.push_str(&text);
                rest = &tail[len..];
                after_word = true;
            }
            None => {
                out.push_str(before);
                out.push_str("=?");
                rest = &tail[2..];
                after_word = false;
            }
        }
    }
    out.push_str(rest);
    out
}

/// One encoded word at the start of `s`: its text and its length.
fn encoded_word(s: &str) -> Option<(String, usize)> {
    let inner = s.strip_prefix("=?")?;
    let (charset, rest) = inner.split_once('?')?;
    let (enc, rest) = rest.split_once('?')?;
    let end = rest.find("?=")?;
    let text = &rest[..end];
    if text.contains(' ') {
        return None;
    }
    assert!(charset.eq_ignore_ascii_case("utf-8"), "charset {charset}");
    let bytes = match enc {
        "b" | "B" => base64(text)?,
        "q" | "Q" => quoted_printable(text.replace('_', " ").as_bytes()),
        _ => return None,
    };
    let len = 2 + charset.len() + 1 + enc.len() + 1 + end + 2;
    Some((String::from_utf8(bytes).ok()?, len))
}

/// A received email, parsed: the headers that matter and the text and html parts decoded.
#[derive(Debug)]
struct Email {
    mail_from: String,
    rcpt_to: Vec<String>,
    from: String,
    to: String,
    subject: String,
    message_id: String,
    text: String,
    html: String,
}

fn parse_email(r: &Received) -> Email {
    let top = Mime::parse(&r.raw);
    let (media, _) = top.content_type();
    assert_eq!(media, "multipart/alternative", "headers: {:?}", top.headers);
    let leaves = top.leaves();
    let kinds: Vec<String> = leaves.iter().map(|p| p.content_type().0).collect();
    assert_eq!(kinds, ["text/plain", "text/html"], "the parts of the alternative");
    Email {
        mail_from: r.mail_from.clone(),
        rcpt_to: r.rcpt_to.clone(),
        from: top.header("From"),
        to: top.header("To"),
        subject: top.header("Subject"),
        message_id: top.header("Message-ID"),
        text: leaves[0].text(),
        html: leaves[1].text(),
    }
}

#[test]
fn the_mime_reader_decodes_what_it_claims_to() {
    assert_eq!(quoted_printable(b"Zo=C3=AB=\r\n &lt;b=3D1"), "Zoë &lt;b=1".as_bytes());
    assert_eq!(base64("SGVs\r\nbG8=").unwrap(), b"Hello");
    assert_eq!(base64("Wm/Dqw==").unwrap(), "Zoë".as_bytes());
    assert_eq!(decode_words("=?utf-8?b?V2VsY29tZSBab8Or?= =?utf-8?q?_Lee!?="), "Welcome Zoë Lee!");
    assert_eq!(decode_words("New lead: =?UTF-8?Q?Zo=C3=AB?= Lee"), "New lead: Zoë Lee");
    let raw = b"Subject: Hi\r\nContent-Type: multipart/alternative;\r\n boundary=\"XX\"\r\n\r\n\
        --XX\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n\
        SGk=\r\n--XX\r\nContent-Type: text/html; charset=utf-8\r\n\
        Content-Transfer-Encoding: quoted-printable\r\n\r\n<b>Zo=C3=AB</b>\r\n--XX--\r\n";
    let leaves = Mime::parse(raw).leaves();
    assert_eq!(leaves.len(), 2);
    assert_eq!((leaves[0].text(), leaves[1].text()), ("Hi".to_string(), "<b>Zoë</b>".to_string()));
}

// ---------------------------------------------------------------------------------------------
// The tests

/// message events of a lead as (kind, channel, body), from `show --format json`.
fn events(env: &TestEnv, key: &str) -> Vec<(String, String, String)> {
    env.show(key)["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or_default().to_string();
            (s("kind"), s("channel"), s("body"))
        })
        .collect()
}

#[test]
fn a_welcome_email_and_an_admin_alert_are_delivered_over_smtp() {
    let server = SmtpServer::start();
    let m = Mail::new(server.port, true);
    m.ingest(
        "a.ndjson",
        "{\"name\":\"Ann Lee\",\"email\":\"ann@example.com\",\"consent\":true,\
         \"company\":\"Lee & Co\",\"message\":\"Please call me back about the roof.\"}\n",
    );
    let lead = m.env.show("ann@example.com");
    let id = lead["id"].as_str().unwrap().to_string();
    assert!(lead["last_contacted_at"].is_null());
    let before = events(&m.env, "ann@example.com");
    let kinds: Vec<String> = m.items().into_iter().map(|(_, k, _)| k).collect();
    assert_eq!(kinds, ["welcome_email", "admin_alert"]);

    let r = m.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout.trim(), "Delivered 2, will retry 0, dead 0.", "stderr: {}", r.stderr);

    let got = server.received();
    assert_eq!(got.len(), 2, "two messages reached the server: {got:?}");
    let emails: Vec<Email> = got.iter().map(parse_email).collect();
    let mut rcpts: Vec<Vec<String>> = emails.iter().map(|e| e.rcpt_to.clone()).collect();
    rcpts.sort();
    assert_eq!(rcpts, [vec!["ann@example.com".to_string()], vec![ADMIN.to_string()]]);
    let welcome = emails.iter().find(|e| e.rcpt_to == ["ann@example.com"]).unwrap();
    let alert = emails.iter().find(|e| e.rcpt_to == [ADMIN]).unwrap();
    for e in [welcome, alert] {
        assert_eq!(e.mail_from, FROM, "envelope sender");
        assert_eq!(e.from, FROM, "From header");
    }
    assert_eq!(welcome.to, "ann@example.com");
    assert_eq!(alert.to, ADMIN);

    // the welcome email: built-in subject and parts, a stable Message-ID
    assert_eq!(welcome.subject, "Thanks for getting in touch");
    assert_eq!(welcome.message_id, format!("<welcome.{id}@example.com>"));
    assert!(welcome.text.starts_with("Hi Ann,\n"), "{}", welcome.text);
    assert!(welcome.html.contains("<p>Hi Ann,</p>"), "{}", welcome.html);

    // the alert names the lead, its email and id, in both parts
    assert_eq!(alert.subject, "New lead: Ann Lee");
    assert_eq!(alert.message_id, format!("<admin.{id}@example.com>"));
    for part in [&alert.text, &alert.html] {
        assert!(part.contains("ann@example.com"), "{part}");
        assert!(part.contains(&id), "{part}");
        assert!(part.contains("Please call me back about the roof."), "{part}");
    }
    assert!(alert.text.contains("Company: Lee & Co"), "{}", alert.text);
    assert!(alert.html.contains("<td>Lee &amp; Co</td>"), "{}", alert.html);
    assert!(alert.text.contains(&format!("leadctl show {id}")), "{}", alert.text);

    // the lead: one email_sent event (the welcome), contacted; the alert added nothing
    let after = events(&m.env, "ann@example.com");
    let new: Vec<_> = after.iter().filter(|e| !before.contains(e)).cloned().collect();
    assert_eq!(
        new,
        [(
            "email_sent".to_string(),
            "email".to_string(),
            "Thanks for getting in touch".to_string()
        )],
        "events after the flush: {after:?}"
    );
    let lead = m.env.show("ann@example.com");
    let contacted = lead["last_contacted_at"].as_str().expect("last_contacted_at is set");
    assert!(contacted >= lead["created_at"].as_str().unwrap(), "{contacted}");
    let sent = lead["events"].as_array().unwrap().iter().find(|e| e["kind"] == "email_sent");
    assert_eq!(sent.unwrap()["occurred_at"], contacted, "contacted when the welcome was sent");
    assert_eq!(lead["outbox_pending"], serde_json::json!([]));

    // both items done with the server's 250 recorded; a second flush has nothing to do
    for (item, _, _) in m.items() {
        let doc = m.item(item);
        assert_eq!(doc["state"], "done", "{doc}");
        assert_eq!(doc["attempts"], 1);
        let h = doc["attempt_history"].as_array().unwrap();
        assert_eq!(h.len(), 1, "{doc}");
        assert_eq!(h[0]["outcome"], "delivered");
        let reply = h[0]["smtp_reply"].as_str().unwrap_or_default();
        assert!(reply.starts_with("250"), "{doc}");
    }
    let r = m.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout.trim(), "Nothing to deliver.");
    assert_eq!(server.received().len(), 2, "nothing was sent twice");
}

#[test]
fn templates_are_overridden_from_the_config_folder_escaped_and_checked() {
    let server = SmtpServer::start();
    let m = Mail::new(server.port, false);
    let folder = m.env.home().join(".config/leadctl/templates");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("welcome_email.subject"), "Welcome {{first_name}}!\n").unwrap();
    std::fs::write(
        folder.join("welcome_email.html"),
        "<html><body><p>Hello <b>{{name}}</b>, from {{ company }}.</p></body></html>\n",
    )
    .unwrap();
    m.ingest(
        "a.ndjson",
        "{\"name\":\"Zoë <script>alert(1)</script> Lee\",\"email\":\"zoe@example.com\",\
         \"consent\":true,\"company\":\"R&D \\\"Labs\\\"\"}\n",
    );
    let item = m.item_id("welcome_email");

    // preview: the rendered subject and both parts, and where each template came from
    let p = m.run(&["queue", "preview", &item.to_string()], &[]);
    p.code(0);
    let html_file = folder.join("welcome_email.html").display().to_string();
    let subject = "Welcome Zoë <script>alert(1)</script>!";
    assert!(p.stdout.contains(&format!("Subject: {subject}\n")), "{}", p.stdout);
    assert!(p.stdout.contains("--- text/plain (built-in) ---"), "{}", p.stdout);
    assert!(p.stdout.contains(&format!("--- text/html ({html_file}) ---")), "{}", p.stdout);
    let escaped =
        "<b>Zoë &lt;script&gt;alert(1)&lt;/script&gt; Lee</b>, from R&amp;D &quot;Labs&quot;.";
    assert!(p.stdout.contains(escaped), "{}", p.stdout);
    let pj = m.run(&["queue", "preview", &item.to_string(), "--format", "json"], &[]);
    pj.code(0);
    let pj = pj.json();
    assert_eq!(pj["subject"], subject);
    let subject_file = folder.join("welcome_email.subject").display().to_string();
    assert_eq!(pj["templates"]["subject"], subject_file.as_str());
    assert_eq!(pj["templates"]["text"], "built-in");
    assert_eq!(pj["templates"]["html"], html_file.as_str());

    let r = m.flush(&[]);
    r.code(0);
    assert_eq!(r.stdout.trim(), "Delivered 1, will retry 0, dead 0.", "stderr: {}", r.stderr);
    let got = server.received();
    assert_eq!(got.len(), 1);
    let e = parse_email(&got[0]);
    // what was sent is what preview showed, byte for byte once decoded
    assert_eq!(e.subject, subject);
    assert_eq!(e.subject, pj["subject"].as_str().unwrap());
    assert_eq!(e.text, pj["text"].as_str().unwrap().replace("\r\n", "\n"));
    assert_eq!(e.html, pj["html"].as_str().unwrap().replace("\r\n", "\n"));
    assert_eq!(e.message_id, pj["message_id"].as_str().unwrap());
    // the html part escapes the fields; the text part is the built-in one, unescaped
    assert!(e.html.contains(escaped), "{}", e.html);
    assert!(!e.html.contains("<script>"), "{}", e.html);
    assert!(e.text.starts_with("Hi Zoë <script>alert(1)</script>,\n"), "{}", e.text);
    // the event on the lead carries the rendered subject
    let evs = events(&m.env, "zoe@example.com");
    assert!(evs.iter().any(|(k, _, b)| k == "email_sent" && b == subject), "{evs:?}");

    // a typo in a template: flush and preview refuse with a usage error naming the field,
    // and nothing is sent
    m.ingest("b.ndjson", "{\"name\":\"Bo Ek\",\"email\":\"bo@example.com\",\"consent\":true}\n");
    std::fs::write(folder.join("welcome_email.txt"), "Hi {{nmae}},\n").unwrap();
    let r = m.flush(&[]);
    r.error(2);
    assert!(r.stderr.contains("unknown field {{nmae}}"), "{}", r.stderr);
    assert!(r.stderr.contains("welcome_email.txt"), "{}", r.stderr);
    let newest = m.items().last().unwrap().0;
    let r = m.run(&["queue", "preview", &newest.to_string()], &[]);
    r.error(2);
    assert!(r.stderr.contains("unknown field {{nmae}}"), "{}", r.stderr);
    assert_eq!(server.received().len(), 1, "nothing more was sent");
    assert_eq!(m.item(newest)["state"], "pending");
    assert_eq!(m.item(newest)["attempts"], 0);
}

#[test]
fn a_550_is_dead_at_once_and_a_451_is_retried_after_the_delay() {
    let server = SmtpServer::start();
    server.reject_rcpt("bounce@example.com");
    let m = Mail::new(server.port, false);
    let timing = [("LEADCTL_QUEUE_MAX_ATTEMPTS", "5"), ("LEADCTL_QUEUE_FIRST_RETRY_DELAY", "2s")];

    // 550 on RCPT: permanent, dead after one attempt, exit 6
    m.ingest("a.ndjson", "{\"email\":\"bounce@example.com\",\"consent\":true}\n");
    let bounce = m.item_id("welcome_email");
    let r = m.flush(&timing);
    r.error(6);
    assert_eq!(r.stdout.trim(), "Delivered 0, will retry 0, dead 1.");
    assert!(r.stderr.contains("1 item went dead"), "{}", r.stderr);
    assert!(r.stderr.contains(&format!("welcome_email #{bounce}")), "{}", r.stderr);
    assert!(r.stderr.contains("550"), "{}", r.stderr);
    assert_eq!(server.refusals(), ["550 RCPT bounce@example.com"]);
    let doc = m.item(bounce);
    assert_eq!(doc["state"], "dead", "{doc}");
    assert_eq!(doc["attempts"], 1);
    let h = doc["attempt_history"].as_array().unwrap();
    assert_eq!(h.len(), 1, "{doc}");
    assert_eq!(h[0]["outcome"], "dead");
    assert!(h[0]["smtp_reply"].as_str().unwrap_or_default().starts_with("550"), "{doc}");
    let error = h[0]["error"].as_str().unwrap_or_default();
    assert!(error.contains("no such user here"), "the server's text is kept: {doc}");
    assert_eq!(doc["last_error"], h[0]["error"]);
    // dead items are not tried again by a flush
    let r = m.flush(&timing);
    r.code(0);
    assert_eq!(r.stdout.trim(), "Nothing to deliver.");
    assert!(server.received().is_empty());

    // 451 to DATA: transient, retried after the first retry delay
    server.transient_for_next(1);
    m.ingest("b.ndjson", "{\"email\":\"later@example.com\",\"consent\":true}\n");
    let later = m.items().last().unwrap().0;
    let r = m.flush(&timing);
    r.code(0);
    assert_eq!(r.stdout.trim(), "Delivered 0, will retry 1, dead 0.", "stderr: {}", r.stderr);
    let doc = m.item(later);
    assert_eq!(doc["state"], "retrying", "{doc}");
    assert_eq!(doc["attempts"], 1);
    let h = doc["attempt_history"].as_array().unwrap();
    assert_eq!(h[0]["outcome"], "failed");
    assert!(h[0]["smtp_reply"].as_str().unwrap_or_default().starts_with("451"), "{doc}");
    assert!(doc["last_error"].as_str().unwrap_or_default().contains("try again later"), "{doc}");
    // equal jitter: the retry is due between 1 s and 2 s after the attempt
    let wait = m.due_in(later);
    assert!(wait > 0.3 && wait <= 2.0, "due in {wait} s");
    let r = m.flush(&timing);
    r.code(0);
    assert_eq!(r.stdout.trim(), "Nothing to deliver.", "not due yet");
    std::thread::sleep(Duration::from_secs_f64(m.due_in(later).max(0.0) + 0.2));
    let r = m.flush(&timing);
    r.code(0);
    assert_eq!(r.stdout.trim(), "Delivered 1, will retry 0, dead 0.", "stderr: {}", r.stderr);
    let doc = m.item(later);
    assert_eq!(doc["state"], "done", "{doc}");
    assert_eq!(doc["attempts"], 2);
    let outcomes: Vec<&str> = doc["attempt_history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["failed", "delivered"]);
    let got = server.received();
    assert_eq!(got.len(), 1, "the refused copy was not kept, the retry was");
    assert_eq!(got[0].rcpt_to, ["later@example.com"]);
    assert_eq!(
        server.refusals(),
        ["550 RCPT bounce@example.com", "451 DATA later@example.com"],
        "one refusal each"
    );
}

#[test]
fn a_server_that_is_not_listening_is_retried_with_the_error_recorded() {
    // a port that was free a moment ago and has nothing listening on it now
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let m = Mail::new(port, true);
    m.ingest("a.ndjson", "{\"name\":\"Ann Lee\",\"email\":\"ann@example.com\",\"consent\":true}\n");
    let r = m.flush(&[("LEADCTL_QUEUE_FIRST_RETRY_DELAY", "1s")]);
    r.code(0);
    assert_eq!(r.stdout.trim(), "Delivered 0, will retry 2, dead 0.", "stderr: {}", r.stderr);
    for (item, _, _) in m.items() {
        let doc = m.item(item);
        assert_eq!(doc["state"], "retrying", "{doc}");
        assert_eq!(doc["attempts"], 1);
        let h = doc["attempt_history"].as_array().unwrap();
        assert_eq!(h.len(), 1);
        assert_eq!(h[0]["outcome"], "failed");
        assert!(h[0]["smtp_reply"].is_null(), "no server, no reply: {doc}");
        let error = doc["last_error"].as_str().unwrap_or_default().to_lowercase();
        assert!(error.contains("refused") || error.contains("connect"), "{doc}");
        assert!(doc["next_attempt_at"].is_string(), "{doc}");
    }
    let lead = m.env.show("ann@example.com");
    assert!(lead["last_contacted_at"].is_null(), "nothing was sent");
    assert_eq!(lead["outbox_pending"].as_array().unwrap().len(), 2);
}

/// Waits at most `limit` for a child to exit; its exit code, or None if it is still running.
fn wait_at_most(child: &mut std::process::Child, limit: Duration) -> Option<i32> {
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status.code().unwrap_or(-1));
        }
        if start.elapsed() >= limit {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A server that stops answering in the middle of a message: the attempt ends within
/// queue.smtp_timeout and is retried, so a delivery never outlives its lease (the lease must be
/// a multiple of the timeouts for that reason). Were it to hang, a flush started after the
/// lease would claim the item and send it a second time while the first is still in flight.
#[test]
fn a_server_that_stops_answering_times_out_within_the_smtp_timeout() {
    let server = SmtpServer::start();
    server.stall();
    let m = Mail::new(server.port, false);
    m.ingest("a.ndjson", "{\"email\":\"ann@example.com\",\"consent\":true}\n");
    let timing = [
        ("LEADCTL_QUEUE_SMTP_TIMEOUT", "1s"),
        ("LEADCTL_QUEUE_HTTP_TIMEOUT", "1s"),
        ("LEADCTL_QUEUE_LEASE", "3s"),
        ("LEADCTL_QUEUE_FIRST_RETRY_DELAY", "1m"),
    ];
    let spawn = || {
        let mut c = m.env.cmd(&["queue", "flush"]);
        for (k, v) in m.vars.iter().map(|(k, v)| (*k, v.as_str())).chain(timing) {
            c.env(k, v);
        }
        c.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
        c.spawn().unwrap()
    };
    let mut first = spawn();
    let Some(code) = wait_at_most(&mut first, Duration::from_secs(5)) else {
        // still hanging after 5 x the timeout; the lease (3 s) has run out: a second flush
        // takes the item and sends it again while the first is still in flight
        let mut second = spawn();
        let _ = wait_at_most(&mut second, Duration::from_millis(1500));
        let sends = server.data_ends();
        for c in [&mut first, &mut second] {
            let _ = c.kill();
            let _ = c.wait();
        }
        panic!(
            "queue flush was still delivering 5 s after the attempt started although \
             queue.smtp_timeout is 1s and queue.lease 3s; the message was sent {} times by \
             overlapping flushes: {sends:?}",
            sends.len()
        );
    };
    let out = first.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(code, 0, "stdout: {stdout}\nstderr: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout.trim(), "Delivered 0, will retry 1, dead 0.");
    let item = m.item_id("welcome_email");
    let doc = m.item(item);
    assert_eq!(doc["state"], "retrying", "{doc}");
    let error = doc["last_error"].as_str().unwrap_or_default().to_lowercase();
    assert!(error.contains("timed out") || error.contains("timeout"), "{doc}");
    assert_eq!(doc["lease_owner"], Value::Null);
    assert!(server.received().is_empty());
}

/// What `queue show` records of a refused message: the server's reply as it was given (code
/// and text, like the "250 ..." of a delivered one), and the error once, not repeated.
#[test]
fn a_refusal_is_recorded_with_the_servers_reply_once() {
    let server = SmtpServer::start();
    server.reject_rcpt("bounce@example.com");
    let m = Mail::new(server.port, false);
    m.ingest("a.ndjson", "{\"email\":\"bounce@example.com\",\"consent\":true}\n");
    m.flush(&[]).error(6);
    let doc = m.item(m.item_id("welcome_email"));
    let attempt = &doc["attempt_history"][0];
    let text = "5.1.1 <bounce@example.com>: no such user here";
    let error = attempt["error"].as_str().unwrap_or_default();
    assert_eq!(error.matches(text).count(), 1, "the reply text once in the error: {error:?}");
    assert_eq!(
        attempt["smtp_reply"].as_str().unwrap_or_default(),
        format!("550 {text}"),
        "the reply with its text: {doc}"
    );
}
