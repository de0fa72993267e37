//! `leadctl db`: check (healthy, broken invariants, corrupt pages, not a database), backup
//! while the listener writes, restore (confirmation, refusal of bad files, old schemas),
//! migrate, vacuum and stats, all on real files through the real binary.

use std::time::{Duration, Instant};

use crate::common::{TestEnv, ndjson_lines};
use crate::server::{Server, agent, token_env};

/// A database with `n` leads (tagged, some with consent, so outbox items and counters exist).
fn env_with_leads(n: usize) -> TestEnv {
    let env = TestEnv::new();
    let body = ndjson_lines(n, |i| {
        serde_json::json!({
            "email": format!("db{i}@example.com"), "name": format!("Db Person{i}"),
            "tags": if i % 2 == 0 { "vip" } else { "webinar,vip" }, "source": "test",
        })
    });
    env.ingest_file("leads.ndjson", &body, &[]);
    env
}

/// Nothing a backup or restore wrote on the way is left in the test folder.
fn assert_no_temporary_files(env: &TestEnv) {
    let leftovers: Vec<String> = std::fs::read_dir(env.home())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn count_leads(db: &std::path::Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM leads", [], |r| r.get(0)).unwrap()
}

#[test]
fn check_passes_a_healthy_database_and_reads_only() {
    let env = env_with_leads(20);
    let r = env.ok(&["db", "check"]);
    assert!(r.stdout.starts_with("ok: "), "{}", r.stdout);
    let doc = env.ok(&["--format", "json", "db", "check", "--search-index"]).json();
    assert_eq!(doc["ok"], true, "{doc}");
    assert_eq!(doc["invariants"].as_array().unwrap().len(), 0, "{doc}");
    // A check never creates a database.
    let missing = env.p("missing.db");
    env.run(&["--db", &missing, "db", "check"]).error(3);
    assert!(!env.path("missing.db").exists());
}

#[test]
fn check_reports_every_broken_invariant_and_exits_5() {
    let env = env_with_leads(10);
    {
        let conn = env.sql();
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO outbox (org_id, lead_seq, kind, idempotency_key, payload, next_attempt_at,
                                 created_at, updated_at)
             VALUES (1, 999999, 'forward', 'orphan', '{}', '2026-01-01', '2026-01-01', '2026-01-01');
             UPDATE tags SET lead_count = lead_count + 5 WHERE name = 'vip';
             UPDATE lead_counts SET n = n + 1;",
        )
        .unwrap();
    }
    let r = env.run(&["db", "check"]);
    r.error(5);
    assert!(r.stdout.contains("problems found"), "{}", r.stdout);
    for expected in [
        "1 outbox item(s) for a missing lead",
        "1 tag(s) whose lead count is wrong",
        "lead count(s) per status that differ",
        "outbox row",
    ] {
        assert!(r.stdout.contains(expected), "report names {expected:?}:\n{}", r.stdout);
    }
    let doc = env.run(&["--format", "json", "db", "check"]).json();
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["foreign_keys"].as_array().unwrap().len(), 1, "{doc}");
    assert_eq!(doc["invariants"].as_array().unwrap().len(), 3, "{doc}");
}

#[test]
fn check_finds_corrupt_pages_and_refuses_files_that_are_not_databases() {
    let env = env_with_leads(300);
    // Fold the log into the file, then overwrite a page in the middle (not the header).
    env.sql().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    let mut bytes = std::fs::read(env.db()).unwrap();
    let page = 8192;
    assert!(bytes.len() > 8 * page, "database of {} bytes", bytes.len());
    let at = bytes.len() / page / 2 * page;
    bytes[at..at + page].fill(0x5a);
    std::fs::write(env.db(), &bytes).unwrap();
    let r = env.run(&["db", "check"]);
    r.error(5);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    let junk = env.write("junk.db", "this is not a database, just text of some length........");
    let r = env.run(&["--db", junk.to_str().unwrap(), "db", "check"]);
    r.error(5);
    assert!(r.stderr.contains("not a SQLite database"), "{}", r.stderr);
}

