//! Lead operations: `status`, `tag` / `tags`, `note`, `edit`, `assign`, `log` / `events` and
//! `task`; the bulk form (filters, confirmation, `--yes`, `--dry-run`), all-or-nothing changes,
//! the counters behind `list` and `tags`, and the audit entry each change writes.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::common::{Run, TestEnv, keys, sorted, strs, template_db};

const NOW: &str = "2026-11-22T12:00:00Z";
const NOW_STORED: &str = "2026-11-22T12:00:00.000Z";

const ANN: &str = "aaaa1111-0000-4000-8000-000000000001";
const BOB: &str = "aaaa2222-0000-4000-8000-000000000002";
const CAROL: &str = "bbbb3333-0000-4000-8000-000000000003";
const DAN: &str = "cccc4444-0000-4000-8000-000000000004";
const EVE: &str = "dddd5555-0000-4000-8000-000000000005";

const STATUSES: [&str; 5] = ["new", "waitlist", "invited", "converted", "lost"];

/// Five leads with known ids (ANN and BOB share the prefix `aaaa`), statuses, tags, owners and
/// creation times (built once, copied per test).
///
/// | lead  | status   | tags      | owner           | created    | contact          |
/// |-------|----------|-----------|-----------------|------------|------------------|
/// | ANN   | new      | vip, beta |                 | 2026-11-20 | email and phone  |
/// | BOB   | invited  | vip       | ops@example.com | 2026-11-01 | email            |
/// | CAROL | new      |           |                 | 2026-10-01 | email            |
/// | DAN   | waitlist | beta      |                 | 2026-11-21 | email            |
/// | EVE   | lost     |           |                 | 2026-09-01 | phone only       |
fn fixture() -> TestEnv {
    static DB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TestEnv::with_db(template_db(&DB, build_fixture))
}

fn build_fixture(env: &TestEnv) {
    let leads = [
        json!({"id": ANN, "first_name": "Ann", "last_name": "Lee", "email": "ann@example.com",
            "phone": "+44 20 7946 0958", "company": "Acme", "tags": ["vip", "beta"],
            "status": "new", "created_at": "2026-11-20T10:00:00Z"}),
        json!({"id": BOB, "first_name": "Bob", "last_name": "Stone", "email": "bob@example.com",
            "tags": ["vip"], "status": "invited", "owner": "ops@example.com",
            "created_at": "2026-11-01T10:00:00Z"}),
        json!({"id": CAROL, "first_name": "Carol", "last_name": "King",
            "email": "carol@example.org", "status": "new", "created_at": "2026-10-01T10:00:00Z"}),
        json!({"id": DAN, "first_name": "Dan", "last_name": "Annex", "email": "dan@example.net",
            "tags": ["beta"], "status": "waitlist", "created_at": "2026-11-21T10:00:00Z",
            "last_contacted_at": "2026-11-21T00:00:00Z"}),
        json!({"id": EVE, "first_name": "Eve", "phone": "+1 555 987 6543", "status": "lost",
            "created_at": "2026-09-01T10:00:00Z"}),
    ];
    let text: String = leads.iter().map(|l| format!("{l}\n")).collect();
    let s = env.ingest_ok("fixture.ndjson", &text);
    assert_eq!(s["created"], 5);
}

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

