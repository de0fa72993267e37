//! The history of a lead and the right to erasure: `timeline`, `audit` (filters, formats, the
//! append-only log, masked values) and `forget` (what it erases, what it keeps, and that no
//! personal data stays anywhere in the database file, even before a VACUUM).

use serde_json::{Value, json};

use crate::common::{TestEnv, keys, parse_csv, sorted, template_db};

/// The lead whose history the fixture builds (and which the erasure tests forget).
const EMAIL: &str = "zyxwv.forgetme@erasure-test.example";
const LOCAL: &str = "zyxwv.forgetme";
const FIRST: &str = "Quentella";
const SURNAME: &str = "Marchbanks";
/// Parses as a US number; stored as E.164 `+12025550143`.
const PHONE: &str = "+12025550143";
const PHONE_DIGITS: &str = "2025550143";
const COMPANY: &str = "Vexborough Holdings";
const MESSAGE: &str = "Please quote the pergola by the quince hedge";
/// A lead that is never forgotten.
const CONTROL_EMAIL: &str = "control.keepme@erasure-test.example";
const CONTROL_SURNAME: &str = "Pemberwick";

const AUDIT_KEYS: [&str; 11] = [
    "id",
    "at",
    "actor",
    "action",
    "entity_type",
    "entity_id",
    "lead_id",
    "before",
    "after",
    "request_id",
    "details",
];

/// The first NDJSON line of the lead: every personal field, email consent, a tag.
fn lead_line() -> String {
    format!(
        "{}\n",
        json!({"email": EMAIL, "name": format!("{FIRST} {SURNAME}"), "phone": PHONE,
            "company": COMPANY, "message": MESSAGE, "consent_email": "granted",
            "source": "web", "tags": ["vip"]})
    )
}

fn control_line() -> String {
    format!(
        "{}\n",
        json!({"email": CONTROL_EMAIL, "name": format!("Horatio {CONTROL_SURNAME}"),
            "phone": "+12025550187", "company": "Keepwell Ltd",
            "message": "control message stays"})
    )
}

/// The lead with a full history (merge, status, note, event, task done, edit, owner, tag) and
/// a control lead that `alice` touched (built once, copied per test).
fn history() -> TestEnv {
    static DB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TestEnv::with_db(template_db(&DB, build_history))
}

fn build_history(env: &TestEnv) {
    // one ingest for both (parsing the first phone of a process is slow in debug builds)
    let both = format!("{}{}", lead_line(), control_line());
    assert_eq!(env.ingest_ok("leads.ndjson", &both)["created"], 2);
    let again = format!("{}\n", json!({"email": EMAIL, "service": "roofing"}));
    let s = env.ingest_ok("again.ndjson", &again);
    assert_eq!((s["created"].as_u64(), s["merged"].as_u64()), (Some(0), Some(1)));
    env.ok(&["status", EMAIL, "invited", "--note", "Marchbanks asked for a quote"]);
    env.ok(&["note", EMAIL, "Prefers mornings, ask for Quentella"]);
    env.ok(&["log", EMAIL, "--kind", "call", "--body", "Talked about the pergola"]);
    let task =
        env.ok(&["task", "add", EMAIL, "Ring Quentella back", "--due", "3d", "--format", "json"]);
    let task_id = task.json()["id"].as_i64().expect("task id").to_string();
    env.ok(&["task", "done", &task_id]);
    env.ok(&["edit", EMAIL, "--company", "Vexborough Ltd"]);
    env.ok(&["assign", EMAIL, "sam"]);
    env.ok(&["tag", EMAIL, "--add", "hot"]);
    env.ok(&["note", CONTROL_EMAIL, "alice was here", "--actor", "alice"]);
    env.ok(&["status", CONTROL_EMAIL, "lost", "--actor", "alice"]);
}

/// The id of a lead named by email.
fn id_of(env: &TestEnv, email: &str) -> String {
    env.show(email)["id"].as_str().expect("id").to_string()
}

/// `audit --format json --limit 1000 ARGS`; returns the entries.
fn audit(env: &TestEnv, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["audit", "--format", "json", "--limit", "1000"];
    all.extend_from_slice(args);
    env.ok(&all).json().as_array().unwrap_or_else(|| panic!("audit is not an array")).clone()
}

fn actions(entries: &[Value]) -> Vec<String> {
    entries.iter().map(|e| e["action"].as_str().expect("action").to_string()).collect()
}

fn ids(entries: &[Value]) -> Vec<i64> {
    entries.iter().map(|e| e["id"].as_i64().expect("audit id")).collect()
}

/// `timeline ID --format json`; returns the entries.
fn timeline(env: &TestEnv, key: &str) -> Vec<Value> {
    env.ok(&["timeline", key, "--format", "json"]).json().as_array().expect("array").clone()
}

fn kinds(entries: &[Value]) -> Vec<String> {
    entries.iter().map(|e| e["kind"].as_str().expect("kind").to_string()).collect()
}

/// Whether `needle` occurs in `hay` (bytes).
fn has_bytes(hay: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    !n.is_empty() && hay.len() >= n.len() && hay.windows(n.len()).any(|w| w == n)
}

/// Every file of the database (the main file, and the -wal and -shm files when they exist),
/// by name.
fn database_files(env: &TestEnv) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(env.home()).expect("read temp dir") {
        let entry = entry.expect("dir entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("leads.db") {
            out.push((name, std::fs::read(entry.path()).expect("read database file")));
        }
    }
    assert!(out.iter().any(|(n, _)| n == "leads.db"), "no database file");
    out
}

/// The needles found in any database file, as "needle in file".
fn found_in_files(env: &TestEnv, needles: &[&str]) -> Vec<String> {
    let files = database_files(env);
    let mut found = Vec::new();
    for needle in needles {
        for (name, bytes) in &files {
            if has_bytes(bytes, needle) {
                found.push(format!("{needle:?} in {name}"));
            }
        }
    }
    found
}