#[test]
fn backup_is_consistent_while_the_listener_writes() {
    let env = env_with_leads(5);
    let server = Server::start(&env, &token_env());
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (stop, url) = (stop.clone(), server.url("/inbound/leads"));
        std::thread::spawn(move || {
            let agent = agent();
            let mut ok = 0;
            let mut i = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) && i < 5000 {
                let body = format!(
                    r#"{{"email":"live{i}@example.com","meta":{{"request_id":"live-{i}"}}}}"#
                );
                let r = crate::server::post(&agent, &url, &crate::server::json_auth(), &body);
                if r.map(|r| r.status == 201).unwrap_or(false) {
                    ok += 1;
                }
                i += 1;
            }
            ok
        })
    };
    let started = Instant::now();
    let mut seen = Vec::new();
    for k in 0..4 {
        // Let some leads arrive between backups.
        std::thread::sleep(Duration::from_millis(150));
        let out = env.p(&format!("backup-{k}.db"));
        let r = env.ok(&["db", "backup", "--output", &out]);
        assert!(r.stderr.contains("Backed up"), "{}", r.stderr);
        let path = env.path(&format!("backup-{k}.db"));
        assert!(!env.path(&format!("backup-{k}.db-wal")).exists(), "a single file");
        env.ok(&["--db", &out, "db", "check"]);
        seen.push(count_leads(&path));
        assert!(started.elapsed() < Duration::from_secs(60));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let answered = writer.join().unwrap();
    server.stop();
    assert!(answered > 0, "the listener answered while backups ran");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "backups only grow: {seen:?}");
    assert!(seen[0] >= 5, "{seen:?}");
    let total = count_leads(&env.db());
    assert!(*seen.last().unwrap() <= total, "{seen:?} vs {total}");
    assert_eq!(total, 5 + answered, "every 201 stored");
    // No temporary files left beside the backups.
    assert_no_temporary_files(&env);
}

#[test]
fn backup_refuses_the_database_itself_and_missing_folders() {
    let env = env_with_leads(2);
    let db = env.db().to_str().unwrap().to_string();
    env.run(&["db", "backup", "--output", &db]).error(2);
    let nowhere = env.p("no/such/folder/b.db");
    env.run(&["db", "backup", "--output", &nowhere]).error(3);
    assert_eq!(count_leads(&env.db()), 2);
}

