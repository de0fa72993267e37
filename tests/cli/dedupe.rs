//! Deduplication and merging: request ids, emails (case-insensitive), phones (E.164), the merge
//! rules (fill empty fields, unite tags, keep status, append consent, never re-grant a
//! withdrawal) and --dry-run.

use serde_json::{Value, json};

use crate::common::{TestEnv, ndjson_lines, strs};

#[test]
fn same_request_id_again_is_a_duplicate_that_changes_nothing() {
    let env = TestEnv::new();
    let first = env.ok(&["ingest", "--email", "ann@example.com", "--request-id", "req-1"]);
    let id = first.stdout.trim().to_string();
    let before = env.show(&id);
    // Same request id, more data, even another email: nothing changes.
    let r = env.ok(&[
        "ingest",
        "--format",
        "json",
        "--email",
        "other@example.com",
        "--company",
        "Filled?",
        "--tag",
        "new-tag",
        "--consent-email",
        "granted",
        "--request-id",
        "req-1",
    ]);
    let s = r.json();
    assert_eq!(s["duplicates"], 1);
    assert_eq!(s["created"], 0);
    assert_eq!(s["merged"], 0);
    assert_eq!(s["outcome"], "duplicate");
    assert_eq!(s["id"], id.as_str());
    assert_eq!(env.count(), 1);
    let after = env.show(&id);
    assert_eq!(after, before, "a duplicate must not change the lead");
    assert_eq!(after["company"], Value::Null);
    assert_eq!(after["consent"]["email"], Value::Null);
    assert!(strs(&after["tags"]).is_empty());
}

#[test]
fn same_request_id_twice_in_one_file() {
    let env = TestEnv::new();
    let text = "{\"email\":\"a@example.com\",\"meta\":{\"request_id\":\"r-1\"}}\n\
                {\"email\":\"a@example.com\",\"company\":\"Late\",\"meta\":{\"request_id\":\"r-1\"}}\n\
                {\"email\":\"b@example.com\",\"request_id\":\"r-2\"}\n\
                {\"email\":\"b@example.com\",\"request_id\":\"r-2\"}\n";
    let s = env.ingest_ok("r.ndjson", text);
    assert_eq!(s["total"], 4);
    assert_eq!(s["created"], 2);
    assert_eq!(s["duplicates"], 2);
    assert_eq!(s["merged"], 0);
    assert_eq!(env.count(), 2);
    assert_eq!(env.show("a@example.com")["company"], Value::Null);
    // and again: everything is a duplicate
    let s = env.ingest_ok("r2.ndjson", text);
    assert_eq!(s["duplicates"], 4);
    assert_eq!(env.count(), 2);
}

#[test]
fn same_email_any_case_merges_fill_empty_keep_non_empty_unite_tags_keep_status() {
    let env = TestEnv::new();
    let id = env
        .ok(&[
            "ingest",
            "--email",
            "Ann.Lee@example.com",
            "--first-name",
            "Ann",
            "--company",
            "Lee Design",
            "--tag",
            "vip",
            "--status",
            "invited",
            "--source",
            "website",
        ])
        .stdout
        .trim()
        .to_string();
    let s = env
        .ok(&[
            "ingest",
            "--format",
            "json",
            "--email",
            "ANN.LEE@EXAMPLE.COM",
            "--first-name",
            "Annie",
            "--last-name",
            "Lee",
            "--company",
            "Other Corp",
            "--phone",
            "+1 555 123 4567",
            "--service",
            "Logo",
            "--utm-campaign",
            "spring",
            "--source",
            "referral",
            "--tag",
            "returning",
            "--tag",
            "VIP",
            "--status",
            "lost",
        ])
        .json();
    assert_eq!(s["outcome"], "merged");
    assert_eq!(s["id"], id.as_str());
    assert_eq!(env.count(), 1);
    let lead = env.show(&id);
    assert_eq!(lead["email"], "Ann.Lee@example.com", "the stored email is kept");
    assert_eq!(lead["first_name"], "Ann", "non-empty fields are kept");
    assert_eq!(lead["company"], "Lee Design");
    assert_eq!(lead["source"], "website");
    assert_eq!(lead["last_name"], "Lee", "empty fields are filled");
    assert_eq!(lead["phone"], "+15551234567");
    assert_eq!(lead["service"], "Logo");
    assert_eq!(lead["utm_campaign"], "spring");
    assert_eq!(strs(&lead["tags"]), vec!["returning", "vip"], "tags are united");
    assert_eq!(lead["status"], "invited", "a merge never changes the status");
}