/// Every row of the tables lead operations write, as text: equal snapshots mean nothing
/// changed.
fn snapshot(env: &TestEnv) -> Vec<String> {
    let conn = env.sql();
    let mut out = Vec::new();
    for table in [
        "leads",
        "lead_tags",
        "tags",
        "lead_counts",
        "status_history",
        "notes",
        "message_events",
        "tasks",
        "audit_log",
    ] {
        let mut st = conn.prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2")).unwrap();
        let n = st.column_count();
        let rows = st
            .query_map([], |r| {
                let mut cells = Vec::with_capacity(n);
                for i in 0..n {
                    cells.push(format!("{:?}", r.get::<_, rusqlite::types::Value>(i)?));
                }
                Ok(format!("{table}: {}", cells.join(" | ")))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

/// Asserts that a failed (or dry) run left the database exactly as `before`.
fn assert_unchanged(env: &TestEnv, before: &[String], what: &str) {
    let after = snapshot(env);
    if after != before {
        let gone: Vec<&String> = before.iter().filter(|r| !after.contains(r)).collect();
        let new: Vec<&String> = after.iter().filter(|r| !before.contains(r)).collect();
        panic!("{what} changed the database\nrows gone: {gone:#?}\nrows new: {new:#?}");
    }
}

/// The status of a lead, from `show`.
fn status_of(env: &TestEnv, key: &str) -> String {
    env.show(key)["status"].as_str().unwrap().to_string()
}

/// Leads per status from `list --status X --format json` (its total, and its items), checked
/// against `SELECT count(*)`.
fn status_counts(env: &TestEnv) -> BTreeMap<String, u64> {
    let conn = env.sql();
    let mut out = BTreeMap::new();
    for s in STATUSES {
        let doc = ok(env, &["list", "--status", s, "--format", "json", "--limit", "1000"]).json();
        let total = doc["total"].as_u64().unwrap();
        let items = doc["items"].as_array().unwrap();
        assert_eq!(items.len() as u64, total, "list --status {s}: total vs items");
        assert!(items.iter().all(|l| l["status"] == s), "list --status {s}: {doc}");
        let n: i64 = conn
            .query_row("SELECT count(*) FROM leads WHERE status = ?1", [s], |r| r.get(0))
            .unwrap();
        assert_eq!(total, n as u64, "list --status {s} total vs SELECT count(*)");
        out.insert(s.to_string(), total);
    }
    let all = ok(env, &["list", "--format", "json", "--limit", "1"]).json()["total"].as_u64();
    assert_eq!(all, Some(out.values().sum::<u64>()), "the totals per status add up");
    out
}

fn counts(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
    let mut m: BTreeMap<String, u64> = STATUSES.iter().map(|s| (s.to_string(), 0)).collect();
    for (s, n) in pairs {
        m.insert(s.to_string(), *n);
    }
    m
}

/// `tags --format json` as name -> leads, checked against `lead_tags`.
fn tag_counts(env: &TestEnv) -> BTreeMap<String, u64> {
    let doc = ok(env, &["tags", "--format", "json"]).json();
    let conn = env.sql();
    let mut out = BTreeMap::new();
    for t in doc.as_array().unwrap_or_else(|| panic!("tags: not an array: {doc}")) {
        assert_eq!(keys(t), sorted(&["leads", "name"]), "{t}");
        let name = t["name"].as_str().unwrap().to_string();
        let n = t["leads"].as_u64().unwrap();
        let real: i64 = conn
            .query_row(
                "SELECT count(*) FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id \
                 WHERE t.name = ?1",
                [&name],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, real as u64, "tags: the count of {name} vs lead_tags");
        out.insert(name, n);
    }
    out
}

fn tagmap(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

/// The ids in a bulk report's `leads`, sorted.
fn report_ids(doc: &Value) -> Vec<String> {
    let mut ids: Vec<String> = doc["leads"]
        .as_array()
        .unwrap_or_else(|| panic!("no leads array: {doc}"))
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

/// The audit entries written after entry `after_id`: (action, actor, lead_id).
fn audit_since(env: &TestEnv, after_id: i64) -> Vec<(String, String, Option<String>)> {
    let conn = env.sql();
    let mut st = conn
        .prepare("SELECT action, actor, lead_id FROM audit_log WHERE id > ?1 ORDER BY id")
        .unwrap();
    st.query_map([after_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn last_audit_id(env: &TestEnv) -> i64 {
    env.sql().query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| r.get(0)).unwrap()
}

fn entry(action: &str, lead: Option<&str>) -> (String, String, Option<String>) {
    (action.to_string(), "tester".to_string(), lead.map(str::to_string))
}

/// Every audit entry as one text (before, after and details), for "never holds X" checks.
fn audit_text(env: &TestEnv) -> String {
    let conn = env.sql();
    let mut st = conn
        .prepare(
            "SELECT coalesce(before, '') || ' ' || coalesce(after, '') || ' ' || \
             coalesce(details, '') FROM audit_log",
        )
        .unwrap();
    let rows: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    rows.join("\n")
}

fn count(env: &TestEnv, sql_text: &str) -> i64 {
    env.sql().query_row(sql_text, [], |r| r.get(0)).unwrap()
}

// ---------------------------------------------------------------------------------------------
// status

#[test]
fn status_moves_leads_and_keeps_history_and_counters() {
    let env = fixture();
    assert_eq!(
        status_counts(&env),
        counts(&[("new", 2), ("invited", 1), ("waitlist", 1), ("lost", 1)])
    );
    let r = ok(&env, &["status", "aaaa1111", "invited", "--note", "  called, keen  "]);
    assert!(r.stderr.contains("Moved 1 lead to invited."), "{}", r.stderr);
    assert_eq!(r.stdout, "", "no data on stdout without --format json");
    assert_eq!(status_of(&env, ANN), "invited");
    assert_eq!(
        status_counts(&env),
        counts(&[("new", 1), ("invited", 2), ("waitlist", 1), ("lost", 1)])
    );

    // by email (any case) and by full id, in one command
    let r = ok(&env, &["status", "ANN@example.com", CAROL, "lost", "--format", "json"]);
    assert!(r.stderr.contains("Moved 2 leads to lost."), "{}", r.stderr);
    let doc = r.json();
    assert_eq!(doc["matched"], 2);
    assert_eq!(doc["changed"], 2);
    assert_eq!(doc["dry_run"], false);
    assert_eq!(doc["status"], "lost");
    assert_eq!(report_ids(&doc), sorted(&[ANN, CAROL]));
    let carol = doc["leads"].as_array().unwrap().iter().find(|l| l["id"] == CAROL).unwrap();
    assert_eq!(carol, &json!({"id": CAROL, "from": "new", "to": "lost"}));
    assert_eq!(status_of(&env, CAROL), "lost");
    assert_eq!(status_counts(&env), counts(&[("invited", 1), ("waitlist", 1), ("lost", 3)]));

    let history = env.show(ANN)["status_history"].clone();
    let history = history.as_array().unwrap();
    assert_eq!(history.len(), 2, "{history:?}");
    assert_eq!(history[0]["from"], "new");
    assert_eq!(history[0]["to"], "invited");
    assert_eq!(history[0]["actor"], "tester");
    assert_eq!(history[0]["note"], "called, keen", "the note is trimmed");
    assert_eq!(history[0]["changed_at"], NOW_STORED);
    assert_eq!(history[1]["from"], "invited");
    assert_eq!(history[1]["to"], "lost");
    assert_eq!(history[1]["actor"], "tester");
    assert_eq!(history[1]["note"], Value::Null);
    assert_eq!(env.show(BOB)["status_history"], json!([]), "BOB was not touched");
    assert_eq!(env.show(ANN)["updated_at"], NOW_STORED);
}

#[test]
fn status_reports_leads_already_in_that_status_and_leaves_them_alone() {
    let env = fixture();
    let before_audit = last_audit_id(&env);
    let r = ok(&env, &["status", ANN, CAROL, "new", "--format", "json"]);
    assert!(r.stderr.contains("Moved 0 leads to new (2 leads already new)."), "{}", r.stderr);
    let doc = r.json();
    assert_eq!((doc["matched"].as_u64(), doc["changed"].as_u64()), (Some(2), Some(0)));
    assert_eq!(doc["leads"], json!([]));
    assert_eq!(count(&env, "SELECT count(*) FROM status_history"), 0);
    assert_eq!(audit_since(&env, before_audit), vec![], "no change, no audit entry");

    let r = ok(&env, &["status", ANN, BOB, "INVITED"]);
    assert!(r.stderr.contains("Moved 1 lead to invited (1 lead already invited)."), "{}", r.stderr);
    assert_eq!(
        status_counts(&env),
        counts(&[("new", 1), ("invited", 2), ("waitlist", 1), ("lost", 1)])
    );
    assert_eq!(audit_since(&env, before_audit), vec![entry("lead.status", Some(ANN))]);

    // the same lead named twice (prefix and email) changes once
    let r = ok(&env, &["status", "cccc4444", "dan@example.net", "converted", "--format", "json"]);
    assert_eq!(r.json()["matched"], 1);
    assert_eq!(r.json()["changed"], 1);
    assert_eq!(env.show(DAN)["status_history"].as_array().unwrap().len(), 1);
    assert_eq!(status_counts(&env)["converted"], 1);
}

#[test]
fn status_usage_errors_and_unknown_leads_change_nothing() {
    let env = fixture();
    let before = snapshot(&env);
    let r = run(&env, &["status", ANN, "hot"]);
    r.error(2);
    assert!(r.stderr.contains("unknown status 'hot'"), "{}", r.stderr);
    // no status and no terminal to choose one on
    for args in [
        &["status", ANN][..],
        &["status", "aaaa1111", "aaaa2222"],
        &["status", "ann@example.com"],
        &["status", "--where-status", "new", "--yes"],
    ] {
        let r = run(&env, args);
        r.error(2);
        assert!(r.stderr.contains("no status given"), "{args:?}: {}", r.stderr);
    }
    // ambiguous prefix: a usage error naming both leads
    let r = run(&env, &["status", "aaaa", "invited"]);
    r.error(2);
    assert!(r.stderr.contains(ANN) && r.stderr.contains(BOB), "{}", r.stderr);
    run(&env, &["status", "aaa", "invited"]).error(2);
    // unknown leads
    for key in ["ffff9999", "nobody@example.com", "99999999-9999-4999-8999-999999999999"] {
        let r = run(&env, &["status", key, "invited"]);
        r.error(3);
        assert!(r.stderr.contains("no lead matches"), "{}", r.stderr);
    }
    run(&env, &["status", ANN, "invited", "--note", "   "]).error(2);
    run(&env, &["status", "invited"]).error(2);
    assert_unchanged(&env, &before, "failed status commands");
}

#[test]
fn changes_are_all_or_nothing() {
    let env = fixture();
    let before = snapshot(&env);
    for (args, code) in [
        (&["status", ANN, "ffff9999", "invited"][..], 3),
        (&["status", "ffff9999", ANN, "invited"], 3),
        (&["status", ANN, "aaaa", "invited"], 2),
        (&["status", ANN, CAROL, "aaa", "invited"], 2),
        (&["tag", ANN, "nobody@example.com", "--add", "x"], 3),
        (&["tag", "bbbb3333", "eeee0000", "--add", "x", "--remove", "vip"], 3),
        (&["assign", ANN, "ffff9999", "sam@example.com"], 3),
        (&["assign", BOB, "ffff9999", "--unassign"], 3),
        (&["--org", "nosuch", "status", ANN, "invited"], 3),
    ] {
        run(&env, args).error(code);
        assert_unchanged(&env, &before, &format!("{args:?}"));
    }
    assert_eq!(status_of(&env, ANN), "new");
}

// ---------------------------------------------------------------------------------------------
// the bulk form

#[test]
fn bulk_form_refuses_without_yes_when_not_on_a_terminal() {
    let env = fixture();
    let before = snapshot(&env);
    for args in [
        &["status", "--where-status", "new", "invited"][..],
        &["tag", "--where-tag", "vip", "--add", "x"],
        &["assign", "--all", "sam@example.com"],
        &["assign", "--where-owner", "ops@example.com", "--unassign"],
    ] {
        let r = run(&env, args);
        r.error(2);
        assert!(r.stderr.contains("without confirmation"), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("--yes"), "{args:?}: the hint names --yes: {}", r.stderr);
        assert_unchanged(&env, &before, &format!("{args:?}"));
    }
}

#[test]
fn bulk_status_with_yes_changes_every_matching_lead() {
    let env = fixture();
    let before_audit = last_audit_id(&env);
    let r = ok(&env, &["status", "--where-status", "new", "invited", "--yes"]);
    assert!(r.stderr.contains("Moved 2 leads to invited."), "{}", r.stderr);
    assert_eq!(status_of(&env, ANN), "invited");
    assert_eq!(status_of(&env, CAROL), "invited");
    assert_eq!(status_counts(&env), counts(&[("invited", 3), ("waitlist", 1), ("lost", 1)]));
    let mut audited = audit_since(&env, before_audit);
    audited.sort();
    assert_eq!(audited, vec![entry("lead.status", Some(ANN)), entry("lead.status", Some(CAROL))]);

    // --all: the ones already there are counted, not changed
    let r = ok(&env, &["status", "--all", "invited", "-y", "--format", "json"]);
    assert!(
        r.stderr.contains("Moved 2 leads to invited (3 leads already invited)."),
        "{}",
        r.stderr
    );
    let doc = r.json();
    assert_eq!(doc["matched"], 5);
    assert_eq!(doc["changed"], 2);
    assert_eq!(report_ids(&doc), sorted(&[DAN, EVE]));
    assert_eq!(status_counts(&env), counts(&[("invited", 5)]));
}

#[test]
fn bulk_filters_select_the_same_leads_as_list() {
    let env = fixture();
    let before = snapshot(&env);
    // nobody is converted, so a dry run to converted lists exactly the matching leads
    let cases: &[(&[&str], &[&str])] = &[
        (&["--where-status", "new"], &[ANN, CAROL]),
        (&["--where-status", "waitlist", "--where-status", "lost"], &[DAN, EVE]),
        (&["--where-tag", "vip"], &[ANN, BOB]),
        (&["--where-tag", "VIP", "--where-tag", "beta"], &[ANN]),
        (&["--where-tag", "nosuchtag"], &[]),
        (&["--search", "ann"], &[ANN, DAN]),
        (&["--search", "example.org"], &[CAROL]),
        (&["--search", "5559876"], &[EVE]),
        (&["--search", "an"], &[ANN, DAN]),
        (&["--where-source", "website"], &[]),
        (&["--since", "2026-11-15"], &[ANN, DAN]),
        (&["--since", "7d"], &[ANN, DAN]),
        (&["--until", "2026-10-01"], &[CAROL, EVE]),
        (&["--since", "2026-10-01", "--until", "2026-11-19"], &[BOB, CAROL]),
        (&["--since", "2026-10-01", "--until", "2026-11-20"], &[ANN, BOB, CAROL]),
        (&["--where-owner", "ops@example.com"], &[BOB]),
        (&["--where-status", "new", "--search", "king"], &[CAROL]),
        (&["--all"], &[ANN, BOB, CAROL, DAN, EVE]),
    ];
    for (filters, expected) in cases {
        let mut args = vec!["status", "converted", "--dry-run", "--format", "json"];
        args.extend_from_slice(filters);
        let doc = ok(&env, &args).json();
        assert_eq!(report_ids(&doc), sorted(expected), "{filters:?}");
        assert_eq!(doc["matched"], expected.len(), "{filters:?}");
        assert_eq!(doc["dry_run"], true);
        // list agrees
        let mut list_args = vec!["list", "--format", "json", "--limit", "100"];
        for f in filters.iter() {
            list_args.push(match *f {
                "--where-status" => "--status",
                "--where-tag" => "--tag",
                "--where-owner" => "--owner",
                "--where-source" => "--source",
                "--all" => continue,
                other => other,
            });
        }
        let listed = ok(&env, &list_args).json();
        let mut ids: Vec<String> = listed["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        assert_eq!(ids, sorted(expected), "list {list_args:?}");
    }
    assert_unchanged(&env, &before, "dry runs");
}

#[test]
fn bulk_dry_run_changes_nothing_and_lists_what_would_change() {
    let env = fixture();
    let before = snapshot(&env);
    let r = ok(&env, &["status", "--where-tag", "vip", "lost", "--dry-run", "--format", "json"]);
    assert!(r.stderr.contains("Would move 2 leads to lost."), "{}", r.stderr);
    let doc = r.json();
    assert_eq!(keys(&doc), sorted(&["matched", "changed", "dry_run", "status", "leads"]));
    assert_eq!((doc["matched"].as_u64(), doc["changed"].as_u64()), (Some(2), Some(2)));
    assert_eq!(doc["dry_run"], true);
    let bob = doc["leads"].as_array().unwrap().iter().find(|l| l["id"] == BOB).unwrap();
    assert_eq!(bob, &json!({"id": BOB, "from": "invited", "to": "lost"}));

    let r =
        ok(&env, &["tag", "--where-tag", "beta", "--add", "Fresh", "--remove", "vip", "--dry-run"]);
    assert!(r.stderr.contains("Would change the tags of 2 leads."), "{}", r.stderr);
    assert!(r.stdout.contains(&format!("{ANN}  +fresh -vip")), "{}", r.stdout);
    assert!(r.stdout.contains(&format!("{DAN}  +fresh")), "{}", r.stdout);
    let doc = ok(
        &env,
        &[
            "tag",
            "--where-tag",
            "beta",
            "--add",
            "fresh",
            "--remove",
            "vip",
            "--dry-run",
            "--format",
            "json",
        ],
    )
    .json();
    assert_eq!(keys(&doc), sorted(&["matched", "changed", "dry_run", "add", "remove", "leads"]));
    assert_eq!(doc["add"], json!(["fresh"]));
    assert_eq!(doc["remove"], json!(["vip"]));
    assert_eq!(doc["dry_run"], true);
    let ann = doc["leads"].as_array().unwrap().iter().find(|l| l["id"] == ANN).unwrap();
    assert_eq!(ann, &json!({"id": ANN, "added": ["fresh"], "removed": ["vip"]}));
    assert!(!tag_counts(&env).contains_key("fresh"), "a dry run creates no tag");

    let r = ok(
        &env,
        &["assign", "--since", "2026-11-01", "sam@example.com", "--dry-run", "--format", "json"],
    );
    assert!(r.stderr.contains("Would assign 3 leads to sam@example.com."), "{}", r.stderr);
    let doc = r.json();
    assert_eq!(keys(&doc), sorted(&["matched", "changed", "dry_run", "owner", "leads"]));
    assert_eq!(doc["owner"], "sam@example.com");
    assert_eq!(report_ids(&doc), sorted(&[ANN, BOB, DAN]));

    // a dry run by ids too
    let doc = ok(&env, &["status", ANN, EVE, "new", "--dry-run", "--format", "json"]).json();
    assert_eq!((doc["matched"].as_u64(), doc["changed"].as_u64()), (Some(2), Some(1)));
    assert_eq!(report_ids(&doc), sorted(&[EVE]));
    assert_unchanged(&env, &before, "dry runs");
}

#[test]
fn bulk_form_needs_ids_or_filters_but_not_both() {
    let env = fixture();
    let before = snapshot(&env);
    for args in [
        &["status", ANN, "invited", "--where-status", "new"][..],
        &["status", ANN, "invited", "--all", "--yes"],
        &["tag", ANN, "--add", "x", "--where-tag", "vip", "--yes"],
        &["tag", ANN, "--add", "x", "--search", "ann"],
        &["assign", ANN, "sam@example.com", "--since", "7d", "--yes"],
        &["assign", ANN, "--unassign", "--all", "--yes"],
    ] {
        let r = run(&env, args);
        r.error(2);
        assert!(r.stderr.contains("not both"), "{args:?}: {}", r.stderr);
    }
    for args in [
        &["status", "invited"][..],
        &["status", "invited", "--yes"],
        &["tag", "--add", "x", "--yes"],
        &["assign", "sam@example.com", "--yes"],
        &["assign", "--unassign", "--yes"],
    ] {
        let r = run(&env, args);
        r.error(2);
        assert!(r.stderr.contains("no leads named"), "{args:?}: {}", r.stderr);
    }
    assert_unchanged(&env, &before, "bulk usage errors");
}

/// A blank `--search` is no filter for `list`; for a change it must not silently become
/// `--all`: a script running `leadctl status --search "$NAME" lost --yes` with an empty NAME
/// would otherwise move every lead.
#[test]
fn blank_search_in_the_bulk_form_does_not_select_every_lead() {
    let env = fixture();
    let before = snapshot(&env);
    for args in [
        &["status", "--search", "  ", "lost", "--yes"][..],
        &["tag", "--search", "", "--add", "oops", "--yes"],
        &["assign", "--search", " ", "sam@example.com", "--yes"],
    ] {
        let r = run(&env, args);
        assert!(r.code == 0 || r.code == 2, "{args:?}: exit {}\n{}", r.code, r.stderr);
        assert_unchanged(&env, &before, &format!("{args:?}"));
    }
}

// ---------------------------------------------------------------------------------------------
// tags

#[test]
fn tag_adds_and_removes_normalised_tags_and_keeps_counts() {
    let env = fixture();
    assert_eq!(tag_counts(&env), tagmap(&[("vip", 2), ("beta", 2)]));
    let r = ok(&env, &["tag", ANN, "--add", " VIP ,Hot", "--add", "hot", "--remove", "BETA"]);
    assert!(r.stderr.contains("Changed the tags of 1 lead."), "{}", r.stderr);
    assert_eq!(strs(&env.show(ANN)["tags"]), ["hot", "vip"]);
    assert_eq!(tag_counts(&env), tagmap(&[("vip", 2), ("beta", 1), ("hot", 1)]));

    let doc =
        ok(&env, &["tag", "carol@example.org", BOB, "--add", "hot", "--format", "json"]).json();
    assert_eq!(doc["add"], json!(["hot"]));
    assert_eq!(doc["remove"], json!([]));
    assert_eq!((doc["matched"].as_u64(), doc["changed"].as_u64()), (Some(2), Some(2)));
    assert_eq!(tag_counts(&env), tagmap(&[("vip", 2), ("beta", 1), ("hot", 3)]));

    // nothing to do for a lead that already has it / never had it
    let r = ok(&env, &["tag", ANN, "--add", "hot", "--remove", "nosuch", "--format", "json"]);
    assert_eq!(r.json()["changed"], 0);
    assert!(r.stderr.contains("(1 lead already as asked)"), "{}", r.stderr);
    assert!(!tag_counts(&env).contains_key("nosuch"), "removing creates no tag");

    // a tag no lead carries stays with 0
    ok(&env, &["tag", DAN, "--remove", "beta"]);
    assert_eq!(tag_counts(&env), tagmap(&[("vip", 2), ("beta", 0), ("hot", 3)]));
    let doc = ok(&env, &["tags", "--format", "json"]).json();
    let names: Vec<&str> =
        doc.as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["hot", "vip", "beta"], "most used first");
    // list --tag agrees with the counts
    assert_eq!(env.leads_with(&["--tag", "hot"]).len(), 3);
    assert_eq!(
        ok(&env, &["list", "--tag", "hot", "--format", "json"]).json()["total"],
        3,
        "list total from the counter"
    );
}

#[test]
fn bulk_tag_changes_counts_for_every_matching_lead() {
    let env = fixture();
    let r =
        ok(&env, &["tag", "--where-status", "new", "--add", "cold", "--remove", "beta", "--yes"]);
    assert!(r.stderr.contains("Changed the tags of 2 leads."), "{}", r.stderr);
    assert_eq!(strs(&env.show(ANN)["tags"]), ["cold", "vip"]);
    assert_eq!(strs(&env.show(CAROL)["tags"]), ["cold"]);
    assert_eq!(tag_counts(&env), tagmap(&[("vip", 2), ("beta", 1), ("cold", 2)]));

    let r =
        ok(&env, &["tag", "--where-tag", "vip", "--remove", "vip", "--yes", "--format", "json"]);
    assert_eq!(report_ids(&r.json()), sorted(&[ANN, BOB]));
    assert_eq!(tag_counts(&env), tagmap(&[("vip", 0), ("beta", 1), ("cold", 2)]));
    assert_eq!(env.leads_with(&["--tag", "vip"]).len(), 0);
    assert_eq!(ok(&env, &["list", "--tag", "vip", "--format", "json"]).json()["total"], 0);

    let r = ok(&env, &["tag", "--all", "--add", "all", "-y"]);
    assert!(r.stderr.contains("Changed the tags of 5 leads."), "{}", r.stderr);
    assert_eq!(tag_counts(&env)["all"], 5);
}

#[test]
fn tag_usage_errors_change_nothing() {
    let env = fixture();
    let before = snapshot(&env);
    for (args, says) in [
        (&["tag", ANN, "--add", "a b"][..], "--add"),
        (&["tag", ANN, "--add", "vip!"], "--add"),
        (&["tag", ANN, "--remove", "x;y"], "--remove"),
        (&["tag", ANN, "--add", ""], "empty"),
        (&["tag", ANN, "--add", "x", "--remove", " X "], "both added and removed"),
        (&["tag", ANN, "--add", "ok,Keep", "--remove", "keep"], "both added and removed"),
        (&["tag", ANN], "nothing to do"),
    ] {
        let r = run(&env, args);
        r.error(2);
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
    }
    assert_unchanged(&env, &before, "tag usage errors");
}

// ---------------------------------------------------------------------------------------------
// notes

#[test]
fn notes_from_the_argument_and_stdin_are_listed_with_their_author() {
    let env = fixture();
    // the real clock here, as for the stdin note below, so that they keep their order
    let r = env.ok(&["note", "aaaa1111", "  Called, wants a quote  ", "--format", "json"]);
    let doc = r.json();
    assert_eq!(doc["lead"], ANN);
    assert_eq!(doc["author"], "tester");
    assert!(doc["created_at"].as_str().unwrap().ends_with('Z'), "{doc}");
    assert!(doc["note_id"].as_i64().is_some(), "{doc}");
    assert!(r.stderr.contains(&format!("Added a note to {ANN}.")), "{}", r.stderr);

    let r = env.run_stdin(&["note", "ann@example.com", "-"], "line one\r\nline two\n\n");
    r.code(0);
    let notes = env.show(ANN)["notes"].clone();
    let notes = notes.as_array().unwrap();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert_eq!(notes[0]["body"], "Called, wants a quote");
    assert_eq!(notes[0]["created_at"], doc["created_at"]);
    assert_eq!(notes[0]["id"], doc["note_id"]);
    assert_eq!(notes[0]["author"], "tester");
    assert_eq!(notes[1]["body"], "line one\nline two");
    assert_eq!(notes[1]["author"], "tester");
    assert_eq!(env.show(BOB)["notes"], json!([]));
    // --actor names the author
    ok(&env, &["--actor", "sam", "note", BOB, "Met at the fair"]);
    assert_eq!(env.show(BOB)["notes"][0]["author"], "sam");
}

#[test]
fn empty_notes_are_refused_and_nothing_is_stored() {
    let env = fixture();
    let before = snapshot(&env);
    for text in ["", "   ", " \n\t\n "] {
        let r = run(&env, &["note", ANN, text]);
        r.error(2);
        assert!(r.stderr.contains("empty"), "{text:?}: {}", r.stderr);
    }
    for input in ["", "  \n\n"] {
        env.run_stdin(&["note", ANN, "-"], input).error(2);
    }
    // no text, no terminal: nothing to edit in
    run(&env, &["note", ANN]).error(2);
    run(&env, &["note", "ffff9999", "text"]).error(3);
    run(&env, &["note", "aaaa", "text"]).error(2);
    run(&env, &["note", ANN, "bell\u{7}"]).error(2);
    assert_unchanged(&env, &before, "refused notes");
    assert_eq!(count(&env, "SELECT count(*) FROM notes"), 0);
}

#[cfg(unix)]
fn write_script(env: &TestEnv, name: &str, body: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    let p = env.write(name, body);
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    p.to_str().unwrap().to_string()
}

#[cfg(unix)]
#[test]
fn note_edit_takes_the_text_from_editor() {
    let env = fixture();
    let editor = write_script(
        &env,
        "editor.sh",
        "#!/bin/sh\nprintf 'from the editor\\n# a comment line is dropped\\nsecond line\\n' > \"$1\"\n",
    );
    let r = env.run_env(&["note", CAROL, "--edit", "--format", "json"], &[("EDITOR", &editor)]);
    r.code(0);
    assert_eq!(r.json()["lead"], CAROL);
    let notes = env.show(CAROL)["notes"].clone();
    assert_eq!(notes.as_array().unwrap().len(), 1, "{notes}");
    assert_eq!(notes[0]["body"], "from the editor\nsecond line");
    assert_eq!(notes[0]["author"], "tester");

    // an editor that leaves the file as it was adds nothing
    let before = snapshot(&env);
    let noop = write_script(&env, "noop.sh", "#!/bin/sh\nexit 0\n");
    env.run_env(&["note", CAROL, "--edit"], &[("EDITOR", &noop)]).error(2);
    // an editor that writes only comments adds nothing either
    let comments = write_script(&env, "comments.sh", "#!/bin/sh\nprintf '# only\\n\\n' > \"$1\"\n");
    env.run_env(&["note", CAROL, "--edit"], &[("EDITOR", &comments)]).error(2);
    // text and --edit together is a usage error
    env.run_env(&["note", CAROL, "text", "--edit"], &[("EDITOR", &editor)]).code(2);
    assert_unchanged(&env, &before, "editor runs that wrote no note");
}

// ---------------------------------------------------------------------------------------------
// edit

#[test]
fn edit_normalises_like_ingest_and_masks_the_audit_entry() {
    let env = fixture();
    let before_audit = last_audit_id(&env);
    let r = ok(
        &env,
        &[
            "edit",
            "carol@example.org",
            "--email",
            " Caroline.King@EXAMPLE.ORG ",
            "--phone",
            "020 7946 0959",
            "--default-region",
            "GB",
            "--first-name",
            "  Caroline   Anne ",
            "--company",
            "Kingdom Ltd",
            "--format",
            "json",
        ],
    );
    let doc = r.json();
    assert_eq!(doc["id"], CAROL);
    assert_eq!(
        sorted(&strs(&doc["changed"]).iter().map(String::as_str).collect::<Vec<_>>()),
        sorted(&["first_name", "email", "phone", "company"])
    );
    assert_eq!(doc["warnings"], json!([]));
    let carol = env.show(CAROL);
    assert_eq!(carol["email"], "Caroline.King@example.org", "the domain is lowercased");
    assert_eq!(carol["phone"], "+442079460959", "E.164 from a GB national number");
    assert_eq!(carol["phone_raw"], Value::Null);
    assert_eq!(carol["first_name"], "Caroline Anne", "whitespace collapsed");
    assert_eq!(carol["last_name"], "King", "untouched");
    assert_eq!(carol["company"], "Kingdom Ltd");
    assert_eq!(carol["updated_at"], NOW_STORED);
    // the new email names the lead
    assert_eq!(env.show("caroline.king@example.org")["id"], CAROL);
    run(&env, &["show", "carol@example.org"]).error(3);

    // the audit entry holds masked values only
    let conn = env.sql();
    let (action, actor, lead, before, after): (String, String, String, String, String) = conn
        .query_row(
            "SELECT action, actor, lead_id, before, after FROM audit_log WHERE id > ?1",
            [before_audit],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!((action.as_str(), actor.as_str(), lead.as_str()), ("lead.edit", "tester", CAROL));
    let before: Value = serde_json::from_str(&before).unwrap();
    let after: Value = serde_json::from_str(&after).unwrap();
    assert_eq!(
        before,
        json!({"first_name": "C***", "email": "ca***@example.org", "phone": null,
            "company": null})
    );
    assert_eq!(
        after,
        json!({"first_name": "C***", "email": "Ca***@example.org", "phone": "+44***59",
            "company": "K***"})
    );
    let text = audit_text(&env);
    for secret in ["Caroline", "caroline", "Anne", "Kingdom", "7946", "carol@"] {
        assert!(!text.contains(secret), "the audit log holds {secret:?}:\n{text}");
    }
}

#[test]
fn edit_keeps_the_search_index_in_step() {
    let env = fixture();
    let search = |q: &str| -> (u64, Vec<String>) {
        let doc = ok(&env, &["list", "-q", q, "--format", "json", "--limit", "100"]).json();
        let ids = doc["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["id"].as_str().unwrap().to_string())
            .collect();
        (doc["total"].as_u64().unwrap(), ids)
    };
    assert_eq!(search("ann lee"), (1, vec![ANN.to_string()]));
    ok(&env, &["edit", ANN, "--name", "Zoe Quill", "--email", "zq@quill.example"]);
    assert_eq!(search("zoe quill"), (1, vec![ANN.to_string()]));
    assert_eq!(search("quill.example"), (1, vec![ANN.to_string()]));
    assert_eq!(search("ann lee"), (0, vec![]));
    assert_eq!(search("ann@example"), (0, vec![]));
    assert_eq!(search("acme"), (1, vec![ANN.to_string()]), "the company was not changed");
    // "ann" still finds Dan Annex, no longer Ann
    assert_eq!(search("ann"), (1, vec![DAN.to_string()]));
    ok(&env, &["edit", ANN, "--company", ""]);
    assert_eq!(search("acme"), (0, vec![]));
    assert_eq!(env.show(ANN)["company"], Value::Null);
    ok(&env, &["edit", CAROL, "--phone", "+1 212 555 0199"]);
    assert_eq!(search("2125550199"), (1, vec![CAROL.to_string()]));
    // the bulk form searches the same index
    let doc =
        ok(&env, &["status", "--search", "quill", "lost", "--dry-run", "--format", "json"]).json();
    assert_eq!(report_ids(&doc), vec![ANN.to_string()]);
    let doc = ok(&env, &["status", "--search", "ann lee", "lost", "--dry-run", "--format", "json"])
        .json();
    assert_eq!(doc["matched"], 0);
    // the index is consistent with the table (FTS5 integrity check)
    env.sql()
        .execute_batch("INSERT INTO leads_fts (leads_fts) VALUES ('integrity-check')")
        .expect("the search index matches the leads");
}

#[test]
fn edit_refuses_an_email_another_lead_has() {
    let env = fixture();
    let before = snapshot(&env);
    for email in ["bob@example.com", "BOB@Example.COM", " bob@example.com "] {
        let r = run(&env, &["edit", ANN, "--email", email, "--first-name", "Changed"]);
        r.error(4);
        assert!(r.stderr.contains(BOB), "the hint names the other lead: {}", r.stderr);
    }
    assert_unchanged(&env, &before, "a refused email");
    // its own email, in another case, is fine
    let r = ok(&env, &["edit", ANN, "--email", "ann@EXAMPLE.com", "--format", "json"]);
    assert_eq!(r.json()["changed"], json!([]));
    assert!(r.stderr.contains("Nothing changed"), "{}", r.stderr);
    assert_unchanged(&env, &before, "an edit to the same values");
}

#[test]
fn edit_keeps_an_email_or_a_phone() {
    let env = fixture();
    let before = snapshot(&env);
    let r = run(&env, &["edit", ANN, "--email", "", "--phone", ""]);
    r.error(4);
    assert!(r.stderr.contains("neither"), "{}", r.stderr);
    run(&env, &["edit", EVE, "--phone", ""]).error(4);
    run(&env, &["edit", CAROL, "--email", ""]).error(4);
    // an unparseable phone does not identify a lead without email
    run(&env, &["edit", EVE, "--phone", "ask for Eve"]).error(4);
    run(&env, &["edit", ANN, "--email", "not-an-email"]).error(4);
    run(&env, &["edit", ANN, "--email", "ann@localhost"]).error(4);
    run(&env, &["edit", ANN, "--first-name", &"x".repeat(101)]).error(4);
    run(&env, &["edit", ANN]).error(2);
    run(&env, &["edit", ANN, "--name", "A B", "--first-name", "C"]).code(2);
    run(&env, &["edit", ANN, "--phone", "020 7946 0000", "--default-region", "XX"]).error(2);
    run(&env, &["edit", "ffff9999", "--company", "X"]).error(3);
    assert_unchanged(&env, &before, "refused edits");

    // removing one of the two is fine
    ok(&env, &["edit", ANN, "--phone", ""]);
    let ann = env.show(ANN);
    assert_eq!(
        (ann["phone"].clone(), ann["email"].clone()),
        (Value::Null, json!("ann@example.com"))
    );
    ok(&env, &["edit", EVE, "--email", "eve@example.com"]);
    ok(&env, &["edit", EVE, "--phone", ""]);
    assert_eq!(env.show("eve@example.com")["phone"], Value::Null);
}

#[test]
fn edit_keeps_an_unparseable_phone_as_raw_text_with_a_warning() {
    let env = fixture();
    let r = ok(&env, &["edit", CAROL, "--phone", "ask for Carol", "--format", "json"]);
    assert!(
        r.stderr.lines().any(|l| l.starts_with("warning:") && l.contains("kept as raw text")),
        "{}",
        r.stderr
    );
    let doc = r.json();
    assert_eq!(doc["warnings"].as_array().map(Vec::len), Some(1), "{doc}");
    let carol = env.show(CAROL);
    assert_eq!(carol["phone"], Value::Null);
    assert_eq!(carol["phone_raw"], "ask for Carol");
    // a valid number later replaces the raw text
    ok(&env, &["edit", CAROL, "--phone", "+44 20 7946 0123"]);
    let carol = env.show(CAROL);
    assert_eq!(carol["phone"], "+442079460123");
    assert_eq!(carol["phone_raw"], Value::Null);
}

// ---------------------------------------------------------------------------------------------
// assign

#[test]
fn assign_sets_and_clears_owners() {
    let env = fixture();
    let owners = |owner: &str| -> Vec<String> {
        let mut ids: Vec<String> = env
            .leads_with(&["--owner", owner])
            .iter()
            .map(|l| l["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(owners("ops@example.com"), [BOB]);
    let r = ok(&env, &["assign", ANN, "carol@example.org", " Sam@Example.COM "]);
    assert!(r.stderr.contains("Assigned 2 leads to Sam@example.com."), "{}", r.stderr);
    assert_eq!(owners("Sam@example.com"), sorted(&[ANN, CAROL]));
    assert_eq!(env.show(ANN)["owner"], "Sam@example.com");

    let doc = ok(&env, &["assign", ANN, BOB, "  Pat   Doe ", "--format", "json"]).json();
    assert_eq!(doc["owner"], "Pat Doe");
    assert_eq!(report_ids(&doc), sorted(&[ANN, BOB]));
    assert_eq!(owners("Pat Doe"), sorted(&[ANN, BOB]));
    assert_eq!(owners("ops@example.com"), Vec::<String>::new());
    assert_eq!(owners("Sam@example.com"), [CAROL]);

    let r = ok(&env, &["assign", ANN, CAROL, "--unassign"]);
    assert!(r.stderr.contains("Cleared the owner of 2 leads."), "{}", r.stderr);
    assert_eq!(env.show(ANN)["owner"], Value::Null);
    assert_eq!(owners("Sam@example.com"), Vec::<String>::new());
    let r = ok(&env, &["assign", ANN, "--unassign"]);
    assert!(r.stderr.contains("(1 lead already so)"), "{}", r.stderr);

    // bulk
    let r = ok(
        &env,
        &["assign", "--where-status", "new", "--where-status", "lost", "ops@example.com", "--yes"],
    );
    assert!(r.stderr.contains("Assigned 3 leads to ops@example.com."), "{}", r.stderr);
    assert_eq!(owners("ops@example.com"), sorted(&[ANN, CAROL, EVE]));
    let r = ok(&env, &["assign", "--where-owner", "ops@example.com", "--unassign", "--yes"]);
    assert!(r.stderr.contains("Cleared the owner of 3 leads."), "{}", r.stderr);
    assert_eq!(owners("ops@example.com"), Vec::<String>::new());

    // the audit entries keep before and after
    let conn = env.sql();
    let (before, after): (String, String) = conn
        .query_row(
            "SELECT before, after FROM audit_log WHERE action = 'lead.assign' AND lead_id = ?1 \
             ORDER BY id LIMIT 1",
            [BOB],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&before).unwrap(),
        json!({"owner": "ops@example.com"})
    );
    assert_eq!(serde_json::from_str::<Value>(&after).unwrap(), json!({"owner": "Pat Doe"}));
}

#[test]
fn assign_validates_the_owner() {
    let env = fixture();
    let before = snapshot(&env);
    for owner in ["not@valid", "a@@b.com", "", "   ", "@example.com"] {
        let r = run(&env, &["assign", ANN, owner]);
        r.error(2);
        assert!(r.stderr.contains("owner"), "{owner:?}: {}", r.stderr);
    }
    run(&env, &["assign", ANN, &"x".repeat(101)]).error(2);
    run(&env, &["assign"]).error(2);
    // one word only: it is the owner, so no lead is named
    run(&env, &["assign", ANN]).error(2);
    assert_unchanged(&env, &before, "refused owners");
}

// ---------------------------------------------------------------------------------------------
// log and events

#[test]
fn log_records_events_newest_first_and_moves_last_contacted_forward() {
    let env = fixture();
    let r = ok(
        &env,
        &[
            "log",
            ANN,
            "--kind",
            "call",
            "--body",
            "Left a voicemail",
            "--at",
            "2h",
            "--format",
            "json",
        ],
    );
    let doc = r.json();
    assert_eq!(doc["lead"], ANN);
    assert_eq!(doc["kind"], "call");
    assert_eq!(doc["occurred_at"], "2026-11-22T10:00:00.000Z");
    assert_eq!(env.show(ANN)["last_contacted_at"], "2026-11-22T10:00:00.000Z");
    ok(&env, &["log", "ann@example.com", "--kind", "email", "--body", "  Sent the quote "]);
    assert_eq!(env.show(ANN)["last_contacted_at"], NOW_STORED);
    // an older interaction does not move it back
    ok(&env, &["log", ANN, "--kind", "meeting", "--body", "Kickoff", "--at", "2026-11-01"]);
    ok(
        &env,
        &["log", ANN, "--kind", "call", "--body", "First call", "--at", "2026-10-30T09:00:00Z"],
    );
    assert_eq!(env.show(ANN)["last_contacted_at"], NOW_STORED);

    let events = ok(&env, &["events", ANN, "--format", "json"]).json();
    let events = events.as_array().unwrap();
    let seen: Vec<(&str, &str, &str)> = events
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap(),
                e["body"].as_str().unwrap(),
                e["occurred_at"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("email", "Sent the quote", NOW_STORED),
            ("call", "Left a voicemail", "2026-11-22T10:00:00.000Z"),
            ("meeting", "Kickoff", "2026-11-01T00:00:00.000Z"),
            ("call", "First call", "2026-10-30T09:00:00.000Z"),
        ]
    );
    assert!(events.iter().all(|e| e["actor"] == "tester"), "{events:?}");
    assert_eq!(events[0]["channel"], "email");
    assert_eq!(events[1]["channel"], "phone");

    let calls = ok(&env, &["events", ANN, "--kind", "call", "--format", "json"]).json();
    let bodies: Vec<&str> =
        calls.as_array().unwrap().iter().map(|e| e["body"].as_str().unwrap()).collect();
    assert_eq!(bodies, ["Left a voicemail", "First call"]);
    let two = ok(&env, &["events", ANN, "--limit", "2", "--format", "json"]).json();
    let bodies: Vec<&str> =
        two.as_array().unwrap().iter().map(|e| e["body"].as_str().unwrap()).collect();
    assert_eq!(bodies, ["Sent the quote", "Left a voicemail"]);
    let one =
        ok(&env, &["events", ANN, "--kind", "call", "--limit", "1", "--format", "json"]).json();
    assert_eq!(one.as_array().unwrap().len(), 1);
    assert_eq!(one[0]["body"], "Left a voicemail");
    assert_eq!(ok(&env, &["events", BOB, "--format", "json"]).json(), json!([]));
    // show lists them too
    assert_eq!(env.show(ANN)["events"].as_array().unwrap().len(), 4);

    // DAN was last contacted 2026-11-21 (from the ingest): an older log keeps it
    ok(&env, &["log", DAN, "--kind", "sms", "--body", "Reminder", "--at", "2026-11-10"]);
    assert_eq!(env.show(DAN)["last_contacted_at"], "2026-11-21T00:00:00.000Z");
    ok(&env, &["log", DAN, "--kind", "other", "--body", "Met", "--at", "12h"]);
    assert_eq!(env.show(DAN)["last_contacted_at"], "2026-11-22T00:00:00.000Z");
}

#[test]
fn log_usage_errors_store_nothing() {
    let env = fixture();
    let before = snapshot(&env);
    for args in [
        &["log", ANN, "--kind", "call", "--body", "x", "--at", "2026-11-23"][..],
        &["log", ANN, "--kind", "call", "--body", "x", "--at", "2026-11-22T13:00:00Z"],
        &["log", ANN, "--kind", "call", "--body", "x", "--at", "soon"],
        &["log", ANN, "--kind", "fax", "--body", "x"],
        &["log", ANN, "--kind", "call", "--body", "   "],
        &["log", ANN, "--kind", "call"],
        &["log", ANN, "--body", "x"],
    ] {
        run(&env, args).error(2);
    }
    let r = run(&env, &["log", ANN, "--kind", "call", "--body", "x", "--at", "2027-01-01"]);
    assert!(r.stderr.contains("future"), "{}", r.stderr);
    run(&env, &["log", "ffff9999", "--kind", "call", "--body", "x"]).error(3);
    run(&env, &["events", "ffff9999"]).error(3);
    run(&env, &["events", ANN, "--kind", "fax"]).error(2);
    assert_unchanged(&env, &before, "refused logs");
}

// ---------------------------------------------------------------------------------------------
// tasks

/// Adds a task with the clock pinned; returns its id.
fn add_task(env: &TestEnv, args: &[&str]) -> i64 {
    let mut all = vec!["task", "add"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    ok(env, &all).json()["id"].as_i64().unwrap()
}

/// `task list --format json` plus `args`, with the clock pinned.
fn tasks(env: &TestEnv, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["task", "list", "--format", "json"];
    all.extend_from_slice(args);
    ok(env, &all).json().as_array().unwrap().clone()
}

fn titles(list: &[Value]) -> Vec<String> {
    list.iter().map(|t| t["title"].as_str().unwrap().to_string()).collect()
}

#[test]
fn tasks_are_added_listed_and_filtered() {
    let env = fixture();
    let call = add_task(&env, &[ANN, "Call back", "--due", "2026-12-01"]);
    let r = ok(&env, &["task", "add", BOB, "Send contract", "--due", "2026-11-20"]);
    assert!(r.stderr.contains("overdue"), "a task due in the past warns: {}", r.stderr);
    assert!(r.stderr.contains("Added task #"), "{}", r.stderr);
    let later = add_task(&env, &["carol@example.org", "Someday", "--owner", " Pat  Doe "]);
    let soon =
        add_task(&env, &["aaaa1111", "Quick check", "--due", "2h", "--owner", "Sam@Example.COM"]);

    let all = tasks(&env, &[]);
    assert_eq!(titles(&all), ["Send contract", "Quick check", "Call back", "Someday"]);
    for t in &all {
        assert_eq!(
            keys(t),
            sorted(&[
                "id",
                "title",
                "lead_id",
                "due_at",
                "owner",
                "done_at",
                "overdue",
                "created_by",
                "created_at"
            ])
        );
        assert_eq!(t["created_by"], "tester");
        assert_eq!(t["created_at"], NOW_STORED);
        assert_eq!(t["done_at"], Value::Null);
    }
    let by_id = |id: i64| all.iter().find(|t| t["id"] == id).unwrap().clone();
    let c = by_id(call);
    assert_eq!(c["lead_id"], ANN);
    assert_eq!(c["due_at"], "2026-12-01T23:59:59.999Z", "a date is due by the end of that day");
    assert_eq!(c["owner"], Value::Null);
    assert_eq!(c["overdue"], false);
    let contract = &all[0];
    assert_eq!(contract["lead_id"], BOB);
    assert_eq!(contract["owner"], "ops@example.com", "the owner defaults to the lead's");
    assert_eq!(contract["overdue"], true);
    assert_eq!(by_id(later)["owner"], "Pat Doe");
    assert_eq!(by_id(later)["due_at"], Value::Null);
    assert_eq!(by_id(later)["overdue"], false);
    assert_eq!(by_id(soon)["due_at"], "2026-11-22T14:00:00.000Z");
    assert_eq!(by_id(soon)["owner"], "Sam@example.com");

    assert_eq!(titles(&tasks(&env, &["--overdue"])), ["Send contract"]);
    assert_eq!(titles(&tasks(&env, &["--open"])).len(), 4);
    assert_eq!(titles(&tasks(&env, &["--owner", "ops@example.com"])), ["Send contract"]);
    assert_eq!(titles(&tasks(&env, &["--owner", "Pat Doe"])), ["Someday"]);
    assert_eq!(titles(&tasks(&env, &["--lead", "aaaa1111"])), ["Quick check", "Call back"]);
    assert_eq!(titles(&tasks(&env, &["--lead", "bob@example.com"])), ["Send contract"]);
    assert_eq!(titles(&tasks(&env, &["--lead", DAN])), Vec::<String>::new());
    assert_eq!(
        titles(&tasks(&env, &["--due-before", "2026-11-25"])),
        ["Send contract", "Quick check"]
    );
    assert_eq!(titles(&tasks(&env, &["--due-before", "1d"])), ["Send contract", "Quick check"]);
    assert_eq!(titles(&tasks(&env, &["--due-before", "1h"])), ["Send contract"]);
    assert_eq!(titles(&tasks(&env, &["--limit", "2"])), ["Send contract", "Quick check"]);

    // the same list a day later: more is overdue
    let r = env.run_env(
        &["task", "list", "--overdue", "--format", "json"],
        &[("LEADCTL_NOW", "2026-12-02T00:00:00Z")],
    );
    r.code(0);
    assert_eq!(titles(r.json().as_array().unwrap()), ["Send contract", "Quick check", "Call back"]);
}

/// `--due-before DATE` must treat the tasks due on that date alike: a task due "2026-12-01"
/// (stored as the end of that day) and one due at 09:00 that day are either both before
/// 2026-12-01 or both not.
#[test]
fn task_due_before_a_date_treats_that_day_alike() {
    let env = fixture();
    add_task(&env, &[ANN, "Morning", "--due", "2026-12-01T09:00:00Z"]);
    add_task(&env, &[ANN, "That day", "--due", "2026-12-01"]);
    add_task(&env, &[ANN, "Day before", "--due", "2026-11-30"]);
    let listed = titles(&tasks(&env, &["--due-before", "2026-12-01"]));
    assert!(listed.contains(&"Day before".to_string()), "{listed:?}");
    assert_eq!(
        listed.contains(&"Morning".to_string()),
        listed.contains(&"That day".to_string()),
        "--due-before 2026-12-01 lists {listed:?}"
    );
}

#[test]
fn tasks_are_done_and_reopened() {
    let env = fixture();
    let id = add_task(&env, &[BOB, "Send contract", "--due", "2026-11-20"]);
    let other = add_task(&env, &[ANN, "Call back", "--due", "2026-12-01"]);
    let before_audit = last_audit_id(&env);
    let n = id.to_string();
    let r = ok(&env, &["task", "done", &n, "--format", "json"]);
    assert_eq!(r.json(), json!({"id": id, "state": "done", "changed": true}));
    assert!(r.stderr.contains(&format!("Task #{id} is done.")), "{}", r.stderr);
    let t = tasks(&env, &[]).into_iter().find(|t| t["id"] == id).unwrap();
    assert_eq!(t["done_at"], NOW_STORED);
    assert_eq!(t["overdue"], false, "a done task is not overdue");
    assert_eq!(titles(&tasks(&env, &["--open"])), ["Call back"]);
    assert_eq!(titles(&tasks(&env, &["--overdue"])), Vec::<String>::new());
    assert_eq!(titles(&tasks(&env, &[])), ["Call back", "Send contract"], "done ones last");

    let hash = format!("#{id}");
    let r = ok(&env, &["task", "done", &hash, "--format", "json"]);
    assert_eq!(r.json()["changed"], false);
    assert!(r.stderr.contains("was already done"), "{}", r.stderr);

    let r = ok(&env, &["task", "reopen", &hash]);
    assert!(r.stderr.contains(&format!("Task #{id} is open again.")), "{}", r.stderr);
    let t = tasks(&env, &[]).into_iter().find(|t| t["id"] == id).unwrap();
    assert_eq!(t["done_at"], Value::Null);
    assert_eq!(t["overdue"], true);
    let r = ok(&env, &["task", "reopen", &n, "--format", "json"]);
    assert_eq!(r.json()["changed"], false);

    assert_eq!(
        audit_since(&env, before_audit),
        vec![entry("task.done", Some(BOB)), entry("task.reopen", Some(BOB))],
        "only real changes are audited"
    );
    let untouched = tasks(&env, &[]).into_iter().find(|t| t["id"] == other).unwrap();
    assert_eq!(untouched["done_at"], Value::Null, "the other task stays open");

    let before = snapshot(&env);
    for t in ["999", "#999", "0"] {
        let r = run(&env, &["task", "done", t]);
        r.error(3);
        assert!(r.stderr.contains("no task #"), "{}", r.stderr);
    }
    run(&env, &["task", "reopen", "999"]).error(3);
    run(&env, &["task", "done", "abc"]).error(2);
    run(&env, &["task", "done", "#"]).error(2);
    // tasks belong to an organisation
    run(&env, &["--org", "acme", "task", "done", &n]).error(3);
    assert_unchanged(&env, &before, "unknown tasks");
}

#[test]
fn task_usage_errors_add_nothing() {
    let env = fixture();
    let before = snapshot(&env);
    for due in ["tomorrow", "2026-13-01", "2026-02-30", "-3d", "12/01/2026", ""] {
        let flag = format!("--due={due}");
        let r = run(&env, &["task", "add", ANN, "Call", &flag]);
        r.error(2);
        assert!(r.stderr.contains("--due"), "{due}: {}", r.stderr);
    }
    run(&env, &["task", "add", ANN, "   "]).error(2);
    run(&env, &["task", "add", ANN, "two\nlines"]).error(2);
    run(&env, &["task", "add", ANN, "Call", "--owner", "not@valid"]).error(2);
    run(&env, &["task", "add", "ffff9999", "Call"]).error(3);
    run(&env, &["task", "add", "aaaa", "Call"]).error(2);
    run(&env, &["task", "list", "--due-before", "soon"]).error(2);
    run(&env, &["task", "list", "--lead", "ffff9999"]).error(3);
    assert_unchanged(&env, &before, "refused tasks");
    assert_eq!(count(&env, "SELECT count(*) FROM tasks"), 0);
}

// ---------------------------------------------------------------------------------------------
// the audit log

#[test]
fn every_change_writes_one_audit_entry_by_the_actor() {
    let env = fixture();
    let start = last_audit_id(&env);
    ok(&env, &["status", ANN, "invited", "--note", "secret status note"]);
    ok(&env, &["tag", ANN, "--add", "hot"]);
    ok(&env, &["note", ANN, "secret note text"]);
    ok(&env, &["edit", ANN, "--company", "Secret Company"]);
    ok(&env, &["assign", ANN, "sam@example.com"]);
    ok(&env, &["log", ANN, "--kind", "call", "--body", "secret call body"]);
    let id = add_task(&env, &[ANN, "secret task title"]);
    ok(&env, &["task", "done", &id.to_string()]);
    ok(&env, &["task", "reopen", &id.to_string()]);
    // runs that change nothing write nothing
    ok(&env, &["status", ANN, "invited"]);
    ok(&env, &["tag", ANN, "--add", "hot"]);
    ok(&env, &["assign", ANN, "sam@example.com"]);
    ok(&env, &["edit", ANN, "--company", "Secret Company"]);
    ok(&env, &["status", "--all", "lost", "--dry-run"]);
    run(&env, &["note", ANN, ""]).error(2);

    assert_eq!(
        audit_since(&env, start),
        [
            "lead.status",
            "lead.tag",
            "lead.note",
            "lead.edit",
            "lead.assign",
            "lead.log",
            "task.add",
            "task.done",
            "task.reopen"
        ]
        .iter()
        .map(|a| entry(a, Some(ANN)))
        .collect::<Vec<_>>()
    );
    let conn = env.sql();
    let mut st = conn
        .prepare(
            "SELECT at, org_id, entity_type, entity_id FROM audit_log WHERE id > ?1 ORDER BY id",
        )
        .unwrap();
    type Row = (String, Option<i64>, Option<String>, Option<String>);
    let rows: Vec<Row> = st
        .query_map([start], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (i, (at, org, entity, entity_id)) in rows.iter().enumerate() {
        assert_eq!(at, NOW_STORED);
        assert!(org.is_some(), "entry {i} has no organisation");
        let expected = if i >= 6 { ("task", id.to_string()) } else { ("lead", ANN.to_string()) };
        assert_eq!((entity.as_deref(), entity_id.clone()), (Some(expected.0), Some(expected.1)));
    }
    let text = audit_text(&env);
    for secret in ["secret", "Secret"] {
        assert!(!text.contains(secret), "the audit log holds free text:\n{text}");
    }
    // an --actor flag is who the entries name
    let start = last_audit_id(&env);
    ok(&env, &["--actor", "sam", "status", BOB, "lost"]);
    assert_eq!(
        audit_since(&env, start),
        vec![("lead.status".into(), "sam".into(), Some(BOB.into()))]
    );
    assert_eq!(env.show(BOB)["status_history"][0]["actor"], "sam");
}
