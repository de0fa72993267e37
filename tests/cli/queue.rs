//! The outbox, enqueueing step: ingest writes forward / welcome / admin items in the same
//! transaction as the lead, according to configuration; `queue stats` reports them.

use serde_json::Value;

use crate::common::{TestEnv, keys, sorted};

/// Forwarding and email configured through the environment, as cron or a unit file would.
const CONFIGURED: [(&str, &str); 4] = [
    ("LEADCTL_FORWARD_URL", "http://127.0.0.1:9/leads"),
    ("SMTP_HOST", "127.0.0.1"),
    ("FROM_EMAIL", "hello@example.com"),
    ("ADMIN_EMAIL", "sales@example.com"),
];

/// (kind, idempotency key, payload) of every outbox item, in insertion order.
fn items(env: &TestEnv) -> Vec<(String, String, Value)> {
    let conn = env.sql();
    let mut st =
        conn.prepare("SELECT kind, idempotency_key, payload FROM outbox ORDER BY id").unwrap();
    st.query_map([], |r| {
        let payload: String = r.get(2)?;
        Ok((r.get(0)?, r.get(1)?, serde_json::from_str(&payload).unwrap()))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

fn ingest_configured(env: &TestEnv, name: &str, text: &str, extra: &[&str]) -> crate::common::Run {
    let path = env.write(name, text);
    let mut args = vec!["ingest", "--format", "json", "--file", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    env.run_env(&args, &CONFIGURED)
}

#[test]
fn nothing_configured_enqueues_nothing_and_stats_says_so() {
    let env = TestEnv::new();
    env.ingest_ok("a.ndjson", "{\"email\":\"a@example.com\",\"consent_email\":\"granted\"}\n");
    assert!(items(&env).is_empty());
    let r = env.ok(&["queue", "stats"]);
    assert!(r.stdout.contains("Nothing is configured to be queued"), "{}", r.stdout);
    assert!(r.stdout.contains("The queue is empty."), "{}", r.stdout);
    let doc = env.ok(&["queue", "stats", "--format", "json"]).json();
    assert_eq!(
        keys(&doc),
        sorted(&[
            "configured",
            "items",
            "next_attempt_at",
            "oldest_pending_age_seconds",
            "oldest_pending_at"
        ])
    );
    assert_eq!(doc["configured"], serde_json::json!([]));
    assert_eq!(doc["items"], serde_json::json!([]));
}

#[test]
fn each_new_lead_gets_its_items_in_the_same_transaction() {
    let env = TestEnv::new();
    let text = "\
{\"name\":\"Ann Lee\",\"email\":\"ann@example.com\",\"consent\":true,\"meta\":{\"request_id\":\"r-1\",\"source\":\"site\",\"timestamp_utc\":\"2026-11-20T10:00:00Z\"}}
{\"email\":\"bob@example.com\",\"phone\":\"+15551234567\"}
{\"name\":\"Ann Lee\",\"email\":\"ann@example.com\",\"meta\":{\"request_id\":\"r-1\"}}
{\"email\":\"ann@example.com\",\"company\":\"Lee & Co\",\"meta\":{\"request_id\":\"r-2\"}}
{\"email\":\"bob@example.com\",\"company\":\"Bob Inc\"}
";
    let r = ingest_configured(&env, "in.ndjson", text, &[]);
    r.code(0);
    let s = r.json();
    assert_eq!(
        (s["created"].as_u64(), s["merged"].as_u64(), s["duplicates"].as_u64()),
        (Some(2), Some(2), Some(1))
    );
    let ann = env.show("ann@example.com")["id"].as_str().unwrap().to_string();
    let bob = env.show("bob@example.com")["id"].as_str().unwrap().to_string();
    let got: Vec<(String, String)> =
        items(&env).iter().map(|(k, key, _)| (k.clone(), key.clone())).collect();
    let want: Vec<(String, String)> = [
        ("forward", "r-1".to_string()),
        ("welcome_email", format!("welcome:{ann}")),
        ("admin_alert", format!("admin:{ann}")),
        ("forward", format!("lead:{bob}")),
        ("admin_alert", format!("admin:{bob}")),
        // the repeat of r-1 is a duplicate: nothing; r-2 merges and is forwarded with its id;
        // bob's repeat has no request id: merged, not forwarded again
        ("forward", "r-2".to_string()),
    ]
    .into_iter()
    .map(|(k, key)| (k.to_string(), key))
    .collect();
    assert_eq!(got, want);
    let all = items(&env);
    let fwd = &all[0].2;
    assert_eq!(
        keys(fwd),
        sorted(&["company", "consent", "email", "message", "meta", "name", "phone", "service"])
    );
    assert_eq!(fwd["name"], "Ann Lee");
    assert_eq!(fwd["email"], "ann@example.com");
    assert_eq!(fwd["consent"]["email"], true);
    assert_eq!(fwd["meta"]["request_id"], "r-1");
    assert_eq!(fwd["meta"]["source"], "site");
    assert_eq!(fwd["meta"]["lead_id"], ann.as_str());
    assert_eq!(all[1].2["to"], "ann@example.com");
    assert_eq!(all[2].2["to"], "sales@example.com");
    assert_eq!(all[3].2["phone"], "+15551234567");
    // queue stats counts them per kind and state
    let doc = env.run_env(&["queue", "stats", "--format", "json"], &CONFIGURED);
    doc.code(0);
    let doc = doc.json();
    assert_eq!(doc["configured"], serde_json::json!(["forward", "welcome_email", "admin_alert"]));
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
    assert_eq!(
        counts,
        vec![
            ("admin_alert".into(), "pending".into(), 2),
            ("forward".into(), "pending".into(), 3),
            ("welcome_email".into(), "pending".into(), 1),
        ]
    );
    assert!(doc["oldest_pending_at"].is_string());
}

#[test]
fn rolled_back_and_dry_runs_enqueue_nothing() {
    let env = TestEnv::new();
    let text = "{\"email\":\"a@example.com\"}\n{\"email\":\"not an email\"}\n";
    ingest_configured(&env, "bad.ndjson", text, &["--strict"]).code(4);
    assert!(items(&env).is_empty(), "a rolled-back batch leaves no outbox item");
    ingest_configured(&env, "dry.ndjson", "{\"email\":\"b@example.com\"}\n", &["--dry-run"])
        .code(0);
    assert!(items(&env).is_empty(), "a dry run leaves no outbox item");
    ingest_configured(&env, "ok.ndjson", "{\"email\":\"c@example.com\"}\n", &[]).code(0);
    assert_eq!(items(&env).len(), 2, "forward and admin alert for the one new lead");
}