#[test]
fn merge_within_one_file_and_across_formats() {
    let env = TestEnv::new();
    let csv = "email,first_name,tags\nmix@example.com,Mix,a\nMIX@example.com,,b\n";
    let s = env.ingest_ok("m.csv", csv);
    assert_eq!(s["created"], 1);
    assert_eq!(s["merged"], 1);
    let s = env.ingest_ok(
        "m.ndjson",
        "{\"email\":\"Mix@Example.com\",\"tags\":[\"c\"],\"company\":\"M Co\"}\n",
    );
    assert_eq!(s["merged"], 1);
    let lead = env.show("mix@example.com");
    assert_eq!(strs(&lead["tags"]), vec!["a", "b", "c"]);
    assert_eq!(lead["company"], "M Co");
    assert_eq!(lead["first_name"], "Mix");
    assert_eq!(env.count(), 1);
}

#[test]
fn merge_appends_consent_history() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "c@example.com", "--consent-email", "granted"]);
    env.ok(&["ingest", "--email", "c@example.com", "--consent-sms", "granted"]);
    let lead = env.show("c@example.com");
    assert_eq!(lead["consent"]["email"]["state"], "granted");
    assert_eq!(lead["consent"]["sms"]["state"], "granted");
    // a withdrawal arriving by merge is recorded
    env.ok(&["ingest", "--email", "c@example.com", "--consent-sms", "withdrawn"]);
    assert_eq!(env.show("c@example.com")["consent"]["sms"]["state"], "withdrawn");
    let n: i64 = env
        .sql()
        .query_row("SELECT count(*) FROM consents", [], |r| r.get(0))
        .expect("count consents");
    assert_eq!(n, 3, "consent is appended as history, not overwritten");
}

#[test]
fn a_withdrawal_is_never_turned_back_into_a_grant_by_a_merge() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "w@example.com", "--consent-email", "withdrawn"]);
    // from flags
    let s = env
        .ok(&[
            "ingest",
            "--format",
            "json",
            "--email",
            "W@example.com",
            "--consent-email",
            "granted",
        ])
        .json();
    assert_eq!(s["outcome"], "merged");
    assert!(s["warnings"].as_u64().unwrap() >= 1, "a warning is expected: {s}");
    assert_eq!(env.show("w@example.com")["consent"]["email"]["state"], "withdrawn");
    // from a site form with consent: true and a later timestamp (hours ahead: far-future
    // times are refused as implausible)
    let later = (chrono::Utc::now() + chrono::Duration::hours(12)).to_rfc3339();
    let form = json!({"email": "w@example.com", "consent": true,
        "meta": {"request_id": "form-9", "timestamp_utc": later}});
    env.ingest_ok("f.json", &form.to_string());
    assert_eq!(env.show("w@example.com")["consent"]["email"]["state"], "withdrawn");
    // from a CSV
    env.ingest_ok("f.csv", "email,consent_email\nw@example.com,yes\n");
    let lead = env.show("w@example.com");
    assert_eq!(lead["consent"]["email"]["state"], "withdrawn");
    // and within one file: withdrawn then granted
    env.ingest_ok(
        "g.ndjson",
        "{\"email\":\"g@example.com\",\"consent_email\":\"withdrawn\"}\n{\"email\":\"g@example.com\",\"consent_email\":\"granted\"}\n",
    );
    assert_eq!(env.show("g@example.com")["consent"]["email"]["state"], "withdrawn");
}

#[test]
fn phone_only_leads_merge_by_e164_phone_and_emails_match_by_email_only() {
    let env = TestEnv::new();
    // one process: phone parsing is slow to start in a debug build
    let text = "{\"phone\":\"(555) 987-6543\",\"first_name\":\"Carlos\",\"tags\":[\"callback\"]}\n\
        {\"phone\":\"+1 555-987-6543\",\"first_name\":\"Charles\",\"last_name\":\"Ruiz\",\"tags\":[\"spanish\"]}\n\
        {\"phone\":\"555.987.6543\",\"company\":\"Ruiz SA\"}\n\
        {\"email\":\"e@example.com\",\"phone\":\"555-987-6543\"}\n\
        {\"phone\":\"+44 20 7946 0958\"}\n";
    let s = env.ingest_ok("p.ndjson", text);
    assert_eq!(s["created"], 3, "{s}");
    assert_eq!(s["merged"], 2, "{s}");
    assert_eq!(env.count(), 3);
    let carlos = env.leads_with(&["--tag", "callback"]);
    assert_eq!(carlos.len(), 1);
    let lead = &carlos[0];
    assert_eq!(lead["phone"], "+15559876543");
    assert_eq!(lead["first_name"], "Carlos", "non-empty fields are kept");
    assert_eq!(lead["last_name"], "Ruiz");
    assert_eq!(lead["company"], "Ruiz SA");
    assert_eq!(strs(&lead["tags"]), vec!["callback", "spanish"]);
    assert_eq!(lead["email"], Value::Null);
    // README: "the same email, or without an email the same phone": a record with an email
    // is matched by its email only, so it made a lead of its own
    assert_eq!(env.show("e@example.com")["phone"], "+15559876543");
}

