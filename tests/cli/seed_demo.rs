//! `seed-demo`: the demo CRM's contents, the "Try next" commands, idempotency (the same data
//! however often it runs), demo leads kept while an operator's data refers to them and wiped by
//! `--force-wipe` / `DEMO_SEED_FORCE_WIPE`, operators' leads never touched, demo outbox items
//! never delivered, synthetic leads (`--leads N --seed S`), search and counters after reseeds,
//! and the JSON report.
//!
//! The database is read back with rusqlite, opened read-only; the clock is pinned at [`NOW`]
//! so that runs on one "day" write the same rows.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{Connection, OpenFlags, types::Value as Cell};
use serde_json::{Value, json};

use crate::common::{Run, TestEnv, keys, sorted};

const NOW: &str = "2026-11-22T12:00:00Z";
/// [`NOW`] as stored: times compare as text.
const NOW_STORED: &str = "2026-11-22T12:00:00.000Z";
/// A month after [`NOW`]: every pending demo outbox item is due by then.
const MONTH_LATER: &str = "2026-12-22T12:00:00Z";

const COACH: &str = "demo_coach@example.com";
const EMAIL_ONLY: &str = "alice.client@example.com";
const PHONE_ONLY: &str = "+15551234567";
const MAYA: &str = "maya.okafor@brightpath.example.com";
const LUCAS: &str = "lucas.moreau@ateliernord.example.org";
const DEMO_LEADS: u64 = 30;

const STATUSES: [&str; 5] = ["new", "waitlist", "invited", "converted", "lost"];

/// The tables a demo run writes (the audit log grows by design and is left out).
const TABLES: [&str; 13] = [
    "leads",
    "tags",
    "lead_tags",
    "consents",
    "notes",
    "status_history",
    "message_events",
    "tasks",
    "outbox",
    "meetings",
    "meeting_attendees",
    "lead_counts",
    "lead_facets",
];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Runs with the clock pinned at [`NOW`].
fn run(env: &TestEnv, args: &[&str]) -> Run {
    env.run_env(args, &[("LEADCTL_NOW", NOW)])
}

/// Runs with the clock pinned and asserts success.
fn ok(env: &TestEnv, args: &[&str]) -> Run {
    let r = run(env, args);
    assert_eq!(r.code, 0, "leadctl {args:?} failed:\nstdout: {}\nstderr: {}", r.stdout, r.stderr);
    r
}

/// `seed-demo --format json` plus `extra`, which must succeed; returns the report.
fn seed(env: &TestEnv, extra: &[&str]) -> Value {
    seed_env(env, extra, &[])
}

/// [`seed`] with more environment variables.
fn seed_env(env: &TestEnv, extra: &[&str], vars: &[(&str, &str)]) -> Value {
    let mut args = vec!["seed-demo", "--format", "json"];
    args.extend_from_slice(extra);
    let mut all = vec![("LEADCTL_NOW", NOW)];
    all.extend_from_slice(vars);
    let r = env.run_env(&args, &all);
    r.code(0);
    r.json()
}

