//! `leadctl show`: by full id, id prefix or email; ambiguous, unknown and too-short keys; the
//! JSON document and the other formats.

use serde_json::Value;

use crate::common::{TestEnv, parse_csv, strs, template_db};

const ANN: &str = "11111111-1111-4111-8111-111111111111";
const BOB: &str = "11111111-2222-4222-8222-222222222222";

/// Two leads whose ids share the prefix `11111111-`, and one with a generated id (built once,
/// copied per test).
fn fixture() -> TestEnv {
    static DB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TestEnv::with_db(template_db(&DB, build_fixture))
}

fn build_fixture(env: &TestEnv) {
    let text = format!(
        "{{\"id\":\"{}\",\"email\":\"Ann@Example.com\",\"name\":\"Ann Lee\",\"tags\":[\"vip\"],\"consent_email\":\"granted\",\"source\":\"website\"}}\n\
         {{\"id\":\"{BOB}\",\"email\":\"bob@example.com\",\"phone\":\"ask for Bob\"}}\n\
         {{\"email\":\"carol@example.com\",\"message\":\"two\\nlines\"}}\n",
        ANN.to_uppercase()
    );
    let s = env.ingest_ok("ids.ndjson", &text);
    assert_eq!(s["created"], 3);
}

#[test]
fn show_by_full_id_prefix_and_email() {
    let env = fixture();
    assert_eq!(env.show(ANN)["email"], "Ann@example.com");
    assert_eq!(env.show(ANN)["id"], ANN, "ids are stored lowercase");
    assert_eq!(env.show(&ANN.to_uppercase())["id"], ANN);
    assert_eq!(env.show("11111111-1")["id"], ANN);
    assert_eq!(env.show("11111111-2")["id"], BOB);
    assert_eq!(env.show("ann@example.com")["id"], ANN);
    assert_eq!(env.show("ANN@EXAMPLE.COM")["id"], ANN);
    assert_eq!(env.show("  bob@example.com ")["id"], BOB);
    let carol = env.show("carol@example.com");
    let carol_id = carol["id"].as_str().unwrap();
    assert_eq!(env.show(&carol_id[..8])["id"], carol_id);
    assert_eq!(env.show(&carol_id[..4])["id"], carol_id, "4 characters are enough when unique");
}

#[test]
fn ambiguous_prefix_is_a_usage_error_listing_the_candidates() {
    let env = fixture();
    for prefix in ["1111", "11111111", "11111111-"] {
        let r = env.run(&["show", prefix]);
        r.error(2);
        assert!(r.stderr.contains(ANN), "{prefix}: {}", r.stderr);
        assert!(r.stderr.contains(BOB), "{prefix}: {}", r.stderr);
        assert_eq!(r.stdout, "");
    }
}

#[test]
fn unknown_leads_exit_3_and_short_prefixes_exit_2() {
    let env = fixture();
    for key in ["ffffffff", "ffff", "99999999-9999-4999-8999-999999999999", "nobody@example.com"] {
        let r = env.run(&["show", key]);
        r.error(3);
        assert!(r.stderr.contains("no lead matches"), "{}", r.stderr);
    }
    for key in ["111", "1", "ab", "   "] {
        env.run(&["show", key]).error(2);
    }
    env.run(&["show"]).error(2);
}

#[test]
fn show_json_has_every_field_consent_and_related_lists() {
    let env = fixture();
    let doc = env.show(ANN);
    let extra = ["consent", "notes", "status_history", "events", "outbox_pending"];
    for key in crate::common::LEAD_KEYS.iter().chain(&extra) {
        assert!(doc.get(key).is_some(), "show --format json lacks {key}: {doc}");
    }
    assert_eq!(strs(&doc["tags"]), vec!["vip"]);
    for list in ["notes", "status_history", "events", "outbox_pending"] {
        assert!(doc[list].is_array(), "{list} is not an array: {doc}");
    }
    let email = &doc["consent"]["email"];
    assert_eq!(email["state"], "granted");
    assert_eq!(email["source"], "website");
    assert!(email["recorded_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(doc["consent"]["sms"], Value::Null);
    assert_eq!(doc["first_name"], "Ann");
    assert_eq!(doc["last_name"], "Lee");
    let bob = env.show(BOB);
    assert_eq!(bob["phone"], Value::Null);
    assert_eq!(bob["phone_raw"], "ask for Bob");
    assert_eq!(bob["consent"]["email"], Value::Null);
}

#[test]
fn show_table_csv_and_ndjson() {
    let env = fixture();
    let r = env.ok(&["show", ANN]);
    let fields: std::collections::HashMap<String, String> = r
        .stdout
        .lines()
        .filter_map(|l| {
            let t = l.trim_start();
            t.split_once("  ").map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        })
        .collect();
    assert_eq!(fields["id"], ANN);
    assert_eq!(fields["name"], "Ann Lee");
    assert_eq!(fields["email"], "Ann@example.com");
    assert_eq!(fields["tags"], "vip");
    assert_eq!(fields["status"], "new");
    assert!(fields["email consent"].starts_with("granted"), "{}", r.stdout);
    let r = env.ok(&["show", "carol@example.com"]);
    assert!(r.stdout.contains("two\n  lines"), "the message is shown: {}", r.stdout);
    let bob = env.ok(&["show", BOB]);
    assert!(bob.stdout.contains("ask for Bob"), "{}", bob.stdout);

    let r = env.ok(&["show", ANN, "--format", "csv"]);
    let doc = parse_csv(&r.stdout);
    assert_eq!(doc.header.len(), 13);
    assert_eq!(doc.rows.len(), 1);
    assert_eq!(doc.rows[0]["id"], ANN);
    assert_eq!(doc.rows[0]["tags"], "vip");
    let r = env.ok(&["show", ANN, "--format", "ndjson"]);
    let lines = r.ndjson();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0], env.show(ANN));
}

#[test]
fn the_short_id_of_the_table_works_with_show() {
    let env = fixture();
    let table = env.ok(&["list"]).stdout;
    let shorts: Vec<String> = table
        .lines()
        .filter(|l| l.starts_with('│') && !l.contains("created"))
        .map(|l| l.trim_matches('│').split('┆').next().unwrap().trim().to_string())
        .collect();
    assert_eq!(shorts.len(), 3);
    assert!(shorts.contains(&"11111111-1".to_string()), "{shorts:?}");
    for s in &shorts {
        let lead = env.show(s);
        assert!(lead["id"].as_str().unwrap().starts_with(s.as_str()));
    }
}

#[test]
fn show_is_scoped_to_the_organisation() {
    let env = fixture();
    env.ok(&["--org", "acme", "ingest", "--email", "acme@example.com"]);
    env.run(&["show", "acme@example.com"]).error(3);
    assert_eq!(
        env.ok(&["--org", "acme", "show", "acme@example.com", "--format", "json"]).json()["org"],
        "acme"
    );
    env.run(&["--org", "acme", "show", ANN]).error(3);
    env.run(&["--org", "nosuch", "show", ANN]).error(3);
}