#[test]
fn different_emails_do_not_merge() {
    let env = TestEnv::new();
    let s = env.ingest_ok(
        "d.ndjson",
        "{\"email\":\"ann@example.com\"}\n{\"email\":\"ann@example.org\"}\n{\"email\":\"ann+x@example.com\"}\n",
    );
    assert_eq!(s["created"], 3);
    assert_eq!(env.count(), 3);
}

#[test]
fn dry_run_writes_nothing_to_an_existing_database() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "keep@example.com", "--company", ""]);
    let before = env.leads();
    let text = ndjson_lines(5, |i| json!({"email": format!("d{i}@example.com")}))
        + "{\"email\":\"KEEP@example.com\",\"company\":\"Dry Co\"}\n{\"email\":\"bad\"}\n";
    let r = env.ingest_file("d.ndjson", &text, &["--dry-run"]);
    r.code(4);
    let s = r.json();
    assert_eq!(s["dry_run"], true);
    assert_eq!(s["committed"], false);
    assert_eq!(s["created"], 5, "the summary says what would happen");
    assert_eq!(s["merged"], 1);
    assert_eq!(s["rejected"], 1);
    assert!(r.stderr.contains("Dry run"), "{}", r.stderr);
    assert_eq!(env.leads(), before, "nothing was written");
    assert_eq!(env.show("keep@example.com")["company"], Value::Null);
    // from flags too
    let s =
        env.ok(&["ingest", "--format", "json", "--dry-run", "--email", "new@example.com"]).json();
    assert_eq!(s["created"], 1);
    assert_eq!(s["dry_run"], true);
    assert_eq!(env.count(), 1);
    let audits: i64 = env
        .sql()
        .query_row("SELECT count(*) FROM audit_log WHERE action = 'ingest'", [], |r| r.get(0))
        .expect("count");
    assert_eq!(audits, 1, "only the real ingest left an audit entry");
}

#[test]
fn dry_run_without_a_database_creates_no_file() {
    let env = TestEnv::new();
    let db = env.path("sub/dir/leads.db");
    let db_s = db.to_str().unwrap().to_string();
    let f = env.write("a.ndjson", "{\"email\":\"a@example.com\"}\n{\"email\":\"a@example.com\"}\n");
    let r = env.run(&[
        "--db",
        &db_s,
        "ingest",
        "--dry-run",
        "--format",
        "json",
        "--file",
        f.to_str().unwrap(),
    ]);
    r.code(0);
    assert_eq!(r.json()["created"], 1);
    assert_eq!(r.json()["merged"], 1);
    assert!(!db.exists(), "a dry run created the database");
    assert!(!env.path("sub").exists(), "a dry run created the folder");
    let r = env.run(&["--db", &db_s, "ingest", "--dry-run", "--email", "b@example.com"]);
    r.code(0);
    assert!(!db.exists());
    assert!(!env.db().exists());
}

/// README: "the same `request_id` (`meta.request_id`) again is a *duplicate* and changes
/// nothing (safe retries)". A request id that was merged into a lead which already had a
/// request id is not remembered, so retrying that request merges again.
#[test]
fn a_retried_merge_request_is_a_duplicate() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "ann@example.com", "--request-id", "req-1"]);
    let args = [
        "ingest",
        "--format",
        "json",
        "--email",
        "ANN@example.com",
        "--request-id",
        "req-2",
        "--tag",
        "x",
    ];
    let s = env.ok(&args).json();
    assert_eq!(s["outcome"], "merged");
    let again = env.ok(&args).json();
    assert_eq!(again["outcome"], "duplicate", "{again}");
    assert_eq!(again["duplicates"], 1);
}