/// The database, opened read-only.
fn ro(env: &TestEnv) -> Connection {
    Connection::open_with_flags(env.db(), OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open the database read-only")
}

/// One integer from a query.
fn int(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The first column of a query, as text ("NULL" for NULL).
fn texts(conn: &Connection, sql: &str) -> Vec<String> {
    let mut st = conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    st.query_map([], |r| Ok(cell_text(&r.get::<_, Cell>(0)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Null => "NULL".to_string(),
        Cell::Integer(i) => i.to_string(),
        Cell::Real(f) => f.to_string(),
        Cell::Text(s) => s.clone(),
        Cell::Blob(b) => format!("{b:?}"),
    }
}

/// The distinct values of the first column of a query.
fn set(conn: &Connection, sql: &str) -> BTreeSet<String> {
    texts(conn, sql).into_iter().collect()
}

/// Row counts of every table in [`TABLES`], and the sums of the two counter tables.
fn table_counts(env: &TestEnv) -> BTreeMap<String, i64> {
    let conn = ro(env);
    let mut m: BTreeMap<String, i64> = TABLES
        .iter()
        .map(|t| (t.to_string(), int(&conn, &format!("SELECT count(*) FROM {t}"))))
        .collect();
    m.insert("sum(lead_counts.n)".into(), int(&conn, "SELECT ifnull(sum(n), 0) FROM lead_counts"));
    m.insert("sum(lead_facets.n)".into(), int(&conn, "SELECT ifnull(sum(n), 0) FROM lead_facets"));
    m.insert(
        "sum(tags.lead_count)".into(),
        int(&conn, "SELECT ifnull(sum(lead_count), 0) FROM tags"),
    );
    m
}

/// One row of a table as text, with the lead it concerns (its public id, "" when none).
type Row = (String, String);

/// Every row of `table` as text: row numbers left out, and references to leads, tags and
/// meetings replaced by the lead's id, the tag's name and the meeting's provider/reference,
/// so two databases (or two runs) with the same data give the same rows. Sorted.
fn table_rows(conn: &Connection, table: &str) -> Vec<Row> {
    let lead_ids: BTreeMap<i64, String> = pairs(conn, "SELECT seq, id FROM leads");
    let tag_names: BTreeMap<i64, String> = pairs(conn, "SELECT id, name FROM tags");
    let meetings: BTreeMap<i64, String> =
        pairs(conn, "SELECT id, provider || '/' || external_ref FROM meetings");
    let mut st = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
    let names: Vec<String> = st.column_names().map(str::to_string).collect();
    let mut rows: Vec<Row> = st
        .query_map([], |r| {
            let mut lead = String::new();
            let mut cells = Vec::new();
            for (i, name) in names.iter().enumerate() {
                let v: Cell = r.get(i)?;
                let text = match (name.as_str(), &v) {
                    ("seq", _) => continue,
                    ("id", _) if table != "leads" => continue,
                    ("id", _) => {
                        lead = cell_text(&v);
                        lead.clone()
                    }
                    ("lead_seq", Cell::Integer(s)) => {
                        lead = lead_ids.get(s).cloned().unwrap_or_else(|| format!("?{s}"));
                        lead.clone()
                    }
                    ("tag_id", Cell::Integer(t)) => {
                        tag_names.get(t).cloned().unwrap_or_else(|| format!("?{t}"))
                    }
                    ("meeting_id", Cell::Integer(m)) => {
                        meetings.get(m).cloned().unwrap_or_else(|| format!("?{m}"))
                    }
                    _ => cell_text(&v),
                };
                cells.push(format!("{name}={text}"));
            }
            Ok((lead, format!("{table}: {}", cells.join(" | "))))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows.sort();
    rows
}

fn pairs(conn: &Connection, sql: &str) -> BTreeMap<i64, String> {
    let mut st = conn.prepare(sql).unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
}

/// Every row of every table in [`TABLES`] (see [`table_rows`]).
fn content(env: &TestEnv) -> Vec<String> {
    let conn = ro(env);
    TABLES
        .iter()
        .flat_map(|t| table_rows(&conn, t))
        .map(|(_, row)| row)
        // counters that went back to zero may stay as rows
        .filter(|row| !row.ends_with("| n=0") && !row.ends_with("| lead_count=0"))
        .collect()
}

/// Asserts two row lists are equal, printing only the differences.
fn assert_same_rows(before: &[String], after: &[String], what: &str) {
    if before != after {
        let gone: Vec<&String> = before.iter().filter(|r| !after.contains(r)).collect();
        let new: Vec<&String> = after.iter().filter(|r| !before.contains(r)).collect();
        panic!("{what}\nrows gone: {gone:#?}\nrows new: {new:#?}");
    }
}

/// The lead (seq, id) with this email.
fn lead_by_email(conn: &Connection, email: &str) -> (i64, String) {
    conn.query_row("SELECT seq, id FROM leads WHERE email_norm = ?1", [email], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
    .unwrap_or_else(|e| panic!("lead {email}: {e}"))
}

/// How many leads hold each email more than once (must be none).
fn duplicate_emails(conn: &Connection) -> Vec<String> {
    texts(
        conn,
        "SELECT email_norm FROM leads WHERE email_norm IS NOT NULL \
         GROUP BY org_id, email_norm HAVING count(*) > 1",
    )
}

/// Notes on the lead with this email by `author`.
fn notes_by(conn: &Connection, email: &str, author: &str) -> Vec<String> {
    let mut st = conn
        .prepare(
            "SELECT n.body FROM notes n JOIN leads l ON l.seq = n.lead_seq \
             WHERE l.email_norm = ?1 AND n.author = ?2 ORDER BY n.id",
        )
        .unwrap();
    st.query_map([email, author], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

/// Asserts the counters, the search index and the database itself are consistent.
fn assert_consistent(env: &TestEnv, when: &str) {
    let conn = ro(env);
    assert_eq!(texts(&conn, "PRAGMA integrity_check"), ["ok"], "{when}: integrity_check");
    assert!(texts(&conn, "PRAGMA foreign_key_check").is_empty(), "{when}: foreign keys");
    // lead_counts: one exact count per organisation and status
    let counted =
        set(&conn, "SELECT org_id || '/' || status || '=' || n FROM lead_counts WHERE n != 0");
    let actual = set(
        &conn,
        "SELECT org_id || '/' || status || '=' || count(*) FROM leads GROUP BY org_id, status",
    );
    assert_eq!(counted, actual, "{when}: lead_counts vs count(*) per status");
    assert_eq!(int(&conn, "SELECT count(*) FROM lead_counts WHERE n < 0"), 0, "{when}");
    // lead_facets: one count per day, status, source and owner
    let facets = set(
        &conn,
        "SELECT org_id || '/' || day || '/' || status || '/' || source || '/' || owner || '=' || n \
         FROM lead_facets WHERE n != 0",
    );
    let grouped = set(
        &conn,
        "SELECT org_id || '/' || substr(created_at, 1, 10) || '/' || status || '/' || \
         ifnull(source, '') || '/' || ifnull(owner, '') || '=' || count(*) \
         FROM leads GROUP BY org_id, substr(created_at, 1, 10), status, source, owner",
    );
    assert_eq!(facets, grouped, "{when}: lead_facets vs the leads");
    // tags.lead_count
    let tags = set(&conn, "SELECT name || '=' || lead_count FROM tags WHERE lead_count != 0");
    let tagged = set(
        &conn,
        "SELECT t.name || '=' || count(*) FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id \
         GROUP BY t.id",
    );
    assert_eq!(tags, tagged, "{when}: tags.lead_count vs lead_tags");
    drop(conn);
    // FTS5's own check, which compares the index with the content table (an INSERT, so on a
    // writable connection; it changes nothing).
    let rw = env.sql();
    rw.execute("INSERT INTO leads_fts (leads_fts, rank) VALUES ('integrity-check', 1)", [])
        .unwrap_or_else(|e| panic!("{when}: FTS5 integrity-check failed: {e}"));
    drop(rw);
    // search through the binary: Maya once, and `list` totals agree with the table
    let found = leads_with(env, &["-q", "okafor"]);
    assert_eq!(found.len(), 1, "{when}: list -q okafor: {found:?}");
    assert_eq!(found[0]["email"], MAYA, "{when}");
    let found = leads_with(env, &["-q", "ALICE.CLIENT"]);
    assert_eq!(found.len(), 1, "{when}: list -q ALICE.CLIENT: {found:?}");
    let conn = ro(env);
    for s in STATUSES {
        let doc = ok(env, &["list", "--status", s, "--format", "json", "--limit", "1"]).json();
        let n = conn
            .query_row("SELECT count(*) FROM leads WHERE status = ?1", [s], |r| r.get::<_, i64>(0))
            .unwrap();
        assert_eq!(doc["total"].as_i64(), Some(n), "{when}: list --status {s} total");
    }
    let total = ok(env, &["list", "--format", "json", "--limit", "1"]).json()["total"].as_i64();
    assert_eq!(total, Some(int(&conn, "SELECT count(*) FROM leads")), "{when}: list total");
}

/// `list --format json` items with `extra` args (clock pinned).
fn leads_with(env: &TestEnv, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["list", "--format", "json", "--limit", "100000"];
    args.extend_from_slice(extra);
    ok(env, &args).json()["items"].as_array().expect("items").clone()
}

/// The commands listed under "Try next:" in a summary, as argument lists (without `leadctl`).
fn try_next(stderr: &str) -> Vec<Vec<String>> {
    let mut lines = stderr.lines().skip_while(|l| l.trim() != "Try next:");
    assert!(lines.next().is_some(), "no \"Try next:\" in the summary:\n{stderr}");
    lines
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let rest = l.strip_prefix("leadctl ").unwrap_or_else(|| panic!("not a command: {l}"));
            rest.split_whitespace().map(str::to_string).collect()
        })
        .collect()
}

/// Ordinary leads, as an operator would ingest them.
const OPERATORS_LEADS: &str = concat!(
    r#"{"first_name":"Rita","last_name":"Okonkwo","email":"rita@shop.example.com","phone":"+44 20 7946 0001","company":"Rita's Shop","tags":["vip","retail"],"status":"invited","source":"website","consent_email":"granted","created_at":"2026-10-01T10:00:00Z"}"#,
    "\n",
    r#"{"first_name":"Sam","last_name":"Ng","email":"sam.ng@example.net","source":"referral","utm_campaign":"spring-launch","tags":["hot"],"created_at":"2026-11-01T10:00:00Z"}"#,
    "\n",
    r#"{"first_name":"Ola","phone":"+1 212 555 0100","status":"lost","created_at":"2026-09-01T10:00:00Z"}"#,
    "\n",
);

/// Ingests [`OPERATORS_LEADS`] and works on them as an operator (a note, a status change, a
/// tag, a logged call, a task).
fn operators_data(env: &TestEnv) {
    let r = env.ingest_file("ops.ndjson", OPERATORS_LEADS, &[]);
    r.code(0);
    assert_eq!(r.json()["created"], 3, "{}", r.stdout);
    ok(env, &["note", "rita@shop.example.com", "Wants a quote by Friday."]);
    ok(env, &["status", "sam.ng@example.net", "waitlist"]);
    ok(env, &["tag", "sam.ng@example.net", "--add", "webinar"]);
    ok(env, &["log", "rita@shop.example.com", "--kind", "call", "--body", "Left a voicemail."]);
    ok(env, &["task", "add", "sam.ng@example.net", "Send pricing", "--due", "2026-11-30"]);
}

/// Every row about leads that are not demo leads (the lead, its tags, consents, notes,
/// history, events, tasks and outbox items), and `show` of each.
fn operators_snapshot(env: &TestEnv) -> Vec<String> {
    let conn = ro(env);
    let ids: BTreeSet<String> =
        set(&conn, "SELECT id FROM leads WHERE request_id IS NULL OR request_id NOT LIKE 'demo:%'");
    assert!(!ids.is_empty());
    let mut out: Vec<String> = [
        "leads",
        "lead_tags",
        "consents",
        "notes",
        "status_history",
        "message_events",
        "tasks",
        "outbox",
    ]
    .iter()
    .flat_map(|t| table_rows(&conn, t))
    .filter(|(lead, _)| ids.contains(lead))
    .map(|(_, row)| row)
    .collect();
    for id in &ids {
        out.push(ok(env, &["show", id, "--format", "json"]).json().to_string());
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The demo data set
// ---------------------------------------------------------------------------------------------

#[test]
fn demo_covers_every_status_source_campaign_tag_and_kind_of_record() {
    let env = TestEnv::new();
    seed(&env, &[]);
    let conn = ro(&env);
    let demo = "FROM leads WHERE request_id LIKE 'demo:%'";
    assert_eq!(int(&conn, &format!("SELECT count(*) {demo}")), DEMO_LEADS as i64);
    assert_eq!(int(&conn, "SELECT count(*) FROM leads"), DEMO_LEADS as i64, "only demo leads");

    let statuses = set(&conn, &format!("SELECT status {demo}"));
    assert_eq!(statuses, STATUSES.iter().map(|s| s.to_string()).collect(), "every status");
    let sources = set(&conn, &format!("SELECT source {demo} AND source IS NOT NULL"));
    assert!(sources.len() >= 6, "several sources: {sources:?}");
    let campaigns = set(&conn, &format!("SELECT utm_campaign {demo} AND utm_campaign NOT NULL"));
    assert!(campaigns.len() >= 4, "several campaigns: {campaigns:?}");
    let utm = int(
        &conn,
        &format!("SELECT count(*) {demo} AND utm_campaign NOT NULL AND utm_source NOT NULL"),
    );
    assert!(utm >= 5, "leads from campaigns carry utm_source too");
    let tags = set(&conn, "SELECT t.name FROM tags t JOIN lead_tags lt ON lt.tag_id = t.id");
    assert!(tags.len() >= 6, "several tags: {tags:?}");
    let untagged = int(
        &conn,
        &format!("SELECT count(*) {demo} AND seq NOT IN (SELECT lead_seq FROM lead_tags)"),
    );
    assert!(untagged > 0, "some leads have no tag");

    // consents: both channels, some withdrawn
    for channel in ["email", "sms"] {
        for state in ["granted", "withdrawn"] {
            let n = conn
                .query_row(
                    "SELECT count(*) FROM consents WHERE channel = ?1 AND state = ?2",
                    [channel, state],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap();
            assert!(n > 0, "{channel} consents {state}: none");
        }
    }
    // notes, events, history: every lead has a history that ends in its status
    assert!(int(&conn, "SELECT count(*) FROM notes") >= 5);
    let kinds = set(&conn, "SELECT kind FROM message_events");
    assert!(kinds.len() >= 3, "calls, emails, sms...: {kinds:?}");
    let mismatched = int(
        &conn,
        "SELECT count(*) FROM leads l WHERE l.status IS NOT (SELECT to_status FROM status_history \
         WHERE lead_seq = l.seq ORDER BY changed_at DESC, id DESC LIMIT 1)",
    );
    assert_eq!(mismatched, 0, "each lead's latest status change leads to its status");
    let moved = int(&conn, "SELECT count(*) FROM status_history WHERE from_status IS NOT NULL");
    assert!(moved > 10, "status changes beyond creation: {moved}");

    // tasks: overdue, open later, done
    let overdue =
        format!("SELECT count(*) FROM tasks WHERE done_at IS NULL AND due_at < '{NOW_STORED}'");
    let future =
        format!("SELECT count(*) FROM tasks WHERE done_at IS NULL AND due_at > '{NOW_STORED}'");
    assert!(int(&conn, &overdue) > 0, "overdue open tasks");
    assert!(int(&conn, &future) > 0, "open tasks due later");
    assert!(int(&conn, "SELECT count(*) FROM tasks WHERE done_at IS NOT NULL") > 0, "done tasks");

    // the coach
    let owned = int(&conn, &format!("SELECT count(*) {demo} AND owner = '{COACH}'"));
    assert!(owned >= 10, "leads owned by the coach: {owned}");
    assert!(int(&conn, &format!("SELECT count(*) FROM tasks WHERE owner = '{COACH}'")) > 0);

    // the two people known by one identifier each
    let (alice_seq, phone): (i64, Option<String>) = conn
        .query_row("SELECT seq, phone FROM leads WHERE email_norm = ?1", [EMAIL_ONLY], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(phone, None, "the email-only person has no phone");
    let mut st = conn.prepare("SELECT seq, email FROM leads WHERE phone = ?1").unwrap();
    let by_phone: Vec<(i64, Option<String>)> = st
        .query_map([PHONE_ONLY], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(by_phone.len(), 1, "one lead with {PHONE_ONLY}");
    assert_eq!(by_phone[0].1, None, "the phone-only person has no email");
    let phone_seq = by_phone[0].0;

    // the meeting and its attendees
    assert_eq!(int(&conn, "SELECT count(*) FROM meetings"), 1);
    let (meeting, provider): (i64, String) = conn
        .query_row(
            "SELECT id, provider FROM meetings WHERE external_ref = 'demo-google-event-1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(provider, "google");
    let attendees: BTreeSet<i64> = {
        let mut st =
            conn.prepare("SELECT lead_seq FROM meeting_attendees WHERE meeting_id = ?1").unwrap();
        let all: Vec<Option<i64>> =
            st.query_map([meeting], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        assert_eq!(all.len(), 2, "two attendees: {all:?}");
        all.into_iter().map(|s| s.expect("attendee resolved to a lead")).collect()
    };
    assert_eq!(attendees, BTreeSet::from([alice_seq, phone_seq]));

    // the outbox: demo items in several states, each about a demo lead
    let states = set(&conn, "SELECT state FROM outbox WHERE idempotency_key LIKE 'demo:%'");
    assert!(states.len() >= 3, "outbox states: {states:?}");
    assert_eq!(
        int(
            &conn,
            "SELECT count(*) FROM outbox o WHERE idempotency_key NOT LIKE 'demo:%' \
             OR NOT EXISTS (SELECT 1 FROM leads l WHERE l.seq = o.lead_seq \
                            AND l.request_id LIKE 'demo:%')"
        ),
        0,
        "every outbox item is a demo item of a demo lead"
    );
    assert!(duplicate_emails(&conn).is_empty());
}

#[test]
fn the_summary_names_three_commands_to_try_and_each_of_them_works() {
    let env = TestEnv::new();
    let r = ok(&env, &["seed-demo"]);
    assert!(r.stdout.is_empty(), "the summary goes to stderr, not stdout:\n{}", r.stdout);
    assert!(r.stderr.starts_with("Seeded the demo CRM in organisation 'default'"), "{}", r.stderr);
    assert!(r.stderr.contains("30 leads"), "{}", r.stderr);
    let commands = try_next(&r.stderr);
    assert_eq!(
        commands.iter().map(|c| c.join(" ")).collect::<Vec<_>>(),
        [
            format!("list --owner {COACH}"),
            format!("show {EMAIL_ONLY}"),
            "task list --overdue".to_string(),
        ],
        "{}",
        r.stderr
    );
    // each runs as printed, and shows what the summary promises
    for c in &commands {
        let args: Vec<&str> = c.iter().map(String::as_str).collect();
        let out = ok(&env, &args);
        assert!(!out.stdout.trim().is_empty(), "leadctl {c:?} printed nothing");
    }
    let owned = leads_with(&env, &["--owner", COACH]);
    assert!(owned.len() >= 10, "{owned:?}");
    assert!(owned.iter().all(|l| l["owner"] == COACH));
    let alice = env.show(EMAIL_ONLY);
    assert_eq!((&alice["email"], &alice["phone"]), (&json!(EMAIL_ONLY), &Value::Null));
    let tasks = ok(&env, &["task", "list", "--overdue", "--format", "json"]).json();
    let tasks = tasks.as_array().expect("an array of tasks");
    let conn = ro(&env);
    let overdue =
        format!("SELECT count(*) FROM tasks WHERE done_at IS NULL AND due_at < '{NOW_STORED}'");
    assert_eq!(tasks.len() as i64, int(&conn, &overdue), "{tasks:?}");
    assert!(tasks.iter().all(|t| t["overdue"] == true && t["done_at"].is_null()), "{tasks:?}");

    // --quiet: no summary at all
    let r = ok(&env, &["seed-demo", "--quiet"]);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str()), ("", ""));
}

// ---------------------------------------------------------------------------------------------
// Idempotency
// ---------------------------------------------------------------------------------------------

#[test]
fn running_it_again_gives_the_same_data_never_duplicates() {
    let env = TestEnv::new();
    let first = seed(&env, &[]);
    assert_eq!(first["demo"]["removed"], 0);
    assert_eq!(first["demo"]["meeting_replaced"], false);
    let counts = table_counts(&env);
    let rows = content(&env);
    let ids = set(&ro(&env), "SELECT id || ' ' || ifnull(email, '-') FROM leads");
    assert_eq!(ids.len() as u64, DEMO_LEADS);
    let total = env.count();
    for n in 2..=3 {
        let again = seed(&env, &[]);
        assert_eq!(again["demo"]["removed"], DEMO_LEADS, "run {n}");
        assert_eq!(again["demo"]["meeting_replaced"], true, "run {n}");
        assert_eq!(again["demo"]["written"], first["demo"]["written"], "run {n}");
        assert_eq!(table_counts(&env), counts, "row counts after run {n}");
        assert_same_rows(&rows, &content(&env), &format!("run {n} changed the demo data"));
        let conn = ro(&env);
        assert_eq!(set(&conn, "SELECT id || ' ' || ifnull(email, '-') FROM leads"), ids);
        assert!(duplicate_emails(&conn).is_empty(), "run {n}");
        assert_eq!(env.count(), total, "list total after run {n}");
        assert_eq!(leads_with(&env, &[]).len() as u64, total);
    }
    assert_consistent(&env, "after three runs");
}

// ---------------------------------------------------------------------------------------------
// Operators' leads
// ---------------------------------------------------------------------------------------------

#[test]
fn leads_that_are_not_demo_data_are_never_changed() {
    let env = TestEnv::new();
    operators_data(&env);
    let before = operators_snapshot(&env);
    assert!(before.iter().any(|r| r.contains("Wants a quote by Friday.")));
    assert!(before.iter().any(|r| r.starts_with("tasks:") && r.contains("Send pricing")));

    let s = seed(&env, &[]);
    assert_eq!(s["demo"]["written"]["leads"], DEMO_LEADS);
    assert_eq!(s["demo"]["written"]["skipped"], json!([]));
    assert_same_rows(&before, &operators_snapshot(&env), "the first run changed their leads");
    let counts = table_counts(&env);
    seed(&env, &[]);
    assert_same_rows(&before, &operators_snapshot(&env), "the second run changed their leads");
    assert_eq!(table_counts(&env), counts);
    let s = seed(&env, &["--force-wipe"]);
    assert_eq!(s["demo"]["removed"], DEMO_LEADS, "--force-wipe removes demo leads only");
    assert_same_rows(&before, &operators_snapshot(&env), "--force-wipe changed their leads");
    assert_eq!(table_counts(&env), counts);
    assert_eq!(env.count(), DEMO_LEADS + 3);
    assert_consistent(&env, "with operators' leads");
}

#[test]
fn a_lead_of_yours_with_a_demo_persons_email_or_phone_is_skipped_and_attends_the_meeting() {
    let env = TestEnv::new();
    let mine = concat!(
        r#"{"first_name":"Alice","last_name":"Real","email":"Alice.Client@example.com","company":"Real Co","tags":["client"],"created_at":"2026-08-01T10:00:00Z"}"#,
        "\n",
        r#"{"first_name":"Phil","email":"phil@example.org","phone":"+1 555 123 4567","created_at":"2026-08-02T10:00:00Z"}"#,
        "\n",
        r#"{"first_name":"Maya","last_name":"Mine","email":"maya.okafor@brightpath.example.com","created_at":"2026-08-03T10:00:00Z"}"#,
        "\n",
    );
    let r = env.ingest_file("mine.ndjson", mine, &[]);
    r.code(0);
    ok(&env, &["note", EMAIL_ONLY, "A real client, not a demo."]);
    let before = operators_snapshot(&env);
    let conn = ro(&env);
    let (alice_seq, alice_id) = lead_by_email(&conn, EMAIL_ONLY);
    let (maya_seq, _) = lead_by_email(&conn, MAYA);
    let (phil_seq, _) = lead_by_email(&conn, "phil@example.org");
    drop(conn);

    for n in 1..=2 {
        let r = ok(&env, &["seed-demo", "--format", "json"]);
        let s = r.json();
        let skipped: BTreeSet<String> = s["demo"]["written"]["skipped"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        // Alice and Maya are skipped by their emails, the phone-only person by Phil's phone.
        assert_eq!(skipped.len(), 3, "run {n}: {s}");
        assert!(skipped.iter().any(|w| w.ends_with("@example.com") && w.starts_with("al")));
        assert!(skipped.iter().any(|w| w.ends_with("@brightpath.example.com")));
        assert!(skipped.iter().any(|w| w.starts_with("+1") && !w.contains("5551234567")));
        assert!(!skipped.iter().any(|w| w.contains("alice.client")), "emails are truncated");
        assert_eq!(r.stderr.matches("Skipped the demo person").count(), 3, "{}", r.stderr);
        assert_eq!(s["demo"]["written"]["leads"], DEMO_LEADS - 3, "run {n}");
        assert_same_rows(&before, &operators_snapshot(&env), "seed-demo changed my leads");

        let conn = ro(&env);
        assert_eq!(lead_by_email(&conn, EMAIL_ONLY), (alice_seq, alice_id.clone()));
        assert_eq!(lead_by_email(&conn, MAYA).0, maya_seq);
        assert!(duplicate_emails(&conn).is_empty());
        let attendees: Vec<(Option<i64>, Option<String>, Option<String>)> = {
            let mut st = conn
                .prepare(
                    "SELECT a.lead_seq, a.email, a.phone FROM meeting_attendees a \
                     JOIN meetings m ON m.id = a.meeting_id \
                     WHERE m.external_ref = 'demo-google-event-1' ORDER BY a.id",
                )
                .unwrap();
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        assert_eq!(attendees.len(), 2, "{attendees:?}");
        let alice_row = attendees.iter().find(|a| a.1.as_deref() == Some(EMAIL_ONLY)).unwrap();
        assert_eq!(alice_row.0, Some(alice_seq), "the attendee is my Alice");
        let phone_row = attendees.iter().find(|a| a.2.as_deref() == Some(PHONE_ONLY)).unwrap();
        assert_eq!(phone_row.0, Some(phil_seq), "the phone attendee is my Phil");
        let demo_ones = int(
            &conn,
            "SELECT count(*) FROM leads WHERE request_id IN \
             ('demo:alice', 'demo:phone-only', 'demo:lead-01')",
        );
        assert_eq!(demo_ones, 0, "no demo lead for the people I have");
        drop(conn);
        assert_eq!(env.count(), DEMO_LEADS - 3 + 3, "run {n}");
        assert_consistent(&env, &format!("run {n} with my Alice"));
    }
    // --force-wipe does not touch them either
    let s = seed(&env, &["--force-wipe"]);
    assert_eq!(s["demo"]["written"]["skipped"].as_array().unwrap().len(), 3);
    assert_same_rows(&before, &operators_snapshot(&env), "--force-wipe changed my leads");
}

// ---------------------------------------------------------------------------------------------
// Kept demo leads and --force-wipe
// ---------------------------------------------------------------------------------------------

#[test]
fn demo_leads_your_data_refers_to_are_kept_until_force_wipe() {
    let env = TestEnv::new();
    seed(&env, &[]);
    let fresh = content(&env);
    let fresh_counts = table_counts(&env);
    let conn = ro(&env);
    let (maya_seq, maya_id) = lead_by_email(&conn, MAYA);
    let (lucas_seq, lucas_id) = lead_by_email(&conn, LUCAS);
    let demo_notes_on_maya = notes_by(&conn, MAYA, "seed-demo");
    drop(conn);
    // an operator works on two demo leads
    ok(&env, &["note", &maya_id, "Met her at the fair, keen on a workshop."]);
    ok(&env, &["status", &lucas_id, "invited"]);
    let worked = table_counts(&env);

    for n in 1..=2 {
        let r = run(&env, &["seed-demo", "--format", "json"]);
        r.code(0);
        let s = r.json();
        assert_eq!(s["demo"]["written"]["kept"], 2, "run {n}: {s}");
        assert_eq!(s["demo"]["removed"], DEMO_LEADS - 2, "run {n}");
        assert_eq!(s["demo"]["written"]["leads"], DEMO_LEADS - 2, "run {n}");
        assert!(r.stderr.contains("Kept 2 demo leads"), "{}", r.stderr);
        let conn = ro(&env);
        assert_eq!(lead_by_email(&conn, MAYA), (maya_seq, maya_id.clone()), "Maya is kept");
        assert_eq!(lead_by_email(&conn, LUCAS), (lucas_seq, lucas_id.clone()));
        assert_eq!(
            notes_by(&conn, MAYA, "tester"),
            ["Met her at the fair, keen on a workshop."],
            "run {n}: the operator's note stays"
        );
        assert_eq!(notes_by(&conn, MAYA, "seed-demo"), demo_notes_on_maya, "no second demo note");
        let status: String = conn
            .query_row("SELECT status FROM leads WHERE seq = ?1", [lucas_seq], |r| r.get(0))
            .unwrap();
        assert_eq!(status, "invited", "run {n}: the operator's status change stays");
        assert!(duplicate_emails(&conn).is_empty());
        drop(conn);
        assert_eq!(env.count(), DEMO_LEADS, "run {n}");
        assert_eq!(table_counts(&env), worked, "run {n}: the same rows, no duplicates");
        assert_consistent(&env, &format!("kept, run {n}"));
    }

    // a hard reset: both deleted and written fresh, the operator's work gone
    let r = run(&env, &["seed-demo", "--force-wipe", "--format", "json"]);
    r.code(0);
    let s = r.json();
    assert_eq!(s["demo"]["removed"], DEMO_LEADS);
    assert_eq!(s["demo"]["written"]["kept"], 0);
    assert_eq!(s["demo"]["written"]["leads"], DEMO_LEADS);
    assert!(!r.stderr.contains("Kept"), "{}", r.stderr);
    let conn = ro(&env);
    // (its row number may be reused: no AUTOINCREMENT, every lead was deleted)
    assert_eq!(lead_by_email(&conn, MAYA).1, maya_id, "the same demo lead id");
    assert!(notes_by(&conn, MAYA, "tester").is_empty(), "the operator's note is gone");
    let status: String = conn
        .query_row("SELECT status FROM leads WHERE id = ?1", [&lucas_id], |r| r.get(0))
        .unwrap();
    assert_eq!(status, "new");
    drop(conn);
    assert_eq!(table_counts(&env), fresh_counts);
    assert_same_rows(&fresh, &content(&env), "--force-wipe gives the data of a first run");
    assert_consistent(&env, "after --force-wipe");
}

#[test]
fn after_a_force_wipe_plain_runs_replace_every_demo_lead_again() {
    let env = TestEnv::new();
    seed(&env, &[]);
    ok(&env, &["note", MAYA, "An operator's note."]);
    assert_eq!(seed(&env, &[])["demo"]["written"]["kept"], 1);
    let s = seed(&env, &["--force-wipe"]);
    assert_eq!(s["demo"]["removed"], DEMO_LEADS);
    // Nothing of the operator's refers to the fresh demo lead any more: a hard reset means
    // the next plain run treats it as any other demo lead.
    let s = seed(&env, &[]);
    assert_eq!(s["demo"]["written"]["kept"], 0, "{s}");
    assert_eq!(s["demo"]["removed"], DEMO_LEADS, "{s}");
}

/// `DEMO_SEED_FORCE_WIPE` set to `no` and then to `yes` (in the words given).
fn force_wipe_from_the_environment(no: &str, yes: &str) {
    let env = TestEnv::new();
    seed(&env, &[]);
    ok(&env, &["note", MAYA, "An operator's note."]);
    let s = seed_env(&env, &[], &[("DEMO_SEED_FORCE_WIPE", no)]);
    assert_eq!(s["demo"]["written"]["kept"], 1, "{no} does not force: {s}");
    assert_eq!(notes_by(&ro(&env), MAYA, "tester").len(), 1);
    let s = seed_env(&env, &[], &[("DEMO_SEED_FORCE_WIPE", yes)]);
    assert_eq!(s["demo"]["written"]["kept"], 0, "{yes} forces: {s}");
    assert_eq!(s["demo"]["removed"], DEMO_LEADS);
    assert!(notes_by(&ro(&env), MAYA, "tester").is_empty());
    assert_eq!(env.count(), DEMO_LEADS);
}

#[test]
fn force_wipe_from_the_environment_true_and_false() {
    force_wipe_from_the_environment("false", "true");
}

#[test]
fn force_wipe_from_the_environment_1_and_0() {
    force_wipe_from_the_environment("0", "1");
}

#[test]
fn a_kept_demo_attendee_gets_no_second_meeting_event() {
    let env = TestEnv::new();
    seed(&env, &[]);
    ok(&env, &["note", EMAIL_ONLY, "Asked to move the call."]);
    seed(&env, &[]);
    let counts = table_counts(&env);
    seed(&env, &[]);
    assert_eq!(table_counts(&env), counts, "a third run adds rows");
    let booked = int(
        &ro(&env),
        &format!(
            "SELECT count(*) FROM message_events e JOIN leads l ON l.seq = e.lead_seq \
             WHERE l.email_norm = '{EMAIL_ONLY}' AND e.kind = 'meeting_booked'"
        ),
    );
    assert_eq!(booked, 1, "one booking event for one meeting");
}

// ---------------------------------------------------------------------------------------------
// The outbox
// ---------------------------------------------------------------------------------------------

#[test]
fn queue_flush_never_delivers_demo_items() {
    let env = TestEnv::new();
    let upstream = crate::serve_forms::Upstream::start(std::time::Duration::ZERO);
    let url = upstream.url();
    // forwards to the recorder, emails to a port where nothing listens
    let configured: [(&str, &str); 6] = [
        ("LEADCTL_FORWARD_URL", url.as_str()),
        ("SMTP_HOST", "127.0.0.1"),
        ("SMTP_PORT", "9"),
        ("SMTP_TLS", "none"),
        ("FROM_EMAIL", "hello@example.com"),
        ("LEADCTL_NOW", NOW),
    ];
    seed(&env, &[]);
    // one ordinary lead with a forward, so the flush has something real to deliver
    let path = env.write("one.ndjson", "{\"email\":\"real@example.org\"}\n");
    let r = env.run_env(&["ingest", "--file", path.to_str().unwrap()], &configured);
    r.code(0);
    let conn = ro(&env);
    let real: Vec<String> =
        texts(&conn, "SELECT idempotency_key FROM outbox WHERE idempotency_key NOT LIKE 'demo:%'");
    assert_eq!(real.len(), 1, "ingest queued one forward");
    let pending = int(
        &conn,
        "SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'demo:%' AND state = 'pending'",
    );
    assert!(pending >= 2, "demo items pending: {pending}");
    let due = int(
        &conn,
        &format!(
            "SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'demo:%' \
             AND state = 'pending' AND next_attempt_at <= '{MONTH_LATER}'"
        ),
    );
    assert_eq!(due, pending, "a month later every pending demo item is due");
    drop(conn);
    let demo_rows = |env: &TestEnv| -> Vec<String> {
        table_rows(&ro(env), "outbox")
            .into_iter()
            .map(|(_, row)| row)
            .filter(|row| row.contains("idempotency_key=demo:"))
            .collect()
    };
    let before = demo_rows(&env);

    let mut vars = configured.to_vec();
    vars.retain(|(k, _)| *k != "LEADCTL_NOW");
    vars.push(("LEADCTL_NOW", MONTH_LATER));
    for _ in 0..2 {
        let r = env.run_env(&["queue", "flush"], &vars);
        r.code(0);
    }
    let keys: Vec<String> = upstream
        .requests()
        .iter()
        .map(|r| r.header("idempotency-key").unwrap_or("(no key)").to_string())
        .collect();
    assert_eq!(keys, real, "only the ordinary lead's forward was delivered");
    assert_same_rows(&before, &demo_rows(&env), "queue flush changed demo items");
    let conn = ro(&env);
    let attempts = int(
        &conn,
        "SELECT count(*) FROM outbox_attempts a JOIN outbox o ON o.id = a.outbox_id \
         WHERE o.idempotency_key LIKE 'demo:%'",
    );
    assert_eq!(attempts, 0, "no attempt at a demo item");
    let delivered: String = conn
        .query_row("SELECT state FROM outbox WHERE idempotency_key NOT LIKE 'demo:%'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(delivered, "delivered");
}

// ---------------------------------------------------------------------------------------------
// Synthetic leads
// ---------------------------------------------------------------------------------------------

/// `export --format ndjson`, sorted.
fn export_sorted(env: &TestEnv) -> Vec<String> {
    let mut lines: Vec<String> =
        ok(env, &["export", "--format", "ndjson"]).ndjson().iter().map(Value::to_string).collect();
    lines.sort();
    lines
}

/// The rows of the synthetic leads (and their tags).
fn synthetic_rows(env: &TestEnv) -> Vec<String> {
    let conn = ro(env);
    let ids = set(&conn, "SELECT id FROM leads WHERE request_id LIKE 'synthetic:%'");
    ["leads", "lead_tags"]
        .iter()
        .flat_map(|t| table_rows(&conn, t))
        .filter(|(lead, _)| ids.contains(lead))
        .map(|(_, row)| row)
        .collect()
}

#[test]
fn synthetic_leads_are_the_same_for_the_same_seed_and_differ_for_another() {
    let a = TestEnv::new();
    let b = TestEnv::new();
    let c = TestEnv::new();
    let sa = seed(&a, &["--leads", "300", "--seed", "7"]);
    let sb = seed(&b, &["--leads", "300", "--seed", "7"]);
    let sc = seed(&c, &["--leads", "300", "--seed", "8"]);
    for s in [&sa, &sb, &sc] {
        assert_eq!(s["synthetic"], json!({"created": 300, "existing": 0, "skipped": 0}), "{s}");
    }
    assert_eq!(a.count(), 330);
    assert_eq!(export_sorted(&a), export_sorted(&b), "same seed, same export");
    assert_same_rows(&content(&a), &content(&b), "same seed, same rows in every table");
    let (xa, xc) = (export_sorted(&a), export_sorted(&c));
    let common = xa.iter().filter(|l| xc.contains(l)).count();
    assert_eq!(common, DEMO_LEADS as usize, "another seed shares only the demo leads");
    let emails = |env: &TestEnv| {
        set(&ro(env), "SELECT email_norm FROM leads WHERE request_id LIKE 'synthetic:%'")
    };
    assert_ne!(emails(&a), emails(&c));
}

#[test]
fn synthetic_leads_are_added_once_per_seed() {
    let env = TestEnv::new();
    seed(&env, &["--leads", "300", "--seed", "7"]);
    let rows = synthetic_rows(&env);
    assert_eq!(env.count(), 330);
    let counts = table_counts(&env);

    let r = run(&env, &["seed-demo", "--leads", "300", "--seed", "7", "--format", "json"]);
    r.code(0);
    assert_eq!(r.json()["synthetic"], json!({"created": 0, "existing": 300, "skipped": 0}));
    assert!(r.stderr.contains("Generated 0 synthetic leads"), "{}", r.stderr);
    assert!(r.stderr.contains("300 already there"), "{}", r.stderr);
    assert_eq!(env.count(), 330, "nothing added");
    assert_eq!(table_counts(&env), counts);
    assert_same_rows(&rows, &synthetic_rows(&env), "the second run changed synthetic leads");

    // more of the same seed: only the missing ones
    let s = seed(&env, &["--leads", "310", "--seed", "7"]);
    assert_eq!(s["synthetic"], json!({"created": 10, "existing": 300, "skipped": 0}));
    assert_eq!(env.count(), 340);
    // the demo part of the run replaced the demo leads and left synthetic ones alone
    assert_eq!(s["demo"]["removed"], DEMO_LEADS);
    // an audit entry per synthetic run; no outbox items for synthetic leads
    let conn = ro(&env);
    assert_eq!(int(&conn, "SELECT count(*) FROM audit_log WHERE action = 'demo.synthetic'"), 3);
    assert_eq!(
        int(&conn, "SELECT count(*) FROM outbox WHERE idempotency_key NOT LIKE 'demo:%'"),
        0
    );
    assert!(duplicate_emails(&conn).is_empty());
    drop(conn);
    assert_consistent(&env, "after synthetic runs");
}

#[test]
fn synthetic_leads_are_valid_and_varied() {
    let env = TestEnv::new();
    seed(&env, &["--leads", "300", "--seed", "42"]);
    let conn = ro(&env);
    let mut st = conn
        .prepare(
            "SELECT email, email_norm, phone, status, source, first_name, company \
             FROM leads WHERE request_id LIKE 'synthetic:%'",
        )
        .unwrap();
    type Syn = (String, String, Option<String>, String, String, String, String);
    let leads: Vec<Syn> = st
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(leads.len(), 300);
    let mut statuses = BTreeSet::new();
    let mut sources = BTreeSet::new();
    let mut prefixes = BTreeSet::new();
    let mut with_phone = 0;
    for (email, norm, phone, status, source, first, company) in &leads {
        let (local, domain) = email.split_once('@').unwrap_or_else(|| panic!("{email}"));
        assert!(!local.is_empty() && !domain.contains('@'), "{email}");
        assert!(
            local.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._".contains(c)),
            "{email}"
        );
        assert!(
            [".example.com", ".example.org", ".example.net"].iter().any(|d| domain.ends_with(d)),
            "{email}: a domain under a reserved one"
        );
        assert_eq!(norm, email, "{email}: stored normalised");
        if let Some(p) = phone {
            let digits = &p[1..];
            assert!(p.starts_with('+') && !digits.starts_with('0'), "{p}: E.164");
            assert!(digits.chars().all(|c| c.is_ascii_digit()), "{p}: E.164");
            assert!((8..=15).contains(&digits.len()), "{p}: E.164 length");
            prefixes.insert(digits[..2].to_string());
            with_phone += 1;
        }
        assert!(!first.is_empty() && !company.is_empty());
        statuses.insert(status.clone());
        sources.insert(source.clone());
    }
    assert_eq!(statuses, STATUSES.iter().map(|s| s.to_string()).collect(), "every status");
    assert!(sources.len() >= 5, "{sources:?}");
    assert!(prefixes.len() >= 5, "phones of several countries: {prefixes:?}");
    assert!(with_phone > 150 && with_phone < 300, "most have a phone, some none: {with_phone}");
    drop(st);
    drop(conn);

    // ingest accepts every one of them as it is: valid emails, phones already E.164
    let exported = ok(&env, &["export", "--format", "ndjson"]).stdout;
    let other = TestEnv::new();
    let s = other.ingest_ok("again.ndjson", &exported);
    assert_eq!((s["created"].as_u64(), s["rejected"].as_u64()), (Some(330), Some(0)), "{s}");
    let pairs = |env: &TestEnv| {
        set(&ro(env), "SELECT ifnull(email_norm, '-') || ' ' || ifnull(phone, '-') FROM leads")
    };
    assert_eq!(pairs(&env), pairs(&other), "ingest stores the same emails and phones");
}

#[test]
fn seed_without_leads_is_a_usage_error() {
    let env = TestEnv::new();
    run(&env, &["seed-demo", "--seed", "3"]).error(2);
    assert!(!env.db().exists(), "no database for a usage error");
    run(&env, &["seed-demo", "--leads", "many"]).error(2);
    assert!(!env.db().exists());
}

// ---------------------------------------------------------------------------------------------
// Search, counters, the report
// ---------------------------------------------------------------------------------------------

#[test]
fn search_and_counters_stay_consistent_across_reseeds_and_wipes() {
    let env = TestEnv::new();
    seed(&env, &[]);
    assert_consistent(&env, "first run");
    seed(&env, &[]);
    assert_consistent(&env, "second run");
    ok(&env, &["note", MAYA, "Kept by this note."]);
    ok(&env, &["tag", LUCAS, "--add", "operator-tag"]);
    seed(&env, &[]);
    assert_consistent(&env, "run with kept leads");
    seed(&env, &["--force-wipe"]);
    assert_consistent(&env, "--force-wipe");
    seed(&env, &["--leads", "200", "--seed", "5"]);
    assert_consistent(&env, "with synthetic leads");
    seed(&env, &["--force-wipe", "--leads", "200", "--seed", "5"]);
    assert_consistent(&env, "--force-wipe with synthetic leads");
    let operator_tag = int(
        &ro(&env),
        "SELECT count(*) FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id \
         WHERE t.name = 'operator-tag'",
    );
    assert_eq!(operator_tag, 0, "--force-wipe removed the operator's tag with the lead");
}

#[test]
fn the_json_report_counts_what_was_written() {
    let env = TestEnv::new();
    let r = ok(&env, &["seed-demo", "--format", "json"]);
    let doc = r.json();
    assert_eq!(keys(&doc), sorted(&["demo", "synthetic"]));
    assert_eq!(doc["synthetic"], Value::Null);
    assert_eq!(keys(&doc["demo"]), sorted(&["meeting_replaced", "removed", "written"]));
    let w = &doc["demo"]["written"];
    assert_eq!(
        keys(w),
        sorted(&[
            "attendees",
            "consents",
            "events",
            "kept",
            "leads",
            "meetings",
            "notes",
            "outbox_items",
            "skipped",
            "status_changes",
            "tasks"
        ])
    );
    let conn = ro(&env);
    for (field, table) in [
        ("leads", "leads"),
        ("notes", "notes"),
        ("events", "message_events"),
        ("status_changes", "status_history"),
        ("consents", "consents"),
        ("tasks", "tasks"),
        ("outbox_items", "outbox"),
        ("meetings", "meetings"),
        ("attendees", "meeting_attendees"),
    ] {
        let n = int(&conn, &format!("SELECT count(*) FROM {table}"));
        assert_eq!(w[field].as_i64(), Some(n), "written.{field} vs {table}: {doc}");
    }
    assert_eq!((&w["kept"], &w["skipped"]), (&json!(0), &json!([])));
    // the summary still goes to stderr, stdout holds only the JSON
    assert!(r.stderr.contains("Try next:"), "{}", r.stderr);
    // the same shape with synthetic leads
    let doc = seed(&env, &["--leads", "25", "--seed", "9"]);
    assert_eq!(doc["demo"]["removed"], DEMO_LEADS);
    assert_eq!(doc["demo"]["meeting_replaced"], true);
    assert_eq!(doc["synthetic"], json!({"created": 25, "existing": 0, "skipped": 0}));
    // ndjson is one document too
    let r = ok(&env, &["seed-demo", "--format", "ndjson"]);
    let docs = r.ndjson();
    assert_eq!(docs.len(), 1, "{}", r.stdout);
    assert_eq!(docs[0]["demo"]["written"]["leads"], DEMO_LEADS);
}