#[test]
fn restore_replaces_the_data_after_confirmation_and_refuses_bad_files() {
    let env = env_with_leads(4);
    let backup = env.p("b.db");
    env.ok(&["db", "backup", "--output", &backup]);
    env.ingest_file("more.ndjson", r#"{"email":"later@example.com"}"#, &[]);
    assert_eq!(count_leads(&env.db()), 5);
    // No terminal and no --yes: refused, nothing changed.
    env.run(&["db", "restore", &backup]).error(2);
    assert_eq!(count_leads(&env.db()), 5);
    // Not a database; a database from a newer leadctl; a broken one: refused, untouched.
    let junk = env.write("junk.db", "not a database at all, only some text for the header...");
    env.run(&["db", "restore", junk.to_str().unwrap(), "--yes"]).error(5);
    let newer = env.p("newer.db");
    std::fs::copy(env.path("b.db"), env.path("newer.db")).unwrap();
    rusqlite::Connection::open(&newer).unwrap().pragma_update(None, "user_version", 999).unwrap();
    env.run(&["db", "restore", &newer, "--yes"]).error(4);
    let broken = env.p("broken.db");
    std::fs::copy(env.path("b.db"), env.path("broken.db")).unwrap();
    rusqlite::Connection::open(&broken)
        .unwrap()
        .execute_batch("UPDATE tags SET lead_count = 77")
        .unwrap();
    let r = env.run(&["db", "restore", &broken, "--yes"]);
    r.error(4);
    assert!(r.stderr.contains("left untouched"), "{}", r.stderr);
    assert_eq!(count_leads(&env.db()), 5);
    // The real restore.
    let r = env.ok(&["db", "restore", &backup, "--yes"]);
    assert!(r.stderr.contains("Restored"), "{}", r.stderr);
    assert_eq!(count_leads(&env.db()), 4);
    env.ok(&["db", "check"]);
    let emails = env.emails_with(&[]);
    assert!(!emails.contains(&"later@example.com".to_string()), "{emails:?}");
}

#[test]
fn migrate_brings_an_older_schema_up_to_date() {
    let env = env_with_leads(3);
    let latest = env.ok(&["--format", "json", "db", "migrate"]).json()["to"].as_i64().unwrap();
    // Make it look like the schema before the last migration (0006 dropped these indexes).
    env.sql()
        .execute_batch(&format!(
            "CREATE INDEX leads_org ON leads (org_id);
             CREATE INDEX leads_status ON leads (status);
             CREATE INDEX leads_created ON leads (created_at);
             CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
             PRAGMA user_version = {};",
            latest - 1
        ))
        .unwrap();
    let r = env.ok(&["db", "migrate"]);
    assert!(
        r.stderr.contains(&format!("from schema version {} to {latest}", latest - 1)),
        "{}",
        r.stderr
    );
    let r = env.ok(&["db", "migrate"]);
    assert!(r.stderr.contains("up to date"), "{}", r.stderr);
    let n: i64 = env
        .sql()
        .query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'leads_org'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    // A database from a newer leadctl is refused untouched.
    env.sql().pragma_update(None, "user_version", 999).unwrap();
    let r = env.run(&["db", "migrate"]);
    r.error(5);
    assert!(r.stderr.contains("newer"), "{}", r.stderr);
}

#[test]
fn stats_counts_rows_and_vacuum_shrinks_after_deletes() {
    let env = env_with_leads(400);
    let doc = env.ok(&["--format", "json", "db", "stats"]).json();
    assert_eq!(doc["tables"]["leads"], 400, "{doc}");
    assert_eq!(doc["schema_version"], doc["latest_schema_version"]);
    assert!(doc["file_bytes"].as_u64().unwrap() > 0);
    let table = env.ok(&["db", "stats"]).stdout;
    assert!(table.contains("schema version") && table.contains("leads"), "{table}");
    // A dropped table leaves free pages behind (as a large forget or queue clear would).
    env.sql()
        .execute_batch("CREATE TABLE scratch AS SELECT * FROM leads; DROP TABLE scratch;")
        .unwrap();
    let before = env.ok(&["--format", "json", "db", "stats"]).json();
    assert!(before["free_pages"].as_i64().unwrap() > 0, "{before}");
    let r = env.ok(&["db", "vacuum"]);
    assert!(r.stderr.contains("Vacuumed"), "{}", r.stderr);
    let after = env.ok(&["--format", "json", "db", "stats"]).json();
    assert_eq!(after["free_pages"], 0, "{after}");
    assert_eq!(after["wal_bytes"], 0, "{after}");
    assert_eq!(after["tables"]["leads"], 400);
    env.ok(&["db", "check"]);
}

#[test]
fn check_finds_missing_counter_and_statistics_rows() {
    for damage in [
        "DELETE FROM lead_counts WHERE status = 'new'",
        "DELETE FROM lead_facets",
        "UPDATE lead_facets SET n = n + 1",
    ] {
        let env = env_with_leads(6);
        env.sql().execute_batch(damage).unwrap();
        let r = env.run(&["db", "check"]);
        r.error(5);
        assert!(r.stdout.contains("differ"), "{damage}: {}", r.stdout);
    }
}

#[test]
fn backups_are_private_files_and_never_replace_the_databases_own_files() {
    let env = env_with_leads(3);
    let out = env.p("private.db");
    env.ok(&["db", "backup", "--output", &out]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(env.path("private.db")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "a backup holds personal data");
    }
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut p = env.db().into_os_string();
        p.push(suffix);
        env.run(&["db", "backup", "--output", p.to_str().unwrap()]).error(2);
    }
    assert_eq!(count_leads(&env.db()), 3);
}

#[test]
fn a_backup_with_another_page_size_is_restored() {
    let env = env_with_leads(5);
    let backup = env.p("small-pages.db");
    env.ok(&["db", "backup", "--output", &backup]);
    {
        let c = rusqlite::Connection::open(&backup).unwrap();
        c.execute_batch("PRAGMA page_size = 4096; VACUUM;").unwrap();
        let size: i64 = c.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
        assert_eq!(size, 4096);
    }
    env.ingest_file("more.ndjson", r#"{"email":"later@example.com"}"#, &[]);
    env.ok(&["db", "restore", &backup, "--yes"]);
    assert_eq!(count_leads(&env.db()), 5);
    let size: i64 = env.sql().query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
    assert_eq!(size, 8192, "the live database keeps its page size");
    env.ok(&["db", "check", "--search-index"]);
    assert_no_temporary_files(&env);
}
