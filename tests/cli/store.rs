//! The database file: created 0600 in a 0700 folder, and the append-only audit log.

use serde_json::Value;

use crate::common::TestEnv;

#[cfg(unix)]
fn mode(p: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_database_is_created_0600_in_new_0700_folders() {
    let env = TestEnv::new();
    let db = env.path("data/nested/leads.db");
    let r = env.run(&["--db", db.to_str().unwrap(), "ingest", "--email", "a@example.com"]);
    r.code(0);
    assert!(db.exists());
    assert_eq!(mode(&db), 0o600, "database file mode");
    assert_eq!(mode(&env.path("data/nested")), 0o700, "database folder mode");
    assert_eq!(mode(&env.path("data")), 0o700, "parent folder mode");
    for suffix in ["-wal", "-shm"] {
        let side = env.path(&format!("data/nested/leads.db{suffix}"));
        if side.exists() {
            assert_eq!(mode(&side) & 0o077, 0, "{suffix} is readable by others");
        }
    }
    // LEADCTL_DB works the same way
    let db2 = env.path("other/leads.db");
    env.run_env(&["ingest", "--email", "b@example.com"], &[("LEADCTL_DB", db2.to_str().unwrap())])
        .code(0);
    assert_eq!(mode(&db2), 0o600);
    assert_eq!(mode(&env.path("other")), 0o700);
    // the default location under HOME
    let mut c = env.cmd(&["ingest", "--email", "c@example.com"]);
    c.env_remove("LEADCTL_DB");
    assert!(c.output().unwrap().status.success());
    let default_db = env.path(".local/share/leadctl/leadctl.db");
    assert_eq!(mode(&default_db), 0o600);
    assert_eq!(mode(&env.path(".local/share/leadctl")), 0o700);
}

#[test]
fn the_database_is_in_wal_mode_with_the_current_schema_version() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "a@example.com"]);
    let conn = env.sql();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, leadctl::store::migrations::MIGRATIONS.len() as i64);
    // opening it again does not migrate or change anything
    drop(conn);
    env.ok(&["list"]);
    let v2: i64 = env.sql().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v2, version);
    // synchronous=normal is accepted
    env.run_env(&["ingest", "--email", "b@example.com"], &[("LEADCTL_SYNCHRONOUS", "normal")])
        .code(0);
    assert_eq!(env.count(), 2);
}

fn ingest_audits(env: &TestEnv) -> Vec<(String, String, String, Value)> {
    let conn = env.sql();
    let mut st = conn
        .prepare(
            "SELECT actor, action, coalesce(entity_type, ''), coalesce(details, 'null') \
             FROM audit_log WHERE action = 'ingest' ORDER BY id",
        )
        .expect("prepare");
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, String>(3)?)))
        .expect("query")
        .map(|r| {
            let (a, b, c, d) = r.expect("row");
            (a, b, c, serde_json::from_str(&d).expect("details JSON"))
        })
        .collect()
}

#[test]
fn an_ingest_leaves_an_audit_entry_with_its_counts() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "old@example.com"]);
    let f = env.write(
        "a.ndjson",
        "{\"email\":\"a@example.com\",\"request_id\":\"r1\"}\n{\"email\":\"OLD@example.com\",\"company\":\"C\"}\n{\"email\":\"b@example.com\",\"request_id\":\"r1\"}\n{\"email\":\"bad\"}\n",
    );
    env.run(&["--actor", "auditor", "ingest", "--file", f.to_str().unwrap()]).code(4);
    let audits = ingest_audits(&env);
    assert_eq!(audits.len(), 2, "one entry per ingest");
    let (actor, action, entity, d) = &audits[1];
    assert_eq!(actor, "auditor");
    assert_eq!(action, "ingest");
    assert_eq!(entity, "ingest_run");
    assert_eq!(d["records"], 4);
    assert_eq!(d["created"], 1);
    assert_eq!(d["merged"], 1);
    assert_eq!(d["duplicates"], 1);
    assert_eq!(d["rejected"], 1);
    assert_eq!(d["format"], "ndjson");
    assert!(d["origin"].as_str().unwrap().ends_with("a.ndjson"), "{d}");
    let (actor, _, _, d) = &audits[0];
    assert_eq!(actor, "tester", "LEADCTL_ACTOR is the actor");
    assert_eq!(d["created"], 1);
    // no emails in the audit details
    let all: String = audits.iter().map(|a| a.3.to_string()).collect();
    assert!(!all.contains("a@example.com"), "{all}");
    // a failed strict run and a dry run leave no entry
    env.run(&["ingest", "--strict", "--file", f.to_str().unwrap()]).code(4);
    env.run(&["ingest", "--dry-run", "--file", f.to_str().unwrap()]).code(4);
    assert_eq!(ingest_audits(&env).len(), 2);
}