/// `list --format json` total with extra args.
fn total(env: &TestEnv, extra: &[&str]) -> u64 {
    let mut args = vec!["list", "--format", "json", "--limit", "1"];
    args.extend_from_slice(extra);
    env.ok(&args).json()["total"].as_u64().expect("total")
}

/// The ids `list -q TEXT` finds.
fn search(env: &TestEnv, text: &str) -> Vec<String> {
    env.leads_with(&["-q", text])
        .iter()
        .map(|l| l["id"].as_str().expect("id").to_string())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// timeline

#[test]
fn timeline_json_lists_every_kind_of_change_oldest_first() {
    let env = history();
    let id = id_of(&env, EMAIL);
    let entries = timeline(&env, &id);
    for e in &entries {
        assert_eq!(keys(e), sorted(&["at", "kind", "actor", "summary"]), "{e}");
        let at = e["at"].as_str().expect("at");
        assert!(at.ends_with('Z') && at.len() == 24, "RFC 3339 UTC with ms: {at}");
        assert!(e["summary"].is_string(), "{e}");
    }
    assert_eq!(
        kinds(&entries),
        [
            "created",
            "consent",
            "merge",
            "status",
            "note",
            "event",
            "task",
            "task_done",
            "edit",
            "assign",
            "tag"
        ],
        "{entries:#?}"
    );
    let ats: Vec<&str> = entries.iter().map(|e| e["at"].as_str().unwrap()).collect();
    assert!(ats.windows(2).all(|w| w[0] <= w[1]), "not oldest first: {ats:?}");
    assert!(ats[2] < ats[ats.len() - 1], "the history spans several times: {ats:?}");
    let by_kind = |k: &str| entries.iter().find(|e| e["kind"] == k).unwrap().clone();
    assert_eq!(by_kind("created")["summary"], "lead created from web");
    assert_eq!(by_kind("consent")["summary"], "email consent granted (web)");
    assert!(by_kind("merge")["summary"].as_str().unwrap().contains("service"));
    assert_eq!(by_kind("status")["summary"], "status new -> invited");
    assert_eq!(by_kind("note")["summary"], "Prefers mornings, ask for Quentella");
    assert!(by_kind("event")["summary"].as_str().unwrap().contains("Talked about the pergola"));
    assert!(by_kind("task")["summary"].as_str().unwrap().contains("Ring Quentella back"));
    assert!(by_kind("task_done")["summary"].as_str().unwrap().contains("done"));
    assert_eq!(by_kind("edit")["summary"], "edited company");
    assert_eq!(by_kind("assign")["summary"], "assigned to sam");
    assert_eq!(by_kind("tag")["summary"], "tagged hot");
    for k in ["merge", "status", "note", "event", "task", "edit", "assign", "tag"] {
        assert_eq!(by_kind(k)["actor"], "tester", "{k}");
    }
    assert_eq!(by_kind("created")["actor"], Value::Null);
    // by email and by id prefix: the same timeline
    assert_eq!(timeline(&env, EMAIL), entries);
    assert_eq!(timeline(&env, &id[..24]), entries);
    // the control lead's timeline is its own
    let control = timeline(&env, CONTROL_EMAIL);
    assert_eq!(kinds(&control), ["created", "note", "status"]);
    assert_eq!(control[1]["actor"], "alice");
    assert_eq!(control[2]["summary"], "status new -> lost");
}

#[test]
fn timeline_csv_table_and_unknown_leads() {
    let env = history();
    let id = id_of(&env, EMAIL);
    let json_entries = timeline(&env, &id);
    let csv = parse_csv(&env.ok(&["timeline", &id, "--format", "csv"]).stdout);
    assert_eq!(csv.header, ["at", "kind", "actor", "summary"]);
    assert_eq!(csv.rows.len(), json_entries.len());
    for (row, e) in csv.rows.iter().zip(&json_entries) {
        assert_eq!(row["at"], e["at"].as_str().unwrap());
        assert_eq!(row["kind"], e["kind"].as_str().unwrap());
        assert_eq!(row["actor"], e["actor"].as_str().unwrap_or(""));
        assert_eq!(row["summary"], e["summary"].as_str().unwrap());
    }
    let nd = env.ok(&["timeline", &id, "--format", "ndjson"]).ndjson();
    assert_eq!(nd, json_entries);

    let table = env.ok(&["timeline", EMAIL]).stdout;
    assert!(table.contains(&id), "the table names the lead id: {table}");
    assert!(table.contains("assigned to sam"), "{table}");
    assert_eq!(table.lines().count(), json_entries.len() + 1, "{table}");

    for key in ["ffffffff", "nobody@erasure-test.example", "99999999-9999-4999-8999-999999999999"] {
        let r = env.run(&["timeline", key, "--format", "json"]);
        r.error(3);
        assert_eq!(r.stdout, "", "{key}");
    }
    env.run(&["timeline", "ab"]).error(2);
}

// ---------------------------------------------------------------------------------------------
// audit

#[test]
fn audit_json_is_newest_first_with_every_key() {
    let env = history();
    let all = audit(&env, &[]);
    // 2 ingests, merge, status, note, log, task.add, task.done, edit, assign, tag, and alice's
    // note and status
    assert_eq!(all.len(), 13, "{}", serde_json::to_string_pretty(&all).unwrap());
    for e in &all {
        assert_eq!(keys(e), sorted(&AUDIT_KEYS), "{e}");
        assert!(e["at"].as_str().unwrap().ends_with('Z'), "{e}");
    }
    let all_ids = ids(&all);
    assert!(all_ids.windows(2).all(|w| w[0] > w[1]), "ids not newest first: {all_ids:?}");
    let ats: Vec<&str> = all.iter().map(|e| e["at"].as_str().unwrap()).collect();
    assert!(ats.windows(2).all(|w| w[0] >= w[1]), "times not newest first: {ats:?}");
    assert_eq!(all[0]["action"], "lead.status");
    assert_eq!(all[0]["actor"], "alice");
    assert_eq!(all.last().unwrap()["action"], "ingest");

    let id = id_of(&env, EMAIL);
    let status = all.iter().find(|e| e["action"] == "lead.status" && e["actor"] == "tester");
    let status = status.expect("tester's status entry");
    assert_eq!(status["entity_type"], "lead");
    assert_eq!(status["entity_id"], id.as_str());
    assert_eq!(status["lead_id"], id.as_str());
    assert_eq!(status["before"], json!({"status": "new"}));
    assert_eq!(status["after"], json!({"status": "invited"}));
    assert_eq!(status["request_id"], Value::Null);
    let note = status["details"]["note"].as_str().expect("masked status note");
    assert!(!note.contains(SURNAME), "the status note text is not copied: {note}");

    // the default limit is 50; --limit N keeps the N newest
    let limited = |n: &str| -> Vec<Value> {
        env.ok(&["audit", "--format", "json", "--limit", n]).json().as_array().unwrap().clone()
    };
    assert_eq!(ids(&limited("3")), all_ids[..3]);
    assert_eq!(ids(&limited("1")), all_ids[..1]);
    assert!(limited("0").is_empty());
    env.run(&["audit", "--limit", "-1"]).error(2);
    env.run(&["audit", "--limit", "lots"]).error(2);
}

#[test]
fn every_ingest_writes_an_ingest_entry() {
    let env = history();
    let ingests = audit(&env, &["--action", "ingest"]);
    assert_eq!(ingests.len(), 2, "{ingests:#?}");
    for e in &ingests {
        assert_eq!(e["action"], "ingest");
        assert_eq!(e["actor"], "tester");
        assert_eq!(e["entity_type"], "ingest_run");
        assert_eq!(e["lead_id"], Value::Null);
        assert_eq!(e["details"]["format"], "ndjson");
    }
    // newest first: the merge, then the two leads
    let counts: Vec<(u64, u64, u64)> = ingests
        .iter()
        .map(|e| {
            let d = &e["details"];
            (
                d["records"].as_u64().unwrap(),
                d["created"].as_u64().unwrap(),
                d["merged"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(counts, [(1, 0, 1), (2, 2, 0)]);
    assert_ne!(ingests[0]["entity_id"], ingests[1]["entity_id"], "one run id per ingest");
    // one more ingest (from flags, too), one more entry each
    env.ingest_ok("more.ndjson", "{\"email\":\"more@erasure-test.example\"}\n");
    env.ok(&["ingest", "--email", "flags@erasure-test.example"]);
    let after = audit(&env, &["--action", "ingest"]);
    assert_eq!(after.len(), 4);
    assert_eq!(after[1]["details"]["created"], 1);
    assert_eq!(after[0]["details"]["created"], 1);
    assert!(after[0]["id"].as_i64() > ingests[0]["id"].as_i64());
}

#[test]
fn audit_filters_by_lead_id_or_email() {
    let env = history();
    let id = id_of(&env, EMAIL);
    let by_id = audit(&env, &["--lead", &id]);
    assert_eq!(
        actions(&by_id),
        [
            "lead.tag",
            "lead.assign",
            "lead.edit",
            "task.done",
            "task.add",
            "lead.log",
            "lead.note",
            "lead.status",
            "lead.merge"
        ]
    );
    assert!(by_id.iter().all(|e| e["lead_id"] == id.as_str()), "{by_id:#?}");
    assert_eq!(audit(&env, &["--lead", EMAIL]), by_id);
    assert_eq!(audit(&env, &["--lead", &EMAIL.to_uppercase()]), by_id);
    assert_eq!(audit(&env, &["--lead", &id[..24]]), by_id);
    let control = audit(&env, &["--lead", CONTROL_EMAIL]);
    assert_eq!(actions(&control), ["lead.status", "lead.note"]);
    env.run(&["audit", "--lead", "nobody@erasure-test.example"]).error(3);
    env.run(&["audit", "--lead", "ab"]).error(2);
}

#[test]
fn audit_filters_by_actor_with_by_or_the_global_actor() {
    let env = history();
    let all = audit(&env, &[]);
    let alice_all: Vec<i64> =
        all.iter().filter(|e| e["actor"] == "alice").map(|e| e["id"].as_i64().unwrap()).collect();
    assert_eq!(alice_all.len(), 2);
    // LEADCTL_ACTOR alone (the environment, not the flag) filters nothing
    assert!(all.iter().any(|e| e["actor"] == "alice"));

    let by_alice = audit(&env, &["--by", "alice"]);
    assert_eq!(ids(&by_alice), alice_all);
    assert_eq!(actions(&by_alice), ["lead.status", "lead.note"]);
    let by_tester = audit(&env, &["--by", "tester"]);
    assert_eq!(by_tester.len(), all.len() - 2);
    assert!(by_tester.iter().all(|e| e["actor"] == "tester"));

    // the global --actor filters in this command
    assert_eq!(ids(&audit(&env, &["--actor", "alice"])), alice_all);
    assert_eq!(ids(&audit(&env, &["--actor", "tester"])), ids(&by_tester));
    let r = env.ok(&["--actor", "alice", "audit", "--format", "json"]);
    assert_eq!(ids(r.json().as_array().unwrap()), alice_all);
    // --by wins over --actor
    assert_eq!(ids(&audit(&env, &["--actor", "alice", "--by", "tester"])), ids(&by_tester));
    assert!(audit(&env, &["--by", "nobody"]).is_empty());
    // reading the log wrote nothing
    assert_eq!(audit(&env, &[]).len(), all.len());
}

#[test]
fn audit_filters_by_action_and_action_family() {
    let env = history();
    let all = audit(&env, &[]);
    let status = audit(&env, &["--action", "lead.status"]);
    assert_eq!(status.len(), 2);
    assert!(status.iter().all(|e| e["action"] == "lead.status"));

    let family = audit(&env, &["--action", "lead."]);
    let expected: Vec<i64> = all
        .iter()
        .filter(|e| e["action"].as_str().unwrap().starts_with("lead."))
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids(&family), expected);
    assert_eq!(family.len(), 9, "{:?}", actions(&family));
    assert!(!actions(&family).iter().any(|a| a == "ingest" || a.starts_with("task.")));

    let tasks = audit(&env, &["--action", "task."]);
    assert_eq!(actions(&tasks), ["task.done", "task.add"]);
    // without the dot, an action is matched exactly
    assert!(audit(&env, &["--action", "lead"]).is_empty());
    assert!(audit(&env, &["--action", "lead.stat"]).is_empty());
    // filters combine
    let alice_status = audit(&env, &["--action", "lead.status", "--by", "alice"]);
    assert_eq!(alice_status.len(), 1);
    let id = id_of(&env, EMAIL);
    let lead_family = audit(&env, &["--action", "lead.", "--lead", &id]);
    assert_eq!(lead_family.len(), 7, "{:?}", actions(&lead_family));
}

#[test]
fn audit_filters_by_time() {
    let env = history();
    let all = audit(&env, &[]);
    let pivot = all[all.len() / 2]["at"].as_str().unwrap().to_string();
    let at = |e: &Value| e["at"].as_str().unwrap().to_string();
    let want_since: Vec<i64> =
        all.iter().filter(|e| at(e) >= pivot).map(|e| e["id"].as_i64().unwrap()).collect();
    let want_until: Vec<i64> =
        all.iter().filter(|e| at(e) < pivot).map(|e| e["id"].as_i64().unwrap()).collect();
    assert!(!want_since.is_empty() && !want_until.is_empty());
    assert_eq!(ids(&audit(&env, &["--since", &pivot])), want_since, "--since is inclusive");
    assert_eq!(ids(&audit(&env, &["--until", &pivot])), want_until, "--until is exclusive");
    assert!(audit(&env, &["--since", &pivot, "--until", &pivot]).is_empty());
    assert_eq!(audit(&env, &["--since", "1d"]).len(), all.len());
    assert!(audit(&env, &["--until", "1d"]).is_empty());
    assert!(audit(&env, &["--since", "2999-01-01"]).is_empty());
    assert_eq!(audit(&env, &["--until", "2999-01-01"]).len(), all.len());
    env.run(&["audit", "--since", "yesterday-ish"]).error(2);
    env.run(&["audit", "--until", "nope"]).error(2);
}

#[test]
fn audit_csv_and_table() {
    let env = history();
    let all = audit(&env, &[]);
    let csv = parse_csv(&env.ok(&["audit", "--format", "csv", "--limit", "1000"]).stdout);
    assert_eq!(csv.header, AUDIT_KEYS);
    assert_eq!(csv.rows.len(), all.len());
    for (row, e) in csv.rows.iter().zip(&all) {
        assert_eq!(row["id"], e["id"].to_string());
        assert_eq!(row["action"], e["action"].as_str().unwrap());
        assert_eq!(row["actor"], e["actor"].as_str().unwrap());
        assert_eq!(row["lead_id"], e["lead_id"].as_str().unwrap_or(""));
        for col in ["before", "after", "details"] {
            if e[col].is_null() {
                assert_eq!(row[col], "", "{col} of {e}");
            } else {
                let v: Value = serde_json::from_str(&row[col]).expect("JSON in a CSV column");
                assert_eq!(v, e[col], "{col}");
            }
        }
    }
    let nd = env.ok(&["audit", "--format", "ndjson", "--limit", "1000"]).ndjson();
    assert_eq!(nd, all);
    let table = env.ok(&["audit", "--action", "lead.assign"]).stdout;
    assert!(table.contains("lead.assign") && table.contains("sam"), "{table}");
    let empty = env.ok(&["audit", "--by", "nobody"]);
    assert!(!empty.stdout.contains("lead."), "{}", empty.stdout);
}

#[test]
fn the_audit_log_refuses_update_and_delete() {
    let env = history();
    let conn = env.sql();
    let snapshot = |c: &rusqlite::Connection| -> Vec<(i64, String, String)> {
        let mut st = c.prepare("SELECT id, actor, action FROM audit_log ORDER BY id").unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let before = snapshot(&conn);
    assert_eq!(before.len(), 13);
    for stmt in [
        "UPDATE audit_log SET actor = 'x'",
        "UPDATE audit_log SET before = NULL, after = NULL, details = NULL WHERE id = 1",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE action = 'lead.status'",
    ] {
        let err = conn.execute(stmt, []).expect_err(stmt).to_string();
        assert!(err.contains("append-only"), "{stmt}: {err}");
    }
    // inside an explicit transaction too
    let err = conn
        .execute_batch("BEGIN; UPDATE audit_log SET actor = 'x' WHERE id = 2; COMMIT;")
        .expect_err("update in a transaction");
    assert!(err.to_string().contains("append-only"), "{err}");
    let _ = conn.execute_batch("ROLLBACK;");
    assert_eq!(snapshot(&conn), before);
    drop(conn);
    // leadctl still reads the same log
    assert_eq!(audit(&env, &[]).len(), 13);
}

#[test]
fn the_audit_log_never_holds_full_personal_values() {
    let env = TestEnv::new();
    env.ingest_ok("lead.ndjson", &lead_line());
    let id = id_of(&env, EMAIL);
    let new_email = "qm.renamed-elsewhere@other-domain.example";
    env.ok(&["edit", &id, "--last-name", "Marchbanks-Oduya", "--first-name", "Quenty"]);
    env.ok(&["edit", &id, "--email", new_email, "--phone", "+12025550199"]);
    env.ok(&["edit", &id, "--company", "Vexborough Partners"]);
    env.ok(&["status", &id, "invited", "--note", "Marchbanks-Oduya said yes, call +12025550199"]);
    env.ok(&["note", &id, "Quentella Marchbanks, zyxwv.forgetme@erasure-test.example"]);
    env.ok(&["log", &id, "--kind", "email", "--body", "wrote to qm.renamed-elsewhere"]);
    env.ok(&["task", "add", &id, "Email Quenty Marchbanks-Oduya"]);
    env.ok(&["assign", &id, "sam"]);
    env.ok(&["tag", &id, "--add", "warm"]);
    let conn = env.sql();
    let mut st = conn
        .prepare(
            "SELECT action, coalesce(before, ''), coalesce(after, ''), coalesce(details, '') \
             FROM audit_log ORDER BY id",
        )
        .unwrap();
    let rows: Vec<(String, String, String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(rows.len() >= 10, "{rows:?}");
    let text: String = rows.iter().map(|(a, b, c, d)| format!("{a} {b} {c} {d}\n")).collect();
    for needle in [
        EMAIL,
        LOCAL,
        new_email,
        "qm.renamed-elsewhere",
        SURNAME,
        "Oduya",
        FIRST,
        "Quenty",
        PHONE,
        PHONE_DIGITS,
        "2025550199",
        COMPANY,
        "Vexborough",
        "pergola",
        "said yes",
    ] {
        assert!(!text.contains(needle), "the audit log holds {needle:?}:\n{text}");
    }
    // the values are there, masked: the log is not simply empty
    assert!(text.contains("zy***@erasure-test.example"), "{text}");
    assert!(text.contains("M***"), "{text}");
    assert!(text.contains("lead.edit"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// forget

#[test]
fn forget_off_a_terminal_without_yes_erases_nothing() {
    let env = history();
    let before = env.show(EMAIL);
    let r = env.run(&["forget", EMAIL]);
    r.error(2);
    assert!(r.stderr.contains("--yes"), "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(env.show(EMAIL), before);
    assert_eq!(before["last_name"], SURNAME);
    assert_eq!(before["notes"].as_array().unwrap().len(), 1);
    assert!(audit(&env, &["--action", "lead.forget"]).is_empty());
    // an unknown lead is not found before any question
    env.run(&["forget", "nobody@erasure-test.example", "--yes"]).error(3);
    env.run(&["forget", "nobody@erasure-test.example"]).error(3);
    env.run(&["forget", "abc", "--yes"]).error(2);
}

/// The refusal names a way out that `forget` accepts: every `--flag` the hint suggests is a
/// flag of `forget`.
#[test]
fn forget_refusal_hint_suggests_only_flags_forget_has() {
    let env = history();
    let r = env.run(&["forget", EMAIL]);
    r.error(2);
    let hint = r.stderr.lines().filter(|l| l.starts_with("hint:")).collect::<Vec<_>>().join("\n");
    for word in hint.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        if let Some(flag) = word.strip_prefix("--") {
            let flag = flag.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
            let probe = env.run(&["forget", "nobody@erasure-test.example", &format!("--{flag}")]);
            assert_ne!(
                probe.code, 2,
                "the hint suggests --{flag}, which forget does not accept:\n{}\n{}",
                r.stderr, probe.stderr
            );
        }
    }
}

#[test]
fn forget_erases_the_personal_data_and_keeps_an_anonymous_lead() {
    let env = history();
    let id = id_of(&env, EMAIL);
    let total_before = env.count();
    let invited_before = total(&env, &["--status", "invited"]);
    for q in [SURNAME, EMAIL, FIRST, "vexborough"] {
        assert_eq!(search(&env, q), std::slice::from_ref(&id), "found before: {q}");
    }
    let r = env.ok(&["forget", EMAIL, "--yes", "--format", "json"]);
    let doc = r.json();
    assert_eq!(doc["id"], id.as_str());
    assert_eq!(doc["erased"], true);
    let touched = &doc["touched"];
    assert_eq!(touched["notes"], 1, "{doc}");
    assert_eq!(touched["status_notes"], 1, "{doc}");
    assert_eq!(touched["events"], 1, "{doc}");
    assert_eq!(touched["tasks"], 1, "{doc}");
    assert_eq!(touched["meeting_attendees"], 0, "{doc}");
    assert_eq!(touched["webhook_deliveries"], 0, "{doc}");

    let lead = env.show(&id);
    for field in ["first_name", "last_name", "email", "phone", "phone_raw", "company", "message"] {
        assert_eq!(lead[field], Value::Null, "{field}: {lead}");
    }
    let erased_at = lead["erased_at"].as_str().expect("erased_at is set");
    assert!(erased_at.ends_with('Z'), "{erased_at}");
    // the anonymous record stays
    assert_eq!(lead["status"], "invited");
    assert_eq!(lead["source"], "web");
    assert_eq!(lead["owner"], "sam");
    let mut tags = crate::common::strs(&lead["tags"]);
    tags.sort();
    assert_eq!(tags, ["hot", "vip"]);
    assert_eq!(lead["notes"], json!([]));
    let history = lead["status_history"].as_array().unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0]["to"], "invited");
    assert_eq!(history[0]["note"], Value::Null);
    let events = lead["events"].as_array().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["kind"], "call");
    assert_eq!(events[0]["body"], Value::Null);
    let tasks = env.ok(&["task", "list", "--lead", &id, "--format", "json"]).json();
    let tasks = tasks.as_array().unwrap();
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0]["title"], "(erased)");
    // counts and statistics stay right
    assert_eq!(env.count(), total_before);
    assert_eq!(total(&env, &["--status", "invited"]), invited_before);
    assert!(env.leads().iter().any(|l| l["id"] == id.as_str()));
    // search no longer finds it; the email no longer names it
    for q in [SURNAME, EMAIL, FIRST, "vexborough", LOCAL, "Quen"] {
        assert!(!search(&env, q).contains(&id), "still found by {q:?}");
    }
    assert_eq!(search(&env, CONTROL_SURNAME).len(), 1, "search still works");
    env.run(&["show", EMAIL]).error(3);
    env.run(&["timeline", EMAIL]).error(3);
    // the timeline keeps what happened, without the texts
    let tl = timeline(&env, &id);
    assert_eq!(tl.last().unwrap()["kind"], "forget");
    assert_eq!(tl.last().unwrap()["summary"], "personal data erased");
    let text = serde_json::to_string(&tl).unwrap();
    for needle in ["Quentella", "pergola", "Prefers mornings", SURNAME] {
        assert!(!text.contains(needle), "the timeline still shows {needle:?}: {text}");
    }
    // changing the erased contact fields is refused
    let r = env.run(&["edit", &id, "--first-name", "X"]);
    r.error(4);
    assert_eq!(env.show(&id)["first_name"], Value::Null);
    env.run(&["edit", &id, "--email", EMAIL]).error(4);
    // forgetting it again scrubs it again and says so; nothing comes back
    let again = env.run(&["forget", &id, "--yes", "--format", "json"]);
    again.code(0);
    assert_eq!(again.json()["erased_before"], true, "{}", again.stdout);
    assert!(again.stderr.contains("scrubbed again"), "{}", again.stderr);
    assert_eq!(env.show(&id)["email"], Value::Null);
    // nothing new can be attached to it
    env.run(&["note", &id, "Quentella came back"]).error(4);
    env.run(&["log", &id, "--kind", "call", "--body", "Quentella called"]).error(4);
    env.run(&["task", "add", &id, "Call Quentella"]).error(4);
    assert!(env.show(&id)["notes"].as_array().is_some_and(|n| n.is_empty()));
    // the same person again is a new lead
    let s = env.ingest_ok("back.ndjson", &lead_line());
    assert_eq!((s["created"].as_u64(), s["merged"].as_u64()), (Some(1), Some(0)), "{s}");
    let new_id = id_of(&env, EMAIL);
    assert_ne!(new_id, id);
    assert_eq!(env.show(&new_id)["last_name"], SURNAME);
    assert_eq!(env.show(&new_id)["erased_at"], Value::Null);
    assert_eq!(env.show(&id)["email"], Value::Null, "the erased lead stays erased");
    assert_eq!(env.count(), total_before + 1);
    // the control lead is untouched
    let control = env.show(CONTROL_EMAIL);
    assert_eq!(control["last_name"], CONTROL_SURNAME);
    assert_eq!(control["notes"].as_array().unwrap().len(), 1);
}

#[test]
fn forget_writes_an_audit_entry_without_the_erased_data() {
    let env = history();
    let id = id_of(&env, EMAIL);
    env.ok(&["forget", &id[..24], "--yes"]);
    let entries = audit(&env, &["--action", "lead.forget"]);
    assert_eq!(entries.len(), 1, "{entries:#?}");
    let e = &entries[0];
    assert_eq!(e["lead_id"], id.as_str());
    assert_eq!(e["entity_id"], id.as_str());
    assert_eq!(e["actor"], "tester");
    assert_eq!(e["details"]["notes"], 1, "{e}");
    assert_eq!(audit(&env, &[]).first().unwrap()["action"], "lead.forget");
    assert_eq!(audit(&env, &["--lead", &id])[0]["action"], "lead.forget");
    let stored = [&e["before"], &e["after"], &e["details"]].map(|v| v.to_string()).join(" ");
    let (_, domain) = EMAIL.split_once('@').unwrap();
    for needle in
        [EMAIL, LOCAL, "zy***", "zyx", domain, FIRST, SURNAME, "Q***", "M***", PHONE, PHONE_DIGITS]
    {
        assert!(!stored.contains(needle), "the forget entry holds {needle:?}: {stored}");
    }
    // the erasure is audited under the global --actor too
    let env = history();
    env.ok(&["--actor", "dpo", "forget", EMAIL, "--yes"]);
    let e = audit(&env, &["--by", "dpo"]);
    assert_eq!(actions(&e), ["lead.forget"]);
}

/// The key test: after `forget`, no byte of the lead's personal data is left in the database
/// file or its write-ahead log, neither right after the erasure nor after a VACUUM; the
/// control lead's data is there (so the search can find what it looks for).
#[test]
fn forget_leaves_no_personal_data_anywhere_in_the_database_file() {
    let env = TestEnv::new();
    let line = format!(
        "{}{}\n",
        control_line(),
        json!({"email": EMAIL, "name": format!("{FIRST} {SURNAME}"), "phone": PHONE,
            "company": COMPANY, "message": MESSAGE, "consent_email": "granted",
            "consent_sms": "granted", "source": "web", "tags": ["vip"],
            "ip_hash": "iphash-c0ffee-5eed", "user_agent_hash": "uahash-beefcafe-77"})
    );
    assert_eq!(env.ingest_ok("leads.ndjson", &line)["created"], 2);
    let id = id_of(&env, EMAIL);
    // a repeat submission that merges (rewrites the row) before the erasure
    let again = format!("{}\n", json!({"email": EMAIL, "service": "pergolas"}));
    assert_eq!(env.ingest_ok("again.ndjson", &again)["merged"], 1);
    env.ok(&["status", EMAIL, "invited", "--note", "Statusnote-Larkspur from Marchbanks"]);
    env.ok(&["status", EMAIL, "converted", "--note", "Statusnote-Foxglove signed"]);
    env.ok(&["note", EMAIL, "Notetext-Hawthorn: Quentella prefers mornings"]);
    env.ok(&["note", &id, "Notetext-Bramble second note"]);
    env.ok(&["log", EMAIL, "--kind", "call", "--body", "Eventbody-Sorrel about the pergola"]);
    env.ok(&["task", "add", EMAIL, "Tasktitle-Yarrow ring Quentella", "--due", "3d"]);
    env.ok(&["tag", EMAIL, "--add", "hot,callback"]);
    env.ok(&["assign", EMAIL, "sam"]);
    {
        let conn = env.sql();
        let payload = json!({"event": "invitee.created", "payload": {
            "email": EMAIL, "name": format!("{FIRST} {SURNAME}"),
            "text_reminder_number": PHONE, "questions": [COMPANY]}})
        .to_string();
        conn.execute(
            "INSERT INTO webhook_deliveries (org_id, provider, delivery_key, event_type, \
             received_at, signature_ok, headers, raw_payload) \
             VALUES (1, 'calendly', 'dk-1', 'invitee.created', '2026-11-01T10:00:00.000Z', 1, \
             ?1, CAST(?2 AS BLOB))",
            rusqlite::params![json!({"x-forwarded-for": "203.0.113.9"}).to_string(), payload],
        )
        .unwrap();
        // the email in another case, as a provider may send it
        let shouted = json!({"invitee": {"email": EMAIL.to_uppercase()}}).to_string();
        conn.execute(
            "INSERT INTO webhook_deliveries (org_id, provider, received_at, raw_payload) \
             VALUES (1, 'calendly', '2026-11-01T10:05:00.000Z', CAST(?1 AS BLOB))",
            [shouted],
        )
        .unwrap();
        // the control lead's delivery stays
        let kept = json!({"invitee": {"email": CONTROL_EMAIL}}).to_string();
        conn.execute(
            "INSERT INTO webhook_deliveries (org_id, provider, received_at, raw_payload) \
             VALUES (1, 'calendly', '2026-11-01T11:00:00.000Z', CAST(?1 AS BLOB))",
            [kept],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO meetings (org_id, provider, external_ref, title, starts_at, created_at, \
             updated_at) VALUES (1, 'calendly', 'ev-1', 'Intro call', \
             '2026-12-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z')",
            [],
        )
        .unwrap();
        let meeting = conn.last_insert_rowid();
        let seq: i64 =
            conn.query_row("SELECT seq FROM leads WHERE id = ?1", [&id], |r| r.get(0)).unwrap();
        conn.execute(
            "INSERT INTO meeting_attendees (meeting_id, lead_seq, email, phone, name, role) \
             VALUES (?1, ?2, ?3, ?4, ?5, 'invitee')",
            rusqlite::params![meeting, seq, EMAIL, PHONE, format!("{FIRST} {SURNAME}")],
        )
        .unwrap();
        // an attendee row not linked to the lead, matched by its email
        conn.execute(
            "INSERT INTO meeting_attendees (meeting_id, lead_seq, email, name, role) \
             VALUES (?1, NULL, ?2, ?3, 'guest')",
            rusqlite::params![meeting, EMAIL, format!("{FIRST} {SURNAME}")],
        )
        .unwrap();
    }
    let needles = [
        EMAIL,
        LOCAL,
        "zyxwv",
        "forgetme",
        SURNAME,
        "marchbanks",
        "MARCHBANKS",
        FIRST,
        "quentella",
        PHONE,
        PHONE_DIGITS,
        COMPANY,
        "Vexborough",
        "vexborough",
        MESSAGE,
        "quince hedge",
        "Statusnote-Larkspur",
        "Statusnote-Foxglove",
        "Notetext-Hawthorn",
        "Notetext-Bramble",
        "Eventbody-Sorrel",
        "Tasktitle-Yarrow",
        "iphash-c0ffee-5eed",
        "uahash-beefcafe-77",
        "203.0.113.9",
    ];
    // before: the data is in the files (so the search below can find such things)
    {
        let conn = env.sql();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    }
    let found = found_in_files(&env, &needles);
    for must in [EMAIL, SURNAME, PHONE, COMPANY, MESSAGE, "Notetext-Hawthorn", "Eventbody-Sorrel"] {
        assert!(found.iter().any(|f| f.starts_with(&format!("{must:?}"))), "{must} not found");
    }

    let r = env.ok(&["forget", EMAIL, "--yes", "--format", "json"]);
    let touched = &r.json()["touched"];
    assert_eq!(touched["notes"], 2, "{touched}");
    assert_eq!(touched["status_notes"], 2, "{touched}");
    assert_eq!(touched["meeting_attendees"], 2, "{touched}");
    assert_eq!(touched["webhook_deliveries"], 2, "{touched}");

    // (a) right after the erasure: the file and any write-ahead log
    let found = found_in_files(&env, &needles);
    assert!(found.is_empty(), "personal data left after forget: {found:?}");
    let controls = [CONTROL_EMAIL, CONTROL_SURNAME, "control message stays"];
    let kept = found_in_files(&env, &controls);
    for c in controls {
        assert!(
            kept.iter().any(|f| f.starts_with(&format!("{c:?} in leads.db"))),
            "the control lead's {c:?} is not in the file: {kept:?}"
        );
    }
    // the rows say the same
    {
        let conn = env.sql();
        let attendees: i64 = conn
            .query_row(
                "SELECT count(*) FROM meeting_attendees WHERE email IS NOT NULL \
                 OR phone IS NOT NULL OR name IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(attendees, 0);
        let states: Vec<(String, i64, Option<String>)> = conn
            .prepare(
                "SELECT state, length(raw_payload), headers FROM webhook_deliveries ORDER BY id",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(states[0], ("erased".to_string(), 0, None));
        assert_eq!(states[1], ("erased".to_string(), 0, None));
        assert_eq!(states[2].0, "received", "the control lead's delivery is kept");
        assert!(states[2].1 > 0);
        let meetings: i64 =
            conn.query_row("SELECT count(*) FROM meetings", [], |r| r.get(0)).unwrap();
        assert_eq!(meetings, 1, "the meeting itself stays");
    }

    // (b) after a VACUUM and a checkpoint: still nothing
    {
        let conn = env.sql();
        conn.execute_batch("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    }
    let found = found_in_files(&env, &needles);
    assert!(found.is_empty(), "personal data left after VACUUM: {found:?}");
    let kept = found_in_files(&env, &controls);
    assert_eq!(kept.iter().filter(|f| f.ends_with("in leads.db")).count(), 3, "{kept:?}");
    // and the database is still whole and usable
    let ok: String = env.sql().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    assert_eq!(env.count(), 2);
    assert_eq!(env.show(&id)["status"], "converted");
    assert_eq!(search(&env, CONTROL_SURNAME).len(), 1);
}

/// A provider payload that carries the lead's phone as the provider formats it (Calendly's
/// `text_reminder_number` is "+1 202-555-0143"), without the email, is personal data of the
/// lead too: `forget` promises to empty raw webhook payloads that carry the email or phone.
#[test]
fn forget_empties_webhook_payloads_carrying_the_phone_in_another_format() {
    let env = TestEnv::new();
    env.ingest_ok("lead.ndjson", &lead_line());
    {
        let conn = env.sql();
        let payload = json!({"event": "invitee.created", "payload": {
            "name": format!("{FIRST} {SURNAME}"), "text_reminder_number": "+1 202-555-0143"}})
        .to_string();
        conn.execute(
            "INSERT INTO webhook_deliveries (org_id, provider, received_at, raw_payload) \
             VALUES (1, 'calendly', '2026-11-01T10:00:00.000Z', CAST(?1 AS BLOB))",
            [payload],
        )
        .unwrap();
    }
    let r = env.ok(&["forget", EMAIL, "--yes", "--format", "json"]);
    let left: i64 = env
        .sql()
        .query_row(
            "SELECT count(*) FROM webhook_deliveries \
             WHERE instr(CAST(raw_payload AS TEXT), 'Marchbanks') > 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        left,
        0,
        "a payload with the lead's phone (+1 202-555-0143) and name was kept; forget said {}",
        r.json()["touched"]
    );
}

/// An ingest that names an erased lead by its id (an old export read back) must not put the
/// erased personal data back into it: `forget` says a later ingest of the person makes a new
/// lead, and `edit` refuses to set personal data on an erased lead.
#[test]
fn ingesting_the_id_of_an_erased_lead_does_not_restore_its_data() {
    let env = history();
    let id = id_of(&env, EMAIL);
    env.ok(&["forget", EMAIL, "--yes"]);
    let rec = json!({"id": id, "email": EMAIL, "name": format!("{FIRST} {SURNAME}"),
        "phone": PHONE, "company": COMPANY});
    let r = env.ingest_file("export.ndjson", &format!("{rec}\n"), &[]);
    assert!(r.code == 0 || r.code == 4, "code {}: {}", r.code, r.stderr);
    let lead = env.show(&id);
    assert!(lead["erased_at"].is_string(), "{lead}");
    for field in ["first_name", "last_name", "email", "phone", "company"] {
        assert_eq!(
            lead[field],
            Value::Null,
            "ingest wrote {field} back into the erased lead {id} (summary: {})",
            r.stdout
        );
    }
    assert!(!search(&env, SURNAME).contains(&id), "the erased lead is searchable again");
}

/// When the erased lead was the only lead of the search index, a later ingest naming it by id
/// fails with "the database is corrupt" (exit 5), although the database is fine.
#[test]
fn ingesting_the_id_of_the_only_erased_lead_is_not_reported_as_corruption() {
    let env = TestEnv::new();
    env.ingest_ok("lead.ndjson", &lead_line());
    let id = id_of(&env, EMAIL);
    env.ok(&["forget", EMAIL, "--yes"]);
    let rec = json!({"id": id, "email": EMAIL});
    let r = env.ingest_file("export.ndjson", &format!("{rec}\n"), &[]);
    let conn = env.sql();
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    conn.execute("INSERT INTO leads_fts (leads_fts, rank) VALUES ('integrity-check', 1)", [])
        .expect("the search index is consistent");
    drop(conn);
    assert!(
        !r.stderr.contains("corrupt") && r.code != 5 && r.code != 1,
        "ingest of {rec} after forget: exit {}\n{}",
        r.code,
        r.stderr
    );
    assert_eq!(env.show(&id)["email"], Value::Null);
}

/// Erasing a lead of one organisation leaves the other organisations' data alone, even when
/// the same person is a lead there too (meetings and webhook deliveries included).
#[test]
fn forget_is_scoped_to_the_organisation() {
    let env = TestEnv::new();
    env.ingest_ok("lead.ndjson", &lead_line());
    let path = env.write("acme.ndjson", &lead_line());
    env.ok(&["--org", "acme", "ingest", "--file", path.to_str().unwrap()]);
    let acme_id = env.ok(&["--org", "acme", "show", EMAIL, "--format", "json"]).json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    env.ok(&["--org", "acme", "note", EMAIL, "acme's own note"]);
    {
        let conn = env.sql();
        let acme: i64 = conn
            .query_row("SELECT id FROM organisations WHERE slug = 'acme'", [], |r| r.get(0))
            .unwrap();
        let seq: i64 = conn
            .query_row("SELECT seq FROM leads WHERE id = ?1", [&acme_id], |r| r.get(0))
            .unwrap();
        conn.execute(
            "INSERT INTO webhook_deliveries (org_id, provider, received_at, raw_payload)              VALUES (?1, 'calendly', '2026-11-01T10:00:00.000Z', CAST(?2 AS BLOB))",
            rusqlite::params![acme, json!({"email": EMAIL}).to_string()],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO meetings (org_id, provider, external_ref, created_at, updated_at)              VALUES (?1, 'calendly', 'acme-1', '2026-11-01T10:00:00.000Z',              '2026-11-01T10:00:00.000Z')",
            [acme],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO meeting_attendees (meeting_id, lead_seq, email, phone, name)              VALUES (?1, ?2, ?3, ?4, 'Quentella Marchbanks')",
            rusqlite::params![conn.last_insert_rowid(), seq, EMAIL, PHONE],
        )
        .unwrap();
    }
    let r = env.ok(&["forget", EMAIL, "--yes", "--format", "json"]);
    let acme_lead = env.ok(&["--org", "acme", "show", EMAIL, "--format", "json"]).json();
    assert_eq!(acme_lead["id"], acme_id.as_str());
    assert_eq!(acme_lead["last_name"], SURNAME);
    assert_eq!(acme_lead["notes"].as_array().unwrap().len(), 1);
    let conn = env.sql();
    let payload: i64 = conn
        .query_row("SELECT length(raw_payload) FROM webhook_deliveries", [], |r| r.get(0))
        .unwrap();
    assert!(payload > 0, "acme's webhook delivery was emptied");
    let (email, name): (Option<String>, Option<String>) = conn
        .query_row("SELECT email, name FROM meeting_attendees", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!(
        (email.as_deref(), name.as_deref()),
        (Some(EMAIL), Some("Quentella Marchbanks")),
        "forget in 'default' erased an attendee of acme's meeting; forget said {}",
        r.json()["touched"]
    );
    // and acme's audit log does not show default's erasure
    let acme_audit = env.ok(&["--org", "acme", "audit", "--format", "json"]).json();
    assert!(!acme_audit.to_string().contains("lead.forget"), "{acme_audit}");
}