#[test]
fn the_audit_log_is_append_only() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "a@example.com"]);
    let conn = env.sql();
    let n: i64 = conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap();
    assert!(n >= 1);
    let upd = conn.execute("UPDATE audit_log SET actor = 'mallory'", []);
    assert!(upd.is_err(), "UPDATE on audit_log succeeded");
    assert!(upd.unwrap_err().to_string().contains("append-only"));
    let del = conn.execute("DELETE FROM audit_log", []);
    assert!(del.is_err(), "DELETE on audit_log succeeded");
    let actor: String = conn
        .query_row("SELECT actor FROM audit_log ORDER BY id LIMIT 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(actor, "tester");
    let after: i64 = conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap();
    assert_eq!(after, n);
    // appending still works
    drop(conn);
    env.ok(&["ingest", "--email", "b@example.com"]);
    let more: i64 =
        env.sql().query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap();
    assert_eq!(more, n + 1);
}

/// The counters that give `list` its totals, and the search index, must match the leads
/// exactly after batched and bulk loads, merges that change searched fields, and two orgs.
#[test]
fn counters_and_search_index_stay_exact() {
    let env = TestEnv::new();
    let mut a = String::new();
    for i in 0..300 {
        let status = ["new", "invited", "lost"][i % 3];
        let tags = if i % 2 == 0 { "[\"vip\"]" } else { "[\"vip\", \"b\"]" };
        a.push_str(&format!(
            "{{\"email\":\"p{i}@example.com\",\"status\":\"{status}\",\"tags\":{tags}}}\n"
        ));
    }
    env.ingest_file("a.ndjson", &a, &["--load-mode", "bulk"]).code(0);
    // Merges that fill searched fields (names, phone) and add tags; a second org in batches.
    let mut b = String::new();
    for i in 0..100 {
        b.push_str(&format!(
            "{{\"email\":\"P{i}@example.com\",\"name\":\"Zoë Ångström{i}\",\"tags\":[\"b\",\"c\"]}}\n"
        ));
    }
    env.ingest_file("b.ndjson", &b, &["--batch-size", "7"]).code(0);
    env.ingest_file("c.ndjson", &a, &["--org", "other", "--load-mode", "batched"]).code(0);

    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let mismatched: i64 = conn
        .query_row(
            "SELECT count(*) FROM (SELECT org_id, status, count(*) AS n FROM leads \
             GROUP BY org_id, status) c FULL JOIN lead_counts k USING (org_id, status) \
             WHERE c.n IS NOT k.n",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mismatched, 0, "lead_counts differ from count(*)");
    let bad_tags: i64 = conn
        .query_row(
            "SELECT count(*) FROM tags t WHERE t.lead_count != \
             (SELECT count(*) FROM lead_tags lt WHERE lt.tag_id = t.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad_tags, 0, "tags.lead_count differs from lead_tags");
    conn.execute("INSERT INTO leads_fts (leads_fts) VALUES ('integrity-check')", [])
        .expect("the search index matches the leads");

    // And the totals list reports come from those counters.
    let total = |args: &[&str]| {
        let mut v = vec!["list", "--format", "json"];
        v.extend_from_slice(args);
        env.ok(&v).json()["total"].as_u64().unwrap()
    };
    assert_eq!(total(&[]), 300);
    assert_eq!(total(&["--status", "lost"]), 100);
    assert_eq!(total(&["--tag", "c"]), 100);
    assert_eq!(total(&["--tag", "vip", "--org", "other"]), 300);
    assert_eq!(total(&["-q", "ångström1"]), 11);
    assert_eq!(total(&["-q", "ZOË"]), 100);
}
